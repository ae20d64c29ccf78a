"""The single description of every kind of record.

Each field is declared once here, with its type, whether it is required, its limits and
a description. Two things are derived from these declarations:

* ``convert``: a located node from ``yamlread`` -> plain Python values, or located problems
  (every scalar is converted by the field's type, never by YAML 1.1's guesses);
* ``json_schema``: the JSON Schema published with the site and used by editors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .dates import DateError, parse_date
from .problems import Mark, Problem, did_you_mean
from .yamlread import Map, Node, Scalar, Seq

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ID_RE = re.compile(ID_PATTERN)
MAX_ID = 80
# Control characters other than tab and newline have no place in prose.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
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
_URL_RE = re.compile(r"^https?://[^\s/?#@]+(:[0-9]+)?([/?#][^\s]*)?$", re.IGNORECASE)


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


def _describe(node: Node) -> str:
    if isinstance(node, Map):
        return "a mapping"
    if isinstance(node, Seq):
        return "a list"
    return f"'{node.text}'" if len(node.text) <= 40 else f"'{node.text[:37]}...'"


# --- field types --------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Plain text on one or several lines; never Markdown, never HTML."""

    max_len: int = 300
    min_len: int = 1

    def value_of(self, node: Scalar) -> str:
        # Whitespace is folded: a short field is one line, a long one keeps its paragraphs.
        paragraphs = re.split(r"\n\s*\n", node.text.strip())
        return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())

    def json(self) -> dict[str, Any]:
        return {"type": "string", "minLength": self.min_len, "maxLength": self.max_len, "pattern": TEXT_PATTERN, "patternErrorMessage": TEXT_HINT}


@dataclass(frozen=True)
class Id:
    def json(self) -> dict[str, Any]:
        return {"type": "string", "pattern": ID_PATTERN, "maxLength": MAX_ID, "patternErrorMessage": ID_HINT}


@dataclass(frozen=True)
class Ref:
    """The id of a record of another kind; resolved by ``checks``."""

    kind: str

    def json(self) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": ID_PATTERN,
            "maxLength": MAX_ID,
            "patternErrorMessage": ID_HINT,
            "description": f"id of a {self.kind} record",
        }


@dataclass(frozen=True)
class Date:
    def json(self) -> dict[str, Any]:
        return {
            "type": ["string", "integer"],
            "pattern": DATE_PATTERN,
            "patternErrorMessage": "expected a date as YYYY-MM-DD, YYYY-MM or YYYY, with a month from 01 to 12 and a day that month has",
            "description": "YYYY-MM-DD, YYYY-MM (month precision) or YYYY (year precision)",
        }


@dataclass(frozen=True)
class Url:
    def json(self) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": rf"^https?://[^\s{_INVISIBLE}]+$",
            "maxLength": 2000,
            "format": "uri",
            "patternErrorMessage": "expected an http(s) address, with no space or invisible character in it",
        }


@dataclass(frozen=True)
class Bool:
    def json(self) -> dict[str, Any]:
        return {"type": "boolean"}


@dataclass(frozen=True)
class Int:
    minimum: int = 0
    maximum: int = 10_000_000

    def json(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}


@dataclass(frozen=True)
class Enum:
    choices: tuple[str, ...]

    def json(self) -> dict[str, Any]:
        return {"type": "string", "enum": list(self.choices)}


@dataclass(frozen=True)
class ListOf:
    item: Any
    min_items: int = 0
    max_items: int = 200

    def json(self) -> dict[str, Any]:
        out = {"type": "array", "items": self.item.json(), "maxItems": self.max_items}
        if self.min_items:
            out["minItems"] = self.min_items
        return out


@dataclass(frozen=True)
class Names:
    """Names in other scripts, keyed by language code."""

    languages: tuple[str, ...] = ("ko", "ru", "uk", "en", "zh", "ja")

    def json(self) -> dict[str, Any]:
        return {
            "type": "object",
            "additionalProperties": False,
            "properties": {lang: Text(200).json() for lang in self.languages},
        }


@dataclass(frozen=True)
class Field:
    name: str
    type: Any
    required: bool = False
    description: str = ""


@dataclass(frozen=True)
class Record:
    """A mapping with declared fields (a record kind or a nested structure)."""

    fields: tuple[Field, ...]
    title: str = ""
    # A nested record may also be written as a bare string meaning this field:
    shorthand: str | None = None

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def json(self) -> dict[str, Any]:
        obj: dict[str, Any] = {
            "type": "object",
            "additionalProperties": False,
            "required": [f.name for f in self.fields if f.required],
            "properties": {f.name: {**f.type.json(), **({"description": f.description} if f.description else {})} for f in self.fields},
        }
        if self.title:
            obj["title"] = self.title
        if self.shorthand:
            return {"anyOf": [self.fields[0].type.json(), obj]}
        return obj


