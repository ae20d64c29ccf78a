"""Dataset -> Markdown, one pure function per page kind.

Every function returns the whole page as a string, sorted deterministically, with an
explicit anchor on every record (``{ #record-id }``) so that links survive edits.
Links point at ``/page.md#anchor``: MkDocs resolves them and, with ``validation`` set
in mkdocs.yml, fails a strict build on a link to a page or anchor that does not exist.
"""

from __future__ import annotations

import html
from collections import defaultdict
from itertools import groupby

from ..dates import MONTHS
from ..model import Actor, AnyRecord, Claim, Dataset, Event, Figure, Source, Term
from ..schema import ACTOR_KINDS, MEASURES, SOURCE_TYPES, VERDICTS
from . import timeline
from .chart import chart
from .common import (
    STATUS_HELP,
    MAX_TOC_ENTRIES,
    STATUS_LABEL,
    Footnotes,
    figure_value,
    front_matter,
    inert,
    label,
    edit_link,
    link,
    md_url,
    paragraphs,
    plural,
    record_meta,
    source_title,
    status_badge,
)

LANGUAGE_NAMES = {"ko": "Korean", "ru": "Russian", "uk": "Ukrainian", "en": "English", "zh": "Chinese", "ja": "Japanese"}
ACTOR_KIND_LABEL = {
    "state": "States",
    "government-body": "Government bodies",
    "military-unit": "Armed forces and units",
    "organisation": "Organisations",
    "person": "People",
    "media": "Media",
}
MEASURE_LABEL = {
    "troops-deployed": "Troops deployed",
    "reinforcements": "Reinforcements",
    "engineers-deployed": "Engineers, deminers and military builders deployed",
    "workers-deployed": "Civilian workers sent to Russia",
    "killed": "Killed",
    "wounded": "Wounded",
    "casualties": "Casualties (killed and wounded)",
    "captured": "Captured",
    "missing": "Missing",
}
VERDICT_LABEL = {"accurate": "Accurate", "imprecise": "Imprecise", "inaccurate": "Inaccurate", "unverified": "Unverified"}


# --- shared pieces --------------------------------------------------------------------


def event_date(e: Event) -> str:
    text = e.date.human()
    if e.end is not None:
        text = f"{text} to {e.end.human()}"
    if e.approximate:
        text = f"around {text}"
    return text


def record_url(record: AnyRecord, dataset: Dataset) -> str:
    """The page and anchor where a record is shown."""
    if isinstance(record, Event):
        return timeline.event_url(dataset, record.id)
    if isinstance(record, Actor):
        return f"/actors/{record.id}.md"
    if isinstance(record, Term):
        return f"/glossary.md#{record.id}"
    if isinstance(record, Source):
        return f"/sources/{record.id}.md"
    if isinstance(record, Figure):
        return f"/numbers.md#{record.id}"
    if isinstance(record, Claim):
        return f"/claims.md#{record.id}"
    raise TypeError(record)  # pragma: no cover


def record_title(record: AnyRecord, dataset: Dataset) -> str:
    if isinstance(record, Event):
        return f"{record.date.human()}: {record.title}"
    if isinstance(record, Actor):
        return record.name
    if isinstance(record, Term):
        return record.term
    if isinstance(record, Source):
        return record.title
    if isinstance(record, Figure):
        claimant = dataset.actor[record.claimant].name
        return f"{MEASURE_LABEL[record.measure]}: {figure_value(record)}, according to {claimant}, as of {record.as_of.human()}"
    if isinstance(record, Claim):
        return record.claim
    raise TypeError(record)  # pragma: no cover


def actor_links(ids: tuple[str, ...], dataset: Dataset) -> str:
    return ", ".join(link(dataset.actor[a].name, f"/actors/{a}.md") for a in ids)


