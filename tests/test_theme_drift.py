"""Our copies of Material's templates and scripts, held against the Material installed.

overrides/ adapts a few of Material 9.8.1's partials, docs/assets/theme/ holds its inline
scripts moved into files (for the Content-Security-Policy), and explainer/htmlfix.py
repairs what its templates write. A Material upgrade that changes any of those originals
must fail here, naming the file to re-apply our change to, rather than break the site
silently.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest
from conftest import ROOT

TEMPLATES = Path(material.__file__).parent / "templates"

# The Material originals our overrides adapt, by the SHA-256 of the copy we adapted.
ADAPTED = {
    "partials/search.html": ("overrides/partials/search.html", "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30"),
    "partials/source.html": ("overrides/partials/source.html", "6847616d67be4920d39c278c2799bf20222bbc02ee2a8393aca85e3eaa518752"),
    "base.html": ("overrides/main.html", "8536d352b0093623df9e0032894f321cbe264b15a9b48cdd962583772455dadb"),
    "partials/palette.html": (
        "overrides/partials/palette.html",
        "fb935107ae7d3d7475965019eec36c1ad72bf1d154254dab2474921fcd2710e3",
    ),
    "partials/alternate.html": (
        "overrides/partials/alternate.html",
        "572b1d4dae611aa5fd65107edec95e44331b6141abf86834ea4dc6c1ddd7241b",
    ),
}
# Material's inline scripts and the files we moved them into.
MOVED = {
    "partials/javascripts/base.html": "docs/assets/theme/md-base.js",
    "partials/javascripts/content.html": "docs/assets/theme/md-content.js",
    "partials/javascripts/palette.html": "docs/assets/theme/md-palette.js",
}


@pytest.mark.parametrize("original", sorted(ADAPTED))
def test_the_originals_we_adapted_are_unchanged(original: str) -> None:
    ours, digest = ADAPTED[original]
    found = hashlib.sha256((TEMPLATES / original).read_bytes()).hexdigest()
    assert found == digest, (
        f"Material's {original} changed (was Material upgraded?): re-apply our change in {ours} "
        f"to the new original, then record its SHA-256 here ({found})"
    )


def _last_script(template: str) -> str:
    """The last inline script of a Material partial (the one always written)."""
    return re.findall(r"<script>(.*?)</script>", template, re.S)[-1]


@pytest.mark.parametrize("original", sorted(MOVED))
def test_the_scripts_we_moved_out_of_the_page_are_materials_own(original: str) -> None:
    theirs = _last_script((TEMPLATES / original).read_text(encoding="utf-8"))
    # Our copy: Material's code after our comment (the scope comes from a data attribute), then
    # what we add, after a comment that starts "/* Ours:".
    ours = (ROOT / MOVED[original]).read_text(encoding="utf-8").split("/* Ours:")[0]
    ours = re.sub(r"^/\*.*?\*/\s*", "", ours, flags=re.S).strip()
    theirs = theirs.replace('"{{ config.extra.scope | d(base_url) }}"', "document.currentScript.dataset.mdScope")
    assert ours == theirs.strip(), f"{MOVED[original]} no longer matches Material's {original}: copy the new script"


@pytest.mark.parametrize(
    ("template", "written"),
    [
        # htmlfix.tidy repairs each of these; if Material stops writing one, drop the repair.
        ("base.html", 'type="checkbox" id="__drawer" autocomplete="off"'),
        ("partials/nav-item.html", 'tabindex="{{ tabindex }}"'),
        ("partials/toc.html", '<label class="md-nav__title" for="__toc">'),
    ],
)
def test_each_html_repair_still_has_something_to_repair(template: str, written: str) -> None:
    assert written in (TEMPLATES / template).read_text(encoding="utf-8"), (
        f"Material no longer writes {written!r} in {template}: the matching repair in explainer/htmlfix.py is dead"
    )
