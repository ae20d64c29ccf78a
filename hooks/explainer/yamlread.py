"""Read one YAML file into a tree of located nodes, refusing YAML's traps.

PyYAML's ``safe_load`` keeps the last of two duplicate keys silently, turns ``no`` into
``False`` and ``012000`` into 5120, expands alias bombs, and recurses on deep nesting.
So we never let it construct Python objects: we walk its *event stream* (iteratively, so
nesting depth costs no recursion), build our own nodes that keep the line and column of
every value, keep every scalar as the text that was written (the schema converts it
later), and reject anchors, aliases, tags, merge keys and duplicate keys outright.

libyaml's C parser is used where it is installed (many times faster); the pure-Python
parser gives the same events and so the same messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .problems import Mark, Problem

try:  # libyaml, when PyYAML was built with it
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 12


@dataclass(slots=True)
class Scalar:
    text: str
    mark: Mark
    plain: bool  # written without quotes (so 'null', '~' and '' mean "no value")

    @property
    def is_null(self) -> bool:
        return self.plain and self.text in ("", "~", "null", "Null", "NULL")


@dataclass(slots=True)
class Seq:
    items: list[Node]
    mark: Mark


@dataclass(slots=True)
class Map:
    mark: Mark
    # key -> (mark of the key, value node); insertion ordered
    items: dict[str, tuple[Mark, Node]] = field(default_factory=dict)


Node = Scalar | Seq | Map


# (fragments of the parsers' messages, what we say): the same for libyaml and pure Python.
_SYNTAX: tuple[tuple[tuple[str, ...], str], ...] = (
    (("tab", "'\\t'"), "a tab character: indent with spaces, not tabs"),
    (("mapping values are not allowed",), "a ':' where none is allowed: check the indentation, and quote text that contains ': '"),
    (("expected ',' or ']'",), "a list in brackets is not closed, or its items lack a ',' between them"),
    (("expected ',' or '}'",), "a mapping in braces is not closed, or its fields lack a ',' between them"),
    (("end of stream",), "a quote is not closed: end the text with the same quote it starts with"),
    (("expected <block end>",), "this line's indentation does not match the lines above"),
    (("could not find expected ':'", "expected ':'"), "a field is written 'name: value'; a ':' is missing"),
)


class ReadError(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def _mark(file: str, m: yaml.Mark | None) -> Mark:
    if m is None:
        return Mark(file, 1, 1)
    return Mark(file, m.line + 1, m.column + 1)


def _locate_offset(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return line, col


def decode(data: bytes, file: str) -> str:
    """Bytes -> text: UTF-8 only (a leading byte-order mark is accepted and dropped)."""
    if len(data) > MAX_FILE_BYTES:
        raise ReadError(
            Problem(
                Mark(file, 1, 1),
                "",
                f"file is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}: split it into several files",
            )
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _locate_offset(data, nul)
        raise ReadError(Problem(Mark(file, line, col), "", "NUL byte in file: save it as plain UTF-8 text"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _locate_offset(data, exc.start)
        raise ReadError(
            Problem(
                Mark(file, line, col),
                "",
                f"invalid UTF-8 (byte 0x{data[exc.start]:02x}): save the file as UTF-8",
            )
        ) from None
    return text.removeprefix("\ufeff")


def read_yaml(data: bytes, file: str, root_path: str = "") -> Node | None:
    """Parse one YAML document into located nodes; ``None`` for an empty document.

    Raises ``ReadError`` with a located problem (and the field path, starting at
    ``root_path``) for anything that is not plain data.
    """
    text = decode(data, file)
    # Open collections: the node, for a mapping the key waiting for its value, and the path.
    stack: list[tuple[Seq | Map, Scalar | None, str]] = []
    root: Node | None = None
    documents = 0

    def here() -> str:
        """The field path of the value about to be attached."""
        if not stack:
            return root_path
        parent, key, path = stack[-1]
        if isinstance(parent, Seq):
            return f"{path}[{len(parent.items)}]"
        return f"{path}.{key.text}" if key is not None else path

    def fail(m: yaml.Mark | None, message: str) -> ReadError:
        return ReadError(Problem(_mark(file, m), here(), message))

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent, key, ppath = stack[-1]
        if isinstance(parent, Seq):
            parent.items.append(node)
        elif key is None:
            kpath = f"{ppath}.{node.text}" if isinstance(node, Scalar) else ppath
            if not isinstance(node, Scalar):
                raise ReadError(Problem(node.mark, kpath, "a key must be plain text, not a list or mapping"))
            if node.plain and node.text == "<<":
                raise ReadError(Problem(node.mark, kpath, "merge keys ('<<') are not allowed: write the fields out"))
            if node.text in parent.items:
                first = parent.items[node.text][0]
                raise ReadError(
                    Problem(node.mark, kpath, f"duplicate key '{node.text}' (first at line {first.line}): keep one of them")
                )
            stack[-1] = (parent, node, ppath)
        else:
            parent.items[key.text] = (key.mark, node)
            stack[-1] = (parent, None, ppath)

    try:
        loader = _Loader(text)  # the pure-Python reader checks every character here
        try:
            while True:
                event = loader.get_event()
                if event is None:
                    break
                anchor = getattr(event, "anchor", None)
                if isinstance(event, yaml.AliasEvent):
                    raise fail(event.start_mark, f"aliases ('*{event.anchor}') are not allowed: write the value out")
                if anchor is not None:
                    raise fail(event.start_mark, f"anchors ('&{anchor}') are not allowed: write the value out")
                tag = getattr(event, "tag", None)
                if isinstance(event, yaml.ScalarEvent):
                    if tag is not None and not (tag == "!" and event.implicit[1]):
                        raise fail(event.start_mark, f"tags ('{tag}') are not allowed: remove the tag")
                    attach(Scalar(event.value, _mark(file, event.start_mark), event.style in (None, "")))
                elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                    if tag is not None and not event.implicit:
                        raise fail(event.start_mark, f"tags ('{tag}') are not allowed: remove the tag")
                    if len(stack) >= MAX_DEPTH:
                        raise fail(event.start_mark, f"nested more than {MAX_DEPTH} levels deep: no record needs that")
                    m = _mark(file, event.start_mark)
                    node: Seq | Map = Seq([], m) if isinstance(event, yaml.SequenceStartEvent) else Map(m)
                    path = here()  # computed for collections only: scalars need it only on error
                    attach(node)
                    stack.append((node, None, path))
                elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                    stack.pop()
                elif isinstance(event, yaml.DocumentStartEvent):
                    documents += 1
                    if documents > 1:
                        raise fail(event.start_mark, "more than one YAML document ('---') in a file")
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        what = exc.problem or "invalid YAML"
        mark = exc.problem_mark or exc.context_mark
        # An unclosed quote or bracket is noticed at the end of the file; point at its start.
        if "end of stream" in what and exc.context_mark is not None:
            mark = exc.context_mark
        # libyaml and the pure-Python parser word their errors differently: say it our way.
        message = next((ours for keys, ours in _SYNTAX if any(k in what for k in keys)), None)
        if message is None:
            context = f" ({exc.context})" if exc.context and exc.problem else ""
            message = f"{what}{context}"
        # The parser may have read a little past the mistake; name the record, not a field.
        path = here()
        record = re.match(r"^[^.\[]*(\[[0-9]+\])?", path)
        raise ReadError(Problem(_mark(file, mark), record.group(0) if record else path, f"YAML syntax error: {message}")) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        pos = exc.position
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        what = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise ReadError(Problem(Mark(file, line, col), "", f"control character {what} is not allowed: remove it")) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every YAMLError PyYAML raises is one of the above
        raise ReadError(Problem(Mark(file, 1, 1), "", f"YAML error: {exc}")) from None
    return root
