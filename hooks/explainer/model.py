"""The structures every record kind shares, and the dataset that holds one build's records.

A record kind is declared in ``kinds/<kind>.py``: its class (fields declared once, with
their data types), and a ``Kind`` that says how it is sorted, titled, linked and shown.
This module knows no kind by name: the dataset holds whatever kinds are registered.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar

from .dates import PartialDate
from .fields import Date, Ref, Text
from .structure import ListOf, Struct, declared, spec


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record was written: its file (relative to the project) and first line."""

    file: str
    line: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Citation:
    source: str = spec(Ref("sources"), "id of the source", required=True)
    locator: str | None = spec(Text(200), "where in the source: a page, a paragraph, a timestamp")
    quote: str | None = spec(Text(300), "a short quotation that supports the record")


CITATION = Struct(Citation, "Citation", shorthand="source")


@dataclass(frozen=True, slots=True, kw_only=True)
class Correction:
    date: PartialDate = spec(Date(), "when the correction was made", required=True)
    change: str = spec(Text(1000), "what changed and why", required=True, translate=True)


def sources_field(doc: str) -> Any:
    """The ``sources`` every record but a source has: at least one citation."""
    return spec(ListOf(CITATION, 1), doc, required=True)


def reviewed_field() -> Any:
    return spec(Date(), "when an editor last checked this record against its sources")


def corrections_field() -> Any:
    return spec(ListOf(Struct(Correction, "Correction")), "dated corrections, newest last")


@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """What every record has besides its declared fields: where it was written."""

    KIND: ClassVar[str] = ""
    origin: Origin = field(default=Origin("", 0), compare=False)

    def citations(self) -> Iterator[Citation]:
        """Every citation the record makes, in its own fields and nested ones."""
        yield from _citations_in(self)


def _citations_in(value: Any) -> Iterator[Citation]:
    if isinstance(value, Citation):
        yield value
    elif isinstance(value, tuple):
        for v in value:
            yield from _citations_in(v)
    elif value is not None:
        for name in _nested(type(value)):
            yield from _citations_in(getattr(value, name))


_NESTED: dict[type, tuple[str, ...]] = {}


def _nested(cls: type) -> tuple[str, ...]:
    """The declared fields of a record or structure class that hold structures (a citation, a
    list of them, a dated correction): the only ones a citation can be in."""
    names = _NESTED.get(cls)
    if names is None:
        names = _NESTED[cls] = tuple(
            name
            for name, s in declared(cls)
            if isinstance(s.type, Struct) or (isinstance(s.type, ListOf) and isinstance(s.type.item, Struct))
        )
    return names


@dataclass(frozen=True, eq=False)
class Dataset:
    """Every record of one build, each kind sorted by its own order, with the indexes that
    pages need. ``dataset.events`` is the tuple of events (any registered kind works the
    same way) and ``dataset.get("events", id)`` one of them.

    Built once per build; indexes are computed on first use and kept. Compared and hashed by
    identity: one build, one dataset.
    """

    records: dict[str, tuple[Any, ...]] = field(default_factory=dict)

    def __getattr__(self, kind: str) -> tuple[Any, ...]:
        records = self.__dict__.get("records", {})
        if kind in records:
            return records[kind]
        raise AttributeError(kind)

    @cached_property
    def by_id(self) -> dict[str, dict[str, Any]]:
        return {kind: {r.id: r for r in records} for kind, records in self.records.items()}

    def get(self, kind: str, rid: str) -> Any:
        return self.by_id[kind][rid]

    def all_records(self) -> Iterator[Any]:
        for records in self.records.values():
            yield from records

    @cached_property
    def cited_by(self) -> dict[str, list[Any]]:
        """source id -> the records that cite it, in kind then record order."""
        out: dict[str, list[Any]] = defaultdict(list)
        for record in self.all_records():
            for source in dict.fromkeys(c.source for c in record.citations()):
                out[source].append(record)
        return dict(out)

    @cached_property
    def referrers(self) -> dict[tuple[str, str], list[Any]]:
        """(kind, id) -> the records whose ``Ref`` fields name it (``events`` naming an actor),
        in kind then record order."""
        out: dict[tuple[str, str], list[Any]] = defaultdict(list)
        refs: dict[type, list[tuple[str, str]]] = {}  # a record class -> its reference fields
        for record in self.all_records():
            seen: set[tuple[str, str]] = set()
            fields = refs.get(type(record))
            if fields is None:
                fields = refs[type(record)] = [
                    (name, target)
                    for name, s in declared(type(record))
                    if (target := _ref_kind(s.type)) is not None and target != "sources"
                ]
            for name, target in fields:
                value = getattr(record, name)
                for rid in value if isinstance(value, tuple) else (value,):
                    if rid is not None and (target, rid) not in seen:
                        seen.add((target, rid))
                        out[(target, rid)].append(record)
        return dict(out)

    def referring(self, target: Any, kind: str | None = None) -> list[Any]:
        """The records that name ``target`` (optionally only those of ``kind``)."""
        found = self.referrers.get((target.KIND, target.id), [])
        return [r for r in found if kind is None or kind == r.KIND]

    def counts(self) -> dict[str, int]:
        return {kind: len(records) for kind, records in self.records.items()}


def _ref_kind(ftype: Any) -> str | None:
    if isinstance(ftype, Ref):
        return ftype.kind
    if isinstance(ftype, ListOf) and isinstance(ftype.item, Ref):
        return ftype.item.kind
    return None
