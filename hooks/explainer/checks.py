"""Checks across records, after every file is read: each a generator of located problems.

(Duplicate ids and dangling references are found in ``load``, which sees every declared
id, valid or not; these checks look at valid records.)
"""

from __future__ import annotations

from collections.abc import Iterator

from .model import Dataset, Source, Term
from .problems import Mark, Problem

def duplicate_urls(sources: list[tuple[Source, str, dict[str, Mark]]]) -> Iterator[Problem]:
    """The same page cited under two ids splits what cites it across two source pages."""
    first: dict[str, tuple[Source, Mark]] = {}
    for s, path, marks in sources:
        url = s.url.rstrip("/")
        if url in first:
            other, where = first[url]
            yield Problem(
                marks["url"], f"{path}.url", f"the same URL as source '{other.id}' (at {where}): keep one source and cite it"
            )
        else:
            first[url] = (s, marks["url"])


def ambiguous_terms(terms: list[tuple[Term, str, dict[str, Mark]]]) -> Iterator[Problem]:
    """A name or alias may belong to one term only, or prose could not tell which one it means."""
    owner: dict[str, tuple[Term, Mark]] = {}
    for t, path, marks in terms:
        for name in dict.fromkeys((t.term, *t.aliases)):
            field = "term" if name == t.term else "aliases"
            other = owner.get(name.casefold())
            if other is not None and other[0].id != t.id:
                yield Problem(
                    marks[field],
                    f"{path}.{field}",
                    f"'{name}' already names the term '{other[0].id}' (at {other[1]}): merge the two entries or rename one",
                )
            else:
                owner[name.casefold()] = (t, marks[field])


def unarchived_confirmed(dataset: Dataset) -> list[Source]:
    """Sources cited by a confirmed event that have no archived copy: a warning, never an error
    (``tools/linkkeeper`` archives them; until it has, a dead link would leave the event unchecked)."""
    return [
        s
        for s in dataset.sources
        if s.archive_url is None
        and any(r.kind == "events" and getattr(r, "status", None) == "confirmed" for r in dataset.cited_by.get(s.id, ()))
    ]
