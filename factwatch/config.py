"""Configuration: the environment first, then embedded defaults (DESIGN.md, Configuration).

Secrets (webhook URLs, SMTP passwords) are read where they are used, by alerts/,
and are never part of `Settings`' repr.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from factwatch.sources import DEFAULT_SOURCES_PATH as DEFAULT_SOURCES

__all__ = ["DEFAULT_DB_URL", "REPO_ROOT", "SEEDS_DIR", "Settings"]

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = REPO_ROOT / "seeds"
DEFAULT_DB_URL = "sqlite:///.factwatch/factwatch.db"


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str = DEFAULT_DB_URL
    sources: Path = DEFAULT_SOURCES
    routing: Path | None = None
    prefect_api_url: str | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        routing = env.get("FACTWATCH_ROUTING")
        return cls(
            db_url=env.get("FACTWATCH_DB_URL") or DEFAULT_DB_URL,
            sources=Path(env.get("FACTWATCH_SOURCES") or DEFAULT_SOURCES),
            routing=Path(routing) if routing else None,
            prefect_api_url=env.get("PREFECT_API_URL") or None,
        )

    @property
    def uses_prefect_server(self) -> bool:
        """True when runs should go through a Prefect server (PREFECT_API_URL is set)."""
        return self.prefect_api_url is not None
