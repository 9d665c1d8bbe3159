"""Fuzzy dates → DESIGN.md labels (extractors/dates.py).

The tables hold the labels a careful analyst gives each expression, for the
published date shown (relative dates resolve against it).
"""

from __future__ import annotations

import contextlib
import json
import re
import signal
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from extractors.dates import DateBound, DateKind, DateMention, find_dates, parse_date
from factwatch.model import FuzzyDate

# (published, expression, label)
FRENCH = [
    ("2025-05", "début 2024", "2024-early"),
    ("2025-05", "fin 2024", "2024-late"),
    ("2025-05", "d'ici fin 2025", "2025-late"),
    ("2025-05", "mi-2026", "2026-mid"),
    ("2025-05", "au second semestre 2025", "2025-H2"),
    ("2025-05", "courant 2025", "2025"),
    ("2025-05", "l'été 2024", "2024-summer"),
    ("2023-11", "à l'été 2024", "2024-summer"),
    ("2025-05", "à partir de 2026", "2026"),
    ("2025-12-19", "en 2027", "2027"),
    ("2024-09", "au printemps 2025", "2025-spring"),
    ("2025-05", "à l'automne 2023", "2023-autumn"),
    ("2025-05", "en hiver 2024", "2024-winter"),
    ("2025-05", "au premier semestre 2026", "2026-H1"),
    ("2025-05", "au 1er semestre 2026", "2026-H1"),
    ("2025-05", "S2 2025", "2025-H2"),
    ("2025-05", "au T3", "2025-Q3"),
    ("2025-05", "T1 2025", "2025-Q1"),
    ("2025-09", "au 3e trimestre 2026", "2026-Q3"),
    ("2025-09", "au troisième trimestre 2026", "2026-Q3"),
    ("2025-05", "1er trimestre 2025", "2025-Q1"),
    ("2024-06", "au 4e trimestre", "2024-Q4"),
    ("2024-03", "dès l'été", "2024-summer"),
    ("2025-03", "à partir de l'automne", "2025-autumn"),
    ("2022-11", "depuis cet automne", "2022-autumn"),
    ("2025-05", "cet été", "2025-summer"),
    ("2025-01", "cet hiver", "2024-winter"),
    ("2025-04", "l'hiver dernier", "2024-winter"),
    ("2023-11", "l'an prochain", "2024"),
    ("2025", "l'an prochain", "2026"),
    ("2025-05", "l'année prochaine", "2026"),
    ("2024-05", "l'an dernier", "2023"),
    ("2020-07", "cette année", "2020"),
    ("2025-05", "en novembre", "2025-11"),
    ("2024", "en octobre", "2024-10"),
    ("2025-11", "mi-novembre", "2025-11"),
    ("2025-11", "à la mi-novembre", "2025-11"),
    ("2025-05", "fin juin", "2025-06"),
    ("2025-05", "le 10 novembre 2023", "2023-11-10"),
    ("2025-05", "10/11/2023", "2023-11-10"),
    ("2025-05", "novembre 2025", "2025-11"),
    ("2025-05", "en juillet 2022", "2022-07"),
    ("2025-05", "le 1er juillet 2024", "2024-07-01"),
    ("2025-05", "le premier janvier 2025", "2025-01-01"),
    ("2021-07", "ce lundi 5 juillet 2021", "2021-07-05"),
    ("2022-11", "le 17 octobre dernier", "2022-10-17"),
    ("2023-02-10", "le 17 octobre dernier", "2022-10-17"),
    ("2021-07", "en septembre prochain", "2021-09"),
    ("2025-05", "d'ici la fin de l'année", "2025-late"),
    ("2025-05", "d'ici la fin de 2025", "2025-late"),
    ("2025-05", "à partir de la fin de l'année 2022", "2022-late"),
    ("2024-09", "fin de l'année prochaine", "2025-late"),
    ("2025-10", "début de l'année prochaine", "2026-early"),
    ("2024-09", "depuis le début de l'année", "2024-early"),
    ("2025-05", "au début de 2023", "2023-early"),
    ("2025-05", "à partir du premier semestre de 2026", "2026-H1"),
    ("2022-11", "la seconde quinzaine de décembre", "2022-12"),
    ("2025-12-03", "au mois de novembre", "2025-11"),
    ("2025-05", "au plus tard en juillet 2022", "2022-07"),
    ("2025-05", "jusqu'en 2030", "2030"),
    ("2025-05", "d'ici à 2030", "2030"),
    ("2025-05", "dans le courant de 2025", "2025"),
    ("2025-05", "à la fin de l'été 2024", "2024-summer"),
    ("2024-03-29", "hier", "2024-03-28"),
    ("2024-05-23", "cette semaine", "2024-05"),
    ("2024-06-03", "la semaine dernière", "2024-05"),
    ("2024-03-29", "ce vendredi 29 mars", "2024-03-29"),
    ("2024-06", "il y a deux ans", "2022"),
    ("2024-06", "d'ici deux ans", "2026"),
    ("2024-06", "à la rentrée 2025", "2025-09"),
    ("2024-06", "au cours du premier semestre 2025", "2025-H1"),
    ("2025-05", "à la fin du mois de mars", "2025-03"),
    ("2025-05", "en début d'année prochaine", "2026-early"),
    ("2025-05", "fin du premier trimestre", "2025-Q1"),
    # without accents, as some feeds deliver them
    ("2025-05", "debut 2024", "2024-early"),
    ("2025-05", "l'ete 2024", "2024-summer"),
    ("2025-05", "en fevrier 2026", "2026-02"),
    ("2025-05", "decembre 2025", "2025-12"),
    ("2025-05", "fin aout 2025", "2025-08"),
    ("2025-05", "a partir de 2026", "2026"),
    ("2025-05", "l'annee prochaine", "2026"),
    ("2025-05", "au deuxieme trimestre 2026", "2026-Q2"),
    ("2025-05", "d’ici fin 2025", "2025-late"),  # typographic apostrophe
]

