"""The store on a real SQLite file (and a real PostgreSQL server where one can run)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from factwatch.migrations import MIGRATIONS
from factwatch.model import (
    Article,
    Change,
    ChangeKind,
    Evidence,
    Fact,
    FactType,
    FuzzyDate,
    Plant,
    Source,
)
from factwatch.store import (
    SCHEMA,
    FeedState,
    Store,
    StoreError,
    content_hash,
    db_url_from_env,
    outbox_key,
)

BUSAN = Plant(
    name="usine RKM de Busan", operator="Renault Korea Motors", city="Busan", country="KR"
)
REPO = Path(__file__).resolve().parents[1]


def production(
    published: str,
    *,
    start: str | None = None,
    status: str = "planned",
    model: str = "Polestar 4",
    plant: Plant = BUSAN,
) -> Fact:
    return Fact(
        type=FactType.PRODUCTION,
        evidence=Evidence(sentence=f"{model} at {plant.label()} from {start}", start=0, end=10),
        source=Source(published=published, url=f"https://news.example/{published}"),
        confidence=0.9,
        model=model,
        plant=plant,
        status=status,
        start=FuzzyDate.from_label(start) if start else None,
    )


def article(published: str, text: str | None = None) -> Article:
    return Article(
        text=text or f"Article of {published}.\n\nPolestar 4 production news.",
        source=Source(
            published=published, url=f"https://news.example/{published}", publisher="Example News"
        ),
        title=f"News of {published}",
        lang="en",
    )


def counts(url: str) -> dict[str, int]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                t: int(conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar() or 0)
                for t in ("articles", "assertions", "facts", "changes", "outbox", "seen_entries")
            }
    finally:
        engine.dispose()


def to_all(change: Change) -> list[tuple[str, bool]]:
    return [("console", False), ("slack", not change.alert)]


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'store' / 'factwatch.db'}"


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    s = Store.open(url)
    yield s
    s.close()


# --------------------------------------------------------------------------- schema


def test_open_creates_directory_and_schema_then_reopens(url: str, tmp_path: Path) -> None:
    with Store.open(url) as s:
        s.record(article("2024-03-01"), [production("2024-03-01", start="2024-summer")])
    assert (tmp_path / "store" / "factwatch.db").is_file()
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        versions = conn.execute(sa.text("SELECT version FROM schema_version")).scalars().all()
        inspector = sa.inspect(conn)
        for table in SCHEMA.sorted_tables:  # the migrations leave the schema the code uses
            got = {c["name"] for c in inspector.get_columns(table.name)}
            assert got == {c.name for c in table.columns}, table.name
        journal = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
    engine.dispose()
    assert versions == [m.version for m in MIGRATIONS]
    assert journal == "wal"
    with Store.open(url) as again:  # re-open: nothing re-applied, data kept
        assert [f.model for f in again.current_facts()] == ["Polestar 4"]
    assert counts(url)["articles"] == 1


def test_database_newer_than_the_program_is_refused(url: str) -> None:
    Store.open(url).close()
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO schema_version (version, name, applied_at) "
                "VALUES (999, 'future', '2030-01-01 00:00:00')"
            )
        )
    engine.dispose()
    with pytest.raises(StoreError, match=r"factwatch\.db.*newer"):
        Store.open(url)


def test_unusable_urls_are_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot open database"):
        Store.open(f"sqlite:///{blocker / 'sub' / 'x.db'}")
    with pytest.raises(StoreError, match="cannot open database"):
        Store.open("nosuchdialect://user:secret@host/db")
    try:
        Store.open("nosuchdialect://user:secret@host/db")
    except StoreError as exc:
        assert "secret" not in str(exc)


def test_db_url_from_env() -> None:
    assert db_url_from_env({}) == "sqlite:///.factwatch/factwatch.db"
    assert db_url_from_env({"FACTWATCH_DB_URL": "postgresql+psycopg://h/db"}).startswith(
        "postgresql"
    )


# --------------------------------------------------------------------------- record


def test_same_article_twice_is_a_duplicate_and_changes_nothing(store: Store, url: str) -> None:
    first = store.record(article("2024-03-01"), [production("2024-03-01")], route=to_all)
    assert not first.duplicate and first.article_id is not None
    assert [c.kind for c in first.changes] == [ChangeKind.NEW]
    before = counts(url)
    # the same text with other whitespace and a decomposed accent is the same article
    again = store.record(
        article("2024-03-01", text="Article of 2024-03-01.  Polestar 4 production news.\n"),
        [production("2024-03-01", start="2025")],
        route=to_all,
    )
    assert again.duplicate and again.changes == [] and again.outbox_keys == []
    assert again.article_id == first.article_id
    assert counts(url) == before
    assert content_hash("Cafe\u0301  x") == content_hash("Café x")


def test_record_writes_outbox_rows_with_stable_keys(store: Store) -> None:
    result = store.record(article("2024-03-01"), [production("2024-03-01")], route=to_all)
    (cid,) = result.change_ids
    assert result.outbox_keys == [outbox_key(cid, "console"), outbox_key(cid, "slack")]
    (item,) = store.pending_outbox("console")
    assert item.key == result.outbox_keys[0] and not item.digest_only
    assert item.payload["change_id"] == cid and item.payload["kind"] == "new"
    assert item.payload["article"]["title"] == "News of 2024-03-01"
    assert item.payload["fact"]["model"] == "Polestar 4"
    store.mark_failed(item.key, error="HTTP 503", dead=False)
    (retry,) = store.pending_outbox("console")
    assert (retry.attempts, retry.last_error) == (1, "HTTP 503")
    store.mark_sent(item.key)
    assert store.pending_outbox("console") == []
    (slack,) = store.pending_outbox("slack")
    store.mark_failed(slack.key, error="HTTP 404", dead=True)
    assert store.pending_outbox("slack") == []
    dead = store.outbox_item(slack.key)
    assert dead is not None and dead.status == "dead"


def test_change_ids_do_not_depend_on_the_database(tmp_path: Path) -> None:
    keys = []
    for name in ("a", "b"):
        with Store.open(f"sqlite:///{tmp_path / name / 'fw.db'}") as s:
            keys.append(
                s.record(
                    article("2024-03-01"), [production("2024-03-01")], route=to_all
                ).outbox_keys
            )
    assert keys[0] == keys[1]


def test_failure_inside_record_leaves_nothing(store: Store, url: str) -> None:
    store.record(article("2024-03-01"), [production("2024-03-01", start="2024-summer")])
    before = counts(url)
    facts_before = store.current_facts()

    def broken(change: Change) -> list[tuple[str, bool]]:
        raise RuntimeError("route exploded")

    slip = [production("2024-09-01", start="2025-H1"), production("2024-09-01", model="Polestar 3")]
    with pytest.raises(RuntimeError, match="route exploded"):
        store.record(article("2024-09-01"), slip, route=broken)
    assert counts(url) == before
    assert store.current_facts() == facts_before
    # and the same article goes in afterwards as if nothing had happened
    result = store.record(article("2024-09-01"), slip, route=to_all)
    assert not result.duplicate
    assert {(c.kind, c.field) for c in result.changes} == {
        (ChangeKind.CHANGED, "start"),
        (ChangeKind.NEW, None),
    }


def test_record_unsupported_keeps_the_article(store: Store, url: str) -> None:
    paywalled = article("2024-03-01", text="Subscribe to read this article.")
    store.record_unsupported(paywalled, reason="paywall: only a teaser")
    store.record_unsupported(paywalled, reason="again")
    assert counts(url)["articles"] == 1
    assert store.find_article(content_hash=content_hash(paywalled.text)) is not None
    assert store.record(paywalled, [production("2024-03-01")]).duplicate


# --------------------------------------------------------------------------- history


def test_current_facts_as_of_and_out_of_order_articles(store: Store) -> None:
    # the later article is recorded first; the older one is stale and never overwrites
    later = store.record(article("2024-09-01"), [production("2024-09-01", start="2025-H1")])
    older = store.record(article("2024-03-01"), [production("2024-03-01", start="2024-summer")])
    assert [c.kind for c in later.changes] == [ChangeKind.NEW]
    assert [c.kind for c in older.changes] == [ChangeKind.STALE]
    (now,) = store.current_facts(model="Polestar 4")
    assert now.start is not None and now.start.label == "2025-H1"

    def start_as_of(day: date) -> list[str]:
        return [f.start.label for f in store.current_facts(as_of=day) if f.start]

    assert start_as_of(date(2024, 1, 1)) == []
    assert start_as_of(date(2024, 5, 1)) == ["2024-summer"]
    assert start_as_of(date(2024, 10, 1)) == ["2025-H1"]
    assert store.current_facts(type=FactType.EXECUTIVE) == []
    assert store.current_facts(plant="Busan") == store.current_facts(plant="busan")
    assert store.current_facts(plant="Chengdu") == []


def test_history_of_one_model(store: Store) -> None:
    store.record(article("2024-03-01"), [production("2024-03-01", start="2024-summer")])
    store.record(
        article("2024-09-01"),
        [production("2024-09-01", start="2025-H1"), production("2024-09-01", model="Polestar 3")],
    )
    history = store.history(model="VW ID.3")
    assert history == []
    entries = store.history(model="Polestar 4")
    assert [(e.published, e.change.kind) for e in entries] == [
        ("2024-03-01", ChangeKind.NEW),
        ("2024-09-01", ChangeKind.CHANGED),
    ]
    slip = entries[1].change
    assert (slip.field, slip.old.label, slip.new.label, slip.months) == (
        "start",
        "2024-summer",
        "2025-H1",
        8,
    )
    assert slip.previous is not None and slip.previous.source.published == "2024-03-01"
    assert len(store.history(plant="Busan")) == 3


# --------------------------------------------------------------------------- monitor


def test_feed_state_round_trip(store: Store) -> None:
    feed = "https://news.example/feed.xml"
    assert store.feed_state(feed) is None
    polled = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    store.save_feed_state(
        FeedState(feed_url=feed, etag='"abc"', last_status=200, last_polled_at=polled)
    )
    store.save_feed_state(
        FeedState(
            feed_url=feed,
            etag='"def"',
            last_modified="Thu, 02 Jan",
            last_status=304,
            last_polled_at=polled,
        )
    )
    state = store.feed_state(feed)
    assert state == FeedState(
        feed_url=feed,
        etag='"def"',
        last_modified="Thu, 02 Jan",
        last_status=304,
        last_polled_at=polled,
    )


def test_seen_entries(store: Store, url: str) -> None:
    assert store.entry_seen(canonical_url=None, guid=None, content_hash=None) is None
    store.mark_entry_seen(
        canonical_url="https://n.example/a", guid=None, content_hash=None, article_id=None
    )
    store.mark_entry_seen(
        canonical_url="https://n.example/a", guid="g-1", content_hash="h1", article_id=None
    )
    store.mark_entry_seen(
        canonical_url="https://n.example/b", guid=None, content_hash="h2", article_id=None
    )
    assert counts(url)["seen_entries"] == 2
    seen = store.entry_seen(canonical_url=None, guid="g-1", content_hash=None)
    assert seen is not None and (seen.canonical_url, seen.content_hash) == (
        "https://n.example/a",
        "h1",
    )
    assert store.entry_seen(canonical_url=None, guid=None, content_hash="h2") is not None
    assert (
        store.entry_seen(canonical_url="https://n.example/c", guid="g-2", content_hash="h3") is None
    )


# --------------------------------------------------------------------------- concurrency

WORKER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from factwatch.model import Article, Fact, Source
    from factwatch.store import Store

    url, spec, go, out = sys.argv[1:5]
    work = json.loads(Path(spec).read_text())
    store = Store.open(url)
    deadline = time.monotonic() + 30
    while not Path(go).exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    results = []
    for item in work:
        article = Article(text=item["text"], source=Source.from_json(item["source"]))
        facts = [Fact.from_json(f) for f in item["facts"]]
        r = store.record(article, facts, route=lambda c: [("console", False)])
        results.append({"duplicate": r.duplicate, "keys": r.outbox_keys})
    store.close()
    Path(out).write_text(json.dumps(results))
    """
)


