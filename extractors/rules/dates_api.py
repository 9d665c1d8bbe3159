"""The rules' view of `extractors.dates`: date mentions with a label and a bound."""

from __future__ import annotations

import contextlib
import datetime
import logging
import re
from dataclasses import replace
from typing import Any

from extractors.rules.context import DateRef
from factwatch.model import FuzzyDate

__all__ = ["find_date_refs"]

log = logging.getLogger(__name__)


PAST_WINDOW = 60  # characters before a date in which a past-tense verb is looked for


def _a_year_earlier(date: FuzzyDate) -> FuzzyDate:
    year, rest = date.label[:4], date.label[4:]
    return FuzzyDate.from_label(f"{int(year) - 1}{rest}", date.text)


def _a_week_later(date: FuzzyDate) -> FuzzyDate:
    day = datetime.date.fromisoformat(date.label) + datetime.timedelta(days=7)
    return FuzzyDate.from_label(day.isoformat(), date.text)


# a weekday alone ("mercredi", "ab Mittwoch", "from Wednesday"), not "mercredi dernier"
_BARE_WEEKDAY = re.compile(
    r"^(?:(?:à partir d[eu]|dès|from|starting|on|ab|am|le|ce)\s+)*"
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
    r"sonntag)$",
    re.I,
)
_IN_YEARS = re.compile(r"in\s", re.I)
_NAMES_ITS_YEAR = re.compile(
    r"\b(?:next|last|this|coming|prochaine?|dernière|dernier|cette|cet|kommende[nmr]?|"
    r"nächste[nmr]?|vergangene[nmr]?|dieses|diesen|letzte[nmr]?)\b",
    re.I,
)
_DATED_THING = re.compile(
    r"\b(?:\w*einigung|\w*vereinbarung|beschluss|\w*vertrag|abkommen|entscheidung|accord|"
    r"décision|protocole|agreement|deal|decision|settlement)\b[^.;:!?]{0,50}?\s(?:vom|du|of)\s*$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÀ-ÝÄÖÜ«\"“])")
# a date that repeats the one before: "cessera sa production à la même date"
_SAME_DATE = re.compile(
    r"\b(?:à la même date|le même jour|au même moment|à cette date|at the same time|on the same day|"
    r"on that date|by then|zum selben Zeitpunkt|zum gleichen Zeitpunkt|am selben Tag|am gleichen Tag)\b",
    re.I,
)


def _tense_window(text: str, start: int) -> str:
    """The text before a date in which its tense is read: this sentence's, not the last's."""
    return _SENTENCE_END.split(text[max(0, start - PAST_WINDOW) : start])[-1]


def _same_date_refs(text: str, refs: list[DateRef]) -> list[DateRef]:
    out = []
    for m in _SAME_DATE.finditer(text):
        before = [  # a written date, not "vendredi" (the day it was announced)
            r for r in refs if r.end <= m.start() and not r.ranged and re.search(r"\d", r.date.text)
        ]
        if before:
            out.append(DateRef(m.start(), m.end(), before[-1].date, "at"))
    return out


def _range_refs(mention: Any) -> list[DateRef]:
    """ "2005/2006", "entre 2021 et 2024", "from 2019 to 2024": a from-date and an until-date."""
    parts = [p for p in getattr(mention, "parts", ()) if isinstance(p, FuzzyDate)]
    if len(parts) < 2:
        return []
    first, last = parts[0], parts[-1]
    if first.start > last.start:
        return []
    return [
        DateRef(mention.start, mention.end, first, "from", ranged=True),
        DateRef(mention.start, mention.end, last, "until", ranged=True),
    ]


def find_date_refs(
    text: str,
    *,
    lang: str,
    published: FuzzyDate,
    past: re.Pattern[str] | None = None,
    future: re.Pattern[str] | None = None,
) -> list[DateRef]:
    """Every labelled date of `text` (decades and unresolved dates are left out).

    A range ("2005/2006", "entre 2021 et 2024") is a from-date and an until-date.
    A date written without its year ("en juillet") that falls after the published date
    but is told in the past tense ("a vu poser sa première pierre en juillet") is the
    year before. "In four years" told in the past tense ("wurden in vier Jahren … gebaut")
    is a duration, not a date.
    """
    from extractors.dates import find_dates

    refs: list[DateRef] = []
    for mention in find_dates(text, lang=lang, published=published):
        if mention.date is None:
            refs.extend(_range_refs(mention))
            continue
        date = mention.date
        if date.start <= published.end:  # not after the article: told as it is
            bound = str(getattr(mention, "bound", "at") or "at")
            if _BARE_WEEKDAY.search(mention.text) and date.end < published.start:
                window = _tense_window(text, mention.start)
                said = future is not None and future.search(window)
                if said and not (past is not None and past.search(window[said.end() :])):
                    # "seront arrêtées à partir de mercredi": the coming one, not the last
                    with contextlib.suppress(ValueError, TypeError):
                        date = _a_week_later(date)
            refs.append(DateRef(mention.start, mention.end, date, bound))
            continue
        window = _tense_window(text, mention.start)
        past_cue = None if past is None else next(reversed(list(past.finditer(window))), None)
        told_past = past_cue is not None and not (
            future is not None and future.search(window[past_cue.end() :])
        )  # "… was built. It will follow next year": the future, told after the past
        if (
            past_cue is not None
            and date.start > published.end
            and _IN_YEARS.match(mention.text)
            and str(mention.kind) == "relative"
            and not (future is not None and future.search(window[past_cue.end() :]))
        ):
            continue
        # "die Einigung vom 20. Dezember", "l'accord du 20 décembre": a dated thing, done
        lead = re.match(r"(?:vom|du|of)\b", mention.text, re.I)  # the date may hold its "vom"
        dated = _DATED_THING.search(
            text[max(0, mention.start - 80) : mention.start + (lead.end() if lead else 0)]
        )
        if (
            (told_past or (dated and date.start > published.end))
            and date.start > published.end
            and not re.search(r"\d{4}", mention.text)
            and not _NAMES_ITS_YEAR.search(mention.text)  # "next year" says which year
        ):
            with contextlib.suppress(ValueError, TypeError):
                mention = replace(mention, date=_a_year_earlier(date))
        bound = str(getattr(mention, "bound", "at") or "at")
        if mention.date is not None:
            refs.append(DateRef(mention.start, mention.end, mention.date, bound))
    return sorted([*refs, *_same_date_refs(text, refs)], key=lambda r: r.start)
