"""Citations as numbered footnotes: Python-Markdown's footnotes, which Material shows as
tooltips.

The sources cited together (an event's sources, one ``[[cite:a, b]]``) share one number,
whose note lists each of them with a link to its page: one tooltip shows them all, and a
long page carries one citation mark per claim rather than one per source. The same group
cited again keeps its number.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Citation
from ..text import inert
from . import citation
from .context import Ctx
from .linkstate import footnote_suffix

CitationKey = tuple[str, str | None, str | None]  # (source id, locator, quote)


class Footnotes:
    """The numbered citations of one page."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self._labels: dict[tuple[CitationKey, ...], str] = {}
        self._per_base: dict[str, int] = {}  # labels made so far from each base

    def refs(self, citations: Iterable[Citation]) -> str:
        keys = tuple(dict.fromkeys((c.source, c.locator, c.quote) for c in citations))
        if not keys:
            return ""
        label = self._labels.get(keys)
        if label is None:
            # Labels are made of source ids (slugs) and dots, which no id contains.
            base = keys[0][0] if len(keys) == 1 else f"{keys[0][0]}.and.{len(keys) - 1}"
            n = self._per_base.get(base, 0)
            self._per_base[base] = n + 1
            label = base + (f".{n}" if n else "")
            self._labels[keys] = label
        return f"[^{label}]"

    def _entry(self, key: CitationKey, *, linked: bool) -> str:
        source_id, locator, quote = key
        src = self.ctx.dataset.get("sources", source_id)
        extra = f", {inert(locator)}" if locator else ""
        if quote:
            extra += f": \u201c{inert(quote)}\u201d"
        extra += footnote_suffix(src, self.ctx)
        return citation.line_md(src, self.ctx, linked=linked, extra=extra)

    def definitions(self) -> str:
        tr = self.ctx.tr
        lines = []
        for keys, label in self._labels.items():
            if len(keys) == 1:
                src = self.ctx.dataset.get("sources", keys[0][0])
                about = f"[{inert(tr._('About this source'))}]({self.ctx.url(src)})"
                text = f"{self._entry(keys[0], linked=False)}. {about}"
            else:
                text = "; ".join(self._entry(k, linked=True) for k in keys) + "."
            lines.append(f"[^{label}]: {text}")
        return "\n\n" + "\n".join(lines) + "\n" if lines else ""
