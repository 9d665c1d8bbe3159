"""Article page bytes → main text and metadata, pure.

`extract_page` decodes the bytes (HTTP charset, then the page's meta charset, then a
sniff), reads the metadata with BeautifulSoup (JSON-LD `headline`/`datePublished`,
`article:published_time`, `<time datetime>`, og:title, `<html lang>`) and extracts
the article body, paragraphs separated by blank lines (the extractor reads paragraphs).

The body comes from, in order: the source's own CSS `selector` when it is given and
matches enough text, else `DEFAULT_METHOD`. The candidates are all available through
`main_text(html, method=...)` so that bench/article_extraction.py can score them on
the article-extraction corpus; `DEFAULT_METHOD` is the best of them there (see that
script's docstring for the figures).

Errors::

    ValueError
     └── PageError         url, reason: not HTML (PDF, image, binary), or no article text
                           (an error page served as 200, a tiny body, an empty shell)
"""

from __future__ import annotations

import codecs
import json
import logging
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime
from enum import StrEnum
from typing import Any

import charset_normalizer
import trafilatura
from bs4 import BeautifulSoup, Comment, MarkupResemblesLocatorWarning, Tag, XMLParsedAsHTMLWarning

__all__ = [
    "DEFAULT_METHOD",
    "MIN_ARTICLE_CHARS",
    "ExtractionMethod",
    "PageContent",
    "PageError",
    "decode_html",
    "extract_page",
    "main_text",
]

log = logging.getLogger(__name__)


class ExtractionMethod(StrEnum):
    """How the main text was found (the candidates measured by the benchmark)."""

    SELECTOR = "selector"  # the source's own CSS selector (seeds/feeds.yaml)
    TEXT_DUMP = "text_dump"  # BeautifulSoup get_text of <body>, no boilerplate removal
    HEURISTIC = "heuristic"  # our BeautifulSoup heuristic: article/main, paragraph density
    TRAFILATURA = "trafilatura"  # trafilatura.extract, default options
    TRAFILATURA_PRECISION = "trafilatura_precision"  # favor_precision=True
    TRAFILATURA_RECALL = "trafilatura_recall"  # favor_recall=True
    PRECISION_THEN_HEURISTIC = "precision_then_heuristic"  # precision, else heuristic


DEFAULT_METHOD = ExtractionMethod.PRECISION_THEN_HEURISTIC
MIN_ARTICLE_CHARS = 250
"""Less main text than this is not an article (an error page, a teaser, an empty shell)."""
ERROR_PAGE_MAX_CHARS = 2000
"""A page whose title says "not found" is an error page unless its text is longer."""
MIN_SELECTOR_CHARS = 200
"""A per-source selector that yields less text than this is ignored (layout changed)."""


