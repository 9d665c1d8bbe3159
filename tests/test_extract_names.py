"""Model names and plant places as an analyst writes them, from invented sentences.

Each case is a short made-up article (French, English or German) written to the kind of
expression a rule serves, never a dev or held-out article's wording. What is checked is
what an alert's reader sees: the model's name and the plant's town.

Plant towns follow one policy (extractors/rules/plants.py): the knowledge base's city
when the article names it for the plant, else the town or county the article names
when it is one of the plant's localities, else the knowledge base's city.
"""

from __future__ import annotations

import pytest

from extractors import extract
from factwatch.articles import article_from_text
from factwatch.model import Fact


def _production(text: str) -> list[Fact]:
    article = article_from_text(text, path="<test>")
    return [f for f in extract(article) if f.type.value == "production"]


def _models(text: str) -> set[str]:
    return {f.model or "" for f in _production(text)}


def _towns(text: str) -> dict[str, str | None]:
    return {f.model or "": f.plant.city if f.plant else None for f in _production(text)}


def _plants(text: str, kind: str) -> list[Fact]:
    article = article_from_text(text, path="<test>")
    return [f for f in extract(article) if f.type.value == kind]


# ----------------------------------------------------------------------------- model names


@pytest.mark.parametrize(
    ("text", "model"),
    [
        (
            "date 2025-06-02 (Wire) — Toyota will build the Highlander EV at its Princeton "
            "plant in Indiana from 2027, the company said on Monday.",
            "Toyota Highlander EV",
        ),
        (
            "date 2025-06-02 (Presse) — Toyota produira le Highlander EV dans son usine de "
            "Princeton, dans l'Indiana, à partir de 2027, a indiqué le groupe lundi.",
            "Toyota Highlander EV",
        ),
    ],
)
def test_an_electric_suffix_is_not_doubled(text: str, model: str) -> None:
    assert _models(text) == {model}


@pytest.mark.parametrize(
    ("text", "models"),
    [
        (
            "date 2025-06-02 (Wire) — BMW said on Monday that its Munich plant will keep "
            "building the BMW 3 Series Touring next to the i4 for at least three more years.",
            {"BMW 3 Series Touring", "BMW i4"},
        ),
        (
            "date 2025-06-02 (Wire) — The Leipzig plant in Saxony will build the BMW 1 Series "
            "and the BMW 2 Series Gran Coupé until 2028, the carmaker said on Monday.",
            {"BMW 1 Series", "BMW 2 Series Gran Coupé"},
        ),
        (
            "date 2025-06-02 (Agentur) — Im Werk Žilina wird der Kia Ceed SW noch bis Ende "
            "2026 gebaut, teilte der Hersteller am Montag in Frankfurt mit.",
            {"Kia Ceed SW"},
        ),
    ],
)
def test_a_body_style_after_the_model_is_part_of_its_name(text: str, models: set[str]) -> None:
    assert _models(text) == models


def test_a_lower_case_body_word_is_a_description() -> None:
    text = (
        "date 2025-06-02 (Wire) — BMW will keep building the i4 sedan at its Munich plant "
        "for at least three more years, the company said on Monday."
    )
    assert _models(text) == {"BMW i4"}


@pytest.mark.parametrize(
    ("text", "model"),
    [
        (
            "date 2025-06-02 (Wire) — Kia will start building the Seltos Horizon EV at its "
            "Anantapur plant late next year, the company said on Monday in Delhi.",
            "Kia Seltos Horizon EV",
        ),
        (
            "date 2025-06-02 (Presse) — Kia lancera la production de la Sonet Aurora EV dans "
            "son usine d'Anantapur à la fin de l'année prochaine, a annoncé le groupe lundi.",
            "Kia Sonet Aurora EV",
        ),
    ],
)
def test_a_new_name_before_an_electric_designator_is_kept(text: str, model: str) -> None:
    assert model in _models(text)
    assert "Kia Seltos" not in _models(text) and "Kia Sonet" not in _models(text)


