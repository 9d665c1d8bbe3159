"""Fuzzy dates in French, English and German news text → DESIGN.md DATE labels.

Pure and fast (no spaCy, no clock): one precompiled regular expression per
language, tried only around "triggers" (a year, a month or season word, …), then
a few linear passes. `find_dates` lists every date mention of a text, in order,
non-overlapping, the longest expression winning; `parse_date` reads one.

What a mention covers
    The span and `text` are the expression as written, *including* the
    preposition that introduces it ("à partir de 2026", "by the end of 2025",
    "bis spätestens Ende 2033", "au second semestre 2025", "im Oktober");
    `FuzzyDate.text` is the same string. `bound` says what that preposition
    means: ``from`` (à partir de, dès, depuis, from, since, no earlier than,
    ab, seit, vom …), ``until`` (jusqu'à, until, through, bis …), ``by`` (d'ici,
    au plus tard, avant, by, before, within, spätestens …) or ``at``. The label
    is the date's own either way ("d'ici fin 2025" → 2025-late, bound by).

Kinds (`DateKind`)
    ``absolute``  the text names the year ("fin 2024", "Q3 2025", "17.10.2022")
    ``year``      a bare year, possibly after a preposition ("en 2027", "by 2027")
    ``relative``  resolved against `published` ("l'an prochain", "cet été",
                  "in October", "Ende des Jahres", "on Wednesday", "il y a deux
                  ans"); date None when `published` is too coarse ("next month"
                  or "on Tuesday" with a year-only published date)
    ``fiscal``    a fiscal year ("FY2025", "exercice 2025 (avril 2024 - mars 2025)")
    ``range``     alternatives or an uncertain span ("entre 2025 et 2026",
                  "2025-2026", "2025 or 2026", "zwischen 2025 und 2026",
                  "fin 2025 ou début 2026"): date None, `parts` holds the ends
    ``decade``    "les années 1990", "the 2020s", "1990er Jahre": date None

Resolution rules (documented choices)
    - A month, season, half or quarter without a year takes the published year
      ("en novembre" in an article of 2025-05 → 2025-11), whatever the tense
      (so "la première pierre en juillet", published 2024-05, is 2024-07 even
      though the text means July 2023). Explicit cues move it:
      "dernier/last/vergangenen" → the latest one before the published date
      (for a season: the latest one that has ended, so "last summer" in July
      is a year ago), "prochain/next/kommenden" → the first one after it.
    - "this/cet/diesen winter": the winter running at the published date
      (published in January or February → the winter that began the December
      before). A label YYYY-winter is December YYYY – February YYYY+1, so
      "hiver 2025" → 2025-winter.
    - "later this year", "earlier this year", "cette année" → the published year;
      "il y a deux ans", "three years ago", "vor zwei Jahren" → published year − 2;
      "d'ici deux ans", "in two years", "in zwei Jahren" → + 2 (a duration such
      as "pendant deux ans" is not a date).
    - A weekday alone ("on Wednesday", "mercredi", "am Montag") → the latest such
      day on or before the published day (news reports what happened); "next
      Monday" looks forward; "yesterday/hier/gestern" → the day before.
    - Early/mid/late of a month ("mi-novembre", "late October") → the month;
      of a season ("late summer", "Spätsommer") → the season; "la seconde
      quinzaine de décembre" → the month; "la rentrée 2025" → 2025-09.
    - Numeric dates: 2022-10-17 is ISO, 2024-03 a month; d/m/y in French and
      German. In English m/d/y unless the first number is over 12.
    - Periods "du 13 septembre au 11 octobre", "from 2025 to 2027",
      "vom 29. Januar bis zum 11. Februar" are two mentions, the first with
      bound ``from``, the second with bound ``until`` (each keeps its label;
      "du 3 au 7 mars" gives the 3rd the month of the 7th; an end whose year
      was inferred and falls before the start moves to the next year, as in
      "from Nov. 18 through Jan. 6").
    - Fiscal years: when the text defines one ("fiscal year 2025, which begins
      in April 2024", "exercice 2025 (avril 2024 - mars 2025)"), the date's
      `start`/`end` are the exact fiscal interval and the label is the calendar
      year holding most of its months (no DESIGN.md label spans two calendar
      years); the definition also applies to the text's other fiscal years
      ("FY2026" → April 2025 – March 2026). Undefined: "FY2025" → 2025.
      "Geschäftsjahr 2024/25", "FY2020-22" → a ``fiscal`` mention, date None.

Not dates: numbers outside 1900–2099 or inside bigger numbers ("300.000",
"1,250"), counts ("2000 salariés", "about 2000 jobs"), percentages, money,
years inside URLs, model names ("Peugeot 2008", "Audi Q4", "Dacia Spring"),
model years ("the 2025 Ioniq 5", "2026 model year", "millésime 2024"), "été"
as a participle ("a été"), "Black Friday", "Christian Sommer".
"""

from __future__ import annotations

import logging
import re
import re._constants as _sre  # to read the first characters of a pattern (see _gate)
import re._parser as _parser
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import Any

from factwatch.model import FuzzyDate, fold

__all__ = [
    "DateBound",
    "DateKind",
    "DateMention",
    "find_dates",
    "parse_date",
]

log = logging.getLogger(__name__)

LANGS = ("fr", "en", "de")


class DateKind(StrEnum):
    ABSOLUTE = "absolute"
    YEAR = "year"
    RELATIVE = "relative"
    FISCAL = "fiscal"
    RANGE = "range"
    DECADE = "decade"


class DateBound(StrEnum):
    """What the introducing preposition says about the date.

    ``from``: a state begins (à partir de, since, ab); ``until``: a state lasts up to
    it (jusqu'à, until, bis); ``by``: a deadline, the latest date of an event
    (d'ici, by, before, spätestens); ``at``: the date itself.
    """

    AT = "at"
    FROM = "from"
    UNTIL = "until"
    BY = "by"


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression in a text.

    `date` is None for a mention that has no DATE label (a range, a decade, a
    relative date the published date cannot resolve). `bound` and `parts` are
    additions to the agreed API, with defaults.
    """

    start: int
    end: int
    date: FuzzyDate | None
    kind: DateKind
    text: str
    bound: DateBound = DateBound.AT
    parts: tuple[FuzzyDate, ...] = ()


# --------------------------------------------------------------------------- reference


@dataclass(frozen=True, slots=True)
class _Ref:
    """The published date, as precise as its label allows."""

    year: int
    month: int | None
    day: int | None

    @classmethod
    def of(cls, published: FuzzyDate) -> _Ref:
        match = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", published.label)
        if match:
            month = int(match[2]) if match[2] else None
            day = int(match[3]) if match[3] else None
            return cls(int(match[1]), month, day)
        return cls(published.start.year, None, None)


@dataclass(frozen=True, slots=True)
class _Res:
    """What a pattern's handler makes of a match."""

    label: str | None
    kind: DateKind
    start: date | None = None  # explicit bounds (a defined fiscal year)
    end: date | None = None
    fiscal_year: int | None = None  # an undefined fiscal year, resolved after the scan
    parts: tuple[str, ...] = ()  # a range's endpoint labels
    bound: DateBound | None = None  # overrides the prefix's bound ("vor zwei Jahren")
    step: str | None = None  # "year" / "week": how far an inferred date may move (_after)


@dataclass(frozen=True, slots=True)
class _Ctx:
    text: str
    lang: str
    ref: _Ref
    start: int  # of the core (after the prefix)
    end: int
    prefix: str  # folded prefix, "" when none


_Handler = Callable[[Mapping[str, str], _Ctx], _Res | None]

# --------------------------------------------------------------------------- vocabulary

_HY = r"\s*[-‐‑–]\s*"
YEAR_CORE = r"(?:19|20)\d{2}"
YEAR = YEAR_CORE + r"(?!\d|[.,]\d|\s?%)"

_MONTH = {
    "fr": (
        r"janvier|janv\.|f[ée]vrier|f[ée]vr?\.|mars|avril|avr\.|mai|juin|juillet|juil\.|"
        r"ao[uû]t|septembre|sept\.|octobre|oct\.|novembre|nov\.|d[ée]cembre|d[ée]c\."
    ),
    "en": (
        r"January|Jan\.?|February|Feb\.?|(?-i:March|Mar\.)|April|Apr\.?|(?-i:May)|June|Jun\.?|"
        r"July|Jul\.?|August|Aug\.?|September|Sept?\.?|October|Oct\.?|November|Nov\.?|"
        r"December|Dec\.?"
    ),
    "de": (
        r"Januar|J[äa]nner|Jan\.|Februar|Feber|Feb\.|M[äa]rz|Maerz|April|Apr\.|Mai|Juni|Juli|"
        r"August|Aug\.|September|Sept?\.|Oktober|Okt\.|November|Nov\.|Dezember|Dez\."
    ),
}
_WEEKDAY = {
    "fr": r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche",
    "en": r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday",
    "de": r"Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag",
}
_SEASON = {
    "fr": r"[ée]t[ée]|printemps|automne|hiver",
    "en": r"summer|spring|autumn|fall|winter",
    "de": (
        r"(?:Spät|Spaet|Früh|Frueh|Fruh)?(?:sommer|herbst|winter)|Frühjahr|Fruehjahr|Fruhjahr|"
        r"Frühling|Fruehling|Sommer|Herbst|Winter"
    ),
}

