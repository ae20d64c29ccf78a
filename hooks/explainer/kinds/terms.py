"""Glossary terms: the words, abbreviations and names the explainer uses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..dates import PartialDate
from ..fields import Id, Text
from ..i18n import N_, Nn_
from ..kind import Kind
from ..model import Citation, Record, corrections_field, reviewed_field, sources_field
from ..problems import Mark, Problem
from ..structure import ListOf, spec


@dataclass(frozen=True, slots=True, kw_only=True)
class Term(Record):
    id: str = spec(Id(), "unique id, a lowercase slug", required=True)
    term: str = spec(Text(200), "the term", required=True, translate=True)
    aliases: tuple[str, ...] = spec(ListOf(Text(200)), "abbreviations and other spellings")
    definition: str = spec(Text(1500), "what it means here", required=True, translate=True)
    sources: tuple[Citation, ...] = sources_field("sources for the definition")
    reviewed: PartialDate | None = reviewed_field()
    corrections: tuple[Any, ...] = corrections_field()


def ambiguous_terms(terms: list[tuple[Term, str, dict[str, Mark]]]) -> Iterator[Problem]:
    """A name or alias may belong to one term only, or prose could not tell which one it means."""
    owner: dict[str, tuple[Term, Mark]] = {}
    for t, path, marks in terms:
        for name in dict.fromkeys((t.term, *t.aliases)):
            field = "term" if name == t.term else "aliases"
            other = owner.get(name.casefold())
            if other is not None and other[0].id != t.id:
                yield Problem(
                    marks[field],
                    f"{path}.{field}",
                    f"'{name}' already names the term '{other[0].id}' (at {other[1]}): "
                    "merge the two entries or rename one",
                )
            else:
                owner[name.casefold()] = (t, marks[field])


KIND = Kind(
    name="terms",
    cls=Term,
    title="Glossary term",
    label=N_("Terms"),
    noun=Nn_("{n} term", "{n} terms"),
    sort_key=lambda t: (t.term.casefold(), t.id),
    page=lambda t, dataset: f"glossary.md#{t.id}",
    heading=lambda t, ctx: t.term,
    renderer="glossary",
    kind_checks=(ambiguous_terms,),
)
