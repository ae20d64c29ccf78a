"""Cite this: one citation view of a record, written as plain text, BibTeX, RIS and CSL-JSON.

Two kinds of thing are cited:

* a **source** is cited as the original publication (its publisher, title as published,
  authors, date and URL, with the date we accessed it); a title we supplied because the
  original has none is put in [square brackets], as citation styles do;
* an **event, figure or claim** is cited as this site's record of it: the site is the
  publisher, the record's title is the item's title, the permalink is its URL, and the
  date is when the record last changed (its latest correction or review), else the
  build date. Every citation also names the commit the site was built from, so a reader
  can recover the exact text that was cited.

Item types (BibTeX / RIS / CSL), and why:

* newspaper, wire service, news site, broadcaster, state media:
  ``@article`` with ``entrysubtype = newspaper`` / ``NEWS`` / ``article-newspaper``;
* magazine: ``@article`` with ``entrysubtype = magazine`` / ``MGZN`` / ``article-magazine``;
* think tank, intelligence assessment: ``@report`` / ``RPRT`` / ``report``;
* government record: ``@report`` / ``GOVDOC`` / ``report``;
* official statement, international organisation, reference:
  ``@online`` / ``ELEC`` / ``webpage``;
* our events, figures and claims: ``@online`` / ``ELEC`` / ``webpage``.

biblatex's manual files newspaper and magazine pieces under ``@article``, told apart by
``entrysubtype``; ``journaltitle`` (and ``journal``, for BibTeX styles) holds the
outlet. A wire story or a broadcaster's web article is a news article in an outlet, so
it is cited the same way. ``@report`` is biblatex's type for a document issued by an
institution (with ``institution`` and ``type``); RIS has ``GOVDOC`` for a government's
own documents. Statements, press releases and pages of
organisations are web pages with no periodical around them: ``@online``, RIS ``ELEC``
(Web Page), CSL ``webpage``. Our own records exist only at their permalink and are
revised over time, which is exactly what ``@online``/``ELEC``/``webpage`` with an access
date describe. Authors are written as given (literal names, never split into given and
family names), since the data holds Korean names in Korean order beside Western ones.

Everything here is a pure function of the records and the :class:`Context`: no clock,
no environment, no file access; the same data gives byte-identical files.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from . import jsonfile
from .dates import PartialDate
from .i18n import Catalogue, catalogue
from .kinds.claims import Claim
from .kinds.events import Event
from .kinds.figures import Figure
from .kinds.sources import Source
from .model import Dataset

Citable = Event | Figure | Claim | Source
CITED_KINDS = ("events", "figures", "claims", "sources")
# file extension -> media type of the whole-dataset and per-record files
FORMATS = {
    "txt": "text/plain; charset=utf-8",
    "bib": "application/x-bibtex; charset=utf-8",
    "ris": "application/x-research-info-systems; charset=utf-8",
    "json": "application/vnd.citationstyles.csl+json",
}
SINGULAR = {"events": "event", "figures": "figure", "claims": "claim", "sources": "source"}

_NEWS = ("wire-service", "newspaper", "news-site", "broadcaster", "state-media")
# source type -> (BibTeX type, entrysubtype, RIS type, CSL type)
SOURCE_TYPES: dict[str, tuple[str, str | None, str, str]] = {
    **{t: ("article", "newspaper", "NEWS", "article-newspaper") for t in _NEWS},
    "magazine": ("article", "magazine", "MGZN", "article-magazine"),
    "think-tank": ("report", None, "RPRT", "report"),
    "intelligence-assessment": ("report", None, "RPRT", "report"),
    "government-record": ("report", None, "GOVDOC", "report"),
    "official-statement": ("online", None, "ELEC", "webpage"),
    "international-organisation": ("online", None, "ELEC", "webpage"),
    "reference": ("online", None, "ELEC", "webpage"),
}
RECORD_TYPES = ("online", None, "ELEC", "webpage")
# BCP 47 -> the babel/polyglossia name biblatex's ``langid`` expects (others are left out)
BABEL_NAMES = {
    "en": "english", "fr": "french", "de": "german", "it": "italian",
    "ko": "korean", "ru": "russian", "uk": "ukrainian",
}


@dataclass(frozen=True, slots=True)
class Context:
    """What a citation needs besides the record: where it lives and which build it is."""

    site_name: str
    url_of: Callable[[Any], str]  # absolute permalink of a record
    title_of: Callable[[Any], str]  # a record's title for readers (not used for sources)
    commit: str | None  # the commit the site was built from, if known
    built: PartialDate | _dt.date  # the build date: access date of our own records
    # The words around the facts and the dates, in the citation's language (English by default).
    tr: Catalogue = field(default_factory=partial(catalogue, "en"))
    # Each record's Item, made once: a record is cited in four formats and again in the all.* files.
    items: dict[int, tuple[Any, Item]] = field(default_factory=dict, init=False, repr=False, compare=False)
    texts: dict[tuple[str, int], tuple[Any, str]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def built_date(self) -> PartialDate:
        return as_partial(self.built)


def as_partial(d: PartialDate | _dt.date) -> PartialDate:
    return d if isinstance(d, PartialDate) else PartialDate(d.year, d.month, d.day)


@dataclass(frozen=True, slots=True)
class Item:
    """The one citation view every format is written from."""

    key: str
    types: tuple[str, str | None, str, str]  # BibTeX, entrysubtype, RIS, CSL
    title: str  # supplied titles already in brackets
    authors: tuple[str, ...]
    container: str  # the outlet, or this site
    publisher: str
    issued: PartialDate
    accessed: PartialDate
    url: str
    language: str | None
    note: str


def key_of(record: Citable) -> str:
    """A citation key unique across kinds: ``event-<id>``, ``source-<id>``..."""
    return f"{SINGULAR[record.KIND]}-{record.id}"


def split_authors(text: str | None) -> tuple[str, ...]:
    """'A, B; C' -> ('A', 'B', 'C'): the data lists authors with commas or semicolons."""
    if not text:
        return ()
    parts = text.split(";") if ";" in text else text.split(",")
    return tuple(p.strip() for p in parts if p.strip())


def last_changed(record: Citable) -> PartialDate | None:
    """The latest correction or review date of a record, if it has one."""
    dates = [c.date for c in record.corrections]
    if record.reviewed is not None:
        dates.append(record.reviewed)
    return max(dates) if dates else None


def _commit_note(ctx: Context) -> str:
    tr = ctx.tr
    return tr._("site built from commit {commit}", commit=ctx.commit) if ctx.commit else tr._("commit not recorded")


def item(record: Citable, ctx: Context) -> Item:
    # Keyed by the record object itself (kept beside its item, so that its id() is not reused).
    made = ctx.items.get(id(record))
    if made is None or made[0] is not record:
        made = ctx.items[id(record)] = (record, _item(record, ctx))
    return made[1]


def _item(record: Citable, ctx: Context) -> Item:
    if isinstance(record, Source):
        tr = ctx.tr
        note = tr._(
            "Recorded by {site} at {url} ({commit})",
            site=ctx.site_name,
            url=ctx.url_of(record),
            commit=_commit_note(ctx),
        )
        if record.archive_url:
            note += "; " + tr._("archived copy: {url}", url=record.archive_url)
        return Item(
            key=key_of(record),
            types=SOURCE_TYPES[record.type],  # every schema type has a row (tests/test_cite.py)
            title=f"[{record.title}]" if record.title_supplied else record.title,
            authors=split_authors(record.author),
            container=record.publisher,
            publisher=record.publisher,
            issued=record.published,
            accessed=record.accessed,
            url=record.url,
            language=record.language,
            note=note,
        )
    return Item(
        key=key_of(record),
        types=RECORD_TYPES,
        title=ctx.title_of(record),
        authors=(),
        container=ctx.site_name,
        publisher=ctx.site_name,
        issued=last_changed(record) or ctx.built_date,
        accessed=ctx.built_date,
        url=ctx.url_of(record),
        language=None,
        note=ctx.tr._("Record {kind}/{id}; {commit}", kind=record.KIND, id=record.id, commit=_commit_note(ctx)),
    )


# --- plain text -------------------------------------------------------------------------


def plain(record: Citable, ctx: Context) -> str:
    """One line for readers: who, what, where, when, the URL and the commit."""
    it = item(record, ctx)
    who = f"{', '.join(it.authors)}. " if it.authors else ""
    title = it.title if it.title.startswith("[") else f"\u201c{it.title}\u201d"
    stop = "" if it.title.endswith((".", "?", "!")) else "."
    accessed = ctx.tr._("accessed {date}", date=ctx.tr.date(it.accessed))
    where = f"{it.container}, {ctx.tr.date(it.issued)}. {it.url} ({accessed})"
    return _one_line(f"{who}{title}{stop} {where}. {it.note}.")


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- BibTeX ------------------------------------------------------------------------------

_BIB_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIB_RE = re.compile("|".join(re.escape(c) for c in _BIB_ESCAPES))


def bib_escape(text: str) -> str:
    """LaTeX's special characters escaped; every other character (Hangul, Cyrillic) kept."""
    return _BIB_RE.sub(lambda m: _BIB_ESCAPES[m.group()], _one_line(text))


