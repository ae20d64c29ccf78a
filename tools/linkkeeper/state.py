"""What was known + what one check found -> the new ``link_status`` (a plain dict, in field order).

A failure (gone, server-error, timeout, dns-failure, error) starts or continues a run of
failures, dated by ``failing_since``; anything else ends it. The site calls a link dead
(``explainer.archives.is_dead``) only when the run of failures spans at least 7 days, that is
two failed checks at least a week apart: one timeout, or one bad week, never kills a link.
"""

from __future__ import annotations

from typing import Any

from explainer.archives import FAILURES, is_dead
from explainer.dates import PartialDate

from .check import Outcome


def advance(previous: dict[str, Any] | None, outcome: Outcome, today: PartialDate) -> dict[str, Any]:
    """The link_status to record after ``outcome`` was found on ``today``."""
    new: dict[str, Any] = {"status": outcome.status}
    if outcome.code is not None:
        new["code"] = outcome.code
    new["checked"] = today
    if outcome.status in FAILURES:
        kept = previous is not None and previous.get("status") in FAILURES and previous.get("failing_since")
        new["failing_since"] = previous["failing_since"] if kept else today  # type: ignore[index]
    if outcome.final_url:
        new["final_url"] = outcome.final_url
    return new


def dead(link_status: dict[str, Any] | None) -> bool:
    if not link_status:
        return False
    return is_dead(link_status["status"], link_status["checked"], link_status.get("failing_since"))
