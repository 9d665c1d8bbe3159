"""Rules from reading the opened news-mix set heldout17, each checked on an invented article
written to the pattern, never a held-out article's wording.
"""

from __future__ import annotations

from extractors import extract
from factwatch.articles import article_from_text
from factwatch.model import Fact


def _facts(text: str) -> list[Fact]:
    return extract(article_from_text(text, path="<test>"))


def _of(facts: list[Fact], kind: str) -> list[Fact]:
    return [f for f in facts if f.type.value == kind]


def _statuses(facts: list[Fact]) -> dict[str | None, tuple[str | None, str | None]]:
    return {
        (f.plant.city if f.plant else None): (
            str(f.status) if f.status else None,
            f.date.label if f.date else None,
        )
        for f in _of(facts, "plant_status")
    }


def test_a_conditional_after_the_companys_announcement_is_a_reported_future() -> None:
    facts = _facts(
        "date 2025-03-05 (Test) — Renault a indiqué mardi au comité social que l'usine de Flins "
        "serait mise à l'arrêt à partir du lundi 10 mars, faute de moteurs."
    )
    assert _statuses(facts) == {"Flins": ("paused", "2025-03-10")}


def test_a_conditional_the_press_reports_stays_a_hedge() -> None:
    facts = _facts(
        "date 2025-03-05 (Test) — Selon la presse locale, Renault a indiqué que l'usine de Flins "
        "serait mise à l'arrêt à partir du lundi 10 mars."
    )
    assert _statuses(facts) == {}


def test_a_reported_future_under_a_condition_stays_a_hedge() -> None:
    facts = _facts(
        "date 2025-03-05 (Test) — Renault a indiqué que l'usine de Flins serait mise à l'arrêt "
        "si les moteurs manquaient encore en avril."
    )
    assert _statuses(facts) == {}


def test_german_reported_speech_after_the_companys_statement_is_no_hedge() -> None:
    facts = _facts(
        "date 2025-03-05 (Test) — Opel teilte am Dienstag mit, die Bänder im Werk Eisenach "
        "würden ab dem 10. März stillstehen."
    )
    assert _statuses(facts) == {"Eisenach": ("paused", "2025-03-10")}


def test_the_day_a_stop_was_announced_is_not_the_day_it_begins() -> None:
    facts = _facts(
        "date 2025-03-05 (Test) — Ford said on Tuesday that its Saarlouis plant will halt "
        "production from March 10 because of a parts shortage."
    )
    assert _statuses(facts) == {"Saarlouis": ("paused", "2025-03-10")}


def test_a_town_named_among_a_brands_models_with_an_article_is_a_model() -> None:
    facts = _facts(
        "date 2025-03-05 (Test) — GAC Toyota a lancé la production du bZ5 dans son usine de "
        "Nansha. On y fabrique aussi la Camry, la Tamworth et le Highlander."
    )
    made = {(f.model, f.plant.city if f.plant else None) for f in _of(facts, "production")}
    assert ("Toyota Tamworth", "Nansha") in made
    assert all(city != "Tamworth" for _model, city in made)


def test_a_french_ordinal_before_a_month_is_no_bmw_series() -> None:
    facts = _facts(
        "date 2024-09-18 (Test) — Claire Moreau, jusqu'ici responsable de la fabrication à Douai, "
        "prendra le 1er octobre la direction de l'usine Renault de Flins."
    )
    assert not _of(facts, "production")


def test_a_plant_about_to_host_a_model_will_build_it() -> None:
    facts = _facts(
        "date 2024-09-18 (Test) — L'usine Renault de Flins tourne au ralenti. Surtout, l'usine "
        "s'apprête à accueillir la Renault 5 E-Tech."
    )
    made = [(f.model, str(f.status)) for f in _of(facts, "production")]
    assert made == [("Renault 5 E-Tech", "planned")]


def test_a_plant_named_by_its_district_keeps_its_city() -> None:
    facts = _facts(
        "date 2025-02-18 (Test) — Toyota a suspendu mardi la production de son usine de "
        "Motomachi. À Motomachi sont assemblées la Crown et la Mirai."
    )
    places = {(f.plant.city, f.plant.kb_id) for f in facts if f.plant}
    assert places == {("Toyota City", "toyota-motomachi")}


def test_a_bare_weekday_told_in_the_future_is_the_coming_one() -> None:
    facts = _facts(
        "date 2025-02-18 (Test) — L'usine Toyota de Tahara manque de pièces, a indiqué le "
        "groupe mardi. Toutes ses lignes seront arrêtées à partir de mercredi."
    )
    assert _statuses(facts) == {"Tahara": ("paused", "2025-02-19")}


def test_a_town_is_in_the_country_the_article_names_not_an_adjectives() -> None:
    facts = _facts(
        "date 2024-05-29 (Test) — Premcar will convert the American-built Ford F-150 to "
        "right-hand drive at its Clayton facility, in Melbourne, from the third quarter. "
        "The Clayton site employs more than 300 people."
    )
    places = {(f.plant.city, f.plant.country) for f in facts if f.plant}
    assert ("Clayton", "AU") in places
    assert ("Clayton", "US") not in places


