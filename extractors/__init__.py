"""The extractor: one Article → [Fact] path for seeds and live articles alike.

    extract(article)          facts of one article
    extract_many(articles)    the same for many, batched with nlp.pipe per language
    UnsupportedLanguage       raised by `extract` for a language other than fr/en/de

The text is prepared first (extractors.rules.text: HTML blanked, stray `?` and
no-break spaces made plain, the seed header blanked; every step keeps offsets), the
language is the article's own or detected (extractors.lang), the pipeline is the
language's (extractors.nlp), and the rules (extractors.rules) turn the Doc into facts.
An article longer than `MAX_CHARS` is read up to that point only (a logged warning).
Text with no car content gives [] and no error; text too short to tell its language
gives [].
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from extractors.lang import SUPPORTED_LANGUAGES, detect_language
from extractors.nlp import build_nlp
from extractors.rules.engine import extract_doc
from extractors.rules.errors import ExtractorError, UnsupportedLanguage
from extractors.rules.text import MAX_CHARS, prepare
from factwatch.model import Article, Fact

__all__ = ["ExtractorError", "UnsupportedLanguage", "extract", "extract_many", "language_of"]

log = logging.getLogger(__name__)

# docs per nlp.pipe batch: the French parser/NER memory grows with it (bench/monitor_first_poll.py
# --feeds 100 with the current KB: peak RSS 694 MB at 2, 711 MB at 4, 741 at 8, 807 at 16;
# target <= 700 MB), the speed hardly (26.7 vs 26.5 articles/s end to end at 2 and 4)
PIPE_BATCH_SIZE = 2


def _where(article: Article) -> str | None:
    return article.source.path or article.source.url


def _language(article: Article, text: str) -> str | None:
    """The article's language, None when the text is too short to tell; raises when unsupported."""
    lang = (article.lang or "").lower()[:2] or detect_language(text)
    if lang is None:
        return None
    if lang not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguage(lang, where=_where(article))
    return lang


def _prepared(article: Article) -> str:
    text = article.text or ""
    if len(text) > MAX_CHARS:
        log.warning("%s: %d characters, only the first %d are read",
                    _where(article) or "article", len(text), MAX_CHARS)  # fmt: skip
    return prepare(text)


def language_of(article: Article) -> str | None:
    """The language the extractor would read `article` in (None: too short to tell).

    Raises UnsupportedLanguage for a language other than fr/en/de. Callers that batch
    can set `Article.lang` to the result so `extract_many` does not detect it again.
    """
    text = _prepared(article)
    return _language(article, text) if text.strip() else None


def extract(article: Article) -> list[Fact]:
    """The facts one article states, each with its evidence sentence and offsets."""
    text = _prepared(article)
    if not text.strip():
        return []
    lang = _language(article, text)
    if lang is None:
        return []
    doc = build_nlp(lang)(text)
    return extract_doc(article, doc, text, lang)


def extract_many(articles: Sequence[Article]) -> list[list[Fact]]:
    """`extract` for each article, in order, running each language's pipeline in batches.

    An article in an unsupported language gets [] here (logged with its language and
    source); call `extract` on it to get the UnsupportedLanguage error itself.
    """
    results: list[list[Fact]] = [[] for _ in articles]
    groups: dict[str, list[tuple[int, str]]] = {}
    for i, article in enumerate(articles):
        text = _prepared(article)
        if not text.strip():
            continue
        try:
            lang = _language(article, text)
        except UnsupportedLanguage as exc:
            log.warning("%s", exc)
            continue
        if lang is not None:
            groups.setdefault(lang, []).append((i, text))
    for lang, items in groups.items():
        nlp = build_nlp(lang)
        docs = nlp.pipe((t for _, t in items), batch_size=PIPE_BATCH_SIZE)
        for (i, text), doc in zip(items, docs, strict=True):
            results[i] = extract_doc(articles[i], doc, text, lang)
    return results
