"""factwatch.fetch against a real HTTP server on 127.0.0.1 (tests/httpserver.py)."""

from __future__ import annotations

import asyncio
import gzip
import itertools
import pickle
import time
import zlib
from collections.abc import Coroutine, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

import httpx
import pytest

from factwatch.fetch import (
    FEED_TYPES,
    HTML_TYPES,
    BlockedAddress,
    BodyTooLarge,
    ConnectError,
    Fetcher,
    FetchError,
    FetchPolicy,
    FetchResult,
    FetchTimeout,
    HTTPStatusError,
    InvalidURL,
    RateLimited,
    RobotsDisallowed,
    RobotsUnavailable,
    TooManyRedirects,
    UnsupportedContentType,
    address_block_reason,
    canonical_url,
    content_type_accepted,
    get_with_retries,
    is_transient,
    parse_retry_after,
    redact_url,
    retry_on_transient,
)
from tests.httpserver import Response, TestServer, serve

T = TypeVar("T")

LOCAL = FetchPolicy(
    allow_private_hosts=True,
    default_crawl_delay=0.0,
    connect_timeout=2.0,
    read_timeout=5.0,
    total_timeout=10.0,
)
HTML = {"Content-Type": "text/html; charset=utf-8"}


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


async def fetch(url: str, policy: FetchPolicy = LOCAL, **kwargs: Any) -> FetchResult:
    async with Fetcher(policy=policy, resolver=kwargs.pop("resolver", None)) as fetcher:
        return await fetcher.get(url, **kwargs)


def fetch_error(url: str, policy: FetchPolicy = LOCAL, **kwargs: Any) -> FetchError:
    with pytest.raises(FetchError) as caught:
        run(fetch(url, policy, **kwargs))
    return caught.value


@pytest.fixture
def server() -> Iterator[TestServer]:
    with serve() as s:
        yield s


# --------------------------------------------------------------------------- conditional GET


def test_etag_then_not_modified(server: TestServer) -> None:
    server.route(
        "/feed", body=b"<rss/>", headers={"Content-Type": "application/rss+xml"}, etag='"v1"'
    )
    first = run(fetch(server.url("/feed"), accept=FEED_TYPES))
    assert (first.status, first.body, first.etag, first.not_modified) == (
        200,
        b"<rss/>",
        '"v1"',
        False,
    )
    assert first.content_type == "application/rss+xml"

    second = run(fetch(server.url("/feed"), etag=first.etag, accept=FEED_TYPES))
    assert second.not_modified and second.status == 304 and second.body == b""
    assert second.etag == '"v1"'
    assert server.requests("/feed")[1].headers["if-none-match"] == '"v1"'


def test_last_modified_then_not_modified(server: TestServer) -> None:
    stamp = "Tue, 01 Dec 2026 08:00:00 GMT"
    server.route("/page", body=b"<p>hi</p>", headers=HTML, last_modified=stamp)
    first = run(fetch(server.url("/page")))
    assert first.last_modified == stamp and first.charset == "utf-8"
    second = run(fetch(server.url("/page"), last_modified=first.last_modified))
    assert second.not_modified and second.last_modified == stamp
    assert server.requests("/page")[1].headers["if-modified-since"] == stamp


def test_user_agent_names_project_and_contact(server: TestServer) -> None:
    server.route("/page", body=b"ok", headers=HTML)
    run(fetch(server.url("/page"), accept=HTML_TYPES))
    headers = server.requests("/page")[0].headers
    assert headers["user-agent"].startswith("factwatch/")
    assert "+https://" in headers["user-agent"]
    assert headers["accept"].startswith("text/html")


# --------------------------------------------------------------------------- statuses


def test_server_error_is_transient(server: TestServer) -> None:
    server.route("/down", status=500, body=b"boom")
    error = fetch_error(server.url("/down"))
    assert isinstance(error, HTTPStatusError) and error.status == 500
    assert error.transient and is_transient(error)
    assert str(error) == f"{server.url('/down')}: HTTP 500 Internal Server Error"


