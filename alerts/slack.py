"""Slack incoming webhooks: Block Kit messages (pure) and their delivery (I/O).

`slack_message(views)` builds the JSON: Block Kit blocks and a `text` fallback,
every piece of article text mrkdwn-escaped (`escape_mrkdwn`), within Slack's limits
(≤ 50 blocks, ≤ 3,000 characters per section, the whole message ≤ ~10,000
characters; the rest is cut with "…" and a note saying how much was left out).

`SlackWebhook.send(payload)` posts it: at most one message a second per webhook;
429 → waits Retry-After (bounded) and resends; 5xx and timeouts → retries with
backoff, then raises TransientDeliveryError (the item stays pending); any other
4xx → PermanentDeliveryError (dead-lettered). The webhook URL is a secret: it is
never logged and is redacted from every message and exception, including httpx's
own request log lines.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from alerts.errors import PermanentDeliveryError, TransientDeliveryError, redact
from alerts.render import AlertView, Quote, digest_title

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_BLOCKS",
    "MAX_MESSAGE_CHARS",
    "MAX_SECTION_CHARS",
    "SlackOptions",
    "SlackWebhook",
    "escape_mrkdwn",
    "resolve_webhook",
    "slack_message",
]

logger = logging.getLogger(__name__)

MAX_BLOCKS = 50
MAX_SECTION_CHARS = 3000
MAX_MESSAGE_CHARS = 10_000  # JSON length of the whole payload
MAX_QUOTE_CHARS = 1200
DEFAULT_TIMEOUT = 10.0
DEFAULT_MIN_INTERVAL = 1.0  # seconds between two messages to one webhook
DEFAULT_MAX_RETRY_AFTER = 30.0  # longer Retry-After: leave pending for the next run
DEFAULT_ATTEMPTS = 3  # for 5xx / timeouts, within one send
DEFAULT_BACKOFF = 0.5  # seconds, doubled each retry
DEFAULT_MAX_429 = 3
BROKEN_WEBHOOK_STATUSES = frozenset({401, 403, 404, 410})

# Look-alikes for the characters Slack's mrkdwn formats with. Slack has no escape
# character, so article text gets characters that look the same and format nothing.
_NEUTRAL = str.maketrans({"*": "∗", "_": "ˍ", "~": "∼", "`": "ˋ"})


def escape_mrkdwn(text: str | None) -> str:
    """Text from an article made inert in mrkdwn: no mention, no link, no formatting.

    `&`, `<`, `>` become entities (so `<!channel>` and `<https://x|y>` are shown, not
    parsed); `*`, `_`, `~` and backticks become look-alikes; whitespace runs collapse.
    """
    if not text:
        return ""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.translate(_NEUTRAL)


def _link(url: str | None, label: str) -> str:
    """`<url|label>` for an http(s) URL; the label alone otherwise (paths, odd schemes)."""
    safe_label = escape_mrkdwn(label)
    if not url or not re.match(r"^https?://[^\s<>|]+$", url):
        return safe_label
    href = url.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E")
    return f"<{href}|{safe_label}>"


def _cut(text: str, limit: int) -> str:
    """At most `limit` characters, ending in "…", never inside an &entity;."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    amp = head.rfind("&")
    if amp != -1 and ";" not in head[amp:]:
        head = head[:amp]
    return head.rstrip() + "…"


def _quote_text(label: str, quote: Quote) -> str:
    sentence = _cut(escape_mrkdwn(quote.sentence), MAX_QUOTE_CHARS)
    who = _link(quote.link, quote.publisher or "source")
    where = "" if quote.link and quote.link.startswith("http") else _path_note(quote.link)
    return f"*{label}*\n>{sentence}\n— {who}, {escape_mrkdwn(quote.published)}{where}"


def _path_note(link: str | None) -> str:
    return f" ({escape_mrkdwn(link)})" if link else ""


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": _cut(text, MAX_SECTION_CHARS)}}


def _context(view: AlertView) -> dict[str, Any]:
    parts = [f"confidence {view.confidence:.2f}", f"{view.kind} {view.type}"]
    if view.field:
        parts[-1] += f" ({escape_mrkdwn(view.field)})"
    if view.run_url:
        parts.append(_link(view.run_url, "Prefect run"))
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": " · ".join(parts)}]}


