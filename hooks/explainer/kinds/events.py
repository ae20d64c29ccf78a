"""Events: what happened, when, who took part, and how well it is established."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..dates import PartialDate
from ..fields import Bool, Date, Enum, Id, Ref, Text
from ..i18n import N_, Nn_
from ..kind import Kind
from ..model import CITATION, Citation, Record, corrections_field, reviewed_field, sources_field
from ..problems import Mark, Problem
from ..structure import ListOf, Struct, spec

CATEGORIES = {
    "diplomacy": N_("Diplomacy"),
    "treaty": N_("Treaty"),
    "arms": N_("Arms"),
    "deployment": N_("Deployment"),
    "combat": N_("Combat"),
    "losses": N_("Losses"),
    "prisoners": N_("Prisoners"),
    "intelligence": N_("Intelligence"),
    "acknowledgement": N_("Acknowledgement"),
    "denial": N_("Denial"),
    "response": N_("Response"),
    "sanctions": N_("Sanctions"),
    "memorial": N_("Memorial"),
}
STATUSES = {
    "confirmed": N_("Confirmed"),
    "reported": N_("Reported"),
    "claimed": N_("Claimed"),
    "disputed": N_("Disputed"),
}
STATUS_HELP = {
    "confirmed": N_("acknowledged by the parties involved, or established by several independent sources"),
    "reported": N_("reported by credible media or governments, not confirmed by the parties"),
    "claimed": N_("claimed by one party only"),
    "disputed": N_("contradicted by another party"),
}
PRECISIONS = {"day": N_("day"), "month": N_("month"), "year": N_("year")}


@dataclass(frozen=True, slots=True, kw_only=True)
class AltDate:
    date: PartialDate = spec(Date(), "the date another source gives", required=True)
    note: str | None = spec(Text(500), "why the sources differ", translate=True)
    sources: tuple[Citation, ...] = spec(ListOf(CITATION, 1), "the sources that give this date", required=True)


@dataclass(frozen=True, slots=True, kw_only=True)
class Disclosure:
    date: PartialDate = spec(Date(), "when the event became public", required=True)
    by: tuple[str, ...] = spec(
        ListOf(Ref("actors"), 1), "who made it public: the actors who disclosed or revealed it", required=True
    )
    note: str | None = spec(Text(500), "how it became known", translate=True)
    sources: tuple[Citation, ...] = spec(ListOf(CITATION, 1), "the sources that report the disclosure", required=True)


@dataclass(frozen=True, slots=True, kw_only=True)
class Event(Record):
    id: str = spec(Id(), "unique id, a lowercase slug; also the anchor on the timeline", required=True)
    date: PartialDate = spec(Date(), "when it happened, at its precision", required=True)
    precision: str | None = spec(Enum(PRECISIONS), "must agree with the date; normally left out")
    approximate: bool = spec(Bool(), "the date is approximate")
    end: PartialDate | None = spec(Date(), "when it ended, for events that lasted")
    timezone: str | None = spec(Text(500), "a note on time zones, where they change the date", translate=True)
    alt_dates: tuple[AltDate, ...] = spec(ListOf(Struct(AltDate, "Alternative date")), "other dates that sources give")
    disclosed: Disclosure | None = spec(
        Struct(Disclosure, "Disclosure"), "when and by whom the event became public, where that came later"
    )
    title: str = spec(Text(200), "a short title", required=True, translate=True)
    summary: str = spec(Text(2000), "what happened, attributed where contested", required=True, translate=True)
    category: str = spec(Enum(CATEGORIES), "what kind of event", required=True)
    actors: tuple[str, ...] = spec(ListOf(Ref("actors"), 1), "who took part", required=True)
    places: tuple[str, ...] = spec(ListOf(Ref("places")), "where: ids of places")
    status: str = spec(Enum(STATUSES), "how well established the event is", required=True)
    sources: tuple[Citation, ...] = sources_field("the sources")
    reviewed: PartialDate | None = reviewed_field()
    corrections: tuple[Any, ...] = corrections_field()


def _dates(v: dict[str, Any], mark: Callable[[str], Mark], path: str, today: PartialDate) -> Iterator[Problem]:
    start, end = v["date"], v.get("end")
    if end is not None and end.last_day() < start.first_day():
        yield Problem(mark("end"), f"{path}.end", f"ends ({end}) before it starts ({start}): swap or correct the dates")
    if end is not None and end == start:
        yield Problem(mark("end"), f"{path}.end", f"the end date is the start date ({start}): remove 'end'")
    precision = v.get("precision")
    if precision is not None and precision != start.precision:
        yield Problem(
            mark("precision"),
            f"{path}.precision",
            f"precision '{precision}' contradicts the date '{start}' (which is at {start.precision} precision): "
            "write the date at the precision you mean and remove 'precision'",
        )
    disclosed = v.get("disclosed")
    if disclosed is not None and disclosed.date.last_day() < start.first_day():
        yield Problem(
            mark("disclosed"),
            f"{path}.disclosed.date",
            f"made public ({disclosed.date}) before it happened ({start}): check both dates",
        )
    for i, alt in enumerate(v.get("alt_dates") or ()):
        if alt.date == start:
            yield Problem(
                mark("alt_dates"),
                f"{path}.alt_dates[{i}].date",
                f"the alternative date is the event's own date ({start})",
            )


def _derive(v: dict[str, Any]) -> dict[str, Any]:
    # An event's precision is its date's: the field may only confirm it.
    return {**v, "precision": v["date"].precision}


def _page(e: Event, dataset: Any) -> str:
    from ..render.periods import event_page

    return f"{event_page(dataset, e.id)}#{e.id}"


def _heading(e: Event, ctx: Any) -> str:
    return f"{ctx.tr.date(e.date)}: {e.title}"


KIND = Kind(
    name="events",
    cls=Event,
    title="Event",
    label=N_("Events"),
    noun=Nn_("{n} event", "{n} events"),
    sort_key=lambda e: (e.date, e.id),
    page=_page,
    heading=_heading,
    renderer="timeline",
    record_checks=(_dates,),
    derive=_derive,
)
