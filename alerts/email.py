"""Email alerts: the message (pure) and its delivery over SMTP (I/O).

`email_message(views, key=…)` builds a multipart text + HTML message (the HTML is a
table of changes with their evidence, inline styles only, so common clients show it
as meant). The Message-ID is derived from the outbox key (`<key@factwatch>`), so a
resend after a crash is recognisable as the same message; every header value is
stripped of CR/LF.

`SmtpSender.send(message)` delivers it with smtplib: implicit TLS (`ssl`), STARTTLS
or none (FACTWATCH_SMTP_TLS), login when FACTWATCH_SMTP_USER is set, always with a
timeout. An unreachable or failing server raises TransientDeliveryError (the alerts
stay pending and go out on the next run), and so do a refused login, sender or set
of recipients (configuration: once fixed, the same messages go out); only a 5xx
refusal of the message itself raises PermanentDeliveryError (dead-lettered). The
password never reaches a log.
"""

from __future__ import annotations

import html
import logging
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import format_datetime
from enum import StrEnum

from alerts.errors import PermanentDeliveryError, TransientDeliveryError, redact
from alerts.render import AlertView, Quote, digest_title, plain_text

__all__ = [
    "DEFAULT_SMTP_TIMEOUT",
    "SmtpSender",
    "SmtpSettings",
    "SmtpTls",
    "email_message",
    "recipients_from",
]

logger = logging.getLogger(__name__)

DEFAULT_SMTP_TIMEOUT = 15.0
DEFAULT_SENDER = "factwatch@localhost"
SUBJECT_PREFIX = "[factwatch] "


class _UnfoldedIdPolicy(EmailPolicy):
    """The default policy, except that Message-ID is never folded.

    `<64 hex digits@factwatch>` is longer than the 78-character soft limit; folded,
    some tools read the id with a leading space. RFC 5322 allows 998 characters.
    """

    def fold(self, name: str, value: str) -> str:
        if name.lower() == "message-id":
            return f"{name}: {value}{self.linesep}"
        return super().fold(name, value)

    def fold_binary(self, name: str, value: str) -> bytes:
        if name.lower() == "message-id":
            return f"{name}: {value}{self.linesep}".encode("ascii", "replace")
        return super().fold_binary(name, value)


_POLICY = _UnfoldedIdPolicy()
_DEFAULT_PORTS = {"ssl": 465, "starttls": 587, "none": 25}


class SmtpTls(StrEnum):
    SSL = "ssl"
    STARTTLS = "starttls"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str
    port: int
    tls: SmtpTls = SmtpTls.STARTTLS
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    sender: str = DEFAULT_SENDER
    timeout: float = DEFAULT_SMTP_TIMEOUT

    @classmethod
    def from_env(cls, env: Mapping[str, str], *, channel: str = "email") -> SmtpSettings:
        """FACTWATCH_SMTP_* and FACTWATCH_EMAIL_FROM; TransientDeliveryError when unusable."""
        host = (env.get("FACTWATCH_SMTP_HOST") or "").strip()
        if not host:
            raise TransientDeliveryError(
                "FACTWATCH_SMTP_HOST is not set; emails wait until it is", channel=channel
            )
        tls_text = (env.get("FACTWATCH_SMTP_TLS") or "starttls").strip().lower()
        try:
            tls = SmtpTls(tls_text)
        except ValueError:
            raise TransientDeliveryError(
                f"FACTWATCH_SMTP_TLS={tls_text!r} is not ssl, starttls or none; emails wait",
                channel=channel,
            ) from None
        port_text = (env.get("FACTWATCH_SMTP_PORT") or "").strip()
        try:
            port = int(port_text) if port_text else _DEFAULT_PORTS[tls]
        except ValueError:
            raise TransientDeliveryError(
                f"FACTWATCH_SMTP_PORT={port_text!r} is not a port number; emails wait",
                channel=channel,
            ) from None
        return cls(
            host=host,
            port=port,
            tls=tls,
            user=(env.get("FACTWATCH_SMTP_USER") or "").strip() or None,
            password=env.get("FACTWATCH_SMTP_PASSWORD") or None,
            sender=_clean_header(env.get("FACTWATCH_EMAIL_FROM") or DEFAULT_SENDER),
        )


