"""The site in four languages: built together, the same pages and records in each, a menu
that lands on the same record, search in each language's script, and each page marked with
its language. (The translations themselves are checked in test_translations.)"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, Build, make_project, mkdocs_build

LANGS = ("ko", "uk", "ru")


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in LANGS}


def test_every_language_has_every_page_marked_with_its_language(real_site: Build) -> None:
    english = _pages(real_site.site)
    assert len(english) > 300
    for lang in LANGS:
        assert _pages(real_site.site / lang) == english, lang
        for rel in ("index.html", "timeline/index.html", "glossary/index.html", "map/index.html"):
            html = (real_site.site / lang / rel).read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in html, (lang, rel)
    assert '<html lang="en"' in (real_site.site / "index.html").read_text(encoding="utf-8")


def test_the_language_menu_links_each_page_to_itself_in_every_language(real_site: Build) -> None:
    html = (real_site.site / "ko" / "timeline" / "index.html").read_text(encoding="utf-8")
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+" class="md-select__link"', html))
    assert {v: k for k, v in links.items()} == {"en": "../../timeline/", "ko": "../timeline/", "uk": "../../uk/timeline/",
                                                 "ru": "../../ru/timeline/"}


def test_pages_read_in_their_language_with_records_translated(real_site: Build) -> None:
    admission = "2025-04-28-dprk-admits-deployment"
    ko = real_site.event_page(admission, "ko").read_text(encoding="utf-8")
    uk = real_site.event_page(admission, "uk").read_text(encoding="utf-8")
    ru = (real_site.site / "ru" / "numbers" / "index.html").read_text(encoding="utf-8")
    assert "2025년 4월 28일" in ko and "김정은" in ko
    assert "28 квітня 2025" in uk and "Курськ" in uk
    assert "Ким Чен Ын" in (real_site.site / "ru" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"\d\u00a0\d{3}", ru)  # 12 000: Russian groups digits with a no-break space
    # Every permalink anchor is the same in every language.
    ids = set(re.findall(r'<div class="ex-event"[^>]*>\s*<h4 id="([^"]+)"', real_site.event_page(admission).read_text()))
    assert ids and ids == set(re.findall(r'<div class="ex-event"[^>]*>\s*(?:<p[^>]*>.*?</p>\s*)?<h4 id="([^"]+)"', ko, re.S))


def test_the_sitemap_names_every_page_in_every_language(tmp_path: Path) -> None:
    fixtures = Path(__file__).parent / "fixtures" / "mini"
    project = make_project(tmp_path, fixtures / "data", fixtures / "docs")
    build = mkdocs_build(project, tmp_path / "site", env={"SITE_URL": "https://example.org/explainer/"})
    assert build.returncode == 0, build.output
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert '<xhtml:link rel="alternate" hreflang="ko" href="https://example.org/explainer/ko/timeline/"/>' in sitemap
    assert '<xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/explainer/timeline/"/>' in sitemap
    ko = (tmp_path / "site" / "ko" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/explainer/ko/timeline/</loc>" in ko
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="uk" href="uk/">' in home


# --- in the browser ---------------------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(real_site: Build) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(real_site.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _page_kinds() -> dict[str, str]:
    doc = {"actors": sorted((ROOT / "data" / "actors").glob("*.yaml"))}
    first_actor = re.search(r"^- id: (\S+)", doc["actors"][0].read_text(encoding="utf-8"), re.M).group(1)
    return {
        "home": "", "timeline": "timeline/", "numbers": "numbers/", "map": "map/", "actors": "actors/",
        "actor": f"actors/{first_actor}/", "place": "places/sudzha/", "glossary": "glossary/", "sources": "sources/",
        "claims": "claims/", "methodology": "methodology/", "downloads": "downloads/", "corrections": "corrections/",
    }


@pytest.mark.browser
def test_the_language_menu_lands_on_the_same_record(browser, served: str) -> None:
    event = re.search(r"^- id: (\S+)", (ROOT / "data" / "events" / "2024.yaml").read_text(encoding="utf-8"), re.M).group(1)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        index = page.request.get(f"{served}/timeline/ids.json")
        where = index.json()[event] if index.ok else ""  # the event's period page, once split
        # A link to the timeline's first page is followed to the event's page (explainer.js).
        page.goto(f"{served}/timeline/#{event}", wait_until="load")
        page.wait_for_url(f"{served}/timeline/{where}#{event}")
        for lang in ("ko", "uk", "en"):
            page.click(".md-header__option .md-select > button")
            page.click(f'a.md-select__link[hreflang="{lang}"]')
            prefix = "" if lang == "en" else f"{lang}/"
            page.wait_for_url(f"{served}/{prefix}timeline/{where}#{event}")
            assert page.evaluate("document.documentElement.lang") == lang
            box = page.locator(f"[id='{event}']").bounding_box()
            assert box is not None and 0 <= box["y"] < 900, lang
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "query"), [("ko", "김정은"), ("ko", "조선인민군"), ("uk", "Курськ"), ("ru", "Курск")])
def test_search_finds_words_in_the_languages_script(browser, served: str, lang: str, query: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{served}/{lang}/", wait_until="load")
        page.click("input[data-md-component=search-query]")
        page.fill("input[data-md-component=search-query]", query)
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        results = page.locator(".md-search-result__item")
        assert results.count() > 0
        assert query in results.first.inner_text()
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize("kind", sorted(_page_kinds()))
def test_korean_pages_do_not_scroll_sideways_on_a_phone(browser, served: str, kind: str) -> None:
    page = browser.new_page(viewport={"width": 360, "height": 800})
    try:
        page.goto(f"{served}/ko/{_page_kinds()[kind]}", wait_until="load")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, kind
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_serious_or_critical_violation_in_any_language(browser, served: str, lang: str) -> None:
    from test_browser import _axe_source

    axe = _axe_source()
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    found = {}
    try:
        for kind, path in _page_kinds().items():
            page = context.new_page()
            page.goto(f"{served}/{lang}/{path}", wait_until="load")
            page.add_script_tag(content=axe)
            result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
            bad = [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")]
            if bad:
                found[kind] = bad
            page.close()
    finally:
        context.close()
    assert found == {}
