"""The CLI as a user runs it: the seed rerun, JSON output, bad input, queries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factwatch.cli import main
from factwatch.store import Store
from tests.conftest import REPO, SEED_ARTICLE


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    for var in ("PREFECT_API_URL", "FACTWATCH_SLACK_WEBHOOK_URL", "FACTWATCH_SMTP_HOST"):
        monkeypatch.delenv(var, raising=False)
    return f"sqlite:///{tmp_path}/fw.db"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_seed_rerun_then_again(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "rerun", str(SEED_ARTICLE), "--db", db)
    assert code == 0, err
    assert "Polestar 4" in out and "Busan" in out
    assert out.count(" new ") >= 8  # every fact of the seed is new the first time
    assert "alert" in out
    assert "Traceback" not in out + err

    code, out, err = run(capsys, "rerun", str(SEED_ARTICLE), "--db", db)
    assert code == 0, err
    assert "already recorded" in out
    assert " new " not in out and "Polestar 4 · " not in out  # nothing changed, nothing alerted


def test_rerun_json_is_change_objects(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rerun", str(SEED_ARTICLE), "--db", db, "--json")
    assert code == 0
    changes = [json.loads(line) for line in out.splitlines()]
    assert changes and all(c["kind"] == "new" for c in changes)
    for change in changes:
        assert set(change) >= {
            "kind",
            "type",
            "field",
            "from",
            "to",
            "fact",
            "previous",
            "article",
            "alert",
        }
        assert change["article"]["published"] == "2023-11"
        evidence = change["fact"]["evidence"]
        assert evidence["end"] > evidence["start"] >= 0


def test_extract_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(SEED_ARTICLE), "--json")
    assert code == 0
    facts = [json.loads(line) for line in out.splitlines()]
    types = {f["type"] for f in facts}
    assert {"production", "plant_capacity", "plant_workforce", "executive", "agreement"} <= types


def test_facts_filters_and_as_of(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "rerun", str(SEED_ARTICLE), "--db", db, "--no-alerts")[0] == 0
    code, out, _ = run(capsys, "facts", "--db", db, "--type", "production", "--json")
    assert code == 0
    models = {json.loads(line)["model"] for line in out.splitlines()}
    assert {"Polestar 4", "Polestar 3"} <= models
    code, out, _ = run(capsys, "facts", "--db", db, "--plant", "Busan")
    assert "Busan" in out and "Chengdu" not in out
    code, out, _ = run(capsys, "facts", "--db", db, "--as-of", "2023-10")
    assert code == 0 and "no facts" in out
    code, _, err = run(capsys, "facts", "--db", db, "--type", "rumour")
    assert code == 2 and "--type" in err


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "missing": tmp_path / "missing.txt",
        "directory": tmp_path / "adir",
        "binary": tmp_path / "x.bin",
        "empty": tmp_path / "empty.txt",
        "no header": tmp_path / "nohdr.txt",
        "bad date": tmp_path / "baddate.txt",
        "huge": tmp_path / "huge.txt",
    }
    files["directory"].mkdir()
    files["binary"].write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    files["empty"].write_text("")
    files["no header"].write_text("Renault builds the Clio in Bursa.\n")
    files["bad date"].write_text("date 2023-02-30 (X) — Renault builds the Clio in Bursa.\n")
    with files["huge"].open("wb") as handle:
        handle.seek(50 * 1024 * 1024)
        handle.write(b"x")
    return files


def test_bad_input_one_line_exit_2_and_nothing_stored(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for what, path in _bad_files(tmp_path).items():
        code, out, err = run(capsys, "rerun", str(path), "--db", db)
        assert code == 2, what
        lines = err.strip().splitlines()
        assert len(lines) == 1 and str(path) in lines[0], (what, err)
        assert "Traceback" not in err + out
    with Store.open(db) as store:
        assert store.current_facts() == []


def test_no_header_message_names_published(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "nohdr.txt"
    path.write_text("Renault builds the Clio in Bursa.\n")
    _, _, err = run(capsys, "rerun", str(path), "--db", db)
    assert "--published" in err


def test_unsupported_language_is_one_line_and_recorded(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "es.txt"
    path.write_text(
        "date 2024-05-02 (El País) — SEAT fabricará el nuevo Cupra Raval en su planta de "
        "Martorell a partir de 2025, según ha confirmado la compañía este jueves en Barcelona.\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "rerun", str(path), "--db", db)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "es" in err
    with Store.open(db) as store:
        assert store.current_facts() == []


def test_good_file_goes_through_beside_a_bad_one(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "rerun", str(tmp_path / "nope.txt"), str(SEED_ARTICLE), "--db", db)
    assert code == 2
    assert "nope.txt" in err and "Polestar 4" in out
    with Store.open(db) as store:
        assert store.current_facts()


def test_bad_db_url_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "facts", "--db", "nosuchdialect://x")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_help_on_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("rerun", "extract", "facts", "history", "eval", "monitor"):
        with pytest.raises(SystemExit) as info:
            main([command, "--help"])
        assert info.value.code == 0
        assert command in capsys.readouterr().out


def test_two_reruns_at_once_do_not_duplicate(tmp_path: Path) -> None:
    """Two processes rerun the seed into one SQLite file at the same moment."""
    db = f"sqlite:///{tmp_path}/fw.db"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    cmd = [
        sys.executable,
        "-m",
        "factwatch.cli",
        "rerun",
        str(SEED_ARTICLE),
        "--db",
        db,
        "--json",
        "--no-alerts",
    ]
    procs = [
        subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1] for o in outs]
    counts = sorted(len(o[0].decode().splitlines()) for o in outs)
    assert counts[0] == 0 and counts[1] > 0  # one recorded it, the other recognised it
    with Store.open(db) as store:
        facts = store.current_facts()
        assert len(facts) == counts[1]