def test_not_found_is_permanent(server: TestServer) -> None:
    error = fetch_error(server.url("/missing"))
    assert isinstance(error, HTTPStatusError) and error.status == 404
    assert not error.transient and not is_transient(error)
    assert "\n" not in str(error) and server.url("/missing") in str(error)


def test_rate_limited_carries_retry_after_and_retries_wait(server: TestServer) -> None:
    server.route(
        "/busy",
        Response(status=429, headers={"Retry-After": "7"}),
        Response(body=b"finally", headers=HTML),
    )
    error = fetch_error(server.url("/busy"))
    assert isinstance(error, RateLimited) and error.retry_after == 7.0 and error.transient

    server.reset()
    server.route(
        "/busy",
        Response(status=429, headers={"Retry-After": "7"}),
        Response(body=b"finally", headers=HTML),
    )
    slept: list[float] = []

    async def record(seconds: float) -> None:
        slept.append(seconds)

    async def go() -> FetchResult:
        async with Fetcher(policy=LOCAL) as fetcher:
            return await get_with_retries(fetcher, server.url("/busy"), sleep=record)

    result = run(go())
    assert result.body == b"finally"
    assert slept == [7.0]
    assert server.hits("/busy") == 2


def test_retries_use_backoff_and_stop_on_permanent_errors(server: TestServer) -> None:
    server.route("/flaky", Response(status=503), Response(status=502), Response(body=b"ok"))
    server.route("/gone", status=410)
    slept: list[float] = []

    async def record(seconds: float) -> None:
        slept.append(seconds)

    async def go() -> tuple[FetchResult, HTTPStatusError]:
        async with Fetcher(policy=LOCAL) as fetcher:
            ok = await get_with_retries(fetcher, server.url("/flaky"), backoff=(1, 4), sleep=record)
            with pytest.raises(HTTPStatusError) as gone:
                await get_with_retries(fetcher, server.url("/gone"), sleep=record)
            return ok, gone.value

    ok, gone = run(go())
    assert ok.body == b"ok" and slept == [1.0, 4.0]
    assert gone.status == 410 and server.hits("/gone") == 1


def test_retry_after_beyond_the_bound_gives_up_at_once(server: TestServer) -> None:
    server.route("/busy", status=429, headers={"Retry-After": "3600"})
    slept: list[float] = []

    async def record(seconds: float) -> None:
        slept.append(seconds)

    async def go() -> None:
        async with Fetcher(policy=LOCAL) as fetcher:
            await get_with_retries(fetcher, server.url("/busy"), sleep=record)

    with pytest.raises(RateLimited):
        run(go())
    assert slept == [] and server.hits("/busy") == 1


def test_parse_retry_after() -> None:
    now = datetime(2026, 12, 1, 8, 0, 0, tzinfo=UTC)
    assert parse_retry_after("120", now=now) == 120.0
    assert parse_retry_after("Tue, 01 Dec 2026 08:01:30 GMT", now=now) == 90.0
    assert parse_retry_after("Tue, 01 Dec 2026 07:00:00 GMT", now=now) == 0.0
    assert parse_retry_after("soon", now=now) is None
    assert parse_retry_after(None, now=now) is None


# --------------------------------------------------------------------------- timeouts, errors


def test_read_timeout_is_quick_and_transient(server: TestServer) -> None:
    server.route("/slow", delay=5.0, body=b"late")
    policy = FetchPolicy(allow_private_hosts=True, default_crawl_delay=0, read_timeout=0.3)
    started = time.monotonic()
    error = fetch_error(server.url("/slow"), policy)
    assert isinstance(error, FetchTimeout) and error.transient
    assert time.monotonic() - started < 3.0  # gave up long before the server answered


def test_total_timeout_bounds_a_slow_drip(server: TestServer) -> None:
    server.route("/drip", stream=lambda: (b"x" for _ in range(100)), chunk_delay=0.1, headers=HTML)
    policy = FetchPolicy(
        allow_private_hosts=True, default_crawl_delay=0, read_timeout=5.0, total_timeout=0.5
    )
    started = time.monotonic()
    error = fetch_error(server.url("/drip"), policy)
    assert isinstance(error, FetchTimeout) and "0.5s" in str(error)
    assert time.monotonic() - started < 3.0


