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


def test_the_german_head_of_a_site_is_its_plant_manager() -> None:
    execs = _executives(
        'date 2025-03-01 (Test) — Mercedes baut in Rastatt die A-Klasse. „Wir sind bereit", '
        "sagte Standortverantwortlicher Thomas Klein."
    )
    assert execs["Thomas Klein"][0] == "plant manager"


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
        # the South African rand written "R" before the figure, with its scale
        (
            "date 2024-05-02 (Test) — Volkswagen has invested R3.2bn in its Kariega plant for "
            "the new Polo.",
            3.2e9,
            "ZAR",
        ),
        (
            "date 2024-05-02 (Test) — The Rosslyn plant received a R4-billion upgrade for the "
            "new X3, BMW said.",
            4e9,
            "ZAR",
        ),
        # the sum in the local currency, not its conversion right after
        (
            "date 2024-05-02 (Test) — Stellantis investiert 2,5 Mrd. Real in das Werk Betim, "
            "umgerechnet rund 420 Mio. Euro.",
            2.5e9,
            "BRL",
        ),
        (
            "date 2024-05-02 (Test) — Toyota investira 1,2 milliard de livres dans l'usine de "
            "Burnaston, soit environ 1,4 milliard d'euros.",
            1.2e9,
            "GBP",
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


@pytest.mark.parametrize(
    "text",
    [
        "date 2025-03-10 (Test) — Le ministre est venu inaugurer la ligne du Fiat Grande Panda "
        "dans l'usine de Kragujevac en décembre.",
        "date 2025-03-10 (Test) — The new Tera will replace the Polo Vivo at the Kariega plant in "
        "2027, when it takes over its place on the line.",
    ],
)
def test_a_line_opened_or_a_model_taking_over_is_no_plant_status(text: str) -> None:
    assert not _facts(text, "plant_status")


def test_a_denied_closure_is_no_plant_status() -> None:
    text = (
        "date 2025-03-10 (Test) — Lotus baut den Emira im Werk Hethel. Eine Schließung des Werks "
        "stehe nicht zur Debatte, sagte ein Sprecher."
    )
    assert not _facts(text, "plant_status")


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
        # what the rest of the sentence says of the plant's future is not about the figure
        (
            "date 2024-05-02 (Test) — The Sunderland plant, which employs about 6,000 people, "
            "will keep building the Qashqai.",
            6000,
        ),
        (
            "date 2024-05-02 (Test) — The Fremont factory employs about 20,000 people, and Tesla "
            "is adding a new paint shop there.",
            20000,
        ),
        (
            "date 2024-05-02 (Test) — The Wentzville plant, which employs about 4,500 hourly and "
            "salaried employees, builds the Chevrolet Colorado.",
            4500,
        ),
        (
            "date 2024-05-02 (Test) — Le site de Cassino, qui emploie environ 2 500 salariés, doit "
            "accueillir trois nouveaux modèles.",
            2500,
        ),
        (
            "date 2024-05-02 (Test) — Das Werk Kolín beschäftigt rund 3.000 Mitarbeiter und kann "
            "bis zu 200.000 Fahrzeuge im Jahr bauen.",
            3000,
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
        (
            "date 2025-03-10 (Test) — Im Opel-Werk Eisenach wird ab 2026 der neue Grandland "
            "gebaut. Das bestätigte der Chef des Werks, Max Müller, am Montag in Eisenach.",
            "Max Müller",
        ),
        (
            "date 2025-03-10 (Test) — Stellantis will build the new Peugeot 3008 at its plant in "
            "Sochaux, France, from next year. Sochaux plant boss Jean Durand told reporters the "
            "lines were ready.",
            "Jean Durand",
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
            "date 2025-03-10 (Test) — La construction de l'usine BYD de Szeged a "
            "débuté en 2022, selon le constructeur.",
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
        (
            "date 2025-03-10 (Test) — Im Werk Kassel ruht ab Anfang April die Produktion, weil "
            "die Lackiererei umgebaut wird.",
            ("paused", None),
        ),
        (
            "date 2025-03-10 (Test) — Der Aufsichtsrat hat dem Verkauf des Werks in Kaluga an "
            "einen russischen Investor zugestimmt.",
            ("sold", None),
        ),
        (
            "date 2025-03-10 (Test) — Volvo verschiebt den Produktionsstart in Košice. Der Bau "
            "der Fabrik geht unterdessen weiter.",
            ("under_construction", None),
        ),
        (
            "date 2025-03-10 (Test) — Nissan plans to close its Oppama plant in Yokosuka by the "
            "end of fiscal 2027.",
            ("closing", None),
        ),
        (
            "date 2025-03-10 (Test) — La fermeture de l'usine de Blanquefort interviendra à la "
            "fin de l'année, a confirmé Ford.",
            ("closing", None),
        ),
        (
            "date 2025-03-10 (Test) — Die Produktion im Werk Zwickau wird für zwei Wochen "
            "unterbrochen, teilte Volkswagen mit.",
            ("paused", None),
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


def test_english_roles_keep_their_place_names() -> None:
    from extractors.rules.companies import english_role

    assert english_role("Vice President of Manufacturing in Europe") == (
        "vice president of manufacturing in Europe"
    )
    assert english_role("head of purchasing for North America") == (
        "head of purchasing for North America"
    )


# ----------------------------------------------------------- everyday senses, no plant


@pytest.mark.parametrize(
    "text",
    [
        "date 2025-03-10 (Test) — Ford builds the Bronco in Michigan. In Detroit, shares of the "
        "carmaker closed 2% higher on Tuesday after the results.",
        "date 2025-03-10 (Test) — Ford builds the Bronco in Michigan. In Detroit, the deal "
        "closed in June 2018, and the talks opened a new chapter.",
    ],
)
def test_everyday_closed_and_opened_are_no_plant_status(text: str) -> None:
    assert _statuses(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "date 2025-03-10 (Test) — Toyota builds the Camry in Georgetown, Kentucky. Around "
        "Georgetown, the population grew by more than 7 million people in ten years.",
        "date 2025-03-10 (Test) — Toyota builds the Camry in Georgetown, Kentucky. In "
        "Georgetown, up to 90 per cent of people drive to work.",
    ],
)
def test_populations_and_percentages_are_no_workforce(text: str) -> None:
    assert _values(text, "plant_workforce") == []


def test_a_year_is_no_capacity() -> None:
    text = (
        "date 2025-03-10 (Test) — The Toyota plant in Georgetown, Kentucky, should be able to "
        "build two new models a year starting in 2027."
    )
    assert _values(text, "plant_capacity") == []


def test_weak_titles_need_a_company_and_an_unknown_company_is_kept_as_written() -> None:
    execs = _executives(
        "date 2025-03-10 (Test) — Toyota builds the Camry in Georgetown, Kentucky. Research "
        "team head Jennifer Lang said the study was new. Michael Reed, the CEO of Acme "
        "Robotics, GateHouse's parent, supplies the plant in Georgetown with welding robots."
    )
    assert "Jennifer Lang" not in execs
    assert execs["Michael Reed"] == ("CEO", "Acme Robotics")


def test_an_everyday_pause_is_no_plant_status() -> None:
    text = (
        "date 2025-03-10 (Test) — Ford builds the Bronco in Michigan. Many in Detroit fear "
        "that to pause or seek compromise is to surrender entirely."
    )
    assert _statuses(text) == []


# ------------------------------------------------------- round 2: numbers, titles, agreements


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("zwei Milliarden Euro", 2e9),
        ("acht Milliarden US-Dollar", 8e9),
        ("3 trillion won", 3e12),
        ("2 Billionen Won", 2e12),
        ("Rs 1,500 crore", 1.5e10),
    ],
)
def test_amounts_in_words_and_large_scales(raw: str, value: float) -> None:
    from extractors.rules.numbers import find_amounts

    [amount] = find_amounts(raw)
    assert amount.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("raw", "value"),
    [("3.2 lakh units", 320000), ("6,50,000 units", 650000), ("drei Millionen Autos", 3e6)],
)
def test_indian_numbering_and_number_words_are_counts(raw: str, value: float) -> None:
    from extractors.rules.numbers import find_counts

    assert [c.value for c in find_counts(raw)] == [value]


