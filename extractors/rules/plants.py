"""Plant mentions in a sentence and the article's registry of plants.

A plant reference is one of
- a knowledge-base plant span ("Orion Assembly", "Gläserne Manufaktur");
- a plant noun with a place: "l'usine RKM de Busan", "the factory in Ridgeville, South
  Carolina", "the South Carolina factory", "das Werk in Grünheide" (strong);
- a place introduced by a preposition in a sentence about production: "has entered
  production in Chengdu, China", "à Douai" (weak).
Chains of places ("Santa Catarina, Nuevo León, Mexico", "Onnaing (59)") are one
location; "près de / near / bei X" only adds X's region and country.

`PlantRegistry` gives every plant of an article one identity: mentions that share a
knowledge-base id, a city, or (without city) a region and operator are merged, fields
filled from each other, and linked to the knowledge base (`plants_near`).

The city of a known plant is the town the article reads for it, as an analyst writes
it: the knowledge base's city when the article names it for the plant (in any
language: "le site de Figueruelas, près de Saragosse" → Zaragoza), else the town or
county the article does name for it, when that is one of the plant's localities ("the
Anantapur plant" → Anantapur, not the KB's Penukonda; "in Bryan County" for the
Metaplant in Ellabell), else the knowledge base's city ("l'ex-Sevelnord" → Hordain).
A name that gives no town ("Triangle Innovation Point", "Gläserne Manufaktur") leaves
the knowledge base's city.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extractors.lexicon import pattern
from extractors.rules.knowledge import Knowledge, PlaceInfo
from extractors.rules.mentions import Mention
from factwatch.model import Plant, fold

__all__ = ["PlantRef", "PlantRegistry", "plant_refs"]

_VICINITY = re.compile(
    r"(?:près de|pres de|non loin de|à proximité de|aux environs de|near|close to|outside|"
    r"(?:west|east|north|south|north-east|north-west|south-east|south-west) of|bei|nahe|in der nähe von|suburban|"
    r"(?:östlich|westlich|nördlich|südlich|nordöstlich|nordwestlich|südöstlich|südwestlich) von|"
    r"(?:à l'|au )(?:est|ouest|nord|sud|nord-est|nord-ouest|sud-est|sud-ouest) d[eu']?(?: la| l')?|"
    r"(?:km|kilomètres|kilometres|kilometers|Kilometer) (?:\w+ )?(?:de|from|of|von)(?: la| l')?)\s*$",
    re.I,
)
# "based in Dearborn", "hors du marché chinois": a place that is not where anything is made
_NOT_A_SITE = re.compile(
    r"(?:based in|headquartered in|basée? à|siège à|mit sitz in|(?<!stamm)sitz in|hors d[eu']|"
    r"en dehors d[eu](?: la| l')?|outside(?: of)?|außerhalb|apart from|except|"
    # a market the cars go to ("le Wagoneer S destiné aux États-Unis")
    r"destinée?s? (?:aux|au|à)|destined for|bound for|exported to|exportés? vers|"
    r"exports? (?:programs?|markets?|deals?|contracts?)? ?to|exportations? vers|Exporte? nach|"
    r"shipped to|livrée?s? (?:aux|au|à|en)|"
    # a port the cars leave from ("shipped through the port of Gqeberha")
    r"(?:the )?port of|le port d[eu']|du port d[eu']|(?:den|dem) Hafen(?: von)?|"
    # where parts or cars come from ("des batteries importées de Chine")
    r"importée?s? (?:\w+ )?(?:de|d'|du|des)|imported from|importiert aus|eingeführt aus|"
    r"(?:kommen|stammen|viennent|proviennent|come|coming) (?:\w+ )?(?:aus|de|d'|du|from)|"
    # a river or a lake the town lies on ("à Togliatti, sur la Volga")
    r"sur la|sur le|au bord de la|au bord du|on the banks of the|"
    # where a visitor came from ("venu spécialement de Zagreb")
    r"venue?s? (?:\w+ )?(?:de|d'|du)|arrivée?s? (?:\w+ )?(?:de|d'|du)|came from|flew in from|angereist aus|"
    # where something was said ("said on Monday in Warsaw", "a déclaré lundi à Paris")
    r"(?:said|told reporters|speaking|spoke)(?: on \w+day)? in|"
    r"(?:a|ont) (?:déclaré|indiqué|affirmé|expliqué)(?: \w+)? à|s'exprimant à|"
    r"für den|für die)\s*(?:la |le |l'|the |de la )?\s*$",
    re.I,
)
TAIL_CHARS = 50  # how far back from a place the end-anchored cues below may begin
# the words those cues may end on: a cheap test before the regex scan (lower case)
_NOT_A_SITE_ENDS = (
    "in", "à", "de", "du", "d'", "la", "le", "l'", "the", "outside", "of", "außerhalb", "from",
    "except", "aux", "au", "for", "to", "vers", "nach", "en", "des", "aus", "hafen", "von",
    "die", "den",
)  # fmt: skip
_VICINITY_ENDS = (
    "de", "du", "d'", "d", "la", "l'", "near", "to", "outside", "of", "bei", "nahe", "von",
    "suburban", "from",
)  # fmt: skip


def _last_word(text: str) -> str:
    words = text.rsplit(None, 1)
    return words[-1].lower() if words else ""


_PREP = re.compile(
    r"(?:\b(?:à|a|au|aux|en|dans|de|d'|du|in|at|im|in der|nach|vers|to|from|von|aus|ins|"
    r"into|chez|sur le site de|bei)\s+(?:l'|la |le |the |dem |der |den )?)$",
    re.I,
)
_CHAIN_GAP = re.compile(
    r"^(?:\s*,\s*(?:en |in |au |aux |dans l'|dans le )?|\s*\(\s*|\s+en\s+|\s+in\s+|\s*-\s*)$", re.I
)
# "Araquari im Bundesstaat Santa Catarina", "Betim, dans l'État du Minas Gerais": what
# follows is the town's state, even where a town elsewhere has its name
_STATE_GAP = re.compile(
    r"^(?:\s*,)?\s+(?:im Bundesstaat|in der Provinz|in the (?:state|province) of|in the \w+ state of|"
    r"dans l'[ÉE]tat (?:de|du|d')|dans la province (?:de|du|d'))\s*$",
    re.I,
)
# plural plant nouns name several plants ("Standorte in Deutschland", "its U.S. plants")
_PLURAL_NOUNS = frozenset(
    [
        "usines",
        "sites",
        "plants",
        "factories",
        "facilities",
        "werke",
        "standorte",
        "fabriken",
        "ateliers",
        "complexes",
    ]
)
_BASED = re.compile(
    r"^\s*-\s*(?:based|basierte?n?)\b"
    # "the Stuttgart automaker's own plants": the company's home town, not a site
    r"|^\s+(?:automaker|carmaker|car maker|manufacturer|group|company)\b"
    # where something was said ("wie Vorstandschef X am Montag in Warschau sagte")
    r"|^\s+(?:sagte|sagten|erklärte|erklärten|mitteilte|mitteilten|ankündigte|bekanntgab)\b",
    re.I,
)
MAX_NOUN_GAP = (
    7  # words between a plant noun and its place ("usine de 4 milliards de dollars en …")
)
_NOISE_PLACES = frozenset({"europe", "asie", "asia", "amerique du nord", "north america"})


@dataclass(frozen=True, slots=True)
class PlantRef:
    start: int
    end: int
    plant: Plant
    strong: bool
    anchor: str  # "kb", "noun", "prep"


def _chains(places: list[Mention], text: str, offset: int) -> list[list[Mention]]:
    chains: list[list[Mention]] = []
    for m in places:
        if chains:
            prev = chains[-1][-1]
            gap = text[prev.end - offset : m.start - offset]
            if _CHAIN_GAP.match(gap) and _rank(prev.place) != _rank(m.place):
                chains[-1].append(m)
                continue
            if _STATE_GAP.match(gap) and prev.place is not None and _rank(prev.place) == 0:
                state = m.place if m.place is not None and _rank(m.place) == 1 else None
                if state is None:
                    state = PlaceInfo(m.name, "region", None, prev.place.country)
                chains[-1].append(replace(m, place=state))
                continue
        chains.append([m])
    return chains


def _rank(place: PlaceInfo | None) -> int:
    kind = place.kind if place else "city"
    return {"city": 0, "county": 0, "district": 0, "region": 1, "state": 1, "country": 2}.get(
        kind, 3
    )


def _broader(a: PlaceInfo | None, b: PlaceInfo | None) -> bool:
    return _rank(b) >= _rank(a) and _rank(b) <= 2 if a and b else False


def location(chain: list[Mention]) -> Plant:
    """City, region and country of a chain of places (most specific first)."""
    city = region = country = None
    guessed = False  # the city is a name no gazetteer knows ("Werk Yajima in Ota")
    for m in chain:
        info = m.place
        if info is None:
            continue
        known = info.country is not None or info.region is not None
        if info.kind in ("city", "county", "district") and (city is None or (guessed and known)):
            city, guessed = info.name, not known
            region = region or info.region
        elif info.kind in ("region", "state") and region is None:
            region = info.name
        elif info.kind == "country":
            country = country or info.country
        country = country or info.country
    return Plant(city=city, region=region, country=country)


def plant_refs(
    text: str,
    offset: int,
    mentions: list[Mention],
    *,
    lang: str,
    kb: Knowledge,
    production_sentence: bool,
) -> list[PlantRef]:
    """Plant references of one sentence (`text` starts at article offset `offset`)."""
    refs: list[PlantRef] = []
    noun = pattern(lang, "plant_noun")
    for m in mentions:
        if m.kind == "PLANT":
            found = kb.plant(m.text) or Plant()
            # a known plant carries the town its name gives (None: the registry puts
            # the knowledge base's city)
            city = kb.plant_place(m.text) if found.kb_id else found.city
            refs.append(
                PlantRef(m.start, m.end, replace(found, name=m.text, city=city), True, "kb")
            )
    places = [
        m for m in mentions
        if m.kind == "PLACE" and m.place is not None and m.place.kind != "market"
        and fold(m.name) not in _NOISE_PLACES
    ]  # fmt: skip
    for chain in _chains(places, text, offset):
        first, last = chain[0], chain[-1]
        if any(r.start <= first.start < r.end for r in refs):
            continue
        left = text[max(0, first.start - offset - 70) : first.start - offset]
        right = text[last.end - offset : last.end - offset + 30]
        loc = _zone_town(chain, location(chain), kb)
        tail = max(0, len(left) - TAIL_CHARS)  # the patterns read the end of `left` only
        end_word = _last_word(left)
        if (end_word.endswith(_NOT_A_SITE_ENDS) and _NOT_A_SITE.search(left, tail)) or _BASED.match(
            right
        ):
            continue
        known = _known_before(refs, first.start, text, offset)
        near_by = end_word.endswith(_VICINITY_ENDS) and _VICINITY.search(left, tail)
        if known is not None and loc.city and _STATE_WORD.search(left, tail):
            # "Werk San José Chiapa im Bundesstaat Puebla": the state, not another town
            loc = replace(loc, city=None, region=loc.region or chain[0].name)
        if known is not None and loc.city and not _locates(known[1].plant, loc.city, kb):
            known = None  # another town: another plant ("usine de Douai, Maubeuge et …")
        if known is not None and not near_by:
            # "the Anantapur plant in Andhra Pradesh", "usine de Hordain (Nord)", "the
            # factory in Greer, South Carolina": the known plant's own place
            i, ref = known
            if ref.plant.country and loc.country and ref.plant.country != loc.country:
                continue
            refs[i] = replace(ref, end=max(ref.end, last.end), plant=_placed(ref.plant, loc, kb))
            continue
        if near_by:
            if refs:
                prev = refs[-1]
                if prev.plant.country and loc.country and prev.plant.country != loc.country:
                    continue
                merged = replace(
                    prev.plant,
                    region=prev.plant.region or loc.region,
                    country=prev.plant.country or loc.country,
                )
                if prev.plant.kb_id and loc.city and _is_kb_city(prev.plant, loc.city, kb):
                    # "le site de Figueruelas, près de Saragosse": the plant's own city
                    merged = replace(merged, city=loc.city)
                refs[-1] = replace(prev, plant=merged)
            elif noun.search(left) and (loc.region or loc.country):
                # "the factory … near Raleigh, North Carolina": the region, not the city
                near = Plant(region=loc.region, country=loc.country)
                refs.append(PlantRef(first.start, last.end, near, True, "near"))
            continue
        name = None
        strong = False
        cut = first.start - offset - len(left)  # where `left` begins in the sentence
        nouns = [
            n
            for n in noun.finditer(left)
            if fold(n.group(0)) not in _PLURAL_NOUNS
            and not (n.start() == 0 and cut > 0 and text[cut - 1].isalnum())
        ]  # fmt: skip — not the end of a word the window cut ("Meta|plant America")
        if nouns:
            between = left[nouns[-1].end() :]
            gap = (
                0 if first.adjective else MAX_NOUN_GAP
            )  # "usine tchèque", not "factory of the Vietnamese startup"
            if len(between.split()) <= gap and not re.search(
                r"[.;:!?]|\b(?:qui|which|that|die|der|das)\b", between
            ):
                strong = True
                name = (
                    left[nouns[-1].start() :] + text[first.start - offset : last.end - offset]
                ).strip()
        head = noun.match(_KIND_BEFORE_NOUN.sub("", right.lstrip(" -"), count=1))
        after = _known_at(refs, last.end, last.end + (len(right) - len(right.lstrip(" -"))))
        if not strong and head and after is not None and not loc.city:
            # "sein italienisches Werk Cassino", "the Kentucky Georgetown plant": the
            # place qualifies the known plant named right after it
            i, ref = after
            if not (ref.plant.country and loc.country and ref.plant.country != loc.country):
                refs[i] = replace(ref, plant=_placed(ref.plant, replace(loc, city=None), kb))
            continue
        if not strong and head and len(chain) == 1:
            strong = True
            name = (
                text[first.start - offset : last.end - offset]
                + right[: head.end() + (len(right) - len(right.lstrip(" -")))]
            )
        if (
            not strong
            and len(chain) == 1
            and first.place is not None
            and first.place.kind == "city"
        ):
            # "Tavazzano, Iveco's largest plant, …": a town in apposition to its plant
            wide = text[last.end - offset : last.end - offset + 60]
            appo = _TOWN_APPOSITION.match(wide)
            if appo and noun.match(wide[appo.end() :]):
                strong = True
        known_site = (
            not strong and len(chain) <= 2 and first.place is not None
            and first.place.kind in ("city", "county") and bool(kb.plants_near(city=first.place.name))
        )  # fmt: skip
        subject = (
            not strong
            and production_sentence
            and len(chain) == 1
            and first.place is not None
            and first.place.kind == "city"
            and not re.search(r"\w", left)
        )  # fmt: skip — "Wacol builds the Volvo FH": a town that opens a sentence of making
        if (
            not strong
            and not known_site
            and not subject
            and not (production_sentence and _PREP.search(left, tail))
        ):
            continue
        if not strong and any(m.adjective for m in chain):
            continue  # "la société allemande Daimler": a nationality, not a place of production
        plant = replace(loc, name=name.strip() if name else None)
        anchor = "noun" if strong else ("site" if known_site else "prep")
        refs.append(PlantRef(first.start, last.end, plant, strong or known_site, anchor))
    return _appositions(sorted(refs, key=lambda r: r.start), text, offset)


# "its Wacol truck plant": a kind of vehicle between the town and its plant noun
_KIND_BEFORE_NOUN = re.compile(r"^(?:truck|bus|car|van|vehicle|assembly|EV|pickup)\s+(?=\w)")

_TOWN_APPOSITION = re.compile(
    r",\s+(?:(?:the|das|der)\s+)?(?:[\w&.-]+(?:'s|’s)\s+)(?:[a-zäöüß][\w-]*\s+){0,2}|"
    r",\s+(?:das|der)\s+(?:[a-zäöüß][\w-]*\s+){0,2}[A-Z][\w&.]*-(?=[Ww]erk|Standort|Fabrik)"
)


# ", Honda's first car plant in ", ", the group's largest plant in the ": from a town to the place
# of the plant noun that describes it
_APPOSITION = re.compile(r",\s+(?:[\w'’-]+\s+){0,7}", re.I)


def _appositions(refs: list[PlantRef], text: str, offset: int) -> list[PlantRef]:
    """ "Ayutthaya, Honda's first car plant in Thailand, …": the plant described after a
    town is that town's plant, not a plant somewhere in the country."""
    out: list[PlantRef] = []
    for ref in refs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.plant.city
            and not ref.plant.city
            and ref.anchor == "noun"
            and not (ref.plant.country and prev.plant.country
                     and ref.plant.country != prev.plant.country)
            and _APPOSITION.fullmatch(text[prev.end - offset : ref.start - offset])
        ):  # fmt: skip
            merged = replace(
                prev.plant,
                region=prev.plant.region or ref.plant.region,
                country=prev.plant.country or ref.plant.country,
            )
            out[-1] = replace(prev, end=ref.end, plant=merged, strong=True)
            continue
        out.append(ref)
    return out


