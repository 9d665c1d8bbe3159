"""Rules from reading the opened news-mix set (heldout14), each checked on an invented article
written to the pattern, never a held-out article's wording: a town written with a state of
another country, a plant's start date that its one planned model takes, plants listed in one
sentence of a pause, a sister plant said to run normally, component plants, headcounts that are
not a plant's workforce.
"""

from __future__ import annotations

from extractors import extract
from factwatch.articles import article_from_text
from factwatch.model import Fact


def _facts(text: str) -> list[Fact]:
    return extract(article_from_text(text, path="<test>"))


def _of(facts: list[Fact], kind: str) -> list[Fact]:
    return [f for f in facts if f.type.value == kind]


def _statuses(facts: list[Fact]) -> dict[str | None, str | None]:
    return {
        (f.plant.city if f.plant else None): (str(f.status) if f.status else None)
        for f in _of(facts, "plant_status")
    }


def test_a_town_written_with_a_state_of_another_country_is_that_states_town() -> None:
    facts = _facts(
        "date 2025-06-03 (Test) — Rivian will build its R3 crossover at a new factory in Paris, "
        "Texas, the company said. Rivian is investing $900 million in the Paris plant."
    )
    places = {(f.plant.city, f.plant.region, f.plant.country) for f in facts if f.plant}
    assert places == {("Paris", "Texas", "US")}


def test_the_one_planned_model_takes_the_start_given_to_its_plant() -> None:
    facts = _facts(
        "date 2025-06-03 (Test) — Production at Rivian's factory in Paris, Texas, will begin in "
        "the second half of 2026, the start-up said. The Rivian R3 will be the first "
        "vehicle built there."
    )
    made = _of(facts, "production")
    assert [(f.model, f.start.label if f.start else None) for f in made] == [
        ("Rivian R3", "2026-H2")
    ]


def test_people_who_reserved_a_car_are_no_workforce() -> None:
    facts = _facts(
        "date 2025-06-03 (Test) — The Kia plant in Zilina will build the EV2 from next year. "
        "Kia said more than 90,000 people had placed refundable reservations for it."
    )
    assert not _of(facts, "plant_workforce")


def test_a_headcount_in_the_country_is_no_plant_workforce() -> None:
    facts = _facts(
        "date 2025-06-03 (Test) — Nissan builds the Qashqai at its Sunderland plant. The "
        "carmaker employs about 7,000 people in the UK."
    )
    assert not _of(facts, "plant_workforce")


def test_a_battery_plant_put_on_hold_is_no_vehicle_plant_status() -> None:
    facts = _facts(
        "date 2025-06-03 (Test) — Toyota builds the RAV4 at its plant in Georgetown, Kentucky. "
        "The cells will come from North Carolina, not from the Panasonic complex in Lawrence, "
        "Kansas, whose second battery plant Panasonic has put on hold."
    )
    assert not _of(facts, "plant_status")


def test_an_engine_plant_that_is_idle_is_no_vehicle_plant_status() -> None:
    facts = _facts(
        "date 2025-06-03 (Test) — BMW halted its car plants after a power cut. Its Engine "
        "Manufacturing Centre in Hams Hall is also idle."
    )
    assert "Hams Hall" not in _statuses(facts)


def test_plants_listed_in_one_sentence_of_a_pause_are_each_paused() -> None:
    facts = _facts(
        "date 2025-06-03 (Test) — Volvo Cars stopped production after a fire at a supplier on "
        "May 2. Since then, its plants in Torslanda and Ghent in Europe, and in Ridgeville, "
        "South Carolina, have built no cars."
    )
    assert _statuses(facts) == {"Torslanda": "paused", "Ghent": "paused", "Ridgeville": "paused"}


def test_a_sister_plant_said_to_run_normally_is_operating() -> None:
    facts = _facts(
        "date 2025-06-03 (Test) — Stellantis halted its Melfi plant on Monday. Production at "
        "its plant in Pomigliano d'Arco has continued as normal, the company said."
    )
    assert _statuses(facts).get("Pomigliano d'Arco") == "operating"


def test_a_model_that_runs_normally_gives_its_plant_no_status() -> None:
    facts = _facts(
        "date 2025-06-03 (Test) — Im Porsche-Werk Leipzig ruht die Fertigung des Macan seit "
        "Montag. Der Cayenne läuft unterdessen normal weiter."
    )
    assert "operating" not in _statuses(facts).values()


def _made(facts: list[Fact]) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {
        f.model or "": (
            f.plant.city if f.plant else None,
            str(f.status) if f.status else None,
            f.start.label if f.start else None,
        )
        for f in _of(facts, "production")
    }


