"""Executives and agreements.

Executives: an executive title (PDG, directeur général, CEO, chief executive,
Vorstandschef, Markenchef → CEO; président/chair → Chairman when the article names
another CEO of that company, else CEO; directeur d'usine / plant manager / Werkleiter
→ plant manager; Produktionsvorstand → board member for production) next to a person
("Stéphane Deblaise, CEO de RKM", "Polestar CEO Thomas Ingenlath", "le directeur
général de Renault, Luca de Meo", "CEO Mary Barra"). The company is the one named
with the title, else the article's main company. Politicians, union officers and
spokespeople are not executives.

Agreements: an agreement word (accord signé, contrat, joint venture, fondée par,
droits exclusifs, Vereinbarung, beigelegt, partner for …) with at least two companies
in the sentence; talks, negotiations and hedges are not agreements. The date is the
sentence's date, else the published date.
"""

from __future__ import annotations

import re

from extractors.rules.context import ArticleState, Draft, Sentence
from extractors.rules.mentions import Mention
from factwatch.model import FactType, fold

__all__ = ["agreement_facts", "executive_facts", "finish_roles"]

EXECUTIVE_CONFIDENCE = 0.8
AGREEMENT_CONFIDENCE = 0.7
_NAME = re.compile(
    r"(?:[A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-öø-ÿ]+)?|(?:[A-Z]\.?){2}(?=\s+[A-Z][a-z]))"
    r"(?:\s+(?:(?:de|di|da|van|von|der|le|la|du)\s+)?[A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ'’]+(?:-[A-Za-zà-ÿ]+)?){0,2}"
)
_STOP_NAMES = frozenset(
    [
        "The",
        "Le",
        "La",
        "Les",
        "Der",
        "Die",
        "Das",
        "Ein",
        "Eine",
        "Un",
        "Une",
        "A",
        "An",
        "In",
        "At",
        "On",
        "Mr",
        "Mrs",
        "Ms",
        "Herr",
        "Frau",
        "Monsieur",
        "Madame",
        "Chief",
        "Executive",
        "Officer",
        "President",
        "Präsident",
        "Président",
        "Chairman",
        "CEO",
        "Chef",
        "Its",
        "His",
        "Her",
        "Their",
        "Said",
        "Says",
        "According",
        "Director",
        "Directeur",
        "Head",
        "Group",
        "Kia",
        "Ford",
    ]
)
_GERMAN_NOUN = re.compile(r"(?:ungen|ung|heit|keit|ionen|ion|ten|en|schaft|nis|tät)$")
ROLE_NAMES = {
    "ceo": "CEO",
    "chairman": "Chairman",
    "plant_manager": "plant manager",
}
_OTHER_ROLES = {
    "produktionsvorstand": "board member for production",
    "board member for production": "board member for production",
    "finanzvorstand": "CFO",
    "chief financial officer": "CFO",
    "cfo": "CFO",
    "chief operating officer": "COO",
    "coo": "COO",
    "directeur mondial de la qualite": "global quality director",
    "directeur financier": "CFO",
}


def _person_near(
    state: ArticleState, sentence: Sentence, start: int, end: int
) -> tuple[str, int, int] | None:
    """A person right before (", TITLE") or right after the title span (article offsets)."""
    persons = sentence.of_kind("PERSON")
    text = sentence.text
    rel_s, rel_e = start - sentence.start, end - sentence.start
    for p in persons:  # "John Elkann, président de Stellantis, Antonio Filosa, …": the appositive
        if p.end - sentence.start <= rel_s and re.fullmatch(
            r"\s*,\s*", text[p.end - sentence.start : rel_s]
        ):
            return p.name, p.start, p.end
    after = text[rel_e : rel_e + 80]
    m = re.match(
        r"\s*(?:,\s*)?(?:(?:\w+\s+)?(?:de |d'|of |bei |von |chez |at )[^,]{1,60},\s*)?", after
    )
    cand_pos = rel_e + (m.end() if m else 0)
    for p in persons:
        if p.start - sentence.start == cand_pos or 0 <= p.start - sentence.start - rel_e <= 2:
            return p.name, p.start, p.end
    name = _NAME.match(text[cand_pos:])
    if (
        name
        and state.lang == "de"
        and " " not in name.group(0)
        and _GERMAN_NOUN.search(name.group(0))
    ):
        name = None  # "an der Konzernspitze Kurskorrekturen": a capitalised noun, not a surname
    if (
        name
        and name.group(0).split()[0] not in _STOP_NAMES
        and _is_person(state, sentence, cand_pos, name.group(0))
    ):
        return (
            name.group(0),
            sentence.start + cand_pos,
            sentence.start + cand_pos + len(name.group(0)),
        )
    before = text[max(0, rel_s - 60) : rel_s]
    m2 = re.search(
        r"(" + _NAME.pattern + r")\s*,\s*(?:(?:le|la|the|der|die|l')\s+)?(?:[\w'’]+\s+){0,2}$",
        before,
    )
    title = text[rel_s:rel_e]
    loose = bool(re.match(r"(?:an|à|at|in)\b", title, re.I))  # "Oliver Blume an der Konzernspitze"
    for p in persons:
        gap = text[p.end - sentence.start : rel_s]
        if p.end - sentence.start <= rel_s and (
            re.fullmatch(r"\s*,\s*(?:(?:le|la|the|der|die|l')\s*)?(?:[\w-]+\s+){0,2}", gap)
            or (loose and re.fullmatch(r"\s+", gap))
        ):
            return p.name, p.start, p.end
    if loose:
        m3 = re.search("(" + _NAME.pattern + r")\s+$", before)
        if m3 and m3.group(1).split()[0] not in _STOP_NAMES and len(m3.group(1).split()) >= 2:
            s = rel_s - len(before) + m3.start(1)
            if _is_person(state, sentence, s, m3.group(1)):
                return m3.group(1), sentence.start + s, sentence.start + s + len(m3.group(1))
        return None
    if m2 and m2.group(1).split()[0] not in _STOP_NAMES:
        s = rel_s - len(before) + m2.start(1)
        if _is_person(state, sentence, s, m2.group(1)):
            return m2.group(1), sentence.start + s, sentence.start + s + len(m2.group(1))
    return None


