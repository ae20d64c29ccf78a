"""The Internet Archive's services as the link keeper uses them, against local fakes of both,
including their rate limits and their errors; and the rule that makes a link dead."""

from __future__ import annotations

import pytest
from linkfakes import as_json, first_then, fixed, resolver

import tools.linkkeeper  # noqa: F401
from explainer.dates import parse_date
from tools.linkkeeper.check import Outcome
from tools.linkkeeper.net import Client, Settings
from tools.linkkeeper.state import advance, dead
from tools.linkkeeper.wayback import ServiceDown, ServiceError, Wayback

SETTINGS = Settings(timeout=0.5, retries=1, backoff=1.0, max_retry_after=60.0, host_interval=1.0)
TS = "20241018093000"


@pytest.fixture
def wb(web, clock) -> Wayback:
    client = Client(
        "test-agent (+https://example.test)",
        SETTINGS,
        clock=clock.clock,
        sleep=clock.sleep,
        resolver=resolver,
    )
    return Wayback(
        client,
        web.url("archive.test", "/wayback/available"),
        web.url("save.test", "/save"),
        poll_interval=6.0,
        max_polls=3,
        save_interval=20.0,
    )


def snapshot(status: str = "200", ts: str = TS) -> dict:
    return {
        "archived_snapshots": {
            "closest": {
                "available": True,
                "url": f"http://web.archive.org/web/{ts}/x",
                "timestamp": ts,
                "status": status,
            }
        }
    }


# --- availability ---------------------------------------------------------------------


def test_lookup_finds_the_copy_closest_to_the_day_the_source_was_read(web, wb):
    web.routes["/wayback/available"] = lambda m, p, query, d, h: as_json(snapshot())
    assert wb.lookup("https://news.example/a?b=1", "20241018") == TS
    _, path, _ = web.log[0]
    assert "url=https%3A%2F%2Fnews.example%2Fa%3Fb%3D1" in path and "timestamp=20241018" in path


@pytest.mark.parametrize(
    "answer",
    [
        {"archived_snapshots": {}},
        snapshot(status="404"),
        snapshot(ts="2024"),
        {"archived_snapshots": {"closest": {"available": False}}},
    ],
)
def test_lookup_accepts_only_a_copy_of_a_page_that_answered(web, wb, answer):
    web.routes["/wayback/available"] = lambda *a: as_json(answer)
    assert wb.lookup("https://news.example/a", "20241018") is None


@pytest.mark.parametrize("route", [fixed(503), fixed(200, body=b"<html>oops"), fixed(200, body=b"[1, 2]")])
def test_lookup_errors_are_reported_not_fatal(web, wb, route):
    web.routes["/wayback/available"] = route
    with pytest.raises(ServiceError):
        wb.lookup("https://news.example/a", "20241018")


def test_a_service_that_keeps_failing_is_left_alone(web, wb):
    web.routes["/wayback/available"] = fixed(502)
    for _ in range(wb.max_failures - 1):
        with pytest.raises(ServiceError):
            wb.lookup("https://news.example/a", "20241018")
    with pytest.raises(ServiceDown):
        wb.lookup("https://news.example/a", "20241018")


def test_a_rate_limited_lookup_waits_then_stops(web, wb, clock):
    web.routes["/wayback/available"] = fixed(429, {"Retry-After": "5"})
    with pytest.raises(ServiceDown):
        wb.lookup("https://news.example/a", "20241018")
    assert 5.0 in clock.sleeps  # Retry-After was honoured before giving up


# --- Save Page Now --------------------------------------------------------------------


def spn(web, statuses: list[dict], job: dict | None = None) -> None:
    web.routes["/save"] = lambda *a: as_json(
        job if job is not None else {"url": "https://news.example/a", "job_id": "spn2-abc"}
    )
    web.routes["/save/status/"] = lambda m, p, q, d, hits: as_json(statuses[min(hits, len(statuses) - 1)])


def test_capture_polls_until_success(web, wb, clock):
    spn(
        web,
        [
            {"status": "pending"},
            {"status": "success", "timestamp": TS, "original_url": "https://news.example/a"},
        ],
    )
    assert wb.capture("https://news.example/a") == TS
    method, path, headers = web.log[0]
    assert (method, path) == ("POST", "/save") and headers["Accept"] == "application/json"
    assert "Authorization" not in headers
    assert [p for _, p, _ in web.log[1:]] == ["/save/status/spn2-abc"] * 2
    assert clock.sleeps.count(6.0) == 2


