"""The monitor flow: feeds → new entries → pages → extractor → diff → store → alerts.

Wiring only. Tasks wrap the steps of factwatch.monitor and factwatch.pipeline (the
same functions `factwatch monitor --once` runs in-process without a Prefect server).
Retries are on I/O only, and only for transient errors (timeouts, 5xx, 429,
connection failures); a feed that still fails is one line in the summary and the
run goes on.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from prefect import flow, get_run_logger, task
from prefect.artifacts import acreate_markdown_artifact, acreate_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run, task_run
from pydantic import BaseModel, Field

from factwatch import monitor as steps
from factwatch.config import Settings
from factwatch.feeds import FeedEntry
from factwatch.fetch import Fetcher, is_transient
from factwatch.monitor import FeedPoll, MonitorSummary, PageFetch
from factwatch.pipeline import ArticleOutcome
from factwatch.render import changes_markdown, changes_table
from factwatch.sources import FeedSource, load_sources

__all__ = ["MonitorParameters", "monitor", "run_monitor_once", "serve_monitor"]

FETCH_RETRIES = 2
FETCH_RETRY_DELAYS: list[float] = [2.0, 10.0]


class MonitorParameters(BaseModel):
    """What a monitor run reads and where it writes (the form in Prefect's UI)."""

    sources: str | None = Field(
        default=None, description="feeds file (default: FACTWATCH_SOURCES or seeds/feeds.yaml)"
    )
    group: str | None = Field(default=None, description="poll only this source group")
    db_url: str | None = Field(default=None, description="store URL (default: FACTWATCH_DB_URL)")
    max_entries_per_feed: int = Field(default=steps.MAX_ENTRIES_PER_FEED, ge=1, le=500)
    retry_delays: list[float] = Field(
        default_factory=lambda: list(FETCH_RETRY_DELAYS),
        description="seconds before each retry of a feed or page that failed transiently",
    )


def _retry_on_transient(task: Any, task_run: Any, state: Any) -> bool:
    """Prefect's retry_condition_fn: retry I/O failures that may pass (timeouts, 5xx, 429)."""
    exc = getattr(state, "data", None)  # Prefect hands the failed state the exception
    return isinstance(exc, _TransientFeedFailure) or is_transient(exc)


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


class _TransientFeedFailure(Exception):
    """Raised inside the feed task so Prefect retries it; carries the poll."""

    transient = True

    def __init__(self, poll: FeedPoll) -> None:
        super().__init__(poll.problem)
        self.poll = poll


def _get_feed_name() -> str:
    feed = task_run.parameters.get("feed")
    return f"GET {_host(feed.url)}" if feed is not None else "GET feed"


def _get_page_name() -> str:
    entry = task_run.parameters.get("entry")
    return f"GET {_host(entry.url or '')}" if entry is not None else "GET page"


@task(
    task_run_name=_get_feed_name,
    retries=FETCH_RETRIES,
    retry_delay_seconds=FETCH_RETRY_DELAYS,
    retry_condition_fn=_retry_on_transient,
    cache_policy=NO_CACHE,
)
async def poll_feed(fetcher: Fetcher, feed: FeedSource, state: Any) -> FeedPoll:
    poll = await steps.poll_feed(fetcher, feed, state)
    if poll.problem and poll.state.error and _transient_status(poll.state.last_status):
        raise _TransientFeedFailure(poll)
    return poll


def _transient_status(status: int | None) -> bool:
    return status is None or status == 429 or status >= 500


@task(
    task_run_name=_get_page_name,
    retries=FETCH_RETRIES,
    retry_delay_seconds=FETCH_RETRY_DELAYS,
    retry_condition_fn=_retry_on_transient,
    cache_policy=NO_CACHE,
)
async def fetch_page(fetcher: Fetcher, feed: FeedSource, entry: FeedEntry) -> PageFetch:
    return await steps.fetch_article(fetcher, feed, entry)


@task(name="extract, diff and store", cache_policy=NO_CACHE)
def record(db_url: str, fetched: list[PageFetch]) -> list[ArticleOutcome]:
    from alerts.routing import load_router
    from factwatch.store import Store

    with Store.open(db_url) as store:
        router = load_router(Settings.from_env().routing)
        return steps.record_articles(store, fetched, route=router.route)


@task(name="deliver alerts", cache_policy=NO_CACHE)
def deliver_alerts(db_url: str, run_url: str | None) -> tuple[str, list[str]]:
    from alerts.dispatcher import dispatch
    from alerts.routing import load_router
    from factwatch.store import Store

    with Store.open(db_url) as store:
        report = dispatch(store, load_router(Settings.from_env().routing), run_url=run_url)
    return report.summary(), list(report.problems)


def _run_name() -> str:
    params = flow_run.parameters or {}
    raw = params.get("parameters") or {}
    group = raw.get("group") if isinstance(raw, dict) else getattr(raw, "group", None)
    return f"monitor · {group or 'all sources'}"


@flow(name="monitor", flow_run_name=_run_name, log_prints=False)
async def monitor(parameters: MonitorParameters | None = None) -> MonitorSummary:
    """Poll the feeds once: new articles' facts are diffed, stored and alerted."""
    from factwatch.store import Store

    params = parameters or MonitorParameters()
    logger = get_run_logger()
    settings = Settings.from_env()
    db_url = params.db_url or settings.db_url
    sources = load_sources(params.sources or settings.sources)
    feeds = [f for f in sources.enabled if params.group in (None, f.group)]
    summary = MonitorSummary()
    with Store.open(db_url) as store:
        states = {f.url: store.feed_state(f.url) for f in feeds}
    delays = params.retry_delays
    poll_task = poll_feed.with_options(retries=len(delays), retry_delay_seconds=delays or 0)
    page_task = fetch_page.with_options(retries=len(delays), retry_delay_seconds=delays or 0)
    async with Fetcher() as fetcher:

        async def guarded(feed: FeedSource) -> FeedPoll | None:
            try:
                return await poll_task(fetcher, feed, states[feed.url])
            except _TransientFeedFailure as failure:  # retries exhausted
                return failure.poll
            except Exception as exc:  # a bug in one feed's task must not stop the others
                logger.error("feed %s: %s", feed.name, exc)
                return None

        polls = [p for p in await asyncio.gather(*(guarded(f) for f in feeds)) if p is not None]
        with Store.open(db_url) as store:
            pending = steps.record_polls(
                store, summary, polls, max_entries_per_feed=params.max_entries_per_feed
            )
        gate = asyncio.Semaphore(steps.PAGE_CONCURRENCY)

        async def one(feed: FeedSource, entry: FeedEntry) -> PageFetch:
            async with gate:
                return await page_task(fetcher, feed, entry)

        fetched = list(await asyncio.gather(*(one(f, e) for f, e in pending)))
    steps.summarise_pages(summary, fetched)
    outcomes = record(db_url, fetched)
    steps.summarise_outcomes(summary, outcomes)
    run_url = flow_run.get_flow_run_ui_url()
    summary.alerts, alert_problems = deliver_alerts(db_url, str(run_url) if run_url else None)
    summary.problems += alert_problems
    for line in summary.problems:
        logger.warning("%s", line)
    logger.info("%s", summary.to_text())
    title = _run_name()
    await acreate_markdown_artifact(
        key="monitor-changes",
        markdown=changes_markdown(summary.changes, title=title) + "\n" + summary.to_text() + "\n",
        description=title,
    )
    await acreate_table_artifact(
        key="monitor-changes-table", table=changes_table(summary.changes), description=title
    )
    return summary


# --------------------------------------------------------------------------- CLI entry


def run_monitor_once(
    *, sources: Path, db_url: str, json_mode: bool = False, use_prefect: bool = False
) -> MonitorSummary:
    """`factwatch monitor --once`: the flow against a server, or the same steps in-process."""
    if use_prefect:
        return asyncio.run(monitor(MonitorParameters(sources=str(sources), db_url=db_url)))
    from alerts.dispatcher import dispatch
    from alerts.routing import load_router
    from factwatch.store import Store

    loaded = load_sources(sources)
    router = load_router(Settings.from_env().routing)

    async def poll() -> MonitorSummary:
        async with Fetcher() as fetcher:
            return await steps.run_once(loaded, store, fetcher=fetcher, route=router.route)

    with Store.open(db_url) as store:
        summary = asyncio.run(poll())
        report = dispatch(store, router, json_mode=json_mode)
    summary.alerts = report.summary()
    summary.problems += list(report.problems)
    return summary


def serve_monitor(*, sources: Path, db_url: str) -> int:
    """`factwatch monitor` without --once: serve the flow on its schedule (needs a server)."""
    monitor.serve(
        name="monitor",
        cron="*/30 * * * *",
        parameters={
            "parameters": MonitorParameters(sources=str(sources), db_url=db_url).model_dump()
        },
    )
    return 0