@pytest.mark.parametrize(
    ("text", "models"),
    [
        (
            "date 2025-06-02 (Presse) — L'usine d'Ingolstadt produit l'Audi Q6 e-tron et sa "
            "version Sportback depuis l'an dernier, selon la direction du constructeur.",
            {"Audi Q6 e-tron", "Audi Q6 Sportback e-tron"},
        ),
        (
            "date 2025-06-02 (Wire) — The Győr plant in Hungary builds the Audi Q3 and its "
            "Sportback version, the company said in a statement on Monday.",
            {"Audi Q3", "Audi Q3 Sportback"},
        ),
        (
            "date 2025-06-02 (Agentur) — Im Werk Ingolstadt laufen der Audi Q6 e-tron und "
            "seine Sportback-Variante vom Band, teilte das Unternehmen am Montag mit.",
            {"Audi Q6 e-tron", "Audi Q6 Sportback e-tron"},
        ),
    ],
)
def test_a_variant_named_by_a_noun_phrase_is_a_model(text: str, models: set[str]) -> None:
    assert _models(text) == models


@pytest.mark.parametrize(
    ("text", "models"),
    [
        (  # a bare "Leon" is a Seat and a Cupra: the list's brand decides
            "date 2025-06-02 (Presse) — L'usine de Martorell fabrique les Seat Arona et Leon "
            "depuis des années, a rappelé la direction de la marque mardi.",
            {"Seat Arona", "Seat Leon"},
        ),
        (
            "date 2025-06-02 (Agentur) — Im Werk Martorell laufen die Seat Ibiza, Arona und "
            "Leon vom Band, teilte der Hersteller am Dienstag mit.",
            {"Seat Ibiza", "Seat Arona", "Seat Leon"},
        ),
    ],
)
def test_a_list_after_a_branded_model_names_that_brands_models(text: str, models: set[str]) -> None:
    assert _models(text) == models


def test_a_listed_alias_after_its_brand_takes_the_canonical_name() -> None:
    text = (
        "date 2025-06-02 (Presse) — La Volkswagen ID.2all sera assemblée dans l'usine de "
        "Martorell à partir de l'année prochaine, a confirmé le groupe allemand lundi."
    )
    assert _models(text) == {"Volkswagen ID. Polo"}


def test_an_upper_case_one_word_model_is_found() -> None:
    text = (
        "date 2025-06-02 (Wire) — Nissan will build the next LEAF at its Sunderland plant "
        "in England from next year, the company said on Monday."
    )
    assert _models(text) == {"Nissan Leaf"}


# ----------------------------------------------------------------------------- plant towns


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (  # the KB puts the plant in Vance; the article names Tuscaloosa only
            "date 2025-06-02 (Wire) — Mercedes-Benz will build the GLE Coupé at its "
            "Tuscaloosa plant in Alabama from next year, the company said on Monday.",
            "Tuscaloosa",
        ),
        (
            "date 2025-06-02 (Agentur) — Mercedes-Benz baut den GLS künftig auch im Werk "
            "Tuscaloosa, teilte der Konzern am Montag in Stuttgart mit.",
            "Tuscaloosa",
        ),
        (  # the KB puts it in Penukonda; the article names Anantapur
            "date 2025-06-02 (Presse) — Kia assemblera le Syros dans son usine d'Anantapur, "
            "dans l'Andhra Pradesh, a indiqué le constructeur lundi.",
            "Anantapur",
        ),
        (  # counties and districts locate a plant as a town does
            "date 2025-06-02 (Wire) — Mercedes-Benz said on Monday it will build the GLC at "
            "its plant in Tuscaloosa County, Alabama, from next year.",
            "Tuscaloosa County",
        ),
        (
            "date 2025-06-02 (Wire) — Kia said on Monday it will build the Syros at its "
            "factory in Anantapur district, Andhra Pradesh, from next year.",
            "Anantapur district",
        ),
    ],
)
def test_the_town_the_article_names_stays(text: str, town: str) -> None:
    assert set(_towns(text).values()) == {town}


@pytest.mark.parametrize(
    "text",
    [
        "date 2025-06-02 (Wire) — Stellantis will build the Peugeot 208 at the Figueruelas "
        "plant near Zaragoza, Spain, from next year, the company said on Monday.",
        "date 2025-06-02 (Agentur) — Stellantis wird den Peugeot 208 ab dem kommenden Jahr "
        "im Werk Figueruelas bei Saragossa bauen, teilte der Konzern am Montag mit.",
    ],
)
def test_the_plants_city_named_beside_a_village_wins(text: str) -> None:
    assert set(_towns(text).values()) == {"Zaragoza"}


