"""Console alerts: readable with rich (default) or JSON lines for scripts.

The console is a channel like the others: it is fed from the outbox and its items
are marked sent once printed, so a rerun prints nothing twice. Article text is
printed as plain `rich.text.Text`, never as markup, so "[bold]" in an article is
shown as written.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from typing import IO, Any

from rich.console import Console
from rich.text import Text

from alerts.errors import TransientDeliveryError
from alerts.render import AlertView, Quote, digest_title
from alerts.routing import ConsoleFormat

__all__ = ["ConsolePrinter", "console_lines"]

_KIND_STYLES = {
    "new": "bold green",
    "changed": "bold magenta",
    "refined": "cyan",
    "confirmed": "dim",
}


def console_lines(
    views: Sequence[AlertView],
    payloads: Sequence[Mapping[str, Any]],
    *,
    channel: str,
    digest: bool,
) -> list[str]:
    """The JSON lines for some alerts: one object per change (pure)."""
    lines = []
    for view, payload in zip(views, payloads, strict=True):
        record = {
            "channel": channel,
            "key": view.key,
            "digest": digest,
            "headline": view.headline,
            "run_url": view.run_url,
            "change": dict(payload),
        }
        lines.append(json.dumps(record, ensure_ascii=False, default=str))
    return lines


class ConsolePrinter:
    """Prints alerts to a stream (stdout by default)."""

    def __init__(
        self,
        channel: str = "console",
        *,
        format: ConsoleFormat = ConsoleFormat.RICH,
        file: IO[str] | None = None,
        width: int | None = None,
    ) -> None:
        self.channel = channel
        self.format = format
        self._file = file
        self._width = width

    def send(
        self,
        views: Sequence[AlertView],
        payloads: Sequence[Mapping[str, Any]],
        *,
        digest: bool = False,
    ) -> None:
        out = self._file or sys.stdout
        try:
            if self.format == ConsoleFormat.JSONL:
                for line in console_lines(views, payloads, channel=self.channel, digest=digest):
                    out.write(line + "\n")
                out.flush()
                return
            console = Console(
                file=out,
                highlight=False,
                markup=False,
                emoji=False,
                width=self._width,
                soft_wrap=not _is_terminal(out),  # no hard line breaks in pipes and logs
            )
            if digest:
                console.print(Text(digest_title(views), style="bold"))
                for view in views:
                    console.print(Text("  • ") + Text(view.headline, style=_style(view)))
                return
            for view in views:
                self._print_alert(console, view)
        except OSError as exc:  # a closed pipe: nothing was shown, try next run
            raise TransientDeliveryError(
                f"cannot write to the console ({exc.strerror or type(exc).__name__}); alerts wait",
                channel=self.channel,
            ) from None

    def _print_alert(self, console: Console, view: AlertView) -> None:
        console.print(Text(view.headline, style=_style(view)))
        _print_quote(console, "Now" if view.old else "Evidence", view.new)
        if view.old:
            _print_quote(console, "Before", view.old)
        meta = f"  confidence {view.confidence:.2f} · {view.kind} {view.type}"
        if view.run_url:
            meta += f" · {view.run_url}"
        console.print(Text(meta, style="dim"))
        console.print()


def _is_terminal(out: IO[str]) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def _style(view: AlertView) -> str:
    return _KIND_STYLES.get(str(view.kind), "bold")


def _print_quote(console: Console, label: str, quote: Quote) -> None:
    console.print(Text(f"  {label}: ", style="bold") + Text(f"“{quote.sentence}”", style="italic"))
    source = f"    — {quote.attribution()}" + (f", {quote.link}" if quote.link else "")
    console.print(Text(source, style="dim"))
