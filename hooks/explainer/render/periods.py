"""Where each event is shown: one timeline page, or, for a long timeline, one page per period.

Up to ``SPLIT_AT`` events the whole timeline is one page, ``/timeline/``, each event at
``/timeline/#<event-id>``. Past that, ``/timeline/`` becomes an overview and each year
gets its own page, ``/timeline/<year>/#<event-id>`` (a year with more than
``MONTH_SPLIT_AT`` events is split by month, ``/timeline/<year>-<month>/``), so that no
page grows past a megabyte. An event's period follows from its date alone, so its
permalink holds for as long as its date does; ``/timeline/#<event-id>`` keeps working
through a small id-to-page map that explainer.js reads on the overview.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from ..i18n import Catalogue
from ..model import Dataset

SPLIT_AT = 500
MONTH_SPLIT_AT = 400


@dataclass(frozen=True)
class Part:
    key: str  # "2025" or "2025-04"
    uri: str  # "timeline/2025.md"
    year: int
    month: int | None  # None: the whole year; 0: the events of the year whose month is not known
    events: tuple[Any, ...]

    def title(self, tr: Catalogue) -> str:
        if self.month is None:
            return str(self.year)
        if self.month == 0:
            return tr._("{year}, month not known", year=self.year)
        return tr.month(self.year, self.month)


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
                parts.append(Part(str(year), f"timeline/{year}.md", year, None, events))
                continue
            for month, in_month in groupby(events, key=lambda e: e.date.month):
                key = f"{year}-{month:02d}"
                parts.append(Part(key, f"timeline/{key}.md", year, month, tuple(in_month)))
    page_of = {e.id: part.uri for part in parts for e in part.events}
    _cache[dataset] = (parts, page_of)
    return parts, page_of


def parts(dataset: Dataset) -> list[Part]:
    """The timeline's parts, in date order; empty when the timeline is one page."""
    return _layout(dataset)[0]


def event_page(dataset: Dataset, event_id: str) -> str:
    """The Markdown source path of the page that shows an event."""
    return _layout(dataset)[1].get(event_id, "timeline.md")
