"""Building many long-lived objects without the cyclic garbage collector walking them again.

Reading the data and generating the pages and files make hundreds of thousands of small
objects that hold no reference cycles and live until the build ends. Each of the collector's
full passes walks all of them again while they are being made: about a sixth of that work
at 10,000 events (bench/run.py), for nothing found. ``paused()`` turns the collector off for
such a stretch and back on (if it was on) when it ends, whatever happens.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