def event_block(e: Event, dataset: Dataset, notes: Footnotes, repo: str | None, heading: str = "####") -> str:
    """One event: heading with its anchor, date, status, summary with citations, actors."""
    data = (
        f'data-year="{e.date.year}" data-category="{e.category}" data-status="{e.status}" '
        f'data-actors="{" ".join(e.actors)}"'
    )
    lines = [
        f'<div class="ex-event" {data} markdown>',
        "",
        f"{heading} {inert(e.title)} {{ #{e.id} }}",
        "",
        f'<span class="ex-date">{event_date(e)}</span> · {status_badge(e.status)} · '
        f'<span class="ex-category">{label(e.category)}</span>'
        + (f" · {inert(e.place)}" if e.place else ""),
        "",
        paragraphs(e.summary) + notes.refs(e.sources),
        "",
    ]
    if e.timezone:
        lines += [f"*Time zone:* {inert(e.timezone)}", ""]
    for alt in e.alt_dates:
        note = f" ({inert(alt.note)})" if alt.note else ""
        lines += [f"*Also dated* {alt.date.human()}{note}{notes.refs(alt.sources)}", ""]
    if e.disclosed is not None:
        d = e.disclosed
        note = f" ({inert(d.note)})" if d.note else ""
        lines += [f"*Made public* {d.date.human()} by {actor_links(d.by, dataset)}{note}{notes.refs(d.sources)}", ""]
    lines += [f"*Actors:* {actor_links(e.actors, dataset)}", "", record_meta(e, repo), "</div>", ""]
    return "\n".join(lines)


def cited_list(records: list[AnyRecord], dataset: Dataset) -> str:
    return "\n".join(f"- {link(record_title(r, dataset), record_url(r, dataset))}" for r in records)


# --- pages ---------------------------------------------------------------------------


def _timeline_intro(events: tuple[Event, ...]) -> list[str]:
    out = [f"- {status_badge(s)} {STATUS_HELP[s]}." for s in STATUS_LABEL]
    return out + [
        "",
        "An event known only to the month or the year is listed at the head of that month or year. "
        "The small raised numbers are citations: hover over or focus one to see the source; the list of sources is at the foot of the page.",
        "",
    ]


def _timeline_events(events: tuple[Event, ...], dataset: Dataset, notes: Footnotes, repo: str | None) -> list[str]:
    """Events grouped under year and month headings (the filters hide empty headings)."""
    out: list[str] = []
    for year, in_year in groupby(events, key=lambda e: e.date.year):
        out += [f"## {year} {{ #year-{year} }}", ""]
        for month, in_month in groupby(in_year, key=lambda e: e.date.month):
            if month:
                out += [f"### {MONTHS[month - 1]} {year} {{ #month-{year}-{month:02d} }}", ""]
            else:
                out += [f"### {year}, month not known {{ #month-{year}-00 }}", ""]
            for e in in_month:
                out.append(event_block(e, dataset, notes, repo))
    return out


def _span(events: tuple[Event, ...]) -> tuple[str, str]:
    return (events[0].date.human(), events[-1].date.human()) if events else ("", "")


def timeline_page(dataset: Dataset, repo: str | None = None) -> str:
    """The whole timeline on one page, or, for a long one, an overview of its parts."""
    events = dataset.events
    first, last = _span(events)
    out = [
        front_matter(
            "Timeline",
            f"Every event of North Korea's deployment to Russia in date order, {first} to {last}, each with its sources.",
        ),
        "# Timeline",
        "",
    ]
    split = timeline.parts(dataset)
    if split:
        out += [
            f"{plural(len(events), 'event')} from {first} to {last}, in date order, one page for each period:",
            "",
            *(f"- {link(part.title, '/' + part.uri)}: {plural(len(part.events), 'event')}" for part in split),
            "",
            # explainer.js follows an old /timeline/#event-id link to the event's page.
            '<div data-ex-timeline-index="ids.json" hidden></div>',
            "",
        ]
        return "\n".join(out)
    notes = Footnotes(dataset)
    out += [
        f"{plural(len(events), 'event')} from {first} to {last}, in date order. "
        "Each is marked with how well it is established:",
        "",
        *_timeline_intro(events),
        filter_form(events, dataset),
        "",
        *_timeline_events(events, dataset, notes, repo),
        notes.definitions(),
    ]
    return "\n".join(out)


