"""Plant facts: capacity (vehicles/year), workforce, status, and investments.

- Capacity: a count of vehicles per year ("300.000 unités par an", "150,000 vehicles a
  year", "Jahreskapazität von 200.000 Fahrzeugen") with a capacity cue (capacité,
  capacity, capable of, can build, designed to, peut produire, up to, Kapazität), or the
  "from" figure of a stated growth ("de 200 000 à 400 000 par an", "von 500 000 Autos im
  Jahr auf eine Million"); a daily or weekly figure, a production volume without such a
  cue, a former figure, a year, and a model's own volume (the model named before the
  figure, no plant before it) are not capacities; a unit belongs to its own figure.
- Workforce: a count followed by a workforce noun (salariés, employees, Beschäftigte,
  team members …), or named by one before it ("a workforce of", "un effectif de",
  "Belegschaft von"), or the bare object of "employs", or given by a pronoun whose noun
  the sentence or the one before names ("ils n'étaient plus que 2 085"); not a creation,
  cut, hire, target, conditional, percentage or population.
- Status: opened ("ouverte en 1974", "grand opening"; not an extension's inauguration),
  under construction (groundbreaking, broken ground, première pierre, "construction of …
  began"; not when the date is years old), planned (expected to become operational,
  doit ouvrir, an opening still to come), paused (on hold, stilllegen, stehen still, à
  l'arrêt, mothballed; a model's pause is a production fact instead), operating (wieder
  vollständig), closing (also a closure still to come), closed, sold (rachète, acte
  transférant, "hat das Werk verkauft"; not "met en vente"). Cues with everyday senses
  need a plant named in the sentence. A cue that anchors another event ("deux ans après
  la reprise") takes only a date of its own segment.
- Investment: a money amount of at least a million with an investment cue (invest,
  spend, "for $3 billion, the plant…"), no subsidy / loan / stake / price / savings /
  purchase cue beside it, tied to a plant; an amount in parentheses right after another
  is a conversion; obsolete currencies give way.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from extractors.lexicon import LEXICONS
from extractors.rules.context import ANCHORED_EVENT, ArticleState, Draft, Sentence
from extractors.rules.numbers import (
    OBSOLETE_CURRENCIES,
    Amount,
    Count,
    find_amounts,
    find_counts,
)
from factwatch.model import FactType, FuzzyDate, PlantStatus

__all__ = ["capacity_facts", "investment_facts", "status_facts", "workforce_facts"]

CAPACITY_CONFIDENCE = 0.8
WORKFORCE_CONFIDENCE = 0.8
STATUS_CONFIDENCE = 0.75
INVESTMENT_CONFIDENCE = 0.8
MIN_CAPACITY = 1000
MIN_WORKFORCE = 50
MAX_WORKFORCE = (
    200_000  # the largest car plants employ ~60 000; millions of people are a population
)
MIN_INVESTMENT = 1e6
STALE_CONSTRUCTION_YEARS = 4  # a groundbreaking older than this is history
_NOW = re.compile(r"\b(?:currently|now|actuellement|désormais|derzeit|zurzeit|aktuell)\b", re.I)
_REDUCTION = re.compile(
    r"\b(?:um|réduction de|reduction of|reduced by|cut by|baisse de|minus)\s*$", re.I
)
_OF_TOTAL = re.compile(r"^\s*(?:des|of the|der)\s+\d", re.I)


def _plant(state: ArticleState, sentence: Sentence, pos: int) -> int | None:
    if sentence.refs:
        strong = [(r, i) for r, i in zip(sentence.refs, sentence.ref_ids, strict=True) if r.strong]
        if not strong and state.current_plant is not None:
            lead = sentence.text[: min(r.start for r in sentence.refs) - sentence.start]
            if state.has("plant_anaphor", lead):
                # "The facility … employs 2,900 people, plus … at suppliers in Troup County":
                # the plant just named, not a town mentioned in passing
                return state.current_plant
        pool = strong or list(zip(sentence.refs, sentence.ref_ids, strict=True))
        # "The Changwon plant … has a capacity of 280,000 units, while the Bupyeong plant …":
        # not across a contrast to the plant of the other clause
        turn = _CONTRAST_TURN.search(sentence.text, max(0, pos - sentence.start))
        if turn is not None:
            cut = sentence.start + turn.start()
            before = [ri for ri in pool if ri[0].start < cut]
            pool = before or pool
        turns = list(_CONTRAST_TURN.finditer(sentence.text, 0, max(0, pos - sentence.start)))
        if turns:  # "…, while the Bupyeong plant has 11,000 workers": that plant's figure
            cut = sentence.start + turns[-1].start()
            after = [ri for ri in pool if ri[0].start >= cut]
            pool = after or pool
        return min(pool, key=lambda ri: abs(ri[0].start - pos))[1]
    return state.current_plant


_CONTRAST_TURN = re.compile(
    r",\s*(?:while|whereas|alors que|tandis que|während|wohingegen)\b", re.I
)


HEDGE_WINDOW = 50  # characters before a figure in which a hedge or former plan cancels it


def _blocked(
    state: ArticleState, text: str, start: int | None = None, end: int | None = None
) -> bool:
    """A hedge or a former plan in the sentence (or, given a figure's span, just before it)."""
    if start is not None:
        text = text[max(0, start - HEDGE_WINDOW) : (end or start) + 25]
    return bool(state.has("hedge", text) or state.has("former", text))


_PERCENT = re.compile(r"\s*(?:%|per ?cent\b|pour ?cent\b|prozent\b)", re.I)


def _is_year(text: str, count: Count) -> bool:
    """ "starting in 2024": a year written as a bare four-digit number."""
    raw = text[count.start : count.end]
    return 1900 <= count.value <= 2100 and raw.isdigit()


GROWTH_GAP = 90  # characters between a growth's "from N" and its "to M"


def _growth_start(state: ArticleState, text: str, start: int, end: int) -> bool:
    """The count at text[start:end] is the "from" of a growth ("de N à M", "from N to M",
    "von N auf M"): the figure the plant has now, the other one being the aim."""
    before = text[max(0, start - 30) : start]
    if not re.search(
        rf"(?<!\w)(?:{_body(state, 'growth_from')})\s+(?:[\w'’-]+\s+){{0,2}}$|(?<!\w)d['’]$",
        before,
        re.I,
    ):
        return False
    after = re.split(r"[.;!?]", text[end : end + GROWTH_GAP], maxsplit=1)[0]
    return bool(
        re.search(
            rf"(?<!\w)(?:{_body(state, 'growth_to')})\s+(?:\w+\s+){{0,2}}?(?:\d|une?\b|one\b|a\b|eine?\b)",
            after,
            re.I,
        )
    )


def _body(state: ArticleState, cls: str) -> str:
    return LEXICONS.get(state.lang, {}).get(cls) or r"(?!x)x"


_CAPACITY_NOUN = re.compile(
    r"(?:\w*kapazität\w*|capacity|capacité)\s+(?:[\w'’]+\s+){0,3}?"
    r"(?:of|de|d['’]|von|at|bei)\s*(?:[\w'’]+\s+){0,2}$",
    re.I,
)


def capacity_facts(state: ArticleState, sentence: Sentence) -> None:
    text = sentence.text
    growth = state.has("capacity_growth", text)
    if not state.has("capacity_cue", text) and not growth:
        return
    counts = find_counts(text)
    for i, count in enumerate(counts):
        if (
            count.value < MIN_CAPACITY
            or _is_year(text, count)
            or _PERCENT.match(text[count.end : count.end + 12])
            or _blocked(state, text, count.start, count.end)
        ):
            continue
        nxt = counts[i + 1].start if i + 1 < len(counts) else len(text)
        # "employs 3,000 people and can build 400,000 vehicles a year": the unit is the next one's
        after = text[count.end : min(count.end + 60, nxt)]
        before = text[max(0, count.start - 60) : count.start]
        yearly = state.has("per_year", after) or state.has("per_year", before[-25:])
        if not yearly and state.has("capacity_cue", before[-45:]):
            yearly = state.has("per_year", before[-45:])  # "an annual capacity of more than N"
        daily = state.has("per_day", after[:40])
        if daily and not (yearly and yearly.start() < daily.start() and yearly.string is after):
            continue  # "720 vehicles a day" is an output, not a capacity
        cue_before = state.has("capacity_cue", before) or (
            growth is not None
            and growth.start() < count.start
            and _growth_start(state, text, count.start, count.end)
        )
        unit = state.has("vehicle_unit", after[:45])
        if not unit and state.has("workforce_noun", after[:30]):
            continue  # "… a year at full rate and employs about 2,100 people": a workforce
        # a plant's capacity is yearly unless said otherwise: "Kapazität von 200.000", "an
        # installed capacity of 8.2 lakh units", "une capacité de 250 000 véhicules"
        capacity_noun = _CAPACITY_NOUN.search(before[-40:])
        if (
            not (yearly and (unit or cue_before))
            and not (cue_before and re.search(r"kapazität", before, re.I))
            and not (cue_before and capacity_noun and unit)
        ):
            continue
        if _REDUCTION.search(before) or state.has("former", before):
            continue
        abs_pos = sentence.start + count.start
        models = [m for m in sentence.of_kind("MODEL") if m.end <= abs_pos]
        plants_before = [r for r in sentence.refs if r.start < abs_pos] or state.has(
            "plant_noun", text[: count.start]
        )
        if models and not plants_before:
            continue
        if (
            models
            and sentence.refs
            and min(m.start for m in models) < min(r.start for r in sentence.refs)
            and not state.has("plant_noun", text[: models[0].start - sentence.start])
        ):
            continue
        plant = _plant(state, sentence, abs_pos)
        if plant is None:
            continue
        state.drafts.append(
            Draft(FactType.PLANT_CAPACITY, sentence.start, sentence.end, CAPACITY_CONFIDENCE,
                  plant, {"value": count.value, "unit": "vehicles/year"})
        )  # fmt: skip
        return


def _antecedent(state: ArticleState, text: str, count_start: int, count_end: int) -> bool:
    """A workforce noun this sentence (before the count) or the previous one names, that a
    pronoun before the count refers to ("des générations d'ouvriers. … ils n'étaient plus
    que 2 085", "they now number 1,200", "heute sind es noch 3.000")."""
    if re.match(r"\s*à\s+(?:avoir|être|\w+(?:er|ir|re))\b", text[count_end : count_end + 30], re.I):
        return False  # "ils sont 1 200 à avoir voté": how many of them did something
    lead = text[max(0, count_start - 80) : count_start]
    pronoun = re.search(rf"(?:{_body(state, 'workforce_pronoun')})\s*$", lead, re.I)
    if pronoun is None:
        return False
    if state.has(
        "workforce_noun",
        text[max(0, count_start - 300) : count_start - len(lead) + pronoun.start()],
    ):
        return True
    return state.workforce_sentence == state.sentence_no - 1


_ABOUT = (
    r"(?:about|around|some|nearly|almost|more than|over|roughly|environ|près de|quelque|"
    r"plus de|rund|etwa|knapp|über|mehr als|fast)"
)


_BARE_END = re.compile(
    r"^\s*(?:[,.;:)–—-]|(?:and|et|und|in|at|à|au|dans|im|am|across|sur|on|an)\b|$)", re.I
)


def _collective_before(state: ArticleState, text: str, count_start: int, count_end: int) -> bool:
    """ "a workforce of 4,500", "un effectif de 1 200", "eine Belegschaft von 7.000", and a
    bare count as the object of "employs" ("the plant employs 9,400 and builds …")."""
    lead = text[max(0, count_start - 50) : count_start]
    if re.search(
        rf"(?<!\w)(?:{_body(state, 'workforce_collective')})\s+(?:of|de|d['’]|von)\s+"
        rf"(?:{_ABOUT}\s+)?$",
        lead,
        re.I,
    ):
        return True
    return bool(
        re.search(
            rf"(?<!\w)(?:{_body(state, 'workforce_verb_before')})\s+(?:{_ABOUT}\s+)?$", lead, re.I
        )
        and _BARE_END.match(text[count_end : count_end + 12])
    )


_FEW_WORDS = re.compile(r"\s+(?:[a-zäöüéèàç-]+\s+){1,4}")
# after a figure, where the words stop being about it: a comma, or the next coordinated
# predicate ("3.300 Mitarbeiter und kann bis zu 350.000 Fahrzeuge …")
_RELATIVE_AFTER = re.compile(
    r"\s+[\w-]+(,\s+(?:die|der|das|which|that|who|qui|que)\s[^,.;]{0,60})", re.I
)
_NEXT_CLAUSE = re.compile(
    r"[,;]|\s(?:and|but|while|whereas|et|mais|tandis|und|aber|während)\s|$", re.I
)


def workforce_facts(state: ArticleState, sentence: Sentence) -> None:
    text = sentence.text
    try:
        _workforce(state, sentence)
    finally:
        if state.has("workforce_noun", text):
            # remembered on the article's state for the next sentence's pronoun; a field
            # of ArticleState would be the cleaner home for it
            state.workforce_sentence = state.sentence_no


def _workforce(state: ArticleState, sentence: Sentence) -> None:
    text = sentence.text
    for count in find_counts(text):
        if (
            count.value < MIN_WORKFORCE
            or count.value > MAX_WORKFORCE
            or _is_year(text, count)
            or _PERCENT.match(text[count.end : count.end + 12])
            or _blocked(state, text, count.start, count.end)
        ):
            continue
        after = text[count.end : count.end + 40]
        noun = state.has("workforce_noun", after[:25])
        if noun is None or noun.start() > 20:
            # "4,000 hourly and salaried workers": a few lower-case words before the noun
            far = state.has("workforce_noun", after[:45])
            if far is not None and _FEW_WORDS.fullmatch(after[: far.start()]):
                noun = far
        collective = _collective_before(state, text, count.start, count.end)
        if (
            (not noun or (noun.start() > 20 and not _FEW_WORDS.fullmatch(after[: noun.start()])))
            and not collective
            and not (
                not state.has("vehicle_unit", after[:20])
                and _antecedent(state, text, count.start, count.end)
            )
        ):
            continue
        window = text[max(0, count.start - 50) : count.end + 30]
        # what the next clause says is not about this figure ("… 12,000 people, and Tesla is
        # adding a second building")
        cut = _NEXT_CLAUSE.search(window, count.end - max(0, count.start - 50))
        window = window[: cut.start()] if cut else window
        relative = _RELATIVE_AFTER.match(text, count.end)
        if relative is not None:
            # "Für die 2.000 Stellen, die hier entstehen sollten": the clause is about the figure
            window += relative.group(1)
        if state.has("workforce_bad", window) or state.has("workforce_partners", after[:35]):
            continue
        if not collective and (
            _OF_TOTAL.match(text[max(0, count.start - 6) : count.start])
            or re.search(r"\b(?:des|of|der)\s*$", text[max(0, count.start - 5) : count.start])
        ):
            continue
        if _country_wide(sentence, count.end):
            continue
        plant = _plant(state, sentence, sentence.start + count.start)
        if plant is None:
            continue
        state.drafts.append(
            Draft(FactType.PLANT_WORKFORCE, sentence.start, sentence.end, WORKFORCE_CONFIDENCE,
                  plant, {"value": count.value})
        )  # fmt: skip
        return


def _country_wide(sentence: Sentence, end: int) -> bool:
    """ "Le groupe emploie environ 9 000 personnes au Japon", "employs 5,000 people in
    Germany": a headcount across a country, in a sentence that names no plant of its own."""
    at = sentence.start + end
    country = next(
        (m for m in sentence.mentions
         if m.kind == "PLACE" and m.place is not None and m.place.kind == "country"
         and not m.adjective and at <= m.start <= at + 30),
        None,
    )  # fmt: skip
    if country is None or not re.fullmatch(
        r"\s*[\w-]+(?:\s+[\w-]+)?\s+(?:au|aux|en|in|im|in der)\s+(?:the\s+)?",
        sentence.local(at, country.start),
    ):
        return False
    return not any(r.anchor in ("kb", "noun") for r in sentence.refs)


# a plant named by what it makes that is not a vehicle ("battery plant", "Engine
# Manufacturing Centre", "usine de batteries", "Motorenwerk")
_COMPONENT_PLANT = {
    "en": re.compile(
        r"\b(?:battery|batteries|cell|engine|engines|components?|parts|transmission|axle|"
        r"powertrain|e-motor|motor)\s+(?:manufacturing\s+|assembly\s+|production\s+)?"
        r"(?:plants?|factory|factories|facility|centre|center|complex|park|works|site)\b",
        re.I,
    ),
    "fr": re.compile(
        r"\b(?:usines?|sites?|unités?|fabriques?)\s+(?:de\s+|d')(?:batteries|cellules|moteurs|"
        r"composants|pièces|boîtes de vitesses|essieux)\b|\bgigafactory\s+de\s+batteries\b",
        re.I,
    ),
    "de": re.compile(
        r"\b(?:Batterie|Batteriezellen|Zellen|Zell|Motoren|Komponenten|Getriebe|Achsen|Teile)"
        r"(?:werke?s?|fabrik\w*)\b"
    ),
}


def _component_plant_near(lang: str, text: str, cue: re.Match[str]) -> bool:
    """A component plant is what the status cue is about: named within the cue's clause,
    60 characters either side, with no vehicle plant nearer."""
    found = _COMPONENT_PLANT.get(lang)
    if found is None:
        return False
    lo, hi = max(0, cue.start() - 60), min(len(text), cue.end() + 60)
    for m in found.finditer(text, lo, hi):
        between = text[min(m.end(), cue.start()) : max(m.start(), cue.end())]
        if not re.search(r"[.;]|\b(?:and|but|et|mais|und|aber)\b", between):
            return True
    return False


_STATUS_ORDER = (
    ("operating", PlantStatus.OPERATING),
    ("closing", PlantStatus.CLOSING),
    ("closed", PlantStatus.CLOSED),
    ("sold", PlantStatus.SOLD),
    ("plant_paused", PlantStatus.PAUSED),
    ("construction", PlantStatus.UNDER_CONSTRUCTION),
    ("plant_planned", PlantStatus.PLANNED),
    ("opened", PlantStatus.OPENED),
)


# statuses whose cue words have everyday senses ("closed", "opened", "groundbreaking"): the
# sentence must name a plant (a plant noun, an anaphor, a known plant), not just a city
_NAMED_PLANT_STATUSES = frozenset(
    {
        PlantStatus.OPENED,
        PlantStatus.CLOSED,
        PlantStatus.CLOSING,
        PlantStatus.SOLD,
        PlantStatus.UNDER_CONSTRUCTION,
        PlantStatus.PLANNED,
    }
)


_LINES = re.compile(r"\b(?:bänder|band|lignes|chaînes|chaines|lines|assembly lines?)\b", re.I)


def _names_a_plant(state: ArticleState, sentence: Sentence) -> bool:
    text = sentence.text
    return bool(
        state.has("plant_noun", text)
        or state.has("plant_anaphor", text)
        or any(r.anchor in ("kb", "noun", "near") for r in sentence.refs)
    )


def _segment_at(text: str, rel: int) -> str:
    starts = [m.end() for m in re.finditer(r"[,;:–—]", text[:rel])]
    end = re.search(r"[,;:–—]", text[rel:])
    return text[(starts[-1] if starts else 0) : rel + (end.start() if end else len(text))]


# statuses a denial right around them cancels ("will not close", "keine Schließung")
_DENIABLE = frozenset({PlantStatus.CLOSING, PlantStatus.CLOSED, PlantStatus.SOLD})
_PART_OF_PLANT = re.compile(
    r"^\W*(?:\w+\s+){0,2}?(?:(?:l['’])?extension|agrandissement|nouvel(?:le)?s? (?:ligne|atelier|hall|bâtiment)|"
    r"la ligne|une ligne|le bâtiment|l['’]atelier|"
    r"expansion|extension|new (?:line|hall|paint shop|body shop|building|wing)|the line|the building|"
    r"erweiterung|neue[nr]? (?:halle|linie|lackiererei)|die linie|das gebäude|die halle)\b",
    re.I,
)


_OPENING_NOUN = re.compile(
    r"mise en service|inaugur|ouverture|opening|eröffnung|inbetriebnahme", re.I
)
_PUT_OFF = re.compile(
    r"\b(?:prévue?s?|planned|scheduled|geplant|vorgesehen|repouss\w*|report[ée]\w*|décal[ée]\w*|"
    r"postponed|delayed|pushed back|verschoben)\b",
    re.I,
)
_PUT_OFF_TO = re.compile(
    r"\b(?:repouss[ée]e?s?|report[ée]e?s?|décal[ée]e?s?)\s+(?:à|au|en)\b|"
    r"\b(?:postponed|delayed|pushed back|put off)\s+(?:to|until|till)\b|\bverschoben\s+(?:auf|in)\b|"
    r"\bverschiebt sich (?:auf|in)\b",
    re.I,
)
_AFTER_PAUSES = re.compile(r"\b(?:après|after|following|nach)\s+(?:[\w'’-]+\s+){0,8}$", re.I)


# a verb of saying right before a date: the date it was said on
_ANNOUNCED = re.compile(
    r"\b(?:annoncé|indiqué|précisé|confirmé|expliqué|assuré|fait savoir|said|announced|told|"
    r"confirmed|teilte|teilten|kündigte|kündigten|sagte|erklärte|bestätigte|gab)\s+"
    r"(?:(?:on|le|am)\s+)?$",
    re.I,
)


def _status_date(sentence: Sentence, pos: int) -> FuzzyDate | None:
    """The date of a status cue: the first in its comma segment, else the nearest in the sentence.

    A cue named as the anchor of another event ("deux ans après la reprise de l'usine",
    "since the plant opened") takes only a date of its own segment: the sentence's other
    dates belong to that other event.
    """
    dates = [d for d in sentence.dates if d.bound != "until"] or list(sentence.dates)
    if not dates:
        return None
    text = sentence.text
    rel = pos - sentence.start
    seg_start = max([m.end() for m in re.finditer(r"[,;:–—]", text[:rel])] or [0]) + sentence.start
    nxt = re.search(r"[,;:–—]", text[rel:])
    seg_end = sentence.start + rel + (nxt.start() if nxt else len(text))
    inside = [d for d in dates if seg_start <= d.start < seg_end]
    # "a annoncé mercredi que … à partir du lundi 10 novembre": the day it was said is not
    # the day the status begins, when the segment gives another
    told = [d for d in inside if _ANNOUNCED.search(sentence.local(d.start - 40, d.start))]
    if len(told) < len(inside):
        inside = [d for d in inside if d not in told]
    if inside:
        return inside[0].date
    if ANCHORED_EVENT.search(text[max(0, rel - 40) : rel]):
        return None
    return min(dates, key=lambda d: abs(d.start - pos)).date


def _pauses_a_model(sentence: Sentence, cue: re.Match[str]) -> bool:
    """ "met à l'arrêt … la fabrication de la Fiat 500e": the model's production pauses, not the
    plant ("Orion would sit idle … rather than keep making the Bolt EV" is the plant)."""
    text = sentence.text
    works = re.search(
        r"\b(?:construction|work|works|travaux|chantier|bau\w*)\b",
        text[max(0, cue.start() - 40) : cue.start()],
        re.I,
    )
    if works:
        return False
    for m in sentence.mentions:
        rel = m.start - sentence.start
        if m.kind == "MODEL" and cue.end() <= rel <= cue.end() + 60:
            between = text[cue.end() : rel]
            return not re.search(
                r"rather than|instead of|plutôt que|au lieu de|statt|anstatt", between, re.I
            )
    return False


# production named as such, as a noun or a verb (not "läuft", which a model does too)
_MAKING = re.compile(
    r"\b(?:output|assembly|produc\w*|produi\w*|produzier\w*|Produktion|Fertigung|Montage)\b", re.I
)


def _model_runs(state: ArticleState, sentence: Sentence, cue: re.Match[str]) -> bool:
    """A model is the subject the cue follows, with no plant between them."""
    marks = list(re.finditer(r"[,;:–—]", sentence.text[: cue.start()]))
    lead = marks[-1].end() if marks else 0
    before = [m for m in sentence.mentions if lead <= m.start - sentence.start < cue.start()]
    return (
        bool(before)
        and before[-1].kind == "MODEL"
        and not state.has("plant_noun", sentence.text[lead : cue.start()])
    )


def status_facts(state: ArticleState, sentence: Sentence) -> None:
    text = sentence.text
    if state.has("hedge", text):
        return
    given: set[int | None] = set()  # the plants this sentence gave a status already
    for cls, class_status in _STATUS_ORDER:
        for cue in state.has_all(cls, text):
            _status_at(state, sentence, cue, class_status, given)


def _status_at(
    state: ArticleState,
    sentence: Sentence,
    cue: re.Match[str],
    status: PlantStatus,
    given: set[int | None],
) -> None:
    """The plant status one cue of the sentence tells, unless its plant has one already
    ("Le site d'Aguascalientes cessera sa production …, et l'usine de CIVAC fermera …")."""
    text = sentence.text
    if status == PlantStatus.SOLD and state.has("sold_bad", text):
        return
    if status == PlantStatus.SOLD:
        # the plant itself is what changes hands: "rachète l'usine", "transférant le site"
        obj = text[cue.end() : cue.end() + 45]
        later = [r for r in sentence.refs if 0 <= r.start - sentence.start - cue.end() <= 45]
        # or the object before the verb ("hat das Werk … verkauft", "l'usine a été cédée")
        segment = _segment_at(text, cue.start())
        before = segment[: max(0, segment.find(cue.group(0)))][-60:]
        if not (
            later
            or state.has("plant_noun", cue.group(0))  # "der Verkauf des Werks"
            or state.has("plant_noun", obj)
            or state.has("plant_anaphor", obj)
            or state.has("plant_noun", before)
            # German ends the clause on its participle: "hatte Nio die beiden Werke …, in
            # denen …, von JAC übernommen"
            or (state.lang == "de" and state.has("plant_noun", text[: cue.start()]))
        ):
            return
    if status == PlantStatus.PAUSED and _pauses_a_model(sentence, cue):
        return
    if status == PlantStatus.OPERATING and (
        _model_runs(state, sentence, cue)
        or not (_names_a_plant(state, sentence) or _LINES.search(text) or _MAKING.search(text))
    ):
        return  # "Der 911 läuft unterdessen normal weiter": the model, not the plant
    if _component_plant_near(state.lang, text, cue):
        return  # "whose second battery plant Ford has put on hold": no vehicle plant
    if status == PlantStatus.PAUSED and _AFTER_PAUSES.search(
        _segment_at(text, cue.start())[:200].split(cue.group(0))[0]
    ):
        return  # "une bonne nouvelle après deux années marquées par du chômage technique"

    if status in _NAMED_PLANT_STATUSES and not _names_a_plant(state, sentence):
        return  # "shares closed higher", "a groundbreaking study": no plant in sight
    if (
        status in (PlantStatus.PAUSED, PlantStatus.OPERATING)
        and not _names_a_plant(state, sentence)
        and not (state.has("produce", text) or _LINES.search(text))
    ):
        return  # "to pause or seek compromise": neither a plant nor its work
    if status == PlantStatus.OPENED and not (
        sentence.refs or state.has("plant_noun", text) or state.has("plant_anaphor", text)
    ):
        return
    if status == PlantStatus.OPENED and _PART_OF_PLANT.search(text[cue.end() : cue.end() + 50]):
        return  # "a inauguré l'extension de son usine": the plant opened long before
    if status == PlantStatus.UNDER_CONSTRUCTION and re.search(
        r"started building|began building", cue.group(0), re.I
    ):
        nxt = [m for m in sentence.mentions if m.start >= sentence.start + cue.end()]
        builds_plant = bool(nxt) and nxt[0].kind == "PLANT"
        noun = state.has("plant_noun", text[cue.end() : cue.end() + 30])
        if noun and nxt and nxt[0].kind == "MODEL":
            # "began building its new X at its plant": the model is the object
            noun = None if nxt[0].start - sentence.start < cue.end() + noun.start() else noun
        if not (builds_plant or noun):
            return  # "started building BrightDrop vans" is production, not construction
    segment = _segment_at(text, cue.start())
    if state.has("former", segment):
        return
    near = text[max(0, cue.start() - 30) : cue.end() + 25]
    if status in _DENIABLE and state.has("negation", near):
        return  # "Auch eine Schließung des Werks stehe nicht zur Debatte"
    if status == PlantStatus.OPERATING and state.has("future", segment):
        return  # "vom 12. Februar an soll sie wieder voll laufen": not yet
    if status == PlantStatus.CLOSED and state.has("status_future", segment):
        status = PlantStatus.CLOSING  # "soll Ende 2025 geschlossen werden": not yet
    if status == PlantStatus.OPENED and (
        state.has("status_future", segment)
        or (_OPENING_NOUN.search(cue.group(0)) and _PUT_OFF.search(text[cue.end() :]))
    ):
        # "das Ende 2025 eröffnet werden soll", "la mise en service …, prévue en 2028,
        # est désormais repoussée à 2030": not yet
        status = PlantStatus.PLANNED
    plant = _plant(state, sentence, sentence.start + cue.start())
    unplaced = plant is None and state.current_plant is None and not sentence.refs
    if plant is None and not (unplaced and state.has("plant_noun", text)):
        return
    if plant in given:
        return  # one status a plant a sentence: the first class's (closing > …)
    given.add(plant)
    when = _status_date(sentence, sentence.start + cue.start())
    put_off = _PUT_OFF_TO.search(text, cue.end())
    if put_off is not None:
        # "… est désormais repoussée à 2030": the new date, not the one it had
        new_dates = [
            d for d in sentence.dates if -4 <= d.start - sentence.start - put_off.end() <= 12
        ]
        when = new_dates[0].date if new_dates else when
    stale = (
        when is not None and state.published.start.year - when.end.year > STALE_CONSTRUCTION_YEARS
    )
    if status == PlantStatus.UNDER_CONSTRUCTION and stale:
        return
    if (
        when is None
        and status in (PlantStatus.PAUSED, PlantStatus.OPERATING)
        and _NOW.search(segment)
    ):
        # "construction is currently on hold": as of the article's month
        when = FuzzyDate.from_label(state.published.label[:7], state.published.text)
    fields: dict[str, Any] = {"status": status}
    if when is not None:
        fields["date"] = when
    draft = Draft(
        FactType.PLANT_STATUS, sentence.start, sentence.end, STATUS_CONFIDENCE, plant, fields
    )
    state.drafts.append(draft)
    for other in _coordinated(sentence, plant, cue):
        if other not in given:
            given.add(other)
            state.drafts.append(replace(draft, plant=other, fields=dict(fields)))
    if plant is None:
        # "BYD hat sein erstes Werk in Südamerika eröffnet. Die Fabrik in Camaçari …":
        # the plant the next sentence names (else the draft is dropped)
        state.unplaced.append(draft)
        state.unplaced_sentence = state.sentence_no


# what joins the plants of one list: "in Solihull and Halewood in England, and in Nitra"
_LIST_GAP = re.compile(
    r"(?:\s+(?:in|en|au|im)\s+[A-Z][\w-]+)?"  # "… and Ghent in Europe, and in Ridgeville"
    r"\s*(?:,\s*|\s(?:and|et|und|sowie|ainsi que|as well as|or|ou|oder)\s+|,\s*(?:and|et|und|"
    r"sowie|ainsi que|or|ou|oder)\s+)(?:(?:in|at|à|en|au|de|d'|bei|von|im|in der)\s+)?"
    r"(?:(?:celui|celle|that|the one|dem|jenem)\s+(?:de|d'|in|of|at)\s+)?"
)


def _coordinated(sentence: Sentence, plant: int | None, cue: re.Match[str]) -> list[int]:
    """The other plants listed with `plant` on the cue's side of the sentence ("its plants in
    Solihull and Halewood …, and in Nitra, Slovakia, have built no cars")."""
    if plant is None or len(sentence.refs) < 2:
        return []
    pairs = sorted(zip(sentence.refs, sentence.ref_ids, strict=True), key=lambda ri: ri[0].start)
    at = [k for k, (_r, i) in enumerate(pairs) if i == plant]
    if not at:
        return []
    cue_at = sentence.start + cue.start()
    lo = hi = at[0]
    while lo > 0 and _LIST_GAP.fullmatch(sentence.local(pairs[lo - 1][0].end, pairs[lo][0].start)):
        lo -= 1
    while hi + 1 < len(pairs) and _LIST_GAP.fullmatch(
        sentence.local(pairs[hi][0].end, pairs[hi + 1][0].start)
    ):
        hi += 1
    listed = pairs[lo : hi + 1]
    # the whole list on one side of its cue
    if not (all(r.end <= cue_at for r, _ in listed) or all(r.start >= cue_at for r, _ in listed)):
        return []
    return [i for _r, i in listed if i != plant]


def _hedged(state: ArticleState, text: str) -> bool:
    """A hedge, but for a word that only points back to the source just named ("BYD
    investiert demnach …" after "teilte das Ministerium mit")."""
    return any(not state.has("hedge_sourced", m.group(0)) for m in state.has_all("hedge", text))


def _programme_total(state: ArticleState, text: str, amount: Amount) -> bool:
    """ "sur les 10 milliards d'euros du plan …", "out of its $10 billion": the total of a
    programme that a share is taken from, not what one plant gets."""
    before = re.search(
        rf"(?:{_body(state, 'invest_total_before')})\s*$", text[: amount.start], re.I
    )
    after = re.match(
        rf"\s*(?:«\s*)?(?:{_body(state, 'invest_total_after')})\b", text[amount.end :], re.I
    )
    return bool(before or after)


_CONVERTED = re.compile(
    r"\b(?:umgerechnet|soit|soit environ|l'équivalent de|equivalent to|the equivalent of|"
    r"or about|or around|roughly equal to)\s+(?:\S+\s+){0,2}$",
    re.I,
)


def investment_facts(state: ArticleState, sentence: Sentence) -> None:
    text = sentence.text
    if not state.has("invest_cue", text):
        return
    amounts = [a for a in find_amounts(text) if a.value >= MIN_INVESTMENT]
    chosen: list[Amount] = []
    for i, amount in enumerate(amounts):
        if (
            i
            and text[amounts[i - 1].end : amount.start].strip().startswith("(")
            and chosen
            and chosen[-1] is amounts[i - 1]
        ):
            if (
                amounts[i - 1].currency in OBSOLETE_CURRENCIES
                and amount.currency not in OBSOLETE_CURRENCIES
            ):
                chosen[-1] = amount
            continue
        window = text[max(0, amount.start - 45) : amount.end + 45]
        if chosen and _CONVERTED.search(text[max(0, amount.start - 30) : amount.start]):
            continue  # "5,5 Mrd. Real, umgerechnet knapp 900 Mio. Euro": the same sum again
        if (
            state.has("invest_bad", window)
            or _hedged(state, text[max(0, amount.start - 50) : amount.end + 30])
            or _programme_total(state, text, amount)
        ):
            continue
        if amount.currency in OBSOLETE_CURRENCIES:
            chosen.append(amount)
            continue
        chosen.append(amount)
    for amount in chosen:
        if amount.currency in OBSOLETE_CURRENCIES:
            continue
        plant = _plant(state, sentence, sentence.start + amount.start)
        if plant is None:
            continue
        operator = state.registry.plants[plant].operator or state.main_company
        state.drafts.append(
            Draft(FactType.INVESTMENT, sentence.start, sentence.end, INVESTMENT_CONFIDENCE, plant,
                  {"value": amount.value, "currency": amount.currency, "company": operator})
        )  # fmt: skip
        return
