"""Production facts: a model made (or to be made, or no longer made) at a plant.

Per clause of a sentence: the models named there (or, in a continuation clause such
as "…, puis à l'été 2024 aux États-Unis", those of the clause before), a verb or noun
of making, a plant (in the clause, else in the sentence, else the paragraph's current
plant when the clause refers back to it or names none), and a status from the
clause's verbs and tense:

    cancelled > paused > moved > ended > started > planned (future, plans) > ongoing

A hedge (envisage, pourrait, is considering, reportedly, dem Vernehmen nach), a former
plan (initialement, originally, ursprünglich) or a plain negation ("ne sera pas
produit", "won't be built") gives no fact; "not before <date>" is a planned start.
A move ("le départ des X vers Y", "zieht 2027 nach Puebla um", "has left Oakville")
gives two facts: the old plant (moved, or ongoing with an end when the move is still
ahead) and the new one (ongoing, or planned with a start).
A sentence that names no model but dates the start of production at a plant ("Production
at the plant is expected to begin in 2025") dates the planned models of that plant,
or, failing those, the models of the sentence before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from extractors.rules.context import ArticleState, Clause, DateRef, Draft, Sentence
from extractors.rules.mentions import Mention
from extractors.rules.plants import PlantRef
from factwatch.model import FactType, FuzzyDate, ProductionStatus, fold

__all__ = ["production_facts", "settle_former_plans"]

BASE_CONFIDENCE = 0.85
INHERITED_PLANT_PENALTY = 0.1  # plant taken from the discourse, not the sentence
COUNTRY_ONLY_PENALTY = 0.15  # plant known only by its country
MODEL_DISTANCE_PENALTY = 0.1  # model and plant far apart (> 120 characters)

_PAST_MOVE = re.compile(
    r"\b(?:has|have|had|was|were)\s+(?:\w+\s+)?(?:moved|left|shifted|transferred|relocated)\b|"
    r"\b(?:moved|left|shifted|relocated)\b(?! to be)|"
    r"\b(?:a|ont|avait|avaient|est|sont)\s+(?:été\s+)?(?:transférée?s?|déménagée?s?|quitté|délocalisée?s?|partie?s?)\b|\bdépart\b|"
    r"\b(?:ist|sind|wurde|wurden|hat|haben)\b.{0,40}\b(?:umgezogen|verlagert|abgewandert|gewechselt|abgezogen)\b",
    re.I,
)
_LEFT = re.compile(r"\b(?:has|have|had)?\s*(?:already\s+)?(?:left|quitté|verlassen)\b\s*", re.I)
_DEST = re.compile(
    r"(?:\bvers|\bto|\bnach|\bins|\binto|\bin die|\bà destination d[eu']|\btowards|\bpour|"
    r"\b(?:transférée?s?|déplacée?s?|délocalisée?s?|relocalisée?s?|confiée?s?) (?:à|au|aux|en|dans)|"
    r"\breprise?s? par)"
    r"\s+(?:l'|le |la |les |the |das |den |dem |die )?(?:\w+ ){0,3}$",
    re.I,
)
_ORIGIN = re.compile(
    r"(?:\bfrom|\bde|\bdu|\bvon|\baus|\bdepuis|\bleft|\bquitte|\bquitté)\s+(?:l'|le |la |the |dem |der )?(?:\w+ ){0,2}$",
    re.I,
)
_RENAMED = re.compile(
    r"\s*\(\s*(?:rebaptisée?|renommée?|renamed|rebadged as|umbenannt in|umbenannt|devenue?)\s*",
    re.I,
)
_ALONGSIDE = re.compile(
    r"\b(?:à ses côtés|à côté de lui|aux côtés d[eu]|alongside(?: it)?|next to it|neben ihm|daneben|mit ihm)\b",
    re.I,
)
# "sera assemblé … aux côtés de l'Austral", "alongside the Camry", "neben dem Passat": the models
# after the cue are made there already
_BESIDE_EXISTING = re.compile(
    r"\b(?:aux côtés d(?:u|e la|e l'|es|e)|à côté d(?:u|e la|e l'|es|e)|alongside|next to|"
    r"neben (?:de[mnr]|ihren|seinen)|zusammen mit de[mnr]|gemeinsam mit de[mnr]|"
    # "troisième modèle assemblé sur le site après la Fiat 500 et le Doblò": made there before
    r"(?:modèle|model|Modell)\b[^,;.]{0,40}?\b(?:après|after|nach)(?: l[ae']| les| the| de[mnr])?)(?!\w)",
    re.I,
)
_RELATIVE = re.compile(
    r"^[\s,]*(?:qui|que|où|dont|which|that|where|who|die|der|das|wo|welche[rs]?)\b", re.I
)
_RELATIVE_WHICH = re.compile(r"^\s*,\s*(?:qui|which|that|die|der|das|welche[rs]?)\b", re.I)
# an apposition that tells where the model is made now, whatever the clause before plans or
# weighs ("… rapatrier la production du X, aujourd'hui fabriqué à Goiana")
_MADE_NOW = re.compile(
    r"^\s*[,(–—-]\s*(?:aujourd'hui|actuellement|currently|now|today|still|derzeit|heute|bislang|bisher|noch)\s+"
    r"(?:(?:encore|toujours|in|im)\s+)?(?:fabriqu|produit|assembl|built|made|produced|assembled|"
    r"gebaut|gefertigt|produziert|montiert)",
    re.I,
)
_WEEKDAY = re.compile(
    r"\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b",
    re.I,
)
_LEAVING_ONLY = re.compile(
    r"\b(?:leaving|laissant|wodurch nur noch|sodass nur noch|so dass nur noch)\b.{0,80}?"
    r"\b(?:only|sole|seule?|einzige[nr]?)\b",
    re.I,
)
_DE_AUXILIARY = re.compile(r"\b(?:werden|wird|wurden|wurde|soll|sollen|sollte|sollten)\b")
_STOPPED_STATE = re.compile(
    r"\b(?:abgeschlossen|eingestellt|beendet|stopped|ceased|halted for good|arrêtée?s?|"
    r"a cessé|ont cessé|stoppée?s?|(?:aus dem (?:produktions)?(?:programm|sortiment) )?gefallen|"
    r"discontinued|dropped)\b",
    re.I,
)
_LAST_ONE = re.compile(
    r"\b(?:the (?:very )?last|la dernière|le dernier|les derniers|les dernières|der letzte|"
    r"die letzte|das letzte|die letzten|den letzten)\s+(?:\S+\s+)?$",
    re.I,
)
# a verb of saying: a weekday after it dates the telling, not the event
_SAID = re.compile(
    r"\b(?:said|says|announced|told|confirmed|reported|stated|a (?:annoncé|indiqué|déclaré|"
    r"confirmé|précisé|fait savoir)|annonce|sagte|teilte|erklärte|kündigte|bestätigte|"
    r"berichtete|mitgeteilt|bekannt)\b",
    re.I,
)
_PRODUCTION_NOUN = re.compile(
    r"\b(?:production|fabrication|assemblage|produktion|fertigung|montage|manufacturing|assembly)\b",
    re.I,
)
# "would sit idle rather than keep making the Bolt EV": what is said is not about that model
_RATHER_THAN = re.compile(
    r"\b(?:rather than|instead of|plutôt que d[e']|au lieu d[e']|statt|anstatt)\s+(?:\S+\s+){0,4}$",
    re.I,
)
_UNTIL = re.compile(r"\b(?:until|till|jusqu'à ce qu|bis)\b", re.I)
# a sentence whose subject is a pronoun, right after a sentence about a plant: the plant
_PLANT_PRONOUN = re.compile(r"\s*(?:Elle|Celle-ci|It|Es|Dieses|Dort)\s", re.U)
# the end of production for one market only
_ONE_MARKET = re.compile(
    r"\b(?:für den [\w-]+ Markt|for the [\w-]+ (?:market|customers)|pour le marché [\w-]+|"
    r"destinée? au marché [\w-]+|für [\w-]+ Kunden)\b",
    re.I,
)
# "Einen Nachfolger für den Focus …", "the successor to the Leaf": another model
_SUCCESSOR = re.compile(
    r"\b(?:nachfolger\w*|nachfolgemodell\w*|successors?|successeure?s?|remplaçante?s?|"
    r"héritière?s?)\s+(?:\S+\s+){0,3}$",
    re.I,
)
_WITHOUT = re.compile(r"\b(?:sans|without|ohne)\b", re.I)  # a double negation: "no X without Y"
_WORKS = re.compile(r"\b(?:construction|work on|works|travaux|chantier|bau|bauarbeiten)\b", re.I)
_NOT_BEFORE = re.compile(
    r"\b(?:not|pas|nicht|no earlier than|pas avant|nicht vor|erst)\b.{0,60}?\b(?:before|avant|vor|than|earlier)\b",
    re.I,
)


NEGATION_WINDOW = 30  # characters before a verb of making in which a negation denies it


def _negated(state: ArticleState, clause: str) -> bool:
    """ "ne sera pas produite", "won't be built", "wird nicht gebaut": a negation next to the verb."""
    negations = state.has_all("negation", clause)
    if not negations:
        return False
    verbs = [
        *state.has_all("produce", clause),
        *state.has_all("ended", clause),
        *state.has_all("start", clause),
    ]
    if not verbs:
        return True
    return any(
        v.start() - NEGATION_WINDOW <= n.start() <= v.end() + 12 for n in negations for v in verbs
    )


_PURPOSE = re.compile(
    r"\b(?:so(?: that)?|in order (?:that|for)|afin que|pour que|damit|sodass|so dass)\s+(?:\S+\s+){0,4}$",
    re.I,
)


# "der frühere X", "l'ancienne X": the adjective of a model made once, not a former plan
_FORMER_ADJECTIVE = re.compile(r"(?:frühere|ehemalige|einstige)[nmrs]?", re.I)


def _hedged(state: ArticleState, text: str) -> bool:
    """A hedge that is not the modal of a purpose clause ("… so the site could be prepared")."""
    return any(
        not _PURPOSE.search(text[max(0, h.start() - 40) : h.start()])
        for h in state.has_all("hedge", text)
    )


def _status(state: ArticleState, clause: str, sentence: str) -> str | None:
    has = state.has
    if _hedged(state, clause):
        return None
    if has("cancelled", clause):
        return ProductionStatus.CANCELLED  # a former plan dropped is exactly a cancellation
    former = has("former", clause)
    if former and not (_FORMER_ADJECTIVE.fullmatch(former.group(0)) and has("ended", clause)):
        return None  # not "Der frühere Elektro-SUV EQC war … ausgelaufen": a model that was made
    if has("no_longer", clause):
        return (
            ProductionStatus.ENDED
        )  # "n'y est plus fabriqué", "no longer built", "nicht mehr gebaut"
    negated = _negated(state, clause) and not _NOT_BEFORE.search(clause)
    if negated and not (has("ended", clause) or has("cancelled", clause)):
        return None
    if has("cancelled", clause):
        return ProductionStatus.CANCELLED
    paused = has("paused", clause)
    if (
        paused
        and not has("resumed", clause)
        and not _WORKS.search(clause[max(0, paused.start() - 40) : paused.start()])
    ):
        if _UNTIL.search(clause[max(0, paused.start() - 25) : paused.start()]):
            return ProductionStatus.ENDED  # "built the Cherokee until it was idled in 2023"
        return ProductionStatus.PAUSED
    ended = has("ended", clause)
    double = ended is not None and fold(ended.group(0)).startswith("plus aucun")
    if ended and _ONE_MARKET.search(clause):
        return ProductionStatus.ONGOING  # "der letzte Macan für den europäischen Markt": made still
    if ended and not (double and _WITHOUT.search(clause, ended.end())):
        return ProductionStatus.ENDED  # not "plus aucune X ne sort sans sa motorisation hybride"
    if _NOT_BEFORE.search(clause):
        return ProductionStatus.PLANNED
    if has("started", clause):
        return ProductionStatus.STARTED
    trigger = has("produce", clause)
    near = clause[max(0, trigger.start() - 50) : trigger.end() + 30] if trigger else clause
    if has("continues", near):
        return ProductionStatus.ONGOING  # "will go on building", "auch künftig", "toujours"
    if trigger and _present(state, clause, trigger):
        return ProductionStatus.ONGOING  # "Hyundai builds the X at …, just 60 km from …"
    if has("future", clause):
        return ProductionStatus.PLANNED
    return ProductionStatus.ONGOING


def _present(state: ArticleState, clause: str, trigger: re.Match[str]) -> bool:
    """The verb of making is itself a present-tense statement ("builds", "est produite",
    "wird … gebaut" excluded): no future cue just before it or overlapping it."""
    here = [
        m for m in state.has_all("ongoing", clause)
        if m.start() <= trigger.start() < m.end() or trigger.start() <= m.start() < trigger.end()
    ]  # fmt: skip
    if not here:
        return False
    # German puts the modal first and the participle last ("soll … gebaut werden")
    if state.lang == "de":  # "soll … gebaut werden", "baut den GLB künftig auch in …"
        return not state.has("future", clause)
    before = clause[max(0, trigger.start() - 30) : trigger.end()]
    return not state.has("future", before)


def _segment(sentence: Sentence, pos: int) -> str:
    """The part of the sentence between the separators (, ; : –) around article offset `pos`."""
    rel = pos - sentence.start
    text = sentence.text
    starts = [m.end() for m in re.finditer(r"[,;:–—]", text[:rel])]
    end = re.search(r"[,;:–—]", text[rel:])
    return text[(starts[-1] if starts else 0) : rel + (end.start() if end else len(text))]


# "les châssis du Leapmotor B10", "batteries for the Ioniq 5": parts of the model, not the
# model; "Sa déclinaison à batteries, le Crossway Elec": the model itself
_PART_LINK = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:du|de la|de l['’]|des|de|d['’]|of the|of|for the|for|für den|für die|"
    r"für das|des|der|zum|zur)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)


def _component_of(state: ArticleState, before: str) -> bool:
    found = state.has_all("component", before)
    return any(_PART_LINK.match(before[m.end() :]) for m in found)


def _excluded(state: ArticleState, sentence: Sentence, model: Mention) -> bool:
    """ "apart from the Ioniq 5 N", "les châssis du Leapmotor B10", "des modèles emblématiques
    comme la Dauphine": not a model made here now."""
    before = sentence.local(model.start - 45, model.start)
    return bool(
        _RATHER_THAN.search(before)
        or _SUCCESSOR.search(before)
        or state.has("except", before)
        or _component_of(state, before)
        or state.has("iconic", sentence.local(model.start - 80, model.start))
    )