def timeline_part_page(part: timeline.Part, dataset: Dataset, repo: str | None, prev: timeline.Part | None, next_: timeline.Part | None) -> str:
    """One period of a long timeline, with links to the periods before and after."""
    notes = Footnotes(dataset)
    first, last = _span(part.events)
    around = " · ".join(
        x for x in (
            link(f"\u2190 {prev.title}", "/" + prev.uri) if prev else "",
            link("All periods", "/timeline.md"),
            link(f"{next_.title} \u2192", "/" + next_.uri) if next_ else "",
        ) if x
    )
    out = [
        # Long timelines stay out of the search index, which every first visit downloads.
        front_matter(f"Timeline: {part.title}", f"Events of {part.title}, {first} to {last}, each with its sources.", search=False),
        f"# Timeline: {part.title}",
        "",
        around,
        "{: .ex-parts }",
        "",
        f"{plural(len(part.events), 'event')} from {first} to {last}, in date order. Each is marked with how well it is established:",
        "",
        *_timeline_intro(part.events),
        filter_form(part.events, dataset),
        "",
        *_timeline_events(part.events, dataset, notes, repo),
        around,
        "{: .ex-parts }",
        "",
        notes.definitions(),
    ]
    return "\n".join(out)


def filter_form(events: tuple[Event, ...], dataset: Dataset) -> str:
    """The timeline's filters. Without JavaScript the theme's ``no-js`` class hides them and
    every event is simply listed; with it they take their place from the first paint (no
    layout shift). Option labels are escaped here (raw HTML)."""

    def select(name: str, text: str, options: list[tuple[str, str]]) -> str:
        opts = "".join(f'<option value="{html.escape(v)}">{html.escape(t)}</option>' for v, t in options)
        return (
            f'<label for="ex-filter-{name}">{text}</label>'
            f'<select id="ex-filter-{name}" name="{name}"><option value="">All</option>{opts}</select>'
        )

    used = {a for e in events for a in e.actors}
    actors = [(a.id, a.name) for a in dataset.actors if a.id in used]
    categories = sorted({e.category for e in events})
    statuses = [s for s in STATUS_LABEL if any(e.status == s for e in events)]
    years = sorted({e.date.year for e in events})
    fields = [
        select("actor", "Actor", actors),
        select("category", "Category", [(c, label(c)) for c in categories]),
        select("status", "Status", [(s, STATUS_LABEL[s]) for s in statuses]),
        select("year", "Year", [(str(y), str(y)) for y in years]),
    ]
    return (
        '<form class="ex-filters" data-ex-filters role="search" aria-label="Filter the timeline">'
        + "".join(f'<div class="ex-filter">{f}</div>' for f in fields)
        + '<button type="reset" class="md-button">Show all</button>'
        + '<p class="ex-filter-count" role="status" aria-live="polite"></p>'
        + "</form>"
    )


def actors_index_page(dataset: Dataset) -> str:
    out = [
        front_matter("Actors", "The states, organisations, military units and people in North Korea's deployment to Russia."),
        "# Actors",
        "",
        f"{plural(len(dataset.actors), 'actor')}: who they are and what they did, each on a page of its own.",
        "",
    ]
    by_kind: dict[str, list[Actor]] = defaultdict(list)
    for a in dataset.actors:
        by_kind[a.kind_of].append(a)
    for kind in ACTOR_KINDS:
        if kind not in by_kind:
            continue
        out += [f"## {ACTOR_KIND_LABEL[kind]} {{ #{kind} }}", ""]
        for a in by_kind[kind]:
            n = len(dataset.events_by_actor.get(a.id, ()))
            out.append(f"- {link(a.name, f'/actors/{a.id}.md')}{native_names(a)} ({plural(n, 'event')})")
        out.append("")
    return "\n".join(out)


