"""Timeline checking: the changes a run reported against a dev timeline's expectations.

Pure: a timeline (the JSON of shared/dev/timelines/*.json) and the changes reported
after each article in, a `TimelineReport` out. The matching follows shared/dev's
README: by article (`after`), type, model (forgiving: with or without the brand) and
plant (`plant_city` / `plant_region` / `plant_country` / `plant_operator`: city when
the expectation gives one, or region when the change's plant has no city; else
region; else operator; else country; countries never contradict), field
(`new_model` = a `new` production change) and the new value (date label, status
with started = ongoing, number within 5 %, plant by city/region/country/name for
field `plant`).

Equivalent reports that the timelines' notes accept are accepted too:
- a move reported as `plant` (old → new) for an expected status `moved` at the old
  plant, and a `new` fact at the destination for an expected `plant` change;
- a `new` fact that states the value for an expected change "from null" (e.g. a
  first start date at a plant named only by its country).

`spurious` are the alert=True changes no expectation matched and that are false
alarms: a `changed`, or a `new` for something an earlier article already reported
(a link the store missed). A `new` for something never seen before is a first value,
which the timelines deliberately do not list: those go to `first_seen`.
`gold_facts(gold_json)` turns a gold file's facts (dates as labels, no evidence)
into `Fact`s. `run_timelines(dir, articles_dir=…)` is the thin shell the CLI's
`eval --timelines` uses: each timeline's articles through the extractor (or the
gold facts) and a fresh in-memory store.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factwatch import evaluate
from factwatch.diff import plant_name_words, same_model
from factwatch.model import (
    Article,
    Change,
    ChangeKind,
    Evidence,
    Fact,
    FactType,
    FuzzyDate,
    Plant,
    Source,
    fold,
)

__all__ = [
    "VALUE_TOLERANCE",
    "ExpectedChange",
    "TimelineReport",
    "TimelinesReport",
    "check_timeline",
    "expected_changes",
    "gold_facts",
    "gold_source",
    "plant_matches",
    "report_to_json",
    "run_timelines",
    "same_thing",
]

VALUE_TOLERANCE = 0.05
_EQUIVALENT_STATUS = ({"started", "ongoing"},)


@dataclass(frozen=True, slots=True)
class ExpectedChange:
    """One entry of a timeline's `expected_changes`."""

    after: str
    type: FactType
    field: str
    old: Any
    new: Any
    model: str | None = None
    plant: Plant | None = None
    start: str | None = None  # an attribute the new fact must carry (label)
    note: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ExpectedChange:
        plant_keys = ("city", "region", "country", "operator")
        plant = None
        if any(data.get(f"plant_{k}") for k in plant_keys):
            plant = Plant(**{k: data.get(f"plant_{k}") for k in plant_keys})
        return cls(
            after=str(data["after"]),
            type=FactType(data["type"]),
            field=str(data["field"]),
            old=data.get("from"),
            new=data.get("to"),
            model=data.get("model"),
            plant=plant,
            start=data.get("start"),
            note=data.get("note"),
        )

    def describe(self) -> str:
        where = self.plant.label() if self.plant else "?"
        what = f"{self.model} · {where}" if self.model else where
        return f"after {self.after}: {self.type} {what} {self.field} {self.old!r} → {self.new!r}"