def _alert_blocks(view: AlertView) -> list[dict[str, Any]]:
    blocks = [_section(f"*{escape_mrkdwn(view.headline)}*")]
    blocks.append(_section(_quote_text("Now" if view.old else "Evidence", view.new)))
    if view.old:
        blocks.append(_section(_quote_text("Before", view.old)))
    blocks.append(_context(view))
    return blocks


def _digest_line(view: AlertView) -> str:
    quote = view.new
    sentence = _cut(escape_mrkdwn(quote.sentence), 400)
    who = _link(quote.link, quote.publisher or "source")
    return f"• *{escape_mrkdwn(view.headline)}*\n>{sentence}\n— {who}, {escape_mrkdwn(quote.published)}"


def slack_message(
    views: Sequence[AlertView], *, digest: bool = False, run_url: str | None = None
) -> dict[str, Any]:
    """The webhook JSON for one alert (`digest=False`, one view) or a digest of many."""
    if not views:
        raise ValueError("slack_message needs at least one alert")
    if not digest and len(views) == 1:
        view = views[0]
        fallback = escape_mrkdwn(view.headline)
        groups = [_alert_blocks(view)]
    else:
        fallback = escape_mrkdwn(digest_title(views))
        header = [_section(f"*{fallback}*")]
        groups = [header] + [[_section(_digest_line(v))] for v in views]
        if run_url:
            groups.append(
                [
                    {
                        "type": "context",
                        "elements": [{"type": "mrkdwn", "text": _link(run_url, "Prefect run")}],
                    }
                ]
            )
    return _fit(groups, fallback=_cut(fallback, 3000))


def _fit(groups: list[list[dict[str, Any]]], *, fallback: str) -> dict[str, Any]:
    """Whole groups of blocks while they fit; a note on what was left out."""
    base = {"text": fallback, "unfurl_links": False, "unfurl_media": False}
    note_room = 200
    blocks: list[dict[str, Any]] = []
    for index, group in enumerate(groups):
        candidate = blocks + group
        size = len(json.dumps({**base, "blocks": candidate}, ensure_ascii=False))
        if len(candidate) > MAX_BLOCKS - 1 or size > MAX_MESSAGE_CHARS - note_room:
            left = len(groups) - index
            blocks.append(
                {
                    "type": "context",
                    "elements": [
                        {
                            "type": "mrkdwn",
                            "text": f"… {left} more not shown (Slack's message limit); "
                            "see the run's artifact or `factwatch history` for the full list.",
                        }
                    ],
                }
            )
            break
        blocks = candidate
    return {**base, "blocks": blocks}


# --------------------------------------------------------------------------- delivery


