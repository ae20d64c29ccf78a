"""A short edit loop for ``mkdocs serve``: pages whose inputs did not change are not converted
and rendered again.

MkDocs rebuilds every page on every change. An edit to one YAML record changes a handful
of the site's pages; the others (most source and actor pages) come out byte for byte as
before. Under ``mkdocs serve`` only, this module wraps MkDocs' two per-page steps
(``_populate_page``: Markdown to HTML; ``_build_page``: the theme's template) so that a
generated page whose Markdown and structured data are the same as in the previous build
keeps that build's output (MkDocs empties the site folder before every build, so the HTML
is kept in memory and written again): its title, table of contents, anchors (for link
validation) and search entries are taken from the previous build.

Everything that could change a page beside its own Markdown (the navigation, the theme's
files and our assets, the problems shown on every page, the set of pages) is part of a
signature; when it changes, every page is built again. A hand-written page is kept while
its text and what its shortcuts expand to are unchanged.

Between rebuilds the site folder is kept rather than emptied, and files are copied only when
they changed (a generated download whose content is the same is not written again): a page
or download removed from the data stays in the preview until ``mkdocs serve`` is restarted.
``mkdocs build`` never uses any of this.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
import mkdocs.commands.build as mkdocs_build
from mkdocs.structure.files import Files


@dataclass
class _Saved:
    fingerprint: str
    meta: dict[str, Any]
    title: str | None
    toc: Any
    anchors: set[str] | None
    html: bytes
    search: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ServeCache:
    signature: str = ""
    fingerprints: dict[str, str] = field(default_factory=dict)  # src_uri -> this build's
    saved: dict[str, _Saved] = field(default_factory=dict)  # src_uri -> the last build's
    reused: int = 0

    def start(self, signature: str, fingerprints: dict[str, str]) -> None:
        """A new build: what each generated page is made of, and everything around them."""
        if signature != self.signature:
            self.saved.clear()
        self.signature, self.fingerprints, self.reused = signature, fingerprints, 0

    def reusable(self, page: Any) -> _Saved | None:
        uri = page.file.src_uri
        saved = self.saved.get(uri)
        return saved if saved is not None and saved.fingerprint == self.fingerprints.get(uri) else None


CACHE = ServeCache()


class _TemplateCache(jinja2.BytecodeCache):
    """Compiled templates, kept in memory across rebuilds (keyed by name and source checksum)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = _TemplateCache()


def fingerprint(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def tree_signature(*folders: Path) -> str:
    """The files under ``folders`` by name, size and modification time."""
    parts = []
    for folder in folders:
        for p in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if p.is_file():
                st = p.stat()
                parts.append(f"{p}:{st.st_size}:{st.st_mtime_ns}")
    return fingerprint(*parts)


_original_populate = mkdocs_build._populate_page
_original_build = mkdocs_build._build_page


def _search_entries(config: Any) -> list[dict[str, Any]] | None:
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    return getattr(index, "entries", None)


def _populate_page(page: Any, config: Any, files: Any, dirty: bool = False) -> None:
    saved = CACHE.reusable(page)
    if saved is None:
        _original_populate(page, config, files, dirty)
        return
    page.meta, page._title_from_render, page.toc = saved.meta, saved.title, saved.toc
    page.present_anchor_ids = saved.anchors
    page.markdown, page.content = "", ""


def _build_page(
    page: Any, config: Any, doc_files: Any, nav: Any, env: Any, dirty: bool = False, excluded: bool = False
) -> None:
    entries = _search_entries(config)
    saved = CACHE.reusable(page)
    if saved is not None:
        dest = Path(page.file.abs_dest_path)
        if not dest.is_file():  # the first build in a new site folder
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(saved.html)
        if entries is not None:
            entries.extend(saved.search)
        CACHE.reused += 1
        return
    before = len(entries) if entries is not None else 0
    _original_build(page, config, doc_files, nav, env, dirty, excluded)
    uri = page.file.src_uri
    dest = Path(page.file.abs_dest_path)
    if uri in CACHE.fingerprints and dest.is_file():
        CACHE.saved[uri] = _Saved(
            CACHE.fingerprints[uri],
            dict(page.meta),
            page._title_from_render,
            page.toc,
            set(page.present_anchor_ids or ()),
            dest.read_bytes(),
            list(entries[before:]) if entries is not None else [],
        )


_original_copy = Files.copy_static_files
# site path -> the content of each generated file (a download) as last written
_written: dict[str, str] = {}


def keep_unchanged(files: Files) -> None:
    """Generated downloads whose content is what was last written are not written again."""
    for f in files:
        content = f._content if isinstance(f._content, str) else None
        if content is None or f.is_documentation_page():
            continue
        if _written.get(f.src_uri) == content and Path(f.abs_dest_path).is_file():
            f.is_modified = lambda: False  # type: ignore[method-assign]
        _written[f.src_uri] = content


def _copy_static_files(self: Files, dirty: bool = False, *, inclusion: Any = None) -> None:
    # The site folder is kept between rebuilds: copy only what changed.
    kwargs = {} if inclusion is None else {"inclusion": inclusion}
    _original_copy(self, dirty=True, **kwargs)


def install() -> None:
    """Wrap MkDocs' per-page steps and its copying (``mkdocs serve`` only)."""
    mkdocs_build._populate_page = _populate_page
    mkdocs_build._build_page = _build_page
    mkdocs_build.utils.clean_directory = lambda directory: None  # keep the last build's files
    Files.copy_static_files = _copy_static_files  # type: ignore[method-assign]