def test_a_converted_amount_in_parentheses_gives_way_to_the_original_currency() -> None:
    text = (
        "date 2024-05-02 (Test) — Kia is investing 1.2 trillion won ($900 million) in its "
        "Gwangmyeong plant to build electric vehicles."
    )
    [fact] = _facts(text, "investment")
    assert fact.currency == "KRW" and fact.value == pytest.approx(1.2e12)


def test_an_indian_capacity_in_lakh() -> None:
    text = (
        "date 2024-05-02 (Test) — Hyundai has raised the annual capacity of its Chennai plant to "
        "8.2 lakh units."
    )
    assert _values(text, "plant_capacity") == [820000]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "date 2024-05-02 (Test) — Drei Milliarden Euro hat Audi seit 2015 in das Werk "
            "Neckarsulm investiert.",
            3e9,
        ),
        (
            "date 2024-05-02 (Test) — L'usine de Cléon a reçu une enveloppe de 300 millions "
            "d'euros pour ses moteurs électriques.",
            3e8,
        ),
        (
            "date 2024-05-02 (Test) — Das Werk Zwickau wird umgebaut, teilte der Konzern mit. "
            "VW investiert demnach rund 500 Millionen Euro in Zwickau.",
            5e8,
        ),
    ],
)
def test_investments_fronted_in_a_noun_frame_or_from_the_source_just_named(
    text: str, value: float
) -> None:
    [fact] = _facts(text, "investment")
    assert fact.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "date 2024-05-02 (Test) — Sur les 5 milliards d'euros du plan « Renaulution », une "
        "partie ira à l'usine de Douai.",
        "date 2024-05-02 (Test) — Le coût de l'usine de Douai n'a pas été communiqué, mais la "
        "presse régionale l'évalue à 800 millions d'euros.",
        "date 2024-05-02 (Test) — Nach Schätzungen von Analysten hat VW 900 Millionen Euro in das "
        "Werk Emden investiert.",
    ],
)
def test_a_programme_total_or_a_press_estimate_is_no_plant_investment(text: str) -> None:
    assert _facts(text, "investment") == []


