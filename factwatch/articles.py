"""Article files (seeds and manual reruns) → `Article`.

A seed file is UTF-8 text whose first line begins (after optional spaces) with
``date YYYY-MM[-DD] (Publisher) — `` followed by the first paragraph. The header is
removed from `Article.text`: evidence offsets count from the first character after
it. Files without the header (plain text or HTML) need `published` (and may take
`publisher`) from the caller, i.e. the CLI's ``--published``/``--publisher``.

Every problem is an `ArticleError` whose message is one line naming the file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from factwatch.model import Article, FuzzyDate, Source

__all__ = [
    "MAX_ARTICLE_BYTES",
    "ArticleError",
    "Header",
    "article_from_text",
    "parse_header",
    "parse_published",
    "read_article",
]

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
"""Larger files are refused: no news article is 5 MB of text."""

_HEADER_RE = re.compile(
    r"^[ \t\ufeff]*date[ \t]+(?P<date>\S+)[ \t]+\((?P<publisher>[^)\n]*)\)[ \t]*[—–-]+[ \t]*"
)
_PUBLISHED_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_HTML_RE = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.I)


class ArticleError(Exception):
    """An article file that cannot be read; `str()` is one line naming the file."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Header:
    published: str
    publisher: str
    length: int  # characters of the header, removed from the text


def parse_published(value: str) -> str:
    """Validate a published date given as YYYY, YYYY-MM or YYYY-MM-DD; return it."""
    if not _PUBLISHED_RE.match(value):
        raise ValueError(f"{value!r} is not a date of the form YYYY-MM or YYYY-MM-DD")
    try:
        FuzzyDate.from_label(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a real date") from None
    return value


def parse_header(text: str) -> Header | None:
    """The ``date … (Publisher) —`` header at the start of `text`, if any.

    Raises ValueError when the header is there but its date is impossible.
    """
    match = _HEADER_RE.match(text)
    if not match:
        return None
    published = parse_published(match["date"])
    return Header(published=published, publisher=match["publisher"].strip(), length=match.end())


def article_from_text(
    text: str,
    *,
    path: str | None = None,
    url: str | None = None,
    published: str | None = None,
    publisher: str | None = None,
    title: str | None = None,
) -> Article:
    """Build an Article from seed-format text (header optional when `published` is given)."""
    where = path or url or "<text>"
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    try:
        header = parse_header(text)
    except ValueError as exc:
        raise ArticleError(where, f"bad date in the header: {exc}") from None
    if header is not None:
        body = text[header.length :]
        published = published or header.published
        publisher = publisher or header.publisher
    elif published is None:
        raise ArticleError(
            where,
            "no 'date YYYY-MM[-DD] (Publisher) — ' header on the first line; "
            "give the date with --published YYYY-MM-DD (and --publisher NAME)",
        )
    else:
        body = text
    try:
        published = parse_published(published)
    except ValueError as exc:
        raise ArticleError(where, f"bad published date: {exc}") from None
    body = body.strip("\n")
    if not body.strip():
        raise ArticleError(where, "the article has no text after its header")
    source = Source(published=published, url=url, path=path, publisher=publisher)
    return Article(text=body, source=source, title=title)


def read_article(
    path: Path | str,
    *,
    published: str | None = None,
    publisher: str | None = None,
) -> Article:
    """Read one article file. Raises ArticleError (one line) for anything wrong."""
    path = Path(path)
    where = str(path)
    if not path.exists():
        raise ArticleError(where, "no such file")
    if path.is_dir():
        raise ArticleError(where, "is a directory, not an article file")
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(
                where,
                f"{size / 1e6:.0f} MB is too large for an article "
                f"(limit {MAX_ARTICLE_BYTES // (1024 * 1024)} MB); nothing was read",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(where, f"cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise ArticleError(where, "the file is empty")
    if b"\x00" in data[:8192]:
        raise ArticleError(where, "is a binary file, not UTF-8 text or HTML")
    if _HTML_RE.match(data[:2048]):
        return _read_html(data, where=where, published=published, publisher=publisher)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            where, f"is not UTF-8 text (undecodable byte at offset {exc.start})"
        ) from None
    return article_from_text(text, path=where, published=published, publisher=publisher)


def _read_html(data: bytes, *, where: str, published: str | None, publisher: str | None) -> Article:
    """An HTML file: its main text through the same page extractor the monitor uses."""
    from factwatch.pages import PageError, extract_page

    try:
        page = extract_page(data, url=Path(where).resolve().as_uri())
    except PageError as exc:
        raise ArticleError(where, f"no article text in this HTML file ({exc})") from None
    if published is None and page.published:
        published = page.published
    if published is None:
        raise ArticleError(
            where,
            "the HTML file gives no publication date; give it with --published YYYY-MM-DD",
        )
    article = article_from_text(
        page.text, path=where, published=published, publisher=publisher, title=page.title
    )
    if page.lang:
        return Article(
            text=article.text, source=article.source, title=article.title, lang=page.lang
        )
    return article
