"""Entity mentions of a processed article: models, companies, places, KB plants, people.

Sources, in order of trust: the knowledge base's SpanRuler spans (`doc.spans["kb"]`),
the French pipeline's NER (PER, LOC, ORG), and a few token patterns (an unknown model
written as a known brand followed by a model-like token, "X County"). Overlaps are
resolved longest-first; at equal length MODEL > PLANT > COMPANY > PLACE > PERSON.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from extractors.lexicon import LEXICONS, pattern
from extractors.nlp import KB_SPANS_KEY
from extractors.rules.knowledge import Knowledge, ModelInfo, PlaceInfo
from factwatch.model import fold

__all__ = ["CALENDAR_WORDS", "Mention", "find_mentions"]

PRIORITY = {"MODEL": 5, "PLANT": 4, "COMPANY": 3, "BRAND": 3, "PLACE": 2, "PERSON": 1}
_MODEL_TOKEN = re.compile(
    r"^(?:[A-Z]{1,3}[-. ]?\d{1,3}[A-Za-z]?|\d{1,3}[a-zA-Z]?|[A-Z][a-z]{2,}\d*)$"
)
_COUNTY = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)? County\b")
_FORMER = re.compile(r"(?<![\w-])[Ee]x-[A-ZÄÖÜ][\w-]*(?: [A-ZÄÖÜ][\w-]*)?")
_NOT_MODEL_WORDS = frozenset(
    [
        "The",
        "Le",
        "La",
        "Les",
        "Der",
        "Die",
        "Das",
        "Group",
        "Groupe",
        "Motor",
        "Motors",
        "Automotive",
        "CEO",
        "Chef",
        "President",
        "Président",
        "And",
        "Et",
        "Und",
        "In",
        "En",
        "Im",
        "At",
        "Au",
    ]
)


_NOT_MODEL_FOLDED = frozenset(fold(w) for w in _NOT_MODEL_WORDS)


@dataclass(frozen=True, slots=True)
class Mention:
    kind: str  # MODEL, COMPANY, PLACE, PLANT, PERSON
    start: int
    end: int
    text: str
    name: str  # canonical when known, else as written
    brand: str | None = None
    company_kind: str | None = None
    place: PlaceInfo | None = None

    @property
    def adjective(self) -> bool:
        return bool(self.place and self.place.adjective)


def _span_mentions(doc: Doc, kb: Knowledge) -> list[Mention]:
    found: list[Mention] = []
    spans = doc.spans.get(KB_SPANS_KEY, [])
    for span in spans:
        text = span.text
        label = span.label_
        ident = span.id_ or text
        if label == "MODEL":
            info = kb.model(text) or kb.model(ident)
            if _written_as_phrase(text, info.name if info else ident, info.brand if info else None):
                continue  # "eine neue Klasse von Autos" is not BMW's Neue Klasse
            found.append(
                Mention("MODEL", span.start_char, span.end_char, text,
                        info.name if info else text, brand=info.brand if info else None)
            )  # fmt: skip
        elif label in ("COMPANY", "BRAND"):
            company = kb.company(ident) or kb.company(text)
            found.append(
                Mention("COMPANY", span.start_char, span.end_char, text,
                        company.name if company else text,
                        company_kind=company.kind if company else label.lower())
            )  # fmt: skip
        elif label == "PLACE":
            place = kb.place(text) or kb.place(ident)  # the text tells an adjective ("chinois")
            if place is not None:
                found.append(
                    Mention("PLACE", span.start_char, span.end_char, text, place.name, place=place)
                )
        elif label == "PLANT":
            found.append(Mention("PLANT", span.start_char, span.end_char, text, text))
    return found


def _written_as_phrase(text: str, name: str, brand: str | None) -> bool:
    """A model's name whose first word, a capitalised word in the name, is written in
    lower case ("eine neue Klasse von Autos", "grand tourer"): an ordinary phrase."""
    own = name[len(brand) :].strip() if brand and name.startswith(brand) else name
    written, canonical = text.split()[:1], own.split()[:1]
    if not written or not canonical or fold(written[0]) != fold(canonical[0]):
        return False
    word = written[0]
    return word.isalpha() and word[0].islower() and canonical[0][0].isupper()


_STATE_OF = re.compile(
    r"(?:[ÉE]tat|[Pp]rovince|[Rr]égion|[Pp]réfecture|[Rr]epublique|[Gg]ouvernorat|[Ww]ilaya)\s+"
    r"(?:de\s+|d['’]|du\s+)([A-ZÀ-Ý][\w'’ -]+)$"
)
_VENUE = re.compile(
    r"(?:Château|Palais|Hôtel|Hotel|Salle|Stade|Centre|Musée|Parc des|Maison|Théâtre)\b"
)


def _ner_mentions(doc: Doc, kb: Knowledge) -> list[Mention]:
    found: list[Mention] = []
    for ent in doc.ents:
        text = ent.text.strip(" '\"«»")
        if len(text) < 2:
            continue
        start = ent.start_char + ent.text.find(text)
        end = start + len(text)
        if (ent.label_ == "PER" and " " in text) or (ent.label_ == "PER" and text[:1].isupper()):
            found.append(Mention("PERSON", start, end, text, text))
        elif ent.label_ == "LOC":
            place = kb.place(text)
            if place is None and kb.plant(text) is not None:
                # a plant's own name the KB knows in another form ("l'ex-Sevelnord")
                found.append(Mention("PLANT", start, end, text, text))
                continue
            if place is None and not text[:1].isupper():
                continue  # "l'usine mosellane": a lower-case word is no town's name
            if place is None and _VENUE.match(text):
                continue  # "réunis au Château Saint-Jean": a venue, not a town
            if place is None and kb.common_word_models().get(fold(text)):
                continue  # "assemble déjà l'Accent": a model whose name is a word, for the cues
            state = _STATE_OF.match(text) if place is None else None
            if state is not None:
                # "dans l'État d'Anambra", "la province de Hebei": a region, not a town
                place = kb.place(state.group(1)) or PlaceInfo(state.group(1), "region", None, None)
            if place is None:
                place = PlaceInfo(text, "city", None, None)
            found.append(Mention("PLACE", start, end, text, place.name, place=place))
        elif ent.label_ == "ORG":
            company = kb.company(text)
            found.append(
                Mention("COMPANY", start, end, text, company.name if company else text,
                        company_kind=company.kind if company else None)
            )  # fmt: skip
    return found


# words after a brand that name a part of the company, a site or a person, not a model
_CORPORATE_TEXT = (
    "Auto Autos Automobile Automobiles Automotive Cars Car Trucks Truck Vans Van Bus "
    "Buses Otosan Sollers Financial Finance Credit Bank Capital Energy Mobility "
    "Holding Holdings Corporation Corp Company Industries Industrie Manufacturing "
    "Assembly Works Plant Factory Werk Werke Usine Site Gigafactory Giga Racing "
    "Motorsport Design Technologies Technology Research Foundation Chairman Chief "
    "Executive Director Vice Chef Boss Division Europe America Americas International "
    "North South East West Global Services Software Digital Ventures Battery "
    "Batteries Connect Dealers Dealer Deutschland France Japan Korea China India "
    "Brasil Brazil Mexico Canada USA UK Board Union Workers Investor Investors "
    "Logistics Parts Supplier Suppliers Press Media News Chairwoman Director Officer "
    "Spokesman Spokeswoman Spokesperson Sales Brand Brands Models Development Engineering "
    "Innovation Center Centre Institute Academy Solutions Systems Products Operations "
    "Partners Retail Import Imports Distribution Fleet Leasing Insurance Heritage Museum "
    "Classic Club Arena Stadium Park Tower Campus Headquarters Trust Fund Sport Charging "
    "Power Powertrain Components Casting Stamping Transmission Engine Engines Mobilität "
    "Commercial Vehicles Special Tech Labs Lab Studio Studios Store Stores Owners "
    "Tsusho Boshoku Welt Megapack Powerwall Optimus Woven Blade Rotem Steel Glovis Heavy "
    "Chemical Semiconductor Semiconductors Robotics Aviation Aircraft Marine Motorcycle "
    "Motorcycles Scooters Bikes Lease Rent Rental Sharing Pay Card Supercharger "
    "Superchargers Autopilot Mobis Hydrogen Fuel Cell Cells Recycling "
)
_CORPORATE_WORDS = frozenset(fold(w) for w in _CORPORATE_TEXT.split())
# trim levels and equipment lines written after a model name: not a model of their own
_TRIM_TEXT = (
    "Active Allure Style Life Titanium Trend Premium Limited Platinum Edition Line Esprit "
    "Techno Evolution Iconic Intens Zen Equilibre Business Comfort Comfortline Highline "
    "Trendline Elegance Exclusive Luxury Signature Base Select Sportline Laurin Klement "
    "Ambition Selection Sportive Shine Feel Plus Pro Max Ultra Performance Competition "
    "Launch Standard Long Range Dual Motor Electric Hybride Hybrid Turbo Diesel Essence"
)
_TRIM_WORDS = frozenset(fold(w) for w in _TRIM_TEXT.split())
# brands written as an ordinary word: a capitalised word after them is no model guess
_WORD_BRANDS = frozenset(
    fold(w)
    for w in [
        "Smart", "Mini", "Genesis", "Ram", "Lucid", "Seat", "Alpine", "Lotus", "Dodge",
        "Ora", "Tank", "Scout", "Jeep", "Polestar", "Lynk", "Ebro", "Deepal", "Voyah",
    ]
)  # fmt: skip
_UNKNOWN_NAME_LANGS = frozenset({"en", "fr"})  # German capitalises its nouns: no guessing


def _sentence_at(text: str, pos: int) -> str:
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    ends = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i >= 0]
    return text[start : min(ends) if ends else len(text)]


def _unknown_name(
    text: str,
    company: Mention,
    end: int,
    token: str,
    base: list[Mention],
    kb: Knowledge,
    *,
    lang: str,
) -> bool:
    """Whether the capitalised word after a known brand is a model the KB does not know
    ("Nissan Maxima", "Toyota Avalon"): not a place ("Toyota Kentucky"), a company
    ("Ford Otosan", "Renault Trucks"), a corporate word ("BMW Group", "Hyundai Motor"),
    a month, a person or an ordinary word the KB lists; not before another capitalised
    word ("Toyota Research Institute"), not in a title-case headline."""
    if lang not in _UNKNOWN_NAME_LANGS:
        return False
    if company.kind == "COMPANY" and company.company_kind not in ("brand", "automaker"):
        return False
    if company.kind == "COMPANY" and fold(company.text) in _WORD_BRANDS:
        return False  # "Smart Keyboard", "Mini Cooper" (a KB model), "Genesis Block"
    if not re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]{2,}", token):
        return False
    key = fold(token)
    if (
        key in _CORPORATE_WORDS
        or key in _CALENDAR
        or key in _NOT_MODEL_FOLDED
        or key in _TRIM_WORDS
    ):
        return False
    if kb.is_common_word(token) or kb.place(token) is not None or kb.company(token) is not None:
        return False
    if kb.company(f"{company.text} {token}") is not None or kb.plant(token) is not None:
        return False
    if kb.plant(f"{company.text} {token}") is not None or kb.plants_near(city=token):
        return False  # "Toyota Burnaston", "Ford Craiova": a plant by its town
    if pattern(lang, "plant_noun").fullmatch(token) or pattern("en", "plant_noun").fullmatch(token):
        return False
    start = end - len(token)
    if any(m.start < end and start < m.end and m is not company for m in base):
        return False  # a place, a person, a company the NER or the KB found there
    if re.match(r"\s*(?:&|of\s+[A-Z])", text[end : end + 6]):
        return False  # "Honda Development & Manufacturing", "Toyota Research of America"
    nxt = re.match(r"[ ]([^\W\d_][\w-]*)", text[end : end + 30])
    if nxt is not None and nxt.group(1)[0].isupper() and not nxt.group(1).isupper():
        return False
    return not _title_case(_sentence_at(text, start))


def _suffixed_models(text: str, base: list[Mention], kb: Knowledge, *, lang: str) -> list[Mention]:
    """A known model and a capitalised name after it that the KB does not know: a model
    of its own ("Citroën C4 Cactus" is not the C4), with the same filters as a brand's
    unknown name; designators and body styles are left to `_designated`."""
    out: list[Mention] = []
    for m in base:
        if m.kind != "MODEL" or not m.brand or lang not in _UNKNOWN_NAME_LANGS:
            continue
        if not re.search(r"\d", m.text) and not fold(m.text).startswith(fold(m.brand)):
            continue  # a bare word name ("Zoe Saldana", "Escape Key"): no guess
        tail = re.match(r"[ ]([A-ZÀ-Ý][a-zà-ÿ]{2,})(?![\w-])", text[m.end : m.end + 30])
        if tail is None or re.fullmatch(rf"(?:{_BODY_STYLES}|{_EV_DESIGNATORS})", tail.group(1)):
            continue
        token, end = tail.group(1), m.end + tail.end()
        if fold(token) in _TRIM_WORDS:
            continue  # a trim level ("Focus Titanium", "208 Allure") is the same model
        if kb.model(token) is not None or kb.model(f"{m.name} {token}") is not None:
            continue  # another model, or a longer name the KB already matched elsewhere
        if not _unknown_name(text, m, end, token, base, kb, lang=lang):
            continue
        name = f"{m.name} {token}"
        out.append(Mention("MODEL", m.start, end, text[m.start : end], name, brand=m.brand))
    return out


def _pattern_mentions(
    text: str, base: list[Mention], kb: Knowledge, *, lang: str = ""
) -> list[Mention]:
    found: list[Mention] = []
    for m in _COUNTY.finditer(text):
        place = kb.place(m.group(0)) or PlaceInfo(m.group(0), "county", None, None)
        found.append(Mention("PLACE", m.start(), m.end(), m.group(0), place.name, place=place))
    for m in _FORMER.finditer(text):
        if kb.plant(m.group(0)) is not None:  # "l'ex-Sevelnord": the plant by its former name
            found.append(Mention("PLANT", m.start(), m.end(), m.group(0), m.group(0)))
    models = [m for m in base if m.kind == "MODEL"]
    for company in base:
        if company.kind != "COMPANY" or company.company_kind not in ("brand", "automaker", None):
            continue
        tail = re.match(r"[ ](\S+)(?: (\S+))?", text[company.end : company.end + 40])
        if not tail:
            continue
        token = tail.group(1).rstrip(",.;:)")
        if token in _NOT_MODEL_WORDS or not _MODEL_TOKEN.match(token):
            continue
        start, end = company.start, company.end + 1 + len(token)
        if any(m.start <= start < m.end or start <= m.start < end for m in models):
            continue
        if not re.search(r"\d", token) and not _unknown_name(
            text, company, end, token, base, kb, lang=lang
        ):
            continue  # an unknown model is a brand and a code ("B10", "VF 7") or a name
        name = f"{company.name} {token}"
        info = kb.model(name) or kb.model(token)
        found.append(
            Mention("MODEL", start, end, text[start:end], info.name if info else name,
                    brand=info.brand if info else company.name)
        )  # fmt: skip
    return found


def _resolve(mentions: list[Mention]) -> list[Mention]:
    """The longest mentions first (then by kind, then by position), each kept unless it
    overlaps one kept already; in text order."""
    ranked = sorted(mentions, key=lambda m: (-(m.end - m.start), -PRIORITY.get(m.kind, 0), m.start))
    if any(m.end <= m.start for m in mentions):  # an empty span: compare with every kept one
        kept: list[Mention] = []
        for m in ranked:
            if not any(m.start < k.end and k.start < m.end for k in kept):
                kept.append(m)
        return sorted(kept, key=lambda m: m.start)
    # kept spans do not overlap, so in order of start their ends rise too: a span overlaps
    # a kept one iff it overlaps the last kept one starting before its end
    starts: list[int] = []
    in_order: list[Mention] = []
    for m in ranked:
        i = bisect_left(starts, m.end)
        if i and in_order[i - 1].end > m.start:
            continue
        starts.insert(i, m.start)
        in_order.insert(i, m)
    return in_order


_EV_BEFORE = re.compile(
    r"(?:all-electric|fully electric|battery-electric|electric|elektrische[nrs]?|vollelektrische[nrs]?|"
    r"rein elektrische[nrs]?)\s+(?:\w+\s+)?(?:(?:version|variant)\s+of\s+(?:the\s+)?)?$",
    re.I,
)
_EV_AFTER = re.compile(r"^\s+(?:électriques?|electriques?|EV|E-Tech|Electric|e-tron)\b", re.I)
_EV_LEAD = re.compile(
    r"(?:all-electric|fully electric|battery-electric|electric|elektrische[nrs]?|"
    r"vollelektrische[nrs]?)\s",
    re.I,
)
_EV_SUFFIXES = ("EV", "E-Tech", "Electric", "électrique", "e-tron")
_COORD = re.compile(
    r"^\s*(?:,|et|and|und|&|ou|or|oder)\s*(?:les?\s+|la\s+|the\s+|der\s+|die\s+|das\s+)?$", re.I
)
# "Peugeot 208 et 308", "the Jaguar XE, XF and F-Type": the brand goes on to the next name
_LISTED_NAME = re.compile(
    r"^\s*(?:et|and|und|&|,)\s*(\d{2,4}[a-z]?|(?-i:[A-Z]{2,3}\d{0,2}))\b", re.I
)


def _ev_variant(m: Mention, kb: Knowledge, text: str) -> Mention:
    if any(m.name.endswith(f" {suffix}") for suffix in _EV_SUFFIXES):
        return m  # already the electric version
    for suffix in _EV_SUFFIXES:
        for base in (m.name, m.text):
            info = kb.model(f"{base} {suffix}")
            if info is not None and info.name != m.name:
                return Mention("MODEL", m.start, m.end, m.text, info.name, brand=info.brand)
    # an electric version the KB does not know, named by the article elsewhere ("the X EV")
    written = re.search(rf"(?<![\w-]){re.escape(m.text)} (EV|E-Tech|e-tron)(?![\w-])", text)
    if written is not None and kb.model(m.name) is not None:
        return Mention(
            "MODEL", m.start, m.end, m.text, f"{m.name} {written.group(1)}", brand=m.brand
        )
    return m


def _model_groups(text: str, models: list[Mention]) -> list[list[Mention]]:
    groups: list[list[Mention]] = []
    for m in models:
        if groups and _COORD.match(text[groups[-1][-1].end : m.start]):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def _refine_models(text: str, mentions: list[Mention], kb: Knowledge) -> list[Mention]:
    """Electric variants ("the electric Chevrolet Silverado", "les Mégane et Scenic électriques"),
    renamings in parentheses ("den elektrischen Golf (ID. Golf)"), "Fiat 500 et 600"."""
    models = [m for m in mentions if m.kind == "MODEL"]
    others = [m for m in mentions if m.kind != "MODEL"]
    out: list[Mention] = []
    for group in _model_groups(text, models):
        electric = bool(_EV_BEFORE.search(text[max(0, group[0].start - 30) : group[0].start]))
        electric = electric or bool(_EV_AFTER.match(text[group[-1].end : group[-1].end + 15]))
        electric = electric or bool(_EV_LEAD.match(group[0].text))  # "electric X" is a KB alias
        for m in group:
            out.append(_ev_variant(m, kb, text) if electric else m)
    kept: list[Mention] = []
    for i, m in enumerate(out):
        nxt = out[i + 1] if i + 1 < len(out) else None
        if nxt is not None and re.fullmatch(r"\s*\(\s*", text[m.end : nxt.start]):
            continue  # the name in parentheses is the model's own name
        kept.append(m)
        bare = _LISTED_NAME.match(text[m.end : m.end + 12])
        if bare and m.brand:
            info = kb.model(f"{m.brand} {bare.group(1)}")
            s = m.end + bare.start(1)
            if info is not None and not any(o.start <= s < o.end for o in out):
                kept.append(
                    Mention(
                        "MODEL",
                        s,
                        s + len(bare.group(1)),
                        bare.group(1),
                        info.name,
                        brand=info.brand,
                    )
                )
    for item in _brand_items(text, kept, kb):
        clash = [o for o in [*others, *kept] if o.start < item.end and item.start < o.end]
        if all(_guessed(o) or (o.kind == "PLACE" and o.place and o.place.region is None
                               and o.place.country is None) for o in clash):  # fmt: skip
            kept.append(item)
            others = [o for o in others if o not in clash]
    kept.sort(key=lambda m: m.start)
    designated = _designated(text, kept, kb, others)
    variants = []
    for v in _variant_phrases(text, designated, kb):
        clash = [o for o in [*others, *designated] if o.start < v.end and v.start < o.end]
        if all(_guessed(o) for o in clash):
            variants.append(v)
            others = [o for o in others if o not in clash]
    return sorted([*others, *designated, *variants], key=lambda m: m.start)


_BRAND_ITEM = re.compile(r"\s*(?:,|et|and|und|&|ou|or|oder)\s*(?P<w>[A-ZÀ-Ý][\w-]{2,})(?![\w-])")


def _brand_items(text: str, models: list[Mention], kb: Knowledge) -> list[Mention]:
    """Items of a list after a branded model that the brand makes a model: "les Seat
    Ibiza, Arona et Leon" (a bare "Leon" is a Seat and a Cupra), "the Kia Sonet and
    Seltos"; only names the KB knows for that very brand."""
    out: list[Mention] = []
    starts = {m.start for m in models}
    for m in models:
        if not m.brand:
            continue
        pos = m.end
        while (found := _BRAND_ITEM.match(text, pos)) is not None:
            if found.start("w") in starts:
                pos = next(k.end for k in models if k.start == found.start("w"))
                continue  # a model already found: the list goes on after it
            info = kb.model(f"{m.brand} {found.group('w')}")
            if info is None or info.brand != m.brand:
                break
            start, end = found.start("w"), found.end("w")
            out.append(Mention("MODEL", start, end, found.group("w"), info.name, brand=info.brand))
            pos = end
    return out


