"""Archived copies and dead links: what the validator accepts, and what the reader is shown.

The rendered test builds the real site with one real source (the Reuters report of
4 January 2024, via Nasdaq) marked dead with an archived copy, and another marked dead
without one. The marks are made by the link keeper's own writer; the archive timestamp is
a fixture, not a claim about the Archive.
"""

from __future__ import annotations

import functools
import http.server
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import ROOT, make_project, mkdocs_build

import tools.linkkeeper  # noqa: F401
from explainer.archives import ArchiveError, parse_archive, same_page, unarchived_confirmed
from explainer.dates import parse_date
from explainer.kinds import KINDS
from explainer.load import load_dataset
from explainer.validate import records_from_node
from explainer.yamlread import read_yaml
from tools.linkkeeper.yamledit import Edit, apply

D = parse_date
URL = "https://news.example/2024/10/18/story.html"
BASE = f"""\
- id: a-source
  publisher: P
  title: T
  published: 2024-10-18
  url: {URL}
  accessed: 2026-11-27
  type: newspaper
  language: en
"""


def problems(extra: str) -> list[str]:
    text = BASE + extra
    result = records_from_node(KINDS["sources"], read_yaml(text.encode(), "s.yaml"), "s.yaml", D("2026-12-03"))
    return [f"{p.path}: {p.message}" for p in result.ctx.problems]


@pytest.mark.parametrize(
    "archive",
    [
        f"https://web.archive.org/web/20241018093000/{URL}",
        "https://web.archive.org/web/20241018093000/http://www.news.example/2024/10/18/story.html/",
        f"https://web.archive.org/web/2024/{URL}",
        f"https://web.archive.org/web/20241018093000id_/{URL}",
        f"https://archive.ph/20241018093000/{URL}",
        f"https://archive.today/2024.10.18-093000/{URL}",
    ],
)
def test_archives_of_the_source_are_accepted(archive):
    assert problems(f"  archive_url: {archive}\n") == []


@pytest.mark.parametrize(
    ("archive", "message"),
    [
        (
            "https://web.archive.org/web/20241018093000/https://news.example/other.html",
            "a copy of https://news.example/other.html",
        ),
        ("https://archive.ph/AbCd1", "short link"),
        ("https://example.org/mirror/story.html", "not an archived copy"),
        ("https://web.archive.org/web/20241399000000/" + URL, "not a date"),
        ("https://archive.ph.evil.example/20241018093000/" + URL, "not an archived copy"),
    ],
)
def test_other_archive_urls_are_rejected(archive, message):
    found = problems(f"  archive_url: {archive}\n")
    assert len(found) == 1 and found[0].startswith("sources[0].archive_url:") and message in found[0], found


@pytest.mark.parametrize(
    ("status", "message"),
    [
        ("    status: gone\n    checked: 2026-12-03\n", "needs 'failing_since'"),
        ("    status: live\n    checked: 2026-12-03\n    failing_since: 2026-12-01\n", "not a failure"),
        (
            "    status: gone\n    checked: 2026-12-03\n    failing_since: 2026-12-09\n",
            "after the last check",
        ),
        ("    status: redirected\n    checked: 2026-12-03\n", "needs 'final_url'"),
        ("    status: live\n    checked: 2026-12\n", "not a day"),
        ("    status: dead\n    checked: 2026-12-03\n", "is not one of"),
        (f"    status: redirected\n    checked: 2026-12-03\n    final_url: {URL}\n", "the url itself"),
    ],
)
def test_inconsistent_link_statuses_are_rejected(status, message):
    found = problems("  link_status:\n" + status)
    assert len(found) == 1 and message in found[0], found


def test_the_parsed_archive_gives_its_service_date_and_original():
    got = parse_archive(f"https://web.archive.org/web/20241018093000/{URL}")
    assert (got.service, got.captured, got.original) == ("Wayback Machine", D("2024-10-18"), URL)
    assert parse_archive(f"https://archive.is/2024.10.18-093000/{URL}").captured == D("2024-10-18")
    with pytest.raises(ArchiveError):
        parse_archive("https://archive.org/details/something")
    assert same_page("http://WWW.news.example:80/a/", "https://news.example/a")
    assert not same_page("https://news.example/a?x=1", "https://news.example/a?x=2")


def test_the_warning_names_sources_of_confirmed_events_without_a_copy():
    dataset, errors = load_dataset(ROOT / "data")
    assert errors == []
    warned = unarchived_confirmed(dataset)
    confirmed_sources = {
        c.source for e in dataset.events if e.status == "confirmed" for c in e.citations()
    }
    assert warned and {s.id for s in warned} <= confirmed_sources
    assert all(s.archive_url is None for s in warned)


