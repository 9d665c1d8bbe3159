"""Markets a production serves, from its own sentence (fr/en)."""

from __future__ import annotations

from pathlib import Path

from extractors import extract
from factwatch.articles import article_from_text, read_article
from tests.conftest import SEED_ARTICLE


def _production(text: str, model_word: str) -> tuple[str, ...]:
    article = article_from_text(text, path="<test>")
    facts = [
        f
        for f in extract(article)
        if f.type.value == "production" and model_word in (f.model or "")
    ]
    assert facts, [f.to_json() for f in extract(article)]
    return facts[0].markets


def test_seed_polestar4_serves_korea_and_north_america() -> None:
    facts = extract(read_article(SEED_ARTICLE))
    [p4] = [f for f in facts if f.model == "Polestar 4"]
    assert set(p4.markets) == {"KR", "North America"}
    assert all(not f.markets for f in facts if f.model == "Polestar 3")


def test_english_export_cue(tmp_path: Path) -> None:
    markets = _production(
        "date 2024-05-02 (Wire) — Toyota will build the new C-HR at its Kentucky plant from "
        "2026 for the North American market and for export to Canada.",
        "C-HR",
    )
    assert "CA" in markets and "US" not in markets
