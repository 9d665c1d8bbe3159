"""Language identification for articles (lingua, built once per process).

`detect_language(text)` returns an ISO 639-1 code ("fr", "en", "de", or one of the
other languages the detector knows, so "not supported" can be told apart from
"unknown"), or None when the text is too short or too ambiguous to tell.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

__all__ = ["KNOWN_LANGUAGES", "SUPPORTED_LANGUAGES", "detect_language"]

log = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = ("fr", "en", "de")
KNOWN_LANGUAGES = (*SUPPORTED_LANGUAGES, "es", "it", "nl", "pt", "pl", "cs", "sv")
MIN_LETTERS = 20  # fewer letters than this: no reliable guess
SAMPLE_CHARS = 500  # the detector reads this much of a long text (a paragraph is plenty)

# MIN_LETTERS letters (the classes [\W\d_] and [^\W\d_] split every character), read
# up to the last one needed only
_ENOUGH_LETTERS = re.compile(rf"(?:[\W\d_]*+[^\W\d_]){{{MIN_LETTERS}}}")


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    languages = [Language.from_iso_code_639_1(_iso(code)) for code in KNOWN_LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def _iso(code: str) -> IsoCode639_1:
    code_enum: IsoCode639_1 = getattr(IsoCode639_1, code.upper())
    return code_enum


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of `text`'s language, or None when it cannot be told."""
    sample = text[:SAMPLE_CHARS]
    if _ENOUGH_LETTERS.match(sample) is None:
        return None
    language = _detector().detect_language_of(sample)
    if language is None:
        return None
    return str(language.iso_code_639_1.name).lower()
