"""Set ``archive_url`` and ``link_status`` in records of a YAML file, changing only their lines.

The file is never re-serialised: ``explainer.yamlread`` gives the line of every key, and
the edit replaces the lines of the field it changes (or inserts them after ``url``, and
``link_status`` after ``archive_url``), in the record's own indentation and line endings.
Comments, blank lines, order, quoting and every other record keep their bytes. The result
is read back and compared with what was meant; a mismatch raises ``EditError`` and nothing
is written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from explainer.dates import PartialDate
from explainer.yamlread import Map, Node, Scalar, Seq, read_yaml

_PLAIN_SAFE = re.compile(r"^[A-Za-z0-9][^\s'\"]*$")


class EditError(Exception):
    """The edit could not be made exactly (the file is left as it was)."""


@dataclass(frozen=True)
class Edit:
    index: int  # the record's position in the file's list
    archive_url: str | None = None  # None: leave as is
    link_status: dict[str, Any] | None = None  # None: leave as is


def scalar(value: Any) -> str:
    """A value as YAML text: plain where that reads back as the same string, else double-quoted."""
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(value)
    text = str(value)
    if isinstance(value, int) or (_PLAIN_SAFE.match(text) and not text.endswith(":") and " #" not in text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _fields(record: Map, start: int, end: int, lines: list[str]) -> dict[str, tuple[int, int, int]]:
    """key -> (first line, last line, column) as 0-based line indexes, trailing comments and blanks left out."""
    keys = [(k, mark.line - 1, mark.col) for k, (mark, _) in record.items.items()]
    if len({line for _, line, _ in keys}) != len(keys):
        raise EditError(f"the record at line {start + 1} is written in flow style ({{...}}): edit it by hand")
    out = {}
    for j, (key, first, column) in enumerate(keys):
        last = keys[j + 1][1] - 1 if j + 1 < len(keys) else end
        while last > first and (not lines[last].strip() or lines[last].lstrip().startswith("#")):
            last -= 1
        out[key] = (first, last, column)
    return out


def _block(key: str, value: Any, indent: str, eol: str) -> list[str]:
    if isinstance(value, dict):
        return [f"{indent}{key}:{eol}"] + [f"{indent}  {k}: {scalar(v)}{eol}" for k, v in value.items()]
    return [f"{indent}{key}: {scalar(value)}{eol}"]


def _plain(node: Node | None) -> Any:
    if isinstance(node, Scalar):
        return node.text
    if isinstance(node, Seq):
        return [_plain(n) for n in node.items]
    if isinstance(node, Map):
        return {k: _plain(v) for k, (_, v) in node.items.items()}
    return None


def _as_text(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _as_text(v) for k, v in value.items()}
    return value.iso() if isinstance(value, PartialDate) else str(value)


def apply(text: str, root: Node | None, edits: list[Edit], file: str = "<file>") -> str:
    """``text`` with ``edits`` made; ``root`` is ``read_yaml`` of the same text."""
    if not edits:
        return text
    if not isinstance(root, Seq):
        raise EditError(f"{file}: not a list of records")
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = text[len(bom) :].splitlines(keepends=True)
    eol = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += eol
        had_final_eol = False
    else:
        had_final_eol = True
    ops: list[tuple[int, int, list[str]]] = []  # (first line, lines replaced, new lines)
    for edit in edits:
        record = root.items[edit.index]
        if not isinstance(record, Map) or "url" not in record.items:
            raise EditError(f"{file}: record {edit.index} is not a source with a url")
        start = record.mark.line - 1
        end = root.items[edit.index + 1].mark.line - 2 if edit.index + 1 < len(root.items) else len(lines) - 1
        fields = _fields(record, start, end, lines)
        indent = " " * (fields["url"][2] - 1)
        after_url: list[str] = []
        if edit.archive_url is not None:
            new = _block("archive_url", edit.archive_url, indent, eol)
            if "archive_url" in fields:
                first, last, _ = fields["archive_url"]
                ops.append((first, last - first + 1, new))
            else:
                after_url += new
        if edit.link_status is not None:
            new = _block("link_status", edit.link_status, indent, eol)
            if "link_status" in fields:
                first, last, _ = fields["link_status"]
                ops.append((first, last - first + 1, new))
            elif "archive_url" in fields:
                ops.append((fields["archive_url"][1] + 1, 0, new))
            else:
                after_url += new
        if after_url:
            ops.append((fields["url"][1] + 1, 0, after_url))
    for first, count, new in sorted(ops, key=lambda op: op[0], reverse=True):
        lines[first : first + count] = new
    out = "".join(lines)
    if not had_final_eol:
        out = out[: -len(eol)]
    out = bom + out
    _verify(root, out, edits, file)
    return out


def _verify(before: Seq, text: str, edits: list[Edit], file: str) -> None:
    after = read_yaml(text.encode("utf-8"), file)
    wanted = [_plain(n) for n in before.items]
    for edit in edits:
        if edit.archive_url is not None:
            wanted[edit.index]["archive_url"] = edit.archive_url
        if edit.link_status is not None:
            wanted[edit.index]["link_status"] = _as_text(edit.link_status)
    got = _plain(after)
    if got != wanted:
        bad = next((i for i, (g, w) in enumerate(zip(got or [], wanted, strict=False)) if g != w), len(wanted))
        raise EditError(
            f"{file}: the edited file does not read back as intended (record {bad}): nothing written"
        )
