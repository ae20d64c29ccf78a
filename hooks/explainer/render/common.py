"""What every page renderer shares: inert text, links, citations as footnotes, front matter.

Text from YAML is never Markdown and never HTML. ``inert`` turns every character that
Markdown, its extensions (attr_list, footnotes, abbr, tables, def_list) or HTML could
read as syntax into a numeric character reference, so that the text reaches the reader
exactly as written: ``<script>`` shows as ``<script>``, ``{: onclick=x }`` as itself,
``[[cite:x]]`` as itself.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Citation, Dataset, Figure, Source

# Characters that are syntax anywhere in a line.
_ALWAYS = frozenset("\\`*_{}[]()<>&|~#")
_ESCAPES = {ord(c): f"&#{ord(c)};" for c in _ALWAYS}
# What is syntax only at the start of a line: bullets, rules, setext underlines,
# definition lists ('-', '+', '=', ':') and ordered lists ('1.').
_LINE_START_RE = re.compile(r"^(\s*)(?:([-+=:])|([0-9]+)\.)", re.MULTILINE)


def _line_start(m: re.Match[str]) -> str:
    if m.group(2):
        return f"{m.group(1)}&#{ord(m.group(2))};"
    return f"{m.group(1)}{m.group(3)}&#46;"


def inert(text: str) -> str:
    """Plain text -> Markdown that renders as exactly that text."""
    return _LINE_START_RE.sub(_line_start, text.translate(_ESCAPES))


def paragraphs(text: str) -> str:
    """Multi-paragraph plain text -> inert Markdown paragraphs."""
    return "\n\n".join(inert(p) for p in text.split("\n\n"))


def attr_text(text: str) -> str:
    """Plain text for an HTML attribute or a Markdown link title (quotes removed, one line)."""
    return " ".join(text.replace('"', "\u201d").split())


def link(text: str, target: str) -> str:
    """A Markdown link with inert text to a page of the site (``/page.md#anchor``)."""
    return f"[{inert(text)}]({target})"


_URL_UNSAFE = re.compile(r"[\s()<>\"'`\\{}|^\[\]]")


def md_url(url: str) -> str:
    """A validated http(s) URL made safe as a Markdown link destination (percent-encoded)."""
    return _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)


_META_SAFE = str.maketrans({"<": "\u2039", ">": "\u203a", '"': "\u201d", "&": "+", "\\": "/"})


def meta_text(text: str) -> str:
    """Text for a page's title or description: the theme writes these into HTML without
    escaping them, so the characters HTML reads as markup are replaced by look-alikes."""
    return " ".join(text.translate(_META_SAFE).split())


# A table of contents longer than this is no help to a reader, and the theme writes it
# into the page twice (a long glossary's page would pass a megabyte).
MAX_TOC_ENTRIES = 100


def front_matter(
    title: str, description: str, *, search: bool = True, toc: bool = True, boost: int | None = None
) -> str:
    """YAML front matter; ``search=False`` keeps the page out of the search index, ``boost``
    ranks its sections that many times higher in search, ``toc=False`` leaves out the table
    of contents."""
    title, description = meta_text(title), meta_text(description)

    def q(s: str) -> str:
        return '"' + s + '"'

    if len(description) > 200:
        description = description[:200].rsplit(" ", 1)[0] + "\u2026"
    exclude = "" if search else "search:\n  exclude: true\n"
    if search and boost:
        exclude = f"search:\n  boost: {boost}\n"
    hide = "" if toc else "hide:\n  - toc\n"
    return f"---\ntitle: {q(title)}\ndescription: {q(description)}\n{exclude}{hide}---\n\n"


def source_title(src: Source) -> str:
    """The title in quotation marks, or, where the headline was not recorded, our description
    in square brackets (the bibliographer's mark for a supplied title)."""
    return f"&#91;{inert(src.title)}&#93;" if src.title_supplied else f"\u201c{inert(src.title)}\u201d"


