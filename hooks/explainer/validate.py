"""Located nodes of one file -> typed records, with every problem the file has.

Field types convert and check their own values (``fields``); a kind's ``record_checks``
look across the fields of one record (an end before its start, a range the wrong way
round), where the record's node still knows where each field was written. The checks
every kind shares (no date in the future) are made here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from .dates import PartialDate
from .fields import Collector, Date, Invalid
from .kind import Kind
from .model import Origin
from .problems import Mark, Problem
from .yamlread import Map, Node, Scalar, Seq


def _future(kind: Kind, v: dict[str, Any], node: Map, path: str, today: PartialDate) -> Iterator[Problem]:
    """No date a record gives (its own, or a correction's) may lie after today."""
    for name, s in kind.struct.fields():
        d = v.get(name)
        if isinstance(s.type, Date) and isinstance(d, PartialDate) and d.first_day() > today.first_day():
            yield Problem(
                _mark(node, name), f"{path}.{name}", f"{d} is in the future (today is {today}): check the year"
            )
    for i, c in enumerate(v.get("corrections") or ()):
        if c.date.first_day() > today.first_day():
            yield Problem(_mark(node, "corrections"), f"{path}.corrections[{i}].date", f"{c.date} is in the future")


def _mark(node: Map, key: str) -> Mark:
    """Where the value of ``key`` was written (the record's own mark if it is absent)."""
    item = node.items.get(key)
    return item[1].mark if item else node.mark


@dataclass
class FileResult:
    """What one file yields: valid records, problems, references to resolve, and every id it declares."""

    records: list[Any] = field(default_factory=list)
    # For each record: its field path prefix and where each of its fields was written.
    where: list[tuple[str, dict[str, Mark]]] = field(default_factory=list)
    ctx: Collector = field(default_factory=Collector)
    # (id, mark, path) of every item that names an id, valid or not: a broken record still
    # declares its id, so references to it are not reported a second time.
    declared: list[tuple[str, Mark, str]] = field(default_factory=list)


def records_from_node(kind: Kind, root: Node | None, file: str, today: PartialDate) -> FileResult:
    """One file's top-level list -> its records and everything wrong with them."""
    result = FileResult()
    ctx = result.ctx
    if root is None:
        msg = f"the file is empty: it should hold a list of {kind.name} (or be deleted)"
        ctx.problems.append(Problem(Mark(file, 1, 1), "", msg))
        return result
    if not isinstance(root, Seq):
        what = "a mapping" if isinstance(root, Map) else "a single value"
        msg = f"expected a list of {kind.name} (each item starting with '- id:'), but the file holds {what}"
        ctx.problems.append(Problem(root.mark, "", msg))
        return result
    for i, node in enumerate(root.items):
        path = f"{kind.name}[{i}]"
        id_node = node.items["id"][1] if isinstance(node, Map) and "id" in node.items else None
        if isinstance(id_node, Scalar):
            result.declared.append((id_node.text, id_node.mark, f"{path}.id"))
        before = len(ctx.problems)
        values = None
        try:
            values = kind.struct.values(node, path, ctx)
        except Invalid as exc:  # the item is not a mapping
            ctx.problems.append(Problem(node.mark, path, str(exc)))
        if values is None or len(ctx.problems) > before or not isinstance(node, Map):
            continue
        problems = list(_future(kind, values, node, path, today))
        for check in kind.record_checks:
            problems.extend(check(values, partial(_mark, node), path, today))
        if problems:
            ctx.problems.extend(problems)
            continue
        if kind.derive is not None:
            values = kind.derive(values)
        result.records.append(kind.struct.build(values, origin=Origin(file, node.mark.line)))
        result.where.append((path, {key: value.mark for key, (_, value) in node.items.items()}))
    return result
