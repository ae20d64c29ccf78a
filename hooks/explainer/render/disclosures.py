"""The story in the order the world learned it: every event by the day it became public,
beside the day it happened and who made it public. Past ``periods.LIST_ALL`` events (a
long story) only the events with a recorded later disclosure are listed, so that the page
stays small; the timeline lists every event."""

from __future__ import annotations

from typing import Any

from ..text import inert, link, page_head
from . import periods
from .blocks import actor_links, count
from .context import Ctx, Page


def known(e: Any) -> Any:
    """When an event became public: its disclosure, or the event itself."""
    return e.disclosed.date if e.disclosed is not None else e.date


def page(ctx: Ctx) -> Page:
    tr = ctx.tr
    events = sorted(ctx.dataset.events, key=lambda e: (known(e), e.date, e.id))
    later = [e for e in events if e.disclosed is not None]
    long_story = len(events) > periods.LIST_ALL
    if long_story:
        # A long story lists only what the timeline cannot show: the later disclosures.
        lead = tr._(
            "The timeline orders events by when they happened. Much of this story was secret first and public "
            "later. Of the {events}, the data records a later disclosure and who made it for {later}: they are "
            "listed here by the day each became public. The others record none; the timeline lists them by the "
            "day they happened.",
            events=count("events", len(events), ctx),
            later=tr.n_("{n} event", "{n} events", len(later)),
        )
    else:
        lead = tr._(
            "The timeline orders events by when they happened. Much of this story was secret first and public later: "
            "here the same {events} are ordered by the day each became public. For {later} the data records a later "
            "disclosure and who made it; for the others it records none, and they are listed by the day they happened.",
            events=count("events", len(events), ctx),
            later=tr.n_("{n} event", "{n} events", len(later)),
        )
    out = page_head(
        tr._("In the order it became known"),
        tr._(
            "The events of North Korea's deployment to Russia in the order they became public, with who revealed them."
        ),
        lead,
        # The timeline is in the search index already: the same events again would only make
        # the index, which every page downloads and reads, heavier.
        search=False,
    )
    # A list, not a table: a phone lays out a few hundred list items far faster than a
    # four-column table of as many rows (bench/lighthouse.py), and reads them without scrolling sideways.
    happened_label, by_label = inert(tr._("Happened")), inert(tr._("Made public by"))
    for e in later if long_story else events:
        happened = (
            tr.date(e.date) if e.end is None else tr._("{start} to {end}", start=tr.date(e.date), end=tr.date(e.end))
        )
        by = (
            actor_links(e.disclosed.by, ctx) if e.disclosed is not None else inert(tr._("no later disclosure recorded"))
        )
        out.append(
            f"- **{inert(tr.date(known(e)))}**: {link(e.title, ctx.url(e))}. "
            f"*{happened_label}:* {inert(happened)}. *{by_label}:* {by}."
        )
    out.append("")
    return Page("disclosures.md", "\n".join(out))