_KNOWN_GAP = re.compile(
    r"^(?:\s*,\s*|\s*\(\s*|\s+)(?:(?:in|en|à|au|aux|dans|im|in der|bei)\s+)?"
    r"(?:l'|la |le |the |dem |der )?(?:(?:us-|u\.s\.\s)?(?:bundesstaat|bundesland|provinz|"
    r"state of|province of|région|province de|état de|état américain de|estado de|"
    r"district de|district of|distrito de|(?:land)?kreis|bezirk|county of|comté de|"
    r"département de|d[ée]partement du|préfecture de|prefecture|oblast)\s+)?$",
    re.I,
)


_STATE_WORD = re.compile(
    r"\b(?:bundesstaat|bundesland|provinz|state of|province of|province de|région|"
    r"état de|estado de|district de|district of|distrito de|(?:land)?kreis|bezirk|county of|"
    r"comté de|département de|d[ée]partement du|prefecture|préfecture de|oblast)\s*$",
    re.I,
)


def _known_before(
    refs: list[PlantRef], start: int, text: str, offset: int
) -> tuple[int, PlantRef] | None:
    """The known (KB) plant named just before a place ("X plant in <place>")."""
    for i, ref in enumerate(refs):
        if ref.anchor != "kb" or not ref.plant.kb_id or ref.end > start:
            continue
        if _KNOWN_GAP.match(text[ref.end - offset : start - offset]):
            return i, ref
    return None


