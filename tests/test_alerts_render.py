"""Rendering: headlines, Slack escaping and limits, the email message. All pure."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest

from alerts.email import email_message
from alerts.render import alert_view, change_from_payload, date_words, headline, plain_text
from alerts.slack import (
    MAX_BLOCKS,
    MAX_MESSAGE_CHARS,
    MAX_SECTION_CHARS,
    escape_mrkdwn,
    slack_message,
)
from factwatch.model import Change, ChangeKind, Evidence, Fact, FactType, FuzzyDate, Plant, Source

SOUTH_CAROLINA = Plant(
    name="Ridgeville", operator="Volvo Cars", region="South Carolina", country="US"
)
NORTH_CAROLINA = Plant(
    name="Chatham County plant", operator="VinFast", region="North Carolina", country="US"
)
BUSAN = Plant(name="Busan plant", operator="Renault Korea Motors", city="Busan", country="KR")

OLD_SENTENCE = "Polestar will start building the Polestar 3 in South Carolina in summer 2024."
NEW_SENTENCE = (
    "Production of the Polestar 3 in South Carolina is now due in the first half of 2025."
)


def fact(sentence: str, published: str, url: str, **fields: object) -> Fact:
    return Fact(
        evidence=Evidence(sentence, 0, len(sentence)),
        source=Source(published=published, url=url, publisher="Example News"),
        confidence=0.9,
        **fields,  # type: ignore[arg-type]
    )


def slip_change() -> Change:
    before = fact(
        OLD_SENTENCE,
        "2023-09-01",
        "https://news.example/p3-sc",
        type=FactType.PRODUCTION,
        model="Polestar 3",
        brand="Polestar",
        plant=SOUTH_CAROLINA,
        status="planned",
        start=FuzzyDate.from_label("2024-summer", "summer 2024"),
    )
    after = before.with_(
        evidence=Evidence(NEW_SENTENCE, 0, len(NEW_SENTENCE)),
        source=Source(
            published="2024-05-02", url="https://news.example/p3-delay", publisher="Example News"
        ),
        start=FuzzyDate.from_label("2025-H1", "first half of 2025"),
    )
    return Change(
        kind=ChangeKind.CHANGED,
        fact=after,
        previous=before,
        field="start",
        old=before.start,
        new=after.start,
        alert=True,
        months=6,
    )


def test_slip_headline_reads_at_a_glance() -> None:
    assert headline(slip_change()) == (
        "Polestar 3 · South Carolina (US): start of production slipped summer 2024 → H1 2025 (+6 months)"
    )


def test_other_headlines() -> None:
    paused_before = fact(
        "VinFast builds its plant in North Carolina.",
        "2023-07-28",
        "https://n.example/1",
        type=FactType.PLANT_STATUS,
        plant=NORTH_CAROLINA,
        status="under_construction",
    )
    paused = paused_before.with_(status="paused")
    change = Change(
        kind=ChangeKind.CHANGED,
        fact=paused,
        previous=paused_before,
        field="status",
        old="under_construction",
        new="paused",
        alert=True,
    )
    assert (
        headline(change) == "VinFast · North Carolina (US): plant paused (was under construction)"
    )
    polestar4 = fact(
        "Polestar 4 will be built in Busan.",
        "2024-04-01",
        "https://n.example/2",
        type=FactType.PRODUCTION,
        model="Polestar 4",
        brand="Polestar",
        plant=BUSAN,
        status="planned",
    )
    assert headline(Change(kind=ChangeKind.NEW, fact=polestar4, new="planned", alert=True)) == (
        "New: Polestar 4 at Busan (KR), planned"
    )
    cap_old = fact(
        "250,000 cars a year",
        "2023-01-01",
        "https://n.example/3",
        type=FactType.PLANT_CAPACITY,
        plant=BUSAN,
        value=250_000.0,
        unit="vehicles/year",
    )
    cap = Change(
        kind=ChangeKind.CHANGED,
        fact=cap_old.with_(value=200_000.0),
        previous=cap_old,
        field="value",
        old=250_000.0,
        new=200_000.0,
        alert=True,
    )
    assert headline(cap) == (
        "Renault Korea Motors · Busan (KR): capacity 250,000 → 200,000 vehicles/year (−20 %)"
    )
    moved = Change(
        kind=ChangeKind.CHANGED,
        fact=polestar4,
        previous=polestar4.with_(plant=SOUTH_CAROLINA),
        field="plant",
        old=SOUTH_CAROLINA,
        new=BUSAN,
        alert=True,
    )
    assert headline(moved) == "Polestar 4 moved: South Carolina (US) → Busan (KR)"
    first_date = Change(
        kind=ChangeKind.CHANGED,
        fact=polestar4.with_(start=FuzzyDate.from_label("2025-11")),
        previous=polestar4,
        field="start",
        old=None,
        new=FuzzyDate.from_label("2025-11"),
        alert=True,
    )
    assert (
        headline(first_date) == "Polestar 4 · Busan (KR): start of production set for November 2025"
    )


@pytest.mark.parametrize(
    ("label", "words"),
    [
        ("2024", "2024"),
        ("2025-H2", "H2 2025"),
        ("2024-Q3", "Q3 2024"),
        ("2024-early", "early 2024"),
        ("2024-mid", "mid-2024"),
        ("2024-summer", "summer 2024"),
        ("2025-11", "November 2025"),
        ("2025-11-03", "3 November 2025"),
    ],
)
def test_date_words(label: str, words: str) -> None:
    assert date_words(FuzzyDate.from_label(label)) == words


def test_payload_round_trip_gives_the_same_words() -> None:
    change = slip_change()
    payload = {**change.to_json(), "change_id": "abc", "title": "extra keys are ignored"}
    back = change_from_payload(json.loads(json.dumps(payload)))
    assert headline(back) == headline(change)
    assert back.previous == change.previous
    with pytest.raises(ValueError, match="not a change payload"):
        change_from_payload({"kind": "changed"})


def test_view_quotes_old_and_new_evidence_with_sources_and_run_link() -> None:
    text = plain_text(alert_view(slip_change(), run_url="http://127.0.0.1:4200/runs/flow-run/1"))
    assert f'Now: "{NEW_SENTENCE}"' in text
    assert f'Before: "{OLD_SENTENCE}"' in text
    assert "Example News, 2024-05-02, https://news.example/p3-delay" in text
    assert "Example News, 2023-09-01, https://news.example/p3-sc" in text
    assert "Confidence: 0.90" in text
    assert "Prefect run: http://127.0.0.1:4200/runs/flow-run/1" in text


EVIL = "Alert <!channel> see <https://evil.example|click> *now* _please_ ~gone~ `rm -rf` & <@U123> <!here>"


def evil_change() -> Change:
    evil_plant = Plant(
        name=EVIL,
        operator="Evil <!everyone> Motors",
        city="Gotham <https://evil.example|x>",
        country="US",
    )
    return Change(
        kind=ChangeKind.NEW,
        fact=Fact(
            type=FactType.PRODUCTION,
            evidence=Evidence(EVIL, 0, len(EVIL)),
            source=Source(
                published="2024-01-01",
                url="https://news.example/evil?a=1&b=2",
                publisher="Evil <!channel> Times",
            ),
            confidence=0.5,
            model="*Bold* <!channel>",
            plant=evil_plant,
            status="planned",
        ),
        new="planned",
        alert=True,
    )


def test_slack_escaping_neutralises_mentions_links_and_formatting() -> None:
    escaped = escape_mrkdwn(EVIL)
    assert "<" not in escaped and ">" not in escaped
    assert not re.search(r"[*_~`]", escaped)
    assert "&lt;!channel&gt;" in escaped
    body = json.dumps(slack_message([alert_view(evil_change())]), ensure_ascii=False)
    assert "<!" not in body
    assert "<https://evil.example" not in body
    assert "<@" not in body
    # our own link to the source is the one link, with its & escaped
    assert re.findall(r"<(https?://[^|>]+)\|", body) == ["https://news.example/evil?a=1&amp;b=2"]
    message = slack_message([alert_view(evil_change())])
    for block in message["blocks"]:
        for text in _texts(block):
            inner = re.sub(r"^\*|\*$", "", text.split("\n")[0])  # our bold wrapper
            assert "*Bold*" not in inner
    assert "<!" not in message["text"]


def _texts(block: dict[str, object]) -> list[str]:
    if block["type"] == "section":
        return [block["text"]["text"]]  # type: ignore[index]
    return [e["text"] for e in block.get("elements", [])]  # type: ignore[attr-defined]


def test_slack_alert_has_blocks_and_text_fallback() -> None:
    message = slack_message([alert_view(slip_change(), run_url="http://127.0.0.1:4200/runs/1")])
    assert message["text"] == headline(slip_change())
    texts = [t for b in message["blocks"] for t in _texts(b)]
    assert texts[0] == f"*{headline(slip_change())}*"
    assert any(
        NEW_SENTENCE in t and "<https://news.example/p3-delay|Example News>, 2024-05-02" in t
        for t in texts
    )
    assert any(OLD_SENTENCE in t and "*Before*" in t for t in texts)
    assert any("<http://127.0.0.1:4200/runs/1|Prefect run>" in t for t in texts)
    assert message["unfurl_links"] is False


def test_slack_limits_with_200_changes() -> None:
    long_sentence = "The plant will build the new model " + "and more " * 600
    views = []
    for i in range(200):
        change = slip_change()
        f = change.fact.with_(model=f"Model {i}", evidence=Evidence(long_sentence, 0, 10))
        views.append(
            alert_view(
                Change(
                    kind=ChangeKind.REFINED,
                    fact=f,
                    previous=change.previous,
                    field="start",
                    old=change.old,
                    new=change.new,
                )
            )
        )
    message = slack_message(views, digest=True, run_url="http://127.0.0.1:4200/runs/1")
    blocks = message["blocks"]
    assert len(blocks) <= MAX_BLOCKS
    assert len(json.dumps(message, ensure_ascii=False)) <= MAX_MESSAGE_CHARS
    assert all(len(t) <= MAX_SECTION_CHARS for b in blocks for t in _texts(b))
    note = _texts(blocks[-1])[0]
    shown = len(blocks) - 2  # header and note
    assert note.startswith(f"… {201 - shown} more not shown")  # 200 changes + the run link group
    assert "…" in _texts(blocks[1])[0]  # long evidence cut with an ellipsis
    # one alert with a huge sentence stays within a section's limit
    huge = slip_change()
    huge = Change(
        kind=huge.kind,
        fact=huge.fact.with_(evidence=Evidence("x&y " * 3000, 0, 1)),
        previous=huge.previous,
        field="start",
        old=huge.old,
        new=huge.new,
        alert=True,
        months=6,
    )
    single = slack_message([alert_view(huge)])
    assert all(len(t) <= MAX_SECTION_CHARS for b in single["blocks"] for t in _texts(b))
    assert not re.search(r"&(?!amp;|lt;|gt;)", json.dumps(single))  # no entity cut in half


def test_email_message_multipart_headers_and_evidence() -> None:
    now = datetime(2024, 5, 2, 9, 30, tzinfo=UTC)
    view = alert_view(slip_change(), run_url="http://127.0.0.1:4200/runs/1")
    message = email_message(
        [view],
        key="k" * 64,
        sender="factwatch@example.com",
        to=["planner@example.com", "buyer@example.com"],
        now=now,
    )
    assert message["Message-ID"] == f"<{'k' * 64}@factwatch>"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Subject"] == "[factwatch] " + headline(slip_change())
    assert message["Date"] == "Thu, 02 May 2024 09:30:00 +0000"
    assert message["To"] == "planner@example.com, buyer@example.com"
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert NEW_SENTENCE in text and OLD_SENTENCE in text
    assert "<table" in html and NEW_SENTENCE in html and OLD_SENTENCE in html
    assert 'href="https://news.example/p3-delay"' in html
    assert "<style" not in html  # inline styles only


def test_email_headers_are_stripped_of_cr_lf() -> None:
    change = evil_change()
    injected = change.fact.with_(model="X\r\nBcc: victim@example.com")
    view = alert_view(Change(kind=ChangeKind.NEW, fact=injected, new="planned", alert=True))
    message = email_message(
        [view],
        key="abc\r\nX-Evil: 1",
        sender="f@example.com\nBcc: x@example.com",
        to=["a@example.com\r\nBcc: y@example.com"],
        now=datetime(2024, 1, 1, tzinfo=UTC),
    )
    raw = message.as_string()
    header_block = raw.split("\n\n", 1)[0]
    assert "\nBcc:" not in header_block and "\nX-Evil" not in header_block
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "<!channel>" not in html and "&lt;!channel&gt;" in html


def test_console_rich_shows_article_text_as_written() -> None:
    import io

    from alerts.console import ConsolePrinter

    change = slip_change()
    tricky = change.fact.with_(
        evidence=Evidence("[bold red]not markup[/] :smile: " + NEW_SENTENCE, 0, 5)
    )
    view = alert_view(
        Change(
            kind=change.kind,
            fact=tricky,
            previous=change.previous,
            field="start",
            old=change.old,
            new=change.new,
            alert=True,
            months=6,
        )
    )
    out = io.StringIO()
    ConsolePrinter(file=out).send([view], [{}])
    text = out.getvalue()
    assert headline(change) in text  # one line: no hard wrap into a pipe
    assert "[bold red]not markup[/] :smile:" in text
    assert "Example News, 2023-09-01, https://news.example/p3-sc" in text
    assert "\x1b[" not in text  # no colour codes into a file