# --- the kinds -------------------------------------------------------------------------

SOURCE_TYPES = (
    "official-statement",
    "state-media",
    "government-record",
    "international-organisation",
    "intelligence-assessment",
    "wire-service",
    "newspaper",
    "broadcaster",
    "magazine",
    "news-site",
    "think-tank",
    "reference",
)
PRIMARY_SOURCE_TYPES = SOURCE_TYPES[:6]
ACTOR_KINDS = ("state", "government-body", "military-unit", "organisation", "person", "media")
CATEGORIES = (
    "diplomacy",
    "treaty",
    "arms",
    "deployment",
    "combat",
    "losses",
    "prisoners",
    "intelligence",
    "acknowledgement",
    "denial",
    "response",
    "sanctions",
    "memorial",
)
STATUSES = ("confirmed", "reported", "claimed", "disputed")
MEASURES = (
    "troops-deployed",
    "reinforcements",
    "engineers-deployed",
    "workers-deployed",
    "killed",
    "wounded",
    "casualties",
    "captured",
    "missing",
)
VERDICTS = ("accurate", "imprecise", "inaccurate", "unverified")

CORRECTION = Record(
    (
        Field("date", Date(), True, "when the correction was made"),
        Field("change", Text(1000), True, "what changed and why"),
    ),
    title="Correction",
)
CITATION = Record(
    (
        Field("source", Ref("sources"), True, "id of the source"),
        Field("locator", Text(200), False, "where in the source: a page, a paragraph, a timestamp"),
        Field("quote", Text(300), False, "a short quotation that supports the record"),
    ),
    title="Citation",
    shorthand="source",
)
ALT_DATE = Record(
    (
        Field("date", Date(), True, "the date another source gives"),
        Field("note", Text(500), False, "why the sources differ"),
        Field("sources", ListOf(CITATION, 1), True, "the sources that give this date"),
    ),
    title="Alternative date",
)

DISCLOSURE = Record(
    (
        Field("date", Date(), True, "when the event became public"),
        Field("by", ListOf(Ref("actors"), 1), True, "who made it public: the actors who disclosed or revealed it"),
        Field("note", Text(500), False, "how it became known"),
        Field("sources", ListOf(CITATION, 1), True, "the sources that report the disclosure"),
    ),
    title="Disclosure",
)

_COMMON_TAIL = (
    Field("reviewed", Date(), False, "when an editor last checked this record against its sources"),
    Field("corrections", ListOf(CORRECTION), False, "dated corrections, newest last"),
)

