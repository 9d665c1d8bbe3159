"""Delivering the outbox: every pending alert reaches its channel once.

`dispatch(store, router)` goes channel by channel: it reads the pending outbox items,
sends each alert as its own message and the digest items as one digest message, and
marks each item sent right after the channel accepted it: the only window for a
duplicate is "the channel accepted, the process died before mark_sent", a few
microseconds wide. A failure never loses an item:

- transient (Slack 5xx/timeout after retries, 429 beyond the bound, SMTP down, a
  secret not set): `mark_failed(dead=False)`, the channel stops for this run, the
  item and the rest wait for the next run;
- permanent (Slack 4xx, SMTP 5xx refusal, an unreadable payload): `mark_failed(dead=True)`,
  one line; the channel goes on with the next item (unless the webhook itself is
  gone: 401/403/404/410 stop the channel, the rest wait).

Quiet hours: the channel is skipped, its items wait. Digests: `run` → one digest per
dispatch when there are digest items; a period → once the oldest waiting digest item
is that old. Each problem is one line in `DispatchReport.problems` (which channel,
what went wrong, what happens next); nothing here prints or raises for them.
"""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import IO, Any, Protocol

import httpx

from alerts.console import ConsolePrinter
from alerts.email import SmtpSender, SmtpSettings, email_message, recipients_from
from alerts.errors import DeliveryError, PermanentDeliveryError, TransientDeliveryError
from alerts.render import AlertView, alert_view, change_from_payload
from alerts.routing import ChannelConfig, ChannelKind, ConsoleFormat, DigestMode, Router
from alerts.slack import SlackOptions, SlackWebhook, resolve_webhook, slack_message

__all__ = ["ChannelReport", "DispatchReport", "OutboxItem", "OutboxStore", "dispatch"]

logger = logging.getLogger(__name__)

MAX_ITEMS_PER_RUN = 5000  # per channel; the rest go out on the next run
LEASE_SECONDS = 900.0
"""How long a dispatcher holds a channel; a crashed one's lease expires after this."""


class OutboxItem(Protocol):
    """What the store's outbox rows look like to the dispatcher."""

    @property
    def key(self) -> str: ...
    @property
    def channel(self) -> str: ...
    @property
    def payload(self) -> Mapping[str, Any]: ...
    @property
    def digest_only(self) -> bool: ...
    @property
    def created_at(self) -> datetime: ...


class OutboxStore(Protocol):
    def pending_outbox(self, channel: str, *, limit: int = ...) -> Sequence[Any]: ...
    def mark_sent(self, key: str) -> None: ...
    def mark_failed(self, key: str, *, error: str, dead: bool) -> None: ...


@dataclass(frozen=True, slots=True)
class ChannelReport:
    channel: str
    kind: str
    sent: int = 0  # outbox items delivered (a digest counts each of its items)
    failed: int = 0  # items that failed and wait for the next run
    dead: int = 0  # items dead-lettered
    waiting: int = 0  # items left pending (quiet hours, digest period, channel stopped)
    messages: int = 0  # messages the channel accepted
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DispatchReport:
    channels: tuple[ChannelReport, ...] = ()

    @property
    def sent(self) -> int:
        return sum(c.sent for c in self.channels)

    @property
    def failed(self) -> int:
        return sum(c.failed for c in self.channels)

    @property
    def dead(self) -> int:
        return sum(c.dead for c in self.channels)

    @property
    def problems(self) -> list[str]:
        return [p for c in self.channels for p in c.problems]

    def channel(self, name: str) -> ChannelReport:
        for report in self.channels:
            if report.channel == name:
                return report
        raise KeyError(name)

    def summary(self) -> str:
        """One line: "alerts: console 3 sent · slack 2 sent, 1 waiting · email 1 failed"."""
        if not self.channels:
            return "alerts: no channel"
        parts = []
        for c in self.channels:
            bits = [f"{c.sent} sent"]
            bits += [
                f"{n} {what}"
                for n, what in ((c.failed, "failed"), (c.dead, "dead"), (c.waiting, "waiting"))
                if n
            ]
            parts.append(f"{c.channel} {', '.join(bits)}")
        return "alerts: " + " · ".join(parts)


