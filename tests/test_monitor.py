"""The monitor end to end against a real HTTP server on 127.0.0.1.

Feeds (RSS and Atom) and article pages with real-looking boilerplate are served by
tests/httpserver.py; the store is a real SQLite file; the extractor is the real one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from factwatch.fetch import Fetcher, FetchPolicy
from factwatch.monitor import MonitorSummary, run_once
from factwatch.sources import Sources, parse_sources
from factwatch.store import Store
from tests.httpserver import Response, TestServer, serve

ARTICLE_EN = """
<p>Hyundai Motor said on Tuesday that production of the Ioniq 7 will start at its
Montgomery plant in Alabama in the second half of 2026.</p>
<p>The plant in Montgomery has a capacity of 400,000 vehicles a year and employs
about 3,000 workers, the company said.</p>
<p>Analysts expect the new model to sell well in North America.</p>
"""

ARTICLE_FR = """
<p>Renault a annoncé que la production de la Renault 4 E-Tech débutera à l'usine de
Maubeuge au second semestre 2025.</p>
<p>Le site de Maubeuge emploie près de 2.000 salariés et a une capacité de production
de 200.000 unités par an.</p>
"""


def page(title: str, body: str, *, lang: str, published: str) -> bytes:
    """A news page as publishers serve them: nav, cookie banner, related, comments."""
    html = f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} | AutoNews</title>
<meta property="article:published_time" content="{published}T08:00:00Z">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}",
 "datePublished": "{published}T08:00:00Z"}}</script></head>
<body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/ev">EV</a></li><li><a href="/plants">Plants</a></li></ul></nav>
<main><article><h1>{title}</h1><p class="byline">By Staff Writer</p>{body}</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/x">Tesla recalls Model Y in China</a></li>
<li><a href="/y">BMW opens a plant in Debrecen</a></li></ul></aside>
<section class="comments"><h2>Comments</h2><p>Great news for Alabama! Ford should build here too.</p></section>
</main><footer>© AutoNews. All rights reserved. Imprint. Privacy.</footer></body></html>"""
    return html.encode("utf-8")


def rss(items: list[tuple[str, str, str]]) -> bytes:
    body = "".join(
        f"<item><title>{t}</title><link>{link}?utm_source=rss&amp;utm_medium=feed</link>"
        f"<guid>{link}</guid><description>{d}</description>"
        "<pubDate>Tue, 03 Jun 2025 08:00:00 GMT</pubDate></item>"
        for t, link, d in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>AutoNews</title><link>http://example/</link>{body}</channel></rss>"
    ).encode()


def atom(entries: list[tuple[str, str, str]]) -> bytes:
    body = "".join(
        f'<entry><title>{t}</title><link href="{link}"/><id>{link}</id>'
        f"<updated>2025-06-03T08:00:00Z</updated><summary>{s}</summary></entry>"
        for t, link, s in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Le Journal</title><id>urn:x</id><updated>2025-06-03T08:00:00Z</updated>{body}</feed>"
    ).encode()


FEED_HEADERS = {"Content-Type": "application/rss+xml; charset=utf-8"}
ATOM_HEADERS = {"Content-Type": "application/atom+xml; charset=utf-8"}
HTML_HEADERS = {"Content-Type": "text/html; charset=utf-8"}


@pytest.fixture
def server() -> Iterator[TestServer]:
    with serve() as srv:
        srv.route(
            "/en/hyundai-ioniq7",
            body=page("Ioniq 7 for Montgomery", ARTICLE_EN, lang="en", published="2025-06-03"),
            headers=HTML_HEADERS,
        )
        srv.route(
            "/fr/renault-4-maubeuge",
            body=page("La Renault 4 à Maubeuge", ARTICLE_FR, lang="fr", published="2025-06-03"),
            headers=HTML_HEADERS,
        )
        srv.route(
            "/feeds/en.xml",
            body=rss([("Ioniq 7 for Montgomery", srv.url("/en/hyundai-ioniq7"), "Hyundai…")]),
            headers=FEED_HEADERS,
            etag='"en-v1"',
        )
        srv.route(
            "/feeds/fr.atom",
            body=atom([("La Renault 4 à Maubeuge", srv.url("/fr/renault-4-maubeuge"), "Renault…")]),
            headers=ATOM_HEADERS,
            last_modified="Tue, 03 Jun 2025 08:00:00 GMT",
        )
        yield srv


def sources_for(srv: TestServer, paths: list[tuple[str, str]]) -> Sources:
    feeds = "\n".join(f"      - {{name: {name}, url: '{srv.url(path)}'}}" for name, path in paths)
    return parse_sources(f"groups:\n  test:\n    lang: en\n    feeds:\n{feeds}\n", origin="test")


