"""Executives and agreements.

Executives: an executive title next to a person ("Stéphane Deblaise, CEO de RKM",
"Polestar CEO Thomas Ingenlath", "le directeur général de Renault, Luca de Meo", "CEO
Mary Barra"), its role normalised into English:
- PDG, directeur général, CEO, chief executive, managing director, Vorstandschef,
  Markenchef, "Audi-Chef" → CEO; directeur général délégué/adjoint → deputy CEO;
- président / president / chair → Chairman when the article names another CEO of that
  company, else CEO (the head of a subsidiary); Aufsichtsratschef → Chairman;
- directeur/patron de l'usine, du site, plant manager/director, general manager of the
  plant, Werkleiter, Leiter des Werks → plant manager, even as the second of two titles
  ("président d'Ineos SAS et directeur de l'usine"); its company is the plant's operator;
- other French titles translated word by word ("directeur mondial de la qualité" →
  "global quality director", "directrice industrielle … pour la France" → "industrial
  director for France", "responsable des achats" → "head of purchasing"), German
  compounds likewise ("Produktionsvorstand" → "board member for production",
  "Entwicklungschef" → "head of development", "Finanzvorstand" → CFO), English ones
  kept as written in lower case ("vice president of manufacturing in Europe").
The company is the one named with the title (a subsidiary named as its plant, an
unknown company named with a full title as written), else the article's main company
(which takes the group named with another executive when it is one of its brands),
else the operator of the sentence's plant. Weak titles (president, head, boss, chief)
need their company named; the head of a division is not its company's CEO.
Politicians, union officers and spokespeople are not executives.

Agreements: an agreement word (accord signé, contrat, joint venture, fondée par,
droits exclusifs, Vereinbarung, beigelegt, partner for …) with at least two companies
in the sentence; talks, negotiations and hedges are not agreements. The date is the
sentence's date, else the published date.
"""

from __future__ import annotations

import re

from extractors.lexicon import LEXICONS
from extractors.rules.context import ANCHORED_EVENT, ArticleState, Draft, Sentence
from extractors.rules.knowledge import Knowledge, knowledge
from extractors.rules.mentions import CALENDAR_WORDS, Mention
from factwatch.model import FactType, fold

__all__ = [
    "agreement_facts",
    "defined_acronyms",
    "english_role",
    "executive_facts",
    "finish_roles",
    "french_title",
    "german_title",
]

EXECUTIVE_CONFIDENCE = 0.8
AGREEMENT_CONFIDENCE = 0.7
# letters of names: Latin-1 and Latin Extended-A ("Nedeljković", "Łukasz", "Dvořák")
_UP = "A-ZÀ-ÖØ-Ý\u0100-\u017e"
_LOW = "a-zß-öø-ÿ\u0100-\u017f"
_NAME = re.compile(
    rf"(?:[{_UP}][{_LOW}'’]+(?:-[{_UP}{_LOW[:3]}][{_LOW}]+)?|(?:[A-Z]\.?){{2}}(?=\s+[A-Z][a-z]))"
    rf"(?:\s+(?:(?:de|di|da|van|von|der|le|la|du)\s+)?[{_UP}][{_LOW}'’]+(?:-[A-Za-z{_LOW}]+)?){{0,2}}"
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
    "finance chief": "CFO",
    "cfo": "CFO",
    "chief operating officer": "COO",
    "coo": "COO",
    "chief technology officer": "CTO",
    "chief technical officer": "CTO",
    "cto": "CTO",
}
# Role words in French and German titles, folded, with their English form: a title is
# translated word by word ("directeur mondial de la qualité" → "global quality director").
_SCOPES = {
    "mondial": "global", "mondiale": "global", "international": "international",
    "internationale": "international", "europeen": "European", "europeenne": "European",
    "regional": "regional", "regionale": "regional", "executif": "executive",
    "executive": "executive", "adjoint": "deputy", "adjointe": "deputy",
    "delegue": "deputy", "deleguee": "deputy", "senior": "senior",
}  # fmt: skip
_FUNCTIONS = {
    "industriel": "industrial", "industrielle": "industrial", "technique": "technical",
    "commercial": "sales", "commerciale": "sales", "financier": "finance",
    "financiere": "finance", "finances": "finance", "juridique": "legal",
    "informatique": "IT", "numerique": "digital", "logistique": "logistics",
    "marketing": "marketing", "qualite": "quality", "production": "production",
    "fabrication": "manufacturing", "design": "design", "style": "design",
    "achats": "purchasing", "ventes": "sales", "communication": "communications",
    "ressources humaines": "human resources", "rh": "HR", "ingenierie": "engineering",
    "strategie": "strategy", "operations": "operations", "produit": "product",
    "produits": "product", "developpement": "development", "innovation": "innovation",
    "electrification": "electrification", "programme": "programme",
    "programmes": "programme", "technologie": "technology", "technologies": "technology",
    "logiciel": "software", "batteries": "battery", "exportation": "export",
    "export": "export", "affaires publiques": "public affairs",
    "recherche et developpement": "R&D", "r&d": "R&D", "industrie": "industrial",
    "industriels": "industrial", "industrielles": "industrial", "operationnel": "operations",
    "achat": "purchasing", "techniques": "technical", "commerciales": "sales",
    "marque": "brand", "projet": "project", "communications": "communications",
    "securite": "safety", "environnement": "environment", "performance": "performance",
    "digital": "digital",
    # German compound heads ("Produktions|vorstand", "Entwicklungs|chef")
    "produktion": "production", "fertigung": "manufacturing", "entwicklung": "development",
    "vertrieb": "sales", "einkauf": "purchasing", "beschaffung": "purchasing",
    "personal": "human resources", "technik": "technology", "qualitat": "quality",
    "logistik": "logistics", "finanz": "finance", "finanzen": "finance",
    "kommunikation": "communications", "software": "software",
    "montage": "assembly",
}  # fmt: skip
_CFO_FUNCTIONS = frozenset({"finance"})
_FR_ADJECTIVES = frozenset(
    k
    for k in _FUNCTIONS
    if re.search(r"(?:el|elle|els|elles|ique|iques|al|ale|aux|ales|ier|iere)$", k)
)
_FR_HEADS = re.compile(
    r"(?P<head>directeur|directrice|responsable|vice[- ]pr[ée]sident(?:e)?)\b", re.I
)
_FR_LINK = re.compile(
    r"\s+(?:de la|de l['’]|du|des|de|en charge d[eu'’]\s*(?:la\s+)?|chargée? d[eu'’]\s*(?:la\s+)?)\s*",
    re.I,
)
_FR_PLACE = re.compile(
    r"\s+(?P<prep>pour|en|au|aux)\s+(?:la |le |l['’]|les )?(?P<place>[A-ZÀ-Ý][\w-]+(?: [A-ZÀ-Ý][\w-]+)?)"
)
_DE_COMPOUND = re.compile(
    r"(?P<func>[A-Za-zÄÖÜäöüß]+?)(?:s|-)?(?P<head>vorstand|chef|leiter|leiterin|chefin)\w*$", re.I
)
_DE_HEADS = {"vorstand": "board member for {}", "chef": "head of {}", "chefin": "head of {}",
             "leiter": "head of {}", "leiterin": "head of {}"}  # fmt: skip


