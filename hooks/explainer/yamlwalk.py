"""One pass over PyYAML's event stream: located nodes, and every problem on the way.

``Walker`` builds the tree of ``yamlnodes`` from the parser's events (iteratively, so
nesting depth costs no recursion) and collects, without stopping, everything that is not
plain data: anchors (reported with the alias that uses them), aliases, tags, merge keys,
duplicate keys. A syntax error stops the parser; ``yamlhints`` explains it at the mistake.
With ``spans``, it also records where each value was written, to locate a position.
"""

from __future__ import annotations

import bisect
from functools import cached_property
from typing import Any

import yaml

from .problems import Mark, Problem
from .textscan import lines_of, position
from .yamlhints import explain
from .yamlnodes import Map, Node, Scalar, Seq

# Makes a Mark from a tuple without a call to its __new__: a sixth of reading's time went on marks.
_new = tuple.__new__

# PyYAML's marks (its pure-Python and libyaml parsers each have a class; both have these fields).
YamlMark = Any

MAX_DEPTH = 12

# (fragments of the parsers' messages, what we say) where ``yamlhints`` finds no better
# explanation: the same for libyaml and pure Python.
_SYNTAX: tuple[tuple[tuple[str, ...], str], ...] = (
    (("expected ',' or ']'",), "a list in brackets lacks a ',' between its items, or its ']'"),
    (("expected ',' or '}'",), "a mapping in braces lacks a ',' between its fields, or its '}'"),
    (
        ("mapping values are not allowed",),
        "a ':' where none is allowed; put text that contains ': ' in quotes",
    ),
    (("could not find expected ':'", "expected ':'"), "a field is written 'name: value'; a ':' is missing"),
)
_GENERIC = (
    "YAML cannot read this line; check its indentation against the lines above, "
    "and put text that contains ': ' or ' #' in quotes"
)
MAX_PROBLEMS = 50
Span = tuple[tuple[int, int], tuple[int, int], str]  # (start, end) as 1-based (line, column), and the path