def test_connection_refused_is_transient() -> None:
    closed = TestServer()
    url = closed.url("/x")
    closed.stop()
    error = fetch_error(url)
    assert isinstance(error, ConnectError) and error.transient


def test_prefect_retry_condition_retries_transient_errors_only() -> None:
    from prefect.states import Failed

    assert retry_on_transient(
        None, None, Failed(data=HTTPStatusError(url="http://a.test/", status=503))
    )
    assert not retry_on_transient(
        None, None, Failed(data=HTTPStatusError(url="http://a.test/", status=404))
    )
    assert not retry_on_transient(None, None, Failed(data=ValueError("a bug")))


def test_policy_rejects_nonsense_and_normalises_hosts() -> None:
    for bad in (
        {"read_timeout": 0},
        {"max_bytes": 0},
        {"per_host_concurrency": 0},
        {"max_redirects": -1},
    ):
        with pytest.raises(ValueError, match="FetchPolicy"):
            FetchPolicy(**bad)  # type: ignore[arg-type]
    assert FetchPolicy(allowed_hosts=frozenset({" Feeds.Example "})).allowed_hosts == {
        "feeds.example"
    }


def test_errors_survive_pickling() -> None:
    # Prefect pickles a failed task's exception.
    for error in (
        RateLimited(url="http://a.test/x", retry_after=3.0),
        BodyTooLarge(url="http://a.test/x", limit=10),
        HTTPStatusError(url="http://a.test/x", status=503),
        FetchTimeout("no data", url="http://a.test/x"),
    ):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert str(copy) == str(error) and copy.transient == error.transient
        assert copy.__dict__ == error.__dict__


def test_error_lines_hide_credentials() -> None:
    error = HTTPStatusError(url="https://bob:hunter2@a.test/feed?token=abc&page=2", status=401)
    assert "hunter2" not in str(error) and "abc" not in str(error)
    assert str(error).startswith("https://a.test/feed?token=***&page=2: HTTP 401")
    assert redact_url("http://a.test/x?key=s3cret") == "http://a.test/x?key=***"


# --------------------------------------------------------------------------- redirects


def test_redirect_chain_is_followed(server: TestServer) -> None:
    server.route("/a", status=301, headers={"Location": "/b"})
    server.route("/b", status=302, headers={"Location": server.url("/c?x=1")})
    server.route("/c", body=b"here", headers=HTML)
    result = run(fetch(server.url("/a")))
    assert result.body == b"here" and result.status == 200
    assert result.url == server.url("/c?x=1")
    assert result.redirects == (server.url("/a"), server.url("/b"))


def test_redirect_loop_stops_at_the_hop_limit(server: TestServer) -> None:
    server.route("/ping", status=302, headers={"Location": "/pong"})
    server.route("/pong", status=302, headers={"Location": "/ping"})
    policy = FetchPolicy(allow_private_hosts=True, default_crawl_delay=0, max_redirects=3)
    error = fetch_error(server.url("/ping"), policy)
    assert isinstance(error, TooManyRedirects) and not error.transient
    assert server.hits("/ping") + server.hits("/pong") == 4  # the first request + 3 hops


def test_redirect_to_another_scheme_is_refused(server: TestServer) -> None:
    server.route("/go", status=302, headers={"Location": "file:///etc/passwd"})
    error = fetch_error(server.url("/go"))
    assert isinstance(error, BlockedAddress) and "file" in str(error)


