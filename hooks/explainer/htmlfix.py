"""Small repairs to the HTML Material 9.8 writes, so that every page validates (Nu Html Checker).

Each repair is exact and local; ``tidy`` leaves everything else byte for byte:

* ``autocomplete="off"`` on Material's checkbox toggles (allowed only on text-like inputs);
* an empty ``tabindex=""`` on navigation section labels (not an integer);
* the table of contents' ``<label for="__toc">`` on pages outside the navigation, where
  Material writes no ``#__toc`` control for it to label;
* empty ``title=""`` attributes (footnote back-links): Material would mount a tooltip on each.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?) autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?) tabindex=""')
_TOC_LABEL = '<label class="md-nav__title" for="__toc">'
_EMPTY_TITLE = re.compile(r'(<a\b[^>]*?) title=""')


def tidy(html: str) -> str:
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    html = _EMPTY_TITLE.sub(r"\1", html)
    if _TOC_LABEL in html and 'id="__toc"' not in html:
        html = html.replace(_TOC_LABEL, '<label class="md-nav__title">')
    return html
