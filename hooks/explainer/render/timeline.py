"""Where each event is shown: one timeline page, or, for a long timeline, one page per year.

Up to ``SPLIT_AT`` events the whole timeline is one page, ``/timeline/``, each event at
``/timeline/#<event-id>``. Past that, ``/timeline/`` becomes an overview and each year
gets its own page, ``/timeline/<year>/#<event-id>`` (a year with more than
``MONTH_SPLIT_AT`` events is split by month, ``/timeline/<year>-<month>/``), so that no
page grows past a megabyte. An event's part follows from its date alone, so its
permalink holds for as long as its date does; ``/timeline/#<event-id>`` keeps working
through a small id-to-page map that explainer.js reads on the overview.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from itertools import groupby

from ..dates import MONTHS
from ..model import Dataset, Event

SPLIT_AT = 500
MONTH_SPLIT_AT = 400


@dataclass(frozen=True)
class Part:
    key: str  # "2025" or "2025-04"
    uri: str  # "timeline/2025.md"
    title: str  # "2025" or "April 2025"
    events: tuple[Event, ...]


_cache: weakref.WeakKeyDictionary[Dataset, tuple[list[Part], dict[str, str]]] = weakref.WeakKeyDictionary()


def _layout(dataset: Dataset) -> tuple[list[Part], dict[str, str]]:
    cached = _cache.get(dataset)
    if cached is not None:
        return cached
    parts: list[Part] = []
    if len(dataset.events) > SPLIT_AT:
        for year, in_year in groupby(dataset.events, key=lambda e: e.date.year):
            events = tuple(in_year)
            if len(events) <= MONTH_SPLIT_AT:
                parts.append(Part(str(year), f"timeline/{year}.md", str(year), events))
                continue
            for month, in_month in groupby(events, key=lambda e: e.date.month):
                key = f"{year}-{month:02d}"
                title = f"{MONTHS[month - 1]} {year}" if month else f"{year}, month not known"
                parts.append(Part(key, f"timeline/{key}.md", title, tuple(in_month)))
    page_of = {e.id: part.uri for part in parts for e in part.events}
    _cache[dataset] = (parts, page_of)
    return parts, page_of


def parts(dataset: Dataset) -> list[Part]:
    """The timeline's parts, in date order; empty when the timeline is one page."""
    return _layout(dataset)[0]


def event_url(dataset: Dataset, event_id: str) -> str:
    """The page and anchor of an event, for Markdown links (``/timeline.md#id``)."""
    return f"/{_layout(dataset)[1].get(event_id, 'timeline.md')}#{event_id}"
