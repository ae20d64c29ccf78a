"""Real bad files, each with the exact problems it must produce: file:line:column, the
field path, and a message that says how to fix it. Never a traceback, never silence."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest
import yaml
from badcases import BAD, fixture_files, parse_expected, run_case
from conftest import ROOT

from explainer import yamlread

CASES = parse_expected()


def test_every_fixture_has_expectations() -> None:
    files = fixture_files()
    assert set(files) == set(CASES), "fixtures/bad/*.yaml, *.md and expected.txt disagree"
    assert all((files[c].suffix == ".md") == (kind == "docs") for c, (kind, _) in CASES.items())
    assert len([c for c, (_, exp) in CASES.items() if exp]) >= 80


def test_every_message_is_one_line_in_the_agreed_form() -> None:
    """file:line:col: [field.path: ]what is wrong; what to do: one line, no parser jargon."""
    form = re.compile(r"^(data|docs)/[\w./-]+:[1-9][0-9]*:[1-9][0-9]*: \S.*$")
    for name, (_, expected) in CASES.items():
        for line in expected:
            assert form.match(line), (name, line)
            assert "<block" not in line and "expected key" not in line and "while parsing" not in line, (name, line)


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


def test_oversized_file_is_refused_with_the_limit() -> None:
    """Many records: no one value is the cause, so the file is to be split."""
    record = b"- id: x\n  title: " + b"a" * 900 + b"\n"
    data = b"# big\n" + record * (yamlread.MAX_FILE_BYTES // len(record) + 1)
    with pytest.raises(yamlread.ReadError) as exc:
        yamlread.read_yaml(data, "data/events/big.yaml")
    assert [str(p) for p in exc.value.problems] == [
        f"data/events/big.yaml:1:1: file is {len(data):,} bytes; the limit is {yamlread.MAX_FILE_BYTES:,}: split it into several files"
    ]


@pytest.mark.parametrize("pure", [False, True])
@pytest.mark.parametrize(
    ("value", "line", "col", "path", "size"),
    [
        # one line, in the middle of a file of normal records
        (b"  summary: " + b"a" * 2_100_000 + b"\n", 18, 12, "events[2].summary", 2_100_000),
        # a folded block: the lines under 'summary: >-'
        (b"  summary: >-\n" + (b"    " + b"b" * 95 + b"\n") * 22_000, 18, 12, "events[2].summary", 2_200_002),
        # a quoted URL in a nested list item
        (b"  sources:\n    - source: \"" + b"c" * 2_050_000 + b"\"\n", 19, 15, "events[2].sources[0].source", 2_050_002),
    ],
)
def test_one_oversized_value_is_named(
    value: bytes, line: int, col: int, path: str, size: int, pure: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if pure:
        monkeypatch.setattr(yamlread, "_Loader", yaml.SafeLoader)
    record = b"- id: e%d\n  date: 2025-04-28\n  title: A title\n  category: deployment\n  actors: [north-korea]\n  status: reported\n  sources: [w]\n"
    head = b"# kind: events\n" + record % 1 + record % 2 + b"- id: e3\n  date: 2025-04-28\n"
    data = head + value + record % 4
    with pytest.raises(yamlread.ReadError) as exc:
        yamlread.read_yaml(data, "data/events/big.yaml", "events")
    assert [str(p) for p in exc.value.problems] == [
        f"data/events/big.yaml:{line}:{col}: {path}: this value is {size:,} bytes long and makes the file {len(data):,} "
        f"bytes (the limit is {yamlread.MAX_FILE_BYTES:,}); shorten it"
    ]


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


def test_small_edits_of_a_valid_file_read_the_same_with_either_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """The edits a contributor makes by mistake (a character added or deleted, a line indented
    one space more or less) give the same messages under libyaml and pure-Python PyYAML.
    With the parsers' own words, 85 of these 300 edits did not."""
    import random

    from badcases import MINI

    sys.path.insert(0, str(ROOT / "bench"))
    from parity import slip  # the benchmark's slips, the same generator

    lines = (MINI / "data" / "events" / "2025.yaml").read_text(encoding="utf-8").split("\n")
    rnd = random.Random(5)

    def problems(data: bytes, loader: type) -> list[str]:
        monkeypatch.setattr(yamlread, "_Loader", loader)
        try:
            yamlread.read_yaml(data, "f.yaml", "events")
        except yamlread.ReadError as exc:
            return [str(p) for p in exc.problems]
        return []

    refused = 0
    for _ in range(300):
        edited, k = slip(lines, rnd)
        line = edited[k]
        data = "\n".join(edited).encode()
        fast = problems(data, yaml.CSafeLoader)
        assert fast == problems(data, yaml.SafeLoader), (k + 1, line)
        refused += bool(fast)
    assert refused > 100  # half of the edits break the file (160 when this was written)


def test_the_messages_shown_in_contributing_are_the_ones_the_validator_gives() -> None:
    """CONTRIBUTING.md shows real messages (from the fixtures), so the guide cannot drift."""
    guide = (Path(__file__).parent.parent / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = guide.split("A few messages you may meet", 1)[1].split("```", 2)[1]
    good = guide.split("\nGood:\n", 1)[1].split("```", 2)[1]
    shown = [line.split(":", 1)[1] for line in (block + good).splitlines() if line.startswith("data/")]
    given = {line.split(":", 1)[1] for _, lines in CASES.values() for line in lines}
    assert len(shown) == 5 and set(shown) <= given, set(shown) - given
