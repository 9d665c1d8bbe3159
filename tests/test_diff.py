"""The diff, on hand-made facts: each change kind of DESIGN.md, and identity."""

from __future__ import annotations

from typing import Any

import pytest

from factwatch.diff import (
    DiffPolicy,
    diff_article,
    plan_article,
    plant_relation,
    same_company,
    same_person,
)
from factwatch.model import (
    Change,
    ChangeKind,
    Evidence,
    Fact,
    FactType,
    FuzzyDate,
    Plant,
    Source,
)

BUSAN = Plant(
    name="usine RKM de Busan", operator="Renault Korea Motors", city="Busan", country="KR"
)
OAKVILLE = Plant(name="Oakville Assembly", operator="Ford", city="Oakville", country="CA")
CHINA = Plant(country="CN")
RIDGEVILLE = Plant(city="Ridgeville", region="South Carolina", country="US")
SOUTH_CAROLINA = Plant(region="South Carolina", country="US")


def d(label: str) -> FuzzyDate:
    return FuzzyDate.from_label(label)


def fact(
    type_: FactType = FactType.PRODUCTION, *, published: str = "2024-01-10", **fields: Any
) -> Fact:
    for name in ("start", "end", "date"):
        if isinstance(fields.get(name), str):
            fields[name] = d(fields[name])
    if type_ == FactType.PRODUCTION:
        fields.setdefault("model", "Polestar 4")
        fields.setdefault("plant", BUSAN)
    return Fact(
        type=type_,
        evidence=Evidence(sentence="…", start=0, end=1),
        source=Source(published=published, url=f"https://news.example/{published}"),
        confidence=fields.pop("confidence", 0.9),
        **fields,
    )


def later(**fields: Any) -> Fact:
    return fact(published="2024-06-01", **fields)


def only(changes: list[Change]) -> Change:
    assert len(changes) == 1, changes
    return changes[0]


# --------------------------------------------------------------------------- kinds


def test_new_identity_is_new_and_alerts() -> None:
    change = only(diff_article([fact(status="planned")], []))
    assert change.kind == ChangeKind.NEW
    assert change.alert and change.previous is None and change.field is None


def test_start_slip_is_changed_with_months() -> None:
    stored = fact(status="planned", start="2024-summer")
    change = only(diff_article([later(status="planned", start="2025-H1")], [stored]))
    assert change.kind == ChangeKind.CHANGED and change.field == "start"
    assert (change.old.label, change.new.label) == ("2024-summer", "2025-H1")
    # months between the intervals' midpoints: mid-July 2024 → end of March 2025
    assert change.months == 8
    assert change.alert and change.previous == stored


def test_pull_in_has_negative_months() -> None:
    stored = fact(status="planned", start="2028")
    change = only(diff_article([later(status="planned", start="2025")], [stored]))
    assert change.kind == ChangeKind.CHANGED and change.months == -36


def test_changed_from_null() -> None:
    stored = fact(status="planned")
    change = only(diff_article([later(status="planned", start="2025-11")], [stored]))
    assert (change.kind, change.field, change.old) == (ChangeKind.CHANGED, "start", None)
    assert change.new.label == "2025-11" and change.alert


def test_refined_date_is_quiet_and_kept() -> None:
    stored = fact(status="planned", start="2024")
    plan = plan_article([later(status="planned", start="2024-summer")], [stored])
    change = only(plan.changes)
    assert change.kind == ChangeKind.REFINED and not change.alert
    assert only(plan.updates).fact.start == d("2024-summer")  # type: ignore[arg-type]


def test_overlapping_timing_is_confirmed_and_keeps_stored() -> None:
    stored = fact(status="planned", start="2024-summer")
    plan = plan_article([later(status="planned", start="2024-mid")], [stored])
    change = only(plan.changes)
    assert change.kind == ChangeKind.CONFIRMED and not change.alert
    assert plan.updates[0].fact.start == d("2024-summer")


def test_less_specific_date_confirms() -> None:
    stored = fact(status="planned", start="2024-summer")
    plan = plan_article([later(status="planned", start="2024")], [stored])
    assert only(plan.changes).kind == ChangeKind.CONFIRMED
    assert plan.updates[0].fact.start == d("2024-summer")


def test_stale_article_never_overwrites() -> None:
    stored = fact(status="planned", start="2026", published="2025-03-01")
    older = fact(status="planned", start="2024", published="2024-05-01")
    plan = plan_article([older], [stored])
    change = only(plan.changes)
    assert change.kind == ChangeKind.STALE and not change.alert and change.previous == stored
    assert plan.updates == []


def test_same_day_is_not_stale() -> None:
    stored = fact(status="planned", start="2026", published="2025-03-01")
    same_day = fact(status="planned", start="2027", published="2025-03-01")
    assert only(diff_article([same_day], [stored])).kind == ChangeKind.CHANGED


