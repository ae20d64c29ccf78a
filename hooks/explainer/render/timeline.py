"""The timeline: every event in date order, on one page or, when long, one page per period."""

from __future__ import annotations

import html
from collections.abc import Iterator
from itertools import groupby
from typing import Any

from ..kinds.events import CATEGORIES, STATUS_HELP, STATUSES, Event
from ..text import front_matter, inert, link, page_head, paragraphs
from . import periods
from .blocks import actor_links, cite_links, count, in_english, record_link, record_meta, status_badge
from .context import Ctx, Page
from .jsonld import graph, page_url
from .notes import Footnotes


def event_date(e: Event, ctx: Ctx) -> str:
    """'28 April 2025', 'around 28 April 2025', '18 to 19 June 2024' as the language writes them."""
    tr = ctx.tr
    text = tr.date(e.date)
    if e.end is not None:
        text = tr._("{start} to {end}", start=text, end=tr.date(e.end))
    if e.approximate:
        text = tr._("around {date}", date=text)
    return text


def event_data(e: Event) -> str:
    """The attributes the filters read (explainer.js), escaped."""
    return (
        f'data-year="{e.date.year}" data-category="{html.escape(e.category)}" data-status="{html.escape(e.status)}" '
        f'data-actors="{html.escape(" ".join(e.actors))}"'
    )


def event_block(e: Event, ctx: Ctx, notes: Footnotes, heading: str = "####") -> str:
    """One event: heading with its anchor, date, status, summary with citations, actors."""
    tr = ctx.tr
    data = event_data(e)
    where = [record_link(ctx.dataset.get("places", p), ctx) for p in e.places]
    lang, note = in_english(e, ctx)
    lines = [
        f'<div class="ex-event" {data}{lang} markdown>',
        "",
        *([note, ""] if note else []),
        f"{heading} {inert(e.title)} {{ #{e.id} }}",
        "",
        f'<span class="ex-date">{inert(event_date(e, ctx))}</span> · {status_badge(e.status, ctx)} · '
        f'<span class="ex-category">{inert(tr._(CATEGORIES[e.category]))}</span>'
        + "".join(f" · {w}" for w in where[:1])
        + ("".join(f", {w}" for w in where[1:])),
        "",
        paragraphs(e.summary) + notes.refs(e.sources),
        "",
    ]
    if e.timezone:
        lines += [f"*{inert(tr._('Time zone:'))}* {inert(e.timezone)}", ""]
    for alt in e.alt_dates:
        note = f" ({inert(alt.note)})" if alt.note else ""
        lines += [f"*{inert(tr._('Also dated'))}* {inert(tr.date(alt.date))}{note}{notes.refs(alt.sources)}", ""]
    if e.disclosed is not None:
        d = e.disclosed
        note = f" ({inert(d.note)})" if d.note else ""
        made = inert(tr._("Made public"))
        by = tr._("{date} by", date=tr.date(d.date))
        lines += [f"*{made}* {inert(by)} {actor_links(d.by, ctx)}{note}{notes.refs(d.sources)}", ""]
    lines += [
        f"*{inert(tr._('Actors:'))}* {actor_links(e.actors, ctx)}",
        "",
        cite_links(e, ctx),
        "{: .ex-meta .ex-cite }",
        "",
        record_meta(e, ctx),
        "</div>",
        "",
    ]
    return "\n".join(lines)


def events_section(events: list[Event], ctx: Ctx, none: str, *, search: bool = True) -> list[str]:
    """An 'Events' section of a record's page: each event's date, title and status, linked;
    ``none`` (a message) where there is none; ``search=False`` keeps it out of the index."""
    tr = ctx.tr
    out = [f"## {inert(tr._('Events'))} {{ #events{'' if search else ' data-search-exclude'} }}", ""]
    if not events:
        return [*out, inert(none), ""]
    items = [f"- {link(f'{event_date(e, ctx)}: {e.title}', ctx.url(e))} {status_badge(e.status, ctx)}" for e in events]
    return [*out, *items, ""]


def _legend(ctx: Ctx) -> list[str]:
    """What each status badge means, and where else the events can be read."""
    from .markers import coverage

    tr = ctx.tr
    out = [f"- {status_badge(s, ctx)} {inert(tr._(STATUS_HELP[s]))}." for s in STATUSES]
    known = link(tr._("in the order it became known"), ctx.url("disclosures.md"))
    # The message is inert text around the link: a placeholder keeps the link out of inert().
    also = inert(tr._("The same events can also be read {in_order}.", in_order="\x00")).replace("\x00", known)
    return [*out, "", f"{coverage(ctx)} {also}", ""]


