"""The link keeper's writes and runs: byte-for-byte YAML edits, whole runs against local
fakes of the web and the Archive, and the command line."""

from __future__ import annotations

import difflib
import subprocess
import sys

import pytest
from conftest import ROOT
from linkfakes import HANG, FakeTime, as_json, fixed, resolver, serve

import tools.linkkeeper  # noqa: F401
from explainer.dates import parse_date
from explainer.kinds import KINDS
from explainer.validate import records_from_node
from explainer.yamlread import read_yaml
from tools.linkkeeper.keeper import run
from tools.linkkeeper.net import Client, Settings
from tools.linkkeeper.wayback import Wayback
from tools.linkkeeper.yamledit import Edit, EditError, apply, scalar

D = parse_date
TS = "20241018093000"

SAMPLE = """\
# Sources published in 2024. A comment the writer must keep.

- id: first-source
  publisher: 'Quoted Publisher'   # a trailing comment
  title: "A title: with a colon"
  published: 2024-10-18
  url: https://news.example/a
  # a comment between fields
  accessed: 2026-11-27
  type: newspaper
  language: en

- id: second-source
  publisher: Other
  title: Second
  published: 2024-10-19
  url: https://news.example/b
  archive_url: https://web.archive.org/web/20241019000000/https://news.example/b
  link_status:
    status: timeout
    checked: 2026-11-26
    failing_since: 2026-11-26
  accessed: 2026-11-27
  type: newspaper
  language: en
  supports: >-
    Folded text
    over two lines.
# the end of the file
"""


def changed_lines(old: str, new: str) -> list[str]:
    return [line for line in difflib.ndiff(old.splitlines(True), new.splitlines(True)) if line[:1] in "+-"]


def edit(text: str, edits: list[Edit]) -> str:
    return apply(text, read_yaml(text.encode("utf-8"), "t.yaml"), edits, "t.yaml")


def test_an_insert_changes_nothing_else():
    status = {"status": "live", "code": 200, "checked": D("2026-12-03")}
    new = edit(SAMPLE, [Edit(0, "https://web.archive.org/web/20241018093000/https://news.example/a", status)])
    assert changed_lines(SAMPLE, new) == [
        "+   archive_url: https://web.archive.org/web/20241018093000/https://news.example/a\n",
        "+   link_status:\n",
        "+     status: live\n",
        "+     code: 200\n",
        "+     checked: 2026-12-03\n",
    ]
    # ... inserted right after the url, before the comment that belongs to the next field.
    assert (
        "url: https://news.example/a\n  archive_url:" in new
        and "    checked: 2026-12-03\n  # a comment between fields\n" in new
    )


def test_a_replacement_changes_only_the_field_it_replaces():
    status = {"status": "gone", "code": 404, "checked": D("2026-12-10"), "failing_since": D("2026-12-03")}
    new = edit(SAMPLE, [Edit(1, None, status)])
    assert changed_lines(SAMPLE, new) == [
        "-     status: timeout\n",
        "+     status: gone\n",
        "+     code: 404\n",
        "-     checked: 2026-11-26\n",
        "+     checked: 2026-12-10\n",
        "-     failing_since: 2026-11-26\n",
        "+     failing_since: 2026-12-03\n",
    ]
    assert new.endswith("    over two lines.\n# the end of the file\n")


def test_crlf_files_stay_crlf_and_a_missing_final_newline_stays_missing():
    crlf = SAMPLE.replace("\n", "\r\n").removesuffix("\r\n")
    new = edit(crlf, [Edit(0, "https://web.archive.org/web/20241018093000/https://news.example/a", None)])
    assert "\n" not in new.replace("\r\n", "")
    assert not new.endswith("\r\n")
    assert (
        new.replace(
            "  archive_url: https://web.archive.org/web/20241018093000/https://news.example/a\r\n", ""
        )
        == crlf
    )


