"""The JSON Schema of the data files, derived from the record kinds' field declarations.

Published with the site (``/data/schema.json``) and written to ``schema/<kind>.schema.json``
for editors (``hooks/validate.py --write-schemas``).
"""

from __future__ import annotations

from typing import Any

from .kinds import KINDS


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the data files (each file: a list of records of one kind)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "explainer-data.schema.json",
        "title": "North Korean troops in Russia: explainer data",
        "description": "Each YAML file in data/<kind>/ is a list of records of that kind.",
        "$defs": {name: kind.struct.json() for name, kind in KINDS.items()},
    }


def kind_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one data file of kind ``name`` (a list of its records), for editors."""
    kind = KINDS[name]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{name}.schema.json",
        "title": f"data/{name}/*.yaml: a list of {kind.title.lower()} records",
        "type": "array",
        "items": {**kind.struct.json(), **kind.editor_rules},
    }
