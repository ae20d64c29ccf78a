"""Cite this: every citation of every event, figure, claim and source of the real data
parses, as the right item type, in the libraries reference managers build on:
bibtexparser (BibTeX), rispy (RIS) and citeproc-py (CSL-JSON, rendered in a Harvard style).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import bibtexparser
import citeproc.types
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from explainer import cite
from explainer.dates import PartialDate
from explainer.kinds.sources import SOURCE_TYPES, Source
from explainer.load import load_dataset
from explainer.model import Correction

ROOT = Path(__file__).resolve().parent.parent
COMMIT = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c"
BUILT = PartialDate(2026, 12, 3)
SITE = "https://example.org/explainer/"

# Written out here, not imported: the test must fail if the module's table changes.
# source type -> (BibTeX type, RIS type, CSL type)
NEWS = ("article", "NEWS", "article-newspaper")
EXPECTED_SOURCE_TYPES = {
    "wire-service": NEWS,
    "newspaper": NEWS,
    "news-site": NEWS,
    "broadcaster": NEWS,
    "state-media": NEWS,
    "magazine": ("article", "MGZN", "article-magazine"),
    "think-tank": ("report", "RPRT", "report"),
    "intelligence-assessment": ("report", "RPRT", "report"),
    "government-record": ("report", "GOVDOC", "report"),
    "official-statement": ("online", "ELEC", "webpage"),
    "international-organisation": ("online", "ELEC", "webpage"),
    "reference": ("online", "ELEC", "webpage"),
}
OUR_RECORD_TYPE = ("online", "ELEC", "webpage")


def url_of(record) -> str:
    return f"{SITE}{record.KIND}/{record.id}/"


def title_of(record) -> str:
    if record.KIND == "figures":
        return f"{record.measure}: {record.value or record.low}, according to {record.claimant}"
    return record.claim if record.KIND == "claims" else record.title


@pytest.fixture(scope="module")
def dataset():
    data, problems = load_dataset(ROOT / "data", as_of=BUILT)
    assert not problems
    return data


CTX = cite.Context("North Korean troops in Russia", url_of, title_of, COMMIT, BUILT)


def records_of(dataset, kind: str) -> list:
    records = list(getattr(dataset, kind))
    assert records, f"the real data has no {kind}"
    return records


def expected(record) -> tuple[str, str, str]:
    return EXPECTED_SOURCE_TYPES[record.type] if isinstance(record, Source) else OUR_RECORD_TYPE


def expected_title(record) -> str:
    if isinstance(record, Source):
        return f"[{record.title}]" if record.title_supplied else record.title
    return title_of(record)


def expected_url(record) -> str:
    return record.url if isinstance(record, Source) else url_of(record)


def parse_bib(text: str):
    """Parsed, with LaTeX decoded in every field but ``url`` (a verbatim field, read raw)."""
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    raw = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    for decoded, verbatim in zip(library.entries, raw.entries, strict=True):
        if "url" in verbatim.fields_dict:
            decoded["url"] = verbatim["url"]
    return library


def unlatex(value: str) -> str:
    """A decoded braced value; pylatexenc reads \\textasciicircum as U+02C6, LaTeX prints '^'."""
    value = value[1:-1] if value.startswith("{") and value.endswith("}") else value
    return value.replace("\u02c6", "^")


STYLE = CitationStylesStyle("harvard-cite-them-right", validate=False)


def render_csl(items: list[dict]) -> list[str]:
    bib = CitationStylesBibliography(STYLE, CiteProcJSON(items), formatter.plain)
    for it in items:
        bib.register(Citation([CitationItem(it["id"])]))
    return [str(entry) for entry in bib.bibliography()]


KINDS = ("events", "figures", "claims", "sources")


def test_every_source_type_has_its_item_types():
    assert set(EXPECTED_SOURCE_TYPES) == set(SOURCE_TYPES) == set(cite.SOURCE_TYPES)
    for name, (bib, ris_type, csl_type) in EXPECTED_SOURCE_TYPES.items():
        assert (cite.SOURCE_TYPES[name][0], *cite.SOURCE_TYPES[name][2:]) == (bib, ris_type, csl_type)


@pytest.mark.parametrize("kind", KINDS)
def test_bibtex_parses_as_the_right_type(dataset, kind):
    for record in records_of(dataset, kind):
        library = parse_bib(cite.bibtex(record, CTX))
        assert len(library.entries) == 1, record.id
        entry = library.entries[0]
        assert entry.entry_type == expected(record)[0], (record.id, entry.entry_type)
        assert entry.key == cite.key_of(record)
        fields = entry.fields_dict
        assert unlatex(fields["title"].value) == expected_title(record)
        assert fields["url"].value == expected_url(record)
        assert COMMIT in fields["note"].value
        assert url_of(record) in (fields["note"].value if isinstance(record, Source) else fields["url"].value)
        if entry.entry_type == "article":
            assert fields["journal"].value == record.publisher
            assert fields["entrysubtype"].value in ("newspaper", "magazine")
        if isinstance(record, Source) and record.author:
            authors = [unlatex(a.strip()) for a in fields["author"].value.split(" and ")]
            assert authors == list(cite.split_authors(record.author))


@pytest.mark.parametrize("kind", KINDS)
def test_ris_parses_as_the_right_type(dataset, kind):
    for record in records_of(dataset, kind):
        entries = rispy.loads(cite.ris(record, CTX))
        assert len(entries) == 1, record.id
        entry = entries[0]
        assert entry["type_of_reference"] == expected(record)[1], record.id
        assert entry["title"] == expected_title(record)
        assert entry["urls"] == [expected_url(record)]
        assert any(COMMIT in n for n in entry["notes"])
        published = record.published if isinstance(record, Source) else (cite.last_changed(record) or BUILT)
        assert entry["year"] == str(published.year)
        if isinstance(record, Source):
            assert entry["access_date"] == f"{record.accessed.iso().replace('-', '/')}/"
            assert entry.get("authors", []) == list(cite.split_authors(record.author))


@pytest.mark.parametrize("kind", KINDS)
def test_csl_json_renders_in_a_harvard_style(dataset, kind):
    records = records_of(dataset, kind)
    items = json.loads(cite.csl_json(records, CTX))
    assert [it["id"] for it in items] == [cite.key_of(r) for r in records]
    for record, it in zip(records, items, strict=True):
        assert it["type"] == expected(record)[2], record.id
        assert it["type"] in vars(citeproc.types).values()
        assert COMMIT in it["note"]
        (text,) = render_csl([it])
        text = " ".join(text.split())
        title = " ".join(expected_title(record).split())
        assert title.casefold() in text.casefold(), (title, text)
        assert expected_url(record) in text


def test_plain_text_names_the_title_url_and_commit(dataset):
    for record in (*dataset.events, *dataset.figures, *dataset.claims, *dataset.sources):
        text = cite.plain(record, CTX)
        assert "\n" not in text
        assert expected_title(record).split()[0] in text and expected_url(record) in text
        assert COMMIT in text and url_of(record) in text


def test_dates_of_our_records_are_their_last_change_else_the_build(dataset):
    corrected = next(e for e in dataset.events if e.corrections)
    item = cite.csl(corrected, CTX)
    last = max(c.date for c in corrected.corrections)
    assert item["issued"] == {"date-parts": [[last.year, last.month, last.day]]}
    assert item["accessed"] == {"date-parts": [[2026, 12, 3]]}
    fresh = dataclasses.replace(corrected, corrections=(), reviewed=None)
    assert cite.csl(fresh, CTX)["issued"] == {"date-parts": [[2026, 12, 3]]}
    later = dataclasses.replace(corrected, corrections=(Correction(date=PartialDate(2026, 11, 30), change="x"),))
    assert cite.csl(later, CTX)["issued"] == {"date-parts": [[2026, 11, 30]]}


def test_partial_dates_stay_partial(dataset):
    month = next(s for s in dataset.sources if s.published.precision == "month")
    assert cite.csl(month, CTX)["issued"] == {"date-parts": [[month.published.year, month.published.month]]}
    assert f"DA  - {month.published.year}/{month.published.month:02d}//" in cite.ris(month, CTX)
    assert f"date = {{{month.published.iso()}}}" in cite.bibtex(month, CTX)


def hostile_source(dataset) -> Source:
    return dataclasses.replace(
        dataset.sources[0],
        title="50% of {troops} & $5 #1 a_b ~x^2 \\end{document} 북한군 Северная Корея\nER  - ",
        author="Kim Min-young; O'Brien, Jr",
        url="https://example.com/a%20b?x=1&y={2}#frag",
        title_supplied=False,
    )


def test_hostile_text_is_escaped_and_kept(dataset):
    source = hostile_source(dataset)
    title = " ".join(source.title.split())  # one line: RIS and BibTeX values cannot span lines
    entry = parse_bib(cite.bibtex(source, CTX)).entries[0]
    assert unlatex(entry.fields_dict["title"].value) == title
    assert "북한군 Северная Корея" in cite.bibtex(source, CTX)  # Unicode kept, not LaTeX-encoded
    assert "\\%" in cite.bibtex(source, CTX) and "\\&" in cite.bibtex(source, CTX)
    assert entry.fields_dict["url"].value == "https://example.com/a%20b?x=1&y=%7B2%7D#frag"
    entries = rispy.loads(cite.ris(source, CTX))
    assert len(entries) == 1 and entries[0]["title"] == title
    assert entries[0]["authors"] == ["Kim Min-young", "O'Brien, Jr"]
    assert json.loads(cite.csl_json([source], CTX))[0]["title"] == source.title


def test_no_commit_is_said_not_invented(dataset):
    ctx = dataclasses.replace(CTX, commit=None)
    for text in cite.record_files(dataset.events[0], ctx).values():
        assert "commit not recorded" in text and "None" not in text


def test_dataset_files_hold_every_record_once_and_are_deterministic(dataset):
    records = cite.cited_records(dataset)
    files = cite.dataset_files(dataset, CTX)
    library = parse_bib(files["bib"])
    keys = [e.key for e in library.entries]
    assert len(keys) == len(records) == len(set(keys))
    assert len(rispy.loads(files["ris"])) == len(records)
    items = json.loads(files["json"])
    assert [i["id"] for i in items] == keys
    assert len(render_csl(items)) == len(records)
    ctx_date = dataclasses.replace(CTX, built=dt.date(2026, 12, 3))
    assert cite.dataset_files(dataset, ctx_date) == files  # a datetime.date works the same
    assert all(text.endswith("\n") and "\r" not in text for text in files.values())


def test_a_translated_citation_says_its_words_in_its_language(dataset):
    """The other languages' citation files name the access date and the commit in their own
    words and dates; the facts (title, URL, commit) are the English ones."""
    from explainer.i18n import catalogue

    ko = catalogue("ko")
    ctx = cite.Context("North Korean troops in Russia", url_of, title_of, COMMIT, BUILT, tr=ko)
    source = dataclasses.replace(dataset.sources[0], archive_url="https://archive.example/copy")
    text = cite.plain(source, ctx)
    assert "accessed" not in text and "commit" not in text and "archived copy" not in text
    assert "보관본: https://archive.example/copy" in text
    assert f"접속일: {ko.date(source.accessed)}" in text and COMMIT in text and source.url in text
    event = dataset.events[0]
    assert f"기록 events/{event.id}; 커밋 {COMMIT}에서" in cite.plain(event, ctx)
    assert "accessed" in cite.plain(source, CTX)  # English, the source language, as before
