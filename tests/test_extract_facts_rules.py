"""Executives, capacity, workforce, investment and plant status from invented sentences.

Each case is a short made-up article in French, English or German written to the
pattern a rule serves (never a dev or held-out article's wording): what a reader of
the alert would notice is the role, company, number, currency, plant or date.
"""

from __future__ import annotations

import pytest

from extractors import extract
from extractors.rules.companies import french_title, german_title
from factwatch.articles import article_from_text
from factwatch.model import Fact


def _facts(text: str, kind: str) -> list[Fact]:
    article = article_from_text(text, path="<test>")
    return [f for f in extract(article) if f.type.value == kind]


def _executives(text: str) -> dict[str, tuple[str, str]]:
    return {f.person or "": (f.role or "", f.company or "") for f in _facts(text, "executive")}


# ----------------------------------------------------------------------------- roles


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("directeur mondial de la qualité chez Kia", "global quality director"),
        ("directrice industrielle de Stellantis pour la France", "industrial director for France"),
        ("directeur adjoint de la production", "deputy production director"),
        ("directeur financier du groupe", "CFO"),
        ("responsable des achats", "head of purchasing"),
        ("vice-président exécutif de la fabrication", "executive vice president of manufacturing"),
        ("directeur de la communication", "communications director"),
        (
            "directeur des opérations industrielles de Kia en Europe",
            "industrial operations director in Europe",
        ),
    ],
)
def test_french_titles_are_translated(title: str, role: str) -> None:
    found = french_title(title)
    assert found is not None and found[0] == role


@pytest.mark.parametrize("title", ["directeur général", "directeur chez Renault", "responsable"])
def test_french_titles_that_are_not_a_function_role(title: str) -> None:
    assert french_title(title) is None


@pytest.mark.parametrize(
    ("word", "role"),
    [
        ("Produktionsvorstand", "board member for production"),
        ("Vertriebsvorstand", "board member for sales"),
        ("Finanzvorstand", "CFO"),
        ("Entwicklungschef", "head of development"),
        ("Qualitätsleiterin", "head of quality"),
        ("Konzernchef", None),
        ("Werkleiter", None),
    ],
)
def test_german_compound_titles(word: str, role: str | None) -> None:
    assert german_title(word) == role


def test_plant_director_is_plant_manager_not_ceo_even_second_of_two_titles() -> None:
    execs = _executives(
        "date 2024-05-02 (Test) — La Clio est assemblée à Bursa depuis 2020. « Nous sommes "
        "prêts », a indiqué Karim Benali, président d'Oyak-Renault SAS et directeur de l'usine "
        "de Bursa."
    )
    assert execs["Karim Benali"][0] == "plant manager"


def test_plant_manager_company_is_the_plant_operator_named_in_the_title() -> None:
    execs = _executives(
        "date 2024-05-02 (Test) — Le Nissan Micra partage la plateforme de la Clio. "
        "« La cadence tiendra », a assuré Sophie Lambert, directrice de l'usine Renault de "
        "Flins, devant les salariés."
    )
    role, company = execs["Sophie Lambert"]
    assert role == "plant manager" and "Renault" in company


def test_german_plant_manager_without_company_takes_the_plant_operator() -> None:
    execs = _executives(
        "date 2024-05-02 (Test) — Im BMW-Werk Regensburg läuft ab Herbst der neue X1 vom "
        "Band. Das bestätigte Werkleiter Jan Hoffmann am Montag."
    )
    assert execs["Jan Hoffmann"] == ("plant manager", "BMW")


def test_president_is_chairman_beside_a_ceo_of_the_same_group() -> None:
    execs = _executives(
        "date 2024-05-02 (Test) — Présenté par Hélène Roux, présidente du Groupe Renault, le "
        "plan a été confirmé par le nouveau directeur général, Marc Dubois. L'usine de Douai "
        "produira la R4 dès 2025."
    )
    assert execs["Hélène Roux"][0] == "Chairman"
    assert execs["Marc Dubois"][0] == "CEO"


def test_english_president_of_a_subsidiary_is_its_ceo_but_a_head_of_state_is_not() -> None:
    execs = _executives(
        "date 2024-05-02 (Test) — Honda will build the Prologue at its Marysville plant from "
        "2026, said Akira Tanaka, president of Honda Development & Manufacturing of America. "
        "President Emmanuel Macron visited a plant in France."
    )
    assert execs["Akira Tanaka"][0] == "CEO"
    assert "Emmanuel Macron" not in execs


