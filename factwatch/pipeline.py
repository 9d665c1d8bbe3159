"""The pipeline both the rerun and the monitor call: articles → facts → store (diff + outbox).

These functions are what the Prefect tasks wrap (flows/), and what the CLI calls
in-process when no Prefect server is configured: one code path either way.
Extraction is pure; `record_article` is the only step that writes, in one
transaction per article (the store's).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from factwatch.articles import ArticleError, read_article
from factwatch.model import Article, Change, Fact

if TYPE_CHECKING:
    from factwatch.store import Store

__all__ = [
    "ArticleOutcome",
    "Route",
    "extract_articles",
    "ingest",
    "load_articles",
    "record_article",
]

log = logging.getLogger(__name__)


class Route(Protocol):
    def __call__(self, change: Change) -> Sequence[tuple[str, bool]]: ...


def _no_route(change: Change) -> Sequence[tuple[str, bool]]:
    return ()


@dataclass(frozen=True, slots=True)
class ArticleOutcome:
    """What happened to one article: its facts and changes, or the one-line problem."""

    where: str
    article: Article | None = None
    facts: tuple[Fact, ...] = ()
    changes: tuple[Change, ...] = ()
    duplicate: bool = False
    problem: str | None = None
    skipped: bool = False  # e.g. an unsupported language: recorded, not an error
    outbox_keys: tuple[str, ...] = field(default=())
    article_id: int | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def where_of(article: Article) -> str:
    return article.source.path or article.source.url or "<article>"


def load_articles(
    paths: Sequence[Path | str], *, published: str | None = None, publisher: str | None = None
) -> list[Article | ArticleOutcome]:
    """Read article files in order; a file that cannot be read becomes an ArticleOutcome."""
    loaded: list[Article | ArticleOutcome] = []
    for path in paths:
        try:
            loaded.append(read_article(path, published=published, publisher=publisher))
        except ArticleError as exc:
            loaded.append(ArticleOutcome(where=str(path), problem=str(exc)))
    return loaded


def extract_articles(articles: Sequence[Article]) -> list[list[Fact] | ArticleOutcome]:
    """Extract facts, batched per language; per-article problems become outcomes.

    The language is identified once per article here: an unsupported one is a skipped
    outcome (one line, recorded by `ingest`), the others go to `extract_many` with
    their language set.
    """
    from extractors import ExtractorError, UnsupportedLanguage, extract_many, language_of

    results: list[list[Fact] | ArticleOutcome | None] = []
    batch: list[tuple[int, Article]] = []
    for article in articles:
        where = where_of(article)
        try:
            lang = language_of(article)
        except UnsupportedLanguage as exc:
            results.append(
                ArticleOutcome(
                    where=where, article=article, skipped=True, problem=f"{where}: skipped: {exc}"
                )
            )
            continue
        batch.append((len(results), replace(article, lang=lang) if lang else article))
        results.append(None)
    try:
        extracted = extract_many([a for _, a in batch])
    except ExtractorError as exc:
        log.warning("batch extraction failed (%s); extracting one by one", exc)
        extracted = [_extract_one(a) for _, a in batch]  # type: ignore[misc]
    for (i, _), facts in zip(batch, extracted, strict=True):
        results[i] = facts
    return [r for r in results if r is not None]


def _extract_one(article: Article) -> list[Fact] | ArticleOutcome:
    from extractors import ExtractorError, extract

    try:
        return extract(article)
    except ExtractorError as exc:
        where = where_of(article)
        return ArticleOutcome(
            where=where, article=article, problem=f"{where}: extraction failed: {exc}"
        )


def record_article(
    store: Store, article: Article, facts: Sequence[Fact], *, route: Route | None = None
) -> ArticleOutcome:
    """Diff and store one article's facts (one transaction, outbox included)."""
    result = store.record(article, facts, route=route or _no_route)
    return ArticleOutcome(
        where=where_of(article),
        article=article,
        facts=tuple(facts),
        changes=tuple(result.changes),
        duplicate=result.duplicate,
        outbox_keys=tuple(result.outbox_keys),
        article_id=result.article_id,
    )


def _with_article_note(article: Article, facts: Sequence[Fact]) -> list[Fact]:
    """Carry the article's note (e.g. "feed summary only") into each fact's evidence."""
    if not article.note:
        return list(facts)
    return [f.with_(evidence=replace(f.evidence, note=article.note)) for f in facts]


def ingest(
    store: Store,
    items: Sequence[Article | ArticleOutcome],
    *,
    route: Route | None = None,
    on_outcome: Callable[[ArticleOutcome], None] | None = None,
) -> list[ArticleOutcome]:
    """Extract and record articles in order; problems are outcomes, never exceptions.

    An article whose text the store already holds is recognised before extraction
    (its content hash), so a rerun of a known file costs no spaCy load at all.
    """
    from factwatch.store import content_hash

    items = [
        ArticleOutcome(where=where_of(item), article=item, duplicate=True, article_id=known)
        if isinstance(item, Article)
        and (known := store.find_article(content_hash=content_hash(item.text))) is not None
        else item
        for item in items
    ]
    articles = [item for item in items if isinstance(item, Article)]
    extracted = iter(extract_articles(articles)) if articles else iter(())
    outcomes: list[ArticleOutcome] = []
    for item in items:
        if isinstance(item, ArticleOutcome):
            outcome = item
        else:
            facts_or_problem = next(extracted)
            if isinstance(facts_or_problem, ArticleOutcome):
                outcome = facts_or_problem
                if outcome.skipped:
                    store.record_unsupported(item, reason=outcome.problem or "unsupported")
            else:
                facts = _with_article_note(item, facts_or_problem)
                outcome = record_article(store, item, facts, route=route)
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    return outcomes