def _is_person(state: ArticleState, sentence: Sentence, rel: int, name: str) -> bool:
    start = sentence.start + rel
    end = start + len(name)
    for m in sentence.mentions:
        if m.start < end and start < m.end and m.kind != "PERSON":
            if m.kind == "PLACE" and start <= m.start and m.end < end:
                continue  # a first name that is also a place ("Milan", "Florence") + surname
            return False
    words = name.split()
    if len(words) == 1 and len(name) < 3:
        return False
    return not state.kb.company(name) and not state.kb.place(name)


def _company_near(state: ArticleState, sentence: Sentence, start: int, end: int) -> str | None:
    text = sentence.text
    rel_s, rel_e = start - sentence.start, end - sentence.start
    companies = sentence.of_kind("COMPANY")
    for c in companies:
        gap = text[rel_e : c.start - sentence.start]
        if c.start >= end and re.fullmatch(
            r"\s*(?:\w+\s+)?(?:de|du|d'|of|at|chez|bei|von|der|des|du groupe|de la marque|d’)\s*(?:l'|la |le |the )?",
            gap,
            re.I,
        ):
            return c.name
    for c in reversed(companies):
        gap = text[c.end - sentence.start : rel_s]
        if c.end <= start and re.fullmatch(r"(?:'s|’s)?\s*(?:-|\s)?\s*(?:\w+\s+)?", gap):
            return c.name
    return None


def _role(state: ArticleState, title: str, cls: str) -> str:
    if cls in ROLE_NAMES:
        return ROLE_NAMES[cls]
    key = fold(title)
    for k, v in _OTHER_ROLES.items():
        if key.startswith(k):
            return v
    return key


def executive_facts(state: ArticleState, sentence: Sentence) -> None:
    text = sentence.text
    seen: set[str] = set()
    for cls in ("plant_manager", "other_role", "ceo", "chairman"):
        for cue in state.has_all(cls, text):
            s, e = sentence.start + cue.start(), sentence.start + cue.end()
            ctx = text[max(0, cue.start() - 15) : cue.end() + 20]
            if state.has("not_exec", ctx):
                continue
            if any(s < d.end and d.start < e for d in state.role_spans):
                continue
            person = _person_near(state, sentence, s, e)
            if person is None:
                continue
            name, _ps, pe = person
            if fold(name) in seen or re.match(
                r"\s*\(\s*†", text[pe - sentence.start : pe - sentence.start + 6]
            ):
                continue  # "Ferdinand Piëch (†82)": a past executive
            company = _company_near(state, sentence, s, e) or state.main_company
            if company is None:
                continue
            seen.add(fold(name))
            state.role_spans.append(_Span(s, e))
            role = _role(state, cue.group(0), cls)
            if cls == "chairman" and re.search(
                r"\bceo\b|directeur|chief exec", text[cue.start() : cue.end() + 12], re.I
            ):
                role = "CEO"
            draft = Draft(FactType.EXECUTIVE, sentence.start, sentence.end, EXECUTIVE_CONFIDENCE,
                          None, {"company": company, "role": role, "person": name, "title": cue.group(0)})  # fmt: skip
            state.drafts.append(draft)


class _Span:
    __slots__ = ("end", "start")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


def finish_roles(state: ArticleState) -> None:
    """président → Chairman when the article names another CEO of the same company, else CEO."""
    execs = [d for d in state.drafts if d.type == FactType.EXECUTIVE]
    for d in execs:
        if d.fields["role"] != "Chairman" or re.search(
            r"chair|aufsicht|conseil", d.fields.get("title", ""), re.I
        ):
            continue
        others = [
            o for o in execs
            if o is not d and o.fields["role"] == "CEO" and fold(o.fields["company"]) == fold(d.fields["company"])
        ]  # fmt: skip
        if not others:
            d.fields["role"] = "CEO"
    for d in execs:
        d.fields.pop("title", None)


def _parties(sentence: Sentence, state: ArticleState) -> list[Mention]:
    out: list[Mention] = []
    models = sentence.of_kind("MODEL")
    for c in sentence.of_kind("COMPANY"):
        if any(m.start <= c.start < m.end for m in models):
            continue
        if False:
            continue
        if all(fold(c.name) != fold(o.name) for o in out):
            out.append(c)
    return out


def agreement_facts(state: ArticleState, sentence: Sentence) -> None:
    text = sentence.text
    cue = state.has("agreement", text)
    if not cue or state.has("agreement_bad", text) or state.has("hedge", text):
        return
    parties = _parties(sentence, state)
    if len(parties) < 2:
        return
    dates = sentence.dates
    when = dates[0].date if dates else state.published
    subject = text[cue.start() : cue.start() + 120].split(".")[0].strip()
    state.drafts.append(
        Draft(FactType.AGREEMENT, sentence.start, sentence.end, AGREEMENT_CONFIDENCE, None,
              {"parties": tuple(p.name for p in parties), "subject": subject, "date": when})
    )  # fmt: skip