KINDS: dict[str, Record] = {
    "sources": Record(
        (
            Field("id", Id(), True, "unique id, a lowercase slug"),
            Field("publisher", Text(200), True, "who published it"),
            Field("title", Text(400), True, "the title as published"),
            Field(
                "title_supplied",
                Bool(),
                False,
                "true when the headline was not recorded and the title is our description of the page",
            ),
            Field("author", Text(200), False, "author or authors, where known"),
            Field("published", Date(), True, "publication date"),
            Field("url", Url(), True, "http(s) address of the page"),
            Field("archive_url", Url(), False, "an archived copy"),
            Field("accessed", Date(), True, "when we looked it up"),
            Field("type", Enum(SOURCE_TYPES), True, "what kind of source"),
            Field("language", Text(20), True, "BCP 47 language code"),
            Field("supports", Text(1500), False, "what this source supports, in our words"),
            *_COMMON_TAIL,
        ),
        title="Source",
    ),
    "actors": Record(
        (
            Field("id", Id(), True, "unique id, a lowercase slug"),
            Field("name", Text(200), True, "name in English"),
            Field("names", Names(), False, "names in their own scripts"),
            Field("kind", Enum(ACTOR_KINDS), True, "what kind of actor"),
            Field("description", Text(1500), True, "who they are"),
            Field("sources", ListOf(CITATION, 1), True, "sources for the description"),
            *_COMMON_TAIL,
        ),
        title="Actor",
    ),
    "terms": Record(
        (
            Field("id", Id(), True, "unique id, a lowercase slug"),
            Field("term", Text(200), True, "the term"),
            Field("aliases", ListOf(Text(200)), False, "abbreviations and other spellings"),
            Field("definition", Text(1500), True, "what it means here"),
            Field("sources", ListOf(CITATION, 1), True, "sources for the definition"),
            *_COMMON_TAIL,
        ),
        title="Glossary term",
    ),
    "events": Record(
        (
            Field("id", Id(), True, "unique id, a lowercase slug; also the anchor on the timeline"),
            Field("date", Date(), True, "when it happened, at its precision"),
            Field("precision", Enum(("day", "month", "year")), False, "must agree with the date; normally left out"),
            Field("approximate", Bool(), False, "the date is approximate"),
            Field("end", Date(), False, "when it ended, for events that lasted"),
            Field("timezone", Text(500), False, "a note on time zones, where they change the date"),
            Field("alt_dates", ListOf(ALT_DATE), False, "other dates that sources give"),
            Field("disclosed", DISCLOSURE, False, "when and by whom the event became public, where that came later"),
            Field("title", Text(200), True, "a short title"),
            Field("summary", Text(2000), True, "what happened, attributed where contested"),
            Field("category", Enum(CATEGORIES), True, "what kind of event"),
            Field("actors", ListOf(Ref("actors"), 1), True, "who took part"),
            Field("place", Text(200), False, "where"),
            Field("status", Enum(STATUSES), True, "how well established the event is"),
            Field("sources", ListOf(CITATION, 1), True, "the sources"),
            *_COMMON_TAIL,
        ),
        title="Event",
    ),
    "figures": Record(
        (
            Field("id", Id(), True, "unique id, a lowercase slug"),
            Field("measure", Enum(MEASURES), True, "what is counted"),
            Field("value", Int(), False, "the number (or give low and high)"),
            Field("low", Int(), False, "low end of a range; alone, it means 'at least'"),
            Field("high", Int(), False, "high end of a range"),
            Field("approximate", Bool(), False, "the claimant gave an approximate number"),
            Field("as_of", Date(), True, "the date the estimate refers to"),
            Field("claimant", Ref("actors"), True, "who makes the claim"),
            Field("note", Text(1000), False, "context"),
            Field("sources", ListOf(CITATION, 1), True, "the sources that report the claim"),
            *_COMMON_TAIL,
        ),
        title="Figure",
    ),
    "claims": Record(
        (
            Field("id", Id(), True, "unique id, a lowercase slug"),
            Field("claim", Text(600), True, "the claim checked, in our words"),
            Field("date", Date(), False, "the date the claim is about"),
            Field("verdict", Enum(VERDICTS), True, "what the sources show"),
            Field("explanation", Text(2000), True, "the evidence"),
            Field("sources", ListOf(CITATION, 1), True, "the sources"),
            *_COMMON_TAIL,
        ),
        title="Checked claim",
    ),
}


# --- conversion: located nodes -> plain values --------------------------------------


def convert(spec: Any, node: Node, path: str, ctx: Collector) -> Any:
    """Convert ``node`` by ``spec``; append a located problem (and return None) when it does not fit."""
    try:
        return _convert(spec, node, path, ctx)
    except Invalid as exc:
        ctx.problems.append(Problem(node.mark, path, str(exc)))
        return None


def _scalar(node: Node, expected: str) -> Scalar:
    if not isinstance(node, Scalar):
        raise Invalid(f"expected {expected}, but got {_describe(node)}")
    if node.is_null:
        raise Invalid(f"no value: write {expected} or remove the field")
    return node


