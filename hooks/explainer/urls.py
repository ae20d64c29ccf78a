"""Where things are published: the one place that turns a record or a page into a link.

``page_of(record)`` is the Markdown source path of the page that shows a record, with
its anchor (``timeline.md#2025-04-28-admission``), as the record's kind declares it.
``link_target`` makes that a Markdown link (``/timeline.md#...``: MkDocs resolves it and
a strict build fails on a page or anchor that does not exist); ``public_path`` and
``permalink`` give the address a reader sees. Every one of them takes the language:
English is published at the root, any other language under ``/<lang>/``.
"""

from __future__ import annotations

from typing import Any

from .languages import DEFAULT as DEFAULT_LANG
from .languages import prefix as _prefix
from .memo import once_per
from .model import Dataset

_KINDS: dict[str, Any] = {}


def kind_of(record: Any) -> Any:
    if not _KINDS:  # filled on first use, not at import: the kinds import this module
        from .kinds import KINDS

        _KINDS.update(KINDS)
    return _KINDS[record.KIND]


@once_per
def _pages(dataset: Dataset) -> dict[tuple[str, str], str]:
    """(kind, id) -> page, filled as asked: a record's page is asked for by every link to it."""
    return {}


def page_of(record: Any, dataset: Dataset) -> str:
    """The Markdown source path (and anchor) of the page showing ``record``."""
    pages = _pages(dataset)
    key = (record.KIND, record.id)
    page = pages.get(key)
    if page is None:
        page = pages[key] = kind_of(record).page(record, dataset)
    return page


def source_path(target: Any, dataset: Dataset, lang: str = DEFAULT_LANG) -> str:
    """A record or a page path (``"numbers.md"``) -> its Markdown source path in ``lang``."""
    path = target if isinstance(target, str) else page_of(target, dataset)
    return _prefix(lang) + path


def link_target(target: Any, dataset: Dataset, lang: str = DEFAULT_LANG) -> str:
    """A record or a page path -> a Markdown link target (``/actors/kim-jong-un.md``)."""
    return "/" + source_path(target, dataset, lang)


def public_path(target: Any, dataset: Dataset, lang: str = DEFAULT_LANG) -> str:
    """A record or a page path -> its address relative to the site's root, as MkDocs
    publishes it with directory URLs (``actors/kim-jong-un/``, ``timeline/#id``)."""
    path, _, anchor = source_path(target, dataset, lang).partition("#")
    if path == "index.md" or path.endswith("/index.md"):
        path = path[: -len("index.md")]
    elif path.endswith(".md"):
        path = path[: -len(".md")] + "/"
    return path + (f"#{anchor}" if anchor else "")


def permalink(target: Any, dataset: Dataset, site_url: str, lang: str = DEFAULT_LANG) -> str:
    """The absolute address of a record or page (site-relative when there is no site URL)."""
    base = site_url.rstrip("/") + "/" if site_url else "/"
    return base + public_path(target, dataset, lang)
