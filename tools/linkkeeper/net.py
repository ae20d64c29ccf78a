"""A polite HTTP client on the standard library (http.client), for checking other people's sites.

Politeness: an honest User-Agent naming the project and its address; one request at a time
(the keeper is sequential) and at least ``host_interval`` seconds between two requests to the
same host; a timeout on every connection; retries with exponential backoff on timeouts,
connection failures and 5xx answers; ``Retry-After`` honoured on 429 and 503 (up to a cap,
beyond which we give up rather than wait); redirects followed by hand, so that each hop is
paced and counted.

Everything that touches the world is injectable, so that tests run against servers on
127.0.0.1 only: ``clock`` (seconds, for pacing and HTTP-date Retry-After), ``sleep`` and
``resolver`` (a host name -> the address to connect to; it raises OSError for a DNS failure).
"""

from __future__ import annotations

import email.utils
import http.client
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin, urlsplit

Resolver = Callable[[str, int], str]


def system_resolver(host: str, port: int) -> str:
    """The first address the system resolver gives for ``host`` (socket.gaierror if none)."""
    return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][4][0]


@dataclass(frozen=True)
class Settings:
    timeout: float = 20.0  # seconds, per connection and per read
    retries: int = 2  # further attempts after a timeout, a connection failure, a 429 or a 5xx
    backoff: float = 5.0  # seconds before the first retry; doubled for each further one
    max_retry_after: float = 120.0  # a longer Retry-After is not waited for
    host_interval: float = 2.0  # seconds between two requests to one host
    max_redirects: int = 10
    body_limit: int = 65_536  # bytes of a body read (enough to recognise a bot wall)


@dataclass
class Reply:
    """One exchange (after redirects): a status, or an ``error`` when none came."""

    url: str  # the address that answered (the last hop)
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)  # lower-cased names
    body: bytes = b""
    error: str | None = None  # 'timeout', 'dns', 'connect', 'tls', 'redirects', 'url'
    detail: str = ""
    hops: int = 0


class _Conn(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, timeout: float, address: str) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _TLSConn(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, timeout: float, address: str) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


def _target(url: str) -> tuple[str, str, int, str]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    query = quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    return parts.scheme, parts.hostname, port, path + (f"?{query}" if query else "")


class Client:
    def __init__(
        self,
        user_agent: str,
        settings: Settings = Settings(),
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        resolver: Resolver = system_resolver,
    ) -> None:
        self.user_agent = user_agent
        self.settings = settings
        self.clock, self.sleep, self.resolver = clock, sleep, resolver
        self._last: dict[str, float] = {}  # host -> when its last request was sent
        self.sent: list[tuple[float, str, str]] = []  # (clock, method, url) of every request sent

    def _pace(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = last + self.settings.host_interval - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def _once(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> Reply:
        try:
            scheme, host, port, path = _target(url)
        except ValueError as exc:
            return Reply(url, error="url", detail=str(exc))
        self._pace(host)
        self.sent.append((self.clock(), method, url))
        try:
            address = self.resolver(host, port)
        except OSError as exc:
            return Reply(url, error="dns", detail=str(exc))
        cls = _TLSConn if scheme == "https" else _Conn
        conn = cls(host, port, self.settings.timeout, address)
        sent = {"User-Agent": self.user_agent, "Accept": "*/*", "Connection": "close", **headers}
        try:
            conn.request(method, path, body=body, headers=sent)
            resp = conn.getresponse()
            data = b"" if method == "HEAD" else resp.read(self.settings.body_limit)
            return Reply(url, resp.status, {k.lower(): v for k, v in resp.getheaders()}, data)
        except TimeoutError as exc:
            return Reply(url, error="timeout", detail=str(exc) or "timed out")
        except ssl.SSLError as exc:
            return Reply(url, error="tls", detail=str(exc))
        except (OSError, http.client.HTTPException) as exc:
            return Reply(url, error="connect", detail=f"{type(exc).__name__}: {exc}")
        finally:
            conn.close()

    def retry_after(self, reply: Reply) -> float | None:
        """Seconds a 429/503 asks us to wait (None when it does not say)."""
        value = reply.headers.get("retry-after", "").strip()
        if not value:
            return None
        if value.isdigit():
            return float(value)
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return max(0.0, when.timestamp() - self.clock())

    def request(
        self, method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> Reply:
        """One address, with retries; redirects are not followed."""
        s = self.settings
        reply = Reply(url)
        for attempt in range(s.retries + 1):
            reply = self._once(method, url, body, headers or {})
            last = attempt == s.retries
            if reply.error in ("timeout", "connect") or (
                reply.status is not None and reply.status >= 500 and reply.status != 503
            ):
                if not last:
                    self.sleep(s.backoff * 2**attempt)
                continue
            if reply.status in (429, 503):
                wait = self.retry_after(reply)
                if wait is not None and wait > s.max_retry_after:
                    return reply  # not worth holding the run for: try again next week
                if not last:
                    self.sleep(wait if wait is not None else s.backoff * 2**attempt)
                continue
            return reply
        return reply

    def fetch(
        self, method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> Reply:
        """``request`` following redirects (301, 302, 303, 307, 308) up to ``max_redirects`` hops."""
        current = url
        for hop in range(self.settings.max_redirects + 1):
            reply = self.request(method, current, body, headers)
            reply.hops = hop
            location = reply.headers.get("location")
            if reply.status not in (301, 302, 303, 307, 308) or not location:
                return reply
            current = urljoin(current, location)
            if reply.status == 303 or (reply.status in (301, 302) and method == "POST"):
                method, body = "GET", None
        return Reply(
            current, error="redirects", detail=f"more than {self.settings.max_redirects} redirects", hops=hop
        )
