"""The site's languages and where each is published.

English is the site's own language, published at the root; every other language is a copy
of the whole site under ``/<lang>/``, built from the same data and the same pages with the
language's catalogues. A page keeps its path in every language (``timeline/#<id>`` and
``ko/timeline/#<id>``), so the language switcher lands on the same page and record.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale

DEFAULT = "en"
ALL = ("en", "ko", "uk", "ru")

# The words Material's search splits on, per language: its default (whitespace and hyphens)
# keeps Hangul and Cyrillic words whole; the stemmers come from the language's lunr support.
SEARCH_LANG = {"en": ["en"], "ko": ["ko", "en"], "uk": ["ru", "en"], "ru": ["ru", "en"]}


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in its own language: "한국어"
    root: str  # this language's root, relative to the root of the site being built ("../ko/")
    url: str  # its root's absolute address ("https://example.org/ko/"), or "" without a site URL


def native_name(code: str) -> str:
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


def prefix(code: str) -> str:
    """The path of a language's site below the root ("" for English, "ko/" for Korean)."""
    return "" if code == DEFAULT else f"{code}/"


def relative_root(current: str, target: str) -> str:
    """The root of ``target``'s site as seen from the root of ``current``'s."""
    up = "" if current == DEFAULT else "../"
    return up + prefix(target) if target != current else ""


def languages(current: str, codes: tuple[str, ...], site_url: str) -> list[Language]:
    """Every language of the site, as seen from the site of ``current``; ``site_url`` is the
    English site's address."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    return [
        Language(code, native_name(code), relative_root(current, code), base + prefix(code) if base else "")
        for code in codes
    ]