_LIST_LINK = re.compile(
    r"^\s*(?:,|,?\s+(?:and|et|und|ou|or|oder))\s+(?:(?:the|le|la|les|l'|der|die|das|den)\s*)?$",
    re.I,
)


_LIST_GOES_ON = re.compile(r"^\s*,\s*(?:(?:der|die|das|den|le|la|les|l'|the)\s+)?(?=\S)", re.I)
_ARTICLES_ONLY = re.compile(r"[\W\d_]*(?:(?:der|die|das|den|le|la|les|l|the|und|et|and)\W+)*", re.I)


def _only_models(clause: Clause) -> bool:
    """The clause is a list of models and nothing else ("Der Mondeo")."""
    rest, last = [], clause.start
    for m in clause.mentions:
        if m.kind != "MODEL":
            return False
        rest.append(clause.text[last - clause.start : m.start - clause.start])
        last = m.end
    rest.append(clause.text[last - clause.start :])
    return bool(clause.mentions) and all(_ARTICLES_ONLY.fullmatch(r) for r in rest)


def _not_excluded(state: ArticleState, sentence: Sentence, models: list[Mention]) -> list[Mention]:
    """The models not excluded (`_excluded`); a model listed right after an excluded one
    shares its lot ("makes engines for the Tundra, the Tacoma and the Sequoia")."""
    kept: list[Mention] = []
    excluded: Mention | None = None
    for m in models:
        if _excluded(state, sentence, m) or (
            excluded is not None and _LIST_LINK.match(sentence.local(excluded.end, m.start))
        ):
            excluded = m
            continue
        excluded = None
        kept.append(m)
    return kept


