"""Locator maps: the committed regional map with a marker and a label for each place, as inline SVG.

``locator(places, map_url)`` returns one accessible ``<svg role="img">`` that shows ``region.svg`` (an
``<image>`` of the committed file: no tiles, nothing fetched from another host) and, over it, a dot and a name
for each place, put where ``geo.project`` puts its coordinates. A place beyond the map (Washington, New York)
gets an arrow on the map's edge and "(off map)". With ``min_width`` the view is cropped round the places, so
that villages a few kilometres apart can be told apart; the base map stays whole, only the viewBox changes.
Names are escaped: text from YAML never becomes markup. Pure and deterministic.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from .. import geo
from ..i18n import N_, Catalogue, catalogue

XLINK = "http://www.w3.org/1999/xlink"


class Located(Protocol):
    """What ``locator`` needs of a place: a place record (kinds/places.py) has it all."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...


@dataclass(frozen=True, slots=True)
class Spot:
    """A place to mark, where there is no place record at hand."""

    id: str
    name: str
    lat: float
    lon: float


MARK, INK, MUTED = "#b3261e", "#1f1c17", "#6b6557"  # marker red, label ink, country names
# Country names drawn over the map (in English, as on the rest of the site): text, longitude, latitude.
COUNTRIES: tuple[tuple[str, float, float], ...] = (
    (N_("Russia"), 95.0, 60.0),
    (N_("Ukraine"), 31.0, 48.8),
    (N_("China"), 104.0, 35.5),
    (N_("Mongolia"), 103.0, 46.6),
    (N_("Kazakhstan"), 67.0, 48.0),
    (N_("Japan"), 138.5, 37.2),
    (N_("N. Korea"), 124.0, 41.6),
    (N_("S. Korea"), 130.2, 35.4),
)


def _arrow(x: float, y: float, size: float, direction: tuple[int, int]) -> str:
    """A triangle with its tip at (x, y) on the view's edge, pointing out (``direction``) towards the place."""
    dx, dy = direction
    norm = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / norm, dy / norm
    bx, by = x - ux * size * 1.7, y - uy * size * 1.7
    pts = [(x, y), (bx - uy * size, by + ux * size), (bx + uy * size, by - ux * size)]
    return '<path d="M' + "L".join(f"{_num(px)} {_num(py)}" for px, py in pts) + 'z"/>'


def _num(v: float) -> str:
    """Three decimals at most (crops of a few units still place markers finely), no needless zeros."""
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if s in ("", "-0") else s


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _frame(points: Sequence[tuple[float, float]], min_width: float | None) -> tuple[float, float, float, float]:
    """(x, y, w, h) of the view: the whole map, or a crop of the map's proportions round the points."""
    if min_width is None or not points:
        return 0.0, 0.0, geo.WIDTH, geo.HEIGHT
    ratio = geo.HEIGHT / geo.WIDTH
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    w = min(geo.WIDTH, max(min_width, (max(xs) - min(xs)) * 1.6, (max(ys) - min(ys)) * 1.6 / ratio))
    h = w * ratio
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    x = min(max(cx - w / 2, 0.0), geo.WIDTH - w)
    y = min(max(cy - h / 2, 0.0), geo.HEIGHT - h)
    return x, y, w, h


def coordinates(lat: float, lon: float, tr: Catalogue) -> str:
    """'51.19° N, 35.27° E', in the reader's language."""
    ns = tr._("{deg}° N", deg=tr.number(abs(lat))) if lat >= 0 else tr._("{deg}° S", deg=tr.number(abs(lat)))
    ew = tr._("{deg}° E", deg=tr.number(abs(lon))) if lon >= 0 else tr._("{deg}° W", deg=tr.number(abs(lon)))
    return tr._("{lat}, {lon}", lat=ns, lon=ew)


def _describe(spots: Sequence[Located], moved: Sequence[bool], tr: Catalogue) -> str:
    def one(s: Located, off: bool) -> str:
        where = coordinates(s.lat, s.lon, tr)
        if off:
            return tr._("{name} ({coordinates}, beyond the edge of the map)", name=s.name, coordinates=where)
        return tr._("{name} ({coordinates})", name=s.name, coordinates=where)

    if not spots:
        return tr._("Map of Europe, Russia and East Asia.")
    return tr._("Map of Europe, Russia and East Asia marking {places}.", places=tr.list(list(map(one, spots, moved))))


