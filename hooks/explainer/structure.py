"""Lists, names and structures of declared fields: how a record class declares its data.

A record class declares its fields once, as dataclass fields carrying a ``Spec``
(``spec(Text(200), "the title", required=True)``). From those declarations come the
conversion of located YAML nodes (``Struct.convert``), the JSON Schema (``Struct.json``)
and the exported JSON (``Struct.plain``): schema, records and exports cannot drift apart,
because there is nothing to keep in step.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .fields import Collector, FieldType, Invalid, Text, _Reported, convert, describe
from .problems import Problem, did_you_mean
from .yamlread import Map, Node, Scalar, Seq


@dataclass(frozen=True)
class ListOf(FieldType):
    item: FieldType
    min_items: int = 0
    max_items: int = 200
    empty: Any = ()

    def convert(self, node: Node, path: str, ctx: Collector) -> tuple[Any, ...]:
        if isinstance(node, Scalar) and node.is_null:
            raise Invalid("no value: write a list or remove the field")
        if not isinstance(node, Seq):
            raise Invalid(f"expected a list, but got {describe(node)}")
        if len(node.items) < self.min_items:
            s = "s" if self.min_items > 1 else ""
            raise Invalid(f"expected at least {self.min_items} item{s}, but the list is empty")
        if len(node.items) > self.max_items:
            raise Invalid(f"{len(node.items)} items; the limit is {self.max_items}")
        return tuple(convert(self.item, item, f"{path}[{i}]", ctx) for i, item in enumerate(node.items))

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "array", "items": self.item.json(), "maxItems": self.max_items}
        if self.min_items:
            out["minItems"] = self.min_items
        return out

    def plain(self, value: tuple[Any, ...]) -> list[Any]:
        return [self.item.plain(v) for v in value]


LANGUAGES = ("ko", "ru", "uk", "en", "zh", "ja")


@dataclass(frozen=True)
class Names(FieldType):
    """Names in other scripts, keyed by language code; kept as (language, name) pairs in
    the order of ``languages``."""

    languages: tuple[str, ...] = LANGUAGES
    empty: Any = ()

    def convert(self, node: Node, path: str, ctx: Collector) -> tuple[tuple[str, str], ...]:
        if not isinstance(node, Map):
            raise Invalid(f"expected a mapping of language code to name, but got {describe(node)}")
        names: dict[str, str] = {}
        for lang, (kmark, value) in node.items.items():
            if lang not in self.languages:
                known = ", ".join(self.languages)
                msg = f"unknown language '{lang}': use one of {known}{did_you_mean(lang, self.languages)}"
                ctx.problems.append(Problem(kmark, f"{path}.{lang}", msg))
                continue
            v = convert(Text(200), value, f"{path}.{lang}", ctx)
            if v is not None:
                names[lang] = v
        return tuple((lang, names[lang]) for lang in self.languages if lang in names)

    def json(self) -> dict[str, Any]:
        return {
            "type": "object",
            "additionalProperties": False,
            "properties": {lang: Text(200).json() for lang in self.languages},
        }

    def plain(self, value: tuple[tuple[str, str], ...]) -> dict[str, str]:
        return dict(value)


# --- declarations on dataclass fields ---------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """What a dataclass field is in the data: its type, whether it must be written, and
    what it means (shown in editors and in the JSON Schema)."""

    type: FieldType
    doc: str
    required: bool = False
    # Prose that is translated (data/translations/<lang>/<kind>.po); names and ids are not.
    translate: bool = False


def spec(ftype: FieldType, doc: str, *, required: bool = False, translate: bool = False) -> Any:
    """A dataclass field declared as a data field (required fields have no default)."""
    meta = {"spec": Spec(ftype, doc, required, translate)}
    if required:
        return field(metadata=meta)
    return field(default=ftype.empty, metadata=meta)


def declared(cls: type) -> list[tuple[str, Spec]]:
    """The data fields of a record class, in declaration order."""
    return [(f.name, f.metadata["spec"]) for f in dataclasses.fields(cls) if "spec" in f.metadata]


@dataclass(frozen=True)
class Struct(FieldType):
    """A mapping of declared fields, converted into an instance of ``cls`` (a record kind or a
    nested structure such as a citation). ``shorthand`` names the field that a bare string
    stands for (``- source-id`` for ``- {source: source-id}``); ``extra`` gives values for
    the class's other fields (a record's origin)."""

    cls: type
    title: str = ""
    shorthand: str | None = None
    # Derived by the class on demand, so that declaring a Struct costs nothing at import.
    _fields: ClassVar[dict[type, list[tuple[str, Spec]]]] = {}
    _specs: ClassVar[dict[type, dict[str, Spec]]] = {}

    def fields(self) -> list[tuple[str, Spec]]:
        if self.cls not in Struct._fields:
            Struct._fields[self.cls] = declared(self.cls)
        return Struct._fields[self.cls]

    def values(self, node: Node, path: str, ctx: Collector) -> dict[str, Any] | None:
        """A mapping -> its converted values (None when any is wrong), reporting unknown and
        missing fields."""
        specs = Struct._specs.get(self.cls)
        if specs is None:
            specs = Struct._specs[self.cls] = dict(self.fields())
        if self.shorthand and isinstance(node, Scalar):
            return {self.shorthand: specs[self.shorthand].type.convert(node, path, ctx)}
        if not isinstance(node, Map):
            raise Invalid(f"expected a mapping of fields, but got {describe(node)}")
        out: dict[str, Any] = {}
        problems = ctx.problems
        before = len(problems)  # every field that does not fit adds at least one problem
        for key, (kmark, value) in node.items.items():
            s = specs.get(key)
            if s is None:
                msg = f"unknown field '{key}'{did_you_mean(key, specs)}; allowed: {', '.join(specs)}"
                problems.append(Problem(kmark, f"{path}.{key}", msg))
                continue
            out[key] = convert(s.type, value, f"{path}.{key}", ctx)
        for name, s in specs.items():
            if s.required and name not in node.items:
                # At the record's first line (its '-'), named by the path the field would have.
                msg = f"missing required field '{name}' ({s.doc}); add it to this record"
                problems.append(Problem(node.mark, f"{path}.{name}", msg))
        return out if len(problems) == before else None

    def build(self, values: dict[str, Any], **extra: Any) -> Any:
        """Converted values -> an instance (fields not written take their type's empty value)."""
        return self.cls(**values, **extra)

    def convert(self, node: Node, path: str, ctx: Collector) -> Any:
        values = self.values(node, path, ctx)
        if values is None:
            raise _Reported()
        return self.build(values)

    def json(self) -> dict[str, Any]:
        specs = self.fields()
        obj: dict[str, Any] = {
            "type": "object",
            "additionalProperties": False,
            "required": [name for name, s in specs if s.required],
            "properties": {name: {**s.type.json(), **({"description": s.doc} if s.doc else {})} for name, s in specs},
        }
        if self.title:
            obj["title"] = self.title
        if self.shorthand:
            return {"anyOf": [dict(specs)[self.shorthand].type.json(), obj]}
        return obj

    def plain(self, value: Any) -> Any:
        """An instance as a JSON object: declared fields in order, empty values left out."""
        out: dict[str, Any] = {}
        for name, s in self.fields():
            v = getattr(value, name)
            if v is None or v == s.type.empty:
                continue
            out[name] = s.type.plain(v)
        return out
