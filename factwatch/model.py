"""The fact model: what the extractor emits, the diff compares and the store keeps.

Everything here is pure and immutable. JSON forms follow DESIGN.md exactly
(`Fact.to_json`, `Change.to_json`); `Fact.from_json` reads them back.
"""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any

__all__ = [
    "Article",
    "Change",
    "ChangeKind",
    "Evidence",
    "Fact",
    "FactKey",
    "FactType",
    "FuzzyDate",
    "Plant",
    "PlantStatus",
    "ProductionStatus",
    "Source",
    "fold",
]


class FactType(StrEnum):
    PRODUCTION = "production"
    PLANT_CAPACITY = "plant_capacity"
    PLANT_WORKFORCE = "plant_workforce"
    PLANT_STATUS = "plant_status"
    INVESTMENT = "investment"
    EXECUTIVE = "executive"
    AGREEMENT = "agreement"


class ProductionStatus(StrEnum):
    PLANNED = "planned"
    STARTED = "started"
    ONGOING = "ongoing"
    ENDED = "ended"
    CANCELLED = "cancelled"
    PAUSED = "paused"
    MOVED = "moved"


class PlantStatus(StrEnum):
    PLANNED = "planned"
    UNDER_CONSTRUCTION = "under_construction"
    OPENED = "opened"
    OPERATING = "operating"
    CLOSING = "closing"
    CLOSED = "closed"
    PAUSED = "paused"
    SOLD = "sold"


class ChangeKind(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    REFINED = "refined"
    CONFIRMED = "confirmed"
    STALE = "stale"


def fold(text: str | None) -> str:
    """Compare-form of a name: no accents, no case, no punctuation, single spaces."""
    if not text:
        return ""
    return _fold(text)


@functools.lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:  # names repeat endlessly across facts: fold each once
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", bare.casefold()).strip()


# --------------------------------------------------------------------------- dates

_LABEL_RE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<h>H[12])|(?P<q>Q[1-4])|(?P<part>early|mid|late)"
    r"|(?P<season>spring|summer|autumn|winter)|(?P<m>\d{2})(?:-(?P<d>\d{2}))?))?$"
)
_PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 14)}


def _month_end(year: int, month: int) -> date:
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """A date as news states it: `text` as written, a DESIGN.md `label`, and its bounds.

    `start`/`end` are the `from`/`to` of the JSON (inclusive ISO dates).
    """

    text: str
    label: str
    start: date
    end: date

    @classmethod
    def from_label(cls, label: str, text: str | None = None) -> FuzzyDate:
        """Build from a label such as `2024-early`; raises ValueError on a bad label."""
        match = _LABEL_RE.match(label)
        if not match:
            raise ValueError(f"not a date label: {label!r}")
        year = int(match["y"])
        if match["d"]:
            day = date(year, int(match["m"]), int(match["d"]))
            first, last = day, day
        elif match["m"]:
            month = int(match["m"])
            first, last = date(year, month, 1), _month_end(year, month)
        elif match["h"]:
            lo = 1 if match["h"] == "H1" else 7
            first, last = date(year, lo, 1), _month_end(year, lo + 5)
        elif match["q"]:
            lo = 3 * (int(match["q"][1]) - 1) + 1
            first, last = date(year, lo, 1), _month_end(year, lo + 2)
        elif match["part"]:
            lo, hi = _PART_MONTHS[match["part"]]
            first, last = date(year, lo, 1), _month_end(year, hi)
        elif match["season"]:
            lo, hi = _SEASON_MONTHS[match["season"]]
            first, last = date(year, lo, 1), _month_end(year, hi)
        else:
            first, last = date(year, 1, 1), date(year, 12, 31)
        return cls(text=text if text is not None else label, label=label, start=first, end=last)

    def overlaps(self, other: FuzzyDate) -> bool:
        return self.start <= other.end and other.start <= self.end

    def within(self, other: FuzzyDate) -> bool:
        """True when this interval lies inside `other` (and is not the same interval)."""
        inside = other.start <= self.start and self.end <= other.end
        return inside and (self.start, self.end) != (other.start, other.end)

    def months_after(self, other: FuzzyDate) -> int:
        """Signed whole months from `other`'s midpoint to this one's (a slip is > 0)."""

        def mid(d: FuzzyDate) -> float:
            return (d.start.year * 12 + d.start.month + d.end.year * 12 + d.end.month) / 2

        return round(mid(self) - mid(other))

    def to_json(self) -> dict[str, str]:
        return {
            "text": self.text,
            "label": self.label,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | str) -> FuzzyDate:
        if isinstance(data, str):
            return cls.from_label(data)
        return cls(
            text=str(data.get("text") or data["label"]),
            label=str(data["label"]),
            start=date.fromisoformat(str(data["from"])),
            end=date.fromisoformat(str(data["to"])),
        )


