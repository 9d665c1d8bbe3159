"""From a processed Doc to facts: sentences, clauses, plants in discourse, rules, merging.

The article is read sentence by sentence. Each sentence gets its mentions, its plant
references (registered in the article's `PlantRegistry`), its dates and its clauses;
the rules of `production`, `plant_facts` and `companies` add drafts; then the
"current plant" moves to the sentence's last strong plant reference (a plant noun
with a place, or a knowledge-base plant), so "le site", "the plant", "das Werk" and
"y / there / dort" in later sentences resolve to it.

Drafts about the same thing (same type and identity) are merged: the first one's
status and numbers, dates filled from the others, the highest confidence, the first
evidence. Every fact's evidence is a sentence of the article text, cut with its own
offsets, so `evidence.sentence == article.text[start:end]`.

Confidence (0..1): each rule has a base (production 0.85, capacity/workforce/
investment/executive 0.8, plant status 0.75, agreement 0.7), lowered by 0.1 when the
plant comes from the discourse (not named in the sentence) or is far from the model,
by 0.15 when the plant is known by its country only, and set to 0.7-0.75 for the two
halves of a move. Hedged statements give no fact at all.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc

from extractors.lexicon import pattern
from extractors.rules.companies import (
    agreement_facts,
    defined_acronyms,
    executive_facts,
    finish_roles,
)
from extractors.rules.context import ArticleState, Clause, DateRef, Draft, Sentence
from extractors.rules.dates_api import find_date_refs
from extractors.rules.knowledge import Knowledge, knowledge
from extractors.rules.markets import markets_in
from extractors.rules.mentions import Mention, find_mentions
from extractors.rules.plant_facts import (
    capacity_facts,
    investment_facts,
    status_facts,
    workforce_facts,
)
from extractors.rules.plants import PlantRef, PlantRegistry, plant_refs
from extractors.rules.production import production_facts, settle_former_plans
from factwatch.model import (
    Article,
    Evidence,
    Fact,
    FactType,
    FuzzyDate,
    Plant,
    PlantStatus,
    ProductionStatus,
    fold,
)

__all__ = ["extract_doc"]

log = logging.getLogger(__name__)

MAX_SENTENCE_CHARS = 2000  # longer "sentences" (tables, lists) are cut for the rules
_CLAUSE = re.compile(
    r";|:(?!\d)|\s[–—]\s|,\s*(?=(?:puis|then|and then|tandis que|alors que|while|whereas|"
    r"während|und dann|danach|qui|which|where|où|dont|but|mais|aber|doch|sondern|its|et la|et le|and the|"
    r"und der|und die|und das|die|der|das|wo|welche|and its|et son|et sa|et ses)\b)|\s(?=(?:puis|tandis que|whereas|während|où|where|mais|sondern)\s)",
    re.IGNORECASE,
)
_RELATIVE_OPEN = re.compile(r",\s*(?:qui|which|who|der|die|das|dont|où|where)\b", re.I)
_MAIN_VERB = re.compile(
    r",\s*(?=(?:est|sont|était|étaient|is|are|was|were|has|have|ist|sind|war|waren|hat|haben)\b)",
    re.I,
)
_PARAGRAPH = re.compile(r"\n\s*\n")
_TOWARDS = re.compile(
    r"\b(?:vers|to|nach|ins|into|towards|reprise par|repris par|taken over by|übernommen von|"
    r"transférée? (?:à|en)|transferred to|verlagert nach)"
    r"\s+(?:\S+\s+){0,4}$",
    re.I,
)
# "dessen Produktion 2022 aus dem britischen Solihull … verlagert worden war": where a
# move comes from is not what the next sentences talk about either
_AWAY_FROM = re.compile(r"\b(?:from|aus|away from|weg von)\s+(?:\S+\s+){0,2}$", re.I)
_STRONG_STATUS = {"started", "ended", "moved", "cancelled", "paused"}


def _published(article: Article) -> FuzzyDate:
    try:
        return FuzzyDate.from_label(article.source.published)
    except (ValueError, TypeError):
        log.warning("published date %r is not a date label; dates are resolved against 1970",
                    article.source.published)  # fmt: skip
        return FuzzyDate.from_label("1970")


def _main_company(mentions: list[Mention]) -> tuple[str | None, list[str]]:
    """The company the article is about: the most named known automaker, group or brand."""
    counts = Counter(
        m.name
        for m in mentions
        if m.kind == "COMPANY" and m.company_kind not in ("supplier", "union")
    )
    known = {m.name for m in mentions if m.kind == "COMPANY" and m.company_kind}
    ordered = sorted(counts, key=lambda n: (n not in known, -counts[n]))
    return (ordered[0] if ordered else None), ordered


def _clauses(sentence_start: int, text: str, mentions: list[Mention], refs: list[PlantRef],
             dates: list[DateRef]) -> list[Clause]:  # fmt: skip
    cuts = [0, *(m.start() for m in _CLAUSE.finditer(text)), len(text)]
    relative = _RELATIVE_OPEN.search(text)
    if relative is not None:
        # "L'usine, qui assemblait jusqu'en 2023 les X, est à l'arrêt": the main verb after
        # the relative clause starts a clause of its own
        back = [m.start() for m in _MAIN_VERB.finditer(text, relative.end())]
        cuts = sorted({*cuts, *back})
    out = []
    for a, b in itertools.pairwise(cuts):
        if b <= a:
            continue
        s, e = sentence_start + a, sentence_start + b
        out.append(
            Clause(
                s, e, text[a:b],
                [m for m in mentions if s <= m.start < e],
                [r for r in refs if s <= r.start < e],
                [d for d in dates if s <= d.start < e],
            )
        )  # fmt: skip
    return out


# how a sentence ends: a stop, a question or exclamation mark, an ellipsis or a colon, maybe
# with a closing quote or bracket after it
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\s\"'»”“)\]]*$")
_NUMBER_STOP = re.compile(r"\d{3}\.(?=\s+[A-ZÄÖÜÀ-Ý])")


def _sentence_bounds(doc: Doc, text: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """The pipeline's sentences, re-joined where a mention spans a break ("(ID. Golf)") and
    split after a figure or year that ends a sentence ("… etwa 800.000. Die Produktion")."""
    bounds = [(s.start_char, s.end_char) for s in doc.sents]
    joined: list[tuple[int, int]] = []
    for s, e in bounds:
        head = text[s:e].lstrip()[:1]
        same_paragraph = bool(joined) and not _PARAGRAPH.search(text, joined[-1][0], s)
        if joined and (
            any(m.start < s < m.end for m in mentions)
            or (same_paragraph and head and (head.islower() or head in ",;:)»”."))
            or (
                same_paragraph
                and not _ENDS_SENTENCE.search(text, joined[-1][0], joined[-1][1])
                and "\n" not in text[max(0, joined[-1][1] - 2) : s + 1]  # a title's line
            )
        ):  # a break inside a mention, before ", Stellantis a …", or after a word the
            # statistical parser took for an end ("… dans son complexe industriel | Ayrton
            # Senna de …"): not a sentence
            joined[-1] = (joined[-1][0], e)
        else:
            joined.append((s, e))
    out: list[tuple[int, int]] = []
    for s, e in joined:
        cut = s
        for m in _NUMBER_STOP.finditer(text, s, e):
            if any(x.start < m.end() < x.end for x in mentions):
                continue
            out.append((cut, m.end()))
            cut = m.end()
        out.append((cut, e))
    return out


def _sentences(doc: Doc, text: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    spans = []
    for s, e in _sentence_bounds(doc, text, mentions):
        # a sentence never runs across a paragraph break
        cuts = [s, *(m.end() for m in _PARAGRAPH.finditer(text, s, e)), e]
        for ps, pe in itertools.pairwise(cuts):
            while ps < pe and text[ps].isspace():
                ps += 1
            while pe > ps and text[pe - 1].isspace():
                pe -= 1
            if pe > ps:
                spans.append((ps, min(pe, ps + MAX_SENTENCE_CHARS)))
    return spans


def _resolve_ref(state: ArticleState, ref: PlantRef, text: str, offset: int) -> int:
    plant = ref.plant
    current = state.current_plant
    if (
        current is not None
        and state.registry.plants[current].kb_id
        and state.plant_sentence >= state.sentence_no - 2
        and plant.city
        and not (plant.kb_id or plant.region or plant.country)
        and len(re.findall(r"\w+", text[: max(0, ref.start - offset)])) > 1  # not fronted
        and not _ANOTHER.search(text, max(0, ref.start - offset - 40), max(0, ref.start - offset))
    ):
        # "… est produite dans le Douaisis", "its 2,500-acre site in Limestone County": a
        # place no gazetteer knows, named right after a known plant, is where that plant is
        return current
    if current is not None and not (plant.city or plant.kb_id) and plant.region and plant.country:
        known = state.registry.plants[current]
        # "l'usine du Nord", "the Michigan plant": the plant just named, in that region
        if known.country == plant.country and (
            not known.region or fold(known.region) in plant_regions(state, plant.region)
        ):
            return current
    if not (plant.city or plant.region or plant.kb_id) and plant.country:
        if current is not None and state.registry.plants[current].country == plant.country:
            return current
        in_country = state.registry.find_country(plant.country)
        if in_country is not None:
            return in_country
    return state.registry.register(plant)


_ANOTHER = re.compile(
    r"\b(?:another|other|second|new|also|autre|nouvelle|nouveau|seconde?|deuxième|aussi|"
    r"weiteres?|anderes?|zweites?|neues?|auch)\b",
    re.I,
)


# the models made there said to be hit by the plant's stoppage
_MODELS_AFFECTED = re.compile(
    r"\b(?:tou(?:s|tes) (?:les )?(?:deux|trois|quatre)|les (?:deux|trois) modèles|ces modèles|"
    r"all (?:two|three|four)|both|these models|the (?:two|three) models|"
    r"alle (?:zwei|drei|vier)|beide|diese modelle|die (?:drei|beiden) modelle)\b[^.;]{0,40}?"
    r"\b(?:concerné|touché|affecté|affected|hit|betroffen)",
    re.I,
)


def _paused_with_plant(state: ArticleState, text: str) -> None:
    """A plant the article pauses pauses the models it says are made there ("Tychy
    assemble la Jeep Avenger, la Fiat 600 et l'Alfa Romeo Junior. Tous trois seront
    concernés par l'arrêt")."""
    paused = {
        d.plant for d in state.drafts
        if d.type == FactType.PLANT_STATUS and d.fields.get("status") == PlantStatus.PAUSED
    }  # fmt: skip
    if not paused or not _MODELS_AFFECTED.search(text):
        return
    for d in state.drafts:
        if (
            d.type == FactType.PRODUCTION
            and d.plant in paused
            and d.fields.get("status") == ProductionStatus.ONGOING
        ):
            d.fields["status"] = ProductionStatus.PAUSED


def plant_regions(state: ArticleState, region: str) -> set[str]:
    """A region's folded name and its parent region's (a department gives its region)."""
    names = {fold(region)}
    info = state.kb.place(region)
    if info is not None and info.parent:
        names.add(fold(info.parent))
    return names


_PRODUCTION_RANK = {"ongoing": 0, "planned": 1}  # others (started, ended, moved…) rank 2
# a resumption ("wieder vollständig") is the news after a pause; a plan is the weakest
_PLANT_STATUS_RANK = {"planned": 0, "under_construction": 1, "operating": 3}


def _rank_status(draft: Draft) -> int:
    status = str(draft.fields.get("status"))
    if draft.type == FactType.PRODUCTION:
        return _PRODUCTION_RANK.get(status, 2)
    return _PLANT_STATUS_RANK.get(status, 2)


def _later_event(new: Draft, old: Draft) -> bool:
    """Two plant statuses of one rank, both dated: the later is the plant's news ("opened in
    2012" … "will close in late 2025"; but "bought in 2021" … "inaugurated on Friday")."""
    if new.type != FactType.PLANT_STATUS or _rank_status(new) != _rank_status(old):
        return False
    a, b = new.fields.get("date"), old.fields.get("date")
    if a is None or b is None or new.fields.get("status") == old.fields.get("status"):
        return False
    return bool(a.start > b.end)


def _merge(drafts: list[Draft], registry: PlantRegistry) -> list[Draft]:
    merged: dict[tuple[Any, ...], Draft] = {}
    for d in drafts:
        f = d.fields
        if d.type == FactType.PRODUCTION:
            key: tuple[Any, ...] = (d.type, fold(f["model"]), d.plant)
        elif d.type == FactType.INVESTMENT:
            key = (d.type, d.plant, round(f["value"]))
        elif d.type == FactType.EXECUTIVE:
            key = (d.type, fold(f["company"]), fold(f["person"]).split()[-1])
        elif d.type == FactType.AGREEMENT:
            key = (d.type, tuple(sorted(fold(p) for p in f["parties"])))
        else:
            key = (d.type, d.plant)
        if key not in merged:
            merged[key] = Draft(d.type, d.start, d.end, d.confidence, d.plant, dict(f))
            continue
        m = merged[key]
        if "status" in f and (_rank_status(d) > _rank_status(m) or _later_event(d, m)):
            # a stated status beats the default: started/ended/… > planned > ongoing
            m.fields["status"] = f["status"]
            for name in ("start", "end", "date"):
                if name in f:
                    m.fields[name] = f[name]
        if d.type == FactType.EXECUTIVE and len(f["person"]) > len(m.fields["person"]):
            m.fields["person"] = f["person"]
        for name in ("start", "end", "date"):
            if f.get(name) is None or (
                d.type == FactType.PLANT_STATUS and f.get("status") != m.fields.get("status")
            ):
                continue
            if m.fields.get(name) is None or f[name].within(m.fields[name]):
                m.fields[name] = f[name]  # unknown, or stated more precisely
        if "_since" in f:
            m.fields.setdefault("_since", f["_since"])
        m.confidence = max(m.confidence, d.confidence)
    for m in merged.values():
        since = m.fields.pop("_since", None)
        if since is not None and m.fields.get("status") == "ended" and "start" not in m.fields:
            m.fields["start"] = since  # "assemblée en 2024" … "a pris fin en mars 2025"
    return list(merged.values())


def _plant_dates(state: ArticleState) -> None:
    """A plant's planned opening dates the planned models there that have no start."""
    opening = {
        d.plant: d.fields["date"] for d in state.drafts
        if d.type == FactType.PLANT_STATUS and d.fields.get("status") == "planned" and "date" in d.fields
    }  # fmt: skip
    for d in state.drafts:
        if (
            d.type == FactType.PRODUCTION
            and d.plant in opening
            and d.fields.get("status") == "planned"
        ):
            d.fields.setdefault("start", opening[d.plant])


def _to_fact(article: Article, draft: Draft, plants: list[Plant]) -> Fact:
    f = dict(draft.fields)
    plant = plants[draft.plant] if draft.plant is not None else None
    evidence = Evidence(article.text[draft.start : draft.end], draft.start, draft.end)
    markets = tuple(f.pop("markets", ()))
    parties = tuple(f.pop("parties", ()))
    return Fact(
        type=draft.type,
        evidence=evidence,
        source=article.source,
        confidence=round(max(0.0, min(1.0, draft.confidence)), 3),
        plant=plant,
        markets=markets,
        parties=parties,
        **f,
    )


# a place the sentence opens on ("À Windsor, …", "In Kassel …"): what it is about
# "…, bevor Kia die Fertigung im slowakischen Žilina aufnimmt": a plant named in a clause of
# what comes later is not the plant the next sentences talk about
_LATER_CLAUSE = re.compile(
    r"\b(?:bevor|ehe|before|until|avant (?:que|qu['’]|de|d['’])|jusqu'à ce que)\b[^,.;:]*$", re.I
)
# "…, die auch für Rüsselsheim und Eisenach gilt", "as at Sunderland and Swindon": other sites
# named beside the plant the article is about
_ALSO_FOR = re.compile(
    r"\b(?:auch (?:für|in|an)|ebenso (?:für|in)|also (?:for|at|in|applies to)|as well as|as at|"
    r"ainsi qu['’e]|comme à|de même qu['’e]|wie (?:in|auch))\b[^.;:]*$",
    re.I,
)
_FRONTED = re.compile(r"\s*(?:à|a|au|en|in|at|im|bei|dans|chez)\s+(?:l'|la |le |the )?$", re.I)


def _by_start(items: Sequence[Any]) -> Callable[[int, int], list[Any]]:
    """`lambda s, e: [x for x in items if s <= x.start < e]`, by bisection when `items`
    are in start order (mentions and dates are)."""
    starts = [x.start for x in items]
    if starts != sorted(starts):
        return lambda s, e: [x for x in items if s <= x.start < e]
    return lambda s, e: list(items[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)])