def test_two_processes_recording_at_once(tmp_path: Path, url: str) -> None:
    two_writers(url, tmp_path)


def two_writers(url: str, tmp_path: Path) -> None:
    """Two real processes record the same 12 articles, in opposite orders, at once."""
    models = ["Polestar 4", "Polestar 3", "Polestar 7", "Renault Grand Koleos"]
    work = []
    for i in range(12):
        published = f"2024-{i % 12 + 1:02d}-15"
        facts = [production(published, model=m, start=f"{2025 + i // 4}") for m in models]
        work.append(
            {
                "text": f"Article {i}: news about the Busan plant.",
                "source": Source(published=published, url=f"https://n.example/{i}").to_json(),
                "facts": [f.to_json() for f in facts],
            }
        )
    specs = []
    for n, order in enumerate((work, list(reversed(work)))):
        spec = tmp_path / f"spec{n}.json"
        spec.write_text(json.dumps(order))
        specs.append(spec)
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, url, str(spec), str(go), str(tmp_path / f"out{n}.json")],
            env=env,
        )
        for n, spec in enumerate(specs)
    ]
    time.sleep(1.0)  # both have opened (and migrated) the same new file by now
    go.write_text("go")
    for p in procs:
        assert p.wait(timeout=120) == 0
    results = [json.loads((tmp_path / f"out{n}.json").read_text()) for n in range(2)]
    # each article was recorded by exactly one of the two processes
    by_text = [
        r0["duplicate"] + r1["duplicate"]
        for r0, r1 in zip(results[0], reversed(results[1]), strict=True)
    ]
    assert by_text == [1] * 12
    n = counts(url)
    assert n["articles"] == 12 and n["assertions"] == 48
    assert n["facts"] == 4  # one current fact per model: nothing duplicated
    keys = [k for r in results for item in r for k in item["keys"]]
    assert len(keys) == len(set(keys)) == n["outbox"] == n["changes"]
    with Store.open(url) as s:
        assert sorted(f.model or "" for f in s.current_facts()) == sorted(models)


