"""The only module that reads ``data/``: every file, once, into one ``Dataset``.

``load_dataset`` reads each kind's folder (``data/<kind>/*.yaml``, in name order),
converts each file into records, then resolves references and duplicate ids across all
files. It returns the dataset and *every* problem found; callers decide whether
problems are fatal (the build, the ``validate`` command) or shown beside the last good
site (``mkdocs serve``).
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from pathlib import Path
from typing import Any

from . import gcpause
from .dates import PartialDate
from .kinds import KINDS
from .model import Dataset
from .problems import Mark, Problem, did_you_mean
from .validate import FileResult, records_from_node
from .yamlread import ReadError, read_yaml

KIND_NAMES = tuple(KINDS)
MAX_FILES = 2_000


def today() -> PartialDate:
    d = _dt.date.today()
    return PartialDate(d.year, d.month, d.day)


def data_files(data_dir: Path) -> tuple[dict[str, list[Path]], list[Problem]]:
    """Each kind's YAML files, sorted; a problem for anything in data/ we would not read."""
    files: dict[str, list[Path]] = {kind: [] for kind in KIND_NAMES}
    problems: list[Problem] = []
    root = data_dir.parent
    if not data_dir.is_dir():
        return files, [Problem(Mark(str(data_dir), 1, 1), "", "the data folder does not exist")]
    for path in sorted(data_dir.rglob("*")):
        rel = path.relative_to(data_dir)
        if path.is_dir() or rel.parts[0].startswith(".") or path.name.startswith("."):
            continue
        if rel.parts[0] == "translations":  # PO catalogues, read by explainer.translations
            if path.suffix != ".po" or len(rel.parts) != 3:
                shown = path.relative_to(root).as_posix()
                problems.append(
                    Problem(Mark(shown, 1, 1), "", "only data/translations/<language>/<name>.po files belong here")
                )
            continue
        shown = path.relative_to(root).as_posix()
        if path.suffix in (".yml",):
            problems.append(Problem(Mark(shown, 1, 1), "", "rename the file to end in '.yaml'"))
        elif path.suffix != ".yaml" and path.name != "README.md":
            problems.append(
                Problem(Mark(shown, 1, 1), "", "not a data file: only .yaml files (and README.md) belong in data/")
            )
        elif path.suffix == ".yaml":
            if len(rel.parts) != 2 or rel.parts[0] not in files:
                problems.append(
                    Problem(
                        Mark(shown, 1, 1),
                        "",
                        f"a data file must sit in one of data/{{{','.join(KIND_NAMES)}}}/, not at {rel.as_posix()}",
                    )
                )
            else:
                files[rel.parts[0]].append(path)
    total = sum(len(v) for v in files.values())
    if total > MAX_FILES:
        problems.append(Problem(Mark(data_dir.name, 1, 1), "", f"{total} data files; the limit is {MAX_FILES}"))
    return files, problems


def _read_all(
    files: dict[str, list[Path]],
    root: Path,
    as_of: PartialDate,
    results: dict[str, list[FileResult]],
    problems: list[Problem],
) -> None:
    for kind in KIND_NAMES:
        for path in files[kind]:
            shown = path.relative_to(root).as_posix()
            try:
                node = read_yaml(path.read_bytes(), shown, kind)
            except ReadError as exc:
                problems.extend(exc.problems)
                continue
            result = records_from_node(KINDS[kind], node, shown, as_of)
            results[kind].append(result)
            problems.extend(result.ctx.problems)


def load_dataset(data_dir: Path, *, as_of: PartialDate | None = None) -> tuple[Dataset, list[Problem]]:
    """Read and check everything under ``data_dir``; return the dataset and all problems (sorted)."""
    as_of = as_of or today()
    files, problems = data_files(data_dir)
    root = data_dir.parent
    results: dict[str, list[FileResult]] = defaultdict(list)
    with gcpause.paused():  # hundreds of thousands of small acyclic objects (gcpause.py)
        return _load(files, root, as_of, results, problems)


def _load(
    files: dict[str, list[Path]],
    root: Path,
    as_of: PartialDate,
    results: dict[str, list[FileResult]],
    problems: list[Problem],
) -> tuple[Dataset, list[Problem]]:
    _read_all(files, root, as_of, results, problems)

    # Duplicate ids, within a file and across files of a kind.
    declared: dict[str, dict[str, Mark]] = {kind: {} for kind in KIND_NAMES}
    for kind in KIND_NAMES:
        for result in results[kind]:
            for rid, mark, path in result.declared:
                first = declared[kind].get(rid)
                if first is not None:
                    problems.append(
                        Problem(
                            mark,
                            path,
                            f"duplicate {KINDS[kind].one} id '{rid}' (first defined at {first}): ids must be unique",
                        )
                    )
                else:
                    declared[kind][rid] = mark

    # Every reference names a declared record of its kind.
    for kind in KIND_NAMES:
        for result in results[kind]:
            for ref in result.ctx.refs:
                if ref.id not in declared[ref.kind]:
                    problems.append(
                        Problem(
                            ref.mark,
                            ref.path,
                            f"unknown {KINDS[ref.kind].one} '{ref.id}'{did_you_mean(ref.id, declared[ref.kind])}",
                        )
                    )

    def located(kind: str) -> list[tuple[Any, str, dict[str, Mark]]]:
        return [
            (r, path, marks) for res in results[kind] for r, (path, marks) in zip(res.records, res.where, strict=True)
        ]

    for kind in KIND_NAMES:
        for check in KINDS[kind].kind_checks:
            problems.extend(check(located(kind)))

    def collect(kind: str) -> tuple[Any, ...]:
        seen: set[str] = set()
        records = []
        for result in results[kind]:
            for r in result.records:
                if r.id not in seen:
                    seen.add(r.id)
                    records.append(r)
        return tuple(sorted(records, key=KINDS[kind].sort_key))

    dataset = Dataset({kind: collect(kind) for kind in KIND_NAMES})
    return dataset, sorted(set(problems))
