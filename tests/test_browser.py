"""The reader's experience in a real browser: Chromium driven by Playwright.

The real site is built once (conftest.real_site) and served on a loopback port. The
browser is Debian's Chromium where CHROMIUM_PATH names it (as in CI), else Playwright's
own. A browser that does not start fails these tests: it is never a reason to skip them.

Screenshots at 360 px and 1280 px of every page kind are written to
test-artifacts/screenshots/ for review.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import re
import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, Build

pytestmark = pytest.mark.browser


ARTIFACTS = ROOT / "test-artifacts" / "screenshots"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


@contextlib.contextmanager
def _serving(site: Path) -> Iterator[str]:
    """A built site on a loopback port, for as long as the block runs: its base URL."""
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(real_site: Build) -> Iterator[str]:
    with _serving(real_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def dataset_doc(real_site: Build) -> dict:
    return json.loads((real_site.site / "data" / "dataset.json").read_text(encoding="utf-8"))


class Period:
    """The timeline page with the most events (the whole timeline while it is one page): its
    path and the dataset's events it shows."""

    def __init__(self, build: Build, doc: dict) -> None:
        self._pages = {e["id"]: "/" + build.event_page(e["id"]).parent.relative_to(build.site).as_posix() + "/"
                       for e in doc["events"]}
        counts: dict[str, int] = {}
        for page in self._pages.values():
            counts[page] = counts.get(page, 0) + 1
        self.path = max(sorted(counts), key=lambda p: counts[p])
        self.events = [e for e in doc["events"] if self._pages[e["id"]] == self.path]

    def of(self, event: dict) -> str:
        """The path of the page that shows an event."""
        return self._pages[event["id"]]


@pytest.fixture(scope="session")
def period(real_site: Build, dataset_doc: dict) -> Period:
    return Period(real_site, dataset_doc)


@pytest.fixture(scope="session")
def page_kinds(dataset_doc: dict, period: Period) -> dict[str, str]:
    """One URL per kind of page ("timeline": the page with the most events)."""
    return {
        "home": "/",
        "timeline": period.path,
        "timeline overview": "/timeline/",
        "numbers": "/numbers/",
        "actors": "/actors/",
        "actor": f"/actors/{dataset_doc['actors'][0]['id']}/",
        "glossary": "/glossary/",
        "sources": "/sources/",
        "source": f"/sources/{dataset_doc['sources'][0]['id']}/",
        "claims": "/claims/",
        "methodology": "/methodology/",
        "downloads": "/downloads/",
        "place": f"/places/{dataset_doc['places'][0]['id']}/",
        "map": "/map/",
        "disclosures": "/disclosures/",
        "corrections": "/corrections/",
    }


class Watched:
    """A page with its console messages, page errors and requests recorded."""

    def __init__(self, page, base_url: str) -> None:
        self.page = page
        self.base = base_url
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.errors.append(f"console.{m.type}: {m.text}") if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("request", lambda r: self.requests.append(r.url))

    def goto(self, path: str) -> None:
        self.page.goto(self.base + path, wait_until="load")

    def visible_events(self) -> int:
        return self.page.locator(".ex-event:visible").count()


@pytest.fixture
def watched(browser, base_url: str) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield Watched(page, base_url)
    context.close()


def _category_with_fewest_events(events: list[dict]) -> str:
    counts: dict[str, int] = {}
    for e in events:
        counts[e["category"]] = counts.get(e["category"], 0) + 1
    return min(sorted(counts), key=lambda c: counts[c])


def test_filters_narrow_the_timeline_and_restore_from_the_url(watched: Watched, period: Period) -> None:
    w = watched
    events = period.events
    total = len(events)
    w.goto(period.path)
    assert w.visible_events() == total
    assert w.page.locator(".ex-filter-count").inner_text() == f"Showing all {total} events."
    category = _category_with_fewest_events(events)
    expected = sum(1 for e in events if e["category"] == category)
    w.page.select_option("#ex-filter-category", category)
    assert w.visible_events() == expected < total
    assert f"category={category}" in w.page.url
    assert w.page.locator(".ex-filter-count").inner_text() == f"Showing {expected} of {total} events."
    # Combine with a year: the intersection.
    year = str(events[-1]["date"])[:4]
    w.page.select_option("#ex-filter-year", year)
    both = sum(1 for e in events if e["category"] == category and e["date"].startswith(year))
    assert w.visible_events() == both
    # A shared link restores the same view.
    w.page.goto(w.page.url)
    assert w.page.locator("#ex-filter-category").input_value() == category
    assert w.page.locator("#ex-filter-year").input_value() == year
    assert w.visible_events() == both
    # "Show all" clears every filter and the URL.
    w.page.click(".ex-filters button[type=reset]")
    w.page.wait_for_function("() => !location.search")
    assert w.visible_events() == total
    assert w.page.locator(".ex-filter-count").inner_text() == f"Showing all {total} events."
    assert w.errors == []


