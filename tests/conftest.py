"""Shared fixtures: real MkDocs builds, run as a contributor runs them (the CLI, strict)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


@dataclass
class Build:
    returncode: int
    output: str  # stdout and stderr together, as a contributor sees them
    site: Path

    def event_page(self, event_id: str, lang: str = "") -> Path:
        """The HTML page that shows an event: the timeline, or its period's page once the
        timeline is split (timeline/ids.json)."""
        index = self.site / "timeline" / "ids.json"
        pages = json.loads(index.read_text(encoding="utf-8")) if index.exists() else {}
        return self.site / lang / "timeline" / pages.get(event_id, "") / "index.html"

    def up(self, page: Path, lang: str = "") -> str:
        """The relative prefix from a page to the site's (or a language's) root: "../" for
        timeline/index.html."""
        return "../" * (len(page.relative_to(self.site / lang).parts) - 1)


def mkdocs_build(project: Path, site: Path, *extra: str, env: dict[str, str] | None = None) -> Build:
    """`mkdocs build --strict` (never -q or -v: both hide warnings) into ``site``."""
    run_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    proc = subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site), *extra],
        capture_output=True,
        text=True,
        env=run_env,
        timeout=600,
        check=False,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, site)


def make_project(
    tmp: Path, data: Path | None = None, docs: Path | None = None, languages: tuple[str, ...] | None = None
) -> Path:
    """A project in ``tmp``: the real mkdocs.yml, hooks and theme assets, with given data and
    docs; ``languages`` replaces the languages built (the real site builds four)."""
    project = tmp / "project"
    project.mkdir(parents=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if languages is not None:
        assert "  languages: [en, ko, uk, ru]\n" in config
        config = config.replace("  languages: [en, ko, uk, ru]\n", f"  languages: [{', '.join(languages)}]\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    for extra in ("overrides",):
        if (ROOT / extra).exists():
            shutil.copytree(ROOT / extra, project / extra)
    shutil.copytree(data or ROOT / "data", project / "data")
    shutil.copytree(docs or ROOT / "docs", project / "docs")
    if docs is not None:  # keep the real assets (CSS, JS) the theme config names
        shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets", dirs_exist_ok=True)
    return project


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per test session from the repository's own data and docs."""
    site = tmp_path_factory.mktemp("real") / "site"
    build = mkdocs_build(ROOT, site)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def mini_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    fixtures = Path(__file__).parent / "fixtures" / "mini"
    # One language: the tests of the other languages build them (test_languages, test_translations).
    return make_project(tmp_path_factory.mktemp("mini"), fixtures / "data", fixtures / "docs", languages=("en",))


# Chromium as the tests run it: no sandbox (containers), no traffic of its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session (Playwright's sync API allows one at a time)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        path = os.environ.get("CHROMIUM_PATH")
        try:
            b = p.chromium.launch(executable_path=path or None, args=CHROMIUM_ARGS)
        except Exception as exc:  # a missing browser is a failure, not a skip
            pytest.fail(f"Chromium did not start (CHROMIUM_PATH={path!r}): {exc}")
        yield b
        b.close()


# The link keeper's tests (tests/linkfakes.py): a fake web on loopback and a fake clock.
@pytest.fixture
def web():
    from linkfakes import serve

    with serve() as w:
        yield w


@pytest.fixture
def clock():
    from linkfakes import FakeTime

    return FakeTime()