def test_the_plants_city_after_a_village_plant_wins() -> None:
    text = (
        "date 2025-06-02 (Wire) — Stellantis will build the Peugeot 208 at the Figueruelas "
        "plant in Zaragoza, Spain, from next year, the company said on Monday."
    )
    assert set(_towns(text).values()) == {"Zaragoza"}


def test_another_town_after_a_known_plant_is_another_plant() -> None:
    text = (
        "date 2025-06-02 (Presse) — La Renault 5 sera produite à l'usine de Douai, Maubeuge "
        "fabriquera le Kangoo, a indiqué le groupe lundi."
    )
    assert _towns(text) == {"Renault 5 E-Tech": "Douai", "Renault Kangoo": "Maubeuge"}


def test_the_plants_city_named_in_another_sentence_wins() -> None:
    text = (
        "date 2025-06-02 (Wire) — Hyundai will build the Ioniq 9 at its plant in Bryan "
        "County, Georgia, from next year, the company said on Monday.\n\n"
        "The Ellabell plant already builds the Ioniq 5 for the North American market."
    )
    assert set(_towns(text).values()) == {"Ellabell"}


def test_a_county_named_alone_stays() -> None:
    text = (
        "date 2025-06-02 (Wire) — Hyundai will build the Ioniq 9 at its plant in Bryan "
        "County, Georgia, from next year, the company said on Monday."
    )
    assert set(_towns(text).values()) == {"Bryan County"}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (  # a former name, no town: the KB's city
            "date 2025-06-02 (Presse) — À l'ex-Sevelnord, Stellantis produira le Peugeot "
            "Expert électrique dès l'an prochain, selon la direction du groupe.",
            "Hordain",
        ),
        (  # a site's name is not a town
            "date 2025-06-02 (Wire) — VinFast said its Triangle Innovation Point site will "
            "build the VF 9 from 2028, after a delay of two years.",
            "Chatham County",
        ),
    ],
)
def test_a_name_without_a_town_takes_the_kb_city(text: str, town: str) -> None:
    assert set(_towns(text).values()) == {town}


def test_a_province_is_not_taken_as_the_town() -> None:
    text = (
        "date 2025-06-02 (Wire) — Ford Otosan will build the Tourneo Custom at its plant in "
        "Kocaeli, Turkey, from next year, the company said on Monday."
    )
    facts = _production(text)
    assert facts and all(f.plant is not None for f in facts)
    assert {(f.plant.city, f.plant.region) for f in facts if f.plant} == {
        ("Gölcük", "Kocaeli Province")
    }


def test_a_place_after_a_known_plant_locates_that_plant() -> None:
    text = (
        "date 2025-06-02 (Wire) — BMW said on Monday that its factory in Greer, South "
        "Carolina, will build the X5 for another five years."
    )
    facts = _production(text)
    assert [(f.plant.city, f.plant.operator) for f in facts if f.plant] == [("Greer", "BMW")]


def test_a_country_adjective_before_a_known_plant_qualifies_it() -> None:
    text = (
        "date 2025-06-02 (Agentur) — Stellantis legt das slowakische Werk Trnava ab Montag "
        "für zwei Wochen still, teilte der Konzern den Gewerkschaften mit."
    )
    status = _plants(text, "plant_status")
    assert status and all(f.plant and f.plant.city == "Trnava" for f in status)


def test_a_region_named_first_is_the_plant_later_named_by_its_town() -> None:
    text = (
        "date 2025-06-02 (Wire) — Polestar said on Monday that the Polestar 7 will be built "
        "in South Carolina from 2027.\n\n"
        "The factory in Ridgeville, South Carolina, already builds the Polestar 3 for the "
        "North American market."
    )
    facts = _production(text)
    assert {(f.model, f.plant.city if f.plant else None) for f in facts} == {
        ("Polestar 7", "Ridgeville"),
        ("Polestar 3", "Ridgeville"),
    }


# ------------------------------------------------------- models named by an ordinary word