def test_filters_by_actor_match_the_data(watched: Watched, period: Period) -> None:
    actor = period.events[0]["actors"][0]
    expected = sum(1 for e in period.events if actor in e["actors"])
    watched.goto(f"{period.path}?actor={actor}")
    assert watched.visible_events() == expected
    # Headings of months with no event shown are hidden too.
    for heading in watched.page.locator("h3[id^='month-']:visible").all():
        assert heading.evaluate(
            "h => { for (let el = h.nextElementSibling; el && !/^H[23]$/.test(el.tagName); el = el.nextElementSibling)"
            " if (el.classList.contains('ex-event') && !el.hidden) return true; return false; }"
        )


def test_filters_work_after_instant_navigation_away_and_back(watched: Watched, period: Period) -> None:
    w = watched
    category = _category_with_fewest_events(period.events)
    w.goto(f"{period.path}?category={category}")
    narrowed = w.visible_events()
    w.page.click(".md-tabs__link:has-text('The numbers')")
    w.page.wait_for_url("**/numbers/")
    w.page.click(".md-tabs__link:has-text('Timeline')")
    w.page.wait_for_url("**/timeline/")
    if period.path != "/timeline/":  # from the overview to the period's page
        w.page.locator(f"article a[href$='{period.path}']").first.click()
        w.page.wait_for_url(f"**{period.path}")
    w.page.wait_for_selector("form[data-ex-filters]:not([hidden])")
    w.page.select_option("#ex-filter-category", category)
    assert w.visible_events() == narrowed
    w.page.go_back()
    w.page.go_forward()
    w.page.wait_for_selector("form[data-ex-filters]:not([hidden])")
    w.page.select_option("#ex-filter-category", "")
    assert w.visible_events() == len(period.events)
    assert w.errors == []


def test_without_javascript_every_event_is_listed(browser, base_url: str, period: Period) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + period.path + "?category=memorial")
    assert page.locator(".ex-event:visible").count() == len(period.events)
    assert page.locator("form[data-ex-filters]").is_hidden()
    context.close()


def _source_of_first_event(doc: dict, event: dict) -> dict:
    source_id = event["sources"][0]["source"]
    return next(s for s in doc["sources"] if s["id"] == source_id)


def test_a_citation_shows_its_source_on_focus_and_escape_hides_it(watched: Watched, dataset_doc: dict, period: Period) -> None:
    w = watched
    w.goto(period.path)
    first = period.events[0]
    ref = w.page.locator(f"[id='{first['id']}'] ~ p .footnote-ref").first
    ref.focus()
    tip = w.page.locator("#ex-tip[role=tooltip]")
    tip.wait_for(state="visible")
    assert _source_of_first_event(dataset_doc, first)["publisher"] in tip.inner_text()
    assert ref.get_attribute("aria-describedby") == "ex-tip"
    w.page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    assert ref.get_attribute("aria-describedby") is None
    assert w.errors == []


def test_a_citation_shows_its_source_on_hover_and_the_preview_can_be_hovered(watched: Watched, dataset_doc: dict, period: Period) -> None:
    w = watched
    w.goto(period.path)
    first = period.events[0]
    ref = w.page.locator(f"[id='{first['id']}'] ~ p .footnote-ref").first
    ref.hover()
    tip = w.page.locator("#ex-tip")
    tip.wait_for(state="visible")
    assert _source_of_first_event(dataset_doc, first)["publisher"] in tip.inner_text()
    # The pointer can move onto the preview (to follow its link) without losing it...
    tip.hover()
    w.page.wait_for_timeout(400)
    assert tip.is_visible()
    # ...and it goes once the pointer leaves both.
    w.page.mouse.move(5, 5)
    tip.wait_for(state="hidden")


def test_previews_work_after_instant_navigation(watched: Watched, dataset_doc: dict, period: Period) -> None:
    w = watched
    w.goto("/numbers/")
    w.page.click(".md-tabs__link:has-text('Timeline')")
    w.page.wait_for_url("**/timeline/")
    if period.path != "/timeline/":  # from the overview to the period's page
        w.page.locator(f"article a[href$='{period.path}']").first.click()
        w.page.wait_for_url(f"**{period.path}")
    first = period.events[0]
    w.page.locator(f"[id='{first['id']}'] ~ p .footnote-ref").first.focus()
    w.page.locator("#ex-tip").wait_for(state="visible")
    assert _source_of_first_event(dataset_doc, first)["publisher"] in w.page.locator("#ex-tip").inner_text()


