"""Migration 2: leases, so that one dispatcher at a time delivers a channel's alerts.

Frozen: never edit a released migration.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 2
NAME = "leases"


def upgrade(conn: sa.Connection) -> None:
    meta = sa.MetaData()
    sa.Table(
        "leases",
        meta,
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    meta.create_all(conn)
