"""Shortcuts in hand-written pages: citations and links to records that never break.

* ``[[cite:source-id]]`` (or several: ``[[cite:a, b]]``) becomes numbered footnotes whose
  text is the full citation, linked to the source's page; Material shows them as tooltips.
* ``[[term:term-id]]`` becomes a link to the glossary entry, showing the term, with its
  definition as a tooltip (added by ``termlinks``); ``[[term:term-id|shown text]]`` shows other text.
* ``[[event:id]]``, ``[[actor:id]]``, ``[[place:id]]``, ``[[source:id]]``, ``[[figure:id]]``,
  ``[[claim:id]]`` (any record kind, by its singular name) link to wherever the record is
  published, in the page's language: the link follows an event when the timeline splits
  into periods or the record moves to another file. ``[[event:id|shown text]]`` shows
  other text than the record's heading.

Shortcuts inside fenced code blocks and inline code are left alone. An unknown id is a
located problem, reported by the ``validate`` command and by the build.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .kinds import KINDS
from .model import Citation, Dataset
from .problems import Mark, Problem, did_you_mean
from .render.blocks import heading
from .render.context import Ctx
from .render.notes import Footnotes
from .text import inert

# [[cite:...]] and [[<kind>:...]] for every record kind, by its singular name.
_LINKED = {kind.one: name for name, kind in KINDS.items()}
SHORTCUT_RE = re.compile(
    r"\[\[(?P<kind>cite|" + "|".join(sorted(_LINKED)) + r"):(?P<body>[^\[\]\n]*)\]\]"
)
_FENCE_RE = re.compile(r"^(?P<fence>`{3,}|~{3,})")
_CODE_SPAN_RE = re.compile(r"(`+).+?\1")


def _spans(markdown: str) -> Iterator[tuple[int, int, re.Match[str]]]:
    """(line number, column, match) of each shortcut outside code."""
    fence: str | None = None
    for lineno, line in enumerate(markdown.split("\n"), 1):
        m = _FENCE_RE.match(line.lstrip())
        if fence is not None:
            if m and m.group("fence")[0] == fence[0] and len(m.group("fence")) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group("fence")
            continue
        if line.startswith("    ") or line.startswith("\t"):
            continue
        code = [(c.start(), c.end()) for c in _CODE_SPAN_RE.finditer(line)]
        for s in SHORTCUT_RE.finditer(line):
            if not any(a <= s.start() < b for a, b in code):
                yield lineno, s.start() + 1, s


def _parse(match: re.Match[str]) -> tuple[str, list[str], str | None]:
    kind, body = match.group("kind"), match.group("body")
    shown = None
    if kind != "cite" and "|" in body:
        body, shown = body.split("|", 1)
    return kind, [part.strip() for part in body.split(",") if part.strip()], shown


def _kind_of(shortcut: str) -> str:
    """The record kind a shortcut names: 'cite' names sources."""
    return "sources" if shortcut == "cite" else _LINKED[shortcut]


def _id_columns(match: re.Match[str]) -> list[tuple[str, int]]:
    """Each id a shortcut names, with its 0-based column in the line (not the brackets')."""
    body, start = match.group("body"), match.start("body")
    if match.group("kind") != "cite":
        body = body.split("|", 1)[0]
    out, offset = [], 0
    for part in body.split(","):
        if part.strip():
            out.append((part.strip(), start + offset + len(part) - len(part.lstrip())))
        offset += len(part) + 1
    return out


def check_shortcuts(markdown: str, dataset: Dataset, file: str) -> list[Problem]:
    """Every shortcut that names no record, located at the id itself in the page."""
    problems = []
    markdown = markdown.removeprefix("\ufeff")  # editors do not count a byte-order mark as a column
    for line, _col, m in _spans(markdown):
        kind, ids, _ = _parse(m)
        records = dataset.by_id.get(_kind_of(kind), {})
        what = KINDS[_kind_of(kind)].one
        at = _id_columns(m)
        if not ids:
            message = f"no {what} id given; write [[{kind}:{what}-id]]"
            problems.append(Problem(Mark(file, line, m.start("body") + 1), f"[[{kind}:]]", message))
        if kind != "cite" and len(ids) > 1:
            message = f"a {kind} shortcut names one {what}; write one shortcut per {what}"
            problems.append(Problem(Mark(file, line, at[1][1] + 1), m.group(0), message))
        for rid, col in at:
            if rid not in records:
                message = f"unknown {what} '{rid}'{did_you_mean(rid, records)}"
                problems.append(Problem(Mark(file, line, col + 1), m.group(0), message))
    return problems


def _link(kind: str, ids: list[str], shown: str | None, ctx: Ctx) -> str | None:
    """A link to the one record a shortcut names (None when it names no known record)."""
    records = ctx.dataset.by_id.get(_kind_of(kind), {})
    if len(ids) != 1 or ids[0] not in records:
        return None
    record = records[ids[0]]
    text = inert(shown.strip() if shown else heading(record, ctx))
    # A term's tooltip (its definition) is added by termlinks, as an escaped attribute.
    css = "{ .ex-term }" if kind == "term" else ""
    return f"[{text}]({ctx.url(record)}){css}"


def expand_shortcuts(markdown: str, ctx: Ctx) -> str:
    """Replace every known shortcut; unknown ones are left as written (and reported by check_shortcuts)."""
    notes = Footnotes(ctx)
    lines = markdown.split("\n")
    found: dict[int, list[re.Match[str]]] = {}
    for line, _col, m in _spans(markdown):
        found.setdefault(line, []).append(m)
    sources = ctx.dataset.by_id.get("sources", {})
    for lineno, matches in found.items():
        text = lines[lineno - 1]
        # Number the citations left to right (as the reader meets them), then splice the
        # replacements in from the right so that earlier positions stay valid.
        replacements: list[tuple[re.Match[str], str]] = []
        for m in matches:
            kind, ids, shown = _parse(m)
            if kind == "cite":
                if not ids or any(i not in sources for i in ids):
                    continue
                new: str | None = notes.refs([Citation(source=i) for i in ids])
            else:
                new = _link(kind, ids, shown, ctx)
            if new is not None:
                replacements.append((m, new))
        for m, new in reversed(replacements):
            text = text[: m.start()] + new + text[m.end() :]
        lines[lineno - 1] = text
    return "\n".join(lines) + notes.definitions()