@dataclass
class _Tally:
    config: ChannelConfig
    sent: int = 0
    failed: int = 0
    dead: int = 0
    waiting: int = 0
    messages: int = 0
    problems: list[str] = field(default_factory=list)

    def line(self, text: str) -> None:
        message = text if text.startswith(f"{self.config.name}:") else f"{self.config.name}: {text}"
        logger.warning("%s", message)
        self.problems.append(message)

    def report(self) -> ChannelReport:
        return ChannelReport(
            channel=self.config.name,
            kind=str(self.config.kind),
            sent=self.sent,
            failed=self.failed,
            dead=self.dead,
            waiting=self.waiting,
            messages=self.messages,
            problems=tuple(self.problems),
        )


class _Stop(Exception):
    """The channel cannot take more this run."""


def dispatch(
    store: OutboxStore,
    router: Router,
    *,
    channels: Iterable[str] | None = None,
    run_url: str | None = None,
    now: datetime | None = None,
    http_client: httpx.Client | None = None,
    env: Mapping[str, str] | None = None,
    json_mode: bool = False,
    console_file: IO[str] | None = None,
    slack_options: SlackOptions | None = None,
) -> DispatchReport:
    """Deliver every pending outbox item of `channels` (default: all the router's)."""
    env = os.environ if env is None else env
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    names = list(channels) if channels is not None else list(router.channel_names)
    slack_names = {c.name for c in router.config.channels if c.kind == ChannelKind.SLACK}
    own_client = http_client is None and bool(slack_names & set(names))
    client = httpx.Client(timeout=SlackOptions().timeout) if own_client else http_client
    reports = []
    owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"
    try:
        for name in names:
            config = _config(router, name)
            if config is None:
                reports.append(
                    ChannelReport(
                        channel=name,
                        kind="unknown",
                        problems=(f"{name}: not a channel of the routing configuration; skipped",),
                    )
                )
                continue
            lease = f"dispatch:{name}"
            if not _acquire(store, lease, owner):
                reports.append(
                    ChannelReport(
                        channel=name,
                        kind=str(config.kind),
                        problems=(
                            f"{name}: another run is delivering this channel's alerts right now; "
                            "its pending alerts are left to that run",
                        ),
                    )
                )
                continue
            tally = _Tally(config)
            try:
                _dispatch_channel(
                    store,
                    router,
                    tally,
                    now=now,
                    run_url=run_url,
                    env=env,
                    client=client,
                    json_mode=json_mode,
                    console_file=console_file,
                    slack_options=slack_options,
                )
            finally:
                _release(store, lease, owner)
            reports.append(tally.report())
    finally:
        if own_client and client is not None:
            client.close()
    return DispatchReport(channels=tuple(reports))


def _acquire(store: OutboxStore, lease: str, owner: str) -> bool:
    """One dispatcher at a time per channel: two runs at once would both send an item.

    A holder that was a process of this machine and is gone (killed) is taken over
    at once; a live one, or one on another machine, keeps the channel until its lease
    expires.
    """
    acquire = getattr(store, "acquire_lease", None)
    if acquire is None:
        return True
    if acquire(lease, owner=owner, seconds=LEASE_SECONDS):
        return True
    holder = store.lease_owner(lease)  # type: ignore[attr-defined]
    if holder is None or _dead_local_owner(holder):
        return bool(acquire(lease, owner=owner, seconds=LEASE_SECONDS, take_from=holder))
    return False


def _dead_local_owner(owner: str) -> bool:
    host, _, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _release(store: OutboxStore, lease: str, owner: str) -> None:
    release = getattr(store, "release_lease", None)
    if release is not None:
        release(lease, owner=owner)


def _config(router: Router, name: str) -> ChannelConfig | None:
    try:
        return router.config.channel(name)
    except KeyError:
        return None


