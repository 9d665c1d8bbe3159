"""Errors of the extractors package.

ExtractorError                 base of everything the extractor raises
├── UnsupportedLanguage        the article's language has no pipeline (carries .lang)
└── PipelineUnavailable        a pipeline's model package is missing (carries .lang)
"""

from __future__ import annotations

__all__ = ["ExtractorError", "UnsupportedLanguage"]


class ExtractorError(Exception):
    """Base of the extractor's errors."""


class UnsupportedLanguage(ExtractorError):
    """The article is in a language the extractor has no pipeline for."""

    def __init__(self, lang: str | None, *, where: str | None = None) -> None:
        what = f"language {lang!r}" if lang else "language could not be identified"
        place = f" ({where})" if where else ""
        super().__init__(f"unsupported {what}{place}: only fr, en, de are extracted")
        self.lang = lang
        self.where = where