@pytest.mark.parametrize(
    ("text", "model"),
    [
        (  # (c) a model noun before it
            "date 2025-06-02 (Agentur) — Škoda wird das Modell Superb ab 2027 auch im Werk "
            "Bratislava bauen, teilte der Hersteller am Montag in Prag mit.",
            "Škoda Superb",
        ),
        (
            "date 2025-06-02 (Presse) — Škoda produira le modèle Superb dans l'usine de "
            "Kvasiny à partir de 2026, a indiqué le constructeur tchèque lundi.",
            "Škoda Superb",
        ),
        (  # (c) a vehicle noun after it
            "date 2025-06-02 (Wire) — Tesla will start building the Semi truck at its plant "
            "near Reno, Nevada, late next year, the company said on Monday.",
            "Tesla Semi",
        ),
        (  # (d) the brand named in the sentence ("Ford-Werk"), the name mid-sentence
            "date 2025-06-02 (Agentur) — Im Ford-Werk Saarlouis soll der Focus noch bis Ende "
            "2025 gebaut werden, teilte das Unternehmen am Montag mit.",
            "Ford Focus",
        ),
        (
            "date 2025-06-02 (Wire) — Honda said on Monday that the new Passport will be "
            "built at its Lincoln plant in Alabama from 2026.",
            "Honda Passport",
        ),
    ],
)
def test_an_ordinary_word_model_with_a_cue_is_found(text: str, model: str) -> None:
    assert model in _models(text)


def test_an_ordinary_word_model_in_a_list_of_its_brand_is_found() -> None:
    text = (
        "date 2025-06-02 (Agentur) — Im Werk Kvasiny laufen künftig Kodiaq, Superb und Karoq "
        "vom Band, teilte der Hersteller am Montag mit."
    )
    assert _models(text) == {"Škoda Kodiaq", "Škoda Superb", "Škoda Karoq"}


@pytest.mark.parametrize(
    ("text", "models"),
    [
        (
            "date 2025-06-02 (Wire) — For Ford, the focus is on the Cologne plant, which will "
            "build the Explorer EV from next year, the company said on Monday.",
            {"Ford Explorer EV"},
        ),
        (
            "date 2025-06-02 (Wire) — Skoda called the results superb and said the Kvasiny "
            "plant will build the Kodiaq from next year.",
            {"Škoda Kodiaq"},
        ),
        (
            "date 2025-06-02 (Wire) — Nissan said in March that its Sunderland plant will "
            "build the Juke from 2026.",
            {"Nissan Juke"},
        ),
        (  # a model named like a place is the place without a cue
            "date 2025-06-02 (Wire) — Chevrolet will build the Equinox EV at its Ramos Arizpe "
            "plant from 2026, while Colorado stays a key market.",
            {"Chevrolet Equinox EV"},
        ),
    ],
)
def test_an_ordinary_word_without_a_cue_is_no_model(text: str, models: set[str]) -> None:
    assert _models(text) == models


def test_a_title_case_headline_gives_no_ordinary_word_model() -> None:
    from extractors.nlp import build_nlp
    from extractors.rules.knowledge import knowledge
    from extractors.rules.mentions import find_mentions

    text = "Ford Shifts Focus To Electric Vans At Its Cologne Plant"
    mentions = find_mentions(build_nlp("en")(text), text, knowledge(), lang="en")
    assert not [m for m in mentions if m.kind == "MODEL"]


# --------------------------------------------------------- models the KB does not know


@pytest.mark.parametrize(
    ("text", "model"),
    [
        (  # invented names: a capitalised word after a brand
            "date 2025-06-02 (Wire) — Kia will build the Kia Veloria at its Zilina plant in "
            "Slovakia from 2027, the company said on Monday.",
            "Kia Veloria",
        ),
        (
            "date 2025-06-02 (Presse) — Renault produira la Renault Solenza dans son usine de "
            "Douai à partir de 2027, a indiqué le constructeur lundi.",
            "Renault Solenza",
        ),
        (  # a known model and a capitalised word after it
            "date 2025-06-02 (Presse) — Stellantis produira la Citroën C3 Solstice dans son "
            "usine de Trnava à partir de 2027, a indiqué le groupe lundi.",
            "Citroën C3 Solstice",
        ),
        (  # now in the KB
            "date 2025-06-02 (Wire) — Toyota will end production of the Toyota Avalon at its "
            "Georgetown plant in Kentucky next year, the company said.",
            "Toyota Avalon",
        ),
    ],
)
def test_a_name_after_a_brand_is_a_model(text: str, model: str) -> None:
    assert model in _models(text)