ENGLISH = [
    ("2024-06-20", "early 2025", "2025-early"),
    ("2024-06-20", "mid-2026", "2026-mid"),
    ("2024-06-20", "late 2023", "2023-late"),
    ("2024-02-27", "in the middle of 2024", "2024-mid"),
    ("2024-06-20", "the middle of 2025", "2025-mid"),
    ("2024-06-20", "the end of 2023", "2023-late"),
    ("2024-06-20", "the beginning of 2025", "2025-early"),
    ("2024-06-20", "the first half of 2025", "2025-H1"),
    ("2024-06-20", "the second half of 2024", "2024-H2"),
    ("2024-06-20", "H2 2025", "2025-H2"),
    ("2024-06-20", "1H 2025", "2025-H1"),
    ("2024-06-20", "Q3 2025", "2025-Q3"),
    ("2024-06-20", "Q4'24", "2024-Q4"),
    ("2024-06-20", "in Q3", "2024-Q3"),
    ("2024-06-20", "the third quarter of 2024", "2024-Q3"),
    ("2024-06-20", "the first quarter of 2025", "2025-Q1"),
    ("2024-06-20", "the second quarter of 2024", "2024-Q2"),
    ("2024-06-20", "in the fourth quarter", "2024-Q4"),
    ("2024-06-20", "summer 2024", "2024-summer"),
    ("2024-06-20", "fall 2025", "2025-autumn"),
    ("2024-06-20", "autumn 2025", "2025-autumn"),
    ("2024-06-20", "by the end of 2025", "2025-late"),
    ("2023-10", "the end of this year", "2023-late"),
    ("2023-10", "until the end of this year", "2023-late"),
    ("2025-05", "the end of the year", "2025-late"),
    ("2024-02", "by year-end", "2024-late"),
    ("2024-06-20", "year-end 2025", "2025-late"),
    ("2024-06-20", "later this year", "2024"),
    ("2023-03-14", "earlier this year", "2023"),
    ("2024-07", "next year", "2025"),
    ("2024-07", "last year", "2023"),
    ("2023-04", "late last year", "2022-late"),
    ("2024-06-20", "the first half of next year", "2025-H1"),
    ("2024-07", "this autumn", "2024-autumn"),
    ("2024-07", "this summer", "2024-summer"),
    ("2024-07-18", "last fall", "2023-autumn"),
    ("2025-03-30", "this spring", "2025-spring"),
    ("2024-07", "next spring", "2025-spring"),
    ("2025-01-15", "last winter", "2023-winter"),
    ("2024-06-20", "in October", "2024-10"),
    ("2024-06-20", "October 17, 2022", "2022-10-17"),
    ("2024-06-20", "17 October 2022", "2022-10-17"),
    ("2024-06-20", "the 17th of October 2022", "2022-10-17"),
    ("2022-11", "Oct. 17", "2022-10-17"),
    ("2024-06-20", "2022-10-17", "2022-10-17"),
    ("2024-06-20", "10/17/2022", "2022-10-17"),
    ("2024-06-20", "July 1, 2020", "2020-07-01"),
    ("2024-06-20", "in January 2022", "2022-01"),
    ("2024-06-20", "March 2023", "2023-03"),
    ("2024-06-20", "late October 2023", "2023-10"),
    ("2024", "mid-November", "2024-11"),
    ("2024-06-20", "in 2025", "2025"),
    ("2024-06-20", "by 2027", "2027"),
    ("2023-10", "some time in 2024", "2024"),
    ("2024-07", "no earlier than mid-2026", "2026-mid"),
    ("2025-07", "From early 2027", "2027-early"),
    ("2024-07", "the first six months of 2024", "2024-H1"),
    ("2024-07-18", "the first six months of the year", "2024-H1"),
    ("2024-04-04", "this month", "2024-04"),
    ("2024-12-10", "next month", "2025-01"),
    ("2025-03-30", "on Wednesday", "2025-03-26"),
    ("2024-10-09", "yesterday", "2024-10-08"),
    ("2024-10-09", "this week", "2024-10"),
    ("2024-10-29", "next week", "2024-11"),
    ("2024-06-20", "FY2025", "2025"),
    ("2024-06-20", "fiscal 2026", "2026"),
    ("2024-06-20", "three years ago", "2021"),
    ("2024-06", "in the spring of next year", "2025-spring"),
    ("2019-11-20", "over the summer", "2019-summer"),
    ("2025-05", "Q1 of 2026", "2026-Q1"),
    ("2025-05", "the end of the third quarter", "2025-Q3"),
    ("2024-06-20", "first-half 2025", "2025-H1"),
    ("2024-06-20", "the third-quarter 2024", "2024-Q3"),
]

