"""Bench: a manual rerun of the seed versus a bare spaCy load + parse of the same text.

Both run as fresh processes (what a user pays), alternately, N times each, in the
same run; the ratio of medians is printed. Target (issue 2): ≤ 1.5×.

    .venv/bin/python bench/rerun_seed.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_ce65062f760762de.txt"
BIN = Path(sys.executable).parent

BARE = (
    "import spacy, sys; nlp = spacy.load('fr_core_news_md'); "
    "doc = nlp(open(sys.argv[1], encoding='utf-8').read()); print(len(doc))"
)


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, cwd=REPO, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    bare: list[float] = []
    rerun: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeat):
            bare.append(timed([sys.executable, "-c", BARE, str(SEED)], env))
            # a fresh store each time: the first rerun of the seed does the full work
            db = f"sqlite:///{tmp}/bench-{i}.db"
            rerun.append(timed([str(BIN / "factwatch"), "rerun", str(SEED), "--db", db], env))
            rerun_again = timed([str(BIN / "factwatch"), "rerun", str(SEED), "--db", db], env)
    b, r = statistics.median(bare), statistics.median(rerun)
    print(
        f"bare spacy.load('fr_core_news_md') + parse : median {b:.2f} s  (runs: {', '.join(f'{x:.2f}' for x in bare)})"
    )
    print(
        f"factwatch rerun seed (new store)           : median {r:.2f} s  (runs: {', '.join(f'{x:.2f}' for x in rerun)})"
    )
    print(f"factwatch rerun seed again (recognised)    : last {rerun_again:.2f} s")
    print(f"ratio rerun / bare: {r / b:.2f}×  (target ≤ 1.5×)")


if __name__ == "__main__":
    main()