_HEAD_OF_PART = re.compile(
    r"\s+(?:of|de|du|de la|des|von|der|des)\s+[^,;.]{0,45}?\b(?:operations|division|unit|business|"
    r"region|segment|activities|arm|subsidiary|opérations|division|activités|filiale|branche|"
    r"sparte|tochter\w*|geschäft\w*)\b",
    re.I,
)


def _function(words: str) -> str | None:
    key = fold(words).replace("-", " ")
    return _FUNCTIONS.get(key)


def french_title(text: str, *, kb: Knowledge | None = None) -> tuple[str, int] | None:
    """A French management title at the start of `text`, in English, and its length.

    "directeur mondial de la qualité" → "global quality director";
    "directrice industrielle de Stellantis pour la France" → "industrial director for
    France" (the company between is left to the caller); "responsable de la production"
    → "head of production"; a bare "directeur" or a CEO/plant title gives None.
    """
    head = _FR_HEADS.match(text)
    if head is None:
        return None
    kind = fold(head.group("head"))
    pos = head.end()
    scopes: list[str] = []
    functions: list[str] = []
    noun_seen = False
    end = pos
    while True:
        word = re.match(
            r"\s+([\w&'’-]+(?:\s+(?:humaines|et d[ée]veloppement|publiques))?)", text[pos:]
        )
        if word and (fold(word.group(1)) in _SCOPES or _function(word.group(1))):
            key = fold(word.group(1))
            if key in _SCOPES:
                scopes.append(_SCOPES[key])
            elif functions and noun_seen and key in _FR_ADJECTIVES:
                # "des opérations industrielles": the adjective goes before the noun
                functions.insert(len(functions) - 1, _function(word.group(1)) or "")
            else:
                functions.append(_function(word.group(1)) or "")
            pos += word.end()
            end = pos
            continue
        link = _FR_LINK.match(text[pos:])
        if link and not functions:
            word = re.match(
                r"([\w&'’-]+(?:\s+(?:humaines|et d[ée]veloppement|publiques))?)",
                text[pos + link.end() :],
            )
            if word and _function(word.group(1)):
                noun_seen = True
                functions.append(_function(word.group(1)) or "")
                pos += link.end() + word.end()
                end = pos
                continue
        break
    if not functions and not scopes:
        return None
    if "general" in fold(text[head.end() : head.end() + 10]):
        return None  # "directeur général": the CEO class says so
    place = None
    tail = text[end : end + 60]
    company = re.match(
        r"\s+(?:de|du|d['’]|chez)\s*(?:la |le |l['’])?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}", tail
    )
    after = tail[company.end() :] if company else tail
    pm = _FR_PLACE.match(after)
    if pm:
        info = (kb or knowledge()).place(pm.group("place"))
        if info is not None and info.kind in ("country", "region", "market"):
            prep = "for" if fold(pm.group("prep")) == "pour" else "in"
            place = f"{prep} {info.name}"
    deputy = [s for s in scopes if s == "deputy"]
    others = [s for s in scopes if s != "deputy"]
    if kind == "responsable":
        if not functions:
            return None
        role = "head of " + " and ".join(functions)
    elif kind.startswith("vice"):
        role = " ".join([*others, "vice president"])
        if functions:
            role += " of " + " and ".join(functions)
    else:
        if set(functions) <= _CFO_FUNCTIONS and functions and not others:
            return "CFO", end
        role = " ".join([*deputy, *others, *functions, "director"])
    if place:
        role += " " + place
    return role, end


def german_title(word: str) -> str | None:
    """ "Produktionsvorstand" → "board member for production", "Entwicklungschef" → "head
    of development", "Finanzvorstand" → "CFO"; None for other compounds ("Konzernchef")."""
    head, _, last = word.rpartition("-")
    if (
        head
        and fold(last) == "vorstand"
        and head[:1].isupper()
        and "-" not in head
        and knowledge().company(head) is None  # "VW-Vorstand": the company's board
    ):
        # "China-Vorstand", "Produktions-Vorstand": the board member for it
        return f"board member for {_function(head) or _function(head.rstrip('s')) or head}"
    m = _DE_COMPOUND.match(word.rsplit("-", 1)[-1])  # "BMW-Entwicklungschef"
    if m is None:
        return None
    func = _function(m.group("func")) or _function(m.group("func").rstrip("s"))
    if func is None:
        return None
    if func in _CFO_FUNCTIONS:
        return "CFO"
    return _DE_HEADS[fold(m.group("head"))].format(func)


_POSSESSIVE_GAP = re.compile(r"\s*,\s*[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2}(?:'s|’s)\s+")


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
    for p in persons:  # "said Tamika Brooks, Jefferson's plant manager": a possessive between
        if p.end - sentence.start <= rel_s and _POSSESSIVE_GAP.fullmatch(
            text[p.end - sentence.start : rel_s]
        ):
            return p.name, p.start, p.end
    after = text[rel_e : rel_e + 80]
    m = re.match(
        r"\s*(?:,\s*)?(?:(?:\w+\s+)?(?:de |d'|du |des |of |bei |von |chez |at )[^,]{1,60},\s*)?",
        after,
    )
    cand_pos = rel_e + (m.end() if m else 0)
    named = re.match(r"\s+([^,;.()]{2,40}?),\s*", after)
    if (
        (not m or not m.group(0).strip(" ,"))
        and named
        and _named_thing(state, sentence, rel_e + named.start(1), rel_e + named.end(1))
    ):
        cand_pos = rel_e + named.end()  # "Der Chef des Werks Sindelfingen, Michael Bauer"
    for p in persons:
        if p.start - sentence.start == cand_pos or 0 <= p.start - sentence.start - rel_e <= 2:
            return p.name, p.start, p.end
    name = _NAME.match(text[cand_pos:])
    if name and re.match(r"[\w’'-]", text[cand_pos + name.end() : cand_pos + name.end() + 1]):
        name = None  # "GateHouse": part of a longer word, not a name
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
        r"(" + _NAME.pattern + r")\s*,\s*(?:(?:le|la|the|der|die|l')\s+)?(?:[\w'’]+\s+){0,2}$"
        r"|(" + _NAME.pattern + r")\s*,\s*(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*['’]s?\s+$",
        before,
    )
    title = text[rel_s:rel_e]
    loose = bool(re.match(r"(?:an|à|at|in)\b", title, re.I))  # "Oliver Blume an der Konzernspitze"
    for p in persons:
        gap = text[p.end - sentence.start : rel_s]
        if p.end - sentence.start <= rel_s and (
            re.fullmatch(r"\s*,\s*(?:(?:le|la|the|der|die|l')\s*)?(?:[\w-]+\s+){0,2}", gap)
            # "José Muñoz, Hyundai Motor Company's president and CEO"
            or re.fullmatch(
                r"\s*,\s*(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*['’]s?\s+(?:[\w-]+\s+){0,2}", gap
            )
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
    g2 = 1 if m2 is None or m2.group(1) else 2  # the plain apposition, or a possessive's
    if m2 and m2.group(g2) and m2.group(g2).split()[0] not in _STOP_NAMES:
        s = rel_s - len(before) + m2.start(g2)
        if _is_person(state, sentence, s, m2.group(g2)):
            return m2.group(g2), sentence.start + s, sentence.start + s + len(m2.group(g2))
    # "Dana Whitfield became president of …", "… has named Ricardo Hernandez as its new
    # president", "X a été nommé directeur général de …"
    m4 = None
    if _BECAME_END.search(before):
        m4 = _BECAME_TITLE.search(before)
    elif _NAMED.search(before):
        m4 = _NAMED_AS.search(before)
    if m4 and m4.group(1).split()[0] not in _STOP_NAMES:
        s = rel_s - len(before) + m4.start(1)
        if _is_person(state, sentence, s, m4.group(1)):
            return m4.group(1), sentence.start + s, sentence.start + s + len(m4.group(1))
    return None


_BECAME = re.compile(
    r"(?:became|becomes|has become|was named|was appointed|has been named|has been appointed|"
    r"took over as|takes over as|will become|devient|est devenue?|a été nommée?|sera|"
    r"wurde zum|wurde zur|wird zum|wird zur|ist neue[rn]?)\s+"
    r"(?:the\s+|its\s+|le\s+|la\s+)?(?:new\s+|nouveau\s+|nouvelle\s+|neue[rn]?\s+)?"
    r"(?:(?-i:[A-Z][\w&.-]*)\s+){0,2}"  # "who became Stellantis CEO"
)
_NAMED = re.compile(
    r"\b(?:has named|named|has appointed|appointed|a nommé|ernannt)\s+"
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|on \w+day|\w+day)\s+)?"
)
_BECAME_END = re.compile(_BECAME.pattern + r"$")
_BECAME_TITLE = re.compile(
    r"(" + _NAME.pattern + r")(?:\s*,\s*(?:who|qui|der|die))?\s+" + _BECAME.pattern + r"$"
)
_NAMED_AS = re.compile(
    _NAMED.pattern + r"(" + _NAME.pattern + r")\s+(?:as\s+|au poste de\s+|comme\s+)?"
    r"(?:its\s+|the\s+)?(?:new\s+)?$"
)


