"""Slack and SMTP delivery against real servers on 127.0.0.1 (bounded time)."""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Iterator

import httpx
import pytest

from alerts.email import SmtpSender, SmtpSettings, SmtpTls, email_message
from alerts.errors import PermanentDeliveryError, TransientDeliveryError
from alerts.render import AlertView, Quote
from alerts.slack import SlackOptions, SlackWebhook, resolve_webhook
from factwatch.model import ChangeKind, FactType
from tests.helpers_servers import SmtpReceiver, WebhookReceiver, free_port

FAST = SlackOptions(timeout=2.0, min_interval=0.0, backoff=0.05, attempts=3, max_retry_after=5.0)
SECRET_PATH = "/services/T000/B000/secret-token-xyz"


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver() as server:
        yield server


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client() as c:
        yield c


def webhook(
    receiver: WebhookReceiver, client: httpx.Client, options: SlackOptions = FAST
) -> SlackWebhook:
    return SlackWebhook("slack-test", receiver.url(SECRET_PATH), client=client, options=options)


PAYLOAD = {
    "text": "hello",
    "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "hello"}}],
}


def test_accepted_message_is_posted_once(receiver: WebhookReceiver, client: httpx.Client) -> None:
    webhook(receiver, client).send(PAYLOAD)
    assert [p.body for p in receiver.posts] == [PAYLOAD]
    assert receiver.posts[0].path == SECRET_PATH


def test_at_most_one_message_a_second_per_webhook(
    receiver: WebhookReceiver, client: httpx.Client
) -> None:
    hook = webhook(receiver, client, SlackOptions(min_interval=1.0))
    for _ in range(3):
        hook.send(PAYLOAD)
    times = [p.at for p in receiver.posts]
    assert len(times) == 3
    assert all(b - a >= 0.95 for a, b in itertools.pairwise(times))


def test_429_waits_retry_after_and_resends_once(
    receiver: WebhookReceiver, client: httpx.Client
) -> None:
    receiver.answer(429, headers={"Retry-After": "1"})
    started = time.monotonic()
    webhook(receiver, client).send(PAYLOAD)
    assert [p.status for p in receiver.posts] == [429, 200]
    assert receiver.posts[1].at - receiver.posts[0].at >= 0.95
    assert time.monotonic() - started < 5


def test_429_beyond_the_bound_is_left_pending(
    receiver: WebhookReceiver, client: httpx.Client
) -> None:
    receiver.answer(429, headers={"Retry-After": "3600"})
    with pytest.raises(TransientDeliveryError, match="rate-limited by Slack") as info:
        webhook(receiver, client).send(PAYLOAD)
    assert info.value.retry_after == 3600
    assert len(receiver.posts) == 1


def test_500_is_retried_with_backoff_then_transient(
    receiver: WebhookReceiver, client: httpx.Client
) -> None:
    receiver.answer(500, times=3)
    with pytest.raises(
        TransientDeliveryError, match=r"Slack answered 500 .* after 3 attempts; left pending"
    ):
        webhook(receiver, client).send(PAYLOAD)
    assert [p.status for p in receiver.posts] == [500, 500, 500]
    # a 503 that recovers: delivered on the retry
    receiver.answer(503)
    webhook(receiver, client).send(PAYLOAD)
    assert [p.status for p in receiver.posts][-2:] == [503, 200]


def test_404_is_permanent_and_marks_the_webhook_broken(
    receiver: WebhookReceiver, client: httpx.Client
) -> None:
    receiver.answer(404, body="no_service")
    with pytest.raises(PermanentDeliveryError) as info:
        webhook(receiver, client).send(PAYLOAD)
    assert info.value.channel_broken
    assert (
        str(info.value)
        == "slack-test: Slack refused the message (404 no_service); dead-lettered, not retried"
    )
    receiver.answer(400, body="invalid_blocks")
    with pytest.raises(PermanentDeliveryError) as bad:
        webhook(receiver, client).send(PAYLOAD)
    assert not bad.value.channel_broken
    assert len(receiver.posts) == 2  # no retry of a 4xx


def test_timeout_is_transient(receiver: WebhookReceiver, client: httpx.Client) -> None:
    receiver.answer(200, delay=1.0, times=2)
    options = SlackOptions(timeout=0.3, min_interval=0.0, backoff=0.05, attempts=2)
    with pytest.raises(TransientDeliveryError, match="did not answer in time after 2 attempts"):
        webhook(receiver, client, options).send(PAYLOAD)