def _guessed(m: Mention) -> bool:
    """A statistical guess the knowledge base does not confirm (an ORG "Sportback")."""
    return (m.kind == "COMPANY" and m.company_kind is None) or m.kind == "PERSON"


# a model name directly followed by a designator names a different model: "Ioniq 7" is not
# the "Ioniq", "ID.7 Tourer" not the "ID.7", "Highlander EV" not the "Highlander"
_EV_DESIGNATORS = (
    r"Plug-in(?:[ -]Hybrid)?|PHEV|EV|Hybrid|E-Tech|Electric|Elec|e-tron|DM-i|DM-p|e-Power|e:HEV"
)
# body styles written after the model are part of its name as an analyst writes it
# ("3 Series Sedan", "2 Series Coupé", "Ceed SW"): they are distinct products, often
# built in distinct plants; capitalised only ("the i3 sedan" is a description)
_BODY_STYLES = (
    r"Sports[ ]Tourer|Shooting[ ]Brake|Active[ ]Tourer|Gran[ ]Tourer|Gran[ ]Coup[ée]|Tourer|"
    r"Sportback|Avant|Kombi|Variant|Sedan|Saloon|Coup[ée]|Cabrio(?:let)?|Convertible|Roadster|"
    r"Touring|Hatchback|Estate|Wagon|SW"
)
_DESIGNATOR = re.compile(
    rf"[ -](?P<tail>(?:{_BODY_STYLES}|{_EV_DESIGNATORS}|(?<=[ ])\d{{1,2}}[a-zA-Z]?))"
    r"(?![\w-]|[.,][ ]?\d|[ ]\d)"
)
# a new name between a known model and an electric designator: "Carens Clavis EV" is
# neither the Carens nor a "Carens EV"
_NAMED_VARIANT = re.compile(
    rf"[ ](?P<word>[A-Z][a-z]{{2,}})[ ](?P<tail>{_EV_DESIGNATORS})(?![\w-])"
)
# a variant named by a noun phrase after its model: "le Q8 e-tron et sa déclinaison
# Sportback", "the Q3 and its Sportback version", "der Q3 und seine Sportback-Variante"
_VARIANT_PHRASE = re.compile(
    r"\s*(?:,\s*)?(?:et|and|und|ainsi que|as well as|sowie)\s+"
    r"(?:(?:sa|son|leur|la|le)\s+(?:déclinaison|declinaison|version|variante|dérivée?)\s+"
    rf"(?P<fr>{_BODY_STYLES}|{_EV_DESIGNATORS})"
    rf"|(?:its|the|their)\s+(?P<en>{_BODY_STYLES}|{_EV_DESIGNATORS})\s+(?:version|variant|derivative)"
    rf"|(?:seine|ihre|die|das|der)\s+(?P<de>{_BODY_STYLES}|{_EV_DESIGNATORS})-?"
    r"(?:Variante|Version|Ableger|Derivat))\b"
)
_EV_SUFFIX_AT_END = re.compile(r"^(?P<base>.+?)[ ](?P<suffix>e-tron|EV|E-Tech|Electric)$")
_QUANTITY_AFTER = re.compile(
    r"^\s*(?:%|per|pour|pro|units?|unités|vehicles?|véhicules?|voitures|cars|Fahrzeuge|"
    r"Einheiten|Stück|exemplaires|copies|times|fois|mal|millions?|Millionen|mille|thousand|000)\b",
    re.I,
)


