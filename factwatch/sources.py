"""The sources file: which feeds the monitor reads, in which language, under which group.

The file is YAML (default `seeds/feeds.yaml`, overridden by `FACTWATCH_SOURCES`)::

    groups:
      fr-trade:                 # group name, reported with each entry
        lang: fr                # default language of the group's feeds (fr, en, de)
        feeds:
          - name: Journal de l'Automobile
            url: https://www.journalauto.com/rss
            selector: div.article-body   # optional CSS selector for the article body
            enabled: false               # optional, default true
            lang: en                     # optional, overrides the group's language

A flat `feeds:` list whose entries each carry `group` and `lang` is accepted too.
Loading is pure apart from reading the one file; every validation problem is one
`SourcesError` line naming the file and the entry.

Errors::

    ValueError
     └── SourcesError      the file is missing, unreadable, not YAML or an entry is invalid
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import soupsieve
import yaml

__all__ = [
    "DEFAULT_SOURCES_PATH",
    "SOURCES_ENV",
    "FeedSource",
    "Lang",
    "Sources",
    "SourcesError",
    "load_sources",
    "parse_sources",
    "sources_path",
]

log = logging.getLogger(__name__)

SOURCES_ENV = "FACTWATCH_SOURCES"
DEFAULT_SOURCES_PATH = Path(__file__).resolve().parents[1] / "seeds" / "feeds.yaml"

_FEED_KEYS = frozenset({"name", "url", "lang", "group", "selector", "enabled"})
_GROUP_KEYS = frozenset({"lang", "feeds", "enabled"})


class Lang(StrEnum):
    FR = "fr"
    EN = "en"
    DE = "de"


class SourcesError(ValueError):
    """The sources file cannot be used; the message is one line naming file and entry."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


@dataclass(frozen=True, slots=True)
class FeedSource:
    """One feed the monitor reads."""

    url: str
    name: str
    lang: Lang
    group: str
    selector: str | None = None
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class Sources:
    """The parsed sources file, feeds in file order."""

    path: str
    feeds: tuple[FeedSource, ...]

    @property
    def enabled(self) -> tuple[FeedSource, ...]:
        return tuple(feed for feed in self.feeds if feed.enabled)

    @property
    def groups(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(feed.group for feed in self.feeds))

    def in_group(self, group: str) -> tuple[FeedSource, ...]:
        return tuple(feed for feed in self.feeds if feed.group == group)

    def for_url(self, url: str) -> FeedSource | None:
        return next((feed for feed in self.feeds if feed.url == url), None)


def sources_path(*, environ: Mapping[str, str] | None = None) -> Path:
    """The sources file to read: `FACTWATCH_SOURCES` when set, else seeds/feeds.yaml."""
    env = os.environ if environ is None else environ
    value = env.get(SOURCES_ENV, "").strip()
    return Path(value).expanduser() if value else DEFAULT_SOURCES_PATH


