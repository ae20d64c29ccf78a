"""The bad-input fixture suite: each file in fixtures/bad/ is dropped into a copy of the
minimal dataset, a ``.yaml`` file as data/<kind>/bad.yaml and a ``.md`` file as
docs/bad.md, and must produce exactly the problems that fixtures/bad/expected.txt lists
for it (file:line:column, field path, message)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from explainer.dates import PartialDate
from explainer.load import load_dataset
from explainer.shortcuts import check_shortcuts

FIXTURES = Path(__file__).parent / "fixtures"
BAD = FIXTURES / "bad"
MINI = FIXTURES / "mini"
AS_OF = PartialDate(2026, 11, 27)


def fixture_files() -> dict[str, Path]:
    """case name -> its file (data files end in .yaml, pages of docs/ in .md)."""
    return {p.stem: p for p in sorted(BAD.iterdir()) if p.suffix in (".yaml", ".md")}


def parse_expected() -> dict[str, tuple[str, list[str]]]:
    """case name -> (kind, expected problem lines); kind 'docs' is a page of docs/."""
    cases: dict[str, tuple[str, list[str]]] = {}
    current = None
    for line in (BAD / "expected.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^== (\S+) \((\w+)\)$", line)
        if m:
            current = m.group(1)
            cases[current] = (m.group(2), [])
        elif line.strip() and current is not None:
            cases[current][1].append(line)
    return cases


def run_case(name: str, kind: str, tmp: Path) -> list[str]:
    project = tmp / name
    shutil.copytree(MINI / "data", project / "data")
    if kind == "docs":
        dataset, problems = load_dataset(project / "data", as_of=AS_OF)
        assert not problems, problems
        page = (BAD / f"{name}.md").read_text(encoding="utf-8")
        return [str(p) for p in check_shortcuts(page, dataset, "docs/bad.md")]
    shutil.copy(BAD / f"{name}.yaml", project / "data" / kind / "bad.yaml")
    _, problems = load_dataset(project / "data", as_of=AS_OF)
    return [str(p) for p in problems]