def _variant_name(m: Mention, tail: str, kb: Knowledge) -> tuple[str, str | None]:
    """The name of `m`'s variant `tail`: the KB's, else the model's name with the tail
    ("Q8 e-tron" + "Sportback" → "Q8 Sportback e-tron", Audi's and the press's order)."""
    for candidate in (f"{m.name} {tail}", f"{m.text} {tail}"):
        info = kb.model(candidate)
        if info is not None and info.name != m.name:
            return info.name, info.brand
    suffixed = _EV_SUFFIX_AT_END.match(m.name)
    if suffixed and tail not in _EV_SUFFIXES:
        inserted = f"{suffixed['base']} {tail} {suffixed['suffix']}"
        info = kb.model(inserted)
        return (info.name, info.brand) if info else (inserted, m.brand)
    return f"{m.name} {tail}", m.brand


def _variant_phrases(text: str, models: list[Mention], kb: Knowledge) -> list[Mention]:
    """Models named as a variant of the model just before ("et sa déclinaison Sportback")."""
    out: list[Mention] = []
    for m in models:
        found = _VARIANT_PHRASE.match(text, m.end)
        if found is None:
            continue
        group = next(g for g in ("fr", "en", "de") if found.group(g))
        tail = found.group(group)
        name, brand = _variant_name(m, tail, kb)
        if fold(name) == fold(m.name):
            continue
        out.append(Mention("MODEL", found.start(group), found.end(group), tail, name, brand=brand))
    return out


def _named_variant(text: str, m: Mention, blocked: list[Mention]) -> Mention | None:
    found = _NAMED_VARIANT.match(text, m.end)
    if found is None or found.group("word") in _NOT_MODEL_WORDS:
        return None
    if any(b.start < found.end() and m.end < b.end for b in blocked):
        return None  # "the Sonet Kia EV…": a company, a place or another model
    name = f"{m.name} {found.group('word')} {found.group('tail')}"
    return Mention("MODEL", m.start, found.end(), text[m.start : found.end()], name, brand=m.brand)


def _designated(
    text: str, models: list[Mention], kb: Knowledge, others: Sequence[Mention] = ()
) -> list[Mention]:
    out: list[Mention] = []
    for i, m in enumerate(models):
        found = _DESIGNATOR.match(text, m.end)
        nxt = models[i + 1].start if i + 1 < len(models) else len(text)
        if found is None:
            named = _named_variant(text, m, [*others, *models[i + 1 : i + 2]])
            out.append(named if named is not None and named.end <= nxt else m)
            continue
        if found.end() > nxt or m.text.endswith(found.group("tail")):
            out.append(m)
            continue
        tail = found.group("tail")
        if fold(m.name).endswith(fold(tail)):
            # the name already carries it ("Highlander" read as the article's "Highlander EV")
            out.append(Mention("MODEL", m.start, found.end(), text[m.start : found.end()],
                               m.name, brand=m.brand))  # fmt: skip
            continue
        if tail[0].isdigit() and _QUANTITY_AFTER.match(text[found.end() : found.end() + 14]):
            out.append(m)
            continue
        info = kb.model(f"{m.name} {tail}") or kb.model(f"{m.text} {tail}")
        if info is not None and info.name == m.name:
            out.append(m)  # the KB writes the longer form as an alias of this very model
            continue
        name = info.name if info else f"{m.name} {tail}"
        if (
            info is None
            and m.brand
            and not fold(name).startswith(fold(m.brand))
            and not fold(name).startswith(fold(m.brand.split()[0]) + " ")
        ):
            name = f"{m.brand} {name}"  # not "Heuliez Bus Heuliez GX 337 Elec"
        brand = info.brand if info else m.brand
        out.append(
            Mention("MODEL", m.start, found.end(), text[m.start : found.end()], name, brand=brand)
        )
    return out


