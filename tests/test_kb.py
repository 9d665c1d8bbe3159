"""The knowledge base in seeds/kb/: it loads, validates, and canonicalises names."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from extractors.kb import (
    KB_DIR_ENV,
    CompanyKind,
    KnowledgeBase,
    KnowledgeBaseError,
    PlaceKind,
    default_kb_dir,
    load_kb,
)
from factwatch.model import Plant, PlantStatus

KB_DIR = Path(__file__).resolve().parents[1] / "seeds" / "kb"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


# --------------------------------------------------------------------------- loading


def test_loads_from_the_repository_and_is_cached(kb: KnowledgeBase) -> None:
    assert kb.source == KB_DIR.resolve()
    assert load_kb() is kb
    assert load_kb(KB_DIR) is kb


def test_sizes_meet_the_coverage_floor(kb: KnowledgeBase) -> None:
    sizes = kb.sizes
    assert sizes["plants"] >= 150
    assert sizes["models"] >= 300
    assert sizes["companies"] >= 100
    assert sizes["places"] >= 300
    assert sizes["countries"] >= 50 and sizes["regions"] >= 150 and sizes["cities"] >= 200
    assert sizes["markets"] >= 5


def test_env_overrides_the_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(KB_DIR_ENV, str(tmp_path))
    assert default_kb_dir() == tmp_path
    with pytest.raises(KnowledgeBaseError, match=r"places\.yaml: missing"):
        load_kb()


@pytest.mark.parametrize(
    "text", ["Renault Korea Motors", "ID.3", "  VF-8 ", "Zoé", "Škoda", "", "A&B_c"]
)
def test_the_fast_fold_agrees_with_the_models_fold(text: str) -> None:
    from extractors.kb import fold
    from factwatch.model import fold as model_fold

    assert fold(text) == model_fold(text)


# --------------------------------------------------------------------------- integrity


def test_every_reference_resolves(kb: KnowledgeBase) -> None:
    names = {c.name for c in kb.companies}
    for company in kb.companies:
        assert company.parent is None or company.parent in names, company
    for model in kb.models:
        assert model.brand in names, model
    model_names = {m.name for m in kb.models}
    countries = {p.country for p in kb.places if p.kind is PlaceKind.COUNTRY}
    for plant in kb.plants:
        assert plant.operator in names, plant.id
        assert plant.country in countries, plant.id
        assert set(plant.models) <= model_names, plant.id


def test_every_plant_place_is_in_the_gazetteer(kb: KnowledgeBase) -> None:
    """A plant's city and region are known places of its country, so mentions in any
    language ("Saragosse", "Caroline du Sud") link to it."""
    for plant in kb.plants:
        if plant.city:
            city = kb.place(plant.city, kind=PlaceKind.CITY)
            assert city is not None and city.country == plant.country, (plant.id, plant.city)
        if plant.region:
            region = kb.place(plant.region, kind=PlaceKind.REGION)
            assert region is not None and region.country == plant.country, plant.id
            assert region.name == plant.region, (plant.id, "use the canonical region name")


def test_plant_ids_are_unique_slugs(kb: KnowledgeBase) -> None:
    ids = [p.id for p in kb.plants]
    assert len(ids) == len(set(ids))
    assert all(i == i.lower() and " " not in i for i in ids)


@pytest.mark.shared
def test_every_plant_named_in_the_dev_gold_is_known(kb: KnowledgeBase, shared_dir: Path) -> None:
    """Each gold plant with a city or region links to a KB plant by place and operator."""
    missing = []
    for path in sorted((shared_dir / "dev" / "gold").glob("*.json")):
        for fact in json.loads(path.read_text(encoding="utf-8"))["facts"]:
            plant = fact.get("plant")
            if (
                not plant
                or not plant.get("operator")
                or not (plant.get("city") or plant.get("region"))
            ):
                continue
            found = kb.plants_near(
                city=plant.get("city"),
                region=None if plant.get("city") else plant.get("region"),
                country=plant.get("country"),
                operator=plant.get("operator"),
            )
            if not found and kb.plant(plant.get("name")) is None:
                missing.append((path.name, plant))
    assert not missing, missing


# --------------------------------------------------------------------------- lookups


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("RKM", "Renault Korea Motors"),
        ("Renault Korea", "Renault Korea Motors"),
        ("Renault Korea Motors", "Renault Korea Motors"),
        ("Renault Samsung Motors", "Renault Korea Motors"),
        ("VW", "Volkswagen"),
        ("VW-Konzern", "Volkswagen"),
        ("Volkswagen Group", "Volkswagen"),
        ("volkswagen ag", "Volkswagen"),
        ("GM", "General Motors"),
        ("HMG", "Hyundai Motor Group"),
        ("TMMF", "Toyota Motor Manufacturing France"),
        ("Geely", "Geely Group"),
        ("groupe Renault", "Renault Group"),
        ("Citroen", "Citroën"),
        ("Ineos", "Ineos Automotive"),
        ("LGES", "LG Energy Solution"),
        ("VWs", "Volkswagen"),  # German possessive
        ("Teslas", "Tesla"),
    ],
)
def test_company_aliases(kb: KnowledgeBase, alias: str, canonical: str) -> None:
    company = kb.company(alias)
    assert company is not None and company.name == canonical


def test_company_kinds_and_parents(kb: KnowledgeBase) -> None:
    polestar = kb.company("Polestar")
    assert polestar is not None and polestar.kind is CompanyKind.BRAND
    assert polestar.parent == "Geely Group"
    assert kb.related_companies("Opel") == {"Opel", "Stellantis"}
    assert kb.company("Stammwerk") is None
    # short acronyms only as written: "MAN" is the truck maker, "man" and "im" are words
    assert kb.company("MAN").name == "MAN"  # type: ignore[union-attr]
    assert kb.company("man") is None and kb.company("im") is None
    assert kb.model("es") is None and kb.model("Lexus ES") is not None
    assert kb.company("") is None


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("ID.3", "Volkswagen ID.3"),
        ("ID 3", "Volkswagen ID.3"),
        ("Zoé", "Renault Zoe"),
        ("ZOE", "Renault Zoe"),
        ("R5", "Renault 5 E-Tech"),
        ("Renault 5", "Renault 5 E-Tech"),
        ("Ioniq 5", "Hyundai Ioniq 5"),
        ("IONIQ 5", "Hyundai Ioniq 5"),
        ("VF8", "VinFast VF 8"),
        ("VF 8", "VinFast VF 8"),
        ("500 hybride", "Fiat 500 Hybrid"),
        ("500e", "Fiat 500e"),
        ("Fiat 500 électrique", "Fiat 500e"),
        ("Megane E-Tech", "Renault Mégane E-Tech"),
        ("Mégane", "Renault Mégane E-Tech"),  # the combustion Mégane is out of production
        ("Scenic", "Renault Scénic E-Tech"),
        ("electric Chevrolet Silverado", "Chevrolet Silverado EV"),
        ("e-tron GT", "Audi e-tron GT"),
        ("Silverado", "Chevrolet Silverado"),
        ("Silverado EV", "Chevrolet Silverado EV"),
        ("Explorer EV", "Ford Explorer EV"),
        ("Grenadier", "Ineos Grenadier"),
        ("Yaris Cross", "Toyota Yaris Cross"),
        ("Leapmotor B10", "Leapmotor B10"),
        ("Polestar 4", "Polestar 4"),
        ("F150", "Ford F-150"),
        ("3er", "BMW 3 Series"),
        ("Classe G", "Mercedes-Benz G-Class"),
    ],
)
def test_model_aliases(kb: KnowledgeBase, alias: str, canonical: str) -> None:
    model = kb.model(alias)
    assert model is not None and model.name == canonical


def test_models_that_differ_stay_apart(kb: KnowledgeBase) -> None:
    assert kb.model("Silverado") != kb.model("Silverado EV")
    assert kb.model("Fiat 500e") != kb.model("Fiat 500 Hybrid")
    assert kb.model("Yaris") != kb.model("Yaris Cross")
    # "Leon" is a Seat and a Cupra: ambiguous without the brand
    assert kb.model("Leon") is None
    seat, cupra = kb.model("Seat Leon"), kb.model("Cupra Leon")
    assert seat and cupra and seat.brand == "Seat" and cupra.brand == "Cupra"


@pytest.mark.parametrize(
    ("alias", "plant_id"),
    [
        ("usine de Busan", "renault-korea-busan"),
        ("l'usine RKM de Busan", "renault-korea-busan"),
        ("notre usine de Busan", "renault-korea-busan"),
        ("site slovaque de Trnava", "stellantis-trnava"),
        ("usine historique de Flins", "renault-flins"),
        ("usine polonaise de Tychy", "stellantis-tychy"),
        ("the Kentucky Truck Plant", "ford-kentucky-truck"),
        ("Zwickauer Werk", "vw-zwickau"),
        ("Batteriefabrik in Salzgitter", "vw-salzgitter"),
        ("factory in Ridgeville", "volvo-ridgeville"),
        ("Standort Emden", "vw-emden"),
        ("site de production de Sochaux", "stellantis-sochaux"),
        ("usine Toyota Motor Manufacturing France (TMMF) d'Onnaing", "toyota-onnaing"),
        ("usine RKM de Busan", "renault-korea-busan"),
        ("Busan plant", "renault-korea-busan"),
        ("Werk Busan", "renault-korea-busan"),
        ("Werk Zwickau", "vw-zwickau"),
        ("VW-Werk in Zwickau", "vw-zwickau"),
        ("Ridgeville plant", "volvo-ridgeville"),
        ("site de Saragosse", "stellantis-zaragoza"),
        ("usine Stellantis de Saragosse", "stellantis-zaragoza"),
        ("Figueruelas", "stellantis-zaragoza"),
        ("usine d'Onnaing", "toyota-onnaing"),
        ("usine Toyota de Valenciennes", "toyota-onnaing"),
        ("Gläserne Manufaktur", "vw-dresden"),
        ("HMGMA", "hmgma-georgia"),
        ("Metaplant", "hmgma-georgia"),
        ("Orion Assembly", "gm-orion"),
        ("Factory Zero", "gm-factory-zero"),
        ("Oakville Assembly Complex", "ford-oakville"),
        ("CAMI", "gm-cami-ingersoll"),
        ("Giga Mexico", "tesla-mexico"),
        ("Gigafactory Berlin-Brandenburg", "tesla-berlin"),
        ("usine de Douai", "renault-douai"),
        ("usine de Mirafiori", "stellantis-mirafiori"),
        ("usine de Flins-sur-Seine", "renault-flins"),
        # the district the plant's name gives, beside its city (Toyota City, São Bernardo)
        ("usine de Motomachi", "toyota-motomachi"),
        ("Werk Tsutsumi", "toyota-tsutsumi"),
        ("Stammwerk", None),
    ],
)
def test_plant_aliases(kb: KnowledgeBase, alias: str, plant_id: str | None) -> None:
    plant = kb.plant(alias)
    assert (plant.id if plant else None) == plant_id


def test_a_city_with_two_plants_needs_the_operator(kb: KnowledgeBase) -> None:
    # Toyota City holds three Toyota plants: "Toyota City plant" names none of them
    assert kb.plant("Toyota City plant") is None
    # Louisville holds two Ford plants, each known by its own name
    assert kb.plant("Kentucky Truck Plant") != kb.plant("Louisville Assembly Plant")


def test_to_plant_carries_the_kb_id(kb: KnowledgeBase) -> None:
    entry = kb.plant("usine RKM de Busan")
    assert entry is not None
    plant = entry.to_plant("usine RKM de Busan")
    assert isinstance(plant, Plant)
    assert plant == Plant(
        name="usine RKM de Busan",
        operator="Renault Korea Motors",
        city="Busan",
        region="Busan",
        country="KR",
        kb_id="renault-korea-busan",
    )
    assert plant.to_json()["id"] == "renault-korea-busan"
    metaplant = kb.plant("HMGMA")
    assert metaplant is not None and metaplant.city == "Ellabell"
    assert metaplant.to_plant(city="Bryan County").city == "Bryan County"  # a locality
    assert metaplant.to_plant(city="Atlanta").city == "Ellabell"  # not this plant's place
    assert "Polestar 4" in entry.models
    assert entry.status is PlantStatus.OPERATING


def test_plants_near(kb: KnowledgeBase) -> None:
    ids = [p.id for p in kb.plants_near(city="Saragosse", country="ES")]
    assert ids == ["stellantis-zaragoza"]
    # a locality finds the plant too, after plants in that very city
    assert [p.id for p in kb.plants_near(city="Moncure")] == ["vinfast-north-carolina"]
    assert [p.id for p in kb.plants_near(region="Caroline du Nord", operator="VinFast")] == [
        "vinfast-north-carolina"
    ]
    # a brand built there finds its group's plant
    assert "stellantis-zaragoza" in [p.id for p in kb.plants_near(city="Zaragoza", operator="Opel")]
    # Polestar builds in Volvo's Chengdu plant
    assert [p.id for p in kb.plants_near(city="Chengdu", operator="Polestar")] == ["volvo-chengdu"]
    # a county gives its parent region
    orion = kb.plants_near(region="Oakland County", operator="GM")
    assert [p.id for p in orion] == ["gm-orion"]
    assert kb.plants_near(city="Busan", country="Südkorea")[0].id == "renault-korea-busan"
    assert kb.plants_near(city="Zwickau", country="FR") == []
    # the named operator's plant comes before its subsidiary's in the same town
    ellabell = [p.id for p in kb.plants_near(city="Ellabell", operator="Hyundai Motor Group")]
    assert ellabell[0] == "hmgma-georgia" and "hl-ga-battery-ellabell" in ellabell
    battery = kb.plants_near(city="Ellabell", operator="HL-GA Battery")
    assert battery[0].id == "hl-ga-battery-ellabell"
    # a former operator still finds the plant ("l'usine Smart de Hambach", Daimler)
    assert [p.id for p in kb.plants_near(city="Hambach", operator="Daimler")] == ["ineos-hambach"]
    assert kb.plants_near() == []


@pytest.mark.parametrize(
    ("name", "canonical", "kind", "country"),
    [
        ("Caroline du Sud", "South Carolina", PlaceKind.REGION, "US"),
        ("Südcarolina", "South Carolina", PlaceKind.REGION, "US"),
        ("S.C.", "South Carolina", PlaceKind.REGION, "US"),
        ("Ont.", "Ontario", PlaceKind.REGION, "CA"),
        ("Saxe", "Saxony", PlaceKind.REGION, "DE"),
        ("Sachsen", "Saxony", PlaceKind.REGION, "DE"),
        ("Saragosse", "Zaragoza", PlaceKind.CITY, "ES"),
        ("Bruxelles", "Brussels", PlaceKind.CITY, "BE"),
        ("Brüssel", "Brussels", PlaceKind.CITY, "BE"),
        ("Torino", "Turin", PlaceKind.CITY, "IT"),
        ("München", "Munich", PlaceKind.CITY, "DE"),
        ("Köln", "Cologne", PlaceKind.CITY, "DE"),
        ("Séville", "Seville", PlaceKind.CITY, "ES"),
        ("Valenciennes", "Valenciennes", PlaceKind.CITY, "FR"),
        ("sud-coréen", "South Korea", PlaceKind.COUNTRY, "KR"),
        ("südkoreanischen", "South Korea", PlaceKind.COUNTRY, "KR"),
        ("South Korean", "South Korea", PlaceKind.COUNTRY, "KR"),
        ("chinoises", "China", PlaceKind.COUNTRY, "CN"),
        ("américain", "United States", PlaceKind.COUNTRY, "US"),
        ("marché américain", "United States", PlaceKind.COUNTRY, "US"),
        ("Chinese market", "China", PlaceKind.COUNTRY, "CN"),
        ("chinesischen Markt", "China", PlaceKind.COUNTRY, "CN"),
        ("Amérique du Nord", "North America", PlaceKind.MARKET, None),
        ("Nordamerika", "North America", PlaceKind.MARKET, None),
    ],
)
def test_places_in_three_languages(
    kb: KnowledgeBase, name: str, canonical: str, kind: PlaceKind, country: str | None
) -> None:
    place = kb.place(name)
    assert place is not None
    assert (place.name, place.kind, place.country) == (canonical, kind, country)


def test_place_details(kb: KnowledgeBase) -> None:
    zaragoza = kb.place("Saragosse")
    assert zaragoza is not None and zaragoza.region == "Aragon"
    korea = kb.place("sud-coréenne")
    assert korea is not None and korea.is_adjective("sud-coréenne")
    assert not korea.is_adjective("Corée du Sud")
    # one name, two places: the city comes first, the region on request
    assert kb.place("Puebla").kind is PlaceKind.CITY  # type: ignore[union-attr]
    assert kb.place("Puebla", kind="region").kind is PlaceKind.REGION  # type: ignore[union-attr]
    assert kb.country_code("Südkorea") == "KR"
    assert kb.country_code("KR") == "KR"
    assert kb.country_code("XX") is None
    assert kb.place("Atlantis") is None
    # abbreviations only as written: "IN" is Indiana, "in" and "de" are words
    assert kb.place("IN").name == "Indiana"  # type: ignore[union-attr]
    assert kb.place("in") is None and kb.place("de") is None and kb.place("Ga") is None
    # an article or preposition in front is ignored when the name is not known with it
    assert kb.place("la Chine").name == "China"  # type: ignore[union-attr]
    assert kb.place("aux États-Unis").country == "US"  # type: ignore[union-attr]
    assert kb.place("Le Havre").name == "Le Havre"  # type: ignore[union-attr]
    assert kb.model("la Zoé").name == "Renault Zoe"  # type: ignore[union-attr]
    assert kb.company("der VW-Konzern").name == "Volkswagen"  # type: ignore[union-attr]


# --------------------------------------------------------------------------- validation


def _copy_kb(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(KB_DIR, target)
    return target


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "text", "message"),
    [
        (
            "plants.yaml",
            "- {id: renault-douai, name: Dup, operator: Renault Group, country: FR}\n",
            r"plants\.yaml: entry 'renault-douai': duplicate plant id",
        ),
        (
            "plants.yaml",
            "- {id: x-plant, name: X, operator: Nobody Motors, country: FR}\n",
            r"entry 'x-plant': unknown operator 'Nobody Motors'",
        ),
        (
            "plants.yaml",
            "- {id: x-plant, name: X, operator: Renault, country: FRA}\n",
            r"entry 'x-plant': bad country code 'FRA'",
        ),
        (
            "plants.yaml",
            "- {id: x-plant, name: X, operator: Renault, country: FR, models: [Renault Nope]}\n",
            r"entry 'x-plant': unknown model 'Renault Nope'",
        ),
        (
            "companies.yaml",
            "- {name: Fake Motors, kind: automaker, aliases: [RKM]}\n",
            r"entry 'Fake Motors': alias 'RKM' already names company 'Renault Korea Motors'",
        ),
        (
            "companies.yaml",
            "- {name: Fake Motors, kind: startup}\n",
            r"entry 'Fake Motors': kind 'startup' is not one of",
        ),
        (
            "models.yaml",
            "- brand: Nobody Motors\n  models: [X1]\n",
            r"entry 'Nobody Motors': unknown brand",
        ),
        ("companies.yaml", "- {name: [unclosed\n", r"companies\.yaml: not valid YAML at line"),
    ],
)
def test_invalid_entries_are_named(tmp_path: Path, file: str, text: str, message: str) -> None:
    directory = _copy_kb(tmp_path)
    _append(directory / file, text)
    with pytest.raises(KnowledgeBaseError, match=message):
        load_kb(directory)


def test_an_unquoted_yaml_boolean_is_caught(tmp_path: Path) -> None:
    directory = _copy_kb(tmp_path)
    places = directory / "places.yaml"
    text = places.read_text(encoding="utf-8").replace('{code: "NO",', "{code: NO,")
    places.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"'code' must be text, not False"):
        load_kb(directory)


# --------------------------------------------------------------------------- spaCy


@pytest.fixture(scope="module")
def ruler_nlp(kb: KnowledgeBase) -> Any:
    spacy = pytest.importorskip("spacy")

    def build(lang: str) -> Any:
        nlp = spacy.blank(lang)
        ruler = nlp.add_pipe(
            "span_ruler", config={"spans_key": None, "annotate_ents": True, "overwrite": True}
        )
        ruler.add_patterns(kb.span_patterns(lang))
        return nlp

    return build


def _ents(nlp: Any, text: str) -> set[tuple[str, str, str]]:
    return {(e.text, e.label_, e.ent_id_) for e in nlp(text).ents}


def test_patterns_are_well_formed(kb: KnowledgeBase) -> None:
    patterns = kb.span_patterns("en")
    assert patterns is kb.span_patterns("en")
    labels = {p["label"] for p in patterns}
    assert labels == {"COMPANY", "BRAND", "MODEL", "PLANT", "PLACE"}
    for pattern in patterns:
        assert pattern["pattern"] and isinstance(pattern["id"], str)
    # multi-token patterns carry the phrase the tokenizer gives back as the same tokens
    spacy = pytest.importorskip("spacy")
    fr = spacy.blank("fr")
    phrases = [p for p in kb.span_patterns("fr") if "phrase" in p]
    assert any(p["phrase"] == "usine d'Onnaing" for p in phrases)
    for pattern in phrases[::97]:
        tokens = [t.lower_ for t in fr.make_doc(pattern["phrase"])]
        assert tokens == [t["LOWER"] for t in pattern["pattern"]], pattern
    # abbreviations and bare numbers never become patterns
    assert not any(p["pattern"] == [{"ORTH": {"IN": ["SC"]}}] for p in patterns)
    assert not any(p["pattern"] == [{"LOWER": "208"}] for p in patterns)


GENERIC_WORDS = {
    "truck", "van", "car", "electric", "hybrid", "plant", "factory", "model", "series",
    "class", "sport", "cross", "plus", "pro", "max", "line", "edition", "concept", "suv",
    "pickup", "sedan", "coupe", "wagon", "ev", "new", "first", "one", "next", "city", "air",
}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_no_generic_word_is_an_entity_on_its_own(kb: KnowledgeBase, lang: str) -> None:
    """A derived or listed one-word name must not be a generic word ("Slate Truck"
    once gave a bare "Truck" MODEL that matched every truck)."""
    hits = []
    for pattern in kb.span_patterns(lang):
        if len(pattern["pattern"]) != 1:
            continue
        spec = pattern["pattern"][0]
        forms = spec["ORTH"]["IN"] if "ORTH" in spec else [spec["LOWER"]]
        hits += [
            (pattern["id"], f) for f in forms if isinstance(f, str) and f.lower() in GENERIC_WORDS
        ]
    assert not hits


def test_span_ruler_finds_entities_in_english(ruler_nlp: Any) -> None:
    nlp = ruler_nlp("en")
    ents = _ents(
        nlp,
        "GM's Orion Assembly plant in Michigan will build the Silverado EV, "
        "while Volvo's Ridgeville plant in South Carolina builds the Polestar 3 for North America.",
    )
    assert ("Orion Assembly plant", "PLANT", "gm-orion") in ents
    assert ("Silverado EV", "MODEL", "Chevrolet Silverado EV") in ents
    assert ("Volvo's Ridgeville plant", "PLANT", "volvo-ridgeville") in ents
    assert ("South Carolina", "PLACE", "South Carolina") in ents
    assert ("Polestar 3", "MODEL", "Polestar 3") in ents
    assert ("North America", "PLACE", "North America") in ents
    assert ("GM", "COMPANY", "General Motors") in ents


def test_span_ruler_finds_entities_in_french_and_german(ruler_nlp: Any) -> None:
    fr = _ents(
        ruler_nlp("fr"),
        "L'usine RKM de Busan produira la Polestar 4 pour le marché nord-américain ; "
        "la Zoé quitte l'usine de Flins-sur-Seine.",
    )
    assert ("usine RKM de Busan", "PLANT", "renault-korea-busan") in fr
    assert ("Polestar 4", "MODEL", "Polestar 4") in fr
    assert ("marché nord-américain", "PLACE", "North America") in fr
    assert ("Zoé", "MODEL", "Renault Zoe") in fr
    assert ("usine de Flins-sur-Seine", "PLANT", "renault-flins") in fr
    de = _ents(
        ruler_nlp("de"),
        "Das VW-Werk in Zwickau baut den ID.3 und den Cupra Born für den VW-Konzern in Sachsen.",
    )
    assert ("VW-Werk in Zwickau", "PLANT", "vw-zwickau") in de
    assert ("ID.3", "MODEL", "Volkswagen ID.3") in de
    assert ("Cupra Born", "MODEL", "Cupra Born") in de
    assert ("VW-Konzern", "COMPANY", "Volkswagen") in de
    assert ("Sachsen", "PLACE", "Saxony") in de


def test_common_words_are_not_entities(ruler_nlp: Any) -> None:
    nlp = ruler_nlp("en")
    ents = _ents(nlp, "In normal times the ram and the golf cart share a lincoln-style spring.")
    assert ents == set(), ents
    assert {e[2] for e in _ents(nlp, "Ram and Lincoln sales rose.")} == {"Ram", "Lincoln"}
    # listed in common_words.yaml: the word alone is no entity, the full name is
    ents = _ents(nlp, "Note that Spring rose in Normal. The Nissan Note and Dacia Spring did.")
    assert {e[2] for e in ents} == {"Nissan Note", "Dacia Spring"}, ents
    # a model name rarely capitalised otherwise is kept: "the Explorer EV and the Edge"
    assert {e[2] for e in _ents(nlp, "Oakville built the Edge.")} >= {"Ford Edge"}


# --------------------------------------------------------------------------- places named by plants


@pytest.mark.parametrize(
    ("name", "plant_id", "place"),
    [
        ("Tuscaloosa plant", "mercedes-tuscaloosa", "Tuscaloosa"),  # a locality, not Vance
        ("Werk Tuscaloosa", "mercedes-tuscaloosa", "Tuscaloosa"),
        ("usine de Saragosse", "stellantis-zaragoza", "Zaragoza"),  # the city, by a French form
        ("Figueruelas plant", "stellantis-zaragoza", "Figueruelas"),
        ("Bryan County plant", "hmgma-georgia", "Bryan County"),
        ("Mercedes-Benz Tuscaloosa (Vance)", "mercedes-tuscaloosa", "Vance"),  # both: the city
        ("Sevelnord", "stellantis-hordain", None),  # a name that gives no town
        ("Metaplant", "hmgma-georgia", None),
        ("Triangle Innovation Point", "vinfast-north-carolina", None),  # a site, not a town
    ],
)
def test_plant_place_is_the_town_the_name_gives(
    kb: KnowledgeBase, name: str, plant_id: str, place: str | None
) -> None:
    found = kb.plant(name)
    assert found is not None and found.id == plant_id
    assert kb.plant_place(name) == place


@pytest.mark.parametrize("name", ["ex-Sevelnord", "l'ex-Sevelnord", "the former Sevelnord"])
def test_a_plant_is_found_by_its_former_name(kb: KnowledgeBase, name: str) -> None:
    found = kb.plant(name)
    assert found is not None and found.id == "stellantis-hordain"


def test_a_province_is_not_a_city(kb: KnowledgeBase) -> None:
    kocaeli = kb.place("Kocaeli")
    assert kocaeli is not None and kocaeli.kind is PlaceKind.REGION
    assert kocaeli.name == "Kocaeli Province"
    plant = kb.plant("Ford Otosan Gölcük")
    assert plant is not None and plant.city == "Gölcük" and plant.region == "Kocaeli Province"
    assert [p.id for p in kb.plants_near(region="Kocaeli", operator="Ford Otosan")] == [
        "ford-otosan-kocaeli"
    ]


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Volkswagen ID.2all", "Volkswagen ID. Polo"),  # a listed alias after the brand
        ("VW ID.2all", "Volkswagen ID. Polo"),
        ("Genesis GV70 Electrified", "Genesis Electrified GV70"),
    ],
)
def test_a_listed_alias_after_its_brand_names_the_model(
    kb: KnowledgeBase, name: str, canonical: str
) -> None:
    found = kb.model(name)
    assert found is not None and found.name == canonical


def test_a_listed_alias_after_another_brand_names_nothing(kb: KnowledgeBase) -> None:
    assert kb.model("Toyota ID.2all") is None


def test_body_variants_are_models_of_their_own(kb: KnowledgeBase) -> None:
    sportback = kb.model("Audi Q8 Sportback e-tron")
    plain = kb.model("Audi Q8 e-tron")
    assert sportback is not None and plain is not None and sportback.name != plain.name


def test_a_one_word_alias_differing_by_case_keeps_both_patterns(kb: KnowledgeBase) -> None:
    """'LEAF' (listed) and 'Leaf' (derived) fold alike; 'LEAF' must not shadow 'Leaf'."""
    specs = [
        p["pattern"] for p in kb.span_patterns("en")
        if p["label"] == "MODEL" and p["id"] == "Nissan Leaf" and len(p["pattern"]) == 1
    ]  # fmt: skip
    forms = {form for spec in specs for form in spec[0]["ORTH"]["IN"]}
    assert {"Leaf", "LEAF"} <= forms


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("Toyota Avalon", "Toyota Avalon"),
        ("Ford Escort", "Ford Escort"),
        ("BMW M2", "BMW M2"),
        ("M4", "BMW M4"),
        ("Neue Klasse", "BMW Neue Klasse"),
        ("Neue Klasse models", "BMW Neue Klasse"),
        ("modèles Neue Klasse", "BMW Neue Klasse"),
        ("Neue Klasse iX3", "BMW iX3"),  # a named model of the family stays that model
        ("Citroën C4 Cactus", "Citroën C4 Cactus"),
        ("Nissan Maxima", "Nissan Maxima"),
        ("VW Käfer", "Volkswagen Beetle"),
    ],
)
def test_high_volume_nameplates_are_known(kb: KnowledgeBase, alias: str, canonical: str) -> None:
    found = kb.model(alias)
    assert found is not None and found.name == canonical


def test_renault_trucks_is_volvo_groups_not_renaults(kb: KnowledgeBase) -> None:
    trucks = kb.company("Renault Trucks")
    assert trucks is not None and trucks.name == "Renault Trucks"
    assert trucks.parent == "Volvo Group"
    assert "Renault Group" not in kb.related_companies("Renault Trucks")


@pytest.mark.parametrize(
    ("adjective", "region"),
    [
        ("mosellane", "Moselle"),
        ("alsacienne", "Alsace"),
        ("bavarois", "Bavaria"),
        ("sächsischen", "Saxony"),
        ("catalane", "Catalonia"),
    ],
)
def test_a_regions_demonym_names_the_region(kb: KnowledgeBase, adjective: str, region: str) -> None:
    place = kb.place(adjective)
    assert place is not None and place.name == region and place.kind is PlaceKind.REGION
    assert place.is_adjective(adjective)


def test_a_department_locates_the_plants_in_it(kb: KnowledgeBase) -> None:
    found = kb.plants_near(region="Alsace", operator="Stellantis")
    assert [p.id for p in found][:1] == ["stellantis-mulhouse"]


def test_new_ordinary_word_names_give_no_lone_pattern(kb: KnowledgeBase) -> None:
    lone = {
        p["pattern"][0]["ORTH"]["IN"][0]
        for p in kb.span_patterns("en")
        if p["label"] == "MODEL" and len(p["pattern"]) == 1 and "ORTH" in p["pattern"][0]
    }
    assert not lone & {"Escort", "Spark", "Volt", "Accent", "Rapid", "Avalon"}
