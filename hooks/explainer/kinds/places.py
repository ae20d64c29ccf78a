"""Places: where events happened, with their names in each script and their coordinates."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..dates import PartialDate
from ..fields import Decimal, Enum, Id, Ref, Text
from ..i18n import N_, Nn_
from ..kind import Kind
from ..model import Citation, Record, corrections_field, reviewed_field, sources_field
from ..problems import Mark, Problem
from ..structure import Names, spec

PLACE_KINDS = {
    "country": N_("Country"),
    "region": N_("Region"),
    "city": N_("City"),
    "town": N_("Town"),
    "village": N_("Village"),
    "port": N_("Port"),
    "military-site": N_("Military site"),
    "facility": N_("Facility"),
    "building": N_("Building"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Place(Record):
    id: str = spec(Id(), "unique id, a lowercase slug", required=True)
    name: str = spec(Text(200), "name in English", required=True)
    names: tuple[tuple[str, str], ...] = spec(Names(), "names in their own scripts")
    kind: str = spec(Enum(PLACE_KINDS), "what kind of place", required=True)
    within: str | None = spec(Ref("places"), "the place that contains it")
    lat: float = spec(Decimal(-90, 90), "latitude in decimal degrees (north positive)", required=True)
    lon: float = spec(Decimal(-180, 180), "longitude in decimal degrees (east positive)", required=True)
    sources: tuple[Citation, ...] = sources_field("sources for the name and location")
    reviewed: PartialDate | None = reviewed_field()
    corrections: tuple[Any, ...] = corrections_field()


def _not_within_itself(
    v: dict[str, Any], mark: Callable[[str], Mark], path: str, today: PartialDate
) -> Iterator[Problem]:
    if v.get("within") is not None and v.get("within") == v["id"]:
        yield Problem(
            mark("within"), f"{path}.within", "a place cannot lie within itself: name the place that contains it"
        )


KIND = Kind(
    name="places",
    cls=Place,
    title="Place",
    label=N_("Places"),
    noun=Nn_("{n} place", "{n} places"),
    sort_key=lambda p: (p.name.casefold(), p.id),
    page=lambda p, dataset: f"places/{p.id}.md",
    heading=lambda p, ctx: p.name,
    renderer="places",
    record_checks=(_not_within_itself,),
)
