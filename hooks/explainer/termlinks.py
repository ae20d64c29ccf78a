"""Glossary terms link themselves, wherever they appear in prose.

A Python-Markdown extension: after the inline patterns have run, it walks the element
tree and wraps the first occurrence on a page of each glossary term (its name or one of
its aliases) in a link to the glossary entry, with the definition as the link's title,
which Material shows as a tooltip on hover and on keyboard focus.

It never touches code, preformatted text, links, headings, abbreviations, attributes or
the footnotes (where sources are cited by their own titles), and links each term once per
page so that prose stays readable.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .text import attr_text

if TYPE_CHECKING:
    from .kinds.terms import Term

_WORD = re.compile(r"\w+")
_NONE: frozenset[str] = frozenset()


def _is_word(ch: str) -> bool:
    """What ``\\w`` matches (letters and digits of every script, and '_')."""
    return ch.isalnum() or ch == "_"


SKIP = frozenset(
    {"code", "pre", "a", "abbr", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "svg", "sup", "kbd"}
)


class _TermLinker(Treeprocessor):
    def __init__(self, md: Markdown, ext: TermLinkExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        self.done: set[str] = set()
        # The first words of the names not yet linked on this page: a text with none of them
        # (most, on a long page) is passed over without looking at each of its words.
        self.active: set[str] = set(self.ext.by_first_word)
        # Links an editor wrote with [[term:id]] get their tooltip here, where the
        # definition becomes an attribute the serializer escapes; they count as linked.
        for a in root.iter("a"):
            if "ex-term" in (a.get("class") or "").split() and not a.get("title"):
                term = self.ext.by_id.get((a.get("href") or "").rpartition("#")[2])
                if term is not None:
                    a.set("title", attr_text(term.definition))
                    self._linked(term)
        if not self.ext.enabled or not self.ext.by_first_word:
            return
        self._walk(root)

    def _walk(self, el: etree.Element) -> None:
        # Each term is linked once a page: once all are, the rest of a long page is left alone.
        if el.tag in SKIP or not self.active:
            return
        # The footnotes cite sources by their own titles: a title is not ours to link words in.
        if el.tag == "div" and "footnote" in (el.get("class") or "").split():
            return
        # Children first, before we insert new ones; then this element's text.
        for child in list(el):
            self._walk(child)
            if child.tail and not isinstance(child.tail, AtomicString):
                self._link(el, child.tail, after=child)
        if el.text and not isinstance(el.text, AtomicString):
            self._link(el, el.text, after=None)

    def _linked(self, term: Term) -> None:
        self.done.add(term.id)
        for word in self.ext.first_words[term.id]:
            if all(t.id in self.done for _, t in self.ext.by_first_word[word]):
                self.active.discard(word)

    def _link(self, parent: etree.Element, text: str, after: etree.Element | None) -> None:
        words = self.active.intersection(self.ext.first_words_in(text))
        if words:
            found = self._first(text, words)
            if found is not None:
                self._insert(parent, text, after, *found)

    def _first(self, text: str, words: set[str]) -> tuple[int, int, Term] | None:
        """The leftmost name in ``text`` of a term not yet linked, among those that start with
        one of ``words`` (what ``matches`` finds first there, looking only where it can be)."""
        best: tuple[int, int, Term] | None = None
        for word in words:
            start = text.find(word)
            while start != -1 and (best is None or start < best[0]):
                end = start + len(word)
                before = text[start - 1] if start else " "
                if not _is_word(before) and before != "-" and (end == len(text) or not _is_word(text[end])):
                    hit = self.ext.name_at(text, start, word)
                    if hit is not None and hit[1].id not in self.done:
                        best = (start, hit[0], hit[1])
                        break
                start = text.find(word, start + 1)
        return best

    def _insert(
        self, parent: etree.Element, text: str, after: etree.Element | None, start: int, end: int, term: Term
    ) -> None:
        self._linked(term)
        a = etree.Element("a", {"href": self.ext.href(term), "title": attr_text(term.definition), "class": "ex-term"})
        a.text = AtomicString(text[start:end])
        a.tail = text[end:]
        before = text[:start]
        if after is None:
            parent.text = before
            parent.insert(0, a)
        else:
            after.tail = before
            parent.insert(list(parent).index(after) + 1, a)
        # The rest of the text now hangs off the new link: carry on there.
        if a.tail:
            self._link(parent, a.tail, after=a)


class TermLinkExtension(Extension):
    """Holds the terms of the current build; ``set_terms`` is called once per build."""

    def __init__(self) -> None:
        super().__init__()
        # first word of a name -> (name, term), longest names first
        self.by_first_word: dict[str, list[tuple[str, Term]]] = {}
        self.by_id: dict[str, Term] = {}
        self.first_words: dict[str, set[str]] = {}  # term id -> the first words of its names
        self.enabled = True
        self.href: Callable[[Term], str] = lambda t: f"/glossary.md#{t.id}"
        # text -> the first words of names it holds. The same texts come back on page after page
        # (an event's summary, 'Actors:'): at 10,000 events a quarter of the text is new.
        self._seen: dict[str, frozenset[str]] = {}

    def set_terms(self, terms: Iterable[Term], href: Callable[[Term], str] | None = None) -> None:
        """The terms to link, and where a term's link goes (its glossary entry in the page's language)."""
        if href is not None:
            self.href = href
        lookup: dict[str, Term] = {}
        terms = tuple(terms)
        self.by_id = {t.id: t for t in terms}
        for t in terms:
            # "Prisoner of war (POW)" is written "prisoner of war" in prose: match the term without
            # its parenthesis too.
            bare = re.sub(r"\s*\([^)]*\)$", "", t.term)
            for name in dict.fromkeys((t.term, bare, *t.aliases)):
                if len(name) < 2:
                    continue
                # Case matters ('NIS' is not 'nis'), but a capitalised term also matches mid-sentence.
                lookup.setdefault(name, t)
                if not name.isupper() and name[0].isupper() and not name[1:2].isupper():
                    lookup.setdefault(name[0].lower() + name[1:], t)
        # A dictionary from first words, not one regular expression of every name: with
        # hundreds of terms, an alternation tried at every position costs seconds a build.
        by_first: dict[str, list[tuple[str, Term]]] = {}
        for name, term in lookup.items():
            first = _WORD.match(name)
            if first is not None and first.start() == 0:
                by_first.setdefault(first.group(0), []).append((name, term))
        for candidates in by_first.values():
            candidates.sort(key=lambda c: (-len(c[0]), c[0]))
        self.by_first_word = by_first
        self._seen = {}
        self.first_words = {t.id: set() for t in terms}
        for word, candidates in by_first.items():
            for _, term in candidates:
                self.first_words[term.id].add(word)

    def first_words_in(self, text: str) -> frozenset[str]:
        """The words of ``text`` that some name starts with."""
        words = self._seen.get(text)
        if words is None:
            found = self.by_first_word.keys() & set(_WORD.findall(text))
            words = self._seen[text] = frozenset(found) if found else _NONE
        return words

    def matches(self, text: str) -> Iterator[tuple[int, int, Term]]:
        """(start, end, term) of each name in ``text``, whole words only, longest name first."""
        for word in _WORD.finditer(text):
            start = word.start()
            if start and text[start - 1] == "-":
                continue
            hit = self.name_at(text, start, word.group(0))
            if hit is not None:
                yield start, hit[0], hit[1]

    def name_at(self, text: str, start: int, word: str) -> tuple[int, Term] | None:
        """(end, term) of the longest name at ``start``, whose first word is ``word``."""
        for name, term in self.by_first_word.get(word, ()):
            end = start + len(name)
            if text.startswith(name, start) and (end == len(text) or not (text[end].isalnum() or text[end] in "_-")):
                return end, term
        return None

    def extendMarkdown(self, md: Markdown) -> None:
        # After inline patterns (20), before the table of contents (5) and before MkDocs resolves links (0).
        md.treeprocessors.register(_TermLinker(md, self), "explainer_termlinks", 6)
