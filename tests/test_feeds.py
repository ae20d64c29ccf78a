"""Follow the story: the Atom feeds parse cleanly in feedparser, newest first, and the
TimelineJS export matches TimelineJS 3's documented JSON format, with text escaped."""

from __future__ import annotations

import dataclasses
import html
import json
from pathlib import Path

import feedparser
import jsonschema
import pytest

from explainer import feeds
from explainer.dates import PartialDate
from explainer.kinds.events import Disclosure
from explainer.load import load_dataset
from explainer.model import Correction

ROOT = Path(__file__).resolve().parent.parent
SITE = "https://example.org/explainer/"
BUILT = PartialDate(2026, 12, 3)
HOSTILE = '<img src=x onerror="alert(1)"> & </title> ]]> \x07bell'


def url_of(record) -> str:
    return f"{SITE}{record.KIND}/{record.id}/"


def title_of(record) -> str:
    return getattr(record, "title", None) or getattr(record, "name", None) or record.id


@pytest.fixture(scope="module")
def dataset():
    data, problems = load_dataset(ROOT / "data", as_of=BUILT)
    assert not problems
    return data


def events_feed(events, built=BUILT) -> str:
    channel = feeds.Channel(SITE, "NK troops", f"{SITE}feeds/events.xml", built)
    return feeds.events_feed(events, channel, url_of=url_of)


def all_records(dataset) -> list:
    kinds = ("events", "figures", "claims", "sources", "actors", "terms")
    return [r for kind in kinds for r in getattr(dataset, kind)]


def corrections_feed(records, built=BUILT) -> str:
    channel = feeds.Channel(SITE, "NK troops", f"{SITE}feeds/corrections.xml", built)
    return feeds.corrections_feed(records, channel, url_of=url_of, title_of=title_of)


def parse(text: str):
    parsed = feedparser.parse(text)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


# --- the events feed ---------------------------------------------------------------------


def test_events_feed_has_the_newest_events_newest_first(dataset):
    parsed = parse(events_feed(dataset.events))
    entries = parsed.entries
    assert len(dataset.events) > feeds.FEED_EVENTS  # the real data: the limit is exercised
    assert len(entries) == feeds.FEED_EVENTS
    assert {url_of(e) for e in feeds.newest_first(dataset.events)[: feeds.FEED_EVENTS]} == {e.id for e in entries}
    by_url = {url_of(e): e for e in dataset.events}
    assert [entry.id for entry in entries] == [entry.link for entry in entries]
    assert len(set(entry.id for entry in entries)) == len(entries)
    dates = [by_url[entry.id].date for entry in entries]
    assert dates == sorted(dates, reverse=True) and dates[0] > dates[-1]
    for entry in entries:
        event = by_url[entry.id]
        assert entry.title == " ".join(event.title.split())
        assert entry.summary == event.summary
        assert [link.href for link in entry.links if link.rel == "alternate"] == [url_of(event)]
        assert entry.updated >= entry.published
        assert entry.tags[0].term == event.category
    feed = parsed.feed
    assert feed.id == f"{SITE}feeds/events.xml"
    assert feed.title == "NK troops: events"
    links = {(link.rel, link.href) for link in feed.links}
    assert links == {("self", f"{SITE}feeds/events.xml"), ("alternate", SITE)}
    assert feed.updated == max(entry.updated for entry in entries)


def test_an_entry_is_updated_by_its_corrections_and_published_when_disclosed(dataset):
    corrected = next(e for e in dataset.events if e.corrections)
    (entry,) = parse(events_feed([corrected])).entries
    last = max(c.date for c in corrected.corrections)
    assert entry.updated == f"{last.iso()}T00:00:00Z"
    fresh = dataclasses.replace(corrected, corrections=(), disclosed=None)
    (entry,) = parse(events_feed([fresh])).entries
    assert entry.published == entry.updated == f"{fresh.date.iso()}T00:00:00Z"
    later = PartialDate(2025, 1, 9)
    disclosed = dataclasses.replace(fresh, disclosed=Disclosure(date=later, by=("x",), sources=()))
    (entry,) = parse(events_feed([disclosed])).entries
    assert entry.published == entry.updated == "2025-01-09T00:00:00Z"


