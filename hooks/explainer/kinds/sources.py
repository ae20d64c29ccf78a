"""Sources: the pages every claim on the site stands on."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..archives import LINK_STATUSES, is_dead, source_problems
from ..dates import PartialDate
from ..fields import Bool, Date, Enum, Id, Int, Text, Url
from ..i18n import N_, Nn_
from ..kind import Kind
from ..model import Record, corrections_field, reviewed_field
from ..problems import Mark, Problem
from ..structure import Struct, spec

SOURCE_TYPES = {
    "official-statement": N_("Official statement"),
    "state-media": N_("State media"),
    "government-record": N_("Government record"),
    "international-organisation": N_("International organisation"),
    "intelligence-assessment": N_("Intelligence assessment"),
    "wire-service": N_("Wire service"),
    "newspaper": N_("Newspaper"),
    "broadcaster": N_("Broadcaster"),
    "magazine": N_("Magazine"),
    "news-site": N_("News site"),
    "think-tank": N_("Think tank"),
    "reference": N_("Reference"),
}
PRIMARY_SOURCE_TYPES = tuple(SOURCE_TYPES)[:6]


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkStatus:
    """What the link keeper (tools/linkkeeper) last found at a source's URL."""

    status: str = spec(
        Enum({s: s for s in LINK_STATUSES}),
        "what the last check of the URL found (written by tools/linkkeeper)",
        required=True,
    )
    code: int | None = spec(Int(100, 999), "the HTTP status code of the last check, where there was one")
    checked: PartialDate = spec(Date(), "the day of the last check", required=True)
    failing_since: PartialDate | None = spec(
        Date(), "the first check of the current run of failures; the URL is dead once a failure is 7 days later"
    )
    final_url: str | None = spec(Url(), "where the URL redirects to (the url field keeps the original)")

    @property
    def dead(self) -> bool:
        """Failed on two checks at least a week apart."""
        return is_dead(self.status, self.checked, self.failing_since)


@dataclass(frozen=True, slots=True, kw_only=True)
class Source(Record):
    id: str = spec(Id(), "unique id, a lowercase slug", required=True)
    publisher: str = spec(Text(200), "who published it", required=True)
    title: str = spec(Text(400), "the title as published", required=True)
    title_supplied: bool = spec(
        Bool(), "true when the headline was not recorded and the title is our description of the page"
    )
    author: str | None = spec(Text(200), "author or authors, where known")
    published: PartialDate = spec(Date(), "publication date", required=True)
    url: str = spec(Url(), "http(s) address of the page", required=True)
    archive_url: str | None = spec(
        Url(),
        "an archived copy of the url: https://web.archive.org/web/<timestamp>/<url> or https://archive.ph/<timestamp>/<url>",
    )
    link_status: LinkStatus | None = spec(
        Struct(LinkStatus, "Link status"), "what the link keeper last found at the url"
    )
    accessed: PartialDate = spec(Date(), "when we looked it up", required=True)
    type: str = spec(Enum(SOURCE_TYPES), "what kind of source", required=True)
    language: str = spec(Text(20), "BCP 47 language code", required=True)
    supports: str | None = spec(Text(1500), "what this source supports, in our words", translate=True)
    reviewed: PartialDate | None = reviewed_field()
    corrections: tuple[Any, ...] = corrections_field()


def _dates_and_copies(
    v: dict[str, Any], mark: Callable[[str], Mark], path: str, today: PartialDate
) -> Iterator[Problem]:
    pub, acc = v["published"], v["accessed"]
    if acc.last_day() < pub.first_day():
        yield Problem(
            mark("accessed"), f"{path}.accessed", f"looked up ({acc}) before it was published ({pub}): check both dates"
        )
    if v.get("archive_url") is not None and v.get("archive_url") == v["url"]:
        msg = "the archive URL is the URL itself: remove it or give the archived copy"
        yield Problem(mark("archive_url"), f"{path}.archive_url", msg)
    for key, message in source_problems(v):
        yield Problem(mark(key.split(".")[0]), f"{path}.{key}", message)


def duplicate_urls(sources: list[tuple[Source, str, dict[str, Mark]]]) -> Iterator[Problem]:
    """The same page cited under two ids splits what cites it across two source pages."""
    first: dict[str, tuple[Source, Mark]] = {}
    for s, path, marks in sources:
        url = s.url.rstrip("/")
        if url in first:
            other, where = first[url]
            yield Problem(
                marks["url"],
                f"{path}.url",
                f"the same URL as source '{other.id}' (at {where}): keep one source and cite it",
            )
        else:
            first[url] = (s, marks["url"])


KIND = Kind(
    name="sources",
    cls=Source,
    title="Source",
    label=N_("Sources"),
    noun=Nn_("{n} source", "{n} sources"),
    sort_key=lambda s: (s.publisher.casefold(), s.published, s.id),
    page=lambda s, dataset: f"sources/{s.id}.md",
    heading=lambda s, ctx: s.title,
    renderer="sources",
    record_checks=(_dates_and_copies,),
    kind_checks=(duplicate_urls,),
)