@dataclass(frozen=True, slots=True)
class TimelineReport:
    found: list[tuple[ExpectedChange, Change]] = field(default_factory=list)
    missing: list[ExpectedChange] = field(default_factory=list)
    spurious: list[tuple[str, Change]] = field(default_factory=list)
    first_seen: list[tuple[str, Change]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.missing

    def summary(self) -> str:
        expected = len(self.found) + len(self.missing)
        return (
            f"{len(self.found)}/{expected} expected changes found, "
            f"{len(self.spurious)} spurious alerts, {len(self.first_seen)} first-seen facts"
        )


# --------------------------------------------------------------------------- gold


def gold_source(gold: Mapping[str, Any]) -> Source:
    return Source(
        published=str(gold["published"]),
        url=gold.get("url"),
        path=gold.get("article"),
        publisher=gold.get("publisher"),
    )


def gold_facts(gold: Mapping[str, Any]) -> list[Fact]:
    """A gold file's facts as `Fact`s (source from the file, empty evidence)."""
    source = gold_source(gold)
    out: list[Fact] = []
    for data in gold.get("facts", ()):
        fact = Fact.from_json({**data, "source": source.to_json(), "confidence": 1.0})
        out.append(fact.with_(evidence=Evidence(sentence="", start=0, end=0)))
    return out


def expected_changes(timeline: Mapping[str, Any]) -> list[ExpectedChange]:
    return [ExpectedChange.from_json(e) for e in timeline.get("expected_changes", ())]


# --------------------------------------------------------------------------- matching


def plant_matches(expected: Plant, got: Plant | None) -> bool:
    """The eval's plant rule (`factwatch.evaluate.plant_matches`), `expected` being
    the gold side: city (English or local form), else region, else operator, else
    country; countries never contradict."""
    if got is None:
        return False
    return evaluate.plant_matches(_plant_form(expected), _plant_form(got))


def _plant_form(plant: Plant) -> dict[str, Any]:
    return {k: v for k, v in plant.to_json().items() if v}


def _model_matches(expected: str | None, fact: Fact) -> bool:
    """The eval's model rule ("VF 8" = "VinFast VF 8", the KB's aliases), or the
    diff's (the fact's brand or plant operator before the name)."""
    if expected is None:
        return True
    if fact.model is None:
        return False
    return evaluate.model_matches(expected, fact.model) or same_model(
        fact.with_(model=expected, brand=None), fact
    )


def _status_equal(a: Any, b: Any) -> bool:
    if a == b:
        return True
    return any({a, b} <= group for group in _EQUIVALENT_STATUS)


def _value_matches(field_name: str, expected: Any, got: Any) -> bool:
    if expected is None:
        return got is None
    if got is None:
        return False
    if isinstance(got, FuzzyDate):
        return got.label == str(expected)
    if isinstance(got, Plant):
        wanted = fold(str(expected))
        names = (got.city, got.region, got.country, got.name, got.kb_id)
        return any(fold(n) == wanted for n in names if n)
    if isinstance(got, int | float) and isinstance(expected, int | float):
        return abs(got - expected) <= VALUE_TOLERANCE * max(abs(expected), abs(got))
    if field_name == "status":
        return _status_equal(str(expected), str(got))
    return fold(str(expected)) == fold(str(got))


def _identity_matches(exp: ExpectedChange, fact: Fact | None) -> bool:
    if fact is None or fact.type != exp.type or not _model_matches(exp.model, fact):
        return False
    return exp.plant is None or plant_matches(exp.plant, fact.plant)


def _start_ok(exp: ExpectedChange, fact: Fact) -> bool:
    return exp.start is None or (fact.start is not None and fact.start.label == exp.start)


def change_matches(exp: ExpectedChange, change: Change) -> bool:
    """Whether `change` reports `exp` (the article is checked by the caller)."""
    if exp.field == "new_model":
        return (
            change.kind == ChangeKind.NEW
            and _identity_matches(exp, change.fact)
            and _status_equal(exp.new, change.fact.status)
            and _start_ok(exp, change.fact)
        )
    if change.kind == ChangeKind.CHANGED and change.field == exp.field:
        return _identity_matches(exp, change.fact) and _value_matches(
            exp.field, exp.new, change.new
        )
    # accepted equivalents (see module docstring)
    if exp.field == "status" and exp.new == "moved" and change.field == "plant":
        return change.kind == ChangeKind.CHANGED and _identity_matches(
            exp, change.previous.with_(plant=change.old) if change.previous else None
        )
    if exp.field == "plant" and change.kind == ChangeKind.NEW:
        return _identity_matches(exp, change.fact)
    if exp.old is None and change.kind == ChangeKind.NEW and _identity_matches(exp, change.fact):
        value = getattr(change.fact, exp.field, None)
        return _value_matches(exp.field, exp.new, value)
    return False


def check_timeline(
    timeline: Mapping[str, Any], changes_by_article: Mapping[str, Sequence[Change]]
) -> TimelineReport:
    """Match the changes reported after each article against the expected ones."""
    report = TimelineReport()
    used: set[tuple[str, int]] = set()
    for exp in expected_changes(timeline):
        candidates = changes_by_article.get(exp.after, ())
        hit = next(
            (
                (i, c)
                for i, c in enumerate(candidates)
                if (exp.after, i) not in used and change_matches(exp, c)
            ),
            None,
        )
        if hit is None:
            report.missing.append(exp)
        else:
            used.add((exp.after, hit[0]))
            report.found.append((exp, hit[1]))
    earlier: list[Fact] = []
    for article in timeline.get("articles", ()):
        reported = changes_by_article.get(article, ())
        for i, change in enumerate(reported):
            if not change.alert or (article, i) in used:
                continue
            if change.kind == ChangeKind.NEW and not any(
                same_thing(change.fact, seen) for seen in earlier
            ):
                report.first_seen.append((article, change))
            else:
                report.spurious.append((article, change))
        for change in reported:
            earlier.append(change.fact)
            if change.previous is not None:
                earlier.append(change.previous)
    return report


def _names_disjoint(a: Plant, b: Plant) -> bool:
    """Two distinctive plant names that share nothing ("Factory Zero", "Orion Assembly")."""
    na, nb = plant_name_words(a), plant_name_words(b)
    return bool(na and nb and not na & nb)


def same_thing(fact: Fact, seen: Fact) -> bool:
    """The eval's identity rule: would `fact` be matched to the earlier `seen`?"""
    if fact.type != seen.type:
        return False
    plant_ok = (
        seen.plant is not None
        and fact.plant is not None
        and plant_matches(seen.plant, fact.plant)
        and not _names_disjoint(seen.plant, fact.plant)
    )
    match fact.type:
        case FactType.PRODUCTION:
            return plant_ok and seen.model is not None and _model_matches(seen.model, fact)
        case FactType.PLANT_CAPACITY | FactType.PLANT_WORKFORCE | FactType.PLANT_STATUS:
            return plant_ok
        case FactType.INVESTMENT:
            return plant_ok and evaluate.company_matches(fact.company, seen.company)
        case FactType.EXECUTIVE:
            return evaluate.company_matches(fact.company, seen.company) and fold(fact.role) == fold(
                seen.role
            )
        case FactType.AGREEMENT:
            common = sum(
                1 for p in fact.parties if any(evaluate.company_matches(p, q) for q in seen.parties)
            )
            return common >= 2
    return False


# --------------------------------------------------------------------------- runs
# The thin shell: read a timelines directory, feed each timeline's articles through
# an extractor (or the gold facts) and a fresh store, check the result.


def _change_line(change: Change) -> str:
    def form(value: Any) -> Any:
        if isinstance(value, FuzzyDate):
            return value.label
        if isinstance(value, Plant):
            return value.label()
        return value

    what = f"{change.kind} {change.fact.title()}"
    return f"{what} {change.field}: {form(change.old)!r} → {form(change.new)!r}"


def report_to_json(name: str, report: TimelineReport) -> dict[str, Any]:
    return {
        "timeline": name,
        "found": len(report.found),
        "expected": len(report.found) + len(report.missing),
        "missing": [e.describe() for e in report.missing],
        "spurious": [f"after {a}: {_change_line(c)}" for a, c in report.spurious],
        "first_seen": len(report.first_seen),
    }


@dataclass(frozen=True, slots=True)
class TimelinesReport:
    """Every timeline of a directory, checked."""

    timelines: tuple[tuple[str, TimelineReport], ...] = ()
    problems: tuple[str, ...] = ()

    @property
    def found(self) -> int:
        return sum(len(r.found) for _, r in self.timelines)

    @property
    def expected(self) -> int:
        return sum(len(r.found) + len(r.missing) for _, r in self.timelines)

    @property
    def spurious(self) -> int:
        return sum(len(r.spurious) for _, r in self.timelines)

    def to_json(self) -> dict[str, Any]:
        return {
            "found": self.found,
            "expected": self.expected,
            "recall": round(self.found / self.expected, 3) if self.expected else None,
            "spurious": self.spurious,
            "timelines": [report_to_json(n, r) for n, r in self.timelines],
            "problems": list(self.problems),
        }

    def to_text(self) -> str:
        lines = [
            f"timelines: {self.found}/{self.expected} expected changes found, "
            f"{self.spurious} spurious alerts"
        ]
        for name, report in self.timelines:
            lines.append(f"  {name}: {report.summary()}")
            lines += [f"    missing  {e.describe()}" for e in report.missing]
            lines += [f"    spurious after {a}: {_change_line(c)}" for a, c in report.spurious]
        lines += [f"  problem: {p}" for p in self.problems]
        return "\n".join(lines)


def run_timelines(
    timelines: Path,
    *,
    articles_dir: Path,
    extract: Callable[[Article], Iterable[Fact]] | None = None,
    gold_dir: Path | None = None,
) -> TimelinesReport:
    """Check every `*.json` timeline of `timelines`: its articles (from
    `articles_dir`) in order through `extract` (default: the extractor; with
    `gold_dir`: the gold facts instead) and a fresh in-memory store.

    An unreadable timeline or article, or an extractor failure, is a problem line;
    the other articles and timelines go on.
    """
    from factwatch.store import Store  # the shell's dependency, not the checker's

    if extract is None and gold_dir is None:
        # looked up at run time: the extractor package is the extractor engineer's
        extract = importlib.import_module("extractors").extract
    done: list[tuple[str, TimelineReport]] = []
    problems: list[str] = []
    for path in sorted(timelines.glob("*.json")):
        try:
            timeline = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            problems.append(f"{path}: unreadable timeline ({exc})")
            continue
        changes: dict[str, list[Change]] = {}
        store = Store.open("sqlite://")
        try:
            for name in timeline.get("articles", ()):
                try:
                    article, facts = _load(name, articles_dir, extract, gold_dir)
                except Exception as exc:  # one article's failure is reported, the run goes on
                    problems.append(f"{path.stem}: {name}: {type(exc).__name__}: {exc}")
                    continue
                changes[name] = store.record(article, facts).changes
        finally:
            store.close()
        done.append((path.stem, check_timeline(timeline, changes)))
    return TimelinesReport(timelines=tuple(done), problems=tuple(problems))


def _load(
    name: str,
    articles_dir: Path,
    extract: Callable[[Article], Iterable[Fact]] | None,
    gold_dir: Path | None,
) -> tuple[Article, list[Fact]]:
    if gold_dir is not None:
        gold = json.loads((gold_dir / Path(name).with_suffix(".json")).read_text("utf-8"))
        text = (articles_dir / name).read_text(encoding="utf-8")
        return Article(text=text, source=gold_source(gold), lang=gold.get("lang")), gold_facts(gold)
    from factwatch.articles import read_article

    article = read_article(articles_dir / name)
    assert extract is not None
    return article, list(extract(article))
