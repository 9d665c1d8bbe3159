"""The Prefect flows in Prefect's test harness (a real local API on a temporary database)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from factwatch.store import Store
from tests.conftest import SEED_ARTICLE
from tests.httpserver import TestServer, serve
from tests.test_monitor import ARTICLE_EN, FEED_HEADERS, HTML_HEADERS, page, rss


@pytest.fixture(scope="module")
def harness() -> Iterator[None]:
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def _artifact_markdown(key: str) -> str:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    async def read() -> str:
        async with get_client() as client:
            found = await client.read_artifacts(
                artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key]))
            )
            return str(found[0].data) if found else ""

    return asyncio.run(read())


def test_rerun_flow_stores_the_seed_and_leaves_an_artifact(
    harness: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.rerun import rerun

    monkeypatch.delenv("FACTWATCH_SLACK_WEBHOOK_URL", raising=False)
    monkeypatch.delenv("FACTWATCH_SMTP_HOST", raising=False)
    db = f"sqlite:///{tmp_path}/flow.db"
    outcomes = rerun(paths=[str(SEED_ARTICLE)], db_url=db)
    assert len(outcomes) == 1 and outcomes[0].problem is None
    assert any(c.fact.model == "Polestar 4" for c in outcomes[0].changes)
    with Store.open(db) as store:
        assert any(f.model == "Polestar 4" for f in store.current_facts())
    markdown = _artifact_markdown("rerun-changes")
    assert "Polestar 4" in markdown and "| kind |" in markdown

    again = rerun(paths=[str(SEED_ARTICLE)], db_url=db)
    assert again[0].duplicate and again[0].changes == ()


@pytest.fixture
def feed_server() -> Iterator[TestServer]:
    with serve() as srv:
        srv.route(
            "/en/ioniq7",
            body=page("Ioniq 7 for Montgomery", ARTICLE_EN, lang="en", published="2025-06-03"),
            headers=HTML_HEADERS,
        )
        srv.route(
            "/feed.xml",
            body=rss([("Ioniq 7", srv.url("/en/ioniq7"), "Hyundai…")]),
            headers=FEED_HEADERS,
            etag='"v1"',
        )
        srv.route("/down.xml", status=503)
        yield srv


def test_monitor_flow_polls_then_gets_304(
    harness: None, feed_server: TestServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.monitor import MonitorParameters, monitor

    monkeypatch.setenv("FACTWATCH_ALLOW_PRIVATE_HOSTS", "1")
    monkeypatch.delenv("FACTWATCH_SLACK_WEBHOOK_URL", raising=False)
    sources = tmp_path / "feeds.yaml"
    sources.write_text(
        "groups:\n  loopback:\n    lang: en\n    feeds:\n"
        f"      - {{name: good, url: '{feed_server.url('/feed.xml')}'}}\n"
        f"      - {{name: down, url: '{feed_server.url('/down.xml')}'}}\n"
    )
    params = MonitorParameters(
        sources=str(sources), db_url=f"sqlite:///{tmp_path}/m.db", retry_delays=[0, 0]
    )
    first = asyncio.run(monitor(params))
    assert first.articles == 1
    assert any("Ioniq 7" in (c.fact.model or "") for c in first.changes)
    assert sum("feed down:" in p for p in first.problems) == 1
    assert feed_server.hits("/down.xml") == 3  # tried, then retried twice (5xx is transient)
    second = asyncio.run(monitor(params))
    assert second.not_modified == 1 and second.changes == []
    assert feed_server.hits("/en/ioniq7") == 1
    assert "monitor" in _artifact_markdown("monitor-changes")
