"""The outbox dispatcher end to end: articles through the real store (SQLite file),
Slack to a loopback webhook receiver, email to aiosmtpd, the console to a buffer."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from alerts.dispatcher import dispatch
from alerts.routing import Router, load_routing, parse_routing
from alerts.slack import SlackOptions
from factwatch.model import Article, Evidence, Fact, FactType, FuzzyDate, Plant, Source
from factwatch.store import Store
from tests.helpers_servers import SmtpReceiver, WebhookReceiver

FAST = SlackOptions(timeout=2.0, min_interval=0.0, backoff=0.05, attempts=2, max_retry_after=3.0)
PLANT = Plant(name="Ridgeville plant", operator="Volvo Cars", region="South Carolina", country="US")
OLD = "Polestar will start building the Polestar 3 in South Carolina in summer 2024."
NEW = (
    "Production of the Polestar 3 at the South Carolina plant is now due in the first half of 2025."
)
NOON = datetime(2024, 5, 2, 12, 0, tzinfo=UTC)


def article(text: str, published: str, url: str) -> Article:
    return Article(text=text, source=Source(published=published, url=url, publisher="Example News"))


def polestar3(art: Article, label: str, words: str) -> Fact:
    return Fact(
        type=FactType.PRODUCTION,
        evidence=Evidence(art.text, 0, len(art.text)),
        source=art.source,
        confidence=0.9,
        model="Polestar 3",
        brand="Polestar",
        plant=PLANT,
        status="planned",
        start=FuzzyDate.from_label(label, words),
    )


FIRST = article(OLD, "2023-09-01", "https://news.example/p3-sc")
SECOND = article(NEW, "2024-05-02", "https://news.example/p3-delay")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(f"sqlite:///{tmp_path / 'factwatch.db'}")
    yield s
    s.close()


@pytest.fixture
def servers() -> Iterator[tuple[WebhookReceiver, SmtpReceiver]]:
    with WebhookReceiver() as hook, SmtpReceiver() as smtp:
        yield hook, smtp


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client() as c:
        yield c


def env_for(hook: WebhookReceiver, smtp: SmtpReceiver) -> dict[str, str]:
    return {"FACTWATCH_SLACK_WEBHOOK_URL": hook.url(), **smtp.env()}


def run(store: Store, router: Router, env: dict[str, str], client: httpx.Client, **kw: object):  # type: ignore[no-untyped-def]
    out = io.StringIO()
    report = dispatch(
        store,
        router,
        env=env,
        http_client=client,
        console_file=out,
        slack_options=FAST,
        now=kw.pop("now", NOON),
        **kw,
    )  # type: ignore[arg-type]
    return report, out.getvalue()


def record_timeline(store: Store, router: Router) -> None:
    store.record(FIRST, [polestar3(FIRST, "2023-early", "early 2023")], route=router.route)


def test_slip_timeline_one_slack_message_one_email_and_rerun_sends_nothing(
    store: Store, servers: tuple[WebhookReceiver, SmtpReceiver], client: httpx.Client
) -> None:
    hook, smtp = servers
    env = env_for(hook, smtp)
    router = Router(load_routing(None, env=env))  # defaults: console + slack + email
    store.record(FIRST, [polestar3(FIRST, "2024-summer", "summer 2024")], route=router.route)
    first, _ = run(store, router, env, client)
    assert first.channel("slack").sent == 1 and first.channel("email").sent == 1  # the "new" alert
    hook.posts.clear()
    smtp.messages.clear()

    result = store.record(
        SECOND, [polestar3(SECOND, "2025-H1", "first half of 2025")], route=router.route
    )
    channels = {k: store.outbox_item(k).channel for k in result.outbox_keys}  # type: ignore[union-attr]
    [email_key] = [k for k, name in channels.items() if name == "email"]
    report, printed = run(
        store, router, env, client, run_url="http://127.0.0.1:4200/runs/flow-run/7"
    )
    assert report.problems == []
    assert len(hook.accepted()) == 1
    slack = hook.accepted()[0].body
    assert slack["text"].startswith(
        "Polestar 3 · South Carolina (US): start of production slipped summer 2024 → H1 2025 (+"
    )
    texts = json.dumps(slack["blocks"], ensure_ascii=False)
    assert NEW in texts and OLD in texts
    assert "<https://news.example/p3-delay|Example News>, 2024-05-02" in texts
    assert "<https://news.example/p3-sc|Example News>, 2023-09-01" in texts
    assert "<http://127.0.0.1:4200/runs/flow-run/7|Prefect run>" in texts

    assert len(smtp.messages) == 1
    email = smtp.messages[0]
    assert "start of production slipped summer 2024 → H1 2025" in str(email["Subject"])
    body = email.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert NEW in body and OLD in body
    assert store.pending_outbox("email") == []
    assert email["Message-ID"] == f"<{email_key}@factwatch>"
    assert smtp.envelopes[-1][1] == ["planner@example.com", "buyer@example.com"]
    assert "slipped summer 2024 → H1 2025" in printed

    # rerunning the same article: the store sees a duplicate, nothing is sent or printed
    store.record(SECOND, [polestar3(SECOND, "2025-H1", "first half of 2025")], route=router.route)
    again, printed_again = run(store, router, env, client)
    assert again.sent == 0 and printed_again == ""
    assert len(hook.accepted()) == 1 and len(smtp.messages) == 1


def test_smtp_down_email_stays_pending_and_goes_out_next_run(
    store: Store, servers: tuple[WebhookReceiver, SmtpReceiver], client: httpx.Client
) -> None:
    hook, smtp = servers
    env = env_for(hook, smtp)
    router = Router(load_routing(None, env=env))
    store.record(FIRST, [polestar3(FIRST, "2024-summer", "summer 2024")], route=router.route)
    store.record(SECOND, [polestar3(SECOND, "2025-H1", "first half of 2025")], route=router.route)
    smtp.stop()
    report, _ = run(store, router, env, client)
    email = report.channel("email")
    assert (email.sent, email.failed, email.waiting) == (0, 1, 1)
    assert report.channel("slack").sent == 2  # the other channels are not held up
    [line] = report.problems
    assert line.startswith("email: cannot send through SMTP 127.0.0.1:")
    assert "emails stay pending for the next run" in line and "(1 more waiting)" in line
    assert len(store.pending_outbox("email")) == 2

    smtp.start()
    later, _ = run(store, router, env, client)
    assert later.channel("email").sent == 2 and later.problems == []
    assert [str(m["Subject"]).split(": ", 1)[0] for m in smtp.messages] == [
        "[factwatch] New",
        "[factwatch] Polestar 3 · South Carolina (US)",
    ]
    assert len(hook.accepted()) == 2  # slack was not re-sent
    assert run(store, router, env, client)[0].sent == 0


def _slack_only(hook: WebhookReceiver) -> tuple[Router, dict[str, str]]:
    config = parse_routing({"channels": {"slack": {"webhook_env": "HOOK", "digest": "off"}}})
    return Router(config), {"HOOK": hook.url()}


def test_429_then_500_then_404_through_the_dispatcher(
    store: Store, servers: tuple[WebhookReceiver, SmtpReceiver], client: httpx.Client
) -> None:
    hook, _ = servers
    router, env = _slack_only(hook)
    store.record(FIRST, [polestar3(FIRST, "2024-summer", "summer 2024")], route=router.route)
    store.record(SECOND, [polestar3(SECOND, "2025-H1", "first half of 2025")], route=router.route)

    hook.answer(429, headers={"Retry-After": "1"})
    hook.answer(200)  # the first alert, resent after Retry-After
    hook.answer(500, times=2)  # the second alert: two attempts, both 500
    report, _ = run(store, router, env, client)
    slack = report.channel("slack")
    assert [p.status for p in hook.posts] == [429, 200, 500, 500]
    assert (slack.sent, slack.failed, slack.dead) == (1, 1, 0)
    assert report.problems == [
        "slack: Slack answered 500 (error) after 2 attempts; left pending for the next run"
    ]
    [pending] = store.pending_outbox("slack")
    assert pending.attempts == 1 and "500" in (pending.last_error or "")

    hook.answer(404, body="no_service")
    report, _ = run(store, router, env, client)
    assert report.channel("slack").dead == 1
    assert report.problems == [
        "slack: Slack refused the message (404 no_service); dead-lettered, not retried (1 item)"
    ]
    assert store.pending_outbox("slack") == []
    assert run(store, router, env, client)[0].sent == 0  # a dead item is not retried
    assert len(hook.accepted()) == 1


def test_quiet_hours_wait_and_nothing_is_lost(
    store: Store, servers: tuple[WebhookReceiver, SmtpReceiver], client: httpx.Client
) -> None:
    hook, _ = servers
    config = parse_routing(
        {
            "channels": {
                "slack": {
                    "webhook_env": "HOOK",
                    "quiet_hours": {"start": "22:00", "end": "07:00", "timezone": "Europe/Paris"},
                }
            }
        }
    )
    router, env = Router(config), {"HOOK": hook.url()}
    store.record(FIRST, [polestar3(FIRST, "2024-summer", "summer 2024")], route=router.route)
    night = datetime(2024, 5, 2, 23, 0, tzinfo=UTC)  # 01:00 in Paris
    report, _ = run(store, router, env, client, now=night)
    assert report.channel("slack").waiting == 1 and hook.posts == []
    assert report.problems == ["slack: quiet hours until 07:00 Europe/Paris; 1 alert(s) wait"]
    morning = datetime(2024, 5, 3, 5, 30, tzinfo=UTC)  # 07:30 in Paris
    report, _ = run(store, router, env, client, now=morning)
    assert report.channel("slack").sent == 1 and len(hook.accepted()) == 1


def test_digest_items_go_out_as_one_digest_per_run_or_period(
    store: Store, servers: tuple[WebhookReceiver, SmtpReceiver], client: httpx.Client
) -> None:
    hook, smtp = servers
    config = parse_routing(
        {
            "channels": {
                "slack": {"webhook_env": "HOOK", "digest": "run"},
                "email": {"to_env": "FACTWATCH_EMAIL_TO", "digest": "1d"},
            }
        }
    )
    router, env = Router(config), {"HOOK": hook.url(), **smtp.env()}
    year = article(
        "Polestar 3 production in South Carolina begins in 2024.",
        "2023-06-01",
        "https://n.example/1",
    )
    store.record(year, [polestar3(year, "2024", "2024")], route=router.route)
    run(store, router, env, client, now=NOON)  # the "new" alert
    hook.posts.clear()
    smtp.messages.clear()
    # two refinements of 2024 from two articles: digest lines, not alerts
    store.record(FIRST, [polestar3(FIRST, "2024-summer", "summer 2024")], route=router.route)
    other = article(
        "Polestar 3 will be built in South Carolina from mid-2024.",
        "2023-10-01",
        "https://n.example/2",
    )
    store.record(other, [polestar3(other, "2024-mid", "mid-2024")], route=router.route)
    digest_items = store.pending_outbox("slack")
    assert digest_items and all(i.digest_only for i in digest_items)

    report, _ = run(store, router, env, client, now=NOON)
    assert len(hook.accepted()) == 1  # one digest message for all of them
    assert hook.accepted()[0].body["text"].startswith("factwatch digest:")
    assert report.channel("slack").sent == len(digest_items)
    # the email digest waits for its day
    assert smtp.messages == [] and report.channel("email").waiting == len(
        store.pending_outbox("email")
    )
    later, _ = run(store, router, env, client, now=datetime.now(UTC) + timedelta(days=1, minutes=1))
    assert len(smtp.messages) == 1 and later.channel("email").sent >= 1
    assert str(smtp.messages[0]["Message-ID"]).startswith("<digest-")


def test_missing_secret_and_bad_payload_are_one_line_each(
    store: Store, servers: tuple[WebhookReceiver, SmtpReceiver], client: httpx.Client
) -> None:
    hook, _ = servers
    router, _ = _slack_only(hook)
    store.record(FIRST, [polestar3(FIRST, "2024-summer", "summer 2024")], route=router.route)
    report, _ = run(store, router, {}, client)
    assert report.problems == [
        "slack: no webhook URL (HOOK is not set); alerts wait until it is (1 waiting)"
    ]
    assert len(store.pending_outbox("slack")) == 1
    report, _ = run(store, router, {"HOOK": hook.url()}, client)
    assert report.channel("slack").sent == 1
    report, _ = run(store, router, {}, client, channels=["pager"])
    assert report.problems == ["pager: not a channel of the routing configuration; skipped"]


def test_console_json_lines_once(store: Store, client: httpx.Client) -> None:
    router = Router(load_routing(None, env={}))
    store.record(FIRST, [polestar3(FIRST, "2024-summer", "summer 2024")], route=router.route)
    store.record(SECOND, [polestar3(SECOND, "2025-H1", "first half of 2025")], route=router.route)
    report, printed = run(store, router, {}, client, json_mode=True)
    lines = [json.loads(line) for line in printed.splitlines()]
    assert [line["change"]["kind"] for line in lines] == ["new", "changed"]
    assert lines[1]["headline"].startswith(
        "Polestar 3 · South Carolina (US): start of production slipped"
    )
    assert lines[1]["change"]["from"]["label"] == "2024-summer"
    assert run(store, router, {}, client, json_mode=True)[1] == ""
    assert report.summary() == "alerts: console 2 sent"


def test_article_text_cannot_ping_or_spoof_links_on_the_wire(
    store: Store, servers: tuple[WebhookReceiver, SmtpReceiver], client: httpx.Client
) -> None:
    hook, _ = servers
    router, env = _slack_only(hook)
    evil = (
        "Hey <!channel> <!here> <@U0123> see <https://evil.example|the official notice> *now* `x`"
    )
    art = article(evil, "2024-05-02", "https://news.example/evil")
    plant = Plant(
        name="<!everyone> plant",
        operator="Evil <https://evil.example|Motors>",
        city="Gotham",
        country="US",
    )
    fact = polestar3(art, "2025", "2025").with_(model="Model <!channel>", plant=plant)
    store.record(art, [fact], route=router.route)
    report, _ = run(store, router, env, client)
    assert report.channel("slack").sent == 1
    raw = hook.accepted()[0].raw
    body = json.dumps(hook.accepted()[0].body, ensure_ascii=False)
    for sent in (raw, body):
        assert "<!" not in sent and "<@" not in sent
        assert "<https://evil.example" not in sent and "<http://evil" not in sent
    assert "&lt;!channel&gt;" in body
    assert "<https://news.example/evil|Example News>" in body  # our own link survives


def test_a_channel_held_by_another_run_is_left_to_it(
    store: Store, servers: tuple[WebhookReceiver, SmtpReceiver], client: httpx.Client
) -> None:
    hook, _ = servers
    router, env = _slack_only(hook)
    store.record(FIRST, [polestar3(FIRST, "2024-summer", "summer 2024")], route=router.route)
    assert store.acquire_lease("dispatch:slack", owner="another run", seconds=60)
    busy, _ = run(store, router, env, client)
    assert busy.sent == 0 and hook.accepted() == []
    assert busy.problems == [
        "slack: another run is delivering this channel's alerts right now; "
        "its pending alerts are left to that run"
    ]
    store.release_lease("dispatch:slack", owner="another run")
    free, _ = run(store, router, env, client)
    assert free.sent == 1 and len(hook.accepted()) == 1
    assert run(store, router, env, client)[0].sent == 0  # and not again