def test_german_function_chief_is_not_the_ceo() -> None:
    execs = _executives(
        "date 2024-05-02 (Test) — Der neue X5 wird ab 2026 in Spartanburg gebaut, sagte "
        "BMW-Entwicklungschef Frank Weber. Finanzvorstand Walter Mertl nannte keine Zahlen."
    )
    assert execs["Frank Weber"][0] == "head of development"
    assert execs["Walter Mertl"][0] == "CFO"


# ------------------------------------------------------------------ capacity, workforce


def _values(text: str, kind: str) -> list[float]:
    return [f.value for f in _facts(text, kind) if f.value is not None]


@pytest.mark.parametrize(
    "text",
    [
        "date 2024-05-02 (Test) — BMW will double output at its Debrecen plant: from 150,000 "
        "cars a year to 300,000 by 2028.",
        "date 2024-05-02 (Test) — Stellantis veut doubler la production de son usine de "
        "Kénitra : de 200 000 véhicules par an à 400 000 à terme.",
        "date 2024-05-02 (Test) — Skoda will die Fertigung im Werk Kvasiny ausbauen: von "
        "200.000 Autos im Jahr auf 300.000 pro Jahr.",
    ],
)
def test_a_growth_gives_the_current_capacity_not_the_aim(text: str) -> None:
    values = _values(text, "plant_capacity")
    assert values and values[0] in (150000, 200000)


def test_a_plain_yearly_output_without_growth_is_no_capacity() -> None:
    text = (
        "date 2024-05-02 (Test) — The Debrecen plant built 150,000 cars a year before the "
        "war, a spokesperson recalled."
    )
    assert _values(text, "plant_capacity") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "date 2024-05-02 (Test) — L'usine de Sandouville a employé des milliers d'ouvriers. "
            "Aujourd'hui, ils ne sont plus que 1 850, selon la direction.",
            1850,
        ),
        (
            "date 2024-05-02 (Test) — The Sunderland plant once had far more workers. Today "
            "they number only 6,000, the company said.",
            6000,
        ),
        (
            "date 2024-05-02 (Test) — Im Werk Eisenach arbeiteten früher mehr Beschäftigte. "
            "Heute sind es noch rund 1.300.",
            1300,
        ),
    ],
)
def test_workforce_by_a_pronoun_whose_noun_came_just_before(text: str, value: int) -> None:
    assert value in _values(text, "plant_workforce")


def test_a_pronoun_without_a_workforce_antecedent_is_no_workforce() -> None:
    text = (
        "date 2024-05-02 (Test) — L'usine de Sandouville assemble le Trafic et le Master. "
        "Ils sont plus que 1 850 à être sortis des lignes en mars."
    )
    assert _values(text, "plant_workforce") == []


# ------------------------------------------------------------------------- investment


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        (
            "date 2024-05-02 (Test) — Renault investit 3 milliards de dirhams dans son usine "
            "de Tanger.",
            3e9,
            "MAD",
        ),
        (
            "date 2024-05-02 (Test) — BMW investiert 300 Milliarden Forint in das Werk Debrecen.",
            3e11,
            "HUF",
        ),
        (
            "date 2024-05-02 (Test) — For C$2 billion, the Oakville assembly complex in Ontario is "
            "being retooled for pickups.",
            2e9,
            "CAD",
        ),
    ],
)
def test_investment_amounts_with_their_currency(text: str, value: float, currency: str) -> None:
    [fact] = _facts(text, "investment")
    assert fact.value == pytest.approx(value) and fact.currency == currency


def test_a_plant_sold_for_an_amount_is_no_investment() -> None:
    text = (
        "date 2024-05-02 (Test) — Ford sold the Saarlouis plant for $200 million to a Chinese "
        "buyer, the company said."
    )
    assert _facts(text, "investment") == []


# ---------------------------------------------------------------------- plant status


def test_a_takeover_named_as_an_anchor_takes_no_other_date() -> None:
    text = (
        "date 2024-05-02 (Test) — Les premières livraisons auront lieu en septembre, trois ans "
        "après le rachat de l'usine de Hambach par Ineos."
    )
    facts = _facts(text, "plant_status")
    assert all(f.date is None for f in facts if f.status and f.status.value == "sold")


def test_opening_an_extension_is_not_the_plant_opening() -> None:
    text = (
        "date 2025-09-08 (Test) — Stellantis a inauguré vendredi l'extension de son usine de "
        "Kénitra. Ouverte en 2019, l'usine assemble la Peugeot 208."
    )
    [fact] = [f for f in _facts(text, "plant_status") if f.status and f.status.value == "opened"]
    assert fact.date is not None and fact.date.label == "2019"


