"""How `factwatch eval` pairs gold and predicted plants: by written town, and, for a known
plant, by either of its towns (its city and a locality: Oran and Tafraoui)."""

from __future__ import annotations

import pytest

from factwatch import evaluate


def test_towns_agree_as_written_or_in_another_language() -> None:
    assert evaluate.plant_matches({"city": "Köln", "country": "DE"}, {"city": "Cologne"})
    assert not evaluate.plant_matches({"city": "Köln", "country": "DE"}, {"city": "Bremen"})


def test_a_known_plant_s_city_and_locality_are_one_plant() -> None:
    gold = {"city": "Tafraoui", "operator": "Stellantis", "country": "DZ"}
    pred = {"city": "Oran", "operator": "Stellantis", "country": "DZ"}
    assert evaluate.plant_matches(gold, pred)
    # another operator's plant in that town is not it
    assert not evaluate.plant_matches(
        {"city": "Tafraoui", "operator": "Renault", "country": "DZ"},
        {"city": "Oran", "operator": "Renault", "country": "DZ"},
    )


def test_strict_places_pairs_by_written_town_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evaluate, "STRICT_PLACES", True)
    gold = {"city": "Tafraoui", "operator": "Stellantis", "country": "DZ"}
    assert not evaluate.plant_matches(gold, {"city": "Oran", "operator": "Stellantis"})


def test_a_province_written_as_the_town_of_a_known_plant() -> None:
    gold = {"city": "Sakarya", "operator": "Toyota", "country": "TR"}
    assert evaluate.plant_matches(gold, {"city": "Arifiye", "operator": "Toyota", "country": "TR"})


def test_a_subsidiary_written_as_the_operator_is_the_known_plant_s_operator() -> None:
    gold = {"city": "Rosslyn", "operator": "BMW Group South Africa", "country": "ZA"}
    assert evaluate.plant_matches(gold, {"city": "Pretoria", "operator": "BMW", "country": "ZA"})
    # another carmaker's plant near that town is not it
    assert not evaluate.plant_matches(
        gold, {"city": "Pretoria", "operator": "Nissan", "country": "ZA"}
    )