class PageError(ValueError):
    """The bytes hold no article. `str()` is one line naming the page."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = " ".join(reason.split())
        super().__init__(f"page {url}: {self.reason}")


@dataclass(frozen=True, slots=True)
class PageContent:
    text: str  # main text, paragraphs separated by one blank line
    title: str | None
    published: str | None  # date label YYYY-MM-DD as the page states it, else None
    lang: str | None  # primary language subtag from <html lang>/meta ("fr"), else None
    method: str  # the ExtractionMethod that produced `text`


# --------------------------------------------------------------------------- public API


def extract_page(
    html: bytes,
    *,
    url: str,
    content_type: str | None = None,
    selector: str | None = None,
) -> PageContent:
    """Main text and metadata of a fetched article page.

    Raises PageError for bytes that are not HTML and for pages without article text.
    """
    _refuse_non_html(html, url=url, content_type=content_type)
    markup = decode_html(html, content_type=content_type)
    soup = _soup(markup)
    titles = _titles(soup)
    title = titles[0] if titles else None
    published = _published(soup)
    lang = _lang(soup)

    text = ""
    method: ExtractionMethod = DEFAULT_METHOD
    if selector:
        text = _selected_text(soup, selector)
        if len(text) >= MIN_SELECTOR_CHARS:
            method = ExtractionMethod.SELECTOR
        else:
            log.debug(
                "page %s: selector %r matched too little text; generic extraction", url, selector
            )
            text = ""
    if not text:
        text, method = _main_text(markup, method=DEFAULT_METHOD, url=url, soup=soup)

    if len(text) < MIN_ARTICLE_CHARS:
        raise PageError(url, "no article text")
    error_title = next((t for t in titles if _ERROR_TITLE.search(t)), None)
    if error_title and len(text) < ERROR_PAGE_MAX_CHARS:
        raise PageError(url, f"no article text (error page: {error_title[:80]!r})")
    return PageContent(text=text, title=title, published=published, lang=lang, method=str(method))


def main_text(
    html: str, *, method: ExtractionMethod = DEFAULT_METHOD, url: str | None = None
) -> str:
    """The article body of decoded HTML by one candidate method ('' when none found)."""
    text, _ = _main_text(html, method=method, url=url, soup=None)
    return text


def decode_html(html: bytes, *, content_type: str | None = None) -> str:
    """Decode page bytes: BOM, HTTP charset, meta charset, UTF-8, then a sniff."""
    for label, skip in _declared_encodings(html, content_type):
        try:
            return html[skip:].decode(label, errors="replace")
        except LookupError:
            continue
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(html[:200_000]).best()
    if best is not None and best.encoding:
        try:
            return html.decode(best.encoding, errors="replace")
        except LookupError:
            pass
    return html.decode("windows-1252", errors="replace")


# --------------------------------------------------------------------------- bytes → str

_BOM_ENCODINGS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE
)  # <meta charset=…> and <meta http-equiv content="text/html; charset=…">
_META_SCAN_BYTES = 4096

_BINARY_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"RIFF", "a media file"),
    (b"OggS", "a media file"),
    (b"ID3", "an audio file"),
    (b"\xd0\xcf\x11\xe0", "an office document"),
)
_HTML_MEDIA_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/xml",
    "application/xml",
)


def _declared_encodings(html: bytes, content_type: str | None) -> Iterator[tuple[str, int]]:
    """(codec label, bytes to skip) in precedence order; labels may be unknown to Python."""
    for bom, label in _BOM_ENCODINGS:
        if html.startswith(bom):
            yield label, len(bom)
    if content_type:
        header = _CHARSET_PARAM.search(content_type)
        if header:
            yield _codec_label(header.group(1)), 0
    meta = _META_CHARSET.search(html[:_META_SCAN_BYTES])
    if meta:
        yield _codec_label(meta.group(1).decode("ascii", "replace")), 0


def _codec_label(label: str) -> str:
    folded = label.strip().lower()
    # WHATWG: pages labelled latin-1/ascii are decoded as windows-1252.
    return (
        "windows-1252"
        if folded in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii")
        else folded
    )


def _refuse_non_html(html: bytes, *, url: str, content_type: str | None) -> None:
    if not html.strip():
        raise PageError(url, "empty response body")
    head = html[:16]
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            raise PageError(url, f"not an HTML page ({what})")
    if content_type:
        media_type = content_type.split(";")[0].strip().lower()
        if media_type and not media_type.startswith(_HTML_MEDIA_TYPES):
            raise PageError(url, f"not an HTML page (Content-Type {media_type})")
    sample = html[:1024]
    if b"\x00" in sample and not any(html.startswith(bom) for bom, _ in _BOM_ENCODINGS):
        raise PageError(url, "not an HTML page (binary data)")


# --------------------------------------------------------------------------- metadata


def _soup(markup: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(markup, "lxml")


_ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
        "techarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle",
        "liveblogposting", "scholarlyarticle", "report",
    }
)  # fmt: skip


def _json_ld(soup: BeautifulSoup) -> list[dict[str, Any]]:
    """JSON-LD objects of the page, article types first."""
    found: list[dict[str, Any]] = []
    for script in soup.find_all("script", attrs={"type": re.compile(r"ld\+json", re.I)}):
        raw = script.string or script.get_text()
        if not raw or not raw.strip():
            continue
        try:
            data = json.loads(raw.strip().rstrip(";"), strict=False)
        except ValueError:
            continue
        found.extend(_walk_json_ld(data, depth=0))
    return sorted(found, key=lambda obj: not _is_article(obj))


def _walk_json_ld(data: object, *, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk_json_ld(item, depth=depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in data:
                yield from _walk_json_ld(data[key], depth=depth + 1)


def _is_article(obj: dict[str, Any]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds)


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    wanted = {name.lower() for name in names}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        if isinstance(key, str) and key.lower() in wanted:
            content = tag.get("content")
            if isinstance(content, str) and content.strip():
                return content.strip()
    return None


def _titles(soup: BeautifulSoup) -> list[str]:
    """Title candidates, best first: og:title, JSON-LD headline, first <h1>, <title>."""
    candidates: list[object] = [_meta(soup, "og:title", "twitter:title")]
    candidates += [obj.get("headline") for obj in _json_ld(soup) if _is_article(obj)]
    h1 = soup.find("h1")
    candidates.append(h1.get_text(" ") if h1 else None)
    candidates.append(soup.title.get_text(" ") if soup.title else None)
    return [" ".join(c.split()) for c in candidates if isinstance(c, str) and c.strip()]


_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "publication_date", "date", "dc.date", "dc.date.issued",
    "dcterms.created", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime",
)  # fmt: skip
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\D|$)")


def _published(soup: BeautifulSoup) -> str | None:
    candidates: list[object] = [
        obj.get("datePublished") for obj in _json_ld(soup) if "datePublished" in obj
    ]
    candidates.append(_meta(soup, *_PUBLISHED_META))
    for time_tag in _time_tags(soup):
        candidates.append(time_tag.get("datetime"))
    for candidate in candidates:
        if isinstance(candidate, list) and candidate:
            candidate = candidate[0]
        if isinstance(candidate, str):
            label = _date_label(candidate)
            if label:
                return label
    return None


def _time_tags(soup: BeautifulSoup) -> list[Tag]:
    tags = [t for t in soup.find_all("time") if isinstance(t.get("datetime"), str)]
    # A time tag that says it is the publication date wins over the others.
    preferred = [
        t
        for t in tags
        if t.has_attr("pubdate")
        or str(t.get("itemprop", "")).lower() == "datepublished"
        or "publi" in _class_and_id(t).lower()
    ]
    in_article = [t for t in tags if t.find_parent("article") is not None]
    return preferred + in_article + tags


def _date_label(text: str) -> str | None:
    """YYYY-MM-DD as written (the publisher's local date), from ISO 8601 or RFC 2822."""
    text = text.strip()
    match = _ISO_DATE.search(text[:32]) or _COMPACT_DATE.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        year, month, day = parsed.year, parsed.month, parsed.day
    try:
        return date(year, month, day).isoformat() if 1990 <= year <= 2100 else None
    except ValueError:
        return None


_LANG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]|$)")