_STAYS_IN_PRODUCTION = re.compile(
    r"\b(?:rest\w+ en (?:production|fabrication)|remains? in production|stays? in production|"
    r"will (?:remain|stay) in production|bleib\w* (?:\w+ )?in (?:der )?Produktion)\b",
    re.I,
)


def _verbal(state: ArticleState, text: str) -> bool:
    """Whether the clause says something is made, not only names "production" as a noun."""
    if any(
        state.has(c, text) for c in ("ended", "started", "paused", "cancelled", "move", "start")
    ):
        return True  # "stopper la production de la Zoé"
    if _STAYS_IN_PRODUCTION.search(text):
        return True  # "restera en production jusqu'à l'été", "bleibt in Produktion"
    return any(not _PRODUCTION_NOUN.fullmatch(m.group(0)) for m in state.has_all("produce", text))


def _has_cue(state: ArticleState, text: str) -> bool:
    """Whether the clause states a status itself (else a continuation takes the one before)."""
    return any(
        state.has(c, text)
        for c in ("started", "ended", "paused", "cancelled", "continues", "ongoing", "future")
    )


def _usable(state: ArticleState, sentence: Sentence, d: DateRef) -> bool:
    """A date that can time production: not a sales or delivery date, not a bare weekday
    (unless the words just before tell the event: "began building … on Tuesday",
    "am Dienstag rollt das letzte … vom Band")."""
    before = sentence.local(d.start - 45, d.start)
    if state.has("sales_only", before):
        return False
    segment = _segment(sentence, d.start)
    if state.has("sales_only", segment) and not state.has("produce", segment):
        return False
    if re.search(r"\d", d.date.text) or not _WEEKDAY.search(d.date.text):
        return True
    if _SAID.search(sentence.local(d.start - 30, d.start)):
        return False  # "…, the company said on Monday": when it was told
    near = sentence.local(d.start - 60, d.end + 40)  # "a donné lundi le coup d'envoi"
    if state.has("started", near) or state.has("ended", near):
        return True
    # "began production of the X at its Y, Z plant on Monday": the verb of the words before
    lead = re.split(r"[;:–—]", sentence.local(d.start - 120, d.start))[-1]
    return bool((state.has("started", lead) or state.has("ended", lead)) and not _SAID.search(lead))


def _dates(
    state: ArticleState, sentence: Sentence, clause: Clause, status: str
) -> tuple[FuzzyDate | None, FuzzyDate | None, str]:
    dates = [d for d in clause.dates if _usable(state, sentence, d)]
    start = end = None
    if status == ProductionStatus.ONGOING and not state.has("future", clause.text):
        past = [d for d in dates if d.date.end < state.published.start]
        if any(d.bound == "until" for d in past):
            status = ProductionStatus.ENDED  # "wurden (2005/2006 und 2013/2014) gefertigt"
        elif any(d.bound == "from" for d in past) and len(past) == len(dates):
            status = ProductionStatus.STARTED  # "läuft dort seit Herbst 2024 vom Band"
    # "Die Produktion des Modells beginnt Ende 2024", "débute au printemps prochain": a start
    # verb in the present, with a date ahead, is a plan
    if (
        status == ProductionStatus.ONGOING
        and state.has("start", clause.text)
        and not state.has("ongoing", clause.text)
        and any(d.date.start > state.published.end and d.bound != "until" for d in dates)
    ):
        status = ProductionStatus.PLANNED
    no_longer = bool(state.has("no_longer", clause.text))  # "n'y est plus fabriqué depuis fin 2022"
    # "the last Escape should leave the line in December": the date of the last one is the end
    last_one = not _ONE_MARKET.search(clause.text) and any(
        _LAST_ONE.search(sentence.local(m.start - 16, m.start)) for m in clause.models()
    )  # not "der letzte Boxster für den europäischen Markt"
    # "ist seit Ende 2024 abgeschlossen / eingestellt", "a cessé depuis 2023": stopped since then
    stopped_since = (
        status == ProductionStatus.ENDED
        and len(dates) == 1
        and dates[0].bound == "from"
        and bool(_STOPPED_STATE.search(clause.text))
    )
    for d in dates:
        before = sentence.local(d.start - 25, d.start)
        is_end = (
            d.bound == "until" or bool(state.has("end_cue", before)) or no_longer or last_one
            or stopped_since
        )  # fmt: skip
        if status in (ProductionStatus.ENDED,):
            if d.bound == "from" and not is_end:
                start = start or d.date  # "ab 2021 … gebaut wurden"
            elif is_end or (d is dates[-1] and end is None):
                end = d.date if end is None or is_end else end
            elif start is None and d.bound in ("from", "at") and len(dates) > 1:
                start = d.date
        elif status in (ProductionStatus.ONGOING,):
            if is_end:
                end = d.date
        elif status in (ProductionStatus.PLANNED, ProductionStatus.STARTED):
            if d.ranged:
                continue  # "sera lancée entre 2025 et 2026": no one start date
            if is_end:
                if status == ProductionStatus.PLANNED and start is None and end is None:
                    end = d.date
                continue
            if start is None:
                start = d.date
    if status == ProductionStatus.ENDED and end is not None:
        future = end.end > state.published.end or (
            state.has("future", clause.text) and end.end >= state.published.start
        )
        if future:
            status = ProductionStatus.ONGOING
    if (
        status == ProductionStatus.PLANNED
        and start is not None
        and start.end < state.published.start
    ):
        start = None  # a past date is history, not a planned start
    if status == ProductionStatus.PLANNED and start is None and end is not None:
        status = ProductionStatus.ONGOING  # "noch bis zum Spätsommer 2027 gebaut": made until then
    if status == ProductionStatus.ENDED and end is None and state.has("future", clause.text):
        status = ProductionStatus.ONGOING  # "devrait stopper la production": still made today
    if (
        status == ProductionStatus.STARTED
        and start is not None
        and start.start > state.published.end
    ):
        status = ProductionStatus.PLANNED
    return start, end, status