# Prefixes: the preposition before a date (same notation as the patterns below:
# " " is one or more spaces, "'" an apostrophe). The bound a prefix gives is found
# by `_bound_of` from its folded text. "de/du/from/von" pair with "à/au/to/bis".
_PREFIX = {
    "fr": (
        r"(?:(?:à|a) partir (?:du|de la|de l'|de|d')|(?:à|a) compter (?:du|de|d')"
        r"|d'ici(?: (?:à|a))?|jusqu'(?:à|a|au|en)?|au plus (?:tard|tôt|tot)(?: (?:en|le|au|à|a))?"
        r"|pas avant|avant|après|apres|depuis|dès|des(?= (?:l|le|la|cet|cette|ce)\b)"
        r"|(?:à|a) l'horizon|au cours (?:du|de l'|de|d')|dans le courant (?:du|de|d')|il y a"
        r"|entre|vers|pour|dans|courant|en|au|aux|à|a(?! [ée]t[ée])|du|de|d')"
    ),
    "en": (
        r"(?:no (?:earlier|later) than|not (?:before|until)|as (?:early|late) as|as of"
        r"|some\s*time in|starting(?: (?:in|from|on))?|beginning (?:in|on)|effective|between"
        r"|during|through|throughout|until|till|before|after|since|from|around|within|over|by|in|on"
        r"|at|for|to)"
    ),
    "de": (
        r"(?:bis (?:spätestens|spaetestens|zum|zur)|bis|spätestens|spaetestens|ab (?:dem|der)|ab"
        r"|seit (?:dem|der)|seit|vom|von|zwischen|nicht vor|vor|nach|gegen|binnen|im|in|am|an"
        r"|zum|zur|um|für|fuer|noch im)"
    ),
}


def _words(text: str) -> frozenset[str]:
    """A set of (folded) phrases written comma-separated."""
    return frozenset(w.strip() for w in text.split(",") if w.strip())


_BOUND_WORDS = {
    DateBound.FROM: _words(
        "a partir, a compter, des, depuis, pas avant, au plus tot, apres, no earlier than,"
        "not before, not until, as early as, starting, beginning, effective, after, since, from,"
        "ab, seit, vom, von, nicht vor, nach"
    ),
    DateBound.BY: _words(
        "d ici, au plus tard, avant, a l horizon, no later than, as late as, before, by, within,"
        "bis spatestens, bis spaetestens, spatestens, spaetestens, vor, binnen"
    ),
    DateBound.UNTIL: _words("jusqu, until, till, through, bis"),
}
# Prefixes that open a period when a second date follows ("du … au …"), and close it.
_PAIR_OPEN = _words("du, de, d, from, von, vom, between, entre, zwischen")
_PAIR_CLOSE = _words(
    "au, a, aux, jusqu a, jusqu au, jusqu en, to, through, until, till, bis, bis zum, bis zur,"
    "zum, zur"
)
_BETWEEN = _words("entre, between, zwischen")
_AND = re.compile(r"^\s*(?:et|and|und|&)\s*$", re.IGNORECASE)
_OR = re.compile(r"^\s*(?:ou(?:\s+bien)?|or|oder)\s*(?:en\s+|in\s+|im\s+)?$", re.IGNORECASE)


_fold = lru_cache(maxsize=4096)(fold)


@lru_cache(maxsize=1024)
def _bound_of(prefix: str) -> DateBound:
    if not prefix:
        return DateBound.AT
    for bound, words in _BOUND_WORDS.items():  # FROM first ("pas avant"), BY before UNTIL
        for word in words:
            if prefix == word or prefix.startswith(word + " "):
                return bound
    return DateBound.AT


# --------------------------------------------------------------------------- word meanings


_MONTH_STEMS = tuple(
    (stem, int(num))
    for stem, num in re.findall(
        r"(\w+)=(\d+)",
        "jan=1 fe=2 mar=3 mae=3 av=4 ap=4 mai=5 may=5 juin=6 jun=6 juil=7 jul=7 ao=8 au=8 se=9"
        " oc=10 ok=10 no=11 de=12",
    )
)


def _month_num(token: str) -> int | None:
    t = _fold(token).replace(" ", "")
    for stem, num in _MONTH_STEMS:
        if t.startswith(stem):
            return num
    return None


_SEASON_STEMS = tuple(
    (stem, season)
    for stem, season in re.findall(
        r"(\w+)=(\w+)",
        "ete=summer summer=summer sommer=summer automne=autumn autumn=autumn fall=autumn"
        " herbst=autumn hiver=winter winter=winter",
    )
)


def _season_of(token: str) -> str | None:
    t = _fold(token)
    if "jahr" in t or "ling" in t or t.startswith(("printemps", "spring")):
        return "spring"
    for stem, season in _SEASON_STEMS:
        if stem in t:
            return season
    return None


def _part_of(token: str) -> str | None:
    """early / mid / late / whole from a qualifier ("début", "mid-", "Ende", "courant")."""
    t = _fold(token)
    if not t:
        return None
    words = t.split()
    for w in words:
        if w in ("debut", "early", "beginning", "start", "anfang", "beginn", "jahresbeginn"):
            return "early"
        if w in ("jahresanfang", "fruh", "frueh"):
            return "early"
        if w in ("mi", "milieu", "mid", "middle", "mitte", "jahresmitte", "midyear"):
            return "mid"
        if w in ("fin", "late", "end", "ende", "jahresende", "spat", "spaet", "latter", "yearend"):
            return "late"
        if w in ("courant", "cours", "during", "course", "laufe", "verlauf"):
            return "whole"
    if t.startswith("mi"):
        return "mid"
    if t.startswith(("spat", "spaet")):
        return "late"
    if t.startswith(("fruh", "frueh")):
        return "early"
    return None


_ORDINALS = {
    1: ("premier", "premiere", "1er", "1re", "1ere", "first", "1st", "erste", "1"),
    2: ("second", "seconde", "deuxieme", "2e", "2eme", "2nd", "zweite", "2", "latter"),
    3: ("troisieme", "3e", "3eme", "third", "3rd", "dritte", "3"),
    4: ("quatrieme", "4e", "4eme", "fourth", "4th", "vierte", "4", "dernier", "last", "final"),
}


def _ordinal(token: str) -> int | None:
    t = _fold(token).replace(" ", "")
    for num, words in _ORDINALS.items():
        for w in words:
            if t == w or (len(w) > 2 and t.startswith(w)):
                return num
    if t.startswith(("letzt", "derni")):
        return 4
    return None


_NEXT_NEXT = _words("uebernachsten, ubernachsten, ubernachstes")
_NEXT = _words(
    "prochain, prochaine, next, coming, nachsten, nachstes, naechsten, naechstes, kommenden,"
    "kommendes, kommendem, kommender, nachstem, naechstem, nachster, naechster"
)
_LAST = _words(
    "dernier, derniere, passe, passee, last, previous, vergangenen, vergangenes, letzten,"
    "letztes, vorigen, voriges, vorjahr, vorjahres"
)
_THIS = _words(
    "cette, cet, ce, this, current, dieses, diesem, diesen, laufenden, cours, des, de,the, l, d"
)


def _rel_offset(phrase: str) -> int | None:
    """Year offset of a relative phrase: +1 next, -1 last, 0 this; None if none."""
    words = set(_fold(phrase).split())
    for offset, vocabulary in ((2, _NEXT_NEXT), (1, _NEXT), (-1, _LAST), (0, _THIS)):
        if words & vocabulary:
            return offset
    return None


# --------------------------------------------------------------------------- labels


def _lbl_day(y: int, m: int, d: int) -> str | None:
    try:
        date(y, m, d)
    except ValueError:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _lbl_month(y: int, m: int) -> str | None:
    return f"{y:04d}-{m:02d}" if 1 <= m <= 12 else None


def _lbl_part(y: int, part: str | None) -> str:
    return f"{y:04d}" if part in (None, "whole") else f"{y:04d}-{part}"


_SEASON_SPAN = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 14)}


