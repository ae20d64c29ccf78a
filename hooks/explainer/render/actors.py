"""The actors: an index grouped by kind, and a page for each actor with what it did."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ..kinds.actors import ACTOR_KIND_ONE, ACTOR_KINDS
from ..text import SEARCH_BOOST, front_matter, inert, page_head, paragraphs
from .blocks import count, english_wrap, record_link, record_meta
from .context import Ctx, Page
from .notes import Footnotes
from .timeline import events_section


def native_names(record: Any) -> str:
    """' (김정은, Ким Чен Ын)': a record's names in other scripts, each marked with its language."""
    if not record.names:
        return ""
    return " (" + ", ".join(f'<span lang="{lang}">{inert(name)}</span>' for lang, name in record.names) + ")"


def names_table(record: Any, ctx: Ctx) -> list[str]:
    if not record.names:
        return []
    tr = ctx.tr
    out = [f"| {inert(tr._('Language'))} | {inert(tr._('Name'))} |", "| --- | --- |"]
    out += [
        f'| {inert(tr.language_name(lang))} | <span lang="{lang}">{inert(name)}</span> |' for lang, name in record.names
    ]
    return [*out, ""]


def index_page(ctx: Ctx) -> Page:
    tr, dataset = ctx.tr, ctx.dataset
    out = page_head(
        tr._("Actors"),
        tr._("The states, organisations, military units and people in North Korea's deployment to Russia."),
        tr._(
            "{actors}: who they are and what they did, each on a page of its own.",
            actors=count("actors", len(dataset.actors), ctx),
        ),
    )
    by_kind: dict[str, list[Any]] = defaultdict(list)
    for a in dataset.actors:
        by_kind[a.kind].append(a)
    for kind, heading in ACTOR_KINDS.items():
        if kind not in by_kind:
            continue
        out += [f"## {inert(tr._(heading))} {{ #{kind} }}", ""]
        for a in by_kind[kind]:
            n = len(dataset.referring(a, "events"))
            out.append(f"- {record_link(a, ctx)}{native_names(a)} ({inert(count('events', n, ctx))})")
        out.append("")
    return Page("actors/index.md", "\n".join(out))


def actor_page(a: Any, ctx: Ctx) -> Page:
    tr, dataset = ctx.tr, ctx.dataset
    notes = Footnotes(ctx)
    out = [
        # In the search index (which every first visit downloads) with its name, names in
        # other scripts and description only: the lists below are left out for weight.
        front_matter(a.name, a.description, boost=SEARCH_BOOST),
        f"# {inert(a.name)}",
        "",
        *names_table(a, ctx),
        f"*{inert(tr._(ACTOR_KIND_ONE[a.kind]))}*",
        "",
        *english_wrap(a, ctx, [paragraphs(a.description) + notes.refs(a.sources), "", record_meta(a, ctx)]),
    ]
    none = tr._("No event in the timeline names this actor yet.")
    out += events_section(dataset.referring(a, "events"), ctx, none, search=False)
    figures = dataset.referring(a, "figures")
    if figures:
        out += [f"## {inert(tr._('Figures claimed'))} {{ #figures data-search-exclude }}", ""]
        out += [f"- {record_link(f, ctx)}" for f in figures]
        out.append("")
    out.append(notes.definitions())
    return Page(f"actors/{a.id}.md", "\n".join(out))


def pages(ctx: Ctx) -> Iterator[Page]:
    yield index_page(ctx)
    for a in ctx.dataset.actors:
        yield actor_page(a, ctx)