def test_broken_ground_is_under_construction() -> None:
    text = (
        "date 2024-05-02 (Test) — Lucid has broken ground on a second plant near Phoenix, "
        "Arizona, the company said."
    )
    assert [f.status.value for f in _facts(text, "plant_status") if f.status] == [
        "under_construction"
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "date 2024-05-02 (Test) — Das Werk Zwickau hat eine Jahreskapazität von 330.000 "
            "Fahrzeugen, teilte Volkswagen mit.",
            330000,
        ),
        (
            "date 2024-05-02 (Test) — Die Produktionskapazität des Werks Leipzig liegt bei "
            "200.000 Autos im Jahr, teilte Porsche mit.",
            200000,
        ),
        (
            "date 2024-05-02 (Test) — Le site de Mulhouse peut produire 300 000 voitures par "
            "an, selon Stellantis.",
            300000,
        ),
    ],
)
def test_capacity_cues_in_compounds_and_modal_verbs(text: str, value: int) -> None:
    assert _values(text, "plant_capacity") == [value]


def test_a_workforce_count_is_not_a_capacity_because_a_later_figure_has_a_unit() -> None:
    text = (
        "date 2024-05-02 (Test) — Hyundai's plant in Montgomery, Alabama, employs roughly "
        "3,000 people and can build 400,000 vehicles a year, the company said."
    )
    assert _values(text, "plant_capacity") == [400000]
    assert _values(text, "plant_workforce") == [3000]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "date 2024-05-02 (Test) — The Chennai plant, with a workforce of 4,500, builds the "
            "Creta for India and for export.",
            4500,
        ),
        (
            "date 2024-05-02 (Test) — Das Werk Emden hat eine Belegschaft von rund 8.000 und "
            "baut den ID.7.",
            8000,
        ),
        (
            "date 2024-05-02 (Test) — L'usine de Rennes, avec un effectif de 1 900, assemble "
            "le Citroën C5 Aircross.",
            1900,
        ),
    ],
)
def test_workforce_named_before_its_count(text: str, value: int) -> None:
    assert _values(text, "plant_workforce") == [value]


def test_a_future_closure_is_closing_not_closed() -> None:
    text = (
        "date 2024-05-02 (Test) — Das Werk Dresden soll Ende 2025 geschlossen werden, teilte "
        "Volkswagen am Dienstag mit."
    )
    assert [f.status.value for f in _facts(text, "plant_status") if f.status] == ["closing"]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "date 2024-05-02 (Test) — Jane Miller, general manager of the Toyota Georgetown "
            "plant, said the RAV4 will be built there from 2026.",
            "Jane Miller",
        ),
        (
            "date 2024-05-02 (Test) — « Nous tiendrons la cadence », a affirmé Luc Moreau, "
            "patron du site de Sochaux, où la Peugeot 3008 est produite.",
            "Luc Moreau",
        ),
        (
            "date 2024-05-02 (Test) — Im Werk Kassel werden Elektroantriebe gebaut, sagte "
            "Anna Berger, Leiterin des Werks, am Montag.",
            "Anna Berger",
        ),
    ],
)
def test_plant_manager_titles(text: str, person: str) -> None:
    assert _executives(text)[person][0] == "plant manager"


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        (
            "date 2024-05-02 (Test) — La directrice générale déléguée de Renault, Marie Lefèvre, "
            "a visité l'usine de Maubeuge, qui produit le Kangoo.",
            "Marie Lefèvre",
            "deputy CEO",
        ),
        (
            "date 2024-05-02 (Test) — Aufsichtsratschef Hans Dieter Pötsch äußerte sich nicht zur "
            "Zukunft des Volkswagen-Werks Osnabrück.",
            "Hans Dieter Pötsch",
            "Chairman",
        ),
        (
            "date 2024-05-02 (Test) — The new Pilot will be built in Lincoln, Alabama, said "
            "Sarah Jones, vice president of manufacturing at Honda.",
            "Sarah Jones",
            "vice president of manufacturing",
        ),
    ],
)
def test_deputy_chairman_and_vice_president_titles(text: str, person: str, role: str) -> None:
    assert _executives(text)[person][0] == role


@pytest.mark.parametrize(
    "text",
    [
        "date 2024-05-02 (Test) — Der Betriebsratschef des Werks Zwickau, Jens Rothe, kritisierte "
        "den Stellenabbau bei Volkswagen.",
        "date 2024-05-02 (Test) — Governor Andy Beshear said the Toyota plant in Georgetown "
        "employs more than 9,000 people.",
        "date 2024-05-02 (Test) — Le maire de Douai, Frédéric Chéreau, s'est félicité de la "
        "production de la Renault 5 dans l'usine.",
    ],
)
def test_union_officers_and_politicians_are_not_executives(text: str) -> None:
    assert _executives(text) == {}


