"""Markets a production serves, from the production fact's own sentence.

A market is named after a cue of the language ("marché intérieur sud-coréen",
"l'exportation vers l'Amérique du Nord", "for the European market", "exports to
Canada", "für den chinesischen Markt", "Export nach Europa") and resolved through the
knowledge base's places: a country gives its ISO code, a market region its English
name ("North America"); cities and regions are not markets.
"""

from __future__ import annotations

import re

from extractors.rules.knowledge import Knowledge

__all__ = ["markets_in"]

_WORD = r"[\w'’-]+"
_AFTER = {  # a cue, then the place (up to four words, looked ahead: cues may follow)
    "fr": re.compile(
        r"\b(?:march[ée]s?(?:\s+int[ée]rieurs?)?|export(?:ation|ations|[ée]e?s?)?\s+(?:vers|pour|à\s+destination\s+de|en|au|aux)"
        r"|destin[ée]e?s?\s+(?:au|à\s+la|à\s+l'|aux|à)(?:\s+march[ée](?:\s+int[ée]rieur)?)?)\s+"
        rf"(?=(?P<place>{_WORD}(?:\s+{_WORD}){{0,3}}))",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:export(?:s|ed|ing)?\s+to|destined\s+for|shipped\s+to|markets?\s+(?:in|of))\s+(?:the\s+)?"
        rf"(?=(?P<place>{_WORD}(?:\s+{_WORD}){{0,3}}))",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"\b(?:Export(?:e)?\s+nach|exportiert\s+nach|für\s+den\s+Markt\s+in)\s+"
        rf"(?=(?P<place>{_WORD}(?:\s+{_WORD}){{0,3}}))",
    ),
}
_BEFORE = {  # the place (one to three words), then a market noun
    "en": re.compile(
        rf"(?P<place>{_WORD}(?:\s+{_WORD}){{0,2}})\s+(?:home\s+)?markets?\b", re.IGNORECASE
    ),
    "de": re.compile(rf"(?P<place>{_WORD}(?:\s+{_WORD}){{0,2}})\s+(?:Heimat)?[Mm]arkt\b"),
}
# what each pattern above must hold, searched first (the patterns try every word)
_AFTER_NEEDS = {
    "fr": re.compile(r"march|export|destin", re.IGNORECASE),
    "en": re.compile(r"export|destined|shipped|market", re.IGNORECASE),
    "de": re.compile(r"Export|exportiert|für"),
}
_BEFORE_NEEDS = {"en": re.compile(r"market", re.IGNORECASE), "de": re.compile(r"arkt")}
_LEADING = re.compile(
    r"^(?:l'|l’|la|le|les|du|de|des|d'|au|aux|the|den|dem|die|das)\s*", re.IGNORECASE
)


def _resolve(words: list[str], kb: Knowledge) -> str | None:
    for size in range(len(words), 0, -1):
        name = _LEADING.sub("", " ".join(words[:size])).strip()
        if not name:
            continue
        place = kb.place(name)
        if place is None:
            continue
        if place.kind == "market":
            return place.name
        if place.kind == "country" and place.country:
            return place.country
        return None
    return None


def markets_in(sentence: str, *, lang: str, kb: Knowledge) -> tuple[str, ...]:
    """The markets named in `sentence`, in order, each once."""
    found: list[str] = []
    after = _AFTER.get(lang)
    if after is not None and _AFTER_NEEDS[lang].search(sentence):
        for match in after.finditer(sentence):
            market = _resolve(match["place"].split(), kb)
            if market and market not in found:
                found.append(market)
    before = _BEFORE.get(lang)
    if before is not None and _BEFORE_NEEDS[lang].search(sentence):
        for match in before.finditer(sentence):
            words = match["place"].split()
            market = None
            for start in range(max(0, len(words) - 2), len(words)):  # the words next to "market"
                market = _resolve(words[start:], kb)
                if market:
                    break
                if words[start][:1].isupper():  # "North American": not "American" alone
                    break
            if market and market not in found:
                found.append(market)
    return tuple(found)
