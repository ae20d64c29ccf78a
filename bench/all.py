#!/usr/bin/env python3
"""Every figure issue 12 asks for, in one run: Lighthouse mobile on every page kind, strict
builds of the real docs with the real events grown to 1,000, 5,000 and 10,000 (against plain
MkDocs), and the `mkdocs serve` turnaround.

    .venv/bin/python bench/all.py                 # about 40 minutes on 2 CPUs
    .venv/bin/python bench/all.py --runs 1        # one Lighthouse run per page kind

Lighthouse runs first, on a quiet machine (its timings are simulated from the main thread's
observed work, which other load inflates); the builds and the serve check follow. It writes
bench/out/report.md (the three reports under one heading, with the commit measured) and exits
non-zero if any target was missed; each part also leaves its own report in bench/out/
(lighthouse.md, results-real.md).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SIZES = (1000, 5000, 10000)


def real_event_count() -> int:
    sys.path.insert(0, str(ROOT / "hooks"))
    from explainer.load import load_dataset

    dataset, problems = load_dataset(ROOT / "data")
    if problems:
        raise SystemExit(f"data/ has {len(problems)} problems; first: {problems[0]}")
    return len(dataset.events)


def commit() -> str:
    proc = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                           capture_output=True, text=True, check=False).stdout.strip()
    return (proc.stdout.strip() or "unknown") + (" (with uncommitted changes)" if dirty else "")


def section(path: Path, title: str) -> str:
    text = path.read_text(encoding="utf-8")
    # Each part's report opens with its own "# ..." title: ours replaces it.
    body = "\n".join(line for line in text.splitlines() if not line.startswith("# "))
    return f"## {title}\n\n" + body.replace("\n## ", "\n### ").strip() + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench/all.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page kind (default 3: medians)")
    ap.add_argument("--serve-edits", type=int, default=5, help="edits timed under mkdocs serve (default 5)")
    ap.add_argument("--repeat", type=int, default=2,
                    help="build each size N times, alternating with the baseline, and keep the fastest (default 2)")
    ap.add_argument("--sizes", help="numbers of events (default: the real count, 1000, 5000, 10000)")
    ap.add_argument("--pages", help="Lighthouse page kinds, comma-separated (default: all)")
    args = ap.parse_args(argv)
    python = sys.executable
    started = time.time()
    sizes = args.sizes or ",".join(str(n) for n in (real_event_count(), *SIZES))
    lighthouse = [python, "bench/lighthouse.py", "--runs", str(args.runs)] + (["--pages", args.pages] if args.pages else [])
    steps = [
        ("Lighthouse", lighthouse, OUT / "lighthouse.md"),
        ("Builds and mkdocs serve", [python, "bench/run.py", "--real-docs", "--sizes", sizes, "--repeat", str(args.repeat),
                                     "--serve-check", "--serve-edits", str(args.serve_edits)], OUT / "results-real.md"),
    ]
    status = 0
    parts = []
    for title, cmd, report in steps:
        print(f"[all] {title}: {' '.join(cmd[1:])}", file=sys.stderr, flush=True)
        if report.exists():
            report.unlink()
        code = subprocess.run(cmd, cwd=ROOT, check=False).returncode
        if not report.exists():
            raise SystemExit(f"{title} wrote no report (exit {code})")
        status = status or code
        parts.append(section(report, title))
    minutes = (time.time() - started) / 60
    head = (f"# Speed and scale: one run\n\nCommit {commit()}, measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} "
            f"in {minutes:.0f} minutes by `.venv/bin/python bench/all.py {' '.join(sys.argv[1:] if argv is None else argv)}`. "
            + ("Every target was met." if status == 0 else "Some target was missed: see the FAIL and MISSED lines.") + "\n")
    (OUT / "report.md").write_text(head + "\n" + "\n".join(parts), encoding="utf-8")
    print(f"[all] written to {OUT / 'report.md'}", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