def test_where_a_chief_spoke_is_no_plant() -> None:
    facts = _facts(
        "date 2026-03-10 (Test) — Das Start-up rechnet mit dem Produktionsstart in seinem "
        "künftigen Werk in Jaworzno nicht vor Ende 2028, wie Vorstandschef Jan Nowak am Montag "
        "in Warschau sagte. Die Fabrik ist auf eine Kapazität von 150.000 Fahrzeugen im Jahr "
        "ausgelegt."
    )
    cities = {f.plant.city for f in facts if f.plant}
    assert "Warsaw" not in cities
    assert [f.plant.city for f in _of(facts, "plant_capacity") if f.plant] == ["Jaworzno"]


def _executives(facts: list[Fact]) -> set[tuple[str | None, str | None]]:
    return {(f.person, str(f.role) if f.role else None) for f in _of(facts, "executive")}


def test_a_plant_stopped_completely_is_paused_and_its_sister_running_normally_operates() -> None:
    facts = _facts(
        "date 2024-06-04 (Test) — Audi hat die Fertigung in seinem Werk Ingolstadt am Montag "
        "komplett gestoppt. Im Werk Neckarsulm lief die Produktion dagegen normal."
    )
    assert _statuses(facts) == {
        "Ingolstadt": ("paused", "2024-06-03"),
        "Neckarsulm": ("operating", None),
    }


def test_taking_over_the_lead_of_a_plant_makes_its_plant_manager() -> None:
    de = _facts(
        "date 2025-02-20 (Test) — Wechsel im Werk Zwickau: Zum 1. März übernimmt Anna Berger "
        "die Leitung des Standorts. Die 48-Jährige, bislang Produktionschefin in Mosel, folgt "
        "auf Peter Wolf."
    )
    assert ("Anna Berger", "plant manager") in _executives(de)
    assert all(person and "Jährige" not in person for person, _role in _executives(de))
    assert not _of(de, "plant_status")  # taking the lead is no sale
    fr = _facts(
        "date 2024-09-18 (Test) — Changement de tête à l'usine Renault de Flins. Claire Moreau, "
        "jusqu'ici responsable de la fabrication à Douai, prendra le 1er octobre la direction "
        "du site."
    )
    assert ("Claire Moreau", "plant manager") in _executives(fr)


def _made(facts: list[Fact]) -> set[tuple[str | None, str | None, str | None]]:
    return {
        (f.model, str(f.status) if f.status else None, f.start.label if f.start else None)
        for f in _of(facts, "production")
    }


def test_a_model_that_will_follow_and_the_next_one_then_are_planned() -> None:
    facts = _facts(
        "date 2025-01-14 (Test) — L'usine Stellantis de Pomigliano assemble la Fiat Panda. "
        "La Fiat Grande Panda suivra au printemps, puis l'Alfa Romeo Tonale à partir de 2026."
    )
    made = _made(facts)
    assert ("Fiat Grande Panda", "planned", "2025-spring") in made
    assert ("Alfa Romeo Tonale", "planned", "2026") in made


def test_a_start_that_will_come_only_later_is_the_new_start() -> None:
    facts = _facts(
        "date 2025-07-29 (Test) — À Cassino, la nouvelle Maserati Grecale, qui devait "
        "initialement démarrer fin 2025, ne sortira des chaînes qu'en 2026."
    )
    assert ("Maserati Grecale", "planned", "2026") in _made(facts)


def test_two_model_names_of_one_brand_written_as_one_are_one_model() -> None:
    facts = _facts(
        "date 2025-06-10 (Test) — L'usine Toyota de Phuc Yen assemble aujourd'hui la berline "
        "Vios ainsi que le monospace Avanza Premio, produit localement depuis 2022."
    )
    models = {f.model for f in _of(facts, "production")}
    assert "Toyota Avanza Premio" in models
    assert "Toyota Premio" not in models


def test_a_model_that_stays_in_production_until_a_date_is_made_until_then() -> None:
    facts = _facts(
        "date 2025-01-14 (Test) — L'usine Stellantis de Melfi assemble la DS N°8. Le Jeep "
        "Renegade, dernier survivant de l'ancienne gamme, restera en production jusqu'à l'été."
    )
    made = {
        (f.model, str(f.status), f.end.label if f.end else None) for f in _of(facts, "production")
    }
    assert ("Jeep Renegade", "ongoing", "2025-summer") in made


def test_the_groups_chief_named_in_apposition_is_its_ceo() -> None:
    facts = _facts(
        "date 2025-02-18 (Test) — Toyota a suspendu la production de son usine de Tahara. "
        "Toyota emploie 380 000 personnes. Le PDG du groupe, Koji Sato, avait alors promis de "
        "renforcer la résilience."
    )
    assert ("Koji Sato", "CEO") in _executives(facts)


def test_a_plant_manager_named_with_her_plant_in_the_possessive() -> None:
    facts = _facts(
        "date 2025-02-18 (Test) — Stellantis will invest in its Jefferson plant in Detroit. "
        '"This is a commitment," said Tamika Brooks, Jefferson\'s plant manager since March.'
    )
    assert ("Tamika Brooks", "plant manager") in _executives(facts)
    assert all(f.plant.city != "Tamika Brooks" for f in facts if f.plant)