def test_several_fields_give_several_changes() -> None:
    stored = fact(status="ongoing", plant=OAKVILLE, model="Ford Edge", end="2024-04")
    new = later(status="ended", plant=OAKVILLE, model="Ford Edge", end="2024-05")
    changes = diff_article([new], [stored])
    assert {(c.kind, c.field) for c in changes} == {
        (ChangeKind.CHANGED, "status"),
        (ChangeKind.CHANGED, "end"),
    }
    assert all(c.alert for c in changes)


def test_started_then_ongoing_is_continuity() -> None:
    stored = fact(status="started")
    assert only(diff_article([later(status="ongoing")], [stored])).kind == ChangeKind.CONFIRMED


def test_a_running_productions_start_is_history_not_a_slip() -> None:
    stored = fact(status="started", start="2023-11-10")
    restated = fact(published="2025-03-01", status="ongoing", start="2025")
    change = only(diff_article([restated], [stored]))
    assert change.kind == ChangeKind.CONFIRMED and not change.alert
    assert change.fact.start is not None and change.fact.start.label == "2023-11-10"
    # a production that has not begun still slips
    planned = fact(status="planned", start="2023-11")
    slip = only(diff_article([later(status="planned", start="2025")], [planned]))
    assert (slip.kind, slip.field) == (ChangeKind.CHANGED, "start")


def test_planned_then_started_is_a_change() -> None:
    change = only(diff_article([later(status="started")], [fact(status="planned")]))
    assert (change.kind, change.field, change.old, change.new) == (
        ChangeKind.CHANGED,
        "status",
        "planned",
        "started",
    )


def test_value_within_and_beyond_tolerance() -> None:
    plant = Plant(operator="Tesla", city="Grünheide", country="DE")
    stored = fact(FactType.PLANT_WORKFORCE, plant=plant, value=12_500)
    within = later_of(FactType.PLANT_WORKFORCE, plant=plant, value=12_000)  # -4 %
    beyond = later_of(FactType.PLANT_WORKFORCE, plant=plant, value=11_000)  # -12 %
    assert only(diff_article([within], [stored])).kind == ChangeKind.CONFIRMED
    change = only(diff_article([beyond], [stored]))
    assert (change.kind, change.field, change.old, change.new) == (
        ChangeKind.CHANGED,
        "value",
        12_500,
        11_000,
    )
    strict = DiffPolicy(value_tolerance=0.01)
    assert only(diff_article([within], [stored], policy=strict)).kind == ChangeKind.CHANGED


def later_of(type_: FactType, **fields: Any) -> Fact:
    return fact(type_, published="2024-06-01", **fields)


def test_person_change_and_surname_alone() -> None:
    stored = fact(FactType.EXECUTIVE, company="Ford", role="CEO", person="Jim Farley")
    plan = plan_article(
        [later_of(FactType.EXECUTIVE, company="Ford", role="CEO", person="Farley")], [stored]
    )
    assert only(plan.changes).kind == ChangeKind.CONFIRMED
    assert plan.updates[0].fact.person == "Jim Farley"  # the fuller name is kept
    other = later_of(FactType.EXECUTIVE, company="Ford", role="CEO", person="Mary Barra")
    change = only(diff_article([other], [stored]))
    assert (change.kind, change.field, change.old, change.new) == (
        ChangeKind.CHANGED,
        "person",
        "Jim Farley",
        "Mary Barra",
    )


# --------------------------------------------------------------------------- moves


def test_move_is_one_plant_change_and_old_fact_becomes_moved() -> None:
    stored = fact(model="Lincoln Nautilus", plant=OAKVILLE, status="ongoing")
    left = later(model="Lincoln Nautilus", plant=OAKVILLE, status="moved")
    arrived = later(model="Lincoln Nautilus", plant=CHINA, status="ongoing")
    plan = plan_article([left, arrived], [stored])
    change = only(plan.changes)
    assert (change.kind, change.field, change.alert) == (ChangeKind.CHANGED, "plant", True)
    assert change.old == OAKVILLE and change.new == CHINA and change.previous == stored
    by_plant = {u.fact.plant: u for u in plan.updates}
    assert by_plant[OAKVILLE].previous == stored
    assert by_plant[OAKVILLE].fact.status == "moved"
    assert by_plant[CHINA].previous is None and by_plant[CHINA].fact.status == "ongoing"


def test_move_signalled_by_moved_from() -> None:
    stored = fact(model="Lincoln Nautilus", plant=OAKVILLE, status="ongoing")
    arrived = later(
        model="Lincoln Nautilus", plant=CHINA, status="ongoing", extra={"moved_from": OAKVILLE}
    )
    plan = plan_article([arrived], [stored])
    change = only(plan.changes)
    assert (change.field, change.old, change.new) == ("plant", OAKVILLE, CHINA)
    assert {u.fact.plant: u.fact.status for u in plan.updates} == {
        OAKVILLE: "moved",
        CHINA: "ongoing",
    }