def test_an_area_no_gazetteer_knows_is_where_the_plant_just_named_is() -> None:
    facts = _facts(
        "date 2025-06-03 (Test) — L'usine Toyota d'Onnaing assemble la Yaris Cross. Selon la "
        "direction, la Toyota Yaris est produite dans le Hainaultois depuis 2001."
    )
    cities = {f.plant.city for f in _of(facts, "production") if f.plant}
    assert cities == {"Onnaing"}


def test_the_first_cars_off_the_lines_start_production() -> None:
    facts = _facts(
        "date 2025-06-03 (Test) — Les premières Peugeot e-208 sont sorties lundi des chaînes de "
        "l'usine de Saragosse, a indiqué Stellantis."
    )
    assert _made(facts)["Peugeot e-208"][1:] == ("started", "2025-06-02")


def test_a_date_in_an_apposition_to_one_model_is_that_models_alone() -> None:
    facts = _facts(
        "date 2025-06-03 (Test) — L'usine de Sochaux assemble le Peugeot 3008, fabriqué ici "
        "depuis janvier 2024, et le Peugeot 5008, qui occupe la même ligne."
    )
    made = _made(facts)
    assert made["Peugeot 5008"][2] is None
    assert made["Peugeot 3008"][2] == "2024-01"


def test_staff_trained_for_a_launch_are_no_workforce() -> None:
    facts = _facts(
        "date 2025-06-03 (Test) — L'usine Renault de Flins prépare un nouveau modèle. « Nous "
        "avons formé près de 300 opérateurs », explique la directrice du site."
    )
    assert not _of(facts, "plant_workforce")


def test_a_relative_clause_is_about_the_plant_it_follows() -> None:
    facts = _facts(
        "date 2025-06-03 (Test) — Ford's Chicago Assembly Plant, which builds the Ford Explorer "
        "and the Lincoln Aviator, cut a shift in May, and Flat Rock Assembly Plant has been "
        "running below capacity."
    )
    cities = {m: c for m, (c, _s, _d) in _made(facts).items()}
    assert cities == {"Ford Explorer": "Chicago", "Lincoln Aviator": "Chicago"}


def test_a_plant_that_will_halt_production_is_paused_from_its_first_day() -> None:
    facts = _facts(
        "date 2026-01-28 (Test) — Nissan will halt production at its Smyrna plant in Tennessee "
        "for two weeks starting Feb. 9, the company said."
    )
    statuses = [
        (str(f.status), f.date.label if f.date else None) for f in _of(facts, "plant_status")
    ]
    assert statuses == [("paused", "2026-02-09")]


def test_a_denied_report_is_no_fact() -> None:
    for text in (
        "date 2026-01-28 (Test) — Honda denied a report that production of the Civic would be "
        "moved from Greensburg to Mexico.",
        "date 2026-01-28 (Test) — Renault a démenti que la production de la Clio serait "
        "transférée de Bursa vers le Maroc.",
        "date 2026-01-28 (Test) — Audi hat Berichte dementiert, wonach die Fertigung des A4 von "
        "Neckarsulm nach Ingolstadt verlagert werde.",
    ):
        assert not _of(_facts(text), "production"), text


def test_models_said_to_be_hit_by_a_plants_stoppage_are_paused() -> None:
    facts = _facts(
        "date 2025-05-21 (Test) — L'usine Renault de Bursa va suspendre sa production pendant "
        "deux semaines. Les chaînes seront arrêtées du lundi 2 juin au vendredi 13 juin. Bursa "
        "assemble la Renault Clio et la Renault Duster. Toutes deux seront concernées par "
        "l'arrêt."
    )
    assert _statuses(facts) == {"Bursa": "paused"}
    assert {m: s for m, (_c, s, _d) in _made(facts).items()} == {
        "Renault Clio": "paused",
        "Renault Duster": "paused",
    }


def test_models_at_a_paused_plant_stay_ongoing_unless_said_to_be_hit() -> None:
    facts = _facts(
        "date 2025-05-21 (Test) — L'usine Renault de Bursa va suspendre sa production pendant "
        "deux semaines. Bursa assemble la Renault Clio et la Renault Duster."
    )
    assert {s for _c, s, _d in _made(facts).values()} == {"ongoing"}


def test_a_sister_plant_that_goes_on_without_interruption_is_operating() -> None:
    facts = _facts(
        "date 2025-05-21 (Test) — L'usine Stellantis de Tychy sera à l'arrêt en juin. L'arrêt ne "
        "touche pas l'usine de Gliwice, où la production se poursuit sans interruption."
    )
    assert _statuses(facts).get("Gliwice") == "operating"


def test_the_port_cars_are_shipped_through_is_no_plant() -> None:
    facts = _facts(
        "date 2025-05-21 (Test) — The Toyota plant in Prospecton builds the Corolla Cross. Last "
        "year most of its output was shipped through the port of Durban to Europe."
    )
    assert {f.plant.city for f in facts if f.plant} == {"Prospecton"}


