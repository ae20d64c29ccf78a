"""MkDocs hooks: the thin layer between MkDocs and the explainer's core.

Per build (and per ``mkdocs serve`` rebuild), each datum is computed once:

on_startup        remember whether this process builds or serves
on_config         load and check ``data/`` into one Dataset; render every page and file;
                  set the navigation (``explainer.outputs.NAV``)
on_files          add the generated pages and files (never written into ``docs/``)
on_pre_page       date every page by the build's date (reproducible sitemaps)
on_page_markdown  hand-written pages: check and expand the ``[[...]]`` shortcuts;
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

import datetime as dt
import gc
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import serve_cache
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from explainer import catalogues, gcpause, languages, outputs, translations
from explainer.dates import PartialDate
from explainer.htmlfix import tidy
from explainer.i18n import catalogue
from explainer.load import load_dataset
from explainer.model import Dataset
from explainer.problems import Problem, format_problems
from explainer.render.context import Ctx
from explainer.render.context import Page as GeneratedPage
from explainer.render.markers import expand_markers
from explainer.shortcuts import check_shortcuts, expand_shortcuts
from explainer.termlinks import TermLinkExtension
from explainer.text import inert
from explainer.urls import link_target

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = get_plugin_logger("explainer")


@dataclass
class _State:
    command: str = "build"
    ctx: Ctx = field(default_factory=lambda: Ctx(Dataset()))
    problems: list[Problem] = field(default_factory=list)
    last_good: Dataset | None = None  # kept across serve rebuilds
    pages: dict[str, GeneratedPage] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    build_date: str = ""  # YYYY-MM-DD
    translated: catalogues.Catalogues | None = None  # this build's language, if not English
    # What the outermost build read (data, problems; each language's catalogues), for the
    # other languages' builds it runs inside it.
    read: tuple[Dataset, list[Problem]] | None = None
    catalogues_read: dict[str, catalogues.Catalogues] = field(default_factory=dict)
    folders: set[str] = field(default_factory=set)  # of the site, made by this build's downloads


_state = _State()


class _Download(File):
    """A generated file that is not a page: a download, one of 40,000 citation files at
    10,000 events. MkDocs' ``copy_file`` asks the file system for the file's folder each time
    and writes through a text layer; this asks once per folder and writes the bytes."""

    def copy_file(self, dirty: bool = False) -> None:
        content = self._content
        if content is None:  # pragma: no cover - on_files always gives the content
            return super().copy_file(dirty)
        if dirty and not self.is_modified():  # `mkdocs serve`: as last written (serve_cache.keep_unchanged)
            return None
        path = self.abs_dest_path
        folder = os.path.dirname(path)
        if folder not in _state.folders:
            os.makedirs(folder, exist_ok=True)
            _state.folders.add(folder)
        with open(path, "wb") as out:
            out.write(content.encode("utf-8") if isinstance(content, str) else content)


# One extension object for the life of the process; its terms are replaced on every build.
_termlinks = TermLinkExtension()


def on_startup(*, command: str, dirty: bool) -> None:
    _state.command = command
    if command == "serve":  # pages whose inputs did not change are not built again (serve_cache.py)
        serve_cache.install()


def _git(root: Path, *args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=10, check=False)
    except OSError:
        return None
    return out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else None


def _build_time(root: Path) -> dt.datetime:
    """The build's date: SOURCE_DATE_EPOCH when set, else the last commit's time, so that the
    same checkout builds the same bytes (read, never written into the environment)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or _git(root, "log", "-1", "--format=%ct")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC)  # pragma: no cover - outside a checkout


def _read_catalogues(root: Path, lang: str) -> catalogues.Catalogues:
    """A language's catalogues, read once per build (the English build checks them all, then
    builds each language with them)."""
    if lang not in _state.catalogues_read:
        _state.catalogues_read[lang] = catalogues.read_catalogues(root, lang)
    return _state.catalogues_read[lang]