def test_known_move_is_not_reported_again() -> None:
    moved = fact(model="Lincoln Nautilus", plant=OAKVILLE, status="moved")
    there = fact(model="Lincoln Nautilus", plant=CHINA, status="ongoing")
    again = [
        later(model="Lincoln Nautilus", plant=OAKVILLE, status="moved"),
        later(model="Lincoln Nautilus", plant=CHINA, status="ongoing"),
    ]
    assert only(diff_article(again, [moved, there])).kind == ChangeKind.CONFIRMED


def test_moved_without_destination_is_a_status_change() -> None:
    stored = fact(model="Lincoln Nautilus", plant=OAKVILLE, status="ongoing")
    left = later(model="Lincoln Nautilus", plant=OAKVILLE, status="moved")
    change = only(diff_article([left], [stored]))
    assert (change.field, change.old, change.new) == ("status", "ongoing", "moved")


# --------------------------------------------------------------------------- identity


def test_duplicates_in_one_article_give_one_change() -> None:
    stored = fact(status="planned")
    vague = later(status="planned", start="2025")
    precise = later(status="planned", start="2025-11", confidence=0.5)
    change = only(diff_article([vague, precise], [stored]))
    assert change.field == "start" and change.new.label == "2025-11"


def test_plant_named_by_city_then_region_is_one_plant() -> None:
    stored = fact(model="Polestar 3", plant=RIDGEVILLE, status="planned")
    plan = plan_article(
        [later(model="Polestar 3", plant=SOUTH_CAROLINA, status="started")], [stored]
    )
    change = only(plan.changes)
    assert change.field == "status" and change.previous == stored
    assert plan.updates[0].fact.plant.city == "Ridgeville"  # the specific plant is kept


def test_plant_identity_survives_an_operator_change() -> None:
    daimler = Plant(name="usine Smart de Hambach", operator="Daimler", city="Hambach", country="FR")
    ineos = Plant(name="site Smart", operator="Ineos Automotive", city="Hambach", country="FR")
    stored = fact(FactType.PLANT_WORKFORCE, plant=daimler, value=1500)
    change = only(
        diff_article([later_of(FactType.PLANT_WORKFORCE, plant=ineos, value=1300)], [stored])
    )
    assert (change.kind, change.old, change.new) == (ChangeKind.CHANGED, 1500, 1300)


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        # one plant under two locations, linked by its distinctive name
        (
            Plant(
                name="Hyundai Motor Group Metaplant America",
                operator="Hyundai Motor Group",
                city="Bryan County",
                region="Georgia",
                country="US",
            ),
            Plant(
                name="Hyundai Motor Group Metaplant America",
                operator="Hyundai Motor Group",
                city="Ellabell",
                region="Georgia",
                country="US",
            ),
            "same",
        ),
        # operator + region, no city
        (
            Plant(operator="VinFast", city="Chatham County", region="North Carolina", country="US"),
            Plant(
                name="North Carolina manufacturing facility",
                operator="VinFast",
                region="North Carolina",
                country="US",
            ),
            "same",
        ),
        # two plants of one operator in one region, told apart by name
        (
            Plant(
                name="Orion Assembly", operator="General Motors", region="Michigan", country="US"
            ),
            Plant(
                name="Factory Zero",
                operator="General Motors",
                city="Detroit",
                region="Michigan",
                country="US",
            ),
            "different",
        ),
        (Plant(city="Busan", country="KR"), Plant(city="Busan", country="CN"), "different"),
        (Plant(city="Douai", country="FR"), Plant(city="Flins", country="FR"), "different"),
        (Plant(country="KR"), BUSAN, "compatible"),
    ],
)
def test_plant_relation(a: Plant, b: Plant, relation: str) -> None:
    assert plant_relation(a, b) == relation
    assert plant_relation(b, a) == relation


def test_country_only_plant_links_to_the_models_one_plant_there() -> None:
    stored = fact(model="Polestar 4", plant=BUSAN, status="planned")
    change = only(
        diff_article(
            [
                later(
                    model="Polestar 4",
                    plant=Plant(country="KR"),
                    status="planned",
                    start="2025-mid",
                )
            ],
            [stored],
        )
    )
    assert (change.kind, change.field) == (ChangeKind.CHANGED, "start")


