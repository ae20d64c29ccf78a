"""Dataset -> the downloads: dataset.json, events.csv and the JSON Schema.

Output is deterministic: records in the dataset's order, keys in schema order, no
timestamps, LF line endings.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from . import SCHEMA_VERSION
from .dates import PartialDate
from .model import KIND_NAMES, AnyRecord, Citation, Dataset
from .render import timeline
from .schema import KINDS, json_schema


def _plain(value: Any) -> Any:
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, Citation):
        return {k: v for k, v in (("source", value.source), ("locator", value.locator), ("quote", value.quote)) if v is not None}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain(getattr(value, k)) for k in value.__dataclass_fields__ if getattr(value, k) is not None}
    return value


def record_dict(record: AnyRecord) -> dict[str, Any]:
    """A record as the JSON object of its kind: the schema's field names, in schema order."""
    out: dict[str, Any] = {}
    for f in KINDS[record.kind].fields:
        attr = "kind_of" if (record.kind == "actors" and f.name == "kind") else f.name
        # An event's precision is derived from its date (the YAML field may only confirm it).
        value = record.date.precision if (record.kind == "events" and f.name == "precision") else getattr(record, attr)
        if f.name == "names":
            value = dict(value)
        if value is None or value == () or value == {} or (f.name == "approximate" and value is False):
            continue
        out[f.name] = _plain(value)
    out["origin"] = {"file": record.origin.file, "line": record.origin.line}
    return out


def dataset_json(dataset: Dataset) -> str:
    doc: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    for kind in KIND_NAMES:
        doc[kind] = [record_dict(r) for r in getattr(dataset, kind)]
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


EVENT_COLUMNS = ("id", "date", "precision", "approximate", "end", "title", "category", "status", "actors", "place", "sources", "summary")


def events_csv(dataset: Dataset) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(EVENT_COLUMNS)
    for e in dataset.events:
        w.writerow(
            [
                e.id,
                e.date.iso(),
                e.date.precision,
                "true" if e.approximate else "false",
                e.end.iso() if e.end else "",
                e.title,
                e.category,
                e.status,
                " ".join(e.actors),
                e.place or "",
                " ".join(dict.fromkeys(c.source for c in e.sources)),
                e.summary,
            ]
        )
    return buf.getvalue()


def schema_json() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=1) + "\n"


def all_exports(dataset: Dataset) -> dict[str, str]:
    """site path -> file content for every download (and, for a long timeline, its id map)."""
    out = {
        "data/dataset.json": dataset_json(dataset),
        "data/events.csv": events_csv(dataset),
        "data/schema.json": schema_json(),
    }
    split = timeline.parts(dataset)
    if split:
        # event id -> the page of its period, relative to /timeline/, for explainer.js.
        ids = {e.id: part.key + "/" for part in split for e in part.events}
        out["timeline/ids.json"] = json.dumps(ids, separators=(",", ":"), sort_keys=True) + "\n"
    return out
