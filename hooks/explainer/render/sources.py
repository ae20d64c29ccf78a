"""The sources: an index grouped by publisher, and a page for each source with its full
citation and everything on the site that cites it."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import Any

from .. import cite, publish
from ..kinds.sources import SOURCE_TYPES
from ..text import MAX_TOC_ENTRIES, front_matter, inert, link, md_url, page_head, paragraphs
from . import citation, linkstate
from .blocks import cite_links, count, english_wrap, record_list, record_meta
from .context import Ctx, Page
from .jsonld import dump


def index_page(ctx: Ctx) -> Page:
    tr, sources = ctx.tr, ctx.dataset.sources
    publishers = {s.publisher for s in sources}
    out = page_head(
        tr._("Sources"),
        tr._("Every source the explainer cites, with what cites it."),
        tr._(
            "{sources} from {publishers}, grouped by publisher. "
            "Each source's page gives the full citation and everything on this site that cites it.",
            sources=count("sources", len(sources), ctx),
            publishers=tr.n_("{n} publisher", "{n} publishers", len(publishers)),
        ),
        toc=len(publishers) <= MAX_TOC_ENTRIES,
    )
    for publisher, group in groupby(sources, key=lambda s: s.publisher):
        out += [f"## {inert(publisher)}", ""]
        for s in group:
            n = len(ctx.dataset.cited_by.get(s.id, ()))
            about = tr._(
                "{type}; cited by {records}",
                type=tr._(SOURCE_TYPES[s.type]).lower(),
                records=tr.n_("{n} record", "{n} records", n),
            )
            out.append(f"- {link(citation.title_plain(s), ctx.url(s))}, {inert(tr.date(s.published))} ({inert(about)})")
        out.append("")
    return Page("sources/index.md", "\n".join(out))


def source_page(s: Any, ctx: Ctx) -> Page:
    tr = ctx.tr
    title = citation.title_plain(s)
    description = tr._(
        "{publisher}, {date}: what it reports and what on this site cites it.",
        publisher=s.publisher,
        date=tr.date(s.published),
    )
    out = [
        front_matter(title, description, search=False),
        f"# {citation.title_md(s)}" if s.title_supplied else f"# {inert(s.title)}",
        "",
    ]
    if s.title_supplied:
        note = tr._(
            "The headline of this page was not recorded: the title above, in brackets, is our description of it."
        )
        out += [f"*{inert(note)}*", ""]

    def row(label: str, value: str) -> str:
        return f"| {inert(tr._(label))} | {value} |"

    out += [*linkstate.source_notice(s, ctx), "| | |", "| --- | --- |", row("Publisher", inert(s.publisher))]
    if s.author:
        out.append(row("Author", inert(s.author)))
    out += [
        row("Published", inert(tr.date(s.published))),
        row("Type", inert(tr._(SOURCE_TYPES[s.type]))),
        row("Language", inert(tr.language_name(s.language))),
        row("Address", f"[{inert(s.url)}]({md_url(s.url)})"),
    ]
    out += linkstate.source_rows(s, ctx)
    out += [row("Looked up", inert(tr.date(s.accessed))), "", record_meta(s, ctx)]
    out += [
        f"## {inert(tr._('Cite this source'))} {{ #cite }}",
        "",
        inert(cite.plain(s, publish.cite_context(ctx))),
        "",
        cite_links(s, ctx),
        "{: .ex-cite }",
        "",
    ]
    if s.supports:
        heading = f"## {inert(tr._('What it supports'))} {{ #supports }}"
        out += [heading, "", *english_wrap(s, ctx, [paragraphs(s.supports)]), ""]
    cited = ctx.dataset.cited_by.get(s.id, [])
    out += [f"## {inert(tr._('Cited by'))} {{ #cited-by }}", ""]
    out += [record_list(cited, ctx) if cited else inert(tr._("Nothing on this site cites this source yet.")), ""]
    jsonld = dump({"@context": "https://schema.org", **citation.creative_work(s)})
    return Page(f"sources/{s.id}.md", "\n".join(out), jsonld)


def pages(ctx: Ctx) -> Iterator[Page]:
    yield index_page(ctx)
    for s in ctx.dataset.sources:
        yield source_page(s, ctx)
