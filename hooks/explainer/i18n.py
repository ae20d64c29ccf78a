"""Every word a reader sees passes through a catalogue: one per language.

Messages are English source strings (gettext's convention, so translators work in the
tools they know: a ``locales/<lang>/LC_MESSAGES/explainer.po`` file beside this module
holds a language's translations; English needs none). Dates, numbers, lists and plurals
follow each language's CLDR rules through Babel, never hand-written month names or an
English "add an s".

    tr = catalogue("en")
    tr._("Timeline")                                  -> "Timeline"
    tr.n_("{n} event", "{n} events", 1)               -> "1 event"
    tr.date(PartialDate(2025, 4, 28))                 -> "28 April 2025"

``N_`` marks a message where it is declared (an enum's labels) so that extraction finds
it; it is translated where it is shown.
"""

from __future__ import annotations

import datetime as _dt
import gettext
import io
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from .dates import PartialDate

LOCALES = Path(__file__).parent / "locales"
DOMAIN = "explainer"
# The language each site language formats dates and numbers in: the site's English is
# British ("28 April 2025").
CLDR_LOCALE = {"en": "en_GB", "ko": "ko_KR", "uk": "uk_UA", "ru": "ru_RU"}


def N_(message: str) -> str:
    """Mark a message for translation where it is declared; it is translated where shown."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a counted message (singular and plural) for translation where it is declared."""
    return singular, plural


# How extraction finds messages in the code: the calls tr._, tr.n_, N_ and Nn_.
KEYWORDS = {"_": None, "n_": (1, 2), "N_": None, "Nn_": (1, 2)}

class Catalogue:
    """The messages, dates and numbers of one language."""

    def __init__(self, lang: str, translations: gettext.NullTranslations | None = None) -> None:
        self.lang = lang
        self.locale = Locale.parse(CLDR_LOCALE.get(lang, lang))
        self._tr = translations or gettext.NullTranslations()
        # Dates repeat across records and pages (an event's date is written on the timeline, in
        # its headings, feeds and citations): each is formatted once.
        self._dates: dict[tuple[int, int, int], str] = {}

    def _(self, message: str, **values: Any) -> str:
        """The message in this language, with ``{name}`` placeholders filled."""
        text = self._tr.gettext(message)
        return text.format(**values) if values else text

    def n_(self, singular: str, plural: str, n: int, **values: Any) -> str:
        """A counted message: the language's plural form for ``n``; ``{n}`` is the number
        written by the language's rules (1,234)."""
        text = self._tr.ngettext(singular, plural, n)
        return text.format(n=self.number(n), **values)

    def number(self, n: int | float) -> str:
        return format_decimal(n, locale=self.locale)

    def date(self, d: PartialDate) -> str:
        """A date at its precision: '28 April 2025', 'April 2025' or '2025'."""
        key = (d.year, d.month, d.day)
        text = self._dates.get(key)
        if text is None:
            text = self._dates[key] = self._format_date(d)
        return text

    def _format_date(self, d: PartialDate) -> str:
        if d.day:
            return format_date(_dt.date(d.year, d.month, d.day), "long", locale=self.locale)
        if d.month:
            return format_skeleton("yMMMM", _dt.date(d.year, d.month, 1), locale=self.locale)
        return format_skeleton("y", _dt.date(d.year, 1, 1), locale=self.locale)

    def month(self, year: int, month: int) -> str:
        return self.date(PartialDate(year, month))

    def short_month(self, year: int, month: int) -> str:
        """'Jul 2025': a month on a chart's axis."""
        return format_skeleton("yMMM", _dt.date(year, month, 1), locale=self.locale)

    def list(self, items: list[str]) -> str:
        """'a, b and c' by the language's rules."""
        return format_list(items, locale=self.locale) if items else ""

    def language_name(self, code: str) -> str:
        """The name of a language in this language ('Korean')."""
        try:
            name = Locale.parse(code.replace("-", "_")).get_display_name(self.locale) or code
        except (ValueError, LookupError):
            return code
        return name[:1].upper() + name[1:]


def _translations(lang: str) -> gettext.NullTranslations | None:
    po = LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po.is_file():
        return None
    with po.open("rb") as fh:
        cat = read_po(fh, locale=CLDR_LOCALE.get(lang, lang))
    # Untranslated and fuzzy (draft) messages fall back to English, never to an empty string.
    for message in list(cat):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.id and (message.fuzzy or not all(strings)):
            cat.delete(message.id, context=message.context)
    buf = io.BytesIO()
    write_mo(buf, cat)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


@cache
def catalogue(lang: str = "en") -> Catalogue:
    """The catalogue of ``lang`` (read once per process: catalogues ship with the code)."""
    return Catalogue(lang, _translations(lang))
