"""The projection of the regional map: longitude and latitude to x and y in the viewBox of region.svg.

One azimuthal equidistant projection (on a sphere, centred on 78° E, 50° N, in Central Asia) serves the
committed map ``docs/assets/map/region.svg``, drawn by ``tools/make_map.py``, and the markers placed on it by
``render/locator.py``: both import this module, so a marker lands where the map draws the same coordinates.
Distances and directions from the centre are true; at Brussels or Tokyo, 5,000 km away, shapes are stretched
by about a fifth along the circle round the centre. Pure: no input, output or state.

The viewBox is the rectangle round the extent 0° to 146° E, 31° N to 62° N: from Brussels and Rome to Kursk,
Moscow, the Russian Far East, the Korean peninsula and Tokyo. Places beyond it (Washington, New York) are
put on its edge by ``clamp``.
"""

from __future__ import annotations

import math

LON0, LAT0 = 78.0, 50.0  # centre of the projection: distances and directions from it are true
WEST, EAST, SOUTH, NORTH = 0.0, 146.0, 31.0, 62.0  # the extent the viewBox is fitted around
WIDTH = 1000.0  # viewBox width; the height follows from the extent

_SIN0, _COS0 = math.sin(math.radians(LAT0)), math.cos(math.radians(LAT0))


def _raw(lon: float, lat: float) -> tuple[float, float]:
    """Azimuthal equidistant coordinates on the unit sphere (radians of arc), y growing northwards."""
    phi, dl = math.radians(lat), math.radians(lon - LON0)
    cos_c = _SIN0 * math.sin(phi) + _COS0 * math.cos(phi) * math.cos(dl)
    c = math.acos(max(-1.0, min(1.0, cos_c)))
    k = c / math.sin(c) if c else 1.0
    return k * math.cos(phi) * math.sin(dl), k * (_COS0 * math.sin(phi) - _SIN0 * math.cos(phi) * math.cos(dl))


def _raw_inverse(x: float, y: float) -> tuple[float, float]:
    c = math.hypot(x, y)
    if not c:
        return LON0, LAT0
    sin_c, cos_c = math.sin(c), math.cos(c)
    lat = math.asin(max(-1.0, min(1.0, cos_c * _SIN0 + y * sin_c * _COS0 / c)))
    lon = LON0 + math.degrees(math.atan2(x * sin_c, c * _COS0 * cos_c - y * _SIN0 * sin_c))
    return (lon + 180.0) % 360.0 - 180.0, math.degrees(lat)


def _edge(steps: int = 64) -> list[tuple[float, float]]:
    """The outline of the extent, sampled densely enough for its curved parallels."""
    lons = [WEST + (EAST - WEST) * i / steps for i in range(steps + 1)]
    lats = [SOUTH + (NORTH - SOUTH) * i / steps for i in range(steps + 1)]
    return (
        [(lon, SOUTH) for lon in lons]
        + [(lon, NORTH) for lon in lons]
        + [(WEST, lat) for lat in lats]
        + [(EAST, lat) for lat in lats]
    )


def _fit() -> tuple[float, float, float, float]:
    xs, ys = zip(*(_raw(lon, lat) for lon, lat in _edge()), strict=True)
    return min(xs), max(ys), WIDTH / (max(xs) - min(xs)), max(ys) - min(ys)


_XMIN, _YMAX, SCALE, _SPAN = _fit()
HEIGHT = round(_SPAN * SCALE, 1)  # viewBox height
VIEWBOX = f"0 0 {WIDTH:g} {HEIGHT:g}"
KM_PER_UNIT = 6371.0088 / SCALE  # kilometres on the ground per viewBox unit, along meridians


def project(lon: float, lat: float) -> tuple[float, float]:
    """The point of the viewBox where (lon, lat) lies; y grows downwards, as in SVG.

    Points outside the extent project outside the viewBox (or inside its corners); see ``inside`` and ``clamp``.
    """
    x, y = _raw(lon, lat)
    return (x - _XMIN) * SCALE, (_YMAX - y) * SCALE


def unproject(x: float, y: float) -> tuple[float, float]:
    """The (lon, lat) at a point of the viewBox: the inverse of ``project``."""
    return _raw_inverse(x / SCALE + _XMIN, _YMAX - y / SCALE)


def inside(x: float, y: float, margin: float = 0.0) -> bool:
    """Whether a point lies in the viewBox, at least ``margin`` units from its edges."""
    return margin <= x <= WIDTH - margin and margin <= y <= HEIGHT - margin


def clamp(lon: float, lat: float, margin: float = 0.0) -> tuple[float, float, bool]:
    """(x, y, moved): the projected point, or, for a place beyond the map, a point on the map's edge
    (``margin`` units inside it) on the side where the place lies.

    A place west of ``WEST`` (across the Atlantic: Washington, New York) is put on the left edge at the height
    its latitude has there, one east of ``EAST`` on the right edge; any other point outside the viewBox is
    moved straight onto the nearest edge.
    """

    def between(v: float, low: float, high: float) -> float:
        return min(max(v, low), high)

    if lon < WEST or lon > EAST:
        edge = WEST if lon < WEST else EAST
        y = project(edge, between(lat, SOUTH, NORTH))[1]
        x = margin if lon < WEST else WIDTH - margin
        return x, between(y, margin, HEIGHT - margin), True
    x, y = project(lon, lat)
    if inside(x, y, margin):
        return x, y, False
    return between(x, margin, WIDTH - margin), between(y, margin, HEIGHT - margin), True
