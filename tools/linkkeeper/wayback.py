"""The Internet Archive: find an existing copy (availability API), or ask for one (Save Page Now 2).

* Availability: ``GET {availability}?url=<url>&timestamp=<YYYYMMDD>`` answers
  ``{"archived_snapshots": {"closest": {"available": true, "status": "200", "timestamp": ...}}}``
  or ``{"archived_snapshots": {}}``. We ask for the copy closest to the day an editor read the
  page (the source's ``accessed``), and accept only a copy of a page that answered 200.
* Save Page Now 2: ``POST {save}`` with ``url=<url>`` (and the ``Authorization: LOW key:secret``
  header when keys are given) answers ``{"url": ..., "job_id": ...}``; then
  ``GET {save}/status/<job_id>`` every ``poll_interval`` seconds until ``"status"`` is
  ``"success"`` (with the capture's ``timestamp``) or ``"error"`` (with ``status_ext``).
  Captures are spaced by ``save_interval`` seconds: the Archive allows 4 a minute
  anonymously and 12 with keys; we stay well under either.

Errors of either service never stop the run: a service that keeps failing, or that says we
have reached a limit, is left alone for the rest of the run (``ServiceDown``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from .net import Client, Reply

AVAILABILITY = "https://archive.org/wayback/available"
SAVE = "https://web.archive.org/save"
# status_ext values of Save Page Now that mean: stop asking today.
_STOP = (
    "error:too-many-daily-captures",
    "error:user-session-limit",
    "error:proxy-error",
    "error:too-many-requests",
)


class ServiceDown(Exception):
    """The service refused us or kept failing: leave it alone for the rest of the run."""


class ServiceError(Exception):
    """One request failed (the next source may do better)."""


@dataclass
class Wayback:
    client: Client
    availability: str = AVAILABILITY
    save: str = SAVE
    auth: str | None = None  # 'accesskey:secret' for Save Page Now, when the repository has keys
    poll_interval: float = 6.0
    max_polls: int = 20
    save_interval: float = 20.0
    max_failures: int = 5  # consecutive service errors before ServiceDown
    sleep: Callable[[float], None] | None = None
    captures: int = 0  # capture requests made this run
    _failures: int = 0
    _last_save: float | None = None

    def _json(self, reply: Reply, what: str) -> dict[str, Any]:
        if reply.status == 429:
            raise ServiceDown(f"{what}: rate limited (429)")
        if reply.status in (401, 403):
            raise ServiceDown(
                f"{what}: refused ({reply.status}); Save Page Now may need keys (IA_ACCESS_KEY)"
            )
        if reply.error or reply.status != 200:
            self._failed(f"{what}: {reply.error or reply.status} {reply.detail}".strip())
        try:
            data = json.loads(reply.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            self._failed(f"{what}: the answer is not JSON")
        if not isinstance(data, dict):
            self._failed(f"{what}: the answer is not a JSON object")
        self._failures = 0
        return data

    def _failed(self, message: str) -> None:
        self._failures += 1
        if self._failures >= self.max_failures:
            raise ServiceDown(f"{message} ({self._failures} failures in a row)")
        raise ServiceError(message)

    def lookup(self, url: str, near: str) -> str | None:
        """The timestamp of the copy of ``url`` closest to ``near`` (YYYYMMDD) that answered 200, or None."""
        query = urlencode({"url": url, "timestamp": near})
        data = self._json(self.client.fetch("GET", f"{self.availability}?{query}"), "availability API")
        closest = (data.get("archived_snapshots") or {}).get("closest") or {}
        ts = str(closest.get("timestamp", ""))
        if (
            closest.get("available") is True
            and str(closest.get("status")) == "200"
            and ts.isdigit()
            and len(ts) == 14
        ):
            return ts
        return None

    def capture(self, url: str) -> str | None:
        """Ask Save Page Now for a copy; its timestamp, or None if it is still pending after max_polls."""
        sleep = self.sleep or self.client.sleep
        if self._last_save is not None:
            wait = self._last_save + self.save_interval - self.client.clock()
            if wait > 0:
                sleep(wait)
        self._last_save = self.client.clock()
        self.captures += 1
        headers = {"Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded"}
        if self.auth:
            headers["Authorization"] = f"LOW {self.auth}"
        body = urlencode({"url": url, "skip_first_archive": "1"}).encode()
        data = self._json(self.client.fetch("POST", self.save, body, headers), "Save Page Now")
        job = data.get("job_id")
        if not isinstance(job, str) or not job:
            message = str(data.get("message") or data.get("status_ext") or "no job id")
            if "limit" in message.lower() or any(s in message for s in _STOP):
                raise ServiceDown(f"Save Page Now: {message}")
            raise ServiceError(f"Save Page Now: {message}")
        status_headers = {
            "Accept": "application/json",
            **({"Authorization": f"LOW {self.auth}"} if self.auth else {}),
        }
        for _ in range(self.max_polls):
            sleep(self.poll_interval)
            data = self._json(
                self.client.fetch("GET", f"{self.save}/status/{job}", None, status_headers),
                "Save Page Now status",
            )
            status = data.get("status")
            if status == "success":
                ts = str(data.get("timestamp", ""))
                if ts.isdigit() and len(ts) == 14:
                    return ts
                raise ServiceError("Save Page Now: success without a timestamp")
            if status == "error":
                ext = str(data.get("status_ext", "error"))
                if ext in _STOP:
                    raise ServiceDown(f"Save Page Now: {ext}")
                raise ServiceError(f"Save Page Now: {ext}: {data.get('message', '')}".rstrip(": "))
        return None
