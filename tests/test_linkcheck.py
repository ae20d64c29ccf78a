"""The link keeper's checks against local servers: every status, every politeness rule.

Every request goes to 127.0.0.1 (tests/linkfakes.py resolves only its own names there);
time is fake, except the real half-second timeouts of the hanging page.
"""

from __future__ import annotations

import email.utils
import itertools
import socket

import pytest
from linkfakes import HANG, FakeTime, first_then, fixed, redirect, resolver

import tools.linkkeeper  # noqa: F401  (puts hooks/ on the path, as the command does)
from tools.linkkeeper.__main__ import user_agent
from tools.linkkeeper.check import check_url
from tools.linkkeeper.net import Client, Settings

SETTINGS = Settings(
    timeout=0.5, retries=2, backoff=1.0, max_retry_after=60.0, host_interval=2.0, max_redirects=5
)
UA = user_agent("https://github.com/example/explainer")


def gaps(client: Client) -> list[float]:
    """Seconds between consecutive requests."""
    times = [t for t, _, _ in client.sent]
    return [round(b - a, 3) for a, b in itertools.pairwise(times)]


@pytest.fixture
def client(clock: FakeTime) -> Client:
    return Client(UA, SETTINGS, clock=clock.clock, sleep=clock.sleep, resolver=resolver)


CASES = {
    # path: (route, status, code, final path or None)
    "/ok": (fixed(200, body=b"<p>the article</p>"), "live", 200, None),
    "/gone404": (fixed(404), "gone", 404, None),
    "/gone410": (fixed(410), "gone", 410, None),
    "/forbidden": (fixed(403), "blocked", 403, None),
    "/login": (fixed(401), "blocked", 401, None),
    "/legal": (fixed(451), "blocked", 451, None),
    "/challenge": (
        fixed(503, {"cf-mitigated": "challenge"}, b"<title>Just a moment...</title>"),
        "blocked",
        503,
        None,
    ),
    "/wall-200": (fixed(200, {"x-datadome": "protected"}), "blocked", 200, None),
    "/boom": (fixed(500), "server-error", 500, None),
    "/teapot": (fixed(418), "error", 418, None),
}


@pytest.mark.parametrize("path", list(CASES))
def test_each_status(web, client, path):
    route, status, code, final = CASES[path]
    web.routes[path] = route
    outcome = check_url(client, web.url("news.test", path))
    assert (outcome.status, outcome.code, outcome.final_url) == (status, code, final)


def test_a_redirect_chain_is_followed_and_its_end_recorded(web, client):
    web.routes["/old"] = redirect("/older", 301)
    web.routes["/older"] = redirect(web.url("other.test", "/new"), 302)
    web.routes["/new"] = fixed(200)
    outcome = check_url(client, web.url("news.test", "/old"))
    assert (outcome.status, outcome.final_url) == ("redirected", web.url("other.test", "/new"))
    # A redirect that only adds a slash (or changes http to https) is the same page: live.
    web.routes["/page"] = redirect("/page/", 301)
    web.routes["/page/"] = fixed(200)
    assert check_url(client, web.url("news.test", "/page")).status == "live"


def test_a_redirect_to_a_missing_page_is_gone_with_where_it_led(web, client):
    web.routes["/moved"] = redirect("/nowhere", 308)
    outcome = check_url(client, web.url("news.test", "/moved"))
    assert (outcome.status, outcome.code, outcome.final_url) == (
        "gone",
        404,
        web.url("news.test", "/nowhere"),
    )


def test_a_redirect_loop_is_an_error_not_a_hang(web, client):
    web.routes["/loop"] = redirect("/loop", 302)
    outcome = check_url(client, web.url("news.test", "/loop"))
    assert outcome.status == "error" and "redirects" in outcome.detail


