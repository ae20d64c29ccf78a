"""Typed records and the dataset that holds them. No raw dicts travel past ``validate``."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from .archives import is_dead
from .dates import PartialDate


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record was written: its file (relative to the project) and first line."""

    file: str
    line: int


@dataclass(frozen=True, slots=True)
class Citation:
    source: str
    locator: str | None = None
    quote: str | None = None


@dataclass(frozen=True, slots=True)
class Correction:
    date: PartialDate
    change: str


@dataclass(frozen=True, slots=True)
class AltDate:
    date: PartialDate
    note: str | None
    sources: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Disclosure:
    date: PartialDate
    by: tuple[str, ...]
    note: str | None
    sources: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class LinkStatus:
    """What the link keeper last found at a source's URL (see ``archives``)."""

    status: str
    code: int | None
    checked: PartialDate
    failing_since: PartialDate | None
    final_url: str | None

    @property
    def dead(self) -> bool:
        """Failed on two checks at least a week apart."""
        return is_dead(self.status, self.checked, self.failing_since)


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    publisher: str
    title: str
    title_supplied: bool
    author: str | None
    published: PartialDate
    url: str
    archive_url: str | None
    link_status: LinkStatus | None
    accessed: PartialDate
    type: str
    language: str
    supports: str | None
    reviewed: PartialDate | None
    corrections: tuple[Correction, ...]
    origin: Origin
    kind = "sources"


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    names: tuple[tuple[str, str], ...]  # (language, name), in schema order
    kind_of: str
    description: str
    sources: tuple[Citation, ...]
    reviewed: PartialDate | None
    corrections: tuple[Correction, ...]
    origin: Origin
    kind = "actors"


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    term: str
    aliases: tuple[str, ...]
    definition: str
    sources: tuple[Citation, ...]
    reviewed: PartialDate | None
    corrections: tuple[Correction, ...]
    origin: Origin
    kind = "terms"


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    date: PartialDate
    approximate: bool
    end: PartialDate | None
    timezone: str | None
    alt_dates: tuple[AltDate, ...]
    disclosed: Disclosure | None
    title: str
    summary: str
    category: str
    actors: tuple[str, ...]
    place: str | None
    status: str
    sources: tuple[Citation, ...]
    reviewed: PartialDate | None
    corrections: tuple[Correction, ...]
    origin: Origin
    kind = "events"


@dataclass(frozen=True, slots=True)
class Figure:
    id: str
    measure: str
    value: int | None
    low: int | None
    high: int | None
    approximate: bool
    as_of: PartialDate
    claimant: str
    note: str | None
    sources: tuple[Citation, ...]
    reviewed: PartialDate | None
    corrections: tuple[Correction, ...]
    origin: Origin
    kind = "figures"


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    claim: str
    date: PartialDate | None
    verdict: str
    explanation: str
    sources: tuple[Citation, ...]
    reviewed: PartialDate | None
    corrections: tuple[Correction, ...]
    origin: Origin
    kind = "claims"


AnyRecord = Source | Actor | Term | Event | Figure | Claim


@dataclass(frozen=True, eq=False)
class Dataset:
    """Every record, each kind sorted deterministically, with the indexes pages need.

    Built once per build; the indexes are computed on first use and kept. Compared and
    hashed by identity: one build, one dataset.
    """

    sources: tuple[Source, ...] = ()
    actors: tuple[Actor, ...] = ()
    terms: tuple[Term, ...] = ()
    events: tuple[Event, ...] = ()
    figures: tuple[Figure, ...] = ()
    claims: tuple[Claim, ...] = ()

    @cached_property
    def source(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def actor(self) -> dict[str, Actor]:
        return {a.id: a for a in self.actors}

    @cached_property
    def term(self) -> dict[str, Term]:
        return {t.id: t for t in self.terms}

    @cached_property
    def event(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    @cached_property
    def cited_by(self) -> dict[str, list[AnyRecord]]:
        """source id -> the records that cite it, in kind then record order."""
        out: dict[str, list[AnyRecord]] = defaultdict(list)
        for record in (*self.events, *self.figures, *self.actors, *self.terms, *self.claims):
            seen: set[str] = set()
            for c in all_citations(record):
                if c.source not in seen:
                    seen.add(c.source)
                    out[c.source].append(record)
        return dict(out)

    @cached_property
    def events_by_actor(self) -> dict[str, list[Event]]:
        out: dict[str, list[Event]] = defaultdict(list)
        for e in self.events:
            for a in e.actors:
                out[a].append(e)
        return dict(out)

    @cached_property
    def figures_by_claimant(self) -> dict[str, list[Figure]]:
        out: dict[str, list[Figure]] = defaultdict(list)
        for f in self.figures:
            out[f.claimant].append(f)
        return dict(out)

    def counts(self) -> dict[str, int]:
        return {kind: len(getattr(self, kind)) for kind in KIND_NAMES}


KIND_NAMES = ("events", "actors", "sources", "terms", "figures", "claims")


def all_citations(record: AnyRecord) -> list[Citation]:
    """Every citation a record makes, alternative dates' included."""
    if isinstance(record, Source):
        return []
    out = list(record.sources)
    if isinstance(record, Event):
        for alt in record.alt_dates:
            out.extend(alt.sources)
        if record.disclosed is not None:
            out.extend(record.disclosed.sources)
    return out