def test_redirect_to_a_private_host_is_refused_at_the_hop(server: TestServer) -> None:
    # The first host is let through by a test-only allowlist; the hop is checked anew.
    policy = FetchPolicy(default_crawl_delay=0, allowed_hosts=frozenset({"127.0.0.1"}))
    assert not policy.allow_private_hosts
    server.route("/go", status=302, headers={"Location": f"http://localhost:{server.port}/secret"})
    server.route("/meta", status=302, headers={"Location": "http://169.254.169.254/latest/"})
    server.route("/secret", body=b"internal", headers=HTML)

    error = fetch_error(server.url("/go"), policy)
    assert isinstance(error, BlockedAddress) and "loopback" in str(error)
    error = fetch_error(server.url("/meta"), policy)
    assert isinstance(error, BlockedAddress) and "metadata" in str(error)
    assert server.hits("/secret") == 0


# --------------------------------------------------------------------------- size and type


def test_huge_streamed_body_stops_at_the_cap(server: TestServer) -> None:
    chunk = b"x" * 65536
    server.route("/huge", stream=lambda: (chunk for _ in range(320)), headers=HTML)  # 20 MiB
    cap = 1024 * 1024
    policy = FetchPolicy(allow_private_hosts=True, default_crawl_delay=0, max_bytes=cap)
    error = fetch_error(server.url("/huge"), policy)
    assert isinstance(error, BodyTooLarge) and error.limit == cap and error.declared is None
    time.sleep(0.2)  # let the server notice the closed connection
    assert server.bytes_sent("/huge") < 20 * 1024 * 1024 // 2  # most of it never left


def test_declared_length_beyond_the_cap_is_refused_before_reading(server: TestServer) -> None:
    server.route("/big", body=b"y" * 300_000, headers=HTML)
    policy = FetchPolicy(allow_private_hosts=True, default_crawl_delay=0, max_bytes=100_000)
    error = fetch_error(server.url("/big"), policy)
    assert isinstance(error, BodyTooLarge) and error.declared == 300_000


def test_gzip_is_decoded_and_a_gzip_bomb_is_capped(server: TestServer) -> None:
    server.route(
        "/small.gz",
        body=gzip.compress(b"<p>bonjour</p>"),
        headers={**HTML, "Content-Encoding": "gzip"},
    )
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024))  # ~50 KB on the wire, 50 MB inflated
    server.route("/bomb.gz", body=bomb, headers={**HTML, "Content-Encoding": "gzip"})
    policy = FetchPolicy(allow_private_hosts=True, default_crawl_delay=0, max_bytes=1024 * 1024)

    assert run(fetch(server.url("/small.gz"), policy)).body == b"<p>bonjour</p>"
    error = fetch_error(server.url("/bomb.gz"), policy)
    assert isinstance(error, BodyTooLarge)
    assert server.requests("/bomb.gz")[0].headers["accept-encoding"] == "gzip, deflate"


def test_deflate_both_ways_and_bad_encodings(server: TestServer) -> None:
    text = b"<p>Werk Zwickau</p>" * 50
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    server.route("/zlib", body=zlib.compress(text), headers={**HTML, "Content-Encoding": "deflate"})
    server.route(
        "/raw",
        body=raw.compress(text) + raw.flush(),
        headers={**HTML, "Content-Encoding": "deflate"},
    )
    server.route(
        "/corrupt", body=b"\x1f\x8bnot gzip at all", headers={**HTML, "Content-Encoding": "gzip"}
    )
    server.route("/br", body=b"\x0b\x02\x80", headers={**HTML, "Content-Encoding": "br"})
    assert run(fetch(server.url("/zlib"))).body == text
    assert run(fetch(server.url("/raw"))).body == text
    corrupt = fetch_error(server.url("/corrupt"))
    assert type(corrupt) is FetchError and "corrupt gzip" in str(corrupt) and not corrupt.transient
    assert isinstance(fetch_error(server.url("/br")), UnsupportedContentType)


def test_pdf_and_images_are_unsupported(server: TestServer) -> None:
    server.route("/doc.pdf", body=b"%PDF-1.7 ...", headers={"Content-Type": "application/pdf"})
    server.route("/pic", body=b"\x89PNG\r\n\x1a\n....", headers={"Content-Type": "image/png"})
    server.route("/untyped", body=b"%PDF-1.4 ...")
    for path, kind in (
        ("/doc.pdf", "application/pdf"),
        ("/pic", "image/png"),
        ("/untyped", "application/pdf"),
    ):
        error = fetch_error(server.url(path))
        assert isinstance(error, UnsupportedContentType) and error.content_type == kind
        assert not error.transient


