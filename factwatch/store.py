"""The store: articles, every assertion, the current facts, changes and the alert outbox.

SQLAlchemy 2 Core over SQLite (default, a file) or PostgreSQL
(`postgresql+psycopg://…`), with the same SQL for both; only connection setup is
dialect-guarded. The schema is created and migrated on `Store.open` by
`factwatch.migrations` (a versioned migration table; see its docstring for why).

Concurrency and safety:
- SQLite: WAL journal, a busy timeout, and every write transaction starts with
  `BEGIN IMMEDIATE` (SQLAlchemy event hooks), so two processes recording into one
  file take turns instead of failing half-way or reading stale state.
- PostgreSQL: every write transaction takes one advisory transaction lock, which
  serialises writers the same way (the diff reads the current facts, then writes).
- `record` is ONE transaction: article, assertions, current facts, changes and
  outbox rows are written together or not at all.

Tables: `articles` (content_hash UNIQUE), `assertions` (never deleted),
`facts` (current state per identity), `changes`, `outbox`, `feed_state`,
`seen_entries`, plus `schema_version`.

State and history: `facts` holds the current state as the diff left it, live, in
the order articles were recorded (an older article is `stale` and never overwrites).
`current_facts(as_of=D)` answers from `assertions` instead: the articles published
by D (published label's first day ≤ D), replayed through the same diff in published
order; it therefore shows what a store fed in published order would have held.
`history(model=, plant=)` lists the recorded changes (every kind, stale included).

The API in short: `Store.open(url)`, `record(article, facts, route=)` →
`RecordResult`, `record_unsupported`, `find_article`, `current_facts`, `history`,
`pending_outbox` / `outbox_item` / `mark_sent` / `mark_failed` (unknown keys are a
no-op), `feed_state` / `save_feed_state`, `entry_seen` / `mark_entry_seen`, `close`.

`content_hash(text)` lives here: sha256 of the NFC-normalised, whitespace-collapsed
text. A change's id is sha256(article hash | fact identity | field | kind), and an
outbox key sha256(change id | channel): stable across retries.

Errors: `StoreError` is the base (`SchemaTooNewError` from migrations is wrapped
in it); its message names the database (password hidden) and what failed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import time
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import StaticPool

from factwatch.config import DEFAULT_DB_URL
from factwatch.diff import DEFAULT_POLICY, DiffPolicy, plan_article, same_model
from factwatch.migrations import SchemaTooNewError, migrate
from factwatch.model import (
    Article,
    Change,
    ChangeKind,
    Fact,
    FactType,
    FuzzyDate,
    Plant,
    fold,
)

__all__ = [
    "DB_URL_ENV",
    "DEFAULT_DB_URL",
    "SCHEMA",
    "ArticleStatus",
    "FeedState",
    "HistoryEntry",
    "OutboxItem",
    "OutboxStatus",
    "RecordResult",
    "Route",
    "SeenEntry",
    "Store",
    "StoreError",
    "change_id",
    "content_hash",
    "db_url_from_env",
    "outbox_key",
]

log = logging.getLogger(__name__)

DB_URL_ENV = "FACTWATCH_DB_URL"
SQLITE_BUSY_TIMEOUT_S = 30.0
PG_WRITE_LOCK = 7_305_118_401  # arbitrary constant: the advisory lock of writers
MAX_ERROR_CHARS = 2000

Route = Callable[[Change], Sequence[tuple[str, bool]]]


def _no_route(change: Change) -> Sequence[tuple[str, bool]]:
    return ()


class StoreError(Exception):
    """Base of the store's errors: the database could not be opened, migrated or written.

    Tree: StoreError (message names the database URL with the password hidden).
    """


class ArticleStatus(StrEnum):
    OK = "ok"
    UNSUPPORTED = "unsupported"  # kept so it is not fetched again; no facts
    ERROR = "error"


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    DEAD = "dead"  # a permanent delivery error: never retried


# --------------------------------------------------------------------------- helpers


def content_hash(text: str) -> str:
    """sha256 (hex) of the article text, NFC-normalised and whitespace-collapsed."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def _sha(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def change_id(article_hash: str, change: Change) -> str:
    """Deterministic id of a change: article hash + fact identity + field + kind."""
    identity = change.previous.key() if change.previous is not None else change.fact.key()
    return _sha(article_hash, str(identity), change.field or "", str(change.kind))


