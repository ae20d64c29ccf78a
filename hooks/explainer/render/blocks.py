"""Small pieces that several pages show: a status badge, a record's corrections and edit
link, a count of records, links to actors, a list of records."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from ..kinds.events import STATUSES
from ..text import inert, link, md_url
from ..urls import kind_of
from .context import Ctx


def status_badge(status: str, ctx: Ctx) -> str:
    # No title attribute: the timeline's legend explains each status, and every title
    # costs the reader's phone a tooltip that Material sets up on page load.
    return f'<span class="ex-status ex-status--{status}">{inert(ctx.tr._(STATUSES[status]))}</span>'


def count(kind: str, n: int, ctx: Ctx) -> str:
    """'118 events', '1 event', in the language's plural form."""
    from ..kinds import KINDS

    one, many = KINDS[kind].noun
    return ctx.tr.n_(one, many, n)


def edit_link(record: Any, ctx: Ctx, lead: str = "") -> str:
    """A link to the record's YAML at its line in the repository ('' without a repository)."""
    if not ctx.repo:
        return ""
    o = record.origin
    text = ctx.tr._("Edit {file} at line {line}", file=o.file, line=o.line)
    return f"{lead}[{inert(text)}]({md_url(f'{ctx.repo}{o.file}#L{o.line}')}){{ .ex-edit }}"


def record_meta(record: Any, ctx: Ctx) -> str:
    """The record's corrections, when it was last reviewed and its edit link, as small paragraphs."""
    tr = ctx.tr
    lines = [
        f"*{inert(tr._('Correction, {date}:', date=tr.date(c.date)))}* {inert(c.change)}" for c in record.corrections
    ]
    tail = []
    if record.reviewed is not None:
        tail.append(inert(tr._("Last reviewed {date}", date=tr.date(record.reviewed))))
    edit = edit_link(record, ctx)
    if edit:
        tail.append(edit)
    if tail:
        lines.append(" · ".join(tail))
    if not lines:
        return ""
    return "\n\n".join(f"{line}\n{{: .ex-meta }}" for line in lines) + "\n"


def heading(record: Any, ctx: Ctx) -> str:
    """How a link to the record reads."""
    return str(kind_of(record).heading(record, ctx))


def record_link(record: Any, ctx: Ctx, text: str | None = None) -> str:
    return link(heading(record, ctx) if text is None else text, ctx.url(record))


def actor_links(ids: Iterable[str], ctx: Ctx) -> str:
    return ", ".join(record_link(ctx.dataset.get("actors", a), ctx) for a in ids)


def record_list(records: Iterable[Any], ctx: Ctx) -> str:
    return "\n".join(f"- {record_link(r, ctx)}" for r in records)


CITE_FORMATS = (("txt", "Text"), ("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))


def cite_links(record: Any, ctx: Ctx) -> str:
    """'Cite this: Text · BibTeX · RIS · CSL-JSON', each a link to the record's citation file."""
    from ..publish import record_path

    links = " · ".join(f"[{name}](/{record_path(record, ext)})" for ext, name in CITE_FORMATS)
    return f"{inert(ctx.tr._('Cite this:'))} {links}"


def in_english(record: Any, ctx: Ctx) -> tuple[str, str]:
    """For a record shown in English on another language's site: its ``lang`` attribute and a
    notice saying why, in the page's language (both '' otherwise)."""
    why = ctx.in_english(record)
    if why is None:
        return "", ""
    tr = ctx.tr
    if why == "outdated":
        note = tr._("The English text has changed since it was translated: the English, which decides, is shown.")
    else:
        note = tr._("Not yet translated: shown in English.")
    return ' lang="en"', f'<p class="ex-in-english" lang="{ctx.lang}">{html.escape(note)}</p>'


def english_wrap(record: Any, ctx: Ctx, lines: list[str]) -> list[str]:
    """``lines`` (Markdown) as they are, or, for a record shown in English, wrapped in a block
    marked ``lang="en"`` with the notice."""
    attr, note = in_english(record, ctx)
    if not attr:
        return lines
    return [f'<div class="ex-record"{attr} markdown>', "", note, "", *lines, "", "</div>", ""]
