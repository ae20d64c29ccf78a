"""JSON files for download, written fast and still readable: one record to a line.

``json.dumps(..., indent=1)`` runs Python's pure-Python encoder, several times slower than
its C encoder, which writes compact JSON only; at 10,000 events the indented dataset, its
citations and the TimelineJS export cost a second of every build. Here each item of a
top-level list (each record) is one compact line, written by the C encoder, and the
document around them is indented by hand. The result parses to the same value.
"""

from __future__ import annotations

import json
from typing import Any

# One encoder for every item: ``json.dumps`` with an option builds a new one for each call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def item(value: Any) -> str:
    """One item as a compact line (for ``array``)."""
    return _ENCODER.encode(value)


def _lines(lines: list[str], pad: str) -> str:
    if not lines:
        return "[]"
    return "[\n" + ",\n".join(pad + " " + line for line in lines) + "\n" + pad + "]"


def _list(items: list[Any], pad: str) -> str:
    return _lines([item(v) for v in items], pad)


def array(lines: list[str]) -> str:
    """A JSON array file of items already written by ``item``, one to a line."""
    return _lines(lines, "") + "\n"


def dumps(doc: dict[str, Any] | list[Any]) -> str:
    """``doc`` as JSON: a list's items, or a dict's list-valued members' items, one per line."""
    if isinstance(doc, list):
        return _list(doc, "") + "\n"
    members = [
        f" {item(key)}: " + (_list(value, " ") if isinstance(value, list) else item(value))
        for key, value in doc.items()
    ]
    return "{\n" + ",\n".join(members) + "\n}\n" if members else "{}\n"