def test_models_with_and_without_brand() -> None:
    nc = Plant(operator="VinFast", region="North Carolina", country="US")
    stored = fact(model="VinFast VF 8", plant=nc, status="planned", start="2025")
    bare = later(model="VF 8", plant=nc, status="planned", start="2028")
    assert only(diff_article([bare], [stored])).field == "start"
    branded = later(model="Ioniq 5", brand="Hyundai", plant=nc, status="planned")
    assert (
        only(
            diff_article([branded], [fact(model="Hyundai Ioniq 5", plant=nc, status="planned")])
        ).kind
        == ChangeKind.CONFIRMED
    )
    wolfsburg = Plant(operator="Volkswagen", city="Wolfsburg", country="DE")
    golf = fact(model="Golf", plant=wolfsburg, status="ongoing")
    id_golf = later(model="ID. Golf", plant=wolfsburg, status="planned", start="2029")
    assert only(diff_article([id_golf], [golf])).kind == ChangeKind.NEW


def test_company_and_person_names() -> None:
    assert same_company("Renault Korea", "Renault Korea Motors")
    assert not same_company("Volkswagen", "Volkswagen Group")
    assert same_person("Farley", "Jim Farley")
    assert same_person("Luca de Meo", "Lucas Di Meo")
    assert same_person("Song Ho-sung", "Ho-sung Song")
    assert not same_person("Jim Farley", "John Farley")
    assert not same_person("Thomas Schäfer", "Oliver Blume")


def test_plant_status_date_changes_with_its_status() -> None:
    plant = Plant(operator="VinFast", region="North Carolina", country="US")
    stored = fact(FactType.PLANT_STATUS, plant=plant, status="planned", date="2025")
    building = later_of(
        FactType.PLANT_STATUS, plant=plant, status="under_construction", date="2023-07-28"
    )
    change = only(diff_article([building], [stored]))
    assert (change.field, change.old, change.new) == ("status", "planned", "under_construction")
    same_status = later_of(FactType.PLANT_STATUS, plant=plant, status="planned", date="2027")
    assert only(diff_article([same_status], [stored])).field == "date"


def test_two_amounts_in_one_article_are_two_scopes() -> None:
    plant = Plant(operator="VinFast", region="North Carolina", country="US")
    first = [
        fact(FactType.INVESTMENT, plant=plant, company="VinFast", value=4e9, currency="USD"),
        fact(FactType.INVESTMENT, plant=plant, company="VinFast", value=2e9, currency="USD"),
    ]
    plan = plan_article(first, [])
    assert [c.kind for c in plan.changes] == [ChangeKind.NEW, ChangeKind.NEW]
    stored = [u.fact for u in plan.updates]
    phase = later_of(FactType.INVESTMENT, plant=plant, company="VinFast", value=2e9)
    assert only(diff_article([phase], stored)).kind == ChangeKind.CONFIRMED


def test_a_plant_and_its_country_in_one_article_are_one_fact() -> None:
    facts = [
        fact(model="Polestar 4", plant=BUSAN, status="planned"),
        fact(model="Polestar 4", plant=Plant(country="KR"), status="planned", start="2025-mid"),
    ]
    change = only(diff_article(facts, []))
    assert change.kind == ChangeKind.NEW
    assert change.fact.plant == BUSAN and change.fact.start == d("2025-mid")


def test_new_changes_carry_the_headline_value() -> None:
    plant = Plant(operator="Ford", city="Oakville", country="CA")
    capacity = only(diff_article([fact(FactType.PLANT_CAPACITY, plant=plant, value=100_000)], []))
    assert capacity.new == 100_000
    boss = only(
        diff_article(
            [fact(FactType.EXECUTIVE, company="Ford", role="CEO", person="Jim Farley")], []
        )
    )
    assert boss.new == "Jim Farley"


def test_operator_and_country_alone_link_only_to_the_one_plant_they_can_mean() -> None:
    wolfsburg = Plant(operator="Volkswagen", city="Wolfsburg", country="DE")
    zwickau = Plant(operator="Volkswagen", city="Zwickau", country="DE")
    germany = Plant(name="Standorte in Deutschland", operator="Volkswagen", country="DE")
    stored = [
        fact(model="ID.3", plant=wolfsburg, status="planned"),
        fact(model="ID.3", plant=zwickau, status="ongoing"),
    ]
    vague = later(model="ID.3", plant=germany, status="moved")
    assert only(diff_article([vague], stored)).kind == ChangeKind.NEW  # which plant? unknown
    tesla = Plant(operator="Tesla", city="Grünheide", country="DE")
    status = fact(FactType.PLANT_STATUS, plant=tesla, status="paused")
    again = later_of(
        FactType.PLANT_STATUS, plant=Plant(operator="Tesla", country="DE"), status="operating"
    )
    change = only(diff_article([again], [status]))
    assert (change.field, change.old, change.new) == ("status", "paused", "operating")
    # with a second Tesla plant in Germany known, the vague mention links to neither
    berlin = fact(
        FactType.PLANT_CAPACITY, plant=Plant(operator="Tesla", city="Berlin", country="DE"), value=1
    )
    assert only(diff_article([again], [status, berlin])).kind == ChangeKind.NEW
