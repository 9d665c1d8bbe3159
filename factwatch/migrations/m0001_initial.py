"""Migration 1: the initial schema. Frozen: never edit a released migration."""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 1
NAME = "initial schema"

_TS = sa.DateTime(timezone=True)


def _tables(meta: sa.MetaData) -> None:
    sa.Table(
        "articles",
        meta,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("url", sa.Text),
        sa.Column("path", sa.Text),
        sa.Column("publisher", sa.Text),
        sa.Column("published", sa.String(16), nullable=False),
        sa.Column("published_from", sa.Date),
        sa.Column("title", sa.Text),
        sa.Column("lang", sa.String(16)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("recorded_at", _TS, nullable=False),
    )
    sa.Table(
        "assertions",
        meta,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("fact_key", sa.Text, nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("fact", sa.JSON, nullable=False),
        sa.Column("published", sa.String(16), nullable=False),
        sa.Column("published_from", sa.Date),
        sa.Column("recorded_at", _TS, nullable=False),
        sa.Index("ix_assertions_published", "published_from", "article_id"),
        sa.Index("ix_assertions_key", "fact_key"),
    )
    sa.Table(
        "facts",
        meta,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("fact_key", sa.Text, nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("fact", sa.JSON, nullable=False),
        sa.Column("published", sa.String(16), nullable=False),
        sa.Column("published_from", sa.Date),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.Index("ix_facts_type", "type"),
        sa.Index("ix_facts_key", "fact_key"),
    )
    sa.Table(
        "changes",
        meta,
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("field", sa.String(32)),
        sa.Column("fact_key", sa.Text, nullable=False),
        sa.Column("from_value", sa.JSON),
        sa.Column("to_value", sa.JSON),
        sa.Column("alert", sa.Boolean, nullable=False),
        sa.Column("change", sa.JSON, nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Index("ix_changes_article", "article_id", "position"),
    )
    sa.Table(
        "outbox",
        meta,
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("channel", sa.String(64), nullable=False),
        sa.Column("change_id", sa.String(64), sa.ForeignKey("changes.id"), nullable=False),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("digest_only", sa.Boolean, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("sent_at", _TS),
        sa.Index("ix_outbox_pending", "channel", "status", "article_id", "position"),
    )
    sa.Table(
        "feed_state",
        meta,
        sa.Column("feed_url", sa.String(2048), primary_key=True),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_status", sa.Integer),
        sa.Column("last_polled_at", _TS),
        sa.Column("error", sa.Text),
    )
    sa.Table(
        "seen_entries",
        meta,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        # NULLs are distinct in UNIQUE constraints on SQLite and PostgreSQL alike:
        # these are "unique where not null".
        sa.Column("canonical_url", sa.String(2048), unique=True),
        sa.Column("guid", sa.String(2048), unique=True),
        sa.Column("content_hash", sa.String(64), index=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id")),
        sa.Column("first_seen_at", _TS, nullable=False),
    )


def upgrade(conn: sa.Connection) -> None:
    meta = sa.MetaData()
    _tables(meta)
    meta.create_all(conn)
