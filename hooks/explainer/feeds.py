"""Follow the story: Atom feeds of events and of corrections, and a TimelineJS export.

* :func:`events_feed` is an Atom 1.0 feed (RFC 4287) of the events, newest first. An
  entry's id is the event's permalink; it was *published* when the event became public
  (its disclosure date, else its date) and *updated* by its latest correction.
* :func:`corrections_feed` has one entry per correction of any record, newest first,
  linking the corrected record. A correction's id is a ``tag:`` URI (RFC 4151) naming the
  record and the correction's date, so it stays the same from build to build.
* :func:`timeline_json` is the timeline in TimelineJS 3's JSON format (``events`` of
  slides with ``start_date``/``end_date`` date objects, ``text`` {headline, text},
  ``group`` and ``unique_id``, plus a ``title`` slide), for newsrooms to embed.

Every time in the feeds comes from the data (dates are read as midnight UTC of their
first day); a feed's ``<updated>`` is its newest entry's, or its :class:`Channel`'s
build date when it has none. Text is written by ElementTree (the feeds) or ``html.escape`` (the
TimelineJS text, which TimelineJS renders as HTML), never pasted into markup.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from . import jsonfile
from .cite import as_partial
from .dates import PartialDate
from .kinds.events import Event
from .model import Correction

ATOM_NS = "http://www.w3.org/2005/Atom"
ATOM_TYPE = "application/atom+xml"
# Characters XML 1.0 cannot carry at all (C0 controls but tab, LF, CR; lone surrogates...).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def atom_time(d: PartialDate) -> str:
    """An RFC 3339 time for a date at any precision: midnight UTC of its first day."""
    y, m, day = d.first_day()
    return f"{y:04d}-{m:02d}-{day:02d}T00:00:00Z"


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        el.text = _clean(text)
    return el


@dataclass(frozen=True, slots=True)
class Channel:
    """Where a feed lives and whose it is."""

    site_url: str  # the site's home page, absolute
    site_name: str
    self_url: str  # the feed's own absolute URL, also its id
    built: PartialDate | _dt.date  # the feed's <updated> when it has no entry at all
    title: str | None = None  # default: "<site name>: events" / ": corrections"
    alternate_url: str | None = None  # the page the feed follows; default: the home page


def _feed(channel: Channel, default_title: str, updated: PartialDate | None) -> ET.Element:
    """The feed element; its id is its own URL, its author the site."""
    feed = ET.Element("feed", {"xmlns": ATOM_NS})
    _sub(feed, "id", channel.self_url)
    _sub(feed, "title", channel.title or f"{channel.site_name}: {default_title}", type="text")
    _sub(feed, "link", rel="self", type=ATOM_TYPE, href=channel.self_url)
    _sub(feed, "link", rel="alternate", type="text/html", href=channel.alternate_url or channel.site_url)
    _sub(feed, "updated", atom_time(updated or as_partial(channel.built)))
    author = _sub(feed, "author")
    _sub(author, "name", channel.site_name)
    _sub(author, "uri", channel.site_url)
    return feed


def _serialise(feed: ET.Element) -> str:
    ET.indent(feed, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _entry(
    feed: ET.Element, *, entry_id: str, title: str, url: str, updated: str, summary: str
) -> ET.Element:
    entry = _sub(feed, "entry")
    _sub(entry, "id", entry_id)
    _sub(entry, "title", " ".join(title.split()), type="text")
    _sub(entry, "link", rel="alternate", type="text/html", href=url)
    _sub(entry, "updated", updated)
    _sub(entry, "summary", summary, type="text")
    return entry


# --- events --------------------------------------------------------------------------------


def event_published(e: Event) -> PartialDate:
    """When an event became public: its disclosure date, else its own date."""
    return e.disclosed.date if e.disclosed is not None else e.date


def event_updated(e: Event) -> PartialDate:
    """The entry's last significant change: its latest correction, else its publication."""
    return max([event_published(e), *(c.date for c in e.corrections)])


def newest_first(events: Iterable[Event]) -> list[Event]:
    """Events by date, newest first; events of one date by id, in reverse (deterministic)."""
    return sorted(events, key=lambda e: (e.date, e.id), reverse=True)


# A feed is for following the story: its newest entries. (Every event and correction is in
# dataset.json; at 10,000 events a feed of all of them would be some 10 MB, fetched by every
# reader's feed reader on every poll.) outputs.py's descriptions of the feeds name this number.
FEED_EVENTS = FEED_CORRECTIONS = 100


