"""Actors: the states, bodies, units, organisations, media and people of the story."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..dates import PartialDate
from ..fields import Enum, Id, Text
from ..i18n import N_, Nn_
from ..kind import Kind
from ..model import Citation, Record, corrections_field, reviewed_field, sources_field
from ..structure import Names, spec

# Each kind of actor, with the heading its group has on the actors' page.
ACTOR_KINDS = {
    "state": N_("States"),
    "government-body": N_("Government bodies"),
    "military-unit": N_("Armed forces and units"),
    "organisation": N_("Organisations"),
    "person": N_("People"),
    "media": N_("Media"),
}
# The same, for one actor ("Government body" on its page).
ACTOR_KIND_ONE = {
    "state": N_("State"),
    "government-body": N_("Government body"),
    "military-unit": N_("Military unit"),
    "organisation": N_("Organisation"),
    "person": N_("Person"),
    "media": N_("Media"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor(Record):
    id: str = spec(Id(), "unique id, a lowercase slug", required=True)
    name: str = spec(Text(200), "name in English", required=True)
    names: tuple[tuple[str, str], ...] = spec(Names(), "names in their own scripts")
    kind: str = spec(Enum(ACTOR_KINDS), "what kind of actor", required=True)
    description: str = spec(Text(1500), "who they are", required=True, translate=True)
    sources: tuple[Citation, ...] = sources_field("sources for the description")
    reviewed: PartialDate | None = reviewed_field()
    corrections: tuple[Any, ...] = corrections_field()


KIND = Kind(
    name="actors",
    cls=Actor,
    title="Actor",
    label=N_("Actors"),
    noun=Nn_("{n} actor", "{n} actors"),
    sort_key=lambda a: (a.name.casefold(), a.id),
    page=lambda a, dataset: f"actors/{a.id}.md",
    heading=lambda a, ctx: a.name,
    renderer="actors",
)
