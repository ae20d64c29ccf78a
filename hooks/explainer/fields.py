"""Field types: each converts its own YAML values, describes itself as JSON Schema and
writes its values back out for the downloads.

A record class declares its fields once, as dataclass fields carrying a ``Spec``
(``spec(Text(200), "the title", required=True)``). From those declarations come the
conversion of located YAML nodes (``Struct.convert``), the JSON Schema (``Struct.json``)
and the exported JSON (``Struct.plain``): schema, records and exports cannot drift apart,
because there is nothing to keep in step.

Every scalar is converted by the type that expects it, never by YAML 1.1's guesses: ``no``
stays text where text is meant, ``012000`` is refused where a number is meant.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .dates import DateError, PartialDate, parse_date
from .problems import Mark, Problem, did_you_mean
from .yamlread import Map, Node, Scalar, Seq

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ID_RE = re.compile(ID_PATTERN)
MAX_ID = 80
# Control characters other than tab and newline have no place in prose.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_URL_RE = re.compile(r"^https?://[^\s/?#@]+(:[0-9]+)?([/?#][^\s]*)?$", re.IGNORECASE)
# For editors (JSON Schema patterns, read by JavaScript and Python alike): no invisible
# control or text-direction character, which the reader refuses anywhere in a file.
_INVISIBLE = r"\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069"
TEXT_PATTERN = rf"^[^{_INVISIBLE}]*$"
TEXT_HINT = "an invisible control or text-direction character (a tab, U+202E...) is in this text; delete it"
ID_HINT = "use lowercase letters, digits and single hyphens"
# Months 01-12, and days that each month has (29 February in any year: leap years are the validator's).
DATE_PATTERN = (
    r"^[0-9]{4}(-((0[13578]|1[02])(-(0[1-9]|[12][0-9]|3[01]))?|(0[469]|11)(-(0[1-9]|[12][0-9]|30))?"
    r"|02(-(0[1-9]|1[0-9]|2[0-9]))?))?$"
)


class Invalid(Exception):
    """Raised inside a converter; becomes one located problem."""


@dataclass(frozen=True, slots=True)
class Reference:
    """An id that must name a record of ``kind``; resolved once every file is read."""

    kind: str
    id: str
    mark: Mark
    path: str


@dataclass(slots=True)
class Collector:
    """What converting a file gathers: its problems and the references to resolve later."""

    problems: list[Problem] = field(default_factory=list)
    refs: list[Reference] = field(default_factory=list)


def describe(node: Node) -> str:
    if isinstance(node, Map):
        return "a mapping"
    if isinstance(node, Seq):
        return "a list"
    return f"'{node.text}'" if len(node.text) <= 40 else f"'{node.text[:37]}...'"


def _scalar(node: Node, expected: str) -> Scalar:
    if not isinstance(node, Scalar):
        raise Invalid(f"expected {expected}, but got {describe(node)}")
    if node.is_null:
        raise Invalid(f"no value: write {expected} or remove the field")
    return node


def convert(ftype: FieldType, node: Node, path: str, ctx: Collector) -> Any:
    """Convert ``node`` by ``ftype``; append a located problem (and return None) when it does not fit."""
    try:
        return ftype.convert(node, path, ctx)
    except _Reported:
        return None
    except Invalid as exc:
        ctx.problems.append(Problem(node.mark, path, str(exc)))
        return None


class FieldType:
    """The interface every field type implements."""

    empty: Any = None  # the value of an optional field that is not written

    def convert(self, node: Node, path: str, ctx: Collector) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def json(self) -> dict[str, Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def plain(self, value: Any) -> Any:
        """The value as JSON data."""
        return value


# --- scalars ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Text(FieldType):
    """Plain text on one or several lines; never Markdown, never HTML."""

    max_len: int = 300
    min_len: int = 1

    def convert(self, node: Node, path: str, ctx: Collector) -> str:
        s = _scalar(node, "text")
        bad = _CONTROL_RE.search(s.text)
        if bad:
            raise Invalid(f"control character U+{ord(bad.group()):04X} in text: remove it")
        # Whitespace is folded: a short field is one line, a long one keeps its paragraphs.
        paragraphs = re.split(r"\n\s*\n", s.text.strip())
        value = "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
        if len(value) < self.min_len:
            raise Invalid("empty text: write a value or remove the field")
        if len(value) > self.max_len:
            raise Invalid(f"text is {len(value):,} characters long; the limit is {self.max_len:,}")
        return value

    def json(self) -> dict[str, Any]:
        return {
            "type": "string",
            "minLength": self.min_len,
            "maxLength": self.max_len,
            "pattern": TEXT_PATTERN,
            "patternErrorMessage": TEXT_HINT,
        }


def _id_text(node: Node) -> str:
    s = _scalar(node, "an id")
    if len(s.text) > MAX_ID or not _ID_RE.match(s.text):
        raise Invalid(
            f"'{s.text[:MAX_ID]}' is not a valid id: use lowercase letters, digits and single hyphens, "
            f"at most {MAX_ID} characters"
        )
    return s.text


@dataclass(frozen=True)
class Id(FieldType):
    def convert(self, node: Node, path: str, ctx: Collector) -> str:
        return _id_text(node)

    def json(self) -> dict[str, Any]:
        return {"type": "string", "pattern": ID_PATTERN, "maxLength": MAX_ID, "patternErrorMessage": ID_HINT}


@dataclass(frozen=True)
class Ref(FieldType):
    """The id of a record of another kind; resolved once every file is read."""

    kind: str

    def convert(self, node: Node, path: str, ctx: Collector) -> str:
        text = _id_text(node)
        ctx.refs.append(Reference(self.kind, text, node.mark, path))
        return text

    def json(self) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": ID_PATTERN,
            "maxLength": MAX_ID,
            "patternErrorMessage": ID_HINT,
            "description": f"id of a {self.kind} record",
        }


@dataclass(frozen=True)
class Date(FieldType):
    def convert(self, node: Node, path: str, ctx: Collector) -> PartialDate:
        s = _scalar(node, "a date (YYYY-MM-DD, YYYY-MM or YYYY)")
        try:
            return parse_date(s.text)
        except DateError as exc:
            raise Invalid(str(exc)) from None

    def json(self) -> dict[str, Any]:
        return {
            "type": ["string", "integer"],
            "pattern": DATE_PATTERN,
            "patternErrorMessage": (
                "expected a date as YYYY-MM-DD, YYYY-MM or YYYY, with a month from 01 to 12 and a day that month has"
            ),
            "description": "YYYY-MM-DD, YYYY-MM (month precision) or YYYY (year precision)",
        }

    def plain(self, value: PartialDate) -> str:
        return value.iso()


@dataclass(frozen=True)
class Url(FieldType):
    def convert(self, node: Node, path: str, ctx: Collector) -> str:
        s = _scalar(node, "an http(s) URL")
        url = s.text.strip()
        if len(url) > 2000:
            raise Invalid("URL longer than 2,000 characters")
        if not _URL_RE.match(url):
            scheme = url.split(":", 1)[0].lower() if ":" in url else ""
            if scheme and scheme not in ("http", "https") and "/" not in scheme:
                raise Invalid(f"'{scheme}:' URLs are not allowed: give the http(s) address of the page")
            if " " in url:
                raise Invalid("URL contains a space: copy the address exactly (spaces are written %20)")
            raise Invalid(f"expected an absolute http(s) URL such as https://example.org/page, but got {describe(s)}")
        return url

    def json(self) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": rf"^https?://[^\s{_INVISIBLE}]+$",
            "maxLength": 2000,
            "format": "uri",
            "patternErrorMessage": "expected an http(s) address, with no space or invisible character in it",
        }


@dataclass(frozen=True)
class Bool(FieldType):
    empty: Any = False

    def convert(self, node: Node, path: str, ctx: Collector) -> bool:
        s = _scalar(node, "true or false")
        if s.plain and s.text in ("true", "false"):
            return s.text == "true"
        raise Invalid(f"expected true or false, but got {describe(s)}")

    def json(self) -> dict[str, Any]:
        return {"type": "boolean"}


@dataclass(frozen=True)
class Int(FieldType):
    minimum: int = 0
    maximum: int = 10_000_000

    def convert(self, node: Node, path: str, ctx: Collector) -> int:
        s = _scalar(node, "a whole number")
        if not s.plain or not re.fullmatch(r"0|[1-9][0-9]*", s.text):
            raise Invalid(f"expected a whole number written with digits only (e.g. 12000), but got {describe(s)}")
        value = int(s.text)
        if not self.minimum <= value <= self.maximum:
            raise Invalid(f"{value:,} is out of range ({self.minimum:,} to {self.maximum:,})")
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}


@dataclass(frozen=True)
class Decimal(FieldType):
    """A decimal number such as a coordinate, kept as written (at most ``places`` decimals)."""

    minimum: float
    maximum: float
    places: int = 4

    def convert(self, node: Node, path: str, ctx: Collector) -> float:
        s = _scalar(node, "a number")
        if not s.plain or not re.fullmatch(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?", s.text):
            raise Invalid(f"expected a decimal number such as 51.19 or -0.5, but got {describe(s)}")
        if "." in s.text and len(s.text.split(".")[1]) > self.places:
            raise Invalid(f"{s.text} has more than {self.places} decimal places: round it")
        value = float(s.text)
        if not self.minimum <= value <= self.maximum:
            raise Invalid(f"{s.text} is out of range ({self.minimum:g} to {self.maximum:g})")
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "number", "minimum": self.minimum, "maximum": self.maximum}


@dataclass(frozen=True)
class Enum(FieldType):
    """One of a fixed set of values. ``choices`` maps each value to its label for readers
    (an English message id, translated by the catalogue)."""

    choices: dict[str, str]

    def convert(self, node: Node, path: str, ctx: Collector) -> str:
        names = tuple(self.choices)
        s = _scalar(node, "one of " + ", ".join(names))
        if s.text not in self.choices:
            raise Invalid(f"'{s.text}' is not one of: {', '.join(names)}{did_you_mean(s.text, names)}")
        return s.text

    def json(self) -> dict[str, Any]:
        return {"type": "string", "enum": list(self.choices)}


# --- collections ------------------------------------------------------------------------


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

    def fields(self) -> list[tuple[str, Spec]]:
        if self.cls not in Struct._fields:
            Struct._fields[self.cls] = declared(self.cls)
        return Struct._fields[self.cls]

    def values(self, node: Node, path: str, ctx: Collector) -> dict[str, Any] | None:
        """A mapping -> its converted values (None when any is wrong), reporting unknown and
        missing fields."""
        specs = dict(self.fields())
        if self.shorthand and isinstance(node, Scalar):
            return {self.shorthand: specs[self.shorthand].type.convert(node, path, ctx)}
        if not isinstance(node, Map):
            raise Invalid(f"expected a mapping of fields, but got {describe(node)}")
        out: dict[str, Any] = {}
        ok = True
        for key, (kmark, value) in node.items.items():
            s = specs.get(key)
            if s is None:
                msg = f"unknown field '{key}'{did_you_mean(key, specs)}; allowed: {', '.join(specs)}"
                ctx.problems.append(Problem(kmark, f"{path}.{key}", msg))
                ok = False
                continue
            before = len(ctx.problems)
            out[key] = convert(s.type, value, f"{path}.{key}", ctx)
            ok = ok and len(ctx.problems) == before
        for name, s in specs.items():
            if s.required and name not in node.items:
                # At the record's first line (its '-'), named by the path the field would have.
                msg = f"missing required field '{name}' ({s.doc}); add it to this record"
                ctx.problems.append(Problem(node.mark, f"{path}.{name}", msg))
                ok = False
        return out if ok else None

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


class _Reported(Invalid):
    """A nested structure whose problems are already reported, field by field."""
