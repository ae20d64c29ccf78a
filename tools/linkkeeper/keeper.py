"""One run of the link keeper over ``data/sources/*.yaml``.

Sources are taken never-checked first, then longest unchecked first, so that runs cut short
by the time budget still cover everything over a few weeks.

1. Check each URL (``check``) and work out its new ``link_status`` (``state``); a status
   whose only change would be its date is rewritten once it is REFRESH_DAYS old.
2. Without an ``archive_url``: ask the availability API for the copy closest to the day the
   source was read.
3. Then, for the pages that answer and have no copy yet, ask Save Page Now for one (at most
   ``max_saves`` a run, while the budget lasts). The ``archive_url`` written is always
   ``https://web.archive.org/web/<timestamp>/<the source's own url>``, so that the validator
   can see it is a copy of that page.
4. Write the changes into the files (``yamledit``); return a report for the pull request.

A run in which most checks fail for reasons that are not the sites' (DNS failures, timeouts,
refused connections) says more about the runner's network than about the web: it records no
link status at all (``Report.suspect``) and the command exits with an error.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explainer.archives import days_between, wayback_url
from explainer.dates import PartialDate
from explainer.fields import Collector
from explainer.kinds import KINDS
from explainer.yamlread import Map, Seq, read_yaml

from .check import Outcome, check_url
from .net import Client
from .state import advance, dead
from .wayback import ServiceDown, ServiceError, Wayback
from .yamledit import Edit, apply

NETWORK_FAILURES = frozenset({"dns-failure", "timeout", "error"})
# An unchanged status is written again (with its new date) once the recorded check is this old.
REFRESH_DAYS = 28


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
    not_captured: int = 0  # pages without a copy that Save Page Now was not asked about
    changes: list[str] = field(default_factory=list)  # 'id: old -> new' status changes
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
            ("Status changed", self.changes),
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
        if self.not_captured:
            out.append(
                f"\n{self.not_captured} pages without an archived copy are left for the next run's captures."
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
            values = KINDS["sources"].struct.values(node, f"sources[{i}]", ctx) if isinstance(node, Map) else None
            if values is None or ctx.problems:
                skipped.append(f"{path.name}[{i}]")
                continue
            # The keeper works on the link status as a mapping of its fields (shallow).
            ls = values.get("link_status")
            if ls is not None:
                values["link_status"] = {name: getattr(ls, name) for name in ls.__dataclass_fields__}
            entries.append(Entry(path, i, values["id"], values))
    return entries, files, skipped


def _order(e: Entry) -> tuple:
    ls = e.values.get("link_status")
    return (0, ()) if ls is None else (1, ls["checked"].first_day())


def material(previous: dict[str, Any] | None, new: dict[str, Any], today: PartialDate) -> bool:
    """Whether ``new`` is worth a changed line: something other than the date changed, the link
    died or came back, or the recorded check is REFRESH_DAYS old. A weekly proposal then shows
    what changed, not 251 new dates."""
    if previous is None:
        return True
    keys = ("status", "code", "failing_since", "final_url")
    if any(previous.get(k) != new.get(k) for k in keys) or dead(previous) != dead(new):
        return True
    return days_between(previous["checked"], today) >= REFRESH_DAYS


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
    """Check, archive and record; returns the report and the new text of each changed file.

    Two passes: first every source is checked and looked up in the Archive (a few seconds
    each), then Save Page Now is asked for copies of the pages still without one, as long
    as the time budget lasts: one run always records every link's status.
    """
    report = Report()
    entries, files, report.skipped = read_sources(data)
    entries = sorted((e for e in entries if only is None or e.id in only), key=_order)
    start = client.clock()
    statuses: dict[tuple[Path, int], dict[str, Any] | None] = {}
    archives: dict[tuple[Path, int], str] = {}
    outcomes: list[Outcome] = []
    to_capture: list[tuple[Entry, Outcome]] = []
    lookups = wayback is not None
    for n, e in enumerate(entries):
        if client.clock() - start > budget:
            report.left = len(entries) - n
            break
        url, previous = e.values["url"], e.values.get("link_status")
        outcome = check_url(client, url)
        outcomes.append(outcome)
        new = advance(previous, outcome, today)
        report.checked[outcome.status] += 1
        if previous is not None and previous["status"] != new["status"]:
            report.changes.append(f"{e.id}: {previous['status']} -> {new['status']}")
        if dead(new) and not dead(previous):
            report.newly_dead.append(e.id)
        if dead(previous) and not dead(new):
            report.revived.append(e.id)
        statuses[(e.file, e.index)] = new if material(previous, new, today) else None
        if e.values.get("archive_url") is None and wayback is not None:
            ts = None
            if lookups:
                ts, lookups = _lookup(e, wayback, report)
            if ts:
                archives[(e.file, e.index)] = wayback_url(ts, url)
                report.found.append(e.id)
            elif outcome.status in ("live", "redirected", "blocked"):
                to_capture.append((e, outcome))
    if wayback is not None:
        for i, (e, _) in enumerate(to_capture):
            if client.clock() - start > budget or wayback.captures >= max_saves:
                report.not_captured = len(to_capture) - i
                break
            ts, more = _capture(e, wayback, report)
            if ts:
                archives[(e.file, e.index)] = wayback_url(ts, e.values["url"])
            if not more:
                report.not_captured = len(to_capture) - i - 1
                break
    failures = sum(1 for o in outcomes if o.status in NETWORK_FAILURES)
    if len(outcomes) >= 10 and failures * 2 > len(outcomes):
        report.suspect = True
        statuses = {}  # keep the archived copies (facts about the Archive), drop every status
    edits: dict[Path, list[Edit]] = {}
    for key in sorted(set(statuses) | set(archives)):
        if statuses.get(key) is not None or key in archives:
            edits.setdefault(key[0], []).append(Edit(key[1], archives.get(key), statuses.get(key)))
    changed: dict[Path, str] = {}
    for path, file_edits in edits.items():
        text, root = files[path]
        new_text = apply(text, root, file_edits, str(path))
        if new_text != text:
            changed[path] = new_text
            report.changed_files.append(path.as_posix())
            if write:
                path.write_bytes(new_text.encode("utf-8"))
    return report, changed


def _lookup(e: Entry, wb: Wayback, report: Report) -> tuple[str | None, bool]:
    """The timestamp of an existing copy (or None), and whether to keep asking this run."""
    try:
        return wb.lookup(e.values["url"], _near(e)), True
    except ServiceDown as exc:
        report.notes.append(f"availability API left alone for the rest of the run: {exc}")
        return None, False
    except ServiceError as exc:
        report.notes.append(f"{e.id}: {exc}")
        return None, True


def _capture(e: Entry, wb: Wayback, report: Report) -> tuple[str | None, bool]:
    """The timestamp of a new copy (or None), and whether to keep asking this run."""
    try:
        ts = wb.capture(e.values["url"])
    except ServiceDown as exc:
        report.notes.append(f"Save Page Now left alone for the rest of the run: {exc}")
        return None, False
    except ServiceError as exc:
        report.notes.append(f"{e.id}: {exc}")
        return None, True
    (report.saved if ts else report.pending).append(e.id)
    return ts, True


def _near(e: Entry) -> str:
    """YYYYMMDD of the day the source was read (the first day of its month or year at lower precision)."""
    y, m, d = e.values["accessed"].first_day()
    return f"{y:04d}{m:02d}{d:02d}"