def _lang(soup: BeautifulSoup) -> str | None:
    html_tag = soup.find("html")
    candidates: list[object] = []
    if isinstance(html_tag, Tag):
        candidates += [html_tag.get("lang"), html_tag.get("xml:lang")]
    candidates.append(_meta(soup, "content-language", "language", "dc.language", "og:locale"))
    for tag in soup.find_all("meta", attrs={"http-equiv": re.compile("content-language", re.I)}):
        candidates.append(tag.get("content"))
    for candidate in candidates:
        if isinstance(candidate, str):
            match = _LANG.match(candidate.strip())
            if match:
                return match.group(1).lower()
    return None


_ERROR_TITLE = re.compile(
    r"""^\s*(?:error\s*)?40[134](?:\s*[-–:|]|\s+(?:not|forbidden|unauthori[sz]ed|error|page)\b|\s*$)
      | \b(?:error|erreur|fehler)\s*40[134]\b
      | ^\s*not\s+found\s*$ | \b(?:page|article|content|file)\s+not\s+found\b
      | \bpage\s+(?:introuvable|non\s+trouv[ée]e|inexistante)\b
      | \bcette\s+page\s+n['’]existe\s+(?:pas|plus)\b
      | \b(?:seite|artikel)\s+(?:wurde\s+)?nicht\s+gefunden\b
      | \bseite\s+existiert\s+nicht\b""",
    re.IGNORECASE | re.VERBOSE,
)


