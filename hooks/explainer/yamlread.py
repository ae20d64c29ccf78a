"""Read one YAML file into a tree of located nodes, refusing YAML's traps.

PyYAML's ``safe_load`` keeps the last of two duplicate keys silently, turns ``no`` into
``False`` and ``012000`` into 5120, expands alias bombs, and recurses on deep nesting.
So we never let it construct Python objects: ``yamlwalk`` walks its *event stream*,
builds our own nodes (``yamlnodes``) that keep the line and column of every value, keeps
every scalar as the text that was written (the schema converts it later), and rejects
anchors, aliases, tags, merge keys and duplicate keys outright.

Every message points at the mistake itself and says what to do: bad characters are found
first, each at its own column with the field it is in (``textscan``); a syntax error is
explained at the unclosed quote or bracket or the misaligned line (``yamlhints``); an
alias is reported where it is used and at its anchor; a file made too big by one value
names that value (``oversize``). Problems that do not stop the parser are all collected.

libyaml's C parser is used where it is installed (many times faster); the pure-Python
parser gives the same events and so the same messages.
"""

from __future__ import annotations

from .oversize import largest_value
from .problems import Mark, Problem
from .textscan import BadChar, decode, position
from .yamlnodes import Map, Node, Scalar, Seq
from .yamlwalk import MAX_DEPTH, Span, Walker

try:  # libyaml, when PyYAML was built with it
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "Map", "Node", "ReadError", "Scalar", "Seq", "read_yaml"]
MAX_FILE_BYTES = 2_000_000


class ReadError(Exception):
    """Everything wrong with a file that stops it from being read (``problem`` is the first)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        self.problem = self.problems[0]
        super().__init__("\n".join(map(str, self.problems)))


def _locate(spans: list[Span], line: int, col: int) -> str | None:
    """The path of the innermost value written across (line, col)."""
    inside = [s for s in spans if s[0] <= (line, col) < s[1]]
    return max(inside, key=lambda s: s[0])[2] if inside else None


def _in_comment(line_text: str, col: int) -> bool:
    before = line_text[: col - 1]
    return before.lstrip().startswith("#") or " #" in before


def _encoding_problems(text: str, bad: list[BadChar], file: str, root_path: str) -> list[Problem]:
    """Each bad character at its line and column, with the field it is in."""
    reader = Walker(text, file, root_path, _Loader, spans=True).run()
    assert reader.spans is not None
    out = []
    for b in bad:
        line, col = position(text, b.offset)
        line_text = reader.lines[line - 1] if line <= len(reader.lines) else ""
        scalar = _locate(reader.spans, line, col)
        if scalar is None and _in_comment(line_text, col):
            out.append(Problem(Mark(file, line, col), "", f"in a comment: {b.message}"))
            continue
        # Outside any value (a tab in the indentation, say): the record it is in.
        path = scalar if scalar is not None else (reader.record_at(line)[1] if reader.records else "")
        out.append(Problem(Mark(file, line, col), path, b.message))
    return out


def _too_big(data: bytes, file: str, root_path: str) -> list[Problem]:
    limit = f"the limit is {MAX_FILE_BYTES:,}"
    found = largest_value(data, MAX_FILE_BYTES)
    if found is None:
        return [
            Problem(
                Mark(file, 1, 1), "", f"file is {len(data):,} bytes; {limit}: split it into several files"
            )
        ]
    text, _ = decode(found.reduced)
    reader = Walker(text, file, root_path, _Loader, spans=True).run()
    path = _locate(reader.spans or [], found.line, found.col) or reader.record_at(found.line)[1]
    return [
        Problem(
            Mark(file, found.line, found.col),
            path,
            f"this value is {found.chars:,} bytes long and makes the file {len(data):,} bytes "
            f"({limit}); shorten it",
        )
    ]


def read_yaml(data: bytes, file: str, root_path: str = "") -> Node | None:
    """Parse one YAML document into located nodes; ``None`` for an empty document.

    Raises ``ReadError`` with every located problem found (each with its field path,
    starting at ``root_path``) if the file is anything but plain data.
    """
    if len(data) > MAX_FILE_BYTES:
        raise ReadError(_too_big(data, file, root_path))
    text, bad = decode(data)
    if bad:
        raise ReadError(_encoding_problems(text, bad, file, root_path))
    reader = Walker(text, file, root_path, _Loader).run()
    if reader.problems:
        raise ReadError(reader.problems)
    return reader.root
