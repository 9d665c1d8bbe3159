"""The one module that owns HTTP: polite, capped, SSRF-guarded GETs with httpx.

Pure helpers (`canonical_url`, `address_block_reason`, `parse_retry_after`,
`content_type_accepted`, `resolve_redirect`) and one shell, `Fetcher`, which takes
its `httpx.AsyncClient` from the caller (or builds a guarded one) and returns
`FetchResult` bytes; parsers never open a URL themselves.

What a `Fetcher.get` does, in order, for every hop of a redirect chain:
scheme check (http/https only) → address check (resolve, refuse private ranges) →
robots.txt (fetched once per origin, `protego`) → per-host slot (semaphore +
minimum interval from Crawl-delay) → GET with conditional headers, streamed →
status / content-type / size checks → bytes. Time spent queueing for a host's slot
(or for its robots.txt) does not count against `total_timeout`: politeness never
turns into a timeout; the network part of each GET is bounded.

DNS rebinding: the check above resolves the name before any connection, so a
refused name is never connected to. With the client the Fetcher builds itself
(`guarded_transport`), the connection is then made by a network backend that
resolves again, checks every address, and connects *to the checked IP* (TLS SNI and
Host stay the hostname), so a name that changes its answer between the two
resolutions cannot slip a private address through. With a client injected by the
caller, only the pre-connect check applies: a small rebinding window remains, and
callers who care pass `httpx.AsyncClient(transport=guarded_transport(policy))`.

Errors: every failure raises a `FetchError` (see its docstring); nothing returns
None on failure.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import os
import socket
import time
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from types import MappingProxyType
from typing import Any, ClassVar
from urllib.parse import unquote_plus, urlsplit, urlunsplit

import httpcore
import httpx
from protego import Protego

from factwatch import __version__

__all__ = [
    "DEFAULT_POLICY",
    "FEED_TYPES",
    "HTML_TYPES",
    "TEXT_TYPES",
    "BlockedAddress",
    "BodyTooLarge",
    "ConnectError",
    "FetchError",
    "FetchPolicy",
    "FetchResult",
    "FetchTimeout",
    "Fetcher",
    "HTTPStatusError",
    "InvalidURL",
    "RateLimited",
    "Resolver",
    "RobotsDisallowed",
    "RobotsUnavailable",
    "TooManyRedirects",
    "UnsupportedContentType",
    "address_block_reason",
    "canonical_url",
    "content_type_accepted",
    "get_with_retries",
    "guarded_transport",
    "is_transient",
    "parse_retry_after",
    "redact_url",
    "resolve_redirect",
    "retry_on_transient",
]

logger = logging.getLogger(__name__)

USER_AGENT = f"factwatch/{__version__} (+https://github.com/factwatch/factwatch)"
ROBOTS_TOKEN = "factwatch"
ALLOW_PRIVATE_ENV = "FACTWATCH_ALLOW_PRIVATE_HOSTS"

HTML_TYPES: tuple[str, ...] = ("text/html", "application/xhtml+xml")
"""Acceptable media types for article pages."""
FEED_TYPES: tuple[str, ...] = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "application/*+xml",
    "application/feed+json",
    "application/json",
    "text/*",
)
"""Acceptable media types for feeds (xml, rss, atom, json, any text)."""
TEXT_TYPES: tuple[str, ...] = (*HTML_TYPES, *FEED_TYPES)
"""Pages or feeds: the default of `Fetcher.get`."""

ALLOWED_SCHEMES = frozenset({"http", "https"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: parse at least 500 KiB
ROBOTS_MAX_REDIRECTS = 5  # RFC 9309 §2.3.1.2
CHUNK_SIZE = 64 * 1024

Resolver = Callable[[str, int], Awaitable[Sequence[str]]]
"""`async (host, port) -> [ip, ...]`: how names become addresses (injectable in tests)."""


def _env_allows_private() -> bool:
    return os.environ.get(ALLOW_PRIVATE_ENV, "") == "1"


# --------------------------------------------------------------------------- policy


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How the fetcher behaves; the defaults suit a news monitor on the public web."""

    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 30.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    per_host_concurrency: int = 2
    default_crawl_delay: float = 1.0
    max_crawl_delay: float = 30.0
    """A robots.txt Crawl-delay above this is capped (a run must end)."""
    max_retry_after: float = 60.0
    """`get_with_retries` waits at most this long; a longer Retry-After gives up."""
    user_agent: str = USER_AGENT
    allow_private_hosts: bool = field(default_factory=_env_allows_private)
    """Reach loopback/private addresses (tests, local sources). Env FACTWATCH_ALLOW_PRIVATE_HOSTS=1."""
    respect_robots: bool = True
    allowed_hosts: frozenset[str] = frozenset()
    """Hosts (as written in the URL) exempt from the address check only."""

    def __post_init__(self) -> None:
        for name in ("connect_timeout", "read_timeout", "total_timeout", "max_retry_after"):
            if not getattr(self, name) > 0:
                raise ValueError(f"FetchPolicy.{name} must be > 0, not {getattr(self, name)!r}")
        for name in ("max_bytes", "per_host_concurrency"):
            if getattr(self, name) < 1:
                raise ValueError(f"FetchPolicy.{name} must be >= 1, not {getattr(self, name)!r}")
        for name in ("max_redirects", "default_crawl_delay", "max_crawl_delay"):
            if getattr(self, name) < 0:
                raise ValueError(f"FetchPolicy.{name} must be >= 0, not {getattr(self, name)!r}")
        hosts = frozenset(h.strip().lower().strip("[]") for h in self.allowed_hosts)
        object.__setattr__(self, "allowed_hosts", hosts)