GERMAN = [
    ("2024-03", "Anfang 2025", "2025-early"),
    ("2024-03", "Mitte 2026", "2026-mid"),
    ("2024-03", "Ende 2025", "2025-late"),
    ("2024-03", "Ende 2021", "2021-late"),
    ("2024-03", "Ende des Jahres", "2024-late"),
    ("2024-06", "Ende nächsten Jahres", "2025-late"),
    ("2024-06", "Anfang des Jahres", "2024-early"),
    ("2024-06", "Mitte des Jahres 2026", "2026-mid"),
    ("2024-06", "im Laufe des Jahres", "2024"),
    ("2024-06", "zum Jahresende", "2024-late"),
    ("2024-03", "in der zweiten Jahreshälfte", "2024-H2"),
    ("2024-03", "die erste Jahreshälfte 2025", "2025-H1"),
    ("2024-03", "im ersten Halbjahr 2025", "2025-H1"),
    ("2025-03", "ab dem zweiten Halbjahr 2026", "2026-H2"),
    ("2024-03", "im Sommer", "2024-summer"),
    ("2024-03", "im Herbst 2025", "2025-autumn"),
    ("2024-03", "im Frühjahr 2025", "2025-spring"),
    ("2024-03", "Frühjahr 2026", "2026-spring"),
    ("2025-01", "im Winter", "2024-winter"),
    ("2024-03", "im vergangenen Herbst", "2023-autumn"),
    ("2024-09", "nächsten Sommer", "2025-summer"),
    ("2024-12", "bis zum Spätsommer 2027", "2027-summer"),
    ("2024-03", "im dritten Quartal", "2024-Q3"),
    ("2024-03", "im dritten Quartal 2025", "2025-Q3"),
    ("2024-03", "im vierten Quartal 2024", "2024-Q4"),
    ("2024-03", "3. Quartal 2025", "2025-Q3"),
    ("2024-03", "Q3 2025", "2025-Q3"),
    ("2024-03", "nächstes Jahr", "2025"),
    ("2024-03", "Anfang nächsten Jahres", "2025-early"),
    ("2023-11", "im kommenden Jahr", "2024"),
    ("2024-03", "vergangenes Jahr", "2023"),
    ("2025-09", "im vergangenen Jahr", "2024"),
    ("2024-03", "im Vorjahr", "2023"),
    ("2024", "dieses Jahr", "2024"),
    ("2024-03-08", "in diesem Jahr", "2024"),
    ("2024-01", "Ab dem 12. Februar", "2024-02-12"),
    ("2024-01", "vom 29. Januar", "2024-01-29"),
    ("2024-03", "am 17. Oktober 2022", "2022-10-17"),
    ("2024-12", "Am 20. Dezember 2024", "2024-12-20"),
    ("2024-03", "17.10.2022", "2022-10-17"),
    ("2024-03", "im Oktober", "2024-10"),
    ("2024-03", "Mitte Oktober", "2024-10"),
    ("2024-03", "Ende Juni 2025", "2025-06"),
    ("2024-03", "Februar 2024", "2024-02"),
    ("2024-03", "im September 2024", "2024-09"),
    ("2024-03", "im Mai 2025", "2025-05"),
    ("2024-03", "ab 2026", "2026"),
    ("2024-03", "bis 2027", "2027"),
    ("2022-12", "bis Anfang 2025", "2025-early"),
    ("2022-12", "bis spätestens Ende 2033", "2033-late"),
    ("2025-12-16", "im Jahr 2017", "2017"),
    ("2024-02-12", "am Montag", "2024-02-12"),
    ("2024-02-12", "gestern", "2024-02-11"),
    ("2024-02-02", "vergangene Woche", "2024-01"),
    ("2024-02-12", "diese Woche", "2024-02"),
    ("2025-11-12", "von kommendem Montag", "2025-11-17"),
    ("2024-03", "Geschäftsjahr 2025", "2025"),
    ("2024-03", "naechstes Jahr", "2025"),  # without umlauts
    ("2024-06", "vor zwei Jahren", "2022"),
    ("2024-06", "in drei Jahren", "2027"),
    ("2024-06", "ab Herbst", "2024-autumn"),
    ("2025-05", "Ende des dritten Quartals", "2025-Q3"),
]