def test_head_first_then_get_when_head_is_refused(web, client):
    web.routes["/nohead"] = lambda method, *_: (405, {}, b"") if method == "HEAD" else (200, {}, b"ok")
    assert check_url(client, web.url("news.test", "/nohead")).status == "live"
    assert [m for m, p, _ in web.log] == ["HEAD", "GET"]
    web.log.clear()
    web.routes["/ok"] = fixed(200)
    check_url(client, web.url("news.test", "/ok"))
    assert [m for m, p, _ in web.log] == ["HEAD"]  # a good HEAD is enough


def test_an_honest_user_agent(web, client):
    web.routes["/ok"] = fixed(200)
    check_url(client, web.url("news.test", "/ok"))
    ua = web.log[0][2]["User-Agent"]
    assert ua == UA and "linkkeeper" in ua and "https://github.com/example/explainer" in ua


def test_one_host_is_paced_and_other_hosts_are_not(web, client, clock):
    web.routes["/ok"] = fixed(200)
    client.fetch("HEAD", web.url("news.test", "/ok"))
    client.fetch("HEAD", web.url("other.test", "/ok"))
    assert clock.sleeps == []
    client.fetch("HEAD", web.url("news.test", "/ok"))
    assert clock.sleeps == [2.0]


def test_retries_back_off_then_succeed(web, client, clock):
    web.routes["/flaky"] = first_then((502, {}, b""), 2, (200, {}, b""))
    assert check_url(client, web.url("news.test", "/flaky")).status == "live"
    # Backoff of 1 s then 2 s, never closer than the host interval (2 s).
    assert gaps(client) == [2.0, 2.0]


def test_a_server_error_is_retried_with_backoff_then_reported(web, client, clock):
    web.routes["/boom"] = fixed(500)
    assert check_url(client, web.url("news.test", "/boom")).status == "server-error"
    assert web.hits["/boom"] == 6  # HEAD and GET, three attempts each
    assert [m for _, m, _ in client.sent] == ["HEAD"] * 3 + ["GET"] * 3
    assert 1.0 in clock.sleeps and 2.0 in clock.sleeps  # the backoff doubles
    assert min(gaps(client)) >= SETTINGS.host_interval


def test_429_retry_after_in_seconds_is_honoured(web, client, clock):
    web.routes["/busy"] = first_then((429, {"Retry-After": "7"}, b""), 2, (200, {}, b""))
    assert check_url(client, web.url("news.test", "/busy")).status == "live"
    assert clock.sleeps == [7.0, 7.0]


def test_429_retry_after_as_a_date_is_honoured(web, client, clock):
    when = email.utils.formatdate(clock.now + 30, usegmt=True)
    web.routes["/busy"] = first_then((429, {"Retry-After": when}, b""), 1, (200, {}, b""))
    assert check_url(client, web.url("news.test", "/busy")).status == "live"
    assert clock.sleeps == [30.0]


def test_a_retry_after_beyond_the_cap_is_not_waited_for(web, client, clock):
    web.routes["/busy"] = fixed(429, {"Retry-After": "3600"})
    outcome = check_url(client, web.url("news.test", "/busy"))
    assert (outcome.status, outcome.code) == ("blocked", 429)
    assert max(clock.sleeps, default=0) <= SETTINGS.host_interval


def test_a_page_that_hangs_times_out(web, client):
    web.routes["/hang"] = fixed(*HANG)
    outcome = check_url(client, web.url("news.test", "/hang"))
    assert outcome.status == "timeout"
    assert web.hits["/hang"] == 3  # retried, but no GET after a HEAD that timed out


def test_a_dns_failure_reaches_no_server(web, client):
    outcome = check_url(client, web.url("gone.invalid", "/page"))
    assert outcome.status == "dns-failure"
    assert web.log == []


def test_a_refused_connection_is_an_error(client):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    assert check_url(client, f"http://news.test:{port}/page").status == "error"


def test_the_resolver_sends_nothing_off_this_machine():
    assert resolver("news.test", 80) == "127.0.0.1"
    with pytest.raises(OSError):
        resolver("example.org", 443)
