"""The rules' view of the knowledge base (extractors.kb): canonical names, places, plants.

A thin adapter: it asks `extractors.kb.load_kb()` and turns its answers into the
small frozen records below, so the rules depend on these five questions only. When
the knowledge base is absent or a lookup fails, the answer is None (the rules still
extract, with names as written).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from factwatch.model import Plant, fold

__all__ = ["CompanyInfo", "Knowledge", "ModelInfo", "PlaceInfo", "knowledge"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    name: str  # canonical English form
    kind: str  # city, county, region, country, market
    region: str | None
    country: str | None
    adjective: bool = False  # named by an adjective ("chinois", "US-amerikanisch")
    parent: str | None = None  # a region's parent region (a department's region)


@dataclass(frozen=True, slots=True)
class CompanyInfo:
    name: str
    kind: str | None  # group, automaker, brand, supplier, union, ...
    parent: str | None = None


@dataclass(frozen=True, slots=True)
class ModelInfo:
    name: str
    brand: str | None


def _get(obj: Any, *names: str) -> Any:
    for name in names:
        if isinstance(obj, dict) and name in obj:
            return obj[name]
        value = getattr(obj, name, None)
        if value is not None:
            return value
    return None


def _str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value or None
    name = _get(value, "name", "canonical")
    return name if isinstance(name, str) else str(value)


class Knowledge:
    """Lookups with memoisation; every method returns None (or []) when unknown."""

    def __init__(self, kb: Any) -> None:
        self._kb = kb
        self._cache: dict[tuple[str, str], Any] = {}
        self._infos: dict[tuple[str, str], Any] = {}  # converted answers by the name asked
        self._near: dict[tuple[str, str, str, str], tuple[Plant, ...]] = {}
        self._word_models: dict[str, tuple[ModelInfo, ...]] | None = None

    @property
    def available(self) -> bool:
        return self._kb is not None

    def _ask(self, method: str, name: str) -> Any:
        key = (method, fold(name))
        if key in self._cache:
            return self._cache[key]
        answer = None
        if self._kb is not None and key[1]:
            try:
                answer = getattr(self._kb, method)(name)
            except Exception as exc:  # a KB bug must not stop an article's extraction
                log.debug("kb.%s(%r) failed: %s", method, name, exc)
        self._cache[key] = answer
        return answer

    def company(self, name: str) -> CompanyInfo | None:
        key = ("company", name)
        if key in self._infos:
            known: CompanyInfo | None = self._infos[key]
            return known
        info = self._company(name)
        self._infos[key] = info
        return info

    def _company(self, name: str) -> CompanyInfo | None:
        found = self._ask("company", name)
        if found is None:
            return None
        canonical = _str(_get(found, "name", "canonical")) or name
        return CompanyInfo(canonical, _str(_get(found, "kind")), _str(_get(found, "parent")))

    def model(self, name: str) -> ModelInfo | None:
        key = ("model", name)
        if key in self._infos:
            known: ModelInfo | None = self._infos[key]
            return known
        info = self._model(name)
        self._infos[key] = info
        return info

    def _model(self, name: str) -> ModelInfo | None:
        found = self._ask("model", name)
        if found is None:
            return None
        canonical = _str(_get(found, "name", "canonical")) or name
        return ModelInfo(canonical, _str(_get(found, "brand")))

    def common_word_models(self) -> dict[str, tuple[ModelInfo, ...]]:
        """Models named by one ordinary word (seeds/kb/common_words.yaml: "Focus",
        "Superb", "Semi"), which have no span pattern: folded word → the models it names;
        and one-word names two brands share ("Duster": Renault's and Dacia's), which a
        cue must tell apart."""
        if self._word_models is None:
            found: dict[str, list[ModelInfo]] = {}
            words = set(getattr(self._kb, "common_words", ()) or ())
            words |= self._shared_words()
            for model in getattr(self._kb, "models", ()) or ():
                name, brand = _str(_get(model, "name")), _str(_get(model, "brand"))
                if not name:
                    continue
                for alias in (name, *(_get(model, "aliases") or ())):
                    short = str(alias)
                    if brand and fold(short).startswith(fold(brand) + " "):
                        short = short[len(brand) :].strip()  # "Škoda Superb" → "Superb"
                    key = fold(short)
                    if " " in key and brand and fold(short.split()[0]) == fold(brand.split()[0]):
                        # "Mack Anthem" of "Mack Trucks", whose file gives no bare "Anthem":
                        # the word names the model only with a cue
                        rest = short.split(" ", 1)[1]
                        if (
                            " " not in fold(rest)
                            and rest[:1].isupper()
                            and self.model(rest) is None
                        ):
                            key = fold(rest)
                            words.add(key)
                    if " " in key or key not in words:
                        continue
                    info = ModelInfo(name, brand)
                    if info not in found.setdefault(key, []):
                        found[key].append(info)
            self._word_models = {k: tuple(v) for k, v in found.items()}
        return self._word_models

    def _shared_words(self) -> set[str]:
        """Folded one-word model names (without the brand) that models of two brands
        share and that name no model by themselves."""
        brands: dict[str, set[str]] = {}
        for model in getattr(self._kb, "models", ()) or ():
            name, brand = _str(_get(model, "name")), _str(_get(model, "brand"))
            if not name or not brand or not fold(name).startswith(fold(brand) + " "):
                continue
            short = name[len(brand) :].strip()
            if " " not in short and short.isalpha() and len(short) >= 3:
                brands.setdefault(fold(short), set()).add(brand)
        return {k for k, v in brands.items() if len(v) > 1 and self.model(k) is None}

    def is_common_word(self, word: str) -> bool:
        """Whether the KB lists `word` as an ordinary word that is also a name."""
        return fold(word) in (getattr(self._kb, "common_words", None) or ())

    def company_names(self, name: str) -> tuple[str, ...]:
        """The ways news writes a known company: its name and its aliases."""
        found = self._ask("company", name)
        if found is None:
            return ()
        canonical = _str(_get(found, "name", "canonical")) or name
        aliases = _get(found, "aliases") or ()
        return (canonical, *(str(a) for a in aliases))

    def place(self, name: str) -> PlaceInfo | None:
        key = ("place", name)
        if key in self._infos:
            known: PlaceInfo | None = self._infos[key]
            return known
        info = self._place(name)
        self._infos[key] = info
        return info

    def _place(self, name: str) -> PlaceInfo | None:
        return self._place_info(self._ask("place", name), name)

    @staticmethod
    def _place_info(found: Any, name: str) -> PlaceInfo | None:
        if found is None:
            return None
        canonical = _str(_get(found, "name", "canonical")) or name
        parent = None
        kind = _str(_get(found, "kind")) or "city"
        region = _str(_get(found, "region"))
        country = _str(_get(found, "country"))
        if kind == "region" and re.search(
            r"\b(?:County|Parish|Kreis|Landkreis|[Dd]istrict)\b", canonical
        ):
            kind = "county"  # a county locates a plant as a city does (its region is its parent)
        elif kind == "region":
            parent, region = region, canonical
        adjective = False
        check = getattr(found, "is_adjective", None)
        if callable(check):
            try:
                adjective = bool(check(name))
            except Exception:
                adjective = False
        return PlaceInfo(
            canonical, kind, region, country.upper() if country else None, adjective,
            parent if kind == "region" else None,
        )  # fmt: skip

    def region(self, name: str) -> PlaceInfo | None:
        """The region (state, province) named `name`, even where a city has the name too
        ("São Paulo state", "New York State")."""
        key = ("region", name)
        if key in self._infos:
            known: PlaceInfo | None = self._infos[key]
            return known
        found = None
        if self._kb is not None:
            try:
                found = self._kb.place(name, kind="region")
            except Exception as exc:  # a KB bug must not stop an article's extraction
                log.debug("kb.place(%r, region) failed: %s", name, exc)
        info = self._infos[key] = self._place_info(found, name)
        return info

    def town(self, name: str, countries: Iterable[str] = ()) -> PlaceInfo | None:
        """A town of the world gazetteer (seeds/kb/world_towns.tsv) named `name`, with its
        country: the one in `countries` (those the article names) if any, else the largest,
        when it is at least five times the next of that name; else a town of no country.
        None when no town has the name. Names the YAML places know are for `place()`."""
        key = ("town", name)
        if key in self._infos:
            found: tuple[tuple[str, str, int], ...] = self._infos[key]
        else:
            found = tuple(self._ask("towns", name) or ())
            self._infos[key] = found
        if not found:
            return None
        wanted = set(countries)
        chosen = next((t for t in found if t[1] in wanted), None)
        if chosen is None and (len(found) == 1 or found[0][2] >= 5 * found[1][2]):
            chosen = found[0]
        return PlaceInfo(name, "city", None, chosen[1] if chosen else None)

    def plant(self, name: str) -> Plant | None:
        return self._plant("plant", name)

    def _plant(self, method: str, name: str) -> Plant | None:
        key = (method, name)
        if key in self._infos:
            known: Plant | None = self._infos[key]
            return known
        plant = self._infos[key] = self._as_plant(self._ask(method, name))
        return plant

    def plant_place(self, name: str) -> str | None:
        """The city or locality a plant's name gives ("Anantapur plant" → "Anantapur"),
        None when the name gives no town ("Sevelnord", "Gläserne Manufaktur")."""
        town = _str(self._ask("plant_place", name))
        return town.split(", ", 1)[0] if town and ", " in town else town

    def plant_by_id(self, kb_id: str) -> Plant | None:
        return self._plant("plant_by_id", kb_id)

    def is_district(self, kb_id: str | None, name: str | None) -> bool:
        """Whether `name` is the district the known plant's own name gives ("Motomachi" of
        "Toyota Motomachi"): it finds the plant, but the plant's place stays its city."""
        if not kb_id or not name:
            return False
        entry = self._ask("plant_by_id", kb_id)
        return fold(name) in {fold(d) for d in getattr(entry, "districts", ()) or ()}

    def plants_near(
        self,
        *,
        city: str | None = None,
        region: str | None = None,
        country: str | None = None,
        operator: str | None = None,
    ) -> list[Plant]:
        if self._kb is None:
            return []
        key = (fold(city), fold(region), (country or "").upper(), fold(operator))
        if key in self._near:
            return list(self._near[key])
        try:
            found: Iterable[Any] = self._kb.plants_near(
                city=city, region=region, country=country, operator=operator
            )
        except Exception as exc:
            log.debug("kb.plants_near failed: %s", exc)
            found = ()
        plants = [p for p in (self._as_plant(p) for p in found or ()) if p is not None]
        self._near[key] = tuple(plants)
        return plants

    @staticmethod
    def _as_plant(found: Any) -> Plant | None:
        if found is None:
            return None
        if isinstance(found, Plant):
            return found
        country = _str(_get(found, "country"))
        city = _str(_get(found, "city"))
        if city and ", " in city:
            city = city.split(", ", 1)[0]  # "Dublin, Virginia", one of two Dublins, is Dublin
        return Plant(
            name=_str(_get(found, "name")),
            operator=_str(_get(found, "operator")),
            city=city,
            region=_str(_get(found, "region")),
            country=country.upper() if country else None,
            kb_id=_str(_get(found, "id", "kb_id")),
        )


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The process's knowledge adapter (loads the KB once)."""
    try:
        from extractors.kb import load_kb
    except ImportError:
        log.warning("extractors.kb is not available: names stay as written")
        return Knowledge(None)
    try:
        return Knowledge(load_kb())
    except Exception as exc:
        log.warning("knowledge base could not be loaded (%s): names stay as written", exc)
        return Knowledge(None)
