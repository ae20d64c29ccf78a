"""The numbers: every estimate of each measure, who makes it and as of when, as a table and
a chart."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ..kinds.figures import MEASURES, value_text
from ..text import inert, page_head
from .blocks import cite_links, edit_link, in_english, record_link
from .chart import chart
from .context import Ctx, Page
from .notes import Footnotes


def _note(f: Any, ctx: Ctx) -> str:
    """The figure's note, marked as English where this language's site shows it untranslated."""
    lang = in_english(f, ctx)[0]
    return f"<span{lang}>{inert(f.note or '')}</span>" if lang and f.note else inert(f.note or "")


def pages(ctx: Ctx) -> Iterator[Page]:
    tr = ctx.tr
    notes = Footnotes(ctx)
    out = page_head(
        tr._("The numbers"),
        tr._("Troops, casualties and prisoners: every estimate, who makes it, as of when, and its source."),
        tr._(
            "Nobody outside the two governments knows how many North Korean soldiers went to Russia or how many "
            "were killed, wounded or captured. What exists are estimates, each made by someone with an interest, "
            "at a date. Each table lists them in date order with who makes the claim (not who reported it) and "
            "the sources."
        ),
    )
    by_measure: dict[str, list[Any]] = defaultdict(list)
    for f in ctx.dataset.figures:
        by_measure[f.measure].append(f)
    for measure, label in MEASURES.items():
        figures = by_measure.get(measure)
        if not figures:
            continue
        out += [f"## {inert(tr._(label))} {{ #{measure} }}", ""]
        svg = chart(tr._(label), figures, ctx, f"chart-{measure}")
        if svg:
            out += [svg, ""]
        heads = [tr._("As of"), tr._("Estimate"), tr._("Claimed by"), tr._("Note"), tr._("Sources")]
        out += ["| " + " | ".join(inert(h) for h in heads) + " |", "| --- | --- | --- | --- | --- |"]
        for f in figures:
            claimant = ctx.dataset.get("actors", f.claimant)
            out.append(
                f'| <span id="{f.id}"></span>{inert(tr.date(f.as_of))} | {inert(value_text(f, ctx))} | '
                f'{record_link(claimant, ctx)} | {_note(f, ctx)}{edit_link(f, ctx, " ")} '
                f'<span class="ex-cite">{cite_links(f, ctx)}</span> | '
                f"{notes.refs(f.sources)} |"
            )
        out.append("")
    out.append(notes.definitions())
    yield Page("numbers.md", "\n".join(out))
