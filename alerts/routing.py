"""Which change goes to which channel, and when: the routing configuration.

The configuration is a YAML file (`seeds/routing.example.yaml` shows every option,
commented). Without a file the defaults are: everything to the console; to Slack as
soon as FACTWATCH_SLACK_WEBHOOK_URL is set; to email as soon as FACTWATCH_SMTP_HOST
and FACTWATCH_EMAIL_TO are set. Every default channel also takes a digest per run.

`Router.route(change)` is the callback the store calls while it records a change, in
the same transaction as the outbox rows it writes. It is pure: it looks only at the
change and the configuration (never at the clock or the environment), so a rerun
routes the same way.

- `new` / `changed` with `alert=True` that pass a channel's rules and thresholds →
  `(channel, False)`: an alert of its own.
- `refined` / `confirmed`, and `new` / `changed` that pass the rules' filters but not
  the thresholds (or carry `alert=False`) → `(channel, True)` on channels that have a
  digest: one line in the next digest.
- `stale` → nothing.

Quiet hours and digest periods are applied by the dispatcher (`Router.quiet_until`,
`ChannelConfig.digest`), with the `now` it is given.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from alerts.errors import RoutingConfigError
from factwatch.model import Change, ChangeKind, Fact, FactType, fold

__all__ = [
    "DEFAULT_EMAIL_TO_ENV",
    "DEFAULT_SLACK_WEBHOOK_ENV",
    "ROUTING_PATH_ENV",
    "ChannelConfig",
    "ChannelKind",
    "ConsoleFormat",
    "DigestMode",
    "QuietHours",
    "Router",
    "RoutingConfig",
    "Rule",
    "default_config",
    "load_router",
    "load_routing",
    "parse_routing",
]

logger = logging.getLogger(__name__)

ROUTING_PATH_ENV = "FACTWATCH_ROUTING"
DEFAULT_SLACK_WEBHOOK_ENV = "FACTWATCH_SLACK_WEBHOOK_URL"
DEFAULT_SMTP_HOST_ENV = "FACTWATCH_SMTP_HOST"
DEFAULT_EMAIL_TO_ENV = "FACTWATCH_EMAIL_TO"
DATE_FIELDS = frozenset({"start", "end", "date"})
AMOUNT_TYPES = frozenset({FactType.PLANT_CAPACITY, FactType.PLANT_WORKFORCE})


class ChannelKind(StrEnum):
    CONSOLE = "console"
    SLACK = "slack"
    EMAIL = "email"


class ConsoleFormat(StrEnum):
    RICH = "rich"
    JSONL = "jsonl"


class DigestMode(StrEnum):
    OFF = "off"
    RUN = "run"  # one digest message per dispatch run
    PERIOD = "period"  # one digest once the oldest waiting line is `period` old


@dataclass(frozen=True, slots=True)
class QuietHours:
    """A daily window (local time in `timezone`) during which deliveries wait.

    `start` > `end` spans midnight (22:00 → 07:00). Nothing is dropped: the items stay
    pending and go out on the first dispatch after the window.
    """

    start: time
    end: time
    timezone: str = "UTC"

    def until(self, now: datetime) -> datetime | None:
        """The end of the quiet window `now` falls in (aware datetime), or None."""
        zone = ZoneInfo(self.timezone)
        local = (now if now.tzinfo else now.replace(tzinfo=UTC)).astimezone(zone)
        clock = local.time().replace(tzinfo=None)
        if self.start == self.end:
            return None
        if self.start < self.end:
            inside = self.start <= clock < self.end
            day = local.date()
        else:  # spans midnight
            inside = clock >= self.start or clock < self.end
            day = local.date() + timedelta(days=1) if clock >= self.start else local.date()
        if not inside:
            return None
        return datetime.combine(day, self.end, tzinfo=zone)


@dataclass(frozen=True, slots=True)
class ChannelConfig:
    """One named channel. Secrets are never here: only the names of where they live."""

    name: str
    kind: ChannelKind
    digest: DigestMode = DigestMode.RUN
    digest_period: timedelta | None = None
    quiet_hours: QuietHours | None = None
    # slack
    webhook_env: str | None = None
    webhook_block: str | None = None
    # email
    to: tuple[str, ...] = ()
    to_env: str | None = None
    sender: str | None = None
    # console
    format: ConsoleFormat = ConsoleFormat.RICH


@dataclass(frozen=True, slots=True)
class Rule:
    """Changes matching every filter set here go to `channels` (empty filter = any).

    Thresholds left at None fall back to the configuration's defaults. A change
    below a threshold (slip months, capacity/workforce %, extraction confidence) is
    not an alert for this rule; it goes to the channel's digest when it has one.
    """

    channels: tuple[str, ...]
    types: frozenset[FactType] = frozenset()
    companies: frozenset[str] = frozenset()  # folded
    brands: frozenset[str] = frozenset()
    models: frozenset[str] = frozenset()
    plants: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()  # upper-case ISO alpha-2
    min_slip_months: int | None = None
    min_change_pct: float | None = None
    min_confidence: float | None = None

    def matches(self, change: Change) -> bool:
        facts = [f for f in (change.fact, change.previous) if f is not None]
        if self.types and change.type not in self.types:
            return False
        if self.countries and not any(
            f.plant and (f.plant.country or "").upper() in self.countries for f in facts
        ):
            return False
        if self.models and not any(self.models & _models(f) for f in facts):
            return False
        named: list[tuple[frozenset[str], Any]] = [
            (self.companies, _companies),
            (self.brands, lambda f: {fold(f.brand)} - {""}),
            (self.plants, _plants),
        ]
        for wanted, names_of in named:
            if wanted and not any(_names_match(wanted, names_of(f)) for f in facts):
                return False
        return True


def _names_match(wanted: frozenset[str], names: set[str]) -> bool:
    """A wanted name matches when its words are among a name's words.

    "Renault Korea" matches "Renault Korea Motors"; "Renault" matches both (a group
    filter catches its subsidiaries); "Busan" matches the "Busan plant".
    """
    name_words = [set(n.split()) for n in names]
    return any(set(w.split()) <= words for w in wanted for words in name_words)


def _companies(fact: Fact) -> set[str]:
    names = {fact.company, fact.brand, *(fact.parties or ())}
    if fact.plant:
        names.add(fact.plant.operator)
    return {fold(n) for n in names if n}


def _models(fact: Fact) -> set[str]:
    if not fact.model:
        return set()
    models = {fold(fact.model)}
    if fact.brand:
        models.add(fold(f"{fact.brand} {fact.model}"))
    return models


def _plants(fact: Fact) -> set[str]:
    if not fact.plant:
        return set()
    plant = fact.plant
    return {fold(p) for p in (plant.name, plant.city, plant.region, plant.kb_id) if p}


@dataclass(frozen=True, slots=True)
class RoutingConfig:
    channels: tuple[ChannelConfig, ...]
    rules: tuple[Rule, ...] = ()
    min_slip_months: int = 0
    min_change_pct: float = 0.0
    min_confidence: float = 0.0
    source: str = "defaults"  # the file it came from, for messages

    def channel(self, name: str) -> ChannelConfig:
        for channel in self.channels:
            if channel.name == name:
                return channel
        raise KeyError(name)


@dataclass(frozen=True, slots=True)
class Router:
    """The store's `route` callback and the dispatcher's view of the channels."""

    config: RoutingConfig = field(default_factory=lambda: default_config({}))

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Router:
        """The routing file named by FACTWATCH_ROUTING, else the defaults."""
        return cls(load_routing(None, env=env))

    @property
    def channel_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.config.channels)

    def route(self, change: Change) -> list[tuple[str, bool]]:
        """[(channel, digest_only)] for one change; see the module docstring."""
        if change.kind == ChangeKind.STALE:
            return []
        alertable = change.kind in (ChangeKind.NEW, ChangeKind.CHANGED) and change.alert
        routes: list[tuple[str, bool]] = []
        for channel in self.config.channels:
            rules = self._rules_for(channel.name)
            matching = [r for r in rules if r.matches(change)]
            if not matching:
                continue
            if alertable and any(self._passes_thresholds(r, change) for r in matching):
                routes.append((channel.name, False))
            elif channel.digest != DigestMode.OFF:
                routes.append((channel.name, True))
        return routes

    def quiet_until(self, channel: str, now: datetime) -> datetime | None:
        quiet = self.config.channel(channel).quiet_hours
        return quiet.until(now) if quiet else None

    def _rules_for(self, channel: str) -> list[Rule]:
        if not self.config.rules:
            return [Rule(channels=(channel,))]
        return [r for r in self.config.rules if channel in r.channels]

    def _passes_thresholds(self, rule: Rule, change: Change) -> bool:
        min_slip = (
            rule.min_slip_months
            if rule.min_slip_months is not None
            else self.config.min_slip_months
        )
        min_pct = (
            rule.min_change_pct if rule.min_change_pct is not None else self.config.min_change_pct
        )
        min_conf = (
            rule.min_confidence if rule.min_confidence is not None else self.config.min_confidence
        )
        if change.fact.confidence < min_conf:
            return False
        if change.field in DATE_FIELDS and change.months is not None and change.old is not None:
            return abs(change.months) >= min_slip
        if change.type in AMOUNT_TYPES and change.field == "value":
            pct = percent_change(change.old, change.new)
            return pct is None or abs(pct) >= min_pct
        return True


def percent_change(old: Any, new: Any) -> float | None:
    """Signed % from old to new, or None when either is unknown or old is 0."""
    if not isinstance(old, int | float) or not isinstance(new, int | float) or old == 0:
        return None
    return (float(new) - float(old)) / abs(float(old)) * 100.0


# --------------------------------------------------------------------------- loading


def default_config(env: Mapping[str, str]) -> RoutingConfig:
    """Console always; Slack and email when the environment configures them."""
    channels = [ChannelConfig(name="console", kind=ChannelKind.CONSOLE)]
    if env.get(DEFAULT_SLACK_WEBHOOK_ENV):
        channels.append(
            ChannelConfig(
                name="slack", kind=ChannelKind.SLACK, webhook_env=DEFAULT_SLACK_WEBHOOK_ENV
            )
        )
    if env.get(DEFAULT_SMTP_HOST_ENV) and env.get(DEFAULT_EMAIL_TO_ENV):
        channels.append(
            ChannelConfig(name="email", kind=ChannelKind.EMAIL, to_env=DEFAULT_EMAIL_TO_ENV)
        )
    return RoutingConfig(channels=tuple(channels))


def load_router(path: Path | str | None = None, *, env: Mapping[str, str] | None = None) -> Router:
    """`Router(load_routing(path))`: the routing file (or FACTWATCH_ROUTING's, or defaults)."""
    return Router(load_routing(path, env=env))


def load_routing(path: Path | str | None, *, env: Mapping[str, str] | None = None) -> RoutingConfig:
    """Read a routing file; with no path, the file FACTWATCH_ROUTING names, else defaults.

    Raises RoutingConfigError (one line naming the file and the option) on a bad file.
    """
    env = os.environ if env is None else env
    if path is None:
        path = env.get(ROUTING_PATH_ENV) or None
    if path is None:
        return default_config(env)
    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise RoutingConfigError(
            f"cannot read the routing file ({exc.strerror})", path=where
        ) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        raise RoutingConfigError(f"not valid YAML{line}", path=where) from None
    return parse_routing(data, source=where)


_PERIOD_RE = re.compile(r"^(\d+)\s*(m|h|d|w)$")
_PERIOD_WORDS = {"hourly": "1h", "daily": "1d", "weekly": "1w"}
_PERIOD_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_TOP_KEYS = {"channels", "rules", "thresholds", "quiet_hours"}
_CHANNEL_KEYS = {
    "kind",
    "digest",
    "quiet_hours",
    "webhook_env",
    "webhook_block",
    "to",
    "to_env",
    "from",
    "format",
}
_RULE_KEYS = {
    "channels",
    "types",
    "companies",
    "brands",
    "models",
    "plants",
    "countries",
    "min_slip_months",
    "min_change_pct",
    "min_confidence",
}


def parse_routing(data: Any, *, source: str = "routing") -> RoutingConfig:
    """Build a RoutingConfig from parsed YAML; RoutingConfigError names the bad option."""

    def fail(message: str) -> RoutingConfigError:
        return RoutingConfigError(message, path=source)

    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise fail("the top level must be a mapping (channels:, rules:, thresholds:)")
    _check_keys(data, _TOP_KEYS, "top level", fail)
    thresholds = data.get("thresholds") or {}
    if not isinstance(thresholds, dict):
        raise fail("thresholds: must be a mapping")
    _check_keys(
        thresholds, {"min_slip_months", "min_change_pct", "min_confidence"}, "thresholds", fail
    )
    default_quiet = _quiet(data.get("quiet_hours"), "quiet_hours", fail)

    raw_channels = data.get("channels")
    if raw_channels is None:
        raw_channels = {"console": {"kind": "console"}}
    if not isinstance(raw_channels, dict) or not raw_channels:
        raise fail("channels: must be a mapping of channel names to their settings")
    channels = [
        _channel(str(name), spec or {}, default_quiet, fail) for name, spec in raw_channels.items()
    ]
    names = {c.name for c in channels}

    raw_rules = data.get("rules") or []
    if not isinstance(raw_rules, list):
        raise fail("rules: must be a list")
    rules = [_rule(i, spec, names, fail) for i, spec in enumerate(raw_rules, 1)]
    return RoutingConfig(
        channels=tuple(channels),
        rules=tuple(rules),
        min_slip_months=_number(
            thresholds.get("min_slip_months", 0), "thresholds.min_slip_months", fail, integer=True
        ),
        min_change_pct=_number(
            thresholds.get("min_change_pct", 0), "thresholds.min_change_pct", fail
        ),
        min_confidence=_confidence(thresholds.get("min_confidence", 0), "thresholds", fail),
        source=source,
    )


def _check_keys(spec: Mapping[str, Any], allowed: set[str], where: str, fail: Any) -> None:
    unknown = sorted(set(map(str, spec)) - allowed)
    if unknown:
        raise fail(
            f"{where}: unknown option {unknown[0]!r} (expected one of {', '.join(sorted(allowed))})"
        )


def _channel(name: str, spec: Any, default_quiet: QuietHours | None, fail: Any) -> ChannelConfig:
    where = f"channels.{name}"
    if not isinstance(spec, dict):
        raise fail(f"{where}: must be a mapping")
    _check_keys(spec, _CHANNEL_KEYS, where, fail)
    kind_text = spec.get("kind", name)
    try:
        kind = ChannelKind(str(kind_text))
    except ValueError:
        raise fail(f"{where}.kind: {kind_text!r} is not console, slack or email") from None
    digest, period = _digest(spec.get("digest", "run"), f"{where}.digest", fail)
    quiet = (
        _quiet(spec["quiet_hours"], f"{where}.quiet_hours", fail)
        if "quiet_hours" in spec
        else (default_quiet if kind != ChannelKind.CONSOLE else None)
    )
    for key in ("webhook_env", "to_env"):
        value = spec.get(key)
        if value is not None and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", str(value)):
            raise fail(f"{where}.{key}: must be the NAME of an environment variable, not its value")
    to = spec.get("to") or ()
    if isinstance(to, str):
        to = tuple(a.strip() for a in to.split(",") if a.strip())
    try:
        console_format = ConsoleFormat(str(spec.get("format", "rich")))
    except ValueError:
        raise fail(f"{where}.format: must be rich or jsonl") from None
    config = ChannelConfig(
        name=name,
        kind=kind,
        digest=digest,
        digest_period=period,
        quiet_hours=quiet,
        webhook_env=spec.get("webhook_env"),
        webhook_block=spec.get("webhook_block"),
        to=tuple(map(str, to)),
        to_env=spec.get("to_env"),
        sender=spec.get("from"),
        format=console_format,
    )
    if kind == ChannelKind.SLACK and not (config.webhook_env or config.webhook_block):
        config = _with(config, webhook_env=DEFAULT_SLACK_WEBHOOK_ENV)
    if kind == ChannelKind.EMAIL and not (config.to or config.to_env):
        config = _with(config, to_env=DEFAULT_EMAIL_TO_ENV)
    return config


def _with(config: ChannelConfig, **changes: Any) -> ChannelConfig:
    return replace(config, **changes)


def _digest(value: Any, where: str, fail: Any) -> tuple[DigestMode, timedelta | None]:
    if value is False or value is None:
        return DigestMode.OFF, None
    text = str(value).strip().lower()
    if text in ("off", "run"):
        return DigestMode(text), None
    match = _PERIOD_RE.match(_PERIOD_WORDS.get(text, text))
    if not match:
        raise fail(f"{where}: {value!r} is not off, run, or a period like 1h, 12h, 1d, daily")
    amount = int(match[1])
    if amount <= 0:
        raise fail(f"{where}: the period must be positive")
    return DigestMode.PERIOD, timedelta(**{_PERIOD_UNITS[match[2]]: amount})


def _quiet(value: Any, where: str, fail: Any) -> QuietHours | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise fail(f"{where}: must be a mapping with start, end and timezone")
    _check_keys(value, {"start", "end", "timezone"}, where, fail)
    try:
        start = _clock(value["start"])
        end = _clock(value["end"])
    except (KeyError, ValueError):
        raise fail(f"{where}: start and end must be times like 22:00") from None
    zone = str(value.get("timezone", "UTC"))
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise fail(f"{where}.timezone: unknown time zone {zone!r}") from None
    return QuietHours(start=start, end=end, timezone=zone)


def _clock(value: Any) -> time:
    if isinstance(value, int):  # YAML 1.1 reads 22:00 as a sexagesimal int (1320)
        return time(value // 60 % 24, value % 60)
    return time.fromisoformat(str(value).strip())


def _rule(index: int, spec: Any, channel_names: set[str], fail: Any) -> Rule:
    where = f"rules[{index}]"
    if not isinstance(spec, dict):
        raise fail(f"{where}: must be a mapping")
    _check_keys(spec, _RULE_KEYS, where, fail)
    channels = _strings(spec.get("channels"), f"{where}.channels", fail)
    if not channels:
        raise fail(f"{where}.channels: name at least one channel")
    for name in channels:
        if name not in channel_names:
            raise fail(f"{where}.channels: {name!r} is not a channel defined under channels:")
    types: set[FactType] = set()
    for text in _strings(spec.get("types"), f"{where}.types", fail):
        try:
            types.add(FactType(text))
        except ValueError:
            raise fail(f"{where}.types: {text!r} is not a fact type") from None
    slip = spec.get("min_slip_months")
    pct = spec.get("min_change_pct")
    conf = spec.get("min_confidence")
    return Rule(
        channels=tuple(channels),
        types=frozenset(types),
        companies=_folded(spec.get("companies"), f"{where}.companies", fail),
        brands=_folded(spec.get("brands"), f"{where}.brands", fail),
        models=_folded(spec.get("models"), f"{where}.models", fail),
        plants=_folded(spec.get("plants"), f"{where}.plants", fail),
        countries=frozenset(
            s.upper() for s in _strings(spec.get("countries"), f"{where}.countries", fail)
        ),
        min_slip_months=None
        if slip is None
        else _number(slip, f"{where}.min_slip_months", fail, integer=True),
        min_change_pct=None if pct is None else _number(pct, f"{where}.min_change_pct", fail),
        min_confidence=None if conf is None else _confidence(conf, where, fail),
    )


def _confidence(value: Any, where: str, fail: Any) -> float:
    number = float(_number(value, f"{where}.min_confidence", fail))
    if number > 1:
        raise fail(f"{where}.min_confidence: must be between 0 and 1")
    return number


def _strings(value: Any, where: str, fail: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise fail(f"{where}: must be a list of names")
    return [str(v) for v in value]


def _folded(value: Any, where: str, fail: Any) -> frozenset[str]:
    return frozenset(f for f in (fold(s) for s in _strings(value, where, fail)) if f)


def _number(value: Any, where: str, fail: Any, *, integer: bool = False) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise fail(f"{where}: must be a number ≥ 0")
    return int(value) if integer else float(value)
