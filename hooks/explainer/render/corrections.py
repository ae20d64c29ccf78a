"""Corrections: every correction made to any record, newest first."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..text import inert, page_head
from .blocks import record_link
from .context import Ctx, Page

# The page lists this many, newest first, so that it stays small as corrections accumulate;
# every correction is also shown with its record and is in dataset.json.
SHOWN = 500


def entries(ctx: Ctx) -> list[tuple[Any, Any]]:
    """(record, correction) for every correction of every record, newest first."""
    found = [(r, c) for r in ctx.dataset.all_records() for c in r.corrections]
    found.sort(key=lambda rc: (rc[1].date, rc[0].KIND, rc[0].id), reverse=True)
    return found


def pages(ctx: Ctx) -> Iterator[Page]:
    tr = ctx.tr
    out = page_head(
        tr._("Corrections"),
        tr._("Every correction made to the explainer's records, newest first, with what changed and why."),
        tr._(
            "When a record turns out to be wrong, we correct it and say so here, newest first: what changed and "
            "why. Each record also shows its own corrections and when it was last reviewed."
        ),
        search=False,  # each correction is indexed with its record's text (the timeline, a source's page)
    )
    found = entries(ctx)
    if not found:
        out += [inert(tr._("No record has been corrected yet.")), ""]
    if len(found) > SHOWN:
        out += [
            inert(
                tr._(
                    "The {shown} newest of all {total} corrections are listed here. Each record shows its own "
                    "corrections, and the dataset download holds them all.",
                    shown=tr.number(SHOWN),
                    total=tr.number(len(found)),
                )
            ),
            "",
        ]
        found = found[:SHOWN]
    for r, c in found:
        out.append(f"- **{inert(tr.date(c.date))}**, {record_link(r, ctx)}: {inert(c.change)}")
    out.append("")
    yield Page("corrections.md", "\n".join(out))
