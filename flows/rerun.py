"""The rerun flow: seed or article files → facts → diff → store → alerts, as Prefect tasks.

Wiring only: each task wraps a function of factwatch.pipeline (the same functions
the CLI calls in-process when no Prefect server is configured).
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from factwatch import pipeline
from factwatch.config import Settings
from factwatch.model import Article
from factwatch.pipeline import ArticleOutcome
from factwatch.render import changes_markdown, changes_table

__all__ = ["rerun"]


@task(name="read articles", cache_policy=NO_CACHE)
def read_articles(
    paths: list[str], published: str | None, publisher: str | None
) -> list[Article | ArticleOutcome]:
    return pipeline.load_articles(paths, published=published, publisher=publisher)


@task(name="extract, diff and store", cache_policy=NO_CACHE)
def ingest_articles(db_url: str, items: list[Article | ArticleOutcome]) -> list[ArticleOutcome]:
    from alerts.routing import load_router
    from factwatch.store import Store

    logger = get_run_logger()
    store = Store.open(db_url)
    try:
        router = load_router(Settings.from_env().routing)
        outcomes = pipeline.ingest(store, items, route=router.route)
    finally:
        store.close()
    for outcome in outcomes:
        if outcome.problem:
            logger.warning("%s", outcome.problem)
        else:
            logger.info(
                "%s: %d facts, %d changes%s",
                outcome.where,
                len(outcome.facts),
                len(outcome.changes),
                " (already recorded)" if outcome.duplicate else "",
            )
    return outcomes


@task(name="deliver alerts", cache_policy=NO_CACHE)
def deliver_alerts(db_url: str) -> str:
    from alerts.dispatcher import dispatch
    from alerts.routing import load_router
    from factwatch.store import Store

    logger = get_run_logger()
    store = Store.open(db_url)
    try:
        report = dispatch(store, load_router(Settings.from_env().routing), run_url=_run_url())
    finally:
        store.close()
    for line in report.problems:
        logger.warning("%s", line)
    return str(report.summary())


def _run_url() -> str | None:
    ui = flow_run.get_flow_run_ui_url()
    return str(ui) if ui else None


@flow(name="rerun", flow_run_name="rerun · {paths[0]}", log_prints=False)
def rerun(
    paths: list[str],
    db_url: str | None = None,
    published: str | None = None,
    publisher: str | None = None,
) -> list[ArticleOutcome]:
    """Rerun article files, in order, into the store; alert on new and changed facts."""
    db_url = db_url or Settings.from_env().db_url
    items = read_articles(paths, published, publisher)
    outcomes = ingest_articles(db_url, items)
    summary = deliver_alerts(db_url)
    changes = [c for o in outcomes for c in o.changes]
    title = f"rerun · {', '.join(Path(p).name for p in paths[:3])}"
    create_markdown_artifact(
        key="rerun-changes",
        markdown=changes_markdown(changes, title=title) + f"\n{summary}\n",
        description=title,
    )
    create_table_artifact(
        key="rerun-changes-table", table=changes_table(changes), description=title
    )
    return outcomes