def _pending(store: OutboxStore, channel: str) -> list[Any]:
    """The channel's pending items, oldest first (one read: the store has no offset)."""
    return list(store.pending_outbox(channel, limit=MAX_ITEMS_PER_RUN))


def _dispatch_channel(
    store: OutboxStore,
    router: Router,
    tally: _Tally,
    *,
    now: datetime,
    run_url: str | None,
    env: Mapping[str, str],
    client: httpx.Client | None,
    json_mode: bool,
    console_file: IO[str] | None,
    slack_options: SlackOptions | None,
) -> None:
    config = tally.config
    try:
        items = _pending(store, config.name)
    except Exception as exc:  # the store is the caller's; report and go on
        tally.line(f"cannot read the outbox ({type(exc).__name__}: {exc}); nothing sent")
        return
    if not items:
        return
    quiet_end = router.quiet_until(config.name, now)
    if quiet_end is not None:
        tally.waiting = len(items)
        tally.line(
            f"quiet hours until {quiet_end:%H:%M} {config.quiet_hours.timezone if config.quiet_hours else ''}; "
            f"{len(items)} alert(s) wait"
        )
        return

    alerts = [i for i in items if not i.digest_only]
    digests = [i for i in items if i.digest_only]
    if digests and not _digest_due(config, digests, now):
        tally.waiting += len(digests)
        digests = []

    try:
        sender = _Sender(
            config,
            env=env,
            client=client,
            json_mode=json_mode,
            console_file=console_file,
            slack_options=slack_options,
            now=now,
        )
    except DeliveryError as exc:
        tally.waiting += len(alerts) + len(digests)
        tally.line(f"{_message(exc)} ({len(alerts) + len(digests)} waiting)")
        return

    try:
        for position, item in enumerate(alerts):
            try:
                view, payload = _view(item, run_url)
            except ValueError as exc:
                _dead(store, tally, [item], f"unreadable outbox payload ({exc}); dead-lettered")
                continue
            try:
                sender.send([view], [payload], key=item.key, digest=False)
            except TransientDeliveryError as exc:
                _failed(store, tally, [item], _message(exc))
                rest = len(alerts) - position - 1 + len(digests)
                tally.waiting += rest
                tally.line(_message(exc) + (f" ({rest} more waiting)" if rest else ""))
                raise _Stop from None
            except PermanentDeliveryError as exc:
                _dead(store, tally, [item], _message(exc))
                if exc.channel_broken:
                    rest = len(alerts) - position - 1 + len(digests)
                    tally.waiting += rest
                    if rest:
                        tally.line(f"the webhook looks revoked; {rest} more wait until it is fixed")
                    raise _Stop from None
                continue
            _sent(store, tally, [item])
        if digests:
            _send_digest(store, tally, sender, digests, run_url)
    except _Stop:
        pass
    finally:
        sender.close()


def _send_digest(
    store: OutboxStore, tally: _Tally, sender: _Sender, items: list[Any], run_url: str | None
) -> None:
    good: list[Any] = []
    views: list[AlertView] = []
    payloads: list[Mapping[str, Any]] = []
    for item in items:
        try:
            view, payload = _view(item, run_url)
        except ValueError as exc:
            _dead(store, tally, [item], f"unreadable outbox payload ({exc}); dead-lettered")
            continue
        good.append(item)
        views.append(view)
        payloads.append(payload)
    if not good:
        return
    key = (
        "digest-" + hashlib.sha256("\n".join(sorted(i.key for i in good)).encode()).hexdigest()[:32]
    )
    try:
        sender.send(views, payloads, key=key, digest=True, run_url=run_url)
    except TransientDeliveryError as exc:
        _failed(store, tally, good, _message(exc))
        tally.line(f"digest of {len(good)}: {_message(exc)}")
        return
    except PermanentDeliveryError as exc:
        _dead(store, tally, good, f"digest of {len(good)}: {_message(exc)}")
        return
    _sent(store, tally, good)