def _named_thing(state: ArticleState, sentence: Sentence, rel_s: int, rel_e: int) -> bool:
    """The text between sentence offsets is a place, plant or company the title names,
    after function words or a plant noun only ("des Werks Sindelfingen", "of the Kentucky
    plant"), not a clause ("Jan Keller said BMW's plant in Debrecen")."""
    start, end = sentence.start + rel_s, sentence.start + rel_e
    for m in sentence.mentions:
        if m.kind in ("PLACE", "PLANT", "COMPANY") and start <= m.start and m.end == end:
            lead = sentence.text[rel_s : m.start - sentence.start].split()
            return all(w[:1].islower() or state.has("plant_noun", w) for w in lead)
    return False


def _is_person(state: ArticleState, sentence: Sentence, rel: int, name: str) -> bool:
    start = sentence.start + rel
    end = start + len(name)
    for m in sentence.mentions:
        if m.start < end and start < m.end and m.kind != "PERSON":
            if m.kind == "PLACE" and start <= m.start and m.end < end:
                continue  # a first name that is also a place ("Milan", "Florence") + surname
            if (
                m.kind == "PLACE"
                and start < m.start
                and m.end == end
                and not any(o.start < m.start and start < o.end for o in sentence.mentions)
            ):
                continue  # a surname that is also a town ("Pierre Laval", "Anna Wolfsburg")
            if m.kind == "COMPANY" and start < m.start and m.end <= end:
                continue  # "He Xiaopeng", "Li Xiang": a founder whose given name the company took
            return False
    words = name.split()
    if len(words) == 1 and len(name) < 3:
        return False
    if any(w in _TITLE_WORDS for w in words):
        return False  # "Chief Strategy Officer" is a title, not a name
    if any(_AGE_NOUN.fullmatch(w) for w in words):
        return False  # "Der 52-Jährige, bislang Produktionschef": an age, not a name
    company = state.kb.company(name)
    if company is not None and fold(name) in {
        fold(n) for n in state.kb.company_names(company.name)
    }:
        return False  # the company's own name, not one its spelling without spaces meets
    return not state.kb.place(name)


_AGE_NOUN = re.compile(r"(?:\d+-)?Jährige[nr]?|(?:\d+-)?Jährigen", re.I)
_TITLE_WORDS = frozenset(
    ["Officer", "Director", "Manager", "Chief", "Executive", "President", "Vice", "Senior",
     "Head", "Chairman", "Directeur", "Directrice", "Président", "Präsident", "Vorstand"]
)  # fmt: skip


_ACRONYM = re.compile(
    r"(?P<full>[A-Z][\w&’'-]*(?:\s+(?:de\s+|of\s+)?[A-Z][\w&’'-]*){1,5})\s*\((?P<short>[A-Z][A-Za-z]{1,6})\)"
)


def defined_acronyms(text: str) -> dict[str, str]:
    """ "Toyota Kirloskar Motor (TKM)", "Mitsubishi Motors Thailand (MMTh)": the short
    name → the full one, where the short one is the initials of the last words."""
    out: dict[str, str] = {}
    for m in _ACRONYM.finditer(text):
        short = m.group("short")
        words = [w for w in m.group("full").split() if w not in ("de", "of")]
        letters = [c for c in short if c.isupper()]
        for i in range(len(words) - len(letters), -1, -1):
            tail = words[i:]
            if "".join(w[0] for w in tail) == "".join(letters) and len(tail) >= 2:
                out.setdefault(short, " ".join(tail))
                break
        else:
            # "Hub Power Company (Hubco)": a short name cut from the words' beginnings
            if len(letters) == 1 and len(short) >= 4 and len(words) >= 2:
                for i, word in enumerate(words[:-1]):
                    if short.lower().startswith(word.lower()[:3]) and word[0] == short[0]:
                        out.setdefault(short, " ".join(words[i:]))
                        break
    return out


# the gap from a title to its company: "CEO of", "managing director and chief executive of"
_TITLE_GAP = (
    r"\s*(?:(?:and|et|und)\s+(?:[\w-]+\s+){1,3}?)?"
    r"(?:\w+\s+)?(?:de|du|d'|of|at|chez|bei|von|der|des|du groupe|de la marque|d’)\s*(?:l'|la |le |the )?"
)


def _company_near(state: ArticleState, sentence: Sentence, start: int, end: int) -> str | None:
    text = sentence.text
    rel_s, rel_e = start - sentence.start, end - sentence.start
    companies = sentence.of_kind("COMPANY")
    for c in companies:
        gap = text[rel_e : c.start - sentence.start]
        if c.start >= end and re.fullmatch(_TITLE_GAP, gap, re.I):
            subsidiary = _subsidiary_after(sentence, c)
            if subsidiary is not None:
                return subsidiary  # "president of GWM Brasil", "… de Toyota Caetano Portugal"
            return state.acronyms.get(c.text, c.name)
    for p in sentence.of_kind("PLANT"):
        # "president of Toyota Motor Manufacturing Kentucky": a subsidiary named as its
        # plant is ("usine", "plant", "Werk" would make it a plant instead)
        gap = text[rel_e : p.start - sentence.start]
        if (
            p.start >= end
            and re.fullmatch(_TITLE_GAP, gap, re.I)
            and p.text[:1].isupper()
            and not state.has("plant_noun", p.text)
        ):
            return state.acronyms.get(p.text) or _subsidiary_name(state, sentence, p)
    for p in sentence.of_kind("PLACE"):
        # "directeur général de Thaco Auto": a name the NER took for a place, not one the
        # gazetteer knows, right after a title is its company
        gap = text[rel_e : p.start - sentence.start]
        if (
            p.start >= end
            and re.fullmatch(_TITLE_GAP, gap, re.I)
            and " " in p.text
            and state.kb.place(p.text) is None
        ):
            return p.text
    for c in reversed(companies):
        gap = text[c.end - sentence.start : rel_s]
        if c.end <= start and re.fullmatch(r"(?:'s|’s)?\s*(?:-|\s)?\s*(?:\w+\s+)?", gap):
            return c.name
    return None