def test_mixed_staff_counts_but_suppliers_staff_does_not() -> None:
    fr = (
        "date 2024-05-02 (Test) — L'usine de Douai emploie 3 100 salariés et intérimaires, et "
        "produit la R5."
    )
    assert _values(fr, "plant_workforce") == [3100]
    en = (
        "date 2024-05-02 (Test) — The Chennai plant has about 20,000 people including suppliers "
        "on site; Hyundai itself employs about 8,000 people there."
    )
    assert _values(en, "plant_workforce") == [8000]


def test_planned_jobs_are_no_workforce() -> None:
    text = (
        "date 2024-05-02 (Test) — L'usine de Douai doit ouvrir en 2027 et quelque 900 emplois y "
        "sont prévus."
    )
    assert _values(text, "plant_workforce") == []


def test_a_brand_head_belongs_to_the_brand_not_the_group() -> None:
    execs = _executives(
        "date 2024-05-02 (Test) — Stellantis baut den neuen Ypsilon in Saragossa. "
        "„Das ist ein guter Tag“, sagte Lancia-Chef Marco Rossi."
    )
    assert execs["Marco Rossi"] == ("CEO", "Lancia")


@pytest.mark.parametrize(
    ("text", "person", "role", "company"),
    [
        (
            "date 2024-05-02 (Test) — Ein Gespräch mit Peter Kurz, Vorsitzender der "
            "Geschäftsführung von Skoda Auto, über den neuen Octavia.",
            "Peter Kurz",
            "CEO",
            "Škoda",
        ),
        (
            '"We are ready," said Maria Lopez, general manager of Seat, at the event.',
            "Maria Lopez",
            "CEO",
            "Seat",
        ),
        (
            '"We are ready," said Tom Baker, President and CEO of BMW Group Plant Spartanburg.',
            "Tom Baker",
            "plant manager",
            "BMW",
        ),
    ],
)
def test_long_titles_and_the_head_of_a_plant(
    text: str, person: str, role: str, company: str
) -> None:
    if not text.startswith("date"):
        text = "date 2024-05-02 (Test) — Seat builds the Ibiza in Martorell. " + text
    got_role, got_company = _executives(text)[person]
    assert got_role == role and company.lower()[:4] in got_company.lower()