def _bib_url(url: str) -> str:
    # url fields are verbatim in biblatex: no escaping, but braces must balance.
    return url.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C").replace(" ", "%20")


def bibtex(record: Citable, ctx: Context) -> str:
    """One BibTeX entry (biblatex fields, with ``journal``/``year`` for BibTeX styles)."""
    it = item(record, ctx)
    bib_type, subtype, _, _ = it.types
    fields: list[tuple[str, str]] = []
    if it.authors:
        fields.append(("author", " and ".join("{" + bib_escape(a) + "}" for a in it.authors)))
    fields.append(("title", "{" + bib_escape(it.title) + "}"))  # inner braces keep the case
    if bib_type == "article":
        fields += [("journaltitle", bib_escape(it.container)), ("journal", bib_escape(it.container))]
        fields.append(("entrysubtype", subtype or ""))
    elif bib_type == "report":
        fields += [("institution", bib_escape(it.publisher)), ("type", "Report")]
    else:
        fields.append(("organization", bib_escape(it.publisher)))
    fields += [("date", it.issued.iso()), ("year", str(it.issued.year))]
    fields += [("url", _bib_url(it.url)), ("urldate", it.accessed.iso())]
    if it.language in BABEL_NAMES:
        fields.append(("langid", BABEL_NAMES[it.language]))
    fields.append(("note", bib_escape(it.note)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{bib_type}{{{it.key},\n{body}\n}}\n"


# --- RIS ---------------------------------------------------------------------------------


def _ris_date(d: PartialDate) -> str:
    """RIS dates are 'YYYY/MM/DD/': unknown parts are left empty."""
    return f"{d.year:04d}/{f'{d.month:02d}' if d.month else ''}/{f'{d.day:02d}' if d.day else ''}/"


def ris(record: Citable, ctx: Context) -> str:
    """One RIS reference, TY first and ER last; every value on one line."""
    it = item(record, ctx)
    lines = [("TY", it.types[2]), ("ID", it.key), ("TI", it.title)]
    lines += [("AU", a) for a in it.authors]
    lines += [("T2", it.container), ("PB", it.publisher), ("PY", f"{it.issued.year:04d}")]
    lines += [("DA", _ris_date(it.issued)), ("Y2", _ris_date(it.accessed)), ("UR", it.url)]
    if it.language:
        lines.append(("LA", it.language))
    lines.append(("N1", it.note))
    out = "".join(f"{tag}  - {_one_line(value)}\n" for tag, value in lines)
    return out + "ER  - \n"


# --- CSL-JSON ----------------------------------------------------------------------------


def _csl_date(d: PartialDate) -> dict[str, Any]:
    return {"date-parts": [[d.year, *([d.month] if d.month else []), *([d.day] if d.day else [])]]}


def csl(record: Citable, ctx: Context) -> dict[str, Any]:
    """A CSL-JSON item (the input format of citeproc, Zotero and Pandoc)."""
    it = item(record, ctx)
    out: dict[str, Any] = {"id": it.key, "type": it.types[3], "title": it.title}
    if it.authors:
        out["author"] = [{"literal": a} for a in it.authors]
    out |= {"container-title": it.container, "publisher": it.publisher}
    out |= {"issued": _csl_date(it.issued), "accessed": _csl_date(it.accessed), "URL": it.url}
    if it.language:
        out["language"] = it.language
    out["note"] = it.note
    return out


def _csl_line(record: Citable, ctx: Context) -> str:
    return _text("json", lambda r, c: jsonfile.item(csl(r, c)), record, ctx)


def csl_json(records: Iterable[Citable], ctx: Context) -> str:
    """A CSL-JSON array, one item to a line."""
    return jsonfile.array([_csl_line(r, ctx) for r in records])


# --- files -------------------------------------------------------------------------------


def _text(fmt: str, write: Callable[[Citable, Context], str], record: Citable, ctx: Context) -> str:
    """A record's citation in one format, written once (each is also part of an all.* file)."""
    key = (fmt, id(record))
    made = ctx.texts.get(key)
    if made is None or made[0] is not record:
        made = ctx.texts[key] = (record, write(record, ctx))
    return made[1]


def record_files(record: Citable, ctx: Context) -> dict[str, str]:
    """extension -> file content: the four citations of one record."""
    return {
        "txt": plain(record, ctx) + "\n",
        "bib": _text("bib", bibtex, record, ctx),
        "ris": _text("ris", ris, record, ctx),
        "json": csl_json([record], ctx),
    }


def cited_records(dataset: Dataset) -> list[Citable]:
    """Every citable record: events, figures, claims, then sources, each in dataset order."""
    return [r for kind in CITED_KINDS for r in getattr(dataset, kind)]


def dataset_files(dataset: Dataset, ctx: Context) -> dict[str, str]:
    """extension -> one file citing every event, figure, claim and source."""
    records = cited_records(dataset)
    return {
        "bib": "\n".join(_text("bib", bibtex, r, ctx) for r in records),
        "ris": "\n".join(_text("ris", ris, r, ctx) for r in records),
        "json": csl_json(records, ctx),
    }
