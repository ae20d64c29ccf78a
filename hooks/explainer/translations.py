"""Translations of the data and of the hand-written pages, as gettext catalogues.

Translators work in PO files, the format their tools (Poedit, Weblate, Crowdin, Lokalize)
read: ``data/translations/<lang>/<kind>.po`` for the records, ``pages.po`` for the
hand-written pages, paragraph by paragraph. Each entry's context names what it translates
(``2025-04-28-dprk-admits-deployment/summary``; ``index.md#12``, the twelfth block of a
page), its ``msgid`` is the English text it translates, and its ``msgstr`` the translation.

So every translation records which English it translates. When the English changes, the
entry's ``msgid`` no longer matches: the translation is *outdated*, and the record is shown
in English, marked so, until a translator updates it. A translation must keep the facts of
its English: every number (in digits), and every citation and record shortcut.

This module reads and writes those files and applies them; it imports no MkDocs.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po

from .catalogues import Catalogues, Unit, interface_messages
from .languages import ALL, DEFAULT
from .model import Dataset
from .problems import Problem
from .structure import ListOf, Struct, declared

# Every language but English, which the site is written in and which decides.
LANGUAGES = tuple(code for code in ALL if code != DEFAULT)
PAGES = "pages"
_FENCE = re.compile(r"^(`{3,}|~{3,})")


# --- what is translated --------------------------------------------------------------------


def _walk(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """(path, text) of every translated text field in a record or nested structure."""
    for name, s in declared(type(value)):
        v = getattr(value, name)
        if v is None:
            continue
        here = f"{path}/{name}"
        if s.translate and isinstance(v, str):
            yield here, v
        elif isinstance(s.type, Struct):
            yield from _walk(v, here)
        elif isinstance(s.type, ListOf) and isinstance(s.type.item, Struct):
            for i, item in enumerate(v):
                yield from _walk(item, f"{here}/{i}")


def record_units(dataset: Dataset) -> Iterator[Unit]:
    for record in dataset.all_records():
        where = f"{record.origin.file}:{record.origin.line}"
        for path, text in _walk(record, record.id):
            yield Unit(record.KIND, path, text, where)


def segments(markdown: str) -> list[tuple[bool, str]]:
    """A hand-written page cut into (translated?, text) pieces that join back into the page:
    its blocks (paragraphs, headings, list items, table rows) are translated one at a time;
    front matter, code and the blank lines between blocks are not."""
    lines = markdown.split("\n")
    out: list[tuple[bool, str]] = []
    start = 0
    if lines and lines[0] == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line == "---"), 0)
        out.append((False, "\n".join(lines[: end + 1])))
        start = end + 1
    current: list[str] = []
    fence: str | None = None

    def flush() -> None:
        if current:
            out.append((True, "\n".join(current)))
            current.clear()

    for line in lines[start:]:
        m = _FENCE.match(line.lstrip())
        if fence is not None or m:
            flush()
            if fence is None and m:
                fence = m.group(1)
            elif m and fence is not None and m.group(1)[0] == fence[0]:
                fence = None
            out.append((False, line))
            continue
        starts_item = bool(re.match(r"^(\s*[-*+]\s|\s*\d+\.\s|#{1,6}\s|\|)", line))
        if not line.strip():
            flush()
            out.append((False, line))
        elif starts_item and current:
            flush()
            current.append(line)
        else:
            current.append(line)
    flush()
    return out


_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")


def _same_anchor(english: str, translated: str) -> str:
    """A translated heading keeps its English heading's anchor, so that a link to a section
    (methodology.md#contributing) reaches it in every language."""
    e, t = _HEADING.match(english), _HEADING.match(translated)
    if e is None or t is None or "{" in t.group(2):
        return translated
    from markdown.extensions.toc import slugify

    anchor = re.search(r"\{\s*#([\w-]+)\s*\}\s*$", e.group(2))
    slug = anchor.group(1) if anchor else slugify(e.group(2), "-")
    return f"{t.group(1)} {t.group(2)} {{ #{slug} }}"


def blocks(markdown: str) -> list[str]:
    """A hand-written page's translated blocks, in order (what ``pages.po`` holds)."""
    return [text.strip() for translated, text in segments(markdown) if translated and text.strip()]


def translate_page(markdown: str, page: str, cats: Catalogues) -> tuple[str, int]:
    """The page in ``cats``'s language, and how many blocks are still in English. A block
    without a current translation is kept in English, marked ``lang="en"``."""
    out, english, n = [], 0, 0
    for translated, text in segments(markdown):
        if not translated or not text.strip():
            out.append(text)
            continue
        n += 1
        status, done = cats.lookup(Unit(PAGES, f"{page}#{n}", text.strip(), ""))
        if status == "translated" and done is not None:
            out.append(_same_anchor(text.strip(), done))
        else:
            english += 1
            out.append(f'<div lang="en" class="ex-in-english" markdown>\n\n{text}\n\n</div>')
    return "\n".join(out), english


def page_units(docs: Path) -> Iterator[Unit]:
    for page in sorted(docs.rglob("*.md")):
        rel = page.relative_to(docs).as_posix()
        if rel.split("/")[0] in LANGUAGES:
            continue
        for i, block in enumerate(blocks(page.read_text(encoding="utf-8")), 1):
            yield Unit(PAGES, f"{rel}#{i}", block, f"docs/{rel}")


# --- facts a translation must keep -----------------------------------------------------------

# A number: digits, with the grouping and decimal marks languages use between them (12,000,
# 12.000, 12 000 with a no-break or thin space). A plain space groups digits too in some
# languages' typing ("12 000"), but in English it separates numbers ("500,000 122 mm
# shells"): the English is read strictly, a translation both ways.
_STRICT = re.compile(r"\d(?:[,.\u00a0\u202f\u2009]?\d)*")
_LOOSE = re.compile(r"\d(?:[,.\u00a0\u202f\u2009 ]?\d)*")
_SHORTCUT = re.compile(r"\[\[(\w+):([^\]|]*)")


def _numbers(text: str) -> Counter[str]:
    # Grouping and decimal marks differ between languages: compare the digits.
    return Counter(re.sub(r"\D", "", m.group()) for m in _STRICT.finditer(text))


def lost_facts(english: str, translation: str) -> list[str]:
    """What of the English a translation lost: numbers, citations, record shortcuts."""
    out = []
    missing = _numbers(english) - _numbers(translation)
    if missing:  # a space (plain or not) may group digits or separate numbers: try every reading
        spaced = set()
        for m in _LOOSE.finditer(translation):
            groups = [re.sub(r"\D", "", g) for g in re.split("[ \u00a0\u202f\u2009]", m.group())]
            spaced |= {"".join(groups[i:j]) for i in range(len(groups)) for j in range(i + 1, len(groups) + 1)}
        missing = Counter({n: c for n, c in missing.items() if n not in spaced})
    if missing:
        out.append("number" + ("s" if len(missing) > 1 else "") + " " + ", ".join(sorted(missing)) + " missing")
    ours, theirs = Counter(_SHORTCUT.findall(english)), Counter(_SHORTCUT.findall(translation))
    for kind, ids in sorted(ours - theirs):
        out.append(f"[[{kind}:{ids}]] missing")
    for kind, ids in sorted(theirs - ours):
        out.append(f"[[{kind}:{ids}]] is not in the English")
    return out


def check(cats: Catalogues, units: list[Unit]) -> list[Problem]:
    """Located problems: translations that lost a fact of their English."""
    problems = list(cats.problems)
    for u in units:
        status, text = cats.lookup(u)
        if status == "translated" and text is not None:
            for lost in lost_facts(u.english, text):
                e = cats.current(u)
                assert e is not None
                problems.append(Problem(e.mark, u.context, f"the translation lost what the English says: {lost}"))
    return problems


# --- applying them ------------------------------------------------------------------------------


@dataclass
class Applied:
    """A language's dataset, and which records are shown in English (and why)."""

    dataset: Dataset
    english: dict[tuple[str, str], str]  # (kind, id) -> "missing" | "outdated"


def _replace(value: Any, path: str, texts: dict[str, str]) -> Any:
    changes: dict[str, Any] = {}
    for name, s in declared(type(value)):
        v = getattr(value, name)
        here = f"{path}/{name}"
        if v is None:
            continue
        if s.translate and isinstance(v, str) and here in texts:
            changes[name] = texts[here]
        elif isinstance(s.type, Struct):
            changes[name] = _replace(v, here, texts)
        elif isinstance(s.type, ListOf) and isinstance(s.type.item, Struct):
            changes[name] = tuple(_replace(item, f"{here}/{i}", texts) for i, item in enumerate(v))
    return dataclasses.replace(value, **changes) if changes else value


def apply(dataset: Dataset, cats: Catalogues) -> Applied:
    """The dataset in ``cats``'s language. A record is translated whole or not at all: one
    missing or outdated field keeps the whole record in English, marked as such."""
    english: dict[tuple[str, str], str] = {}
    out: dict[str, tuple[Any, ...]] = {}
    for kind, records in dataset.records.items():
        done = []
        for record in records:
            texts: dict[str, str] = {}
            state = None
            for path, text in _walk(record, record.id):
                status, translated = cats.lookup(Unit(kind, path, text, ""))
                if status == "translated" and translated is not None:
                    texts[path] = translated
                elif state != "outdated":
                    state = status
            if state is None:
                done.append(_replace(record, record.id, texts))
            else:
                english[(kind, record.id)] = state
                done.append(record)
        out[kind] = tuple(done)
    return Applied(Dataset(out), english)


def coverage(dataset: Dataset, cats: Catalogues, docs: Path) -> dict[str, Counter[str]]:
    """domain -> counts of translated, outdated and missing texts; "interface" counts the
    messages of the code (hooks/explainer/locales)."""
    out: dict[str, Counter[str]] = {}
    for u in [*record_units(dataset), *page_units(docs)]:
        out.setdefault(u.domain, Counter())[cats.lookup(u)[0]] += 1
    po = Path(__file__).parent / "locales" / cats.lang / "LC_MESSAGES" / "explainer.po"
    done: dict[Any, bool] = {}
    if po.is_file():
        with po.open("rb") as fh:
            for m in read_po(fh, locale=cats.lang):
                strings = m.string if isinstance(m.string, tuple) else (m.string,)
                done[m.id if isinstance(m.id, str) else tuple(m.id)] = bool(all(strings)) and not m.fuzzy
    ui = out.setdefault("interface", Counter())
    for message, _ in interface_messages(Path(__file__).parent):
        ui["translated" if done.get(message) else "missing"] += 1
    return out


