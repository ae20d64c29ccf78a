"""Translations keep the facts of their English, and say so when they fall behind it.

The checks run on a copy of the real data and its real catalogues, changed as a translator
or an editor would change them: a number dropped, a citation dropped, the English edited
after it was translated.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, Build, make_project, mkdocs_build

from explainer.translations import blocks, lost_facts, segments


def _validate(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(project / "hooks" / "validate.py"), "--root", str(project), *args],
        capture_output=True, text=True, timeout=300, check=False,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    p = make_project(tmp_path, languages=("en", "uk"))
    shutil.copytree(ROOT / "schema", p / "schema")
    return p


def _edit_po(path: Path, context: str, change) -> None:
    """Apply ``change`` to the msgstr of the entry ``context``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index(f'msgctxt "{context}"')
    n = next(i for i in range(at, at + 6) if lines[i].startswith("msgstr "))
    lines[n] = change(lines[n])
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize(
    ("english", "translation", "lost"),
    [
        ("about 12,000 troops", "близько 12 000 військових", []),
        ("about 12,000 troops", "близько 12.000 військових", []),
        ("about 12,000 troops", "많은 병력", ["number 12000 missing"]),
        ("said [[cite:a, b]] it", "сказав", ["[[cite:a, b]] missing"]),
        ("the [[term:kpa|army]]", "the [[term:kpa|армія]]", []),
        ("the [[term:kpa]]", "the [[term:kpb]]", ["[[term:kpa]] missing", "[[term:kpb]] is not in the English"]),
    ],
)
def test_lost_facts(english: str, translation: str, lost: list[str]) -> None:
    assert lost_facts(english, translation) == lost


def test_a_dropped_number_is_a_located_error(project: Path) -> None:
    po = project / "data" / "translations" / "uk" / "events.po"
    context = "2024-10-18-nis-announces-deployment/summary"
    twelve_thousand = re.compile("12[ ,.\u00a0\u202f]?000")
    entry = po.read_text(encoding="utf-8").split(f'msgctxt "{context}"')[1].split("msgctxt")[0]
    assert twelve_thousand.search(entry.split("msgstr")[1])
    _edit_po(po, context, lambda line: twelve_thousand.sub("багато", line))
    out = _validate(project)
    assert out.returncode == 1
    assert re.search(rf"data/translations/uk/events\.po:\d+:1: {re.escape(context)}: the translation lost what the "
                     r"English says: number 12000 missing", out.stderr), out.stderr


def test_a_dropped_citation_is_a_located_error(project: Path) -> None:
    po = project / "data" / "translations" / "ru" / "pages.po"
    text = po.read_text(encoding="utf-8")
    context = next(c for c in re.findall(r'msgctxt "(index\.md#\d+)"', text)
                   if "[[cite:afp-2025-09-02-2000-killed]]" in text.split(f'msgctxt "{c}"')[1].split("msgctxt")[0])
    _edit_po(po, context, lambda line: line.replace("[[cite:afp-2025-09-02-2000-killed]]", ""))
    out = _validate(project)
    assert out.returncode == 1
    assert f"{context}: the translation lost what the English says: [[cite:afp-2025-09-02-2000-killed]] missing" in out.stderr


def test_an_outdated_translation_is_reported_and_shown_in_english(project: Path, tmp_path: Path) -> None:
    events = project / "data" / "events" / "2024.yaml"
    text = events.read_text(encoding="utf-8")
    assert "a first group of about 1,500 was training" in text
    events.write_text(text.replace("a first group of about 1,500 was training", "a first group of about 1,500 trained"),
                      encoding="utf-8")
    report = _validate(project, "--translations")
    assert report.returncode == 0, report.stderr
    assert re.search(r"^uk\s+events\s+\d+\s+1\s+0\s", report.stdout, re.M), report.stdout
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    page = Build(0, "", tmp_path / "site").event_page("2024-10-18-nis-announces-deployment", "uk").read_text(encoding="utf-8")
    block = page.split('id="2024-10-18-nis-announces-deployment"')[0].rsplit('<div class="ex-event"', 1)[1]
    assert 'lang="en"' in block and 'class="ex-in-english"' in block
    # The record is shown whole in English, its other records in Ukrainian.
    after = page.split('id="2024-10-18-nis-announces-deployment"')[1].split('<div class="ex-event"')[0]
    assert "a first group of about 1,500 trained" in after
    assert 'lang="en"' not in page.split('<div class="ex-event"')[1]


def test_pages_are_cut_into_blocks_that_join_back_whole() -> None:
    for page in sorted((ROOT / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        assert "\n".join(t for _, t in segments(text)) == text
        assert all(b.strip() for b in blocks(text))
