"""Claims checked: each claim of the seed article with its verdict and the evidence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..kinds.claims import VERDICT_COUNTS, VERDICTS
from ..text import inert, page_head, paragraphs
from .blocks import cite_links, in_english, record_meta
from .context import Ctx, Page
from .jsonld import graph, page_url
from .notes import Footnotes

VERDICT_RATING = {"accurate": 5, "imprecise": 3, "unverified": 2, "inaccurate": 1}


def _jsonld(ctx: Ctx) -> str:
    url = page_url("claims.md", ctx)
    reviews = []
    for c in ctx.dataset.claims:
        review: dict[str, Any] = {
            "@type": "ClaimReview",
            "@id": f"{url}#{c.id}",
            "url": f"{url}#{c.id}",
            "claimReviewed": c.claim,
            "author": {"@type": "Organization", "name": ctx.site_name},
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": VERDICT_RATING[c.verdict],
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": ctx.tr._(VERDICTS[c.verdict]),
            },
        }
        if c.date:
            review["itemReviewed"] = {"@type": "Claim", "temporalCoverage": c.date.iso()}
        reviews.append(review)
    return graph(reviews)


def pages(ctx: Ctx) -> Iterator[Page]:
    tr, claims = ctx.tr, ctx.dataset.claims
    notes = Footnotes(ctx)
    counts = {v: sum(1 for c in claims if c.verdict == v) for v in VERDICTS}
    summary = tr.list([tr.n_(*VERDICT_COUNTS[v], n) for v, n in counts.items() if n])
    checked = tr.n_("{n} claim was checked", "{n} claims were checked", len(claims))
    out = page_head(
        tr._("Claims checked"),
        tr._("The claims of the article this project started from, checked against the sources."),
        tr._(
            "This project began from a news article about North Korea's admission. We checked each factual claim "
            "it makes against the sources: {checked} ({summary}).",
            checked=checked,
            summary=summary,
        ),
    )
    for i, c in enumerate(claims, 1):
        about = " " + tr._("(about {date})", date=tr.date(c.date)) if c.date else ""
        out += [
            f'<div class="ex-claim ex-claim--{c.verdict}"{in_english(c, ctx)[0]} markdown>',
            "",
            *([in_english(c, ctx)[1], ""] if in_english(c, ctx)[1] else []),
            f"## {inert(tr._('Claim {i}: {verdict}', i=i, verdict=tr._(VERDICTS[c.verdict])))} {{ #{c.id} }}",
            "",
            f"**{inert(tr._('The claim:'))}** {inert(c.claim)}{inert(about)}",
            "",
            f"**{inert(tr._('What the sources show:'))}** {paragraphs(c.explanation)}{notes.refs(c.sources)}",
            "",
            cite_links(c, ctx),
            "{: .ex-meta .ex-cite }",
            "",
            record_meta(c, ctx),
            "</div>",
            "",
        ]
    out.append(notes.definitions())
    yield Page("claims.md", "\n".join(out), _jsonld(ctx))
