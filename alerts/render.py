"""Turning a change into words a planner reads at a glance. Pure: no I/O, no clock.

`headline(change)` is the one line ("Polestar 3 · South Carolina (US): start of
production slipped summer 2024 → H1 2025 (+6 months)"); `alert_view(change)` adds
the quoted evidence (new and, for a change, old), the sources with their dates, the
confidence and the Prefect run link. Channels format an `AlertView` their own way
(Slack mrkdwn, email text and HTML, console).

Outbox payloads are `Change.to_json()` dicts; `change_from_payload` reads them back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from factwatch.model import Change, ChangeKind, Fact, FactType, FuzzyDate, Plant

__all__ = [
    "AlertView",
    "Quote",
    "alert_view",
    "change_from_payload",
    "date_words",
    "digest_title",
    "headline",
    "plain_text",
]

DATE_FIELDS = frozenset({"start", "end", "date"})
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_PART_WORDS = {"early": "early {y}", "mid": "mid-{y}", "late": "late {y}"}
_PLANT_STATUS_WORDS = {
    "planned": "plant planned",
    "under_construction": "plant under construction",
    "opened": "plant opened",
    "operating": "plant operating",
    "closing": "plant closing",
    "closed": "plant closed",
    "paused": "plant paused",
    "sold": "plant sold",
}
_PRODUCTION_STATUS_WORDS = {
    "planned": "production planned",
    "started": "production started",
    "ongoing": "in production",
    "ended": "production ended",
    "cancelled": "production cancelled",
    "paused": "production paused",
    "moved": "production moved away",
}
_DATE_FIELD_WORDS = {"start": "start of production", "end": "end of production"}
_PLANT_DATE_WORDS = {
    "planned": "opening",
    "under_construction": "opening",
    "opened": "opening",
    "closing": "closure",
    "closed": "closure",
    "paused": "pause",
    "sold": "sale",
}


@dataclass(frozen=True, slots=True)
class Quote:
    """An evidence sentence and where it was read."""

    sentence: str
    link: str | None  # the article's URL, or its path for a seed/rerun file
    publisher: str | None
    published: str

    def attribution(self) -> str:
        who = self.publisher or "source"
        return f"{who}, {self.published}"


@dataclass(frozen=True, slots=True)
class AlertView:
    """Everything a channel shows for one change."""

    headline: str
    kind: ChangeKind
    type: FactType
    field: str | None
    new: Quote
    old: Quote | None
    confidence: float
    run_url: str | None = None
    key: str | None = None  # the outbox key, when rendered from the outbox


# --------------------------------------------------------------------------- words


def date_words(value: FuzzyDate | None) -> str:
    """A DATE label in words: "summer 2024", "H1 2025", "mid-2024", "November 2025"."""
    if value is None:
        return "unknown"
    label = value.label
    year, _, rest = label.partition("-")
    if not rest:
        return year
    if rest in ("H1", "H2") or (rest.startswith("Q") and len(rest) == 2):
        return f"{rest} {year}"
    if rest in _PART_WORDS:
        return _PART_WORDS[rest].format(y=year)
    if rest in ("spring", "summer", "autumn", "winter"):
        return f"{rest} {year}"
    month, _, day = rest.partition("-")
    if month.isdigit() and 1 <= int(month) <= 12:
        name = _MONTHS[int(month) - 1]
        return f"{int(day)} {name} {year}" if day.isdigit() else f"{name} {year}"
    return value.text or label


def number_words(value: Any) -> str:
    """12000 → "12,000"; 1.5e9 → "1.5 billion"; None → "unknown"."""
    if value is None:
        return "unknown"
    if not isinstance(value, int | float):
        return str(value)
    number = float(value)
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(number) >= size:
            return f"{number / size:,.3g} {word}"
    if number.is_integer():
        return f"{int(number):,}"
    return f"{number:,.2f}".rstrip("0").rstrip(".")


def _pct(old: Any, new: Any) -> str:
    if not isinstance(old, int | float) or not isinstance(new, int | float) or old == 0:
        return ""
    pct = (float(new) - float(old)) / abs(float(old)) * 100
    sign = "+" if pct >= 0 else "−"
    return f" ({sign}{abs(pct):.0f} %)"


def _months(months: int | None) -> str:
    if months is None:
        return ""
    unit = "month" if abs(months) == 1 else "months"
    return f" ({months:+d} {unit})".replace("-", "−")


def _model(fact: Fact) -> str:
    model = fact.model or "?"
    if fact.brand and not model.casefold().startswith(fact.brand.casefold()):
        return f"{fact.brand} {model}"
    return model


def _plant(plant: Plant | None) -> str:
    return plant.label() if plant else "?"


def subject_of(fact: Fact) -> str:
    """What the change is about: "Polestar 3 · South Carolina (US)", "VinFast · North Carolina (US)"."""
    match fact.type:
        case FactType.PRODUCTION:
            return f"{_model(fact)} · {_plant(fact.plant)}"
        case FactType.PLANT_CAPACITY | FactType.PLANT_WORKFORCE | FactType.PLANT_STATUS:
            operator = fact.plant.operator if fact.plant else None
            place = _plant(fact.plant)
            return f"{operator} · {place}" if operator else place
        case FactType.INVESTMENT:
            return f"{fact.company or '?'} · {_plant(fact.plant)}"
        case FactType.EXECUTIVE:
            return fact.company or "?"
        case FactType.AGREEMENT:
            return " / ".join(fact.parties) or "?"
    return fact.title()


def _value_words(fact: Fact, field: str | None, value: Any) -> str:
    """A field's value in words, for 'from → to' lines."""
    if isinstance(value, FuzzyDate):
        return date_words(value)
    if isinstance(value, Plant):
        return value.label()
    if field == "value":
        unit = _unit(fact)
        words = number_words(value)
        return f"{words} {unit}".rstrip() if value is not None else words
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value)) or "none"
    if value is None:
        return "unknown"
    return str(value).replace("_", " ")


