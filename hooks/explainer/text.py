"""Markdown text primitives: inert text, links, page front matter.

Text from YAML is never Markdown and never HTML. ``inert`` turns every character that
Markdown, its extensions (attr_list, footnotes, abbr, tables, def_list) or HTML could
read as syntax into a numeric character reference, so that the text reaches the reader
exactly as written: ``<script>`` shows as ``<script>``, ``{: onclick=x }`` as itself,
``[[cite:x]]`` as itself.

Everything that writes Markdown (the renderers, the shortcuts in hand-written pages)
builds on these, and nothing here knows a record kind.
"""

from __future__ import annotations

import functools
import re

# Characters that are syntax anywhere in a line. Parentheses are not among them: with
# brackets and angle brackets escaped they can start no link.
_ALWAYS = frozenset("\\`*_{}[]<>&|~#")
_ESCAPES = {ord(c): f"&#{ord(c)};" for c in _ALWAYS}
# What is syntax only at the start of a line: bullets, rules, setext underlines,
# definition lists ('-', '+', '=', ':') and ordered lists ('1.').
_LINE_START_RE = re.compile(r"^(\s*)(?:([-+=:])|([0-9]+)\.)", re.MULTILINE)


def _line_start(m: re.Match[str]) -> str:
    if m.group(2):
        return f"{m.group(1)}&#{ord(m.group(2))};"
    return f"{m.group(1)}{m.group(3)}&#46;"


@functools.lru_cache(maxsize=1 << 16)  # names and labels recur on every page that lists records
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


# A reader who searches a name or a term wants its own entry before the events that mention it.
SEARCH_BOOST = 2


def front_matter(
    title: str, description: str, *, search: bool = True, toc: bool = True, boost: int | None = None
) -> str:
    """YAML front matter; ``search=False`` keeps the page out of the search index, ``boost``
    ranks its sections that many times higher in search, ``toc=False`` leaves out the table
    of contents."""
    title, description = meta_text(title), meta_text(description)
    if len(description) > 200:
        description = description[:200].rsplit(" ", 1)[0] + "\u2026"
    exclude = "" if search else "search:\n  exclude: true\n"
    if search and boost:
        exclude = f"search:\n  boost: {boost}\n"
    hide = "" if toc else "hide:\n  - toc\n"
    return f'---\ntitle: "{title}"\ndescription: "{description}"\n{exclude}{hide}---\n\n'


def page_head(
    title: str, description: str, intro: str = "", *, search: bool = True, toc: bool = True, boost: int | None = None
) -> list[str]:
    """The first lines of a generated page: front matter, its heading, and an intro paragraph
    (all plain text, made inert here)."""
    out = [front_matter(title, description, search=search, toc=toc, boost=boost), f"# {inert(title)}", ""]
    return [*out, inert(intro), ""] if intro else out
