"""Archived copies of sources and what the link keeper learned about their addresses.

Pure functions shared by the validator, the renderers and ``tools/linkkeeper``:

* ``parse_archive``: an ``archive_url`` -> which archive, when the copy was made, and the
  address it is a copy of (the Wayback Machine's ``https://web.archive.org/web/<timestamp>/<url>``,
  or archive.today's long forms ``https://archive.ph/<timestamp>/<url>`` and
  ``https://archive.ph/2024.10.18-123456/<url>`` on any of its domains);
* ``same_page``: whether two http(s) addresses name the same page, up to the differences
  archives introduce (scheme, host case, ``www.``, default ports, a trailing slash);
* ``FAILURES`` and ``DEAD_AFTER_DAYS``: a link is dead only when it has failed on two
  checks at least a week apart; a blocked or timed-out check alone never kills it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from .dates import DateError, PartialDate, parse_date

# What one check of an address found (the link keeper's classification).
LINK_STATUSES = ("live", "redirected", "gone", "blocked", "server-error", "timeout", "dns-failure", "error")
# The statuses that count towards calling a link dead; 'blocked' (the site refuses unknown
# clients: the page may well be there) and the live ones do not.
FAILURES = frozenset({"gone", "server-error", "timeout", "dns-failure", "error"})
DEAD_AFTER_DAYS = 7

ARCHIVE_TODAY_HOSTS = frozenset(
    {"archive.today", "archive.ph", "archive.is", "archive.li", "archive.vn", "archive.fo", "archive.md"}
)
_WAYBACK_RE = re.compile(r"^https?://web\.archive\.org/web/(?P<ts>[0-9]{4,14})(?:[a-z]{2}_)?/(?P<orig>.+)$")
_TODAY_RE = re.compile(
    r"^https?://(?:www\.)?(?P<host>[a-z.]+)/"
    r"(?P<ts>[0-9]{14}|[0-9]{4}\.[0-9]{2}\.[0-9]{2}-[0-9]{6})/(?P<orig>.+)$"
)


class ArchiveError(ValueError):
    """An ``archive_url`` that is not the address of an archived copy we can check."""


@dataclass(frozen=True, slots=True)
class Archived:
    service: str  # 'Wayback Machine' or 'archive.today'
    captured: PartialDate | None  # the day the copy was made (None if the timestamp has no day)
    original: str  # the address the copy is a copy of


def _ts_date(ts: str) -> PartialDate | None:
    digits = ts.replace(".", "").replace("-", "")[:8]
    text = "-".join(p for p in (digits[:4], digits[4:6], digits[6:8]) if p)
    try:
        return parse_date(text)
    except DateError:
        raise ArchiveError(f"the timestamp '{ts}' is not a date") from None


def parse_archive(archive_url: str) -> Archived:
    """Which archive holds the copy, when it was made and of which address; ArchiveError if unknown."""
    m = _WAYBACK_RE.match(archive_url)
    if m:
        return Archived("Wayback Machine", _ts_date(m["ts"]), m["orig"])
    m = _TODAY_RE.match(archive_url)
    if m and m["host"] in ARCHIVE_TODAY_HOSTS:
        return Archived("archive.today", _ts_date(m["ts"]), m["orig"])
    host = (urlsplit(archive_url).hostname or "").removeprefix("www.")
    if host in ARCHIVE_TODAY_HOSTS:
        raise ArchiveError(
            "an archive.today short link does not say what it is a copy of: give its long form, "
            "https://archive.ph/<timestamp>/<the source's URL>"
        )
    raise ArchiveError(
        "not an archived copy: give https://web.archive.org/web/<timestamp>/<the source's URL> "
        "or https://archive.ph/<timestamp>/<the source's URL>"
    )


def _norm(url: str) -> tuple[str, str, str]:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = parts.port
    if port not in (None, 80, 443):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/") or ""
    return host, path, parts.query


def same_page(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` name the same page, up to scheme, host case, www., default port, final '/'."""
    if "://" not in a or "://" not in b:
        return False
    return _norm(a) == _norm(b)


def wayback_url(timestamp: str, url: str) -> str:
    """The address of the Wayback Machine's copy of ``url`` made at ``timestamp`` (YYYYMMDDhhmmss)."""
    return f"https://web.archive.org/web/{timestamp}/{url}"


def days_between(a: PartialDate, b: PartialDate) -> int:
    """Calendar days from ``a`` to ``b`` (both known to the day)."""
    return (date(*b.first_day()) - date(*a.first_day())).days


def is_dead(status: str, checked: PartialDate, failing_since: PartialDate | None) -> bool:
    """Dead: failing now, and already failing on a check at least DEAD_AFTER_DAYS earlier."""
    return (
        status in FAILURES
        and failing_since is not None
        and days_between(failing_since, checked) >= DEAD_AFTER_DAYS
    )


def source_problems(v: dict[str, Any]) -> list[tuple[str, str]]:
    """(field, message) for what is wrong between a converted source's url, archive_url and link_status."""
    out: list[tuple[str, str]] = []
    url, archive = v["url"], v.get("archive_url")
    if archive is not None and archive != url:
        try:
            got = parse_archive(archive)
        except ArchiveError as exc:
            out.append(("archive_url", str(exc)))
        else:
            if not same_page(got.original, url):
                out.append(("archive_url", f"a copy of {got.original}, not of this source's url {url}"))
    ls = v.get("link_status")
    if ls is None:
        return out
    checked, since = ls.checked, ls.failing_since
    for key, d in (("checked", checked), ("failing_since", since)):
        if d is not None and d.precision != "day":
            out.append((f"link_status.{key}", f"'{d}' is not a day: write YYYY-MM-DD"))
    if out and any(k.startswith("link_status.") for k, _ in out):
        return out
    if ls.status in FAILURES and since is None:
        out.append(
            (
                "link_status.failing_since",
                f"a '{ls.status}' check needs 'failing_since' (the first failed check)",
            )
        )
    if ls.status not in FAILURES and since is not None:
        out.append(
            ("link_status.failing_since", f"'{ls.status}' is not a failure: remove 'failing_since'")
        )
    if since is not None and days_between(since, checked) < 0:
        out.append(("link_status.failing_since", f"failing since {since}, after the last check ({checked})"))
    final = ls.final_url
    if ls.status == "redirected" and final is None:
        out.append(("link_status.final_url", "a redirected URL needs 'final_url' (where it leads)"))
    if final is not None and final == url:
        out.append(("link_status.final_url", "the final URL is the url itself: remove it"))
    return out


def unarchived_confirmed(dataset: Any) -> list[Any]:
    """Sources cited by a confirmed event that have no archived copy: a warning, never an error
    (``tools/linkkeeper`` archives them; until it has, a dead link would leave the event unchecked)."""
    return [
        s
        for s in dataset.sources
        if s.archive_url is None
        and any(r.KIND == "events" and r.status == "confirmed" for r in dataset.cited_by.get(s.id, ()))
    ]
