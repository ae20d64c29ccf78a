"""When a file is over the size limit, find out whether one value is the cause.

A file of many records that grew too big is split into several files; a file made too
big by one pasted value (a whole article in a summary, an image as a ``data:`` URL) is
fixed by shortening that value. ``largest_value`` finds the longest value, written on one
line or as the lines under ``key: |`` or ``key: >``, without parsing the file, and, when
that value alone makes the file too big, returns a copy of the file with the value cut
short, small enough to parse, so that the caller can name the field it belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY_RE = re.compile(rb"^(?P<lead> *(?:- +)*)(?P<key>[A-Za-z_][A-Za-z0-9_-]*) *: *")
_ITEM_RE = re.compile(rb"^(?P<lead> *- +)")
MAX_SCAN = 4  # files over this many times the limit are refused without looking further
# No field needs more than a few thousand characters: a value this long was pasted by mistake.
ONE_VALUE = 100_000


@dataclass(frozen=True, slots=True)
class Oversized:
    line: int  # 1-based line of the key (or list item) the value belongs to
    col: int  # 1-based column where the value starts
    chars: int  # how long the value is, in bytes
    reduced: bytes  # the file with the value replaced by a short one


def _indent(line: bytes) -> int | None:
    """Leading spaces, or None for a blank line (which belongs to any block)."""
    stripped = line.lstrip(b" ")
    return None if not stripped.strip() else len(line) - len(stripped)


def largest_value(data: bytes, limit: int) -> Oversized | None:
    """The value that alone puts ``data`` over ``limit`` bytes, or None if there is none."""
    if len(data) > MAX_SCAN * limit:
        return None
    lines = data.split(b"\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    # The key line that owns the longest line: itself, or the nearest line indented less.
    owner = longest
    own_indent = _indent(lines[longest]) or 0
    if not (_KEY_RE.match(lines[longest]) or _ITEM_RE.match(lines[longest])):
        for k in range(longest - 1, -1, -1):
            ind = _indent(lines[k])
            if ind is not None and ind < own_indent:
                owner = k
                break
    base = _indent(lines[owner]) or 0
    end = owner + 1
    while end < len(lines) and (_indent(lines[end]) is None or (_indent(lines[end]) or 0) > base):
        end += 1
    span = sum(len(line) + 1 for line in lines[owner:end])
    if span <= len(data) - limit or span < ONE_VALUE:
        return None  # the file is too big even without it, or it is an ordinary value: split the file
    m = _KEY_RE.match(lines[owner]) or _ITEM_RE.match(lines[owner])
    if m is None:
        return None
    head = m.group(0)
    reduced = b"\n".join([*lines[:owner], head.rstrip() + b" x", *lines[end:]])
    return Oversized(owner + 1, len(head.decode("utf-8", "replace")) + 1, span - len(head) - 1, reduced)
