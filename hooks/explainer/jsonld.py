"""Structured data for search engines and link previews: schema.org in JSON-LD.

``for_page`` gives the JSON-LD of a generated page (or None): ``Event`` for the timeline's
events, ``DefinedTermSet``/``DefinedTerm`` for the glossary, ``CreativeWork`` for a source,
``ClaimReview`` for the checked claims. The result is safe inside a ``<script>`` element:
``<``, ``>`` and ``&`` are written as JSON escapes, so no text can close the element.
"""

from __future__ import annotations

import json
from typing import Any

from .model import Dataset
from .render import timeline

MAX_FULL_TERMS = 200
VERDICT_RATING = {"accurate": 5, "imprecise": 3, "unverified": 2, "inaccurate": 1}


def _dump(doc: dict[str, Any]) -> str:
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def for_page(uri: str, dataset: Dataset, page_url: str, site_name: str) -> str | None:
    """JSON-LD for the generated page at ``uri`` (``page_url`` is its absolute or site-relative URL)."""
    part = next((p for p in timeline.parts(dataset) if p.uri == uri), None)
    if uri == "timeline.md" and not timeline.parts(dataset) or part is not None:
        events = []
        for e in part.events if part is not None else dataset.events:
            item: dict[str, Any] = {
                "@type": "Event",
                "@id": f"{page_url}#{e.id}",
                "url": f"{page_url}#{e.id}",
                "name": e.title,
                "startDate": e.date.iso(),
                "description": e.summary,
                "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            }
            if e.end:
                item["endDate"] = e.end.iso()
            if e.place:
                item["location"] = {"@type": "Place", "name": e.place}
            events.append(item)
        return _dump({"@context": "https://schema.org", "@graph": events})
    if uri == "glossary.md":
        # Definitions are in the page itself; past a few hundred terms the structured copy
        # of each would double a page the reader downloads, so only names and links stay.
        full = len(dataset.terms) <= MAX_FULL_TERMS
        return _dump(
            {
                "@context": "https://schema.org",
                "@type": "DefinedTermSet",
                "@id": page_url,
                "name": f"{site_name}: glossary",
                "hasDefinedTerm": [
                    {
                        "@type": "DefinedTerm",
                        "@id": f"{page_url}#{t.id}",
                        "url": f"{page_url}#{t.id}",
                        "name": t.term,
                        **({"description": t.definition} if full else {}),
                        **({"alternateName": list(t.aliases)} if t.aliases else {}),
                        "inDefinedTermSet": page_url,
                    }
                    for t in dataset.terms
                ],
            }
        )
    if uri.startswith("sources/") and uri != "sources/index.md":
        s = dataset.source.get(uri.removeprefix("sources/").removesuffix(".md"))
        if s is None:
            return None
        work: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "CreativeWork",
            "name": s.title,
            "url": s.url,
            "publisher": {"@type": "Organization", "name": s.publisher},
            "datePublished": s.published.iso(),
            "inLanguage": s.language,
        }
        if not s.title_supplied:  # a supplied title is our description, not the headline
            work["headline"] = s.title
        if s.author:
            work["author"] = {"@type": "Person", "name": s.author}
        if s.archive_url:
            work["archivedAt"] = s.archive_url
        return _dump(work)
    if uri == "claims.md":
        reviews = []
        for c in dataset.claims:
            review: dict[str, Any] = {
                "@type": "ClaimReview",
                "@id": f"{page_url}#{c.id}",
                "url": f"{page_url}#{c.id}",
                "claimReviewed": c.claim,
                "author": {"@type": "Organization", "name": site_name},
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": VERDICT_RATING[c.verdict],
                    "bestRating": 5,
                    "worstRating": 1,
                    "alternateName": c.verdict.capitalize(),
                },
            }
            if c.date:
                review["itemReviewed"] = {"@type": "Claim", "temporalCoverage": c.date.iso()}
            reviews.append(review)
        return _dump({"@context": "https://schema.org", "@graph": reviews})
    return None
