"""One view of a source as a citation, for every place that cites one: footnotes, the
source's own page, the lists of sources and its structured data (JSON-LD)."""

from __future__ import annotations

from typing import Any

from ..text import inert
from .context import Ctx


def title_md(src: Any) -> str:
    """The title in quotation marks, or, where the headline was not recorded, our description
    in square brackets (the bibliographer's mark for a supplied title)."""
    return f"&#91;{inert(src.title)}&#93;" if src.title_supplied else f"\u201c{inert(src.title)}\u201d"


def title_plain(src: Any) -> str:
    """The title as plain text, bracketed when supplied (page titles, link text)."""
    return f"[{src.title}]" if src.title_supplied else src.title


def line_md(src: Any, ctx: Ctx, *, linked: bool = False, extra: str = "") -> str:
    """'Publisher: Author, "Title", 28 April 2025' (``linked``: the publisher links to the
    source's page)."""
    by = f"{inert(src.author)}, " if src.author else ""
    publisher = f"[{inert(src.publisher)}]({ctx.url(src)})" if linked else inert(src.publisher)
    return f"{publisher}: {by}{title_md(src)}, {ctx.tr.date(src.published)}{extra}"


def creative_work(src: Any) -> dict[str, Any]:
    """The source as a schema.org CreativeWork."""
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "name": src.title,
        "url": src.url,
        "publisher": {"@type": "Organization", "name": src.publisher},
        "datePublished": src.published.iso(),
        "inLanguage": src.language,
    }
    if not src.title_supplied:  # a supplied title is our description, not the headline
        work["headline"] = src.title
    if src.author:
        work["author"] = {"@type": "Person", "name": src.author}
    if src.archive_url:
        work["archivedAt"] = src.archive_url
    return work
