"""Field types: each converts its own YAML values, describes itself as JSON Schema and
writes its values back out for the downloads.

This module holds the scalar types (text, ids, dates, URLs, numbers, enums);
``structure`` holds lists, names and the records' own declarations (``spec``, ``Struct``).

Every scalar is converted by the type that expects it, never by YAML 1.1's guesses: ``no``
stays text where text is meant, ``012000`` is refused where a number is meant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

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


class _Reported(Invalid):
    """A nested structure whose problems are already reported, field by field."""


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
        if "\n" in s.text:
            paragraphs = re.split(r"\n\s*\n", s.text.strip())
            value = "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
        else:  # one paragraph (most fields): the same, without the split
            value = " ".join(s.text.split())
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
