"""What every renderer is given (``Ctx``) and what it returns (``Page``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..dates import PartialDate
from ..i18n import Catalogue, catalogue
from ..model import Dataset


@dataclass(frozen=True)
class Page:
    """A generated page: its Markdown source path, its Markdown, and its structured data
    (JSON-LD, already safe inside a ``<script>`` element) if it has any."""

    uri: str
    markdown: str
    jsonld: str | None = None


@dataclass(frozen=True, eq=False)
class Ctx:
    """One build's rendering context: the dataset, the language's catalogue, and what the
    build knows of where it is published."""

    dataset: Dataset
    tr: Catalogue = field(default_factory=catalogue)
    # The repository's address for viewing a file at a line ("https://github.com/o/r/blob/main/");
    # without it, records carry no edit link.
    repo: str | None = None
    site_name: str = ""
    site_url: str = ""  # the published address, for absolute permalinks (feeds, citations)
    commit: str | None = None  # the commit the site was built from
    built: PartialDate | None = None  # the build's date (from SOURCE_DATE_EPOCH)
    # Records shown in English in this language's site: (kind, id) -> "missing" or "outdated".
    english: dict[tuple[str, str], str] = field(default_factory=dict)
    # Links already made: a record is linked from many pages (an actor from each of its events).
    _urls: dict[Any, str] = field(default_factory=dict, repr=False, init=False)

    @property
    def lang(self) -> str:
        return self.tr.lang

    def url(self, target: Any) -> str:
        """The Markdown link to a record or to a page (``"timeline.md"``) on this site: every
        language's site is built on its own, with the same paths."""
        key = target if isinstance(target, str) else (target.KIND, target.id)
        url = self._urls.get(key)
        if url is None:
            from ..urls import link_target  # here, not at the top: urls imports the kinds, which import this

            url = self._urls[key] = link_target(target, self.dataset)
        return url

    def in_english(self, record: Any) -> str | None:
        """Why a record is shown in English on this language's site ("missing", "outdated"), or None."""
        return self.english.get((record.KIND, record.id))
