"""The places: an index, a page for each place with its events, and a map of them all."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..kinds.places import PLACE_KINDS
from ..text import front_matter, inert, link, page_head
from .actors import names_table, native_names
from .blocks import count, record_link, record_meta, status_badge
from .context import Ctx, Page
from .jsonld import dump, page_url
from .notes import Footnotes
from .timeline import event_date


def coordinates(p: Any, ctx: Ctx) -> str:
    """'51.19° N, 35.27° E'."""
    tr = ctx.tr
    ns = tr._("{deg}° N", deg=tr.number(abs(p.lat))) if p.lat >= 0 else tr._("{deg}° S", deg=tr.number(abs(p.lat)))
    ew = tr._("{deg}° E", deg=tr.number(abs(p.lon))) if p.lon >= 0 else tr._("{deg}° W", deg=tr.number(abs(p.lon)))
    return f"{ns}, {ew}"


def events_at(p: Any, ctx: Ctx) -> list[Any]:
    """The events at a place or at any place within it."""
    inside = {p.id} | {q.id for q in ctx.dataset.places if _within(q, p.id, ctx)}
    return [e for e in ctx.dataset.events if inside.intersection(e.places)]


def _within(q: Any, pid: str, ctx: Ctx) -> bool:
    seen = set()
    while q.within is not None and q.within not in seen:
        if q.within == pid:
            return True
        seen.add(q.within)
        q = ctx.dataset.get("places", q.within)
    return False


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
        f"*{inert(kind)}*{within} · {inert(coordinates(p, ctx))}{notes.refs(p.sources)}",
        "",
        record_meta(p, ctx),
    ]
    events = events_at(p, ctx)
    out += [f"## {inert(tr._('Events'))} {{ #events }}", ""]
    if events:
        out += [
            f"- {link(f'{event_date(e, ctx)}: {e.title}', ctx.url(e))} {status_badge(e.status, ctx)}" for e in events
        ]
    else:
        out.append(inert(tr._("No event in the timeline names this place yet.")))
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


def pages(ctx: Ctx) -> Iterator[Page]:
    yield index_page(ctx)
    for p in ctx.dataset.places:
        yield place_page(p, ctx)