def outbox_key(change_id_: str, channel: str) -> str:
    return _sha(change_id_, channel)


def db_url_from_env(environ: Mapping[str, str] | None = None) -> str:
    """FACTWATCH_DB_URL, else the default SQLite file under `.factwatch/`."""
    env = os.environ if environ is None else environ
    return env.get(DB_URL_ENV) or DEFAULT_DB_URL


def _published_from(label: str) -> date | None:
    try:
        return FuzzyDate.from_label(label).start
    except ValueError:
        return None


def _aware(value: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes: they were written in UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _utc(value: datetime | None) -> datetime | None:
    """Stored times are UTC (SQLite keeps no offset): naive values are taken as UTC."""
    if value is None or value.tzinfo is None:
        return value.replace(tzinfo=UTC) if value is not None else None
    return value.astimezone(UTC)


def _utcnow() -> datetime:
    return datetime.now(UTC)


# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class RecordResult:
    """What `Store.record` did. `change_ids[i]` is the id of `changes[i]`."""

    article_id: int | None
    changes: list[Change] = field(default_factory=list)
    duplicate: bool = False
    outbox_keys: list[str] = field(default_factory=list)
    change_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """One alert to deliver on one channel. `payload` is `Change.to_json()` plus
    `change_id`, `title` (the fact's title) and the article's `title`/`publisher`."""

    key: str
    channel: str
    change_id: str
    payload: Mapping[str, Any]
    digest_only: bool
    status: OutboxStatus
    attempts: int
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None


@dataclass(frozen=True, slots=True)
class FeedState:
    feed_url: str
    etag: str | None = None
    last_modified: str | None = None
    last_status: int | None = None
    last_polled_at: datetime | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class SeenEntry:
    canonical_url: str | None
    guid: str | None
    content_hash: str | None
    article_id: int | None
    first_seen_at: datetime


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One change of one article, in published order."""

    change_id: str
    change: Change
    article_id: int
    published: str
    url: str | None
    path: str | None
    recorded_at: datetime

    def to_json(self) -> dict[str, Any]:
        """The change JSON (DESIGN.md) plus `change_id` and `recorded_at`."""
        return {
            **self.change.to_json(),
            "change_id": self.change_id,
            "recorded_at": self.recorded_at.isoformat(),
        }

    def __str__(self) -> str:
        change = self.change
        line = f"{self.published:<10}  {change.kind:<9}  {change.fact.title()}"
        if change.field:
            line += f"  {change.field}: {_short(change.old)} → {_short(change.new)}"
            if change.months:
                line += f" ({change.months:+d} months)"
        elif change.kind == ChangeKind.NEW and change.fact.status:
            line += f"  ({change.fact.status})"
        return f"{line}  [{self.path or self.url or '?'}]"


# --------------------------------------------------------------------------- schema
# The current schema, as the migrations leave it (tests compare the two).

_meta = sa.MetaData()
_TS = sa.DateTime(timezone=True)

articles = sa.Table(
    "articles",
    _meta,
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
assertions = sa.Table(
    "assertions",
    _meta,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("fact_key", sa.Text, nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("fact", sa.JSON, nullable=False),
    sa.Column("published", sa.String(16), nullable=False),
    sa.Column("published_from", sa.Date),
    sa.Column("recorded_at", _TS, nullable=False),
)
facts_t = sa.Table(
    "facts",
    _meta,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("fact_key", sa.Text, nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("fact", sa.JSON, nullable=False),
    sa.Column("published", sa.String(16), nullable=False),
    sa.Column("published_from", sa.Date),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("updated_at", _TS, nullable=False),
)
changes_t = sa.Table(
    "changes",
    _meta,
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
)
outbox = sa.Table(
    "outbox",
    _meta,
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
)
feed_state_t = sa.Table(
    "feed_state",
    _meta,
    sa.Column("feed_url", sa.String(2048), primary_key=True),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("last_status", sa.Integer),
    sa.Column("last_polled_at", _TS),
    sa.Column("error", sa.Text),
)
seen_entries = sa.Table(
    "seen_entries",
    _meta,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("canonical_url", sa.String(2048), unique=True),
    sa.Column("guid", sa.String(2048), unique=True),
    sa.Column("content_hash", sa.String(64)),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id")),
    sa.Column("first_seen_at", _TS, nullable=False),
)
leases_t = sa.Table(
    "leases",
    _meta,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("owner", sa.String(200), nullable=False),
    sa.Column("expires_at", _TS, nullable=False),
)

SCHEMA = _meta


# --------------------------------------------------------------------------- engine

_WRITE = "factwatch_write"


def _make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return sa.create_engine(url, pool_pre_ping=True)
    database = parsed.database
    memory = not database or database == ":memory:" or database.startswith("file::memory:")
    if not memory and database:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    kwargs: dict[str, Any] = {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT_S}}
    if memory:
        kwargs["poolclass"] = StaticPool
        kwargs["connect_args"]["check_same_thread"] = False
    engine = sa.create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own
        # transaction handling would defer it and break BEGIN IMMEDIATE).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
            if not memory:
                _enable_wal(cursor)
                cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        write = conn.get_execution_options().get(_WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _enable_wal(cursor: Any) -> None:
    """Switch the file to WAL (persistent: a no-op once done). SQLite does not apply
    the busy timeout to this switch when another process makes it at the same
    moment (two first opens of one new file), so it is retried, bounded."""
    if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_S
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


# --------------------------------------------------------------------------- store


class Store:
    """The factwatch database. Open with `Store.open(url)`; close with `close()`.

    Thread-safe in the way SQLAlchemy engines are: one Store per process is enough.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        clock: Callable[[], datetime] = _utcnow,
        policy: DiffPolicy = DEFAULT_POLICY,
    ) -> None:
        self._engine = engine
        self._clock = clock
        self._policy = policy
        self._where = engine.url.render_as_string(hide_password=True)
        self._fact_cache: dict[int, tuple[str, Fact]] = {}

    @classmethod
    def open(
        cls,
        url: str,
        *,
        clock: Callable[[], datetime] = _utcnow,
        policy: DiffPolicy = DEFAULT_POLICY,
    ) -> Store:
        """Connect, create the schema or migrate it, and return the store."""
        try:
            engine = _make_engine(url)
        except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, OSError) as exc:
            raise StoreError(f"cannot open database {_safe_url(url)}: {exc}") from exc
        store = cls(engine, clock=clock, policy=policy)
        try:
            with store._write() as conn:
                applied = migrate(conn)
        except SchemaTooNewError as exc:
            engine.dispose()
            raise StoreError(f"database {store._where}: {exc}") from exc
        except StoreError:
            engine.dispose()
            raise
        if applied:
            log.info("database %s migrated to schema version %s", store._where, applied[-1])
        return store

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _now(self) -> datetime:
        now = _utc(self._clock())
        assert now is not None
        return now

    @property
    def url(self) -> str:
        """The database URL with any password hidden."""
        return self._where

    # ------------------------------------------------------------------ transactions

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        """One short write transaction (BEGIN IMMEDIATE / advisory lock)."""
        try:
            with self._engine.connect() as conn:
                conn.execution_options(**{_WRITE: True})
                with conn.begin():
                    if conn.dialect.name == "postgresql":
                        conn.execute(
                            sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_WRITE_LOCK}
                        )
                    yield conn
        except sa.exc.IntegrityError:
            raise  # a constraint: the caller decides (e.g. a duplicate article)
        except sa.exc.DatabaseError as exc:  # locked, unreachable, not a database, …
            raise self._error(exc) from exc

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        try:
            with self._engine.connect() as conn, conn.begin():
                yield conn
        except sa.exc.DatabaseError as exc:
            raise self._error(exc) from exc

    def _error(self, exc: sa.exc.DBAPIError) -> StoreError:
        reason = str(exc.orig or exc).strip().splitlines()
        return StoreError(f"database {self._where}: {reason[0] if reason else type(exc).__name__}")

    # ------------------------------------------------------------------ articles

    def record(
        self,
        article: Article,
        facts: Sequence[Fact],
        *,
        route: Route = _no_route,
    ) -> RecordResult:
        """Diff the article's facts against the store and write everything at once.

        A known content hash → `RecordResult(duplicate=True)` and nothing written.
        `route(change)` names the channels of a change as (channel, digest_only)
        pairs; one outbox row per pair is written in the same transaction. If
        `route` raises, nothing is written and the exception propagates.
        """
        digest = content_hash(article.text)
        now = self._now()
        try:
            with self._write() as conn:
                known = self._article_id(conn, digest)
                if known is not None:
                    return RecordResult(article_id=known, duplicate=True)
                return self._record(conn, article, facts, digest, now, route)
        except sa.exc.IntegrityError:
            # another writer recorded the same article first (PostgreSQL without
            # the lock's protection for a hash race): a duplicate, nothing written
            with self._read() as conn:
                known = self._article_id(conn, digest)
            if known is None:
                raise
            return RecordResult(article_id=known, duplicate=True)

    def _record(
        self,
        conn: sa.Connection,
        article: Article,
        facts: Sequence[Fact],
        digest: str,
        now: datetime,
        route: Route,
    ) -> RecordResult:
        # all types: a vague plant ("Tesla in Germany") is linked only when it can
        # name one known plant, whatever facts made that plant known
        rows = (
            conn.execute(
                sa.select(
                    facts_t.c.id, sa.type_coerce(facts_t.c.fact, sa.Text).label("raw")
                ).order_by(facts_t.c.id)
            ).all()
            if facts
            else []
        )
        current = [self._parsed_fact(r.id, r.raw) for r in rows]
        row_of = {id(f): r.id for f, r in zip(current, rows, strict=True)}
        plan = plan_article(facts, current, policy=self._policy)

        article_id = self._insert_article(conn, article, digest, now, ArticleStatus.OK)
        published = article.source.published
        published_from = _published_from(published)
        if facts:
            conn.execute(
                assertions.insert(),
                [
                    {
                        "article_id": article_id,
                        "position": i,
                        "fact_key": str(f.key()),
                        "type": str(f.type),
                        "fact": f.to_json(),
                        "published": f.source.published,
                        "published_from": _published_from(f.source.published),
                        "recorded_at": now,
                    }
                    for i, f in enumerate(facts)
                ],
            )
        for update in plan.updates:
            values = {
                "fact_key": str(update.fact.key()),
                "type": str(update.fact.type),
                "fact": update.fact.to_json(),
                "published": update.fact.source.published or published,
                "published_from": _published_from(update.fact.source.published) or published_from,
                "article_id": article_id,
                "updated_at": now,
            }
            if update.previous is not None:
                conn.execute(
                    facts_t.update()
                    .where(facts_t.c.id == row_of[id(update.previous)])
                    .values(**values)
                )
            else:
                conn.execute(facts_t.insert().values(**values))

        ids: list[str] = []
        keys: list[str] = []
        seen: dict[str, int] = {}
        for position, change in enumerate(plan.changes):
            cid = change_id(digest, change)
            if cid in seen:  # two changes of one identity/field/kind: keep both, stably
                seen[cid] += 1
                cid = _sha(cid, str(seen[cid]))
            else:
                seen[cid] = 0
            ids.append(cid)
            data = change.to_json()
            conn.execute(
                changes_t.insert().values(
                    id=cid,
                    article_id=article_id,
                    position=position,
                    kind=str(change.kind),
                    type=str(change.type),
                    field=change.field,
                    fact_key=str(change.fact.key()),
                    from_value=data["from"],
                    to_value=data["to"],
                    alert=change.alert,
                    change=data,
                    created_at=now,
                )
            )
            routes: dict[str, bool] = {}
            for channel, digest_only in route(change):
                routes.setdefault(channel, bool(digest_only))  # one row per channel
            if not routes:
                continue
            payload = {
                **data,
                "change_id": cid,
                "title": change.fact.title(),
                "article": {
                    **data["article"],
                    "title": article.title,
                    "publisher": article.source.publisher,
                },
            }
            for channel, digest_only in routes.items():
                key = outbox_key(cid, channel)
                keys.append(key)
                conn.execute(
                    outbox.insert().values(
                        key=key,
                        channel=channel,
                        change_id=cid,
                        article_id=article_id,
                        position=position,
                        payload=payload,
                        digest_only=bool(digest_only),
                        status=OutboxStatus.PENDING.value,
                        attempts=0,
                        last_error=None,
                        created_at=now,
                        sent_at=None,
                    )
                )
        log.debug("recorded article %s: %s changes", article_id, len(plan.changes))
        return RecordResult(
            article_id=article_id,
            changes=list(plan.changes),
            duplicate=False,
            outbox_keys=keys,
            change_ids=ids,
        )

    def _parsed_fact(self, row_id: int, raw: str | Any) -> Fact:
        """A current fact from its stored JSON, parsed once per process per version."""
        if not isinstance(raw, str):  # a driver that hands back the decoded JSON
            return Fact.from_json(raw)
        cached = self._fact_cache.get(row_id)
        if cached is not None and cached[0] == raw:
            return cached[1]
        fact = Fact.from_json(json.loads(raw))
        self._fact_cache[row_id] = (raw, fact)
        return fact

    def _article_id(self, conn: sa.Connection, digest: str) -> int | None:
        found = conn.execute(
            sa.select(articles.c.id).where(articles.c.content_hash == digest)
        ).scalar()
        return int(found) if found is not None else None

    def _insert_article(
        self,
        conn: sa.Connection,
        article: Article,
        digest: str,
        now: datetime,
        status: ArticleStatus,
        note: str | None = None,
    ) -> int:
        source = article.source
        result = conn.execute(
            articles.insert().values(
                content_hash=digest,
                url=source.url,
                path=source.path,
                publisher=source.publisher,
                published=source.published,
                published_from=_published_from(source.published),
                title=article.title,
                lang=article.lang,
                status=status.value,
                note=note if note is not None else article.note,
                recorded_at=now,
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])

    def record_unsupported(self, article: Article, *, reason: str) -> None:
        """Keep an article that could not be used (language, paywall…) so it is not
        fetched again. A known article is left as it is."""
        digest = content_hash(article.text)
        try:
            with self._write() as conn:
                if self._article_id(conn, digest) is None:
                    self._insert_article(
                        conn, article, digest, self._now(), ArticleStatus.UNSUPPORTED, reason
                    )
        except sa.exc.IntegrityError:
            pass  # recorded meanwhile by another writer

    def find_article(self, *, content_hash: str) -> int | None:
        """The id of a recorded article (any status) with this content hash."""
        with self._read() as conn:
            return self._article_id(conn, content_hash)

    # ------------------------------------------------------------------ facts

    def current_facts(
        self,
        *,
        type: FactType | str | None = None,
        model: str | None = None,
        plant: str | None = None,
        as_of: date | None = None,
    ) -> list[Fact]:
        """The facts as they stand (or stood on `as_of`, from the assertions of the
        articles published by then, replayed in published order)."""
        if as_of is None:
            query = sa.select(facts_t.c.fact).order_by(facts_t.c.id)
            if type is not None:
                query = query.where(facts_t.c.type == str(type))
            with self._read() as conn:
                found = [Fact.from_json(r.fact) for r in conn.execute(query)]
        else:
            found = self._replay(as_of)
            if type is not None:
                found = [f for f in found if f.type == FactType(str(type))]
        return [f for f in found if _matches(f, model=model, plant=plant)]

    def _replay(self, as_of: date) -> list[Fact]:
        query = (
            sa.select(assertions.c.article_id, assertions.c.fact)
            .where(assertions.c.published_from.is_not(None))
            .where(assertions.c.published_from <= as_of)
            .order_by(assertions.c.published_from, assertions.c.article_id, assertions.c.position)
        )
        with self._read() as conn:
            rows = conn.execute(query).all()
        state: list[Fact] = []
        batch: list[Fact] = []
        last: int | None = None
        for row in [*rows, None]:
            if row is None or row.article_id != last:
                if batch:
                    state = _apply(state, batch, self._policy)
                batch = []
            if row is not None:
                last = row.article_id
                batch.append(Fact.from_json(row.fact))
        return state

    def history(self, *, model: str | None = None, plant: str | None = None) -> list[HistoryEntry]:
        """Every change recorded for one model and/or plant, in published order."""
        query = (
            sa.select(
                changes_t.c.id,
                changes_t.c.change,
                changes_t.c.article_id,
                articles.c.published,
                articles.c.url,
                articles.c.path,
                articles.c.recorded_at,
            )
            .join(articles, articles.c.id == changes_t.c.article_id)
            .order_by(articles.c.published_from, changes_t.c.article_id, changes_t.c.position)
        )
        with self._read() as conn:
            rows = conn.execute(query).all()
        out: list[HistoryEntry] = []
        for r in rows:
            change = _change_from_json(r.change)
            if not _matches(change.fact, model=model, plant=plant) and not (
                change.previous is not None and _matches(change.previous, model=model, plant=plant)
            ):
                continue
            out.append(
                HistoryEntry(
                    change_id=r.id,
                    change=change,
                    article_id=r.article_id,
                    published=r.published,
                    url=r.url,
                    path=r.path,
                    recorded_at=_aware(r.recorded_at) or r.recorded_at,
                )
            )
        return out

    # ------------------------------------------------------------------ leases

    def lease_owner(self, name: str) -> str | None:
        """Who holds the lease `name` now (None when it is free or expired)."""
        with self._read() as conn:
            row = conn.execute(sa.select(leases_t).where(leases_t.c.name == name)).first()
        if row is None:
            return None
        expires = _aware(row.expires_at)
        return str(row.owner) if expires is not None and expires > self._clock() else None

    def acquire_lease(
        self, name: str, *, owner: str, seconds: float, take_from: str | None = None
    ) -> bool:
        """Take (or renew) the lease `name` for `seconds`; False while another owner holds it.

        Used so that one dispatcher at a time delivers a channel (two runs at once would
        otherwise both send a pending alert). A crashed holder's lease expires, or is
        taken over at once with `take_from` (the caller knows that owner is dead).
        """
        now = self._clock()
        until = now + timedelta(seconds=seconds)
        with self._write() as conn:
            row = conn.execute(sa.select(leases_t).where(leases_t.c.name == name)).first()
            if row is None:
                conn.execute(leases_t.insert().values(name=name, owner=owner, expires_at=until))
                return True
            expires = _aware(row.expires_at)
            held = row.owner not in (owner, take_from)
            if held and expires is not None and expires > now:
                return False
            conn.execute(
                leases_t.update()
                .where(leases_t.c.name == name)
                .values(owner=owner, expires_at=until)
            )
            return True

    def release_lease(self, name: str, *, owner: str) -> None:
        with self._write() as conn:
            conn.execute(
                leases_t.delete().where(leases_t.c.name == name, leases_t.c.owner == owner)
            )

    # ------------------------------------------------------------------ outbox

    def pending_outbox(self, channel: str, *, limit: int = 100) -> list[OutboxItem]:
        """Undelivered alerts of one channel, oldest first."""
        query = (
            sa.select(outbox)
            .where(outbox.c.channel == channel, outbox.c.status == OutboxStatus.PENDING.value)
            .order_by(outbox.c.article_id, outbox.c.position, outbox.c.key)
            .limit(limit)
        )
        with self._read() as conn:
            return [_outbox_item(r) for r in conn.execute(query)]

    def outbox_item(self, key: str) -> OutboxItem | None:
        with self._read() as conn:
            row = conn.execute(sa.select(outbox).where(outbox.c.key == key)).first()
        return _outbox_item(row) if row is not None else None

    def mark_sent(self, key: str) -> None:
        with self._write() as conn:
            conn.execute(
                outbox.update()
                .where(outbox.c.key == key)
                .values(
                    status=OutboxStatus.SENT.value,
                    attempts=outbox.c.attempts + 1,
                    sent_at=self._now(),
                    last_error=None,
                )
            )

    def mark_failed(self, key: str, *, error: str, dead: bool) -> None:
        """One failed delivery; `dead=True` (a permanent error) stops retries."""
        with self._write() as conn:
            conn.execute(
                outbox.update()
                .where(outbox.c.key == key, outbox.c.status != OutboxStatus.SENT.value)
                .values(
                    status=(OutboxStatus.DEAD if dead else OutboxStatus.PENDING).value,
                    attempts=outbox.c.attempts + 1,
                    last_error=error[:MAX_ERROR_CHARS],
                )
            )

    # ------------------------------------------------------------------ monitor

    def feed_state(self, feed_url: str) -> FeedState | None:
        with self._read() as conn:
            row = conn.execute(
                sa.select(feed_state_t).where(feed_state_t.c.feed_url == feed_url)
            ).first()
        if row is None:
            return None
        return FeedState(
            feed_url=row.feed_url,
            etag=row.etag,
            last_modified=row.last_modified,
            last_status=row.last_status,
            last_polled_at=_aware(row.last_polled_at),
            error=row.error,
        )

    def save_feed_state(self, state: FeedState) -> None:
        values = {
            "etag": state.etag,
            "last_modified": state.last_modified,
            "last_status": state.last_status,
            "last_polled_at": _utc(state.last_polled_at),
            "error": state.error[:MAX_ERROR_CHARS] if state.error else None,
        }
        with self._write() as conn:
            done = conn.execute(
                feed_state_t.update()
                .where(feed_state_t.c.feed_url == state.feed_url)
                .values(**values)
            )
            if done.rowcount == 0:
                conn.execute(feed_state_t.insert().values(feed_url=state.feed_url, **values))

    def entry_seen(
        self, *, canonical_url: str | None, guid: str | None, content_hash: str | None
    ) -> SeenEntry | None:
        """The seen entry matching any of the given canonical URL, GUID or hash."""
        conditions = []
        if canonical_url:
            conditions.append(seen_entries.c.canonical_url == canonical_url)
        if guid:
            conditions.append(seen_entries.c.guid == guid)
        if content_hash:
            conditions.append(seen_entries.c.content_hash == content_hash)
        if not conditions:
            return None
        with self._read() as conn:
            row = conn.execute(
                sa.select(seen_entries).where(sa.or_(*conditions)).order_by(seen_entries.c.id)
            ).first()
        if row is None:
            return None
        return SeenEntry(
            canonical_url=row.canonical_url,
            guid=row.guid,
            content_hash=row.content_hash,
            article_id=row.article_id,
            first_seen_at=_aware(row.first_seen_at) or row.first_seen_at,
        )

    def mark_entry_seen(
        self,
        *,
        canonical_url: str | None,
        guid: str | None,
        content_hash: str | None,
        article_id: int | None,
    ) -> None:
        """Remember a feed entry. An entry already known by its URL or GUID gets the
        missing fields filled, and its latest content hash and article (an updated
        article); nothing is duplicated."""
        conditions = []
        if canonical_url:
            conditions.append(seen_entries.c.canonical_url == canonical_url)
        if guid:
            conditions.append(seen_entries.c.guid == guid)
        with self._write() as conn:
            row = (
                conn.execute(
                    sa.select(seen_entries).where(sa.or_(*conditions)).order_by(seen_entries.c.id)
                ).first()
                if conditions
                else None
            )
            if row is None:
                conn.execute(
                    seen_entries.insert().values(
                        canonical_url=canonical_url or None,
                        guid=guid or None,
                        content_hash=content_hash,
                        article_id=article_id,
                        first_seen_at=self._now(),
                    )
                )
                return
            fill: dict[str, Any] = {}
            if (
                canonical_url
                and not row.canonical_url
                and not self._taken(conn, seen_entries.c.canonical_url, canonical_url)
            ):
                fill["canonical_url"] = canonical_url
            if guid and not row.guid and not self._taken(conn, seen_entries.c.guid, guid):
                fill["guid"] = guid
            if content_hash and row.content_hash != content_hash:
                fill["content_hash"] = content_hash  # an updated article: its new text
            if article_id is not None and row.article_id != article_id:
                fill["article_id"] = article_id
            if fill:
                conn.execute(
                    seen_entries.update().where(seen_entries.c.id == row.id).values(**fill)
                )

    @staticmethod
    def _taken(conn: sa.Connection, column: sa.Column[Any], value: str) -> bool:
        return conn.execute(sa.select(seen_entries.c.id).where(column == value)).first() is not None


