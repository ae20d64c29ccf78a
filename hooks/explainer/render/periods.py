"""Where each event is shown: one timeline page, or, for a long timeline, one page per period.

No timeline page shows more than ``PAGE_EVENTS`` events: about 3 kB of HTML and 30 elements
each, so that a cheap phone lays a page out within Lighthouse's budget (at 148 events on one
page the timeline scored 89-94 on mobile, its year pages of 72 events 96-99;
bench/lighthouse.py). Up to that many the whole timeline is one page, ``/timeline/``, each
event at ``/timeline/#<event-id>``. Past it, ``/timeline/`` becomes an overview and each year
gets its own page, ``/timeline/<year>/#<event-id>``; a year with more events is split by
month, ``/timeline/<year>-<month>/``, and a month with more still into pages of whole days in
date order, ``/timeline/<year>-<month>/``, ``/timeline/<year>-<month>-2/``... (a single day
with more is cut by count). An event's year and month page follow from its date alone; within
a crowded month its page can move as events are added, so every timeline page carries a small
id-to-page map that explainer.js reads to follow a link whose event is no longer there
(``/timeline/#<id>`` included).

A page that lists every event in one line each (the overview's headlines, the disclosures,
the map's list) lists them all up to ``LIST_ALL`` events, and past it only what its own page
needs (see each page).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Any

from ..i18n import Catalogue
from ..memo import once_per
from ..model import Dataset

PAGE_EVENTS = 100
SPLIT_AT = PAGE_EVENTS  # the whole timeline is one page up to this many events
LIST_ALL = 250  # a page of one line an event lists them all up to this many events


@dataclass(frozen=True)
class Part:
    key: str  # "2025" or "2025-04"
    uri: str  # "timeline/2025.md"
    year: int
    month: int | None  # None: the whole year; 0: the events of the year whose month is not known
    events: tuple[Any, ...]
    piece: int = 0  # 0: the whole month (or year); 1, 2...: one page of a crowded month
    cut: int = 0  # 1, 2...: one page of a day too crowded for one page (0: not cut)

    def title(self, tr: Catalogue) -> str:
        if self.month is None:
            return str(self.year)
        if self.month == 0:
            unknown = tr._("{year}, month not known", year=self.year)
            return f"{unknown} ({self.piece})" if self.piece else unknown
        if not self.piece:
            return tr.month(self.year, self.month)
        first, last = self.events[0].date, self.events[-1].date
        if first != last:
            return tr._("{start} to {end}", start=tr.date(first), end=tr.date(last))
        return f"{tr.date(first)} ({self.cut})" if self.cut else tr.date(first)


@once_per
def _layout(dataset: Dataset) -> tuple[list[Part], dict[str, str]]:
    parts: list[Part] = []
    if len(dataset.events) > SPLIT_AT:
        for year, in_year in groupby(dataset.events, key=lambda e: e.date.year):
            events = tuple(in_year)
            if len(events) <= PAGE_EVENTS:
                parts.append(Part(str(year), f"timeline/{year}.md", year, None, events))
                continue
            for month, in_month in groupby(events, key=lambda e: e.date.month):
                key = f"{year}-{month:02d}"
                month_events = tuple(in_month)
                if len(month_events) <= PAGE_EVENTS:
                    parts.append(Part(key, f"timeline/{key}.md", year, month, month_events))
                    continue
                pieces = _pieces(month_events)
                # A day over several pages: its pages are numbered in their titles.
                one_day = [p[0].date for p in pieces if p[0].date == p[-1].date]
                seen: dict[Any, int] = {}
                for n, piece in enumerate(pieces, start=1):
                    pkey = key if n == 1 else f"{key}-{n}"
                    day = piece[0].date
                    cut = 0
                    if day == piece[-1].date and one_day.count(day) > 1:
                        cut = seen[day] = seen.get(day, 0) + 1
                    parts.append(Part(pkey, f"timeline/{pkey}.md", year, month, piece, n, cut))
    page_of = {e.id: part.uri for part in parts for e in part.events}
    return parts, page_of


def _pieces(events: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    """A crowded month's events in pages of whole days, each at most ``PAGE_EVENTS`` (a day
    with more than that is cut by count)."""
    pieces: list[tuple[Any, ...]] = []
    current: list[Any] = []
    for _, in_day in groupby(events, key=lambda e: e.date):
        day = list(in_day)
        if current and len(current) + len(day) > PAGE_EVENTS:
            pieces.append(tuple(current))
            current = []
        while len(day) > PAGE_EVENTS:
            pieces.append(tuple(day[:PAGE_EVENTS]))
            day = day[PAGE_EVENTS:]
        current += day
    if current:
        pieces.append(tuple(current))
    return pieces


def parts(dataset: Dataset) -> list[Part]:
    """The timeline's parts, in date order; empty when the timeline is one page."""
    return _layout(dataset)[0]


def event_page(dataset: Dataset, event_id: str) -> str:
    """The Markdown source path of the page that shows an event."""
    return _layout(dataset)[1].get(event_id, "timeline.md")