DEFAULT_POLICY = FetchPolicy()
"""Built at import; `Fetcher()` without a policy reads FACTWATCH_ALLOW_PRIVATE_HOSTS anew."""


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One successful GET. `url` is where the redirects ended; `body` is b"" on 304."""

    url: str
    status: int
    headers: Mapping[str, str]
    body: bytes
    content_type: str
    """Media type, lowercase, without parameters ("" when the server sent none)."""
    etag: str | None
    last_modified: str | None
    not_modified: bool
    elapsed: float
    """Seconds from the call to the last byte, redirects and robots.txt included."""
    redirects: tuple[str, ...] = ()
    """Every URL that answered with a redirect, in order."""
    charset: str | None = None
    """The charset parameter of Content-Type, if any (parsers may still sniff)."""


# --------------------------------------------------------------------------- errors


class FetchError(Exception):
    """Base of every fetch failure; `url` says where, `transient` whether to retry.

    FetchError
    ├── InvalidURL               not a URL we can fetch (also a ValueError)
    ├── BlockedAddress           scheme not http(s), or a private/loopback/... address (SSRF)
    ├── RobotsDisallowed         robots.txt forbids this URL to our user agent
    │   └── RobotsUnavailable    robots.txt answered 5xx/429 or not at all (transient)
    ├── TooManyRedirects         more hops than policy.max_redirects
    ├── BodyTooLarge             Content-Length or streamed body beyond policy.max_bytes
    ├── UnsupportedContentType   a PDF, an image, ... (not in `accept`)
    ├── HTTPStatusError(status)  4xx (permanent) or 5xx (transient)
    │   └── RateLimited          429, with `retry_after` seconds (transient)
    ├── FetchTimeout             connect/read/total timeout (transient)
    └── ConnectError             DNS, refused, reset, TLS, protocol (transient, mostly)

    `str()` is one line naming the URL (credentials redacted) and what happened.
    """

    default_transient: ClassVar[bool] = False

    def __init__(self, message: str, *, url: str, transient: bool | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.url = url
        self.transient = self.default_transient if transient is None else transient

    def __str__(self) -> str:
        return f"{redact_url(self.url)}: {self.message}"

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only constructors do not survive the default Exception pickling,
        # and Prefect pickles a failed task's exception.
        return (_restore_error, (type(self), self.message, dict(self.__dict__)))


def _restore_error(cls: type[FetchError], message: str, state: dict[str, Any]) -> FetchError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error


class InvalidURL(FetchError, ValueError):
    """Not a URL we can fetch: unparsable, or without a host."""


class BlockedAddress(FetchError):
    """Refused before any connection: scheme not http(s), or the host is (or resolves to)
    a loopback, private, link-local, CGNAT, metadata, multicast or reserved address."""


class RobotsDisallowed(FetchError):
    """robots.txt forbids this URL to the factwatch user agent."""


class RobotsUnavailable(RobotsDisallowed):
    """robots.txt could not be read (5xx, 429, network): RFC 9309 says assume disallow;
    transient, so a later run tries again."""

    default_transient = True


class TooManyRedirects(FetchError):
    """More redirect hops than the policy allows (a loop ends here too)."""


class BodyTooLarge(FetchError):
    """The body is (or would be) larger than `limit` bytes."""

    def __init__(self, *, url: str, limit: int, declared: int | None = None) -> None:
        what = f"Content-Length {declared}" if declared is not None else "body"
        super().__init__(f"{what} exceeds the {limit}-byte limit; not read further", url=url)
        self.limit = limit
        self.declared = declared


class UnsupportedContentType(FetchError):
    """The server sent a type the caller did not accept (PDF, image, ...)."""

    def __init__(self, *, url: str, content_type: str, reason: str | None = None) -> None:
        super().__init__(reason or f"content type {content_type!r} is not accepted", url=url)
        self.content_type = content_type


class HTTPStatusError(FetchError):
    """A 4xx (permanent, but 408) or 5xx (transient) answer."""

    def __init__(
        self,
        *,
        url: str,
        status: int,
        retry_after: float | None = None,
        message: str | None = None,
    ) -> None:
        transient = status >= 500 or status in (408, 429)
        super().__init__(message or _status_text(status), url=url, transient=transient)
        self.status = status
        self.retry_after = retry_after


class RateLimited(HTTPStatusError):
    """429 Too Many Requests; `retry_after` is the server's wait in seconds, if given."""

    def __init__(self, *, url: str, retry_after: float | None) -> None:
        wait = f"; retry after {retry_after:g}s" if retry_after is not None else ""
        super().__init__(
            url=url,
            status=429,
            retry_after=retry_after,
            message=f"HTTP 429 Too Many Requests{wait}",
        )