_DE_CITY_ADJECTIVE = re.compile(r"\b([A-ZÄÖÜ][a-zäöüß]{2,}?)e?r(?=\s+[A-ZÄÖÜ])")


def _city_adjectives(text: str, kb: Knowledge) -> list[Mention]:
    """German city adjectives: "Zwickauer Modelle", "die Grünheider Fabrik" → the city."""
    found = []
    for m in _DE_CITY_ADJECTIVE.finditer(text):
        for stem in (m.group(1), m.group(1) + "e"):
            place = kb.place(stem)
            if place is not None and place.kind == "city":
                found.append(
                    Mention("PLACE", m.start(), m.end(), m.group(0), place.name, place=place)
                )
                break
    return found


# ----------------------------------------------------------------- common-word model names

_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÀ-Ý][a-zà-ÿ]{2,}(?![\w-])")
# a model noun before the name ("das Modell Superb", "le modèle Scala", "model Focus")
_MODEL_NOUN_BEFORE = re.compile(
    r"(?:\b(?:modèles?|modeles?|Modell|Modells|Modelle|models?|Baureihe|l['’]utilitaire|le fourgon|"
    r"la berline|le SUV|le pick-up|the van|the pickup|the SUV|the sedan|den Transporter|"
    r"der Transporter|das SUV|den SUV|der SUV|die Limousine|der Kleinwagen|den Kleinwagen|"
    r"der Kombi|den Kombi|der Geländewagen|den Geländewagen|der Pick-up|den Pick-up)|-Modell)\s+$",
    re.I,
)  # a model noun before it ("das Modell Superb", "l'utilitaire Master")
# a vehicle noun after it ("the Semi truck", "the Passport SUV", "der Superb-Kombi")
_VEHICLE_NOUN_AFTER = re.compile(
    r"^(?:[ ](?:model|sedan|saloon|SUV|crossover|truck|pickup|pick-up|hatchback|minivan|"
    r"wagon|estate|berline|citadine|familiale|monospace|break)|-(?:Modell|Kombi|Limousine|SUV)|"
    r"[ ](?:vocational|long-haul|regional|heavy-duty|refuse|city|electric)[ ](?:truck|tractor|bus))"
    r"(?![\w-])"
)
_CALENDAR = frozenset(
    fold(w)
    for w in [
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
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
)
CALENDAR_WORDS = _CALENDAR  # month and day names of the three languages, folded
# German nouns that are also a model's name: capitalised in any German sentence
_DE_NOUNS = frozenset(
    fold(w)
    for w in [
        "Partner",
        "Note",
        "Terrain",
        "Tank",
        "Master",
        "Pilot",
        "Boxer",
        "Express",
        "Junior",
        "Saga",
        "Dream",
        "Safari",
        "Titan",
        "Spring",
        "Crown",
        "Forte",
        "Free",
        "Gamma",
        "Mega",
        "Ocean",
        "Courage",
        "Comet",
        "Atlas",
        "Aura",
        "City",
        "Phantom",
    ]
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;»\"“”]\s*|\n\s*|—\s*|[-–]\s)$")


def _sentence_bounds(doc: Doc, text: str) -> list[tuple[int, int]]:
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", text)]


def _named_in(sentence: str, names: Sequence[str]) -> bool:
    folded = f" {fold(sentence)} "
    return any(f" {fold(n)} " in folded for n in names if len(fold(n)) >= 2)


def _times_named(text: str, names: Sequence[str]) -> int:
    folded = f" {fold(text)} "
    return sum(folded.count(f" {fold(n)} ") for n in set(names) if len(fold(n)) >= 2)


def _article_brand(text: str, brands: list[ModelInfo], kb: Knowledge) -> ModelInfo | None:
    """Of the brands sharing a name, the one the article names; of several, the one it names
    most ("la Sandero" in an article about Dacia's Mioveni plant that names Renault once)."""
    if len(brands) <= 1:
        return brands[0] if brands else None
    counts = sorted(
        ((_times_named(text, kb.company_names(b.brand or "")), i) for i, b in enumerate(brands)),
        reverse=True,
    )
    return brands[counts[0][1]] if counts[0][0] > counts[1][0] else None


def _title_case(sentence: str) -> bool:
    """A headline in title case ("Ford Shifts Focus To Electric Vans"): no cue."""
    words = re.findall(r"[^\W\d_]{4,}", sentence)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def _cued_models(
    doc: Doc, text: str, mentions: list[Mention], kb: Knowledge, *, lang: str
) -> list[Mention]:
    """Models named by an ordinary word ("Focus", "Superb", "Semi", "Passport"), found only
    with a cue: (a) their brand right before ("Ford Focus" is a KB span already), (b) a list
    with another model of that brand ("Fabia, Scala und Kamiq"), (c) a model noun ("das
    Modell Superb", "the Semi truck"), or (d) the brand named in the same sentence and the
    word capitalised mid-sentence between lower-case words ("im Ford-Werk … der letzte
    Focus"), or (e) the model named in full earlier in the article ("GMC Sierra" … "the
    Silverado and Sierra"). Places, months and German nouns need a cue (a)-(c) or (e)."""
    table = kb.common_word_models()
    if not table:
        return []
    taken = [m for m in mentions if not _guessed(m)]
    models = [m for m in mentions if m.kind == "MODEL"]
    found: list[Mention] = []
    named = {m.name for m in models if " " in m.text}
    for s_start, s_end in _sentence_bounds(doc, text):
        sentence = text[s_start:s_end]
        if lang != "de" and _title_case(sentence):  # German capitalises its nouns
            continue
        for word in _CAPITALISED.finditer(sentence):
            start, end = s_start + word.start(), s_start + word.end()
            choices = table.get(fold(word.group(0)))
            if not choices or any(m.start < end and start < m.end for m in taken):
                continue
            # not cut at the sentence start: the French parser may break "l'utilitaire | Master"
            before, after = text[max(0, start - 25) : start], text[end : end + 16]
            info = _cued_choice(text, start, end, choices, [*models, *found], kb)
            if info is None and (
                _MODEL_NOUN_BEFORE.search(before) or _VEHICLE_NOUN_AFTER.match(after)
            ):
                brands = [
                    c for c in choices if c.brand and _named_in(text, kb.company_names(c.brand))
                ]
                info = _article_brand(text, brands, kb) or (
                    choices[0] if len(choices) == 1 else None
                )
            if info is None and not _SENTENCE_START.search(text[s_start:start]):
                info = _brand_in_sentence(sentence, word.group(0), choices, kb, lang=lang)
                if info is None and not _LOCATIVE_BEFORE.search(text[max(0, start - 12) : start]):
                    # (e) the model named in full earlier ("GMC Sierra" … "the Sierra")
                    key = fold(word.group(0))
                    if key not in _CALENDAR and not (lang == "de" and key in _DE_NOUNS):
                        info = next((c for c in choices if c.name in named), None)
                if info is not None and not _between_lower_words(text, start, end, lang=lang):
                    info = None
            if (
                info is None
                and _ARTICLE_BEFORE.search(before)
                and not re.match(r"[ -][A-Z]{2,}s?\b", after)  # "the first Sierra EVs"
                and _MADE_OR_MODEL[lang].search(sentence)
            ):
                # (f) "als zweites Modell der elektrische Capri", "Bis Juli 2023 war in Köln der
                # Fiesta gebaut worden": a model of the brand the article is about, with an
                # article before it, in a sentence about making or models
                brands = [
                    c for c in choices if c.brand and _named_in(text, kb.company_names(c.brand))
                ]
                key = fold(word.group(0))
                if key not in _CALENDAR and not (lang == "de" and key in _DE_NOUNS):
                    info = _article_brand(text, brands, kb)
            if info is not None:
                named.add(info.name)  # one cue is enough for the rest of the article
                found.append(
                    Mention("MODEL", start, end, word.group(0), info.name, brand=info.brand)
                )
    return found


def _cued_choice(
    text: str,
    start: int,
    end: int,
    choices: Sequence[ModelInfo],
    models: Sequence[Mention],
    kb: Knowledge,
) -> ModelInfo | None:
    """(a) and (b): the brand right before, or a neighbour in a list of that brand's models."""
    for info in choices:
        if not info.brand:
            continue
        names = kb.company_names(info.brand)
        if any(re.search(rf"(?<![\w-]){re.escape(n)}[ -]$", text[max(0, start - 40) : start])
               for n in names):  # fmt: skip
            return info
        for m in models:
            if m.brand != info.brand:
                continue
            gap = text[m.end : start] if m.end <= start else text[end : m.start]
            if _COORD.match(gap) or re.fullmatch(r"\s*,\s*", gap):
                return info
    return None


def _brand_in_sentence(
    sentence: str, word: str, choices: Sequence[ModelInfo], kb: Knowledge, *, lang: str
) -> ModelInfo | None:
    """(d): the one model of `word` whose brand the sentence names."""
    key = fold(word)
    if key in _CALENDAR or kb.place(word) is not None or (lang == "de" and key in _DE_NOUNS):
        return None
    named = [c for c in choices if c.brand and _named_in(sentence, kb.company_names(c.brand))]
    return named[0] if len(named) == 1 else None


def _between_lower_words(text: str, start: int, end: int, *, lang: str) -> bool:
    """The word stands among lower-case words, as a name does in running text; in German
    (nouns are capitalised) only the word before counts."""
    prev = re.search(r"([^\W\d_]+)[^\w]*$", text[max(0, start - 30) : start])
    nxt = re.match(r"[^\w]*([^\W\d_]+)", text[end : end + 30])
    if prev is None or prev.group(1)[0].isupper():
        return False
    if lang == "de":
        return True
    return nxt is None or not nxt.group(1)[0].isupper() or nxt.group(1).isupper()


# a determiner (and maybe one adjective) right before a name: "der elektrische Capri", "le Kangoo"
_ARTICLE_BEFORE = re.compile(
    r"\b(?i:der|die|das|den|dem|des|le|la|les|l'|l’|du|the)\s+(?:[a-zäöüéèêàç-]+\s+)?$"
)
# a sentence about making cars or about models
_MADE_OR_MODEL = {
    lang: re.compile(
        rf"(?:{LEXICONS[lang]['produce']})|\b(?:Modell\w*|modèles?|models?)\b"
        r"|\bsorti\w* des? (?:chaînes?|lignes?)|\brolled? off\b|\bvom Band\b"
        r"|\b(?:down|off) the (?:assembly )?lines?\b",
        re.IGNORECASE,
    )
    for lang in LEXICONS
}
# a locative preposition right before a place name ("assembled in Georgetown", "à Forest")
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|outside|à|près de|pres de|bei|nahe|nach)|\bde|\bd')\s*$"
)


