"""python -m tools.linkkeeper: check every source, archive it, record what was learned.

    python -m tools.linkkeeper --contact https://github.com/owner/repo
    python -m tools.linkkeeper --only kcna-2024-06-20-treaty-text --dry-run

The User-Agent names the project and ``--contact`` (default: $REPO_URL), so that a site's
operator can see who is asking and why. Save Page Now keys, when the repository has them,
come from $IA_ACCESS_KEY and $IA_SECRET_KEY (never from the command line). Exits 0 after a
run, 1 when the run looked like a network failure on our side (nothing recorded), 2 on a
usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import os
import sys
from pathlib import Path

from explainer.dates import parse_date

from .keeper import run
from .net import Client, Settings
from .wayback import AVAILABILITY, SAVE, Wayback

PROJECT = "nk-troops-russia-explainer-linkkeeper/1.0"


def user_agent(contact: str) -> str:
    return f"{PROJECT} (+{contact}; checks that the sources cited by this explainer are still online)"


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parents[2]
    p = argparse.ArgumentParser(prog="python -m tools.linkkeeper", description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, default=root / "data", help="the data folder (holds sources/)")
    p.add_argument(
        "--contact", default=os.environ.get("REPO_URL", ""), help="the project's address, for the User-Agent"
    )
    p.add_argument("--today", help="the date to record (YYYY-MM-DD; default: today, UTC)")
    p.add_argument("--only", action="append", metavar="ID", help="check only this source (repeatable)")
    p.add_argument(
        "--budget-minutes", type=float, default=45.0, help="stop starting new checks after this long"
    )
    p.add_argument("--max-saves", type=int, default=100, help="Save Page Now captures to ask for in one run")
    p.add_argument("--no-archive", action="store_true", help="check the links only; ask no archive")
    p.add_argument("--dry-run", action="store_true", help="print the diff; write nothing")
    p.add_argument(
        "--summary", type=Path, help="write the run's report (Markdown, for the pull request) here"
    )
    p.add_argument("--availability-api", default=AVAILABILITY, help=argparse.SUPPRESS)
    p.add_argument("--save-page-now", default=SAVE, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if not args.contact.startswith(("https://", "http://")):
        p.error(
            "give the project's address with --contact (or $REPO_URL): the User-Agent must say who is asking"
        )
    today = parse_date(args.today or dt.datetime.now(dt.UTC).date().isoformat())
    if today.precision != "day":
        p.error("--today must be a day (YYYY-MM-DD)")
    client = Client(user_agent(args.contact), Settings())
    keys = os.environ.get("IA_ACCESS_KEY"), os.environ.get("IA_SECRET_KEY")
    wayback = None
    if not args.no_archive:
        auth = f"{keys[0]}:{keys[1]}" if all(keys) else None
        # With keys the Archive allows 12 captures a minute, without 4: we ask for one every 10 s or 30 s.
        wayback = Wayback(
            client, args.availability_api, args.save_page_now, auth, save_interval=10.0 if auth else 30.0
        )
    report, changed = run(
        args.data,
        client,
        wayback,
        today,
        budget=args.budget_minutes * 60,
        max_saves=args.max_saves,
        only=set(args.only) if args.only else None,
        write=not args.dry_run,
    )
    if args.dry_run:
        for path, text in changed.items():
            old = path.read_text(encoding="utf-8")
            rel = (
                path.relative_to(args.data.parent).as_posix()
                if path.is_relative_to(args.data.parent)
                else str(path)
            )
            sys.stdout.writelines(
                difflib.unified_diff(old.splitlines(True), text.splitlines(True), f"a/{rel}", f"b/{rel}")
            )
    summary = report.markdown()
    if args.summary:
        args.summary.write_text(summary, encoding="utf-8")
    print(summary, file=sys.stderr)
    return 1 if report.suspect else 0


if __name__ == "__main__":
    sys.exit(main())