def _nav(entries: tuple[outputs.NavEntry, ...], tr: Any) -> list[dict[str, Any]]:
    return [{tr._(title): target if isinstance(target, str) else _nav(target, tr)} for title, target in entries]


def on_config(config: MkDocsConfig) -> None:
    # Reading the data and making every page and file build hundreds of thousands of objects
    # that live until the build ends: the cyclic collector stays off until they are made
    # (explainer/gcpause.py), and a build then takes them out of its reach for good.
    with gcpause.paused():
        _configure(config)
        if _state.command != "serve":
            # The dataset and the generated pages and files live until the build ends: out of
            # the collector's reach, or every full collection walks them again (about 2 s of a
            # build at 10,000 events; bench/run.py). `mkdocs serve` rebuilds in one process,
            # where they must stay collectable.
            gc.freeze()


def _configure(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    built = _build_time(root)
    _state.build_date = built.date().isoformat()
    nested = bool(config.extra.get("explainer_nested"))
    if nested and _state.read is not None:
        # Another language's build, inside the English one: the same data, read once.
        dataset, problems = _state.read
    else:
        dataset, problems = load_dataset(root / "data")
        _state.read, _state.catalogues_read = (dataset, problems), {}
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
    # Edit links point at the YAML on the repository named in mkdocs.yml, when there is one.
    repo = None
    if config.repo_url:
        branch = config.extra.get("edit_branch", "main")
        repo = f"{config.repo_url.rstrip('/')}/blob/{branch}/"
        # Hand-written pages get Material's edit button; mkdocs.yml cannot name a branch
        # for a repository that is only known from the environment.
        config.edit_uri = f"edit/{branch}/docs/"
    lang = config.theme["language"]
    tr = catalogue(lang)
    codes = tuple(config.extra.get("languages") or (languages.DEFAULT,))
    # Every language's site is its own build; they share the English site's address.
    site_url = config.extra.get("explainer_site_url", config.site_url or "")
    in_english: dict[tuple[str, str], str] = {}
    _state.translated = None
    if lang != languages.DEFAULT:
        _state.translated = _read_catalogues(root, lang)
        applied = translations.apply(dataset, _state.translated)
        dataset, in_english = applied.dataset, applied.english
        config.site_name = tr._(config.site_name)
        if config.site_description:
            config.site_description = tr._(config.site_description)
        if config.copyright:
            config.copyright = tr._(config.copyright)
        for scheme in config.theme.get("palette") or ():
            toggle = scheme.get("toggle") or {}
            if toggle.get("name"):
                toggle["name"] = tr._(toggle["name"])
    elif len(codes) > 1 and not problems and _state.command != "serve":
        # The English build checks every language's translations (a lost number or citation);
        # `mkdocs serve` leaves that to the build and the validator, for a short edit loop.
        units = [*translations.record_units(dataset), *translations.page_units(root / "docs")]
        lost = [p for code in codes[1:] for p in translations.check(_read_catalogues(root, code), units)]
        if lost:
            raise PluginError(format_problems(sorted(lost)))
    # The language switcher (partials/alternate.html) and the sitemap's alternates.
    config.extra["explainer_languages"] = [vars(x) for x in languages.languages(lang, codes, site_url)]
    if len(codes) > 1:
        config.extra["alternate"] = True  # shows Material's language menu; our partial fills it
    ctx = Ctx(
        dataset,
        tr,
        repo=repo,
        site_name=config.site_name,
        site_url=site_url,
        commit=_git(root, "rev-parse", "HEAD"),
        built=PartialDate(built.year, built.month, built.day),
        english=in_english,
    )
    _state.ctx = ctx
    _termlinks.set_terms(dataset.by_id.get("terms", {}).values(), lambda t: link_target(t, dataset))
    if _termlinks not in config.markdown_extensions:
        config.markdown_extensions.append(_termlinks)
    config.nav = _nav(outputs.NAV, tr)
    _state.pages = outputs.pages(ctx)
    _state.files = outputs.files(ctx)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    in_nav = outputs.nav_pages()
    generated = {**{uri: p.markdown for uri, p in _state.pages.items()}, **_state.files}
    existing = files.src_uris  # our URIs are POSIX already: get_file_from_path() would parse each
    _state.folders = set()  # a new build may write into a new (or emptied) site folder
    for uri, content in generated.items():
        if uri in existing:
            raise PluginError(f"docs/{uri} shadows a page generated from data/: rename or delete docs/{uri}")
        if uri.endswith(".md"):
            inclusion = InclusionLevel.UNDEFINED if uri in in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, uri, content=content, inclusion=inclusion))
        else:
            files.append(_Download.generated(config, uri, content=content))
    if _state.command == "serve":
        root = Path(config.config_file_path).parent
        signature = serve_cache.fingerprint(
            config.theme["language"],
            repr(config.nav),
            "\n".join(sorted(_state.pages)),  # the pages (not every download: a new record adds some)
            "\n".join(str(p) for p in _state.problems),
            serve_cache.tree_signature(root / "overrides", Path(config.docs_dir) / "assets"),
            str(Path(config.config_file_path).stat().st_mtime_ns),
        )
        pages = {uri: serve_cache.fingerprint(p.markdown, p.jsonld or "") for uri, p in _state.pages.items()}
        # A hand-written page is what its shortcuts expand to: the same unless its text or
        # what it cites changed.
        for f in files.documentation_pages():
            if f.generated_by is None and f.abs_src_path:
                text = Path(f.abs_src_path).read_text(encoding="utf-8-sig")
                pages[f.src_uri] = serve_cache.fingerprint(text, expand_shortcuts(text, _state.ctx))
        serve_cache.CACHE.start(signature, pages)
        serve_cache.keep_unchanged(files)
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    # Under `mkdocs serve` every rebuild makes a new template environment: keep the compiled
    # templates across rebuilds (Jinja still checks each template's source is unchanged).
    if _state.command == "serve":
        env.bytecode_cache = serve_cache.TEMPLATES
    return env


