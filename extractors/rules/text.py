"""Text preparation with offsets kept: every step replaces characters one for one.

`prepare(text)` returns a string of the same length as `text` in which HTML markup is
blanked out (tags, scripts, comments → spaces; entities → their character padded with
spaces), no-break and narrow no-break spaces are plain spaces, a stray `?` where a
narrow no-break space was lost ("2.000 salariés?;") is a space, and the seed header
(`date YYYY-MM[-DD] (Publisher) — `) is blanked. Offsets into the prepared text are
therefore offsets into the article text, and evidence is cut from the article text.
"""

from __future__ import annotations

import html
import re

__all__ = ["MAX_CHARS", "looks_like_html", "prepare"]

MAX_CHARS = 100_000  # work cap per article (about 15,000 words); the rest is not read

_HEADER = re.compile(r"^\s*date\s+\d{4}-\d{2}(?:-\d{2})?\s*\([^)\n]*\)\s*[—–-]\s*")
_HTML_HINT = re.compile(r"<(?:html|body|p|div|span|br|a|article|h[1-6]|script|!doctype)\b", re.I)
_BLOCKS = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_BREAKS = re.compile(
    r"</?(?:p|div|br|h[1-6]|li|ul|ol|article|section|tr|table|blockquote)\b[^>]*>", re.I
)
_TAG = re.compile(r"<[^>]{0,2000}>", re.S)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.I)
_SPACES = re.compile(r"[\u00a0\u202f\u2009\u2007\u200a\u2002\u2003]")
_STRAY_QMARK = re.compile(r"(?<=[\w%)])\?(?=[;:!»])|(?<=\d)\?(?=\d{3}\b)|(?<=\d)\?(?=[^\W\d_])")


def looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT.search(text[:5000]))


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _para_break(match: re.Match[str]) -> str:
    width = len(match.group(0))
    return "\n\n" + " " * (width - 2) if width >= 2 else " " * width


def _entity(match: re.Match[str]) -> str:
    char = html.unescape(match.group(0))
    if len(char) != 1:
        return " " * len(match.group(0))
    return char + " " * (len(match.group(0)) - 1)


def prepare(text: str) -> str:
    """A same-length working copy of `text` (see the module docstring)."""
    work = text[:MAX_CHARS] if len(text) > MAX_CHARS else text
    if looks_like_html(work):
        work = _BLOCKS.sub(_blank, work)
        work = _BREAKS.sub(_para_break, work)
        work = _TAG.sub(_blank, work)
        work = _ENTITY.sub(_entity, work)
    work = _SPACES.sub(" ", work)
    work = _STRAY_QMARK.sub(" ", work)
    header = _HEADER.match(work)
    if header:
        work = " " * header.end() + work[header.end() :]
    return work
