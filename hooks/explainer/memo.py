"""``once_per``: a function of a build's dataset or context, computed once for each.

The dataset and the context live for one build; what is derived from them (the timeline's
layout, the events at each place, a record's page, the citation context) is asked for by
many pages. The results are kept beside their owner and go when it goes (weak keys), so
that a second build, `mkdocs serve`'s next one, starts afresh.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


def once_per(fn: Callable[[K], V]) -> Callable[[K], V]:
    table: weakref.WeakKeyDictionary[K, V] = weakref.WeakKeyDictionary()

    @functools.wraps(fn)
    def made(owner: K) -> V:
        value = table.get(owner)
        if value is None:
            value = table[owner] = fn(owner)
        return value

    return made