_LOCAL_COUNTRY_NAMES = frozenset(
    ["Brasil", "México", "Mexico", "España", "Italia", "Polska", "Česko", "Türkiye", "Argentina",
     "Colombia", "Chile", "Perú", "Peru", "Portugal", "Deutschland", "Nederland", "Sverige",
     "Magyarország", "România", "Srbija", "Slovensko", "Österreich", "Schweiz", "Suisse",
     "Belgique", "België", "France", "India", "Indonesia", "Malaysia", "Thailand", "Vietnam",
     "Việt Nam", "Pilipinas", "Philippines", "Canada", "Australia", "UK", "USA", "Japan", "Korea",
     "China", "South Africa", "Nigeria", "Egypt", "Morocco", "Maroc", "Algérie", "Tunisie"]
)  # fmt: skip
_SUBSIDIARY_TAIL = re.compile(r"(?:[ ][A-ZÀ-Ý][\w&.-]*[A-Za-zà-ÿ]){1,3}(?![\w&-])")


def _subsidiary_after(sentence: Sentence, company: Mention) -> str | None:
    """A known company's name followed by capitalised words no mention takes but a country
    ("GWM Brasil", "Toyota Caetano Portugal"): the subsidiary, as written."""
    rel = company.end - sentence.start
    tail = _SUBSIDIARY_TAIL.match(sentence.text, rel)
    if tail is None:
        return None
    end = sentence.start + tail.end()
    country = None
    for o in sentence.mentions:
        if company.end <= o.start < end:
            if (
                o.kind == "PLACE"
                and o.place is not None
                and o.place.kind == "country"
                and o.end == end
            ):
                country = o
                continue
            return None  # another company, a model, a person, a town
    words = tail.group(0)
    if (
        country is not None
        and country.place is not None
        and country.text not in _LOCAL_COUNTRY_NAMES
    ):
        # a French or German exonym in its English form ("Renault Argentine" → "… Argentina");
        # the local name a subsidiary takes stays ("Hyundai Motor Brasil")
        words = words[: len(words) - len(country.text)] + country.place.name
    # an acronym in its full form ("GM Canada" → "General Motors Canada"), else as written
    head = company.name if company.text.isupper() and len(company.text) <= 4 else company.text
    return head + words


_BEFORE_TITLE = re.compile(
    r"(?:^|[\s„“\"(])((?:[A-Z][\w&.-]*[A-Za-z0-9]\s+){0,2}[A-Z][\w&.-]*[A-Za-z0-9])\s+$"
)
_NOT_A_COMPANY_BEFORE = frozenset(
    fold(w)
    for w in ("The", "Its", "Their", "Our", "His", "Her", "Former", "New", "Then", "Deputy",
              "Interim", "Acting", "Group", "Company", "Plant", "Le", "La", "Les", "Der", "Die",
              "Das", "Sa", "Son", "Ihr", "Sein", "Said", "Says", "Global", "Regional", "Chief")
)  # fmt: skip


def _company_before_title(state: ArticleState, sentence: Sentence, start: int) -> str | None:
    """ "Hubco chief executive Kamran Kamal": a company the knowledge base does not know,
    written right before the title."""
    m = _BEFORE_TITLE.search(
        sentence.text[max(0, start - sentence.start - 40) : start - sentence.start]
    )
    if m is None:
        return None
    name = m.group(1)
    at = start - (len(m.string) - m.start(1))
    while " " in name and fold(name.split()[0]) in _NOT_A_COMPANY_BEFORE:
        first = name.split()[0]
        name, at = name[len(first) :].lstrip(), at + len(first) + 1  # "The Mekar …"
    if (
        fold(name) in _NOT_A_COMPANY_BEFORE
        or name in _STOP_NAMES
        or (name.isupper() and len(name) < 3)
    ):
        return None
    if any(o.start < at + len(name) and at < o.end for o in sentence.mentions):
        return None  # a place, a person, a model
    if state.kb.place(name) is not None:
        return None
    return state.acronyms.get(name, name)


def _subsidiary_name(state: ArticleState, sentence: Sentence, plant: Mention) -> str:
    """A subsidiary named as its plant, by the full name the article gives that plant
    ("Toyota Motor Manufacturing Kentucky (TMMK) … president of TMMK" → "Toyota Motor
    Manufacturing Kentucky"), else as written."""
    for ref, idx in zip(sentence.refs, sentence.ref_ids, strict=True):
        if ref.start == plant.start:
            name = state.registry.plants[idx].name
            if name and not state.has("plant_noun", name) and len(name) >= len(plant.text):
                return name
    return plant.text


_WRITTEN_COMPANY = re.compile(
    r"\s*(?:of|at|chez|bei|von|de|du|d'|d’)\s*"
    r"(?P<name>(?:[A-Z0-9][\w&.'’-]*|[a-z]+[A-Z0-9][\w-]*)(?:\s+(?:&\s+)?[A-Z0-9][\w&.-]*){0,3})"
)


def _written_company(state: ArticleState, sentence: Sentence, rel_e: int) -> str | None:
    """ "CEO of my6sense", "chief executive at Acme Robotics": a company the knowledge base
    does not know, as written (unknown companies are still extracted)."""
    m = _WRITTEN_COMPANY.match(sentence.text[rel_e : rel_e + 60])
    if m is None:
        return None
    name = m.group("name").rstrip(".,;:’'")
    first = name.split()[0]
    start = sentence.start + rel_e + m.start("name")
    if first in _STOP_NAMES or any(
        mm.start < start + len(name) and start < mm.end for mm in sentence.mentions
    ):
        return None  # a place, a person, a model or a plant, not a company
    if state.kb.place(name) or state.kb.place(first):
        return None
    return name


_BOARD_FOR = re.compile(
    r"^member of the (?:board of management|management board|executive board)\b.*?\bfor "
    r"(?P<func>[A-Za-z]+(?: and [A-Za-z]+)?)$",
    re.I,
)
_WEAK_TITLES = frozenset(
    {"president", "presidente", "prasident", "prasidentin", "head", "boss", "chief", "chef"}
)


def _role(
    state: ArticleState, sentence: Sentence, cue: re.Match[str], cls: str
) -> tuple[str, int] | None:
    """The English role of a title cue and the end of the title (sentence offsets)."""
    title = cue.group(0)
    if state.lang == "de" and cls in ("ceo", "other_role"):
        translated = german_title(title)
        if translated is not None:
            return translated, cue.end()
        if cls == "ceo" and state.has("chairman", title):
            return None  # "Aufsichtsratschef": the chairman class reads it
        if cls == "ceo":
            return "CEO", cue.end()
    if cls == "ceo" and _HEAD_OF_PART.match(sentence.text[cue.end() : cue.end() + 70]):
        return None  # "head of Stellantis' North American operations" runs a part, not the company
    if cls == "ceo" and state.lang == "fr":
        deputy = re.match(r"\s+(?:délégu|delegu|adjoint)\w*", sentence.text[cue.end() :], re.I)
        if deputy:  # "directrice générale déléguée", "directeur général adjoint"
            return "deputy CEO", cue.end() + deputy.end()
    if cls in ROLE_NAMES:
        return ROLE_NAMES[cls], cue.end()
    if state.lang == "fr" and _FR_HEADS.match(title):
        found = french_title(sentence.text[cue.start() :], kb=state.kb)
        if found is None:
            return None
        return found[0], cue.start() + found[1]
    key = fold(title)
    for k, v in _OTHER_ROLES.items():
        if key.startswith(k):
            return v, cue.end()
    board = _BOARD_FOR.search(title)
    if board is not None:  # "member of the Board of Management … responsible for Production"
        return "board member for " + board.group("func").lower(), cue.end()
    if state.lang == "de":
        return None  # an untranslatable German compound is not guessed at
    return english_role(title), cue.end()


