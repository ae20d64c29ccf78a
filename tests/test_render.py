"""Renderers are pure functions from the dataset to text: compared with golden files.

Set UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, then read the diff.
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
from pathlib import Path

import pytest
from badcases import AS_OF, MINI

from explainer.load import load_dataset
from explainer.outputs import all_files as all_exports
from explainer.outputs import all_pages
from explainer.render.context import Ctx
from explainer.shortcuts import check_shortcuts, expand_shortcuts

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def dataset():
    ds, problems = load_dataset(MINI / "data", as_of=AS_OF)
    assert problems == []
    return ds


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


REPO = "https://github.com/example/explainer/blob/main/"
PAGES = ["corrections.md", "timeline.md", "numbers.md", "actors/index.md", "actors/north-korea.md", "glossary.md",
         "sources/index.md", "sources/paper-2024-10-18.md", "claims.md", "downloads.md"]


@pytest.mark.parametrize("uri", PAGES)
def test_page_matches_golden(dataset, uri: str) -> None:
    _golden(uri.replace("/", "__"), all_pages(dataset, repo=REPO)[uri])


def test_every_record_gets_a_page_or_an_anchor(dataset) -> None:
    pages = all_pages(dataset)
    for a in dataset.actors:
        assert f"actors/{a.id}.md" in pages
    for s in dataset.sources:
        assert f"sources/{s.id}.md" in pages
    for e in dataset.events:
        assert f"{{ #{e.id} }}" in pages["timeline.md"]
    for t in dataset.terms:
        assert f"{{ #{t.id} }}" in pages["glossary.md"]
    for f in dataset.figures:
        assert f'<span id="{f.id}"></span>' in pages["numbers.md"]
    for c in dataset.claims:
        assert f"{{ #{c.id} }}" in pages["claims.md"]


def test_rendering_is_deterministic(dataset) -> None:
    assert all_pages(dataset) == all_pages(dataset)
    assert all_exports(dataset) == all_exports(dataset)


def test_dataset_json_has_every_kind_with_ids_and_iso_dates(dataset) -> None:
    doc = json.loads(all_exports(dataset)["data/dataset.json"])
    assert doc["schema_version"] == "2.0"
    assert {k: len(v) for k, v in doc.items() if k != "schema_version"} == dataset.counts()
    assert all("id" in r for kind in dataset.counts() for r in doc[kind])
    dates = {e["id"]: e["date"] for e in doc["events"]}
    assert dates["2025-04-28-admission"] == "2025-04-28"
    assert dates["2025-05-month-only"] == "2025-05"
    first = next(e for e in doc["events"] if e["id"] == "2024-10-18-first-report")
    assert first["sources"] == [{"source": "paper-2024-10-18", "locator": "paragraph 2"}]
    assert first["origin"] == {"file": "data/events/2024.yaml", "line": 2}


def test_events_csv_has_one_row_per_event(dataset) -> None:
    rows = list(csv.DictReader(io.StringIO(all_exports(dataset)["data/events.csv"])))
    assert [r["id"] for r in rows] == [e.id for e in dataset.events]
    assert rows[2]["date"] == "2025-05" and rows[2]["precision"] == "month" and rows[2]["approximate"] == "true"


SHORTCUT_CASES = [
    ("See [[cite:wire-2025-04-28]].", "See [^wire-2025-04-28]."),
    # Sources cited together share one number (one tooltip lists them all).
    ("[[cite:wire-2025-04-28, paper-2024-10-18]]", "[^wire-2025-04-28.and.1]"),
    ("The [[term:kpa]] fought.", "The [Korean People&#39;s Army]"),
    ("The [[term:kpa|army]] fought.", "The [army](/glossary.md#kpa){ .ex-term } fought."),
    ("`[[cite:nope]]` stays", "`[[cite:nope]]` stays"),
    ("```\n[[cite:nope]]\n```", "```\n[[cite:nope]]\n```"),
]


@pytest.mark.parametrize(("text", "expected"), SHORTCUT_CASES)
def test_shortcuts_expand(dataset, text: str, expected: str) -> None:
    out = expand_shortcuts(text, Ctx(dataset))
    if "Korean People" in expected:
        assert out.startswith("The [Korean People's Army](/glossary.md#kpa){ .ex-term }")
    else:
        assert out.split("\n\n[^")[0] == expected


def test_cited_shortcut_adds_a_footnote_with_the_full_citation(dataset) -> None:
    out = expand_shortcuts("See [[cite:paper-2024-10-18]].", Ctx(dataset))
    assert out.endswith(
        # A supplied title (the headline was not recorded) is shown in square brackets.
        "[^paper-2024-10-18]: Example Paper: A. Writer, &#91;Spy agency says 1,500 troops left&#93;, 18 October 2024. "
        "[About this source](/sources/paper-2024-10-18.md)\n"
    )


def test_unknown_shortcut_ids_are_located_problems(dataset) -> None:
    text = "# Page\n\nText [[cite:wire-2025-04-29]] and [[term:kap]].\n\n`[[cite:fine]]`\n"
    assert [str(p) for p in check_shortcuts(text, dataset, "docs/page.md")] == [
        "docs/page.md:3:13: [[cite:wire-2025-04-29]]: unknown source 'wire-2025-04-29' (did you mean 'wire-2025-04-28'?)",
        "docs/page.md:3:42: [[term:kap]]: unknown term 'kap' (did you mean 'kpa'?)",
    ]


def test_citations_are_numbered_in_reading_order(dataset) -> None:
    out = expand_shortcuts("A.[[cite:paper-2024-10-18]] B.[[cite:wire-2025-04-28]]", Ctx(dataset))
    assert out.index("[^paper-2024-10-18]") < out.index("[^wire-2025-04-28]")
    defs = out.split("\n\n", 1)[1]
    assert defs.index("[^paper-2024-10-18]:") < defs.index("[^wire-2025-04-28]:")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The Korean People's Army and the KPA.", ["Korean People's Army", "KPA"]),
        ("the korean people's army", []),  # case matters past the first letter
        ("KPA-led units and KPAX", []),  # whole words only
        ("Under the korean People's", []),
        ("Nothing here.", []),
    ],
)
def test_glossary_names_are_found_as_whole_words(dataset, text: str, found: list[str]) -> None:
    import re

    import markdown

    from explainer.termlinks import TermLinkExtension

    ext = TermLinkExtension()
    ext.set_terms(dataset.terms)
    matched = list(ext.matches(text))
    assert [text[s:e] for s, e, _ in matched] == found
    # The linker, which looks only where a name can start, links the first of each term.
    first: dict[str, str] = {}
    for s, e, term in matched:
        first.setdefault(term.id, text[s:e])
    linked = re.findall(r'<a class="ex-term"[^>]*>([^<]*)</a>', markdown.markdown(text, extensions=[ext]))
    assert [html.unescape(t) for t in linked] == list(first.values())


def test_sources_cited_together_share_one_note_linking_each_source(dataset) -> None:
    out = expand_shortcuts("A.[[cite:wire-2025-04-28, paper-2024-10-18]] B.[[cite:wire-2025-04-28]] C.[[cite:paper-2024-10-18, wire-2025-04-28]]", Ctx(dataset))
    assert out.startswith("A.[^wire-2025-04-28.and.1] B.[^wire-2025-04-28] C.[^paper-2024-10-18.and.1]")
    assert (
        "[^wire-2025-04-28.and.1]: [Example Wire](/sources/wire-2025-04-28.md): \u201cState media says troops were sent\u201d, "
        "28 April 2025; [Example Paper](/sources/paper-2024-10-18.md): A. Writer, &#91;Spy agency says 1,500 troops left&#93;, "
        "18 October 2024.\n"
    ) in out


def test_a_crowded_month_is_cut_into_pages_of_whole_days_and_none_holds_too_many(monkeypatch) -> None:
    """However the events crowd (the grown benchmark data puts hundreds on one day), no
    timeline page shows more than PAGE_EVENTS events; a month's pages keep whole days where
    they fit, every event is on exactly one page, in date order, and each page has its own key."""
    from types import SimpleNamespace

    from explainer.dates import PartialDate
    from explainer.i18n import catalogue
    from explainer.model import Dataset
    from explainer.render import periods

    monkeypatch.setattr(periods, "SPLIT_AT", 4)
    monkeypatch.setattr(periods, "PAGE_EVENTS", 4)
    days = [(2024, 10, 1, 3), (2024, 10, 2, 2), (2024, 10, 3, 9), (2024, 10, 4, 1), (2025, 1, 5, 2)]
    events = tuple(
        SimpleNamespace(id=f"e{y}-{m}-{d}-{i}", date=PartialDate(y, m, d)) for y, m, d, n in days for i in range(n)
    )
    split = periods.parts(Dataset({"events": events}))
    assert [e for p in split for e in p.events] == list(events)
    assert all(len(p.events) <= 4 for p in split)
    assert [p.key for p in split] == ["2024-10", "2024-10-2", "2024-10-3", "2024-10-4", "2024-10-5", "2025"]
    assert [len(p.events) for p in split] == [3, 2, 4, 4, 2, 2]  # 1 Oct; 2 Oct; 3 Oct cut in three (4, 4, 1+4 Oct)
    tr = catalogue("en")
    assert [p.title(tr) for p in split] == [
        "1 October 2024",
        "2 October 2024",
        "3 October 2024 (1)",
        "3 October 2024 (2)",
        "3 October 2024 to 4 October 2024",
        "2025",
    ]
    assert len({p.uri for p in split}) == len(split)


def test_a_long_story_keeps_its_disclosures_and_corrections_pages_small(monkeypatch) -> None:
    """Past LIST_ALL events the disclosures page lists only the events with a recorded
    later disclosure (the timeline lists the rest), and the corrections page the newest
    SHOWN corrections, saying how many there are in all."""
    from conftest import ROOT

    from explainer.render import corrections, disclosures, periods

    real, problems = load_dataset(ROOT / "data")
    assert not problems
    later = [e for e in real.events if e.disclosed is not None]
    found = corrections.entries(Ctx(real))
    assert later and len(found) > 3

    def rows(markdown: str) -> list[str]:
        return [line for line in markdown.splitlines() if line.startswith("- **")]

    assert len(rows(disclosures.page(Ctx(real)).markdown)) == len(real.events)
    monkeypatch.setattr(periods, "LIST_ALL", len(real.events) - 1)
    short = disclosures.page(Ctx(real)).markdown
    assert len(rows(short)) == len(later) and "the timeline lists them" in short

    monkeypatch.setattr(corrections, "SHOWN", 3)
    (page,) = corrections.pages(Ctx(real))
    listed = [line for line in page.markdown.splitlines() if line.startswith("- **")]
    assert len(listed) == 3 and f"The 3 newest of all {len(found)} corrections" in page.markdown


def test_terms_are_linked_in_prose_but_not_in_the_footnotes_that_cite_sources(dataset) -> None:
    import markdown

    from explainer.termlinks import TermLinkExtension

    ext = TermLinkExtension()
    ext.set_terms(dataset.terms)
    md = markdown.Markdown(extensions=["footnotes", ext])
    cited = md.convert("A report.[^1]\n\n[^1]: Example Paper, \u201cThe KPA moves\u201d.")
    assert "ex-term" not in cited and "The KPA moves" in cited
    prose = md.reset().convert("The KPA moved.[^1]\n\n[^1]: Example Paper, \u201cThe KPA moves\u201d.")
    assert prose.count('class="ex-term"') == 1 and prose.index('class="ex-term"') < prose.index('class="footnote"')