# --------------------------------------------------------------------------- main text


def _main_text(
    markup: str, *, method: ExtractionMethod, url: str | None, soup: BeautifulSoup | None
) -> tuple[str, ExtractionMethod]:
    if method is ExtractionMethod.TEXT_DUMP:
        return _text_dump(soup or _soup(markup)), method
    if method is ExtractionMethod.HEURISTIC:
        return _heuristic(soup or _soup(markup)), method
    if method is ExtractionMethod.TRAFILATURA:
        return _trafilatura(markup, url=url), method
    if method is ExtractionMethod.TRAFILATURA_PRECISION:
        return _trafilatura(markup, url=url, favor_precision=True), method
    if method is ExtractionMethod.TRAFILATURA_RECALL:
        return _trafilatura(markup, url=url, favor_recall=True), method
    if method is ExtractionMethod.PRECISION_THEN_HEURISTIC:
        text = _trafilatura(markup, url=url, favor_precision=True)
        if len(text) >= MIN_ARTICLE_CHARS:
            return text, ExtractionMethod.TRAFILATURA_PRECISION
        fallback = _heuristic(soup or _soup(markup))
        if len(fallback) > len(text):
            return fallback, ExtractionMethod.HEURISTIC
        return text, ExtractionMethod.TRAFILATURA_PRECISION
    raise ValueError(f"{method} is not a generic extraction method")  # SELECTOR needs a selector


def _trafilatura(
    markup: str, *, url: str | None, favor_precision: bool = False, favor_recall: bool = False
) -> str:
    try:
        text = trafilatura.extract(
            markup,
            url=url,
            include_comments=False,
            deduplicate=False,
            favor_precision=favor_precision,
            favor_recall=favor_recall,
        )
    except Exception as exc:  # trafilatura's own failures on odd markup: fall back, don't stop
        log.debug("trafilatura failed on %s: %s", url, exc)
        return ""
    return _paragraphs(text.splitlines()) if text else ""


def _paragraphs(lines: Iterator[str] | list[str]) -> str:
    """One paragraph per non-empty line, whitespace squashed, blank lines between."""
    return "\n\n".join(squashed for line in lines if (squashed := " ".join(line.split())))


_DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "form", "button",
    "select", "input", "textarea", "nav", "footer", "aside", "menu", "dialog", "object", "embed",
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
        "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th",
        "figure", "figcaption", "br", "hr", "address",
    }
)  # fmt: skip
_BOILERPLATE = re.compile(
    r"""comment|cookie|consent|gdpr|banner|related|recommend|\bshare|social|newsletter|subscri
      |promo|advert|\bads?\b|\bad[-_]|[-_]ads?\b|sponsor|sidebar|footer|\bnav|\bmenu|breadcrumb
      |paywall|popup|modal|widget|outbrain|taboola|recirc|most-?read|trending|\btags?\b
      |author-?bio|signup|\blogin|\bprint\b|masthead|toolbar|skip-link|read-?more|more-?stories""",
    re.IGNORECASE | re.VERBOSE,
)
_BOILERPLATE_ROLES = frozenset(
    {"navigation", "complementary", "contentinfo", "banner", "dialog", "search"}
)
_BODY_HINT = re.compile(
    r"article[-_]?body|articlebody|entry-content|post-content|story-body|article-content", re.I
)


def _text_dump(soup: BeautifulSoup) -> str:
    """Candidate (a): every text node of <body>, as the benchmark's BeautifulSoup baseline."""
    body = soup.body or soup
    for tag in body.find_all(["script", "style", "noscript", "template"]):
        tag.decompose()
    return _paragraphs(body.get_text("\n").splitlines())


def _heuristic(soup: BeautifulSoup) -> str:
    """Candidate (b): drop boilerplate, then take the container richest in paragraph text."""
    body = soup.body or soup
    for comment in body.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in body.find_all(_DROP_TAGS):
        tag.decompose()
    prose = _prose_chars(body)
    for tag in body.find_all(True):
        if tag.decomposed or tag.attrs is None:
            continue
        marker = _is_boilerplate(tag)
        # A "boilerplate" class on a wrapper that holds most of the prose
        # ("content-with-sidebar") names its neighbours, not itself.
        if marker is _Marker.WEAK and _prose_chars(tag) >= _WRAPPER_SHARE * prose:
            continue
        if marker is not _Marker.NONE:
            tag.decompose()
    container = _best_container(body)
    if container is None:
        return ""
    return _block_text(container)


