"""The knowledge base's compiled cache: reused when nothing changed, rebuilt when anything did."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from extractors import kb as kbmod
from tests.conftest import SEEDS


@pytest.fixture
def kb_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    directory = tmp_path / "kb"
    shutil.copytree(SEEDS / "kb", directory)
    monkeypatch.setenv(kbmod.CACHE_DIR_ENV, str(tmp_path / "cache"))
    kbmod.load_kb.cache_clear()  # type: ignore[attr-defined]
    yield directory
    kbmod.load_kb.cache_clear()  # type: ignore[attr-defined]


def test_cache_written_reused_and_invalidated(kb_copy: Path, tmp_path: Path) -> None:
    first = kbmod.load_kb(kb_copy)
    patterns = first.span_patterns("en")
    cache = tmp_path / "cache"
    assert len(sorted(cache.glob("kb-*[!s].pickle"))) == 1  # the knowledge base
    assert len(sorted(cache.glob("kb-*-en-patterns.pickle"))) == 1  # its English patterns

    kbmod.load_kb.cache_clear()  # type: ignore[attr-defined]
    again = kbmod.load_kb(kb_copy)
    assert again is not first and again.sizes == first.sizes
    assert "en" not in again._patterns  # each language's patterns are read when asked for
    written = {p: p.stat().st_mtime_ns for p in cache.glob("*.pickle")}
    assert again.span_patterns("en") == patterns  # from the cache
    assert {p: p.stat().st_mtime_ns for p in cache.glob("*.pickle")} == written

    again.release_patterns("en")  # a pipeline holds them now: forgotten, read again if asked
    assert "en" not in again._patterns
    assert again.span_patterns("en") == patterns

    companies = kb_copy / "companies.yaml"
    companies.write_text(companies.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    kbmod.load_kb.cache_clear()  # type: ignore[attr-defined]
    edited = kbmod.load_kb(kb_copy)
    assert "en" not in edited._patterns  # a new fingerprint: built afresh
    assert len(sorted(cache.glob("kb-*[!s].pickle"))) == 2


def test_broken_cache_is_rebuilt(kb_copy: Path, tmp_path: Path) -> None:
    kbmod.load_kb(kb_copy)
    [cached] = (tmp_path / "cache").glob("kb-*.pickle")
    cached.write_bytes(b"not a pickle")
    kbmod.load_kb.cache_clear()  # type: ignore[attr-defined]
    assert kbmod.load_kb(kb_copy).sizes["plants"] >= 150