def test_the_real_data_files_keep_every_other_byte(tmp_path):
    for path in sorted((ROOT / "data" / "sources").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        root = read_yaml(text.encode("utf-8"), path.name)
        status = {
            "status": "redirected",
            "code": 200,
            "checked": D("2026-12-03"),
            "final_url": "https://elsewhere.example/x",
        }
        edits = [Edit(i, None, status) for i in range(0, len(root.items), 3)]
        new = apply(text, root, edits, path.name)
        kept = [
            line for line in difflib.ndiff(text.splitlines(True), new.splitlines(True)) if line[:1] != "+"
        ]
        assert all(not line.startswith("-") for line in kept), path.name
        assert sum(1 for line in changed_lines(text, new)) == 5 * len(edits)
        problems = records_from_node(
            KINDS["sources"], read_yaml(new.encode("utf-8"), path.name), path.name, D("2026-12-03")
        ).ctx.problems
        assert problems == [], problems[:3]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("https://news.example/a?b=1&c=2#frag", "https://news.example/a?b=1&c=2#frag"),
        ("https://news.example/ends-with:", '"https://news.example/ends-with:"'),
        ("https://news.example/it's", '"https://news.example/it\'s"'),
        (D("2026-12-03"), "2026-12-03"),
        (404, "404"),
    ],
)
def test_scalars_read_back_as_written(value, written):
    assert scalar(value) == written


def test_a_flow_style_record_is_refused_not_mangled():
    text = "- {id: a, url: 'https://news.example/a', publisher: P}\n"
    with pytest.raises(EditError, match="flow style"):
        edit(text, [Edit(0, "https://web.archive.org/web/20241018093000/https://news.example/a", None)])


# --- whole runs ---------------------------------------------------------------------------


def source(i: int, url: str, extra: str = "") -> str:
    return (
        f'- id: source-{i}\n  publisher: P{i}  # kept\n  title: "T{i}"\n  published: 2024-10-18\n'
        f"  url: {url}\n{extra}  accessed: 2026-11-27\n  type: newspaper\n  language: en\n\n"
    )


@pytest.fixture
def web():
    with serve() as w:
        yield w


def keeper(web, clock: FakeTime) -> tuple[Client, Wayback]:
    settings = Settings(timeout=0.4, retries=1, backoff=1.0, host_interval=1.0)
    client = Client(
        "test-agent (+https://example.test)",
        settings,
        clock=clock.clock,
        sleep=clock.sleep,
        resolver=resolver,
    )
    wb = Wayback(
        client,
        web.url("archive.test", "/wayback/available"),
        web.url("save.test", "/save"),
        poll_interval=2.0,
    )
    return client, wb


def archive_routes(web, has_copy: set[str]) -> None:
    def available(method, path, query, data, hits):
        url = query["url"][0]
        if url.rsplit("/", 1)[-1] in has_copy:
            return as_json(
                {"archived_snapshots": {"closest": {"available": True, "timestamp": TS, "status": "200"}}}
            )
        return as_json({"archived_snapshots": {}})

    web.routes["/wayback/available"] = available
    web.routes["/save"] = lambda *a: as_json({"job_id": "j1"})
    web.routes["/save/status/"] = lambda *a: as_json({"status": "success", "timestamp": "20261203120000"})


def test_two_runs_a_week_apart(tmp_path, web):
    web.routes |= {
        "/ok": fixed(200),
        "/new": fixed(200),
        "/hang": fixed(*HANG),
        "/gone": fixed(404),
        "/blocked": fixed(403),
    }
    archive_routes(web, {"ok", "gone"})
    paths = ["/ok", "/new", "/hang", "/gone", "/blocked"]
    text = "# header comment\n\n" + "".join(source(i, web.url("news.test", p)) for i, p in enumerate(paths))
    data = tmp_path / "data"
    (data / "sources").mkdir(parents=True)
    file = data / "sources" / "2024.yaml"
    file.write_text(text, encoding="utf-8")
    clock = FakeTime()
    client, wb = keeper(web, clock)

    report, _ = run(data, client, wb, D("2026-12-03"))
    after = file.read_text(encoding="utf-8")
    assert all(line.startswith("+") for line in changed_lines(text, after))  # only additions
    assert dict(report.checked) == {"live": 2, "timeout": 1, "gone": 1, "blocked": 1}
    assert report.found == ["source-0", "source-3"]  # existing copies: the page that works and the one gone
    assert report.saved == ["source-1", "source-4"]  # new copies of the pages that answer (blocked included)
    assert report.newly_dead == []  # one failure kills nothing
    assert f"archive_url: https://web.archive.org/web/{TS}/{web.url('news.test', '/ok')}" in after
    assert f"archive_url: https://web.archive.org/web/20261203120000/{web.url('news.test', '/new')}" in after
    problems = records_from_node(KINDS["sources"], read_yaml(after.encode(), "f"), "f", D("2026-12-03")).ctx.problems
    assert problems == []

    six_days, changed = run(data, client, wb, D("2026-12-09"))
    assert six_days.newly_dead == [] and six_days.found == six_days.saved == []  # archived: not asked again
    assert changed == {}  # nothing but the dates would change: nothing is written
    week, _ = run(data, client, wb, D("2026-12-10"))
    assert week.newly_dead == [
        "source-2",
        "source-3",
    ]  # the hanging page and the missing one; never the blocked one
    final = file.read_text(encoding="utf-8")
    records = records_from_node(KINDS["sources"], read_yaml(final.encode(), "f"), "f", D("2026-12-10")).records
    assert {r.id: r.link_status.dead for r in records} == {
        "source-0": False,
        "source-1": False,
        "source-2": True,
        "source-3": True,
        "source-4": False,
    }
    assert final.startswith("# header comment\n\n- id: source-0\n  publisher: P0  # kept\n")
    assert final.count("checked: 2026-12-10") == 2  # only the two that died were rewritten
    run(data, client, wb, D("2026-12-31"))
    assert file.read_text(encoding="utf-8").count("checked: 2026-12-31") == 3  # 28 days old: refreshed


