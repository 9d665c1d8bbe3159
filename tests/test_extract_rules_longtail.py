"""Rules from reading the opened long-tail set (heldout12), each checked on an invented article
written to the pattern, never a held-out article's wording: plants in towns no gazetteer knows,
named with a kind of vehicle ("its Kelsington truck plant") or opening a sentence of making, a
city's quarter that is no town, an industrial zone in a province named after a plant's town.
"""

from __future__ import annotations

from extractors import extract
from factwatch.articles import article_from_text
from factwatch.model import Fact


def _facts(text: str) -> list[Fact]:
    return extract(article_from_text(text, path="<test>"))


def _production(facts: list[Fact]) -> dict[str, tuple[str | None, str]]:
    return {
        f.model or "": (
            f.plant.city if f.plant else None,
            str(f.status.value if f.status else None),
        )
        for f in facts
        if f.type.value == "production"
    }


def test_a_kind_of_vehicle_between_the_town_and_its_plant_noun() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — Volvo said on Monday its Kelsington truck plant now builds the "
        "Volvo FM for the domestic market. The site was modernised last year."
    )
    assert _production(facts) == {"Volvo FM": ("Kelsington", "ongoing")}


def test_a_town_that_opens_a_sentence_of_making_is_the_plant() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — Scania has expanded the Kelsington site, which opened in 1998. "
        "Kelsington builds the Scania R and the Scania S for buyers across the region."
    )
    assert _production(facts) == {
        "Scania R": ("Kelsington", "ongoing"),
        "Scania S": ("Kelsington", "ongoing"),
    }


def test_a_quarter_of_a_city_is_no_town() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — Volvo is expanding its Kelsington truck plant in Adelaide's "
        "north, the company said. The plant builds the Volvo FH for local fleets."
    )
    cities = {f.plant.city for f in facts if f.plant}
    assert "Adelaide's" not in cities
    assert _production(facts) == {"Volvo FH": ("Kelsington", "ongoing")}


def test_a_model_named_as_a_word_is_no_place_for_the_french_ner() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — L'usine Hyundai de Chennai assemble déjà l'Accent et la Creta "
        "pour le marché indien. La direction prévoit une troisième équipe au printemps."
    )
    assert all(f.plant is None or f.plant.city != "Accent" for f in facts)
    assert _production(facts).get("Hyundai Creta") == ("Chennai", "ongoing")


def test_a_zone_in_a_province_named_after_a_known_plants_town() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — L'usine de Khanh Phu, dans la province de Ninh Binh, assemble "
        "désormais la Hyundai Tucson. La coentreprise vise les marchés d'Asie du Sud-Est."
    )
    assert _production(facts) == {"Hyundai Tucson": ("Ninh Binh", "ongoing")}


def test_a_kb_town_written_with_its_state_is_the_town() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — Volvo Trucks builds the Volvo VNL at its New River Valley plant, "
        "the company said. The plant added a shift this spring."
    )
    plants = [f.plant for f in facts if f.type.value == "production" and f.plant]
    assert plants and plants[0].city == "Dublin" and plants[0].region == "Virginia"


def test_a_truck_range_named_by_a_word_is_cued_by_its_brand_and_body() -> None:
    # the knowledge base writes "Mack Pinnacle" in full (a bare "Pinnacle" is a word)
    facts = _facts(
        "date 2025-03-04 (Test) — Mack Trucks said its Lehigh Valley Operations plant will add "
        "a shift. The Pinnacle highway tractor is built there alongside other models."
    )
    assert "Mack Pinnacle" in _production(facts)


def test_an_unknown_model_named_with_a_qualified_body_takes_the_brand_as_models_write_it() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — Mack Trucks will start building its new Zephyr long-haul "
        "tractor at the Lehigh Valley Operations plant next year, the company said."
    )
    assert "Mack Zephyr" in _production(facts)  # not "Mack Trucks Zephyr"


def test_a_headcount_across_a_country_is_no_plant_workforce() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — Subaru a suspendu la production à l'usine de Yajima pendant "
        "deux jours. Le groupe emploie environ 12 000 personnes au Japon, selon la direction."
    )
    assert not [f for f in facts if f.type.value == "plant_workforce"]


def test_the_town_after_a_plants_own_name_locates_it() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — Foton will end assembly at its Varnholt plant in Rosario next "
        "year. Varnholt has capacity for 30,000 vehicles a year, the company said."
    )
    capacity = [f for f in facts if f.type.value == "plant_capacity"]
    assert capacity and capacity[0].plant is not None and capacity[0].plant.city == "Rosario"


def test_an_export_destination_is_no_plant() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — Toyota's Kelsington plant builds the Toyota Hilux. The plant has "
        "capacity for 40,000 vehicles a year but lost its export programs to Kenya in 2024."
    )
    capacity = [f for f in facts if f.type.value == "plant_capacity"]
    assert capacity and capacity[0].plant is not None and capacity[0].plant.country != "KE"


