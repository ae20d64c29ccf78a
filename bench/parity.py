"""Do libyaml and the pure-Python parser give the same messages for the mistakes people make?

Applies N seeded one-line edits to a YAML file (a character added or deleted, a line
indented one space more or less: the slips of a contributor in a web editor), reads each
result with both parsers, and counts the edits the reader refuses and those where the two
parsers' messages differ; prints a few of the differences.

    .venv/bin/python bench/parity.py data/events/2024.yaml 1000
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from explainer import yamlread

EDITS = [" ", '"', "'", "[", "]", "{", ":", ": ", "- ", "\t", "#", "&a ", "*a", "\u202e", "  "]


def slip(lines: list[str], rnd: random.Random, edits: list[str] = EDITS) -> tuple[list[str], int]:
    """One of a contributor's slips in a copy of ``lines`` (a character added or deleted, a line
    indented one space more or less), and the index of the line it changed."""
    edited = list(lines)
    k = rnd.randrange(len(edited))
    line, op = edited[k], rnd.random()
    if op < 0.4:
        pos = rnd.randint(0, len(line))
        line = line[:pos] + rnd.choice(edits) + line[pos:]
    elif op < 0.7 and line:
        pos = rnd.randrange(len(line))
        line = line[:pos] + line[pos + 1 :]
    elif op < 0.85:
        line = " " + line
    else:
        line = line[1:]
    edited[k] = line
    return edited, k


def messages(data: bytes, loader: type) -> list[str]:
    yamlread._Loader = loader  # type: ignore[attr-defined]
    try:
        yamlread.read_yaml(data, "f.yaml", "events")
    except yamlread.ReadError as exc:
        return [str(p) for p in getattr(exc, "problems", [exc.problem])]
    return []


def main(path: str, count: int, seed: int = 5) -> None:
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    rnd = random.Random(seed)
    refused, differ, examples = 0, 0, []
    for _ in range(count):
        edited, k = slip(lines, rnd)
        line = edited[k]
        data = "\n".join(edited).encode()
        fast, pure = messages(data, yaml.CSafeLoader), messages(data, yaml.SafeLoader)
        refused += bool(fast or pure)
        if fast != pure:
            differ += 1
            if len(examples) < 5:
                examples.append(f"line {k + 1} {line!r}:\n  libyaml: {fast}\n  pure:    {pure}")
    print(f"{path}: {count} edits, {refused} refused, {differ} with different messages under the two parsers")
    print("\n".join(examples))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