def english_role(title: str) -> str:
    """An English title as a role: lower case but for a place after in/for and acronyms
    ("Vice President of Manufacturing in Europe" → "vice president of manufacturing in Europe")."""
    words = title.split()
    out: list[str] = []
    for i, word in enumerate(words):
        keep = word.isupper() and len(word) > 1
        keep = keep or (
            i > 0 and words[i - 1].lower() in ("in", "for") and word[:1].isupper() and i > 1
        )
        keep = keep or (i > 0 and out[-1][:1].isupper() and word[:1].isupper() and len(out) > 2)
        out.append(word if keep else word.lower())
    return " ".join(out)


def _coordinated(state: ArticleState, sentence: Sentence, start: int) -> int | None:
    """ "Philippe Steyer, président d'Ineos SAS et directeur de l'usine": the start of the
    first title when the title at `start` (article offset) is the second of two."""
    before = sentence.text[max(0, start - sentence.start - 200) : start - sentence.start]
    m = re.search(
        r",\s*([^,;:.()«»\"]{3,80}?)\s+(?:et|and|und|ainsi que|sowie)\s+(?:(?:le|la|the|der|die|l['’])\s*)?$",
        before,
    )
    if m is None:
        return None
    first = m.group(1)
    if not any(state.has(c, first) for c in ("ceo", "chairman", "other_role", "plant_manager")):
        return None
    return start - len(before) + m.start(1)


def _plant_operator(state: ArticleState, sentence: Sentence, start: int, end: int) -> str | None:
    """The operator of the plant a plant-manager title names ("directrice de l'usine Renault
    de Maubeuge", "directeur du site de Flins"), else of the plant being talked about."""
    for ref, idx in zip(sentence.refs, sentence.ref_ids, strict=True):
        if start <= ref.end and ref.start <= end + 40:
            between = sentence.local(end, ref.start)
            if ref.start <= end or not re.search(r"[,;:.]", between):
                return state.registry.plants[idx].operator
    if sentence.refs:  # "Im Werk Kassel …, sagte Anna Berger, Leiterin des Werks"
        nearest = min(
            zip(sentence.refs, sentence.ref_ids, strict=True),
            key=lambda ri: abs(ri[0].start - start),
        )
        return state.registry.plants[nearest[1]].operator
    if state.current_plant is not None:
        return state.registry.plants[state.current_plant].operator
    return None


_OF_PLANT = re.compile(
    r"\s*(?:of|de|du|d['’]|von|des|der|at|chez|bei)\s*(?:the |la |le |l['’]|das |dem )?", re.I
)


def _company_in_title(state: ArticleState, sentence: Sentence, start: int, end: int) -> str | None:
    """The company a title is made with: a compound ("Opel-Chef", "Alfa-Romeo-Chef" — a
    brand's head, not its group's; "Magna-Steyr-Präsident" — the whole compound before the
    title word, not the first word) or a long title ("member of the Board of Management of
    BMW AG responsible for Production")."""
    title = sentence.local(start, end)
    last = start + title.rindex("-") if "-" in title else end
    if "-" in title:
        known = state.kb.company(title[: title.rindex("-")].replace("-", " "))
        if known is not None:
            return known.name
    for m in sentence.of_kind("COMPANY"):
        if start <= m.start and m.end <= last + 1:
            return m.name
    if state.lang == "de" and "-" in title and re.search(r"-[Cc]hef(?:in)?$", title):
        # "Dürr-Chef Jochen Weyrauch": a company the knowledge base does not know, as written
        head = title[: title.rindex("-")]
        if (
            _UNKNOWN_COMPANY_HEAD.fullmatch(head)
            and not head.endswith("s")  # "Werks-Chef", "Betriebsrats-Chef": a noun's head
            and fold(head) not in _DE_COMMON_HEADS
            and state.kb.place(head) is None
            and _function(head) is None
            and _function(head.rstrip("s")) is None
            and not any(m.start < start + len(head) and start < m.end for m in sentence.mentions)
        ):
            return head
    return None


_DE_COMMON_HEADS = frozenset(
    fold(w)
    for w in (
        "Werk", "Konzern", "Marken", "Marke", "Team", "Projekt", "Betriebsrat", "Gewerkschaft",
        "Fabrik", "Standort", "Verband", "Landes", "Stadt", "Partei", "Bundes", "Aufsichtsrat",
        "Vorstand", "Sparten", "Sparte", "Fraktion", "Firmen", "Unternehmen", "Branchen", "Finanz",
        "Personal", "Europa", "Asien", "Amerika", "Afrika", "China", "Ost", "West", "Nord", "Süd",
        "Bereich", "Abteilung", "Montage", "Logistik", "Qualität", "Einkauf", "Technik",
    )
)  # fmt: skip
_UNKNOWN_COMPANY_HEAD = re.compile(r"[A-ZÄÖÜ][\w&.]+(?:-[A-ZÄÖÜ][\w&.]+)?")


def _former_title(state: ArticleState, sentence: Sentence, cue: re.Match[str]) -> bool:
    """ "Ex-VW-Chef", "former CEO", "l'ancien PDG", "der frühere Vorstandschef": a title
    the person no longer holds."""
    if cue.group(0)[:3].lower() == "ex-":
        return True
    before = sentence.text[max(0, cue.start() - 25) : cue.start()]
    held = LEXICONS.get(state.lang, {}).get("former_title") or r"(?!x)x"
    return bool(re.search(rf"(?<!\w)(?:{held})[\s-]*(?:[\w&’'-]+\s+)?$", before, re.I))


def _headed_plant(state: ArticleState, sentence: Sentence, end: int) -> str | None:
    """The operator of a plant named with its plant noun right after a chief's title
    ("President and CEO of BMW Group Plant San Luis Potosí"): its head is the plant
    manager. A subsidiary named without a plant noun ("president of TMMK") is a company."""
    rel = end - sentence.start
    gap = _OF_PLANT.match(sentence.text[rel:])
    if gap is None or not gap.group(0).strip():
        return None
    for ref, idx in zip(sentence.refs, sentence.ref_ids, strict=True):
        head = sentence.text[rel + gap.end() : ref.end - sentence.start]
        if (
            ref.start >= end
            and len(head) <= 60
            and not re.search(r"[,;:.()]", head)
            and state.has("plant_noun", head)
        ):
            return state.registry.plants[idx].operator
    return None


# "Ralf Brandstätter, im Volkswagen-Vorstand für China zuständig": a board member for a
# function or a region, named after the person
_DE_BOARD_FOR = re.compile(
    r",\s*(?:im|in den|als)\s+(?:(?P<co>[\w-]+)-)?Vorstand\s+(?:für|der)\s+"
    r"(?P<func>[\w-]+(?:\s+und\s+[\w-]+)?)\s+(?:zuständig|verantwortlich)"
)


