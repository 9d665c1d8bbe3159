"""The project's seed: every fact an analyst reads in it is extracted, with evidence, and no other.

The expected facts are those of shared/dev/gold/000_seed_polestar4_busan.json, embedded
here as the extractor's expected behaviour (so this test needs nothing outside the repo).
"""

from __future__ import annotations

from typing import Any

import pytest

from extractors import extract
from factwatch.articles import read_article
from factwatch.evaluate import attribute_checks, same_fact
from factwatch.model import Fact

from .conftest import SEED_ARTICLE

BUSAN = {
    "name": "usine RKM de Busan",
    "operator": "Renault Korea Motors",
    "city": "Busan",
    "country": "KR",
}
EXPECTED: list[dict[str, Any]] = [
    {"type": "agreement", "parties": ["Polestar", "Geely Group", "Renault Korea Motors"], "date": "2023-11"},
    {"type": "production", "model": "Polestar 4", "plant": BUSAN, "status": "planned"},
    {"type": "plant_workforce", "plant": BUSAN, "value": 2000},
    {"type": "plant_capacity", "plant": BUSAN, "value": 300000, "unit": "vehicles/year"},
    {"type": "executive", "company": "Renault Korea Motors", "role": "CEO", "person": "Stéphane Deblaise"},
    {"type": "executive", "company": "Polestar", "role": "CEO", "person": "Thomas Ingenlath"},
    {"type": "production", "model": "Polestar 3", "plant": {"city": "Chengdu", "country": "CN"},
     "status": "planned", "start": "2024-early"},
    {"type": "production", "model": "Polestar 3", "plant": {"region": "South Carolina", "country": "US"},
     "status": "planned", "start": "2024-summer"},
]  # fmt: skip


def _form(fact: Fact) -> dict[str, Any]:
    data = fact.to_json()
    for key in ("start", "end", "date"):
        if isinstance(data.get(key), dict):
            data[key] = data[key]["label"]
    return data


@pytest.fixture(scope="module")
def seed_facts() -> list[Fact]:
    return extract(read_article(SEED_ARTICLE))


@pytest.mark.parametrize(
    "expected",
    EXPECTED,
    ids=lambda e: f"{e['type']}:{e.get('model') or e.get('person') or e.get('value') or ''}",
)
def test_each_seed_fact_is_found_with_its_attributes(
    seed_facts: list[Fact], expected: dict[str, Any]
) -> None:
    found = [f for f in seed_facts if same_fact(expected, _form(f))]
    assert found, f"not extracted: {expected}"
    best = max(found, key=lambda f: sum(ok for _, ok, _ in attribute_checks(expected, _form(f))))
    wrong = [text for _, ok, text in attribute_checks(expected, _form(best)) if not ok]
    assert not wrong, wrong


def test_seed_facts_carry_evidence_from_the_article(seed_facts: list[Fact]) -> None:
    article = read_article(SEED_ARTICLE)
    assert seed_facts
    for fact in seed_facts:
        ev = fact.evidence
        assert ev.sentence == article.text[ev.start : ev.end]
        assert ev.sentence.strip() and len(ev.sentence) < 1000
        assert 0.0 < fact.confidence <= 1.0
        assert fact.source.published == "2023-11"


def test_no_fact_beyond_the_expected_ones(seed_facts: list[Fact]) -> None:
    extra = [
        f for f in seed_facts
        if not any(same_fact(e, _form(f)) for e in EXPECTED)
    ]  # fmt: skip
    assert not extra, [f.title() for f in extra]


def test_busan_is_one_plant_known_to_the_knowledge_base(seed_facts: list[Fact]) -> None:
    busan = {f.plant.identity() for f in seed_facts if f.plant and f.plant.city == "Busan"}
    assert len(busan) == 1