def recipients_from(value: str | Sequence[str] | None) -> tuple[str, ...]:
    """ "a@x, b@y" or a list → cleaned addresses (CR/LF removed, empties dropped)."""
    if not value:
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    return tuple(a for a in (_clean_header(i) for i in items) if a)


def _clean_header(value: str) -> str:
    """A header value on one line: CR, LF and other control characters become spaces."""
    cleaned = "".join(" " if ord(c) < 32 or c == "\x7f" else c for c in value)
    return " ".join(cleaned.split())


# --------------------------------------------------------------------------- message


def email_message(
    views: Sequence[AlertView],
    *,
    key: str,
    sender: str,
    to: Sequence[str],
    now: datetime,
    digest: bool = False,
) -> EmailMessage:
    """One alert (or a digest of several) as a multipart text + HTML message."""
    if not views:
        raise ValueError("email_message needs at least one alert")
    if digest or len(views) > 1:
        subject = digest_title(views)
        intro = f"{subject}\n\n"
        text = intro + "\n\n".join(f"{i}. {plain_text(v)}" for i, v in enumerate(views, 1))
        run_url = next((v.run_url for v in views if v.run_url), None)
    else:
        subject = views[0].headline
        text = plain_text(views[0])
        run_url = views[0].run_url
    text += "\n\n-- \nfactwatch: automotive plant and production news, with evidence.\n"
    message = EmailMessage(policy=_POLICY)
    message["Subject"] = _clean_header(SUBJECT_PREFIX + subject)[:250]
    message["From"] = _clean_header(sender)
    message["To"] = ", ".join(_clean_header(a) for a in to)
    message["Date"] = format_datetime(now)
    message["Message-ID"] = f"<{_clean_header(key).replace(' ', '')}@factwatch>"
    message["Auto-Submitted"] = "auto-generated"
    message["X-Auto-Response-Suppress"] = "All"
    message.set_content(text, cte="quoted-printable")  # 7-bit safe for any server
    message.add_alternative(
        _html(subject, views, run_url=run_url), subtype="html", cte="quoted-printable"
    )
    return message


_CELL = "padding:8px 10px;border-bottom:1px solid #e3e6ea;vertical-align:top;text-align:left;"
_QUOTE = "margin:0 0 4px 0;padding:0 0 0 8px;border-left:3px solid #c8ccd2;color:#333333;font-style:italic;"
_SMALL = "color:#666666;font-size:12px;"
_KIND_COLOURS = {
    "new": "#1a7f37",
    "changed": "#bf3989",
    "refined": "#0969da",
    "confirmed": "#57606a",
}


def _html_quote(label: str, quote: Quote) -> str:
    who = html.escape(quote.publisher or "source")
    if quote.link and quote.link.startswith(("http://", "https://")):
        who = f'<a href="{html.escape(quote.link, quote=True)}" style="color:#0969da;">{who}</a>'
    elif quote.link:
        who += f" ({html.escape(quote.link)})"
    return (
        f'<div style="{_SMALL}font-weight:bold;">{html.escape(label)}</div>'
        f'<p style="{_QUOTE}">“{html.escape(quote.sentence)}”</p>'
        f'<div style="{_SMALL}">— {who}, {html.escape(quote.published)}</div>'
    )


def _html(subject: str, views: Sequence[AlertView], *, run_url: str | None) -> str:
    rows = []
    for view in views:
        colour = _KIND_COLOURS.get(str(view.kind), "#57606a")
        evidence = _html_quote("Now" if view.old else "Evidence", view.new)
        before = _html_quote("Before", view.old) if view.old else "—"
        rows.append(
            "<tr>"
            f'<td style="{_CELL}"><span style="color:{colour};font-weight:bold;">{html.escape(str(view.kind))}</span>'
            f'<div style="{_SMALL}">{html.escape(str(view.type))}</div></td>'
            f'<td style="{_CELL}font-weight:bold;">{html.escape(view.headline)}</td>'
            f'<td style="{_CELL}">{evidence}</td>'
            f'<td style="{_CELL}">{before}</td>'
            f'<td style="{_CELL}">{view.confidence:.2f}</td>'
            "</tr>"
        )
    head = "".join(
        f'<th style="{_CELL}background:#f6f8fa;">{h}</th>'
        for h in ("Kind", "Change", "Evidence", "Before", "Confidence")
    )
    run = (
        f'<p style="{_SMALL}"><a href="{html.escape(run_url, quote=True)}" style="color:#0969da;">Prefect run</a></p>'
        if run_url
        else ""
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
        '<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1f2328;">'
        f'<h2 style="font-size:17px;margin:0 0 12px 0;">{html.escape(subject)}</h2>'
        '<table cellpadding="0" cellspacing="0" '
        'style="border-collapse:collapse;width:100%;max-width:1000px;">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"{run}"
        f'<p style="{_SMALL}margin-top:16px;">factwatch: automotive plant and production news, with evidence.</p>'
        "</body></html>"
    )


