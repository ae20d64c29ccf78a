"""Figures: numbers (troops, losses, prisoners), one record per claimant and date."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..dates import PartialDate
from ..fields import Bool, Date, Enum, Id, Int, Ref, Text
from ..i18n import N_, Nn_
from ..kind import Kind
from ..model import Citation, Record, corrections_field, reviewed_field, sources_field
from ..problems import Mark, Problem
from ..structure import spec

MEASURES = {
    "troops-deployed": N_("Troops deployed"),
    "reinforcements": N_("Reinforcements"),
    "engineers-deployed": N_("Engineers, deminers and military builders deployed"),
    "workers-deployed": N_("Civilian workers sent to Russia"),
    "killed": N_("Killed"),
    "wounded": N_("Wounded"),
    "casualties": N_("Casualties (killed and wounded)"),
    "captured": N_("Captured"),
    "missing": N_("Missing"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure(Record):
    id: str = spec(Id(), "unique id, a lowercase slug", required=True)
    measure: str = spec(Enum(MEASURES), "what is counted", required=True)
    value: int | None = spec(Int(), "the number (or give low and high)")
    low: int | None = spec(Int(), "low end of a range; alone, it means 'at least'")
    high: int | None = spec(Int(), "high end of a range")
    approximate: bool = spec(Bool(), "the claimant gave an approximate number")
    as_of: PartialDate = spec(Date(), "the date the estimate refers to", required=True)
    claimant: str = spec(Ref("actors"), "who makes the claim", required=True)
    note: str | None = spec(Text(1000), "context", translate=True)
    sources: tuple[Citation, ...] = sources_field("the sources that report the claim")
    reviewed: PartialDate | None = reviewed_field()
    corrections: tuple[Any, ...] = corrections_field()


def _number(v: dict[str, Any], mark: Callable[[str], Mark], path: str, today: PartialDate) -> Iterator[Problem]:
    has_value = v.get("value") is not None
    low, high = v.get("low"), v.get("high")
    if has_value and (low is not None or high is not None):
        yield Problem(mark(""), path, "give either 'value' or 'low' and 'high', not both")
    elif not has_value and low is None:
        msg = (
            "give 'low' too: a range has both ends"
            if high is not None
            else ("missing the number: give 'value', 'low' and 'high' for a range, or 'low' alone for 'at least'")
        )
        yield Problem(mark(""), path, msg)
    elif low is not None and high is not None and low >= high:
        msg = f"the range runs the wrong way ({low:,} to {high:,}): low must be below high"
        yield Problem(mark("high"), f"{path}.high", msg)


def value_text(f: Figure, ctx: Any) -> str:
    """The estimate as a reader reads it: '12,000', 'about 11,000', 'at least 600', '1,000–1,500'."""
    tr = ctx.tr
    if f.value is not None:
        text = tr.number(f.value)
    elif f.high is None:
        return tr._("at least {n}", n=tr.number(f.low))
    else:
        text = f"{tr.number(f.low)}\u2013{tr.number(f.high)}"
    return tr._("about {n}", n=text) if f.approximate else text


def _heading(f: Figure, ctx: Any) -> str:
    tr = ctx.tr
    claimant = ctx.dataset.get("actors", f.claimant).name
    return tr._(
        "{measure}: {value}, according to {claimant}, as of {date}",
        measure=tr._(MEASURES[f.measure]),
        value=value_text(f, ctx),
        claimant=claimant,
        date=tr.date(f.as_of),
    )


KIND = Kind(
    name="figures",
    cls=Figure,
    title="Figure",
    label=N_("Figures"),
    noun=Nn_("{n} figure", "{n} figures"),
    sort_key=lambda f: (f.measure, f.as_of, f.claimant, f.id),
    page=lambda f, dataset: f"numbers.md#{f.id}",
    heading=_heading,
    renderer="numbers",
    record_checks=(_number,),
    editor_rules={
        "anyOf": [{"required": ["value"]}, {"required": ["low"]}],
        "not": {"required": ["value", "low"]},
        "dependentRequired": {"high": ["low"]},
    },
)
