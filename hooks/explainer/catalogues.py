"""The translation catalogues: gettext PO files read and written, one language at a time.

``data/translations/<lang>/<domain>.po`` holds the records' prose (a domain per kind) and
the hand-written pages (``pages``); ``hooks/explainer/locales/<lang>/LC_MESSAGES/explainer.po``
the interface. Each entry's ``msgid`` is the English it translates: ``Catalogues.lookup``
says whether a text is translated, outdated (its English changed) or missing.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from .problems import Mark, Problem

# The catalogues' header date: fixed, so that an update with no new text changes no byte.
_EPOCH = datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)


@dataclass(frozen=True)
class Unit:
    """One text to translate: where it goes (file stem and context) and its English."""

    domain: str  # "events", ..., or "pages"
    context: str  # "2025-04-28-dprk-admits-deployment/summary" or "index.md#12"
    english: str
    where: str  # where the English is written, for translators: "data/events/2025.yaml:313"


# --- the catalogues -------------------------------------------------------------------------


@dataclass
class Entry:
    english: str  # the msgid: the English this translates
    text: str  # the msgstr
    mark: Mark


@dataclass
class Catalogues:
    """One language's translations, read once per build: (domain, context) -> entry."""

    lang: str
    entries: dict[tuple[str, str], Entry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # (domain, English) -> the first entry that translates it: a paragraph that moved (a
    # paragraph added above it renumbers it) keeps its translation.
    by_english: dict[tuple[str, str], Entry] = field(default_factory=dict)

    def add(self, domain: str, context: str, entry: Entry) -> None:
        self.entries[(domain, context)] = entry
        if entry.text:
            self.by_english.setdefault((domain, entry.english), entry)

    def current(self, unit: Unit) -> Entry | None:
        """The entry that translates the unit's English as it is now, wherever it stands."""
        e = self.entries.get((unit.domain, unit.context))
        if e is not None and e.text and e.english == unit.english:
            return e
        return self.by_english.get((unit.domain, unit.english))

    def lookup(self, unit: Unit) -> tuple[str, str | None]:
        """('translated', text), ('outdated', None) or ('missing', None)."""
        e = self.current(unit)
        if e is not None:
            return "translated", e.text
        old = self.entries.get((unit.domain, unit.context))
        return ("outdated", None) if old is not None and old.text else ("missing", None)


def po_path(root: Path, lang: str, domain: str) -> Path:
    return root / "data" / "translations" / lang / f"{domain}.po"


def read_catalogues(root: Path, lang: str) -> Catalogues:
    cats = Catalogues(lang)
    folder = root / "data" / "translations" / lang
    for po in sorted(folder.glob("*.po")) if folder.is_dir() else []:
        shown = po.relative_to(root).as_posix()
        try:
            with po.open("rb") as fh:
                catalog = read_po(fh, locale=lang, abort_invalid=True)
        except Exception as exc:  # babel raises PoFileError and others with the line in the text
            cats.problems.append(Problem(Mark(shown, 1, 1), "", f"not a valid PO file: {exc}"))
            continue
        for message in catalog:
            if not message.id or not message.context:
                continue
            text = message.string if isinstance(message.string, str) else ""
            if message.fuzzy:
                text = ""  # a fuzzy entry is a draft: not shown to readers
            cats.add(po.stem, message.context, Entry(str(message.id), text, Mark(shown, message.lineno or 1, 1)))
    return cats


def write_catalogue(path: Path, lang: str, units: list[Unit], old: Catalogues) -> None:
    """Write ``path`` with an entry for every unit, keeping translations that still apply and
    marking as fuzzy (outdated) those whose English changed; entries for text that is gone
    are dropped."""
    catalog = Catalog(locale=lang, project="nk-troops-russia-explainer", charset="utf-8", creation_date=_EPOCH)
    for u in units:
        prev = old.current(u) or old.entries.get((u.domain, u.context))
        text, fuzzy, previous = "", False, None
        if prev is not None and prev.text:
            text = prev.text
            if prev.english != u.english:
                fuzzy, previous = True, prev.english
        catalog.add(
            u.english,
            text,
            context=u.context,
            auto_comments=[u.where],
            flags=("fuzzy",) if fuzzy else (),
            previous_id=() if previous is None else previous,
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, catalog, width=0, omit_header=False, sort_output=False, include_previous=True)


# --- the interface catalogue -----------------------------------------------------------------


def interface_messages(code: Path) -> list[tuple[str | tuple[str, str], list[str]]]:
    """Every message the code shows readers (``tr._``, ``tr.n_``, ``N_``, ``Nn_``), with where it
    is written, in the order first found (files in name order)."""
    from babel.messages.extract import extract_from_dir

    from .i18n import KEYWORDS

    found: dict[str | tuple[str, str], list[str]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(code), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=()
    ):
        key = message if isinstance(message, str) else (message[0], message[1])
        found.setdefault(key, []).append(f"{filename}:{lineno}")
    # Python 3.11's tokenizer does not look inside f-strings, so Babel misses a message
    # written in one (f"*{tr._('Time zone:')}*"): those are found by their shape.
    for path in sorted(code.rglob("*.py")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            for m in _IN_FSTRING.finditer(line):
                found.setdefault(m.group(2), []).append(f"{path.relative_to(code).as_posix()}:{lineno}")
    return list(found.items())


_IN_FSTRING = re.compile(r"""\btr\._\((['"])((?:(?!\1).)+)\1[,)]""")


def write_interface(path: Path, lang: str, messages: list[tuple[str | tuple[str, str], list[str]]]) -> None:
    """Write the interface catalogue of ``lang``, keeping the translations it already has."""
    old: dict[Any, Any] = {}
    if path.is_file():
        with path.open("rb") as fh:
            for m in read_po(fh, locale=lang):
                if m.id:
                    old[m.id if isinstance(m.id, str) else tuple(m.id)] = (m.string, m.fuzzy)
    catalog = Catalog(locale=lang, project="nk-troops-russia-explainer", charset="utf-8", creation_date=_EPOCH)
    for message, where in messages:
        string, fuzzy = old.get(message, ("" if isinstance(message, str) else ("",) * catalog.num_plurals, False))
        catalog.add(message, string, auto_comments=where[:3], flags=("fuzzy",) if fuzzy else ())
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, catalog, width=0, sort_output=False)