# --------------------------------------------------------------------------- PostgreSQL


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    """FACTWATCH_TEST_PG_URL, else a throw-away local server (initdb + postgres on
    127.0.0.1), else skip."""
    given = os.environ.get("FACTWATCH_TEST_PG_URL")
    if given:
        yield given
        return
    initdb, postgres = shutil.which("initdb"), shutil.which("postgres")
    if not (initdb and postgres):
        pytest.skip("no PostgreSQL server binaries (set FACTWATCH_TEST_PG_URL)")
    pytest.importorskip("psycopg")
    run_as: list[str] = []
    # not under pytest's tmp dir: as root that one is private to root
    base = Path(tempfile.mkdtemp(prefix="factwatch-pg-"))
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        if not shutil.which("runuser"):
            pytest.skip("running as root without runuser")
        try:
            shutil.chown(base, user="postgres")
        except (LookupError, PermissionError):
            pytest.skip("running as root and no postgres user")
        run_as = ["runuser", "-u", "postgres", "--"]
    data, port = base / "data", _free_port()
    subprocess.run(
        [*run_as, initdb, "-D", str(data), "-U", "fw", "--auth=trust", "-E", "UTF8"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    server = subprocess.Popen(
        [*run_as, postgres, "-D", str(data), "-h", "127.0.0.1", "-p", str(port), "-k", str(base)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"postgresql+psycopg://fw@127.0.0.1:{port}/postgres"
    try:
        engine = sa.create_engine(url)
        deadline = time.monotonic() + 30
        while True:
            try:
                with engine.connect():
                    break
            except sa.exc.OperationalError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.skip("the local PostgreSQL server did not start")
                time.sleep(0.2)
        engine.dispose()
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(base, ignore_errors=True)


def test_postgresql_same_code(pg_url: str) -> None:
    with Store.open(pg_url) as s:
        first = s.record(
            article("2024-03-01"), [production("2024-03-01", start="2024-summer")], route=to_all
        )
        assert not first.duplicate
        assert s.record(article("2024-03-01"), [production("2024-03-01")]).duplicate
        slip = s.record(article("2024-09-01"), [production("2024-09-01", start="2025-H1")])
        assert [(c.kind, c.months) for c in slip.changes] == [(ChangeKind.CHANGED, 8)]
        assert [f.start.label for f in s.current_facts(as_of=date(2024, 5, 1)) if f.start] == [
            "2024-summer"
        ]
        assert len(s.pending_outbox("console")) == 1
        s.save_feed_state(FeedState(feed_url="https://n.example/f", etag="e"))
        s.save_feed_state(FeedState(feed_url="https://n.example/f", etag="f"))
        state = s.feed_state("https://n.example/f")
        assert state is not None and state.etag == "f"
    with Store.open(pg_url) as again:  # re-open migrates nothing and keeps the data
        assert len(again.current_facts()) == 1


def test_history_entries_read_and_serialise(store: Store) -> None:
    store.record(article("2024-03-01"), [production("2024-03-01", start="2024-summer")])
    store.record(article("2024-09-01"), [production("2024-09-01", start="2025-H1")])
    entry = store.history(model="Polestar 4")[-1]
    line = str(entry)
    assert "2024-09-01" in line and "start: 2024-summer → 2025-H1 (+8 months)" in line
    data = entry.to_json()
    assert data["kind"] == "changed" and data["change_id"] == entry.change_id
    assert data["from"]["label"] == "2024-summer" and data["months"] == 8
    json.dumps(data)  # plain JSON


def test_a_channel_named_twice_gets_one_outbox_row(store: Store) -> None:
    result = store.record(
        article("2024-03-01"),
        [production("2024-03-01")],
        route=lambda c: [("slack", False), ("slack", True), ("email", True)],
    )
    assert len(result.outbox_keys) == 2
    (item,) = store.pending_outbox("slack")
    assert item.digest_only is False


def test_a_file_that_is_not_a_database_is_one_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not SQLite\n" * 100)
    with pytest.raises(StoreError, match=r"junk\.db.*not a database"):
        Store.open(f"sqlite:///{junk}")


def test_an_unreachable_server_is_one_clear_error_without_the_password() -> None:
    port = _free_port()  # nothing listens there
    with pytest.raises(StoreError) as caught:
        Store.open(f"postgresql+psycopg://fw:s3cret@127.0.0.1:{port}/db?connect_timeout=5")
    message = str(caught.value)
    assert "s3cret" not in message and "\n" not in message
    assert message.startswith("database postgresql+psycopg://fw:***@127.0.0.1")


OPENER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from factwatch.store import Store

    url, go = sys.argv[1:3]
    deadline = time.monotonic() + 30
    while not Path(go).exists() and time.monotonic() < deadline:
        time.sleep(0.001)
    Store.open(url).close()
    """
)


def test_first_opens_of_a_new_file_at_once(tmp_path: Path) -> None:
    """Several processes creating and migrating one new file at the same moment."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for attempt in range(3):
        url = f"sqlite:///{tmp_path / f'new{attempt}.db'}"
        go = tmp_path / f"go{attempt}"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", OPENER, url, str(go)],
                env=env,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(4)
        ]
        time.sleep(0.8)  # all have imported and wait at the barrier
        go.write_text("go")
        errors = [p.communicate(timeout=120)[1] for p in procs]
        assert [p.returncode for p in procs] == [0] * 4, errors
        with Store.open(url) as s:
            assert s.current_facts() == []


def test_two_processes_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    admin = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text("DROP DATABASE IF EXISTS fw_writers"))
        conn.execute(sa.text("CREATE DATABASE fw_writers"))
    admin.dispose()
    two_writers(pg_url.rsplit("/", 1)[0] + "/fw_writers", tmp_path)


def test_migration_from_an_empty_file_and_reopen_applies_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()  # a zero-byte file is an empty SQLite database
    url = f"sqlite:///{empty}"
    for _ in range(2):
        Store.open(url).close()
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT version, name FROM schema_version")).all()
        tables = set(sa.inspect(conn).get_table_names())
    engine.dispose()
    assert [tuple(r) for r in rows] == [(m.version, m.name) for m in MIGRATIONS]
    assert {t.name for t in SCHEMA.sorted_tables} | {"schema_version"} == tables


def test_times_are_kept_in_utc(url: str) -> None:
    paris = timezone(timedelta(hours=2))
    with Store.open(url, clock=lambda: datetime(2025, 6, 1, 12, 0, tzinfo=paris)) as s:
        s.record(article("2025-06-01"), [production("2025-06-01")], route=to_all)
        (item,) = s.pending_outbox("console")
        assert item.created_at == datetime(2025, 6, 1, 10, 0, tzinfo=UTC)
        s.save_feed_state(
            FeedState(feed_url="f", last_polled_at=datetime(2025, 6, 1, 9, 30, tzinfo=paris))
        )
        state = s.feed_state("f")
        assert state is not None and state.last_polled_at == datetime(2025, 6, 1, 7, 30, tzinfo=UTC)


def test_lease_one_holder_at_a_time(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/l.db"
    with Store.open(url) as a, Store.open(url) as b:
        assert a.acquire_lease("dispatch:slack", owner="a", seconds=60)
        assert not b.acquire_lease("dispatch:slack", owner="b", seconds=60)
        assert b.acquire_lease("dispatch:email", owner="b", seconds=60)  # other channel
        assert a.acquire_lease("dispatch:slack", owner="a", seconds=60)  # renew
        a.release_lease("dispatch:slack", owner="a")
        assert b.acquire_lease("dispatch:slack", owner="b", seconds=0.0)
        assert a.acquire_lease("dispatch:slack", owner="a", seconds=60)  # b's lease expired


def test_lease_taken_from_a_named_dead_owner(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path}/l.db") as store:
        assert store.acquire_lease("dispatch:console", owner="host:1:x", seconds=60)
        assert store.lease_owner("dispatch:console") == "host:1:x"
        assert not store.acquire_lease("dispatch:console", owner="host:2:y", seconds=60)
        assert store.acquire_lease(
            "dispatch:console", owner="host:2:y", seconds=60, take_from="host:1:x"
        )
        assert store.lease_owner("dispatch:console") == "host:2:y"
