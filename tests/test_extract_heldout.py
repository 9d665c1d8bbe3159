"""The extractor on the held-out set (tests/fixtures/heldout), scored like the dev set.

The 24 articles (8 French, 8 English, 8 German) were written after the extractor's
rules, about plants, models and companies the dev set does not cover, and their gold
was written before the extractor was run on them (see heldout/FAILURES.md for what
fails). Nothing here reads ../shared or the network.

MIN_MICRO_F1 is the figure measured when the set was committed minus 0.03, so a
regression shows while small changes either way do not break the build. Raise it
when the extractor improves; never tune the articles or the gold to the extractor.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from factwatch.evaluate import FACT_TYPES, EvalReport, evaluate

HELDOUT = Path(__file__).resolve().parent / "fixtures" / "heldout"
GOLD = HELDOUT / "gold"
ARTICLES = HELDOUT / "articles"

# Measured 2026-12-01 10:12 UTC (extractor at commit 4f5ebee): micro F1 0.837
# (P 0.91, R 0.78); after the generalisation pass, 11:03 UTC: micro F1 0.91
# (P 0.97, R 0.86; 131 of 152 gold facts, 135 predicted). Floor = measured - 0.03.
# The pass fixed failure patterns listed in FAILURES.md, so the set is no longer
# fully held out: a fresh one should replace it before it measures generalisation.
# 13:17 UTC (80e8c67), after a day of rules worked from it and heldout2: 0.98
# (P 1.00, R 0.95; 145 of 152). tests/fixtures/heldout3 is the blind measure now.
MEASURED_MICRO_F1 = 0.98
MIN_MICRO_F1 = MEASURED_MICRO_F1 - 0.03

HEADER = re.compile(r"^date \d{4}-\d{2}(?:-\d{2})? \([^)]+\) — \S")


def _gold_docs() -> list[tuple[Path, dict]]:
    return [(p, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(GOLD.glob("*.json"))]


@pytest.fixture(scope="module")
def report() -> EvalReport:
    return evaluate(GOLD, articles_dir=ARTICLES)


def test_heldout_set_is_complete_and_well_formed() -> None:
    docs = _gold_docs()
    assert len(docs) == 24
    langs = [doc["lang"] for _, doc in docs]
    assert {lang: langs.count(lang) for lang in set(langs)} == {"fr": 8, "en": 8, "de": 8}
    for path, doc in docs:
        article = ARTICLES / doc["article"]
        assert article.is_file(), f"{path.name}: no article {doc['article']}"
        text = article.read_text(encoding="utf-8")
        assert HEADER.match(text), f"{article.name}: first line is not the seed header"
        assert text.startswith(f"date {doc['published']} "), (
            f"{article.name}: published differs from gold"
        )
        words = len(text.split())
        assert 120 <= words <= 350, f"{article.name}: {words} words"
        for fact in doc["facts"]:
            assert fact["type"] in FACT_TYPES, f"{path.name}: unknown type {fact['type']}"
    assert sum(not doc["facts"] for _, doc in docs) >= 3, "the no-fact articles are part of the set"


def test_heldout_micro_f1(report: EvalReport) -> None:
    assert report.f1 >= MIN_MICRO_F1, report.to_text(details=False)


def test_every_heldout_article_is_read_without_error(report: EvalReport) -> None:
    errors = [(a.article, a.error) for a in report.articles if a.error]
    assert not errors


def test_articles_without_plant_facts_yield_none(report: EvalReport) -> None:
    empty = {doc["article"] for _, doc in _gold_docs() if not doc["facts"]}
    spurious = {
        a.article: a.false_positives
        for a in report.articles
        if a.article in empty and a.false_positives
    }
    assert not spurious
