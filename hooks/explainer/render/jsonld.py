"""Structured data for search engines and link previews: schema.org in JSON-LD.

Each page renderer builds its own items (``Event``s on the timeline, a ``DefinedTermSet``
on the glossary, a ``CreativeWork`` on a source's page, ``ClaimReview``s on the claims
page, a ``Place`` on a place's page); these helpers make them safe inside a ``<script>``
element (``<``, ``>`` and ``&`` are written as JSON escapes, so no text can close it) and
give the page's address.
"""

from __future__ import annotations

import json
from typing import Any

from ..urls import permalink
from .context import Ctx


def dump(doc: dict[str, Any]) -> str:
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def graph(items: list[dict[str, Any]]) -> str:
    return dump({"@context": "https://schema.org", "@graph": items})


def page_url(uri: str, ctx: Ctx) -> str:
    """The page's absolute address; without a site URL, '' (so that '#id' resolves against
    the page itself)."""
    return permalink(uri, ctx.dataset, ctx.site_url, ctx.lang) if ctx.site_url else ""