def _since(state: ArticleState, sentence: Sentence, clause: Clause) -> FuzzyDate | None:
    """A past date of a production told in the past tense ("a fait assembler, en 2024, la
    T03"): the start, should the article say elsewhere that this production has ended."""
    if not state.has("past", clause.text) or state.has("future", clause.text):
        return None
    past = [
        d for d in clause.dates
        if d.bound == "at" and d.date.end < state.published.start and _usable(state, sentence, d)
    ]  # fmt: skip
    return past[-1].date if past else None  # the one closest before the model


def _year_of(state: ArticleState, sentence: Sentence, clause: Clause) -> bool:
    """Whether the clause opens on "année où", "the year when", "das Jahr, in dem"."""
    left = min(20, clause.start - sentence.start)
    window = sentence.local(clause.start - left, clause.start + 40)
    return any(m.start() <= left + 2 and m.end() > left for m in state.has_all("year_of", window))


@dataclass
class _Denied:
    """A clause that denies production somewhere ("ne sera pas fabriquée à A", "nicht mehr in
    Tschechien gebaut"), which the next clause may contrast with where it is made."""

    models: list[Mention]
    clause: Clause
    first_draft: int  # index of the clause's own drafts in state.drafts
    no_longer: bool
    since: FuzzyDate | None = None


_CONTRAST = re.compile(r"^[\s,;:–—]*(?:mais|but|sondern|aber|instead|plutôt)\b", re.I)


def _contrast(state: ArticleState, sentence: Sentence, clause: Clause, denied: _Denied) -> bool:
    """ "…, mais en Turquie", "…, sondern im Werk Bratislava", "…, but at Smyrna": the models
    denied just before are made at the plant this clause names."""
    contrasted = bool(_CONTRAST.match(clause.text)) or (
        clause.text.lstrip()[:1] in (":", ";") and bool(state.has("revised", clause.text))
    )  # "… n'est plus assemblée à Mioveni : elle sort désormais de l'usine de Tanger"
    if not clause.refs or not contrasted or state.has("hedge", clause.text):
        return False
    plants = [sentence.ref_ids[sentence.refs.index(r)] for r in clause.refs]
    plants = [p for p in plants if state.registry.plants[p].city] or plants[:1]
    if denied.no_longer:
        # the old plant's production ended: a move, made at the new plant since then
        for d in state.drafts[denied.first_draft :]:
            if d.type == FactType.PRODUCTION and d.fields.get("status") == ProductionStatus.ENDED:
                d.fields["status"] = ProductionStatus.MOVED
        status: str = ProductionStatus.ONGOING
        start = denied.since
    else:
        scope = Clause(
            denied.clause.start, clause.end, sentence.local(denied.clause.start, clause.end),
            [], [], [*denied.clause.dates, *clause.dates],
        )  # fmt: skip
        status = (
            ProductionStatus.PLANNED
            if state.has("future", scope.text)
            else ProductionStatus.ONGOING
        )
        start, _, status = _dates(state, sentence, scope, status)
    for plant in dict.fromkeys(plants):  # "… de l'usine de Tanger, au Maroc, et de celle de Bursa"
        for model in denied.models:
            _add(state, sentence, model, plant, status, BASE_CONFIDENCE - 0.05, start)
        for model in clause.models():  # "sondern gemeinsam mit dem VW Passat im Werk Bratislava"
            if model.name not in {m.name for m in denied.models}:
                _add(state, sentence, model, plant, ProductionStatus.ONGOING, BASE_CONFIDENCE - 0.1)
    return True


def _revised_start(
    state: ArticleState, sentence: Sentence, clause: Clause, scope: str
) -> FuzzyDate | None:
    """The new start of a plan the clause says has changed: a former-plan cue, then a
    revision cue ("finalement", "now", "nun") and a date still ahead."""
    if not state.has("former", scope):
        return None
    offset = clause.end - len(scope)  # scope ends where the clause ends
    rest = sentence.local(offset, sentence.end)  # "…, but will now begin in mid-2024"
    former = state.has("former", rest)
    if former is None or _hedged(state, rest):
        return None
    revised = [m for m in state.has_all("revised", rest) if m.start() > former.end()]
    if not revised:
        return None
    dates = [d for c in sentence.clauses for d in c.dates]
    after = [
        d for d in dates
        if d.start - offset > revised[0].start() and not d.ranged and _usable(state, sentence, d)
    ]  # fmt: skip
    if not after or after[0].date.end < state.published.start:
        return None
    return after[0].date


_ONLY_STILL = re.compile(r"\b(?:nur noch|ne \w+ plus que|n'\w+ plus que|only still)\s", re.I)


def _remaining(state: ArticleState, text: str, models: list[Mention]) -> bool:
    """A plan that would leave a plant "only" some models presupposes they are made there."""
    only = _ONLY_STILL.search(text)
    return bool(
        only is not None
        and state.has("former", text)  # "hätte", "would have": hedged too, but presupposing
        and state.has("produce", text)
    )


def _former_plan(state: ArticleState, text: str) -> bool:
    """ "Under the previous schedule, the factory was to begin assembling X in 2024": a plan
    the article reports as superseded (not a hedge, not a denial)."""
    former = state.has("former", text)
    verb = state.has("produce", text) or state.has("start", text)
    return bool(
        former
        and verb
        and former.start() < verb.start()  # "was to begin assembling", not "…, as had been planned"
        and not state.has("hedge", text)
        and not state.has("cancelled", text)
        and not _negated(state, text)
    )


def _superseded(
    state: ArticleState, sentence: Sentence, clause: Clause, models: list[Mention]
) -> None:
    """Drafts for the models of a superseded plan: kept only where the article dates the
    start at that plant anew (see `settle_former_plans`), never with the old date."""
    for _, draft in _add_located(state, sentence, clause, models, ProductionStatus.PLANNED, 0.0):
        draft.fields["_former"] = True


