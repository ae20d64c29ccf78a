"""Checked claims: the seed article's claims, each with a verdict and the evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..dates import PartialDate
from ..fields import Date, Enum, Id, Text
from ..i18n import N_, Nn_
from ..kind import Kind
from ..model import Citation, Record, corrections_field, reviewed_field, sources_field
from ..structure import spec

VERDICTS = {
    "accurate": N_("Accurate"),
    "imprecise": N_("Imprecise"),
    "inaccurate": N_("Inaccurate"),
    "unverified": N_("Unverified"),
}
# How many claims had each verdict, as the claims page counts them ("3 inaccurate").
VERDICT_COUNTS = {
    "accurate": Nn_("{n} accurate", "{n} accurate"),
    "imprecise": Nn_("{n} imprecise", "{n} imprecise"),
    "inaccurate": Nn_("{n} inaccurate", "{n} inaccurate"),
    "unverified": Nn_("{n} unverified", "{n} unverified"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim(Record):
    id: str = spec(Id(), "unique id, a lowercase slug", required=True)
    claim: str = spec(Text(600), "the claim checked, in our words", required=True, translate=True)
    date: PartialDate | None = spec(Date(), "the date the claim is about")
    verdict: str = spec(Enum(VERDICTS), "what the sources show", required=True)
    explanation: str = spec(Text(2000), "the evidence", required=True, translate=True)
    sources: tuple[Citation, ...] = sources_field("the sources")
    reviewed: PartialDate | None = reviewed_field()
    corrections: tuple[Any, ...] = corrections_field()


KIND = Kind(
    name="claims",
    cls=Claim,
    title="Checked claim",
    label=N_("Claims"),
    noun=Nn_("{n} claim", "{n} claims"),
    sort_key=lambda c: (c.origin.file, c.origin.line),
    page=lambda c, dataset: f"claims.md#{c.id}",
    heading=lambda c, ctx: c.claim,
    renderer="claims",
)
