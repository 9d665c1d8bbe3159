"""Errors of the alerts package.

Tree::

    AlertError                     base; every error names its `channel` ("" when none)
    ├── RoutingConfigError         the routing file is unreadable or wrong (names `path`)
    └── DeliveryError              a channel did not take a message
        ├── TransientDeliveryError try again later: 5xx, timeout, SMTP down (stays pending)
        └── PermanentDeliveryError the channel refused it for good: 4xx (dead-lettered)

Messages never carry a secret: webhook URLs and passwords are redacted before an
error is built (see `redact`).
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "AlertError",
    "DeliveryError",
    "PermanentDeliveryError",
    "RoutingConfigError",
    "TransientDeliveryError",
    "redact",
]

REDACTED = "[redacted]"


class AlertError(Exception):
    """Base of the alerts package's errors."""

    def __init__(self, message: str, *, channel: str = "") -> None:
        super().__init__(message)
        self.channel = channel

    def __str__(self) -> str:
        text = super().__str__()
        return f"{self.channel}: {text}" if self.channel else text


class RoutingConfigError(AlertError):
    """The routing configuration is wrong; `path` names the file (or "environment")."""

    def __init__(self, message: str, *, path: str, channel: str = "") -> None:
        super().__init__(message, channel=channel)
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {super().__str__()}"


class DeliveryError(AlertError):
    """A channel did not accept a message."""


class TransientDeliveryError(DeliveryError):
    """Worth retrying later: the message stays pending."""

    def __init__(self, message: str, *, channel: str, retry_after: float | None = None) -> None:
        super().__init__(message, channel=channel)
        self.retry_after = retry_after


class PermanentDeliveryError(DeliveryError):
    """The channel refused the message for good: it is dead-lettered.

    `channel_broken` is True when every further message would fail the same way
    (a revoked webhook), so the dispatcher stops the channel for this run.
    """

    def __init__(self, message: str, *, channel: str, channel_broken: bool = False) -> None:
        super().__init__(message, channel=channel)
        self.channel_broken = channel_broken


def redact(text: str, secrets: Iterable[str | None]) -> str:
    """`text` with every non-empty secret (and a URL's path part) replaced by [redacted]."""
    for secret in secrets:
        if not secret:
            continue
        text = text.replace(secret, REDACTED)
        # httpx and smtplib sometimes print a URL without its scheme or query.
        if "://" in secret:
            rest = secret.split("://", 1)[1]
            text = text.replace(rest, REDACTED)
            if "/" in rest:
                path = rest.split("/", 1)[1]
                if len(path) >= 8:
                    text = text.replace(path, REDACTED)
    return text
