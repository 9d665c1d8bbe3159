"""Real servers on 127.0.0.1 for the alert tests: a Slack-like webhook receiver and SMTP.

`WebhookReceiver` is a stdlib http.server in a thread: it records every POST (path,
JSON body, arrival time) and answers 200 "ok" unless told otherwise with
`answer(status, …)` (a queue of answers used one per request, e.g. 429 with
Retry-After, 500, 404). `SmtpReceiver` wraps aiosmtpd's Controller and records
every message; it can be stopped and started again on the same port.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

__all__ = ["Post", "SmtpReceiver", "WebhookReceiver", "free_port"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Post:
    path: str
    body: dict[str, Any]
    raw: str
    at: float
    status: int  # what the receiver answered


@dataclass
class _Answer:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: str = ""
    delay: float = 0.0


class WebhookReceiver:
    """Records webhook posts; answers from a queue of scripted answers, else 200."""

    def __init__(self) -> None:
        self.posts: list[Post] = []
        self._answers: deque[_Answer] = deque()
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8")
                with receiver._lock:
                    answer = (
                        receiver._answers.popleft()
                        if receiver._answers
                        else _Answer(200, body="ok")
                    )
                if answer.delay:
                    time.sleep(answer.delay)
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = {}
                with receiver._lock:
                    receiver.posts.append(
                        Post(self.path, body, raw, time.monotonic(), answer.status)
                    )
                payload = (answer.body or ("ok" if answer.status == 200 else "error")).encode()
                try:
                    self.send_response(answer.status)
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Type", "text/plain")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (a timeout test)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def url(self, path: str = "/services/T000/B000/secret-token-xyz") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def answer(
        self,
        status: int,
        *,
        times: int = 1,
        headers: dict[str, str] | None = None,
        body: str = "",
        delay: float = 0.0,
    ) -> None:
        with self._lock:
            for _ in range(times):
                self._answers.append(_Answer(status, dict(headers or {}), body, delay))

    def accepted(self) -> list[Post]:
        with self._lock:
            return [p for p in self.posts if p.status == 200]

    def __enter__(self) -> WebhookReceiver:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class _Recorder:
    def __init__(
        self, messages: list[EmailMessage], envelopes: list[tuple[str, list[str]]]
    ) -> None:
        self.messages = messages
        self.envelopes = envelopes

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        data = (
            envelope.content if isinstance(envelope.content, bytes) else envelope.content.encode()
        )
        message = message_from_bytes(data, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"


class SmtpReceiver:
    """An aiosmtpd server on 127.0.0.1 that can be stopped and restarted on its port."""

    def __init__(self, port: int | None = None, *, login: tuple[str, str] | None = None) -> None:
        self.port = port or free_port()
        self.login = login  # (user, password) the server requires, over plain SMTP
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self._controller: Controller | None = None

    def env(self, to: str = "planner@example.com, buyer@example.com") -> dict[str, str]:
        return {
            "FACTWATCH_SMTP_HOST": "127.0.0.1",
            "FACTWATCH_SMTP_PORT": str(self.port),
            "FACTWATCH_SMTP_TLS": "none",
            "FACTWATCH_EMAIL_FROM": "factwatch@example.com",
            "FACTWATCH_EMAIL_TO": to,
        }

    def start(self) -> None:
        handler = _Recorder(self.messages, self.envelopes)
        kwargs: dict[str, Any] = {}
        if self.login is not None:
            kwargs = {
                "authenticator": self._authenticate,
                "auth_required": True,
                "auth_require_tls": False,
            }
        self._controller = Controller(handler, hostname="127.0.0.1", port=self.port, **kwargs)
        self._controller.start()

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        ok = (
            self.login is not None
            and isinstance(data, LoginPassword)
            and (
                data.login.decode(),
                data.password.decode(),
            )
            == self.login
        )
        return AuthResult(success=ok, handled=False)

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> SmtpReceiver:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