def _digest_due(config: ChannelConfig, items: Sequence[Any], now: datetime) -> bool:
    if config.digest != DigestMode.PERIOD or config.digest_period is None:
        return True
    oldest = min(_aware(i.created_at) for i in items)
    return now - oldest >= config.digest_period


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _view(item: Any, run_url: str | None) -> tuple[AlertView, Mapping[str, Any]]:
    payload = item.payload
    if not isinstance(payload, Mapping):
        raise ValueError("the payload is not a JSON object")
    change = change_from_payload(payload)
    return alert_view(change, run_url=run_url, key=item.key), payload


def _message(exc: DeliveryError) -> str:
    return str(exc)


def _sent(store: OutboxStore, tally: _Tally, items: Sequence[Any]) -> None:
    tally.messages += 1
    for item in items:
        try:
            store.mark_sent(item.key)  # right after the channel accepted: the duplicate window
        except Exception as exc:  # the store is down: say so, stop before sending more
            tally.line(
                f"delivered, but the store could not record it ({type(exc).__name__}); "
                "it may be sent again on the next run"
            )
            raise _Stop from None
        tally.sent += 1


def _failed(store: OutboxStore, tally: _Tally, items: Sequence[Any], error: str) -> None:
    for item in items:
        _record_failure(store, tally, item, error=error, dead=False)
        tally.failed += 1


def _dead(store: OutboxStore, tally: _Tally, items: Sequence[Any], error: str) -> None:
    for item in items:
        _record_failure(store, tally, item, error=error, dead=True)
        tally.dead += 1
    tally.line(f"{error} ({len(items)} item{'s' if len(items) != 1 else ''})")


def _record_failure(
    store: OutboxStore, tally: _Tally, item: Any, *, error: str, dead: bool
) -> None:
    try:
        store.mark_failed(item.key, error=error, dead=dead)
    except Exception as exc:  # nothing is lost: the item stays pending
        tally.line(f"the store could not record a failure ({type(exc).__name__}); {error}")
        raise _Stop from None


class _Sender:
    """One channel's delivery, whatever its kind: `send(views, payloads, key=…)`."""

    def __init__(
        self,
        config: ChannelConfig,
        *,
        env: Mapping[str, str],
        client: httpx.Client | None,
        json_mode: bool,
        console_file: IO[str] | None,
        slack_options: SlackOptions | None,
        now: datetime,
    ) -> None:
        self.config = config
        self._now = now
        self._slack: SlackWebhook | None = None
        self._smtp: SmtpSender | None = None
        self._console: ConsolePrinter | None = None
        self._to: tuple[str, ...] = ()
        name = config.name
        match config.kind:
            case ChannelKind.SLACK:
                url = resolve_webhook(
                    name,
                    webhook_env=config.webhook_env,
                    webhook_block=config.webhook_block,
                    env=env,
                )
                self._slack = SlackWebhook(name, url, client=client, options=slack_options)
            case ChannelKind.EMAIL:
                settings = SmtpSettings.from_env(env, channel=name)
                if config.sender:
                    settings = replace(settings, sender=config.sender)
                self._to = config.to or recipients_from(env.get(config.to_env or "") or None)
                if not self._to:
                    raise TransientDeliveryError(
                        f"no recipient ({config.to_env or 'to:'} is empty); emails wait until it is set",
                        channel=name,
                    )
                self._smtp = SmtpSender(name, settings)
            case ChannelKind.CONSOLE:
                form = ConsoleFormat.JSONL if json_mode else config.format
                self._console = ConsolePrinter(name, format=form, file=console_file)

    def send(
        self,
        views: Sequence[AlertView],
        payloads: Sequence[Mapping[str, Any]],
        *,
        key: str,
        digest: bool,
        run_url: str | None = None,
    ) -> None:
        if self._slack is not None:
            self._slack.send(slack_message(views, digest=digest, run_url=run_url))
        elif self._smtp is not None:
            message = email_message(
                views,
                key=key,
                sender=self._smtp.settings.sender,
                to=self._to,
                now=self._now,
                digest=digest,
            )
            self._smtp.send(message, to=self._to)
        elif self._console is not None:
            self._console.send(views, payloads, digest=digest)

    def close(self) -> None:
        if self._slack is not None:
            self._slack.close()