def test_validate_prints_the_warning_and_still_passes():
    proc = subprocess.run(
        [sys.executable, "hooks/validate.py", "--warnings"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    n = len(unarchived_confirmed(load_dataset(ROOT / "data")[0]))
    assert f"warning: {n} sources cited by confirmed events have no archived copy" in proc.stderr
    assert proc.stderr.count(": warning: no archived copy") == n


# --- on the site -------------------------------------------------------------------------

DEAD_ARCHIVED = "reuters-nasdaq-2024-01-04-missiles-launchers"
DEAD_BARE = "wion-2024-01-04-us-claims-missiles"
SNAPSHOT = "20240105101500"
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"


def mark_dead(data: Path) -> str:
    """Mark the two sources dead in data/sources/2024.yaml with the link keeper's writer; the archived URL."""
    path = data / "sources" / "2024.yaml"
    text = path.read_text(encoding="utf-8")
    root = read_yaml(text.encode("utf-8"), path.name)
    index = {node.items["id"][1].text: i for i, node in enumerate(root.items)}
    url = root.items[index[DEAD_ARCHIVED]].items["url"][1].text
    archive = f"https://web.archive.org/web/{SNAPSHOT}/{url}"
    dead = {"status": "gone", "code": 404, "checked": D("2026-12-10"), "failing_since": D("2026-12-03")}
    timeout = {"status": "timeout", "checked": D("2026-12-10"), "failing_since": D("2026-11-26")}
    path.write_text(
        apply(text, root, [Edit(index[DEAD_ARCHIVED], archive, dead), Edit(index[DEAD_BARE], None, timeout)]),
        encoding="utf-8",
    )
    return archive


@pytest.fixture(scope="module")
def dead_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dead")
    project = make_project(tmp, languages=("en",))
    archive = mark_dead(project / "data")
    build = mkdocs_build(project, tmp / "site", env={"SOURCE_DATE_EPOCH": "1800000000"})
    assert build.returncode == 0, build.output
    return build.site, archive


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_source_page_says_the_original_is_dead_and_links_the_copy(dead_site):
    site, archive = dead_site
    html = (site / "sources" / DEAD_ARCHIVED / "index.html").read_text(encoding="utf-8")
    text = text_of(html)
    assert "Original link dead as of 10 December 2026; archived copy of 5 January 2024" in text
    notice = html[html.index('class="admonition warning"') :]
    assert "archived copy of 5 January 2024" in text_of(notice[notice.index(f'href="{archive}"') :][:200])
    assert "Archived copy" in text and "(Wayback Machine, 5 January 2024)" in text
    assert "Link checked 10 December 2026: dead: gone" in text


def test_a_citation_of_the_dead_source_links_its_archived_copy(dead_site):
    site, archive = dead_site
    pages = [p for p in site.rglob("index.html") if f'href="{archive}"' in p.read_text(encoding="utf-8")]
    footnoted = [p for p in pages if "sources" not in p.relative_to(site).parts]
    assert footnoted, "no page outside the source's own cites the archived copy"
    html = footnoted[0].read_text(encoding="utf-8")
    note = html[html.index(f'href="{archive}"') - 200 : html.index(f'href="{archive}"') + 300]
    assert "original link dead as of 10 December 2026; archived copy of 5 January 2024" in text_of(note)


def test_a_dead_source_without_a_copy_is_flagged_and_listed(dead_site):
    site, _ = dead_site
    page = text_of((site / "sources" / DEAD_BARE / "index.html").read_text(encoding="utf-8"))
    assert "Original link dead, no archived copy" in page and "no archived copy known" in page
    methodology = (site / "methodology" / "index.html").read_text(encoding="utf-8")
    assert "1 dead source has no archived copy" in text_of(methodology)
    assert f'href="../sources/{DEAD_BARE}/"' in methodology
    assert DEAD_ARCHIVED not in methodology.split("Links that stop working")[-1].split("</ul>")[0]


def test_the_real_site_lists_no_dead_source(real_site):
    methodology = text_of((real_site.site / "methodology" / "index.html").read_text(encoding="utf-8"))
    assert "No source is known to be dead without an archived copy." in methodology


@pytest.mark.browser
def test_screenshot_of_a_dead_source(dead_site, browser):
    site, archive = dead_site
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(
            f"http://127.0.0.1:{server.server_address[1]}/sources/{DEAD_ARCHIVED}/", wait_until="load"
        )
        notice = page.locator(".admonition.warning")
        assert notice.is_visible() and "Original link dead" in notice.inner_text()
        assert page.locator(f'.admonition a[href="{archive}"]').count() == 1
        page.screenshot(path=str(ARTIFACTS / "source-dead-archived-1280.png"), full_page=True)
        page.set_viewport_size({"width": 360, "height": 800})
        page.screenshot(path=str(ARTIFACTS / "source-dead-archived-360.png"), full_page=True)
        page.close()
    finally:
        server.shutdown()
        server.server_close()