def _cued_places(text: str, mentions: list[Mention], kb: Knowledge) -> list[Mention]:
    """Places whose name is an ordinary word (seeds/kb/common_words.yaml: "Georgetown",
    "Liberty", "Normal", "Forest"), which have no span pattern: found when capitalised
    right after a locative preposition ("built in Georgetown", "l'usine de Forest")."""
    found: list[Mention] = []
    for word in _CAPITALISED.finditer(text):
        start, end = word.start(), word.end()
        if not kb.is_common_word(word.group(0)) or kb.common_word_models().get(fold(word.group(0))):
            continue  # a model's name ("Colorado", "Montana") stays for the model cues
        if not _LOCATIVE_BEFORE.search(text[max(0, start - 12) : start]):
            continue
        if any(m.start < end and start < m.end for m in mentions):
            continue
        place = kb.place(word.group(0))
        if place is None or place.kind not in ("city", "county"):
            continue
        found.append(Mention("PLACE", start, end, word.group(0), place.name, place=place))
    return found


# a town of the world gazetteer (GeoNames, seeds/kb/world_towns.tsv), named where a town can
# stand: after a locative preposition ("In Kigali montiert Volkswagen", "Schwesterwerk in Accra",
# "Tatra aus Kopřivnice", "l'usine de Halol") or before a plant noun ("the Halol plant",
# "Halol-Werk"); one to three capitalised words, the longest the gazetteer knows
_TOWN_CUE_BEFORE = re.compile(
    r"(?<![\w-])(?:[Ii]n|at|near|[Nn]ear|outside|from|[Àà]|près de|pres de|[Bb]ei|nahe|aus|[Dd]e\s|"
    r"d['’])\s*(?=[A-ZÀ-ÝŁŚŻČŠŽ])"
)
_TOWN_CUE_AFTER = re.compile(
    r"(?<=\w)(?:\s+(?:plant|factory|assembly plant|works|facility|complex)\b|-(?:Werk|Werks|Fabrik|"
    r"Standort)\b)"
)
_GAZ_WORD = r"[A-ZÀ-ÝŁŚŻČŠŽ][\w'’-]*\w"
_TOWN_WORDS = re.compile(
    rf"{_GAZ_WORD}(?:[ -](?:(?:de|do|da|del|la|sur|am)[ -])?{_GAZ_WORD}){{0,2}}"
)
_TOWN_WORDS_BEFORE = re.compile(
    rf"(?<![\w'’.-])({_GAZ_WORD})(?:[ -]({_GAZ_WORD}))?(?:[ -]({_GAZ_WORD}))?$"
)


def _world_towns(text: str, mentions: list[Mention], kb: Knowledge) -> list[Mention]:
    candidates: list[list[tuple[int, int]]] = []  # each cue's spans, the longest first
    for cue in _TOWN_CUE_BEFORE.finditer(text):
        at = cue.end()
        words = _TOWN_WORDS.match(text, at)
        if words is None:
            continue
        spans, name = [], words.group(0)
        while name:
            spans.append((at, at + len(name)))
            cut = max(name.rfind(" "), name.rfind("-"))
            name = name[:cut] if cut > 0 else ""
        candidates.append(spans)
    for cue in _TOWN_CUE_AFTER.finditer(text):
        words = _TOWN_WORDS_BEFORE.search(text, max(0, cue.start() - 60), cue.start())
        if words is not None:
            starts = [words.start(i) for i in (1, 2, 3) if words.group(i)]
            candidates.append([(start, cue.start()) for start in starts])
    if not candidates:
        return []
    found: list[Mention] = []
    countries = _countries_named(mentions)
    for spans in candidates:
        for start, end in spans:
            if any(m.start < end and start < m.end for m in (*mentions, *found)):
                continue
            place = _gazetteer_town(text[start:end], kb, countries)
            if place is not None:
                found.append(
                    Mention("PLACE", start, end, text[start:end], text[start:end], place=place)
                )
                break
    return found


def _gazetteer_town(name: str, kb: Knowledge, countries: set[str]) -> PlaceInfo | None:
    if fold(name) in _NOT_A_TOWN or kb.is_common_word(name):
        return None
    if kb.place(name) is not None or kb.company(name) is not None or kb.model(name) is not None:
        return None  # a place, company or model the knowledge base knows
    return kb.town(name, countries)


def _countries_named(mentions: list[Mention]) -> set[str]:
    """The countries the article names by their places; by adjectives alone ("the
    American-built truck") only when it names no place."""
    named = [m for m in mentions if m.kind == "PLACE" and m.place and m.place.country]
    places = {m.place.country for m in named if m.place and m.place.country and not m.adjective}
    return places or {m.place.country for m in named if m.place and m.place.country}


def _with_town_countries(mentions: list[Mention], kb: Knowledge) -> list[Mention]:
    """Towns found by the NER or a plant cue but unknown to the knowledge base ("l'usine de
    Nnewi"), with their country from the world gazetteer."""
    countries = _countries_named(mentions)
    out: list[Mention] = []
    for m in mentions:
        if m.kind == "PLACE" and m.place and m.place.kind == "city" and m.place.country is None:
            town = _gazetteer_town(m.text, kb, countries)
            if town is not None and town.country is not None:
                m = Mention("PLACE", m.start, m.end, m.text, m.name, place=town)
        out.append(m)
    return out


# a town the gazetteer does not know, named where only a town can stand: "its plant in
# Uusikaupunki", "the factory at 6th of October City", "im Werk in Molsheim", "das Werk
# Uusikaupunki (Finnland)", "the Molsheim plant"; English and German have no NER for this
_TOWN_WORD = r"(?:[A-ZÀ-ÝŁŚŻ][\w'’-]+|\d{1,2}(?:st|nd|rd|th))"
_TOWN = rf"{_TOWN_WORD}(?:\s+(?:(?:of|de|la|del|do|da|sur|upon|am|an der)\s+)?[A-ZÀ-ÝŁŚŻ][\w'’-]+){{0,3}}"
_UNKNOWN_TOWN = {
    "en": re.compile(
        rf"\b(?:plant|factory|facility|works|assembly plant|complex)\s+(?:in|at|near)\s+(?P<a>{_TOWN})"
        rf"|(?:\b(?:the|its|their|our)|[A-Z][\w&.-]*['’]s)\s+(?P<b>[A-ZÀ-ÝŁŚŻ][\w'’-]+)\s+"
        r"(?:(?:truck|bus|car|van|vehicle|assembly|EV)\s+)?(?:plant|factory|assembly plant|works|site)\b"
    ),
    "de": re.compile(
        rf"\b(?:Werk|Werks|Werkes|Fabrik|Montagewerk|Standort|Standorts)\s+(?:in|bei)\s+(?P<a>{_TOWN})"
        rf"|\b(?:Werk|Werks|Werkes|Montagewerk)\s+(?P<b>[A-ZÀ-ÝŁŚŻ][\w'’-]+)(?=\s*[,.;(]|\s+(?:im|in|bei|nahe)\s)"
    ),
}
# "Suzzara, Iveco's largest plant, …", "Suzzara, das größte Iveco-Werk, …": a town in
# apposition to its plant (found from the apposition back to the town)
_APPOSED_PLANT = {
    "en": re.compile(
        r",\s+(?:[A-Z][\w&.-]*\s+){0,2}[A-Z][\w&.-]*(?:'s|’s)\s+"
        r"(?:[a-z][\w-]*\s+){0,2}(?:plant|factory|assembly plant|works|site)\b"
        # not "said Tamika Brooks, Jefferson's plant manager": a person and her title
        r"(?!\s+(?:manager|director|chief|boss|head|general|leader|spokes\w+|executive))"
    ),
    "de": re.compile(r",\s+(?:das|der)\s+(?:[\w-]+\s+){0,2}?[\w-]*(?:[Ww]erk|Standort|Fabrik)\b"),
}
_TOWN_BEFORE = re.compile(rf"(?<![\w'’-])(?P<c>{_TOWN})$")
_TOWN_AFTER_PLANT = re.compile(
    r"\s+(?:in|at|near|im|in der|bei)\s+[A-ZÀ-ÝŁŚŻ][\w-]*(?![\w-]|['’]s\b)"
)  # not "its Wacol truck plant in Brisbane's west", where Wacol is the town
_QUARTER_OF_TOWN = re.compile(
    r"\s+(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|suburbs|outskirts|"
    r"industrial)\b"
)
# words that follow a plant noun but name no town: calendar words, German nouns, compass points
_NOT_A_TOWN = _CALENDAR | frozenset(
    fold(w)
    for w in [
        "Januar",
        "Februar",
        "März",
        "Juni",
        "Juli",
        "Oktober",
        "Dezember",
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
        "Ende",
        "Anfang",
        "Mitte",
        "Jahr",
        "Jahres",
        "Sommer",
        "Herbst",
        "Winter",
        "Frühjahr",
        "The",
        "This",
        "That",
        "Its",
        "Their",
        "Our",
        "His",
        "Her",
        "Europe",
        "Asia",
        "Africa",
        "America",
        "Zukunft",
        "Deutschland",
        "Produktion",
        "Betrieb",
        "Norden",
        "Süden",
        "Osten",
        "Westen",
        "North",
        "South",
        "East",
        "West",
        "Central",
        "Nordosten",
        "Südosten",
        "Nordwesten",
        "Südwesten",
    ]
)