def source_line(src: Source) -> str:
    """One source as a citation: Publisher, "Title", 28 April 2025."""
    by = f"{inert(src.author)}, " if src.author else ""
    return f"{inert(src.publisher)}: {by}{source_title(src)}, {src.published.human()}"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


CitationKey = tuple[str, str | None, str | None]  # (source id, locator, quote)


class Footnotes:
    """Numbered citations for one page: Python-Markdown's footnotes, which Material shows
    as tooltips.

    The sources cited together (an event's sources, one ``[[cite:a, b]]``) share one
    number, whose note lists each of them with a link to its page: one tooltip shows them
    all, and a long page carries one citation mark per claim rather than one per source.
    The same group cited again keeps its number.
    """

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._labels: dict[tuple[CitationKey, ...], str] = {}
        self._per_base: dict[str, int] = {}  # labels made so far from each base

    def refs(self, citations: tuple[Citation, ...] | list[Citation]) -> str:
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
        """One source of a note; ``linked`` makes its publisher the link to the source's page."""
        source_id, locator, quote = key
        src = self.dataset.source[source_id]
        extra = ""
        if locator:
            extra += f", {inert(locator)}"
        if quote:
            extra += f": \u201c{inert(quote)}\u201d"
        if not linked:
            return f"{source_line(src)}{extra}"
        by = f"{inert(src.author)}, " if src.author else ""
        publisher = link(src.publisher, f"/sources/{source_id}.md")
        return f"{publisher}: {by}{source_title(src)}, {src.published.human()}{extra}"

    def definitions(self) -> str:
        lines = []
        for keys, label in self._labels.items():
            if len(keys) == 1:
                text = f"{self._entry(keys[0], linked=False)}. {link('About this source', f'/sources/{keys[0][0]}.md')}"
            else:
                text = "; ".join(self._entry(k, linked=True) for k in keys) + "."
            lines.append(f"[^{label}]: {text}")
        return "\n\n" + "\n".join(lines) + "\n" if lines else ""



STATUS_LABEL = {
    "confirmed": "Confirmed",
    "reported": "Reported",
    "claimed": "Claimed",
    "disputed": "Disputed",
}
STATUS_HELP = {
    "confirmed": "acknowledged by the parties involved, or established by several independent sources",
    "reported": "reported by credible media or governments, not confirmed by the parties",
    "claimed": "claimed by one party only",
    "disputed": "contradicted by another party",
}


def status_badge(status: str) -> str:
    # No title attribute: the timeline's legend explains each status, and every title
    # costs the reader's phone a tooltip that Material sets up on page load.
    return f'<span class="ex-status ex-status--{status}">{STATUS_LABEL[status]}</span>'


def label(value: str) -> str:
    """'troops-deployed' -> 'Troops deployed'."""
    return value.replace("-", " ").capitalize()


def figure_value(f: Figure) -> str:
    if f.value is not None:
        text = f"{f.value:,}"
    elif f.high is None:
        return f"at least {f.low:,}"
    else:
        text = f"{f.low:,}\u2013{f.high:,}"
    return f"about {text}" if f.approximate else text


def edit_link(record: Any, repo: str | None, lead: str = "") -> str:
    """A link to the record's YAML at its line in the repository ('' without a repository)."""
    if not repo:
        return ""
    o = record.origin
    return f"{lead}[Edit {inert(o.file)} at line {o.line}]({md_url(f'{repo}{o.file}#L{o.line}')}){{ .ex-edit }}"


def record_meta(record: Any, repo: str | None) -> str:
    """The record's corrections, when it was last reviewed and its edit link, as a small paragraph."""
    lines = [f"*Correction, {c.date.human()}:* {inert(c.change)}" for c in record.corrections]
    tail = []
    if record.reviewed is not None:
        tail.append(f"Last reviewed {record.reviewed.human()}")
    link_ = edit_link(record, repo)
    if link_:
        tail.append(link_)
    if tail:
        lines.append(" · ".join(tail))
    if not lines:
        return ""
    return "\n\n".join(f"{line}\n{{: .ex-meta }}" for line in lines) + "\n"
