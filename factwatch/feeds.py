"""Feed bytes → typed entries (RSS 0.9x/1.0/2.0, Atom), pure.

`parse_feed` hands feedparser the fetched bytes wrapped in a stream, never a string or
bytes it could take for a path or a URL (feedparser opens those itself). Entries come
back with a stable `guid`, an absolute `url` and its `canonical_url` (tracking
parameters dropped), the summary as plain text, the published date as an ISO date, and
a `content_hash` that changes when the title or text changes.

Ill-formed feeds are common. When feedparser flags a problem ("bozo") but still finds
entries, they are kept and `ParsedFeed.bozo_problem` carries the problem in one line;
when nothing usable comes out, `FeedError` says why in one line.

Errors::

    ValueError
     └── FeedError         feed_url, reason, problem (FeedProblem: not_a_feed, no_entries)
"""

from __future__ import annotations

import calendar
import hashlib
import importlib
import io
import logging
import re
import time
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from enum import StrEnum
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import charset_normalizer
import feedparser
from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

__all__ = [
    "FeedEntry",
    "FeedError",
    "FeedProblem",
    "ParsedFeed",
    "parse_feed",
]

log = logging.getLogger(__name__)

DEFAULT_CONTENT_TYPE = "application/xml"
"""Assumed when the caller has no HTTP Content-Type (a file, a test)."""
MAX_REASON_CHARS = 200
"""Reasons and bozo problems are cut to one line of at most this many characters."""


class FeedProblem(StrEnum):
    NOT_A_FEED = "not_a_feed"  # empty, HTML, binary, or XML that is not RSS/Atom
    NO_ENTRIES = "no_entries"  # a feed, but no entry with a link, title or text


class FeedError(ValueError):
    """Nothing usable in a feed's bytes. `str()` is one line naming the feed."""

    def __init__(
        self, feed_url: str, reason: str, *, problem: FeedProblem = FeedProblem.NOT_A_FEED
    ):
        self.feed_url = feed_url
        self.reason = _one_line(reason)
        self.problem = problem
        super().__init__(f"feed {feed_url}: {self.reason}")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed entry. `url`/`canonical_url` are None when the entry has no http(s) link."""

    guid: str
    url: str | None
    canonical_url: str | None
    title: str | None
    summary_text: str
    published: str | None  # ISO date YYYY-MM-DD (UTC), from published, else updated
    content_hash: str  # sha256 hex of title + (full content, else summary), normalised


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's entries in feed order, one per GUID (the first seen wins)."""

    entries: tuple[FeedEntry, ...]
    title: str | None
    bozo_problem: str | None  # one line when feedparser flagged the feed, else None


def _private_canonical_url(url: str) -> str:
    """Canonical form of a URL: lower-case scheme and host, no default port, no fragment,
    no tracking parameters, remaining query parameters sorted."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port not in (None, _DEFAULT_PORTS.get(scheme)) else None
    netloc = host if port is None else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking_param(key)
    )
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


_DEFAULT_PORTS = {"http": 80, "https": 443}
_TRACKING_PREFIXES = ("utm_", "at_", "ns_", "mc_", "pk_", "wt.", "wt_", "hsa_", "oly_", "vero_")
_TRACKING_NAMES = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "twclid",
        "xtor", "xtref", "ito", "cmp", "cmpid", "ocid", "soc_src", "soc_trk", "sr_share",
        "_ga", "_gl", "mkt_tok", "spm", "guccounter", "__twitter_impression", "rss", "ref_src",
        "s_cid", "icid", "smid",
    }
)  # fmt: skip


def _is_tracking_param(key: str) -> bool:
    folded = key.lower()
    return folded in _TRACKING_NAMES or folded.startswith(_TRACKING_PREFIXES)


def _resolve_canonical_url() -> Callable[[str], str]:
    """The HTTP layer (factwatch.fetch) owns the one canonical form; until it exists,
    this module's `_private_canonical_url` stands in."""
    try:
        fetch = importlib.import_module("factwatch.fetch")
    except ImportError:
        return _private_canonical_url
    found = getattr(fetch, "canonical_url", None)
    return found if callable(found) else _private_canonical_url


canonical_url = _resolve_canonical_url()