def _unknown_towns(text: str, mentions: list[Mention], kb: Knowledge, lang: str) -> list[Mention]:
    rule = _UNKNOWN_TOWN.get(lang)
    if rule is None:
        return []
    found: list[Mention] = []
    hits: list[tuple[re.Match[str], str]] = [
        (m, "a" if m.group("a") else "b") for m in rule.finditer(text)
    ]
    for appo in _APPOSED_PLANT[lang].finditer(text):
        before = _TOWN_BEFORE.search(text, max(0, appo.start() - 80), appo.start())
        if before is not None:
            hits.append((before, "c"))
    for m, group in hits:
        name, start = m.group(group), m.start(group)
        if name[-2:] in ("'s", "’s") and _QUARTER_OF_TOWN.match(text, m.end(group)):
            continue  # "in Brisbane's west": a part of a city, told after its plant's own town
        if group == "b" and _TOWN_AFTER_PLANT.match(text, m.end()):
            continue  # "its Colmotores plant in Bogotá": the plant's own name, the town follows
        name = re.sub(r"\s+(?:of|de|la|del|do|da|sur|upon|am|an der)$", "", name)
        end = start + len(name)
        words = name.split()
        if fold(words[0]) in _NOT_A_TOWN or any(fold(w) in _NOT_A_TOWN for w in words[-1:]):
            continue
        if any(o.start < end and start < o.end for o in mentions):
            continue  # a known model, company, plant or place
        if kb.plant(name) is not None or kb.company(name) is not None or kb.model(name) is not None:
            continue  # "das Werk Yajima": a known plant's own name
        if group == "a" and any(
            o.kind in ("PLANT", "PLACE") and o.start <= m.start() <= o.end + 2 for o in mentions
        ):
            continue  # "Toyota's Burnaston factory in Derbyshire": the known plant's county
        place = PlaceInfo(name, "city", None, None)
        found.append(Mention("PLACE", start, end, name, name, place=place))
    # the town once found is the town wherever the article names it again ("… in Uusikaupunki
    # since 2017")
    placed = [
        m
        for m in found
        if not any(
            o.kind == "PLACE"
            and re.fullmatch(r"\s+(?:in|bei|near|at|im|à|en)\s+", text[m.end : o.start])
            for o in mentions
        )
    ]  # fmt: skip — "Werk Yajima in Ota": a plant's own name, the town is Ota
    for town in {m.text for m in placed}:
        for again in re.finditer(rf"(?<![\w-]){re.escape(town)}(?![\w-])", text):
            s, e = again.start(), again.end()
            if any(o.start < e and s < o.end for o in [*mentions, *found]):
                continue
            place = PlaceInfo(town, "city", None, None)
            found.append(Mention("PLACE", s, e, town, town, place=place))
    return found


# "dans son usine Thaco Kia de Chu Lai": the NER took the town for a person
_PLANT_OF_BEFORE = re.compile(
    r"\b(?:usines?|site|complexe|fabrique)\b[^,.;:«»\"]{0,30}?\s(?:de|d['’]|à)\s*$", re.I
)