def test_a_subsidiary_named_as_its_plant_takes_the_full_name_the_article_gives() -> None:
    execs = _executives(
        "date 2024-05-02 (Test) — Toyota builds the Camry at Toyota Motor Manufacturing Kentucky "
        '(TMMK) in Georgetown. "We are proud," said Ann Lee, president of TMMK, on Monday.'
    )
    assert execs["Ann Lee"][1] == "Toyota Motor Manufacturing Kentucky"


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "date 2024-05-02 (Test) — Hyundai has agreed to sell 20,000 buses to the Indian "
            "government over five years.",
            "Government of India",
        ),
        (
            "date 2024-05-02 (Test) — Renault et le gouvernement marocain ont signé un accord pour "
            "agrandir l'usine de Tanger.",
            "Government of Morocco",
        ),
        (
            "date 2024-05-02 (Test) — Der zwischen Opel und der IG Metall geschlossene "
            "Zukunftstarifvertrag sichert das Werk Kaiserslautern.",
            "IG Metall",
        ),
    ],
)
def test_agreements_with_governments_unions_and_compound_names(text: str, party: str) -> None:
    [fact] = _facts(text, "agreement")
    assert party in fact.parties and len(fact.parties) == 2


def test_a_board_member_responsible_for_a_function_with_a_latin_extended_name() -> None:
    execs = _executives(
        'date 2024-05-02 (Test) — BMW builds the X5 in Spartanburg. "We are ready," said Goran '
        "Petrović, member of the Board of Management of BMW AG responsible for Purchasing."
    )
    assert execs["Goran Petrović"] == ("board member for purchasing", "BMW")


@pytest.mark.parametrize(
    ("text", "former", "current"),
    [
        (
            "date 2024-05-02 (Test) — Im Werk Wolfsburg läuft der Golf vom Band. Ex-VW-Chef Hans "
            "Weber kritisierte die Pläne, sagte Stellantis-Chef Paul Klein.",
            "Hans Weber",
            "Paul Klein",
        ),
        (
            "date 2024-05-02 (Test) — Renault builds the Clio in Bursa, said Anne Martin, chief "
            "executive of Renault, and John Smith, a former Ford CEO, agreed.",
            "John Smith",
            "Anne Martin",
        ),
    ],
)
def test_a_former_title_is_no_current_executive(text: str, former: str, current: str) -> None:
    execs = _executives(text)
    assert former not in execs and execs[current][0] == "CEO"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "date 2024-05-02 (Test) — Für das Werk Zwickau nimmt VW 1,2 Milliarden Euro in die "
            "Hand.",
            1.2e9,
        ),
        (
            "date 2024-05-02 (Test) — Hyundai committed $5.5 billion to the Metaplant in Georgia.",
            5.5e9,
        ),
        (
            "date 2024-05-02 (Test) — Renault va engager 300 millions d'euros dans la "
            "modernisation de Flins.",
            3e8,
        ),
    ],
)
def test_more_investment_verbs(text: str, value: float) -> None:
    [fact] = _facts(text, "investment")
    assert fact.value == pytest.approx(value)


def test_an_installed_capacity_without_per_year_is_yearly() -> None:
    text = (
        "date 2024-05-02 (Test) — The Chennai plant, with an installed capacity of 8.2 lakh "
        "units, builds the Creta for India."
    )
    assert _values(text, "plant_capacity") == [820000]


def test_a_plant_head_whose_title_names_the_plant_before_his_name() -> None:
    execs = _executives(
        "date 2024-05-02 (Test) — Der Chef des Werks Sindelfingen, Michael Bauer, bestätigte "
        "den Anlauf der S-Klasse."
    )
    assert execs["Michael Bauer"][0] == "plant manager"


def test_a_government_that_only_welcomes_a_deal_is_no_party() -> None:
    text = (
        "date 2024-05-02 (Test) — BYD builds the Dolphin in Szeged. The deal between BYD and CATL "
        "on batteries for the Szeged plant was welcomed by the Hungarian government on Monday."
    )
    [fact] = _facts(text, "agreement")
    assert not any("Government" in p for p in fact.parties)