def test_accept_lists_are_honoured(server: TestServer) -> None:
    server.route("/api", body=b"{}", headers={"Content-Type": "application/json"})
    assert run(fetch(server.url("/api"), accept=FEED_TYPES)).body == b"{}"
    error = fetch_error(server.url("/api"), accept=HTML_TYPES)
    assert isinstance(error, UnsupportedContentType)


@pytest.mark.parametrize(
    ("media_type", "accepted"),
    [
        ("application/rss+xml", True),
        ("application/atom+xml", True),
        ("application/vnd.custom+xml", True),
        ("text/xml", True),
        ("text/plain", True),
        ("application/feed+json", True),
        ("application/pdf", False),
        ("image/jpeg", False),
        ("application/octet-stream", False),
    ],
)
def test_feed_types(media_type: str, accepted: bool) -> None:
    assert content_type_accepted(media_type, FEED_TYPES) is accepted


# --------------------------------------------------------------------------- robots and politeness


def test_robots_disallow_is_respected_and_fetched_once(server: TestServer) -> None:
    server.route(
        "/robots.txt",
        body=b"User-agent: *\nDisallow: /private/\n",
        headers={"Content-Type": "text/plain"},
    )
    server.route("/private/page", body=b"secret", headers=HTML)
    server.route("/public", body=b"ok", headers=HTML)

    async def go() -> FetchError:
        async with Fetcher(policy=LOCAL) as fetcher:
            assert (await fetcher.get(server.url("/public"))).body == b"ok"
            with pytest.raises(RobotsDisallowed) as caught:
                await fetcher.get(server.url("/private/page"))
            await fetcher.get(server.url("/public"))
            return caught.value

    error = run(go())
    assert not error.transient and "robots.txt" in str(error)
    assert server.hits("/private/page") == 0
    assert server.hits("/robots.txt") == 1
    assert server.requests("/robots.txt")[0].headers["user-agent"].startswith("factwatch/")


def test_robots_rules_for_our_agent(server: TestServer) -> None:
    server.route(
        "/robots.txt",
        body=b"User-agent: factwatch\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
    )
    assert isinstance(fetch_error(server.url("/news")), RobotsDisallowed)


def test_unreachable_robots_means_not_now(server: TestServer) -> None:
    server.route("/robots.txt", status=503)
    server.route("/page", body=b"ok", headers=HTML)
    error = fetch_error(server.url("/page"))
    assert isinstance(error, RobotsUnavailable) and error.transient
    assert server.hits("/page") == 0


def test_missing_robots_allows_everything(server: TestServer) -> None:
    server.route("/page", body=b"ok", headers=HTML)
    assert run(fetch(server.url("/page"))).body == b"ok"
    assert server.hits("/robots.txt") == 1  # 404


def test_robots_can_be_ignored_by_policy(server: TestServer) -> None:
    server.route("/robots.txt", body=b"User-agent: *\nDisallow: /\n")
    server.route("/page", body=b"ok", headers=HTML)
    policy = FetchPolicy(allow_private_hosts=True, default_crawl_delay=0, respect_robots=False)
    assert run(fetch(server.url("/page"), policy)).body == b"ok"
    assert server.hits("/robots.txt") == 0


def test_crawl_delay_spaces_requests_to_one_host(server: TestServer) -> None:
    delay = 0.3
    server.route("/robots.txt", body=f"User-agent: *\nCrawl-delay: {delay}\n".encode())
    server.route("/page", body=b"ok", headers=HTML)

    async def go() -> None:
        async with Fetcher(policy=LOCAL) as fetcher:
            await asyncio.gather(*(fetcher.get(server.url("/page")) for _ in range(4)))

    run(go())
    times = [hit.time for hit in server.requests() if hit.path in ("/robots.txt", "/page")]
    assert len(times) == 5
    gaps = [later - earlier for earlier, later in itertools.pairwise(times[1:])]  # pages
    # The client starts requests `delay` apart; allow 20 ms of scheduling jitter at arrival.
    assert min(gaps) >= delay - 0.02, gaps