def _persons_as_towns(text: str, mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if m.kind == "PERSON" and _PLANT_OF_BEFORE.search(text[max(0, m.start - 45) : m.start]):
            place = PlaceInfo(m.text, "city", None, None)
            m = Mention("PLACE", m.start, m.end, m.text, m.text, place=place)
        out.append(m)
    return out


# "Proton builds the X50 at …", "Dongfeng fertigt den neuen M18": a model code after an
# article, in a sentence of making whose one carmaker is named before it
_CODE = re.compile(r"(?<![\w.-])[A-Z]{1,3}-?\d{1,3}[A-Za-z]?(?![\w.-])")
_CODE_ARTICLE = re.compile(
    r"\b(?:the|its|le|la|l['’]|les|du|des|den|die|das|der|dem|des)\s+"
    r"(?:(?:new|nouveaux?|nouvelles?|neue[nmrs]?|electric|électriques?|elektrische[nmrs]?)\s+)?"
    r"(?P<body>(?:SUV|suv|Stromers?|Limousine|Kombis?|Transporters?|Pick-ups?|pickup|berline|"
    r"citadine|sedan|hatchback|crossover|van|fourgon|(?:SUV-|E-)?Modelle?|models?|modèles?)\s+)?$"
)
# "die Oberklasse-Limousine K9", "den kompakten Elektro-SUV EV3": an article, up to two
# adjectives, and a body noun, maybe the end of a compound
_CODE_BODY = re.compile(
    r"\b(?:the|its|le|la|l['’]|les|du|des|den|die|das|der|dem|des)\s+(?:[a-zäöüéèà][\w-]*\s+){0,2}"
    r"(?P<body>(?:[A-Za-zÄÖÜ][\w]*-)?(?:SUV|Stromers?|Limousine|Kombis?|Transporters?|Pick-ups?|"
    r"pickup|berline|citadine|sedan|hatchback|crossover|van|fourgon|Modelle?|models?|modèles?)\s+)$"
)
# codes that name no model: quarters, halves, emission and network norms, engine layouts,
# autonomy levels, summits, motor racing, roads
_NOT_A_CODE = re.compile(
    r"(?:Q\d|H\d|T\d|S\d|CO\d|NOx?\d*|EU\d+|G\d+|F\d|[VW]\d+|L\d|E\d+|PM\d+|COP\d+|FY\d*|K\d)",
)
# a road, an engine or a platform, not a model: "the M6 motorway", "its W12 engine"
_ROAD_AFTER = re.compile(
    r"\s*(?:motorway|autoroute|Autobahn|road|highway|corridor|engines?|moteurs?|Motor(?:en)?|"
    r"platforms?|plate-?formes?|Plattform|batter(?:y|ies)|batteries|Batterie\w*|gearbox|"
    r"bo[iî]te|Getriebe|cells?|cellules?|Zellen?|chips?|puces?)\b",
    re.I,
)
_FULL_STOP = re.compile(r"[.!?]\s+(?=\S)")


def _sole_maker(
    text: str, base: list[Mention], start: int, end: int, produce: re.Pattern[str], *, before: bool
) -> str | None:
    """The one carmaker the sentence around `start`..`end` names (before the name only, with
    `before`), in a sentence of making; else None."""
    starts = [s.end() for s in _FULL_STOP.finditer(text, max(0, start - 300), start)]
    lead = starts[-1] if starts else max(0, start - 300)
    stop = _FULL_STOP.search(text, end)
    sentence_end = stop.start() + 1 if stop else len(text)
    limit = start if before else sentence_end
    makers = {
        o.name for o in base
        if o.kind == "COMPANY" and lead <= o.start < limit
        and o.company_kind in ("brand", "automaker", "group")
    }  # fmt: skip
    if len(makers) != 1 or not produce.search(text, lead, sentence_end):
        return None
    return makers.pop()


def _overlaps_known(base: list[Mention], start: int, end: int, kb: Knowledge) -> bool:
    """A mention other than the NER's guess of an unknown place covers part of start..end."""
    return any(
        o.start < end and start < o.end and not (o.kind == "PLACE" and kb.place(o.text) is None)
        for o in base
    )


def _bare_codes(text: str, base: list[Mention], kb: Knowledge, lang: str) -> list[Mention]:
    produce = pattern(lang, "produce")
    found: list[Mention] = []
    for m in _CODE.finditer(text):
        code, start, end = m.group(0), m.start(), m.end()
        article = _CODE_ARTICLE.search(text, max(0, start - 40), start) or _CODE_BODY.search(
            text, max(0, start - 60), start
        )
        if article is None or (_NOT_A_CODE.fullmatch(code) and not article.group("body")):
            continue  # "the G7", but "des neuen SUV G7"
        if kb.model(code) is not None:
            continue
        if _ROAD_AFTER.match(text, end) or re.search(
            r"(?:sur l['’]|on the|auf der)\s*$", text[max(0, start - 10) : start]
        ):
            continue  # "the M6 motorway", "sur l'A7": a road
        if _overlaps_known(base, start, end, kb):
            continue  # a known name; not the NER's guess of a place ("la nouvelle M19")
        brand = _sole_maker(text, base, start, end, produce, before=True)
        if brand is None:
            continue
        spans = [(start, end)]
        # "die SUV-Modelle L6, L7, L8 und L9": the codes listed after it are the maker's too
        while (more := _NEXT_CODE.match(text, spans[-1][1])) is not None:
            spans.append((more.start("code"), more.end("code")))
        for s, e in spans:
            if any(f.start == s for f in found) or _overlaps_known(base, s, e, kb):
                continue
            name = f"{_model_prefix(brand)} {text[s:e]}"
            info = kb.model(name) or kb.model(text[s:e])
            found.append(Mention("MODEL", s, e, text[s:e], info.name if info else name,
                                 brand=info.brand if info else brand))  # fmt: skip
    return found


_NEXT_CODE = re.compile(
    r"(?:\s*,\s*|\s+(?:und|and|et|sowie|ou|or)\s+)(?P<code>[A-Z]{1,3}-?\d{1,3}[A-Za-z]?)(?![\w.-])"
)


# a two-letter model name ("XE", "XF", "ES", "iX") has no span pattern: too many words and codes
# are written so. It is the model in an article that names its brand ("The XE and XF
# saloons, also made at the plant" in a story about Jaguar).
_TWO_LETTERS = re.compile(r"(?<![\w.-])(?:[A-Z]{2}|[a-z][A-Z])(?![\w-]|\.\w)")


def _short_models(text: str, base: list[Mention], kb: Knowledge) -> list[Mention]:
    brands = {m.name for m in base if m.kind == "COMPANY"} | {
        m.brand for m in base if m.kind == "MODEL" and m.brand
    }  # the brand named, or one of its models ("… den 7er und den i7, außerdem den iX")
    if not brands:
        return []
    found: list[Mention] = []
    for m in _TWO_LETTERS.finditer(text):
        info = kb.model(m.group(0))
        if info is None or info.brand not in brands:
            continue
        if any(o.start < m.end() and m.start() < o.end for o in base):
            continue
        found.append(Mention("MODEL", m.start(), m.end(), m.group(0), info.name, brand=info.brand))
    return found


# a model the knowledge base does not know, named with its body: "its Dost light trucks",
# "den e-JEST, einen elektrischen Kleinbus", "la Cityline, une citadine électrique"
_BODY_WORDS = (
    r"trucks?|vans?|cars?|SUVs?|buses|bus|pickups?|pick-ups?|sedans?|hatchbacks?|crossovers?|"
    r"tractors?|coaches|coach|Sattelzugmaschinen?|tracteurs?|autocars?|"
    r"Kleinbus(?:se)?|Kleinwagen|Transporter|Lkw|Bus(?:se)?|Limousinen?|Pick-ups?|"
    r"camions?|fourgons?|utilitaires?|citadines?|berlines?|autobus|minibus"
)
_NAMED_BEFORE_BODY = re.compile(
    r"\b(?:its|their|ses|son|sa|seine[nmrs]?|ihre[nmrs]?)\s+(?:(?:new|nouveaux?|nouvelles?|"
    r"neue[nmrs]?)\s+)?"
    r"(?P<name>[A-Z][\w-]*[a-zA-Z0-9](?:\s[A-Z0-9][\w-]*)?)\s+"
    r"(?:(?:light|heavy|electric|small|compact|city|long-haul|regional|vocational|heavy-duty|"
    r"medium-duty|leichte[nmrs]?|elektrische[nmrs]?|légers?|électriques?)\s+)?"
    r"(?:" + _BODY_WORDS + r")\b"
)
_NAMED_IN_APPOSITION = re.compile(
    r"\b(?:the|le|la|l['’]|den|die|das|der)\s*(?P<name>[A-Za-z][\w.-]*[A-Z0-9][\w.-]*|[A-Z][a-z][\w-]+)"
    r"\s*,\s+(?:an?|une?|einen|eine[nmrs]?|ein)\s+(?:[\w-]+\s+){0,2}?(?:" + _BODY_WORDS + r")\b"
)


_MAKER_SUFFIX = re.compile(
    r"\s+(?:Trucks|Truck|Bus|Buses|Motors|Motor|Automobiles?|Automotive|Cars|Group|Groupe|Gruppe|AG|SA)$"
)


def _model_prefix(brand: str) -> str:
    """The brand as model names start with it: "Mack Trucks" → "Mack" ("Mack Pioneer")."""
    return _MAKER_SUFFIX.sub("", brand) or brand


# "Sa version électrique, baptisée Connect EV, …", "a new pickup called the Tunland": a model
# named by a naming verb; its brand is the one of the model named just before, else the
# sentence's one carmaker
_NAMING_HINT = re.compile(r"baptis|dénomm|appelé|nommé|called|named|dubbed|genannt|namens")
_NAMED_AS = re.compile(
    r"\b(?:baptisée?s?|dénommée?s?|appelée?s?|nommée?s?|called|named|dubbed|genannt|namens)\s+"
    r"(?:«\s*|\"|“)?(?:(?:the|la|le|der|die|das)\s+|l['’])?"
    r"(?P<name>[A-Z][\w.-]*[A-Za-z0-9](?:\s(?:[A-Z0-9][\w.-]*|EV))?)"
)


def _named_as_models(text: str, base: list[Mention], kb: Knowledge, lang: str) -> list[Mention]:
    found: list[Mention] = []
    for m in _NAMED_AS.finditer(text):
        name, start, end = m.group("name"), m.start("name"), m.end("name")
        if fold(name.split()[0]) in _NOT_A_TOWN or kb.place(name) or kb.company(name):
            continue
        inside = [o for o in base if o.start < end and start < o.end]
        if kb.model(name) or any(
            o.kind != "MODEL" or o.start < start or o.end > end or o.end == end for o in inside
        ):
            continue  # a known name; only a model the new name extends gives way ("Hilux Volt")
        before = [
            o for o in base if o.kind == "MODEL" and o.brand and start - 300 <= o.end <= start
        ]
        brand = before[-1].brand if before else None
        prefix = _model_prefix(brand) if brand else ""
        if before and brand and not fold(before[-1].name).startswith(fold(prefix) + " "):
            prefix = before[-1].name.split()[0]  # "IVM Connect" of Innoson Vehicle Manufacturing
        if brand is None:
            brand = _sole_maker(text, base, start, end, pattern(lang, "produce"), before=False)
            prefix = _model_prefix(brand) if brand else ""
        if brand is None:
            continue
        full = name if fold(name).startswith(fold(prefix) + " ") else f"{prefix} {name}"
        found.append(Mention("MODEL", start, end, name, full, brand=brand))
    return found


def _body_named_models(text: str, base: list[Mention], kb: Knowledge, lang: str) -> list[Mention]:
    produce = pattern(lang, "produce")
    found: list[Mention] = []
    for rule in (_NAMED_BEFORE_BODY, _NAMED_IN_APPOSITION):
        for m in rule.finditer(text):
            name, start, end = m.group("name"), m.start("name"), m.end("name")
            if fold(name.split()[0]) in _NOT_A_TOWN or kb.place(name) or kb.company(name):
                continue
            if any(o.start < end and start < o.end for o in base):
                continue  # a known model, place, company or person
            brand = _sole_maker(text, base, start, end, produce, before=False)
            if brand is None:
                continue
            full = f"{_model_prefix(brand)} {name}"
            found.append(Mention("MODEL", start, end, name, full, brand=brand))
    return found


def _with(base: list[Mention], extra: list[Mention]) -> list[Mention]:
    """`base` (already resolved) with `extra` resolved in; `base` itself when there is none."""
    return _resolve([*base, *extra]) if extra else base


def find_mentions(doc: Doc, text: str, kb: Knowledge, *, lang: str = "") -> list[Mention]:
    """All mentions of `doc` (whose text is `text`), sorted by position, non-overlapping."""
    base = _span_mentions(doc, kb)
    if lang == "de":
        base = [*base, *_city_adjectives(text, kb)]
    base = _resolve(base)
    # the statistical NER only fills gaps: a KB span is never overridden by a longer guess
    # ("Leapmotor T03 électrique" tagged LOC must stay the model Leapmotor T03)
    ner = [
        m
        for m in _ner_mentions(doc, kb)
        if not any(m.start < b.end and b.start < m.end for b in base)
    ]
    base = _with(base, ner)
    base = _with(base, _pattern_mentions(text, base, kb, lang=lang))
    suffixed = _suffixed_models(text, base, kb, lang=lang)
    base = _resolve([*suffixed, *base]) if suffixed else base
    base = _with(base, _cued_places(text, base, kb))
    base = _with(base, _world_towns(text, base, kb))
    base = _with(base, _unknown_towns(text, base, kb, lang))
    base = _with(base, _short_models(text, base, kb))
    base = _with(base, _body_named_models(text, base, kb, lang))
    if _NAMING_HINT.search(text):
        base = _with(base, _named_as_models(text, base, kb, lang))
    codes = _bare_codes(text, base, kb, lang)
    if codes:
        base = _resolve(
            [
                *codes,
                *(m for m in base if not any(c.start < m.end and m.start < c.end for c in codes)),
            ]
        )
    if lang == "fr":
        base = _persons_as_towns(text, base)
    base = _with_town_countries(base, kb)
    base = _listed_as_models(text, base, kb)
    cued = _cued_models(doc, text, base, kb, lang=lang)
    if cued:
        base = _resolve(
            [
                *cued,
                *(m for m in base if not any(c.start < m.end and m.start < c.end for c in cued)),
            ]
        )
    base = _states_named_so(text, base, kb)
    base = _towns_of_named_states(text, base)
    refined = _joined_models(text, _refine_models(text, base, kb))
    # the brand a bare "Q3" needs: named, or one of its other models ("den A3 und den Q2")
    named = {m.brand for m in refined if m.kind == "MODEL" and not _QUARTER_CODE.fullmatch(m.text)}
    return [
        m
        for m in refined
        if not (m.kind == "PLACE" and _BAY_AFTER.match(text, m.end))
        and not _names_a_platform(text, m)
        and not (
            m.kind == "PLACE" and _COMPANY_BEFORE_PLACE.search(text, max(0, m.start - 40), m.start)
        )
        and not (
            m.kind == "MODEL" and _COMPANY_NOUN_BEFORE.search(text, max(0, m.start - 30), m.start)
        )
        and not _names_a_currency(text, m)
        and not _names_a_quarter(text, m, named)
        and not _names_an_ordinal(text, m, lang)
    ]


# "le 1er octobre", "am 3er": German writes BMW's series so ("der 3er"), French the ordinal
_SERIES_ORDINAL = re.compile(r"\d{1,2}er")
_MONTH_AFTER = re.compile(
    r"\s+(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    r"novembre|décembre|decembre|trimestre|semestre|rang)\b",
    re.I,
)


