#!/usr/bin/env python3
"""The real site built in one language and in four: time and peak memory.

    .venv/bin/python bench/languages.py            # three runs of each, medians
    .venv/bin/python bench/languages.py --runs 1

Each build is `mkdocs build --strict` of a copy of the repository's mkdocs.yml, data and docs
in a fresh process (one language: `extra.languages: [en]`, as `mkdocs serve` builds; four: the
site as published). Peak memory is the build process's maximum resident set size. Prints a
Markdown table; writes nothing in the repository.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def project(tmp: Path, languages: str) -> Path:
    dest = tmp / f"project-{languages.count(',') + 1}"
    for part in ("hooks", "overrides", "docs", "data"):
        shutil.copytree(ROOT / part, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (dest / "mkdocs.yml").write_text(re.sub(r"(?m)^  languages: \[.*\]$", f"  languages: [{languages}]", config))
    return dest


def build(proj: Path, site: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS in MiB) of one strict build in a child process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    argv = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(proj / "mkdocs.yml"), "-d", str(site)]
    t0 = time.perf_counter()
    pid = os.posix_spawn(sys.executable, argv, env)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"the build of {proj} failed")
    return wall, usage.ru_maxrss / 1024  # KiB on Linux


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for languages in ("en", "en, ko, uk, ru"):
            proj = project(Path(tmp), languages)
            runs = [build(proj, Path(tmp) / "site") for _ in range(args.runs)]
            pages = sum(1 for _ in (Path(tmp) / "site").rglob("*.html"))
            rows.append((languages, statistics.median(w for w, _ in runs), max(m for _, m in runs), pages))
    print(f"Load average: {os.getloadavg()[0]:.1f}; median of {args.runs} runs\n")
    print("| Languages | Build (wall) | Peak memory | HTML pages |\n| --- | --- | --- | --- |")
    for languages, wall, mem, pages in rows:
        print(f"| {languages} | {wall:.2f} s | {mem:.0f} MiB | {pages:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
