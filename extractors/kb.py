"""The knowledge base: companies, brands, models, plants and places, from seeds/kb/.

The data is YAML written by hand (each file documents its schema at the top):

- ``companies.yaml``: groups, automakers, brands and suppliers with their aliases;
- ``models.yaml``: car models grouped by brand;
- ``plants.yaml``: assembly plants, their operator, place and models;
- ``places.yaml``: markets, countries, regions and cities in English, French, German;
- ``common_words.yaml``: one-word names that are ordinary words (no span pattern).

`load_kb()` reads and validates it once per directory (cached; FACTWATCH_KB_DIR
overrides the default seeds/kb/, `load_kb.cache_clear()` forgets it); every lookup
is pure. Lookups fold case, accents and punctuation (`factwatch.model.fold`), so
"Zoé", "ZOE" and "zoe" are one name, and "VF8" finds "VF 8".

Besides the aliases written in the files, the loader derives:

- for models, the name without the brand ("Ioniq 5") and with a brand abbreviation
  ("VW Golf"), kept only where no other model claims them ("Leon" is Seat and Cupra);
- for plants, the forms news uses in each language from the city (and localities)
  and the operator, its parents and the brands built there ("usine RKM de Busan",
  "Werk Zwickau", "Ford's Oakville plant"), kept only where unambiguous: a city
  with two plants keeps only the operator-qualified forms;
- for countries, plurals, German inflections and market phrases ("marché chinois").

`KnowledgeBase.span_patterns(lang)` turns all this into spaCy SpanRuler/EntityRuler
token patterns (labels COMPANY, BRAND, MODEL, PLANT, PLACE; `id` is the canonical
name, or the plant id).

Errors:

    KnowledgeBaseError      a file is missing, not YAML, or an entry is invalid
                            (duplicate id or alias, unknown operator/brand/region,
                            bad country code); names the file and the entry.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import re
import sys
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple

import numpy
import yaml

from factwatch.model import Plant, PlantStatus
from factwatch.model import fold as _model_fold

__all__ = [
    "KB_DIR_ENV",
    "CarModel",
    "Company",
    "CompanyKind",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "Place",
    "PlaceKind",
    "PlantEntry",
    "SpanLabel",
    "default_kb_dir",
    "load_kb",
]

log = logging.getLogger(__name__)

KB_DIR_ENV = "FACTWATCH_KB_DIR"

_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
# a one-word name with a capital inside it after a lower-case letter ("XPeng", "VinFast")
_CAMEL_CASE = re.compile(r"[A-Z][A-Za-z]*(?:[a-z][A-Z]|[A-Z][a-z])[A-Za-z]*")
# A derived alias shorter than this (folded, without spaces) is too ambiguous to keep.
MIN_DERIVED_ALIAS = 2
# Upper-case names this short ("MAN", "IM", "ES") are looked up only as written.
MAX_ACRONYM = 4
# Brand abbreviations ("VW", "Chevy") prefix derived model aliases ("VW Golf").
MAX_BRAND_ABBREVIATION = 5
# Single-word derived model aliases shorter than this ("Air", "Ami", "ES") give no
# span pattern; lookups still find them.
MIN_PATTERN_WORD = 4
# ... except upper-case names this long ("GLC", "EQE"), matched as written (case-sensitive).
MIN_ACRONYM_PATTERN = 3


class KnowledgeBaseError(Exception):
    """A knowledge-base file is missing, unreadable or holds an invalid entry."""

    def __init__(self, message: str, *, file: str | None = None, entry: str | None = None):
        where = ": ".join(part for part in (file, f"entry {entry!r}" if entry else None) if part)
        super().__init__(f"{where}: {message}" if where else message)
        self.file = file
        self.entry = entry


class CompanyKind(StrEnum):
    GROUP = "group"
    AUTOMAKER = "automaker"
    BRAND = "brand"
    SUPPLIER = "supplier"
    UNION = "union"


class PlaceKind(StrEnum):
    MARKET = "market"
    COUNTRY = "country"
    REGION = "region"
    CITY = "city"


class SpanLabel(StrEnum):
    COMPANY = "COMPANY"
    BRAND = "BRAND"
    MODEL = "MODEL"
    PLANT = "PLANT"
    PLACE = "PLACE"


@dataclass(frozen=True, slots=True)
class Company:
    name: str
    kind: CompanyKind
    parent: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def label(self) -> SpanLabel:
        return SpanLabel.BRAND if self.kind is CompanyKind.BRAND else SpanLabel.COMPANY


@dataclass(frozen=True, slots=True)
class CarModel:
    """A model: `name` is canonical ("Hyundai Ioniq 5"); `aliases` are all other names,
    `listed` those written in models.yaml (the rest are derived, e.g. "Ioniq 5")."""

    name: str
    brand: str
    aliases: tuple[str, ...] = ()
    listed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlantEntry:
    id: str
    name: str
    operator: str
    country: str
    city: str | None = None
    region: str | None = None
    aliases: tuple[str, ...] = ()
    localities: tuple[str, ...] = ()
    models: tuple[str, ...] = ()
    status: PlantStatus = PlantStatus.OPERATING
    former_operators: tuple[str, ...] = ()
    # localities its name gives ("Motomachi" of "Toyota Motomachi" in Toyota City): they
    # find the plant, but the place written for it stays its city
    districts: tuple[str, ...] = ()

    def to_plant(self, name: str | None = None, *, city: str | None = None) -> Plant:
        """The fact model's Plant for this entry; `name` is the name as written.

        `city` keeps the place the article names when it is one of the plant's
        localities ("Bryan County" for the Metaplant, whose city is Ellabell); any
        other value is ignored.
        """
        written = fold(city)
        districts = {fold(x) for x in self.districts}
        known = {fold(x): x for x in self.localities if fold(x) not in districts}
        return Plant(
            name=name or self.name,
            operator=self.operator,
            city=known.get(written, self.city) if written else self.city,
            region=self.region,
            country=self.country,
            kb_id=self.id,
        )


@dataclass(frozen=True, slots=True)
class Place:
    """A place in its usual English form. `region` is the parent region (cities,
    departments and counties); `country` is ISO alpha-2 (None for markets)."""

    name: str
    kind: PlaceKind
    country: str | None = None
    region: str | None = None
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    lookup_only: bool = False

    def is_adjective(self, text: str) -> bool:
        """Whether `text` names this place by an adjective ("chinois", "US-amerikanisch")."""
        key = fold(text)
        return any(fold(a) == key for a in self.adjectives)


# --------------------------------------------------------------------------- helpers


_NOT_ALNUM_RE = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=1 << 17)
def fold(text: str | None) -> str:
    """`factwatch.model.fold`, memoised, with a fast path for ASCII text (the loader
    folds some 50 000 derived names)."""
    if text and text.isascii():
        return _NOT_ALNUM_RE.sub(" ", text.lower()).strip()
    return _model_fold(text)


def _squash(text: str) -> str:
    return fold(text).replace(" ", "")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _uniq(items: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        item = " ".join(item.split())
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return tuple(out)


def _adjective_forms(adjective: str) -> list[str]:
    """An adjective with its plural and, for German -sch adjectives, inflected forms."""
    forms = [adjective]
    if adjective.endswith("sch"):
        forms += [adjective + ending for ending in ("e", "en", "er", "es")]
    elif not adjective.endswith(("s", "x")):
        forms.append(adjective + "s")
    return forms


def _market_phrases(adjectives: Iterable[str]) -> Iterator[str]:
    """How news names a country's market: "marché chinois", "Chinese market",
    "chinesischen Markt" (German -sch adjectives inflect before "Markt")."""
    for adjective in adjectives:
        if adjective[:1].isupper():
            yield f"{adjective} market"
        if adjective.endswith("sch"):
            yield f"{adjective}en Markt"
            yield f"{adjective}er Markt"
        elif adjective[:1].islower():
            yield f"marché {adjective}"


def _number_variants(alias: str) -> set[str]:
    """Spacing variants of letter+number names: "VF 8" / "VF8", "F-150" / "F150"."""
    joined = re.sub(r"(?<=[A-Za-z])[ -](?=\d)", "", alias)
    spaced = re.sub(r"(?<=[A-Za-z])(?=\d)", " ", joined)
    return {alias, joined, spaced}


class _Reader:
    """Typed access to one YAML entry, raising KnowledgeBaseError with context."""

    def __init__(self, data: Any, *, file: str, entry: str):
        if not isinstance(data, Mapping):
            raise KnowledgeBaseError("expected a mapping", file=file, entry=entry)
        self.data = data
        self.file = file
        self.entry = entry

    def error(self, message: str) -> KnowledgeBaseError:
        return KnowledgeBaseError(message, file=self.file, entry=self.entry)

    def text(self, key: str, *, required: bool = False) -> str | None:
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                raise self.error(f"missing {key!r}")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.error(f"{key!r} must be text, not {value!r} (quote it in YAML)")
        return str(value)

    def required(self, key: str) -> str:
        value = self.text(key, required=True)
        assert value is not None
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.error(f"{key!r} must be a list")
        out = []
        for item in value:
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                raise self.error(f"{key!r} holds {item!r}, which is not text (quote it)")
            out.append(str(item))
        return _uniq(out)

    def unknown_keys(self, allowed: Iterable[str]) -> None:
        extra = set(self.data) - set(allowed)
        if extra:
            raise self.error(f"unknown field(s) {sorted(extra)}")


class _AliasIndex:
    """fold(alias) -> entry keys, with the explicit/derived distinction for conflicts."""

    def __init__(self, what: str, file: str):
        self.what = what
        self.file = file
        self.explicit: dict[str, str] = {}
        self.derived: dict[str, set[str]] = defaultdict(set)

    def add_explicit(self, alias: str, key: str, *, entry: str) -> None:
        folded = fold(alias)
        if not folded:
            return
        owner = self.explicit.get(folded)
        if owner is not None and owner != key:
            raise KnowledgeBaseError(
                f"alias {alias!r} already names {self.what} {owner!r}", file=self.file, entry=entry
            )
        self.explicit[folded] = key

    def add_derived(self, alias: str, key: str) -> None:
        folded = fold(alias)
        if len(folded.replace(" ", "")) >= MIN_DERIVED_ALIAS:
            self.derived[folded].add(key)

    def resolve(self) -> tuple[dict[str, str], set[str]]:
        """The final index, and the derived aliases dropped as ambiguous."""
        index = dict(self.explicit)
        dropped: set[str] = set()
        for folded, keys in self.derived.items():
            if folded in index:
                continue
            if len(keys) == 1:
                index[folded] = next(iter(keys))
            else:
                dropped.add(folded)
        return index, dropped


def _acronym_keys(names: Iterable[str]) -> frozenset[str]:
    """Folded names written only as short upper-case acronyms (MAN, IM, ES)."""
    acronym: dict[str, bool] = {}
    for name in names:
        key = fold(name)
        is_acronym = name.isupper() and name.isalpha() and len(name) <= MAX_ACRONYM
        acronym[key] = acronym.get(key, True) and is_acronym
    return frozenset(k for k, v in acronym.items() if v)


def _squash_index(index: Mapping[str, str]) -> dict[str, str]:
    by_squash: dict[str, set[str]] = defaultdict(set)
    for folded, key in index.items():
        by_squash[folded.replace(" ", "")].add(key)
    return {s: next(iter(keys)) for s, keys in by_squash.items() if len(keys) == 1}


# --------------------------------------------------------------------------- the KB


# Plant name templates, by language: {c} a city form, {o} an operator form.
_GERMAN_GROUP_WORD = re.compile(r"-(?:Konzern|Gruppe|Werke|Holding)$")
_PLANT_TEMPLATES: dict[str, tuple[str, ...]] = {
    "fr": (
        "usine de {c}",
        "site de {c}",
        "usine {o} de {c}",
        "site {o} de {c}",
        "usine de {o} à {c}",
        "site de production de {c}",
        "usine de production de {c}",
        "centre de production de {c}",
        "gigafactory de {c}",
        "{o} {c}",
    ),
    "en": (
        "{c} plant",
        "{c} factory",
        "{c} assembly plant",
        "{c} facility",
        "{o} {c} plant",
        "{o} {c} factory",
        "{o}'s {c} plant",
        "{o} plant in {c}",
        "plant in {c}",
        "factory in {c}",
        "facility in {c}",
        "{c} Assembly",
        "{c} site",
        "{c} works",
        "{c} gigafactory",
        "{o} {c}",
    ),
    "de": (
        "Werk {c}",
        "Werk in {c}",
        "Fabrik in {c}",
        "{o}-Werk {c}",
        "{o}-Werk in {c}",
        "{o} Werk {c}",
        "{o}-Fabrik in {c}",
        "{c}er Werk",
        "Werks {c}",
        "Werks in {c}",
        "Standort {c}",
        "Produktionsstandort {c}",
        "Gigafactory in {c}",
        "{o}-Werks in {c}",
        "{o} {c}",
    ),
}
_VOWELS = "aeiouyhâàéèêîôûAEIOUYHÂÀÉÈÊÎÔÛ"


class _Derived(NamedTuple):
    """A plant alias made from a template: "usine {o} de {c}" with o="RKM", c="Busan"."""

    template: str
    city: str
    operator: str | None

    @property
    def text(self) -> str:  # made again when asked: 20k stored texts would cost some 4 MB
        return self.template.format(c=self.city, o=self.operator or "")


_NAME_PLACE = re.compile(r"[A-ZÀ-Ý][\w-]+")
_NOT_A_NAME_PLACE = re.compile(
    r"company|industry|industries|gateway|works|assembly|plant|factory|motors?|automotive|"
    r"manufacturing|operations|centre|center",
    re.I,
)


def _name_place(
    plant: PlantEntry, companies: Mapping[str, Company], kb: KnowledgeBase
) -> list[str]:
    """The district a plant's name gives after its operator, when it is not the city
    ("Toyota Motomachi" in Toyota City, "Volkswagen Anchieta"): news names the plant by it
    ("usine de Motomachi", "Werk Anchieta")."""
    company = companies.get(plant.operator)
    name = re.sub(r"\s*\(.*?\)", "", plant.name)
    for operator in sorted((plant.operator, *(company.aliases if company else ())), key=len)[::-1]:
        if name.startswith(operator + " "):
            tail = name[len(operator) + 1 :]
            places = {fold(x) for x in (plant.city, *plant.localities, *plant.aliases)}
            if (
                _NAME_PLACE.fullmatch(tail)
                and fold(tail) not in places
                and not _NOT_A_NAME_PLACE.fullmatch(tail)
                and not kb.places_named(tail)  # a region or a city other plants share
            ):
                return [tail]
            return []
    return []


def _plant_forms(template: str, city: str, operator: str | None) -> Iterator[_Derived]:
    if ("{o}" in template) != (operator is not None):
        return
    if "{c}er" in template and not re.fullmatch(r"[^\W\d_]+", city):
        return  # "Zwickauer Werk", "Wolfsburger Werk"; no "Le Havreer Werk"
    yield _Derived(template, city, operator)
    if city[:1] in _VOWELS and " de {c}" in template:
        elided = template.replace(" de {c}", " d'{c}")
        yield _Derived(elided, city, operator)


class KnowledgeBase:
    """Validated, indexed knowledge base. Build it with `load_kb()`."""

    def __init__(
        self,
        *,
        companies: Sequence[Company],
        models: Sequence[CarModel],
        plants: Sequence[PlantEntry],
        places: Sequence[Place],
        plant_derived: Mapping[str, Mapping[str, tuple[_Derived, ...]]],
        common_words: Iterable[str] = (),
        source: Path | None = None,
    ):
        self.source = source
        self._cache_file: Path | None = None  # where load_kb keeps a compiled copy
        # one-word names that give no span pattern (seeds/kb/common_words.yaml)
        self.common_words = frozenset(fold(w) for w in common_words)
        self.companies = tuple(companies)
        self.models = tuple(models)
        self.plants = tuple(plants)
        self.places = tuple(places)
        self._company_by_name = {c.name: c for c in self.companies}
        self._plant_by_id = {p.id: p for p in self.plants}
        # plant id -> language -> aliases derived from templates (kept when unambiguous)
        self._plant_derived = {k: dict(v) for k, v in plant_derived.items()}
        self._company_index = self._index((c.name, (c.name, *c.aliases)) for c in self.companies)
        self._model_index = self._index((m.name, (m.name, *m.aliases)) for m in self.models)
        self._model_by_name = {m.name: m for m in self.models}
        self._plant_index = self._index((p.id, aliases) for p, aliases in self._plant_items())
        self._place_index: dict[str, list[Place]] = defaultdict(list)
        # abbreviations match as written only: "IN" is Indiana, "in" is a word
        self._abbreviations: dict[str, list[Place]] = defaultdict(list)
        for place in self.places:
            names = (place.name, *place.aliases, *place.adjectives)
            for key in {fold(n) for n in names if fold(n)}:
                self._place_index[key].append(place)
            for abbreviation in place.abbreviations:
                self._abbreviations[abbreviation].append(place)
        for places in (*self._place_index.values(), *self._abbreviations.values()):
            places.sort(key=lambda p: _PLACE_PRIORITY[p.kind])
        # names known only as short acronyms ("MAN", "IM", "ACC", "ES"): matched as written
        self._acronyms = _acronym_keys(
            (
                *(n for c in self.companies for n in (c.name, *c.aliases)),
                *(n for m in self.models for n in (m.name, *m.aliases)),
                *(n for p in self.plants for n in (p.name, *p.aliases)),
            )
        )
        self._company_squash = _squash_index(self._company_index)
        self._model_squash = _squash_index(self._model_index)
        # squashed forms ("usinede Busan") of the names and aliases as written: the derived
        # forms' squashes would cost some 6 MB for what the spaced forms find already
        self._plant_squash = _squash_index(
            self._index((p.id, (p.name, *p.aliases)) for p in self.plants)
        )
        self._patterns: dict[str, list[dict[str, Any]]] = {}
        self._towns: _Towns | None = None  # world_towns.tsv, read on first use

    # ----------------------------------------------------------------- building

    def _plant_items(self) -> Iterator[tuple[PlantEntry, tuple[str, ...]]]:
        for plant in self.plants:
            derived = self._plant_derived.get(plant.id, {})
            texts = (d.text for forms in derived.values() for d in forms)
            yield plant, (plant.name, *plant.aliases, *texts)

    @staticmethod
    def _index(items: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
        index: dict[str, str] = {}
        for key, aliases in items:
            for alias in aliases:
                folded = fold(alias)
                if folded:
                    index.setdefault(folded, key)
        return index

    # ----------------------------------------------------------------- lookups

    @property
    def sizes(self) -> dict[str, int]:
        kinds: dict[PlaceKind, int] = defaultdict(int)
        for place in self.places:
            kinds[place.kind] += 1
        return {
            "companies": len(self.companies),
            "models": len(self.models),
            "plants": len(self.plants),
            "places": len(self.places),
            "markets": kinds[PlaceKind.MARKET],
            "countries": kinds[PlaceKind.COUNTRY],
            "regions": kinds[PlaceKind.REGION],
            "cities": kinds[PlaceKind.CITY],
        }

    def company(self, name: str | None) -> Company | None:
        """The company an alias names ("RKM", "VW-Konzern", "groupe Renault"), else None.
        A leading article or preposition is ignored ("le groupe Renault", "der VW")."""
        for candidate in _bare_candidates(name):
            key = self._lookup(candidate, self._company_index, self._company_squash)
            if key:
                return self._company_by_name[key]
        return None

    def model(self, name: str | None) -> CarModel | None:
        """The model an alias names ("ID.3", "Zoé", "VF8", "Ioniq 5", "la Zoé"), else None.

        A listed alias also names the model after its brand ("Volkswagen ID.2all" for
        the ID. Polo listed as "ID.2all"; "Genesis GV70 Electrified")."""
        for candidate in _bare_candidates(name):
            key = self._lookup(candidate, self._model_index, self._model_squash)
            if key:
                return self._model_by_name[key]
        for candidate in _bare_candidates(name):
            found = self._branded_model(candidate)
            if found is not None:
                return found
        return None

    def _branded_model(self, name: str) -> CarModel | None:
        words = name.split()
        for cut in range(1, min(3, len(words))):
            company = self.company(" ".join(words[:cut]))
            if company is None:
                continue
            key = self._lookup(" ".join(words[cut:]), self._model_index, self._model_squash)
            model = self._model_by_name.get(key) if key else None
            if model is not None and company.name in self.related_companies(model.brand):
                return model
        return None

    def plant(self, name: str | None) -> PlantEntry | None:
        """The plant an alias names ("usine de Busan", "Werk Zwickau", "HMGMA"), else None.

        A leading determiner ("l'usine", "the", "das", "notre") and one qualifying word
        between the plant noun and the place ("site slovaque de Trnava", "usine
        historique de Flins") are ignored when the name is not known as written.
        """
        if not name:
            return None
        for candidate in self._plant_candidates(name):
            key = self._lookup(candidate, self._plant_index, self._plant_squash)
            if key:
                return self._plant_by_id[key]
        return None

    def _plant_candidates(self, name: str) -> Iterator[str]:
        yield name
        # "usine Toyota Motor Manufacturing France (TMMF) d'Onnaing"
        plain = " ".join(re.sub(r"\([^)]*\)", " ", name).split()) or name
        bare = _DETERMINER_RE.sub("", plain.strip(), count=1)
        if bare != name:
            yield bare
        former = _FORMER_RE.sub("", bare, count=1)
        if former != bare and former:
            yield former  # a plant by its former name: "l'ex-Sevelnord"
            bare = former
        match = _QUALIFIED_PLANT_RE.match(bare)
        if match and self.company(match["qualifier"]) is None:
            yield f"{match['noun']} {match['rest']}"

    def plant_by_id(self, plant_id: str) -> PlantEntry | None:
        return self._plant_by_id.get(plant_id)

    def plant_place(self, name: str | None) -> str | None:
        """The place a plant's name itself gives: its city or one of its localities, in
        the KB's form ("Anantapur plant" → "Anantapur", "site de Figueruelas" →
        "Figueruelas", "usine de Saragosse" → "Zaragoza"; the city when the name gives
        both, "Mercedes-Benz Tuscaloosa (Vance)" → "Vance"), else None ("Sevelnord",
        "Gläserne Manufaktur"). Localities that are not places ("Triangle Innovation
        Point", a megasite's name) give None: they locate the plant, not a town."""
        plant = self.plant(name)
        if plant is None or not name:
            return None
        forms: dict[str, str] = {}
        for place_name in (plant.city, *plant.localities):
            if not place_name:
                continue
            places = [p for p in self.places_named(place_name) if p.kind is not PlaceKind.MARKET]
            is_city = fold(place_name) == fold(plant.city)
            town = any(p.kind is PlaceKind.CITY for p in places)
            if not (is_city or town or _COUNTY_LIKE_RE.search(place_name)):
                continue  # a department, a region or a site name, not a town
            forms.setdefault(fold(place_name), place_name)
            for place in places:
                if fold(place.name) == fold(place_name):
                    for alias in place.aliases:
                        forms.setdefault(fold(alias), place_name)
        text = f" {fold(name)} "
        found = [key for key in forms if key and f" {key} " in text]
        if any(forms[key] == plant.city for key in found):
            return plant.city  # "Stellantis Zaragoza (Figueruelas)": the city wins
        return forms[max(found, key=len)] if found else None

    def place(self, name: str | None, *, kind: PlaceKind | str | None = None) -> Place | None:
        """A place in any language, or None. Where one name is several places (the city
        and the region of Puebla), a city comes first, then a region, country, market."""
        places = self.places_named(name)
        if kind is not None:
            places = [p for p in places if p.kind == PlaceKind(kind)]
        return places[0] if places else None

    def towns(self, name: str | None) -> list[tuple[str, str, int]]:
        """The towns of world_towns.tsv (GeoNames) named `name`: (name, country, population),
        the most populous first, at most three. Places the YAML files know are not here."""
        if not name:
            return []
        if self._towns is None:
            self._towns = _read_towns(self.source / WORLD_TOWNS if self.source else None)
        return self._towns.get(name)

    def places_named(self, name: str | None) -> list[Place]:
        """Every place a name may be, best first; a leading article or preposition is
        ignored when the name is not known as written ("la Chine", "aux États-Unis")."""
        for candidate in _bare_candidates(name):
            places = self._place_index.get(fold(candidate)) or self._abbreviations.get(
                candidate.strip()
            )
            if places:
                return list(places)
        return []

    def country_code(self, name: str | None) -> str | None:
        """ISO alpha-2 for a country code or name in any language ("Südkorea" -> "KR")."""
        if not name:
            return None
        text = name.strip()
        if _COUNTRY_RE.match(text) and any(
            p.kind is PlaceKind.COUNTRY and p.country == text for p in self.places
        ):
            return text
        place = self.place(text, kind=PlaceKind.COUNTRY)
        return place.country if place else None

    def related_companies(self, name: str | None) -> set[str]:
        """A company's canonical name with its ancestors (brand -> automaker -> group)."""
        company = self.company(name)
        out: set[str] = set()
        while company is not None and company.name not in out:
            out.add(company.name)
            company = self._company_by_name.get(company.parent) if company.parent else None
        return out

    def plants_near(
        self,
        *,
        city: str | None = None,
        region: str | None = None,
        country: str | None = None,
        operator: str | None = None,
    ) -> list[PlantEntry]:
        """Candidate plants for a mention: every given criterion must hold.

        Places may be written in any language; `city` also matches a plant's
        localities; `operator` matches the plant's operator, its parents, or the
        brands of the models built there ("Opel" finds Stellantis Zaragoza). Exact
        city matches come before locality matches.
        """
        if not any((city, region, country, operator)):
            return []
        code = self.country_code(country) if country else None
        if country and code is None:
            return []
        city_names = self._place_names(city, PlaceKind.CITY)
        region_names = self._place_names(region, PlaceKind.REGION)
        parent_names: set[str] = set()
        if region:
            # a county or department also matches its parent region, after plants in it
            for place in self.places_named(region):
                if place.kind is PlaceKind.REGION and place.region:
                    parent_names.add(fold(place.region))
        wanted_ops = self.related_companies(operator) if operator else set()
        if operator and not wanted_ops:
            wanted_ops = {operator}
        named = self.company(operator) if operator else None
        wanted_exact = named.name if named else None
        ranked: list[tuple[int, int, int, PlantEntry]] = []
        for order, plant in enumerate(self.plants):
            if code and plant.country != code:
                continue
            score = 0
            if city_names:
                if fold(plant.city) in city_names:
                    score += 0
                elif city_names & {fold(x) for x in plant.localities}:
                    score += 1
                else:
                    continue
            if region_names and not self._in_region(plant, region_names):
                if not (parent_names and self._in_region(plant, parent_names)):
                    continue
                score += 2
            if wanted_ops and not self._operated_by(plant, wanted_ops):
                continue
            # the operator named, before its parent's or a partner's plant
            op_rank = 0 if not wanted_exact or plant.operator == wanted_exact else 1
            ranked.append((score, op_rank, order, plant))
        ranked.sort(key=lambda item: item[:3])
        if parent_names and ranked and ranked[0][0] < 2:
            ranked = [item for item in ranked if item[0] < 2]  # the county's own plants only
        return [item[3] for item in ranked]

    def _place_names(self, name: str | None, kind: PlaceKind) -> set[str]:
        if not name:
            return set()
        names = {fold(name)}
        for place in self.places_named(name):
            if place.kind is kind:
                names.add(fold(place.name))
        return names

    def _in_region(self, plant: PlantEntry, region_names: set[str]) -> bool:
        if fold(plant.region) in region_names:
            return True
        localities = {fold(x) for x in plant.localities}
        return bool(localities & region_names)

    def _operated_by(self, plant: PlantEntry, wanted: set[str]) -> bool:
        for operator in (plant.operator, *plant.former_operators):
            if self.related_companies(operator) & wanted:
                return True
        if plant.operator in {c for w in wanted for c in self._descendants(w)}:
            return True
        for model_name in plant.models:
            model = self._model_by_name.get(model_name)
            if model and self.related_companies(model.brand) & wanted:
                return True
        return False

    @functools.cached_property
    def _children(self) -> dict[str, set[str]]:
        children: dict[str, set[str]] = defaultdict(set)
        for company in self.companies:
            if company.parent:
                children[company.parent].add(company.name)
        return children

    def _descendants(self, name: str) -> set[str]:
        out: set[str] = set()
        todo = [name]
        while todo:
            current = todo.pop()
            for child in self._children.get(current, ()):
                if child not in out:
                    out.add(child)
                    todo.append(child)
        return out

    def _lookup(
        self, name: str | None, index: Mapping[str, str], squash: Mapping[str, str]
    ) -> str | None:
        if not name:
            return None
        folded = fold(name)
        if folded in self._acronyms and not name.strip().isupper():
            return None  # "MAN", "IM", "ES" as written; "man", "im", "es" are words
        if folded in index:
            return index[folded]
        return squash.get(folded.replace(" ", ""))

    # ----------------------------------------------------------------- spaCy patterns

    def span_patterns(self, lang: str) -> list[dict[str, Any]]:
        """spaCy SpanRuler/EntityRuler token patterns for a language ("en", "fr", "de").

        Each is ``{"label": LABEL, "pattern": [token specs], "id": canonical name or
        plant id}``; a pattern of two or more plain LOWER tokens also carries
        ``"phrase"``, its text as written, which the tokenizer splits into the same
        tokens: use it for a PhraseMatcher on LOWER (joining the LOWER tokens with
        spaces breaks elisions: "usine d' onnaing" is "d", "'", "onnaing" in French). Multi-token and alphanumeric names match on LOWER (any case);
        single plain words ("Golf", "Ram", "Normal") match only as capitalised or
        upper-case words, so common nouns are left alone. Aliases that are only digits,
        and places' abbreviations, give no pattern. Accent-free spellings are added.
        Built once per language and cached; the list is shared, do not mutate it.
        """
        if lang not in self._patterns:
            cached = _read_patterns(self._cache_file, lang)
            if cached is None:
                cached = self._build_patterns(lang)
                _write_patterns(self._cache_file, lang, cached)  # for the next process
            self._patterns[lang] = cached
        return self._patterns[lang]

    def release_patterns(self, lang: str) -> None:
        """Forget a language's patterns once its pipeline holds them (tens of MB for three
        languages); asked again, they are read from the cache or rebuilt."""
        self._patterns.pop(lang, None)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_patterns"] = {}  # each language's patterns have a cache file of their own
        state["_towns"] = None  # read again from world_towns.tsv
        return state

    def _build_patterns(self, lang: str) -> list[dict[str, Any]]:
        tokenizer = _tokenizer(lang)
        seen: set[tuple[str, str, str]] = set()
        patterns: list[dict[str, Any]] = []

        def add(label: SpanLabel, ident: str, texts: Iterable[str]) -> None:
            for text in texts:
                for variant in {text, _strip_accents(text), text.replace("'", "’")}:
                    if not re.search(r"[^\W\d_]", variant):
                        continue  # digits only: never a pattern
                    words = [t.text for t in tokenizer(variant) if not t.is_space]
                    if not words or (len(words) == 1 and fold(words[0]) in self.common_words):
                        continue
                    specs = _token_specs(words)
                    # the specs, not the lower-case text: a one-word "LEAF" matches only
                    # as written, and must not shadow "Leaf" (Leaf, LEAF)
                    key = (str(label), ident, repr(specs))
                    if key in seen:
                        continue
                    seen.add(key)
                    pattern: dict[str, Any] = {
                        "label": str(label),
                        "pattern": specs,
                        "id": ident,
                    }
                    if len(words) > 1:
                        pattern["phrase"] = _phrase(tokenizer, variant)
                    patterns.append(pattern)

        for company in self.companies:
            names = (company.name, *company.aliases)
            # "XPeng", "VinFast", "SsangYong" are often written "Xpeng", "Vinfast", "Ssangyong"
            camel = [
                n.capitalize() for n in names
                if _CAMEL_CASE.fullmatch(n) and n != n.capitalize()
                and sum(c.islower() for c in n) >= 2 and not re.fullmatch(r"[A-Z]+s", n)
            ]  # fmt: skip
            add(company.label, company.name, (*names, *camel))
        for model in self.models:
            texts: set[str] = set()
            for alias in (model.name, *model.aliases):
                short = " " not in alias and alias.isalpha() and len(alias) < MIN_PATTERN_WORD
                acronym = alias.isupper() and len(alias) >= MIN_ACRONYM_PATTERN  # "GLC", "EQE"
                if short and not acronym and alias not in model.listed:
                    continue  # a derived "Air", "Ami", "ES": too ambiguous in running text
                texts |= _number_variants(alias)
            add(SpanLabel.MODEL, model.name, sorted(texts))
        for plant in self.plants:
            add(SpanLabel.PLANT, plant.id, (plant.name, *plant.aliases))
            for spec, phrase in self._plant_template_patterns(plant, lang, tokenizer):
                key = (str(SpanLabel.PLANT), plant.id, repr(spec))
                if key not in seen:
                    seen.add(key)
                    entry = {"label": str(SpanLabel.PLANT), "pattern": spec, "id": plant.id}
                    if phrase:
                        entry["phrase"] = _phrase(tokenizer, phrase)
                    patterns.append(entry)
        for place in self.places:
            if place.lookup_only:
                continue
            add(SpanLabel.PLACE, place.name, (place.name, *place.aliases, *place.adjectives))
        log.debug("knowledge base: %s span patterns for %s", len(patterns), lang)
        return patterns

    def _plant_template_patterns(
        self, plant: PlantEntry, lang: str, tokenizer: Any
    ) -> Iterator[tuple[list[dict[str, Any]], str | None]]:
        """Token patterns (with their phrase, where one) for the plant's derived aliases
        in one language: one per template and city form, the one-word operator forms
        in one IN set; typographic apostrophes too ("usine d’Onnaing")."""
        groups: dict[tuple[str, str], list[str | None]] = defaultdict(list)
        for form in self._plant_derived.get(plant.id, {}).get(lang, ()):
            groups[(form.template, form.city)].append(form.operator)
        for (template, city), operators in groups.items():
            ops = None if "{o}" not in template else [o for o in operators if o]
            for variant in sorted({template, template.replace("'", "’")}):
                for city_form in sorted({city, _strip_accents(city)}):
                    yield from _template_specs(tokenizer, variant, city_form, ops)


_CITY_MARK = "Qqcityqq"
_OP_MARK = "Qqopqq"


def _words(tokenizer: Any, text: str) -> list[str]:
    return [t.text for t in tokenizer(text) if not t.is_space]


def _phrase(tokenizer: Any, text: str) -> str:
    """A pattern's text as written (single-spaced), which the tokenizer splits into the
    pattern's tokens again: the form for a PhraseMatcher on LOWER ("usine d'Onnaing",
    not "usine d' onnaing", which French splits into "d", "'", "onnaing")."""
    return "".join(t.text + t.whitespace_ for t in tokenizer(text) if not t.is_space).strip()


def _template_specs(
    tokenizer: Any, template: str, city: str, operators: Sequence[str] | None
) -> Iterator[tuple[list[dict[str, Any]], str | None]]:
    """Token patterns for a template: tokenised with placeholders, then the city and
    operator put in. One-word operators share one pattern (LOWER IN [...], no phrase);
    an operator glued to a word ("VW-Werk") gives that word's forms. Each pattern comes
    with its phrase when it has exactly one."""
    words = _words(tokenizer, template.format(c=_CITY_MARK, o=_OP_MARK))
    city_words = [w.lower() for w in _words(tokenizer, city)]
    glued = any(_OP_MARK in w and w != _OP_MARK for w in words)
    op_choices: list[tuple[list[dict[str, Any]] | None, str | None]] = [(None, None)]
    if operators is not None:
        singles: set[str] = set()
        sequences: list[tuple[list[dict[str, Any]] | None, str | None]] = []
        for operator in operators:
            op_words = [w.lower() for w in _words(tokenizer, operator)]
            if len(op_words) == 1 or glued:
                singles.add(operator.lower())
            else:
                sequences.append(([{"LOWER": w} for w in op_words], operator))
        in_spec: list[dict[str, Any]] = [{"LOWER": {"IN": sorted(singles)}}]
        op_choices = [*([(in_spec, None)] if singles else []), *sequences]
    for op_spec, op_text in op_choices:
        phrase: str | None = None
        if operators is None:
            phrase = template.format(c=city, o="")
        elif op_text is not None:
            phrase = template.format(c=city, o=op_text)
        spec: list[dict[str, Any]] = []
        for word in words:
            if word == _CITY_MARK:
                spec.extend({"LOWER": w} for w in city_words)
            elif word == _OP_MARK and op_spec is not None:
                spec.extend(op_spec)
            elif _OP_MARK in word and operators is not None:
                forms = sorted(
                    {word.replace(_OP_MARK, o).replace(_CITY_MARK, city).lower() for o in operators}
                )
                spec.append({"LOWER": {"IN": forms}})
            elif _CITY_MARK in word:
                spec.append({"LOWER": word.replace(_CITY_MARK, city).lower()})
            else:
                spec.append({"LOWER": word.lower()})
        yield spec, phrase


# Articles and prepositions news puts before a name: "la Chine", "aux États-Unis",
# "der VW-Konzern", "in Sachsen", "the Golf".
_LEADING_WORDS_RE = re.compile(
    r"^(?:l['’]\s*|d['’]\s*|(?:le|la|les|du|des|de la|de l['’]|de|au|aux|en|à|dans|the|in|"
    r"der|die|das|dem|den|des|im|ins|nach|aus|vom|zum|zur)\s+)",
    re.IGNORECASE,
)


def _bare_candidates(name: str | None) -> Iterator[str]:
    """A name as written, then without a leading article or preposition."""
    if not name:
        return
    yield name
    bare = _LEADING_WORDS_RE.sub("", name.strip(), count=1)
    if bare and bare != name:
        yield bare


# "l'usine", "the plant", "das Werk", "notre usine", "its plant"
_DETERMINER_RE = re.compile(
    r"^(?:l['’]\s*|(?:le|la|les|the|its|their|our|das|dem|den|der|die|sein|seinem|ihrem|"
    r"unser|unserem|notre|son|sa|leur|cette|ce)\s+)",
    re.IGNORECASE,
)
# a former name: "ex-Sevelnord", "l'ancienne usine Sevelnord", "former", "ehemalige"
_FORMER_RE = re.compile(
    r"^(?:ex[-\s]+|former\s+|ancien(?:ne)?\s+|ehemalige[nmrs]?\s+)", re.IGNORECASE
)
# a locality that locates a plant as a town does, though no city: "Tuscaloosa County"
_COUNTY_LIKE_RE = re.compile(r"\b(?:County|Parish|district|District|Landkreis|Kreis)\b")
# "usine historique de Flins", "site slovaque de Trnava", "Werk sächsisches in" (rare)
_QUALIFIED_PLANT_RE = re.compile(
    r"^(?P<noun>usine|site|plant|factory|facility|werk|fabrik)\s+(?P<qualifier>[^\s'’]+)\s+"
    r"(?P<rest>(?:de\s|d['’]|in\s|à\s).+)$",
    re.IGNORECASE,
)

_PLACE_PRIORITY = {
    PlaceKind.CITY: 0,
    PlaceKind.REGION: 1,
    PlaceKind.COUNTRY: 2,
    PlaceKind.MARKET: 3,
}


def _token_specs(words: Sequence[str]) -> list[dict[str, Any]]:
    if len(words) == 1 and words[0].isalpha():
        word = words[0]
        forms = sorted({word, word[:1].upper() + word[1:], word.upper()})
        return [{"ORTH": {"IN": forms}}]
    return [{"LOWER": w.lower()} for w in words]


@functools.cache
def _tokenizer(lang: str) -> Any:
    import spacy  # imported here: loading the KB for lookups needs no spaCy

    try:
        return spacy.blank(lang).tokenizer
    except (ImportError, KeyError, ValueError):
        log.warning("no spaCy tokenizer for language %r; using the multi-language one", lang)
        return spacy.blank("xx").tokenizer


# --------------------------------------------------------------------------- loading


def default_kb_dir() -> Path:
    """FACTWATCH_KB_DIR if set, else the repository's seeds/kb/."""
    env = os.environ.get(KB_DIR_ENV)
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[1] / "seeds" / "kb"


def load_kb(path: Path | None = None) -> KnowledgeBase:
    """The knowledge base in `path` (default: `default_kb_dir()`), loaded once per path."""
    return _load_kb_cached(Path(path) if path is not None else default_kb_dir())


@functools.cache
def _load_kb_cached(path: Path) -> KnowledgeBase:
    directory = path.resolve()
    cache = _cache_file(directory)
    kb = _read_cache(cache) if cache is not None else None
    if kb is None:
        kb = _Loader(directory).load()
        log.info("knowledge base loaded from %s: %s", path, kb.sizes)
    kb.source = directory  # a cached copy may come from another checkout of the same files
    kb._cache_file = cache
    if cache is not None and not cache.exists():
        _write_cache(kb)
    return kb


# ----------------------------------------------------------------- world towns
# seeds/kb/world_towns.tsv (scripts/build_world_towns.py): the world's towns of 5,000 people
# or more from GeoNames, for plants in towns the YAML files do not name. Kept apart from the
# pickled knowledge base and read on first use. 66k towns as Python dicts would cost some
# 20 MB; as two sorted arrays (a 64-bit hash of each folded name, the row's offset in the
# file's text) and the text itself they cost some 4 MB.

WORLD_TOWNS = "world_towns.tsv"
_MAX_TOWNS_PER_NAME = 3
# letters NFKD leaves whole, as news writes them without their marks ("Cayirova", "Lodz")
_TRANSLITERATE = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
     "œ": "oe", "þ": "th", "ð": "d", "ʻ": "", "ʼ": "", "’": "", "'": ""}
)  # fmt: skip


