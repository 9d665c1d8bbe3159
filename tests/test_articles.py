"""Article files: the seed header, and one clear error for every kind of bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.articles import MAX_ARTICLE_BYTES, ArticleError, read_article
from tests.conftest import SEED_ARTICLE


def test_seed_header_is_parsed_and_removed() -> None:
    article = read_article(SEED_ARTICLE)
    assert article.source.published == "2023-11"
    assert article.source.publisher == "Boursier.com"
    assert article.source.path == str(SEED_ARTICLE)
    assert article.text.startswith("Un accord a été signé entre Polestar")
    assert "\n\nRenault Korea s'est spécialisé" in article.text


@pytest.mark.parametrize(
    ("header", "published", "publisher"),
    [
        ("date 2024-03-08 (aktiencheck.de / dpa-AFX) — ", "2024-03-08", "aktiencheck.de / dpa-AFX"),
        ("   date 2023-04 (American Machinist) – ", "2023-04", "American Machinist"),
        ("date 2022 (Le Monde) - ", "2022", "Le Monde"),
    ],
)
def test_header_variants(tmp_path: Path, header: str, published: str, publisher: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(header + "Renault builds the Clio in Bursa.\n", encoding="utf-8")
    article = read_article(path)
    assert (article.source.published, article.source.publisher) == (published, publisher)
    assert article.text == "Renault builds the Clio in Bursa."


def test_plain_file_with_published_option(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Toyota startet die Produktion in Kolin.\n", encoding="utf-8")
    article = read_article(path, published="2024-05-02", publisher="dpa")
    assert article.source.published == "2024-05-02"
    assert article.text == "Toyota startet die Produktion in Kolin."


def _error(path: Path, **kwargs: str) -> str:
    with pytest.raises(ArticleError) as info:
        read_article(path, **kwargs)
    message = str(info.value)
    assert "\n" not in message
    assert str(path) in message
    return message


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in _error(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    assert "directory" in _error(tmp_path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in _error(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("date 2024-01 (X) - Usine à Douai, électrique".encode("latin-1"))
    assert "not UTF-8" in _error(path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n", encoding="utf-8")
    assert "empty" in _error(path)


def test_header_without_body(tmp_path: Path) -> None:
    path = tmp_path / "hdr.txt"
    path.write_text("date 2024-01-02 (X) — \n", encoding="utf-8")
    assert "no text" in _error(path)


def test_no_header_says_published_is_needed(tmp_path: Path) -> None:
    path = tmp_path / "nohdr.txt"
    path.write_text("Renault builds the Clio in Bursa.\n", encoding="utf-8")
    assert "--published" in _error(path)


@pytest.mark.parametrize("bad", ["2023-02-30", "2023-13", "2023-00-10"])
def test_impossible_date_in_header(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(f"date {bad} (X) — Renault builds the Clio in Bursa.\n", encoding="utf-8")
    assert "date" in _error(path)


def test_bad_published_option(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Renault builds the Clio in Bursa.\n", encoding="utf-8")
    assert "published" in _error(path, published="yesterday")


def test_huge_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.seek(50 * 1024 * 1024)
        handle.write(b"x")
    assert path.stat().st_size > MAX_ARTICLE_BYTES
    assert "too large" in _error(path)
