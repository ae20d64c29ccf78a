"""What a reader is told about a source's link: dead originals, archived copies.

Small pure functions, each from a Source (or the Dataset) to inert Markdown:

* ``footnote_suffix``: appended to a citation in a footnote: for a dead source, a link to
  its archived copy and "original link dead as of <date>; archived copy of <date>";
* ``source_rows``: the source page's table rows about the link (archived copy, status);
* ``source_notice``: the notice above that table for a dead source (with or without a copy);
* ``dead_without_archive``: the list for the methodology page of dead sources that no
  archive holds, so that a reader or a contributor can help find another copy.
"""

from __future__ import annotations

from ..archives import ArchiveError, Archived, parse_archive
from ..model import Dataset, Source
from .common import inert, link, md_url, plural

# The marker in a hand-written page (docs/methodology.md) that the list replaces.
DEAD_LIST_MARKER = "<!-- dead-sources-without-archive -->"


def _archived(s: Source) -> Archived | None:
    if not s.archive_url:
        return None
    try:
        return parse_archive(s.archive_url)
    except ArchiveError:  # the validator rejects these; a renderer never fails on one
        return None


def is_dead(s: Source) -> bool:
    return s.link_status is not None and s.link_status.dead


def dead_phrase(s: Source, *, linked: bool = False) -> str:
    """'original link dead as of 10 December 2026; archived copy of 18 October 2024', as Markdown;
    ``linked`` makes 'archived copy of ...' the link to the copy."""
    assert s.link_status is not None
    text = f"original link dead as of {s.link_status.checked.human()}"
    archived = _archived(s)
    if archived is None or not s.archive_url:
        return text + "; no archived copy known"
    copy = f"archived copy of {archived.captured.human()}" if archived.captured else "archived copy"
    return f"{text}; [{copy}]({md_url(s.archive_url)})" if linked else f"{text}; {copy}"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def footnote_suffix(s: Source) -> str:
    """Markdown to append to a source's citation in a footnote ('' unless the source is dead)."""
    return f" ({dead_phrase(s, linked=True)})" if is_dead(s) else ""


def source_notice(s: Source) -> list[str]:
    """Lines for the top of a dead source's page (an empty list for a source that is not dead)."""
    if not is_dead(s):
        return []
    if s.archive_url:
        text = f"{_sentence(dead_phrase(s, linked=True))}."
        return ['!!! warning "Original link dead"', "", f"    {text}", ""]
    text = (
        f"{_sentence(dead_phrase(s))}. If you know another copy of this page, or another source for "
        "what it supports, please [tell us](/methodology.md#contributing)."
    )
    return ['!!! danger "Original link dead, no archived copy"', "", f"    {text}", ""]


_STATUS_TEXT = {
    "live": "live",
    "redirected": "redirects",
    "gone": "gone (the site says the page no longer exists)",
    "blocked": "the site refuses automated checks; the page may well be there",
    "server-error": "the site answered with an error",
    "timeout": "the site did not answer in time",
    "dns-failure": "the site's name no longer resolves",
    "error": "could not be fetched",
}


def source_rows(s: Source) -> list[str]:
    """Table rows for the source page: the archived copy and what the last check found."""
    rows = []
    archived = _archived(s)
    if s.archive_url:
        when = f", {archived.captured.human()}" if archived and archived.captured else ""
        service = f" ({archived.service}{when})" if archived else ""
        rows.append(f"| Archived copy | [{inert(s.archive_url)}]({md_url(s.archive_url)}){service} |")
    ls = s.link_status
    if ls is not None:
        if ls.dead:
            state = f"dead: {_STATUS_TEXT[ls.status]}"
        elif ls.status == "redirected" and ls.final_url:
            state = f"redirects to [{inert(ls.final_url)}]({md_url(ls.final_url)})"
        else:
            state = _STATUS_TEXT[ls.status]
        rows.append(f"| Link checked | {ls.checked.human()}: {state} |")
    return rows


def dead_without_archive(dataset: Dataset) -> str:
    """The methodology page's list of dead sources that no archive holds."""
    dead = [s for s in dataset.sources if is_dead(s) and not s.archive_url]
    if not dead:
        return "No source is known to be dead without an archived copy."
    verb = "has" if len(dead) == 1 else "have"
    head = f"{plural(len(dead), 'dead source')} {verb} no archived copy that we know of"
    lines = [f"{head}; each needs another copy or a replacement:", ""]
    for s in dead:
        assert s.link_status is not None
        title = link(f"[{s.title}]" if s.title_supplied else s.title, f"/sources/{s.id}.md")
        when = f"dead as of {s.link_status.checked.human()}"
        lines.append(f"- {title} ({inert(s.publisher)}, {s.published.human()}), {when}")
    return "\n".join(lines)


def expand_marker(markdown: str, dataset: Dataset) -> str:
    """Replace DEAD_LIST_MARKER in a hand-written page with ``dead_without_archive``."""
    return (
        markdown.replace(DEAD_LIST_MARKER, dead_without_archive(dataset))
        if DEAD_LIST_MARKER in markdown
        else markdown
    )