def _town_key(name: str) -> str:
    # factwatch.model.fold without its memo (66k towns would flush it)
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return _NOT_ALNUM_RE.sub(" ", bare.casefold()).strip()


_OFFSET_BITS = 24
_OFFSET_LIMIT = 1 << _OFFSET_BITS  # rows past 16M characters are not read


def _town_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=5).digest(), "little")


class _Towns:
    """Folded town name -> up to three rows of world_towns.tsv, the most populous first (the
    file is sorted by falling population). Each row is one 64-bit entry: the top 40 bits of
    its folded name's hash, then its byte offset in the file (24 bits), sorted; the file is
    kept as UTF-8 bytes. A hit is checked against the row's own name, so a collision of
    hashes gives no wrong town. Building it makes no Python object per row that outlives
    its line (a list of 130k ints would cost some 5 MB at the peak)."""

    def __init__(self, data: bytes):
        self._data = data
        entries = array("Q")
        offset = 0
        while offset < len(data) and offset < _OFFSET_LIMIT:
            end = data.find(b"\n", offset)
            end = len(data) if end < 0 else end
            if data[offset : offset + 1] not in (b"#", b""):
                name = data[offset : data.find(b"\t", offset, end)].decode("utf-8", "replace")
                for key in {_town_key(name), _town_key(name.translate(_TRANSLITERATE))}:
                    if key:
                        entries.append(_town_hash(key) << _OFFSET_BITS | offset)
            offset = end + 1
        self._entries = numpy.sort(numpy.frombuffer(entries, dtype=numpy.uint64))

    def get(self, name: str) -> list[tuple[str, str, int]]:
        key = _town_key(name)
        if not key:
            return []
        wanted = _town_hash(key)
        low = numpy.uint64(wanted << _OFFSET_BITS)
        high = numpy.uint64((wanted + 1) << _OFFSET_BITS)
        first, last = numpy.searchsorted(self._entries, [low, high])
        found: list[tuple[str, str, int]] = []
        for entry in self._entries[first:last]:
            start = int(entry) & (_OFFSET_LIMIT - 1)
            end = self._data.find(b"\n", start)
            row = self._data[start : end if end >= 0 else len(self._data)].decode(
                "utf-8", "replace"
            )
            parts = row.split("\t")
            if len(parts) != 3 or not parts[2].isdigit():
                continue
            if key in (_town_key(parts[0]), _town_key(parts[0].translate(_TRANSLITERATE))):
                found.append((parts[0], parts[1], int(parts[2])))
        return found[:_MAX_TOWNS_PER_NAME]


