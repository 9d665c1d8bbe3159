"""A real HTTP/1.1 server on 127.0.0.1 in a thread, for tests that fetch.

    from tests.httpserver import Response, serve

    with serve() as server:                        # or: server = TestServer(); ...; server.stop()
        server.route("/feed.xml", body=b"<rss/>", headers={"Content-Type": "application/rss+xml"},
                     etag='"v1"')                 # a matching If-None-Match gets 304
        server.route("/flaky", Response(status=503), Response(body=b"ok"))  # in order, last repeats
        server.route("/slow", delay=2.0)           # waits before the status line
        server.route("/big", stream=lambda: (b"x" * 65536 for _ in range(320)))  # chunked, lazy
        server.route("/echo", handler=lambda hit: Response(body=hit.headers["user-agent"].encode()))
        url = server.url("/feed.xml")              # http://127.0.0.1:PORT/feed.xml
        ...
        server.hits("/feed.xml")                   # how many requests reached that path
        server.requests("/feed.xml")               # [Hit(path, query, method, headers, time)]
        server.max_in_flight                       # most requests handled at the same moment
        server.bytes_sent("/big")                  # body bytes written for that path

Unrouted paths answer 404 (so a robots.txt nobody routed means "no rules").
Hit.time is time.monotonic() when the request line arrived. Nothing is held in
memory for a `stream` body beyond one chunk.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

__all__ = ["Hit", "Response", "TestServer", "serve"]


@dataclass(frozen=True)
class Hit:
    """One request as the server saw it (headers with lowercase names)."""

    path: str
    query: str
    method: str
    headers: Mapping[str, str]
    time: float


@dataclass(frozen=True)
class Response:
    """What a route answers. `stream` (a factory of byte chunks) is sent chunked and
    lazily, `chunk_delay` seconds apart; otherwise `body` with a Content-Length.
    `etag` / `last_modified` are sent, and a matching conditional request gets 304."""

    status: int = 200
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0
    stream: Callable[[], Iterable[bytes]] | None = None
    chunk_delay: float = 0.0
    etag: str | None = None
    last_modified: str | None = None


Handler = Callable[[Hit], Response]


class _Route:
    def __init__(self, responses: list[Response] | None, handler: Handler | None) -> None:
        self._responses = responses or []
        self._handler = handler
        self._served = 0
        self._lock = threading.Lock()

    def respond(self, hit: Hit) -> Response:
        if self._handler is not None:
            return self._handler(hit)
        with self._lock:
            index = min(self._served, len(self._responses) - 1)
            self._served += 1
        return self._responses[index]


class TestServer:
    """The server; starts on construction, `stop()` (or the `serve()` context) ends it."""

    __test__ = False  # not a pytest test class

    def __init__(self) -> None:
        self._routes: dict[str, _Route] = {}
        self._hits: list[Hit] = []
        self._sent: dict[str, int] = {}
        self._lock = threading.Lock()
        self._in_flight = 0
        self.max_in_flight = 0
        self._stopping = threading.Event()
        self._httpd = _Server(("127.0.0.1", 0), _make_handler(self))
        self.host: str = "127.0.0.1"
        self.port: int = int(self._httpd.server_address[1])
        self.base_url = f"http://{self.host}:{self.port}"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    # ---- configuration

    def route(
        self,
        path: str,
        *responses: Response,
        handler: Handler | None = None,
        **response: object,
    ) -> None:
        """Answer `path` with the given responses in order (the last repeats), with a
        `handler(hit) -> Response`, or with one Response built from keyword fields."""
        if handler is None and not responses:
            responses = (Response(**response),)  # type: ignore[arg-type]
        with self._lock:
            self._routes[path] = _Route(list(responses), handler)

    def url(self, path: str = "/") -> str:
        return f"{self.base_url}{path}"

    # ---- observation

    def requests(self, path: str | None = None) -> list[Hit]:
        with self._lock:
            return [h for h in self._hits if path is None or h.path == path]

    def hits(self, path: str | None = None) -> int:
        return len(self.requests(path))

    def bytes_sent(self, path: str) -> int:
        with self._lock:
            return self._sent.get(path, 0)

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()
            self._sent.clear()
            self.max_in_flight = 0

    # ---- life

    def stop(self) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> TestServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # ---- used by the handler thread

    def _enter(self, hit: Hit) -> _Route | None:
        with self._lock:
            self._hits.append(hit)
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
            return self._routes.get(hit.path)

    def _leave(self) -> None:
        with self._lock:
            self._in_flight -= 1

    def _count(self, path: str, n: int) -> None:
        with self._lock:
            self._sent[path] = self._sent.get(path, 0) + n

    def _pause(self, seconds: float) -> bool:
        """Sleep unless stopping; False when the server is being stopped."""
        return not self._stopping.wait(seconds) if seconds > 0 else True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that hangs up (a capped body, a timeout) is expected, not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


def _make_handler(server: TestServer) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            hit = Hit(
                path=parts.path,
                query=parts.query,
                method=self.command,
                headers={k.lower(): v for k, v in self.headers.items()},
                time=time.monotonic(),
            )
            route = server._enter(hit)
            try:
                self._answer(hit, route)
            except (BrokenPipeError, ConnectionResetError, TimeoutError):
                self.close_connection = True
            finally:
                server._leave()

        do_HEAD = do_GET

        def _answer(self, hit: Hit, route: _Route | None) -> None:
            response = route.respond(hit) if route else Response(status=404, body=b"not found")
            if not server._pause(response.delay):
                self.close_connection = True
                return
            status = response.status
            if _not_modified(response, hit.headers):
                status = 304
            self.send_response(status)
            for name, value in response.headers.items():
                self.send_header(name, value)
            if response.etag:
                self.send_header("ETag", response.etag)
            if response.last_modified:
                self.send_header("Last-Modified", response.last_modified)
            if status == 304:
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if response.stream is None:
                names = {n.lower() for n in response.headers}
                if "content-length" not in names:
                    self.send_header("Content-Length", str(len(response.body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(response.body)
                    server._count(hit.path, len(response.body))
                return
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            if self.command == "HEAD":
                return
            for chunk in response.stream():
                if not chunk:
                    continue
                if not server._pause(response.chunk_delay):
                    self.close_connection = True
                    return
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                server._count(hit.path, len(chunk))
            self.wfile.write(b"0\r\n\r\n")

    return _Handler


def _not_modified(response: Response, headers: Mapping[str, str]) -> bool:
    if response.status != 200:
        return False
    if response.etag and "if-none-match" in headers:
        return response.etag in [t.strip() for t in headers["if-none-match"].split(",")]
    if response.last_modified and "if-modified-since" in headers:
        return headers["if-modified-since"] == response.last_modified
    return False


@contextlib.contextmanager
def serve() -> Iterator[TestServer]:
    """A started TestServer, stopped on exit."""
    server = TestServer()
    try:
        yield server
    finally:
        server.stop()
