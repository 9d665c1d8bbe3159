"""Shared helpers of the monitor benches: a fast loopback HTTP server, feeds, memory.

`LoopbackServer` serves a fixed table of routes on 127.0.0.1 from a *child process*
(so its CPU does not compete with the measured process for the GIL; on a 2-core
machine the server gets one core and the monitor the other). It is an asyncio
HTTP/1.1 server with keep-alive, written here on `asyncio.Protocol` (no framework):
GET/HEAD only, `Content-Length` bodies, and 304 (no body) to a request whose
If-None-Match lists the route's ETag. Unrouted paths answer 404 (so robots.txt
means "no rules"). `/__stats` answers JSON counters {"200": n, "304": n, "404": n,
"connections": n} (TCP connections accepted: shows whether clients keep them alive).

Bounded: the child exits by itself after `lifetime` seconds or as soon as its parent
is gone, and `stop()` (or leaving the `with` block) terminates it.

    with LoopbackServer(routes) as server:      # {path: Route}, or base_url -> {path: Route}
        server.url("/feeds/0.xml")              # http://127.0.0.1:PORT/feeds/0.xml
        server.stats()                          # {"200": ..., "304": ..., "404": ...}
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing
import os
import resource
import socket
import time
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

__all__ = [
    "LoopbackServer",
    "Route",
    "peak_rss_mb",
    "rss_feed",
    "rss_mb",
]

MAX_HEADER_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Route:
    body: bytes
    content_type: str
    etag: str | None = None


def _head(status: int, reason: str, headers: Mapping[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status} {reason}"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


class _Http(asyncio.Protocol):
    """One keep-alive connection: requests are parsed from the buffer as they arrive."""

    def __init__(self, routes: Mapping[str, Route], stats: dict[str, int]) -> None:
        self.routes = routes
        self.stats = stats
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.stats["connections"] = self.stats.get("connections", 0) + 1

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(b"\r\n\r\n")) >= 0:
            head, self.buffer = self.buffer[:end], self.buffer[end + 4 :]
            self._answer(head)
        if len(self.buffer) > MAX_HEADER_BYTES and self.transport is not None:
            self.transport.close()

    def _answer(self, head: bytes) -> None:
        assert self.transport is not None
        lines = head.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ")
        method, target = (parts[0], parts[1]) if len(parts) >= 2 else ("", "/")
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        path = target.split("?", 1)[0]
        close = headers.get("connection", "").lower() == "close"
        common = {"Server": "bench-loopback", "Connection": "close" if close else "keep-alive"}
        if path == "/__stats":
            route: Route | None = Route(json.dumps(self.stats).encode(), "application/json")
        else:
            route = self.routes.get(path)
        if route is None:
            status, reason, body = 404, "Not Found", b"not found"
            out = {**common, "Content-Type": "text/plain", "Content-Length": str(len(body))}
        elif route.etag is not None and route.etag in _etags(headers.get("if-none-match", "")):
            status, reason, body = 304, "Not Modified", b""
            out = {**common, "ETag": route.etag}
        else:
            status, reason, body = 200, "OK", route.body
            out = {**common, "Content-Type": route.content_type, "Content-Length": str(len(body))}
            if route.etag is not None:
                out["ETag"] = route.etag
        if path != "/__stats":
            key = str(status)
            self.stats[key] = self.stats.get(key, 0) + 1
        self.transport.write(_head(status, reason, out) + (b"" if method == "HEAD" else body))
        if close:
            self.transport.close()


def _etags(header: str) -> set[str]:
    return {tag.strip() for tag in header.split(",") if tag.strip()}


def _serve(
    sock: socket.socket,
    routes: Mapping[str, Route] | Callable[[str], Mapping[str, Route]],
    base: str,
    lifetime: float,
    parent: int,
) -> None:
    table = dict(routes(base) if callable(routes) else routes)

    async def main() -> None:
        loop = asyncio.get_running_loop()
        stats: dict[str, int] = {}
        server = await loop.create_server(lambda: _Http(table, stats), sock=sock, backlog=1024)
        deadline = time.monotonic() + lifetime
        async with server:
            while time.monotonic() < deadline and os.getppid() == parent:
                await asyncio.sleep(0.5)

    asyncio.run(main())


class LoopbackServer:
    """The routes, served from a child process on 127.0.0.1 (see the module doc)."""

    def __init__(
        self,
        routes: Mapping[str, Route] | Callable[[str], Mapping[str, Route]],
        *,
        lifetime: float = 1800.0,
    ) -> None:
        """`routes`, or a function of the base URL ("http://127.0.0.1:PORT") giving
        them (for bodies that link to the server itself). The function runs in the
        child, so a big corpus never weighs on this process's memory."""
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(1024)
        self.port = self._sock.getsockname()[1]
        context = multiprocessing.get_context("fork")  # routes are inherited, not pickled
        self._process = context.Process(
            target=_serve,
            args=(self._sock, routes, self.url(""), lifetime, os.getpid()),
            name="bench-loopback",
            daemon=True,
        )
        self._process.start()
        self._sock.close()  # the child holds the listening socket now
        self._wait_ready(timeout=min(lifetime, 300.0))

    def _wait_ready(self, *, timeout: float) -> None:
        """Block until the child answers (it may first build its routes)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.stats()
                return
            except OSError:
                if time.monotonic() > deadline or not self._process.is_alive():
                    self.stop()
                    raise RuntimeError("the loopback server did not start") from None
                time.sleep(0.1)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stats(self) -> dict[str, int]:
        with urllib.request.urlopen(self.url("/__stats"), timeout=30) as answer:
            data: dict[str, int] = json.loads(answer.read())
        return data  # /__stats requests are not counted

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(timeout=5)

    def __enter__(self) -> LoopbackServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def rss_feed(
    *, title: str, link: str, items: list[tuple[str, str, str, datetime]], lang: str
) -> bytes:
    """An RSS 2.0 feed: items are (title, link, description, published)."""
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(u)}</link>"
        f'<guid isPermaLink="true">{escape(u)}</guid>'
        f"<description>{escape(d)}</description>"
        f"<pubDate>{format_datetime(when.astimezone(UTC), usegmt=True)}</pubDate></item>"
        for t, u, d, when in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{escape(link)}</link>"
        f"<description>{escape(title)}</description><language>{lang}</language>"
        f"{body}</channel></rss>"
    ).encode()


def peak_rss_mb() -> float:
    """This process's RSS high-water mark in MB (getrusage; Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    """This process's current RSS in MB (/proc/self/statm), or 0.0 where unavailable."""
    with contextlib.suppress(OSError, ValueError, IndexError):
        pages = int(Path("/proc/self/statm").read_text(encoding="ascii").split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)
    return 0.0