def _unit(fact: Fact) -> str:
    match fact.type:
        case FactType.PLANT_CAPACITY:
            return fact.unit or "vehicles/year"
        case FactType.PLANT_WORKFORCE:
            return "employees"
        case FactType.INVESTMENT:
            return fact.currency or ""
    return fact.unit or ""


def _field_words(fact: Fact, field: str) -> str:
    if fact.type == FactType.PRODUCTION and field in _DATE_FIELD_WORDS:
        return _DATE_FIELD_WORDS[field]
    if fact.type == FactType.PLANT_STATUS and field == "date":
        return f"{_PLANT_DATE_WORDS.get(fact.status or '', 'status')} date"
    if field == "value":
        return {
            FactType.PLANT_CAPACITY: "capacity",
            FactType.PLANT_WORKFORCE: "workforce",
            FactType.INVESTMENT: "investment",
        }.get(fact.type, "value")
    if field == "person":
        return fact.role or "person"
    return field.replace("_", " ")


def _status_words(fact: Fact, status: Any) -> str:
    words = _PLANT_STATUS_WORDS if fact.type == FactType.PLANT_STATUS else _PRODUCTION_STATUS_WORDS
    return words.get(str(status), str(status).replace("_", " "))


def _new_headline(fact: Fact) -> str:
    match fact.type:
        case FactType.PRODUCTION:
            text = f"New: {_model(fact)} at {_plant(fact.plant)}"
            if fact.status:
                text += f", {fact.status}"
            if fact.start:
                text += f", start {date_words(fact.start)}"
            return text
        case FactType.PLANT_STATUS:
            text = f"New plant: {subject_of(fact)}"
            if fact.status:
                text += f", {fact.status.replace('_', ' ')}"
            if fact.date:
                text += f" ({_field_words(fact, 'date')} {date_words(fact.date)})"
            return text
        case FactType.PLANT_CAPACITY | FactType.PLANT_WORKFORCE | FactType.INVESTMENT:
            return f"{subject_of(fact)}: {_field_words(fact, 'value')} {_value_words(fact, 'value', fact.value)}"
        case FactType.EXECUTIVE:
            return f"{subject_of(fact)}: {fact.role or 'executive'} is {fact.person or '?'}"
        case FactType.AGREEMENT:
            text = f"New agreement: {subject_of(fact)}"
            if fact.subject:
                text += f" — {fact.subject}"
            if fact.date:
                text += f" ({date_words(fact.date)})"
            return text
    return f"New: {fact.title()}"