def locator(
    places: Sequence[Located],
    map_url: str,
    *,
    title: str | None = None,
    min_width: float | None = None,
    labels: bool = True,
    countries: bool = True,
    css_class: str = "ex-locator",
    tr: Catalogue | None = None,
) -> str:
    """An inline SVG locator map of ``places`` (in the order given) over the image at ``map_url``.

    ``title`` names the map (default: the places' names); ``min_width`` (viewBox units, about 12 km each) crops
    the view round the places; ``labels`` and ``countries`` draw the places' and the countries' names; every
    word goes through ``tr`` (default: the English catalogue).
    """
    tr = tr or catalogue("en")
    spots = list(places)
    marks = [geo.clamp(s.lon, s.lat) for s in spots]
    frame = _frame([(x, y) for x, y, off in marks if not off], min_width)
    fx, fy, fw, fh = frame
    # Places beyond the view (not just beyond the map) are pinned to the view's edge.
    unit = fw / 1000.0  # markers and text keep one size on screen, whatever the crop
    r, font, pad = 3.5 * unit, 12.0 * unit, 6.0 * unit
    pinned = []
    for (x, y, off), s in zip(marks, spots, strict=True):
        inside = fx <= x <= fx + fw and fy <= y <= fy + fh
        way = (0, 0)
        if off or not inside:  # on the view's edge, far enough from its corners for the label to show
            way = (-1 if x <= fx else 1 if x >= fx + fw else 0, -1 if y <= fy else 1 if y >= fy + fh else 0)
            if way == (0, 0):
                way = (-1, 0)
            x = min(max(x, fx), fx + fw)
            y = min(max(y, fy + font), fy + fh - font)
        pinned.append((x, y, way, s))
    slug = re.sub(r"[^a-z0-9-]+", "-", "-".join(s.id for s in spots).lower())[:60].strip("-") or "map"
    ident = f"{css_class}-{slug}"
    name = title if title is not None else tr.list([s.name for s in spots]) if spots else tr._("Map")
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="{XLINK}" class="{_esc(css_class)}"'
        f' viewBox="{_num(fx)} {_num(fy)} {_num(fw)} {_num(fh)}" role="img"'
        f' aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">{_esc(name)}</title>',
        f'<desc id="{ident}-desc">{_esc(_describe(spots, [p[2] != (0, 0) for p in pinned], tr))}</desc>',
        # xlink:href, not href: Material's instant navigation re-assigns every [href] on the page
        # to make it absolute, and an SVG image's href cannot be assigned (the TypeError stopped
        # its setup on every page with a map).
        f'<image xlink:href="{_esc(map_url)}" x="0" y="0" width="{_num(geo.WIDTH)}" height="{_num(geo.HEIGHT)}"'
        ' preserveAspectRatio="none"/>',
    ]
    if countries:
        names = "".join(
            f'<text x="{_num(x)}" y="{_num(y)}">{_esc(tr._(text).upper())}</text>'
            for text, x, y in ((t, *geo.project(lon, lat)) for t, lon, lat in COUNTRIES)
        )
        out.append(
            f'<g class="{_esc(css_class)}-countries" fill="{MUTED}" font-family="sans-serif"'
            f' font-size="{_num(11 * unit)}" letter-spacing="{_num(unit)}" text-anchor="middle"'
            f' aria-hidden="true">{names}</g>'
        )
    out.append(
        f'<g class="{_esc(css_class)}-marks" font-family="sans-serif" fill="{MARK}" stroke="#fff"'
        f' stroke-width="{_num(unit * 1.2)}">'
    )
    for x, y, way, s in pinned:
        off = way != (0, 0)
        label = tr._("{name} (off map)", name=s.name) if off else s.name
        right = x < fx + fw * 0.7
        tx = x + pad if right else x - pad
        shape = _arrow(x, y, r * 1.8, way) if off else f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}"/>'
        text = (
            f'<text x="{_num(tx)}" y="{_num(y + font * 0.35)}" font-size="{_num(font)}"'
            f' text-anchor="{"start" if right else "end"}" fill="{INK}" stroke-width="{_num(unit * 3)}"'
            f' stroke-linejoin="round">{_esc(label)}</text>'
            if labels
            else ""
        )
        out.append(f'<g class="{_esc(css_class)}-place" data-place="{_esc(s.id)}">{shape}{text}</g>')
    out.append("</g>")
    out.append("</svg>")
    return "".join(out)
