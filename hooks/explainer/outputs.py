"""Everything a build publishes, registered in one place: pages, files and the navigation.

Pages come from the record kinds (each kind's ``pages``) and from the site pages below;
files from ``FILES``. The downloads page lists ``FILES``, and the navigation is ``NAV``:
nothing else names a generated page or a download.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from . import export
from .i18n import N_
from .kinds import KINDS
from .model import Dataset
from .render import corrections, downloads, periods
from .render.context import Ctx, Page


@dataclass(frozen=True)
class File:
    """A file the site publishes: its path, how the downloads page describes it (message
    ids; ``None``: not listed there) and what makes it (``None``: no file in this build)."""

    path: str
    produce: Callable[[Ctx], str | None]
    description: str | None = None


def _timeline_ids(ctx: Ctx) -> str | None:
    # event id -> the page of its period, relative to /timeline/, for explainer.js.
    split = periods.parts(ctx.dataset)
    if not split:
        return None
    ids = {e.id: part.key + "/" for part in split for e in part.events}
    return json.dumps(ids, separators=(",", ":"), sort_keys=True) + "\n"


FILES: tuple[File, ...] = (
    File(
        "data/dataset.json",
        lambda ctx: export.dataset_json(ctx.dataset),
        N_("every record of every kind, with a `schema_version`."),
    ),
    File(
        "data/events.csv", lambda ctx: export.events_csv(ctx.dataset), N_("the timeline as a table, one event a row.")
    ),
    File("data/schema.json", lambda ctx: export.schema_json(), N_("the JSON Schema that describes the data files.")),
    File("timeline/ids.json", _timeline_ids),
)

# The site's pages that no record kind owns.
SITE_PAGES: tuple[Callable[[Ctx], Iterator[Page]], ...] = (corrections.pages, downloads.pages)

# The navigation: (title, page) or (title, (sub-entries)). Hand-written pages (in docs/)
# and generated ones alike.
NavEntry = tuple[str, "str | tuple[NavEntry, ...]"]
NAV: tuple[NavEntry, ...] = (
    (N_("Explainer"), "index.md"),
    (N_("Timeline"), "timeline.md"),
    (N_("The numbers"), "numbers.md"),
    (N_("Actors"), "actors/index.md"),
    (N_("Places"), "places/index.md"),
    (N_("Glossary"), "glossary.md"),
    (N_("Sources"), "sources/index.md"),
    (N_("Claims checked"), "claims.md"),
    (
        N_("About"),
        (
            (N_("Methodology"), "methodology.md"),
            (N_("Corrections"), "corrections.md"),
            (N_("Downloads"), "downloads.md"),
        ),
    ),
)


def nav_pages() -> set[str]:
    def walk(entries: tuple[NavEntry, ...]) -> Iterator[str]:
        for _, target in entries:
            if isinstance(target, str):
                yield target
            else:
                yield from walk(target)

    return set(walk(NAV))


def pages(ctx: Ctx) -> dict[str, Page]:
    """Markdown source path -> page, for every generated page, in a stable order."""
    out: dict[str, Page] = {}
    for make in (*(k.pages for k in KINDS.values()), *SITE_PAGES):
        for page in make(ctx):
            if page.uri in out:  # pragma: no cover - a programming error, not a data error
                raise ValueError(f"two renderers make {page.uri}")
            out[page.uri] = page
    return out


def files(ctx: Ctx) -> dict[str, str]:
    """Site path -> content of every file this build publishes."""
    out = {}
    for f in FILES:
        content = f.produce(ctx)
        if content is not None:
            out[f.path] = content
    return out


def all_pages(dataset: Dataset, **context: Any) -> dict[str, str]:
    """Markdown source path -> Markdown of every generated page (``context``: ``Ctx``'s
    other fields, e.g. ``repo``); for tests and the benchmark."""
    return {uri: page.markdown for uri, page in pages(Ctx(dataset, **context)).items()}


def all_files(dataset: Dataset, **context: Any) -> dict[str, str]:
    """Site path -> content of every published file; for tests and the benchmark."""
    return files(Ctx(dataset, **context))