def _zone_town(chain: list[Mention], loc: Plant, kb: Knowledge) -> Plant:
    """ "son complexe de Gian Khau, dans la province de Ninh Binh": a zone no gazetteer knows,
    then a town with a known plant; the plant's town is that town."""
    if len(chain) < 2 or not loc.city or kb.place(loc.city) is not None or kb.town(loc.city):
        return loc
    for m in chain[1:]:
        town = kb.place(m.text)  # the chain may have made it the region ("province de …")
        if town is not None and town.kind == "city" and kb.plants_near(city=town.name):
            return replace(loc, city=town.name, region=town.region or None,
                           country=town.country or loc.country)  # fmt: skip
    return loc


def _known_at(refs: list[PlantRef], start: int, end: int) -> tuple[int, PlantRef] | None:
    """The known (KB) plant whose name starts between `start` and `end`."""
    for i, ref in enumerate(refs):
        if ref.anchor == "kb" and ref.plant.kb_id and start <= ref.start <= end:
            return i, ref
    return None


def _is_kb_city(plant: Plant, city: str, kb: Knowledge) -> bool:
    entry = kb.plant_by_id(plant.kb_id) if plant.kb_id else None
    return bool(entry and entry.city and fold(entry.city) == fold(city))


def _locates(plant: Plant, city: str, kb: Knowledge) -> bool:
    """Whether `city` is the known plant's city or one of its localities."""
    if not plant.kb_id:
        return False
    if _is_kb_city(plant, city, kb):
        return True
    entry = kb.plant_by_id(plant.kb_id)
    near = kb.plants_near(city=city, country=entry.country if entry else None)
    return any(p.kb_id == plant.kb_id for p in near)