# --------------------------------------------------------------------------- helpers


def _short(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, FuzzyDate):
        return value.label
    if isinstance(value, Plant):
        return value.label()
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    return str(value)


def _safe_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return "<unparseable database URL>"


def _apply(state: list[Fact], batch: Sequence[Fact], policy: DiffPolicy) -> list[Fact]:
    """The state after one article's facts (the same diff as `Store.record`)."""
    plan = plan_article(batch, state, policy=policy)
    replaced = {id(u.previous): u.fact for u in plan.updates if u.previous is not None}
    out = [replaced.get(id(f), f) for f in state]
    out.extend(u.fact for u in plan.updates if u.previous is None)
    return out


def _plant_words(p: Plant) -> set[str]:
    names = (p.city, p.region, p.name, p.operator, p.kb_id, p.country)
    return {fold(n) for n in names if n}


def _matches(fact: Fact, *, model: str | None, plant: str | None) -> bool:
    if model is not None:
        probe = Fact(
            type=FactType.PRODUCTION,
            evidence=fact.evidence,
            source=fact.source,
            confidence=1.0,
            model=model,
        )
        if fact.model is None or not same_model(fact, probe):
            return False
    if plant is not None:
        if fact.plant is None:
            return False
        wanted = fold(plant)
        words = _plant_words(fact.plant)
        if wanted not in words and not any(f" {wanted} " in f" {w} " for w in words):
            return False
    return True


