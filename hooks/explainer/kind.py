"""What a record kind is: one declaration that everything else derives from.

A ``Kind`` names its record class (whose fields are declared once, with their data
types), how its records are sorted, where each is shown (``page``), how a link to one
reads (``heading``), which checks it needs beyond its field types, and the pages it
publishes. The loader, the dataset, the JSON Schema, the exports, the corrections page,
the navigation and the tests' parametrisation all read these declarations; none of them
names a kind.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .structure import Struct

if TYPE_CHECKING:
    from .dates import PartialDate
    from .model import Dataset
    from .problems import Mark, Problem
    from .render.context import Ctx, Page

# A record check: (converted values, where each field was written, field path prefix, today)
# -> problems. It runs only on records whose fields all converted.
RecordCheck = Callable[[dict[str, Any], "Callable[[str], Mark]", str, "PartialDate"], Iterable["Problem"]]
# A check across the valid records of one kind: [(record, path, marks)] -> problems.
KindCheck = Callable[[list[tuple[Any, str, dict[str, "Mark"]]]], Iterator["Problem"]]


@dataclass(frozen=True)
class Kind:
    name: str  # the folder in data/, the key in the dataset and in dataset.json: "events"
    cls: type  # the record class (a frozen dataclass whose fields carry their ``spec``)
    title: str  # "Event": the JSON Schema's title
    label: str  # "Events": the kind's name for readers (a message id)
    noun: tuple[str, str]  # ("{n} event", "{n} events"): how a count of these reads
    sort_key: Callable[[Any], Any]
    # Where a record is shown: the Markdown source path of its page, with an anchor where
    # it is one of many on the page ("timeline.md#2025-04-28-admission").
    page: Callable[[Any, Dataset], str]
    # How a link to a record reads, in the catalogue's language.
    heading: Callable[[Any, Ctx], str]
    # The module of ``render/`` whose ``pages(ctx)`` publishes the kind's pages (None: its
    # records are shown on another kind's pages). Named, not imported, so that renderers
    # may import the kinds they show.
    renderer: str | None = None
    record_checks: tuple[RecordCheck, ...] = ()
    kind_checks: tuple[KindCheck, ...] = ()
    # Derived values set when a record is built (an event's precision from its date).
    derive: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    # Rules across fields that a JSON Schema can state, so that editors flag them as typed.
    editor_rules: dict[str, Any] = field(default_factory=dict)
    struct: Struct = field(init=False)

    def pages(self, ctx: Ctx) -> Iterable[Page]:
        if self.renderer is None:
            return ()
        module = importlib.import_module(f"{__package__}.render.{self.renderer}")
        pages: Callable[[Ctx], Iterable[Page]] = module.pages
        return pages(ctx)

    @property
    def one(self) -> str:
        """One record of the kind, in messages to contributors: 'event'."""
        return self.name.removesuffix("s")

    def __post_init__(self) -> None:
        object.__setattr__(self, "struct", Struct(self.cls, self.title))
        setattr(self.cls, "KIND", self.name)  # noqa: B010 - a class attribute, set once