TABLE = (
    [("fr", *row) for row in FRENCH]
    + [("en", *row) for row in ENGLISH]
    + [("de", *row) for row in GERMAN]
)


def pub(label: str) -> FuzzyDate:
    return FuzzyDate.from_label(label)


def test_the_table_is_large_enough() -> None:
    assert len(FRENCH) >= 40 and len(ENGLISH) >= 40 and len(GERMAN) >= 40
    assert len(TABLE) >= 120


@pytest.mark.parametrize(("lang", "published", "expr", "label"), TABLE)
def test_expression_label(lang: str, published: str, expr: str, label: str) -> None:
    mentions = find_dates(expr, lang=lang, published=pub(published))
    assert [(m.text, m.date.label if m.date else None) for m in mentions] == [(expr, label)]
    fuzzy = mentions[0].date
    assert fuzzy is not None and fuzzy.text == expr  # the expression as written
    assert (fuzzy.start, fuzzy.end) == (
        FuzzyDate.from_label(label).start,
        FuzzyDate.from_label(label).end,
    )
    assert parse_date(expr, lang=lang, published=pub(published)) == fuzzy


@pytest.mark.parametrize(
    ("lang", "expr", "start", "end"),
    [
        ("fr", "début 2024", date(2024, 1, 1), date(2024, 4, 30)),
        ("fr", "l'été 2024", date(2024, 6, 1), date(2024, 8, 31)),
        ("fr", "en hiver 2024", date(2024, 12, 1), date(2025, 2, 28)),
        ("fr", "au second semestre 2025", date(2025, 7, 1), date(2025, 12, 31)),
        ("en", "mid-2026", date(2026, 5, 1), date(2026, 8, 31)),
        ("en", "late 2025", date(2025, 9, 1), date(2025, 12, 31)),
        ("en", "Q3 2025", date(2025, 7, 1), date(2025, 9, 30)),
        ("de", "im Februar 2024", date(2024, 2, 1), date(2024, 2, 29)),
        ("de", "Ende 2025", date(2025, 9, 1), date(2025, 12, 31)),
    ],
)
def test_bounds(lang: str, expr: str, start: date, end: date) -> None:
    fuzzy = parse_date(expr, lang=lang, published=pub("2024-06"))
    assert fuzzy is not None
    assert (fuzzy.start, fuzzy.end) == (start, end)


