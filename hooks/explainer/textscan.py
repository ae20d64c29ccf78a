"""Characters that have no place in a data file, found before YAML reads it.

Invalid UTF-8, NUL and the other control characters, and the invisible controls of
bidirectional text (U+202A-U+202E, U+2066-U+2069) can make a file display differently
from what it is: reversed words, a hidden end of a string, a URL that reads as another.
``decode`` finds every one of them (up to a bound) and returns, with the text, where
each one is, counted in characters as editors count them, with its code point and name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# C0 controls but line feed and carriage return; DEL; C1 controls; the line and
# paragraph separators (line breaks to YAML, not to editors); the bidirectional
# embeddings, overrides and isolates; the two noncharacters YAML refuses. And tabs: YAML
# refuses them in indentation, and libyaml and the pure-Python parser disagree on where
# else they are allowed; in text they are invisible, and shown as any number of spaces.
BAD_CHAR_RE = re.compile(
    "[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]"
)
BREAK_RE = re.compile(r"\r\n|\r|\n")
PLACEHOLDER = "\ufffd"  # what stands in for a bad character while locating its field
MAX_REPORTED = 20

_C0 = (
    "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY",
    "ACKNOWLEDGE", "BELL", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION",
    "FORM FEED", "CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE", "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO", "DEVICE CONTROL THREE", "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK", "CANCEL", "END OF MEDIUM", "SUBSTITUTE", "ESCAPE",
    "INFORMATION SEPARATOR FOUR", "INFORMATION SEPARATOR THREE", "INFORMATION SEPARATOR TWO",
    "INFORMATION SEPARATOR ONE",
)  # fmt: skip
_OTHER = {0x7F: "DELETE", 0x85: "NEXT LINE", 0x9B: "CONTROL SEQUENCE INTRODUCER"}


@dataclass(frozen=True, slots=True)
class BadChar:
    """One character (or undecodable byte) at ``offset`` in the decoded text."""

    offset: int
    what: str  # 'U+202E RIGHT-TO-LEFT OVERRIDE' or 'byte 0xE9'
    why: str  # what it does, and so what to do

    @property
    def message(self) -> str:
        return f"{self.what} {self.why}" if self.what.startswith("byte") else f"{self.what}, {self.why}"


def name_of(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE', 'U+0007 BELL': the code point and its name."""
    cp = ord(char)
    if cp < 0x20:
        name = _C0[cp]
    elif cp in _OTHER:
        name = _OTHER[cp]
    elif 0x80 <= cp <= 0x9F:
        name = "C1 CONTROL"
    else:
        name = unicodedata.name(char, "NONCHARACTER")
    return f"U+{cp:04X} {name}"


def _why(char: str) -> str:
    if char == "\t":
        return (
            "a tab: YAML allows only spaces for indentation, and in text a tab shows as any number "
            "of spaces; replace it with spaces"
        )
    cp = ord(char)
    if 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069:
        kind = "an invisible control of text direction"
    elif cp in (0x85, 0x2028, 0x2029):
        kind = "an invisible line break"
    else:
        kind = "an invisible control character"
    return f"{kind}: it can make text display differently from what it is; delete it"


def _decode_utf8(data: bytes) -> tuple[str, list[BadChar]]:
    """UTF-8 -> text; each undecodable byte becomes a placeholder and a ``BadChar``."""
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    parts: list[str] = []
    bad: list[BadChar] = []
    length = pos = 0
    why = (
        "is not UTF-8 (the file was saved in another encoding, such as Latin-1); "
        "save the file as UTF-8 and retype the character"
    )
    while len(bad) < MAX_REPORTED:
        try:
            rest = data[pos:].decode("utf-8")
        except UnicodeDecodeError as exc:
            good = data[pos : pos + exc.start].decode("utf-8")
            parts += [good, PLACEHOLDER]
            length += len(good)
            bad.append(BadChar(length, f"byte 0x{data[pos + exc.start]:02X}", why))
            length += 1
            pos += exc.end
            continue
        parts.append(rest)
        return "".join(parts), bad
    parts.append(data[pos:].decode("utf-8", errors="replace"))
    return "".join(parts), bad


def decode(data: bytes) -> tuple[str, list[BadChar]]:
    """Bytes -> text (a leading byte-order mark dropped) and every bad character in it.

    Each bad character is replaced by a placeholder in the text returned, so that the
    text still parses, in the same lines and columns, to find the field it is in.
    """
    text, bad = _decode_utf8(data.removeprefix(b"\xef\xbb\xbf"))
    if not BAD_CHAR_RE.search(text):
        return text, bad
    for m in BAD_CHAR_RE.finditer(text):
        if len(bad) >= MAX_REPORTED:
            break
        bad.append(BadChar(m.start(), name_of(m.group()), _why(m.group())))
    # A tab becomes a space, so that a line indented with tabs is still read as indented.
    return BAD_CHAR_RE.sub(lambda m: " " if m.group() == "\t" else PLACEHOLDER, text), sorted(
        bad, key=lambda b: b.offset
    )


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset``, counting lines as YAML does (\\r\\n, \\r or \\n)."""
    line, start = 1, 0
    for m in BREAK_RE.finditer(text, 0, offset):
        line, start = line + 1, m.end()
    return line, offset - start + 1


def lines_of(text: str) -> list[str]:
    """The lines of ``text`` as YAML counts them (index 0 is line 1)."""
    return BREAK_RE.split(text)
