"""One run of the link keeper over ``data/sources/*.yaml``.

For each source (never-checked ones first, then the longest unchecked, so that runs cut
short by the time budget still cover everything over a few weeks):

1. check the URL (``check``) and work out the new ``link_status`` (``state``);
2. without an ``archive_url``: ask the availability API for the copy closest to the day the
   source was read; where there is none and the page answers, ask Save Page Now for one
   (at most ``max_saves`` a run). The ``archive_url`` written is always
   ``https://web.archive.org/web/<timestamp>/<the source's own url>``, so that the validator
   can see it is a copy of that page.
3. write the changes into the files (``yamledit``) and return a report for the pull request.

A run in which most checks fail for reasons that are not the sites' (DNS failures, timeouts,
refused connections) says more about the runner's network than about the web: it records no
link status at all (``Report.suspect``) and the command exits with an error.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explainer.archives import wayback_url
from explainer.dates import PartialDate
from explainer.schema import KINDS, Collector, convert_record
from explainer.yamlread import Map, Seq, read_yaml

from .check import Outcome, check_url
from .net import Client
from .state import advance, dead
from .wayback import ServiceDown, ServiceError, Wayback
from .yamledit import Edit, apply

NETWORK_FAILURES = frozenset({"dns-failure", "timeout", "error"})


@dataclass
class Entry:
    file: Path
    index: int
    id: str
    values: dict[str, Any]


@dataclass
class Report:
    checked: Counter[str] = field(default_factory=Counter)
    newly_dead: list[str] = field(default_factory=list)
    revived: list[str] = field(default_factory=list)
    found: list[str] = field(default_factory=list)  # archive_url from an existing copy
    saved: list[str] = field(default_factory=list)  # archive_url from a new capture
    pending: list[str] = field(default_factory=list)  # captures asked for and not finished
    skipped: list[str] = field(default_factory=list)  # invalid records, left alone
    notes: list[str] = field(default_factory=list)  # service errors and the like
    left: int = 0  # sources not reached before the time budget ran out
    suspect: bool = False
    changed_files: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        """The pull request's description."""
        total = sum(self.checked.values())
        out = [f"The link keeper checked {total} sources."]
        if self.suspect:
            out.append("\n**Most checks failed for network reasons: nothing was recorded.**")
        if self.checked:
            out.append("\n| Status | Sources |\n| --- | --- |")
            out += [f"| {status} | {n} |" for status, n in sorted(self.checked.items())]
        for title, ids in (
            ("Newly dead (failed on two checks at least a week apart)", self.newly_dead),
            ("Dead before, live again", self.revived),
            ("Archived copy found", self.found),
            ("Archived copy made by Save Page Now", self.saved),
            ("Capture still pending (next run)", self.pending),
            ("Invalid records left alone", self.skipped),
        ):
            if ids:
                out.append(f"\n**{title}** ({len(ids)}): " + ", ".join(f"`{i}`" for i in ids))
        if self.left:
            out.append(
                f"\n{self.left} sources were not reached in this run's time budget; "
                "the next run starts with them."
            )
        if self.notes:
            out.append("\nNotes:\n" + "\n".join(f"- {n}" for n in self.notes))
        return "\n".join(out) + "\n"


def read_sources(data: Path) -> tuple[list[Entry], dict[Path, tuple[str, Seq]], list[str]]:
    """Every valid source record, each file's text and nodes, and the ids of invalid records."""
    entries, files, skipped = [], {}, []
    for path in sorted((data / "sources").glob("*.yaml")):
        raw = path.read_bytes()
        root = read_yaml(raw, str(path))
        if not isinstance(root, Seq):
            continue
        files[path] = (raw.decode("utf-8"), root)
        for i, node in enumerate(root.items):
            ctx = Collector()
            values = (
                convert_record(KINDS["sources"], node, f"sources[{i}]", ctx)
                if isinstance(node, Map)
                else None
            )
            if values is None or ctx.problems:
                skipped.append(f"{path.name}[{i}]")
                continue
            entries.append(Entry(path, i, values["id"], values))
    return entries, files, skipped