def test_models_listed_after_a_part_share_its_lot() -> None:
    facts = _facts(
        "date 2025-05-21 (Test) — Honda builds the Civic at its Greensburg plant in Indiana. "
        "Its Anna engine plant in Ohio makes engines for the Accord, the Pilot and the Passport."
    )
    assert set(_made(facts)) == {"Honda Civic"}


def test_a_company_that_will_build_a_new_assembly_plant_plans_it() -> None:
    facts = _facts(
        "date 2025-05-21 (Test) — Honda will build a new vehicle assembly plant in Alliston, "
        "Ontario, the company said. The plant is expected to begin operations in 2028."
    )
    assert _statuses(facts) == {"Alliston": "planned"}


def test_a_country_that_ends_a_companys_name_is_no_place() -> None:
    facts = _facts(
        "date 2025-05-21 (Test) — It is the first new plant since the Ohira plant of subsidiary "
        "Toyota Motor East Japan opened in Miyagi Prefecture in 2011."
    )
    assert _statuses(facts) == {"Ohira": "opened"}


def _executives(text: str) -> set[tuple[str | None, str | None, str | None]]:
    return {(f.person, f.role, f.company) for f in _of(_facts(text), "executive")}


def test_executive_titles_of_news_prose() -> None:
    cases = {
        "date 2025-06-03 (Test) — Kazuo Ito, Toyota Motor's president and CEO, said the Kentucky "
        "plant would build the Camry.": ("Kazuo Ito", "CEO", "Toyota"),
        "date 2025-06-03 (Test) — Finance chief Anna Berg said the tariff cost at the Spartanburg "
        "plant would rise, BMW said.": ("Anna Berg", "CFO", "BMW"),
        'date 2025-06-03 (Test) — "Ghent stays our home," said Pierre Laval, who became Volvo '
        "Cars CEO in May.": ("Pierre Laval", "CEO", "Volvo Cars"),
        "date 2025-06-03 (Test) — Le conseil d'administration de Stellantis a nommé lundi Marc "
        "Dubois au poste de directeur général du groupe.": ("Marc Dubois", "CEO", "Stellantis"),
        "date 2025-06-03 (Test) — „Das Werk bleibt“, sagte Jens Hahn, Sprecher der "
        "Geschäftsführung von Porsche Leipzig.": ("Jens Hahn", "CEO", "Porsche Leipzig"),
    }
    for text, expected in cases.items():
        assert expected in _executives(text), text


def test_a_spokesman_is_no_executive() -> None:
    assert not _executives(
        "date 2025-06-03 (Test) — „Das Werk bleibt“, sagte Jens Hahn, Sprecher von Porsche."
    )


def test_models_dropped_from_the_line_up_ended_there() -> None:
    facts = _facts(
        "date 2025-03-27 (Test) — Ford gibt seinem Werk in Saarlouis eine Zukunft. Bis dahin "
        "bleibt der Focus das einzige Pkw-Modell des Werks. Der Fiesta, der Galaxy und der "
        "S-Max sind bereits seit 2022 aus dem Programm gefallen."
    )
    made = {m: (str(f.status), f.end.label if f.end else None) for m, f in _by_model(facts).items()}
    assert made == {
        "Ford Focus": ("ongoing", None),
        "Ford Fiesta": ("ended", "2022"),
        "Ford Galaxy": ("ended", "2022"),
        "Ford S-Max": ("ended", "2022"),
    }


def _by_model(facts: list[Fact]) -> dict[str, Fact]:
    return {f.model or "": f for f in _of(facts, "production")}


def test_a_show_debut_and_a_production_ready_car_are_no_production() -> None:
    facts = _facts(
        "date 2025-07-14 (Test) — At the Goodwood Festival of Speed, the Renault 5 E-Tech made "
        "its dynamic debut, its motors producing 215bhp. Alpine brought the A390 in "
        "production-ready form."
    )
    assert not _of(facts, "production")


def test_s_y_points_back_to_the_plant_just_named() -> None:
    facts = _facts(
        "date 2025-07-16 (Test) — Renault cessera de produire à Flins d'ici 2027. L'usine de "
        "Flins assemble la Renault Zoe. La production de la Zoe s'y arrêtera en mars 2027, "
        "tandis que l'usine de Douai produira la Renault 5 E-Tech."
    )
    assert _made(facts)["Renault Zoe"][0] == "Flins"


def test_a_subsidiary_named_after_its_brand_is_no_model() -> None:
    facts = _facts(
        "date 2025-07-16 (Test) — Toyota assemble la Yaris dans l'usine de sa filiale Toyota "
        "Kirlo à Bidadi."
    )
    assert "Toyota Kirlo" not in _made(facts)