def _names_an_ordinal(text: str, m: Mention, lang: str) -> bool:
    if m.kind != "MODEL" or not _SERIES_ORDINAL.fullmatch(m.text):
        return False
    return lang != "de" or bool(_MONTH_AFTER.match(text, m.end))


def _joined_models(text: str, mentions: list[Mention]) -> list[Mention]:
    """Two of one brand's model names written as one ("les monospaces Veloz et Avanza
    Premio": the Avanza Premio, not the Avanza and the Premio)."""
    out: list[Mention] = []
    for m in mentions:
        last = out[-1] if out else None
        if (
            last is not None
            and last.kind == "MODEL"
            and m.kind == "MODEL"
            and last.brand
            and last.brand == m.brand
            and text[last.end : m.start] == " "
            and re.fullmatch(r"[A-Z][a-z]{2,}", last.text)  # word names, not "3500"
            and re.fullmatch(r"[A-Z][a-z]{2,}", m.text)
            and fold(m.text) not in fold(last.name)
        ):
            out[-1] = Mention(
                "MODEL", last.start, m.end, text[last.start : m.end], f"{last.name} {m.text}",
                brand=last.brand,
            )  # fmt: skip
            continue
        out.append(m)
    return out


# what joins the items of a list of models: "la Camry, la Levin et le Highlander"
_MODEL_LIST_GAP = re.compile(
    r"\s*(?:,\s*|\s(?:et|and|und|ou|or|oder)\s+)(?:(?:la|le|les|l'|the|der|die|den|das)\s+)?$"
)
_LIST_ARTICLE_BEFORE = re.compile(r"(?<!\w)(?:la|le|l'|the|der|die|den|das)\s*$")


def _listed_as_models(text: str, mentions: list[Mention], kb: Knowledge) -> list[Mention]:
    """A name the knowledge base does not know as a place, listed among one brand's models
    with an article ("on y fabrique la Camry, la Levin et le Highlander"): a model of that
    brand, not the town of the same name."""
    out = list(mentions)
    for i, m in enumerate(mentions):
        if m.kind != "PLACE" or kb.place(m.text) is not None or " " in m.text:
            continue
        if not _LIST_ARTICLE_BEFORE.search(text, max(0, m.start - 5), m.start):
            continue
        before = mentions[i - 1] if i > 0 else None
        after = mentions[i + 1] if i + 1 < len(mentions) else None
        brands = set()
        if (
            before
            and before.kind == "MODEL"
            and _MODEL_LIST_GAP.fullmatch(text, before.end, m.start)
        ):
            brands.add(before.brand)
        if after and after.kind == "MODEL" and _MODEL_LIST_GAP.fullmatch(text, m.end, after.start):
            brands.add(after.brand)
        if len(brands) != 1 or None in brands:
            continue
        brand = next(iter(brands))
        assert brand is not None
        prefix = _model_prefix(brand)
        info = kb.model(f"{prefix} {m.text}") or kb.model(f"{brand} {m.text}")
        name = info.name if info else f"{prefix} {m.text}"
        out[i] = Mention("MODEL", m.start, m.end, m.text, name, brand=info.brand if info else brand)
    return out


# "Toyota Motor East Japan", "Hyundai Motor India", "Ford Motor Company of Canada": a place
# that ends a company's name
_COMPANY_BEFORE_PLACE = re.compile(
    r"\b[A-Z][\w&.-]* (?:Motors?|Automotive|Automobile|Manufacturing|Motor Company of)"
    r"(?: (?:East|West|North|South|Central))? $"
)


# "sa filiale Nissan Shatai", "its subsidiary Toyota Auto Body": a company, not a model
_COMPANY_NOUN_BEFORE = re.compile(
    r"\b(?:filiale|subsidiary|Tochter(?:gesellschaft|firma|unternehmen)?|coentreprise|"
    r"joint[ -]venture|co-entreprise)\s+$",
    re.I,
)


def _towns_of_named_states(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Warsaw, Indiana": a town written with a state of another country than the town of
    that name the knowledge base knows is the state's town, there and wherever the article
    names it again ("the Warsaw plant")."""
    places = [m for m in mentions if m.kind == "PLACE" and m.place is not None]
    towns: dict[str, PlaceInfo] = {}
    for a, b in itertools.pairwise(places):
        town, state = a.place, b.place
        if (
            town is not None
            and state is not None
            and town.kind == "city"
            and state.kind in ("region", "state")
            and state.country
            and town.country
            and town.country != state.country
            and _COMMA_GAP.fullmatch(text, a.end, b.start)
        ):
            towns[fold(a.name)] = PlaceInfo(a.name, "city", state.name, state.country)
    if not towns:
        return mentions
    return [
        replace(m, place=towns[fold(m.name)])
        if m.kind == "PLACE" and m.place and m.place.kind == "city" and fold(m.name) in towns
        else m
        for m in mentions
    ]


_COMMA_GAP = re.compile(r",[ ]")

# "in the interior of São Paulo state", "dans l'État de São Paulo": the state, not the city
_STATE_AFTER = re.compile(r"[ ](?:state|State|province|Province|prefecture|Prefecture)\b")


def _states_named_so(text: str, mentions: list[Mention], kb: Knowledge) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if (
            m.kind == "PLACE"
            and m.place is not None
            and m.place.kind == "city"
            and (_STATE_AFTER.match(text, m.end))
        ):
            region = kb.region(m.text)
            if region is not None:
                m = Mention("PLACE", m.start, m.end, m.text, region.name, place=region)
        out.append(m)
    return out


# "in der Hangzhou-Bucht bei Ningbo", "Hangzhou Bay": a bay or a delta named after a town is
# not that town
_BAY_AFTER = re.compile(r"(?:-(?:Bucht|Delta)|[ ](?:Bay|Delta))\b")


# "from Q3", "au T3", "Q2 2025": a quarter, not the Audi Q3 (a bare "Q3" is a model only in an
# article that names Audi or another Audi model, and never before a year or after a word of time)
_QUARTER_CODE = re.compile(r"Q[1-4]")
_QUARTER_BEFORE = re.compile(
    r"(?:\b(?:in|from|by|until|since|of|en|au|dès|d'ici|depuis|ab|im|bis|seit|zum|Ende|"
    r"Anfang|fin|début|end|early|late)\s+)$",
    re.I,
)
_YEAR_AFTER = re.compile(r"^(?:\s*/?\s*|\s+(?:of\s+)?)(?:20\d\d|'\d\d)\b")


def _names_a_quarter(text: str, m: Mention, brands: set[str | None]) -> bool:
    if m.kind != "MODEL" or not _QUARTER_CODE.fullmatch(m.text):
        return False
    return (
        ("Audi" not in text and m.brand not in brands)
        or bool(_QUARTER_BEFORE.search(text[max(0, m.start - 12) : m.start]))
        or bool(_YEAR_AFTER.match(text[m.end : m.end + 10]))
    )


# "1,55 Milliarden US-Dollar", "US$", "Hong Kong dollars": a currency, not a place
_CURRENCY_AFTER = re.compile(r"^(?:-|\s)?(?:Dollar|dollars?|\$|Yuan|yuans?)\b|^\$", re.I)


def _names_a_currency(text: str, m: Mention) -> bool:
    return m.kind == "PLACE" and bool(_CURRENCY_AFTER.match(text[m.end : m.end + 10]))


# a model name before a platform noun names the platform ("the first model of its Neue
# Klasse generation", "auf der MEB-Plattform"), not a built model; "the Ceed family" is
# the model and its variants
_PLATFORM_AFTER = re.compile(
    r"^[ -](?:generation|platform|architecture|plateforme|génération|Plattform|Generation|"
    r"Architektur)\b"
)


def _names_a_platform(text: str, m: Mention) -> bool:
    return m.kind == "MODEL" and bool(_PLATFORM_AFTER.match(text[m.end : m.end + 16]))