def test_offsets_inside_a_sentence() -> None:
    text = (
        "Polestar 3 doit être mise en production début 2024 à Chengdu, en Chine, "
        "puis à l'été 2024 aux États-Unis ; l'usine emploie près de 2.000 salariés."
    )
    mentions = find_dates(text, lang="fr", published=pub("2023-11"))
    assert [(m.text, m.date.label if m.date else None) for m in mentions] == [
        ("début 2024", "2024-early"),
        ("à l'été 2024", "2024-summer"),
    ]
    for m in mentions:
        assert text[m.start : m.end] == m.text
    assert mentions[0].start == text.index("début 2024")
    assert mentions[1].start == text.index("à l'été 2024")


def test_offsets_english_and_german() -> None:
    text = "Orion will start building trucks no earlier than mid-2026, GM said on July 24."
    mentions = find_dates(text, lang="en", published=pub("2024-07-25"))
    assert [(m.start, m.end, m.date.label if m.date else None) for m in mentions] == [
        (text.index("no earlier"), text.index(", GM"), "2026-mid"),
        (text.index("on July"), len(text) - 1, "2024-07-24"),
    ]
    text = "Die Produktion zieht 2027 nach Puebla um, ab 2029 folgt der ID. Golf."
    mentions = find_dates(text, lang="de", published=pub("2024-12"))
    assert [(text[m.start : m.end], m.date.label if m.date else None) for m in mentions] == [
        ("2027", "2027"),
        ("ab 2029", "2029"),
    ]


def test_several_published_dates_resolve_differently() -> None:
    labels = {
        published: parse_date("l'an prochain", lang="fr", published=pub(published))
        for published in ("2023-11", "2024-02-29", "2025")
    }
    assert {k: v.label if v else None for k, v in labels.items()} == {
        "2023-11": "2024",
        "2024-02-29": "2025",
        "2025": "2026",
    }
    # a month without a year takes the published year
    assert _label("en", "2019-03", "in October") == "2019-10"
    assert _label("de", "2030-01-05", "im Oktober") == "2030-10"


def _label(lang: str, published: str, expr: str) -> str | None:
    fuzzy = parse_date(expr, lang=lang, published=pub(published))
    return fuzzy.label if fuzzy else None


@pytest.mark.parametrize(
    ("lang", "expr", "bound"),
    [
        ("fr", "à partir de 2026", DateBound.FROM),
        ("fr", "dès l'été", DateBound.FROM),
        ("fr", "depuis mai 2023", DateBound.FROM),
        ("fr", "d'ici fin 2025", DateBound.BY),
        ("fr", "avant 2030", DateBound.BY),
        ("fr", "jusqu'en 2030", DateBound.UNTIL),
        ("fr", "en 2027", DateBound.AT),
        ("en", "by 2027", DateBound.BY),
        ("en", "before late 2025", DateBound.BY),
        ("en", "until the end of this year", DateBound.UNTIL),
        ("en", "no earlier than mid-2026", DateBound.FROM),
        ("en", "since 2022", DateBound.FROM),
        ("en", "in 2025", DateBound.AT),
        ("de", "bis 2027", DateBound.UNTIL),
        ("de", "bis spätestens Ende 2033", DateBound.BY),
        ("de", "vor zwei Jahren", DateBound.AT),
        ("de", "ab 2026", DateBound.FROM),
        ("de", "seit 2021", DateBound.FROM),
        ("de", "im Jahr 2017", DateBound.AT),
    ],
)
def test_bound(lang: str, expr: str, bound: DateBound) -> None:
    (mention,) = find_dates(expr, lang=lang, published=pub("2024-06"))
    assert mention.bound is bound


