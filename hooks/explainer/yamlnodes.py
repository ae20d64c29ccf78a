"""The located nodes that ``yamlread`` builds: every value keeps where it was written."""

from __future__ import annotations

from dataclasses import dataclass, field

from .problems import Mark


@dataclass(slots=True)
class Scalar:
    text: str
    mark: Mark
    plain: bool  # written without quotes (so 'null', '~' and '' mean "no value")

    @property
    def is_null(self) -> bool:
        return self.plain and self.text in ("", "~", "null", "Null", "NULL")


@dataclass(slots=True)
class Seq:
    items: list[Node]
    mark: Mark


@dataclass(slots=True)
class Map:
    mark: Mark  # in a block list, the item's '-': where the record starts
    # key -> (mark of the key, value node); insertion ordered
    items: dict[str, tuple[Mark, Node]] = field(default_factory=dict)


Node = Scalar | Seq | Map