def events_feed(events: Sequence[Event], channel: Channel, *, url_of: Callable[[Event], str]) -> str:
    """An Atom feed of the ``FEED_EVENTS`` newest events, newest first (entry id = the event's
    permalink)."""
    ordered = newest_first(events)[:FEED_EVENTS]
    feed = _feed(channel, "events", max((event_updated(e) for e in ordered), default=None))
    for e in ordered:
        url = url_of(e)
        updated = atom_time(event_updated(e))
        entry = _entry(feed, entry_id=url, title=e.title, url=url, updated=updated, summary=e.summary)
        _sub(entry, "published", atom_time(event_published(e)))
        _sub(entry, "category", term=e.category)
    return _serialise(feed)


# --- corrections ---------------------------------------------------------------------------


def correction_entries(records: Iterable[Any]) -> list[tuple[Any, Correction, int]]:
    """(record, correction, n) for every correction, newest first; n counts a record's
    corrections of one date (1, 2...), so (record, date, n) names a correction for good."""
    out: list[tuple[Any, Correction, int]] = []
    for record in records:
        seen: dict[PartialDate, int] = {}
        for c in record.corrections:
            seen[c.date] = seen.get(c.date, 0) + 1
            out.append((record, c, seen[c.date]))
    out.sort(key=lambda x: (x[0].KIND, x[0].id, x[2]))
    out.sort(key=lambda x: x[1].date, reverse=True)  # stable: ties keep kind, id, n order
    return out


def correction_id(site_url: str, record: Any, c: Correction, n: int) -> str:
    """``tag:<host>,<date>:correction/<kind>/<id>/<n>``: stable, and unique per correction."""
    host = urlsplit(site_url).hostname or "localhost"
    return f"tag:{host},{c.date.iso()}:correction/{record.KIND}/{record.id}/{n}"


def corrections_feed(
    records: Iterable[Any],
    channel: Channel,
    *,
    url_of: Callable[[Any], str],
    title_of: Callable[[Any], str],
    entry_title: Callable[[str], str] = lambda t: f"Correction: {t}",
) -> str:
    """An Atom feed with one entry per correction, the ``FEED_CORRECTIONS`` newest, newest
    first, linking the corrected record."""
    entries = correction_entries(records)[:FEED_CORRECTIONS]
    feed = _feed(channel, "corrections", entries[0][1].date if entries else None)
    for record, c, n in entries:
        _entry(
            feed,
            entry_id=correction_id(channel.site_url, record, c, n),
            title=entry_title(title_of(record)),
            url=url_of(record),
            updated=atom_time(c.date),
            summary=c.change,
        )
        _sub(feed[-1], "category", term=record.KIND)
    return _serialise(feed)


# --- TimelineJS ----------------------------------------------------------------------------


def tl_date(d: PartialDate) -> dict[str, int]:
    """A TimelineJS date object at the date's precision (TimelineJS formats by the parts given)."""
    out = {"year": d.year}
    if d.month:
        out["month"] = d.month
    if d.day:
        out["day"] = d.day
    return out


def tl_html(text: str) -> str:
    """Plain text as TimelineJS's HTML: escaped, one <p> per paragraph."""
    return "".join(f"<p>{html.escape(' '.join(p.split()))}</p>" for p in text.split("\n\n") if p.strip())


def timeline_json(
    events: Sequence[Event],
    *,
    url_of: Callable[[Event], str],
    site_name: str,
    description: str,
    group_of: Callable[[Event], str] = lambda e: e.category.replace("-", " ").capitalize(),
    link_text: str = "Sources and details",
) -> str:
    """The events as TimelineJS 3 JSON, in date order, with a title slide."""
    slides: list[dict[str, Any]] = []
    for e in sorted(events, key=lambda e: (e.date, e.id)):
        link = f'<p><a href="{html.escape(url_of(e))}">{html.escape(link_text)}</a></p>'
        slide: dict[str, Any] = {"unique_id": e.id, "start_date": tl_date(e.date)}
        if e.end is not None:
            slide["end_date"] = tl_date(e.end)
        slide["text"] = {"headline": html.escape(e.title), "text": tl_html(e.summary) + link}
        slide["group"] = html.escape(group_of(e))
        slides.append(slide)
    title = {"text": {"headline": html.escape(site_name), "text": tl_html(description)}}
    return jsonfile.dumps({"title": title, "events": slides})
