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

import yaml

from .texthints import Hint, block_header, block_lines, line_of, missing_colon

# '  key: value', '- key: value', '  key:' (the key starts at group 'key')
KEY_RE = re.compile(r"^(?P<lead> *(?:- +)*)(?P<key>[A-Za-z_][A-Za-z0-9_-]*) *:(?P<rest> .*|$)")
ITEM_RE = re.compile(r"^(?P<lead> *)-(?: |$)")
_STRUCTURE_RE = re.compile(r"^ *-(?: |$)|^ *(?:- +)*[A-Za-z_][A-Za-z0-9_-]* *:(?: |$)")  # an item or a key
_GLUED_RE = re.compile(r"^(?P<key>[A-Za-z_][A-Za-z0-9_-]*):(?P<value>[^\s:/].*)$")


_line = line_of


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
    if (
        not isinstance(last, yaml.ScalarEvent)
        or last.style not in ('"', "'")
        or last.end_mark.line != problem.line
    ):
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


def _key_above(lines: list[str], n: int, record_col: int, more: bool) -> Hint | None:
    """Line ``n`` starts a key indented more (or less) than the key on the line above it."""
    key = _key_of(lines, n)
    p = _previous(lines, n, KEY_RE)
    if key is None or p is None:
        return None
    (name, kc), (pkey, pc) = key, _key_of(lines, p) or ("", 0)
    if (kc > pc) if more else (kc < pc):
        group = "record" if pc == record_col else "mapping"
        return Hint(
            n,
            kc + 1,
            f"line {n} is indented {'more' if more else 'less'} than the key above it "
            f"('{pkey}' on line {p}); "
            f"keys of one {group} line up: start '{name}' in column {pc + 1}, like '{pkey}'",
            name if pc == record_col else None,
        )
    return None


def _colon(lines: list[str], n: int, col: int, record_col: int) -> Hint | None:
    """'mapping values are not allowed': a key indented too far, or ': ' inside text."""
    text = _line(lines, n)
    m = KEY_RE.match(text)
    if m is None:
        return None
    if not text[m.end("key") : col - 1].strip():  # the ':' is the key's own: the line is misplaced
        return _key_above(lines, n, record_col, more=True)
    rest = m.group("rest")
    if not rest.strip():
        return None
    start = m.start("rest") + len(rest) - len(rest.lstrip())
    value = text[start:].strip()
    quote = "'" if '"' in value else '"'
    return Hint(
        n,
        start + 1,
        f"the text of '{m.group('key')}' contains ': ', which YAML reads as the start of another field; "
        f"put the whole text in quotes: {quote}{value}{quote}",
        _field(lines, n, record_col),
    )


def _indentation(lines: list[str], n: int, record_col: int) -> Hint | None:
    """A key or list item that does not line up with the one above it."""
    item = ITEM_RE.match(_line(lines, n))
    if item is None:
        key = _key_of(lines, n)
        p = _previous(lines, n, KEY_RE)
        if key is None or p is None:
            return None
        prev = KEY_RE.match(_line(lines, p))
        levels = {k[1] for k in map(lambda i: _key_of(lines, i), range(1, n)) if k}
        if key[1] not in levels:  # a column no key above uses: it belongs nowhere
            return _key_above(lines, n, record_col, more=False) or _key_above(lines, n, record_col, more=True)
        if prev and prev.group("rest").strip():  # 'key: value' cannot have keys under it
            return _key_above(lines, n, record_col, more=True)
        return None
    dc = len(item.group("lead"))
    p = _previous(lines, n, _STRUCTURE_RE)
    above = ITEM_RE.match(_line(lines, p)) if p else None
    if p is None or above is None or len(above.group("lead")) == dc:
        return None
    pdc = len(above.group("lead"))
    owner = _previous(lines, p, re.compile(rf"^ {{0,{pdc}}}[A-Za-z_][A-Za-z0-9_-]* *:\s*$"))
    return Hint(
        n,
        dc + 1,
        f"line {n} is indented differently from the list item above it (line {p}); items of one list "
        f"line up: start the '-' in column {pdc + 1}, like line {p}",
        _field(lines, owner, record_col) if owner else None,
    )


def explain(
    lines: list[str],
    exc: yaml.MarkedYAMLError,
    last: yaml.Event | None,
    record_col: int,
    at_end: bool = False,
) -> Hint | None:
    """Our explanation of ``exc``, located at the mistake, or None when we have none.

    ``lines`` are the file's lines as YAML counts them, ``last`` the last event the parser
    produced before it stopped, ``record_col`` the 0-based column of the keys of the
    record being read (to tell a record's own fields from nested ones), ``at_end`` whether
    the parser stopped at the end of the text.
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
    if "tab" in what or "'\\t'" in what or _line(lines, n)[problem.column : problem.column + 1] == "\t":
        return Hint(n, col, "a tab character where YAML allows only spaces; replace the tab with spaces")
    opener = (
        _line(lines, context.line + 1)[context.column : context.column + 1] if context is not None else ""
    )
    if at_end and opener not in ("[", "{"):
        # The text ends just after the '[' or '{': libyaml and pure Python put the context differently.
        k = max((i for i, text in enumerate(lines, 1) if text.strip()), default=0)
        tail = _line(lines, k).rstrip()
        if tail.endswith(("[", "{")):
            context = yaml.Mark("", 0, k - 1, len(tail) - 1, None, None)
            opener = tail[-1]
    if context is not None and opener in ("[", "{") and (context.line < problem.line or at_end):
        closer, thing = ("]", "list") if opener == "[" else ("}", "mapping")
        noticed = f"on line {n}" if n != context.line + 1 else "at the end of the file"
        return Hint(
            context.line + 1,
            context.column + 1,
            f"the '{opener}' opened here is never closed (YAML noticed {noticed}); "
            f"end the {thing} with '{closer}' on line {context.line + 1}",
            _field(lines, context.line + 1, record_col),
        )
    quoted = _quoted(lines, last, problem, record_col)
    if quoted is not None:
        return quoted
    for check in (block_header, block_lines, missing_colon):
        hint = check(lines, n, record_col)
        if hint is not None:
            return hint
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
            return Hint(
                n,
                col,
                f"YAML does not allow '{ch}' at the start of a value; put the whole text in quotes",
                _field(lines, n, record_col),
            )
    return None