def _add_located(
    state: ArticleState,
    sentence: Sentence,
    clause: Clause,
    models: list[Mention],
    status: str,
    penalty: float,
    start: FuzzyDate | None = None,
) -> list[tuple[Mention, Draft]]:
    """A draft for each model whose plant the clause or its context gives (others none)."""
    added = []
    for model in models:
        plant, distance = _plant_for(state, sentence, clause, model)
        if plant is not None:
            _add(state, sentence, model, plant, status, BASE_CONFIDENCE - penalty - distance, start)
            added.append((model, state.drafts[-1]))
    return added


def settle_former_plans(state: ArticleState) -> None:
    """A superseded plan's draft stands, with the new start, where the article gives a
    model-less start date at the plant ("Electric pickups will not roll out of Orion before
    late 2025"); it is dropped where the article states the model there otherwise, or not at all."""
    stated = {
        (d.fields.get("model"), d.plant) for d in state.drafts
        if d.type == FactType.PRODUCTION and not d.fields.get("_former")
    }  # fmt: skip
    kept = []
    for d in state.drafts:
        if d.fields.pop("_former", False):
            if (d.fields.get("model"), d.plant) in stated or d.plant not in state.plant_starts:
                continue
            d.fields["start"] = state.plant_starts[d.plant]
        kept.append(d)
    state.drafts[:] = kept
    _date_lone_plans(state)


def _date_lone_plans(state: ArticleState) -> None:
    """The one planned model of a plant takes the start the article gave the plant without
    naming a model ("production of its pickup at its factory in X will begin in late 2026"
    … "The Y will be the first vehicle built there"), where no model there has a date."""
    planned: dict[int, list[Draft]] = {}
    for d in state.drafts:
        if d.type == FactType.PRODUCTION and d.plant is not None:
            planned.setdefault(d.plant, []).append(d)
    for plant, drafts in planned.items():
        if plant not in state.plant_starts:
            continue
        models = {d.fields.get("model") for d in drafts}
        if len(models) != 1 or any(
            d.fields.get("status") != ProductionStatus.PLANNED or "start" in d.fields
            for d in drafts
        ):
            continue
        for d in drafts:
            d.fields["start"] = state.plant_starts[plant]


def _nearest(
    refs: list[PlantRef], ids: list[int], pos: int, text: str = "", offset: int = 0
) -> int | None:
    """The plant reference for a model at `pos`: in the same comma-separated segment first,
    then a strong reference before a weak one, then the closest."""
    if not refs:
        return None

    def segment(at: int) -> int:
        return text.count(",", 0, max(0, at - offset)) if text else 0

    here = segment(pos)
    best = min(
        range(len(refs)),
        key=lambda i: (
            segment(refs[i].start) != here,
            not refs[i].strong,
            abs(refs[i].start - pos),
        ),
    )
    return ids[best]


_FRONTED_TOWN = re.compile(r"\s*(?:À|A|Au|En|In|At|Im|Bei|Dans)\s+")


def _plant_for(
    state: ArticleState, sentence: Sentence, clause: Clause, model: Mention
) -> tuple[int | None, float]:
    refs = clause.refs
    if state.has(
        "move", clause.text
    ):  # "…, die heute dort gefertigt werden, nach Wolfsburg abwandern"
        refs = [r for r in refs if not _DEST.search(sentence.local(r.start - 40, r.start))]
    local_ids = [sentence.ref_ids[sentence.refs.index(r)] for r in refs]
    if refs and all(r.start > model.end for r in refs) and _RELATIVE_WHICH.match(clause.text):
        # "GM's Spring Hill plant in Tennessee, which builds the X, …, and Factory Zero …":
        # the relative clause is about the plant it follows
        antecedent = [
            i for r, i in zip(sentence.refs, sentence.ref_ids, strict=True)
            if r.strong and r.end <= clause.start and clause.start - r.end <= 30
        ]  # fmt: skip
        if antecedent:
            return antecedent[-1], 0.0
    if refs:
        return _nearest(refs, local_ids, model.start, sentence.text, sentence.start), 0.0
    if (
        _PLANT_PRONOUN.match(sentence.text)
        and state.plant_sentence >= state.sentence_no - 1
        and state.current_plant is not None
        and clause.start == sentence.start
    ):
        return state.current_plant, INHERITED_PLANT_PENALTY  # "Elle accueillera … la production"
    if state.has("plant_anaphor", clause.text):
        earlier = [
            i
            for r, i in zip(sentence.refs, sentence.ref_ids, strict=True)
            if r.strong and r.end <= clause.start
        ]
        if earlier:
            return earlier[-1], 0.0  # "…die Zwickauer Modelle, die heute dort gefertigt werden"
        if state.current_plant is not None:
            return state.current_plant, INHERITED_PLANT_PENALTY
    strong = [(r, i) for r, i in zip(sentence.refs, sentence.ref_ids, strict=True) if r.strong]
    if strong:
        return _nearest(
            [r for r, _ in strong], [i for _, i in strong], model.start
        ), MODEL_DISTANCE_PENALTY
    fronted = [
        i
        for r, i in zip(sentence.refs, sentence.ref_ids, strict=True)
        if r.plant.city
        and r.end <= clause.start
        and _FRONTED_TOWN.fullmatch(sentence.local(sentence.start, r.start))
    ]  # fmt: skip — "À Rorthais, …, la filiale X produit l'autobus Y": the town the sentence opens with
    if fronted:
        return fronted[0], MODEL_DISTANCE_PENALTY
    if state.current_plant is not None and (
        _verbal(state, sentence.local(sentence.start, clause.end))
        or state.has("follows", clause.text)  # "Im Herbst soll … der Capri folgen"
        # "La X suivra au printemps, puis la Y …": the follow-up the clause continues
        or (
            _THEN.match(clause.text)
            and state.has("follows", sentence.local(sentence.start, clause.start))
        )
    ):
        return state.current_plant, INHERITED_PLANT_PENALTY
    if sentence.refs:
        return _nearest(sentence.refs, sentence.ref_ids, model.start), MODEL_DISTANCE_PENALTY
    return None, 0.0


def _add(
    state: ArticleState,
    sentence: Sentence,
    model: Mention,
    plant: int | None,
    status: str,
    confidence: float,
    start: FuzzyDate | None = None,
    end: FuzzyDate | None = None,
) -> None:
    if plant is not None:
        plant_obj = state.registry.plants[plant]
        if not (plant_obj.city or plant_obj.region):
            confidence -= COUNTRY_ONLY_PENALTY
    fields: dict[str, Any] = {"model": model.name, "brand": model.brand, "status": status}
    if start is not None:
        fields["start"] = start
    if end is not None:
        fields["end"] = end
    state.drafts.append(
        Draft(FactType.PRODUCTION, sentence.start, sentence.end, confidence, plant, fields)
    )