@pytest.mark.parametrize(
    ("text", "models"),
    [
        (
            "date 2025-06-02 (Wire) — Toyota Kentucky will build the Camry at the Georgetown "
            "plant until 2030, the company said on Monday.",
            {"Toyota Camry"},
        ),
        (
            "date 2025-06-02 (Wire) — Nissan Sunderland will build the Leaf from next year, "
            "the company said on Monday.",
            {"Nissan Leaf"},
        ),
        (
            "date 2025-06-02 (Agentur) — Volkswagen Sachsen baut den ID.3 weiter im Werk "
            "Zwickau, teilte das Unternehmen am Montag mit.",
            {"Volkswagen ID.3"},
        ),
        (
            "date 2025-06-02 (Wire) — Hyundai Motor will build the Ioniq 5 at its Ellabell "
            "plant in Georgia, the company said on Monday.",
            {"Hyundai Ioniq 5"},
        ),
        (
            "date 2025-06-02 (Wire) — BMW Group will build the iX3 at its Debrecen plant in "
            "Hungary from next year, the company said on Monday.",
            {"BMW iX3"},
        ),
        (
            "date 2025-06-02 (Wire) — Ford Otosan will build the Transit Custom at its plant "
            "in Gölcük, Turkey, from next year, the company said.",
            {"Ford Transit Custom"},
        ),
        (
            "date 2025-06-02 (Wire) — Mercedes-Benz Vans will build the eSprinter at its "
            "Charleston plant from next year, the company said on Monday.",
            {"Mercedes-Benz eSprinter"},
        ),
        (
            "date 2025-06-02 (Wire) — Tesla Gigafactory Texas will build the Cybercab from "
            "next year, the company said on Monday.",
            {"Tesla Cybercab"},
        ),
        (  # a trim level is the same model
            "date 2025-06-02 (Wire) — Ford will build the Kuga Titanium at its Valencia plant "
            "in Spain until 2027, the company said on Monday.",
            {"Ford Kuga"},
        ),
    ],
)
def test_a_place_company_or_corporate_word_after_a_brand_is_no_model(
    text: str, models: set[str]
) -> None:
    assert _models(text) == models


def test_renault_trucks_is_not_renault() -> None:
    from extractors.nlp import build_nlp
    from extractors.rules.knowledge import knowledge
    from extractors.rules.mentions import find_mentions

    text = (
        "Renault Trucks produira ses camions électriques dans son usine de Bourg-en-Bresse "
        "à partir de 2026, a indiqué le constructeur lundi."
    )
    mentions = find_mentions(build_nlp("fr")(text), text, knowledge(), lang="fr")
    companies = [m.name for m in mentions if m.kind == "COMPANY"]
    assert companies[:1] == ["Renault Trucks"] and "Renault" not in companies
    assert not [m for m in mentions if m.kind == "MODEL"]


def test_a_model_family_is_a_model() -> None:
    text = (
        "date 2025-06-02 (Wire) — BMW will build Neue Klasse models at its plant in Debrecen, "
        "Hungary, from 2025, the company said on Monday."
    )
    assert _models(text) == {"BMW Neue Klasse"}


def test_a_lower_case_phrase_is_not_a_model_family() -> None:
    text = (
        "date 2025-06-02 (Agentur) — Mercedes-Benz will im Werk Rastatt eine neue Klasse von "
        "Elektroautos bauen, darunter den CLA, teilte der Konzern am Montag mit."
    )
    assert "BMW Neue Klasse" not in _models(text)


# ---------------------------------------------------------- a region's demonym places a plant


@pytest.mark.parametrize(
    ("text", "kind", "city"),
    [
        (
            "date 2025-06-02 (Presse) — L'usine mosellane de Stellantis emploie 2 000 "
            "salariés, a indiqué le groupe lundi.",
            "plant_workforce",
            "Trémery",
        ),
        (
            "date 2025-06-02 (Presse) — L'usine alsacienne de Stellantis produira la Peugeot "
            "408 à partir de 2026, a indiqué le groupe lundi.",
            "production",
            "Mulhouse",
        ),
        (
            "date 2025-06-02 (Agentur) — Im sächsischen Werk von Porsche wird der Macan "
            "gebaut, teilte das Unternehmen am Montag mit.",
            "production",
            "Leipzig",
        ),
        (
            "date 2025-06-02 (Agentur) — Im saarländischen Werk von Ford soll der Focus noch "
            "bis Ende 2025 gebaut werden, teilte das Unternehmen mit.",
            "production",
            "Saarlouis",
        ),
    ],
)
def test_a_regions_demonym_places_the_plant_in_the_region(text: str, kind: str, city: str) -> None:
    facts = _plants(text, kind)
    assert facts and {f.plant.city for f in facts if f.plant} == {city}