def _intro(ctx: Ctx) -> list[str]:
    tr = ctx.tr
    return [
        *_legend(ctx),
        inert(
            tr._(
                "An event known only to the month or the year is listed at the head of that month or year. "
                "The small raised numbers are citations: hover over or focus one to see the source; "
                "the list of sources is at the foot of the page."
            )
        ),
        "",
    ]


def _events(events: tuple[Event, ...], ctx: Ctx, notes: Footnotes) -> Iterator[str]:
    """Events grouped under year and month headings (the filters hide empty headings)."""
    tr = ctx.tr
    for year, in_year in groupby(events, key=lambda e: e.date.year):
        yield from (f"## {year} {{ #year-{year} }}", "")
        for month, in_month in groupby(in_year, key=lambda e: e.date.month):
            if month:
                yield from (f"### {inert(tr.month(year, month))} {{ #month-{year}-{month:02d} }}", "")
            else:
                yield from (f"### {inert(tr._('{year}, month not known', year=year))} {{ #month-{year}-00 }}", "")
            for e in in_month:
                yield event_block(e, ctx, notes)


def _span(events: tuple[Event, ...], ctx: Ctx) -> tuple[str, str]:
    return (ctx.tr.date(events[0].date), ctx.tr.date(events[-1].date)) if events else ("", "")


def filter_form(
    events: tuple[Event, ...], ctx: Ctx, counted: tuple[str, str] | None = None, total: int | None = None
) -> str:
    """The timeline's filters. Without JavaScript the theme's ``no-js`` class hides them and
    every event is simply listed; with it they take their place from the first paint (no
    layout shift). Every label is escaped here (raw HTML). ``counted``: the live count's two
    messages ({total}; {shown} of {total}), when the filtered items are not events."""
    tr = ctx.tr

    def select(name: str, text: str, options: list[tuple[str, str]]) -> str:
        opts = "".join(f'<option value="{html.escape(v)}">{html.escape(t)}</option>' for v, t in options)
        return (
            f'<label for="ex-filter-{name}">{html.escape(text)}</label>'
            f'<select id="ex-filter-{name}" name="{name}">'
            f'<option value="">{html.escape(tr._("All"))}</option>{opts}</select>'
        )

    used = {a for e in events for a in e.actors}
    actors = [(a.id, a.name) for a in ctx.dataset.actors if a.id in used]
    categories = sorted({e.category for e in events})
    statuses = [s for s in STATUSES if any(e.status == s for e in events)]
    years = sorted({e.date.year for e in events})
    fields = [
        select("actor", tr._("Actor"), actors),
        select("category", tr._("Category"), [(c, tr._(CATEGORIES[c])) for c in categories]),
        select("status", tr._("Status"), [(s, tr._(STATUSES[s])) for s in statuses]),
        select("year", tr._("Year"), [(str(y), str(y)) for y in years]),
    ]
    # The script writes the live count from these two messages ({shown} of {total}).
    every, some = counted or (tr._("Showing all {total} events."), tr._("Showing {shown} of {total} events."))
    count_msgs = f' data-ex-count-all="{html.escape(every)}" data-ex-count-some="{html.escape(some)}"'
    return (
        '<form class="ex-filters" data-ex-filters role="search" '
        f'aria-label="{html.escape(tr._("Filter the timeline"))}"'
        f"{count_msgs}>"
        + "".join(f'<div class="ex-filter">{f}</div>' for f in fields)
        + f'<button type="reset" class="md-button">{html.escape(tr._("Show all"))}</button>'
        # Written here for the page as it loads (everything shown), so that the script has
        # nothing to do until a filter changes.
        + '<p class="ex-filter-count" role="status" aria-live="polite">'
        + html.escape(every.replace("{total}", tr.number(len(events) if total is None else total)))
        + "</p>"
        + "</form>"
    )


def _jsonld(events: tuple[Event, ...], uri: str, ctx: Ctx) -> str:
    # Each event's name, dates, places and address, without its summary: the page shows the
    # summary already, and repeating every one in the head made a fifth of a timeline page's
    # weight, which a phone downloads and parses before it draws anything.
    url = page_url(uri, ctx)
    items = []
    for e in events:
        item: dict[str, Any] = {
            "@type": "Event",
            "@id": f"{url}#{e.id}",
            "url": f"{url}#{e.id}",
            "name": e.title,
            "startDate": e.date.iso(),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        }
        if e.end:
            item["endDate"] = e.end.iso()
        names = [ctx.dataset.get("places", p).name for p in e.places]
        if names:
            item["location"] = (
                {"@type": "Place", "name": names[0]}
                if len(names) == 1
                else [{"@type": "Place", "name": n} for n in names]
            )
        items.append(item)
    return graph(items)


