"""Located nodes of one file -> typed records, with every problem the file has.

Field types are checked by ``schema.convert``; the checks that need several fields of
one record (an end before its start, a precision that contradicts the date, a source
looked up before it was published, a range the wrong way round) are made here, where
the record's node still knows where each field was written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import model
from .archives import source_problems
from .dates import PartialDate
from .problems import Mark, Problem
from .schema import KINDS, Collector, Invalid, convert_record
from .yamlread import Map, Node, Scalar, Seq


def _mark(node: Map, key: str) -> Mark:
    """Where the value of ``key`` was written (the record's own mark if it is absent)."""
    item = node.items.get(key)
    return item[1].mark if item else node.mark


def _citations(values: list[dict[str, Any]] | None) -> tuple[model.Citation, ...]:
    return tuple(model.Citation(v["source"], v.get("locator"), v.get("quote")) for v in values or ())


def _corrections(values: list[dict[str, Any]] | None) -> tuple[model.Correction, ...]:
    return tuple(model.Correction(v["date"], v["change"]) for v in values or ())


RECORD_TYPES: dict[str, type] = {
    "sources": model.Source,
    "actors": model.Actor,
    "terms": model.Term,
    "events": model.Event,
    "figures": model.Figure,
    "claims": model.Claim,
}


def _build(kind: str, v: dict[str, Any], origin: model.Origin) -> model.AnyRecord:
    """Converted field values -> the kind's frozen dataclass (lists become tuples)."""
    cls = RECORD_TYPES[kind]
    args: dict[str, Any] = {}
    for name in cls.__dataclass_fields__:
        if name == "origin":
            args[name] = origin
        elif name == "kind_of":  # 'kind' in YAML; the class attribute 'kind' names the record kind
            args[name] = v["kind"]
        elif name == "names":
            names = v.get("names") or {}
            order = KINDS["actors"].field("names").type.languages
            args[name] = tuple((lang, names[lang]) for lang in order if lang in names)
        elif name == "sources":
            args[name] = _citations(v.get("sources"))
        elif name == "corrections":
            args[name] = _corrections(v.get("corrections"))
        elif name == "alt_dates":
            args[name] = tuple(model.AltDate(a["date"], a.get("note"), _citations(a["sources"])) for a in v.get(name) or ())
        elif name == "disclosed":
            d = v.get(name)
            args[name] = None if d is None else model.Disclosure(d["date"], tuple(d["by"]), d.get("note"), _citations(d["sources"]))
        elif name == "link_status":
            ls = v.get(name)
            args[name] = None if ls is None else model.LinkStatus(
                ls["status"], ls.get("code"), ls["checked"], ls.get("failing_since"), ls.get("final_url")
            )
        elif name in ("approximate", "title_supplied"):
            args[name] = bool(v.get(name, False))
        elif name in ("actors", "aliases"):
            args[name] = tuple(v.get(name) or ())
        else:
            args[name] = v.get(name)
    return cls(**args)


def _record_checks(kind: str, v: dict[str, Any], node: Map, path: str, today: PartialDate) -> list[Problem]:
    """Checks across the fields of one record."""
    out: list[Problem] = []
    for key in ("date", "end", "published", "accessed", "as_of", "reviewed"):
        d = v.get(key)
        if isinstance(d, PartialDate) and d.first_day() > today.first_day():
            out.append(Problem(_mark(node, key), f"{path}.{key}", f"{d} is in the future (today is {today}): check the year"))
    for i, c in enumerate(v.get("corrections") or ()):
        if c["date"].first_day() > today.first_day():
            out.append(Problem(node.mark, f"{path}.corrections[{i}].date", f"{c['date']} is in the future"))
    if kind == "events":
        start, end = v["date"], v.get("end")
        if end is not None and end.last_day() < start.first_day():
            out.append(Problem(_mark(node, "end"), f"{path}.end", f"ends ({end}) before it starts ({start}): swap or correct the dates"))
        if end is not None and end == start:
            out.append(Problem(_mark(node, "end"), f"{path}.end", f"the end date is the start date ({start}): remove 'end'"))
        precision = v.get("precision")
        if precision is not None and precision != start.precision:
            out.append(
                Problem(
                    _mark(node, "precision"),
                    f"{path}.precision",
                    f"precision '{precision}' contradicts the date '{start}' (which is at {start.precision} precision): "
                    "write the date at the precision you mean and remove 'precision'",
                )
            )
        disclosed = v.get("disclosed")
        if disclosed is not None and disclosed["date"].last_day() < start.first_day():
            out.append(
                Problem(
                    _mark(node, "disclosed"),
                    f"{path}.disclosed.date",
                    f"made public ({disclosed['date']}) before it happened ({start}): check both dates",
                )
            )
        for i, alt in enumerate(v.get("alt_dates") or ()):
            if alt["date"] == start:
                out.append(Problem(node.mark, f"{path}.alt_dates[{i}].date", f"the alternative date is the event's own date ({start})"))
    if kind == "sources":
        pub, acc = v["published"], v["accessed"]
        if acc.last_day() < pub.first_day():
            out.append(
                Problem(_mark(node, "accessed"), f"{path}.accessed", f"looked up ({acc}) before it was published ({pub}): check both dates")
            )
        if v.get("archive_url") is not None and v.get("archive_url") == v["url"]:
            out.append(Problem(_mark(node, "archive_url"), f"{path}.archive_url", "the archive URL is the URL itself: remove it or give the archived copy"))
        for key, message in source_problems(v):
            out.append(Problem(_mark(node, key.split(".")[0]), f"{path}.{key}", message))
    if kind == "figures":
        has_value = v.get("value") is not None
        low, high = v.get("low"), v.get("high")
        if has_value and (low is not None or high is not None):
            out.append(Problem(node.mark, path, "give either 'value' or 'low' and 'high', not both"))
        elif not has_value and low is None:
            msg = "give 'low' too: a range has both ends" if high is not None else (
                "missing the number: give 'value', 'low' and 'high' for a range, or 'low' alone for 'at least'"
            )
            out.append(Problem(node.mark, path, msg))
        elif low is not None and high is not None and low >= high:
            out.append(Problem(_mark(node, "high"), f"{path}.high", f"the range runs the wrong way ({low:,} to {high:,}): low must be below high"))
    return out


@dataclass
class FileResult:
    """What one file yields: valid records, problems, references to resolve, and every id it declares."""

    records: list[model.AnyRecord] = field(default_factory=list)
    # For each record: where each of its fields was written, and its field path prefix.
    where: list[tuple[str, dict[str, Mark]]] = field(default_factory=list)
    ctx: Collector = field(default_factory=Collector)
    # (id, mark, path) of every item that names an id, valid or not: a broken record still
    # declares its id, so references to it are not reported a second time.
    declared: list[tuple[str, Mark, str]] = field(default_factory=list)


def records_from_node(kind: str, root: Node | None, file: str, today: PartialDate) -> FileResult:
    """One file's top-level list -> its records and everything wrong with them."""
    result = FileResult()
    ctx, records = result.ctx, result.records
    if root is None:
        ctx.problems.append(Problem(Mark(file, 1, 1), "", f"the file is empty: it should hold a list of {kind} (or be deleted)"))
        return result
    if not isinstance(root, Seq):
        what = "a mapping" if isinstance(root, Map) else "a single value"
        ctx.problems.append(
            Problem(root.mark, "", f"expected a list of {kind} (each item starting with '- id:'), but the file holds {what}")
        )
        return result
    spec = KINDS[kind]
    for i, node in enumerate(root.items):
        path = f"{kind}[{i}]"
        if isinstance(node, Map) and isinstance(node.items.get("id", (None, None))[1], Scalar):
            id_node = node.items["id"][1]
            result.declared.append((id_node.text, id_node.mark, f"{path}.id"))
        before = len(ctx.problems)
        values = None
        try:
            values = convert_record(spec, node, path, ctx)
        except Invalid as exc:  # the item is not a mapping
            ctx.problems.append(Problem(node.mark, path, str(exc)))
        if values is None or len(ctx.problems) > before or not isinstance(node, Map):
            continue
        problems = _record_checks(kind, values, node, path, today)
        if problems:
            ctx.problems.extend(problems)
            continue
        records.append(_build(kind, values, model.Origin(file, node.mark.line)))
        result.where.append((path, {key: value.mark for key, (_, value) in node.items.items()}))
    return result