def test_a_worldwide_headcount_is_no_plant_workforce() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — Im Werk Kelsington läuft der Volvo FH vom Band. Weltweit "
        "beschäftigt Volvo rund 100.000 Menschen, wie das Unternehmen mitteilte."
    )
    assert not [f for f in facts if f.type.value == "plant_workforce"]


def test_the_home_plant_at_the_headquarters_is_a_plant() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — Am Stammsitz in Wolfsburg, wo unter anderem der VW Golf und "
        "der VW Tiguan vom Band laufen, investiert Volkswagen in eine neue Halle."
    )
    assert _production(facts).get("Volkswagen Golf") == ("Wolfsburg", "ongoing")


def test_currencies_of_the_long_tail() -> None:
    from extractors.rules.numbers import find_amounts

    cases = {
        "a mobilisé 12 milliards de nairas": "NGN",
        "KSh 3 billion": "KES",
        "85 milliards de francs CFA": "XOF",
        "4 Milliarden Rubel": "RUB",
        "PHP 2.5 billion": "PHP",
        "9 milliards de tenges": "KZT",
        "1,2 Milliarden ägyptische Pfund": "EGP",
    }
    for text, currency in cases.items():
        assert [a.currency for a in find_amounts(text)] == [currency], text


def test_a_state_named_by_the_french_ner_is_a_region() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — Le constructeur a agrandi son usine de Kaduna, dans l'État de "
        "Kaduna. Le site voit sa capacité passer à 12 000 véhicules par an, selon la direction."
    )
    capacity = [f for f in facts if f.type.value == "plant_capacity"]
    assert capacity and capacity[0].plant is not None
    assert capacity[0].plant.city == "Kaduna" and capacity[0].plant.country == "NG"


def test_where_parts_come_from_is_no_plant() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — L'usine Toyota de Kelsington assemble le Hilux. Une version "
        "hybride doit entrer en production début 2026, avec des batteries importées du Japon."
    )
    assert all(f.plant is None or f.plant.country != "JP" for f in facts)


def test_a_model_named_by_a_naming_verb_takes_the_brand_of_the_model_before() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — L'usine Toyota de Kelsington assemble le Toyota Hilux. Sa "
        "version électrique, baptisée Hilux Volt, doit entrer en production au début de 2026."
    )
    assert _production(facts).get("Toyota Hilux Volt") == ("Kelsington", "planned")


def test_a_town_the_sentence_opens_with_is_the_plant_of_its_making() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — L'usine Iveco d'Annonay assemble l'Iveco Crossway. À Varnholt, "
        "dans le Jura, la filiale Heuliez Bus, qui emploie 500 personnes, produit le Heuliez GX 137."
    )
    assert _production(facts).get("Heuliez GX 137") == ("Varnholt", "ongoing")


def test_elec_names_an_electric_variant_with_the_brand_once() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — L'usine Heuliez de Rorthais produit désormais le Heuliez GX 137 "
        "Elec pour les réseaux urbains. La cadence doit doubler l'an prochain."
    )
    assert "Heuliez GX 137 Elec" in _production(facts)


# --------------------------------------------------------------------------- executives


def _executives(facts: list[Fact]) -> set[tuple[str | None, str | None, str | None]]:
    return {(f.company, f.person, f.role) for f in facts if f.type.value == "executive"}


def test_a_korean_given_name_with_a_hyphen_is_a_name() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — Das Werk in Gwangmyeong baut den Kia EV3. „Wir sind stolz“, "
        "sagte Kia-Chef Jae-won Lim bei einem Besuch im Werk."
    )
    assert _executives(facts) == {("Kia", "Jae-won Lim", "CEO")}


def test_a_compound_vorsitzender_is_the_chairman() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — Das Werk in Rayong baut den Deepal S07. „Das ist ein großer "
        "Tag“, sagte Changan-Vorsitzender Wei Ming bei der Eröffnung."
    )
    assert _executives(facts) == {("Changan", "Wei Ming", "Chairman")}


def test_an_unknown_companys_compound_chef_names_that_company() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — Das Werk in Kelsington baut den VW Golf mit neuen Robotern. "
        "„Das ist ein großer Auftrag“, sagte Kuvex-Chef Jan Berger. Werks-Chef Tom Keller lobte es."
    )
    assert ("Kuvex", "Jan Berger", "CEO") in _executives(facts)
    assert not any(company == "Werks" for company, _, _ in _executives(facts))


def test_an_unknown_company_right_before_an_english_title() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — BYD will assemble the Atto 3 at a new plant in Karachi. Indus "
        "Motors chief executive Ali Raza said the first phase would cost $75 million."
    )
    assert ("Motors", "Ali Raza", "CEO") not in _executives(facts)
    facts = _facts(
        "date 2025-03-04 (Test) — BYD will assemble the Atto 3 at a new plant in Karachi. Mekar "
        "chief executive Ali Raza said the first phase would cost $75 million."
    )
    assert ("Mekar", "Ali Raza", "CEO") in _executives(facts)


