"""End to end: real strict builds of the real site and of small projects with bad data."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, Build, mkdocs_build

from explainer.kinds import KINDS
from explainer.load import load_dataset
from explainer.outputs import all_files as all_exports


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.srcs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag in ("a", "link") and a.get("href"):
            self.hrefs.append(a["href"])
        if tag in ("script", "img", "iframe", "source") and a.get("src"):
            self.srcs.append(a["src"])


def parse(path: Path) -> _Ids:
    p = _Ids()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def test_strict_build_has_no_warning(real_site: Build) -> None:
    assert "WARNING" not in real_site.output and "ERROR" not in real_site.output, real_site.output


def test_every_record_is_on_the_site_at_its_url_and_anchor(real_site: Build) -> None:
    site = real_site.site
    doc = json.loads((site / "data" / "dataset.json").read_text(encoding="utf-8"))
    glossary = parse(site / "glossary" / "index.html").ids
    numbers = parse(site / "numbers" / "index.html").ids
    claims = parse(site / "claims" / "index.html").ids
    shown: dict[Path, set[str]] = {}
    for e in doc["events"]:
        page = real_site.event_page(e["id"])
        assert e["id"] in shown.setdefault(page, parse(page).ids), e["id"]
    for t in doc["terms"]:
        assert t["id"] in glossary, t["id"]
    for f in doc["figures"]:
        assert f["id"] in numbers, f["id"]
    for c in doc["claims"]:
        assert c["id"] in claims, c["id"]
    for a in doc["actors"]:
        assert (site / "actors" / a["id"] / "index.html").is_file(), a["id"]
    for s in doc["sources"]:
        page = site / "sources" / s["id"] / "index.html"
        assert page.is_file(), s["id"]
        assert f'href="{s["url"].replace("&", "&amp;")}"' in page.read_text(encoding="utf-8") or s["url"] in page.read_text(encoding="utf-8")


def test_downloads_hold_the_whole_dataset(real_site: Build) -> None:
    dataset, problems = load_dataset(ROOT / "data")
    assert problems == []
    for name, content in all_exports(dataset).items():
        published = (real_site.site / name).read_text(encoding="utf-8")
        # The data files depend on the data alone; citations and feeds also on the site's
        # name, address, commit and date.
        if name in ("data/dataset.json", "data/events.csv", "data/schema.json"):
            assert published == content, name
    doc = json.loads((real_site.site / "data" / "dataset.json").read_text(encoding="utf-8"))
    assert {k: len(v) for k, v in doc.items() if k != "schema_version"} == dataset.counts()


def test_timeline_cites_sources_and_links_actors(real_site: Build) -> None:
    doc = json.loads((real_site.site / "data" / "dataset.json").read_text(encoding="utf-8"))
    refs = 0
    for page in {real_site.event_page(e["id"]) for e in doc["events"]}:
        html, up = page.read_text(encoding="utf-8"), real_site.up(page)
        refs += html.count('class="footnote-ref"')
        for e in doc["events"]:
            if real_site.event_page(e["id"]) == page:
                assert all(f'href="{up}actors/{a}/"' in html for a in e["actors"]), e["id"]
                assert all(f'href="{up}sources/{c["source"]}/"' in html for c in e["sources"]), e["id"]
    assert refs >= len(doc["events"])


def test_no_request_leaves_the_site(real_site: Build) -> None:
    """Scripts, styles, images and fonts all come from the site itself."""
    for page in real_site.site.rglob("*.html"):
        p = parse(page)
        assert not [s for s in p.srcs if re.match(r"^(https?:)?//", s)], page
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        for m in re.finditer(r'<link[^>]+href="([^"]+)"', html):
            assert not re.match(r"^(https?:)?//", m.group(1)) or 'rel="canonical"' in m.group(0), m.group(0)


def test_hand_written_pages_expand_citations_and_terms(mini_project: Path, tmp_path: Path) -> None:
    build = mkdocs_build(mini_project, tmp_path / "site")
    assert build.returncode == 0, build.output
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="sources/wire-2025-04-28/"' in html
    assert '<a class="ex-term" href="glossary/#kpa" title="North Korea\'s armed forces.">the army</a>' in html
    assert "<code>[[cite:not-a-shortcut-in-code]]</code>" in html
    assert '<a href="timeline/#2025-04-28-admission">28 April</a>' in html
    assert '<a href="actors/north-korea/">North Korea</a>' in html and '<a href="places/pyongyang/">Pyongyang</a>' in html
    assert html.count('class="footnote-ref"') == 2  # the two sources cited together share one mark


def _copy(mini_project: Path, tmp_path: Path) -> Path:
    project = tmp_path / "p"
    shutil.copytree(mini_project, project)
    return project


def test_bad_data_fails_the_build_listing_every_problem(mini_project: Path, tmp_path: Path) -> None:
    project = _copy(mini_project, tmp_path)
    events = project / "data" / "events" / "2025.yaml"
    events.write_text(
        events.read_text().replace("date: 2025-04-28", "date: 2025-02-30").replace("actors: [north-korea]\n  status: confirmed", "actors: [north-koreaa]\n  status: confirmed"),
        encoding="utf-8",
    )
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert "2 problems in data:" in build.output
    assert "data/events/2025.yaml:3:9: events[0].date: February 2025 has no day 30 ('2025-02-30'): it has 28 days" in build.output
    assert "data/events/2025.yaml:12:12: events[0].actors[0]: unknown actor 'north-koreaa' (did you mean 'north-korea'?)" in build.output
    assert "Traceback" not in build.output


def test_unknown_shortcut_fails_the_strict_build_with_its_location(mini_project: Path, tmp_path: Path) -> None:
    project = _copy(mini_project, tmp_path)
    (project / "docs" / "methodology.md").write_text("# M\n\nSee [[cite:wire-2025-04-29]].\n", encoding="utf-8")
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert "docs/methodology.md:3:12: [[cite:wire-2025-04-29]]: unknown source 'wire-2025-04-29' (did you mean 'wire-2025-04-28'?)" in build.output


def test_a_docs_page_may_not_shadow_a_generated_page(mini_project: Path, tmp_path: Path) -> None:
    project = _copy(mini_project, tmp_path)
    (project / "docs" / "timeline.md").write_text("# Mine\n", encoding="utf-8")
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert "docs/timeline.md shadows a page generated from data/" in build.output


def _digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_two_builds_are_byte_identical_even_on_different_days(mini_project: Path, tmp_path: Path) -> None:
    """SOURCE_DATE_EPOCH fixes the dates MkDocs writes (sitemap.xml and the gzip header of sitemap.xml.gz)."""
    a = mkdocs_build(mini_project, tmp_path / "a", env={"SOURCE_DATE_EPOCH": "1767225600"})
    b = mkdocs_build(mini_project, tmp_path / "b", env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert a.returncode == b.returncode == 0
    assert _digest(a.site) == _digest(b.site)
    c = mkdocs_build(mini_project, tmp_path / "c", env={"SOURCE_DATE_EPOCH": "1769904000"})
    assert _digest(a.site) != _digest(c.site), "the date must reach the sitemap, or this test proves nothing"


def test_edit_links_open_the_yaml_at_the_record_line(mini_project: Path, tmp_path: Path) -> None:
    """Every event, term, actor, source and claim links to its file at its own line on GitHub."""
    repo = "https://github.com/example/explainer"
    build = mkdocs_build(mini_project, tmp_path / "site", env={"REPO_URL": repo})
    assert build.returncode == 0, build.output
    pattern = re.compile(re.escape(repo) + r"/blob/main/(data/[a-z]+/[0-9a-z-]+\.yaml)#L([0-9]+)")
    seen: set[str] = set()
    for page in (tmp_path / "site").rglob("*.html"):
        for m in pattern.finditer(page.read_text(encoding="utf-8")):
            file, line = m.group(1), int(m.group(2))
            text = (mini_project / file).read_text(encoding="utf-8").splitlines()[line - 1]
            assert re.match(r"^- id: [0-9a-z-]+$", text), (page, file, line, text)
            seen.add(text.removeprefix("- id: "))
    doc = json.loads((tmp_path / "site" / "data" / "dataset.json").read_text(encoding="utf-8"))
    every = {r["id"] for kind in KINDS for r in doc[kind]}
    assert seen == every


def test_a_long_timeline_is_split_by_period_with_permalinks_that_resolve(mini_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past SPLIT_AT events the timeline gets a page per year (per month in a crowded year);
    every link to an event, anywhere on the site, must reach it (strict anchor validation)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from explainer.render import periods

    monkeypatch.setattr(periods, "SPLIT_AT", 2)
    monkeypatch.setattr(periods, "PAGE_EVENTS", 1)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    site = tmp_path / "site"
    build(load_config(config_file=str(mini_project / "mkdocs.yml"), site_dir=str(site), strict=True))
    assert (site / "timeline" / "2024" / "index.html").is_file()
    assert (site / "timeline" / "2025-04" / "index.html").is_file()
    assert (site / "timeline" / "2025-05" / "index.html").is_file()
    overview = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert 'href="2024/"' in overview and 'data-ex-timeline-index="ids.json"' in overview
    ids = json.loads((site / "timeline" / "ids.json").read_text(encoding="utf-8"))
    assert ids == {"2024-10-18-first-report": "2024/", "2025-04-28-admission": "2025-04/", "2025-05-month-only": "2025-05/"}
    april = (site / "timeline" / "2025-04" / "index.html").read_text(encoding="utf-8")
    assert 'id="2025-04-28-admission"' in april and 'href="../2024/"' in april and 'href="../2025-05/"' in april
    # Every period's page can look up an event that has moved (explainer.js).
    assert 'data-ex-timeline-index="../ids.json"' in april
    actor = (site / "actors" / "north-korea" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../timeline/2025-04/#2025-04-28-admission"' in actor
    # A hand-written [[event:...]] link follows the event to its period's page.
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="timeline/2025-04/#2025-04-28-admission">28 April</a>' in home
    # Up to LIST_ALL events the overview lists every event under its period, and the periods'
    # pages are in the search index (the overview's headlines are not, to show each once)...
    assert 'href="2025-04/#2025-04-28-admission"' in overview
    search = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    found = [d["location"] for d in search["docs"] if "North Korea admits the deployment" in d["title"] + d["text"]]
    assert found == ["timeline/2025-04/#2025-04-28-admission"], found
    # ...past it, a long story, the overview lists the periods, and the index leaves them out.
    monkeypatch.setattr(periods, "LIST_ALL", 2)
    build(load_config(config_file=str(mini_project / "mkdocs.yml"), site_dir=str(site), strict=True))
    overview = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert 'href="2024/"' in overview and "#2025-04-28-admission" not in overview
    search = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in search["docs"] if d["location"].startswith("timeline/2025-04/")]


def test_a_long_glossary_has_no_table_of_contents(mini_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MAX_TOC_ENTRIES terms the table of contents goes, from the sidebar and from the
    navigation (where the theme would otherwise repeat every entry)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from explainer.render import glossary

    def count_toc_links(site: Path) -> int:
        return (site / "glossary" / "index.html").read_text(encoding="utf-8").count('<a href="#kpa" class="md-nav__link">')

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    build(load_config(config_file=str(mini_project / "mkdocs.yml"), site_dir=str(tmp_path / "a"), strict=True))
    assert count_toc_links(tmp_path / "a") >= 1
    monkeypatch.setattr(glossary, "MAX_TOC_ENTRIES", 0)
    build(load_config(config_file=str(mini_project / "mkdocs.yml"), site_dir=str(tmp_path / "b"), strict=True))
    assert count_toc_links(tmp_path / "b") == 0
    assert 'id="kpa"' in (tmp_path / "b" / "glossary" / "index.html").read_text(encoding="utf-8")


def _grow_events(data: Path, target: int) -> int:
    """Copy the real events (new ids, same references and dates) until there are ``target``."""
    files = sorted((data / "events").glob("*.yaml"))
    records = [rec for f in files for rec in re.split(r"\n(?=- id: )", f.read_text(encoding="utf-8"))[1:]]
    n, copies = len(records), []
    k = 0
    while n + len(copies) < target:
        rec = records[k % len(records)]
        copies.append(re.sub(r"^- id: (\S+)", lambda m, k=k: f"- id: {m.group(1)[:70]}-c{k}", rec, count=1))
        k += 1
    (data / "events" / "grown.yaml").write_text("# Copies, for the growth test.\n" + "\n".join(copies) + "\n", encoding="utf-8")
    return n + len(copies)


@pytest.mark.slow
def test_the_real_docs_build_strictly_when_the_timeline_splits(tmp_path: Path) -> None:
    """Past 500 events the timeline splits into a page per year: every hand-written link to an
    event must follow its event there (they are [[event:...]] shortcuts), or the strict build
    fails on an anchor that moved."""
    from conftest import make_project

    project = make_project(tmp_path, languages=("en",))
    assert _grow_events(project / "data", 1000) == 1000
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    ids = json.loads((tmp_path / "site" / "timeline" / "ids.json").read_text(encoding="utf-8"))
    period = ids["2024-06-19-putin-arrives-pyongyang"]  # "2024/" or, in a crowded year, "2024-06/"
    assert period.startswith("2024") and (tmp_path / "site" / "timeline" / period / "index.html").is_file()
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert f'href="timeline/{period}#2024-06-19-putin-arrives-pyongyang"' in home
    # The map of a long story lists its places, not every event: it stays small.
    map_page = (tmp_path / "site" / "map" / "index.html").read_text(encoding="utf-8")
    assert "Showing all {total} places." in map_page and len(map_page) < 300_000


def test_hand_written_pages_link_records_only_through_shortcuts() -> None:
    """A Markdown link into a page that shows many records, or to a record's own page, would
    break when records move (the timeline splits, a record is renamed): docs/ uses [[event:]],
    [[actor:]], [[source:]], [[term:]], ... instead."""
    pattern = re.compile(r"\]\((?:\.\./)*(timeline|glossary|numbers|claims)\.md#|\]\((?:\.\./)*(actors|sources|places)/(?!index\.md)[^)]+\.md")
    for page in sorted((ROOT / "docs").rglob("*.md")):
        found = [m.group(0) for m in pattern.finditer(page.read_text(encoding="utf-8"))]
        assert found == [], f"{page.relative_to(ROOT)}: {found[:3]}"