def _statuses(text: str) -> list[tuple[str, str | None]]:
    return [
        (f.status.value, f.date.label if f.date else None)
        for f in _facts(text, "plant_status")
        if f.status
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "date 2025-03-10 (Test) — BMW investiert zwei Milliarden Euro in das neue Werk in "
            "Debrecen, das Ende 2025 eröffnet werden soll.",
            ("planned", "2025-late"),
        ),
        (
            "date 2025-03-10 (Test) — La construction de l'usine de batteries de Douvrin a "
            "débuté en 2022, selon ACC.",
            ("under_construction", "2022"),
        ),
        (
            "date 2025-03-10 (Test) — Construction of the new Hyundai plant in Bryan County, "
            "Georgia, began in October 2022, the company said in a statement.",
            ("under_construction", "2022-10"),
        ),
        (
            "date 2025-03-10 (Test) — Ford hat das Werk in Saarlouis an einen chinesischen "
            "Investor verkauft, wie das Unternehmen mitteilte.",
            ("sold", None),
        ),
    ],
)
def test_plant_status_phrasings(text: str, expected: tuple[str, str | None]) -> None:
    found = _statuses(text)
    assert found and found[0][0] == expected[0]
    if expected[1] is not None:
        assert found[0][1] == expected[1]


def test_a_bare_count_after_employs_is_the_workforce() -> None:
    text = (
        "date 2025-03-10 (Test) — The Toyota plant in Georgetown, Kentucky, employs 9,400 and "
        "builds the Camry and the RAV4 for customers in North America."
    )
    assert _values(text, "plant_workforce") == [9400]


def test_employs_part_of_a_total_is_no_workforce_figure_of_the_part() -> None:
    text = (
        "date 2025-03-10 (Test) — The Toyota plant in Georgetown, Kentucky, employs 2,000 of "
        "the region's 50,000 factory workers, the state said."
    )
    assert 2000 not in _values(text, "plant_workforce")


def test_designed_capacity_and_a_mothballed_plant() -> None:
    text = (
        "date 2025-03-10 (Test) — The Ford plant in Chennai, India, was designed to build "
        "200,000 cars a year. Ford has mothballed the plant in Chennai since then, the "
        "company said."
    )
    assert _values(text, "plant_capacity") == [200000]
    assert [s for s, _ in _statuses(text)] == ["paused"]


def test_the_head_of_a_division_is_not_the_ceo() -> None:
    execs = _executives(
        "date 2025-03-10 (Test) — The Windsor plant will keep building the Pacifica, said Mark "
        "Stewart, head of Stellantis' North American operations, on Tuesday."
    )
    assert execs.get("Mark Stewart", ("", ""))[0] != "CEO"


@pytest.mark.parametrize(
    "text",
    [
        "date 2025-03-10 (Test) — The Georgetown plant in Kentucky received $500 million in state "
        "incentives to build electric vehicles for North America.",
        "date 2025-03-10 (Test) — Das Werk Magdeburg erhält Zuschüsse von 1,2 Milliarden Euro, "
        "um Halbleiter für die Autoindustrie zu fertigen.",
        "date 2025-03-10 (Test) — Renault pourrait investir 1 milliard d'euros dans son usine de "
        "Douai pour y produire un nouveau modèle électrique.",
    ],
)
def test_subsidies_and_hedged_amounts_are_no_investment(text: str) -> None:
    assert _facts(text, "investment") == []


def test_how_many_of_them_did_something_is_no_workforce() -> None:
    text = (
        "date 2025-03-10 (Test) — Les salariés de l'usine de Douai ont voté dans la journée. "
        "Ils sont 1 200 à avoir approuvé l'accord de compétitivité."
    )
    assert _values(text, "plant_workforce") == []


def test_german_inflected_cues() -> None:
    text = (
        "date 2025-03-10 (Test) — Im Werk Leipzig stehen die Bänder ab Montag für zwei Wochen "
        "still. Das Werk Leipzig hat eine jährliche Kapazität von 200.000 Elektrofahrzeugen, "
        "teilte Porsche mit."
    )
    assert [s for s, _ in _statuses(text)] == ["paused"]
    assert _values(text, "plant_capacity") == [200000]


def test_headline_chief_and_team_members() -> None:
    text = (
        "date 2025-03-10 (Test) — Toyota chief Akio Toyoda said the Georgetown plant in "
        "Kentucky, which employs 9,400 team members, will build a new SUV from 2026."
    )
    assert _executives(text)["Akio Toyoda"][0] == "CEO"
    assert _values(text, "plant_workforce") == [9400]


def test_half_a_million_is_a_count() -> None:
    from extractors.rules.numbers import find_counts

    assert [c.value for c in find_counts("capable of building half a million cars a year")] == [
        500000
    ]
    assert [c.value for c in find_counts("eine halbe Million Fahrzeuge")] == [500000]