class _RedactSecrets(logging.Filter):
    """Removes registered secrets from log records (httpx logs every request URL)."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            message = record.getMessage()
            clean = redact(message, self.secrets)
            if clean != message:
                record.msg, record.args = clean, None
        return True


_REDACTOR = _RedactSecrets()
for _name in ("httpx", "httpcore", "httpcore.connection", "httpcore.http11", "httpcore.http2"):
    logging.getLogger(_name).addFilter(_REDACTOR)

_LAST_SENT: dict[str, float] = {}
_LAST_SENT_LOCK = threading.Lock()


def resolve_webhook(
    channel: str,
    *,
    webhook_env: str | None,
    webhook_block: str | None,
    env: Mapping[str, str],
) -> str:
    """The webhook URL from the environment variable or Prefect Secret block named.

    Raises TransientDeliveryError (the alerts wait) when it is not set or unreadable.
    """
    url: str | None = None
    if webhook_env:
        url = env.get(webhook_env) or None
    if url is None and webhook_block:
        try:
            from prefect.blocks.system import Secret

            block: Any = Secret.load(webhook_block)  # sync context: the block itself
            url = str(block.get())
        except Exception as exc:  # any failure to load a block: wait for the next run
            raise TransientDeliveryError(
                f"cannot load the Prefect Secret block {webhook_block!r} ({type(exc).__name__}); "
                "alerts wait for the next run",
                channel=channel,
            ) from None
    if not url:
        where = webhook_env or webhook_block or "FACTWATCH_SLACK_WEBHOOK_URL"
        raise TransientDeliveryError(
            f"no webhook URL ({where} is not set); alerts wait until it is", channel=channel
        )
    if not re.match(r"^https?://", url):
        raise TransientDeliveryError(
            "the webhook URL is not an http(s) URL; alerts wait until it is fixed", channel=channel
        )
    _REDACTOR.secrets.add(url)
    return url


@dataclass(frozen=True, slots=True)
class SlackOptions:
    """How patiently one send talks to Slack (all bounded)."""

    timeout: float = DEFAULT_TIMEOUT
    min_interval: float = DEFAULT_MIN_INTERVAL
    max_retry_after: float = DEFAULT_MAX_RETRY_AFTER
    attempts: int = DEFAULT_ATTEMPTS
    backoff: float = DEFAULT_BACKOFF
    max_429: int = DEFAULT_MAX_429


class SlackWebhook:
    """One Slack incoming webhook. `send` returns once Slack has accepted the message."""

    def __init__(
        self,
        channel: str,
        url: str,
        *,
        client: httpx.Client | None = None,
        options: SlackOptions | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.channel = channel
        self._url = url
        self._options = options or SlackOptions()
        self._own_client = client is None
        self._client = client or httpx.Client(timeout=self._options.timeout)
        self._sleep = sleep
        self._clock = clock
        self._rate_key = hashlib.sha256(url.encode()).hexdigest()
        _REDACTOR.secrets.add(url)

    def __repr__(self) -> str:  # never show the URL
        return f"SlackWebhook(channel={self.channel!r})"

    def close(self) -> None:
        if self._own_client:
            self._client.close()

    def send(self, payload: Mapping[str, Any]) -> None:
        """Post one message; raises Transient/PermanentDeliveryError (see module doc)."""
        failures = 0
        throttled = 0
        while True:
            self._wait_turn()
            try:
                response = self._client.post(
                    self._url, json=dict(payload), timeout=self._options.timeout
                )
            except httpx.TimeoutException:
                problem = "Slack did not answer in time"
            except httpx.TransportError as exc:
                problem = f"cannot reach Slack ({self._clean(type(exc).__name__)})"
            else:
                status = response.status_code
                if 200 <= status < 300:
                    return
                if status == 429:
                    throttled += 1
                    wait = _retry_after(response.headers.get("Retry-After"))
                    if throttled > self._options.max_429 or wait > self._options.max_retry_after:
                        raise TransientDeliveryError(
                            f"rate-limited by Slack (429, Retry-After {wait:.0f} s); "
                            "left pending for the next run",
                            channel=self.channel,
                            retry_after=wait,
                        )
                    logger.info("%s: rate-limited by Slack, waiting %.1f s", self.channel, wait)
                    self._sleep(wait)
                    continue
                body = self._clean(response.text[:120].strip()) or "no body"
                if status < 500:
                    raise PermanentDeliveryError(
                        f"Slack refused the message ({status} {body}); dead-lettered, not retried",
                        channel=self.channel,
                        channel_broken=status in BROKEN_WEBHOOK_STATUSES,
                    )
                problem = f"Slack answered {status} ({body})"
            failures += 1
            if failures >= max(1, self._options.attempts):
                raise TransientDeliveryError(
                    f"{problem} after {failures} attempts; left pending for the next run",
                    channel=self.channel,
                )
            delay = self._options.backoff * 2 ** (failures - 1)
            logger.info("%s: %s; retrying in %.1f s", self.channel, problem, delay)
            self._sleep(delay)

    def _wait_turn(self) -> None:
        with _LAST_SENT_LOCK:
            last = _LAST_SENT.get(self._rate_key)
            now = self._clock()
            wait = 0.0 if last is None else self._options.min_interval - (now - last)
            if wait > 0:
                self._sleep(wait)
            _LAST_SENT[self._rate_key] = max(now, self._clock())

    def _clean(self, text: str) -> str:
        return redact(text, [self._url]).replace("\n", " ")


def _retry_after(value: str | None) -> float:
    try:
        return max(0.0, float(value)) if value is not None else 1.0
    except ValueError:
        return 1.0
