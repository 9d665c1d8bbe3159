"""Shared test fixtures.

`shared_dir` is the one setting that finds ../shared (the dev set and public corpora):
FACTWATCH_SHARED, default `../shared` beside the checkout. Tests that need it skip
with that reason where it is absent, as in a user's clone; CI has it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SEED_ARTICLE = SEEDS / "000_ce65062f760762de.txt"


def shared_path() -> Path:
    return Path(os.environ.get("FACTWATCH_SHARED", REPO.parent / "shared")).resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = shared_path()
    if not (path / "dev").is_dir():
        pytest.skip(f"../shared is absent ({path}); set FACTWATCH_SHARED to run this test")
    return path
