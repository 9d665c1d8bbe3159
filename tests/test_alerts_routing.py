"""Routing: which change goes where, thresholds, digests, quiet hours, the config file."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from alerts.errors import RoutingConfigError
from alerts.routing import (
    ChannelKind,
    DigestMode,
    QuietHours,
    Router,
    load_router,
    load_routing,
    parse_routing,
)
from factwatch.model import Change, ChangeKind, Evidence, Fact, FactType, FuzzyDate, Plant, Source

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "seeds" / "routing.example.yaml"

BUSAN = Plant(name="Busan plant", operator="Renault Korea Motors", city="Busan", country="KR")
SOUTH_CAROLINA = Plant(
    name="Ridgeville", operator="Volvo Cars", region="South Carolina", country="US"
)


def production(model: str, brand: str, plant: Plant, start: str) -> Fact:
    return Fact(
        type=FactType.PRODUCTION,
        evidence=Evidence(f"{model} production starts {start}.", 0, 10),
        source=Source(published="2024-05-02", url="https://news.example/a", publisher="Example"),
        confidence=0.9,
        model=model,
        brand=brand,
        plant=plant,
        status="planned",
        start=FuzzyDate.from_label(start),
    )


def slip(
    model: str = "Polestar 3",
    brand: str = "Polestar",
    plant: Plant = SOUTH_CAROLINA,
    old: str = "2024-summer",
    new: str = "2025-H1",
) -> Change:
    before = production(model, brand, plant, old)
    after = production(model, brand, plant, new)
    old_d, new_d = before.start, after.start
    assert old_d and new_d
    return Change(
        kind=ChangeKind.CHANGED,
        fact=after,
        previous=before,
        field="start",
        old=old_d,
        new=new_d,
        alert=True,
        months=new_d.months_after(old_d),
    )


def capacity(old: float, new: float) -> Change:
    def fact(value: float) -> Fact:
        return Fact(
            type=FactType.PLANT_CAPACITY,
            evidence=Evidence("capacity", 0, 8),
            source=Source(published="2024-05-02", publisher="Example"),
            confidence=0.8,
            plant=BUSAN,
            value=value,
            unit="vehicles/year",
        )

    return Change(
        kind=ChangeKind.CHANGED,
        fact=fact(new),
        previous=fact(old),
        field="value",
        old=old,
        new=new,
        alert=True,
    )


def with_kind(change: Change, kind: ChangeKind, *, alert: bool = False) -> Change:
    return Change(
        kind=kind,
        fact=change.fact,
        previous=change.previous,
        field=change.field,
        old=change.old,
        new=change.new,
        alert=alert,
    )


CONFIG = {
    "channels": {
        "console": {"kind": "console"},
        "slack-us": {"kind": "slack", "webhook_env": "SLACK_US_URL", "digest": "off"},
        "slack-korea": {"kind": "slack", "webhook_env": "SLACK_KR_URL", "digest": "run"},
        "email": {"kind": "email", "to": ["planner@example.com"], "digest": "daily"},
    },
    "thresholds": {"min_slip_months": 3, "min_change_pct": 10},
    "rules": [
        {"channels": ["console"]},
        {"channels": ["slack-us"], "types": ["production", "plant_status"], "countries": ["US"]},
        {"channels": ["slack-korea"], "companies": ["Renault Korea"], "min_change_pct": 25},
        {"channels": ["email"], "companies": ["polestar"], "min_slip_months": 9},
    ],
}


def router() -> Router:
    return Router(parse_routing(CONFIG, source="test.yaml"))


def test_defaults_console_only_then_slack_and_email_when_configured() -> None:
    assert [c.name for c in load_routing(None, env={}).channels] == ["console"]
    env = {
        "FACTWATCH_SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/X",
        "FACTWATCH_SMTP_HOST": "smtp.example.com",
        "FACTWATCH_EMAIL_TO": "a@example.com",
    }
    config = load_routing(None, env=env)
    assert [(c.name, c.kind) for c in config.channels] == [
        ("console", ChannelKind.CONSOLE),
        ("slack", ChannelKind.SLACK),
        ("email", ChannelKind.EMAIL),
    ]
    routes = Router(config).route(slip())
    assert routes == [("console", False), ("slack", False), ("email", False)]
    # only the host, no recipient: no email channel
    assert [c.name for c in load_routing(None, env={"FACTWATCH_SMTP_HOST": "x"}).channels] == [
        "console"
    ]


def test_type_and_country_filters() -> None:
    r = router()
    us_slip = slip()  # Polestar 3 in South Carolina (US), +6 months
    routes = dict(r.route(us_slip))
    assert routes["slack-us"] is False  # alert
    assert "slack-korea" not in routes  # not Renault Korea
    kr_capacity = capacity(200_000, 300_000)
    routes = dict(r.route(kr_capacity))
    assert "slack-us" not in routes  # wrong type and country
    assert routes["slack-korea"] is False


def test_company_filter_matches_operator_brand_and_aliases_folded() -> None:
    r = router()
    # brand "Polestar" matches the email rule's "polestar"; model filter works with or without brand
    assert dict(r.route(slip(old="2024-summer", new="2025-summer")))["email"] is False  # +12 months
    config = parse_routing(
        {
            "channels": {"console": {}},
            "rules": [{"channels": ["console"], "models": ["Polestar 4"]}],
        }
    )
    change = slip(model="4", brand="Polestar")
    assert Router(config).route(change) == [("console", False)]
    assert Router(config).route(slip(model="EX30", brand="Volvo")) == []


def test_min_slip_months() -> None:
    r = router()
    small = slip(old="2024-summer", new="2024-autumn")  # +3 months: passes the default 3
    assert small.months == 3
    assert dict(r.route(small))["slack-us"] is False
    # the email rule asks for 9 months: a +6 months slip goes to its digest instead
    assert dict(r.route(slip()))["email"] is True
    tiny = slip(old="2024-06", new="2024-08")  # +2 months: below 3
    routes = dict(r.route(tiny))
    assert "slack-us" not in routes  # no digest on slack-us: nothing
    assert routes["console"] is True  # console has a digest: it lands there
    # a pull-in counts by its size too
    assert dict(r.route(slip(old="2025-H1", new="2024-summer")))["slack-us"] is False


def test_date_set_from_unknown_always_alerts() -> None:
    change = slip()
    first = Change(
        kind=ChangeKind.CHANGED,
        fact=change.fact,
        previous=change.previous,
        field="start",
        old=None,
        new=change.new,
        alert=True,
    )
    assert dict(router().route(first))["email"] is False


def test_min_capacity_change_percent() -> None:
    r = router()
    assert dict(r.route(capacity(200_000, 215_000)))["console"] is True  # +7.5 % < 10 %: digest
    assert dict(r.route(capacity(200_000, 230_000)))["console"] is False  # +15 %
    assert dict(r.route(capacity(200_000, 230_000)))["slack-korea"] is True  # needs 25 %
    assert dict(r.route(capacity(200_000, 140_000)))["slack-korea"] is False  # −30 %


def test_refined_and_confirmed_are_digest_only_and_stale_nothing() -> None:
    r = router()
    refined = with_kind(slip(old="2024", new="2024-summer"), ChangeKind.REFINED)
    routes = r.route(refined)
    assert ("console", True) in routes
    assert all(digest for _, digest in routes)
    assert "slack-us" not in dict(routes)  # slack-us has digest: off
    confirmed = with_kind(slip(), ChangeKind.CONFIRMED, alert=False)
    assert all(digest for _, digest in r.route(confirmed))
    assert r.route(with_kind(slip(), ChangeKind.STALE)) == []
    # new/changed with alert=False is not an alert either
    assert all(digest for _, digest in r.route(with_kind(slip(), ChangeKind.CHANGED, alert=False)))


def test_quiet_hours_with_injected_now() -> None:
    config = parse_routing(
        {
            "quiet_hours": {"start": "22:00", "end": "07:00", "timezone": "Europe/Paris"},
            "channels": {"console": {}, "slack": {"webhook_env": "X"}},
        }
    )
    r = Router(config)
    night = datetime(2024, 5, 2, 21, 30, tzinfo=UTC)  # 23:30 in Paris
    until = r.quiet_until("slack", night)
    assert until is not None and until.astimezone(UTC) == datetime(2024, 5, 3, 5, 0, tzinfo=UTC)
    assert r.quiet_until("slack", datetime(2024, 5, 2, 10, 0, tzinfo=UTC)) is None  # noon
    assert r.quiet_until("console", night) is None  # the console has no quiet hours
    early = datetime(2024, 5, 3, 4, 59, tzinfo=UTC)  # 06:59 Paris
    assert r.quiet_until("slack", early) is not None
    day_window = QuietHours(start=time(12), end=time(14), timezone="UTC")
    assert day_window.until(datetime(2024, 1, 1, 13, tzinfo=UTC)) == datetime(
        2024, 1, 1, 14, tzinfo=UTC
    )
    assert day_window.until(datetime(2024, 1, 1, 14, tzinfo=UTC)) is None


def test_digest_modes_parse() -> None:
    config = parse_routing(CONFIG)
    assert config.channel("slack-us").digest == DigestMode.OFF
    assert config.channel("slack-korea").digest == DigestMode.RUN
    email = config.channel("email")
    assert email.digest == DigestMode.PERIOD and email.digest_period == timedelta(days=1)
    assert parse_routing({"channels": {"console": {"digest": "6h"}}}).channel(
        "console"
    ).digest_period == timedelta(hours=6)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"channels": {"x": {"kind": "pager"}}},
            "channels.x.kind: 'pager' is not console, slack or email",
        ),
        (
            {"channels": {"slack": {"webhook_env": "https://hooks.slack.com/x"}}},
            "NAME of an environment variable",
        ),
        (
            {"channels": {"console": {}}, "rules": [{"channels": ["slack"]}]},
            "rules[1].channels: 'slack' is not a channel",
        ),
        (
            {
                "channels": {"console": {}},
                "rules": [{"channels": ["console"], "types": ["gossip"]}],
            },
            "'gossip' is not a fact type",
        ),
        ({"channels": {"console": {"digest": "sometimes"}}}, "channels.console.digest"),
        ({"thresholds": {"min_slip_months": -1}}, "thresholds.min_slip_months: must be a number"),
        ({"channels": {"console": {"colour": "red"}}}, "unknown option 'colour'"),
        (
            {"quiet_hours": {"start": "22:00", "end": "07:00", "timezone": "Mars/Olympus"}},
            "unknown time zone",
        ),
    ],
)
def test_bad_config_is_one_clear_line(data: object, message: str) -> None:
    with pytest.raises(RoutingConfigError) as info:
        parse_routing(data, source="routing.yaml")
    text = str(info.value)
    assert text.startswith("routing.yaml: ")
    assert message in text
    assert "\n" not in text


def test_unreadable_and_invalid_files(tmp_path: Path) -> None:
    with pytest.raises(RoutingConfigError, match="cannot read the routing file"):
        load_routing(tmp_path / "missing.yaml", env={})
    bad = tmp_path / "bad.yaml"
    bad.write_text("channels: [unclosed\n", encoding="utf-8")
    with pytest.raises(RoutingConfigError, match=r"bad.yaml: not valid YAML at line \d"):
        load_routing(bad, env={})


def test_the_documented_example_loads_and_routes() -> None:
    config = load_routing(EXAMPLE, env={})
    assert {c.kind for c in config.channels} == {
        ChannelKind.CONSOLE,
        ChannelKind.SLACK,
        ChannelKind.EMAIL,
    }
    routes = Router(config).route(slip())
    assert routes  # the example sends a 6-month US slip somewhere
    assert load_router(EXAMPLE, env={}).config == config
    # the routing path can come from FACTWATCH_ROUTING
    assert load_routing(None, env={"FACTWATCH_ROUTING": str(EXAMPLE)}) == config


def test_min_confidence_sends_unsure_facts_to_the_digest() -> None:
    config = parse_routing(
        {
            "channels": {"console": {}, "slack": {"webhook_env": "X", "digest": "off"}},
            "thresholds": {"min_confidence": 0.8},
            "rules": [
                {"channels": ["console", "slack"]},
                {"channels": ["slack"], "min_confidence": 0.95},
            ],
        }
    )
    change = slip()  # confidence 0.9
    assert Router(config).route(change) == [("console", False), ("slack", False)]
    unsure = Change(
        kind=change.kind,
        fact=change.fact.with_(confidence=0.6),
        previous=change.previous,
        field="start",
        old=change.old,
        new=change.new,
        alert=True,
        months=change.months,
    )
    assert Router(config).route(unsure) == [("console", True)]  # slack has no digest
    with pytest.raises(RoutingConfigError, match="min_confidence: must be between 0 and 1"):
        parse_routing({"thresholds": {"min_confidence": 80}})
