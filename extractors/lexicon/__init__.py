"""Per-language lexical classes the rules are written on (regular-expression fragments).

Each language module defines `LEXICON: dict[str, str]`, class name -> alternation.
`pattern(lang, cls)` compiles one class (case-insensitive, word-bounded, cached);
`CLASSES` lists the classes every language must define.
"""

from __future__ import annotations

import re
from functools import cache

from extractors.lexicon import de, en, fr

__all__ = ["CLASSES", "LEXICONS", "pattern"]

LEXICONS: dict[str, dict[str, str]] = {"fr": fr.LEXICON, "en": en.LEXICON, "de": de.LEXICON}
CLASSES = tuple(fr.LEXICON)


@cache
def pattern(lang: str, cls: str) -> re.Pattern[str]:
    """The compiled class `cls` of language `lang` (never matches when undefined)."""
    body = LEXICONS.get(lang, {}).get(cls)
    if not body:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<!\w)(?:{body})(?![\w])", re.IGNORECASE)