def test_a_subsidiary_named_with_its_country() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — L'usine de Córdoba assemble la Renault Kangoo. « Nous sommes "
        "prêts », a déclaré Ana Ruiz, directrice générale de Renault Argentine."
    )
    assert _executives(facts) == {("Renault Argentina", "Ana Ruiz", "CEO")}
    facts = _facts(
        'date 2025-03-04 (Test) — "We are ready," said Ana Ruiz, president of GM Canada. The '
        "Oshawa plant builds the Chevrolet Silverado."
    )
    assert _executives(facts) == {("General Motors Canada", "Ana Ruiz", "CEO")}


def test_administrateur_delegue_is_the_chief_executive() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — L'usine d'Ovar assemble le Toyota Land Cruiser depuis 2020. « "
        "C'est une fierté », a déclaré Rui Costa, administrateur délégué de Toyota Caetano Portugal."
    )
    assert _executives(facts) == {("Toyota Caetano Portugal", "Rui Costa", "CEO")}


# --------------------------------------------------------------------------- agreements


def test_an_acronym_the_article_defines_is_no_second_party() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — Stellantis veut assembler des utilitaires au Kenya. Le "
        "constructeur a signé lundi un accord avec la Kenya Development Bank (KDB) pour "
        "implanter un site d'assemblage près de Mombasa."
    )
    agreements = [f for f in facts if f.type.value == "agreement"]
    assert [set(f.parties) for f in agreements] == [{"Stellantis", "Kenya Development Bank"}]


def test_a_bay_named_after_a_town_is_not_that_town() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — Geely fertigt den neuen Geely Galaxy E5 im Werk in der "
        "Hangzhou-Bucht bei Ningbo. Das Werk ist für 200.000 Fahrzeuge im Jahr ausgelegt."
    )
    assert _production(facts).get("Geely Galaxy E5") == ("Ningbo", "ongoing")


def test_a_code_after_a_compound_body_noun_with_adjectives_is_a_model() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — Im Werk Gwangmyeong baut Kia weiterhin die Oberklasse-Limousine "
        "K8 sowie den kompakten Elektro-SUV EV5 für den Export. Das Werk beschäftigt 5.000 Menschen."
    )
    assert {"Kia K8", "Kia EV5"} <= set(_production(facts))


def test_a_plant_named_in_a_clause_of_what_comes_later_does_not_take_over() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — In Gwangmyeong läuft seit Juni der Kia EV3 vom Band. Für Europa "
        "bestimmte EV3 kommen zunächst aus Korea, bevor Kia die Fertigung im slowakischen Žilina "
        "aufnimmt. Auf der ersten Linie baut Kia weiterhin den Carnival für den Export."
    )
    assert _production(facts).get("Kia Carnival") == ("Gwangmyeong", "ongoing")


def test_a_state_named_after_its_capital_is_the_state() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — Chery on Friday opened its factory in Jacareí, in the interior "
        "of São Paulo state. The plant builds the Chery Tiggo 7 for the Brazilian market."
    )
    assert _production(facts).get("Chery Tiggo 7") == ("Jacareí", "ongoing")


def test_a_short_name_cut_from_the_words_beginnings_is_defined_by_them() -> None:
    from extractors.rules.companies import defined_acronyms

    found = defined_acronyms("Nova Cars, a unit of Lagos Power Company (Lagco), said on Monday")
    assert found == {"Lagco": "Lagos Power Company"}
    assert defined_acronyms("built by Renault (Paris) and Kia (Seoul)") == {}


def test_other_sites_named_beside_the_plant_do_not_take_over() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — Im Opel-Werk Kaiserslautern wächst die Unruhe unter den "
        "Beschäftigten. Die Beschäftigungssicherung für den Standort gilt auch für Rüsselsheim "
        "und Eisenach. Das Werk war 1966 eröffnet worden."
    )
    statuses = [f for f in facts if f.type.value == "plant_status"]
    assert statuses and statuses[0].plant is not None
    assert statuses[0].plant.city == "Kaiserslautern"


def test_jobs_that_were_to_come_are_no_workforce() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — Im Opel-Werk Kaiserslautern wächst die Unruhe. Für die 2.000 "
        "Stellen, die hier entstehen sollten, gibt es bislang keinen Ersatz."
    )
    assert not [f for f in facts if f.type.value == "plant_workforce"]


def test_of_two_dated_plant_statuses_the_later_is_the_plants_news() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — The Suzuki plant in Rayong opened in 2012. Suzuki said on "
        "Monday that the Rayong plant will close at the end of 2025 as demand falls."
    )
    statuses = [
        (f.status.value if f.status else None) for f in facts if f.type.value == "plant_status"
    ]
    assert statuses == ["closing"]


def test_a_model_described_by_its_battery_is_the_model_not_a_part() -> None:
    facts = _facts(
        "date 2025-03-04 (Test) — L'usine Iveco d'Annonay assemble l'Iveco Crossway. Sa "
        "déclinaison à batteries, le Crossway Elec, y entrera en production au second semestre "
        "2025. Les châssis du Crossway Elec viendront de Turin."
    )
    assert _production(facts).get("Iveco Crossway Elec") == ("Annonay", "planned")