def test_waiting_for_politeness_does_not_count_against_the_total_timeout(
    server: TestServer,
) -> None:
    server.route("/robots.txt", body=b"User-agent: *\nCrawl-delay: 0.2\n")
    server.route("/page", body=b"ok", headers=HTML)
    policy = FetchPolicy(allow_private_hosts=True, default_crawl_delay=0, total_timeout=0.5)

    async def go() -> list[FetchResult]:
        async with Fetcher(policy=policy) as fetcher:
            return await asyncio.gather(*(fetcher.get(server.url("/page")) for _ in range(5)))

    results = run(go())  # the last one queues ~0.8 s, beyond the 0.5 s budget
    assert [r.body for r in results] == [b"ok"] * 5


def test_per_host_concurrency_is_limited(server: TestServer) -> None:
    server.route("/slow", delay=0.3, body=b"ok", headers=HTML)
    policy = FetchPolicy(allow_private_hosts=True, default_crawl_delay=0, per_host_concurrency=2)

    async def go() -> None:
        async with Fetcher(policy=policy) as fetcher:
            await asyncio.gather(*(fetcher.get(server.url("/slow")) for _ in range(6)))

    run(go())
    assert server.hits("/slow") == 6
    assert server.max_in_flight == 2


# --------------------------------------------------------------------------- SSRF guard


def _private_urls(port: int) -> list[str]:
    return [
        f"http://127.0.0.1:{port}/",
        f"http://10.0.0.1:{port}/",
        "http://169.254.169.254/latest/meta-data/",
        f"http://[::1]:{port}/",
        f"http://localhost:{port}/",
        f"http://2130706433:{port}/",  # 127.0.0.1 spelled as one number
        "file:///etc/passwd",
        f"ftp://127.0.0.1:{port}/",
    ]


def test_private_targets_are_refused_without_a_connection(server: TestServer) -> None:
    policy = FetchPolicy(default_crawl_delay=0)
    assert not policy.allow_private_hosts
    for url in _private_urls(server.port):
        error = fetch_error(url, policy)
        assert isinstance(error, BlockedAddress), (url, error)
        assert not error.transient
    assert server.hits() == 0


def test_allow_private_hosts_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTWATCH_ALLOW_PRIVATE_HOSTS", "1")
    assert FetchPolicy().allow_private_hosts
    monkeypatch.setenv("FACTWATCH_ALLOW_PRIVATE_HOSTS", "0")
    assert not FetchPolicy().allow_private_hosts


def _resolver(*answers: Sequence[str]) -> tuple[Any, list[str]]:
    """A resolver that gives `answers` in turn (the last repeats) and records the names."""
    asked: list[str] = []

    async def resolve(host: str, port: int) -> Sequence[str]:
        asked.append(host)
        return answers[min(len(asked) - 1, len(answers) - 1)]

    return resolve, asked


def test_a_name_resolving_to_a_private_address_is_refused(server: TestServer) -> None:
    resolve, asked = _resolver(["93.184.215.14", "10.1.2.3"])
    error = fetch_error("http://mixed.test/", FetchPolicy(default_crawl_delay=0), resolver=resolve)
    assert isinstance(error, BlockedAddress) and "10.1.2.3" in str(error)
    assert asked == ["mixed.test"]


def test_dns_rebinding_is_caught_at_connect(server: TestServer) -> None:
    # First answer public (the pre-check passes), second loopback (at connect):
    # the guarded backend refuses, and nothing reaches the server.
    resolve, asked = _resolver(["93.184.215.14"], ["127.0.0.1"])
    policy = FetchPolicy(default_crawl_delay=0, respect_robots=False)
    error = fetch_error(f"http://rebind.test:{server.port}/", policy, resolver=resolve)
    assert isinstance(error, BlockedAddress) and "loopback" in str(error)
    assert str(error).startswith(f"http://rebind.test:{server.port}/:")
    assert asked == ["rebind.test", "rebind.test"]
    assert server.hits() == 0


