"""The dataset as files to download: dataset.json, events.csv and the JSON Schema.

Output is deterministic: records in the dataset's order, keys in the order their fields
are declared, empty values left out, no timestamps, LF line endings.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from . import SCHEMA_VERSION, jsonfile
from .kinds import KINDS
from .model import Dataset
from .schema import json_schema


def record_dict(record: Any) -> dict[str, Any]:
    """A record as the JSON object of its kind, with where it was written."""
    out: dict[str, Any] = KINDS[record.KIND].struct.plain(record)
    out["origin"] = {"file": record.origin.file, "line": record.origin.line}
    return out


def dataset_json(dataset: Dataset) -> str:
    doc: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    for kind, records in dataset.records.items():
        doc[kind] = [record_dict(r) for r in records]
    return jsonfile.dumps(doc)


EVENT_COLUMNS = (
    "id",
    "date",
    "precision",
    "approximate",
    "end",
    "title",
    "category",
    "status",
    "actors",
    "places",
    "sources",
    "summary",
)


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
                " ".join(e.places),
                " ".join(dict.fromkeys(c.source for c in e.sources)),
                e.summary,
            ]
        )
    return buf.getvalue()


def schema_json() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=1) + "\n"