def _read_towns(path: Path | None) -> _Towns:
    try:
        data = path.read_bytes() if path is not None else b""
    except OSError as exc:
        log.info("world towns not read (%s): only the knowledge base's places are known", exc)
        data = b""
    return _Towns(data)


# ----------------------------------------------------------------- compiled cache
# Validating the YAML and deriving ~20k span patterns per language takes seconds; a
# manual rerun should not pay that each time. The validated KnowledgeBase (with the
# patterns built so far) is pickled in the user's cache directory under a fingerprint
# of the YAML files, this module's source and the Python version: any edit to the
# knowledge base or its loader makes a new file. The cache is the user's own files
# (FACTWATCH_CACHE_DIR, else $XDG_CACHE_HOME/factwatch, else ~/.cache/factwatch);
# a missing, unreadable or stale cache is rebuilt, never an error.

CACHE_DIR_ENV = "FACTWATCH_CACHE_DIR"


def cache_dir() -> Path:
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factwatch"


def _cache_file(directory: Path) -> Path | None:
    digest = hashlib.sha256()
    digest.update(sys.version.encode())
    try:
        digest.update(Path(__file__).read_bytes())
        for file in sorted(directory.glob("*.yaml")):
            digest.update(file.name.encode() + b"\0" + file.read_bytes())
    except OSError:
        return None
    return cache_dir() / f"kb-{digest.hexdigest()[:24]}.pickle"