def _overview(ctx: Ctx, split: list[periods.Part]) -> Page:
    """The timeline's first page once it is split: its periods, and, up to ``LIST_ALL``
    events, every event's date and title under its period, so that the whole story can
    still be read down one page (the details, sources and filters are on the periods' pages)."""
    tr, events = ctx.tr, ctx.dataset.events
    first, last = _span(events, ctx)
    headlines = len(events) <= periods.LIST_ALL
    if headlines:  # every event's headline under its period, their status badges explained first
        intro = _lead(events, ctx)
    else:
        intro = tr._(
            "{events} from {first} to {last}, in date order, one page for each period:",
            events=count("events", len(events), ctx),
            first=first,
            last=last,
        )
    out = [*page_head(tr._("Timeline"), _description(ctx, first, last), intro)]
    if headlines:
        # The events are in the search index with their periods' pages, not here again.
        out += [*_legend(ctx), "<div data-search-exclude markdown>", ""]
    for part in split:
        out.append(f"- {link(part.title(tr), ctx.url(part.uri))}: {inert(count('events', len(part.events), ctx))}")
        if headlines:
            out += [
                f"    - {link(f'{event_date(e, ctx)}: {e.title}', ctx.url(e))} {status_badge(e.status, ctx)}"
                for e in part.events
            ]
    out.append("")
    if headlines:
        out += ["</div>", ""]
    # explainer.js follows an old /timeline/#event-id link to the event's page.
    out += ['<div data-ex-timeline-index="ids.json" hidden></div>', ""]
    return Page("timeline.md", "\n".join(out))


def _lead(events: tuple[Event, ...], ctx: Ctx) -> str:
    first, last = _span(events, ctx)
    return ctx.tr._(
        "{events} from {first} to {last}, in date order. Each is marked with how well it is established:",
        events=count("events", len(events), ctx),
        first=first,
        last=last,
    )


def _description(ctx: Ctx, first: str, last: str) -> str:
    return ctx.tr._(
        "Every event of North Korea's deployment to Russia in date order, {first} to {last}, each with its sources.",
        first=first,
        last=last,
    )


def _whole(ctx: Ctx) -> Page:
    tr, events = ctx.tr, ctx.dataset.events
    first, last = _span(events, ctx)
    notes = Footnotes(ctx)
    out = [
        *page_head(tr._("Timeline"), _description(ctx, first, last), _lead(events, ctx)),
        *_intro(ctx),
        filter_form(events, ctx),
        "",
        *_events(events, ctx, notes),
        notes.definitions(),
    ]
    return Page("timeline.md", "\n".join(out), _jsonld(events, "timeline.md", ctx))


def _part(part: periods.Part, prev: periods.Part | None, next_: periods.Part | None, ctx: Ctx) -> Page:
    """One period of a long timeline, with links to the periods before and after."""
    tr = ctx.tr
    notes = Footnotes(ctx)
    first, last = _span(part.events, ctx)
    title = part.title(tr)
    around = " · ".join(
        x
        for x in (
            link(f"\u2190 {prev.title(tr)}", ctx.url(prev.uri)) if prev else "",
            link(tr._("All periods"), ctx.url("timeline.md")),
            link(f"{next_.title(tr)} \u2192", ctx.url(next_.uri)) if next_ else "",
        )
        if x
    )
    heading = tr._("Timeline: {period}", period=title)
    out = [
        # A long story's events stay out of the search index, which every first visit downloads.
        front_matter(
            heading,
            tr._("Events of {period}, {first} to {last}, each with its sources.", period=title, first=first, last=last),
            search=len(ctx.dataset.events) <= periods.LIST_ALL,
        ),
        f"# {inert(heading)}",
        "",
        around,
        "{: .ex-parts }",
        "",
        inert(_lead(part.events, ctx)),
        "",
        *_intro(ctx),
        filter_form(part.events, ctx),
        "",
        *_events(part.events, ctx, notes),
        around,
        "{: .ex-parts }",
        "",
        # A crowded month's pages can shift as events are added: a link to an event that is
        # no longer here is followed to its page (explainer.js).
        '<div data-ex-timeline-index="../ids.json" hidden></div>',
        "",
        notes.definitions(),
    ]
    return Page(part.uri, "\n".join(out), _jsonld(part.events, part.uri, ctx))


def pages(ctx: Ctx) -> Iterator[Page]:
    from .disclosures import page as disclosures

    yield disclosures(ctx)
    split = periods.parts(ctx.dataset)
    if not split:
        yield _whole(ctx)
        return
    yield _overview(ctx, split)
    for i, part in enumerate(split):
        yield _part(part, split[i - 1] if i else None, split[i + 1] if i + 1 < len(split) else None, ctx)