class _Marker(StrEnum):
    NONE = "none"
    WEAK = "weak"  # layout names: may be a wrapper around the article too
    STRONG = "strong"  # comments, cookie/consent banners, hidden elements


_WRAPPER_SHARE = 0.4
_STRONG_BOILERPLATE = re.compile(r"comment|cookie|consent|gdpr|outbrain|taboola", re.IGNORECASE)


def _is_boilerplate(tag: Tag) -> _Marker:
    if tag.name in ("body", "html", "article", "main"):
        return _Marker.NONE
    if str(tag.get("role", "")).lower() in _BOILERPLATE_ROLES:
        return _Marker.WEAK
    if str(tag.get("aria-hidden", "")).lower() == "true" or tag.has_attr("hidden"):
        return _Marker.STRONG
    marker = _class_and_id(tag)
    if not marker or _BODY_HINT.search(marker):
        return _Marker.NONE
    if _STRONG_BOILERPLATE.search(marker):
        return _Marker.STRONG
    return _Marker.WEAK if _BOILERPLATE.search(marker) else _Marker.NONE


def _class_and_id(tag: Tag) -> str:
    classes = tag.get("class")
    names = classes if isinstance(classes, list) else [str(classes or "")]
    return " ".join([*names, str(tag.get("id") or "")]).strip()


def _prose_chars(tag: Tag) -> int:
    """Characters of paragraph text (<p> of 25+ characters) under `tag`."""
    total = 0
    for paragraph in tag.find_all("p"):
        length = len(" ".join(paragraph.get_text(" ").split()))
        if length >= 25:
            total += length
    return total


def _best_container(body: Tag) -> Tag | None:
    """The element whose direct paragraphs carry the most text (readability-style scores)."""
    hinted = [
        tag
        for tag in body.find_all(True)
        if tag.get("itemprop") == "articleBody" or _BODY_HINT.search(_class_and_id(tag))
    ]
    scores: dict[int, float] = {}
    nodes: dict[int, Tag] = {}
    for paragraph in body.find_all(["p", "pre", "blockquote"]):
        text = " ".join(paragraph.get_text(" ").split())
        if len(text) < 25:
            continue
        links = sum(len(a.get_text(" ")) for a in paragraph.find_all("a"))
        if links > 0.5 * len(text):
            continue
        score = 1 + text.count(",") + min(len(text) // 100, 3)
        parent = paragraph.parent
        if isinstance(parent, Tag):
            scores[id(parent)] = scores.get(id(parent), 0.0) + score
            nodes[id(parent)] = parent
            grand = parent.parent
            if isinstance(grand, Tag):
                scores[id(grand)] = scores.get(id(grand), 0.0) + score / 2
                nodes[id(grand)] = grand
    if hinted:
        best_hint = max(hinted, key=lambda tag: len(tag.get_text(" ")))
        if len(best_hint.get_text(" ").strip()) >= MIN_ARTICLE_CHARS:
            return best_hint
    if not scores:
        article = body.find("article") or body.find("main")
        return article if isinstance(article, Tag) else None
    best = nodes[max(scores, key=lambda key: scores[key])]
    return best


def _block_text(container: Tag) -> str:
    for tag in container.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = container.get_text().splitlines()
    kept = []
    for line in lines:
        squashed = " ".join(line.split())
        if squashed:
            kept.append(squashed)
    return "\n\n".join(kept)


def _selected_text(soup: BeautifulSoup, selector: str) -> str:
    try:
        found = soup.select(selector)
    except Exception as exc:  # soupsieve raises its own errors on a bad selector
        log.debug("selector %r failed: %s", selector, exc)
        return ""
    parts = []
    for element in found:
        copy = _soup(str(element))
        for tag in copy.find_all(_DROP_TAGS):
            tag.decompose()
        parts.append(_block_text(copy))
    return "\n\n".join(part for part in parts if part)