def _tag(tag: str) -> str:
    """A tag as it was most likely written: '!!str' rather than 'tag:yaml.org,2002:str'."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


class Walker:
    """One pass over the parser's events, building located nodes and collecting problems."""

    def __init__(self, text: str, file: str, root_path: str, loader: type, spans: bool = False) -> None:
        self.text, self.file, self.root_path, self.loader = text, file, root_path, loader
        self.stack: list[tuple[Seq | Map, Scalar | None, str]] = []
        self.root: Node | None = None
        self.problems: list[Problem] = []
        self.anchors: dict[str, tuple[Mark, str, Mark | None]] = {}  # name -> (mark, path, first alias)
        self.records: list[tuple[int, str, int | None]] = []  # (line, path, key column) of each record
        # Where each scalar and each list or mapping was written, with its path (to locate a position).
        self.spans: list[Span] | None = [] if spans else None
        self.blocks: list[Span] = []
        self.open_blocks: list[int] = []
        self.last: yaml.Event | None = None
        self.documents = 0
        self.merged: set[int] = set()  # mappings that hold a second 'id': two records run together

    @cached_property
    def lines(self) -> list[str]:
        """The text's lines (index 0 is line 1): to explain a syntax error, so made only then."""
        return lines_of(self.text)

    def mark(self, m: YamlMark | None) -> Mark:
        return Mark(self.file, 1, 1) if m is None else _new(Mark, (self.file, m.line + 1, m.column + 1))

    def here(self) -> str:
        """The field path of the value about to be attached."""
        if not self.stack:
            return self.root_path
        parent, key, path = self.stack[-1]
        if isinstance(parent, Seq):
            return f"{path}[{len(parent.items)}]"
        return f"{path}.{key.text}" if key is not None else path

    def problem(self, mark: Mark, path: str, message: str) -> None:
        self.problems.append(Problem(mark, path, message))
        if len(self.problems) >= MAX_PROBLEMS:
            raise _Stop

    def item_mark(self, m: yaml.Mark) -> Mark:
        """Where a mapping in a block list starts: at its '-', not at its first key."""
        before = self.text[m.index - m.column : m.index].rstrip()  # the line up to the mapping
        if before.endswith("-") and self.stack and isinstance(self.stack[-1][0], Seq):
            return Mark(self.file, m.line + 1, len(before))
        return self.mark(m)

    def attach(self, node: Node, end: YamlMark | None = None, keycol: int | None = None) -> None:
        if self.spans is not None and isinstance(node, Scalar) and end is not None:
            key = bool(self.stack) and isinstance(self.stack[-1][0], Map) and self.stack[-1][1] is None
            self.spans.append(
                (
                    (node.mark.line, node.mark.col),
                    (end.line + 1, end.column + 1),
                    self.stack[-1][2] if key else self.here(),
                )
            )
        if not self.stack:
            self.root = node
            return
        parent, key, ppath = self.stack[-1]
        if isinstance(parent, Seq):
            if len(self.stack) == 1:
                self.records.append((node.mark.line, self.here(), keycol))
            parent.items.append(node)
        elif key is None:
            kpath = f"{ppath}.{node.text}" if isinstance(node, Scalar) else ppath
            if not isinstance(node, Scalar):
                self.problem(
                    node.mark, kpath, "a key must be plain text, not a list or mapping; write 'name: value'"
                )
                node = Scalar(f"\x00{len(self.problems)}", node.mark, False)
            elif node.plain and node.text == "<<":
                self.problem(node.mark, kpath, "merge keys ('<<') are not allowed; write the fields out")
                node = Scalar(f"\x00{len(self.problems)}", node.mark, False)
            elif node.text in parent.items and id(parent) in self.merged:
                node = Scalar(f"\x00{len(self.problems)}", node.mark, False)  # reported with its 'id'
            elif node.text in parent.items:
                first = parent.items[node.text][0]
                if node.text == "id":
                    self.merged.add(id(parent))
                    message = (
                        f"a second 'id' in the record that starts on line {parent.mark.line}; "
                        "if a new record starts "
                        f"here, begin the line with '- ', like line {parent.mark.line}"
                    )
                else:
                    message = f"duplicate key '{node.text}' (first on line {first.line}); keep one of them"
                self.problem(node.mark, kpath, message)
                node = Scalar(f"\x00{len(self.problems)}", node.mark, False)
            self.stack[-1] = (parent, node, ppath)
        else:
            parent.items[key.text] = (key.mark, node)
            self.stack[-1] = (parent, None, ppath)

    def event(self, event: yaml.Event) -> None:
        # Most events are plain scalars without an anchor or a tag: the short way.
        if type(event) is yaml.ScalarEvent and event.anchor is None and event.tag is None:
            m = event.start_mark
            mark = _new(Mark, (self.file, m.line + 1, m.column + 1))
            self.attach(Scalar(event.value, mark, event.style in (None, "")), event.end_mark)
            return
        anchor = getattr(event, "anchor", None)
        tag = getattr(event, "tag", None)
        if isinstance(event, yaml.AliasEvent):
            self.alias(event)
        elif anchor is not None and anchor not in self.anchors:
            self.anchors[anchor] = (self.mark(event.start_mark), self.here(), None)
        if isinstance(event, yaml.ScalarEvent):
            if tag is not None and not (tag == "!" and event.implicit[1]):
                self.problem(
                    self.mark(event.start_mark),
                    self.here(),
                    f"YAML tags ('{_tag(tag)}') are not allowed; remove '{_tag(tag)}'",
                )
            self.attach(
                Scalar(event.value, self.mark(event.start_mark), event.style in (None, "")), event.end_mark
            )
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            if tag is not None and not event.implicit:
                self.problem(
                    self.mark(event.start_mark),
                    self.here(),
                    f"YAML tags ('{_tag(tag)}') are not allowed; remove '{_tag(tag)}'",
                )
            if len(self.stack) >= MAX_DEPTH:
                self.problem(
                    self.mark(event.start_mark),
                    self.here(),
                    f"nested more than {MAX_DEPTH} levels deep; no record needs that",
                )
                raise _Stop
            is_seq = isinstance(event, yaml.SequenceStartEvent)
            node: Seq | Map = (
                Seq([], self.mark(event.start_mark)) if is_seq else Map(self.item_mark(event.start_mark))
            )
            path = self.here()  # computed for collections only: scalars need it only on error
            self.attach(node, keycol=None if is_seq else event.start_mark.column)
            self.stack.append((node, None, path))
            if self.spans is not None:
                self.open_blocks.append(len(self.blocks))
                self.blocks.append(((node.mark.line, node.mark.col), (node.mark.line, node.mark.col), path))
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            self.stack.pop()
            if self.spans is not None:
                start, _, path = self.blocks[i := self.open_blocks.pop()]
                self.blocks[i] = (start, (event.end_mark.line + 1, event.end_mark.column + 1), path)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.problem(
                    self.mark(event.start_mark),
                    self.here(),
                    "more than one YAML document ('---') in a file; keep one",
                )
                raise _Stop

    def alias(self, event: yaml.AliasEvent) -> None:
        name, at = event.anchor, self.mark(event.start_mark)
        anchored = self.anchors.get(name)
        if anchored is None:
            self.problem(
                at,
                self.here(),
                f"YAML aliases ('*{name}') are not allowed, and no '&{name}' comes before it; "
                "write the value out here",
            )
        elif anchored[2] is None:  # each anchor's first alias only: a bomb repeats them
            self.anchors[name] = (anchored[0], anchored[1], at)
            self.problem(
                at,
                self.here(),
                f"'*{name}' repeats the value marked '&{name}' on line {anchored[0].line}; "
                "YAML aliases are not allowed: write the value out here",
            )
        self.attach(Scalar("", at, False), event.end_mark)

    def finish(self) -> None:
        for name, (mark, path, used) in self.anchors.items():
            if used is None:
                self.problems.append(
                    Problem(mark, path, f"YAML anchors ('&{name}') are not allowed; remove '&{name}'")
                )
            else:
                self.problems.append(
                    Problem(
                        mark,
                        path,
                        f"'&{name}' marks this value to be repeated by '*{name}' on line {used.line}; "
                        f"YAML anchors are not allowed: remove '&{name}'",
                    )
                )

    def syntax_error(self, exc: yaml.MarkedYAMLError) -> None:
        """One problem for the error that stopped the parser, at the mistake if we can find it."""
        # Lines and columns from the character index, which both parsers agree on (at the end of
        # the text, libyaml counts one line more than the pure-Python parser).
        exc.problem_mark, exc.context_mark = self._norm(exc.problem_mark), self._norm(exc.context_mark)
        mark = exc.problem_mark or exc.context_mark
        where = mark.line + 1 if mark is not None else 1
        record = self.record_at(where)
        at_end = mark is not None and self.text[mark.index :].strip() in ("", "[", "{")
        hint = explain(self.lines, exc, self.last, record[2] if record[2] is not None else -1, at_end)
        if hint is None:
            what = exc.problem or ""
            message = next((ours for keys, ours in _SYNTAX if any(k in what for k in keys)), _GENERIC)
            self.problems.append(Problem(self.mark(mark), record[1], message))
            return
        path = self.record_at(hint.line)[1]
        if hint.field is not None:
            path = f"{path}.{hint.field}"
        self.problems.append(Problem(Mark(self.file, hint.line, hint.col), path, hint.message))

    def _norm(self, m: YamlMark | None) -> YamlMark | None:
        if m is None:
            return None
        line, col = position(self.text, min(m.index, len(self.text)))
        return yaml.Mark(m.name, m.index, line - 1, col - 1, None, None)

    def record_at(self, line: int) -> tuple[int, str, int | None]:
        """The record being read at ``line``: (its line, its path, the column of its keys)."""
        i = bisect.bisect_right(self.records, line, key=lambda r: r[0]) - 1
        return self.records[i] if i >= 0 else (1, self.root_path, None)

    def run(self) -> Walker:
        try:
            loader = self.loader(self.text)
            try:
                while True:
                    event = loader.get_event()
                    if event is None:
                        break
                    self.event(event)
                    self.last = event
            finally:
                loader.dispose()
        except _Stop:
            pass
        except yaml.MarkedYAMLError as exc:
            self.syntax_error(exc)
        except yaml.reader.ReaderError as exc:  # pragma: no cover - textscan finds these characters first
            line, col = position(self.text, exc.position)
            self.problems.append(
                Problem(
                    Mark(self.file, line, col),
                    "",
                    f"a character YAML does not allow ({exc.character!r}); delete it",
                )
            )
        self.finish()
        return self


class _Stop(Exception):
    """Too many problems, or one after which nothing else can be trusted."""
