"""Throughput of `extract_many` against bare `nlp.pipe` of the same pipelines, same run.

    .venv/bin/python bench/extract_throughput.py [--dev DIR] [--min-articles N] [--rounds R]

Reads the dev articles (shared/dev/articles by default), repeats them to at least
N articles (500), warms every pipeline up (built once, as in production), then times
1. bare `nlp.pipe` over the prepared texts, grouped by language, and
2. `extract_many` over the same articles (preparation, language identification,
   the same pipelines, then the rules),
and prints articles/s, words/s and the ratio extract / pipe (target ≤ 1.3), in wall
time and in this process's CPU time (on a shared machine the CPU ratio is the steadier
one: other processes stretch wall time unevenly). With --rounds R the two are timed
alternately R times, each round printed, then the median ratios.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import warnings
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractors import PIPE_BATCH_SIZE, extract_many  # noqa: E402
from extractors.lang import detect_language  # noqa: E402
from extractors.nlp import build_nlp  # noqa: E402
from extractors.rules.text import prepare  # noqa: E402
from factwatch.articles import read_article  # noqa: E402
from factwatch.model import Article  # noqa: E402

DEFAULT_DEV = Path(os.environ.get("FACTWATCH_SHARED", REPO.parent / "shared")) / "dev" / "articles"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="directory of article files")
    parser.add_argument("--min-articles", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=1, help="time both sides this many times")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    paths = sorted(args.dev.glob("*.txt"))
    if not paths:
        print(f"no articles in {args.dev}", file=sys.stderr)
        return 2
    base = [read_article(p) for p in paths]
    articles: list[Article] = []
    while len(articles) < args.min_articles:
        articles.extend(base)
    words = sum(len(a.text.split()) for a in articles)

    by_lang: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        text = prepare(a.text)
        lang = a.lang or detect_language(text)
        if lang:
            by_lang[lang].append(text)
    for lang in by_lang:  # build and warm up every pipeline once
        list(build_nlp(lang).pipe(by_lang[lang][:2]))
    extract_many(base[:3])

    ratios: list[tuple[float, float]] = []
    for round_no in range(1, max(1, args.rounds) + 1):
        t0, c0 = time.perf_counter(), time.process_time()
        for lang, texts in by_lang.items():
            for _ in build_nlp(lang).pipe(texts, batch_size=PIPE_BATCH_SIZE):
                pass
        pipe_s, pipe_cpu = time.perf_counter() - t0, time.process_time() - c0

        t0, c0 = time.perf_counter(), time.process_time()
        results = extract_many(articles)
        extract_s, extract_cpu = time.perf_counter() - t0, time.process_time() - c0

        facts = sum(len(r) for r in results)
        if args.rounds > 1:
            print(f"round {round_no}")
        print(f"articles: {len(articles)}  words: {words}  facts: {facts}")
        for name, wall, cpu in (
            ("nlp.pipe", pipe_s, pipe_cpu),
            ("extract_many", extract_s, extract_cpu),
        ):
            print(
                f"{name:13s} {wall:7.2f} s  {len(articles) / wall:7.1f} articles/s"
                f"  {words / wall:9.0f} words/s   (cpu {cpu:6.2f} s)"
            )
        ratios.append((extract_s / pipe_s, extract_cpu / pipe_cpu))
        print(
            f"ratio extract_many / nlp.pipe: {ratios[-1][0]:.2f}x (target <= 1.3x)"
            f"   cpu: {ratios[-1][1]:.2f}x"
        )
    if len(ratios) > 1:
        print(
            f"median of {len(ratios)} rounds: {statistics.median(r for r, _ in ratios):.2f}x"
            f"   cpu: {statistics.median(c for _, c in ratios):.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
