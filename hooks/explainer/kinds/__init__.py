"""The registry of record kinds: every kind the site knows, in the order they are read.

To add a kind, write ``kinds/<kind>.py`` (its record class and its ``KIND``), add it
here, and give it a renderer in ``render/<kind>.py``: the loader, the dataset, the JSON
Schema, the exports, the corrections page and the tests pick it up from this list.
"""

from __future__ import annotations

from ..kind import Kind
from . import actors, claims, events, figures, places, sources, terms

# One order for every list of kinds: dataset.json, counts, the downloads page, "cited by".
KINDS: dict[str, Kind] = {
    k.name: k for k in (events.KIND, figures.KIND, actors.KIND, places.KIND, terms.KIND, claims.KIND, sources.KIND)
}