def _order(e: Entry) -> tuple:
    ls = e.values.get("link_status")
    return (0, ()) if ls is None else (1, ls["checked"].first_day())


def run(
    data: Path,
    client: Client,
    wayback: Wayback | None,
    today: PartialDate,
    *,
    budget: float = float("inf"),
    max_saves: int = 100,
    only: set[str] | None = None,
    write: bool = True,
) -> tuple[Report, dict[Path, str]]:
    """Check, archive and record; returns the report and the new text of each changed file."""
    report = Report()
    entries, files, report.skipped = read_sources(data)
    entries = sorted((e for e in entries if only is None or e.id in only), key=_order)
    start = client.clock()
    edits: dict[Path, list[Edit]] = {}
    outcomes: list[Outcome] = []
    lookups = saves = wayback is not None
    for n, e in enumerate(entries):
        if client.clock() - start > budget:
            report.left = len(entries) - n
            break
        url, previous = e.values["url"], e.values.get("link_status")
        outcome = check_url(client, url)
        outcomes.append(outcome)
        new = advance(previous, outcome, today)
        report.checked[outcome.status] += 1
        if dead(new) and not dead(previous):
            report.newly_dead.append(e.id)
        if dead(previous) and not dead(new):
            report.revived.append(e.id)
        archive = None
        if e.values.get("archive_url") is None and wayback is not None:
            may_save = saves and wayback.captures < max_saves
            archive, lookups, saves = _archive(e, outcome, wayback, report, lookups, may_save)
        edits.setdefault(e.file, []).append(Edit(e.index, archive, new))
    failures = sum(1 for o in outcomes if o.status in NETWORK_FAILURES)
    if len(outcomes) >= 10 and failures * 2 > len(outcomes):
        report.suspect = True
        # Keep the archived copies (they are facts about the archive), drop every status.
        edits = {
            p: [Edit(x.index, x.archive_url, None) for x in xs if x.archive_url] for p, xs in edits.items()
        }
    changed: dict[Path, str] = {}
    for path, file_edits in edits.items():
        text, root = files[path]
        new_text = apply(text, root, [x for x in file_edits if x.archive_url or x.link_status], str(path))
        if new_text != text:
            changed[path] = new_text
            report.changed_files.append(path.as_posix())
            if write:
                path.write_bytes(new_text.encode("utf-8"))
    return report, changed


def _archive(
    e: Entry, outcome: Outcome, wb: Wayback, report: Report, lookups: bool, saves: bool
) -> tuple[str | None, bool, bool]:
    """An archive_url for ``e`` (or None), and whether each service may still be asked this run."""
    url = e.values["url"]
    near = _near(e)
    if lookups:
        try:
            ts = wb.lookup(url, near)
        except ServiceDown as exc:
            report.notes.append(f"availability API left alone for the rest of the run: {exc}")
            lookups, ts = False, None
        except ServiceError as exc:
            report.notes.append(f"{e.id}: {exc}")
            ts = None
        if ts:
            report.found.append(e.id)
            return wayback_url(ts, url), lookups, saves
    if saves and outcome.status in ("live", "redirected", "blocked"):
        try:
            ts = wb.capture(url)
        except ServiceDown as exc:
            report.notes.append(f"Save Page Now left alone for the rest of the run: {exc}")
            return None, lookups, False
        except ServiceError as exc:
            report.notes.append(f"{e.id}: {exc}")
            return None, lookups, saves
        if ts:
            report.saved.append(e.id)
            return wayback_url(ts, url), lookups, saves
        report.pending.append(e.id)
    return None, lookups, saves


def _near(e: Entry) -> str:
    """YYYYMMDD of the day the source was read (the first day of its month or year at lower precision)."""
    y, m, d = e.values["accessed"].first_day()
    return f"{y:04d}{m:02d}{d:02d}"
