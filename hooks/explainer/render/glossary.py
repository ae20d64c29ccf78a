"""The glossary: every term with its aliases and definition, in alphabetical order."""

from __future__ import annotations

from collections.abc import Iterator

from ..text import MAX_TOC_ENTRIES, SEARCH_BOOST, inert, page_head, paragraphs
from .blocks import count, english_wrap, record_meta
from .context import Ctx, Page
from .jsonld import dump, page_url
from .notes import Footnotes

# Definitions are in the page itself; past a few hundred terms the structured copy of
# each would double a page the reader downloads, so only names and links stay.
MAX_FULL_TERMS = 200


def _jsonld(ctx: Ctx) -> str:
    url = page_url("glossary.md", ctx)
    terms = ctx.dataset.terms
    full = len(terms) <= MAX_FULL_TERMS
    return dump(
        {
            "@context": "https://schema.org",
            "@type": "DefinedTermSet",
            "@id": url,
            "name": ctx.tr._("{site}: glossary", site=ctx.site_name),
            "hasDefinedTerm": [
                {
                    "@type": "DefinedTerm",
                    "@id": f"{url}#{t.id}",
                    "url": f"{url}#{t.id}",
                    "name": t.term,
                    **({"description": t.definition} if full else {}),
                    **({"alternateName": list(t.aliases)} if t.aliases else {}),
                    "inDefinedTermSet": url,
                }
                for t in terms
            ],
        }
    )


def pages(ctx: Ctx) -> Iterator[Page]:
    tr, terms = ctx.tr, ctx.dataset.terms
    notes = Footnotes(ctx)
    out = page_head(
        tr._("Glossary"),
        tr._("The terms, abbreviations and names used in the explainer, defined with their sources."),
        tr._("{terms}, in alphabetical order.", terms=count("terms", len(terms), ctx)),
        toc=len(terms) <= MAX_TOC_ENTRIES,
        boost=SEARCH_BOOST,
    )
    for t in terms:
        out += [f"## {inert(t.term)} {{ #{t.id} }}", ""]
        if t.aliases:
            out += [f"*{inert(tr._('Also:'))}* " + ", ".join(inert(x) for x in t.aliases), ""]
        out += english_wrap(t, ctx, [paragraphs(t.definition) + notes.refs(t.sources), "", record_meta(t, ctx)])
    out.append(notes.definitions())
    yield Page("glossary.md", "\n".join(out), _jsonld(ctx))
