"""Plain-text forms of facts and changes for the CLI (pure; no I/O)."""

from __future__ import annotations

from typing import Any

from factwatch.model import Change, ChangeKind, Fact, FactType, FuzzyDate, Plant

__all__ = [
    "change_summary",
    "changes_markdown",
    "changes_table",
    "describe_value",
    "fact_summary",
    "plant_text",
]


def plant_text(plant: Plant | None) -> str:
    if plant is None:
        return "?"
    place = ", ".join(p for p in (plant.city, plant.region, plant.country) if p)
    name = plant.name or plant.operator
    if name and place:
        return f"{name} ({place})"
    return name or place or "?"


def describe_value(value: Any) -> str:
    """A change's from/to as a reader wants it: labels, plant names, grouped numbers."""
    if value is None:
        return "—"
    if isinstance(value, FuzzyDate):
        return value.label
    if isinstance(value, Plant):
        return value.label()
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    return str(value)


def _number(value: float | None) -> str:
    return describe_value(value) if value is not None else "?"


def fact_summary(fact: Fact) -> str:
    """One line: what the fact says, without its evidence."""
    match fact.type:
        case FactType.PRODUCTION:
            parts = [f"{fact.model} at {plant_text(fact.plant)}: {fact.status or '?'}"]
            if fact.start:
                parts.append(f"start {fact.start.label}")
            if fact.end:
                parts.append(f"end {fact.end.label}")
            if fact.markets:
                parts.append("markets " + ", ".join(fact.markets))
            return "; ".join(parts)
        case FactType.PLANT_CAPACITY:
            return f"{plant_text(fact.plant)}: capacity {_number(fact.value)} {fact.unit or ''}".rstrip()
        case FactType.PLANT_WORKFORCE:
            return f"{plant_text(fact.plant)}: {_number(fact.value)} employees"
        case FactType.PLANT_STATUS:
            when = f" ({fact.date.label})" if fact.date else ""
            return f"{plant_text(fact.plant)}: {fact.status}{when}"
        case FactType.INVESTMENT:
            return (
                f"{fact.company} invests {_number(fact.value)} {fact.currency or ''} "
                f"in {plant_text(fact.plant)}"
            )
        case FactType.EXECUTIVE:
            return f"{fact.person}, {fact.role} of {fact.company}"
        case FactType.AGREEMENT:
            when = f" ({fact.date.label})" if fact.date else ""
            return f"{' + '.join(fact.parties)}: {fact.subject or 'agreement'}{when}"
    return fact.type.value


def change_summary(change: Change) -> str:
    """One line for a change: 'Polestar 3 · South Carolina (US): start 2024-summer → 2025-H1 (+6 months)'."""
    head = change.fact.title()
    if change.kind is ChangeKind.NEW:
        return f"{head}: {fact_summary(change.fact)}"
    months = ""
    if change.months:
        months = f" ({change.months:+d} months)"
    field = change.field or "value"
    return f"{head}: {field} {describe_value(change.old)} → {describe_value(change.new)}{months}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def _link(fact: Fact) -> str:
    src = fact.source
    where = src.url or src.path or ""
    label = f"{src.publisher or 'source'}, {src.published}"
    return f"[{_cell(label)}]({where})" if src.url else _cell(f"{label} {where}")


def changes_table(changes: list[Change]) -> list[dict[str, str]]:
    """Rows for a Prefect table artifact: one per change."""
    return [
        {
            "kind": change.kind.value,
            "alert": "yes" if change.alert else "",
            "type": change.type.value,
            "what": change.fact.title(),
            "field": change.field or "",
            "from": describe_value(change.old),
            "to": describe_value(change.new),
            "evidence": change.fact.evidence.sentence.strip(),
            "source": change.fact.source.url or change.fact.source.path or "",
            "published": change.fact.source.published,
        }
        for change in changes
    ]


def changes_markdown(changes: list[Change], *, title: str) -> str:
    """A Markdown report of a run's changes: old → new, evidence, links."""
    lines = [f"# {_cell(title)}", ""]
    if not changes:
        lines.append("No changes in this run.")
        return "\n".join(lines) + "\n"
    alerts = sum(1 for c in changes if c.alert)
    lines += [f"{len(changes)} changes, {alerts} alerted.", ""]
    lines += [
        "| kind | what | field | old → new | evidence (new) | evidence (old) |",
        "|---|---|---|---|---|---|",
    ]
    for change in changes:
        old_ev = ""
        if change.previous is not None:
            old_ev = f"“{_cell(change.previous.evidence.sentence)}” — {_link(change.previous)}"
        new_ev = f"“{_cell(change.fact.evidence.sentence)}” — {_link(change.fact)}"
        lines.append(
            f"| {change.kind.value}{' 🔔' if change.alert else ''} | {_cell(change.fact.title())} "
            f"| {change.field or ''} | {_cell(describe_value(change.old))} → "
            f"{_cell(describe_value(change.new))} | {new_ev} | {old_ev} |"
        )
    return "\n".join(lines) + "\n"