class FetchTimeout(FetchError):
    """No connection, no byte or no complete answer within the policy's timeouts."""

    default_transient = True


class ConnectError(FetchError):
    """DNS failure, connection refused or reset, TLS or protocol error."""

    default_transient = True


def is_transient(error: object) -> bool:
    """True for failures worth retrying (timeouts, 5xx, 429, connection errors).

    Suits a Prefect `retry_condition_fn` that reads the failed state's exception.
    """
    return isinstance(error, FetchError) and error.transient


def retry_on_transient(task: object, task_run: object, state: Any) -> bool:
    """A Prefect `retry_condition_fn`: retry the task only for a transient FetchError.

        @task(retries=3, retry_delay_seconds=[1, 4, 10], retry_condition_fn=retry_on_transient)

    Prefect hands it a Failed state whose `data` is the raised exception.
    """
    return is_transient(getattr(state, "data", None))


def _status_text(status: int) -> str:
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


# --------------------------------------------------------------------------- pure helpers

_TRACKING_WORDS = (
    "fbclid gclid dclid gbraid wbraid msclkid yclid twclid igshid mc_cid mc_eid _ga _gl"
    " ref ref_src referrer cmpid cmp xtor xtref ocid icid ito spm s_cid sr_share smid"
    " ns_mchannel ns_source ns_campaign ns_linkname ns_fee oly_anon_id oly_enc_id"
)
TRACKING_PARAMS = frozenset(_TRACKING_WORDS.split())
"""Query parameters that only say how a reader arrived (dropped by canonical_url)."""
TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "hsa_", "vero_")

_DEFAULT_PORTS = {"http": 80, "https": 443}
_SECRET_PARAMS = frozenset(
    {"token", "access_token", "api_key", "apikey", "key", "password", "secret", "sig", "signature"}
)


