"""Explain a YAML syntax error in our words, at the place where the mistake is.

The parser stops where it can no longer make sense of the text, which is often lines
after the mistake: an unclosed '[' or quote is noticed on a later line, a line indented
one space too far is noticed at its ':'. ``explain`` looks at the lines around the place
where the parser stopped, and at the last thing it read, to find the mistake itself, and
says what to do about it. It uses only the text and the parser's marks, which libyaml and
the pure-Python parser agree on, never the parser's wording, which they do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

# '  key: value', '- key: value', '  key:' (the key starts at group 'key')
KEY_RE = re.compile(r"^(?P<lead> *(?:- +)*)(?P<key>[A-Za-z_][A-Za-z0-9_-]*) *:(?P<rest> .*|$)")
ITEM_RE = re.compile(r"^(?P<lead> *)-(?: |$)")
_GLUED_RE = re.compile(r"^(?P<key>[A-Za-z_][A-Za-z0-9_-]*):(?P<value>[^\s:/].*)$")


@dataclass(frozen=True, slots=True)
class Hint:
    """Where the mistake is (1-based), what to say, and the record's field it is in (if known)."""

    line: int
    col: int
    message: str
    field: str | None = None


def _line(lines: list[str], n: int) -> str:
    return lines[n - 1] if 1 <= n <= len(lines) else ""


def _key_of(lines: list[str], n: int) -> tuple[str, int] | None:
    """(key, 0-based column of the key) when line ``n`` starts with 'key:'."""
    m = KEY_RE.match(_line(lines, n))
    return (m.group("key"), m.start("key")) if m else None


def _field(lines: list[str], n: int, record_col: int) -> str | None:
    """The record's field that line ``n`` starts, if it starts one."""
    key = _key_of(lines, n)
    return key[0] if key and key[1] == record_col else None


def _previous(lines: list[str], n: int, pattern: re.Pattern[str]) -> int | None:
    """The nearest line before ``n`` that matches ``pattern`` (blank lines and comments skipped)."""
    for k in range(n - 1, 0, -1):
        text = _line(lines, k)
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        if pattern.match(text):
            return k
    return None


def _quoted(lines: list[str], last: yaml.Event | None, problem: yaml.Mark, record_col: int) -> Hint | None:
    """The parser stopped just after a quoted text: it was closed too early, or too late."""
    if not isinstance(last, yaml.ScalarEvent) or last.style not in ('"', "'") or last.end_mark.line != problem.line:
        return None
    q, start, end = last.style, last.start_mark, last.end_mark
    if start.line != end.line:
        return Hint(
            start.line + 1,
            start.column + 1,
            f"the quote {q} opened on line {start.line + 1} is not closed on that line, so YAML read on "
            f"to line {end.line + 1} and gave up there; end the text on line {start.line + 1} with {q}",
            _field(lines, start.line + 1, record_col),
        )
    if q == "'":
        what = "write an apostrophe inside single quotes twice ('') or put the text in double quotes"
    else:
        what = 'write a quote inside double quotes as \\" or put the text in single quotes'
    return Hint(
        end.line + 1,
        end.column,
        f"the text in quotes ends at this {q}, before the end of the line; {what}",
        _field(lines, start.line + 1, record_col),
    )


def _colon(lines: list[str], n: int, col: int, record_col: int) -> Hint | None:
    """'mapping values are not allowed': a key indented too far, or ': ' inside text."""
    text = _line(lines, n)
    m = KEY_RE.match(text)
    if m and m.end("key") <= col - 1 and text[m.end("key") : col - 1].strip() == "":
        key, kc = m.group("key"), m.start("key")
        p = _previous(lines, n, KEY_RE)
        if p is not None:
            pkey, pc = _key_of(lines, p)  # type: ignore[misc]
            if kc > pc:
                return Hint(
                    n,
                    kc + 1,
                    f"line {n} is indented more than the key above it ('{pkey}' on line {p}); keys of one record "
                    f"line up: start '{key}' in column {pc + 1}, like '{pkey}'",
                    key if pc == record_col else None,
                )
        return None
    if m and m.group("rest").strip():
        start = m.start("rest") + len(m.group("rest")) - len(m.group("rest").lstrip())
        value = text[start:]
        quote = "'" if '"' in value else '"'
        return Hint(
            n,
            start + 1,
            f"the text of '{m.group('key')}' contains ': ', which YAML reads as the start of another field; "
            f"put the whole text in quotes: {quote}{value.strip()}{quote}",
            _field(lines, n, record_col),
        )
    return None


