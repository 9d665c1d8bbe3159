"""The world gazetteer (seeds/kb/world_towns.tsv, from GeoNames): towns the knowledge base's
YAML does not name are still towns of a country, when the text names them where a town stands.
Articles are invented; the towns are ones no knowledge-base plant or held-out set uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import extract
from extractors.kb import _Towns, load_kb
from factwatch.articles import article_from_text
from factwatch.model import Fact


def _facts(text: str) -> list[Fact]:
    return extract(article_from_text(text, path="<test>"))


def _plants(facts: list[Fact]) -> dict[str, tuple[str | None, str | None]]:
    return {
        f.model or "": (f.plant.city if f.plant else None, f.plant.country if f.plant else None)
        for f in facts
        if f.type.value == "production"
    }


# --------------------------------------------------------------------------- the table


def test_the_table_knows_towns_by_their_folded_and_transliterated_names() -> None:
    kb = load_kb()
    assert kb.towns("Bobo-Dioulasso")[0][:2] == ("Bobo-Dioulasso", "BF")
    assert kb.towns("THIES")[0][:2] == ("Thiès", "SN")  # case and accents fold
    assert kb.towns("Lodz")[0][:2] == ("Łódź", "PL")  # Ł is no accent NFKD removes
    assert kb.towns("Nowhere-upon-Nothing") == []
    assert kb.towns("") == []


def test_towns_of_one_name_come_largest_first_at_most_three() -> None:
    found = load_kb().towns("Valencia")
    assert [country for _, country, _ in found] == ["VE", "ES", "US"]
    assert found[0][2] > found[1][2] > found[2][2]


def test_frequent_words_are_no_towns() -> None:
    # "Nice", "Mobile", "Reading" and "March" are towns, but too often words to be read as one
    kb = load_kb()
    assert all(kb.towns(word) == [] for word in ("Mobile", "Reading", "March", "Sale"))


def test_a_hash_collision_gives_no_wrong_town(monkeypatch: pytest.MonkeyPatch) -> None:
    import extractors.kb as kbmod

    monkeypatch.setattr(kbmod, "_town_hash", lambda key: 7)  # every name collides
    towns = _Towns(b"# a comment\nAlpha\tAA\t300\nBeta\tBB\t200\n")
    assert towns.get("Beta") == [("Beta", "BB", 200)]
    assert towns.get("Gamma") == []


def test_a_missing_table_is_no_error(tmp_path: Path) -> None:
    from extractors.kb import _read_towns

    assert _read_towns(tmp_path / "absent.tsv").get("Kigali") == []


# --------------------------------------------------------------------------- in articles


def test_a_town_after_a_preposition_locates_its_plant_with_its_country() -> None:
    facts = _facts(
        "date 2025-04-02 (Test) — In Mwanza montiert Toyota seit 2021 den Hilux aus Bausätzen. "
        "Das kleine Werk beliefert Händler in ganz Ostafrika und soll weiter wachsen."
    )
    assert _plants(facts)["Toyota Hilux"] == ("Mwanza", "TZ")


def test_a_town_before_a_plant_noun_locates_the_plant() -> None:
    facts = _facts(
        "date 2025-04-02 (Test) — Afrimotors said its Bobo-Dioulasso plant now assembles the "
        "Toyota Hilux for West African buyers. The line was set up with local partners."
    )
    assert _plants(facts)["Toyota Hilux"] == ("Bobo-Dioulasso", "BF")


def test_a_french_town_the_ner_finds_gets_its_country_from_the_gazetteer() -> None:
    facts = _facts(
        "date 2025-04-02 (Test) — L'usine de Thiès assemble désormais la Peugeot 301 pour le "
        "marché ouest-africain. Le site emploie une centaine de personnes selon la direction."
    )
    assert _plants(facts)["Peugeot 301"] == ("Thiès", "SN")


def test_a_frequent_word_after_a_preposition_is_no_town() -> None:
    facts = _facts(
        "date 2025-04-02 (Test) — Tesla builds the Model Y in Reading, the company said on "
        "Tuesday, without naming the state. Output is rising this quarter."
    )
    assert all(f.plant is None or f.plant.city != "Reading" for f in facts)
