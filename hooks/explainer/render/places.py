"""The places: an index, a page for each place with its events, and a map of them all."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

from ..kinds.places import PLACE_KINDS
from ..memo import once_per
from ..model import Dataset
from ..text import front_matter, inert, link, page_head
from ..urls import public_path
from . import periods
from .actors import names_table, native_names
from .blocks import count, record_link, record_meta, status_badge
from .context import Ctx, Page
from .jsonld import dump, page_url
from .locator import coordinates, locator
from .notes import Footnotes
from .timeline import event_data, event_date, events_section, filter_form

MAP = "assets/map/region.svg"


def map_url(page: str) -> str:
    """The committed map, as raw HTML on ``page`` reaches it (MkDocs rewrites no raw HTML)."""
    depth = public_path(page, Dataset()).count("/")
    return "../" * depth + MAP


def events_at(p: Any, ctx: Ctx) -> list[Any]:
    """The events at a place or at any place within it, in timeline order."""
    return _events_by_place(ctx.dataset).get(p.id, [])


@once_per
def _events_by_place(dataset: Dataset) -> dict[str, list[Any]]:
    """Place id -> its events and those of the places within it, made in one pass."""
    made: dict[str, list[Any]] = {}
    for e in dataset.events:
        for pid in dict.fromkeys(a for q in e.places for a in _self_and_containers(q, dataset)):
            made.setdefault(pid, []).append(e)
    return made


def _self_and_containers(pid: str, dataset: Dataset) -> list[str]:
    """A place and every place it lies within (a loop in ``within`` ends the walk)."""
    chain = [pid]
    q = dataset.get("places", pid)
    while q.within is not None and q.within not in chain:
        chain.append(q.within)
        q = dataset.get("places", q.within)
    return chain


def index_page(ctx: Ctx) -> Page:
    tr, places = ctx.tr, ctx.dataset.places
    out = page_head(
        tr._("Places"),
        tr._("Where the events of North Korea's deployment to Russia happened."),
        tr._("{places}, each with the events that happened there.", places=count("places", len(places), ctx)),
    )
    for kind, label in PLACE_KINDS.items():
        group = [p for p in places if p.kind == kind]
        if not group:
            continue
        out += [f"## {inert(tr._(label))} {{ #{kind} }}", ""]
        for p in group:
            n = len(events_at(p, ctx))
            out.append(f"- {record_link(p, ctx)}{native_names(p)} ({inert(count('events', n, ctx))})")
        out.append("")
    return Page("places/index.md", "\n".join(out))


def place_page(p: Any, ctx: Ctx) -> Page:
    tr = ctx.tr
    notes = Footnotes(ctx)
    kind = tr._(PLACE_KINDS[p.kind])
    within = ""
    if p.within:
        within = " " + tr._("in {place}", place="\x00")
        within = inert(within).replace("\x00", record_link(ctx.dataset.get("places", p.within), ctx))
    out = [
        front_matter(p.name, tr._("{name}: where it is and what happened there.", name=p.name), search=False),
        f"# {inert(p.name)}",
        "",
        *names_table(p, ctx),
        f"*{inert(kind)}*{within} · {inert(coordinates(p.lat, p.lon, ctx.tr))}{notes.refs(p.sources)}",
        "",
        locator([p], map_url(f"places/{p.id}.md"), min_width=150, tr=ctx.tr),
        "",
        record_meta(p, ctx),
    ]
    out += events_section(events_at(p, ctx), ctx, tr._("No event in the timeline names this place yet."))
    out += ["", notes.definitions()]
    ld = {
        "@context": "https://schema.org",
        "@type": "Place",
        "name": p.name,
        "geo": {"@type": "GeoCoordinates", "latitude": p.lat, "longitude": p.lon},
    }
    if ctx.site_url:
        ld["@id"] = page_url(f"places/{p.id}.md", ctx)
    return Page(f"places/{p.id}.md", "\n".join(out), dump(ld))


def map_page(ctx: Ctx) -> Page:
    """Every place on one map, with the events that happened at them, filterable like the
    timeline: a marker stays while any of its events is shown."""
    tr = ctx.tr
    events = tuple(e for e in ctx.dataset.events if e.places)
    out = page_head(
        tr._("Map"),
        tr._("Where the events of North Korea's deployment to Russia happened, on one map, with filters."),
        tr._(
            "{events} at {places}. Choose an actor, a category, a status or a year to see where those events "
            "happened; every place has a page of its own.",
            events=count("events", len(events), ctx),
            places=count("places", len(ctx.dataset.places), ctx),
        ),
        search=False,  # the events are in the index with the timeline; the places with their pages
    )
    out += [
        f'<figure class="ex-map">{locator(ctx.dataset.places, map_url("map.md"), labels=False, tr=tr)}</figure>',
        "",
        link(tr._("All places, by kind"), ctx.url("places/index.md")),
        "",
    ]
    if len(events) > periods.LIST_ALL:  # a long story: one line a place, not one an event
        return Page("map.md", "\n".join(out + _places_to_filter(events, ctx)))
    out += [filter_form(events, ctx), ""]
    for e in events:
        names = ", ".join(record_link(ctx.dataset.get("places", p), ctx) for p in e.places)
        data = event_data(e) + f' data-places="{html.escape(" ".join(e.places))}"'
        out.append(
            f'<p class="ex-event ex-event--brief" {data} markdown>'
            f'{link(f"{event_date(e, ctx)}: {e.title}", ctx.url(e))}'
            f" {status_badge(e.status, ctx)} · {names}</p>"
        )
    out.append("")
    return Page("map.md", "\n".join(out))


def _places_to_filter(events: tuple[Any, ...], ctx: Ctx) -> list[str]:
    """Past a timeline's split the map lists its places, each carrying what its events are
    (years, categories, statuses, actors), so that the same filters keep a place while one of
    its events could match: the page stays small however long the story grows."""
    tr = ctx.tr
    at: dict[str, list[Any]] = {}
    for e in events:
        for p in e.places:
            at.setdefault(p, []).append(e)
    counted = (tr._("Showing all {total} places."), tr._("Showing {shown} of {total} places."))
    out = [filter_form(events, ctx, counted, total=sum(1 for p in ctx.dataset.places if p.id in at)), ""]
    for p in ctx.dataset.places:
        mine = at.get(p.id, [])
        if not mine:
            continue

        def values(key: Any, mine: list[Any] = mine) -> str:
            return html.escape(" ".join(sorted({str(v) for e in mine for v in key(e)})))

        data = (
            f'data-year="{values(lambda e: [e.date.year])}" data-category="{values(lambda e: [e.category])}" '
            f'data-status="{values(lambda e: [e.status])}" data-actors="{values(lambda e: e.actors)}" '
            f'data-places="{html.escape(p.id)}"'
        )
        n = inert(count("events", len(mine), ctx))
        out.append(f'<p class="ex-event ex-event--brief" {data} markdown>{record_link(p, ctx)} ({n})</p>')
    return [*out, ""]


def pages(ctx: Ctx) -> Iterator[Page]:
    yield index_page(ctx)
    yield map_page(ctx)
    for p in ctx.dataset.places:
        yield place_page(p, ctx)