def test_capture_sends_the_keys_when_there_are_some(web, wb):
    wb.auth = "key:secret"
    spn(web, [{"status": "success", "timestamp": TS}])
    wb.capture("https://news.example/a")
    assert all(h["Authorization"] == "LOW key:secret" for _, _, h in web.log)


def test_captures_are_spaced(web, wb, clock):
    spn(web, [{"status": "success", "timestamp": TS}])
    wb.capture("https://news.example/a")
    wb.capture("https://news.example/b")
    assert clock.sleeps == [6.0, 14.0, 6.0]  # 6 s of polling, then the rest of the 20 s spacing


def test_a_capture_still_pending_is_left_for_the_next_run(web, wb):
    spn(web, [{"status": "pending"}])
    assert wb.capture("https://news.example/a") is None


def test_a_failed_capture_is_an_error_for_that_page_only(web, wb):
    spn(
        web,
        [
            {
                "status": "error",
                "status_ext": "error:not-found",
                "message": "The server cannot find the requested resource.",
            }
        ],
    )
    with pytest.raises(ServiceError, match="error:not-found"):
        wb.capture("https://news.example/a")


@pytest.mark.parametrize(
    "setup",
    [
        lambda web: spn(web, [{"status": "error", "status_ext": "error:too-many-daily-captures"}]),
        lambda web: spn(web, [], job={"message": "You have already reached the limit of active sessions."}),
        lambda web: web.routes.__setitem__("/save", fixed(429, {"Retry-After": "2"})),
        lambda web: web.routes.__setitem__("/save", fixed(401)),
    ],
    ids=["daily-limit", "session-limit", "429", "needs-keys"],
)
def test_save_page_now_limits_stop_the_captures(web, wb, setup):
    setup(web)
    with pytest.raises(ServiceDown):
        wb.capture("https://news.example/a")


def test_a_busy_save_page_now_is_retried_after_its_retry_after(web, wb, clock):
    web.routes["/save"] = first_then((429, {"Retry-After": "9"}, b""), 1, as_json({"job_id": "j1"}))
    web.routes["/save/status/"] = lambda *a: as_json({"status": "success", "timestamp": TS})
    assert wb.capture("https://news.example/a") == TS
    assert 9.0 in clock.sleeps


# --- dead only after two failures a week apart ------------------------------------------

D = parse_date


def test_a_single_timeout_is_never_a_death():
    first = advance(None, Outcome("timeout"), D("2026-12-03"))
    assert first == {"status": "timeout", "checked": D("2026-12-03"), "failing_since": D("2026-12-03")}
    assert not dead(first)


@pytest.mark.parametrize("status", ["timeout", "gone", "dns-failure", "server-error", "error"])
def test_two_failures_a_week_apart_are_a_death(status):
    first = advance(None, Outcome(status), D("2026-12-03"))
    six_days = advance(first, Outcome(status), D("2026-12-09"))
    assert not dead(six_days) and six_days["failing_since"] == D("2026-12-03")
    week = advance(six_days, Outcome("gone", 404), D("2026-12-10"))
    assert dead(week) and week["failing_since"] == D("2026-12-03")


def test_a_success_in_between_starts_the_count_again():
    first = advance(None, Outcome("gone", 404), D("2026-12-03"))
    live = advance(first, Outcome("live", 200), D("2026-12-06"))
    assert "failing_since" not in live
    again = advance(live, Outcome("gone", 404), D("2026-12-10"))
    assert not dead(again) and again["failing_since"] == D("2026-12-10")


def test_blocked_is_never_dead():
    first = advance(None, Outcome("blocked", 403), D("2026-11-01"))
    later = advance(first, Outcome("blocked", 403), D("2026-12-03"))
    assert later == {"status": "blocked", "code": 403, "checked": D("2026-12-03")} and not dead(later)


def test_a_redirect_keeps_where_it_leads():
    new = advance(None, Outcome("redirected", 200, "https://news.example/new"), D("2026-12-03"))
    assert new == {
        "status": "redirected",
        "code": 200,
        "checked": D("2026-12-03"),
        "final_url": "https://news.example/new",
    }