async def loopback_only(host: str, port: int) -> list[str]:
    """Resolve nothing but loopback: a test never asks a real DNS server."""
    if host in ("127.0.0.1", "localhost"):
        return ["127.0.0.1"]
    raise OSError(f"{host} is not resolved in tests")


def fetcher() -> Fetcher:
    return Fetcher(
        resolver=loopback_only,
        policy=FetchPolicy(
            allow_private_hosts=True,
            default_crawl_delay=0.0,
            connect_timeout=1.0,
            read_timeout=1.0,
            total_timeout=3.0,
            max_bytes=2 * 1024 * 1024,
        ),
    )


def poll(sources: Sources, store: Store) -> MonitorSummary:
    async def go() -> MonitorSummary:
        async with fetcher() as f:
            return await run_once(sources, store, fetcher=f)

    return asyncio.run(go())


GOOD = [("autonews-en", "/feeds/en.xml"), ("journal-fr", "/feeds/fr.atom")]


def test_first_poll_finds_facts_second_poll_is_304_and_quiet(
    server: TestServer, tmp_path: Path
) -> None:
    sources = sources_for(server, GOOD)
    with Store.open(f"sqlite:///{tmp_path}/m.db") as store:
        first = poll(sources, store)
        assert first.problems == []
        assert (first.feeds, first.new_entries, first.articles) == (2, 2, 2)
        models = {c.fact.model for c in first.changes if c.fact.model}
        assert any("Ioniq 7" in m for m in models), models
        assert any("Renault 4" in m for m in models), models
        facts = store.current_facts()
        ioniq = next(f for f in facts if f.model and "Ioniq 7" in f.model)
        assert ioniq.plant is not None and ioniq.plant.city == "Montgomery"
        assert ioniq.source.url == server.url("/en/hyundai-ioniq7")  # tracking params gone
        assert "cookie" not in ioniq.evidence.sentence.lower()
        pages_before = server.hits("/en/hyundai-ioniq7") + server.hits("/fr/renault-4-maubeuge")

        second = poll(sources, store)
        assert second.not_modified == 2
        assert second.changes == [] and second.new_entries == 0
        pages_after = server.hits("/en/hyundai-ioniq7") + server.hits("/fr/renault-4-maubeuge")
        assert pages_after == pages_before == 2
        assert server.requests("/feeds/en.xml")[-1].headers.get("if-none-match") == '"en-v1"'
        assert len(store.current_facts()) == len(facts)


def test_republished_entry_under_new_title_is_processed_once(
    server: TestServer, tmp_path: Path
) -> None:
    link = server.url("/en/hyundai-ioniq7")
    server.route(
        "/feeds/again.xml",
        body=rss([("Ioniq 7 for Montgomery", link, "x"), ("Retitled: Ioniq 7", link, "y")]),
        headers=FEED_HEADERS,
    )
    sources = sources_for(server, [("again", "/feeds/again.xml")])
    with Store.open(f"sqlite:///{tmp_path}/m.db") as store:
        summary = poll(sources, store)
        assert summary.new_entries == 1
        assert server.hits("/en/hyundai-ioniq7") == 1


def test_page_failure_falls_back_to_summary_and_says_so(server: TestServer, tmp_path: Path) -> None:
    server.route("/en/gone", Response(status=500))
    summary_text = (
        "Toyota will start production of the C-HR+ at its Kolin plant in the Czech "
        "Republic in early 2026, the company said."
    )
    server.route(
        "/feeds/s.xml",
        body=rss([("C-HR+ at Kolin", server.url("/en/gone"), summary_text)]),
        headers=FEED_HEADERS,
    )
    sources = sources_for(server, [("s", "/feeds/s.xml")])
    with Store.open(f"sqlite:///{tmp_path}/m.db") as store:
        summary = poll(sources, store)
        assert summary.summary_fallbacks == 1
        assert [p for p in summary.problems if "using the feed's summary" in p] == [
            f"feed s: {server.url('/en/gone')}?utm_source=rss&utm_medium=feed: HTTP 500 "
            "Internal Server Error; using the feed's summary"
        ]
        for change in summary.changes:
            assert "feed summary only" in (change.fact.evidence.note or "")


def _illformed_and_encoding(shared: Path) -> list[Path]:
    base = shared / "corpora" / "feedparser-tests" / "tests"
    files = sorted((base / "illformed").rglob("*.xml"))[:25]
    files += sorted((base / "encoding").rglob("*.xml"))[:25]
    return files


