"""Feeds (factwatch.feeds) and the sources file (factwatch.sources).

Hand-written RSS 2.0 / Atom / RSS 1.0 fixtures in tests/fixtures/feeds/, feedparser's
own ill-formed and encoding test files from shared/corpora/feedparser-tests, and
non-feeds that a moved feed address typically serves.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factwatch.feeds import FeedError, FeedProblem, ParsedFeed, parse_feed
from factwatch.sources import Lang, SourcesError, load_sources, parse_sources, sources_path

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
FEED_URL = "https://www.autohebdo.example/rss/industrie.xml"


def _parse(name: str, *, feed_url: str = FEED_URL, content_type: str | None = None) -> ParsedFeed:
    return parse_feed((FIXTURES / name).read_bytes(), feed_url=feed_url, content_type=content_type)


# --------------------------------------------------------------------------- RSS 2.0


def test_rss20_entries_have_canonical_urls_without_tracking_parameters() -> None:
    feed = _parse("rss20.xml")
    assert feed.title == "AutoHebdo — Industrie"
    assert feed.bozo_problem is None
    first = feed.entries[0]
    assert "utm_source=rss" in (first.url or "")  # the link as published, to fetch
    assert first.canonical_url is not None
    assert "utm_" not in first.canonical_url
    assert "#comments" not in first.canonical_url
    assert "page=2" in first.canonical_url  # a real parameter stays
    mulhouse = feed.entries[1]
    assert mulhouse.canonical_url == "https://www.autohebdo.example/industrie/mulhouse-pause"


def test_rss20_duplicate_guid_keeps_the_first_entry_only() -> None:
    feed = _parse("rss20.xml")
    guids = [entry.guid for entry in feed.entries]
    assert len(guids) == len(set(guids)) == 3
    twingo = [entry for entry in feed.entries if entry.guid == "autohebdo-48213"]
    assert [entry.title for entry in twingo] == [
        "Renault confirme la Twingo électrique à Novo Mesto"
    ]


def test_rss20_summary_is_plain_text_and_dates_are_as_published() -> None:
    feed = _parse("rss20.xml")
    by_title = {entry.title: entry for entry in feed.entries}
    twingo = by_title["Renault confirme la Twingo électrique à Novo Mesto"]
    assert twingo.summary_text == (
        "La future Twingo électrique sera assemblée en Slovénie à partir du second semestre 2026."
    )
    assert twingo.published == "2024-03-14"
    assert by_title["Stellantis suspend la production à Mulhouse"].published is None
    # 23:30 at UTC-5 is the 11th where it was published (the 12th in UTC).
    dacia = by_title["Dacia agrandit son usine de Tanger"]
    assert dacia.published == "2024-03-11"
    # Only content:encoded: its text is the summary; the relative link is made absolute.
    assert dacia.summary_text.startswith("La capacité passera à 400 000 véhicules")
    assert "<" not in dacia.summary_text
    assert dacia.url == "https://www.autohebdo.example/industrie/dacia-tanger"
    assert dacia.guid == dacia.canonical_url  # no <guid>: the canonical link identifies it


def test_content_hash_follows_title_and_text() -> None:
    body = (FIXTURES / "rss20.xml").read_bytes()
    again = parse_feed(body, feed_url=FEED_URL)
    assert [e.content_hash for e in again.entries] == [
        e.content_hash for e in _parse("rss20.xml").entries
    ]
    retitled = body.replace(
        b"Stellantis suspend la production", b"Stellantis arr\xc3\xaate la production"
    )
    changed = parse_feed(retitled, feed_url=FEED_URL)
    assert changed.entries[1].guid == again.entries[1].guid
    assert changed.entries[1].content_hash != again.entries[1].content_hash
    assert changed.entries[0].content_hash == again.entries[0].content_hash


# --------------------------------------------------------------------------- Atom, RSS 1.0


def test_atom_entries() -> None:
    feed = _parse("atom.xml", feed_url="https://evdaily.example/feed.atom")
    assert feed.title == "EV Daily"
    assert [entry.guid for entry in feed.entries] == [
        "tag:evdaily.example,2024:ex30-ghent",
        "tag:evdaily.example,2024:tesla-berlin",
        "tag:evdaily.example,2024:nodate",
    ]
    ex30, tesla, nodate = feed.entries
    assert ex30.url is not None and ex30.url.startswith("https://evdaily.example/news/ex30-ghent")
    assert ex30.canonical_url == "https://evdaily.example/news/ex30-ghent"
    assert ex30.published == "2024-06-03"  # published wins over updated
    assert ex30.summary_text == "The Belgian plant will build the EX30 from 2025."
    assert tesla.published == "2024-05-30"  # only updated
    assert nodate.published is None
    assert nodate.canonical_url == "https://evdaily.example/news/nodate"  # gclid dropped


def test_rss10_entries() -> None:
    feed = _parse("rss10.xml", feed_url="https://wirtschaft.example/auto.rdf")
    assert feed.title == "Wirtschaftsblatt Auto"
    ford, opel = feed.entries
    assert ford.title == "Ford stoppt Fiesta-Produktion in Köln"
    assert ford.published == "2023-07-07"
    assert ford.canonical_url == "https://wirtschaft.example/auto/ford-koeln?id=7"
    assert opel.published is None
    assert opel.summary_text == "Das Werk in Thüringen wird auf Elektroautos umgestellt."


def test_http_charset_decodes_a_latin1_feed() -> None:
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Flux</title>'
        "<item><title>Usine de Sochaux : l'été sera chargé</title>"
        "<link>https://x.example/sochaux</link></item></channel></rss>"
    ).encode("iso-8859-1")
    feed = parse_feed(
        body,
        feed_url="https://x.example/rss",
        content_type="application/rss+xml; charset=ISO-8859-1",
    )
    assert feed.entries[0].title == "Usine de Sochaux : l'été sera chargé"


def test_ill_formed_feed_with_entries_is_kept_with_a_one_line_problem() -> None:
    body = (FIXTURES / "rss20.xml").read_bytes().replace(b"</channel>", b"<broken></channel>")
    feed = parse_feed(body, feed_url=FEED_URL)
    assert len(feed.entries) == 3
    assert feed.bozo_problem is not None
    assert "\n" not in feed.bozo_problem


# --------------------------------------------------------------------------- not feeds


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"", "empty"),
        (b"  \n ", "empty"),
        (
            b"<!DOCTYPE html><html><head><title>Welcome</title></head>"
            b"<body><h1>Our new site</h1><p>The feed has moved.</p></body></html>",
            "HTML",
        ),
        (
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n",
            "not an RSS or Atom feed",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    ],
    ids=["empty", "blank", "html", "pdf", "png"],
)
def test_non_feeds_raise_feed_error_with_one_line(body: bytes, words: str) -> None:
    with pytest.raises(FeedError) as caught:
        parse_feed(body, feed_url=FEED_URL)
    message = str(caught.value)
    assert "\n" not in message
    assert FEED_URL in message
    assert words in message
    assert caught.value.feed_url == FEED_URL
    assert caught.value.problem is FeedProblem.NOT_A_FEED


def test_valid_feed_without_entries_is_no_entries_problem() -> None:
    body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Vide</title></channel></rss>'
    with pytest.raises(FeedError) as caught:
        parse_feed(body, feed_url=FEED_URL)
    assert caught.value.problem is FeedProblem.NO_ENTRIES


def test_bytes_naming_a_local_file_are_not_opened(tmp_path: Path) -> None:
    local = tmp_path / "feed.xml"
    local.write_bytes((FIXTURES / "rss20.xml").read_bytes())
    with pytest.raises(FeedError):
        parse_feed(str(local).encode(), feed_url=FEED_URL)


# --------------------------------------------------------------------------- feedparser's corpus


def _corpus_files(shared_dir: Path) -> list[Path]:
    base = shared_dir / "corpora" / "feedparser-tests" / "tests"
    files = sorted([*(base / "illformed").rglob("*.xml"), *(base / "encoding").rglob("*.xml")])
    if not files:
        pytest.skip(f"feedparser test files are absent under {base}")
    return files


_HEADER = re.compile(rb"^Header:\s*Content-type:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)


@pytest.mark.shared
def test_feedparser_illformed_and_encoding_files_yield_entries_or_one_line(
    shared_dir: Path,
) -> None:
    files = _corpus_files(shared_dir)
    yielded = 0
    for path in files:
        body = path.read_bytes()
        header = _HEADER.search(body[:1024])  # the HTTP header the file's test would send
        content_type = header.group(1).decode("latin-1") if header else None
        try:
            feed = parse_feed(
                body, feed_url=f"https://corpus.example/{path.name}", content_type=content_type
            )
        except FeedError as exc:
            assert "\n" not in str(exc), path.name
            assert str(exc).startswith("feed https://corpus.example/"), path.name
            continue
        assert feed.entries, path.name
        assert feed.bozo_problem is None or "\n" not in feed.bozo_problem, path.name
        yielded += 1
    assert yielded >= 10  # files with entries do give them (19 at the time of writing)


@pytest.mark.shared
def test_undeclared_legacy_encodings_are_sniffed(shared_dir: Path) -> None:
    base = shared_dir / "corpora" / "feedparser-tests" / "tests" / "illformed" / "chardet"
    if not base.is_dir():
        pytest.skip(f"{base} is absent")
    expected = {"koi8r.xml": "Как пережить", "euckr.xml": "한글닉네임", "eucjp.xml": "正月"}
    for name, words in expected.items():
        feed = parse_feed((base / name).read_bytes(), feed_url=f"https://corpus.example/{name}")
        assert words in (feed.entries[0].title or ""), name


# --------------------------------------------------------------------------- sources file


def test_default_sources_file_lists_feeds_in_three_languages() -> None:
    sources = load_sources()
    assert 30 <= len(sources.feeds) <= 45
    assert {feed.lang for feed in sources.feeds} == {Lang.FR, Lang.EN, Lang.DE}
    assert {"fr-trade", "en-ev", "de-wirtschaft"} <= set(sources.groups)
    assert all(feed.url.startswith("https://") for feed in sources.feeds)
    assert len({feed.url for feed in sources.feeds}) == len(sources.feeds)


def test_sources_path_from_environment(tmp_path: Path) -> None:
    custom = tmp_path / "mine.yaml"
    custom.write_text(
        "groups:\n  en-ev:\n    lang: en\n    feeds:\n"
        "      - {name: Local, url: 'http://127.0.0.1:8000/feed.xml', selector: 'article .body'}\n"
        "      - {name: Paused, url: 'https://off.example/rss', enabled: false, lang: de}\n",
        encoding="utf-8",
    )
    env = {"FACTWATCH_SOURCES": str(custom)}
    assert sources_path(environ=env) == custom
    sources = load_sources(environ=env)
    assert [feed.name for feed in sources.enabled] == ["Local"]
    assert sources.feeds[0].selector == "article .body"
    assert sources.feeds[1].lang is Lang.DE and sources.feeds[1].group == "en-ev"
    assert sources.for_url("https://off.example/rss") == sources.feeds[1]


def test_flat_feed_list_is_accepted() -> None:
    sources = parse_sources(
        "feeds:\n  - {name: A, url: 'https://a.example/rss', lang: fr, group: fr-trade}\n"
    )
    assert sources.feeds[0].group == "fr-trade"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "groups:\n  x:\n    lang: es\n    feeds:\n      - {name: A, url: 'https://a.example/'}\n",
            "lang 'es'",
        ),
        ("groups:\n  x:\n    lang: fr\n    feeds:\n      - {name: A}\n", "'url' is missing"),
        (
            "groups:\n  x:\n    lang: fr\n    feeds:\n      - {name: A, url: 'ftp://a.example/'}\n",
            "not an http(s)",
        ),
        (
            "groups:\n  x:\n    lang: fr\n    feeds:\n      - {name: A, url: 'https://a/', selector: 'div[['}\n",
            "not valid CSS",
        ),
        (
            "groups:\n  x:\n    lang: fr\n    feeds:\n      - {name: A, url: 'https://a/', enable: no}\n",
            "unknown key(s) enable",
        ),
        (
            "groups:\n  x:\n    lang: fr\n    feeds:\n      - {name: A, url: 'https://a/'}\n      - {name: B, url: 'https://a/'}\n",
            "already listed",
        ),
        ("feeds:\n  - {name: A, url: 'https://a/', lang: fr}\n", "'group' is missing"),
        (
            "groups:\n  x:\n    lang: fr\n    feeds:\n      - {name: Off, url: 'https://a/'}\n",
            "quote it",
        ),
        ("groups: [unclosed\n", "not valid YAML"),
        ("- just a list\n", "expected a mapping"),
    ],
    ids=[
        "lang",
        "url",
        "scheme",
        "selector",
        "typo",
        "duplicate",
        "group",
        "bool-name",
        "yaml",
        "shape",
    ],
)
def test_invalid_sources_are_one_line_naming_file_and_entry(text: str, words: str) -> None:
    with pytest.raises(SourcesError) as caught:
        parse_sources(text, origin="feeds.yaml")
    message = str(caught.value)
    assert message.startswith("feeds.yaml: ")
    assert words in message
    assert "\n" not in message


def test_invalid_entry_names_its_position_and_name() -> None:
    text = "groups:\n  de-ev:\n    lang: de\n    feeds:\n      - {name: Gut, url: 'https://a/'}\n      - {name: Schlecht, url: 'mailto:x@y'}\n"
    with pytest.raises(SourcesError, match=r"groups\.de-ev\.feeds\[1\] \(Schlecht\)"):
        parse_sources(text, origin="feeds.yaml")


def test_missing_sources_file_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(SourcesError, match="sources file not found") as caught:
        load_sources(missing)
    assert str(missing) in str(caught.value)
