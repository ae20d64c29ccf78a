"""MkDocs hooks: the thin layer between MkDocs and the explainer's core.

Per build (and per ``mkdocs serve`` rebuild), each datum is computed once:

on_startup        remember whether this process builds or serves
on_config         load and check ``data/`` into one Dataset; render every page and export
on_files          add the generated pages and downloads (never written into ``docs/``)
on_page_markdown  hand-written pages: check and expand ``[[cite:..]]`` / ``[[term:..]]``;
                  structured data (JSON-LD) for generated pages
on_post_page      small repairs to the theme's HTML (explainer/htmlfix.py)

Broken data fails ``mkdocs build`` with every problem listed. Under ``mkdocs serve`` the
problems are printed and shown on every page, and the site is rebuilt from the last good
data, so the reader's browser keeps a working site while the contributor fixes the file.

MkDocs loads this file once per process and puts its folder on ``sys.path`` only while
doing so: the core package is imported here, at the top, and per-build state lives in
``_state``, reset in ``on_config``.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from explainer.export import all_exports
from explainer.htmlfix import tidy
from explainer.jsonld import for_page
from explainer.load import load_dataset
from explainer.model import Dataset
from explainer.problems import Problem, format_problems
from explainer.render import all_pages
from explainer.render.common import inert
from explainer.render.linkstate import expand_marker
from explainer.shortcuts import check_shortcuts, expand_shortcuts
from explainer.termlinks import TermLinkExtension

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = get_plugin_logger("explainer")

# Generated pages listed in mkdocs.yml's nav; every other generated page is reached by links.
NAV_PAGES = frozenset(
    {
        "timeline.md",
        "numbers.md",
        "actors/index.md",
        "glossary.md",
        "sources/index.md",
        "claims.md",
        "corrections.md",
        "downloads.md",
    }
)


@dataclass
class _State:
    command: str = "build"
    dataset: Dataset = field(default_factory=Dataset)
    problems: list[Problem] = field(default_factory=list)
    last_good: Dataset | None = None  # kept across serve rebuilds
    pages: dict[str, str] = field(default_factory=dict)
    exports: dict[str, str] = field(default_factory=dict)


_state = _State()
# One extension object for the life of the process; its terms are replaced on every build.
_termlinks = TermLinkExtension()


def on_startup(*, command: str, dirty: bool) -> None:
    _state.command = command


def _source_date_epoch(root: Path) -> None:
    """Date the build by the last commit, so that the same checkout builds the same bytes."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, timeout=10, check=False
        )
    except OSError:
        return
    if out.returncode == 0 and out.stdout.strip().isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = out.stdout.strip()


def on_config(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    _source_date_epoch(root)
    dataset, problems = load_dataset(root / "data")
    _state.problems = problems
    if problems:
        if _state.command != "serve":
            raise PluginError(format_problems(problems))
        for p in problems:
            log.error(str(p))
        if _state.last_good is not None:
            log.error("The site is built from the last data that passed validation until these are fixed.")
            dataset = _state.last_good
        else:
            dataset = Dataset()
    else:
        _state.last_good = dataset
    _state.dataset = dataset
    _termlinks.set_terms(dataset.terms)
    if _termlinks not in config.markdown_extensions:
        config.markdown_extensions.append(_termlinks)
    # Edit links point at the YAML on the repository named in mkdocs.yml, when there is one.
    repo = None
    if config.repo_url:
        branch = config.extra.get("edit_branch", "main")
        repo = f"{config.repo_url.rstrip('/')}/blob/{branch}/"
        # Hand-written pages get Material's edit button; mkdocs.yml cannot name a branch
        # for a repository that is only known from the environment.
        config.edit_uri = f"edit/{branch}/docs/"
    _state.pages = all_pages(dataset, repo=repo)
    _state.exports = all_exports(dataset)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for uri, content in {**_state.pages, **_state.exports}.items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            raise PluginError(f"docs/{uri} shadows a page generated from data/: rename or delete docs/{uri}")
        inclusion = InclusionLevel.UNDEFINED if uri in NAV_PAGES or not uri.endswith(".md") else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, uri, content=content, inclusion=inclusion))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The glossary defines the terms: linking them there would only point at themselves.
    _termlinks.enabled = page.file.src_uri != "glossary.md"
    if page.file.generated_by is None:
        # A hand-written page: located problems for unknown ids, then the expansion.
        src = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
        for p in check_shortcuts(page.file.content_string, _state.dataset, src):
            log.warning(str(p))
        markdown = expand_marker(expand_shortcuts(markdown, _state.dataset), _state.dataset)
    else:
        # Without a site_url, "#id" resolves against the page itself.
        page_url = page.canonical_url or ""
        ld = for_page(page.file.src_uri, _state.dataset, page_url, config.site_name)
        if ld is not None:
            page.meta["jsonld"] = ld
    if _state.problems and _state.command == "serve":
        shown = _state.problems[:50]
        what = "this page shows the last good data" if _state.last_good is not None else "no data could be shown"
        lines = [f'!!! failure "{len(_state.problems)} problems in data/: {what}"', ""]
        lines += [f"    - {inert(str(p))}" for p in shown]
        markdown = "\n".join(lines) + "\n\n" + markdown
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    # A page that hides its table of contents (a glossary of hundreds of terms) must not
    # carry it in the navigation either, where the theme would still write every entry.
    if "toc" in (page.meta.get("hide") or []):
        page.toc = get_toc([])
    return html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    # Repairs to the theme's HTML so that every page validates (see explainer/htmlfix.py).
    return tidy(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # The same repairs for pages built from theme templates alone (404.html).
    return tidy(output_content) if template_name.endswith(".html") else output_content
