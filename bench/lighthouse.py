#!/usr/bin/env python3
"""Lighthouse 12 (mobile) on every page kind of the built site, served gzip as a host would.

    .venv/bin/python bench/lighthouse.py                  # build, serve, 3 runs per page kind
    .venv/bin/python bench/lighthouse.py --site /tmp/site --runs 1 --pages home,timeline
    .venv/bin/python bench/lighthouse.py --detail         # + where the main thread goes

Lighthouse and Chromium come from outside the repository: install Lighthouse with
``npm i -E --prefix /tmp/audit lighthouse@12.2.3`` (or pass ``--lighthouse``), and point
``CHROME_PATH`` at Chromium (default /usr/bin/chromium). It prints one Markdown table
(median of the runs for every score and for total blocking time, with the load average
before and after) and writes it to bench/out/lighthouse.md; each run's JSON goes to
bench/out/lighthouse/. A page that asks another host for anything, fails an accessibility,
best-practices or SEO audit, or scores under 95 for performance is reported as a failure.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
LIGHTHOUSE = Path("/tmp/audit/node_modules/.bin/lighthouse")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Page kinds and the path of each; a record page is the largest of its kind (the worst case).
FIXED = {
    "home": "",
    "timeline": "timeline/",
    "timeline period": None,
    "numbers": "numbers/",
    "actors index": "actors/",
    "actor page": None,
    "glossary": "glossary/",
    "sources index": "sources/",
    "source page": None,
    "claims": "claims/",
    "methodology": "methodology/",
    "downloads": "downloads/",
    "corrections": "corrections/",
    "place page": None,
    "map": "map/",
    "disclosures": "disclosures/",
    # The other languages' pages are the same kinds; the longest two stand for them.
    "home (ko)": "ko/",
    "timeline period (ko)": None,
}
# The largest page under each folder; a timeline still on one page stands for its periods.
RECORD_DIRS = {
    "actor page": "actors",
    "source page": "sources",
    "place page": "places",
    "timeline period": "timeline",
    "timeline period (ko)": "ko/timeline",
}
# Every page kind must reach this performance score (median of the runs), as issue 12 asks.
MIN_PERFORMANCE = 95


def log(msg: str) -> None:
    print(f"[lighthouse {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def load() -> str:
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def page_paths(site: Path) -> dict[str, str]:
    """Every page kind's path under the site root."""
    paths = {}
    for kind, path in FIXED.items():
        if path is None:
            folder = site / RECORD_DIRS[kind]
            pages = [p for p in folder.glob("*/index.html")]
            if not pages and kind.startswith("timeline"):
                pages = [folder / "index.html"]
            if not pages:
                raise SystemExit(f"no {kind} under {folder}")
            largest = max(pages, key=lambda p: (p.stat().st_size, p.parent.name))
            path = largest.parent.relative_to(site).as_posix() + "/"
        paths[kind] = path
    return paths


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(site: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, str(ROOT / "bench" / "serve_site.py"), str(site), str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read()
            return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the gzip server did not start")


def run_once(lighthouse: Path, url: str, out: Path) -> dict:
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    cmd = [str(lighthouse), url, "--chrome-flags=--headless --no-sandbox",
           "--only-categories=" + ",".join(CATEGORIES), "--quiet", "--output=json",
           f"--output-path={out}"]
    subprocess.run(cmd, env=env, check=True, timeout=600)
    return json.loads(out.read_text(encoding="utf-8"))


def figures(report: dict) -> dict:
    audits = report["audits"]
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    items = audits.get("network-requests", {}).get("details", {}).get("items", [])
    foreign = sorted({urllib.parse.urlsplit(i["url"]).netloc for i in items
                      if urllib.parse.urlsplit(i["url"]).scheme in ("http", "https")
                      and urllib.parse.urlsplit(i["url"]).hostname != "127.0.0.1"})
    failed = [a for a in ("accessibility", "best-practices", "seo") if scores[a] < 100]
    return {
        **scores,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "dom": audits.get("dom-size", {}).get("numericValue", 0),
        "mainthread": audits["mainthread-work-breakdown"]["numericValue"],
        "foreign": foreign,
        "failed_audits": [a["id"] for c in failed for a in _failing(report, c)],
    }


def _failing(report: dict, category: str) -> list[dict]:
    refs = report["categories"][category]["auditRefs"]
    return [report["audits"][r["id"]] for r in refs
            if r["weight"] and report["audits"][r["id"]]["score"] not in (None, 1)]


def detail(report: dict) -> str:
    """Where the main thread goes: work by category and by script, and the long tasks."""
    audits = report["audits"]
    lines = []
    work = audits["mainthread-work-breakdown"]["details"]["items"]
    lines.append("  main thread: " + ", ".join(f"{i['groupLabel']} {i['duration']:.0f}" for i in work[:6]))
    for i in audits["bootup-time"]["details"]["items"][:4]:
        lines.append(f"  script {i['url']}: total {i['total']:.0f}, eval {i['scripting']:.0f}, "
                     f"parse {i['scriptParseCompile']:.0f}")
    tasks = audits.get("long-tasks", {}).get("details", {}).get("items", [])
    lines.append("  long tasks: " + ", ".join(f"{t['duration']:.0f} ({Path(t['url']).name or t['url']})"
                                              for t in tasks[:6]))
    return "\n".join(lines)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench/lighthouse.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, help="a built site (default: build the repository strictly)")
    ap.add_argument("--runs", type=int, default=3, help="runs per page kind; the table shows medians")
    ap.add_argument("--pages", help="page kinds, comma-separated (default: all)")
    ap.add_argument("--lighthouse", type=Path, default=LIGHTHOUSE)
    ap.add_argument("--detail", action="store_true", help="print where the main thread goes")
    args = ap.parse_args(argv)
    # A TERM (timeout, a tired user) unwinds like Ctrl-C, so the gzip server is stopped too.
    signal.signal(signal.SIGTERM, _interrupt)
    if not args.lighthouse.exists():
        raise SystemExit(f"{args.lighthouse} is missing: npm i -E --prefix /tmp/audit lighthouse@12.2.3")
    OUT.mkdir(parents=True, exist_ok=True)
    raw = OUT / "lighthouse"
    raw.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            log("building the site (mkdocs build --strict)")
            subprocess.run([str(Path(sys.executable).with_name("mkdocs")), "build", "--strict", "-d", str(site)],
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        paths = page_paths(site)
        kinds = args.pages.split(",") if args.pages else list(paths)
        port = free_port()
        server = serve(site, port)
        load_before = load()
        rows, bad = [], []
        try:
            for kind in kinds:
                url = f"http://127.0.0.1:{port}/{paths[kind]}"
                runs = []
                for n in range(args.runs):
                    out = raw / f"{kind.replace(' ', '-')}-{n + 1}.json"
                    report = run_once(args.lighthouse, url, out)
                    runs.append(figures(report))
                    if args.detail:
                        print(f"{kind} run {n + 1}:\n{detail(report)}", file=sys.stderr)
                med = {k: statistics.median(r[k] for r in runs)
                       for k in ("performance", *CATEGORIES[1:], "tbt", "lcp", "fcp", "dom", "mainthread")}
                med["tbts"] = "/".join(f"{r['tbt']:.0f}" for r in runs)
                rows.append((kind, paths[kind], med))
                foreign = sorted({h for r in runs for h in r["foreign"]})
                failing = sorted({a for r in runs for a in r["failed_audits"]})
                if foreign:
                    bad.append(f"{kind}: requests to {', '.join(foreign)}")
                if failing:
                    bad.append(f"{kind}: failing audits {', '.join(failing)}")
                if med["performance"] < MIN_PERFORMANCE:
                    bad.append(f"{kind}: performance {med['performance']:.0f} < {MIN_PERFORMANCE}")
                log(f"{kind}: performance {med['performance']:.0f}, TBT {med['tbts']} ms")
        finally:
            server.terminate()
            server.wait(timeout=10)
    load_after = load()
    lines = [f"Lighthouse mobile, median of {args.runs} run(s); load average {load_before} before, "
             f"{load_after} after (2 CPUs).", "",
             "| Page kind | Path | Perf | A11y | BP | SEO | TBT ms (median; runs) | LCP s | Main thread s | Elements |",
             "| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: |"]
    for kind, path, m in rows:
        lines.append(f"| {kind} | /{path} | {m['performance']:.0f} | {m['accessibility']:.0f} | "
                     f"{m['best-practices']:.0f} | {m['seo']:.0f} | {m['tbt']:.0f} ({m['tbts']}) | "
                     f"{m['lcp'] / 1000:.1f} | {m['mainthread'] / 1000:.1f} | {m['dom']:.0f} |")
    lines += [""] + [f"- FAIL {b}" for b in bad]
    text = "\n".join(lines) + "\n"
    (OUT / "lighthouse.md").write_text(text, encoding="utf-8")
    print(text)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
