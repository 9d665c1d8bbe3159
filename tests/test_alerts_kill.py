"""Kill test: a child process stores changes and dispatches them to a real webhook
receiver; the parent SIGKILLs it at named points and at random moments, restarts it,
and checks that every alert arrived exactly once.

A duplicate is allowed only where it is unavoidable: the receiver accepted the
message and the child died before `mark_sent` committed (the child prints
"accepted" when the response arrives and "marked" once mark_sent has returned, so
the parent knows whether a kill landed in that window).

Run as a script (`python tests/test_alerts_kill.py DB URL`) this file is the child.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
KILL_POINT_ENV = "FACTWATCH_TEST_KILL_AT"  # "point:occurrence", e.g. "after_response:2"
POINTS = ("before_record", "after_record", "before_post", "after_response", "after_mark")
CHILD_TIMEOUT = 20.0

# ----------------------------------------------------------------------------- child


def _articles() -> list[tuple[Any, list[Any]]]:
    """Six articles: four new models, a slip and a pause (six alerts)."""
    from factwatch.model import Article, Evidence, Fact, FactType, FuzzyDate, Plant, Source

    plants = [
        Plant(
            name="Ridgeville plant", operator="Volvo Cars", region="South Carolina", country="US"
        ),
        Plant(name="Busan plant", operator="Renault Korea Motors", city="Busan", country="KR"),
        Plant(name="Douai plant", operator="Renault", city="Douai", country="FR"),
    ]
    script = [
        ("Polestar 3", 0, "2024-summer", "planned", "2023-09-01"),
        ("Polestar 4", 1, "2025-H2", "planned", "2023-10-01"),
        ("Polestar 3", 0, "2025-H1", "planned", "2024-05-02"),  # slip
        ("Renault 5", 2, "2024-early", "planned", "2024-01-15"),
        ("Polestar 4", 1, "2025-H2", "paused", "2024-06-01"),  # status change
        ("Megane E-Tech", 2, "2022", "ongoing", "2024-07-01"),
    ]
    out = []
    for i, (model, p, label, status, published) in enumerate(script):
        text = f"Article {i}: {model} at {plants[p].label()} is {status}, start {label}."
        source = Source(
            published=published, url=f"https://news.example/{i}", publisher="Example News"
        )
        fact = Fact(
            type=FactType.PRODUCTION,
            evidence=Evidence(text, 0, len(text)),
            source=source,
            confidence=0.9,
            model=model,
            plant=plants[p],
            status=status,
            start=FuzzyDate.from_label(label),
        )
        out.append((Article(text=text, source=source), [fact]))
    return out


def child(db: str, url: str) -> int:
    import httpx

    from alerts.dispatcher import dispatch
    from alerts.routing import Router, parse_routing
    from alerts.slack import SlackOptions
    from factwatch.store import Store

    point, _, nth = (os.environ.get(KILL_POINT_ENV) or "").partition(":")
    seen: Counter[str] = Counter()

    def reached(name: str, detail: str = "") -> None:
        seen[name] += 1
        print(f"{name} {detail}".rstrip(), flush=True)
        if name == point and str(seen[name]) == nth:
            print("paused", flush=True)
            time.sleep(CHILD_TIMEOUT)  # the parent kills us here

    class WatchedStore(Store):
        def mark_sent(self, key: str) -> None:
            super().mark_sent(key)
            reached("after_mark", key)

    def on_request(request: httpx.Request) -> None:
        reached("before_post")

    def on_response(response: httpx.Response) -> None:
        if response.status_code == 200:
            reached("after_response", "accepted")

    store = WatchedStore.open(f"sqlite:///{db}")
    router = Router(
        parse_routing({"channels": {"slack": {"webhook_env": "HOOK", "digest": "off"}}})
    )
    options = SlackOptions(min_interval=0.0, timeout=5.0, backoff=0.05)
    hooks: dict[str, list[Any]] = {"request": [on_request], "response": [on_response]}
    with httpx.Client(event_hooks=hooks) as client:
        for article, facts in _articles():
            reached("before_record")
            store.record(article, facts, route=router.route)  # a known article: nothing new
            reached("after_record")
            report = dispatch(
                store, router, env={"HOOK": url}, http_client=client, slack_options=options
            )
            for line in report.problems:
                print(f"problem {line}", flush=True)
    store.close()
    print("done", flush=True)
    return 0


# ----------------------------------------------------------------------------- parent


@dataclass
class Trial:
    kill: str  # "point:n" or "random:<seconds>"
    killed: bool
    in_window: bool  # killed after "accepted" and before "marked"


def _run_child(db: Path, url: str, kill: str | None, delay: float | None) -> tuple[list[str], bool]:
    """Run the child until it exits, or kill it at the point or after the delay."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop(KILL_POINT_ENV, None)
    if kill:
        env[KILL_POINT_ENV] = kill
    with subprocess.Popen(
        [sys.executable, __file__, str(db), url],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL if kill or delay else subprocess.PIPE,
        env=env,
        cwd=REPO,
        bufsize=0,
    ) as proc:
        assert proc.stdout is not None
        fd = proc.stdout.fileno()
        data = b""
        now = time.monotonic()
        deadline = now + CHILD_TIMEOUT
        kill_at = now + delay if delay is not None else None
        killed = eof = False
        while not eof:
            now = time.monotonic()
            if now >= deadline:
                proc.kill()
                raise AssertionError(f"child did not finish in {CHILD_TIMEOUT} s: {data[-300:]!r}")
            if kill_at is not None and now >= kill_at:
                proc.send_signal(signal.SIGKILL)
                killed = True
                break
            wait = 0.05 if kill_at is None else max(0.0, min(0.05, kill_at - now))
            ready, _, _ = select.select([fd], [], [], wait)
            if ready:
                chunk = os.read(fd, 65536)
                eof = not chunk
                data += chunk
                if b"\npaused\n" in b"\n" + data:
                    proc.send_signal(signal.SIGKILL)
                    killed = True
                    break
        proc.wait(timeout=5)
        data += proc.stdout.read() or b""
        stderr = proc.stderr.read().decode() if proc.stderr else ""
    if not killed:
        assert proc.returncode == 0, f"child failed: {stderr[-2000:]}"
    return data.decode().splitlines(), killed