def _season_year(season: str, rel: int | None, ref: _Ref) -> int:
    """The year label of a season with no year written ("cet été", "next spring")."""
    if ref.month is None:
        return ref.year + (rel or 0)
    now = ref.year * 12 + ref.month
    lo, hi = _SEASON_SPAN[season]
    if rel is None or rel == 0:
        if season == "winter" and ref.month <= 2:
            return ref.year - 1
        return ref.year
    if (
        rel < 0
    ):  # the latest one over before the published month ("last summer" in July: a year ago)
        for y in (ref.year, ref.year - 1, ref.year - 2):
            if y * 12 + hi < now:
                return y
        return ref.year - 1
    for y in (ref.year - 1, ref.year, ref.year + 1, ref.year + 2):  # the first one to come
        if y * 12 + lo > now:
            return y
    return ref.year + 1


def _month_year(month: int, day: int | None, rel: int | None, ref: _Ref) -> int:
    """Year of a month (and day) written without one; `rel` from dernier/prochain."""
    if not rel or ref.month is None:
        return ref.year + (rel or 0) if rel and ref.month is None else ref.year
    here = (ref.month, ref.day or (0 if rel > 0 else 32))
    there = (month, day or (0 if rel < 0 else 32))
    if rel < 0:
        return ref.year if there < here or (month == ref.month and day is None) else ref.year - 1
    return ref.year if there > here or (month == ref.month and day is None) else ref.year + 1


def _year_from(g: Mapping[str, str], ref: _Ref) -> tuple[int | None, DateKind]:
    """The year a match states (group y / yy / ry), and whether it was relative."""
    if "y" in g:
        return int(g["y"]), DateKind.ABSOLUTE
    if "yy" in g:
        return 2000 + int(g["yy"][-2:]), DateKind.ABSOLUTE
    if "ry" in g:
        off = _rel_offset(g["ry"])
        return ref.year + (off or 0), DateKind.RELATIVE
    return None, DateKind.RELATIVE


# --------------------------------------------------------------------------- handlers