def _board_members(state: ArticleState, sentence: Sentence) -> None:
    for m in _DE_BOARD_FOR.finditer(sentence.text):
        person = next(
            (p.name for p in sentence.of_kind("PERSON") if p.end - sentence.start == m.start()),
            None,
        )
        if person is None:  # no NER in German: the capitalised name right before
            before = re.search(
                rf"(?:{_NAME.pattern})$", sentence.text[max(0, m.start() - 50) : m.start()]
            )
            person = before.group(0) if before and " " in before.group(0) else None
        if person is None or person.split()[0] in _STOP_NAMES:
            continue
        named = state.kb.company(m.group("co")) if m.group("co") else None
        company = named.name if named else state.main_company
        if company is None:
            continue
        func = m.group("func")
        role = f"board member for {_function(func) or func}"
        state.drafts.append(
            Draft(FactType.EXECUTIVE, sentence.start, sentence.end, EXECUTIVE_CONFIDENCE, None,
                  {"company": company, "role": role, "person": person, "title": m.group(0),
                   "explicit": named is not None})
        )  # fmt: skip


# "Marcelo Andrade dirige depuis deux ans l'usine Stellantis de Betim", "Jane Doe runs the
# Kentucky plant", "Anna Berger leitet seit 2021 das Werk": the person heads that plant
_RUNS_PLANT = re.compile(
    r"(?P<person>" + _NAME.pattern + r")\s+(?:,[^,]{1,60},\s+)?"
    r"(?:dirige|dirigeait|pilote|runs|heads|manages|has run|has headed|has managed|"
    r"leitet|führt|leitete)\s+(?:depuis\s+[^,.;]{1,25}?\s+|seit\s+[^,.;]{1,25}?\s+)?"
    r"(?:l['’]|le\s+|la\s+|the\s+|its\s+|das\s+|den\s+)(?P<rest>[^,.;]{0,40})"
)


# taking over a plant: "Sophie Martin, jusqu'ici …, prendra le 1er octobre la direction du
# site", "Zum 1. März übernimmt Jörg Hamann die Leitung des Standorts"
_TAKES_PLANT = (
    re.compile(
        r"(?P<person>" + _NAME.pattern + r")(?:\s*,[^,]{1,90},)?\s+"
        r"(?:prendra|prend|prenait|a pris)\s+(?:[^,.;]{1,30}?\s+)?la\s+(?:direction|tête)\s+"
        r"(?:de\s+l['’]|du\s+|de\s+la\s+)(?P<rest>[^,.;]{0,40})"
    ),
    re.compile(
        r"übernimmt\s+(?P<person>" + _NAME.pattern + r")\s+(?:[^,.;]{1,30}?\s+)?die\s+Leitung\s+"
        r"(?:des|der)\s+(?P<rest>[^,.;]{0,40})"
    ),
    re.compile(
        r"(?<!\d\.\s)(?P<person>"
        + _NAME.pattern
        + r")\s+(?:übernimmt|übernahm|wird)\s+(?:[^,.;]{1,30}?\s+)?"
        r"die\s+Leitung\s+(?:des|der)\s+(?P<rest>[^,.;]{0,40})"
    ),
)
_TAKES_VERB = re.compile(r"\b(?:prendra|prend|prenait|a pris|übernimmt|übernahm|Leitung)\b")
_GROUP_TITLE = re.compile(r"^(?:konzern|group)|du groupe$|group (?:ceo|chief)", re.I)
_COMPOUND_HEAD = re.compile(r"(?<![\w-])(?:\w+-)+$")
_RUNS_VERB = re.compile(r"\b(?:dirige|dirigeait|pilote|runs|heads|manages|has run|has headed|"
                        r"has managed|leitet|führt|leitete)\b")  # fmt: skip


def _plant_heads(state: ArticleState, sentence: Sentence) -> None:
    frames: list[re.Pattern[str]] = []
    if _RUNS_VERB.search(sentence.text):
        frames.append(_RUNS_PLANT)
    if _TAKES_VERB.search(sentence.text):
        frames.extend(_TAKES_PLANT)
    for m in (m for frame in frames for m in frame.finditer(sentence.text)):
        rest = m.group("rest")
        if not state.has("plant_noun", rest if state.lang == "en" else rest.split(" ")[0]):
            continue
        name = m.group("person")
        if name.split()[0] in _STOP_NAMES or not _is_person(
            state, sentence, m.start("person"), name
        ):
            continue
        s = sentence.start + m.start("person")
        if any(s < d.end and d.start < s + len(name) for d in state.role_spans):
            continue
        company = (
            _plant_operator(state, sentence, s, sentence.start + m.end()) or state.main_company
        )
        if company is None and state.current_plant is not None:
            company = state.registry.plants[state.current_plant].operator  # "… du site"
        if company is None:
            continue
        state.role_spans.append(_Span(s, sentence.start + m.end()))
        fields = {"company": company, "role": ROLE_NAMES["plant_manager"], "person": name,
                  "title": m.group(0), "explicit": True}  # fmt: skip
        state.drafts.append(
            Draft(
                FactType.EXECUTIVE, sentence.start, sentence.end, EXECUTIVE_CONFIDENCE, None, fields
            )
        )


def executive_facts(state: ArticleState, sentence: Sentence) -> None:
    text = sentence.text
    if state.lang == "de" and "Vorstand " in text:
        _board_members(state, sentence)
    _plant_heads(state, sentence)
    seen: set[str] = set()
    for cls in ("plant_manager", "other_role", "ceo", "chairman"):
        for cue in state.has_all(cls, text):
            s, e = sentence.start + cue.start(), sentence.start + cue.end()
            compound = (
                _COMPOUND_HEAD.search(text, max(0, cue.start() - 40), cue.start())
                if state.lang == "de"
                else None
            )
            if compound is not None:
                s = sentence.start + compound.start()  # "Magna-Steyr-Präsident": the whole title
            ctx = text[max(0, cue.start() - 15) : cue.end() + 20]
            if state.has("not_exec", ctx):
                continue
            if any(s < d.end and d.start < e for d in state.role_spans):
                continue
            if _former_title(state, sentence, cue):
                continue
            found = _role(state, sentence, cue, cls)
            if found is None:
                continue
            role, title_end = found
            e = sentence.start + title_end
            person = _person_near(state, sentence, s, e)
            first_title = None
            if person is None:
                first_title = _coordinated(state, sentence, s)
                if first_title is not None:
                    person = _person_near(state, sentence, first_title, e)
            if person is None:
                continue
            name, _ps, pe = person
            if fold(name) in seen or re.match(
                r"\s*\(\s*†", text[pe - sentence.start : pe - sentence.start + 6]
            ):
                continue  # "Ferdinand Piëch (†82)": a past executive
            company = None
            if cls == "plant_manager":
                company = _plant_operator(state, sentence, s, e)
            elif cls in ("ceo", "chairman"):
                company = _headed_plant(state, sentence, e)
                if company is not None:  # "President and CEO of BMW Group Plant San Luis Potosí"
                    role = ROLE_NAMES["plant_manager"]
            explicit = (
                company
                or _company_in_title(state, sentence, s, e)
                or _company_near(state, sentence, s, e)
            )
            if (
                explicit is None
                and cls in ("ceo", "chairman")
                and fold(cue.group(0)) not in _WEAK_TITLES
                and state.main_company is not None
            ):
                # an unknown company named with a full title, in an article about carmakers
                explicit = _written_company(state, sentence, e - sentence.start)
                if explicit is None and state.lang == "en":  # German capitalises every noun
                    explicit = _company_before_title(state, sentence, s)
            if explicit is None and (
                fold(cue.group(0)) in _WEAK_TITLES
                or fold(cue.group(0)).split()[-1] in ("prasident", "prasidentin")
            ):  # "VDA-Präsidentin X": an unknown body's president is no carmaker's
                continue  # a bare "President X", "team head X": no company, no executive
            company = explicit or state.main_company or _plant_operator(state, sentence, s, e)
            if explicit is None and company is not None and _GROUP_TITLE.search(cue.group(0)):
                # "Konzernchef Carlos Tavares" in a story about Maserati: the group's head
                info = state.kb.company(company)
                if info is not None and info.parent and info.kind in ("brand", "automaker"):
                    company = info.parent
            if company is None:
                continue
            company = state.acronyms.get(company, company)  # "… chief executive of MMTh"
            known = state.kb.company(company)
            if known is not None and known.kind == "union":
                continue  # "présidente nationale d'Unifor": a union's head, not a carmaker's
            seen.add(fold(name))
            state.role_spans.append(_Span(s, e))
            if (
                cls == "chairman"
                and role == ROLE_NAMES["chairman"]
                and re.search(
                    r"\bceo\b|directeur|chief exec", text[cue.start() : cue.end() + 12], re.I
                )
            ):
                role = "CEO"
            draft = Draft(FactType.EXECUTIVE, sentence.start, sentence.end, EXECUTIVE_CONFIDENCE,
                          None, {"company": company, "role": role, "person": name,
                                 "title": cue.group(0), "explicit": explicit is not None})  # fmt: skip
            state.drafts.append(draft)