def test_unreachable_slack_is_transient_and_the_url_is_never_shown(
    client: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"http://127.0.0.1:{free_port()}{SECRET_PATH}"
    caplog.set_level(logging.DEBUG)
    with pytest.raises(TransientDeliveryError, match="cannot reach Slack") as info:
        SlackWebhook("slack-test", url, client=client, options=FAST).send(PAYLOAD)
    assert "secret-token" not in str(info.value)
    assert "secret-token" not in repr(SlackWebhook("s", url, client=client))
    assert all("secret-token" not in r.getMessage() for r in caplog.records)


def test_httpx_request_log_lines_are_redacted(
    receiver: WebhookReceiver, client: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    receiver.answer(500)
    webhook(receiver, client).send(PAYLOAD)
    lines = [r.getMessage() for r in caplog.records if r.name.startswith(("httpx", "alerts"))]
    assert any("HTTP Request: POST" in line for line in lines)  # httpx did log the requests
    assert all("secret-token" not in line for line in lines)


def test_resolve_webhook_from_env_or_a_clear_line() -> None:
    env = {"MY_HOOK": "https://hooks.slack.com/services/A/B/C"}
    assert (
        resolve_webhook("s", webhook_env="MY_HOOK", webhook_block=None, env=env) == env["MY_HOOK"]
    )
    with pytest.raises(TransientDeliveryError, match=r"MY_HOOK is not set\); alerts wait"):
        resolve_webhook("s", webhook_env="MY_HOOK", webhook_block=None, env={})
    with pytest.raises(TransientDeliveryError, match="not an http"):
        resolve_webhook(
            "s", webhook_env="MY_HOOK", webhook_block=None, env={"MY_HOOK": "hooks.slack.com"}
        )


def _view() -> AlertView:
    quote = Quote("Production starts in 2025.", "https://news.example/a", "Example", "2024-05-02")
    return AlertView(
        "Model · Plant: start of production slipped",
        ChangeKind.CHANGED,
        FactType.PRODUCTION,
        "start",
        quote,
        None,
        0.8,
    )


def test_smtp_delivery_and_smtp_down() -> None:
    from datetime import UTC, datetime

    with SmtpReceiver() as smtp:
        settings = SmtpSettings(
            host="127.0.0.1", port=smtp.port, tls=SmtpTls.NONE, sender="f@example.com", timeout=5
        )
        message = email_message(
            [_view()],
            key="abc",
            sender=settings.sender,
            to=["p@example.com"],
            now=datetime(2024, 5, 2, tzinfo=UTC),
        )
        SmtpSender("email", settings).send(message, to=["p@example.com"])
        assert len(smtp.messages) == 1
        assert smtp.messages[0]["Message-ID"] == "<abc@factwatch>"
        assert smtp.envelopes == [("f@example.com", ["p@example.com"])]
    down = SmtpSettings(
        host="127.0.0.1", port=free_port(), tls=SmtpTls.NONE, timeout=2, password="hunter2"
    )
    with pytest.raises(TransientDeliveryError, match="emails stay pending") as info:
        SmtpSender("email", down).send(message, to=["p@example.com"])
    assert "hunter2" not in str(info.value)
    assert "hunter2" not in repr(down)


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_smtp_login_when_a_user_is_set() -> None:
    from datetime import UTC, datetime

    with SmtpReceiver(login=("factwatch", "s3cret-pass")) as smtp:
        message = email_message(
            [_view()],
            key="k1",
            sender="f@example.com",
            to=["p@example.com"],
            now=datetime(2024, 5, 2, tzinfo=UTC),
        )
        good = SmtpSettings(
            host="127.0.0.1",
            port=smtp.port,
            tls=SmtpTls.NONE,
            user="factwatch",
            password="s3cret-pass",
            timeout=5,
        )
        bad = SmtpSettings(
            host="127.0.0.1",
            port=smtp.port,
            tls=SmtpTls.NONE,
            user="factwatch",
            password="wrong-pass",
            timeout=5,
        )
        anonymous = SmtpSettings(host="127.0.0.1", port=smtp.port, tls=SmtpTls.NONE, timeout=5)
        with pytest.raises(
            TransientDeliveryError, match=r"SMTP login to 127\.0\.0\.1:\d+ failed"
        ) as info:
            SmtpSender("email", bad).send(message, to=["p@example.com"])
        assert "wrong-pass" not in str(info.value)
        with pytest.raises(TransientDeliveryError, match="refused the sender"):  # auth required
            SmtpSender("email", anonymous).send(message, to=["p@example.com"])
        assert smtp.messages == []
        SmtpSender("email", good).send(message, to=["p@example.com"])
        assert len(smtp.messages) == 1


def test_smtp_settings_from_env() -> None:
    settings = SmtpSettings.from_env(
        {
            "FACTWATCH_SMTP_HOST": "smtp.example.com",
            "FACTWATCH_SMTP_TLS": "ssl",
            "FACTWATCH_SMTP_USER": "u",
            "FACTWATCH_SMTP_PASSWORD": "p",
        }
    )
    assert (settings.port, settings.tls, settings.user) == (465, SmtpTls.SSL, "u")
    with pytest.raises(
        TransientDeliveryError, match="FACTWATCH_SMTP_TLS='tls' is not ssl, starttls or none"
    ):
        SmtpSettings.from_env({"FACTWATCH_SMTP_HOST": "x", "FACTWATCH_SMTP_TLS": "tls"})
    with pytest.raises(TransientDeliveryError, match="FACTWATCH_SMTP_HOST is not set"):
        SmtpSettings.from_env({})


@pytest.mark.slow
def test_webhook_from_a_prefect_secret_block(monkeypatch: pytest.MonkeyPatch) -> None:
    from prefect.blocks.system import Secret
    from prefect.testing.utilities import prefect_test_harness

    monkeypatch.setenv("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    url = "http://127.0.0.1:9/services/T/B/block-secret"
    with prefect_test_harness():
        Secret(value=url).save("slack-planning-webhook")
        found = resolve_webhook(
            "s", webhook_env=None, webhook_block="slack-planning-webhook", env={}
        )
        assert found == url
        # the environment variable wins when both are named and it is set
        env = {"HOOK": "https://hooks.slack.com/services/E/N/V"}
        assert (
            resolve_webhook(
                "s", webhook_env="HOOK", webhook_block="slack-planning-webhook", env=env
            )
            == env["HOOK"]
        )
        with pytest.raises(
            TransientDeliveryError, match="cannot load the Prefect Secret block 'absent'"
        ) as info:
            resolve_webhook("s", webhook_env=None, webhook_block="absent", env={})
        assert "block-secret" not in str(info.value)
