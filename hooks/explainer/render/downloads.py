"""The downloads page: every published file, as registered in ``outputs.FILES``."""

from __future__ import annotations

from collections.abc import Iterator

from ..text import inert, page_head
from .context import Ctx, Page


def _name(path: str) -> str:
    """A file as a link to it; a folder of files (one per record) as its name."""
    if path.endswith("/"):
        return f"`{path}`"
    return f"[{inert(path.rsplit('/', 1)[-1])}](/{path})"


def pages(ctx: Ctx) -> Iterator[Page]:
    from ..kinds import KINDS
    from ..outputs import FILES

    tr = ctx.tr
    listed = [f for f in FILES if f.description is not None]
    out = [
        *page_head(
            tr._("Downloads"),
            tr._("The whole dataset behind the explainer, as JSON and CSV, with its schema."),
            tr._("Everything on this site is built from the data below. Reuse it freely; cite the sources it names."),
        ),
        # Descriptions are our own messages, written with Markdown code spans.
        *(f"- {_name(f.path)}: {tr._(f.description or '')}" for f in listed),
        "",
        tr._(
            "Dates are ISO 8601 at their precision: `2025-04-28` for a day, `2025-04` for a month, `2025` for a year."
        ),
        "",
        f"| {inert(tr._('Kind'))} | {inert(tr._('Records'))} |",
        "| --- | --- |",
        *(f"| {inert(tr._(KINDS[kind].label))} | {tr.number(n)} |" for kind, n in ctx.dataset.counts().items()),
        "",
    ]
    yield Page("downloads.md", "\n".join(out))
