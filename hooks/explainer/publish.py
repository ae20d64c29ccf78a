"""The build's context for citations, feeds and the TimelineJS export: the bridge from a
``Ctx`` (dataset, catalogue, site address, commit, build date) to ``cite`` and ``feeds``,
which know nothing of pages and URLs."""

from __future__ import annotations

from typing import Any

from . import cite, feeds
from .memo import once_per
from .render.blocks import heading
from .render.context import Ctx
from .urls import permalink


def _url(ctx: Ctx) -> Any:
    return lambda target: permalink(target, ctx.dataset, ctx.site_url, ctx.lang)


def _built(ctx: Ctx) -> Any:
    from .dates import PartialDate

    return ctx.built or PartialDate(1970, 1, 1)


# One citation context per build context: its records' citations are written once, for
# their own files and for the all.* files.
@once_per
def cite_context(ctx: Ctx) -> cite.Context:
    return cite.Context(
        site_name=ctx.site_name,
        url_of=_url(ctx),
        title_of=lambda record: heading(record, ctx),
        commit=ctx.commit,
        built=_built(ctx),
        tr=ctx.tr,
    )


def record_path(record: Any, ext: str) -> str:
    """Where one record's citation in one format is published: cite/events/<id>.bib."""
    return f"cite/{record.KIND}/{record.id}.{ext}"


def record_citations(ctx: Ctx) -> dict[str, str]:
    cc = cite_context(ctx)
    out: dict[str, str] = {}
    for record in cite.cited_records(ctx.dataset):
        for ext, text in cite.record_files(record, cc).items():
            out[record_path(record, ext)] = text
    return out


def all_citations(ctx: Ctx) -> dict[str, str]:
    return {f"cite/all.{ext}": text for ext, text in cite.dataset_files(ctx.dataset, cite_context(ctx)).items()}


def _channel(ctx: Ctx, path: str, title: str) -> feeds.Channel:
    return feeds.Channel(
        site_url=permalink("index.md", ctx.dataset, ctx.site_url, ctx.lang),
        site_name=ctx.site_name,
        self_url=permalink(path, ctx.dataset, ctx.site_url, ctx.lang),
        built=_built(ctx),
        title=title,
    )


def events_feed(ctx: Ctx) -> str:
    tr = ctx.tr
    channel = _channel(ctx, "events.atom", tr._("{site}: events", site=ctx.site_name))
    return feeds.events_feed(ctx.dataset.events, channel, url_of=_url(ctx))


def corrections_feed(ctx: Ctx) -> str:
    tr = ctx.tr
    channel = _channel(ctx, "corrections.atom", tr._("{site}: corrections", site=ctx.site_name))
    return feeds.corrections_feed(
        list(ctx.dataset.all_records()),
        channel,
        url_of=_url(ctx),
        title_of=lambda record: heading(record, ctx),
        entry_title=lambda title: tr._("Correction: {title}", title=title),
    )


def timelinejs(ctx: Ctx) -> str:
    from .kinds.events import CATEGORIES

    tr = ctx.tr
    return feeds.timeline_json(
        ctx.dataset.events,
        url_of=_url(ctx),
        site_name=ctx.site_name,
        description=tr._("Every event of North Korea's deployment to Russia, each with its sources."),
        group_of=lambda e: tr._(CATEGORIES[e.category]),
        link_text=tr._("Sources and details"),
    )
