"""The monitor's steps: feeds → new entries → pages → Articles → pipeline.

Each step is a function the Prefect flow (flows/monitor.py) wraps as a task and
`run_once` calls in-process. Fetching goes through `factwatch.fetch.Fetcher`;
parsing is pure (`factwatch.feeds`, `factwatch.pages`); the store is touched only to
read and save feed state and seen entries, and by `pipeline.ingest`.

A feed or page that fails is one line in `MonitorSummary.problems`; the run goes on.
A page that cannot be fetched falls back to the feed entry's summary, and the facts'
evidence says so (`Evidence.note`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from factwatch.feeds import FeedEntry, FeedError, FeedProblem, parse_feed
from factwatch.fetch import FEED_TYPES, HTML_TYPES, Fetcher, FetchError, redact_url
from factwatch.model import Article, Change, Source
from factwatch.pages import PageError, extract_page
from factwatch.pipeline import ArticleOutcome, Route, ingest
from factwatch.sources import FeedSource, Sources

if TYPE_CHECKING:
    from factwatch.store import FeedState, Store

__all__ = [
    "FeedPoll",
    "MonitorSummary",
    "PageFetch",
    "article_from_entry",
    "fetch_article",
    "poll_feed",
    "record_articles",
    "record_polls",
    "run_once",
    "unseen_entries",
]

log = logging.getLogger(__name__)

MAX_ENTRIES_PER_FEED = 50
"""Entries beyond this many per feed and poll are left for the next poll."""
MIN_SUMMARY_CHARS = 40
"""A feed summary shorter than this is no article to extract from."""
PAGE_CONCURRENCY = 16
"""Pages fetched at once across hosts (the fetcher also limits per host)."""


@dataclass(frozen=True, slots=True)
class FeedPoll:
    feed: FeedSource
    state: FeedState
    entries: tuple[FeedEntry, ...] = ()
    not_modified: bool = False
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class PageFetch:
    feed: FeedSource
    entry: FeedEntry
    article: Article | None
    problem: str | None = None  # set when the page failed (the article may be the summary)


@dataclass(slots=True)
class MonitorSummary:
    feeds: int = 0
    not_modified: int = 0
    failed_feeds: int = 0
    new_entries: int = 0
    pages: int = 0
    summary_fallbacks: int = 0
    articles: int = 0
    duplicates: int = 0
    changes: list[Change] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    alerts: str = ""

    def to_text(self) -> str:
        alerts = sum(1 for c in self.changes if c.alert)
        lines = [
            f"monitor: {self.feeds} feeds polled ({self.not_modified} unchanged, "
            f"{self.failed_feeds} failed), {self.new_entries} new entries, "
            f"{self.pages} pages fetched ({self.summary_fallbacks} from the feed summary), "
            f"{self.articles} articles extracted ({self.duplicates} already known), "
            f"{len(self.changes)} changes, {alerts} alerted",
        ]
        if self.alerts:
            lines.append(self.alerts)
        return "\n".join(lines)


def _now() -> datetime:
    return datetime.now(UTC)


async def poll_feed(fetcher: Fetcher, feed: FeedSource, state: FeedState | None) -> FeedPoll:
    """Conditional GET of one feed and its entries. Failures are a FeedPoll.problem."""
    from factwatch.store import FeedState

    previous = state or FeedState(feed_url=feed.url)
    try:
        result = await fetcher.get(
            feed.url, etag=previous.etag, last_modified=previous.last_modified, accept=FEED_TYPES
        )
    except FetchError as exc:
        status = getattr(exc, "status", None)
        return FeedPoll(
            feed=feed,
            state=_state(previous, status=status, error=str(exc)),
            problem=f"feed {feed.name}: {exc}; skipped this run",
        )
    if result.not_modified:
        return FeedPoll(feed=feed, state=_state(previous, status=304), not_modified=True)
    new_state = FeedState(
        feed_url=feed.url,
        etag=result.etag,
        last_modified=result.last_modified,
        last_status=result.status,
        last_polled_at=_now(),
    )
    try:
        parsed = parse_feed(result.body, feed_url=feed.url, content_type=result.content_type)
    except FeedError as exc:
        if exc.problem is FeedProblem.NO_ENTRIES:  # a real feed with nothing in it: quiet
            return FeedPoll(feed=feed, state=new_state)
        # Keep the old validators: the next poll must fetch the feed again.
        return FeedPoll(
            feed=feed,
            state=_state(previous, status=result.status, error=str(exc)),
            problem=f"feed {feed.name}: {exc.reason}; skipped this run",
        )
    problem: str | None = None
    if parsed.bozo_problem:
        problem = (
            f"feed {feed.name} ({redact_url(feed.url)}) is ill-formed ({parsed.bozo_problem}); "
            f"{len(parsed.entries)} entries kept"
        )
    return FeedPoll(
        feed=feed, state=new_state, entries=parsed.entries[:MAX_ENTRIES_PER_FEED], problem=problem
    )


def _state(previous: FeedState, *, status: int | None, error: str | None = None) -> FeedState:
    from factwatch.store import FeedState

    return FeedState(
        feed_url=previous.feed_url,
        etag=previous.etag,
        last_modified=previous.last_modified,
        last_status=status,
        last_polled_at=_now(),
        error=error,
    )


def unseen_entries(store: Store, entries: Sequence[FeedEntry]) -> list[FeedEntry]:
    """Entries to process: never seen, or seen at the same URL/GUID with new content.

    An entry republished under another URL or title with the same content hash, or a
    retitled entry with the same GUID and text, is not processed again; an updated
    article (same URL, new text) is, and the store's content hash then decides
    whether its page text is really new.
    """
    fresh: list[FeedEntry] = []
    batch: set[str] = set()
    for entry in entries:
        ids = {entry.canonical_url, entry.guid, entry.content_hash} - {None, ""}
        if ids & batch:
            continue
        seen = store.entry_seen(
            canonical_url=entry.canonical_url, guid=entry.guid, content_hash=entry.content_hash
        )
        if seen is not None and seen.content_hash in (entry.content_hash, None):
            continue
        batch |= {i for i in ids if i}
        fresh.append(entry)
    return fresh


def article_from_entry(
    feed: FeedSource,
    entry: FeedEntry,
    *,
    text: str,
    title: str | None,
    published: str | None,
    lang: str | None,
    note: str | None = None,
) -> Article:
    """An Article from a page's (or the feed summary's) text. Pure."""
    when = published or entry.published or _now().date().isoformat()
    # the canonical link: tracking parameters (utm_*, …) stripped
    source = Source(published=when, url=entry.canonical_url or entry.url, publisher=feed.name)
    return Article(
        text=text, source=source, title=title or entry.title, lang=lang or str(feed.lang), note=note
    )


async def fetch_article(fetcher: Fetcher, feed: FeedSource, entry: FeedEntry) -> PageFetch:
    """The entry's page → Article; on failure, the feed summary with a note saying so.

    `PageFetch.problem` is one line naming the feed, the page and what happens next.
    An entry without a link is read from its summary, quietly (the evidence says so).
    """
    summary = entry.summary_text.strip()
    usable_summary = len(summary) >= MIN_SUMMARY_CHARS
    if entry.url is None:
        if not usable_summary:
            return PageFetch(feed=feed, entry=entry, article=None)
        note = "feed summary only: the entry has no link"
        article = article_from_entry(
            feed, entry, text=summary, title=entry.title, published=None, lang=None, note=note
        )
        return PageFetch(feed=feed, entry=entry, article=article)
    try:
        result = await fetcher.get(entry.url, accept=HTML_TYPES)
        page = extract_page(
            result.body, url=result.url, content_type=result.content_type, selector=feed.selector
        )
    except (FetchError, PageError) as exc:
        failure = str(exc)
    else:
        article = article_from_entry(
            feed, entry, text=page.text, title=page.title, published=page.published,
            lang=page.lang,
        )  # fmt: skip
        return PageFetch(feed=feed, entry=entry, article=article)
    if not usable_summary:
        return PageFetch(
            feed=feed, entry=entry, article=None,
            problem=f"feed {feed.name}: {failure}; no summary to fall back on, entry skipped",
        )  # fmt: skip
    note = f"feed summary only: the page could not be fetched ({failure})"
    article = article_from_entry(
        feed, entry, text=summary, title=entry.title, published=None, lang=None, note=note
    )
    return PageFetch(
        feed=feed, entry=entry, article=article,
        problem=f"feed {feed.name}: {failure}; using the feed's summary",
    )  # fmt: skip


def record_articles(
    store: Store, fetched: Sequence[PageFetch], *, route: Route | None = None
) -> list[ArticleOutcome]:
    """Extract, diff and store the fetched articles; remember their entries as seen."""
    usable = [f for f in fetched if f.article is not None]
    outcomes = ingest(store, [f.article for f in usable if f.article is not None], route=route)
    for page, outcome in zip(usable, outcomes, strict=True):
        store.mark_entry_seen(
            canonical_url=page.entry.canonical_url,
            guid=page.entry.guid,
            content_hash=page.entry.content_hash,
            article_id=outcome.article_id,
        )
    for page in fetched:
        if page.article is None:  # nothing to extract: remember it, don't refetch forever
            store.mark_entry_seen(
                canonical_url=page.entry.canonical_url,
                guid=page.entry.guid,
                content_hash=page.entry.content_hash,
                article_id=None,
            )
    return outcomes


async def run_once(
    sources: Sources,
    store: Store,
    *,
    fetcher: Fetcher,
    route: Route | None = None,
    feeds: Sequence[FeedSource] | None = None,
) -> MonitorSummary:
    """One poll of every enabled feed, in-process (the flow does the same with tasks)."""
    summary = MonitorSummary()
    chosen = list(feeds if feeds is not None else sources.enabled)
    polls = await asyncio.gather(*(poll_feed(fetcher, f, store.feed_state(f.url)) for f in chosen))
    pending = record_polls(store, summary, polls)

    gate = asyncio.Semaphore(PAGE_CONCURRENCY)

    async def one(feed: FeedSource, entry: FeedEntry) -> PageFetch:
        async with gate:
            return await fetch_article(fetcher, feed, entry)

    fetched = await asyncio.gather(*(one(f, e) for f, e in pending))
    summarise_pages(summary, fetched)
    outcomes = record_articles(store, fetched, route=route)
    summarise_outcomes(summary, outcomes)
    return summary


def record_polls(
    store: Store,
    summary: MonitorSummary,
    polls: Sequence[FeedPoll],
    *,
    max_entries_per_feed: int = MAX_ENTRIES_PER_FEED,
) -> list[tuple[FeedSource, FeedEntry]]:
    """Save each feed's state, count the polls, and return the entries still to fetch."""
    pending: list[tuple[FeedSource, FeedEntry]] = []
    for poll in polls:
        summary.feeds += 1
        store.save_feed_state(poll.state)
        if poll.problem:
            summary.problems.append(poll.problem)
        if poll.not_modified:
            summary.not_modified += 1
        elif not poll.entries and poll.problem:
            summary.failed_feeds += 1
        entries = unseen_entries(store, poll.entries[:max_entries_per_feed])
        pending += [(poll.feed, e) for e in entries]
    summary.new_entries = len(pending)
    return pending


def summarise_pages(summary: MonitorSummary, fetched: Sequence[PageFetch]) -> None:
    for page in fetched:
        summary.pages += 1
        if page.problem:
            summary.problems.append(page.problem)
        if page.article is not None and page.article.note:
            summary.summary_fallbacks += 1


def summarise_outcomes(summary: MonitorSummary, outcomes: Sequence[ArticleOutcome]) -> None:
    for outcome in outcomes:
        if outcome.problem:
            summary.problems.append(outcome.problem)
            continue
        summary.articles += 1
        summary.duplicates += outcome.duplicate
        summary.changes.extend(outcome.changes)