def test_a_demonym_is_never_a_town() -> None:
    text = (
        "date 2025-06-02 (Presse) — L'usine normande de Toyota emploie 1 000 salariés, a "
        "indiqué le constructeur japonais lundi."
    )
    facts = _plants(text, "plant_workforce")
    assert all(f.plant and f.plant.city != "normande" for f in facts)
    assert all(f.plant and f.plant.region in (None, "Normandy") for f in facts)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (  # "Georgetown", "Forest" are ordinary words the KB keeps from lone patterns
            "date 2025-06-02 (Wire) — Toyota said on Monday that the Camry will be built in "
            "Georgetown until at least 2030.",
            "Georgetown",
        ),
        (
            "date 2025-06-02 (Presse) — Audi a confirmé lundi que le Q8 e-tron est produit à "
            "Forest depuis 2018.",
            "Forest",
        ),
    ],
)
def test_an_ordinary_word_town_after_a_preposition_is_the_place(text: str, town: str) -> None:
    assert set(_towns(text).values()) == {town}


def test_an_ordinary_word_model_named_in_full_before_is_that_model() -> None:
    text = (
        "date 2025-06-02 (Wire) — GM said its Flint plant will build the GMC Sierra HD and "
        "the Chevrolet Colorado from 2027.\n\n"
        "For now, the Colorado and the Silverado are assembled in Wentzville, Missouri, "
        "and that plant will keep building them; sales in Colorado are strong."
    )
    towns = {(f.model, f.plant.city if f.plant else None) for f in _production(text)}
    assert ("Chevrolet Colorado", "Wentzville") in towns


def test_a_model_before_a_platform_noun_names_the_platform() -> None:
    text = (
        "date 2025-06-02 (Wire) — BMW started building the iX3, the first model of its Neue "
        "Klasse generation, at its plant in Debrecen, Hungary, on Monday."
    )
    assert _models(text) == {"BMW iX3"}


def test_one_cue_is_enough_for_the_rest_of_the_article() -> None:
    text = (
        "date 2025-06-02 (Wire) — The carmaker is weighing where to build its next Venue SUV "
        "for export markets.\n\n"
        "It said on Monday that Venue production will begin at its Chennai plant in India "
        "in late 2026."
    )
    assert "Hyundai Venue" in _models(text)


# ------------------------------------------------------- a name two brands share, by its cue


def test_a_name_two_brands_share_takes_the_brand_of_its_neighbours() -> None:
    renault = _models(
        "date 2025-04-10 (Test) — L'usine de Curitiba assemble déjà le Kardian, le Duster et "
        "l'utilitaire Master."
    )
    assert {"Renault Kardian", "Renault Duster", "Renault Master"} <= renault
    dacia = _models(
        "date 2025-04-10 (Test) — Dans l'usine de Mioveni, les équipes assemblent depuis des "
        "années la Sandero, le Duster et le Jogger pour les marchés européens."
    )
    assert "Dacia Duster" in dacia and "Renault Duster" not in dacia


def test_a_shared_name_without_a_cue_is_no_model() -> None:
    assert not any(
        "Duster" in m
        for m in _models("date 2025-04-10 (Test) — Le Duster est produit dans une usine en Inde.")
    )


def test_a_brand_goes_on_to_the_short_names_listed_after_its_model() -> None:
    models = _models(
        "date 2024-02-28 (Test) — The Castle Bromwich plant still assembles the Jaguar XE, XF "
        "and F-Type for export markets."
    )
    assert {"Jaguar XE", "Jaguar XF", "Jaguar F-Type"} <= models


def test_a_future_closure_with_an_adverb_is_closing() -> None:
    facts = _plants(
        "date 2024-02-28 (Test) — Car output at the Castle Bromwich plant ends in June, and the "
        "factory will eventually close as a vehicle plant.",
        "plant_status",
    )
    assert [f.status for f in facts] == ["closing"]