def _move(state: ArticleState, sentence: Sentence, clause: Clause, models: list[Mention]) -> bool:
    dest = origin = None
    for ref, rid in zip(sentence.refs, sentence.ref_ids, strict=True):
        if not (clause.start <= ref.start < clause.end):
            continue
        left = sentence.local(ref.start - 40, ref.start)
        if dest is None and _DEST.search(left):
            dest = rid
        elif origin is None and rid != dest and _ORIGIN.search(left):
            origin = rid
    if dest is None:
        leaving = _LEFT.search(clause.text)
        if leaving is None:
            return False
        after = [(r, i) for r, i in zip(sentence.refs, sentence.ref_ids, strict=True)
                 if 0 <= r.start - clause.start - leaving.end() <= 3]  # fmt: skip
        if not after:
            return False
        for model in models:
            _add(state, sentence, model, after[0][1], ProductionStatus.MOVED, 0.75)
        return True
    if origin is None and (
        state.has("plant_anaphor", clause.text) or state.plant_sentence >= state.sentence_no - 1
    ):
        origin = state.current_plant  # "Besonders betroffen ist Wolfsburg: … zieht nach Puebla um"
    if origin is None:
        origin = _made_at(state, models, dest)  # "… die Golf-Stückzahlen nach Mexiko zu verlagern"
    dates = [d for d in clause.dates if _usable(state, sentence, d) and not d.ranged]
    when = dates[0].date if dates else None
    # a move is still ahead unless told in the past ("has left", "a été transférée", "ist umgezogen")
    future = not _PAST_MOVE.search(clause.text) or (
        when is not None and when.start > state.published.end
    )
    renamed = _renamings(sentence, models)
    for model in models:
        if model.name in renamed.values():
            continue  # the new name only exists at the destination
        new = next((m for m in models if renamed.get(model.name) == m.name), model)
        if origin is not None and origin != dest:
            if future:
                _add(state, sentence, model, origin, ProductionStatus.ONGOING, 0.75, end=when)
            else:  # "a été transférée à Saragosse l'an dernier": moved then
                _add(state, sentence, model, origin, ProductionStatus.MOVED, 0.75, end=when)
        if future:
            _add(state, sentence, new, dest, ProductionStatus.PLANNED, 0.75, start=when)
        else:
            _add(state, sentence, new, dest, ProductionStatus.ONGOING, 0.7, start=when)
    return True


def _made_at(state: ArticleState, models: list[Mention], dest: int) -> int | None:
    """The plant the article has these models made at already (a move's origin)."""
    names = {m.name for m in models}
    for d in reversed(state.drafts):
        if (
            d.type == FactType.PRODUCTION
            and d.fields.get("model") in names
            and d.plant is not None
            and d.plant != dest
            and d.fields.get("status") in (ProductionStatus.ONGOING, ProductionStatus.STARTED)
        ):
            return d.plant
    return None


def _renamings(sentence: Sentence, models: list[Mention]) -> dict[str, str]:
    """ "Opel Crossland (rebaptisé Frontera)": old name → new name."""
    out: dict[str, str] = {}
    for a, b in pairwise(models):
        if _RENAMED.fullmatch(sentence.local(a.end, b.start)):
            out[a.name] = b.name
    return out


def _carried_models(state: ArticleState, sentence: Sentence, clause: Clause) -> None:
    """ "…, adding to the existing production in Chengdu": the models of the sentence before."""
    if state.models_sentence != state.sentence_no - 1:
        return
    noun = _PRODUCTION_NOUN.search(clause.text)
    if not noun:
        return  # "plus aucun véhicule thermique n'en sort" is not about the models just named
    if state.has("workforce_noun", clause.text[max(0, noun.start() - 40) : noun.start()]):
        return  # "employs 2,900 people in vehicle assembly": where they work, not what is made
    if not clause.refs and (state.current_plant is None or not state.has("ended", clause.text)):
        return
    status = _status(state, clause.text, sentence.text)
    if status is None:
        return
    start, end, final = _dates(state, sentence, clause, status)
    pos = clause.start + noun.end()
    after = [r for r in clause.refs if r.start >= pos] or clause.refs
    rid = sentence.ref_ids[sentence.refs.index(after[0])] if after else state.current_plant
    for model in state.current_models:
        _add(
            state,
            sentence,
            model,
            rid,
            final,
            BASE_CONFIDENCE - INHERITED_PLANT_PENALTY,
            start,
            end,
        )


def _first_units(state: ArticleState, sentence: Sentence, clause: Clause) -> bool:
    """ "… a lancé la production de X. Mardi, les premiers exemplaires sont sortis des
    chaînes" / "Am Dienstag lief das erste Kundenfahrzeug vom Band": the date the first cars
    came off the line is the start of the production just told, if it had none."""
    if not state.has("first_units", clause.text) or not state.has("produce", clause.text):
        return False
    if state.has("hedge", clause.text) or state.models_sentence < state.sentence_no - 2:
        return False
    dates = [
        d
        for d in clause.dates
        if (_usable(state, sentence, d) or _WEEKDAY.search(d.date.text))
        and not d.ranged
        and d.date.end <= state.published.end
    ]  # fmt: skip — a weekday times the first cars themselves ("Am Dienstag lief …")
    if not dates:
        return False
    local = [sentence.ref_ids[sentence.refs.index(r)] for r in clause.refs]
    plant = local[0] if local else state.current_plant
    recent = {m.name for m in state.current_models}
    started = [
        d for d in state.drafts
        if d.type == FactType.PRODUCTION and d.fields.get("model") in recent
        and d.fields.get("status") == ProductionStatus.STARTED and "start" not in d.fields
        and (plant is None or d.plant == plant)
    ]  # fmt: skip
    for draft in started:
        draft.fields["start"] = dates[0].date
    return bool(started)


# pre-series and pilot builds: not the start of production (the README's judgement call)
_PRE_SERIES = re.compile(
    r"\b(?:pré-?séries?|pre-?series|pre-?production|pilot (?:production|builds?|cars)|"
    r"vorserien?\w*|nullserie\w*)\b",
    re.I,
)
_AFTER = re.compile(r"\b(?:après|after|following|nach|suite à)\b[^,;]{0,40}$", re.I)


def _pre_series(text: str) -> bool:
    """Pre-series assembly told as what the start is, not what came before it ("a commencé la
    production en série le 20 octobre, après plusieurs semaines de présérie")."""
    return any(not _AFTER.search(text[: m.start()]) for m in _PRE_SERIES.finditer(text))