# A reader who searches a name or a term wants its own entry before the events that mention it.
SEARCH_BOOST = 2


def native_names(a: Actor) -> str:
    if not a.names:
        return ""
    parts = [f'<span lang="{lang}">{inert(name)}</span>' for lang, name in a.names]
    return " (" + ", ".join(parts) + ")"


def actor_page(a: Actor, dataset: Dataset, repo: str | None = None) -> str:
    notes = Footnotes(dataset)
    out = [
        # In the search index (which every first visit downloads) with its name, names in
        # other scripts and description only: the lists below are left out for weight.
        front_matter(a.name, a.description, boost=SEARCH_BOOST),
        f"# {inert(a.name)}",
        "",
    ]
    if a.names:
        out += ["| Language | Name |", "| --- | --- |"]
        out += [f'| {LANGUAGE_NAMES[lang]} | <span lang="{lang}">{inert(name)}</span> |' for lang, name in a.names]
        out.append("")
    out += [f"*{label(a.kind_of)}*", "", paragraphs(a.description) + notes.refs(a.sources), "", record_meta(a, repo)]
    events = dataset.events_by_actor.get(a.id, [])
    out += ["## Events { #events data-search-exclude }", ""]
    if events:
        out += [f"- {link(f'{event_date(e)}: {e.title}', timeline.event_url(dataset, e.id))} {status_badge(e.status)}" for e in events]
    else:
        out.append("No event in the timeline names this actor yet.")
    out.append("")
    figures = dataset.figures_by_claimant.get(a.id, [])
    if figures:
        out += ["## Figures claimed { #figures data-search-exclude }", ""]
        out += [f"- {link(record_title(f, dataset), f'/numbers.md#{f.id}')}" for f in figures]
        out.append("")
    out.append(notes.definitions())
    return "\n".join(out)


def glossary_page(dataset: Dataset, repo: str | None = None) -> str:
    notes = Footnotes(dataset)
    out = [
        front_matter(
            "Glossary",
            "The terms, abbreviations and names used in the explainer, defined with their sources.",
            toc=len(dataset.terms) <= MAX_TOC_ENTRIES,
            boost=SEARCH_BOOST,
        ),
        "# Glossary",
        "",
        f"{plural(len(dataset.terms), 'term')}, in alphabetical order.",
        "",
    ]
    for t in dataset.terms:
        out += [f"## {inert(t.term)} {{ #{t.id} }}", ""]
        if t.aliases:
            out += ["*Also:* " + ", ".join(inert(x) for x in t.aliases), ""]
        out += [paragraphs(t.definition) + notes.refs(t.sources), "", record_meta(t, repo)]
    out.append(notes.definitions())
    return "\n".join(out)


SOURCE_TYPE_LABEL = {t: label(t) for t in SOURCE_TYPES}


def sources_index_page(dataset: Dataset) -> str:
    publishers = {s.publisher for s in dataset.sources}
    out = [
        front_matter("Sources", "Every source the explainer cites, with what cites it.", toc=len(publishers) <= MAX_TOC_ENTRIES),
        "# Sources",
        "",
        f"{plural(len(dataset.sources), 'source')} from {plural(len(publishers), 'publisher')}, "
        "grouped by publisher. Each source's page gives the full citation and everything on this site that cites it.",
        "",
    ]
    for publisher, group in groupby(dataset.sources, key=lambda s: s.publisher):
        out += [f"## {inert(publisher)}", ""]
        for s in group:
            n = len(dataset.cited_by.get(s.id, ()))
            shown = f"[{s.title}]" if s.title_supplied else s.title
            out.append(
                f"- {link(shown, f'/sources/{s.id}.md')}, {s.published.human()} "
                f"({SOURCE_TYPE_LABEL[s.type].lower()}; cited by {plural(n, 'record')})"
            )
        out.append("")
    return "\n".join(out)