def _outbox_item(row: Any) -> OutboxItem:
    return OutboxItem(
        key=row.key,
        channel=row.channel,
        change_id=row.change_id,
        payload=row.payload,
        digest_only=bool(row.digest_only),
        status=OutboxStatus(row.status),
        attempts=int(row.attempts),
        last_error=row.last_error,
        created_at=_aware(row.created_at) or row.created_at,
        sent_at=_aware(row.sent_at),
    )


def _value_from_json(field_name: str | None, value: Any) -> Any:
    if value is None:
        return None
    if field_name in ("start", "end", "date") and isinstance(value, Mapping):
        return FuzzyDate.from_json(value)
    if field_name == "plant" and isinstance(value, Mapping):
        return Plant.from_json(value)
    if field_name == "value" and isinstance(value, int | float):
        return float(value)
    return value


def _change_from_json(data: Mapping[str, Any]) -> Change:
    """A stored change back as a `Change` (the inverse of `Change.to_json`)."""
    field_name = data.get("field")
    return Change(
        kind=ChangeKind(data["kind"]),
        fact=Fact.from_json(data["fact"]),
        previous=Fact.from_json(data["previous"]) if data.get("previous") else None,
        field=field_name,
        old=_value_from_json(field_name, data.get("from")),
        new=_value_from_json(field_name, data.get("to")),
        alert=bool(data.get("alert")),
        months=data.get("months"),
    )
