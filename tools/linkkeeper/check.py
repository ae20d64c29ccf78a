"""One URL -> what it is now: live, redirected, gone, blocked, server-error, timeout, dns-failure or error.

HEAD first (cheap for both sides); GET when HEAD gives no clear answer (many servers refuse
or mishandle HEAD). Sites that refuse unknown clients (401, 403, 429, 451, 999, or a bot
wall such as a challenge page) are *blocked*: the page may well be there, so blocked is
never a failure.
"""

from __future__ import annotations

from dataclasses import dataclass

from explainer.archives import same_page

from .net import Client, Reply

BLOCKED_CODES = frozenset({401, 403, 429, 451, 999})
GONE_CODES = frozenset({404, 410})
# Markers of a challenge page put in front of a site by bot protection.
_WALL_HEADERS = ("cf-mitigated", "x-datadome", "x-amzn-waf-action")
_WALL_TEXT = (b"just a moment...", b"attention required", b"captcha", b"are you a robot", b"access denied")


@dataclass(frozen=True)
class Outcome:
    status: str
    code: int | None = None
    final_url: str | None = None  # where redirects ended, when that is another page
    detail: str = ""


def bot_wall(reply: Reply) -> bool:
    if any(h in reply.headers for h in _WALL_HEADERS):
        return True
    head = reply.body[:8192].lower()
    return reply.status in (403, 503) and any(t in head for t in _WALL_TEXT)


def classify(url: str, reply: Reply) -> Outcome:
    """The outcome of a (redirect-following) exchange for ``url``."""
    if reply.error == "timeout":
        return Outcome("timeout", detail=reply.detail)
    if reply.error == "dns":
        return Outcome("dns-failure", detail=reply.detail)
    if reply.error is not None or reply.status is None:
        return Outcome("error", detail=f"{reply.error}: {reply.detail}")
    code = reply.status
    moved = None if same_page(reply.url, url) else reply.url
    if 200 <= code < 300:
        if bot_wall(reply):
            return Outcome("blocked", code, moved, "a bot wall")
        return Outcome("redirected", code, moved) if moved else Outcome("live", code)
    if code in GONE_CODES:
        return Outcome("gone", code, moved)
    if code in BLOCKED_CODES or bot_wall(reply):
        return Outcome("blocked", code, moved)
    if 500 <= code < 600:
        return Outcome("server-error", code, moved)
    return Outcome("error", code, moved, f"HTTP {code}")


def check_url(client: Client, url: str) -> Outcome:
    """HEAD, then GET unless HEAD answered 2xx or the failure is not the server's (DNS, timeout)."""
    head = client.fetch("HEAD", url)
    if head.error in ("dns", "timeout") or (head.status is not None and 200 <= head.status < 300):
        return classify(url, head)
    return classify(url, client.fetch("GET", url))
