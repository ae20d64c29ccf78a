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

from . import export, gcpause, publish
from .i18n import N_
from .kinds import KINDS
from .model import Dataset
from .render import corrections, downloads, periods
from .render.context import Ctx, Page


@dataclass(frozen=True)
class Output:
    """Files the site publishes: the path the downloads page shows (a file, or a folder of
    one file per record), how it describes them (a message id; ``None``: not listed), and
    what makes them (site path -> content; empty when a build has none)."""

    path: str
    produce: Callable[[Ctx], dict[str, str]]
    description: str | None = None


def _timeline_ids(ctx: Ctx) -> dict[str, str]:
    # event id -> the page of its period, relative to /timeline/, for explainer.js.
    split = periods.parts(ctx.dataset)
    if not split:
        return {}
    ids = {e.id: part.key + "/" for part in split for e in part.events}
    return {"timeline/ids.json": json.dumps(ids, separators=(",", ":"), sort_keys=True) + "\n"}


FILES: tuple[Output, ...] = (
    Output(
        "data/dataset.json",
        lambda ctx: {"data/dataset.json": export.dataset_json(ctx.dataset)},
        N_("every record of every kind, with a `schema_version`."),
    ),
    Output(
        "data/events.csv",
        lambda ctx: {"data/events.csv": export.events_csv(ctx.dataset)},
        N_("the timeline as a table, one event a row."),
    ),
    Output(
        "data/schema.json",
        lambda ctx: {"data/schema.json": export.schema_json()},
        N_("the JSON Schema that describes the data files."),
    ),
    Output(
        "data/timeline.json",
        lambda ctx: {"data/timeline.json": publish.timelinejs(ctx)},
        N_("the timeline in TimelineJS's JSON format, to embed in your own pages."),
    ),
    Output(
        "events.atom",
        lambda ctx: {"events.atom": publish.events_feed(ctx)},
        N_("an Atom feed of the 100 most recent events, newest first."),
    ),
    Output(
        "corrections.atom",
        lambda ctx: {"corrections.atom": publish.corrections_feed(ctx)},
        N_("an Atom feed of the 100 most recent corrections, newest first."),
    ),
    Output(
        "cite/all.bib",
        lambda ctx: publish.all_citations(ctx),
        N_(
            "citations of every event, figure, claim and source, as BibTeX (also `all.ris` for RIS and `all.json` "
            "for CSL-JSON)."
        ),
    ),
    Output(
        "cite/",
        publish.record_citations,
        N_(
            "one citation per record, in `cite/<kind>/<id>.txt`, `.bib`, `.ris` and `.json`: each record's page "
            "links to its own."
        ),
    ),
    Output("timeline/ids.json", _timeline_ids),
)

# mkdocs.yml's words for readers, as messages for the catalogues (a test holds them equal).
SITE_NAME = N_("North Korean troops in Russia")
SITE_DESCRIPTION = N_(
    "A sourced explainer of North Korea's deployment of troops to Russia to fight Ukraine: the timeline, "
    "the actors, the numbers and every source behind them."
)
COPYRIGHT = N_("Text and data under CC BY 4.0; every claim names its source.")
PALETTE_TOGGLES = (N_("Switch to dark mode"), N_("Switch to light mode"))

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
    (N_("Map"), "map.md"),
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
    with gcpause.paused():
        for make in (*(k.pages for k in KINDS.values()), *SITE_PAGES):
            for page in make(ctx):
                if page.uri in out:  # pragma: no cover - a programming error, not a data error
                    raise ValueError(f"two renderers make {page.uri}")
                out[page.uri] = page
    return out


def files(ctx: Ctx) -> dict[str, str]:
    """Site path -> content of every file this build publishes."""
    out: dict[str, str] = {}
    with gcpause.paused():
        for f in FILES:
            out.update(f.produce(ctx))
    return out


def all_pages(dataset: Dataset, **context: Any) -> dict[str, str]:
    """Markdown source path -> Markdown of every generated page (``context``: ``Ctx``'s
    other fields, e.g. ``repo``); for tests and the benchmark."""
    return {uri: page.markdown for uri, page in pages(Ctx(dataset, **context)).items()}


def all_files(dataset: Dataset, **context: Any) -> dict[str, str]:
    """Site path -> content of every published file; for tests and the benchmark."""
    return files(Ctx(dataset, **context))