def test_the_connection_goes_to_the_resolved_address(server: TestServer) -> None:
    server.route("/page", body=b"ok", headers=HTML)
    resolve, _ = _resolver([server.host])
    url = f"http://news.test:{server.port}/page"
    result = run(fetch(url, resolver=resolve))
    assert result.body == b"ok" and result.url == url
    assert server.requests("/page")[0].headers["host"] == f"news.test:{server.port}"


@pytest.mark.parametrize(
    ("address", "blocked"),
    [
        ("127.0.0.1", True),
        ("10.0.0.1", True),
        ("172.16.5.4", True),
        ("192.168.1.1", True),
        ("100.64.0.1", True),
        ("169.254.169.254", True),
        ("0.0.0.0", True),
        ("224.0.0.251", True),
        ("240.0.0.1", True),
        ("::1", True),
        ("fe80::1", True),
        ("fc00::1", True),
        ("fd00:ec2::254", True),
        ("::ffff:10.0.0.1", True),
        ("64:ff9b::7f00:1", True),
        ("ff02::1", True),
        ("8.8.8.8", False),
        ("93.184.215.14", False),
        ("2606:4700:4700::1111", False),
    ],
)
def test_address_block_reason(address: str, blocked: bool) -> None:
    assert (address_block_reason(address) is not None) is blocked


# --------------------------------------------------------------------------- the client


def test_an_injected_client_is_used_and_left_open(server: TestServer) -> None:
    server.route("/page", body=b"ok", headers=HTML)
    seen: list[str] = []

    async def note(request: httpx.Request) -> None:
        seen.append(str(request.url))

    async def go() -> httpx.AsyncClient:
        client = httpx.AsyncClient(event_hooks={"request": [note]})
        fetcher = Fetcher(client=client, policy=LOCAL)
        assert (await fetcher.get(server.url("/page"))).body == b"ok"
        await fetcher.aclose()
        assert not client.is_closed
        await client.aclose()
        return client

    run(go())
    assert server.url("/page") in seen


def test_injected_mock_transport_needs_no_network() -> None:
    # How other tests can fake a site: a MockTransport client and allow_private_hosts.
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, headers=HTML, content=b"<html>mock</html>")

    async def go() -> FetchResult:
        async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as client:
            return await Fetcher(client=client, policy=LOCAL).get("https://news.example/a")

    assert run(go()).body == b"<html>mock</html>"


# --------------------------------------------------------------------------- canonical_url


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTPS://WWW.Example.COM/News/Article-1/", "https://www.example.com/News/Article-1"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/", "https://example.com/"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com/a#comments", "https://example.com/a"),
        (
            "https://example.com/a?utm_source=rss&utm_medium=feed&id=7&fbclid=XYZ",
            "https://example.com/a?id=7",
        ),
        ("https://example.com/a?b=2&a=1&gclid=1&xtor=RSS-1", "https://example.com/a?a=1&b=2"),
        ("https://example.com/a?mc_cid=1&mc_eid=2&ref=home&cmpid=x", "https://example.com/a"),
        ("https://example.com/a?at_medium=rss&at_campaign=x&p=2", "https://example.com/a?p=2"),
        ("https://example.com/a?q=caf%C3%A9&UTM_Source=x", "https://example.com/a?q=caf%C3%A9"),
        ("https://user:pw@example.com./a", "https://example.com/a"),
        ("https://example.com/a?", "https://example.com/a"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("https://Bücher.example/a", "https://xn--bcher-kva.example/a"),
        ("http://[2001:DB8::1]:80/x/", "http://[2001:db8::1]/x"),
    ],
)
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical
    assert canonical_url(canonical) == canonical  # idempotent


def test_canonical_url_rejects_non_urls() -> None:
    for bad in ("not a url", "/relative/path", "https://example.com:99999/"):
        with pytest.raises(InvalidURL):
            canonical_url(bad)
