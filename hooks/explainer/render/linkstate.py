"""What a reader is told about a source's link: dead originals, archived copies.

Small pure functions, each from a source (or the dataset) to inert Markdown:

* ``footnote_suffix``: appended to a citation in a footnote: for a dead source, a link to
  its archived copy and "original link dead as of <date>; archived copy of <date>";
* ``source_rows``: the source page's table rows about the link (archived copy, status);
* ``source_notice``: the notice above that table for a dead source (with or without a copy);
* ``dead_without_archive``: the list for the methodology page of dead sources that no
  archive holds, so that a reader or a contributor can help find another copy.
"""

from __future__ import annotations

from typing import Any

from ..archives import Archived, ArchiveError, parse_archive
from ..i18n import N_
from ..text import inert, link, md_url
from .context import Ctx


def _archived(s: Any) -> Archived | None:
    if not s.archive_url:
        return None
    try:
        return parse_archive(s.archive_url)
    except ArchiveError:  # the validator rejects these; a renderer never fails on one
        return None


def is_dead(s: Any) -> bool:
    return s.link_status is not None and s.link_status.dead


def dead_phrase(s: Any, ctx: Ctx, *, linked: bool = False) -> str:
    """'original link dead as of 10 December 2026; archived copy of 18 October 2024', as Markdown;
    ``linked`` makes 'archived copy of ...' the link to the copy."""
    tr = ctx.tr
    text = inert(tr._("original link dead as of {date}", date=tr.date(s.link_status.checked)))
    archived = _archived(s)
    if archived is None or not s.archive_url:
        return text + inert(tr._("; no archived copy known"))
    if archived.captured:
        copy = inert(tr._("archived copy of {date}", date=tr.date(archived.captured)))
    else:
        copy = inert(tr._("archived copy"))
    return f"{text}; [{copy}]({md_url(s.archive_url)})" if linked else f"{text}; {copy}"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def footnote_suffix(s: Any, ctx: Ctx) -> str:
    """Markdown to append to a source's citation in a footnote ('' unless the source is dead)."""
    return f" ({dead_phrase(s, ctx, linked=True)})" if is_dead(s) else ""


def source_notice(s: Any, ctx: Ctx) -> list[str]:
    """Lines for the top of a dead source's page (an empty list for a source that is not dead)."""
    if not is_dead(s):
        return []
    tr = ctx.tr
    if s.archive_url:
        text = f"{_sentence(dead_phrase(s, ctx, linked=True))}."
        return [f'!!! warning "{tr._("Original link dead")}"', "", f"    {text}", ""]
    ask = tr._("If you know another copy of this page, or another source for what it supports, please")
    tell = tr._("tell us")
    text = f"{_sentence(dead_phrase(s, ctx))}. {inert(ask)} [{inert(tell)}]({ctx.url('methodology.md')}#contributing)."
    return [f'!!! danger "{tr._("Original link dead, no archived copy")}"', "", f"    {text}", ""]


STATUS_TEXT = {
    "live": N_("live"),
    "redirected": N_("redirects"),
    "gone": N_("gone (the site says the page no longer exists)"),
    "blocked": N_("the site refuses automated checks; the page may well be there"),
    "server-error": N_("the site answered with an error"),
    "timeout": N_("the site did not answer in time"),
    "dns-failure": N_("the site's name no longer resolves"),
    "error": N_("could not be fetched"),
}


def source_rows(s: Any, ctx: Ctx) -> list[str]:
    """Table rows for the source page: the archived copy and what the last check found."""
    tr = ctx.tr
    rows = []
    archived = _archived(s)
    if s.archive_url:
        when = f", {tr.date(archived.captured)}" if archived and archived.captured else ""
        service = inert(f" ({archived.service}{when})") if archived else ""
        rows.append(f"| {inert(tr._('Archived copy'))} | [{inert(s.archive_url)}]({md_url(s.archive_url)}){service} |")
    ls = s.link_status
    if ls is not None:
        if ls.dead:
            state = inert(tr._("dead: {why}", why=tr._(STATUS_TEXT[ls.status])))
        elif ls.status == "redirected" and ls.final_url:
            state = f"{inert(tr._('redirects to'))} [{inert(ls.final_url)}]({md_url(ls.final_url)})"
        else:
            state = inert(tr._(STATUS_TEXT[ls.status]))
        rows.append(f"| {inert(tr._('Link checked'))} | {inert(tr.date(ls.checked))}: {state} |")
    return rows


def dead_without_archive(ctx: Ctx) -> str:
    """The methodology page's list of dead sources that no archive holds."""
    tr = ctx.tr
    dead = [s for s in ctx.dataset.sources if is_dead(s) and not s.archive_url]
    if not dead:
        return inert(tr._("No source is known to be dead without an archived copy."))
    head = tr.n_(
        "{n} dead source has no archived copy that we know of; it needs another copy or a replacement:",
        "{n} dead sources have no archived copy that we know of; each needs another copy or a replacement:",
        len(dead),
    )
    lines = [inert(head), ""]
    for s in dead:
        title = link(f"[{s.title}]" if s.title_supplied else s.title, ctx.url(s))
        when = tr._("dead as of {date}", date=tr.date(s.link_status.checked))
        lines.append(f"- {title} ({inert(s.publisher)}, {inert(tr.date(s.published))}), {inert(when)}")
    return "\n".join(lines)