def parse_feed(body: bytes, *, feed_url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse a fetched feed. `content_type` is the HTTP Content-Type (charset included).

    Raises FeedError when the bytes hold no feed or no usable entry.
    """
    if not body.strip():
        raise FeedError(feed_url, "empty response body")
    body, content_type = _undeclared_to_utf8(body, content_type)
    # Without an HTTP Content-Type, read the bytes as XML would be (declaration, BOM),
    # rather than report the missing header as a feed problem.
    headers = {"content-location": feed_url, "content-type": content_type or DEFAULT_CONTENT_TYPE}
    try:
        # A stream: feedparser reads it as data and never opens a path or a URL.
        result = feedparser.parse(io.BytesIO(body), response_headers=headers)
    except Exception as exc:  # feedparser's own bugs on hostile input must not end the run
        raise FeedError(feed_url, f"feed parser failed: {_describe(exc)}") from exc

    bozo_problem = _describe(result.get("bozo_exception")) if result.get("bozo") else None
    version = result.get("version") or ""
    raw_entries = result.get("entries") or []
    if not raw_entries:
        if not version:
            reason = "not an RSS or Atom feed"
            if _looks_like_html(body):
                reason += " (an HTML page)"
            elif not _looks_like_text(body):
                reason += " (binary data)"
            if bozo_problem:
                reason += f": {bozo_problem}"
            raise FeedError(feed_url, reason)
        raise FeedError(feed_url, f"{version} feed has no entries", problem=FeedProblem.NO_ENTRIES)

    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for raw in raw_entries:
        entry = _entry(raw)
        if entry is None:
            continue
        if entry.guid in seen:
            log.debug("feed %s: duplicate entry %s skipped", feed_url, entry.guid)
            continue
        seen.add(entry.guid)
        entries.append(entry)
    if not entries:
        raise FeedError(
            feed_url, "no entry has a link, a title or a text", problem=FeedProblem.NO_ENTRIES
        )
    if bozo_problem:
        log.debug("feed %s is ill-formed but usable: %s", feed_url, bozo_problem)
    title = _text(result.get("feed", {}).get("title")) or None
    return ParsedFeed(entries=tuple(entries), title=title, bozo_problem=bozo_problem)


_XML_DECL_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["'][^"']+["']""")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def _undeclared_to_utf8(body: bytes, content_type: str | None) -> tuple[bytes, str | None]:
    """Feeds that declare no encoding anywhere and are not UTF-8: detect the charset
    (charset-normalizer) and hand feedparser UTF-8. Declared encodings are left to
    feedparser, which follows the HTTP > BOM > XML declaration precedence."""
    if content_type and "charset=" in content_type.lower():
        return body, content_type
    if body.startswith(_BOMS) or _XML_DECL_ENCODING.match(body[:512]):
        return body, content_type
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return body, content_type
    best = charset_normalizer.from_bytes(body[:65536]).best()
    if best is None or not best.encoding:
        return body, content_type
    try:
        text = body.decode(best.encoding, errors="replace")
    except LookupError:
        return body, content_type
    media_type = (content_type or "application/xml").split(";")[0].strip() or "application/xml"
    log.debug("feed declares no encoding; decoded as %s", best.encoding)
    return text.encode("utf-8"), f"{media_type}; charset=utf-8"


def _entry(raw: Mapping[str, Any]) -> FeedEntry | None:
    title = _text(raw.get("title")) or None
    summary_html = raw.get("summary") or ""
    contents = raw.get("content") or []
    content_html = "\n".join(str(part.get("value") or "") for part in contents)
    summary_text = _text(summary_html) or _text(content_html)

    link = (raw.get("link") or "").strip()
    url = link if _is_http_url(link) else None
    canonical = None
    if url:
        try:
            canonical = canonical_url(url)
        except ValueError:  # e.g. a port that is not a number: no fetchable link
            url = None
    if not (title or summary_text or url):
        return None

    body_text = _text(content_html) or summary_text
    content_hash = hashlib.sha256(
        "\n".join((_squash(title or ""), _squash(body_text))).encode("utf-8")
    ).hexdigest()
    guid = (raw.get("id") or "").strip() or canonical or f"sha256:{content_hash}"
    return FeedEntry(
        guid=guid,
        url=url,
        canonical_url=canonical,
        title=title,
        summary_text=summary_text,
        published=_published(raw),
        content_hash=content_hash,
    )


_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def _published(raw: Mapping[str, Any]) -> str | None:
    """The entry's date as the publisher wrote it (its own time zone), else feedparser's
    UTC reading of it; published first, then updated, then created."""
    for key in ("published", "updated", "created"):
        written = raw.get(key)
        if isinstance(written, str) and written.strip():
            label = _written_date(written)
            if label:
                return label
        parsed = raw.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).date().isoformat()
            except (OverflowError, ValueError, OSError):
                continue
    return None


def _written_date(text: str) -> str | None:
    match = _ISO_DATE.match(text)
    try:
        if match:
            return date(*(int(part) for part in match.groups())).isoformat()
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _text(html: object) -> str:
    """Plain text of an HTML fragment (feed summaries are HTML or plain text), one line."""
    if not html:
        return ""
    source = str(html)
    if "<" in source or "&" in source:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            soup = BeautifulSoup(source, "html.parser")
        for tag in soup(["script", "style"]):
            tag.decompose()
        source = soup.get_text(" ")
    return " ".join(source.split())


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def _is_http_url(link: str) -> bool:
    parts = urlsplit(link)
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _looks_like_html(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def _looks_like_text(body: bytes) -> bool:
    sample = body[:1024]
    return b"\x00" not in sample and not sample.startswith(b"%PDF")


def _describe(exc: object) -> str:
    if exc is None:
        return "unknown problem"
    name = type(exc).__name__
    message = _one_line(str(exc))
    return f"{name}: {message}" if message else name


def _one_line(text: str) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= MAX_REASON_CHARS else line[: MAX_REASON_CHARS - 1] + "…"