def _is_tracking(name: str) -> bool:
    lowered = unquote_plus(name).lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """The one spelling of a URL used to recognise an article seen before.

    Lowercase scheme and host (trailing dot dropped), no credentials, no default port,
    no fragment, no tracking parameters (utm_*, fbclid, gclid, xtor, at_*, ...), the
    remaining parameters sorted (their encoding kept), no trailing slash except for
    the root path "/". Raises InvalidURL for what is not an absolute http(s)-like URL.
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise InvalidURL(f"not a valid URL ({exc})", url=text) from None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if not host.isascii():
        with contextlib.suppress(UnicodeError):
            host = host.encode("idna").decode("ascii")
    if not scheme or not host:
        raise InvalidURL("not an absolute URL with a host", url=text)
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    path = parts.path or "/"
    if path != "/":
        path = path.rstrip("/") or "/"
    pairs = [p for p in parts.query.split("&") if p]
    kept = sorted(p for p in pairs if not _is_tracking(p.split("=", 1)[0]))
    return urlunsplit((scheme, netloc, path, "&".join(kept), ""))


def redact_url(url: str) -> str:
    """The URL as it may appear in a log: no user:password, secret-looking params masked."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return url.split("@")[-1][:200]
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port is None else f"{host}:{port}"
    query = "&".join(
        f"{name}=***" if name.lower() in _SECRET_PARAMS else pair
        for pair in parts.query.split("&")
        if pair
        for name in (pair.split("=", 1)[0],)
    )
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_METADATA = frozenset(
    {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
)


def address_block_reason(address: str) -> str | None:
    """Why an IP address must not be fetched from (SSRF), or None when it is public.

    IPv4-mapped and NAT64 IPv6 forms are judged by the IPv4 address they carry.
    A string that is not an IP address is refused too.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"{address!r} is not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return address_block_reason(str(ip.ipv4_mapped))
        if ip in _NAT64:
            return address_block_reason(str(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)))
    checks = (
        (ip in _METADATA, "a cloud metadata address"),
        (ip.is_loopback, "a loopback address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (ip.is_unspecified, "the unspecified address"),
        (isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT, "a carrier-grade NAT address"),
        (ip.is_private, "a private address"),
        (ip.is_reserved, "a reserved address"),
        (not ip.is_global, "not a public address"),
    )
    for hit, reason in checks:
        if hit:
            return f"{ip} is {reason}"
    return None


def parse_retry_after(value: str | None, *, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def content_type_accepted(media_type: str, accept: Sequence[str]) -> bool:
    """Whether a media type matches one of `accept` ("text/html", "text/*",
    "application/*+xml", "*/*")."""
    media_type = media_type.lower()
    main, _, sub = media_type.partition("/")
    for pattern in accept:
        pattern = pattern.lower()
        if pattern in ("*/*", media_type):
            return True
        p_main, _, p_sub = pattern.partition("/")
        if p_main != main:
            continue
        if p_sub == "*":
            return True
        if p_sub.startswith("*+") and sub.endswith(p_sub[1:]):
            return True
    return False


def resolve_redirect(base: str, location: str) -> str:
    """The absolute URL a Location header points to, relative to `base`."""
    try:
        return str(httpx.URL(base).join(location.strip()))
    except httpx.InvalidURL as exc:
        raise InvalidURL(
            f"redirect to an invalid Location {location!r} ({exc})", url=base
        ) from None


_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b", "application/gzip"),
)


def sniff_binary(body: bytes) -> str | None:
    """The media type of a well-known binary format by its magic bytes, else None."""
    for magic, media_type in _SIGNATURES:
        if body.startswith(magic):
            return media_type
    if body[:4] == b"RIFF" and body[8:12] == b"WEBP":
        return "image/webp"
    return None


def _split_content_type(value: str | None) -> tuple[str, str | None]:
    if not value:
        return "", None
    media_type, *params = value.split(";")
    charset = None
    for param in params:
        name, _, val = param.partition("=")
        if name.strip().lower() == "charset":
            charset = val.strip().strip("\"'") or None
    return media_type.strip().lower(), charset


def _check_target(url: str) -> httpx.URL:
    """Parse and check the scheme of one hop; pure."""
    try:
        target = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise InvalidURL(f"not a valid URL ({exc})", url=url) from None
    if target.scheme not in ALLOWED_SCHEMES:
        shown = target.scheme or "none"
        raise BlockedAddress(f"scheme {shown!r} is not allowed (http and https only)", url=url)
    if not target.host:
        raise InvalidURL("URL has no host", url=url)
    return target


# --------------------------------------------------------------------------- address guard


async def system_resolver(host: str, port: int) -> Sequence[str]:
    """Resolve with getaddrinfo in the event loop's thread pool."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class _AddressGuard:
    """Turns a host into the addresses one may connect to, or raises BlockedAddress."""

    def __init__(self, policy: FetchPolicy, resolver: Resolver | None) -> None:
        self.policy = policy
        self.resolver = resolver or system_resolver
        self._custom_resolver = resolver is not None

    def exempt(self, host: str) -> bool:
        return self.policy.allow_private_hosts or host.lower() in self.policy.allowed_hosts

    async def addresses(self, host: str, port: int, *, url: str) -> list[str]:
        """The checked addresses of `host`. An exempt host is not checked, and is
        resolved only by an injected resolver (else left to the OS at connect)."""
        exempt = self.exempt(host)
        if exempt and not self._custom_resolver:
            return [host]
        try:
            ipaddress.ip_address(host.split("%", 1)[0])
            found: Sequence[str] = [host]
        except ValueError:
            found = await self._resolve(host, port, url=url)
        if not found:
            raise ConnectError(f"{host} resolves to no address", url=url)
        if exempt:
            return list(found)
        for address in found:
            reason = address_block_reason(address)
            if reason is not None:
                shown = reason if address == host else f"{host} resolves to {reason}"
                raise BlockedAddress(f"refused: {shown}", url=url)
        return list(found)

    async def _resolve(self, host: str, port: int, *, url: str) -> Sequence[str]:
        try:
            async with asyncio.timeout(self.policy.connect_timeout):
                return await self.resolver(host, port)
        except TimeoutError:
            raise FetchTimeout(
                f"no DNS answer for {host} within {self.policy.connect_timeout:g}s", url=url
            ) from None
        except socket.gaierror as exc:
            transient = exc.errno in (socket.EAI_AGAIN, getattr(socket, "EAI_SYSTEM", -11))
            raise ConnectError(
                f"cannot resolve {host} ({exc.strerror or exc})", url=url, transient=transient
            ) from None
        except OSError as exc:
            raise ConnectError(f"cannot resolve {host} ({exc})", url=url) from None


class _GuardedBackend(httpcore.AsyncNetworkBackend):
    """A network backend that connects only to checked addresses (see module doc)."""

    def __init__(self, inner: httpcore.AsyncNetworkBackend, guard: _AddressGuard) -> None:
        self._inner = inner
        self._guard = guard

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        url = f"//{host}:{port}"
        try:
            addresses = await self._guard.addresses(host, port, url=url)
        except (ConnectError, FetchTimeout) as exc:
            raise httpcore.ConnectError(exc.message) from None
        failure: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def guarded_transport(
    policy: FetchPolicy | None = None, *, resolver: Resolver | None = None, http2: bool = True
) -> httpx.AsyncHTTPTransport:
    """An httpx transport whose connections go only to addresses the SSRF guard allows.

    Environment proxies are not used by a client built on it (httpx ignores them when a
    transport is given), so the check is made against the real destination.
    """
    guard = _AddressGuard(policy or FetchPolicy(), resolver)
    transport = httpx.AsyncHTTPTransport(http2=http2)
    pool = transport._pool  # httpx 0.28 keeps its httpcore pool here
    pool._network_backend = _GuardedBackend(pool._network_backend, guard)
    return transport


# --------------------------------------------------------------------------- the shell


@dataclass(slots=True)
class _HostGate:
    """Per-host politeness: at most N requests at once, starts `interval` apart."""

    semaphore: asyncio.Semaphore
    lock: asyncio.Lock
    interval: float
    next_start: float = 0.0


@dataclass(frozen=True, slots=True)
class _Robots:
    rules: Protego | None  # None: no robots.txt (4xx) or unparsable → everything allowed


class Fetcher:
    """Polite GETs of feeds and pages. One per run; `aclose()` (or `async with`) at the end.

    `client`: an `httpx.AsyncClient` from the caller (closed by the caller), or None to
    build one with `guarded_transport`, HTTP/2 and the policy's timeouts.
    `resolver`: how the SSRF guard resolves names (tests inject one).
    """

    def __init__(
        self,
        *,
        client: httpx.AsyncClient | None = None,
        policy: FetchPolicy | None = None,
        resolver: Resolver | None = None,
    ) -> None:
        self.policy = policy if policy is not None else FetchPolicy()
        self._guard = _AddressGuard(self.policy, resolver)
        self._timeout = httpx.Timeout(
            connect=self.policy.connect_timeout,
            read=self.policy.read_timeout,
            write=self.policy.read_timeout,
            pool=self.policy.total_timeout,
        )
        self._owns_client = client is None
        self._client = client or httpx.AsyncClient(
            transport=guarded_transport(self.policy, resolver=resolver),
            timeout=self._timeout,
            follow_redirects=False,
            headers={"User-Agent": self.policy.user_agent},
        )
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, _Robots] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the client if this Fetcher built it."""
        if self._owns_client:
            await self._client.aclose()

    async def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: tuple[str, ...] = TEXT_TYPES,
    ) -> FetchResult:
        """GET `url` (conditional when `etag`/`last_modified` are given) and return its bytes.

        Raises a FetchError subclass for every failure; 304 gives `not_modified=True`.
        """
        started = time.monotonic()
        try:
            async with asyncio.timeout(self.policy.total_timeout) as budget:
                result = await self._get(
                    url, etag=etag, last_modified=last_modified, accept=accept, budget=budget
                )
        except TimeoutError:
            raise FetchTimeout(
                f"no complete answer within {self.policy.total_timeout:g}s", url=url
            ) from None
        elapsed = time.monotonic() - started
        logger.debug(
            "GET %s -> %s (%s bytes, %.2fs)",
            redact_url(result.url),
            result.status,
            len(result.body),
            elapsed,
        )
        return _with_elapsed(result, elapsed)

    # ---- one request chain

    async def _get(
        self,
        url: str,
        *,
        etag: str | None,
        last_modified: str | None,
        accept: tuple[str, ...],
        budget: asyncio.Timeout,
    ) -> FetchResult:
        """The redirect chain. `budget` is the total timeout; time spent queueing for a
        host's slot or its robots.txt is given back to it, so politeness never times out."""
        headers = {
            "User-Agent": self.policy.user_agent,
            "Accept": ", ".join((*accept, "*/*;q=0.1")),
            "Accept-Encoding": "gzip, deflate",
        }
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        redirects: list[str] = []
        for _hop in range(self.policy.max_redirects + 1):
            target = _check_target(current)
            await self._guard.addresses(target.host, _port(target), url=current)
            if self.policy.respect_robots:
                await self._check_robots(target, url=current, budget=budget)
            async with self._slot(target, budget):
                response = await self._send(target, headers, url=current)
                try:
                    location = response.headers.get("location")
                    if response.status_code in REDIRECT_STATUSES and location:
                        redirects.append(current)
                        current = resolve_redirect(current, location)
                        logger.debug(
                            "redirect %s -> %s", redact_url(redirects[-1]), redact_url(current)
                        )
                        continue
                    return await self._finish(
                        response,
                        url=current,
                        redirects=tuple(redirects),
                        accept=accept,
                        etag=etag,
                        last_modified=last_modified,
                    )
                finally:
                    await response.aclose()
        raise TooManyRedirects(
            f"more than {self.policy.max_redirects} redirects (last to {redact_url(current)})",
            url=url,
        )

    async def _send(
        self, target: httpx.URL, headers: dict[str, str], *, url: str
    ) -> httpx.Response:
        request = self._client.build_request("GET", target, headers=headers, timeout=self._timeout)
        try:
            with _mapped_errors(url, self.policy):
                return await self._client.send(request, stream=True, follow_redirects=False)
        except BlockedAddress as exc:  # refused at connect time by the guarded backend
            raise BlockedAddress(exc.message, url=url) from None

    async def _finish(
        self,
        response: httpx.Response,
        *,
        url: str,
        redirects: tuple[str, ...],
        accept: tuple[str, ...],
        etag: str | None,
        last_modified: str | None,
    ) -> FetchResult:
        status = response.status_code
        headers = MappingProxyType({k.lower(): v for k, v in response.headers.items()})
        new_etag = response.headers.get("etag")
        new_modified = response.headers.get("last-modified")
        if status == 304:
            await response.aread()  # read to the end, so the connection is kept alive
            return FetchResult(
                url=url,
                status=status,
                headers=headers,
                body=b"",
                content_type="",
                etag=new_etag or etag,
                last_modified=new_modified or last_modified,
                not_modified=True,
                elapsed=0.0,
                redirects=redirects,
            )
        retry_after = parse_retry_after(response.headers.get("retry-after"), now=datetime.now(UTC))
        if status == 429:
            raise RateLimited(url=url, retry_after=retry_after)
        if status >= 400:
            raise HTTPStatusError(url=url, status=status, retry_after=retry_after)
        if status >= 300 or status < 200:
            raise HTTPStatusError(
                url=url, status=status, message=f"{_status_text(status)} without a usable Location"
            )
        media_type, charset = _split_content_type(response.headers.get("content-type"))
        if media_type and not content_type_accepted(media_type, accept):
            raise UnsupportedContentType(url=url, content_type=media_type)
        body = await _read_capped(response, self.policy.max_bytes, url=url, policy=self.policy)
        if not media_type and (sniffed := sniff_binary(body)) is not None:
            raise UnsupportedContentType(
                url=url,
                content_type=sniffed,
                reason=f"no Content-Type, and the body looks like {sniffed}",
            )
        return FetchResult(
            url=url,
            status=status,
            headers=headers,
            body=body,
            content_type=media_type,
            etag=new_etag,
            last_modified=new_modified,
            not_modified=False,
            elapsed=0.0,
            redirects=redirects,
            charset=charset,
        )

    # ---- politeness

    def _gate(self, target: httpx.URL) -> _HostGate:
        key = target.host.lower()
        gate = self._gates.get(key)
        if gate is None:
            gate = _HostGate(
                semaphore=asyncio.Semaphore(max(1, self.policy.per_host_concurrency)),
                lock=asyncio.Lock(),
                interval=max(0.0, self.policy.default_crawl_delay),
            )
            self._gates[key] = gate
        return gate

    @contextlib.asynccontextmanager
    async def _slot(self, target: httpx.URL, budget: asyncio.Timeout) -> AsyncIterator[None]:
        """Hold one of the host's concurrent slots; starts are `interval` apart."""
        gate = self._gate(target)
        loop = asyncio.get_running_loop()
        async with contextlib.AsyncExitStack() as stack:
            with _paused(budget):
                await stack.enter_async_context(gate.semaphore)
                async with gate.lock:
                    wait = gate.next_start - loop.time()
                    if wait > 0:
                        await asyncio.sleep(wait)
                    gate.next_start = loop.time() + gate.interval
            yield

    async def _check_robots(self, target: httpx.URL, *, url: str, budget: asyncio.Timeout) -> None:
        with _paused(budget):  # robots.txt has a budget of its own
            robots = await self._robots_for(target, url=url)
        if robots.rules is not None and not robots.rules.can_fetch(str(target), ROBOTS_TOKEN):
            logger.info("robots.txt of %s disallows %s", _origin(target), redact_url(url))
            raise RobotsDisallowed(f"robots.txt disallows it for {ROBOTS_TOKEN}", url=url)

    async def _robots_for(self, target: httpx.URL, *, url: str) -> _Robots:
        key = _origin(target)
        if (known := self._robots.get(key)) is not None:
            return known
        lock = self._robots_locks.setdefault(key, asyncio.Lock())
        async with lock:
            if (known := self._robots.get(key)) is not None:
                return known
            robots = await self._fetch_robots(target, url=url)
            self._robots[key] = robots
            if robots.rules is not None:
                self._gate(target).interval = self._crawl_interval(robots.rules, key)
            return robots

    def _crawl_interval(self, rules: Protego, origin: str) -> float:
        delay = rules.crawl_delay(ROBOTS_TOKEN)
        rate = rules.request_rate(ROBOTS_TOKEN)
        wanted = max(
            self.policy.default_crawl_delay,
            delay or 0.0,
            (rate.seconds / rate.requests) if rate and rate.requests else 0.0,
        )
        if wanted > self.policy.max_crawl_delay:
            logger.warning(
                "robots.txt of %s asks %.1fs between requests; capped at %.1fs",
                origin,
                wanted,
                self.policy.max_crawl_delay,
            )
            wanted = self.policy.max_crawl_delay
        return max(0.0, wanted)

    async def _fetch_robots(self, target: httpx.URL, *, url: str) -> _Robots:
        """robots.txt per RFC 9309: 2xx parse, 4xx allow all, 5xx/429 RobotsUnavailable;
        an unreachable site raises its FetchTimeout/ConnectError (naming `url`)."""
        robots_url = str(target.join("/robots.txt"))
        headers = {"User-Agent": self.policy.user_agent, "Accept": "text/plain, */*;q=0.5"}
        try:
            async with asyncio.timeout(self.policy.total_timeout) as budget:
                return await self._robots_chain(robots_url, headers, budget=budget)
        except TimeoutError:
            raise FetchTimeout(
                f"no complete robots.txt within {self.policy.total_timeout:g}s", url=url
            ) from None
        except (BlockedAddress, InvalidURL) as exc:
            raise RobotsUnavailable(
                f"robots.txt unusable ({exc.message})", url=url, transient=False
            ) from None
        except (FetchTimeout, ConnectError) as exc:  # the site itself is unreachable
            raise type(exc)(
                f"{exc.message} (reading robots.txt)", url=url, transient=exc.transient
            ) from None
        except FetchError as exc:
            raise RobotsUnavailable(
                f"robots.txt unavailable ({exc.message}); not fetched, try later", url=url
            ) from None

    async def _robots_chain(
        self, robots_url: str, headers: dict[str, str], *, budget: asyncio.Timeout
    ) -> _Robots:
        current = robots_url
        for _hop in range(ROBOTS_MAX_REDIRECTS + 1):
            hop = _check_target(current)
            await self._guard.addresses(hop.host, _port(hop), url=current)
            async with self._slot(hop, budget):
                response = await self._send(hop, headers, url=current)
                try:
                    status = response.status_code
                    location = response.headers.get("location")
                    if status in REDIRECT_STATUSES and location:
                        current = resolve_redirect(current, location)
                        continue
                    if 200 <= status < 300:
                        body = await _read_capped(
                            response, ROBOTS_MAX_BYTES, url=current, truncate=True
                        )
                        return _Robots(_parse_robots(body, robots_url))
                    if status == 429 or status >= 500:
                        raise HTTPStatusError(url=current, status=status)
                    logger.debug("%s: HTTP %s, everything allowed", robots_url, status)
                    return _Robots(None)
                finally:
                    await response.aclose()
        logger.info("%s: too many redirects, treated as absent", robots_url)
        return _Robots(None)


