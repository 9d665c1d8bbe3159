"""Score the main-text candidates of factwatch.pages on the article-extraction benchmark.

The corpus is shared/corpora/article-extraction (181 real news pages, `html/*.html.gz`,
`ground-truth.json` with each page's true `articleBody`); shared/ is FACTWATCH_SHARED,
default ../shared beside the repository. Scoring follows the benchmark's published
scorer (scrapinghub/article-extraction-benchmark, evaluate.py): text is split into
`\\w+` tokens, compared as bags of 4-token shingles; each page's TP/FP/FN are
normalised to sum to 1; precision and recall are averaged over pages, and F1 is
their harmonic mean. On that scale trafilatura's published F1 is 0.958 and a plain
BeautifulSoup text dump 0.665.

Usage::

    .venv/bin/python bench/article_extraction.py [--only METHOD ...] [--limit N]

Prints one row per candidate: F1, precision, recall, pages/s, and each as a ratio to
the trafilatura baseline (default options) measured in the same run.

Measured 2026-12-01 (trafilatura 2.3.1, 2 shared cores; pages/s varies with load)::

    candidate                    F1   prec recall  pages/s    F1/tr   P/tr   R/tr speed/tr
    trafilatura_precision     0.964  0.958  0.971     77.7    1.004  1.017  0.992     1.06
    precision_then_heuristic  0.964  0.958  0.971     76.1    1.004  1.017  0.992     1.04
    trafilatura               0.960  0.942  0.978     73.3    1.000  1.000  1.000     1.00
    trafilatura_recall        0.959  0.941  0.978    118.9    0.999  0.999  1.000     1.62
    heuristic                 0.937  0.923  0.951     51.4    0.976  0.980  0.972     0.70
    text_dump                 0.670  0.506  0.994     73.3    0.698  0.537  1.016     1.00

factwatch.pages uses precision_then_heuristic: trafilatura's precision mode (the best
F1; its extra precision costs little recall), and our heuristic only where trafilatura
finds under MIN_ARTICLE_CHARS (never on this corpus, but it keeps a page whose layout
trafilatura misses). Tried and not kept: include_tables=False (0.957),
deduplicate=True (0.961), switching to the heuristic or to recall mode when their
text contains trafilatura's (0.948-0.962).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(REPO))

from factwatch.pages import ExtractionMethod, decode_html, main_text  # noqa: E402

CORPUS_PARTS = ("corpora", "article-extraction")
BASELINE = ExtractionMethod.TRAFILATURA
CANDIDATES = tuple(method for method in ExtractionMethod if method is not ExtractionMethod.SELECTOR)
SHINGLE_TOKENS = 4
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Page:
    key: str
    url: str
    html: str
    body: str  # the true article body


@dataclass(frozen=True, slots=True)
class Score:
    method: str
    f1: float
    precision: float
    recall: float
    pages_per_second: float


def corpus_path(*, environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    shared = Path(env.get("FACTWATCH_SHARED") or REPO.parent / "shared")
    return shared.joinpath(*CORPUS_PARTS)


def load_corpus(path: Path, *, limit: int | None = None) -> list[Page]:
    truth = json.loads((path / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth)[:limit]:
        raw = gzip.decompress((path / "html" / f"{key}.html.gz").read_bytes())
        item = truth[key]
        pages.append(
            Page(key, item.get("url", ""), decode_html(raw), item.get("articleBody") or "")
        )
    return pages


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    count = max(1, len(tokens) - SHINGLE_TOKENS + 1)
    return Counter(
        shingle for i in range(count) if (shingle := tuple(tokens[i : i + SHINGLE_TOKENS]))
    )


def page_counts(true: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (TP, FP, FN) of one page over 4-token shingles."""
    expected, got = _shingles(true), _shingles(predicted)
    tp = sum((expected & got).values())
    fp = sum((got - expected).values())
    fn = sum((expected - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def corpus_scores(counts: Sequence[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(F1, precision, recall) as the benchmark aggregates them."""

    def ratio(hit: float, miss: float, other: float) -> float:
        if miss == other == 0:
            return 1.0
        return 0.0 if hit == miss == 0 else hit / (hit + miss)

    precisions = [ratio(tp, fp, fn) for tp, fp, fn in counts if tp + fp > 0]
    recalls = [ratio(tp, fn, fp) for tp, fp, fn in counts if tp + fn > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


def score(pages: Sequence[Page], extract: Callable[[Page], str], *, name: str) -> Score:
    started = time.perf_counter()
    predictions = [extract(page) for page in pages]
    elapsed = time.perf_counter() - started
    counts = [page_counts(page.body, text) for page, text in zip(pages, predictions, strict=True)]
    f1, precision, recall = corpus_scores(counts)
    return Score(name, f1, precision, recall, len(pages) / elapsed if elapsed else float("inf"))


def score_method(pages: Sequence[Page], method: ExtractionMethod) -> Score:
    return score(pages, lambda page: main_text(page.html, method=method, url=page.url), name=method)


def _table(scores: Sequence[Score], baseline: Score | None) -> str:
    header = f"{'candidate':<26} {'F1':>6} {'prec':>6} {'recall':>6} {'pages/s':>8}"
    if baseline:
        header += f"   {'F1/tr':>6} {'P/tr':>6} {'R/tr':>6} {'speed/tr':>8}"
    rows = [header, "-" * len(header)]
    for s in scores:
        row = f"{s.method:<26} {s.f1:6.3f} {s.precision:6.3f} {s.recall:6.3f} {s.pages_per_second:8.1f}"
        if baseline:
            row += (
                f"   {s.f1 / baseline.f1:6.3f} {s.precision / baseline.precision:6.3f}"
                f" {s.recall / baseline.recall:6.3f} {s.pages_per_second / baseline.pages_per_second:8.2f}"
            )
        rows.append(row)
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only", nargs="+", choices=[m.value for m in CANDIDATES], help="candidates to score"
    )
    parser.add_argument("--limit", type=int, help="score the first N pages only")
    args = parser.parse_args(argv)

    path = corpus_path()
    if not (path / "ground-truth.json").is_file():
        print(
            f"article-extraction corpus not found at {path}; set FACTWATCH_SHARED to the shared/ directory"
        )
        return 0
    pages = load_corpus(path, limit=args.limit)
    chosen: list[ExtractionMethod] = (
        [ExtractionMethod(name) for name in args.only] if args.only else list(CANDIDATES)
    )
    if BASELINE not in chosen:
        chosen.insert(0, BASELINE)
    print(f"{len(pages)} pages from {path}")
    scores = []
    for method in chosen:
        scores.append(score_method(pages, method))
        print(f"  {method}: F1 {scores[-1].f1:.3f}", file=sys.stderr, flush=True)
    baseline = next((s for s in scores if s.method == BASELINE), None)
    print(_table(sorted(scores, key=lambda s: -s.f1), baseline))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
