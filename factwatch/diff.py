"""The diff: an article's facts against the facts as they stand (pure, no I/O).

`diff_article(facts, current)` implements DESIGN.md "Fact identity and change kinds".
`plan_article` returns the same changes plus the new state of the store (which stored
fact each article fact updates), so the store never re-derives the matching.

Identity (`same_identity`) is forgiving, like the eval: models by `fold` with or
without the brand, the brand being the fact's `brand` or its plant's operator ("VF 8"
= "VinFast VF 8" at VinFast's plant; "ID. Golf" is not "Golf"), companies on their
distinctive words ("Renault Korea" = "Renault Korea Motors", but "Volkswagen" !=
"Volkswagen Group"), persons by surname. Plants by `plant_relation` → `Relation`:
knowledge-base ids when both have one; countries and regions never contradict; a
distinctive name shared by two located plants ("Metaplant") links them whatever
their cities, two different ones ("Orion Assembly", "Factory Zero") separate them;
else city; else region (+ operator); an operator + country mention against a
located plant is only `compatible` (VW has many plants in Germany). Among stored
facts that match surely, the one with the most specific plant wins (then the one
with the same number, for two amounts kept apart). A `compatible` mention is linked
only when it can mean one stored fact: for production, the model's one plant there
("Polestar 4 in South Korea" → Busan); for plant facts, the only known plant it
fits. Otherwise it is a new identity.

Per field (production: status, start, end; plant_status: status, date;
plant_capacity / plant_workforce / investment: value; executive: person;
agreement: date):
- unknown before, stated now → `changed` (from null);
- dates: no overlap → `changed` with `months` = `FuzzyDate.months_after`, the signed
  whole months between the two intervals' midpoints (summer 2024 → H1 2025 = +8,
  2025 → 2028 = +36); strictly inside the stored interval → `refined`; overlapping
  otherwise (either containing the other, or neither) → `confirmed` (the stored,
  more specific date is kept when the new one contains it);
- status: another status → `changed`, except continuity (production started ≈
  ongoing; plant opened ≈ operating), which is `confirmed`;
- numbers: relative difference beyond `DiffPolicy.value_tolerance` → `changed`;
- person: surname alone, or same surname and first initial ("Jim Farley", "Farley",
  "J. Farley") → same person.
A fact with nothing different yields one `confirmed`. An article published before
the stored fact's source (`Source.published_date` ends before the stored one
starts) yields one `stale` change and never overwrites. `alert` is True for `new`
and `changed` only.

Moves — the contract for the extractor. A model that leaves plant A for plant B is
signalled in one article by either
  (a) a production fact for the model at A with status `moved` plus a production
      fact for the same model at B (any other status), or
  (b) a production fact at B with `extra={"moved_from": Plant | plant JSON dict}`.
The diff then yields ONE `changed` with field `plant` (`from` = A, `to` = B,
`previous` = the stored fact at A when known, else the article's A fact) and the
state at A becomes status `moved`. The fact at B is compared with a stored fact at B
as usual (e.g. planned → started there is also reported), but is not reported `new`.
A `moved` fact without a partner at another plant is an ordinary status change.

Within one article, facts with the same identity are merged first (most specific
date, value/status/person of the most confident fact, missing fields filled), so an
article never yields two changes for one field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from factwatch.model import (
    Change,
    ChangeKind,
    Fact,
    FactType,
    FuzzyDate,
    Plant,
    ProductionStatus,
    fold,
)

__all__ = [
    "DEFAULT_POLICY",
    "DEFAULT_VALUE_TOLERANCE",
    "DiffPlan",
    "DiffPolicy",
    "Relation",
    "StateUpdate",
    "diff_article",
    "is_stale",
    "merge_duplicates",
    "plan_article",
    "plant_name_words",
    "plant_relation",
    "same_company",
    "same_identity",
    "same_model",
    "same_person",
]

DEFAULT_VALUE_TOLERANCE = 0.05


@dataclass(frozen=True, slots=True)
class DiffPolicy:
    """Thresholds of the diff. `value_tolerance` is relative (0.05 = 5 %)."""

    value_tolerance: float = DEFAULT_VALUE_TOLERANCE


DEFAULT_POLICY = DiffPolicy()


@dataclass(frozen=True, slots=True)
class StateUpdate:
    """One write to the current state: `previous` (a fact of `current`, or None for
    a new identity) now stands as `fact`."""

    previous: Fact | None
    fact: Fact


@dataclass(frozen=True, slots=True)
class DiffPlan:
    changes: list[Change] = field(default_factory=list)
    updates: list[StateUpdate] = field(default_factory=list)


# --------------------------------------------------------------------------- names

# fmt: off
_COMPANY_GENERIC = frozenset({
    "motor", "motors", "automotive", "automobiles", "automobile", "auto", "cars", "car",
    "company", "co", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc",
    "plc", "sa", "sas", "sarl", "ag", "gmbh", "kg", "nv", "bv", "spa", "se", "holding",
    "holdings", "the",
})
# words of plant names that name no particular plant (in the three languages)
_PLANT_GENERIC = frozenset({
    "plant", "plants", "assembly", "factory", "usine", "usines", "site", "sites", "werk",
    "fabrik", "manufacturing", "manufacture", "facility", "complex", "gigafactory", "giga",
    "works", "production", "center", "centre", "main", "stammwerk", "historique", "historic",
    "new", "nouvelle", "nouveau", "polonaise", "slovaque", "tcheque", "espagnole",
    "allemande", "francaise", "italienne", "de", "du", "des", "la", "le", "les", "l", "d",
    "of", "the", "in", "at", "a", "an", "und", "der", "die", "das", "im", "am", "von",
})
# fmt: on
_COUNTY_RE = re.compile(r"\b(county|kreis|landkreis|comte|parish|district)\b")


def _words(text: str | None) -> set[str]:
    return set(fold(text).split())


def _distinctive(company: str | None) -> frozenset[str]:
    return frozenset(_words(company) - _COMPANY_GENERIC)


def same_company(a: str | None, b: str | None) -> bool:
    """Companies match on their distinctive words ("Renault Korea" = "Renault Korea
    Motors"); legal forms and "Motors"/"Automotive" are not distinctive."""
    if not a or not b:
        return False
    if fold(a) == fold(b):
        return True
    da, db = _distinctive(a), _distinctive(b)
    return bool(da) and da == db


def _model_forms(model: str | None, brands: Iterable[str]) -> set[str]:
    m = fold(model)
    if not m:
        return set()
    forms = {m}
    for b in brands:
        if m.startswith(b + " "):
            forms.add(m[len(b) + 1 :])
        else:
            forms.add(f"{b} {m}")
    return forms | {f.replace(" ", "") for f in forms}


def _brands(fact: Fact) -> set[str]:
    """Words that may stand before a model name: its brand, its plant's operator."""
    out = {fold(fact.brand)} if fact.brand else set()
    if fact.plant and fact.plant.operator:
        out |= _distinctive(fact.plant.operator)
        out.add(fold(fact.plant.operator))
    return out - {""}


def same_model(a: Fact, b: Fact) -> bool:
    """Same model, with or without the brand: "VF 8" = "VinFast VF 8" = "VF8" when
    VinFast is the brand (or the plant's operator) of either fact. Other prefixes
    make other models ("ID. Golf" is not "Golf")."""
    brands = _brands(a) | _brands(b)
    fa, fb = _model_forms(a.model, brands), _model_forms(b.model, brands)
    return bool(fa & fb)


def same_person(a: str | None, b: str | None) -> bool:
    """Same person: one name's words within the other's ("Farley" / "Jim Farley", in
    any order), or the same surname and a first name that is an initial or a prefix of
    the other ("J. Farley"; "Luca de Meo" / "Lucas Di Meo"; not "John" / "Jim")."""
    wa, wb = fold(a).split(), fold(b).split()
    if not wa or not wb:
        return False
    if set(wa) <= set(wb) or set(wb) <= set(wa):  # "Farley"; "Song Ho-sung" = "Ho-sung Song"
        return True
    if wa[-1] != wb[-1]:
        return False
    first_a, first_b = sorted((wa[0], wb[0]), key=len)
    return len(first_a) == 1 or first_b.startswith(first_a)  # "J." / "Luca" = "Lucas"


# --------------------------------------------------------------------------- plants


class Relation(StrEnum):
    """How two mentions relate: surely one thing, possibly one, surely two."""

    SAME = "same"
    COMPATIBLE = "compatible"
    DIFFERENT = "different"


SAME, COMPATIBLE, DIFFERENT = Relation.SAME, Relation.COMPATIBLE, Relation.DIFFERENT


def plant_name_words(p: Plant) -> frozenset[str]:
    """The distinctive words of a plant's name: not generic, not its place or operator."""
    words = _words(p.name) - _PLANT_GENERIC
    words -= _words(p.city) | _words(p.region) | _words(p.operator) | _words(p.country)
    return frozenset(w for w in words if len(w) > 2 and not w.isdigit())


def _is_county(city: str | None) -> bool:
    return bool(_COUNTY_RE.search(fold(city)))


def plant_relation(a: Plant, b: Plant) -> Relation:
    """`same`, `compatible` (nothing contradicts, nothing links) or `different`."""
    if a.kb_id and b.kb_id:
        return SAME if a.kb_id == b.kb_id else DIFFERENT
    if a.country and b.country and a.country.upper() != b.country.upper():
        return DIFFERENT
    if a.region and b.region and fold(a.region) != fold(b.region):
        return DIFFERENT
    na, nb = plant_name_words(a), plant_name_words(b)
    if na and nb and _placed(a) and _placed(b):
        if na & nb:
            return SAME
        # two distinctive names ("Factory Zero", "Orion Assembly") are two plants
        # unless the cities say otherwise
        if not (a.city and b.city and fold(a.city) == fold(b.city)):
            return DIFFERENT
    if a.city and b.city:
        if fold(a.city) == fold(b.city):
            return SAME
        if not (_is_county(a.city) or _is_county(b.city)):
            return DIFFERENT
    operators = a.operator and b.operator
    if operators and not same_company(a.operator, b.operator):
        # operators change (Daimler → Ineos at Hambach): a city match above decided
        # already; without one, two operators in one region are two plants
        return DIFFERENT
    if a.region and b.region:
        return SAME
    if operators and a.country and b.country and not (_placed(a) or _placed(b)):
        return SAME  # two mentions as vague as each other ("Tesla in Germany")
    # operator + country against a located plant: VW has many plants in Germany
    return COMPATIBLE


def _placed(p: Plant) -> bool:
    """Located below the country: a city or a region."""
    return bool(p.city or p.region)


def _plant_specificity(p: Plant | None) -> int:
    if p is None:
        return 0
    return (
        8 * bool(p.kb_id)
        + 4 * bool(p.city and not _is_county(p.city))
        + 2 * bool(p.region or _is_county(p.city))
        + bool(p.operator)
        + bool(plant_name_words(p))
    )


def merge_plant(old: Plant, new: Plant) -> Plant:
    """The plant as it now stands: the new mention's fields over the stored ones."""
    return Plant(
        name=new.name or old.name,
        operator=new.operator or old.operator,
        city=new.city if new.city and not (_is_county(new.city) and old.city) else old.city,
        region=new.region or old.region,
        country=new.country or old.country,
        kb_id=new.kb_id or old.kb_id,
    )


# --------------------------------------------------------------------------- identity


def _plant_rel(a: Fact, b: Fact) -> Relation:
    if a.plant is None or b.plant is None:
        return SAME if a.plant is None and b.plant is None else COMPATIBLE
    return plant_relation(a.plant, b.plant)


def _subject_match(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    wa, wb = _words(a) - _PLANT_GENERIC, _words(b) - _PLANT_GENERIC
    if not wa or not wb:
        return fold(a) == fold(b)
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.5


def _parties_match(a: Sequence[str], b: Sequence[str]) -> bool:
    matched = sum(1 for p in a if any(same_company(p, q) for q in b))
    return matched >= min(2, len(a), len(b)) and matched > 0


def _identity_rel(a: Fact, b: Fact) -> Relation:
    """How `a` and `b` relate as identities: `same`, `compatible` or `different`."""
    if a.type != b.type:
        return DIFFERENT
    match a.type:
        case FactType.PRODUCTION:
            return _plant_rel(a, b) if same_model(a, b) else DIFFERENT
        case FactType.PLANT_CAPACITY | FactType.PLANT_WORKFORCE | FactType.PLANT_STATUS:
            return _plant_rel(a, b)
        case FactType.INVESTMENT:
            if a.company and b.company and not same_company(a.company, b.company):
                return DIFFERENT
            return _plant_rel(a, b)
        case FactType.EXECUTIVE:
            same = same_company(a.company, b.company) and fold(a.role) == fold(b.role)
            return SAME if same else DIFFERENT
        case FactType.AGREEMENT:
            same = _parties_match(a.parties, b.parties) and _subject_match(a.subject, b.subject)
            return SAME if same else DIFFERENT
    return DIFFERENT


def same_identity(a: Fact, b: Fact) -> bool:
    """Whether two facts are about the same thing (DESIGN.md identity, forgiving)."""
    return _identity_rel(a, b) == SAME


def _match_score(fact: Fact, stored: Fact) -> tuple[int, int]:
    city_equal = bool(
        fact.plant
        and stored.plant
        and fact.plant.city
        and fold(fact.plant.city) == fold(stored.plant.city)
    )
    return (int(city_equal), _plant_specificity(stored.plant))


# --------------------------------------------------------------------------- merging

_DATE_FIELDS = {
    FactType.PRODUCTION: ("start", "end"),
    FactType.PLANT_STATUS: ("date",),
    FactType.AGREEMENT: ("date",),
}
_STATUS_TYPES = (FactType.PRODUCTION, FactType.PLANT_STATUS)
_VALUE_TYPES = (FactType.PLANT_CAPACITY, FactType.PLANT_WORKFORCE, FactType.INVESTMENT)
_CONTINUITY = ({"started", "ongoing"}, {"opened", "operating"})
_SCALAR_FIELDS = (
    "model", "brand", "status", "value", "unit", "company", "currency", "role", "person",
    "subject",
)  # fmt: skip


def _width(d: FuzzyDate) -> int:
    return (d.end - d.start).days


def _more_specific(a: FuzzyDate | None, b: FuzzyDate | None) -> FuzzyDate | None:
    if a is None or b is None:
        return a or b
    return b if _width(b) < _width(a) else a


def _merge_two(a: Fact, b: Fact) -> Fact:
    """Two mentions of one identity in one article: the most confident one's values,
    the most specific dates, missing fields filled from the other."""
    best, other = (a, b) if a.confidence >= b.confidence else (b, a)
    changes: dict[str, Any] = {}
    for name in _SCALAR_FIELDS:
        if getattr(best, name) is None and getattr(other, name) is not None:
            changes[name] = getattr(other, name)
    for name in _DATE_FIELDS.get(a.type, ()):
        changes[name] = _more_specific(getattr(best, name), getattr(other, name))
    if best.plant and other.plant:
        changes["plant"] = merge_plant(other.plant, best.plant)
    elif other.plant and not best.plant:
        changes["plant"] = other.plant
    if other.markets:
        changes["markets"] = tuple(dict.fromkeys((*best.markets, *other.markets)))
    if other.parties:
        changes["parties"] = tuple(dict.fromkeys((*best.parties, *other.parties)))
    if "moved_from" in other.extra and "moved_from" not in best.extra:
        changes["extra"] = {**best.extra, "moved_from": other.extra["moved_from"]}
    return replace(best, **changes)


def merge_duplicates(facts: Iterable[Fact], *, policy: DiffPolicy = DEFAULT_POLICY) -> list[Fact]:
    """Facts of one article with one identity merged into one (order of first mention).

    Not merged: a `moved` production fact and a non-moved one (the two halves of a
    move), and two numbers of one identity that differ beyond tolerance (an article
    that gives "$4 billion" for the plant and "$2 billion" for its first phase
    states two amounts; both are kept and later articles confirm either).
    """
    merged: list[Fact] = []
    for fact in facts:

        def mergeable(seen: Fact, relation: Relation, fact: Fact = fact) -> bool:
            return (
                _identity_rel(fact, seen) == relation
                and _moved(fact) == _moved(seen)
                and not _values_differ(seen.value, fact.value, policy)
            )

        same = [i for i, seen in enumerate(merged) if mergeable(seen, SAME)]
        if not same and fact.type == FactType.PRODUCTION:
            # "the Polestar 4 at Busan" and "the Polestar 4 in South Korea" in one
            # article: one fact when the looser mention fits only one
            loose = [i for i, seen in enumerate(merged) if mergeable(seen, COMPATIBLE)]
            same = loose if len(loose) == 1 else []
        if same:
            merged[same[0]] = _merge_two(merged[same[0]], fact)
        else:
            merged.append(fact)
    return merged


def _values_differ(old: float | None, new: float | None, policy: DiffPolicy) -> bool:
    """Beyond tolerance, relative to the old (stored) value: 12 500 → 12 000 is -4 %."""
    if old is None or new is None:
        return False
    if old == 0:
        return new != 0
    return abs(new - old) > policy.value_tolerance * abs(old)


def _moved(fact: Fact) -> bool:
    return fact.type == FactType.PRODUCTION and fact.status == ProductionStatus.MOVED


def is_stale(fact: Fact, stored: Fact) -> bool:
    """The article was published before the stored fact's source (definitely before:
    its published interval ends before the stored one starts)."""
    try:
        return fact.source.published_date.end < stored.source.published_date.start
    except ValueError:
        return False


_RUNNING = frozenset({ProductionStatus.STARTED.value, ProductionStatus.ONGOING.value})


def _start_is_history(stored: Fact, new: Fact) -> bool:
    """Production that has begun keeps its start date: a later article that gives the
    running production another start (a yearly figure's "in 2025", a model year) does
    not move it. Only a production not yet begun (planned, paused…) can slip."""
    if new.type != FactType.PRODUCTION or stored.start is None:
        return False
    if str(stored.status or "") not in _RUNNING or str(new.status or "ongoing") not in _RUNNING:
        return False
    try:
        return stored.start.end <= new.source.published_date.end
    except ValueError:
        return False


def _merge_state(stored: Fact, new: Fact) -> Fact:
    """The fact as it now stands after a (non-stale) article restates `stored`:
    the article's values, except missing ones and dates less specific than stored."""
    changes: dict[str, Any] = {}
    for name in _SCALAR_FIELDS:
        if getattr(new, name) is None and getattr(stored, name) is not None:
            changes[name] = getattr(stored, name)
    for name in _DATE_FIELDS.get(new.type, ()):
        old_d, new_d = getattr(stored, name), getattr(new, name)
        if name == "date" and new.type == FactType.PLANT_STATUS and _status_changed(stored, new):
            continue  # the stored date dated the old status
        if (
            name == "start"
            and _start_is_history(stored, new)
            and not (new_d and new_d.within(old_d))
        ):
            changes[name] = old_d
            continue
        if new_d is None or (
            old_d is not None
            and old_d.overlaps(new_d)
            and not new_d.within(old_d)
            and _width(new_d) >= _width(old_d)
        ):
            changes[name] = old_d
    if (
        new.type == FactType.EXECUTIVE
        and same_person(stored.person, new.person)
        and len(fold(stored.person)) > len(fold(new.person))
    ):
        changes["person"] = stored.person  # keep the fuller name ("Jim Farley" over "Farley")
    if new.plant and stored.plant:
        changes["plant"] = merge_plant(stored.plant, new.plant)
    elif stored.plant and not new.plant:
        changes["plant"] = stored.plant
    if not new.markets and stored.markets:
        changes["markets"] = stored.markets
    if new.type == FactType.AGREEMENT:
        changes["parties"] = tuple(dict.fromkeys((*stored.parties, *new.parties)))
    return replace(new, **changes)


# --------------------------------------------------------------------------- fields


def _status_changed(stored: Fact, new: Fact) -> bool:
    """Another status (stated now, unknown or different before), continuity aside."""
    if new.type not in _STATUS_TYPES or new.status is None:
        return False
    old_s, new_s = stored.status, new.status
    if old_s is None:
        return True
    return old_s != new_s and not any({old_s, new_s} <= c for c in _CONTINUITY)


def _field_changes(stored: Fact, new: Fact, now: Fact, policy: DiffPolicy) -> list[Change]:
    """One Change per changed field of `new` against `stored` (`now` = merged state)."""
    out: list[Change] = []

    def add(kind: ChangeKind, name: str, old: Any, value: Any, months: int | None = None) -> None:
        out.append(
            Change(
                kind=kind,
                fact=now,
                previous=stored,
                field=name,
                old=old,
                new=value,
                alert=kind in (ChangeKind.NEW, ChangeKind.CHANGED),
                months=months,
            )
        )

    status_changed = _status_changed(stored, new)
    if status_changed:
        add(ChangeKind.CHANGED, "status", stored.status, new.status)
    for name in _DATE_FIELDS.get(new.type, ()):
        if name == "date" and new.type == FactType.PLANT_STATUS and status_changed:
            continue  # a plant status date dates its status: it changed with it
        old_d, new_d = getattr(stored, name), getattr(new, name)
        if new_d is None:
            continue
        if name == "start" and _start_is_history(stored, new) and not new_d.within(old_d):
            continue  # a running production's start is history, not a slip
        if old_d is None:
            add(ChangeKind.CHANGED, name, None, new_d)
        elif not new_d.overlaps(old_d):
            add(ChangeKind.CHANGED, name, old_d, new_d, months=new_d.months_after(old_d))
        elif new_d.within(old_d):
            add(ChangeKind.REFINED, name, old_d, new_d)
    if new.type in _VALUE_TYPES and new.value is not None:
        old_v, new_v = stored.value, new.value
        if old_v is None:
            add(ChangeKind.CHANGED, "value", None, new_v)
        elif _values_differ(old_v, new_v, policy):
            add(ChangeKind.CHANGED, "value", old_v, new_v)
    if new.type == FactType.EXECUTIVE and new.person:
        if not stored.person:
            add(ChangeKind.CHANGED, "person", None, new.person)
        elif not same_person(stored.person, new.person):
            add(ChangeKind.CHANGED, "person", stored.person, new.person)
    return out


# --------------------------------------------------------------------------- plan


def _moved_from(fact: Fact) -> Plant | None:
    value = fact.extra.get("moved_from") if fact.extra else None
    if isinstance(value, Plant):
        return value
    if isinstance(value, Mapping):
        return Plant.from_json(value)
    return None


def _pair_moves(facts: list[Fact]) -> dict[int, Fact]:
    """Index of a destination fact → the fact at the plant the model left."""
    pairs: dict[int, Fact] = {}
    for i, fact in enumerate(facts):
        origin = _moved_from(fact)
        if origin is not None and not _moved(fact):
            pairs[i] = replace(
                fact, plant=origin, status=ProductionStatus.MOVED, start=None, end=None, extra={}
            )
    for moved in facts:
        if not _moved(moved):
            continue
        partners = [
            i
            for i, f in enumerate(facts)
            if i not in pairs
            and f.type == FactType.PRODUCTION
            and not _moved(f)
            and same_model(f, moved)
            and _plant_rel(f, moved) == DIFFERENT
        ]
        if len(partners) == 1:
            pairs[partners[0]] = moved
    return pairs


@dataclass(slots=True)
class _Slot:
    """One identity of the working state: the stored fact (None if new) and now."""

    base: Fact | None
    fact: Fact
    touched: bool = False


class _State:
    """The current facts while one article is applied. A stored fact is claimed by
    at most one fact of the article (a second one with the same identity, which
    merging kept apart, stands beside it)."""

    def __init__(self, current: Sequence[Fact], policy: DiffPolicy) -> None:
        self.slots = [_Slot(base=c, fact=c) for c in current]
        self.policy = policy

    def find(self, fact: Fact) -> _Slot | None:
        """The stored fact `fact` restates: a sure match (the most specific plant
        first), else the one stored fact a vaguer mention can only mean."""
        free = [s for s in self.slots if not s.touched]
        same = [s for s in free if _identity_rel(fact, s.fact) == SAME]
        if same:
            return max(same, key=lambda s: self._score(fact, s.fact))
        loose = [s for s in self.slots if _identity_rel(fact, s.fact) == COMPATIBLE]
        if len(loose) != 1 or loose[0].touched:
            return None
        if fact.type == FactType.PRODUCTION:
            return loose[0]  # "the Polestar 4 in South Korea": the model's one plant there
        # a plant fact ("Tesla in Germany") needs the plant to be the only one it fits
        if fact.plant is not None and len(self._plants_fitting(fact.plant)) == 1:
            return loose[0]
        return None

    def _plants_fitting(self, plant: Plant) -> list[Plant]:
        """Distinct known plants (of any fact) that `plant` may name."""
        found: list[Plant] = []
        for slot in self.slots:
            known = slot.fact.plant
            if known is None or plant_relation(plant, known) == DIFFERENT:
                continue
            if not any(plant_relation(known, f) == SAME for f in found):
                found.append(known)
        return found

    def _score(self, fact: Fact, stored: Fact) -> tuple[int, int, int]:
        same_value = not _values_differ(stored.value, fact.value, self.policy)
        return (int(same_value), *_match_score(fact, stored))

    def write(self, slot: _Slot | None, now: Fact) -> None:
        if slot is None:
            self.slots.append(_Slot(base=None, fact=now, touched=True))
        else:
            slot.fact = now
            slot.touched = True

    def updates(self) -> list[StateUpdate]:
        return [StateUpdate(previous=s.base, fact=s.fact) for s in self.slots if s.touched]


def plan_article(
    facts: Sequence[Fact], current: Sequence[Fact], *, policy: DiffPolicy = DEFAULT_POLICY
) -> DiffPlan:
    """The changes one article makes and the state updates they imply."""
    merged = merge_duplicates(facts, policy=policy)
    pairs = _pair_moves(merged)
    origins = {id(f) for f in pairs.values()}
    state = _State(current, policy)
    changes: list[Change] = []
    for index, fact in enumerate(merged):
        if id(fact) in origins:
            continue  # handled with its destination
        origin = pairs.get(index)
        if origin is not None:
            changes.extend(_move(fact, origin, state, policy))
        else:
            changes.extend(_restate(fact, state, policy))
    return DiffPlan(changes=changes, updates=state.updates())


def _restate(fact: Fact, state: _State, policy: DiffPolicy) -> list[Change]:
    slot = state.find(fact)
    if slot is None:
        state.write(None, fact)
        return [_new(fact)]
    stored = slot.fact
    if is_stale(fact, stored):
        return [Change(kind=ChangeKind.STALE, fact=fact, previous=stored)]
    now = _merge_state(stored, fact)
    state.write(slot, now)
    return _field_changes(stored, fact, now, policy) or [_confirmed(stored, now)]


def _new(fact: Fact) -> Change:
    """A new identity; `new` (the change's "to") is the fact's headline value."""
    match fact.type:
        case FactType.PRODUCTION | FactType.PLANT_STATUS:
            headline: Any = fact.status
        case FactType.PLANT_CAPACITY | FactType.PLANT_WORKFORCE | FactType.INVESTMENT:
            headline = fact.value
        case FactType.EXECUTIVE:
            headline = fact.person
        case _:
            headline = fact.subject
    return Change(kind=ChangeKind.NEW, fact=fact, new=headline, alert=True)


def _confirmed(stored: Fact, now: Fact) -> Change:
    return Change(kind=ChangeKind.CONFIRMED, fact=now, previous=stored)


def _move(fact: Fact, origin: Fact, state: _State, policy: DiffPolicy) -> list[Change]:
    """A model leaving `origin`'s plant for `fact`'s plant: one `plant` change, the
    origin becomes `moved`, the destination is compared with what is stored there."""
    origin_slot = state.find(origin)
    dest_slot = state.find(fact)
    if dest_slot is origin_slot:
        dest_slot = None
    known = False  # the move is known already (or this article is older than it)
    stored_origin: Fact | None = None
    if origin_slot is not None:
        stored_origin = origin_slot.fact
        known = stored_origin.status == ProductionStatus.MOVED or is_stale(origin, stored_origin)
        if not known:
            now_origin = replace(_merge_state(stored_origin, origin), status=ProductionStatus.MOVED)
            state.write(origin_slot, now_origin)
    else:
        state.write(None, origin)
    stored_dest: Fact | None = None
    found: list[Change] = []
    if dest_slot is not None:
        stored_dest = dest_slot.fact
        if is_stale(fact, stored_dest):
            return [Change(kind=ChangeKind.STALE, fact=fact, previous=stored_dest)]
        dest_now = _merge_state(stored_dest, fact)
        state.write(dest_slot, dest_now)
        found = _field_changes(stored_dest, fact, dest_now, policy)
    else:
        dest_now = fact
        state.write(None, fact)
    out: list[Change] = []
    if not known:
        before = stored_origin or origin
        out.append(
            Change(
                kind=ChangeKind.CHANGED,
                fact=dest_now,
                previous=before,
                field="plant",
                old=before.plant,
                new=dest_now.plant,
                alert=True,
            )
        )
    out.extend(found)
    if not out:
        if stored_dest is None:
            out.append(_new(fact))
        else:
            out.append(_confirmed(stored_dest, dest_now))
    return out


def diff_article(
    facts: Sequence[Fact], current: Sequence[Fact], *, policy: DiffPolicy = DEFAULT_POLICY
) -> list[Change]:
    """The changes one article's facts make against `current` (the stored facts)."""
    return plan_article(facts, current, policy=policy).changes
