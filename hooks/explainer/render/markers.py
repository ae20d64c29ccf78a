"""Markers in hand-written pages that the build fills in from the data: ``<!-- coverage -->``
(the period the account covers and when its sources were last searched) and
``<!-- dead-sources-without-archive -->`` (sources no archive holds)."""

from __future__ import annotations

from collections.abc import Callable

from ..memo import once_per
from ..text import inert
from .context import Ctx
from .linkstate import dead_without_archive


@once_per  # every timeline page shows it
def coverage(ctx: Ctx) -> str:
    """'This account covers events from 25 July 2023 to 20 February 2026; its sources were last
    searched on 3 December 2026.', from the data."""
    events, sources = ctx.dataset.events, ctx.dataset.sources
    if not events or not sources:
        return ""
    tr = ctx.tr
    last = max((e.end or e.date for e in events), key=lambda d: d.last_day())
    searched = max((s.accessed for s in sources), key=lambda d: d.last_day())
    return inert(
        tr._(
            "This account covers events from {first} to {last}; its sources were last searched on {searched}.",
            first=tr.date(events[0].date),
            last=tr.date(last),
            searched=tr.date(searched),
        )
    )


MARKERS: dict[str, Callable[[Ctx], str]] = {
    "<!-- coverage -->": coverage,
    "<!-- dead-sources-without-archive -->": dead_without_archive,
}


def expand_markers(markdown: str, ctx: Ctx) -> str:
    for marker, fill in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, fill(ctx))
    return markdown