def extract_doc(
    article: Article, doc: Doc, text: str, lang: str, *, kb: Knowledge | None = None
) -> list[Fact]:
    """Facts of `article` from its processed `doc` (whose text is the prepared `text`)."""
    kb = kb or knowledge()
    published = _published(article)
    mentions = find_mentions(doc, text, kb, lang=lang)
    dates = find_date_refs(
        text,
        lang=lang,
        published=published,
        past=pattern(lang, "past"),
        future=pattern(lang, "future"),
    )
    main, companies = _main_company(mentions)
    state = ArticleState(
        lang=lang, kb=kb, published=published,
        registry=PlantRegistry(kb, default_operator=main, companies=companies),
        main_company=main, companies=companies, acronyms=defined_acronyms(text),
    )  # fmt: skip
    in_span_mentions = _by_start(mentions)
    in_span_dates = _by_start(dates)
    breaks = [m.start() for m in _PARAGRAPH.finditer(text)]
    for s, e in _sentences(doc, text, mentions):
        s_text = text[s:e]
        state.begin_sentence(s_text)
        s_mentions = in_span_mentions(s, e)
        s_dates = in_span_dates(s, e)
        makes = bool(state.has("produce", s_text))
        refs = plant_refs(s_text, s, s_mentions, lang=lang, kb=kb,
                          production_sentence=makes)  # fmt: skip
        ref_ids = [_resolve_ref(state, r, s_text, s) for r in refs]
        paragraph = bisect.bisect_left(breaks, s)  # paragraph breaks before the sentence
        plain = [d for d in s_dates if not d.ranged]  # ranges are for production periods only
        sentence = Sentence(s, e, s_text, s_mentions, refs, ref_ids, plain,
                            _clauses(s, s_text, s_mentions, refs, s_dates), paragraph)  # fmt: skip
        state.sentence_no += 1
        drafted = len(state.drafts)
        production_facts(state, sentence)
        capacity_facts(state, sentence)
        workforce_facts(state, sentence)
        status_facts(state, sentence)
        investment_facts(state, sentence)
        executive_facts(state, sentence)
        agreement_facts(state, sentence)
        moving = bool(state.has("move", s_text))
        # a town that has a known plant, named where nothing is said of making or of a
        # plant ("Zölle sorgen in Ingolstadt für Unruhe"), does not take over from the plant
        # the article is talking about
        site_said = (
            state.current_plant is None
            or makes
            or len(state.drafts) > drafted
            or bool(state.has("plant_noun", s_text))
        )
        strong = [
            i
            for r, i in zip(refs, ref_ids, strict=True)
            if r.strong
            and (r.anchor != "site" or site_said or _FRONTED.match(text, s, r.start))
            and not (
                r.anchor in ("site", "prep")
                and _LATER_CLAUSE.search(text, max(s, r.start - 60), r.start)
            )
            and not (
                r.anchor in ("site", "noun", "prep")
                and state.current_plant is not None
                and _ALSO_FOR.search(text, max(s, r.start - 40), r.start)
            )
            and not (moving and _TOWARDS.search(text[max(0, r.start - 40) : r.start]))
            and not (
                moving and len(refs) > 1 and _AWAY_FROM.search(text[max(0, r.start - 30) : r.start])
            )
        ]  # fmt: skip — a move's destination is not what the next sentences talk about
        if strong:
            for draft in state.unplaced:
                draft.plant = strong[0]
            state.unplaced = []
        elif state.unplaced_sentence < state.sentence_no:
            state.unplaced = []  # only the very next sentence may name it
        if strong:
            for draft in state.drafts:
                if draft.plant is None and draft.type == FactType.PRODUCTION:
                    draft.plant = strong[
                        0
                    ]  # a model named before its plant ("…, la voiture sera assemblée à …")
        weak = [i for r, i in zip(refs, ref_ids, strict=True)
                if not r.strong and state.registry.plants[i].city
                and not _LATER_CLAUSE.search(text, max(0, r.start - 60), r.start)]  # fmt: skip
        if (
            strong
            and state.current_plant is not None
            and state.has("component", s_text)
            and not any(m.kind == "MODEL" for m in s_mentions)
        ):
            # "Battery packs … will come from our BlueOval Battery Park": a parts plant named
            # in passing is not the plant the article goes on about
            strong = [i for i in strong if i == state.current_plant]
        if strong:
            state.current_plant = strong[-1]
            state.plant_sentence = state.sentence_no
        elif weak and makes:
            state.current_plant = weak[-1]
            state.plant_sentence = state.sentence_no
    finish_roles(state)
    settle_former_plans(state)
    moves = state.registry.rehome()
    for draft in state.drafts:
        if draft.plant in moves:
            draft.plant = moves[draft.plant]
    _plant_dates(state)
    _paused_with_plant(state, text)
    needs_plant = (FactType.PRODUCTION, FactType.PLANT_CAPACITY, FactType.PLANT_WORKFORCE,
                   FactType.PLANT_STATUS, FactType.INVESTMENT)  # fmt: skip
    drafts = _merge(
        [d for d in state.drafts if d.plant is not None or d.type not in needs_plant],
        state.registry,
    )
    plants = [replace(p) for p in state.registry.plants]
    facts = [_to_fact(article, d, plants) for d in drafts]
    return [_with_markets(f, lang=lang, kb=kb) for f in facts]


def _with_markets(fact: Fact, *, lang: str, kb: Knowledge) -> Fact:
    """A production fact serves the markets its own sentence names."""
    if fact.type != FactType.PRODUCTION or fact.markets:
        return fact
    markets = markets_in(fact.evidence.sentence, lang=lang, kb=kb)
    return replace(fact, markets=markets) if markets else fact