# --------------------------------------------------------------------------- delivery


class SmtpSender:
    """Sends messages through one SMTP server; one connection per `send`."""

    def __init__(self, channel: str, settings: SmtpSettings) -> None:
        self.channel = channel
        self.settings = settings

    def __repr__(self) -> str:
        return f"SmtpSender(channel={self.channel!r}, host={self.settings.host!r})"

    def send(self, message: EmailMessage, *, to: Sequence[str]) -> None:
        """Returns once the server accepted the message for at least one recipient."""
        s = self.settings
        where = f"{s.host}:{s.port}"
        try:
            smtp: smtplib.SMTP
            if s.tls == SmtpTls.SSL:
                smtp = smtplib.SMTP_SSL(
                    s.host, s.port, timeout=s.timeout, context=ssl.create_default_context()
                )
            else:
                smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
            with smtp:
                if s.tls == SmtpTls.STARTTLS:
                    smtp.starttls(context=ssl.create_default_context())
                if s.user:
                    smtp.login(s.user, s.password or "")
                refused = smtp.send_message(message, from_addr=s.sender, to_addrs=list(to))
        except smtplib.SMTPRecipientsRefused as exc:
            # the addresses are configuration: fixed, the same message can go out
            raise TransientDeliveryError(
                f"the SMTP server {where} refused every recipient "
                f"({', '.join(sorted(exc.recipients))}); emails wait until the "
                "recipients (FACTWATCH_EMAIL_TO or the channel's to:) are fixed",
                channel=self.channel,
            ) from None
        except smtplib.SMTPSenderRefused as exc:
            raise TransientDeliveryError(
                f"the SMTP server {where} refused the sender {s.sender} ({self._detail(exc)}); "
                "emails wait until FACTWATCH_EMAIL_FROM or the SMTP login is fixed",
                channel=self.channel,
            ) from None
        except smtplib.SMTPDataError as exc:
            detail = self._detail(exc)
            if 500 <= exc.smtp_code < 600:  # this message's content was refused for good
                raise PermanentDeliveryError(
                    f"the SMTP server {where} refused the message ({detail}); dead-lettered",
                    channel=self.channel,
                ) from None
            raise TransientDeliveryError(
                f"the SMTP server {where} deferred the message ({detail}); it stays pending",
                channel=self.channel,
            ) from None
        except smtplib.SMTPAuthenticationError as exc:
            raise TransientDeliveryError(
                f"SMTP login to {where} failed ({exc.smtp_code}); emails wait until "
                "FACTWATCH_SMTP_USER/PASSWORD are right",
                channel=self.channel,
            ) from None
        except (OSError, smtplib.SMTPException) as exc:
            raise TransientDeliveryError(
                f"cannot send through SMTP {where} ({self._detail(exc)}); emails stay pending "
                "for the next run",
                channel=self.channel,
            ) from None
        if refused:
            logger.warning(
                "%s: the SMTP server refused %s (sent to the other recipients)",
                self.channel,
                ", ".join(sorted(refused)),
            )

    def _detail(self, exc: BaseException) -> str:
        code = getattr(exc, "smtp_code", None)
        error = getattr(exc, "smtp_error", b"")
        if isinstance(error, bytes):
            error = error.decode("utf-8", "replace")
        text = f"{code} {error}".strip() if code else (str(exc) or type(exc).__name__)
        return redact(_clean_header(text)[:160], [self.settings.password])