@pytest.mark.parametrize(
    ("lang", "expr", "parts"),
    [
        ("fr", "entre 2025 et 2026", ["2025", "2026"]),
        ("fr", "entre 2021 et 2024", ["2021", "2024"]),
        ("fr", "2025-2026", ["2025", "2026"]),
        ("fr", "en 2025 ou 2026", ["2025", "2026"]),
        ("fr", "entre fin 2025 et début 2026", ["2025-late", "2026-early"]),
        ("en", "2025 or 2026", ["2025", "2026"]),
        ("en", "between 2025 and 2026", ["2025", "2026"]),
        ("en", "2025/26", ["2025", "2026"]),
        ("de", "zwischen 2025 und 2026", ["2025", "2026"]),
        ("de", "2005/2006", ["2005", "2006"]),
        ("de", "2025 oder 2026", ["2025", "2026"]),
    ],
)
def test_ranges_have_no_label(lang: str, expr: str, parts: list[str]) -> None:
    mentions = find_dates(expr, lang=lang, published=pub("2024-06"))
    assert len(mentions) == 1
    (m,) = mentions
    assert (m.text, m.date, m.kind) == (expr, None, DateKind.RANGE)
    assert [p.label for p in m.parts] == parts
    assert parse_date(expr, lang=lang, published=pub("2024-06")) is None


@pytest.mark.parametrize(
    ("lang", "published", "text", "expected"),
    [
        (
            "fr",
            "2024-09",
            "la pause durera du 13 septembre au 11 octobre.",
            [("du 13 septembre", "2024-09-13", "from"), ("au 11 octobre", "2024-10-11", "until")],
        ),
        (
            "de",
            "2024-01",
            "Vom 29. Januar bis zum 11. Februar soll die Fertigung ruhen.",
            [
                ("Vom 29. Januar", "2024-01-29", "from"),
                ("bis zum 11. Februar", "2024-02-11", "until"),
            ],
        ),
        (
            "fr",
            "2025-03-14",
            "La production a été suspendue du 3 au 7 mars.",
            [("du 3", "2025-03-03", "from"), ("au 7 mars", "2025-03-07", "until")],
        ),
        (
            "de",
            "2025-03-14",
            "Die Bänder stehen vom 3. bis 7. März still.",
            [("vom 3.", "2025-03-03", "from"), ("bis 7. März", "2025-03-07", "until")],
        ),
        (
            "en",
            "2025-03-14",
            "The line will be idled from Nov. 18 through Jan. 6.",
            [("from Nov. 18", "2025-11-18", "from"), ("through Jan. 6", "2026-01-06", "until")],
        ),
        (
            "en",
            "2019-11-20",
            "The meeting was postponed from Tuesday to Friday.",
            [("from Tuesday", "2019-11-19", "from"), ("to Friday", "2019-11-22", "until")],
        ),
        (
            "en",
            "2024-06",
            "Output will run from 2025 to 2027.",
            [("from 2025", "2025", "from"), ("to 2027", "2027", "until")],
        ),
    ],
)
def test_periods_are_two_bounded_mentions(
    lang: str, published: str, text: str, expected: list[tuple[str, str, str]]
) -> None:
    mentions = find_dates(text, lang=lang, published=pub(published))
    assert [(m.text, m.date.label if m.date else None, str(m.bound)) for m in mentions] == expected


def test_fiscal_year_defined_by_the_text() -> None:
    text = (
        "Toyota expects record output in fiscal year 2025, which begins in April 2024. "
        "For FY2026 it gave no forecast."
    )
    mentions = find_dates(text, lang="en", published=pub("2024-05"))
    assert [m.kind for m in mentions] == [DateKind.FISCAL, DateKind.FISCAL]
    first, second = (m.date for m in mentions)
    assert first is not None and second is not None
    assert (first.label, first.start, first.end) == ("2024", date(2024, 4, 1), date(2025, 3, 31))
    # the definition carries over to the text's other fiscal years
    assert (second.label, second.start, second.end) == ("2025", date(2025, 4, 1), date(2026, 3, 31))

    fr = parse_date("l'exercice 2025 (avril 2024 - mars 2025)", lang="fr", published=pub("2024-05"))
    assert fr is not None and (fr.start, fr.end) == (date(2024, 4, 1), date(2025, 3, 31))
    ends = parse_date(
        "fiscal year 2025, which ends in March 2025", lang="en", published=pub("2024")
    )
    assert ends is not None and (ends.start, ends.end) == (date(2024, 4, 1), date(2025, 3, 31))


