"""Versioned schema migrations, run by the program when a store is opened.

Why not Alembic: the schema is small, the program must migrate itself on open with
no alembic.ini, env.py or script directory to ship, and the same code must run on
SQLite and PostgreSQL. A numbered list of plain functions and a `schema_version`
table is the honest equivalent: each migration is a frozen Python module
(`m0001_initial.py`, …) that never changes once released; `migrate()` applies the
missing ones in order, in ONE write transaction (SQLite DDL is transactional;
on SQLite the store's `BEGIN IMMEDIATE` hook and on PostgreSQL an advisory lock make
two processes opening one database at once take turns), and records each version.
A database newer than this code is refused (`SchemaTooNewError`) rather than used.

To change the schema: add `m000N_what.py` with `VERSION`, `NAME` and
`upgrade(conn)`, append it to `MIGRATIONS`, and update the table definitions in
`factwatch.store` to match (tests/test_store.py compares the two).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from factwatch.migrations import m0001_initial, m0002_leases

__all__ = ["MIGRATIONS", "Migration", "SchemaTooNewError", "current_version", "migrate"]

log = logging.getLogger(__name__)

# An arbitrary constant: the PostgreSQL advisory lock that serialises migrations.
PG_MIGRATION_LOCK = 7_305_118_402


class SchemaTooNewError(RuntimeError):
    """The database was migrated by a newer factwatch than this one."""


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    upgrade: Callable[[sa.Connection], None]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(m0001_initial.VERSION, m0001_initial.NAME, m0001_initial.upgrade),
    Migration(m0002_leases.VERSION, m0002_leases.NAME, m0002_leases.upgrade),
)

_meta = sa.MetaData()
schema_version = sa.Table(
    "schema_version",
    _meta,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)


def current_version(conn: sa.Connection) -> int:
    """The highest applied migration (0 for an empty database)."""
    if not sa.inspect(conn).has_table("schema_version"):
        return 0
    return int(conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar() or 0)


def migrate(conn: sa.Connection) -> list[int]:
    """Apply the missing migrations inside the caller's (write) transaction.

    Returns the versions applied (empty when the schema is current).
    """
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_MIGRATION_LOCK})
    _meta.create_all(conn, checkfirst=True)
    have = current_version(conn)
    latest = MIGRATIONS[-1].version
    if have > latest:
        raise SchemaTooNewError(
            f"database schema version {have} is newer than this program's ({latest})"
        )
    applied: list[int] = []
    for migration in MIGRATIONS:
        if migration.version <= have:
            continue
        log.info("applying schema migration %s (%s)", migration.version, migration.name)
        migration.upgrade(conn)
        conn.execute(
            schema_version.insert().values(
                version=migration.version, name=migration.name, applied_at=datetime.now(UTC)
            )
        )
        applied.append(migration.version)
    return applied
