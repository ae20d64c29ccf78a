"""Local stand-ins for the web, the Wayback availability API and Save Page Now, for the link keeper's tests.

One HTTP server on 127.0.0.1 plays every site: ``FakeWeb.routes`` maps a path to a
behaviour. Host names are resolved by ``resolver``, which knows only the names below and
sends all of them to 127.0.0.1; any other name fails as a DNS failure would, so no test
can reach another address. Time is ``FakeTime``: sleeping advances its clock at once, and
the sleeps are recorded for the tests to read.
"""

from __future__ import annotations

import http.server
import json
import socket
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

HOSTS = ("news.test", "other.test", "archive.test", "save.test")


def resolver(host: str, port: int) -> str:
    if host in HOSTS or host == "127.0.0.1":
        return "127.0.0.1"
    raise socket.gaierror(socket.EAI_NONAME, f"Name or service not known: {host}")


@dataclass
class FakeTime:
    now: float = 1_800_000_000.0
    sleeps: list[float] = field(default_factory=list)

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


# A route: (method, path, query, body, hits so far on this path) -> (status, headers, body)
Route = Callable[[str, str, dict, bytes, int], tuple[int, dict[str, str], bytes]]


def fixed(status: int, headers: dict[str, str] | None = None, body: bytes = b"") -> Route:
    return lambda method, path, query, data, hits: (status, headers or {}, body)


def redirect(to: str, status: int = 301) -> Route:
    return fixed(status, {"Location": to})


def first_then(
    first: tuple[int, dict[str, str], bytes], times: int, then: tuple[int, dict[str, str], bytes]
) -> Route:
    return lambda method, path, query, data, hits: first if hits < times else then


def as_json(obj: object, status: int = 200) -> tuple[int, dict[str, str], bytes]:
    return status, {"Content-Type": "application/json"}, json.dumps(obj).encode()


class FakeWeb:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.log: list[tuple[str, str, dict[str, str]]] = []  # (method, path?query, request headers)
        self.release = threading.Event()  # set at shutdown: frees handlers that hang
        self.port = 0

    def url(self, host: str, path: str) -> str:
        return f"http://{host}:{self.port}{path}"

    def handle(self, h: http.server.BaseHTTPRequestHandler, method: str) -> None:
        parts = urlsplit(h.path)
        length = int(h.headers.get("Content-Length") or 0)
        data = h.rfile.read(length) if length else b""
        self.log.append((method, h.path, dict(h.headers)))
        route = self.routes.get(parts.path)
        if route is None and "/" in parts.path[1:]:  # a prefix route, such as /save/status/
            route = self.routes.get(parts.path.rsplit("/", 1)[0] + "/")
        hits = self.hits[parts.path]
        self.hits[parts.path] += 1
        if route is None:
            status, headers, body = 404, {}, b"not here"
        else:
            status, headers, body = route(method, parts.path, parse_qs(parts.query), data, hits)
        if status == 0:  # hang: never answer (until the test ends)
            self.release.wait(10)
            return
        h.send_response(status)
        for k, v in headers.items():
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if method != "HEAD":
            h.wfile.write(body)


HANG: tuple[int, dict[str, str], bytes] = (0, {}, b"")


@contextmanager
def serve() -> Iterator[FakeWeb]:
    web = FakeWeb()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_HEAD(self) -> None:
            web.handle(self, "HEAD")

        def do_GET(self) -> None:
            web.handle(self, "GET")

        def do_POST(self) -> None:
            web.handle(self, "POST")

        def log_message(self, format: str, *args: object) -> None:
            pass

    class Server(http.server.ThreadingHTTPServer):
        daemon_threads = True

    server = Server(("127.0.0.1", 0), Handler)
    web.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield web
    finally:
        web.release.set()
        server.shutdown()
        server.server_close()