def _placed(plant: Plant, loc: Plant, kb: Knowledge) -> Plant:
    """A known plant with the place the text gives it: its region and country, and the
    town when it is the plant's city ("the Figueruelas plant in Zaragoza" → Zaragoza)
    or, when its name gives none, one of its localities."""
    city = plant.city
    if loc.city and (_is_kb_city(plant, loc.city, kb) or not city):
        city = loc.city if _locates(plant, loc.city, kb) else city
    if city and kb.is_district(plant.kb_id, city):
        entry = kb.plant_by_id(plant.kb_id) if plant.kb_id else None
        city = entry.city if entry and entry.city else city
    return replace(
        plant,
        city=city,
        region=plant.region or loc.region,
        country=plant.country or loc.country,
    )


class PlantRegistry:
    """The plants of one article, merged and linked to the knowledge base."""

    def __init__(
        self,
        kb: Knowledge,
        *,
        default_operator: str | None,
        companies: Sequence[str] = (),
    ) -> None:
        self._kb = kb
        self._default_operator = default_operator
        self._companies = frozenset(fold(c) for c in companies)  # the companies the article names
        self.plants: list[Plant] = []
        # the towns the article names for each known plant, in the order read
        self._named: dict[int, list[str]] = {}

    def _city(self, plant: Plant, named: list[str]) -> str | None:
        """The module docstring's policy: the KB city when named, else the first
        locality named, else the KB city."""
        entry = self._kb.plant_by_id(plant.kb_id) if plant.kb_id else None
        kb_city = entry.city if entry else None
        named = [n for n in named if not self._kb.is_district(plant.kb_id, n)]
        if not named or (kb_city and any(fold(n) == fold(kb_city) for n in named)):
            return kb_city or plant.city
        return named[0]

    def _link(self, plant: Plant) -> Plant:
        if plant.kb_id or not self._kb.available:
            return plant
        if not (plant.city or plant.region):
            return plant
        candidates = self._kb.plants_near(
            city=plant.city, region=None if plant.city else plant.region, country=plant.country
        )
        operator_name = plant.operator or self._default_operator
        if candidates and operator_name and self._kb.company(operator_name) is not None:
            own = self._kb.plants_near(
                city=plant.city,
                region=None if plant.city else plant.region,
                country=plant.country,
                operator=operator_name,
            )
            if not own:
                # "Nissan's Rosslyn plant" is not BMW's plant in the same town: a known
                # company's plant the KB does not have stays as the article gives it
                return plant
            candidates = own
        if len(candidates) > 1 and (plant.operator or self._default_operator):
            operator = fold(plant.operator or self._default_operator)
            narrowed = [
                c
                for c in candidates
                if fold(c.operator)
                and (operator in fold(c.operator) or fold(c.operator) in operator)
            ]
            candidates = narrowed or candidates
        if len(candidates) != 1:
            return plant
        kb = candidates[0]
        # a plant located by one of its localities keeps the place the article gives
        # ("in Bryan County, Georgia" for the plant the KB puts in Ellabell)
        by_locality = bool(plant.city and kb.city and fold(plant.city) != fold(kb.city))
        by_locality = by_locality and not self._kb.is_district(kb.kb_id, plant.city)
        return Plant(
            name=plant.name or kb.name,
            operator=kb.operator or plant.operator,
            city=plant.city if by_locality else (kb.city or plant.city),
            region=kb.region or plant.region,
            country=kb.country or plant.country,
            kb_id=kb.kb_id,
        )

    @staticmethod
    def _same(a: Plant, b: Plant) -> bool:
        if a.kb_id and b.kb_id:
            return a.kb_id == b.kb_id
        if a.country and b.country and a.country != b.country:
            return False
        if a.city and b.city:
            return fold(a.city) == fold(b.city)
        if a.city or b.city:
            return False
        if a.region and b.region:
            return fold(a.region) == fold(b.region)
        return False

    def _foreign(self, plant: Plant) -> bool:
        """A known plant named only by its town ("its Rosslyn plant") in an article about a
        carmaker that does not build there: that carmaker's own plant, which the KB lacks."""
        if not plant.kb_id or not self._default_operator:
            return False
        owner = self._kb.company(self._default_operator)
        if owner is None or str(owner.kind) not in ("automaker", "brand", "group"):
            return False
        entry = self._kb.plant_by_id(plant.kb_id)
        if entry is None or not entry.operator:
            return False
        if plant.name and fold(entry.operator) in fold(plant.name):
            return False  # "BMW Rosslyn": the name says whose it is
        if fold(entry.operator) in self._companies:
            return False  # the article names the plant's owner too
        mine = self._kb.plants_near(
            city=entry.city, country=entry.country, operator=self._default_operator
        )
        return all(p.kb_id != plant.kb_id for p in mine)

    def register(self, plant: Plant) -> int:
        """The index of `plant`'s identity in this article (merging fields)."""
        if self._foreign(plant):
            entry = self._kb.plant_by_id(plant.kb_id or "")
            plant = Plant(
                name=plant.name,
                city=plant.city or (entry.city if entry else None),
                region=entry.region if entry else None,
                country=entry.country if entry else None,
                operator=self._default_operator,
            )
        named = [plant.city] if plant.city else []
        plant = self._link(plant)
        if plant.kb_id:
            plant = replace(plant, city=self._city(plant, named))
        if (
            not plant.operator
            and not plant.kb_id
            and self._default_operator
            and not (plant.city or plant.region)  # a located plant the KB does not know
        ):
            # a vague plant ("the plant in Georgia") of the article's main company; a
            # known plant keeps its own (the KB's) operator
            plant = replace(plant, operator=self._default_operator)
        for i, known in enumerate(self.plants):
            if self._same(known, plant):
                merged = Plant(
                    name=known.name or plant.name,
                    operator=known.operator or plant.operator,
                    city=known.city or plant.city,
                    region=known.region or plant.region,
                    country=known.country or plant.country,
                    kb_id=known.kb_id or plant.kb_id,
                )
                if merged.kb_id:
                    towns = self._named.setdefault(i, [])
                    towns.extend(n for n in named if n not in towns)
                    merged = replace(merged, city=self._city(merged, towns))
                self.plants[i] = merged
                return i
        self.plants.append(plant)
        self._named[len(self.plants) - 1] = named
        return len(self.plants) - 1

    def rehome(self) -> dict[int, int]:
        """Country-only plants of a country where the article names exactly one located
        plant; region-only plants of a region where it names exactly one plant by its
        town ("production in South Carolina" … "the factory in Ridgeville, South
        Carolina")."""
        moves: dict[int, int] = {}
        for i, p in enumerate(self.plants):
            if p.city or p.kb_id or not (p.country or p.region):
                continue
            target = self.find_region(i) if p.region else self.find_country(p.country or "")
            if target is not None and target != i:
                moves[i] = target
        return moves

    def find_region(self, index: int) -> int | None:
        """The article's one plant located by its town in the region of plant `index`."""
        p = self.plants[index]
        operator = fold(p.operator)
        hits = [
            i for i, q in enumerate(self.plants)
            if i != index and q.city and q.region and fold(q.region) == fold(p.region)
            and not (p.country and q.country and p.country != q.country)
            and not (operator and fold(q.operator) and operator not in fold(q.operator)
                     and fold(q.operator) not in operator)
        ]  # fmt: skip
        return hits[0] if len(hits) == 1 else None

    def find_country(self, country: str) -> int | None:
        """The article's one plant in `country`, if exactly one is known."""
        hits = [
            i for i, p in enumerate(self.plants) if p.country == country and (p.city or p.region)
        ]
        return hits[0] if len(hits) == 1 else None