def _convert(spec: Any, node: Node, path: str, ctx: Collector) -> Any:
    if isinstance(spec, Text):
        s = _scalar(node, "text")
        bad = _CONTROL_RE.search(s.text)
        if bad:
            raise Invalid(f"control character U+{ord(bad.group()):04X} in text: remove it")
        value = spec.value_of(s)
        if len(value) < spec.min_len:
            raise Invalid("empty text: write a value or remove the field")
        if len(value) > spec.max_len:
            raise Invalid(f"text is {len(value):,} characters long; the limit is {spec.max_len:,}")
        return value
    if isinstance(spec, Id | Ref):
        s = _scalar(node, "an id")
        if len(s.text) > MAX_ID or not _ID_RE.match(s.text):
            raise Invalid(
                f"'{s.text[:MAX_ID]}' is not a valid id: use lowercase letters, digits and single hyphens, "
                f"at most {MAX_ID} characters"
            )
        if isinstance(spec, Ref):
            ctx.refs.append(Reference(spec.kind, s.text, node.mark, path))
        return s.text
    if isinstance(spec, Date):
        s = _scalar(node, "a date (YYYY-MM-DD, YYYY-MM or YYYY)")
        try:
            return parse_date(s.text)
        except DateError as exc:
            raise Invalid(str(exc)) from None
    if isinstance(spec, Url):
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
            raise Invalid(f"expected an absolute http(s) URL such as https://example.org/page, but got {_describe(s)}")
        return url
    if isinstance(spec, Bool):
        s = _scalar(node, "true or false")
        if s.plain and s.text in ("true", "false"):
            return s.text == "true"
        raise Invalid(f"expected true or false, but got {_describe(s)}")
    if isinstance(spec, Int):
        s = _scalar(node, "a whole number")
        if not s.plain or not re.fullmatch(r"0|[1-9][0-9]*", s.text):
            raise Invalid(f"expected a whole number written with digits only (e.g. 12000), but got {_describe(s)}")
        value = int(s.text)
        if not spec.minimum <= value <= spec.maximum:
            raise Invalid(f"{value:,} is out of range ({spec.minimum:,} to {spec.maximum:,})")
        return value
    if isinstance(spec, Enum):
        s = _scalar(node, "one of " + ", ".join(spec.choices))
        if s.text not in spec.choices:
            raise Invalid(f"'{s.text}' is not one of: {', '.join(spec.choices)}{did_you_mean(s.text, spec.choices)}")
        return s.text
    if isinstance(spec, ListOf):
        if isinstance(node, Scalar) and node.is_null:
            raise Invalid("no value: write a list or remove the field")
        if not isinstance(node, Seq):
            raise Invalid(f"expected a list, but got {_describe(node)}")
        if len(node.items) < spec.min_items:
            raise Invalid(f"expected at least {spec.min_items} item{'s' if spec.min_items > 1 else ''}, but the list is empty")
        if len(node.items) > spec.max_items:
            raise Invalid(f"{len(node.items)} items; the limit is {spec.max_items}")
        out = [convert(spec.item, item, f"{path}[{i}]", ctx) for i, item in enumerate(node.items)]
        return out
    if isinstance(spec, Names):
        if not isinstance(node, Map):
            raise Invalid(f"expected a mapping of language code to name, but got {_describe(node)}")
        names: dict[str, str] = {}
        for lang, (kmark, value) in node.items.items():
            if lang not in spec.languages:
                ctx.problems.append(
                    Problem(kmark, f"{path}.{lang}", f"unknown language '{lang}': use one of {', '.join(spec.languages)}{did_you_mean(lang, spec.languages)}")
                )
                continue
            v = convert(Text(200), value, f"{path}.{lang}", ctx)
            if v is not None:
                names[lang] = v
        return names
    if isinstance(spec, Record):
        return convert_record(spec, node, path, ctx)
    raise TypeError(spec)  # pragma: no cover


def convert_record(spec: Record, node: Node, path: str, ctx: Collector) -> dict[str, Any] | None:
    """A mapping -> a dict of converted fields, reporting unknown and missing fields."""
    if spec.shorthand and isinstance(node, Scalar):
        return {spec.shorthand: _convert(spec.field(spec.shorthand).type, node, path, ctx)}
    if not isinstance(node, Map):
        raise Invalid(f"expected a mapping of fields, but got {_describe(node)}")
    known = {f.name: f for f in spec.fields}
    out: dict[str, Any] = {}
    ok = True
    for key, (kmark, value) in node.items.items():
        f = known.get(key)
        if f is None:
            ctx.problems.append(
                Problem(kmark, f"{path}.{key}", f"unknown field '{key}'{did_you_mean(key, known)}; allowed: {', '.join(known)}")
            )
            ok = False
            continue
        before = len(ctx.problems)
        v = convert(f.type, value, f"{path}.{key}", ctx)
        if len(ctx.problems) > before:
            ok = False
        out[key] = v
    for f in spec.fields:
        if f.required and f.name not in node.items:
            # At the record's first line (its '-'), named by the path the field would have.
            ctx.problems.append(
                Problem(node.mark, f"{path}.{f.name}", f"missing required field '{f.name}' ({f.description}); add it to this record")
            )
            ok = False
    return out if ok else None


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the data files (each file: a list of records of one kind)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "explainer-data.schema.json",
        "title": "North Korean troops in Russia: explainer data",
        "description": "Each YAML file in data/<kind>/ is a list of records of that kind.",
        "$defs": {kind: spec.json() for kind, spec in KINDS.items()},
    }


# Rules across fields that a JSON Schema can still state, so that editors flag them as typed.
EDITOR_RULES: dict[str, dict[str, Any]] = {
    "figures": {
        "anyOf": [{"required": ["value"]}, {"required": ["low"]}],
        "not": {"required": ["value", "low"]},
        "dependentRequired": {"high": ["low"]},
    },
}


def kind_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one data file of ``kind`` (a list of its records), for editors."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{kind}.schema.json",
        "title": f"data/{kind}/*.yaml: a list of {KINDS[kind].title.lower()} records",
        "type": "array",
        "items": {**KINDS[kind].json(), **EDITOR_RULES.get(kind, {})},
    }
