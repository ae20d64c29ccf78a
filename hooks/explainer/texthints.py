"""Mistakes inside a record's lines that YAML reports late or in its own words.

Three slips that a contributor makes in a web editor, which the parser notices only on a
later line or describes in its grammar's terms: a field written without its ':' ('date
2025-04-28'), the lines of a long text (``summary: >-``) that do not line up, and
something typed after the '>' or '|' that starts such a text. Each function looks at the
lines around the place where the parser stopped and returns a ``Hint`` at the mistake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Hint:
    """Where the mistake is (1-based), what to say, and the record's field it is in (if known)."""

    line: int
    col: int
    message: str
    field: str | None = None


_NO_COLON_RE = re.compile(r"^(?P<lead> *(?:- +)?)(?P<key>[a-z_][a-z0-9_]*) +(?P<value>[^\s:#].*)$")
_HEADER_RE = re.compile(r"^(?P<lead> *(?:- +)?)(?P<key>[a-z_][a-z0-9_]*) *: +(?P<ind>[|>])(?P<rest>.*)$")
_VALID_HEADER_RE = re.compile(r"[1-9][-+]|[-+]?[1-9]?")
LOOK_BACK = 400  # lines: the longest text a record holds, and then some


def line_of(lines: list[str], n: int) -> str:
    return lines[n - 1] if 1 <= n <= len(lines) else ""


def _indent(text: str) -> int | None:
    return None if not text.strip() else len(text) - len(text.lstrip(" "))


def missing_colon(lines: list[str], n: int, record_col: int) -> Hint | None:
    """'date 2025-04-28' on line ``n`` or just above it, at the level of the record's keys."""
    for k in range(n, max(n - 3, 0), -1):
        m = _NO_COLON_RE.match(line_of(lines, k))
        if m is None:
            continue
        at_record = m.start("key") == record_col or m.group("lead").startswith("-")
        if at_record:
            key, value = m.group("key"), m.group("value").rstrip()
            return Hint(
                k,
                m.start("key") + 1,
                f"'{key} {value}' lacks the ':' after '{key}'; write '{key}: {value}'",
                key,
            )
    return None


def block_header(lines: list[str], n: int, record_col: int) -> Hint | None:
    """Text after the '>' or '|' that starts a text: only '-', '+', a digit or a comment may follow."""
    m = _HEADER_RE.match(line_of(lines, n))
    if m is None:
        return None
    tail = line_of(lines, n)[m.start("rest") :]
    valid = _VALID_HEADER_RE.match(tail)
    if valid is None or not tail[valid.end() :].strip() or tail[valid.end() :].lstrip().startswith("#"):
        return None
    at = m.start("rest") + valid.end() + len(tail[valid.end() :]) - len(tail[valid.end() :].lstrip())
    junk = line_of(lines, n)[at:].strip()
    return Hint(
        n,
        at + 1,
        f"'{m.group('ind')}{tail[: valid.end()].strip()}' starts a text on the lines below it, and only a "
        f"comment may follow it on its line; move '{junk}' to the next line",
        m.group("key") if m.start("key") == record_col else None,
    )


def block_lines(lines: list[str], n: int, record_col: int) -> Hint | None:
    """Line ``n`` is in the text under 'key: >-' but does not line up with its first line."""
    here = _indent(line_of(lines, n))
    lowest = 10**6  # the least indented line between the header and line n
    for h in range(n - 1, max(n - LOOK_BACK, 0), -1):
        m = _HEADER_RE.match(line_of(lines, h))
        if m is not None:
            break
        lowest = min(lowest, _indent(line_of(lines, h)) or lowest)
    else:
        return None
    if lowest <= m.start("key"):
        return None  # a line of the record itself comes between: line n is not in that text
    key, kcol = m.group("key"), m.start("key")
    first = next((k for k in range(h + 1, n) if _indent(line_of(lines, k)) is not None), None)
    if first is None or here is None or not kcol < here:
        return None
    i0 = _indent(line_of(lines, first)) or 0
    if here >= i0:
        return None
    field = key if kcol == record_col else None
    after = _indent(line_of(lines, n + 1))
    if first == n - 1 and after == here:  # the first line is the odd one out
        return Hint(
            first,
            i0 + 1,
            f"line {first} is indented more than the rest of the text of '{key}' (line {n} on); the lines "
            f"of one text line up: start line {first} in column {here + 1}, like line {n}",
            field,
        )
    return Hint(
        n,
        here + 1,
        f"line {n} is indented less than the text of '{key}' above it (line {first}); the lines of one "
        f"text line up: start line {n} in column {i0 + 1}, like line {first}",
        field,
    )