def test_a_glossary_term_shows_its_definition_on_focus(watched: Watched, dataset_doc: dict, period: Period) -> None:
    """Terms link themselves in text generated from data/, not only where an editor wrote [[term:]]."""
    w = watched
    w.goto(period.path)
    link = w.page.locator("article .ex-event a.ex-term").first
    term_id = link.get_attribute("href").split("#")[1]
    term = next(t for t in dataset_doc["terms"] if t["id"] == term_id)
    link.focus()
    tip = w.page.locator("#ex-tip")
    tip.wait_for(state="visible")
    assert tip.inner_text().strip()[:40] == " ".join(term["definition"].split())[:40]
    # The browser's own tooltip would repeat it: the title has moved out of its way.
    assert link.get_attribute("title") is None


def test_the_colour_toggle_switches_and_is_remembered(browser, base_url: str) -> None:
    """Our toggle (explainer.js) in place of Material's: the system's scheme first, then the reader's."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(base_url + "/numbers/", wait_until="load")
    scheme = "() => document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "slate"
    page.locator("form[data-ex-palette] label:visible").click()
    assert page.evaluate(scheme) == "default"
    page.goto(base_url + "/glossary/", wait_until="load")
    assert page.evaluate(scheme) == "default"
    assert page.locator("form[data-ex-palette] label:visible").get_attribute("title") == "Switch to dark mode"
    context.close()


def test_every_page_kind_loads_without_errors_or_foreign_requests(watched: Watched, page_kinds: dict[str, str]) -> None:
    for kind, path in page_kinds.items():
        watched.goto(path)
        watched.page.wait_for_timeout(150)
        assert watched.errors == [], f"{kind}: {watched.errors}"
    foreign = [u for u in watched.requests if not u.startswith(watched.base)]
    assert foreign == []


# Records, before any page script runs, each change to a stylesheet link's href and whether the
# body had been parsed by then.
_WATCH_STYLESHEETS = """
window.__exSheetChanges = [];
new MutationObserver(function (records) {
  records.forEach(function (r) {
    if (r.target.matches && r.target.matches("link[rel~='stylesheet']")) {
      window.__exSheetChanges.push({ href: r.target.getAttribute("href"), body: !!document.body });
    }
  });
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["href"] });
"""


def test_instant_navigation_does_not_make_the_stylesheets_apply_again(browser, base_url: str) -> None:
    # Material's instant navigation re-assigns every relative href once the page is drawn; a
    # stylesheet's makes the browser restyle the whole page (0.1-0.2 s on a phone on the
    # timeline). md-base.js makes them absolute in the head, so Material leaves them alone.
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(_WATCH_STYLESHEETS)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + "/timeline/", wait_until="load")
    page.wait_for_function("document.documentElement.classList.contains('js')")
    page.wait_for_timeout(200)
    changes = page.evaluate("window.__exSheetChanges")
    sheets = page.eval_on_selector_all("link[rel~='stylesheet']", "els => els.map(e => e.getAttribute('href'))")
    context.close()
    assert sheets and all(s.startswith(base_url) for s in sheets), sheets
    assert changes and not [c for c in changes if c["body"]], changes
    css = [u for u in requests if u.endswith(".css")]
    assert len(css) == len(set(css)) == len(sheets), css


# Counts each assignment to a link's href property inside the page's article (Material's
# instant navigation assigns every relative href to itself once the page is drawn).
_COUNT_LINK_ASSIGNMENTS = """
window.__exLinkAssignments = 0;
(function () {
  var d = Object.getOwnPropertyDescriptor(HTMLAnchorElement.prototype, "href");
  Object.defineProperty(HTMLAnchorElement.prototype, "href", {
    configurable: true, enumerable: d.enumerable, get: d.get,
    set: function (v) { if (this.closest("article")) window.__exLinkAssignments++; d.set.call(this, v); }
  });
})();
"""


def test_material_does_not_reassign_the_links_of_a_long_page_after_it_is_drawn(browser, base_url: str, page_kinds: dict[str, str]) -> None:
    # Assigning 2,200 hrefs after the timeline was laid out made the browser restyle and lay it
    # out again inside Material's start-up. md-base.js makes the links absolute as the parser
    # adds them, so that Material finds none to assign; without JavaScript they stay relative.
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(_COUNT_LINK_ASSIGNMENTS)
    try:
        for kind in ("timeline", "numbers"):
            page.goto(base_url + page_kinds[kind], wait_until="load")
            page.wait_for_function("document.documentElement.classList.contains('js')")
            hrefs = page.eval_on_selector_all("article a[href]", "els => els.map(e => e.getAttribute('href'))")
            assert len(hrefs) > 50, kind
            assert all(h.startswith(("http://", "https://")) for h in hrefs), (kind, [h for h in hrefs if "://" not in h][:5])
            assert page.evaluate("window.__exLinkAssignments") == 0, kind
    finally:
        context.close()


def _axe_source() -> str:
    npm = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
    if npm.exists():
        return npm.read_text(encoding="utf-8")
    import axe_playwright_python  # the same axe-core build, shipped on PyPI

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_violation(browser, base_url: str, page_kinds: dict[str, str], scheme: str) -> None:
    axe = _axe_source()
    # The site's CSP forbids inline scripts, axe's included: the test context bypasses it.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    found: dict[str, list[str]] = {}
    for kind, path in page_kinds.items():
        page.goto(base_url + path, wait_until="load")
        page.add_script_tag(content=axe)
        result = page.evaluate(
            "async () => await axe.run(document, {resultTypes: ['violations']})"
        )
        bad = [
            f"{v['id']} ({v['impact']}): {v['help']} x{len(v['nodes'])}: "
            + "; ".join(str(n["target"]) + " " + (n.get("failureSummary") or "").replace("\n", " ")[:160] for n in v["nodes"][:4])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if bad:
            found[kind] = bad
    context.close()
    assert not found, "\n".join(f"{kind}: {v}" for kind, vs in found.items() for v in vs)


@pytest.mark.parametrize("width", [360, 1280])
def test_no_page_scrolls_sideways_and_screenshots_are_written(browser, base_url: str, page_kinds: dict[str, str], width: int) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    wide = {}
    for kind, path in page_kinds.items():
        page.goto(base_url + path, wait_until="load")
        scroll = page.evaluate("() => document.documentElement.scrollWidth")
        if scroll > width:
            wide[kind] = scroll
        shot = ARTIFACTS / f"{kind}-{width}.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 1000
    context.close()
    assert wide == {}


def test_print_hides_navigation_and_writes_out_source_addresses(browser, base_url: str, page_kinds: dict[str, str]) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + page_kinds["source"], wait_until="load")
    page.emulate_media(media="print")
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-sidebar--primary')).display") == "none"
    after = page.evaluate(
        "() => getComputedStyle(document.querySelector('article a[href^=\"http\"]'), '::after').content"
    )
    href = page.evaluate("() => document.querySelector('article a[href^=\"http\"]').getAttribute('href')")
    assert href in after
    context.close()


def test_each_record_has_a_permalink(watched: Watched, dataset_doc: dict, period: Period) -> None:
    w = watched
    events = dataset_doc["events"]
    for event in (events[-1], events[len(events) // 3], events[len(events) // 2]):
        w.goto(f"{period.of(event)}#{event['id']}")
        w.page.wait_for_timeout(300)
        # The link lands on the event: its heading is on screen (long pages render lazily).
        box = w.page.locator(f"[id='{event['id']}']").bounding_box()
        assert box is not None and 0 <= box["y"] < w.page.viewport_size["height"], (event["id"], box)
    # (Material's instant navigation makes in-page links absolute.)
    href = w.page.locator(f"[id='{event['id']}'] a.headerlink").get_attribute("href")
    assert href.endswith(f"{period.of(event)}#{event['id']}")
    assert w.page.locator(f"[id='{event['id']}']").is_visible()
    term = dataset_doc["terms"][0]
    w.goto(f"/glossary/#{term['id']}")
    assert w.page.locator(f"[id='{term['id']}'] a.headerlink").get_attribute("href").endswith(f"/glossary/#{term['id']}")


# Search: queries typed into the real search box of the built site, as a reader types them.


def _search(w: Watched, query: str) -> list[str]:
    """The result links for a query, best first, as paths under the site root."""
    w.goto("/downloads/")
    box = w.page.locator("input.md-search__input")
    box.click()
    # Material builds the index in a worker; it says so until it is ready.
    w.page.wait_for_function(
        "() => !/Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    box.press_sequentially(query)
    w.page.wait_for_function(
        "() => /matching/i.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    # Each keystroke searches again: read the results once they have stopped changing.
    links = w.page.locator(".md-search-result__list a.md-search-result__link")
    hrefs, previous = None, links.evaluate_all("links => links.map(a => a.href)")
    for _ in range(20):
        w.page.wait_for_timeout(400)
        hrefs = links.evaluate_all("links => links.map(a => a.href)")
        if hrefs == previous:
            break
        previous = hrefs
    # Material adds the query (?h=...) to highlight it on the page: not part of the address.
    return [re.sub(r"\?h=[^#]*", "", h.removeprefix(w.base + "/")) for h in hrefs]


def _actor_with_name(doc: dict, name: str) -> str:
    return next(a["id"] for a in doc["actors"] if name in a.get("names", {}).values())


@pytest.mark.parametrize("name", ["김정은", "조선인민군"])
def test_searching_a_name_in_hangul_lists_the_actors_page_first(watched: Watched, dataset_doc: dict, name: str) -> None:
    results = _search(watched, name)
    assert results and results[0] == f"actors/{_actor_with_name(dataset_doc, name)}/", results


@pytest.mark.parametrize("name", ["Kim Jong Un", "Korean People's Army", "Ким Чен Ын", "Vladimir Putin"])
def test_searching_an_actors_name_lists_the_actors_page(watched: Watched, dataset_doc: dict, name: str) -> None:
    actor = next(a for a in dataset_doc["actors"] if name == a["name"] or name in a.get("names", {}).values())
    results = _search(watched, name)
    assert f"actors/{actor['id']}/" in results[:2], results


@pytest.mark.parametrize("query", ["쿠르스크", "Курськ", "Курск", "Kurshchyna", "Kursk Oblast"])
def test_searching_kursk_in_any_script_finds_its_glossary_term(watched: Watched, query: str) -> None:
    results = _search(watched, query)
    # Among the first page groups (a timeline month that names the place in that script may lead).
    assert "glossary/#kursk-oblast" in results[:5], results


def test_searching_a_glossary_alias_finds_its_term(watched: Watched, dataset_doc: dict) -> None:
    for term in dataset_doc["terms"][:6]:
        for alias in term["aliases"][:1]:
            results = _search(watched, alias)
            # (Results are grouped by page, each group led by the page itself.)
            assert f"glossary/#{term['id']}" in results[:3], (alias, results)


def test_searching_an_event_title_finds_the_event(watched: Watched, dataset_doc: dict, period: Period) -> None:
    events = dataset_doc["events"]
    for event in (events[0], events[len(events) // 2], events[-1]):
        results = _search(watched, event["title"])
        assert f"{period.of(event)[1:]}#{event['id']}" in results[:2], (event["title"], results[:5])


@pytest.mark.parametrize("publisher", ["KBS World", "TASS", "Ukrainska Pravda"])
def test_searching_a_publisher_finds_its_sources(watched: Watched, publisher: str) -> None:
    slug = publisher.lower().replace(" ", "-")
    results = _search(watched, publisher)
    assert f"sources/#{slug}" in results[:3], results


def test_a_query_with_no_match_says_so(watched: Watched) -> None:
    watched.goto("/")
    results = _search(watched, "qqqzzzx")
    assert results == []
    assert "No matching" in watched.page.locator(".md-search-result__meta").inner_text()


def test_a_link_to_an_event_that_moved_to_another_period_page_follows_it(
    browser, mini_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a split timeline an event's page can change (a crowded month is cut anew as events
    are added): a link to the overview or to another period's page with the event's anchor
    lands on the event's page (explainer.js reads timeline/ids.json)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from explainer.render import periods

    monkeypatch.setattr(periods, "SPLIT_AT", 2)
    monkeypatch.setattr(periods, "PAGE_EVENTS", 1)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    site = tmp_path / "site"
    build(load_config(config_file=str(mini_project / "mkdocs.yml"), site_dir=str(site), strict=True))
    with _serving(site) as base:
        context = browser.new_context()
        page = context.new_page()
        try:
            for start in ("/timeline/", "/timeline/2024/"):
                page.goto(f"{base}{start}#2025-04-28-admission", wait_until="load")
                page.wait_for_url("**/timeline/2025-04/#2025-04-28-admission", timeout=10_000)
                assert page.locator("[id='2025-04-28-admission']").count() == 1
            # An anchor the page holds is left alone; an unknown one too.
            page.goto(f"{base}/timeline/2024/#2024-10-18-first-report", wait_until="load")
            page.wait_for_timeout(500)
            assert page.url.endswith("/timeline/2024/#2024-10-18-first-report")
            page.goto(f"{base}/timeline/2024/#no-such-event", wait_until="load")
            page.wait_for_timeout(500)
            assert page.url.endswith("/timeline/2024/#no-such-event")
        finally:
            context.close()