def test_fiscal_year_not_defined_is_the_calendar_year() -> None:
    for lang, expr in (
        ("en", "FY2025"),
        ("en", "FY25"),
        ("fr", "exercice 2025"),
        ("de", "Geschäftsjahr 2025"),
    ):
        fuzzy = parse_date(expr, lang=lang, published=pub("2024"))
        assert fuzzy is not None and fuzzy.label == "2025", expr
        assert (fuzzy.start, fuzzy.end) == (date(2025, 1, 1), date(2025, 12, 31))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "L'usine de Busan a une capacité de 300.000 unités par an."),
        ("fr", "Le site emploie près de 2.000 salariés."),
        ("fr", "Le site emploie près de 2000 salariés."),
        ("fr", "un investissement de 2025 millions d'euros"),
        ("fr", "La Peugeot 2008 est produite à Mulhouse."),
        ("fr", "La production a été lancée sans bruit."),
        ("fr", "Une hausse de 20 % et 2019 % de marge"),
        ("fr", "Renault 5 E-Tech, moteur de 2.0 litres, 1 250 voitures par jour"),
        ("fr", "la Dacia Spring et la Leapmotor T03"),
        ("fr", "des R5 millésime 2024"),
        ("en", "a line able to build 1,250 cars a day"),
        ("en", "about 2000 jobs and 3,400 employees, over 2000 people"),
        ("en", "the 2025 Ioniq 5 qualifies, as will the 2026 model year"),
        ("en", "Sales may fall as buyers march on."),
        ("en", "Read https://example.com/news/2024/05/plant-2025.html for details."),
        ("en", "It costs $2,025 million, or 2030%."),
        ("en", "In 1850 and 2150 nothing happened; 20245 is a number."),
        ("de", "von 165.508 Fahrzeugen und 35.000 Stellen, 12 500 Menschen"),
        ("de", "VW-Sprecher Christian Sommer sagte, der Audi Q4 e-tron bleibt."),
        ("de", "in den letzten Jahren wurden 2000 Mitarbeiter eingestellt"),
        ("de", "nach 24 Jahren und seit zwei Jahren, am Ende 2000 Euro"),
        ("fr", "pendant deux ans, la rentrée d'argent"),
        ("en", "for two years, and by the second half of the decade"),
        ("en", "after the fall of the Berlin Wall, the summer was hot"),
        ("en", "Black Friday deals"),
        ("en", "prices are expected to fall"),
    ],
)
def test_numbers_that_are_not_dates(lang: str, text: str) -> None:
    assert find_dates(text, lang=lang, published=pub("2024-06")) == []


def test_decades_and_unresolvable_relatives_have_no_label() -> None:
    (m,) = find_dates("dans les années 1970", lang="fr", published=pub("2024"))
    assert (m.kind, m.date) == (DateKind.DECADE, None)
    (m,) = find_dates("in den 1990er Jahren", lang="de", published=pub("2024"))
    assert (m.kind, m.date) == (DateKind.DECADE, None)
    # "next month" needs a published month
    (m,) = find_dates("next month", lang="en", published=pub("2024"))
    assert (m.kind, m.date) == (DateKind.RELATIVE, None)


def test_unknown_language_reads_as_english(caplog: pytest.LogCaptureFixture) -> None:
    mentions = find_dates("in 2025", lang="xx", published=pub("2024"))
    assert [m.date.label for m in mentions if m.date] == ["2025"]
    assert "unknown language" in caplog.text


def test_mention_is_frozen() -> None:
    (m,) = find_dates("fin 2024", lang="fr", published=pub("2024"))
    assert isinstance(m, DateMention)
    with pytest.raises(AttributeError):
        m.start = 3  # type: ignore[misc]


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_long_text_finds_what_short_texts_find(lang: str) -> None:
    """Long texts are scanned only around trigger words: nothing may be lost."""
    filler = {
        "fr": "Le groupe, qui emploie 2 000 personnes dans 12 usines, a indiqué que ",
        "en": "The group, which employs 2,000 people in 12 plants, said that ",
        "de": "Der Konzern, der 2.000 Menschen in 12 Werken beschäftigt, teilte mit, dass ",
    }[lang]
    checked = 0
    for published in sorted({p for lg, p, _, _ in TABLE if lg == lang}):
        rows = [(expr, label) for lg, p, expr, label in TABLE if lg == lang and p == published]
        parts, where = [], []
        for expr, label in rows:
            parts.append(filler * 2)
            where.append((sum(map(len, parts)), expr, label))
            parts.append(expr + ". ")
        text = "".join(parts) + filler * 60  # well over the length scanned whole
        found = {
            (m.start, m.text, m.date.label if m.date else None)
            for m in find_dates(text, lang=lang, published=pub(published))
        }
        assert set(where) <= found
        checked += len(where)
    assert checked >= 40