def _changed_headline(change: Change) -> str:
    fact, field = change.fact, change.field or ""
    subject = subject_of(fact)
    old, new = change.old, change.new
    if field in DATE_FIELDS:
        what = _field_words(fact, field)
        if old is None:
            return f"{subject}: {what} set for {_value_words(fact, field, new)}"
        if new is None:
            return f"{subject}: {what} no longer stated (was {_value_words(fact, field, old)})"
        months = change.months
        verb = "slipped" if (months or 0) > 0 else "pulled in" if (months or 0) < 0 else "moved"
        return (
            f"{subject}: {what} {verb} {_value_words(fact, field, old)} → "
            f"{_value_words(fact, field, new)}{_months(months)}"
        )
    if field == "status":
        text = f"{subject}: {_status_words(fact, new)}"
        if old is not None:
            text += f" (was {str(old).replace('_', ' ')})"
        return text
    if field == "plant":
        return f"{_model(fact)} moved: {_value_words(fact, field, old)} → {_value_words(fact, field, new)}"
    if field == "person":
        text = f"{subject}: new {fact.role or 'executive'} {new or '?'}"
        return text + (f" (was {old})" if old else "")
    if field == "value":
        what = _field_words(fact, field)
        if old is None:
            return f"{subject}: {what} {_value_words(fact, field, new)}"
        return f"{subject}: {what} {number_words(old)} → {_value_words(fact, field, new)}{_pct(old, new)}"
    return f"{subject}: {_field_words(fact, field)} {_value_words(fact, field, old)} → {_value_words(fact, field, new)}"


def headline(change: Change) -> str:
    """One line a planner reads at a glance (plain text; channels escape it)."""
    match change.kind:
        case ChangeKind.NEW:
            return _new_headline(change.fact)
        case ChangeKind.CHANGED:
            return _changed_headline(change)
        case ChangeKind.REFINED:
            field = change.field or ""
            return (
                f"{subject_of(change.fact)}: {_field_words(change.fact, field)} refined "
                f"{_value_words(change.fact, field, change.old)} → {_value_words(change.fact, field, change.new)}"
            )
        case ChangeKind.CONFIRMED:
            said = change.field
            detail = (
                f" {_field_words(change.fact, said)} {_value_words(change.fact, said, change.new)}"
                if said
                else ""
            )
            who = change.fact.source.publisher or "another source"
            return f"{subject_of(change.fact)}: confirmed{detail} ({who})"
        case ChangeKind.STALE:
            return f"{subject_of(change.fact)}: older report (kept in history)"
    return subject_of(change.fact)


def _quote(fact: Fact) -> Quote:
    source = fact.source
    return Quote(
        sentence=" ".join(fact.evidence.sentence.split()),
        link=source.url or source.path,
        publisher=source.publisher,
        published=source.published,
    )


def alert_view(change: Change, *, run_url: str | None = None, key: str | None = None) -> AlertView:
    previous = change.previous
    old = _quote(previous) if previous is not None and change.kind != ChangeKind.NEW else None
    return AlertView(
        headline=headline(change),
        kind=change.kind,
        type=change.type,
        field=change.field,
        new=_quote(change.fact),
        old=old,
        confidence=change.fact.confidence,
        run_url=run_url,
        key=key,
    )


def digest_title(views: Sequence[AlertView]) -> str:
    count = len(views)
    noun = "update" if count == 1 else "updates"
    return f"factwatch digest: {count} {noun} (refinements, confirmations, minor changes)"


def plain_text(view: AlertView) -> str:
    """The alert as plain text (email text part, console JSON, logs)."""
    lines = [view.headline, ""]
    label = "Now" if view.old else "Evidence"
    lines += _quote_lines(label, view.new)
    if view.old:
        lines += _quote_lines("Before", view.old)
    lines.append(
        f"Confidence: {view.confidence:.2f} · {view.kind} {view.type}"
        + (f" ({view.field})" if view.field else "")
    )
    if view.run_url:
        lines.append(f"Prefect run: {view.run_url}")
    return "\n".join(lines)


def _quote_lines(label: str, quote: Quote) -> list[str]:
    lines = [f'{label}: "{quote.sentence}"', f"  — {quote.attribution()}"]
    if quote.link:
        lines[-1] += f", {quote.link}"
    return lines


# --------------------------------------------------------------------------- payloads


def change_from_payload(payload: Mapping[str, Any]) -> Change:
    """Read back `Change.to_json()` (extra keys ignored); ValueError when it is not one."""
    try:
        fact = Fact.from_json(payload["fact"])
        previous_data = payload.get("previous")
        previous = Fact.from_json(previous_data) if previous_data else None
        field = payload.get("field")
        months = payload.get("months")
        return Change(
            kind=ChangeKind(payload["kind"]),
            fact=fact,
            previous=previous,
            field=field,
            old=_form(field, payload.get("from")),
            new=_form(field, payload.get("to")),
            alert=bool(payload.get("alert", False)),
            months=int(months) if months is not None else None,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"not a change payload ({type(exc).__name__}: {exc})") from None


def _form(field: str | None, value: Any) -> Any:
    if isinstance(value, Mapping):
        if field in DATE_FIELDS:
            return FuzzyDate.from_json(value)
        if field == "plant":
            return Plant.from_json(value)
    if field in DATE_FIELDS and isinstance(value, str):
        return FuzzyDate.from_label(value)
    return value
