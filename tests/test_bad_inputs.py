"""Real bad files, each with the exact problems it must produce: file:line:column, the
field path, and a message that says how to fix it. Never a traceback, never silence."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from badcases import BAD, parse_expected, run_case

from explainer import yamlread

CASES = parse_expected()


def test_every_fixture_has_expectations() -> None:
    files = {p.stem for p in BAD.glob("*.yaml")}
    assert files == set(CASES), "fixtures/bad/*.yaml and expected.txt disagree"
    assert len([c for c, (_, exp) in CASES.items() if exp]) >= 40


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_gives_its_exact_problems(name: str, tmp_path: Path) -> None:
    kind, expected = CASES[name]
    assert run_case(name, kind, tmp_path) == expected


@pytest.mark.parametrize("name", sorted(CASES))
def test_pure_python_loader_gives_the_same_problems(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where libyaml is missing, the pure-Python parser must say exactly the same."""
    monkeypatch.setattr(yamlread, "_Loader", yaml.SafeLoader)
    kind, expected = CASES[name]
    assert run_case(name, kind, tmp_path) == expected


def test_all_problems_of_many_bad_files_are_reported_at_once(tmp_path: Path) -> None:
    import shutil

    from badcases import AS_OF, MINI

    from explainer.load import load_dataset

    shutil.copytree(MINI / "data", tmp_path / "data")
    names = ["date-feb-30", "url-javascript", "schema-unknown-claimant", "dup-key"]
    for i, name in enumerate(names):
        kind, _ = CASES[name]
        (tmp_path / "data" / kind / f"bad{i}.yaml").write_bytes((BAD / f"{name}.yaml").read_bytes())
    _, problems = load_dataset(tmp_path / "data", as_of=AS_OF)
    files = {p.mark.file for p in problems}
    assert files == {f"data/{CASES[n][0]}/bad{i}.yaml" for i, n in enumerate(names)}


def test_alias_bomb_is_rejected_fast() -> None:
    t0 = time.perf_counter()
    with pytest.raises(yamlread.ReadError, match="anchors"):
        yamlread.read_yaml((BAD / "trap-alias-bomb.yaml").read_bytes(), "x.yaml")
    assert time.perf_counter() - t0 < 1.0  # a bound on the attack, not a speed target


def test_oversized_file_is_refused_with_the_limit(tmp_path: Path) -> None:
    data = b"# big\n" + b"- x: " + b"a" * yamlread.MAX_FILE_BYTES + b"\n"
    with pytest.raises(yamlread.ReadError) as exc:
        yamlread.read_yaml(data, "data/events/big.yaml")
    assert str(exc.value.problem) == (
        f"data/events/big.yaml:1:1: file is {len(data):,} bytes; the limit is {yamlread.MAX_FILE_BYTES:,}: split it into several files"
    )


def test_stray_files_in_data_are_reported(tmp_path: Path) -> None:
    import shutil

    from badcases import AS_OF, MINI

    from explainer.load import load_dataset

    shutil.copytree(MINI / "data", tmp_path / "data")
    (tmp_path / "data" / "events" / "notes.txt").write_text("x")
    (tmp_path / "data" / "events" / "2026.yml").write_text("x")
    (tmp_path / "data" / "event.yaml").write_text("x")
    _, problems = load_dataset(tmp_path / "data", as_of=AS_OF)
    assert [str(p) for p in problems] == [
        "data/event.yaml:1:1: a data file must sit in one of data/{events,figures,actors,places,terms,claims,sources}/, not at event.yaml",
        "data/events/2026.yml:1:1: rename the file to end in '.yaml'",
        "data/events/notes.txt:1:1: not a data file: only .yaml files (and README.md) belong in data/",
    ]
