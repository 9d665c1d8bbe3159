"""The diff on real-world cases: each dev timeline's gold facts, article by article,
through a fresh SQLite store; every expected change must be reported.

Spurious alerts (alert=True changes no expectation names) are false alarms of the
diff given perfect facts; each timeline has a budget so a regression fails.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from factwatch.model import Article, Change
from factwatch.store import Store
from factwatch.timelines import check_timeline, gold_facts, gold_source, run_timelines

pytestmark = pytest.mark.shared

TIMELINES = [
    "flins_renault_zoe",
    "ford_oakville",
    "gm_orion_assembly",
    "hambach_ineos_grenadier",
    "hyundai_metaplant_georgia",
    "leapmotor_tychy_zaragoza",
    "mirafiori_fiat_500_hybrid",
    "onnaing_toyota_yaris_cross",
    "polestar3_chengdu_ridgeville",
    "renault5_douai",
    "tesla_gruenheide",
    "vinfast_north_carolina",
    "vw_id3_wolfsburg_zwickau",
]

# Remaining false alarms per timeline given the gold facts (see the report).
SPURIOUS_BUDGET: dict[str, int] = dict.fromkeys(TIMELINES, 0)


def replay(dev: Path, timeline: dict, store: Store) -> dict[str, list[Change]]:
    out: dict[str, list[Change]] = {}
    for name in timeline["articles"]:
        gold = json.loads((dev / "gold" / Path(name).with_suffix(".json")).read_text("utf-8"))
        text = (dev / "articles" / name).read_text("utf-8")
        article = Article(text=text, source=gold_source(gold), lang=gold.get("lang"))
        result = store.record(article, gold_facts(gold))
        assert not result.duplicate, name
        out[name] = result.changes
    return out


def describe(change: Change) -> str:
    def form(v: object) -> object:
        return getattr(v, "label", v) if not callable(getattr(v, "label", None)) else v.label()

    return (
        f"{change.kind} {change.fact.title()} {change.field}: "
        f"{form(change.old)!r} → {form(change.new)!r}"
    )


@pytest.mark.parametrize("name", TIMELINES)
def test_gold_timeline(name: str, shared_dir: Path, tmp_path: Path) -> None:
    dev = shared_dir / "dev"
    timeline = json.loads((dev / "timelines" / f"{name}.json").read_text("utf-8"))
    store = Store.open(f"sqlite:///{tmp_path / 'fw.db'}")
    try:
        changes = replay(dev, timeline, store)
        # articles came in published order: replaying the assertions gives the same state
        live = sorted(json.dumps(f.to_json(), sort_keys=True) for f in store.current_facts())
        replayed = store.current_facts(as_of=date(2100, 1, 1))
        assert live == sorted(json.dumps(f.to_json(), sort_keys=True) for f in replayed)
    finally:
        store.close()
    report = check_timeline(timeline, changes)
    detail = "\n".join(
        [*(f"MISSING {e.describe()}" for e in report.missing)]
        + [f"SPURIOUS after {a}: {describe(c)}" for a, c in report.spurious]
    )
    print(f"{name}: {report.summary()}\n{detail}")
    assert not report.missing, detail
    assert len(report.spurious) <= SPURIOUS_BUDGET.get(name, 0), detail


def test_run_timelines_with_gold_facts(shared_dir: Path) -> None:
    dev = shared_dir / "dev"
    report = run_timelines(dev / "timelines", articles_dir=dev / "articles", gold_dir=dev / "gold")
    assert report.problems == ()
    assert (report.found, report.expected, report.spurious) == (71, 71, 0)
    assert report.to_text().startswith("timelines: 71/71 expected changes found, 0 spurious")
    assert json.loads(json.dumps(report.to_json()))["recall"] == 1.0


def test_a_missing_change_and_a_false_alarm_are_reported(shared_dir: Path, tmp_path: Path) -> None:
    """The checker can fail: drop the slip article's facts, add a made-up change."""
    dev = shared_dir / "dev"
    timeline = json.loads((dev / "timelines" / "gm_orion_assembly.json").read_text("utf-8"))
    store = Store.open(f"sqlite:///{tmp_path / 'fw.db'}")
    try:
        changes = replay(dev, timeline, store)
    finally:
        store.close()
    slip = "121_bauaelectric_gm_orion_ev_trucks_mid2026.txt"
    kept = [c for c in changes[slip] if c.field != "start"]
    bogus = next(c for c in changes[slip] if c.field == "start")
    changes[slip] = [*kept, replace(bogus, field="end")]
    report = check_timeline(timeline, changes)
    assert len(report.missing) == 2
    assert {e.model for e in report.missing} == {"Chevrolet Silverado EV", "GMC Sierra EV"}
    assert [c.field for _, c in report.spurious] == ["end"]