# --------------------------------------------------------------------------- parts


@dataclass(frozen=True, slots=True)
class Plant:
    """A plant as the article names it, linked to a knowledge-base entry when known.

    `kb_id` is the canonical id of the knowledge base's plant (None for a plant the
    knowledge base does not know). It is not part of DESIGN.md's JSON, but is carried
    as an extra key `id` so the store can link plants across articles.
    """

    name: str | None = None
    operator: str | None = None
    city: str | None = None
    region: str | None = None
    country: str | None = None
    kb_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "operator": self.operator,
            "city": self.city,
            "region": self.region,
            "country": self.country,
        }
        if self.kb_id:
            data["id"] = self.kb_id
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Plant:
        return cls(
            name=data.get("name"),
            operator=data.get("operator"),
            city=data.get("city"),
            region=data.get("region"),
            country=data.get("country"),
            kb_id=data.get("id"),
        )

    def label(self) -> str:
        """Short human form: "Busan (KR)", "South Carolina (US)"."""
        place = self.city or self.region or self.name or self.operator or "?"
        return f"{place} ({self.country})" if self.country else place

    def identity(self) -> str:
        """A stable key: the knowledge-base id, else the folded place."""
        if self.kb_id:
            return self.kb_id
        place = fold(self.city) or fold(self.region) or fold(self.name) or fold(self.operator)
        return f"{(self.country or '').lower()}:{place}"

    def same_place(self, other: Plant) -> bool:
        """Whether two mentions name the same plant (the eval's matching rule)."""
        if self.kb_id and other.kb_id:
            return self.kb_id == other.kb_id
        if self.country and other.country and self.country != other.country:
            return False
        if self.city and other.city:
            return fold(self.city) == fold(other.city)
        if self.region and other.region:
            if fold(self.region) != fold(other.region):
                return False
            if self.operator and other.operator:
                return fold(self.operator) == fold(other.operator)
            return True
        if self.operator and other.operator:
            return fold(self.operator) == fold(other.operator) and bool(
                self.country and other.country
            )
        return False


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence a fact comes from, with its character offsets in the article text.

    `note` says how the text was obtained when that matters to a reader, e.g.
    "feed summary only: the page could not be fetched (HTTP 500)".
    """

    sentence: str
    start: int
    end: int
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"sentence": self.sentence, "start": self.start, "end": self.end}
        if self.note:
            data["note"] = self.note
        return data


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact comes from. `published` is the article's date as a label."""

    published: str
    url: str | None = None
    path: str | None = None
    publisher: str | None = None

    @property
    def published_date(self) -> FuzzyDate:
        return FuzzyDate.from_label(self.published)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.url:
            data["url"] = self.url
        if self.path:
            data["path"] = self.path
        data["publisher"] = self.publisher
        data["published"] = self.published
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Source:
        return cls(
            published=str(data["published"]),
            url=data.get("url"),
            path=data.get("path"),
            publisher=data.get("publisher"),
        )


@dataclass(frozen=True, slots=True)
class Article:
    """One article's text and metadata, from a seed file or a fetched page."""

    text: str
    source: Source
    title: str | None = None
    lang: str | None = None
    note: str | None = None  # e.g. "feed summary only: the page could not be fetched"


# --------------------------------------------------------------------------- facts

# Fields each type carries in its JSON (after type/evidence/source/confidence).
FIELDS: dict[FactType, tuple[str, ...]] = {
    FactType.PRODUCTION: ("model", "brand", "plant", "status", "start", "end", "markets"),
    FactType.PLANT_CAPACITY: ("plant", "value", "unit"),
    FactType.PLANT_WORKFORCE: ("plant", "value"),
    FactType.PLANT_STATUS: ("plant", "status", "date"),
    FactType.INVESTMENT: ("plant", "company", "value", "currency"),
    FactType.EXECUTIVE: ("company", "role", "person"),
    FactType.AGREEMENT: ("parties", "subject", "date"),
}
_DATE_FIELDS = ("start", "end", "date")


@dataclass(frozen=True, slots=True)
class FactKey:
    """Fact identity (DESIGN.md): what makes two facts about the same thing."""

    type: FactType
    parts: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.type}|" + "|".join(self.parts)