def source_page(s: Source, dataset: Dataset, repo: str | None = None) -> str:
    out = [
        front_matter(
            f"[{s.title}]" if s.title_supplied else s.title,
            f"{s.publisher}, {s.published.human()}: what it reports and what on this site cites it.",
            search=False,
        ),
        f"# {source_title(s)}" if s.title_supplied else f"# {inert(s.title)}",
        "",
        *(
            ["*The headline of this page was not recorded: the title above, in brackets, is our description of it.*", ""]
            if s.title_supplied
            else []
        ),
        "| | |",
        "| --- | --- |",
        f"| Publisher | {inert(s.publisher)} |",
    ]
    if s.author:
        out.append(f"| Author | {inert(s.author)} |")
    out += [
        f"| Published | {s.published.human()} |",
        f"| Type | {SOURCE_TYPE_LABEL[s.type]} |",
        f"| Language | {inert(s.language)} |",
        f"| Address | [{inert(s.url)}]({md_url(s.url)}) |",
    ]
    if s.archive_url:
        out.append(f"| Archived copy | [{inert(s.archive_url)}]({md_url(s.archive_url)}) |")
    out += [f"| Looked up | {s.accessed.human()} |", "", record_meta(s, repo)]
    if s.supports:
        out += ["## What it supports { #supports }", "", paragraphs(s.supports), ""]
    cited = dataset.cited_by.get(s.id, [])
    out += ["## Cited by { #cited-by }", ""]
    if cited:
        out += [cited_list(cited, dataset), ""]
    else:
        out += ["Nothing on this site cites this source yet.", ""]
    return "\n".join(out)


def numbers_page(dataset: Dataset, repo: str | None = None) -> str:
    notes = Footnotes(dataset)
    out = [
        front_matter(
            "The numbers",
            "Troops, casualties and prisoners: every estimate, who makes it, as of when, and its source.",
        ),
        "# The numbers",
        "",
        "Nobody outside the two governments knows how many North Korean soldiers went to Russia or how many were "
        "killed, wounded or captured. What exists are estimates, each made by someone with an interest, at a date. "
        "Each table lists them in date order with who makes the claim (not who reported it) and the sources.",
        "",
    ]
    by_measure: dict[str, list[Figure]] = defaultdict(list)
    for f in dataset.figures:
        by_measure[f.measure].append(f)
    for measure in MEASURES:
        figures = by_measure.get(measure)
        if not figures:
            continue
        out += [
            f"## {MEASURE_LABEL[measure]} {{ #{measure} }}",
            "",
        ]
        svg = chart(MEASURE_LABEL[measure], figures, dataset, f"chart-{measure}")
        if svg:
            out += [svg, ""]
        out += [
            "| As of | Estimate | Claimed by | Note | Sources |",
            "| --- | --- | --- | --- | --- |",
        ]
        for f in figures:
            claimant = dataset.actor[f.claimant]
            out.append(
                f'| <span id="{f.id}"></span>{f.as_of.human()} | {figure_value(f)} | '
                f"{link(claimant.name, f'/actors/{claimant.id}.md')} | {inert(f.note or '')}{edit_link(f, repo, ' ')} | {notes.refs(f.sources)} |"
            )
        out.append("")
    out.append(notes.definitions())
    return "\n".join(out)