def test_every_status_is_recorded_even_when_captures_are_cut_short(tmp_path, web):
    web.routes["/ok"] = fixed(200)
    archive_routes(web, set())
    data = tmp_path / "data"
    (data / "sources").mkdir(parents=True)
    text = "".join(source(i, web.url("news.test", f"/ok?{i}")) for i in range(3))
    (data / "sources" / "x.yaml").write_text(text, encoding="utf-8")
    client, wb = keeper(web, FakeTime())
    report, changed = run(data, client, wb, D("2026-12-03"), max_saves=1)
    new = next(iter(changed.values()))
    assert new.count("status: live") == 3 and new.count("archive_url:") == 1
    assert report.saved == ["source-0"] and report.not_captured == 2
    assert "2 pages without an archived copy are left for the next run" in report.markdown()
    web.routes["/ok"] = fixed(410)
    later, _ = run(data, client, None, D("2026-12-10"))
    assert later.changes == [f"source-{i}: live -> gone" for i in range(3)]


def test_a_run_that_fails_everywhere_blames_the_network_and_records_nothing(tmp_path, web):
    data = tmp_path / "data"
    (data / "sources").mkdir(parents=True)
    file = data / "sources" / "x.yaml"
    text = "".join(source(i, f"https://site{i}.invalid/page") for i in range(12))
    file.write_text(text, encoding="utf-8")
    client, wb = keeper(web, FakeTime())
    report, changed = run(data, client, wb, D("2026-12-03"))
    assert report.suspect and changed == {} and file.read_text(encoding="utf-8") == text
    assert "nothing was recorded" in report.markdown()


def test_the_time_budget_leaves_the_rest_for_next_run_oldest_first(tmp_path, web):
    # HEAD is refused, so each check is a HEAD and a GET, one host interval (1 s) apart.
    web.routes["/ok"] = lambda method, *_: (405, {}, b"") if method == "HEAD" else (200, {}, b"")
    data = tmp_path / "data"
    (data / "sources").mkdir(parents=True)
    checked = "  link_status:\n    status: live\n    checked: 2026-11-01\n"
    text = source(0, web.url("news.test", "/ok?a"), checked) + source(1, web.url("news.test", "/ok?b"))
    (data / "sources" / "x.yaml").write_text(text, encoding="utf-8")
    client, _ = keeper(web, FakeTime())
    report, changed = run(data, client, None, D("2026-12-03"), budget=0.5)
    assert report.left == 1 and sum(report.checked.values()) == 1
    assert (
        "checked: 2026-12-03" in next(iter(changed.values())).split("- id: source-1")[1]
    )  # the never-checked one first


def test_the_command_needs_a_contact_address(tmp_path):
    env = {"PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-m", "tools.linkkeeper", "--data", str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and "--contact" in proc.stderr


def test_the_command_runs_on_an_empty_selection(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "tools.linkkeeper",
            "--contact",
            "https://github.com/example/explainer",
            "--only",
            "no-such-source",
            "--no-archive",
            "--dry-run",
            "--summary",
            str(tmp_path / "s.md"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "s.md").read_text(encoding="utf-8").startswith("The link keeper checked 0 sources.")
