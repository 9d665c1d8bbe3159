"""The rules' view of `extractors.dates`: date mentions with a label and a bound."""

from __future__ import annotations

import contextlib
import logging
import re
from dataclasses import replace

from extractors.rules.context import DateRef
from factwatch.model import FuzzyDate

__all__ = ["find_date_refs"]

log = logging.getLogger(__name__)


PAST_WINDOW = 60  # characters before a date in which a past-tense verb is looked for


def _a_year_earlier(date: FuzzyDate) -> FuzzyDate:
    year, rest = date.label[:4], date.label[4:]
    return FuzzyDate.from_label(f"{int(year) - 1}{rest}", date.text)


def find_date_refs(
    text: str, *, lang: str, published: FuzzyDate, past: re.Pattern[str] | None = None
) -> list[DateRef]:
    """Every labelled date of `text` (ranges, decades and unresolved dates are left out).

    A date written without its year ("en juillet") that falls after the published date
    but is told in the past tense ("a vu poser sa première pierre en juillet") is the
    year before.
    """
    from extractors.dates import find_dates

    refs = []
    for mention in find_dates(text, lang=lang, published=published):
        if mention.date is None:
            continue
        date = mention.date
        told_past = past is not None and bool(
            past.search(text[max(0, mention.start - PAST_WINDOW) : mention.start])
        )
        if told_past and date.start > published.end and not re.search(r"\d{4}", mention.text):
            with contextlib.suppress(ValueError, TypeError):
                mention = replace(mention, date=_a_year_earlier(date))
        bound = str(getattr(mention, "bound", "at") or "at")
        if mention.date is not None:
            refs.append(DateRef(mention.start, mention.end, mention.date, bound))
    return refs