def claims_page(dataset: Dataset, repo: str | None = None) -> str:
    notes = Footnotes(dataset)
    counts = {v: sum(1 for c in dataset.claims if c.verdict == v) for v in VERDICTS}
    summary = ", ".join(f"{plural(n, VERDICT_LABEL[v].lower())}" for v, n in counts.items() if n)
    out = [
        front_matter("Claims checked", "The claims of the article this project started from, checked against the sources."),
        "# Claims checked",
        "",
        "This project began from a news article about North Korea's admission. We checked each factual claim it makes "
        f"against the sources; {plural(len(dataset.claims), 'claim')} were checked ({summary}).",
        "",
    ]
    for i, c in enumerate(dataset.claims, 1):
        out += [
            f'<div class="ex-claim ex-claim--{c.verdict}" markdown>',
            "",
            f"## Claim {i}: {VERDICT_LABEL[c.verdict]} {{ #{c.id} }}",
            "",
            f"**The claim:** {inert(c.claim)}" + (f" (about {c.date.human()})" if c.date else ""),
            "",
            f"**What the sources show:** {paragraphs(c.explanation)}{notes.refs(c.sources)}",
            "",
            record_meta(c, repo),
            "</div>",
            "",
        ]
    out.append(notes.definitions())
    return "\n".join(out)


def downloads_page(dataset: Dataset) -> str:
    counts = dataset.counts()
    rows = "\n".join(f"| {label(kind)} | {n:,} |" for kind, n in counts.items())
    return "\n".join(
        [
            front_matter("Downloads", "The whole dataset behind the explainer, as JSON and CSV, with its schema."),
            "# Downloads",
            "",
            "Everything on this site is built from the data below. Reuse it freely; cite the sources it names.",
            "",
            "- [dataset.json](data/dataset.json): every record of every kind, with a `schema_version`.",
            "- [events.csv](data/events.csv): the timeline as a table, one event a row.",
            "- [schema.json](data/schema.json): the JSON Schema that describes the data files.",
            "",
            "Dates are ISO 8601 at their precision: `2025-04-28` for a day, `2025-04` for a month, `2025` for a year.",
            "",
            "| Kind | Records |",
            "| --- | --- |",
            rows,
            "",
        ]
    )


def corrections_page(dataset: Dataset) -> str:
    entries = []
    for kind in ("events", "actors", "terms", "sources", "figures", "claims"):
        for r in getattr(dataset, kind):
            for c in r.corrections:
                entries.append((c.date, kind, r.id, r, c))
    entries.sort(key=lambda x: (x[0], x[1], x[2]), reverse=True)
    out = [
        front_matter("Corrections", "Every correction made to the explainer's records, newest first, with what changed and why."),
        "# Corrections",
        "",
        "When a record turns out to be wrong, we correct it and say so here, newest first: what changed and why. "
        "Each record also shows its own corrections and when it was last reviewed.",
        "",
    ]
    if not entries:
        out += ["No record has been corrected yet.", ""]
    for date, _kind, _rid, r, c in entries:
        out += [f"- **{date.human()}**, {link(record_title(r, dataset), record_url(r, dataset))}: {inert(c.change)}"]
    out.append("")
    return "\n".join(out)


def all_pages(dataset: Dataset, *, repo: str | None = None) -> dict[str, str]:
    """src_uri -> Markdown for every generated page, in a stable order.

    ``repo`` is the repository's address for viewing a file at a line (for example
    ``https://github.com/owner/name/blob/main/``); without it, records carry no edit link.
    """
    pages = {
        "timeline.md": timeline_page(dataset, repo),
        "numbers.md": numbers_page(dataset, repo),
        "actors/index.md": actors_index_page(dataset),
        "glossary.md": glossary_page(dataset, repo),
        "sources/index.md": sources_index_page(dataset),
        "claims.md": claims_page(dataset, repo),
        "corrections.md": corrections_page(dataset),
        "downloads.md": downloads_page(dataset),
    }
    split = timeline.parts(dataset)
    for i, part in enumerate(split):
        prev = split[i - 1] if i else None
        next_ = split[i + 1] if i + 1 < len(split) else None
        pages[part.uri] = timeline_part_page(part, dataset, repo, prev, next_)
    for a in dataset.actors:
        pages[f"actors/{a.id}.md"] = actor_page(a, dataset, repo)
    for s in dataset.sources:
        pages[f"sources/{s.id}.md"] = source_page(s, dataset, repo)
    return pages