def _indentation(lines: list[str], n: int, record_col: int) -> Hint | None:
    """A key or list item that does not line up with the one above it."""
    text = _line(lines, n)
    key = _key_of(lines, n)
    item = ITEM_RE.match(text)
    if item:
        dc = len(item.group("lead"))
        p = _previous(lines, n, re.compile(r"^ *-(?: |$)|" + KEY_RE.pattern))
        pitem = ITEM_RE.match(_line(lines, p)) if p else None
        if p and pitem and len(pitem.group("lead")) != dc:
            pdc = len(pitem.group("lead"))
            owner = _previous(lines, p, re.compile(r"^ {0,%d}[A-Za-z_][A-Za-z0-9_-]* *:\s*$" % max(pdc, 0)))
            return Hint(
                n,
                dc + 1,
                f"line {n} is indented differently from the list item above it (line {p}); items of one list "
                f"line up: start the '-' in column {pdc + 1}, like line {p}",
                _field(lines, owner, record_col) if owner else None,
            )
        return None
    if key is None:
        return None
    name, kc = key
    p = _previous(lines, n, KEY_RE)
    if p is None:
        return None
    pkey, pc = _key_of(lines, p)  # type: ignore[misc]
    above = {_key_of(lines, k)[1] for k in range(1, n) if _key_of(lines, k)}  # type: ignore[index]
    if kc < pc and kc not in above:
        return Hint(
            n,
            kc + 1,
            f"line {n} is indented less than the key above it ('{pkey}' on line {p}); keys of one record "
            f"line up: start '{name}' in column {pc + 1}, like '{pkey}'",
            name if pc == record_col else None,
        )
    if kc > pc and not KEY_RE.match(_line(lines, p)).group("rest").strip() == "":  # type: ignore[union-attr]
        return Hint(
            n,
            kc + 1,
            f"line {n} is indented more than the key above it ('{pkey}' on line {p}); keys of one record "
            f"line up: start '{name}' in column {pc + 1}, like '{pkey}'",
            name if pc == record_col else None,
        )
    return None


def explain(lines: list[str], exc: yaml.MarkedYAMLError, last: yaml.Event | None, record_col: int) -> Hint | None:
    """Our explanation of ``exc``, located at the mistake, or None when we have none.

    ``lines`` are the file's lines as YAML counts them, ``last`` the last event the parser
    produced before it stopped, ``record_col`` the 0-based column of the keys of the
    record being read (to tell a record's own fields from nested ones).
    """
    problem, context = exc.problem_mark, exc.context_mark
    what, where = exc.problem or "", exc.context or ""
    if problem is None:
        return None
    n, col = problem.line + 1, problem.column + 1
    if "end of stream" in what and context is not None and "quoted scalar" in where:
        q = _line(lines, context.line + 1)[context.column : context.column + 1] or '"'
        return Hint(
            context.line + 1,
            context.column + 1,
            f"the quote {q} opened here is never closed; end the text with {q} on line {context.line + 1}",
            _field(lines, context.line + 1, record_col),
        )
    if "tab" in what or "'\\t'" in what:
        return Hint(n, col, "a tab character where YAML allows only spaces; replace the tab with spaces")
    if context is not None and "flow" in where and context.line < problem.line:
        opener = _line(lines, context.line + 1)[context.column : context.column + 1]
        closer, thing = ("]", "list") if opener == "[" else ("}", "mapping")
        return Hint(
            context.line + 1,
            context.column + 1,
            f"the '{opener}' opened here is never closed (YAML noticed on line {n}); "
            f"end the {thing} with '{closer}' on line {context.line + 1}",
            _field(lines, context.line + 1, record_col),
        )
    quoted = _quoted(lines, last, problem, record_col)
    if quoted is not None:
        return quoted
    if context is not None and "simple key" in where:
        k = context.line + 1
        glued = _GLUED_RE.match(_line(lines, k)[context.column :].rstrip())
        if glued:
            key, value = glued.group("key"), glued.group("value")
            return Hint(
                k,
                context.column + 1,
                f"'{key}:{value}' needs a space after the ':'; write '{key}: {value}'",
                key if context.column == record_col else None,
            )
    if "mapping values are not allowed" in what:
        return _colon(lines, n, col, record_col)
    if "expected <block end>" in what or "expected key" in what or "'-' indicator" in what:
        return _indentation(lines, n, record_col)
    if "cannot start any token" in what:
        ch = _line(lines, n)[problem.column : problem.column + 1]
        if ch.strip():
            return Hint(n, col, f"YAML does not allow '{ch}' at the start of a value; put the whole text in quotes", _field(lines, n, record_col))
    return None
