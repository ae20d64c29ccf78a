"""What the built site publishes besides pages: citations, feeds and the TimelineJS export,
as a reader's tools find them (on the real site)."""

from __future__ import annotations

import json
import re

import bibtexparser
import feedparser
import rispy
from conftest import ROOT, Build

from explainer.load import load_dataset
from explainer.outputs import FILES


def test_every_page_announces_both_feeds(real_site: Build) -> None:
    pages = sorted(real_site.site.rglob("*.html"))
    assert len(pages) > 300
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', html)
        assert [h.rsplit("/", 1)[-1] for h in found] == ["events.atom", "corrections.atom"], page


def test_the_feeds_parse_newest_first_with_the_newest_events_and_every_correction(real_site: Build) -> None:
    from explainer.feeds import FEED_CORRECTIONS, FEED_EVENTS

    dataset, _ = load_dataset(ROOT / "data")
    events = feedparser.parse((real_site.site / "events.atom").read_bytes())
    assert events.bozo == 0 and events.version == "atom10"
    assert len(events.entries) == min(len(dataset.events), FEED_EVENTS)
    assert events.entries[0].link.endswith(f"#{max(dataset.events, key=lambda e: (e.date, e.id)).id}")
    corrections = feedparser.parse((real_site.site / "corrections.atom").read_bytes())
    assert corrections.bozo == 0
    assert len(corrections.entries) == min(sum(len(r.corrections) for r in dataset.all_records()), FEED_CORRECTIONS)


def test_every_cited_record_links_to_its_citations_in_four_formats(real_site: Build) -> None:
    dataset, _ = load_dataset(ROOT / "data")
    for e in dataset.events:
        page = real_site.event_page(e.id)
        html, up = page.read_text(encoding="utf-8"), real_site.up(page)
        for ext in ("txt", "bib", "ris", "json"):
            assert (real_site.site / "cite" / "events" / f"{e.id}.{ext}").is_file()
            assert f'href="{up}cite/events/{e.id}.{ext}"' in html
    source = dataset.sources[0]
    page = (real_site.site / "sources" / source.id / "index.html").read_text(encoding="utf-8")
    assert f'href="../../cite/sources/{source.id}.bib"' in page
    bib = bibtexparser.parse_string((real_site.site / "cite" / "sources" / f"{source.id}.bib").read_text(encoding="utf-8"))
    assert len(bib.entries) == 1 and not bib.failed_blocks
    ris = rispy.loads((real_site.site / "cite" / "all.ris").read_text(encoding="utf-8"))
    assert len(ris) == len(dataset.events) + len(dataset.figures) + len(dataset.claims) + len(dataset.sources)


def test_the_timelinejs_export_holds_every_event(real_site: Build) -> None:
    dataset, _ = load_dataset(ROOT / "data")
    doc = json.loads((real_site.site / "data" / "timeline.json").read_text(encoding="utf-8"))
    assert [s["unique_id"] for s in doc["events"]] == [e.id for e in dataset.events]


def test_the_downloads_page_lists_every_registered_file(real_site: Build) -> None:
    page = (real_site.site / "downloads" / "index.html").read_text(encoding="utf-8")
    for f in FILES:
        if f.description is not None:
            name = f.path if f.path.endswith("/") else f.path.rsplit("/", 1)[-1]
            assert name in page, f.path