def test_bad_sources_each_give_one_line_and_the_run_completes(
    server: TestServer, tmp_path: Path, shared_dir: Path
) -> None:
    server.route(
        "/feeds/broken.xml", body=b"<rss><channel><item><title>unterminated", headers=FEED_HEADERS
    )
    server.route("/feeds/500.xml", Response(status=500))
    server.route("/feeds/slow.xml", delay=3.0, body=b"<rss/>", headers=FEED_HEADERS)
    server.route("/feeds/loop1.xml", Response(status=302, headers={"Location": "/feeds/loop2.xml"}))
    server.route("/feeds/loop2.xml", Response(status=302, headers={"Location": "/feeds/loop1.xml"}))
    server.route(
        "/pages/huge",
        stream=lambda: (b"<p>" + b"x" * 65530 + b"</p>" for _ in range(320)),
        headers=HTML_HEADERS,
    )
    server.route(
        "/pages/doc.pdf",
        body=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        headers={"Content-Type": "application/pdf"},
    )
    server.route(
        "/pages/soft404",
        body=b"<html><head><title>404 Not Found</title></head><body><h1>Page not found</h1></body></html>",
        headers=HTML_HEADERS,
    )
    bad_pages = [
        ("Huge", server.url("/pages/huge"), "x"),
        ("Pdf", server.url("/pages/doc.pdf"), "y"),
        ("Soft 404", server.url("/pages/soft404"), "z"),
    ]
    server.route("/feeds/badpages.xml", body=rss(bad_pages), headers=FEED_HEADERS)
    paths = [
        ("broken", "/feeds/broken.xml"),
        ("five-hundred", "/feeds/500.xml"),
        ("slow", "/feeds/slow.xml"),
        ("loop", "/feeds/loop1.xml"),
        ("badpages", "/feeds/badpages.xml"),
    ]
    for i, file in enumerate(_illformed_and_encoding(shared_dir)):
        server.route(
            f"/corpus/{i}.xml", body=file.read_bytes(), headers={"Content-Type": "application/xml"}
        )
        paths.append((f"corpus-{i}", f"/corpus/{i}.xml"))
    sources = sources_for(server, [*GOOD, *paths])
    with Store.open(f"sqlite:///{tmp_path}/m.db") as store:
        summary = poll(sources, store)
    assert summary.feeds == len(paths) + 2
    text = "\n".join(summary.problems)
    for name in ("five-hundred", "slow", "loop"):
        assert sum(p.startswith(f"feed {name}:") for p in summary.problems) == 1, text
    for path in ("/pages/huge", "/pages/doc.pdf", "/pages/soft404"):
        lines = [p for p in summary.problems if path in p]
        assert len(lines) == 1 and lines[0].startswith("feed badpages:"), text
    assert all("\n" not in p and "Traceback" not in p for p in summary.problems)
    # the client stopped at its 2 MB cap: the server wrote what loopback socket buffers
    # took (a few MB), far from the 20 MB page
    assert server.bytes_sent("/pages/huge") < 12 * 1024 * 1024
    models = {c.fact.model for c in summary.changes if c.fact.model}
    assert any("Ioniq 7" in m for m in models) and any("Renault 4" in m for m in models)


def test_updated_article_is_extracted_again_and_diffed(server: TestServer, tmp_path: Path) -> None:
    link = server.url("/en/hyundai-ioniq7")
    server.route(
        "/feeds/u.xml",
        body=rss([("Ioniq 7", link, "first version")]),
        headers=FEED_HEADERS,
        etag='"u1"',
    )
    sources = sources_for(server, [("u", "/feeds/u.xml")])
    with Store.open(f"sqlite:///{tmp_path}/m.db") as store:
        first = poll(sources, store)
        assert first.articles == 1
        updated = ARTICLE_EN.replace("400,000 vehicles", "500,000 vehicles")
        server.route(
            "/en/hyundai-ioniq7",
            body=page("Ioniq 7 for Montgomery", updated, lang="en", published="2025-06-04"),
            headers=HTML_HEADERS,
        )
        server.route(
            "/feeds/u.xml",
            body=rss([("Ioniq 7", link, "updated version")]),
            headers=FEED_HEADERS,
            etag='"u2"',
        )
        second = poll(sources, store)
        assert second.new_entries == 1 and server.hits("/en/hyundai-ioniq7") == 2
        capacity = [c for c in second.changes if c.type.value == "plant_capacity"]
        assert [(c.kind.value, c.old, c.new) for c in capacity] == [("changed", 400000.0, 500000.0)]
        third = poll(sources, store)
        assert third.not_modified == 1 and server.hits("/en/hyundai-ioniq7") == 2