def _parse_robots(body: bytes, robots_url: str) -> Protego | None:
    text = body.decode("utf-8", errors="replace").lstrip("\ufeff")
    try:
        return Protego.parse(text)
    except Exception as exc:  # protego is lenient; a crash here must not stop a run
        logger.warning("%s: unparsable robots.txt (%s), everything allowed", robots_url, exc)
        return None


def _port(target: httpx.URL) -> int:
    return target.port or _DEFAULT_PORTS[target.scheme]


def _origin(target: httpx.URL) -> str:
    host = f"[{target.host}]" if ":" in target.host else target.host
    return f"{target.scheme}://{host}:{_port(target)}"


@contextlib.contextmanager
def _paused(budget: asyncio.Timeout) -> Iterator[None]:
    """Stop a total-timeout clock while waiting on politeness, then let it run on."""
    when = budget.when()
    if when is None or budget.expired():
        yield
        return
    loop = asyncio.get_running_loop()
    remaining = when - loop.time()
    budget.reschedule(None)
    try:
        yield
    finally:
        budget.reschedule(loop.time() + max(0.0, remaining))


def _with_elapsed(result: FetchResult, elapsed: float) -> FetchResult:
    return replace(result, elapsed=elapsed)


@contextlib.contextmanager
def _mapped_errors(url: str, policy: FetchPolicy) -> Iterator[None]:
    """httpx exceptions → FetchError, one short line each (no traceback for callers)."""
    try:
        yield
    except httpx.ConnectTimeout:
        raise FetchTimeout(f"no connection within {policy.connect_timeout:g}s", url=url) from None
    except httpx.PoolTimeout:
        raise FetchTimeout("no free connection in time", url=url) from None
    except httpx.TimeoutException:
        raise FetchTimeout(f"no data within {policy.read_timeout:g}s", url=url) from None
    except httpx.ConnectError as exc:
        raise ConnectError(f"cannot connect ({_reason(exc)})", url=url) from None
    except httpx.TransportError as exc:  # read/write/protocol/proxy errors
        raise ConnectError(f"connection failed ({_reason(exc)})", url=url) from None
    except httpx.InvalidURL as exc:
        raise InvalidURL(f"not a valid URL ({exc})", url=url) from None