def test_feed_times_come_from_the_data_not_the_clock(dataset):
    assert events_feed(dataset.events, BUILT) == events_feed(dataset.events, PartialDate(2030, 1, 1))
    records = all_records(dataset)
    assert corrections_feed(records, BUILT) == corrections_feed(records, PartialDate(2030, 1, 1))
    assert parse(events_feed([])).feed.updated == "2026-12-03T00:00:00Z"  # no data: the build date
    assert parse(corrections_feed([])).entries == []


def test_partial_dates_are_their_first_day():
    assert feeds.atom_time(PartialDate(2025, 4)) == "2025-04-01T00:00:00Z"
    assert feeds.atom_time(PartialDate(2025)) == "2025-01-01T00:00:00Z"


def test_hostile_text_in_a_feed_stays_text(dataset):
    event = dataclasses.replace(dataset.events[0], title=HOSTILE, summary=HOSTILE)
    text = events_feed([event])
    assert "<img" not in text and "\x07" not in text
    (entry,) = parse(text).entries
    assert entry.title == HOSTILE.replace("\x07", "\ufffd")


# --- the corrections feed ----------------------------------------------------------------


def test_corrections_feed_has_one_entry_per_correction_newest_first(dataset):
    records = all_records(dataset)
    corrections = [(r, c) for r in records for c in r.corrections]
    assert corrections, "the real data has corrections"
    entries = parse(corrections_feed(records)).entries
    assert len(corrections) <= feeds.FEED_CORRECTIONS  # else the next test's limit applies here
    assert len(entries) == len(corrections)
    assert len({entry.id for entry in entries}) == len(entries)
    assert all(entry.id.startswith("tag:example.org,") for entry in entries)
    updated = [entry.updated for entry in entries]
    assert updated == sorted(updated, reverse=True)
    expected = {(url_of(r), c.change) for r, c in corrections}
    assert {(entry.link, entry.summary) for entry in entries} == expected
    assert all(entry.title.startswith("Correction: ") for entry in entries)


def test_the_corrections_feed_carries_the_newest(dataset, monkeypatch):
    monkeypatch.setattr(feeds, "FEED_CORRECTIONS", 3)
    records = all_records(dataset)
    entries = parse(corrections_feed(records)).entries
    newest = feeds.correction_entries(records)[:3]
    assert [entry.summary for entry in entries] == [c.change for _, c, _ in newest]


def test_corrections_of_different_days_come_newest_first(dataset):
    old, new = dataset.events[0], dataset.figures[0]
    old = dataclasses.replace(old, corrections=(Correction(date=PartialDate(2025, 1, 2), change="older"),))
    new = dataclasses.replace(new, corrections=(Correction(date=PartialDate(2026, 2), change="newer"),))
    parsed = parse(corrections_feed([old, new]))
    assert [entry.summary for entry in parsed.entries] == ["newer", "older"]
    assert [entry.link for entry in parsed.entries] == [url_of(new), url_of(old)]
    assert parsed.feed.updated == "2026-02-01T00:00:00Z"


def test_correction_ids_are_stable_and_distinct_on_one_day(dataset):
    event = dataset.events[0]
    day = PartialDate(2026, 11, 30)
    twice = dataclasses.replace(event, corrections=(Correction(date=day, change="first"), Correction(date=day, change="second")))
    entries = parse(corrections_feed([twice])).entries
    assert sorted(entry.id for entry in entries) == [
        f"tag:example.org,2026-11-30:correction/events/{event.id}/1",
        f"tag:example.org,2026-11-30:correction/events/{event.id}/2",
    ]


# --- TimelineJS --------------------------------------------------------------------------