def _plant_start(state: ArticleState, sentence: Sentence, clause: Clause) -> bool:
    """A model-less clause that dates the start of production at a plant."""
    if _pre_series(clause.text):
        return False  # "Des véhicules de présérie sortiront dès cet automne, mais …"
    not_before = bool(_NOT_BEFORE.search(clause.text))  # "will not roll out … before late 2025"
    if not (state.has("start", clause.text) or (not_before and state.has("produce", clause.text))):
        return False
    makes = bool(state.has("produce", clause.text))
    if state.has("hedge", clause.text):
        return False
    dates = [
        d for d in clause.dates
        if _usable(state, sentence, d) and (d.bound != "until" or not_before) and not d.ranged
    ]  # fmt: skip
    former = state.has("former", clause.text)
    if former:
        # "devait initialement intervenir début 2022, il se fera finalement en juillet 2022"
        revised = [m for m in state.has_all("revised", clause.text) if m.start() > former.end()]
        if not revised:
            return False
        dates = [  # "… il se fera finalement « au plus tard » en juillet 2022": by then
            d for d in clause.dates
            if _usable(state, sentence, d) and not d.ranged
            and d.start - clause.start > revised[0].start()
        ]  # fmt: skip
    if not dates:
        return False
    local_ids = [sentence.ref_ids[sentence.refs.index(r)] for r in clause.refs]
    plant = local_ids[0] if local_ids else state.current_plant
    if plant is None:
        return False
    start = dates[0].date
    if start.start <= state.published.end:
        return False  # "the delayed launch" announced today is no start date
    status = (
        ProductionStatus.PLANNED
        if start.end >= state.published.start or state.has("future", clause.text)
        else ProductionStatus.STARTED
    )
    recent = (
        {m.name for m in state.current_models}
        if state.models_sentence >= state.sentence_no - 1
        else set()
    )
    planned = [
        d for d in state.drafts
        if d.type == FactType.PRODUCTION and d.plant == plant
        and d.fields.get("status") == ProductionStatus.PLANNED and "start" not in d.fields
        and (makes or d.fields.get("model") in recent)
    ]  # fmt: skip
    if not makes and not planned:
        return False
    if status == ProductionStatus.PLANNED:
        state.plant_starts.setdefault(plant, start)
    for draft in planned:
        draft.fields["start"] = start
    if not planned and state.current_models and local_ids:
        for model in state.current_models:
            _add(state, sentence, model, plant, status, 0.7, start=start)
    return True


_THEN = re.compile(r"^[\s,;]*(?:puis|ensuite|then|followed by|dann|danach|anschließend)\b", re.I)
_COORDINATED = re.compile(r"\b(?:et|and|und|sowie|ainsi que|as well as)\s*,?\s*$", re.I)


_APPOSED_DATE = re.compile(r",\s+[a-zàâçéèêëîïôûùüÿœäöß][^,;.]*,(?=\s)")


def _apposed(sentence: Sentence, date: DateRef, models: list[Mention]) -> bool:
    """The date stands in an apposition to a model other than `models` ("le X, fabriqué ici
    depuis janvier 2024, et le Y")."""
    for m in sentence.of_kind("MODEL"):
        if m.end <= date.start and m not in models:
            appo = _APPOSED_DATE.match(sentence.local(m.end, sentence.end))
            if appo is not None and date.end <= m.end + appo.end():
                return True
    return False


def _conjunct_dates(sentence: Sentence, clause: Clause, models: list[Mention]) -> dict[int, Clause]:
    """The clause each model keeps when a date opens a later conjunct ("le X pour l'Amérique
    latine et, depuis octobre dernier, le Y"): the models before that date do not take it."""
    if len(models) < 2 or not clause.dates:
        return {}
    out: dict[int, Clause] = {}
    for i, model in enumerate(models[:-1]):
        # "la R5, fabriquée ici depuis novembre 2023, et les Mégane et Scenic": a date in an
        # apposition to one model is that model's alone
        gap = sentence.local(model.end, models[i + 1].start)
        appo = _APPOSED_DATE.match(gap)
        if appo is not None:
            own = [
                d for d in clause.dates if model.end <= d.start and d.end <= model.end + appo.end()
            ]
            if own:
                for other in models:
                    if other is not model:
                        base = out.get(other.start, clause)
                        kept = [d for d in base.dates if d not in own]
                        out[other.start] = Clause(clause.start, clause.end, clause.text,
                                                  clause.mentions, clause.refs, kept)  # fmt: skip
                continue
        later = models[i + 1].start
        theirs = [
            d for d in clause.dates
            if model.end <= d.start and d.end <= later
            and _COORDINATED.search(sentence.local(model.end, d.start))
        ]  # fmt: skip
        if theirs:
            for earlier in models[: i + 1]:
                kept = [d for d in clause.dates if d not in theirs]
                if earlier.start in out:
                    kept = [d for d in out[earlier.start].dates if d not in theirs]
                out[earlier.start] = Clause(clause.start, clause.end, clause.text,
                                            clause.mentions, clause.refs, kept)  # fmt: skip
    return out


