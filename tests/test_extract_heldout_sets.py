"""Held-out sets 3 to 19 (tests/fixtures/heldout3..19): well-formed, and the extractor stays above
each set's floor.

Each set is 30 invented articles (10 fr, 10 en, 10 de) whose gold was written blind, before any
extractor run, by someone who had not read `extractors/`. heldout10, 11, 13, 18 and 19 are the
team's honest measure of unseen articles: nobody tuning rules has opened them, only their totals
are read (heldout11 and heldout18 are realistic news mixes, heldout13 and heldout19 the long tail
of plants no earlier set covered). heldout3 to 9, 12 and 14 to 17 were measured blind and then used
for tuning, so they are regression guards now; each README says when it was opened. Floor = the figure measured
last - 0.03 (`factwatch eval tests/fixtures/<set>/gold`).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from factwatch.articles import parse_header
from factwatch.evaluate import evaluate
from factwatch.model import FactType, PlantStatus, ProductionStatus

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass(frozen=True)
class HeldOut:
    name: str
    first: int  # the number of its first article (301 … 330)
    floor: float | None  # None: blind, not measured yet (its author is still writing it)
    empty: frozenset[str] = frozenset()  # the articles with no fact, where the set names them


SETS = [
    # blind 0.895 (2026-12-01 12:59 UTC, 80ad0d8); tuned: 0.96 at 15:24 UTC, 0befcb4; 0.96 at 19:21
    HeldOut("heldout3", 301, 0.93),
    # blind 0.783 (13:53 UTC, 5c44685); tuned: 0.91 at 15:24 UTC, 0befcb4; 0.94 at 19:21 UTC
    HeldOut("heldout4", 401, 0.91),
    # blind 0.81 (15:05 UTC, fdb987d); tuned: 0.88 at 15:24 UTC, 0befcb4; 0.95 at 19:21 UTC
    # (0.91 strict: the eval pairs a plant's city and locality under a subsidiary's name too)
    HeldOut("heldout5", 501, 0.91),
    # blind 0.83 (15:05–15:42 UTC), opened at 16:00; tuned: 0.90 at 17:22 UTC, 9e953f9; 0.93 at 19:21
    HeldOut(
        "heldout6",
        601,
        0.90,
        frozenset(
            {
                "605_journaldemontreal_palmares_ventes_quebec_fr",
                "614_ap_honda_fuel_pump_recall",
                "620_autocar_bangkok_motor_show_review",
            }
        ),
    ),
    # blind 0.54 (16:07 UTC, 3cc144e), then opened; tuned: 0.72 at 17:22 UTC, 9e953f9; 0.80 at 19:21
    HeldOut("heldout7", 701, 0.77),
    # blind 0.74 (16:07 UTC, 3cc144e), then opened; tuned: 0.92 at 17:22 UTC, 9e953f9; 0.93 at 19:21
    HeldOut("heldout8", 801, 0.90),
    # blind, totals only: 0.62 (16:20 UTC, 3fcd31c), 0.64 (17:22 UTC, 9e953f9), 0.70 (19:21 UTC,
    # 7fd2990, after the knowledge base grew from general knowledge by a helper blind to this set),
    # 0.72 (21:20 UTC, 7240656); opened at 21:23 UTC for tuning: 0.82 (41de45e), 0.83 (92faea8)
    HeldOut("heldout9", 901, 0.80),
    # blind, totals only: 0.77 (16:20 UTC, 3fcd31c), 0.78 (17:22 UTC, 9e953f9), 0.79 (19:21 UTC),
    # 0.78 (41de45e), 0.78 (92faea8)
    # 0.80 (318d00b, after the third session's knowledge base rounds)
    HeldOut("heldout10", 931, 0.77),
    # blind, written after heldout9/10 as a realistic news mix (plants may repeat earlier sets'),
    # totals only: 0.88 (18:07 UTC, 373ee5e), 0.89 (19:21 UTC, 7fd2990), 0.89 (41de45e)
    HeldOut(
        "heldout11",
        1101,
        0.86,
        frozenset(
            {
                "1109_largus_classement_ventes_octobre_fr",
                "1117_ap_ford_fuel_pump_recall",
                "1125_automotor_iaa_messerundgang_de",
            }
        ),
    ),
    # written blind after heldout9/10 as a long-tail set (plants no earlier set had as a subject):
    # 0.51 (18:08 UTC, 373ee5e), 0.60 (19:21 UTC, 7fd2990); opened at 20:35 UTC for tuning, 0.66
    # with the world gazetteer (85cbb84), 0.80 (41de45e), 0.82 (92faea8)
    HeldOut(
        "heldout12",
        1201,
        0.79,
        frozenset(
            {
                "1207_autoplus_rappel_peugeot_e2008_batterie_fr",
                "1216_businessworld_philippine_vehicle_sales_october",
                "1229_sz_iaa_transportation_rundgang_de",
            }
        ),
    ),
    # blind, a second long-tail set written while heldout12 was opened, totals only: 0.60 (21:05
    # UTC, 29d9966, the code the session began at), 0.62 (85cbb84, the world gazetteer), 0.69
    # (41de45e), 0.70 (ea351e0 + heldout14 rules), 0.72 (+202 plants), 0.73 (92faea8)
    # 0.74 (bb46c7c and b05d026, after the third session's knowledge base rounds)
    HeldOut(
        "heldout13",
        1301,
        0.71,
        frozenset(
            {
                "1308_caradisiac_rappel_airbags_c3_ds3_fr",
                "1317_carsguide_vfacts_may_best_sellers",
                "1325_faz_japan_mobility_show_rundgang_de",
            }
        ),
    ),
    # blind, a second realistic news mix, totals only: 0.83 (21:05 UTC, 29d9966), 0.82 (85cbb84),
    # 0.82 (41de45e); opened at 22:51 UTC for tuning: 0.88 (92faea8)
    HeldOut(
        "heldout14",
        1401,
        0.85,
        frozenset(
            {
                "1410_autoplus_classement_ventes_france_mars_fr",
                "1417_ap_kia_telluride_seat_motor_recall",
                "1427_autobild_fahrbericht_bmw_ix3_de",
            }
        ),
    ),
    # blind, a third realistic news mix: 0.76 (22:50 UTC 2026-12-01, ea351e0, the code the second
    # session began at), then opened at 22:56 UTC for tuning: 0.85 (92faea8)
    HeldOut(
        "heldout15",
        1501,
        0.82,
        frozenset(
            {
                "1508_caradisiac_classement_ventes_electriques_juin_fr",
                "1517_autocar_goodwood_festival_of_speed_highlights",
                "1530_autobild_rueckruf_bmw_startermotor_de",
            }
        ),
    ),
    # blind, a third long-tail set, totals only: 0.59 (22:50 UTC, ea351e0), 0.61 (09a8497),
    # 0.69 (60fb2f1, +202 plants by a helper blind to it), 0.70 (92faea8); opened at 01:15 UTC
    # 2026-12-02 for tuning: 0.72 (23c9aa3), 0.74 (d8e7d78),
    # 0.79 (b05d026)
    HeldOut(
        "heldout16",
        1601,
        0.76,
        frozenset(
            {
                "1608_autoplus_rappel_mg4_logiciel_fr",
                "1617_bangkokpost_thai_vehicle_sales_august",
                "1626_faz_busworld_bruessel_rundgang_de",
            }
        ),
    ),
    # blind, a fourth realistic news mix, totals only: 0.81 (23:14 UTC, ea351e0), 0.83 (09a8497,
    # 92faea8); opened at 00:59 UTC 2026-12-02 for tuning: 0.88 (e5351aa), 0.89 (b05d026)
    HeldOut(
        "heldout17",
        1701,
        0.86,
        frozenset(
            {
                "1707_caradisiac_essai_skoda_elroq_fr",
                "1716_automotivenews_us_best_sellers_2025",
                "1725_adac_rueckruf_ford_kuga_phev_de",
            }
        ),
    ),
    # blind, a fifth realistic news mix, totals only: 0.81 (01:20 UTC 2026-12-02, 4b1d022, the
    # code the third session began at), 0.82 (6064ff4), 0.82 (b05d026)
    HeldOut(
        "heldout18",
        1801,
        0.79,
        frozenset(
            {
                "1807_autoplus_mondial_paris_2026_nouveautes_fr",
                "1817_ap_subaru_outback_airbag_recall",
                "1825_kfzbetrieb_neuzulassungen_oktober_de",
            }
        ),
    ),
    # blind, a fourth long-tail set, totals only: 0.63 (01:14 UTC 2026-12-02, 4b1d022), 0.63
    # (a433648), 0.69 (bb46c7c, +80 plants
    # and 138 models by helpers blind to it), 0.68 (b05d026)
    HeldOut(
        "heldout19",
        1901,
        0.65,
        frozenset(
            {
                "1908_caradisiac_comparatif_prix_citadines_electriques_fr",
                "1920_kbb_average_transaction_prices_march",
                "1930_ams_preisvergleich_elektro_transporter_de",
            }
        ),
    ),
]
BY_NAME = {s.name: s for s in SETS}

FACT_TYPES = {t.value for t in FactType}
PRODUCTION_STATUSES = {s.value for s in ProductionStatus}
PLANT_STATUSES = {s.value for s in PlantStatus}
PLANT_KEYS = {"name", "operator", "city", "region", "country"}
# DESIGN.md's DATE labels: YYYY, YYYY-H1|H2, YYYY-Q1..Q4, YYYY-early|mid|late, YYYY-<season>,
# YYYY-MM, YYYY-MM-DD
DATE_LABEL = re.compile(
    r"\d{4}(-(H[12]|Q[1-4]|early|mid|late|spring|summer|autumn|winter|(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?))?"
)

names = pytest.mark.parametrize("name", [s.name for s in SETS])


def _gold(name: str) -> dict[str, dict[str, Any]]:
    gold = FIXTURES / name / "gold"
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold.glob("*.json"))}


def _articles(name: str) -> dict[str, Path]:
    return {p.stem: p for p in sorted((FIXTURES / name / "articles").glob("*.txt"))}


def _lang_of(stem: str) -> str:
    if stem.endswith("_fr"):
        return "fr"
    if stem.endswith("_de"):
        return "de"
    return "en"


@names
def test_every_article_has_gold_and_every_gold_an_article(name: str) -> None:
    articles, gold = _articles(name), _gold(name)
    first = BY_NAME[name].first
    assert len(articles) == 30
    assert set(articles) == set(gold)
    assert sorted(int(stem.split("_")[0]) for stem in articles) == list(range(first, first + 30))
    for stem, doc in gold.items():
        assert doc["article"] == f"{stem}.txt", stem
        assert re.fullmatch(r"\d{3,4}_[a-z0-9_]+", stem), stem


@names
def test_headers_parse_and_agree_with_gold(name: str) -> None:
    gold = _gold(name)
    for stem, path in _articles(name).items():
        text = path.read_text(encoding="utf-8")
        header = parse_header(text)
        assert header is not None, f"{path.name}: no 'date YYYY-MM[-DD] (Publisher) — ' header"
        assert header.publisher, path.name
        assert header.published == gold[stem]["published"], path.name
        assert "2022" <= header.published[:4] <= "2026", path.name
        body = text[header.length :]
        words = len(body.split())
        assert 120 <= words <= 400, f"{path.name}: {words} words"
        assert "\n\n" in body, f"{path.name}: paragraphs are separated by blank lines"


@names
def test_ten_articles_per_language(name: str) -> None:
    gold = _gold(name)
    assert Counter(doc["lang"] for doc in gold.values()) == {"fr": 10, "en": 10, "de": 10}
    for stem, doc in gold.items():
        assert doc["lang"] == _lang_of(stem), stem


def _check_plant(plant: Any, where: str) -> None:
    assert isinstance(plant, dict) and plant, where
    assert set(plant) <= PLANT_KEYS, where
    assert plant.get("country") and re.fullmatch(r"[A-Z]{2}", plant["country"]), where
    assert plant.get("city") or plant.get("region") or plant.get("operator"), where


def _check_fact(fact: dict[str, Any], where: str) -> None:
    kind = fact["type"]
    assert kind in FACT_TYPES, where
    for key in ("start", "end", "date"):
        if fact.get(key) is not None:
            assert DATE_LABEL.fullmatch(fact[key]), f"{where}: {key}={fact[key]!r}"
    if kind == "production":
        assert fact["model"] and fact["status"] in PRODUCTION_STATUSES, where
    if kind == "plant_status":
        assert fact["status"] in PLANT_STATUSES, where
    if kind in {"plant_capacity", "plant_workforce", "investment"}:
        assert fact["value"] > 0, where
    if kind == "plant_capacity":
        assert fact["unit"] == "vehicles/year", where
    if kind == "investment":
        assert fact["company"] and re.fullmatch(r"[A-Z]{3}", fact["currency"]), where
    if kind == "executive":
        assert fact["company"] and fact["role"] and fact["person"], where
    if kind == "agreement":
        assert len(fact["parties"]) >= 2 and fact["subject"], where
    if "plant" in fact or kind not in {"executive", "agreement"}:
        _check_plant(fact["plant"], where)


@names
def test_gold_facts_are_well_formed(name: str) -> None:
    gold = _gold(name)
    for stem, doc in gold.items():
        for i, fact in enumerate(doc["facts"]):
            _check_fact(fact, f"{name}/{stem} fact {i}")
    empty = {stem for stem, doc in gold.items() if not doc["facts"]}
    assert len(empty) == 3  # a recall, a sales ranking, a show or price review: no plant fact
    if BY_NAME[name].empty:
        assert empty == BY_NAME[name].empty


@names
def test_no_fact_is_given_twice(name: str) -> None:
    for stem, doc in _gold(name).items():
        keys = [
            json.dumps({k: v for k, v in fact.items() if k != "note"}, sort_keys=True)
            for fact in doc["facts"]
        ]
        assert len(keys) == len(set(keys)), stem


@pytest.mark.slow
@names
def test_extractor_micro_f1_stays_above_floor(name: str) -> None:
    floor = BY_NAME[name].floor
    if floor is None:
        pytest.skip(f"{name} is blind and not measured yet: it has no floor")
    report = evaluate(FIXTURES / name / "gold")
    assert report.f1 >= floor, report.to_text(details=False)
