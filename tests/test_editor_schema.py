"""The editor's view: every bad-input fixture through yaml-language-server (what VS Code and
other editors run) with the JSON Schemas in schema/. Where a mistake can be caught as it is
typed, the schema catches it, on the line the validator names; what only the validator can
catch is listed, with the reason, in fixtures/bad/validator-only.txt (and CONTRIBUTING.md).

yaml-language-server comes from npm (tests/editor/package.json). Without it these tests are
skipped on a developer's machine and fail in CI (.ci/run installs it and sets EDITOR_CHECK=required).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from badcases import BAD, MINI, parse_expected
from editorcheck import ROOT, Editor, available


def _validator_only() -> dict[str, str]:
    """fixture name -> why only the validator can catch it."""
    lines = (BAD / "validator-only.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip() and not line.startswith("#"))


CASES = {name: case for name, case in parse_expected().items() if case[0] != "docs"}


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    missing = available()
    if missing is not None:
        if os.environ.get("EDITOR_CHECK") == "required":
            pytest.fail(f"the editor check cannot run: {missing}")
        pytest.skip(missing)
    server = Editor(tmp_path_factory.mktemp("workspace"))
    yield server
    server.close()


def _text(path: Path) -> str:
    # As an editor shows it: decoded (undecodable bytes replaced), without a byte-order mark.
    return path.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff")


@pytest.fixture(scope="module")
def shown(editor: Editor) -> dict[str, list[tuple[int, int, str]]]:
    return editor.diagnose([(kind, name, _text(BAD / f"{name}.yaml")) for name, (kind, _) in CASES.items()])


def test_the_editor_flags_every_mistake_but_those_listed_as_validator_only(shown: dict) -> None:
    unflagged = {name for name, diagnostics in shown.items() if not diagnostics}
    listed = _validator_only()
    assert unflagged == set(listed), (
        f"flagged by the editor but listed as validator-only: {sorted(set(listed) - unflagged)}; "
        f"not flagged by the editor and not listed: {sorted(unflagged - set(listed))}"
    )


@pytest.mark.parametrize(
    "name", sorted(n for n in CASES if not n.startswith("syntax-") and n not in _validator_only())
)
def test_the_editor_flags_a_line_the_validator_names(name: str, shown: dict) -> None:
    """Syntax errors aside (the editor's parser, like libyaml, stops after the mistake), the
    editor underlines a line where the validator reports the problem."""
    ours = {int(line.split(":")[1]) for line in CASES[name][1] if line.startswith("data/")}
    assert ours & {line for line, _, _ in shown[name]}, (CASES[name][1], shown[name])


def test_the_editor_flags_nothing_in_valid_data(editor: Editor) -> None:
    """A schema too strict for the real data would teach contributors to ignore it."""
    files = sorted((ROOT / "data").glob("*/*.yaml")) + sorted((MINI / "data").glob("*/*.yaml"))
    assert len(files) > 10
    shown = editor.diagnose(
        [(p.parent.name, f"ok-{p.parent.name}-{p.stem}-{i}", _text(p)) for i, p in enumerate(files)]
    )
    assert {name: found for name, found in shown.items() if found} == {}