def _load_pickle(path: Path, what: str) -> Any:
    """The object pickled at `path`, None when the file is missing or broken (rebuilt)."""
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a broken cache is rebuilt
        log.info("%s cache %s unusable (%s); rebuilding", what, path, exc)
        return None


def _dump_pickle(path: Path, obj: Any, what: str) -> None:
    """Pickle `obj` to `path` through a temporary file (a reader never sees half a file)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(obj, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError as exc:
        log.info("%s cache not written (%s)", what, exc)


def _read_cache(cache: Path) -> KnowledgeBase | None:
    kb = _load_pickle(cache, "knowledge base")
    return kb if isinstance(kb, KnowledgeBase) else None


def _patterns_file(cache: Path, lang: str) -> Path:
    return cache.with_name(f"{cache.stem}-{lang}-patterns.pickle")


def _read_patterns(cache: Path | None, lang: str) -> list[dict[str, Any]] | None:
    found = _load_pickle(_patterns_file(cache, lang), f"{lang} pattern") if cache else None
    return found if isinstance(found, list) else None


def _write_patterns(cache: Path | None, lang: str, patterns: list[dict[str, Any]]) -> None:
    if cache is not None:
        _dump_pickle(_patterns_file(cache, lang), patterns, f"{lang} pattern")


def _write_cache(kb: KnowledgeBase) -> None:
    if kb._cache_file is not None:
        _dump_pickle(kb._cache_file, kb, "knowledge base")


load_kb.cache_clear = _load_kb_cached.cache_clear  # type: ignore[attr-defined]


class _Loader:
    def __init__(self, directory: Path):
        self.directory = directory

    def read(self, name: str) -> Any:
        path = self.directory / name
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise KnowledgeBaseError(
                f"missing (knowledge base directory {self.directory})", file=str(path)
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise KnowledgeBaseError(f"cannot read: {exc}", file=str(path)) from None
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        try:
            return yaml.load(text, Loader=loader)  # a safe loader (C or pure Python)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark is not None else ""
            problem = getattr(exc, "problem", None) or exc
            raise KnowledgeBaseError(f"not valid YAML{where}: {problem}", file=str(path)) from None

    def load(self) -> KnowledgeBase:
        places = self.load_places()
        countries = {p.country for p in places if p.kind is PlaceKind.COUNTRY}
        companies = self.load_companies()
        models = self.load_models({c.name: c for c in companies})
        plants, plant_derived = self.load_plants(companies, models, places, countries)
        return KnowledgeBase(
            companies=companies,
            models=models,
            plants=plants,
            places=places,
            plant_derived=plant_derived,
            common_words=self.load_common_words(),
            source=self.directory,
        )

    # ----------------------------------------------------------------- common words

    def load_common_words(self) -> tuple[str, ...]:
        file = str(self.directory / "common_words.yaml")
        data = self.read("common_words.yaml")
        words = data.get("words") if isinstance(data, Mapping) else None
        if not isinstance(words, list):
            raise KnowledgeBaseError("expected a mapping with a 'words' list", file=file)
        reader = _Reader(data, file=file, entry="words")
        return reader.texts("words")

    # ----------------------------------------------------------------- companies

    def load_companies(self) -> list[Company]:
        file = str(self.directory / "companies.yaml")
        data = self.read("companies.yaml")
        if not isinstance(data, list):
            raise KnowledgeBaseError("expected a list of companies", file=file)
        companies: list[Company] = []
        names: set[str] = set()
        aliases = _AliasIndex("company", file)
        for number, item in enumerate(data, 1):
            entry = _Reader(item, file=file, entry=f"#{number}")
            name = entry.required("name")
            entry.entry = name
            entry.unknown_keys(("name", "kind", "parent", "aliases"))
            if name in names:
                raise entry.error("duplicate company name")
            names.add(name)
            kind_text = entry.required("kind")
            try:
                kind = CompanyKind(kind_text)
            except ValueError:
                raise entry.error(
                    f"kind {kind_text!r} is not one of {[str(k) for k in CompanyKind]}"
                ) from None
            company = Company(
                name=name,
                kind=kind,
                parent=entry.text("parent"),
                aliases=tuple(a for a in entry.texts("aliases") if a != name),
            )
            for alias in (company.name, *company.aliases):
                aliases.add_explicit(alias, name, entry=name)
                if _possessive_ok(alias):
                    aliases.add_derived(alias + "s", name)  # "VWs erstes Elektroauto"
            companies.append(company)
        resolved, _ = aliases.resolve()
        companies = [
            replace(
                c,
                aliases=_uniq(
                    (
                        *c.aliases,
                        *(
                            a + "s"
                            for a in (c.name, *c.aliases)
                            if _possessive_ok(a) and resolved.get(fold(a + "s")) == c.name
                        ),
                    )
                ),
            )
            for c in companies
        ]
        for company in companies:
            if company.parent and company.parent not in names:
                raise KnowledgeBaseError(
                    f"unknown parent {company.parent!r}", file=file, entry=company.name
                )
        self._check_cycles(companies, file)
        return companies

    @staticmethod
    def _check_cycles(companies: Sequence[Company], file: str) -> None:
        parents = {c.name: c.parent for c in companies}
        for name in parents:
            seen = {name}
            current = parents[name]
            while current:
                if current in seen:
                    raise KnowledgeBaseError("parent chain loops", file=file, entry=name)
                seen.add(current)
                current = parents.get(current)

    # ----------------------------------------------------------------- models

    def load_models(self, companies: Mapping[str, Company]) -> list[CarModel]:
        file = str(self.directory / "models.yaml")
        data = self.read("models.yaml")
        if not isinstance(data, list):
            raise KnowledgeBaseError("expected a list of brand groups", file=file)
        index = _AliasIndex("model", file)
        drafts: dict[str, tuple[str, list[str]]] = {}  # name -> (brand, explicit aliases)
        candidates: list[tuple[str, str]] = []  # (derived alias, model name)
        for number, group in enumerate(data, 1):
            reader = _Reader(group, file=file, entry=f"brand group #{number}")
            brand = reader.required("brand")
            reader.entry = brand
            reader.unknown_keys(("brand", "prefix", "models"))
            if brand not in companies:
                raise reader.error("unknown brand (not in companies.yaml)")
            prefix = reader.text("prefix")
            if "prefix" in group and group["prefix"] in ("", None):
                prefix = ""
            elif prefix is None:
                prefix = brand
            items = group.get("models")
            if not isinstance(items, list) or not items:
                raise reader.error("'models' must be a non-empty list")
            for item in items:
                if isinstance(item, Mapping):
                    entry = _Reader(item, file=file, entry=f"{brand} / {item.get('name')}")
                    entry.unknown_keys(("name", "aliases"))
                    short = entry.required("name")
                    explicit = list(entry.texts("aliases"))
                elif isinstance(item, str | int) and not isinstance(item, bool):
                    short, explicit = str(item), []
                else:
                    raise reader.error(f"model {item!r} is neither a name nor a mapping")
                name = _model_name(prefix, short)
                if name in drafts:
                    raise KnowledgeBaseError("duplicate model", file=file, entry=name)
                drafts[name] = (brand, explicit)
                for alias in (name, *explicit):
                    index.add_explicit(alias, name, entry=name)
                remainder = _without_prefix(name, prefix)
                derived = [remainder] if remainder and remainder != name else []
                for brand_alias in companies[brand].aliases:
                    if len(brand_alias) <= MAX_BRAND_ABBREVIATION and remainder:
                        derived.append(f"{brand_alias} {remainder}")  # "VW Golf", "Chevy Bolt"
                for alias in derived:
                    index.add_derived(alias, name)
                    candidates.append((alias, name))
        resolved, dropped = index.resolve()
        if dropped:
            log.debug("models: ambiguous derived aliases dropped: %s", sorted(dropped))
        by_model: dict[str, list[str]] = defaultdict(list)
        for name, (_, explicit) in drafts.items():
            by_model[name].extend(explicit)
        for alias, name in candidates:
            if resolved.get(fold(alias)) == name:
                by_model[name].append(alias)
        return [
            CarModel(
                name=name,
                brand=brand,
                aliases=_uniq(a for a in by_model[name] if a != name),
                listed=_uniq(explicit),
            )
            for name, (brand, explicit) in drafts.items()
        ]

    # ----------------------------------------------------------------- plants

    def load_plants(
        self,
        companies: Sequence[Company],
        models: Sequence[CarModel],
        places: Sequence[Place],
        countries: set[str | None],
    ) -> tuple[list[PlantEntry], dict[str, dict[str, tuple[_Derived, ...]]]]:
        file = str(self.directory / "plants.yaml")
        data = self.read("plants.yaml")
        if not isinstance(data, list):
            raise KnowledgeBaseError("expected a list of plants", file=file)
        by_company = {c.name: c for c in companies}
        model_kb = KnowledgeBase(
            companies=companies, models=models, plants=(), places=places, plant_derived={}
        )
        plants: list[PlantEntry] = []
        ids: set[str] = set()
        index = _AliasIndex("plant", file)
        for number, item in enumerate(data, 1):
            entry = _Reader(item, file=file, entry=f"#{number}")
            plant_id = entry.required("id")
            entry.entry = plant_id
            entry.unknown_keys(
                (
                    "id",
                    "name",
                    "operator",
                    "city",
                    "region",
                    "country",
                    "aliases",
                    "localities",
                    "models",
                    "status",
                    "former_operators",
                )
            )
            if not _SLUG_RE.match(plant_id):
                raise entry.error("id must be a lower-case slug (a-z, 0-9, '-')")
            if plant_id in ids:
                raise entry.error("duplicate plant id")
            ids.add(plant_id)
            operator = entry.required("operator")
            if operator not in by_company:
                suggestion = model_kb.company(operator)
                hint = f" (did you mean {suggestion.name!r}?)" if suggestion else ""
                raise entry.error(f"unknown operator {operator!r}{hint}")
            country = entry.required("country")
            if not _COUNTRY_RE.match(country) or country not in countries:
                raise entry.error(f"bad country code {country!r} (ISO 3166-1 alpha-2 expected)")
            status_text = entry.text("status") or PlantStatus.OPERATING
            try:
                status = PlantStatus(status_text)
            except ValueError:
                raise entry.error(
                    f"status {status_text!r} is not one of {[str(s) for s in PlantStatus]}"
                ) from None
            former = entry.texts("former_operators")
            for name in former:
                if name not in by_company:
                    raise entry.error(f"unknown former operator {name!r}")
            built: list[str] = []
            for model_name in entry.texts("models"):
                model = model_kb.model(model_name)
                if model is None:
                    raise entry.error(f"unknown model {model_name!r}")
                built.append(model.name)
            plant = PlantEntry(
                id=plant_id,
                name=entry.required("name"),
                operator=operator,
                country=country,
                city=entry.text("city"),
                region=entry.text("region"),
                aliases=entry.texts("aliases"),
                localities=entry.texts("localities"),
                models=_uniq(built),
                status=status,
                former_operators=former,
            )
            for alias in (plant.name, *plant.aliases):
                index.add_explicit(alias, plant_id, entry=plant_id)
            plants.append(plant)
        # the district a plant's name gives locates it as its localities do ("À Motomachi, …")
        plants = [
            replace(plant, localities=(*plant.localities, *named), districts=tuple(named))
            if (named := _name_place(plant, by_company, model_kb))
            else plant
            for plant in plants
        ]
        forms_by_plant: dict[str, list[tuple[str, _Derived]]] = defaultdict(list)
        for plant in plants:
            for lang, form in self._derived_plant_aliases(plant, by_company, model_kb):
                index.add_derived(form.text, plant.id)
                forms_by_plant[plant.id].append((lang, form))
        resolved, dropped = index.resolve()
        log.debug("plants: %s ambiguous derived aliases dropped", len(dropped))
        derived: dict[str, dict[str, tuple[_Derived, ...]]] = {}
        for plant in plants:
            explicit = {fold(a) for a in (plant.name, *plant.aliases)}
            by_lang: dict[str, list[_Derived]] = defaultdict(list)
            for lang, form in forms_by_plant[plant.id]:
                folded = fold(form.text)
                if resolved.get(folded) == plant.id and folded not in explicit:
                    by_lang[lang].append(form)
            derived[plant.id] = {lang: tuple(forms) for lang, forms in by_lang.items()}
        return plants, derived

    @staticmethod
    def _derived_plant_aliases(
        plant: PlantEntry, companies: Mapping[str, Company], kb: KnowledgeBase
    ) -> Iterator[tuple[str, _Derived]]:
        cities: list[str] = []
        for name in (plant.city, *plant.localities):
            if not name:
                continue
            cities.append(name)
            for place in kb.places_named(name):
                if place.kind is PlaceKind.CITY and fold(place.name) == fold(name):
                    # names, not the lower-case adjectives ("douaisien")
                    cities.extend(a for a in place.aliases if len(fold(a)) > 2 and a[:1].isupper())
        # the operator, its short aliases ("RKM", "VW"), its parents, and the brands of
        # the models built there ("usine Opel de Saragosse")
        operators: list[str] = []
        company: Company | None = companies[plant.operator]
        first = True
        while company is not None:
            operators.append(company.name)
            if first:
                operators.extend(a for a in company.aliases if len(a.split()) == 1)
            first = False
            company = companies.get(company.parent) if company.parent else None
        for model_name in plant.models:
            model = kb._model_by_name.get(model_name)
            if model:
                operators.append(model.brand)
        operators = list(_uniq(operators))
        for city in _uniq(cities):
            for lang, templates in _PLANT_TEMPLATES.items():
                # German group words ("Renault-Konzern", "VW-Gruppe") are written in German
                ops = [o for o in operators if lang == "de" or not _GERMAN_GROUP_WORD.search(o)]
                for template in templates:
                    for op in ops if "{o}" in template else [None]:
                        for form in _plant_forms(template, city, op):
                            yield lang, form

    # ----------------------------------------------------------------- places

    def load_places(self) -> list[Place]:
        file = str(self.directory / "places.yaml")
        data = self.read("places.yaml")
        if not isinstance(data, Mapping):
            raise KnowledgeBaseError(
                "expected sections markets, countries, regions, cities", file=file
            )
        extra = set(data) - {"markets", "countries", "regions", "cities"}
        if extra:
            raise KnowledgeBaseError(f"unknown section(s) {sorted(extra)}", file=file)
        places: list[Place] = []
        seen: dict[PlaceKind, _AliasIndex] = {k: _AliasIndex(str(k), file) for k in PlaceKind}
        names: dict[PlaceKind, set[str]] = {k: set() for k in PlaceKind}

        def section(key: str) -> list[Any]:
            items = data.get(key) or []
            if not isinstance(items, list):
                raise KnowledgeBaseError(f"section {key!r} must be a list", file=file)
            return items

        def register(place: Place, entry: _Reader) -> None:
            if place.name in names[place.kind]:
                raise entry.error(f"duplicate {place.kind} name")
            names[place.kind].add(place.name)
            for alias in (place.name, *place.aliases, *place.adjectives):
                seen[place.kind].add_explicit(alias, place.name, entry=place.name)
            places.append(place)

        for number, item in enumerate(section("markets"), 1):
            entry = _Reader(item, file=file, entry=f"market #{number}")
            entry.unknown_keys(("name", "aliases"))
            name = entry.required("name")
            entry.entry = name
            register(Place(name=name, kind=PlaceKind.MARKET, aliases=entry.texts("aliases")), entry)

        countries: set[str] = set()
        for number, item in enumerate(section("countries"), 1):
            entry = _Reader(item, file=file, entry=f"country #{number}")
            entry.unknown_keys(("code", "name", "aliases", "adjectives", "lookup_only"))
            name = entry.required("name")
            entry.entry = name
            code = entry.required("code")
            if not _COUNTRY_RE.match(code):
                raise entry.error(f"bad country code {code!r} (ISO 3166-1 alpha-2 expected)")
            if code in countries:
                raise entry.error(f"duplicate country code {code!r}")
            countries.add(code)
            listed = entry.texts("adjectives")
            adjectives = _uniq(f for a in listed for f in _adjective_forms(a))
            register(
                Place(
                    name=name,
                    kind=PlaceKind.COUNTRY,
                    country=code,
                    aliases=_uniq((*entry.texts("aliases"), *_market_phrases(listed))),
                    adjectives=adjectives,
                    lookup_only=bool(item.get("lookup_only")),
                ),
                entry,
            )

        def country_of(entry: _Reader) -> str:
            code = entry.required("country")
            if code not in countries:
                raise entry.error(f"bad country code {code!r} (not in the countries section)")
            return code

        regions: dict[tuple[str, str], Place] = {}
        pending_parents: list[tuple[Place, _Reader]] = []
        for number, item in enumerate(section("regions"), 1):
            entry = _Reader(item, file=file, entry=f"region #{number}")
            entry.unknown_keys(
                (
                    "name",
                    "country",
                    "region",
                    "aliases",
                    "adjectives",
                    "abbreviations",
                    "lookup_only",
                )
            )
            name = entry.required("name")
            entry.entry = name
            place = Place(
                name=name,
                kind=PlaceKind.REGION,
                country=country_of(entry),
                region=entry.text("region"),
                aliases=entry.texts("aliases"),
                # demonyms ("mosellane", "sächsischen"): a plant placed by them is in the region
                adjectives=_uniq(f for a in entry.texts("adjectives") for f in _adjective_forms(a)),
                abbreviations=entry.texts("abbreviations"),
                lookup_only=bool(item.get("lookup_only")),
            )
            register(place, entry)
            assert place.country is not None
            regions[(place.country, fold(place.name))] = place
            if place.region:
                pending_parents.append((place, entry))
        for place, entry in pending_parents:
            assert place.country is not None
            if (place.country, fold(place.region)) not in regions:
                raise entry.error(f"unknown parent region {place.region!r} in {place.country}")

        for number, item in enumerate(section("cities"), 1):
            entry = _Reader(item, file=file, entry=f"city #{number}")
            entry.unknown_keys(("name", "country", "region", "aliases", "lookup_only"))
            name = entry.required("name")
            entry.entry = name
            code = country_of(entry)
            region = entry.text("region")
            if region and (code, fold(region)) not in regions:
                raise entry.error(f"unknown region {region!r} in {code}")
            register(
                Place(
                    name=name,
                    kind=PlaceKind.CITY,
                    country=code,
                    region=regions[(code, fold(region))].name if region else None,
                    aliases=entry.texts("aliases"),
                    lookup_only=bool(item.get("lookup_only")),
                ),
                entry,
            )
        return places


def _possessive_ok(alias: str) -> bool:
    """Whether a company name takes a German possessive -s as one word ("VWs",
    "Teslas", "Toyotas"): one word, not ending in s/x/z, an acronym or 5+ letters."""
    if not alias.isalpha() or alias[-1:].lower() in "sxz":
        return False
    return (alias.isupper() and len(alias) >= 2) or len(alias) >= 5


def _model_name(prefix: str, item: str) -> str:
    """ "Ioniq 5" under "Hyundai" -> "Hyundai Ioniq 5"; "MG4" under "MG" stays "MG4"."""
    if not prefix:
        return item
    squashed, squashed_prefix = _squash(item), _squash(prefix)
    if squashed.startswith(squashed_prefix):
        rest = fold(item)[len(fold(prefix)) :]
        if not rest or rest[0] in " 0123456789":
            return item
    return f"{prefix} {item}"


def _without_prefix(name: str, prefix: str) -> str | None:
    if not prefix:
        return None
    if name.startswith(prefix + " "):
        return name[len(prefix) + 1 :]
    return None