# TimelineJS 3's JSON format as documented at timeline.knightlab.com/docs/json-format.html
# (and read by src/js/core/TimelineConfig.js and src/js/date/TLDate.js): a date's parts are
# numbers (or strings of digits), month 1-12; headline and text are HTML; a slide needs a
# start_date unless it is the title. Unknown keys are refused here so a typo fails.
_INT = {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": "^-?[0-9]+$"}]}
DATE = {
    "type": "object",
    "required": ["year"],
    "additionalProperties": False,
    "properties": {
        "year": _INT,
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
        "hour": {"type": "integer", "minimum": 0, "maximum": 23},
        "minute": {"type": "integer", "minimum": 0, "maximum": 59},
        "second": {"type": "integer", "minimum": 0, "maximum": 59},
        "millisecond": {"type": "integer", "minimum": 0},
        "display_date": {"type": "string"},
        "format": {"type": "string"},
    },
}
TEXT = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
}
MEDIA = {
    "type": "object",
    "required": ["url"],
    "properties": {
        k: {"type": "string"} for k in ("url", "caption", "credit", "thumbnail", "alt", "title", "link")
    },
}
SLIDE_PROPERTIES = {
    "start_date": DATE,
    "end_date": DATE,
    "text": TEXT,
    "media": MEDIA,
    "group": {"type": "string"},
    "display_date": {"type": "string"},
    "background": {"type": "object", "properties": {"url": {"type": "string"}, "color": {"type": "string"}}},
    "autolink": {"type": "boolean"},
    "unique_id": {"type": "string", "pattern": "^[a-z0-9-]+$"},  # TimelineJS slugifies others
}
TIMELINE_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["events"],
    "additionalProperties": False,
    "properties": {
        "events": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["start_date", "text"],
                "additionalProperties": False,
                "properties": SLIDE_PROPERTIES,
            },
        },
        "title": {"type": "object", "additionalProperties": False, "properties": SLIDE_PROPERTIES},
        "eras": {"type": "array", "items": {"type": "object", "required": ["start_date", "end_date"]}},
        "scale": {"enum": ["human", "cosmological"]},
    },
}


def timeline(events, **kw) -> dict:
    text = feeds.timeline_json(
        events, url_of=url_of, site_name="NK troops", description="The timeline.", **kw
    )
    return json.loads(text)


def test_timeline_json_matches_the_documented_format(dataset):
    doc = timeline(dataset.events)
    jsonschema.Draft202012Validator.check_schema(TIMELINE_SCHEMA)
    jsonschema.validate(doc, TIMELINE_SCHEMA)
    slides = doc["events"]
    assert len(slides) == len(dataset.events)
    in_order = sorted(dataset.events, key=lambda e: (e.date, e.id))
    assert [s["unique_id"] for s in slides] == [e.id for e in in_order]
    assert doc["title"]["text"]["headline"] == "NK troops"
    by_id = {e.id: e for e in dataset.events}
    for slide in slides:
        event = by_id[slide["unique_id"]]
        parts = [event.date.year, event.date.month, event.date.day]
        assert list(slide["start_date"].values()) == [p for p in parts if p]  # precision kept
        assert ("end_date" in slide) == (event.end is not None)
        assert slide["text"]["headline"] == html.escape(event.title)
        assert f'<a href="{url_of(event)}">' in slide["text"]["text"]
    assert any(len(s["start_date"]) < 3 for s in slides), "the real data has month-precision events"


def test_the_schema_refuses_what_timelinejs_cannot_read(dataset):
    doc = timeline(dataset.events[:1])
    for broken in (
        {**doc, "events": []},
        {**doc, "events": [{**doc["events"][0], "start_date": {"month": 4}}]},
        {**doc, "events": [{**doc["events"][0], "start_date": {"year": 2025, "month": 13}}]},
        {**doc, "events": [{**doc["events"][0], "startdate": {"year": 2025}}]},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, TIMELINE_SCHEMA)


def test_timeline_text_is_escaped_html(dataset):
    event = dataclasses.replace(dataset.events[0], title=HOSTILE, summary=f"{HOSTILE}\n\nSecond paragraph.")
    doc = timeline([event], group_of=lambda e: "<b>Arms</b>")
    jsonschema.validate(doc, TIMELINE_SCHEMA)
    slide = doc["events"][0]
    assert slide["text"]["headline"] == html.escape(HOSTILE)
    assert "<img" not in json.dumps(doc) and "<b>" not in json.dumps(doc)
    first = html.escape(" ".join(HOSTILE.split()))
    assert slide["text"]["text"].startswith(f"<p>{first}</p><p>Second paragraph.</p>")
    assert slide["group"] == "&lt;b&gt;Arms&lt;/b&gt;"


def test_the_downloads_page_names_the_feeds_limit():
    from explainer.outputs import FILES

    described = {f.path: f.description or "" for f in FILES}
    assert f" {feeds.FEED_EVENTS} " in described["events.atom"]
    assert f" {feeds.FEED_CORRECTIONS} " in described["corrections.atom"]