class _Span:
    __slots__ = ("end", "start")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


def _brand_of(state: ArticleState, brand: str, owner: str) -> bool:
    """`brand` is `owner` under another name, or one of its brands (Renault → Renault Group)."""
    info, other = state.kb.company(brand), state.kb.company(owner)
    if info is None or other is None:
        return fold(brand) == fold(owner)
    return info.name == other.name or (
        str(info.kind) == "brand"
        and info.parent is not None
        and fold(info.parent) == fold(other.name)
    )


def finish_roles(state: ArticleState) -> None:
    """Executives' companies and roles once the article is read.

    An executive whose company was not named with the title (the article's main company)
    takes the company named with another executive's title when that is the same company
    or the main company is one of its brands ("Renault" → "Renault Group").
    président → Chairman when the article names another CEO of the same company, else CEO.
    """
    execs = [d for d in state.drafts if d.type == FactType.EXECUTIVE]
    named = [d.fields["company"] for d in execs if d.fields.get("explicit")]
    for d in execs:
        if d.fields.get("explicit"):
            continue
        for company in named:
            if fold(company) != fold(d.fields["company"]) and _brand_of(
                state, d.fields["company"], company
            ):
                d.fields["company"] = company
                break
    for d in execs:
        if d.fields["role"] != "Chairman" or re.search(
            r"chair|aufsicht|conseil|vorsitz", d.fields.get("title", ""), re.I
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
        d.fields.pop("explicit", None)


def _parties(sentence: Sentence, state: ArticleState) -> list[tuple[int, str]]:
    """The companies of the sentence and the governments it names, by position."""
    out: list[tuple[int, str]] = []
    models = sentence.of_kind("MODEL")
    for c in sentence.of_kind("COMPANY"):
        if any(m.start <= c.start < m.end for m in models):
            continue
        if all(fold(c.name) != fold(name) for _, name in out):
            out.append((c.start, c.name))
    for p in sentence.of_kind("PLANT"):
        # a subsidiary the knowledge base also knows as its plant ("Toyota Kirloskar Motor")
        company = state.kb.company(p.text)
        if company is not None and all(fold(company.name) != fold(name) for _, name in out):
            out.append((p.start, company.name))
    out.sort()
    for pos, name in _governments(state, sentence):
        if all(fold(name) != fold(other) for _, other in out):
            out.append((pos, name))
    if len(out) == 1:
        for pos, name in _unknown_parties(state, sentence):
            if all(not _same_party(state, name, other) for _, other in out):
                out.append((pos, name))
    out = _distinct_parties(state, sorted(out))
    if (
        len(out) == 1
        and state.main_company
        and _MAKER_ANAPHOR.search(sentence.text)
        and not _same_party(state, state.main_company, out[0][1])
    ):  # "Le constructeur a signé un accord avec l'IDC": the carmaker the article is about
        out.insert(0, (-1, state.main_company))
    return out


# the carmaker the article is about, named by its kind
_MAKER_ANAPHOR = re.compile(
    r"\b(?:[Ll]e constructeur|[Ll]e groupe|[Tt]he (?:carmaker|automaker|company|group)|"
    r"[Dd]er (?:Hersteller|Autobauer|Konzern))\b"
)


def _same_party(state: ArticleState, one: str, other: str) -> bool:
    """One entity twice: the same name, an acronym the article defines for the other
    ("Industrial Development Corporation (IDC)"), or the other's name with more words
    ("Leapmotor International" and "Leapmotor")."""
    a = fold(state.acronyms.get(one, one))
    b = fold(state.acronyms.get(other, other))
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def _distinct_parties(state: ArticleState, parties: list[tuple[int, str]]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for pos, name in parties:
        name = state.acronyms.get(name, name)
        if all(not _same_party(state, name, other) for _, other in out):
            out.append((pos, name))
    return out


# the other side of an agreement, named by a company the knowledge base does not know: "signed
# with Nuro", "Lucid, Uber and Nuro signed", "un accord avec Avtodom", "mit dem Institut NAMI"
_PARTY_NAME = re.compile(
    r"(?:\b(?:with|avec|mit|and|et|und|between|entre|zwischen|to|à|an)\s+|,\s+)"
    rf"(?:(?:the|le|la|l['’]|les|die|der|dem|den|des)\s*)?(?:[a-z][a-z-]+\s+){{0,2}}(?P<name>[{_UP}][\w&.-]+(?:\s+[{_UP}][\w&.-]+){{0,2}})"
)


_NOT_A_PARTY = re.compile(
    r"^(?:SUV|VUS|EV|BEV|PHEV|CEO|PDG|Government|Gouvernement|Regierung|Konzerns?|Unternehmens?|"
    r"Herstellers?|Autobauers?|Gruppe|Partners?)\b|-Modell|-Werk|-Plattform",
    re.I,
)


_DE_PARTY_HEAD = re.compile(
    r"\b(?:\w*händler|\w*hersteller|zulieferer|unternehmen|firma|konzern|start-up|startup|"
    r"partner|investor|fonds|institut|käufer|gruppe|holding)\s+$",
    re.I,
)


_DE_PARTY_TAIL = re.compile(
    r"\b(?:Holding|AG|GmbH|SE|Group|Gruppe|Motors?|Automotive|Auto|Mobility|Technologies)$"
)


def _unknown_parties(state: ArticleState, sentence: Sentence) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for m in _PARTY_NAME.finditer(sentence.text):
        name = m.group("name").rstrip(".,;:")
        start = sentence.start + m.start("name")
        end = start + len(name)
        if name.split()[0] in _STOP_NAMES or len(name) < 3 or _NOT_A_PARTY.search(name):
            continue
        if fold(name.split()[0]) in CALENDAR_WORDS:
            continue  # "…, in April": a date, not a party
        if (
            state.lang == "de"
            and not name.isupper()
            and not _DE_PARTY_TAIL.search(name)
            and not (" " in name and _DE_PARTY_HEAD.match(name.split()[0] + " "))
            and not _DE_PARTY_HEAD.search(
                sentence.text[max(0, m.start("name") - 30) : m.start("name")]
            )
        ):
            continue  # German capitalises every noun: a name needs its noun ("dem Autohändler X")
        if any(o.start < end and start < o.end for o in sentence.mentions):
            continue  # a place, a person, a model or a known company
        if state.kb.place(name) or state.kb.model(name) or state.kb.place(name.split()[-1]):
            continue
        if name.isupper() and len(name) > 6:
            continue  # shouting, not a name
        found.append((start, name))
    return found


_WORD_BEFORE = re.compile(r"([\w'’-]+)(?:\s+([\w'’-]+))?\s+$")
_WORDS_AFTER = re.compile(
    r"\s+(?:(?:of|de|du|des|d['’]|von)\s*)?(?:(?:the|la|le|l['’])\s*)?"
    r"([\w'’-]+)(?:\s+([A-Z][\w'’-]+))?"
)


# a government that is a party: coordinated with, or the other side of, the agreement
_PARTY_BEFORE = re.compile(
    r"(?<!\w)(?:with|and|to|between|avec|et|entre|mit|und|zwischen)\s+"
    r"(?:(?:the|le|la|l['’]|les|die|der|den|dem)\s*)?(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
_PARTY_AFTER = re.compile(r"\s*(?:and|et|und)\s", re.I)


def _governments(state: ArticleState, sentence: Sentence) -> list[tuple[int, str]]:
    """Governments named with their country ("the Saudi government", "le gouvernement turc",
    "die türkische Regierung", "the government of India") → "Government of <country>"."""
    text = sentence.text
    found: list[tuple[int, str]] = []
    for m in state.has_all("government", text):
        candidates: list[str] = []
        before = _WORD_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        if before:
            if before.group(2):
                candidates += [f"{before.group(1)} {before.group(2)}", before.group(2)]
            else:
                candidates.append(before.group(1))
        after = _WORDS_AFTER.match(text[m.end() : m.end() + 50])
        if after:
            if after.group(2):
                candidates.append(f"{after.group(1)} {after.group(2)}")
            candidates.append(after.group(1))
        party = (
            _PARTY_BEFORE.search(text[max(0, m.start() - 45) : m.start()])
            or _PARTY_AFTER.match(text[m.end() :])
            or (after is not None and _PARTY_AFTER.match(text[m.end() + after.end() :]))
        )
        if party is None:
            continue  # "welcomed by the Hungarian government": a bystander, not a party
        for word in candidates:
            info = state.kb.place(word)
            if info is not None and str(info.kind) in ("country", "region"):
                # "the Turkish government", "the Government of Maharashtra"
                found.append((sentence.start + m.start(), f"Government of {info.name}"))
                break
    return found


def _sale_agreement(state: ArticleState, sentence: Sentence) -> None:
    """A plant sold in this sentence is an agreement between buyer and seller: the companies
    the sentence names, else the one it names and the article's main company ("The
    acquisition of Ford India's Sanand plant was completed in January 2023")."""
    sold = [
        d for d in state.drafts[-4:]
        if d.start == sentence.start and d.type == FactType.PLANT_STATUS
        and str(d.fields.get("status")) == "sold"
    ]  # fmt: skip
    cue = state.has("sold", sentence.text)
    if (
        not sold
        or cue is None
        or ANCHORED_EVENT.search(sentence.text[max(0, cue.start() - 40) : cue.start()])
    ):
        return  # "deux ans après la reprise de l'usine": background to another event
    parties = [name for _, name in _parties(sentence, state)]
    main = state.main_company
    if len(parties) == 1 and main is not None and fold(main) != fold(parties[0]):
        parties.append(main)
    if len(parties) != 2:
        return  # nobody, or more than a buyer and a seller: not told who sold to whom
    fields: dict[str, object] = {"parties": tuple(parties), "subject": "sale of the plant"}
    fields["date"] = sold[0].fields.get("date") or state.published
    state.drafts.append(
        Draft(FactType.AGREEMENT, sentence.start, sentence.end, AGREEMENT_CONFIDENCE, None, fields)
    )


# contract manufacturing: "Der Auftragsfertiger Magna Steyr wird … Elektroautos des Herstellers
# Xpeng bauen", "will build cars for Xpeng", "assemblera pour le compte de Mercedes-Benz"
_CONTRACT = re.compile(
    r"\b(?:Auftragsfert\w*|im Auftrag (?:von|des|der)|contract manufactur\w*|on behalf of|"
    r"pour le compte d[eu']|en sous-traitance|sous-traitant\w*|"
    r"(?:build|builds|assemble|assembles|make|makes|produce|produces)\s+(?:\w+\s+){0,3}?for)\b",
    re.I,
)


_CONTRACT_HINT = re.compile("for |Auftrag|compte d|behalf|sous-trait|ontract")
_CONTRACT_ENDS = re.compile(
    r"\b(?:endet|endete|beendet|ends|ended|ending|expires?|expired|prend fin|a pris fin|s'achève|"
    r"letzte[nrs]?|last|dernière|dernier|bis dahin|until then|jusque-là)\b",
    re.I,
)


def _contract_agreement(state: ArticleState, sentence: Sentence) -> bool:
    """A plant that builds another company's cars: an agreement between the two."""
    text = sentence.text
    if not _CONTRACT_HINT.search(text) or not state.has("produce", text):
        return False
    cue = _CONTRACT.search(text)
    if cue is None or state.has("hedge", text):
        return False
    if ANCHORED_EVENT.search(text[max(0, cue.start() - 40) : cue.start()]) or _CONTRACT_ENDS.search(
        text[max(0, cue.start() - 40) : cue.end() + 20]
    ):
        return False  # background ("bis dahin … im Auftrag"), or its end ("endet die Auftragsfertigung")
    parties = [name for _, name in _parties(sentence, state)]
    if (
        len(parties) != 2
        or _brand_of(state, parties[0], parties[1])
        or _brand_of(state, parties[1], parties[0])
    ):
        return False
    dates = sentence.dates
    fields = {"parties": tuple(parties), "subject": "contract manufacturing",
              "date": dates[0].date if dates else state.published}  # fmt: skip
    state.drafts.append(
        Draft(FactType.AGREEMENT, sentence.start, sentence.end, AGREEMENT_CONFIDENCE, None, fields)
    )
    return True


def agreement_facts(state: ArticleState, sentence: Sentence) -> None:
    text = sentence.text
    cue = state.has("agreement", text)
    if not cue and _contract_agreement(state, sentence):
        return
    parties = [name for _, name in _parties(sentence, state)] if cue else []
    if not cue or state.has("agreement_bad", text) or state.has("hedge", text) or len(parties) < 2:
        # "a signé l'acte de cession de l'usine de GM India …, mettant fin à deux ans de
        # négociations": no agreement told as such, but a plant sold
        _sale_agreement(state, sentence)
        return
    dates = sentence.dates
    when = dates[0].date if dates else state.published
    subject = text[cue.start() : cue.start() + 120].split(".")[0].strip()
    state.drafts.append(
        Draft(FactType.AGREEMENT, sentence.start, sentence.end, AGREEMENT_CONFIDENCE, None,
              {"parties": tuple(parties), "subject": subject, "date": when})
    )  # fmt: skip