def _h_iso(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    label = _lbl_day(int(g["y"]), int(g["m"]), int(g["d"]))
    return _Res(label, DateKind.ABSOLUTE) if label else None


def _h_numeric(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    a, b = int(g["a"]), int(g["b"])
    y = int(g["y"]) if len(g["y"]) == 4 else 2000 + int(g["y"])
    if ctx.lang == "en" and a <= 12:
        a, b = b, a  # m/d/y
    label = _lbl_day(y, b, a)
    return _Res(label, DateKind.ABSOLUTE) if label else None


def _h_numeric_dm(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    label = _lbl_day(ctx.ref.year, int(g["b"]), int(g["a"]))
    return _Res(label, DateKind.RELATIVE) if label else None


def _h_day(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    month = _month_num(g["mon"])
    day_token = _fold(g["d"])
    day = 1 if day_token.startswith(("1er", "premier", "1st")) else int(re.sub(r"\D", "", g["d"]))
    if month is None:
        return None
    if "y" in g:
        label = _lbl_day(int(g["y"]), month, day)
        return _Res(label, DateKind.ABSOLUTE) if label else None
    rel = _rel_offset(g["rel"]) if "rel" in g else None
    if "ry" in g:
        y = ctx.ref.year + (_rel_offset(g["ry"]) or 0)
    else:
        y = _month_year(month, day, rel, ctx.ref)
    label = _lbl_day(y, month, day)
    return _Res(label, DateKind.RELATIVE, step="year") if label else None


def _h_month(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    month = _month_num(g["mon"])
    if month is None:
        return None
    if "y" in g:
        return _Res(_lbl_month(int(g["y"]), month), DateKind.ABSOLUTE)
    if "ry" in g:
        y = ctx.ref.year + (_rel_offset(g["ry"]) or 0)
        return _Res(_lbl_month(y, month), DateKind.RELATIVE)
    rel = _rel_offset(g["rel"]) if "rel" in g else None
    if rel is None and not (ctx.prefix or "q" in g):
        return None  # a bare month name needs a preposition ("en mai", "in May")
    y = _month_year(month, None, rel, ctx.ref)
    return _Res(_lbl_month(y, month), DateKind.RELATIVE, step="year")


_OF_SOMETHING = re.compile(r"\s+of\s+(?!(?:19|20)\d\d\b)", re.IGNORECASE)


def _h_season(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    season = _season_of(g["s"])
    if season is None:
        return None
    if "y" in g:
        return _Res(f"{int(g['y']):04d}-{season}", DateKind.ABSOLUTE)
    if "ry" in g:
        off = _rel_offset(g["ry"]) or 0
        return _Res(f"{ctx.ref.year + off:04d}-{season}", DateKind.RELATIVE)
    rel = _rel_offset(g["rel"]) if "rel" in g else None
    bare = rel is None and "det" not in g and "part" not in g
    if bare and not (ctx.prefix and (ctx.lang != "en" or ctx.prefix in _SEASON_PREFIXES)):
        return None  # "été" alone is a participle, "Spring" a model, "to fall" a verb
    if ctx.lang == "en" and rel is None:
        if _OF_SOMETHING.match(ctx.text, ctx.end):
            return None  # "the fall of the Berlin Wall"
        if not ctx.prefix and "part" not in g:
            return None  # "the summer was hot", "a spring": not a date on its own
    return _Res(f"{_season_year(season, rel, ctx.ref):04d}-{season}", DateKind.RELATIVE)


# English prepositions that make a bare season word a date ("in fall", not "to fall").
_SEASON_PREFIXES = frozenset(
    re.findall(
        r"[^,]+",
        "en,au,im,in,during,for,by,until,since,from,before,after,ab,bis,seit,vor,nach,gegen,"
        "bis zum,ab dem,seit dem",
    )
)


_NUMBER_WORDS = {
    **dict.fromkeys(("un", "une", "one", "a", "an", "einem", "ein"), 1),
    **dict.fromkeys(("deux", "two", "zwei"), 2),
    **dict.fromkeys(("trois", "three", "drei"), 3),
    **dict.fromkeys(("quatre", "four", "vier"), 4),
    **dict.fromkeys(("cinq", "five", "funf", "fuenf"), 5),
    **dict.fromkeys(("six", "sechs"), 6),
    **dict.fromkeys(("sept", "seven", "sieben"), 7),
    **dict.fromkeys(("huit", "eight", "acht"), 8),
    **dict.fromkeys(("neuf", "nine", "neun"), 9),
    **dict.fromkeys(("dix", "ten", "zehn"), 10),
}
_NUMBER = {
    "fr": r"(?P<n>[1-9]\d?|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)",
    "en": r"(?P<n>[1-9]\d?|one|a|an|two|three|four|five|six|seven|eight|nine|ten)",
    "de": r"(?P<n>[1-9]\d?|einem|ein|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun|zehn)",
}
_AHEAD = {"dans", "d ici", "d ici a", "in", "within", "binnen"}
_AGO = {"il y a", "vor"}


def _h_years_away(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    """ "il y a deux ans", "three years ago", "vor zwei Jahren", "d'ici deux ans", "in two years"."""
    token = _fold(g["n"])
    n = int(token) if token.isdigit() else _NUMBER_WORDS.get(token)
    if n is None:
        return None
    if "ago" in g or ctx.prefix in _AGO:
        return _Res(f"{ctx.ref.year - n:04d}", DateKind.RELATIVE, bound=DateBound.AT)
    if ctx.prefix not in _AHEAD:
        return None  # "pendant deux ans", "for two years": a duration
    return _Res(f"{ctx.ref.year + n:04d}", DateKind.RELATIVE)


def _h_part_year(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    part = _part_of(g["part"])
    y, kind = _year_from(g, ctx.ref)
    if y is None:
        y = ctx.ref.year
    elif "y" in g and _COUNT_AFTER.match(ctx.text, ctx.end):
        return None  # "am Ende 2000 Euro"
    return _Res(_lbl_part(y, part), kind)


def _h_rel_year(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    off = _rel_offset(g["ry"])
    if off is None:
        return None
    return _Res(f"{ctx.ref.year + off:04d}", DateKind.RELATIVE)


def _h_rel_month(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    off = _rel_offset(g["rm"])
    if off is None:
        return None
    if ctx.ref.month is None:
        return _Res(None, DateKind.RELATIVE)
    idx = ctx.ref.year * 12 + ctx.ref.month - 1 + off
    return _Res(_lbl_month(idx // 12, idx % 12 + 1), DateKind.RELATIVE)


_WEEKDAYS = (
    ("lundi", "monday", "montag"),
    ("mardi", "tuesday", "dienstag"),
    ("mercredi", "wednesday", "mittwoch"),
    ("jeudi", "thursday", "donnerstag"),
    ("vendredi", "friday", "freitag"),
    ("samedi", "saturday", "samstag"),
    ("dimanche", "sunday", "sonntag"),
)


_HOLIDAY_BEFORE = re.compile(r"(?:black|good|cyber|holy|easter|palm|ash)\s+$", re.IGNORECASE)


def _h_weekday(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    """A weekday alone: the latest one on or before the published day (news reports
    what happened); "last" excludes the published day, "next" looks forward."""
    if _HOLIDAY_BEFORE.search(ctx.text, max(0, ctx.start - 8), ctx.start):
        return None  # "Black Friday", "Good Friday", "Cyber Monday"
    t = _fold(g["wd"])
    target = next(
        (i for i, names in enumerate(_WEEKDAYS) if any(t.startswith(n) for n in names)), None
    )
    if target is None:
        return None
    ref = ctx.ref
    if ref.month is None or ref.day is None:
        return _Res(None, DateKind.RELATIVE)
    pub = date(ref.year, ref.month, ref.day)
    rel = _rel_offset(g["rel"]) if "rel" in g else None
    if rel is not None and rel > 0:
        delta = (target - pub.weekday()) % 7 or 7
        day = date.fromordinal(pub.toordinal() + delta)
    else:
        delta = (pub.weekday() - target) % 7
        if delta == 0 and rel is not None and rel < 0:
            delta = 7
        day = date.fromordinal(pub.toordinal() - delta)
    return _Res(day.isoformat(), DateKind.RELATIVE, step="week")


def _h_day_word(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    """ "yesterday", "earlier today", "hier", "gestern" against a published day."""
    ref = ctx.ref
    if ref.month is None or ref.day is None:
        return _Res(None, DateKind.RELATIVE)
    t = _fold(g["dw"])
    back = 0 if "today" in t else 2 if t.startswith(("avant", "vor")) else 1
    day = date.fromordinal(date(ref.year, ref.month, ref.day).toordinal() - back)
    return _Res(day.isoformat(), DateKind.RELATIVE)


def _h_week(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    """ "this week", "la semaine dernière", "vergangene Woche": the month of that week's
    day that is as far from the published day (a month label: a week has no label)."""
    ref = ctx.ref
    if ref.month is None:
        return _Res(None, DateKind.RELATIVE)
    t = _fold(g["wk"])
    back = (
        7 if any(w in t for w in ("derni", "pass", "last", "letzt", "vergang", "vorig"))
        else -7 if any(w in t for w in ("prochaine", "next", "nachst", "kommend"))
        else 0
    )  # fmt: skip
    day = date.fromordinal(date(ref.year, ref.month, ref.day or 15).toordinal() - back)
    return _Res(_lbl_month(day.year, day.month), DateKind.RELATIVE, step="week")


_OF_DECADE = re.compile(
    r"\s+(?:of\s+the\s+(?:decade|century)|de\s+la\s+d[ée]cennie|du\s+si[èe]cle"
    r"|des\s+Jahrzehnts|des\s+Jahrhunderts)",
    re.IGNORECASE,
)


def _h_half(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    if _OF_DECADE.match(ctx.text, ctx.end):
        return None  # "the second half of the decade"
    n = _ordinal(g["n"])
    if n not in (1, 2):
        n = 2 if n == 4 else None  # "the latter / last half"
    if n is None:
        return None
    y, kind = _year_from(g, ctx.ref)
    if y is None:
        if not ctx.prefix and "det" not in g and "part" not in g:
            return None
        y = ctx.ref.year
    return _Res(f"{y:04d}-H{n}", kind)


def _h_quarter(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    if _OF_DECADE.match(ctx.text, ctx.end):
        return None
    n = _ordinal(g["n"])
    if n is None:
        return None
    y, kind = _year_from(g, ctx.ref)
    if y is None:
        if not ctx.prefix and "det" not in g and "part" not in g:
            return None  # "Q4" alone is also a model (Audi Q4)
        y = ctx.ref.year
    return _Res(f"{y:04d}-Q{n}", kind)


_COUNT_AFTER = re.compile(
    r"\s*(?:[-‐‑–]\s*)?(?:salari|employ|emplois|personnes|postes|ouvriers|unit|v[ée]hicule|voiture|"
    r"exemplaire|immatricul|euro|dollar|kilom|km\b|hectare|ha\b|m[eè]tre|tonne|worker|jobs?\b|"
    r"people|cars?\b|trucks?\b|acres?|miles?\b|mitarbeit|besch[äa]ftigt|menschen|stellen|"
    r"arbeitspl|fahrzeug|autos?\b|einheit|st[üu]ck|exemplar|mark\b|€|\$|£|m²|kwh|ch\b|ps\b|mw\b|"
    r"gwh|models?\b|mod[eè]le|modell|fois|times|mal\b|millions?|milliards?|billions?|"
    r"milliarden?|sq\b|square|pieces?|copies)",
    re.IGNORECASE,
)
# What stands right before a bare year, in one search: a quantity word, a model-year
# word, or (English) a determiner.
_BEFORE_YEAR = re.compile(
    r"(?:(?P<count>près de|pres de|plus de|moins de|environ|quelque|quelques|about|nearly|"
    r"almost|more than|less than|fewer than|over|roughly|approximately|some|rund|etwa|knapp|"
    r"mehr als|weniger als|fast|über|ueber|insgesamt|total of|n°|no\.|nr\.|#)"
    r"|(?P<model>mill[ée]sime|model year|modelljahr|modell|mod[eè]le|version|my)"
    r"|(?:^|(?<=\s))(?P<det>the|a|an|its|their|his|her|our|new|redesigned|all-new|refreshed|this)"
    r")\s*$",
    re.IGNORECASE,
)
_MODEL_YEAR_AFTER = re.compile(r"\s*(?:[-‐‑–]\s*)?(?:model|MY\b)", re.IGNORECASE)
_CAPITAL_AFTER = re.compile(
    r"\s+(?!(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b)[A-Z]"
)
_CAPITAL_BEFORE = re.compile(r"(?<![.!?:;«»\"“”(\n])(?<![.!?:;]\s)\b([A-Z][\w-]*)\s+$")


def _h_year(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    text = ctx.text
    after = text[ctx.end : ctx.end + 24]
    before = text[max(0, ctx.start - 20) : ctx.start]
    if _COUNT_AFTER.match(after) or _MODEL_YEAR_AFTER.match(after):
        return None  # "2000 salariés", "2026 model year"
    word = _BEFORE_YEAR.search(before)
    if word and (word["count"] or word["model"]):
        return None  # "près de 2000", "millésime 2024"
    if word and word["det"] and ctx.lang == "en" and _CAPITAL_AFTER.match(after):
        return None  # "the 2025 Ioniq 5"
    if ctx.lang in ("fr", "en") and not ctx.prefix and "lead" not in g:
        prev = _CAPITAL_BEFORE.search(before)
        if prev and _fold(prev.group(1)) not in _CAPITAL_OK:
            return None  # "Peugeot 2008", "Vision 2030"
    return _Res(f"{int(g['y']):04d}", DateKind.YEAR)


_CAPITAL_OK = {"in", "en", "since", "depuis", "by", "from", "until", "and", "et", "or", "ou"}


def _h_range(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    y1 = int(g["y"])
    tail = g["y2"]
    if len(tail) == 4:
        y2 = int(tail)
        if not y1 < y2 <= y1 + 30:
            return None
        return _Res(None, DateKind.RANGE, parts=(f"{y1:04d}", f"{y2:04d}"))
    s = int(tail)
    if s == (y1 + 1) % 100 or (y1 % 100 < s <= y1 % 100 + 10):
        y2 = y1 - y1 % 100 + s
        return _Res(None, DateKind.RANGE, parts=(f"{y1:04d}", f"{y2:04d}"))
    if len(tail) == 2 and 1 <= s <= 12 and g["sep"] != "/":
        return _Res(_lbl_month(y1, s), DateKind.ABSOLUTE)
    return None


def _h_decade(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    return _Res(None, DateKind.DECADE)


def _h_fiscal(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    if "y" in g or "yb" in g:
        fy = int(g.get("y") or g["yb"])
    elif "yy" in g:
        fy = 2000 + int(g["yy"])
    else:
        return None
    if "fy2" in g:
        return _Res(None, DateKind.FISCAL)
    if "m1" in g:
        m1 = _month_num(g["m1"])
        y1 = int(g["y1"])
        if m1 is None:
            return None
        ends = bool(re.search(r"end|clos|termin|fin\b|bis", fold(g.get("verb", ""))))
        if "m2" in g:
            m2 = _month_num(g["m2"])
            y2 = int(g["y2"])
            if m2 is None:
                return None
            first, last = (y1, m1), (y2, m2)
        elif ends:
            idx = y1 * 12 + m1 - 1 - 11
            first, last = (idx // 12, idx % 12 + 1), (y1, m1)
        else:
            idx = y1 * 12 + m1 - 1 + 11
            first, last = (y1, m1), (idx // 12, idx % 12 + 1)
        return _fiscal_res(first, last, fy)
    return _Res(f"{fy:04d}", DateKind.FISCAL, fiscal_year=fy)


def _fiscal_res(first: tuple[int, int], last: tuple[int, int], fy: int) -> _Res | None:
    lo, hi = first[0] * 12 + first[1] - 1, last[0] * 12 + last[1] - 1
    if not 0 <= hi - lo <= 23:
        return None
    counts: dict[int, int] = {}
    for idx in range(lo, hi + 1):
        counts[idx // 12] = counts.get(idx // 12, 0) + 1
    year = max(sorted(counts), key=lambda y: counts[y])
    start = date(first[0], first[1], 1)
    end = FuzzyDate.from_label(f"{last[0]:04d}-{last[1]:02d}").end
    return _Res(f"{year:04d}", DateKind.FISCAL, start=start, end=end, fiscal_year=fy)


# --------------------------------------------------------------------------- patterns
# Each alternative is (name, pattern, handler). Inside a pattern, " " stands for
# one or more spaces and "'" for an apostrophe; named groups are local to the
# alternative (renamed name__group when combined).
#   y  four-digit year      yy two-digit year       ry relative-year phrase
#   mon month word          d  day                  rel dernier/prochain/last/next
#   s  season word          part early/mid/late     n  ordinal (half, quarter)
#   det a determiner that makes a bare word a date ("l'été", "the first half")


def _h_qtok(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    if ctx.lang == "fr" and "n2" in g:
        return None
    return _h_quarter({**g, "n": g.get("n") or g["n2"]}, ctx)


def _h_htok(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    return _h_half({**g, "n": g.get("n") or g["n2"]}, ctx)


def _h_rentree(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    """ "la rentrée 2025": the return from the summer break, labelled as September."""
    if "y" in g:
        return _Res(f"{int(g['y']):04d}-09", DateKind.ABSOLUTE)
    if "det" not in g or ctx.prefix not in (
        "a",
        "des",
        "depuis",
        "apres",
        "pour",
        "avant",
        "d ici",
    ):
        return None  # "la rentrée" alone may be money coming in
    return _Res(f"{ctx.ref.year:04d}-09", DateKind.RELATIVE)


def _h_part_month(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    return _h_month({**g, "q": "1"}, ctx)


def _h_part_year_fr(g: Mapping[str, str], ctx: _Ctx) -> _Res | None:
    if "ry2" in g:
        return _h_part_year({**g, "ry": "l"}, ctx)
    return _h_part_year(g, ctx)


# Shorthands in patterns, expanded per language by `_expand`.
_MACROS_ALL = {
    "Y": "(?P<y>" + YEAR + ")",
    "HY": _HY,
    "YY": r"(?:(?:(?: of)? |[/-])<Y>|\s?[\x27\u2019](?P<yy>\d{2})(?!\d))",
    "MONTHS": _MONTH["fr"] + "|" + _MONTH["en"] + "|" + _MONTH["de"],
}
_MACROS = {
    "fr": {
        "MON": "(?P<mon>" + _MONTH["fr"] + r")(?!\w)",
        "WD": "(?:(?:" + _WEEKDAY["fr"] + ")(?:,)? )",
        "SEASON": "(?P<s>" + _SEASON["fr"] + r")(?!\w)",
        "AN": "(?:l'ann[ée]e|l'an)",
        "RELY": (
            "(?P<ry>(?:l')?an(?:n[ée]e)? (?:prochaine?|derni[èe]re?|pass[ée]e?)|l'ann[ée]e en cours|"
            "cette ann[ée]e)"
        ),
        "YTAIL": "(?: (?:de |d')?(?:<AN> )?<Y>| (?:de )?<RELY>)",
        "PART": "(?P<part>(?:la |le )?(?:d[ée]but|fin|milieu)(?: d[eu]| d')?|(?:la )?mi)",
        "PSEP": r"(?:<HY>| |(?<=[\x27\u2019]))",
        "PERIODPART": "(?P<part>(?:la |le )?(?:d[ée]but|fin|milieu) (?:du |de la |de l'))",
        "NUM": _NUMBER["fr"],
    },
    "en": {
        "MON": "(?P<mon>" + _MONTH["en"] + r")(?![\w])",
        "WD": "(?:(?:" + _WEEKDAY["en"] + "),? )",
        "SEASON": "(?P<s>" + _SEASON["en"] + r")(?!\w)",
        "RELY": "(?P<ry>(?:this|next|last|the coming|the current) year|the year)",
        "YTAIL": "(?:(?: of)?(?: (?:fiscal |calendar )?(?:year )?<Y>|(?: of)? <RELY>))",
        "TH": "(?:st|nd|rd|th)?",
        "PERIODPART": "(?P<part>(?:(?:the )?(?:beginning|start|middle|end) of|(?:early|late)(?: in)?"
        "|mid)(?:-| ))",
        "NUM": _NUMBER["en"],
    },
    "de": {
        "MON": "(?P<mon>" + _MONTH["de"] + r")(?!\w)",
        "WD": "(?:(?:" + _WEEKDAY["de"] + "),? (?:den )?)",
        "SEASON": "(?P<s>" + _SEASON["de"] + r")(?!\w)",
        "RELY": (
            "(?P<ry>(?:des )?(?:nächsten|naechsten|kommenden|vergangenen|letzten|vorigen|dieses|"
            "laufenden|übernächsten) Jahres|des Jahres|des Vorjahres)"
        ),
        "YTAIL": "(?: (?:des Jahres )?<Y>| <RELY>)",
        "NEAR": "(?:vergangenen|letzten|kommende[mnr]?|nächste[mnr]|naechste[mnr])",
        "PERIODPART": "(?P<part>(?:Anfang|Mitte|Ende|Beginn|zu Beginn) )",
        "NUM": _NUMBER["de"],
    },
}

# Each alternative is (name, pattern, handler). In a pattern, " " stands for one or
# more spaces, "'" for an apostrophe and <NAME> for a shorthand above; named groups
# are local to the alternative (renamed name__group when combined).
#   y  four-digit year      yy two-digit year       ry relative-year phrase
#   mon month word          d  day                  rel dernier/prochain/last/next
#   s  season word          part early/mid/late     n  ordinal (half, quarter)
#   det a determiner that makes a bare word a date ("l'été", "the first half")
_Alt = tuple[str, str, _Handler]

_SHARED: list[_Alt] = [
    ("iso", r"(?P<y>" + YEAR_CORE + r")-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)", _h_iso),
    (
        "num",
        r"(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2}|\d{2})"
        r"(?![\d]|[.,/]\d)",
        _h_numeric,
    ),
    (
        "fiscal",
        r"(?:(?:fiscal(?: year)?|exercice(?: fiscal)?|Gesch[äa]ftsjahr(?:es)?|Fiskaljahr(?:es)?) "
        r"<Y>|(?-i:FY)\s?(?:(?P<yb>" + YEAR + r")|[\x27\u2019]?(?P<yy>\d{2})(?!\d)))"
        r"(?:[/-](?P<fy2>\d{2,4})(?!\d))?"
        r"(?:(?P<verb>\s*[,(]\s*(?:which|that|qui|das|der|soit)?[^.;()\n\d]{0,40}?)"
        r"(?P<m1><MONTHS>)(?: \d{1,2}(?:st|nd|rd|th)?,?)? (?P<y1>" + YEAR + r")"
        r"(?:\s*(?:[-‐‑–]|to|à|a|au|bis|through|until)\s*(?P<m2><MONTHS>)"
        r"(?: \d{1,2},?)? (?P<y2>" + YEAR + r"))?\)?)?",
        _h_fiscal,
    ),
    ("qtok", r"(?:(?-i:Q)(?P<n>[1-4])|(?P<n2>[1-4])(?-i:Q))<YY>?(?!\w)", _h_qtok),
    ("htok", r"(?:(?-i:H|S)(?P<n>[12])|(?P<n2>[12])(?-i:H))<YY>?(?!\w)", _h_htok),
    (
        "range",
        r"<Y>\s*(?P<sep>[-‐‑–/])\s*(?P<y2>(?:19|20)\d{2}|\d{2})(?![\d]|[.,]\d|[-/]\d)",
        _h_range,
    ),
    ("decnum", r"(?:19|20)\d0(?:[\x27\u2019]?s|er(?: Jahren?)?)(?!\w)", _h_decade),
]

_FRENCH: list[_Alt] = [
    (
        "day",
        r"(?:(?:le|ce|du|au) )?<WD>?(?P<d>1er|1ᵉʳ|premier|[0-3]?\d)(?!\d) <MON>"
        r"(?: <Y>| (?P<rel>dernier|prochain)| (?:de )?<RELY>)?",
        _h_day,
    ),
    (
        "quinzaine",
        r"(?:la )?(?P<part>premi[èe]re|seconde|deuxi[èe]me|derni[èe]re) quinzaine (?:de |d')"
        r"<MON>(?: <Y>)?",
        _h_part_month,
    ),
    (
        "partmon",
        r"<PART><PSEP>(?:mois (?:de |d'))?<MON>(?: <Y>| (?P<rel>dernier|prochain))?",
        _h_part_month,
    ),
    (
        "month",
        r"(?P<q>(?:le |au |du )?mois (?:de |d'))?<MON>"
        r"(?: (?:de l'ann[ée]e )?<Y>| (?P<rel>dernier|prochain)| (?:de )?<RELY>)?",
        _h_month,
    ),
    (
        "season",
        r"(?P<part>(?:la |le )?(?:d[ée]but|fin|milieu)(?: d[eu] | d'| |<HY>)|(?:la )?mi<HY>)?"
        r"(?P<det>l'|le |la |cet |ce |cette )?<SEASON>"
        r"(?: (?:de |d')?(?:<AN> )?<Y>| (?P<rel>prochain|dernier|pass[ée])| (?:de |d')?<RELY>)?",
        _h_season,
    ),
    (
        "half",
        r"<PERIODPART>?(?P<det>le |la |l')?(?P<n>premier|1er|1ᵉʳ|second|deuxi[èe]me|2e|"
        r"2[èe]me|2nd|premi[èe]re|seconde) (?:semestre|moiti[ée])<YTAIL>?",
        _h_half,
    ),
    (
        "quarter",
        r"<PERIODPART>?(?P<det>le |du |au )?(?P<n>premier|1er|1ᵉʳ|second|deuxi[èe]me|2e|"
        r"2[èe]me|troisi[èe]me|3e|3[èe]me|quatri[èe]me|4e|4[èe]me|dernier) trimestre<YTAIL>?",
        _h_quarter,
    ),
    ("ttok", r"(?-i:T)(?P<n>[1-4])(?: <Y>)?(?!\w)", _h_quarter),
    (
        "partyear",
        r"(?P<part>(?:la |le )?(?:d[ée]but|fin|milieu|courant)(?: d[eu]| d'| de l'| de la)?"
        r"|(?:la )?mi|(?:dans )?le courant d[eue]|au cours d[eue])<PSEP>"
        r"(?:(?:l'ann[ée]e |ann[ée]e |l'an )?<Y>|<RELY>|(?P<ry2>l'ann[ée]e|ann[ée]e)(?! \d))",
        _h_part_year_fr,
    ),
    ("relyear", r"<RELY>", _h_rel_year),
    (
        "relmonth",
        r"(?P<rm>(?:le |ce )mois(?: |-)(?:prochain|dernier|pass[ée]|ci)|le mois en cours)",
        _h_rel_month,
    ),
    ("decade", r"(?:les |des )?ann[ée]es (?:19|20)\d0(?!\d)", _h_decade),
    (
        "weekday",
        r"(?:ce )?(?P<wd>" + _WEEKDAY["fr"] + r")(?: (?P<rel>dernier|prochain))?(?!\w)",
        _h_weekday,
    ),
    ("dayword", r"(?P<dw>hier|avant-hier)(?!\w)", _h_day_word),
    (
        "week",
        r"(?P<wk>cette semaine|la semaine (?:derni[èe]re|pass[ée]e|prochaine))(?!\w)",
        _h_week,
    ),
    ("rentree", r"(?P<det>la )?rentr[ée]e(?: (?:de )?<Y>)?(?!\w)", _h_rentree),
    ("yearsaway", r"<NUM> ans?(?!\w)", _h_years_away),
    ("year", r"(?P<lead><AN> )?<Y>", _h_year),
]

_ENGLISH: list[_Alt] = [
    ("mdy", r"<WD>?<MON> (?P<d>[0-3]?\d)<TH>(?!\d)(?:,? <Y>)?(?!\d)", _h_day),
    ("dmy", r"<WD>?(?:the )?(?P<d>[0-3]?\d)<TH> (?:of )?<MON>(?:,? <Y>)?", _h_day),
    (
        "partmon",
        r"(?P<part>early|mid|late|(?:the )?(?:beginning|start|middle|end) of)(?:<HY>| )<MON>"
        r"(?:,? <Y>)?",
        _h_part_month,
    ),
    (
        "month",
        r"(?:(?P<rel>last|next|this|past) )?<MON>(?:(?: of)?,? <Y>|(?: of)? <RELY>)?",
        _h_month,
    ),
    (
        "season",
        r"(?:(?P<rel>this|next|last|past) |(?P<det>the ))?(?P<part>(?:early|mid|late)(?:<HY>| )"
        r"|the (?:beginning|start|middle|end) of (?:the )?)?<SEASON>"
        r"(?:(?: of)? <Y>|(?: of)? (?P<ry>(?:this|next|last) year))?",
        _h_season,
    ),
    (
        "half",
        r"<PERIODPART>?(?P<det>the )?(?P<n>first|second|1st|2nd|latter|last)(?:-| )"
        r"(?:half|six months)<YTAIL>?",
        _h_half,
    ),
    (
        "quarter",
        r"<PERIODPART>?(?P<det>the )?(?P<n>first|second|third|fourth|1st|2nd|3rd|4th|final|"
        r"last)(?:-| )(?:fiscal |calendar )?quarter<YTAIL>?",
        _h_quarter,
    ),
    (
        "partyear",
        r"(?P<part>(?:the )?(?:beginning|start|middle|end|course|early part|latter part) of"
        r"(?: the year)?|(?:early|late)(?: in)?|mid(?:dle)?|end|year<HY>end"
        r"|(?:earlier|later)(?= (?:this|next|in)))"
        r"(?:<HY>| )(?:<Y>|(?P<ry>(?:this|next|last|the) year|in the year))",
        _h_part_year,
    ),
    ("midyear", r"(?P<part>(?:the )?(?:mid<HY>year|year<HY>end))(?: <Y>)?", _h_part_year),
    ("relyear", r"(?P<ry>(?:this|next|last) year)(?!\w)", _h_rel_year),
    ("relmonth", r"(?P<rm>(?:this|next|last) month)", _h_rel_month),
    (
        "weekday",
        r"(?:(?P<rel>last|next|this) )?(?P<wd>" + _WEEKDAY["en"] + r")(?!\w)",
        _h_weekday,
    ),
    ("dayword", r"(?P<dw>yesterday|earlier today)(?!\w)", _h_day_word),
    ("week", r"(?P<wk>(?:earlier |later )?this week|last week|next week)(?!\w)", _h_week),
    (
        "yearsaway",
        r"<NUM> years?(?: (?P<ago>ago)|(?:'s|') time| time)?(?!\w)",
        _h_years_away,
    ),
    (
        "decade",
        r"(?:the )?(?:(?:early|mid|late)(?:-| ))?(?:19|20)\d0[\x27\u2019]?s(?!\w)",
        _h_decade,
    ),
    ("year", r"<Y>", _h_year),
]

_GERMAN: list[_Alt] = [
    ("day", r"<WD>?(?P<d>[0-3]?\d)\.\s*<MON>(?: <Y>| <RELY>)?", _h_day),
    ("numdm", r"(?P<a>[0-3]?\d)\.(?P<b>[01]?\d)\.(?![\d\w])", _h_numeric_dm),
    ("partmon", r"(?P<part>Anfang|Mitte|Ende|Beginn) <MON>(?: <Y>| <RELY>)?", _h_part_month),
    ("month", r"(?:(?:den |dem |im )?(?P<rel><NEAR>) )?<MON>(?: <Y>| <RELY>)?", _h_month),
    (
        "season",
        r"(?:(?P<det>den|dem|der|diesen|diesem|dieses) |(?P<rel><NEAR>) )?<SEASON>"
        r"(?: <Y>| <RELY>)?",
        _h_season,
    ),
    (
        "half",
        r"<PERIODPART>?(?P<det>(?:der|die|das|dem|den|des) )?(?P<n>erste[nmrs]?|zweite[nmrs]?|"
        r"1\.|2\.) "
        r"(?:Jahresh[äa]lfte|Halbjahr(?:es)?|H[äa]lfte des Jahres)<YTAIL>?",
        _h_half,
    ),
    (
        "quarter",
        r"<PERIODPART>?(?P<det>(?:das|dem|den|des) )?(?P<n>erste[nmrs]?|zweite[nmrs]?|dritte[nmrs]?|"
        r"vierte[nmrs]?|letzte[nmrs]?|[1-4]\.) Quartal(?:s|es)?<YTAIL>?",
        _h_quarter,
    ),
    (
        "partyear",
        r"(?P<part>Anfang|Mitte|Ende|Beginn|zu Beginn|im Laufe|im Verlauf)"
        r"(?: (?:des Jahres )?<Y>| <RELY>)",
        _h_part_year,
    ),
    (
        "jahresteil",
        r"(?P<part>Jahresanfang|Jahresbeginn|Jahresmitte|Jahresende)(?: <Y>)?",
        _h_part_year,
    ),
    (
        "relyear",
        r"(?P<ry>(?:nächstes|naechstes|kommendes|vergangenes|letztes|dieses|nächsten|"
        r"naechsten|kommenden|vergangenen|letzten|diesem|übernächstes) Jahr(?:es)?"
        r"|Vorjahr(?:es)?)(?!\w)",
        _h_rel_year,
    ),
    (
        "relmonth",
        r"(?P<rm>(?:nächsten|naechsten|kommenden|vergangenen|letzten|diesen|diesem) Monat)",
        _h_rel_month,
    ),
    ("decade", r"(?:den |die )?(?:19|20)\d0er(?: Jahren?)?(?!\w)", _h_decade),
    (
        "weekday",
        r"(?:(?P<rel><NEAR>|diesen) )?(?P<wd>" + _WEEKDAY["de"] + r")"
        r"(?:vormittag|nachmittag|mittag|abend|morgen)?(?!\w)",
        _h_weekday,
    ),
    ("dayword", r"(?P<dw>gestern|vorgestern)(?!\w)", _h_day_word),
    (
        "week",
        r"(?:in )?(?P<wk>(?:diese|letzte|vergangene|vorige|n[äa]chste|kommende)[nr]? woche)(?!\w)",
        _h_week,
    ),
    ("yearsaway", r"<NUM> Jahr(?:en)?(?!\w)", _h_years_away),
    ("year", r"(?P<lead>(?:im |des )?Jahr(?:es|e)? )?<Y>", _h_year),
]

_ALTERNATIVES = {
    "fr": _SHARED + _FRENCH,
    "en": _SHARED + _ENGLISH,
    "de": _SHARED + _GERMAN,
}


@dataclass(frozen=True, slots=True)
class _Grammar:
    regex: re.Pattern[str]
    handlers: dict[str, _Handler]
    groups: dict[str, tuple[tuple[str, str], ...]]  # alt name → (full name, local name)


_GROUP = re.compile(r"\(\?P<(\w+)>")
_BACKREF = re.compile(r"\(\?P=(\w+)\)")


_MACRO = re.compile(r"<([A-Z]+)>")


def _expand(pattern: str, lang: str) -> str:
    """Expand the pattern notation: <NAME> shorthands, then spaces and apostrophes."""
    macros = {**_MACROS_ALL, **_MACROS[lang]}
    while _MACRO.search(pattern):
        pattern = _MACRO.sub(lambda m: macros[m.group(1)], pattern)
    return pattern.replace("'", r"['’]\s*").replace(" ", r"\s+")


_CATEGORIES = {
    _sre.CATEGORY_DIGIT: r"\d",
    _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S",
    _sre.CATEGORY_WORD: r"\w",
    _sre.CATEGORY_NOT_WORD: r"\W",
}
_ANY = None  # a first character that cannot be narrowed


def _first_of(items: Any) -> tuple[set[str] | None, bool]:
    """The character-class items a parsed pattern can start with, and whether it can
    match the empty string. None: any character (no narrowing)."""
    first: set[str] = set()
    for op, av in items:
        chars, empty = _first_op(op, av)
        if chars is None:
            return _ANY, False
        first |= chars
        if not empty:
            return first, False
    return first, True


def _first_op(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    if op is _sre.LITERAL:
        return {re.escape(chr(av))}, False
    if op is _sre.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _sre.LITERAL:
                chars.add(re.escape(chr(value)))
            elif kind is _sre.RANGE:
                chars.add(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
            elif kind is _sre.CATEGORY and value in _CATEGORIES:
                chars.add(_CATEGORIES[value])
            else:
                return _ANY, False
        return chars, False
    if op is _sre.BRANCH:
        union: set[str] = set()
        empty = False
        for branch in av[1]:
            chars_b, empty_b = _first_of(branch)
            if chars_b is None:
                return _ANY, False
            union |= chars_b
            empty = empty or empty_b
        return union, empty
    if op is _sre.SUBPATTERN:
        return _first_of(av[3])
    if op is _sre.ATOMIC_GROUP:
        return _first_of(av)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        inner, empty = _first_of(av[2])
        return inner, empty or av[0] == 0
    if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
        return set(), True  # zero-width
    return _ANY, False


def _gate(body: str) -> str:
    """`body` behind a lookahead on its possible first characters: an alternative
    that cannot start here fails on one test instead of exploring its optional parts."""
    chars, empty = _first_of(_parser.parse(body, re.IGNORECASE))
    if chars is None or empty or not chars:
        return body
    return "(?=[" + "".join(sorted(chars)) + "])" + body


def _build(lang: str) -> _Grammar:
    parts: list[str] = []
    handlers: dict[str, _Handler] = {}
    groups: dict[str, tuple[tuple[str, str], ...]] = {}
    for name, pattern, handler in _ALTERNATIVES[lang]:
        body = _expand(pattern, lang)
        local = _GROUP.findall(body)
        body = _GROUP.sub(f"(?P<{name}__\\1>", body)
        body = _BACKREF.sub(f"(?P={name}__\\1)", body)
        parts.append(_gate(f"(?P<{name}>{body})"))  # the gate outside the group: cheaper
        handlers[name] = handler
        groups[name] = tuple((f"{name}__{g}", g) for g in local)
    prefix = _gate("(?P<pre>" + _expand(_PREFIX[lang], lang) + ")")
    full = (
        r"(?=\w)(?<![\w$€£@#/.\-–+])(?:" + prefix + r"(?:[^\S\n]+|(?<=['’])[^\S\n]*))?"
        r"(?:" + "|".join(parts) + r")(?![\w])"
    )
    regex = re.compile(full, re.IGNORECASE)
    return _Grammar(regex, handlers, groups)


_GRAMMARS: dict[str, _Grammar] = {}


def _grammar(lang: str) -> _Grammar:
    grammar = _GRAMMARS.get(lang)
    if grammar is None:
        grammar = _GRAMMARS[lang] = _build(lang)
    return grammar


_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:html?|php|aspx?)\b\S*", re.IGNORECASE)


# --------------------------------------------------------------------------- the scan


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    res: _Res
    prefix: str


# Every date expression holds a digit or one of these words. Texts are scanned
# only around them: the full expression is costly to try at every word (scanning
# whole texts of news length took 40 % longer, with the same mentions).
_TRIGGER_WORDS = frozenset(
    re.findall(
        r"\S+",
        """
        janvier janv février fevrier févr fevr fév fev mars avril avr mai juin juillet juil août
        aout septembre sept octobre oct novembre nov décembre decembre déc dec january jan
        february feb march mar april apr may june jun july jul august aug september sep october
        november december januar jänner janner februar feber märz marz maerz juni juli oktober
        okt dezember dez an année annee années annees year years jahr jahre jahren jahres
        vorjahr vorjahres semestre trimestre moitié moitie quinzaine half quarter months quartal
        quartals halbjahr halbjahres jahreshälfte jahreshaelfte hälfte haelfte mois month monat
        hier yesterday today gestern vorgestern semaine week woche jahresende jahresbeginn jahresanfang jahresmitte
        midyear yearend été ete printemps automne hiver summer spring autumn fall winter
        frühjahr fruehjahr fruhjahr frühling fruehling fruhling sommer herbst ans rentrée rentree lundi mardi
        mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday
        saturday sunday montag dienstag mittwoch donnerstag freitag samstag sonntag
        """,
    )
)
_TAIL = 24  # chars a date may reach after its last trigger ("… dernier", "…, 2022")


def _trie(words: frozenset[str]) -> str:
    """A regex alternation of `words` factored as a trie (cheap to try at each position)."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return emit(root)


# A trigger: a word or token every date expression holds. Atomic groups: linear in
# the text. A digit triggers only as a year, a numeric date or a period token (Q3,
# H1, T3, S2, FY25), so counts and money cost nothing.
_TRIGGER = re.compile(
    r"(?=\w)(?<!\w)(?>(?:" + _trie(_TRIGGER_WORDS) + r")(?!\w)|(?:sp[äa]e?t|fr[üu]e?h)"
    r"(?:sommer|herbst|winter)(?!\w)|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag"
    r"|sonntag)\w+|(?:19|20)\d\d(?!\d)\w*|[QHTS][1-4](?!\w)|[1-4][QH](?!\w)|FY\s?\d{2,4}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2}|\d{1,2}\.\d{1,2}\.)",
    re.IGNORECASE,
)
_LEAD = 48  # chars a date may start before its first trigger ("à partir de la fin de l'…")


def _regions(text: str) -> list[tuple[int, int]]:
    """Stretches of `text` that may hold a date: around each trigger, from `_LEAD`
    characters before it to `_TAIL` after it, overlapping stretches merged."""
    spans: list[tuple[int, int]] = []
    size = len(text)
    for m in _TRIGGER.finditer(text):
        first, last = max(0, m.start() - _LEAD), min(size, m.end() + _TAIL)
        if spans and first <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(last, spans[-1][1]))
        else:
            spans.append((first, last))
    return spans


def _scan(text: str, lang: str, ref: _Ref) -> list[_Hit]:
    grammar = _grammar(lang)
    hits: list[_Hit] = []
    for pos, endpos in _regions(text):
        while endpos < len(text) and text[endpos].isalnum():
            endpos += 1  # never end a region inside a word
        hits.extend(_scan_region(grammar, text, pos, endpos, lang, ref))
    return hits


def _scan_region(
    grammar: _Grammar, text: str, pos: int, endpos: int, lang: str, ref: _Ref
) -> list[_Hit]:
    hits: list[_Hit] = []
    for m in grammar.regex.finditer(text, pos, endpos):
        name = m.lastgroup
        if name is None or name not in grammar.handlers:
            continue
        g = {local: v for full, local in grammar.groups[name] if (v := m.group(full)) is not None}
        pre = m.group("pre")
        prefix = _fold(pre) if pre else ""
        ctx = _Ctx(text, lang, ref, m.start(name), m.end(name), prefix)
        res = grammar.handlers[name](g, ctx)
        if res is None:
            if pre:  # the prefix may have hidden a shorter date: rescan without it
                inner = _scan_at(grammar, text, m.start(name), m.end(name), lang, ref)
                if inner:
                    hits.append(inner)
            continue
        if prefix and text.startswith(("'s", "’s"), m.end()):
            hits.append(_Hit(m.start(name), m.end(), res, ""))  # "this year's": a modifier
            continue
        hits.append(_Hit(m.start(), m.end(), res, prefix))
    return hits


def _scan_at(grammar: _Grammar, text: str, pos: int, end: int, lang: str, ref: _Ref) -> _Hit | None:
    m = grammar.regex.match(text, pos)
    if m is None or m.group("pre") or m.lastgroup is None or m.end() > end:
        return None
    name = m.lastgroup
    g = {local: v for full, local in grammar.groups[name] if (v := m.group(full)) is not None}
    res = grammar.handlers[name](g, _Ctx(text, lang, ref, m.start(), m.end(), ""))
    return _Hit(m.start(), m.end(), res, "") if res else None


def _fiscal_pass(hits: list[_Hit]) -> list[_Hit]:
    """Apply a fiscal year defined in the text to its undefined fiscal years."""
    offset: int | None = None  # months from 1 January of FY N to the FY's first month
    for hit in hits:
        r = hit.res
        if r.kind is DateKind.FISCAL and r.start is not None and r.fiscal_year is not None:
            offset = (r.start.year - r.fiscal_year) * 12 + r.start.month - 1
            break
    if offset is None:
        return hits
    out: list[_Hit] = []
    for hit in hits:
        r = hit.res
        if r.kind is DateKind.FISCAL and r.start is None and r.fiscal_year is not None:
            idx = r.fiscal_year * 12 + offset
            first = (idx // 12, idx % 12 + 1)
            last = ((idx + 11) // 12, (idx + 11) % 12 + 1)
            res = _fiscal_res(first, last, r.fiscal_year) or r
            hit = replace(hit, res=res)
        out.append(hit)
    return out


@lru_cache(maxsize=4096)
def _label_bounds(label: str) -> tuple[date, date]:
    fuzzy = FuzzyDate.from_label(label)
    return fuzzy.start, fuzzy.end


def _to_mention(text: str, hit: _Hit) -> DateMention:
    written = text[hit.start : hit.end]
    r = hit.res
    fuzzy: FuzzyDate | None = None
    if r.label is not None:
        bounds = _label_bounds(r.label)
        if r.start is not None and r.end is not None:
            bounds = (r.start, r.end)
        fuzzy = FuzzyDate(written, r.label, *bounds)
    parts = tuple(FuzzyDate.from_label(label) for label in r.parts)
    bound = r.bound or _bound_of(hit.prefix)
    return DateMention(hit.start, hit.end, fuzzy, r.kind, written, bound, parts)


_DAY_BEFORE = re.compile(
    r"(?<!\w)(?P<pre>du|vom|from)\s+(?P<d>[0-3]?\d)(?:er|\.)?(?=\s+$)", re.IGNORECASE
)


def _day_ranges(text: str, hits: list[_Hit]) -> list[_Hit]:
    """ "du 3 au 7 mars", "vom 3. bis 7. März": the first day takes the second's month."""
    out: list[_Hit] = []
    for hit in hits:
        label = hit.res.label
        if hit.prefix in _PAIR_CLOSE and label is not None and len(label) == 10:
            m = _DAY_BEFORE.search(text, max(0, hit.start - 12), hit.start)
            first = _lbl_day(int(label[:4]), int(label[5:7]), int(m["d"])) if m else None
            if m and first and first < label:
                res = _Res(first, hit.res.kind)
                out.append(_Hit(m.start(), m.end(), res, _fold(m["pre"])))
        out.append(hit)
    return out


def _pair(text: str, hits: list[_Hit], mentions: list[DateMention]) -> list[DateMention]:
    """Join "entre X et Y" / "X ou Y" into ranges; mark "du X au Y" as from/until."""
    out: list[DateMention] = []
    i = 0
    while i < len(mentions):
        cur, hit = mentions[i], hits[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        nhit = hits[i + 1] if i + 1 < len(hits) else None
        if nxt is not None and nhit is not None:
            gap = text[cur.end : nxt.start]
            joinable = cur.date is not None and nxt.date is not None
            if (
                joinable
                and hit.prefix in _BETWEEN
                and (_AND.match(gap) or nhit.prefix in ("et", "and", "und"))
            ):
                out.append(_range(text, cur, nxt))
                i += 2
                continue
            alternative = _OR.match(gap) and nhit.prefix in ("", "en", "in", "im")
            if joinable and alternative and cur.kind is not DateKind.RANGE:
                out.append(_range(text, cur, nxt))
                i += 2
                continue
            if hit.prefix in _PAIR_OPEN and nhit.prefix in _PAIR_CLOSE and not gap.strip():
                out.append(replace(cur, bound=DateBound.FROM))
                out.append(replace(_after(nxt, cur, nhit), bound=DateBound.UNTIL))
                i += 2
                continue
        if hit.prefix in ("de", "d", "du") and _bare(hit) and "mois" not in cur.text:
            i += 1  # "(un matin) de janvier" alone: not a date mention
            continue
        out.append(cur)
        i += 1
    return out


def _after(end: DateMention, start: DateMention, hit: _Hit) -> DateMention:
    """The end of a period whose year was inferred falls after its start
    ("from Nov. 18 through Jan. 6": January of the next year)."""
    a, b = start.date, end.date
    if a is None or b is None or hit.res.step is None or b.start >= a.start:
        return end
    if hit.res.step == "week":  # "from Tuesday to Friday"
        label = date.fromordinal(b.start.toordinal() + 7).isoformat()
    else:
        label = f"{int(b.label[:4]) + 1:04d}{b.label[4:]}"
    try:
        moved = FuzzyDate.from_label(label, text=b.text)
    except ValueError:  # 29 February
        return end
    return replace(end, date=moved)


def _bare(hit: _Hit) -> bool:
    """A month name with no year, resolved to the published year."""
    label = hit.res.label
    bare = label is not None and len(label) == 7 and label[5:].isdigit()
    return bare and hit.res.kind is DateKind.RELATIVE


def _range(text: str, a: DateMention, b: DateMention) -> DateMention:
    parts = tuple(d for d in (a.date, b.date) if d is not None)
    written = text[a.start : b.end]
    return DateMention(a.start, b.end, None, DateKind.RANGE, written, DateBound.AT, parts)


def find_dates(text: str, *, lang: str, published: FuzzyDate) -> list[DateMention]:
    """All date mentions of `text` in order, non-overlapping, longest match first.

    `lang` is "fr", "en" or "de" (another value is read as English, with a log
    line); relative dates are resolved against `published`.
    """
    code = (lang or "").lower()[:2]
    if code not in LANGS:
        log.warning("dates: unknown language %r, reading dates as English", lang)
        code = "en"
    ref = _Ref.of(published)
    hits = _day_ranges(text, _fiscal_pass(_scan(text, code, ref)))
    urls = (
        [(m.start(), m.end()) for m in _URL.finditer(text)] if "/" in text or "www." in text else []
    )
    if urls:
        hits = [h for h in hits if not any(s < h.end and h.start < e for s, e in urls)]
    mentions = [_to_mention(text, h) for h in hits]
    return _pair(text, hits, mentions)


def parse_date(expr: str, *, lang: str, published: FuzzyDate) -> FuzzyDate | None:
    """The date of one expression ("fin 2024", "next year"), or None.

    The longest mention found in `expr` decides; None when there is none or it
    has no label (a range, a decade).
    """
    mentions = find_dates(expr.strip(), lang=lang, published=published)
    if not mentions:
        return None
    best = max(mentions, key=lambda m: m.end - m.start)
    return best.date