def production_facts(state: ArticleState, sentence: Sentence) -> None:
    """Add the sentence's production drafts to `state`."""
    if state.has("unconfirmed", sentence.text):
        return  # "… heißt es in Branchenkreisen; Škoda wollte das nicht kommentieren"
    previous: tuple[list[Mention], str | None] = ([], None)
    last_models: list[Mention] = []
    blocked = False  # a clause before was hedged or a former plan
    previous_start: FuzzyDate | None = None
    produced: list[Mention] = []
    denied: _Denied | None = None  # the clause before said "not (here)" / "no longer (here)"
    listed: list[Mention] = []  # models of a clause that is only their list, for the next
    for clause in sentence.clauses:
        if denied is not None and _contrast(state, sentence, clause, denied):
            produced.extend(denied.models)
            denied = None
            continue
        denied = None
        if state.has("hedge", clause.text) or state.has("former", clause.text):
            blocked = True
        models = _not_excluded(state, sentence, clause.models())
        if listed and models and _LIST_GOES_ON.match(clause.text):
            models = [*listed, *models]
        listed = []
        if not models and clause.models():
            continue
        leaving = _LEAVING_ONLY.search(clause.text) if models else None
        if leaving is not None:
            # "… will stop building the X, leaving the Y as the only model on its lines":
            # Y goes on being made there, and the end is X's
            cut = clause.start + leaving.start()
            left = [m for m in models if m.start >= cut]
            made = _add_located(state, sentence, clause, left, ProductionStatus.ONGOING, 0.0)
            produced.extend(model for model, _ in made)
            models = [m for m in models if m.start < cut]
            if not models:
                previous = ([], None)
                continue
        continuation = False
        refers_back = state.has("model_anaphor", clause.text) and state.has("produce", clause.text)
        if not models and refers_back and state.models_sentence >= state.sentence_no - 2:
            # "La production du modèle débutera …" after "X sera assemblé … aux côtés de Y et
            # de Z": one model, the one the sentence before was about
            models = list(state.current_models[:1])
        elif (
            not models
            and refers_back
            and not sentence.of_kind("MODEL")
            and state.named_model is not None
            and state.named_sentence == state.sentence_no - 1
        ):
            models = [state.named_model]
        if not models and previous[0] and (clause.refs or clause.dates):
            models, continuation = previous[0], True

        elif (
            not models
            and last_models
            and _RELATIVE.match(clause.text)
            and (_verbal(state, clause.text) or state.has("produce", clause.text))
        ):  # not "…, der im kommenden Jahr auf den Markt kommen soll"
            models, continuation = (
                last_models,
                True,
            )  # "… die Modelle X, Y, die heute dort gefertigt werden"
        if clause.models():
            last_models = models
        if not models:
            if (
                not sentence.of_kind("MODEL")
                and not _first_units(state, sentence, clause)
                and not _plant_start(state, sentence, clause)
            ):
                _carried_models(state, sentence, clause)
            continue
        trigger = (
            state.has("produce", clause.text) or state.has("ended", clause.text)
            or state.has("move", clause.text)
        )  # fmt: skip
        before = sentence.local(sentence.start, clause.start)
        if (
            not trigger
            and state.models_sentence >= state.sentence_no - 3
            and state.current_plant is not None
            and clause.dates
            and state.has("follows", clause.text)
        ):  # "… began production of X at its Y plant. The Z will follow in early 2025."
            trigger = state.has("follows", clause.text)
        if not trigger and state.lang == "de" and _DE_AUXILIARY.search(clause.text):
            # "Zunächst werden dort der Kleinwagen X, der Y und die Z … montiert": the
            # participle closes the sentence, after the list
            tail = sentence.local(clause.end, sentence.end).rstrip(" .!?")[-30:]
            trigger = state.has("produce", tail)
        if (
            not trigger
            and not continuation
            and _THEN.match(clause.text)
            and previous[0]
            and previous[1] == ProductionStatus.PLANNED
            and clause.dates
        ):
            continuation = True  # "Le X suivra au printemps, puis la Y à partir de 2026"
        if not trigger and not continuation and not state.has("produce", before):
            if _only_models(clause):
                listed = models  # "Der Mondeo, der Galaxy und der S-Max sind … gefallen"
            continue  # "l'usine fabrique six modèles : A, B, C" — the verb comes first
        if state.has("unveiled", clause.text) and not _verbal(state, clause.text):
            continue  # "Mercedes enthüllte den neuen GLC": a show, not production
        moving = state.has("move", clause.text) and not state.has("hedge", clause.text)
        moving = moving and not (continuation and blocked)  # the plan itself was hedged
        # a move told as a noun ("le départ des X vers Y") is a fact even inside a modal clause
        if moving and _move(state, sentence, clause, models):
            produced.extend(models)
            previous = (models, None)
            continue
        governed = (
            not trigger and not continuation
        )  # the verb is before the clause: "fabrique : A, B"
        scope = sentence.local(sentence.start, clause.end) if governed else clause.text
        status = _status(state, scope, sentence.text)
        revised = _revised_start(state, sentence, clause, scope) if status is None else None
        if revised is not None:
            # "devait initialement intervenir début 2022, il se fera finalement en juillet 2022"
            made = _add_located(
                state, sentence, clause, models, ProductionStatus.PLANNED, 0.0, revised
            )
            produced.extend(model for model, _ in made)
            continue
        if continuation and (
            status is None
            or (status == ProductionStatus.ONGOING and not _has_cue(state, clause.text))
        ):
            status = previous[1]
        elif (
            _THEN.match(clause.text)
            and previous[1] == ProductionStatus.PLANNED
            and status in (None, ProductionStatus.ONGOING)
        ):
            status = previous[1]  # "X et Y suivront d'ici la fin de l'année, puis le Z …"

        if status is None and not state.has("hedge", scope) and _negated(state, scope):
            denied = _Denied(models, clause, len(state.drafts), no_longer=False)
        if status is None and _remaining(state, scope, models):
            # "Ab 2027 hätte Zwickau dann nur noch den Audi Q4 e-tron gebaut": made there now
            _add_located(state, sentence, clause, models, ProductionStatus.ONGOING, 0.1)
        if status is None and clause.refs:
            for model in models:
                told = _MADE_NOW.match(sentence.local(model.end, model.end + 60))
                where = [
                    rid
                    for ref, rid in zip(sentence.refs, sentence.ref_ids, strict=True)
                    if told and 0 <= ref.start - model.end - told.end() <= 12
                ]  # fmt: skip — the place the apposition names
                if where:
                    _add(state, sentence, model, where[0], ProductionStatus.ONGOING,
                         BASE_CONFIDENCE - 0.1)  # fmt: skip
                    produced.append(model)
        if status is None:
            if _former_plan(state, scope):
                _superseded(state, sentence, clause, models)
            blocked = True
            previous = ([], None)
            continue
        previous = (models, status)
        timed = clause
        if not clause.dates and _year_of(state, sentence, clause):
            # "entre 2021 et 2024, année où la marque devrait stopper la production"
            earlier = [d for c in sentence.clauses for d in c.dates if d.end <= clause.start]
            timed = Clause(clause.start, clause.end, clause.text, clause.mentions, clause.refs,
                           earlier[-1:])  # fmt: skip
        if governed and not clause.dates:  # "Am Dienstag rollt das letzte …: ein ID.3"
            timed = Clause(
                sentence.start, clause.end, scope, clause.mentions, clause.refs,
                [d for c in sentence.clauses for d in c.dates
                 if d.start < clause.end and not _apposed(sentence, d, models)],
            )  # fmt: skip
        start, end, final = _dates(state, sentence, timed, status)
        if final in (ProductionStatus.STARTED, ProductionStatus.ONGOING) and _pre_series(
            clause.text
        ):
            # "a commencé l'assemblage de présérie de la X": the series has not started
            start, final = None, ProductionStatus.PLANNED
        since = _since(state, sentence, timed) if final == ProductionStatus.ONGOING else None
        if start is None and _ALONGSIDE.search(clause.text):
            start = previous_start  # "la B05 sera produite à ses côtés": with the model before
        previous_start = start
        if final == ProductionStatus.ENDED and state.has("no_longer", clause.text):
            denied = _Denied(models, clause, len(state.drafts), no_longer=True, since=end)
        beside = _BESIDE_EXISTING.search(clause.text) if len(models) > 1 else None
        own = _conjunct_dates(sentence, timed, models)
        stated = (start, end, final)
        for model in models:
            start, end, final = stated
            since_of = since
            if model.start in own:
                # "produit déjà le X … et, depuis octobre dernier, le Y": the date is Y's
                start, end, final = _dates(state, sentence, own[model.start], status)
                if since is not None:
                    since_of = _since(state, sentence, own[model.start])
            plant, penalty = _plant_for(state, sentence, clause, model)
            if plant is None and not _verbal(state, sentence.local(sentence.start, clause.end)):
                continue
            if (
                beside is not None
                and final in (ProductionStatus.PLANNED, ProductionStatus.STARTED)
                and model.start >= clause.start + beside.end()
                and models[0].start < clause.start + beside.start()
            ):
                # "X sera assemblé aux côtés de l'Austral et de l'Espace": those are made there now
                _add(
                    state,
                    sentence,
                    model,
                    plant,
                    ProductionStatus.ONGOING,
                    BASE_CONFIDENCE - penalty,
                )
                produced.append(model)
                continue
            # no plant yet: the draft waits for the next plant the article names
            _add(state, sentence, model, plant, final, BASE_CONFIDENCE - penalty, start, end)
            if since_of is not None:
                state.drafts[-1].fields["_since"] = since_of
            produced.append(model)
    if produced:
        state.current_models = produced
        state.models_sentence = state.sentence_no
    else:
        named = {m.name: m for m in sentence.of_kind("MODEL")}
        if len(named) == 1:
            state.named_model = next(iter(named.values()))
            state.named_sentence = state.sentence_no