@dataclass(frozen=True, slots=True)
class Fact:
    type: FactType
    evidence: Evidence
    source: Source
    confidence: float
    model: str | None = None
    brand: str | None = None
    plant: Plant | None = None
    status: str | None = None
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    markets: tuple[str, ...] = ()
    value: float | None = None
    unit: str | None = None
    date: FuzzyDate | None = None
    company: str | None = None
    currency: str | None = None
    role: str | None = None
    person: str | None = None
    parties: tuple[str, ...] = ()
    subject: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def key(self) -> FactKey:
        plant = self.plant.identity() if self.plant else ""
        match self.type:
            case FactType.PRODUCTION:
                parts: tuple[str, ...] = (fold(self.model), plant)
            case FactType.PLANT_CAPACITY | FactType.PLANT_WORKFORCE | FactType.PLANT_STATUS:
                parts = (plant,)
            case FactType.EXECUTIVE:
                parts = (fold(self.company), fold(self.role))
            case FactType.AGREEMENT:
                parts = (*sorted(fold(p) for p in self.parties), fold(self.subject))
            case FactType.INVESTMENT:
                parts = (fold(self.company), plant)
        return FactKey(self.type, parts)

    def with_(self, **changes: Any) -> Fact:
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": str(self.type)}
        for name in FIELDS[self.type]:
            value = getattr(self, name)
            if isinstance(value, FuzzyDate | Plant):
                data[name] = value.to_json()
            elif isinstance(value, tuple):
                data[name] = list(value)
            elif isinstance(value, float) and value.is_integer():
                data[name] = int(value)
            else:
                data[name] = value
        data["evidence"] = self.evidence.to_json()
        data["source"] = self.source.to_json()
        data["confidence"] = round(self.confidence, 3)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Fact:
        fact_type = FactType(data["type"])
        kwargs: dict[str, Any] = {}
        for name in FIELDS[fact_type]:
            value = data.get(name)
            if value is None:
                continue
            if name == "plant":
                value = Plant.from_json(value)
            elif name in _DATE_FIELDS:
                value = FuzzyDate.from_json(value)
            elif name in ("markets", "parties"):
                value = tuple(value)
            elif name == "value":
                value = float(value)
            kwargs[name] = value
        evidence = data.get("evidence") or {"sentence": "", "start": 0, "end": 0}
        return cls(
            type=fact_type,
            evidence=Evidence(
                evidence["sentence"],
                int(evidence["start"]),
                int(evidence["end"]),
                evidence.get("note"),
            ),
            source=Source.from_json(data["source"]),
            confidence=float(data.get("confidence", 1.0)),
            **kwargs,
        )

    def title(self) -> str:
        """What the fact is about, for a reader: "Polestar 4 · Busan (KR)"."""
        plant = self.plant.label() if self.plant else None
        match self.type:
            case FactType.PRODUCTION:
                return f"{self.model} · {plant}"
            case FactType.EXECUTIVE:
                return f"{self.company} · {self.role}"
            case FactType.AGREEMENT:
                return " / ".join(self.parties)
            case FactType.INVESTMENT:
                return f"{self.company} · {plant}"
            case _:
                return f"{plant}"


# --------------------------------------------------------------------------- changes


@dataclass(frozen=True, slots=True)
class Change:
    """What the diff found for one fact of one article (DESIGN.md change JSON)."""

    kind: ChangeKind
    fact: Fact
    previous: Fact | None = None
    field: str | None = None
    old: Any = None  # in the fact's own form: FuzzyDate, Plant, float, str, None
    new: Any = None
    alert: bool = False
    months: int | None = None  # for a date change: the slip (> 0) or pull-in (< 0)

    @property
    def type(self) -> FactType:
        return self.fact.type

    def to_json(self) -> dict[str, Any]:
        def form(value: Any) -> Any:
            if isinstance(value, FuzzyDate | Plant):
                return value.to_json()
            if isinstance(value, float) and value.is_integer():
                return int(value)
            return value

        source = self.fact.source
        article: dict[str, Any] = {"published": source.published}
        if source.url:
            article["url"] = source.url
        if source.path:
            article["path"] = source.path
        data: dict[str, Any] = {
            "kind": str(self.kind),
            "type": str(self.fact.type),
            "field": self.field,
            "from": form(self.old),
            "to": form(self.new),
            "fact": self.fact.to_json(),
            "previous": self.previous.to_json() if self.previous else None,
            "article": article,
            "alert": self.alert,
        }
        if self.months is not None:
            data["months"] = self.months
        return data