def _reason(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


class _Decoder:
    """Content-Encoding identity/gzip/deflate, decoded with a bounded output per step."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._zlib: Any = None
        self._started = False
        if encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._zlib = zlib.decompressobj()

    def feed(self, data: bytes, room: int) -> bytes:
        """Decode `data`, producing at most `room` bytes; the rest waits in `more()`."""
        if self._zlib is None:
            return data
        try:
            out = self._zlib.decompress(data, room)
        except zlib.error:
            if self.encoding != "deflate" or self._started:
                raise
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, sadly common
            out = self._zlib.decompress(data, room)
        self._started = True
        return bytes(out)

    def more(self, room: int) -> bytes | None:
        """Next output from input already fed, or None when it is all decoded."""
        if self._zlib is None or not self._zlib.unconsumed_tail:
            return None
        return bytes(self._zlib.decompress(self._zlib.unconsumed_tail, room))


async def _read_capped(
    response: httpx.Response,
    limit: int,
    *,
    url: str,
    policy: FetchPolicy = DEFAULT_POLICY,
    truncate: bool = False,
) -> bytes:
    """Read at most `limit` decoded bytes; beyond it raise BodyTooLarge (or cut when
    `truncate`). Memory stays within about twice `limit`, even for a decompression
    bomb: we ask only for gzip/deflate and decode with a bounded output size."""
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > limit and not truncate:
        # Compressed or not, a declared length beyond the cap means a body beyond it.
        raise BodyTooLarge(url=url, limit=limit, declared=int(declared))
    if response.is_stream_consumed:  # already read and decoded (httpx.MockTransport)
        if len(response.content) > limit and not truncate:
            raise BodyTooLarge(url=url, limit=limit)
        return response.content[:limit]
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("", "identity", "gzip", "x-gzip", "deflate"):
        raise UnsupportedContentType(
            url=url,
            content_type=response.headers.get("content-type", ""),
            reason=f"Content-Encoding {encoding!r} is not supported",
        )
    decoder = _Decoder(encoding)
    parts: list[bytes] = []
    size = 0
    with _mapped_errors(url, policy):
        try:
            async for raw in response.aiter_raw(CHUNK_SIZE):
                out: bytes | None = decoder.feed(raw, limit - size + 1)
                while out is not None:
                    parts.append(out)
                    size += len(out)
                    if size > limit:
                        if truncate:
                            return b"".join(parts)[:limit]
                        raise BodyTooLarge(url=url, limit=limit)
                    out = decoder.more(limit - size + 1)
        except zlib.error as exc:
            raise FetchError(f"corrupt {encoding} body ({exc})", url=url) from None
    return b"".join(parts)


# --------------------------------------------------------------------------- retries outside Prefect

Sleep = Callable[[float], Awaitable[None]]


async def get_with_retries(
    fetcher: Fetcher,
    url: str,
    *,
    attempts: int = 3,
    backoff: Sequence[float] = (1, 4, 10),
    sleep: Sleep = asyncio.sleep,
    **kwargs: Any,
) -> FetchResult:
    """`fetcher.get` with retries on transient errors only (timeouts, 5xx, 429, network).

    Waits `backoff[i]` seconds before retry i+1, or exactly the server's Retry-After
    when it sent one; a Retry-After beyond `policy.max_retry_after` is honoured by not
    coming back in this run: the error is raised at once. Inside Prefect, use task
    retries with `is_transient` instead.
    """
    if attempts < 1:
        raise ValueError("attempts must be at least 1")
    for attempt in range(1, attempts + 1):
        try:
            return await fetcher.get(url, **kwargs)
        except FetchError as exc:
            if not exc.transient or attempt == attempts:
                raise
            retry_after = getattr(exc, "retry_after", None)
            if retry_after is not None and retry_after > fetcher.policy.max_retry_after:
                logger.warning(
                    "%s; the server asks for %.0fs, more than %.0fs: not retrying now",
                    exc,
                    retry_after,
                    fetcher.policy.max_retry_after,
                )
                raise
            delay = (
                float(retry_after)
                if retry_after is not None
                else float(backoff[min(attempt - 1, len(backoff) - 1)] if backoff else 0)
            )
            logger.info("%s; retry %s/%s in %.1fs", exc, attempt, attempts - 1, delay)
            await sleep(delay)
    raise AssertionError("unreachable")  # pragma: no cover