def _in_window(lines: list[str]) -> bool:
    """Killed after the receiver accepted a message and before mark_sent returned."""
    for line in reversed(lines):
        if line.startswith("after_mark"):
            return False
        if line.startswith("after_response"):
            return True
    return False


def test_sigkill_between_storing_and_sending_delivers_every_alert_exactly_once(
    tmp_path: Path,
) -> None:
    from tests.helpers_servers import WebhookReceiver

    rng = random.Random(20240502)
    with WebhookReceiver() as hook:
        url = hook.url()
        # a clean run: what must arrive, and how long a run takes
        started = time.monotonic()
        lines, killed = _run_child(tmp_path / "reference.db", url, None, None)
        duration = time.monotonic() - started
        assert not killed and lines[-1] == "done"
        expected = Counter(p.body["text"] for p in hook.accepted())
        assert len(expected) == 6 and set(expected.values()) == {1}

        # 21 named points (each certain to be reached) and 10 random moments
        plans: list[tuple[str | None, float | None]] = [
            (f"{point}:{n}", None) for point in POINTS for n in (1, 3, 6)
        ]
        plans += [
            (f"{point}:{n}", None) for point in ("before_post", "after_response") for n in (2, 4, 5)
        ]
        plans += [(None, rng.uniform(0.05, 0.8 * duration)) for _ in range(10)]
        trials: list[Trial] = []
        duplicates = allowed = 0
        for index, (kill, delay) in enumerate(plans):
            hook.posts.clear()
            db = tmp_path / f"trial{index}.db"
            lines, killed = _run_child(db, url, kill, delay)
            window = killed and _in_window(lines)
            trials.append(Trial(kill or f"random:{delay:.2f}", killed, window))
            for _ in range(3):  # restart until a run completes
                lines, again = _run_child(db, url, None, None)
                if not again:
                    break
            assert lines[-1] == "done"
            assert not [line for line in lines if line.startswith("problem")], lines
            got = Counter(p.body["text"] for p in hook.accepted())
            assert set(got) == set(expected), (
                f"trial {trials[-1].kill}: missing {set(expected) - set(got)}"
            )
            extra = sum(n - 1 for n in got.values())
            duplicates += extra
            if window:
                allowed += 1
            assert extra <= (1 if window else 0), (
                f"trial {trials[-1].kill}: {extra} duplicate(s) {got}"
            )
            from factwatch.store import Store

            with Store.open(f"sqlite:///{db}") as check:
                assert check.pending_outbox("slack") == []

    killed_trials = sum(t.killed for t in trials)
    print(
        f"\nkill test: trials={len(trials)} killed={killed_trials} "
        f"delivered={len(expected)} per trial, duplicates={duplicates} "
        f"(allowed: kills in the accepted→mark_sent window={allowed})"
    )
    assert killed_trials >= 21


if __name__ == "__main__":
    sys.exit(child(sys.argv[1], sys.argv[2]))