def on_pre_page(page: Page, *, config: MkDocsConfig, files: Files) -> Page:
    # The sitemap dates every page, and its .gz header takes the latest date: the build's.
    page.update_date = _state.build_date
    return page


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    ctx = _state.ctx
    # The glossary defines the terms: linking them there would only point at themselves.
    _termlinks.enabled = page.file.src_uri != "glossary.md"
    generated = _state.pages.get(page.file.src_uri)
    if generated is None:
        # A hand-written page: located problems for unknown ids, then the expansion.
        src = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
        for p in check_shortcuts(page.file.content_string, ctx.dataset, src):
            log.warning(str(p))
        if _state.translated is not None:
            markdown, _ = translations.translate_page(markdown, page.file.src_uri, _state.translated)
        markdown = expand_markers(expand_shortcuts(markdown, ctx), ctx)
    elif generated.jsonld is not None:
        page.meta["jsonld"] = generated.jsonld
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


def on_post_build(*, config: MkDocsConfig) -> None:
    """After the English site, build every other language's into ``site/<lang>/``, in this
    process, from the same data (``mkdocs serve`` builds one language: see README)."""
    if _state.command == "serve":
        log.info(f"{serve_cache.CACHE.reused} pages unchanged since the last build were kept")
    codes = tuple(config.extra.get("languages") or ())
    if not codes or _state.command != "build" or config.extra.get("explainer_nested"):
        return
    if config.theme["language"] != codes[0]:  # a one-language build (EXPLAINER_LANGUAGE)
        return
    for code in codes[1:]:
        other = load_config(
            config_file=config.config_file_path,
            site_dir=str(Path(config.site_dir) / code),
            strict=config.strict,
        )
        other.theme["language"] = code
        other.extra["explainer_nested"] = True
        other.extra["explainer_site_url"] = config.site_url or ""
        if config.site_url:
            other.site_url = f"{config.site_url.rstrip('/')}/{code}/"
        other.plugins["material/search"].config.lang = languages.SEARCH_LANG[code]
        build(other)