def load_sources(
    path: str | os.PathLike[str] | None = None, *, environ: Mapping[str, str] | None = None
) -> Sources:
    """Read and validate the sources file (`path`, else `sources_path()`)."""
    file = Path(path) if path is not None else sources_path(environ=environ)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourcesError(str(file), "sources file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(str(file), f"cannot read the sources file ({exc})") from None
    sources = parse_sources(text, origin=str(file))
    log.debug(
        "loaded %s feeds (%s enabled) from %s", len(sources.feeds), len(sources.enabled), file
    )
    return sources


def parse_sources(text: str, *, origin: str = "<sources>") -> Sources:
    """Validate the YAML text of a sources file; `origin` names it in errors."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise SourcesError(origin, f"not valid YAML{where}: {problem}") from None
    if not isinstance(data, Mapping):
        raise SourcesError(origin, "expected a mapping with 'groups' or 'feeds' at the top")
    unknown = set(data) - {"groups", "feeds"}
    if unknown:
        raise SourcesError(
            origin, f"unknown top-level key(s): {', '.join(sorted(map(str, unknown)))}"
        )

    feeds: list[FeedSource] = []
    groups = data.get("groups") or {}
    if not isinstance(groups, Mapping):
        raise SourcesError(origin, "'groups' must be a mapping of group name to its feeds")
    for group_name, group in groups.items():
        where = f"groups.{group_name}"
        if not isinstance(group, Mapping):
            raise SourcesError(origin, f"{where}: expected a mapping with 'lang' and 'feeds'")
        _check_keys(origin, where, group, _GROUP_KEYS)
        entries = group.get("feeds") or []
        if not isinstance(entries, list):
            raise SourcesError(origin, f"{where}.feeds: expected a list of feeds")
        defaults = {"group": str(group_name)}
        if "lang" in group:
            defaults["lang"] = group["lang"]
        if "enabled" in group:
            defaults["enabled"] = group["enabled"]
        for index, entry in enumerate(entries):
            feeds.append(_feed(origin, f"{where}.feeds[{index}]", entry, defaults))

    flat = data.get("feeds") or []
    if not isinstance(flat, list):
        raise SourcesError(origin, "'feeds' must be a list of feeds")
    for index, entry in enumerate(flat):
        feeds.append(_feed(origin, f"feeds[{index}]", entry, {}))

    seen: dict[str, str] = {}
    for feed in feeds:
        if feed.url in seen:
            raise SourcesError(
                origin,
                f"feed {feed.name!r}: url {feed.url} is already listed as {seen[feed.url]!r}",
            )
        seen[feed.url] = feed.name
    return Sources(path=origin, feeds=tuple(feeds))


def _check_keys(origin: str, where: str, entry: Mapping[Any, Any], allowed: frozenset[str]) -> None:
    unknown = set(map(str, entry)) - allowed
    if unknown:
        raise SourcesError(
            origin,
            f"{where}: unknown key(s) {', '.join(sorted(unknown))} (allowed: {', '.join(sorted(allowed))})",
        )


def _feed(origin: str, where: str, entry: object, defaults: Mapping[str, Any]) -> FeedSource:
    if not isinstance(entry, Mapping):
        raise SourcesError(origin, f"{where}: expected a mapping with 'name' and 'url'")
    _check_keys(origin, where, entry, _FEED_KEYS)
    values = {**defaults, **entry}
    name = values.get("name")
    if isinstance(name, bool | int | float):
        raise SourcesError(
            origin,
            f"{where}: 'name' {name!r} is not text; quote it (YAML reads Off, No, Yes as booleans)",
        )
    if not isinstance(name, str) or not name.strip():
        raise SourcesError(origin, f"{where}: 'name' is missing or empty")
    label = f"{where} ({name.strip()})"

    url = values.get("url")
    if not isinstance(url, str) or not url.strip():
        raise SourcesError(origin, f"{label}: 'url' is missing or empty")
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SourcesError(origin, f"{label}: url {url!r} is not an http(s) address")

    lang = values.get("lang")
    try:
        language = Lang(str(lang).strip().lower()) if lang is not None else None
    except ValueError:
        language = None
    if language is None:
        allowed = ", ".join(member.value for member in Lang)
        raise SourcesError(origin, f"{label}: lang {lang!r} is not one of {allowed}")

    group = values.get("group")
    if not isinstance(group, str) or not group.strip():
        raise SourcesError(origin, f"{label}: 'group' is missing (e.g. fr-trade, en-ev)")

    selector = values.get("selector")
    if selector is not None:
        if not isinstance(selector, str) or not selector.strip():
            raise SourcesError(origin, f"{label}: 'selector' must be a CSS selector string")
        selector = selector.strip()
        try:
            soupsieve.compile(selector)
        except soupsieve.SelectorSyntaxError as exc:
            first_line = str(exc).splitlines()[0]
            raise SourcesError(
                origin, f"{label}: selector {selector!r} is not valid CSS ({first_line})"
            ) from None

    enabled = values.get("enabled", True)
    if not isinstance(enabled, bool):
        raise SourcesError(origin, f"{label}: 'enabled' must be true or false, not {enabled!r}")

    return FeedSource(
        url=url,
        name=name.strip(),
        lang=language,
        group=group.strip(),
        selector=selector,
        enabled=enabled,
    )
