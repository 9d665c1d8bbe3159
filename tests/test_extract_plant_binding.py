"""Which plant a fact is bound to, from invented articles: a plant named with its state,
a town that only hosts a known plant, a sentence that opens on a town.

Each case is a short made-up article written to the pattern a rule serves (never a dev or
held-out article's wording).
"""

from __future__ import annotations

from extractors import extract
from factwatch.articles import article_from_text
from factwatch.model import Fact


def _facts(text: str) -> list[Fact]:
    return extract(article_from_text(text, path="<test>"))


def _cities(facts: list[Fact], kind: str) -> set[str | None]:
    return {f.plant.city for f in facts if f.type.value == kind and f.plant is not None}


def test_a_known_plant_named_with_its_state_keeps_its_town() -> None:
    # Puebla is a state and the town of another carmaker's plant
    facts = _facts(
        "date 2025-04-02 (Test) — Audi builds the Q5 at its San José Chiapa plant in the state "
        "of Puebla. The plant employs about 5,000 people."
    )
    assert _cities(facts, "production") == {"San José Chiapa"}
    assert _cities(facts, "plant_workforce") == {"San José Chiapa"}


def test_a_town_with_a_known_plant_named_in_passing_does_not_take_over() -> None:
    facts = _facts(
        "date 2025-04-02 (Test) — Volkswagen fertigt den ID.4 im Werk Chattanooga in "
        "Tennessee. Die Zölle sorgen auch in Wolfsburg für Diskussionen. Das Werk beschäftigt "
        "rund 5.500 Menschen."
    )
    assert _cities(facts, "plant_workforce") == {"Chattanooga"}


def test_a_sentence_that_opens_on_a_town_is_about_its_plant() -> None:
    facts = _facts(
        "date 2025-04-02 (Test) — Stellantis a suspendu les travaux dans son usine de Brampton. "
        "À Windsor, en revanche, l'activité continue. L'usine y assemble toujours la Chrysler "
        "Pacifica et compte environ 4 500 employés."
    )
    assert ("Chrysler Pacifica", "Windsor") in {
        (f.model, f.plant.city) for f in facts if f.type.value == "production" and f.plant
    }
    assert _cities(facts, "plant_workforce") == {"Windsor"}


def test_a_town_described_as_a_plant_in_its_country_is_that_plant() -> None:
    facts = _facts(
        "date 2025-04-02 (Test) — Nissan builds the Altima at its Canton plant in "
        "Mississippi. Smyrna, Nissan's biggest car plant in the United States, opened in 1983 and "
        "employs about 5,000 people."
    )
    assert _cities(facts, "plant_workforce") == {"Smyrna"}
    assert _cities(facts, "plant_status") == {"Smyrna"}


def test_people_employed_in_assembly_do_not_make_the_last_models_there() -> None:
    facts = _facts(
        "date 2025-04-02 (Test) — The Rayong plant builds the Ranger and the Everest. "
        "Silverton, the group's other factory, employs about 4,000 people in vehicle assembly."
    )
    made = {(f.model, f.plant.city) for f in facts if f.type.value == "production" and f.plant}
    assert not any(city == "Silverton" for _, city in made)


def test_the_facility_is_the_plant_named_before_not_a_town_in_passing() -> None:
    facts = _facts(
        "date 2025-04-02 (Test) — Jaguar Land Rover builds the Defender at its Nitra plant. "
        "The facility can produce 150,000 vehicles a year and employs about 3,000 people, plus "
        "several hundred engineers in London."
    )
    assert _cities(facts, "plant_workforce") == {"Nitra"}
    assert _cities(facts, "plant_capacity") == {"Nitra"}


def test_a_sentence_break_the_parser_puts_after_a_plain_word_is_undone() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from extractors.rules.engine import _sentence_bounds

    words = ["Renault", "investit", "dans", "son", "complexe", "Ayrton", "Senna", "de", "Curitiba",
             ".", "Le", "site", "emploie", "6", "000", "personnes", "."]  # fmt: skip
    starts = [True] + [False] * 4 + [True] + [False] * 4 + [True] + [False] * 6
    doc = Doc(Vocab(), words=words, sent_starts=starts)
    text = doc.text
    bounds = [text[s:e].strip() for s, e in _sentence_bounds(doc, text, [])]
    assert bounds == [
        "Renault investit dans son complexe Ayrton Senna de Curitiba .",
        "Le site emploie 6 000 personnes .",
    ]


def test_a_plant_opened_is_the_one_the_next_sentence_names() -> None:
    facts = _facts(
        "date 2025-10-10 (Test) — Der Autobauer Great Wall hat am Donnerstag sein erstes Werk "
        "in Südamerika eröffnet. Die Fabrik in Iracemápolis im Bundesstaat São Paulo hat eine "
        "Kapazität von 50.000 Fahrzeugen pro Jahr."
    )
    status = [f for f in facts if f.type.value == "plant_status"]
    assert [(f.status, f.plant.city if f.plant else None) for f in status] == [
        ("opened", "Iracemápolis")
    ]
    assert status[0].date is not None and status[0].date.label == "2025-10-09"


def test_a_plant_status_with_no_plant_in_sight_is_dropped() -> None:
    facts = _facts(
        "date 2025-10-10 (Test) — Der Autobauer Great Wall hat am Donnerstag sein erstes Werk "
        "in Südamerika eröffnet. Der Markt wächst schnell. Die Fabrik in Iracemápolis baut "
        "den Haval H6."
    )
    assert not [f for f in facts if f.type.value == "plant_status"]


def test_a_parts_plant_named_in_passing_does_not_take_over() -> None:
    facts = _facts(
        "date 2025-04-02 (Test) — Ford builds the Escape at Louisville Assembly Plant. Battery "
        "packs will come from the BlueOval Battery Park in Michigan. The plant can build about "
        "240,000 vehicles a year."
    )
    assert _cities(facts, "plant_capacity") == {"Louisville"}


def test_another_carmakers_plant_in_the_same_town_is_not_the_known_one() -> None:
    # the KB knows BMW's plant at Rosslyn, not Nissan's
    facts = _facts(
        "date 2025-04-02 (Test) — Nissan builds the Navara pickup at its Rosslyn plant. The "
        "Rosslyn facility employs about 1,400 people."
    )
    workforce = [f for f in facts if f.type.value == "plant_workforce"]
    assert [(f.plant.city, f.plant.operator) for f in workforce if f.plant] == [
        ("Rosslyn", "Nissan")
    ]
