"""Entity mentions of a processed article: models, companies, places, KB plants, people.

Sources, in order of trust: the knowledge base's SpanRuler spans (`doc.spans["kb"]`),
the French pipeline's NER (PER, LOC, ORG), and a few token patterns (an unknown model
written as a known brand followed by a model-like token, "X County"). Overlaps are
resolved longest-first; at equal length MODEL > PLANT > COMPANY > PLACE > PERSON.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from extractors.nlp import KB_SPANS_KEY
from extractors.rules.knowledge import Knowledge, PlaceInfo
from factwatch.model import fold

__all__ = ["Mention", "find_mentions"]

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


def _pattern_mentions(text: str, base: list[Mention], kb: Knowledge) -> list[Mention]:
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
        if not re.search(r"\d", token):
            continue  # an unknown model is a brand and a code with a digit ("B10", "VF 7")
        start, end = company.start, company.end + 1 + len(token)
        if any(m.start <= start < m.end or start <= m.start < end for m in models):
            continue
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
_BARE_NUMBER = re.compile(r"^\s*(?:et|and|und|&|,)\s*(\d{2,4}[a-z]?)\b", re.I)


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
        bare = _BARE_NUMBER.match(text[m.end : m.end + 12])
        if bare and m.brand:
            info = kb.model(f"{m.brand} {bare.group(1)}")
            if info is not None:
                s = m.end + bare.start(1)
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
_EV_DESIGNATORS = r"Plug-in(?:[ -]Hybrid)?|PHEV|EV|Hybrid|E-Tech|Electric|e-tron"
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
        if info is None and m.brand and not fold(name).startswith(fold(m.brand)):
            name = f"{m.brand} {name}"
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
    base = _resolve([*base, *ner])
    return _refine_models(text, _resolve([*base, *_pattern_mentions(text, base, kb)]), kb)
