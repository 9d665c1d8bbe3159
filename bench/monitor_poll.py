"""How fast is a poll where nothing changed? `run_once` (all 304) vs bare httpx GETs.

A loopback server (bench/_loopback.py: asyncio HTTP/1.1, keep-alive, in a child
process) serves `--feeds` RSS feeds (10 items each) with an ETag, and answers 304 to a
matching If-None-Match. Setup: the store (a real SQLite file in a temp dir) is given
the feeds' items as seen (`Store.mark_entry_seen` on what `parse_feed` reads from
each feed: a store as previous runs leave it), then one `factwatch.monitor.run_once`
polls every feed (200, items already seen: nothing to extract) so the store holds
their ETags. Then, `--repeat` times, alternately (the order flips every round):

- monitor: a new `Fetcher` (as every run builds one) and `run_once` (every feed 304);
- baseline: a new `httpx.AsyncClient` and one GET per feed URL with its
  If-None-Match, at most `--concurrency` at once (an asyncio.Semaphore).

Both sides build their client inside the timing. Printed: medians, the ratio
monitor/baseline (target <= 2x), and where a monitor poll's time goes, measured on
extra rounds that replicate run_once's steps with the same public functions
(store.feed_state reads, poll_feed fetches, store.save_feed_state writes).

Concurrency: all feeds are on one host (127.0.0.1), and the Fetcher limits requests
per host (`FetchPolicy.per_host_concurrency`, default 2, for politeness). In real use
200 feeds sit on many hosts, so a poll runs many requests at once; here the one host
stands in for all of them, so the bench sets per_host_concurrency to `--concurrency`
(default 16: PAGE_CONCURRENCY of factwatch.monitor, and within httpx's default
keep-alive pool of 20, so neither side churns connections) and gives the baseline the
same limit. Timings are wall-clock on a shared machine: noisy, compare the ratio.

Usage::

    .venv/bin/python bench/monitor_poll.py [--feeds 200] [--repeat 15] [--concurrency 16]

Measured 2026-12-01 (2 shared cores, load average ~3: noisy; medians of 15 rounds)::

    concurrency  baseline s  monitor s  ratio        TCP connections per monitor poll
    16           0.234-0.238 0.273-0.316 1.14-1.33x  202 (baseline: 17)
    2            0.114-0.117 0.257-0.340 2.24-2.89x  201

    monitor poll by step (c=16): client 0.018 s, store.feed_state x200 0.024 s,
    poll_feed x200 0.212 s, store.save_feed_state x200 0.035 s

Finding: the Fetcher opens a new TCP connection for every 304 (the server's
"connections" counter: 201 per poll against 16 for the first poll's 200s, 17 for the
baseline). `Fetcher._finish` (factwatch/fetch.py, `if status == 304:`) returns without
reading the (empty) body and `_get` then calls `response.aclose()`; httpcore keeps a
connection only when the response was read to its end, so it drops it. Reading it
first (`await response.aread()` for a 304) gives, in this bench at c=2, 46 connections
for 9+9 rounds instead of 1828, and 0.200 s instead of 0.258 s (ratio 1.7x instead of
2.25x); on the real web each of those connections is also a TLS handshake. The same
holds for the 4xx/5xx answers that raise before reading, and robots.txt's 4xx path.
At high concurrency httpx itself slows down on loopback (0.114 s at c=2, 0.237 s at
c=16 for the baseline), which narrows the ratio: compare at the same concurrency only.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

REPO = Path(__file__).resolve().parents[1]
for entry in (REPO, REPO / "bench"):
    if str(entry) not in sys.path:  # run as a script from anywhere
        sys.path.insert(0, str(entry))

from _loopback import LoopbackServer, Route, rss_feed  # noqa: E402

from factwatch.feeds import parse_feed  # noqa: E402
from factwatch.fetch import Fetcher, FetchPolicy  # noqa: E402
from factwatch.monitor import poll_feed, run_once  # noqa: E402
from factwatch.sources import FeedSource, Lang, Sources  # noqa: E402
from factwatch.store import Store  # noqa: E402

ITEMS_PER_FEED = 10
RSS_TYPE = "application/rss+xml; charset=utf-8"


def build_routes(feeds: int) -> dict[str, Route]:
    """`feeds` RSS feeds at /feeds/N.xml, each with an ETag and 10 items."""
    start = datetime(2025, 6, 1, 8, tzinfo=UTC)
    routes: dict[str, Route] = {}
    for n in range(feeds):
        items = [
            (
                f"Plant news {n}-{i}",
                f"http://news{n}.example/articles/{n}-{i}",
                f"Production update number {i} from source {n}.",
                start - timedelta(hours=i),
            )
            for i in range(ITEMS_PER_FEED)
        ]
        body = rss_feed(
            title=f"Source {n}", link=f"http://news{n}.example/", items=items, lang="en"
        )
        routes[f"/feeds/{n}.xml"] = Route(body, RSS_TYPE, etag=f'"feed-{n}-v1"')
    return routes


def sources_for(server: LoopbackServer, feeds: int) -> Sources:
    return Sources(
        path="<bench>",
        feeds=tuple(
            FeedSource(
                url=server.url(f"/feeds/{n}.xml"), name=f"source-{n}", lang=Lang.EN, group="bench"
            )
            for n in range(feeds)
        ),
    )


def policy(concurrency: int) -> FetchPolicy:
    return FetchPolicy(
        allow_private_hosts=True, default_crawl_delay=0.0, per_host_concurrency=concurrency
    )


def seed_seen(store: Store, routes: dict[str, Route], sources: Sources) -> None:
    """Mark every feed item as seen, as earlier runs would have."""
    for feed in sources.feeds:
        route = routes[urlsplit(feed.url).path]
        parsed = parse_feed(route.body, feed_url=feed.url, content_type="application/rss+xml")
        for item in parsed.entries:
            store.mark_entry_seen(
                canonical_url=item.canonical_url,
                guid=item.guid,
                content_hash=item.content_hash,
                article_id=None,
            )


async def monitor_poll(sources: Sources, store: Store, concurrency: int) -> float:
    started = time.perf_counter()
    async with Fetcher(policy=policy(concurrency)) as fetcher:
        summary = await run_once(sources, store, fetcher=fetcher)
    elapsed = time.perf_counter() - started
    if summary.not_modified != len(sources.feeds) or summary.problems:
        raise SystemExit(f"monitor poll was not all 304: {summary.to_text()} {summary.problems}")
    return elapsed


async def baseline_poll(urls: list[tuple[str, str]], concurrency: int) -> float:
    started = time.perf_counter()
    gate = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(timeout=10.0) as client:

        async def one(url: str, etag: str) -> int:
            async with gate:
                response = await client.get(url, headers={"If-None-Match": etag})
                return response.status_code

        statuses = await asyncio.gather(*(one(u, e) for u, e in urls))
    elapsed = time.perf_counter() - started
    if set(statuses) != {304}:
        raise SystemExit(f"baseline poll was not all 304: {sorted(set(statuses))}")
    return elapsed


async def phased_poll(sources: Sources, store: Store, concurrency: int) -> dict[str, float]:
    """run_once's steps for an all-304 poll, each timed (same functions, same order)."""
    times: dict[str, float] = {}
    mark = time.perf_counter()
    async with Fetcher(policy=policy(concurrency)) as fetcher:
        times["client"] = time.perf_counter() - mark
        mark = time.perf_counter()
        states = [store.feed_state(f.url) for f in sources.feeds]
        times["store.feed_state x N"] = time.perf_counter() - mark
        mark = time.perf_counter()
        polls = await asyncio.gather(
            *(poll_feed(fetcher, f, s) for f, s in zip(sources.feeds, states, strict=True))
        )
        times["poll_feed (GET 304) x N"] = time.perf_counter() - mark
        mark = time.perf_counter()
        for poll in polls:
            store.save_feed_state(poll.state)
        times["store.save_feed_state x N"] = time.perf_counter() - mark
        mark = time.perf_counter()
    times["client close"] = time.perf_counter() - mark
    return times


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=15, help="timed rounds of each side")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--phase-rounds", type=int, default=5, help="rounds of the breakdown")
    args = parser.parse_args(argv)
    if args.feeds < 1 or args.repeat < 1 or args.concurrency < 1 or args.phase_rounds < 0:
        parser.error("--feeds, --repeat, --concurrency must be >= 1, --phase-rounds >= 0")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    routes = build_routes(args.feeds)
    with LoopbackServer(routes, lifetime=600.0) as server, tempfile.TemporaryDirectory() as tmp:
        sources = sources_for(server, args.feeds)
        urls = [(f.url, f'"feed-{n}-v1"') for n, f in enumerate(sources.feeds)]
        with Store.open(f"sqlite:///{tmp}/bench.db") as store:
            seed_seen(store, routes, sources)

            async def first() -> None:
                async with Fetcher(policy=policy(args.concurrency)) as fetcher:
                    summary = await run_once(sources, store, fetcher=fetcher)
                if summary.new_entries or summary.not_modified or summary.problems:
                    raise SystemExit(f"unexpected first poll: {summary.to_text()}")

            asyncio.run(first())
            if store.feed_state(sources.feeds[0].url) is None:
                raise SystemExit("the first poll stored no feed state")
            before = server.stats()

            monitor: list[float] = []
            baseline: list[float] = []
            sides: list[tuple[list[float], Callable[[], Coroutine[Any, Any, float]]]] = [
                (monitor, lambda: monitor_poll(sources, store, args.concurrency)),
                (baseline, lambda: baseline_poll(urls, args.concurrency)),
            ]
            for round_ in range(args.repeat):
                order = sides if round_ % 2 == 0 else sides[::-1]
                for times, side in order:
                    times.append(asyncio.run(side()))

            phases: dict[str, list[float]] = {}
            for _ in range(args.phase_rounds):
                for name, value in asyncio.run(
                    phased_poll(sources, store, args.concurrency)
                ).items():
                    phases.setdefault(name, []).append(value)
            after = server.stats()

    counted = {k: after.get(k, 0) - before.get(k, 0) for k in after}
    m, b = median(monitor), median(baseline)
    n = args.feeds
    print(
        f"monitor_poll: {n} feeds on 127.0.0.1, all 304; concurrency {args.concurrency} "
        f"(Fetcher per_host_concurrency and baseline semaphore); {args.repeat} rounds each, "
        "alternating"
    )
    print(f"server counters during the timed and breakdown rounds: {dict(sorted(counted.items()))}")
    print(f"{'side':<22}{'median s':>10}{'min s':>9}{'max s':>9}{'req/s':>9}")
    for name, values in (("baseline (httpx)", baseline), ("monitor (run_once)", monitor)):
        print(
            f"{name:<22}{median(values):>10.4f}{min(values):>9.4f}{max(values):>9.4f}"
            f"{n / median(values):>9.0f}"
        )
    print(f"ratio monitor/baseline (medians): {m / b:.2f}x (target <= 2x)")
    if phases:
        total = sum(median(v) for v in phases.values())
        print(f"monitor poll by step (medians of {args.phase_rounds} replicated rounds):")
        for name, values in phases.items():
            value = median(values)
            print(f"  {name:<28}{value:>9.4f} s  {100 * value / total:>5.1f} %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