_DENSE = (
    "La production de la Polestar 4 sera lancée au second semestre 2025 à Busan, "
    "qui emploie près de 2.000 salariés et produit 300.000 unités par an. "
    "Production at Orion will not start before late 2025; GM said on July 24 that "
    "1,261 employees remain. Ab dem zweiten Halbjahr 2026 wandert der Golf nach "
    "Mexiko, bis spätestens Ende 2033 fertigen alle Werke Elektroautos (12 500 Menschen).\n\n"
)
# About the density of the dev articles (a few dates per paragraph, many other numbers).
_NEWS = (
    "Le constructeur a confirmé jeudi que la production de la nouvelle citadine "
    "électrique démarrera au second semestre 2025 dans son usine du Nord, qui emploie "
    "près de 2.000 salariés et peut assembler 300.000 véhicules par an. L'investissement "
    "atteint 500 millions d'euros, dont 120 millions pour la ligne de batteries, et la "
    "direction table sur 1 250 voitures par jour à plein régime.\n\n"
    "The company said the Ohio plant, which builds 1,261 trucks a week with 3,400 "
    "workers, will be retooled for electric pickups; output is expected to begin in "
    "late 2026 after a $2.3 billion investment and talks with the union.\n\n"
    "Das Werk soll nach Angaben des Betriebsrats bis spätestens Ende 2027 umgebaut "
    "werden; derzeit arbeiten dort rund 12 500 Menschen, die jährlich 800.000 "
    "Fahrzeuge fertigen.\n\n"
)


def _big_text(size: int, paragraph: str = _NEWS) -> str:
    return (paragraph * (size // len(paragraph) + 1))[:size]


@contextlib.contextmanager
def _hang_guard(seconds: int = 60) -> Iterator[None]:
    """Fail instead of hanging: catastrophic backtracking on 1 MB takes hours, not seconds.

    Not a speed assertion (speed is measured by benches): a bound so the suite ends.
    """

    def stop(signum: int, frame: object) -> None:
        raise AssertionError(f"find_dates did not finish within {seconds}s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_one_megabyte_is_read_whole(lang: str) -> None:
    text = _big_text(1_000_000)
    with _hang_guard():
        mentions = find_dates(text, lang=lang, published=pub("2024-06"))
    assert len(mentions) > 2000
    assert mentions[-1].end > 990_000  # nothing cut off at the end


@pytest.mark.parametrize(
    "text",
    [
        _big_text(1_000_000, _DENSE),  # a date every 60 characters
        "1234567890 " * 90_000,
        "fin de la mi fin début de l'année du " * 28_000,
        "2024-2025-2026-2027-" * 50_000,
        "à partir de à partir de à partir de " * 28_000,
        " " * 1_000_000,
    ],
)
def test_no_catastrophic_backtracking(text: str) -> None:
    with _hang_guard():
        find_dates(text, lang="fr", published=pub("2024-06"))


@pytest.mark.shared
def test_dev_gold_dates_are_found(shared_dir: Path) -> None:
    """Most gold date labels of the dev set appear among find_dates results (in the body)."""
    found = total = 0
    for gold_path in sorted((shared_dir / "dev" / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (shared_dir / "dev" / "articles" / gold["article"]).read_text(encoding="utf-8")
        text = re.sub(r"^\s*date \S+ \([^)]*\) — ", lambda m: " " * len(m.group(0)), text)
        labels = {
            m.date.label
            for m in find_dates(text, lang=gold["lang"], published=pub(gold["published"]))
            if m.date
        }
        for fact in gold["facts"]:
            for key in ("start", "end", "date"):
                if fact.get(key):
                    total += 1
                    found += fact[key] in labels
    assert total > 50
    assert found / total >= 0.9, f"{found}/{total}"
