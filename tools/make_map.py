"""Draw docs/assets/map/region.svg, the static regional map behind every locator, from Natural Earth.

The country shapes are Natural Earth's public-domain 1:50m admin-0 countries as carried by the ``world-atlas``
npm package (TopoJSON). Fetch it outside the repository, then run this script from the repository root:

    mkdir -p /tmp/world-atlas && npm install --prefix /tmp/world-atlas world-atlas@2.0.2
    python tools/make_map.py /tmp/world-atlas/node_modules/world-atlas/countries-50m.json

The script decodes the TopoJSON arcs, projects them with ``hooks/explainer/geo.py`` (the projection the site
uses for markers), simplifies each shared arc once (Douglas-Peucker, so neighbours keep a common border), clips
the rings to the viewBox and writes one self-contained SVG: no tiles, no fonts or styles fetched from another
host. The same input gives the same bytes. Only the standard library is used.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from explainer import geo  # noqa: E402

Point = tuple[float, float]
Ring = list[Point]

OUT = ROOT / "docs" / "assets" / "map" / "region.svg"
TOLERANCE = 0.9  # Douglas-Peucker tolerance in viewBox units (one unit is about 14 km)
MIN_AREA = 2.0  # rings smaller than this (in square units) are dropped: specks of islands
WEST_LIMIT, EAST_LIMIT, SOUTH_LIMIT = -40.0, 215.0, -5.0  # shapes reaching beyond this are off the map

# Countries drawn in a stronger tone (ISO 3166-1 numeric ids as world-atlas gives them). Country names are not
# drawn here but by render/locator.py, so that they keep one size on screen when a locator crops the map.
FOCUS = {"408": "North Korea", "410": "South Korea", "643": "Russia", "804": "Ukraine"}
COLOURS = {"sea": "#dfe9f0", "land": "#f4f1e8", "focus": "#e6dcc2", "border": "#a59f8f"}


def decode_arcs(topo: dict[str, Any]) -> list[list[Point]]:
    """The arcs of a TopoJSON topology as absolute (lon, lat) points (quantized ones are delta-decoded)."""
    transform = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy, *_ in arc:
                x, y = x + dx, y + dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(p[0]), float(p[1])) for p in arc]
        arcs.append(points)
    return arcs


def ring_arcs(geometry: dict[str, Any]) -> list[list[int]]:
    """Every ring of a Polygon or MultiPolygon geometry, as its list of arc indexes."""
    if geometry.get("type") == "Polygon":
        return list(geometry["arcs"])
    if geometry.get("type") == "MultiPolygon":
        return [ring for polygon in geometry["arcs"] for ring in polygon]
    return []


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative; the two ends are always kept."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
        worst, index = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                d = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            else:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if d > worst:
                worst, index = d, i
        if worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def clip(ring: Ring, width: float, height: float) -> Ring:
    """Sutherland-Hodgman: the part of a closed ring inside the rectangle (0, 0, width, height)."""

    def crossing(p: Point, q: Point, axis: int, value: float) -> Point:
        t = (value - p[axis]) / (q[axis] - p[axis])
        return (value, p[1] + t * (q[1] - p[1])) if axis == 0 else (p[0] + t * (q[0] - p[0]), value)

    edges = ((0, 0.0, True), (0, width, False), (1, 0.0, True), (1, height, False))
    for axis, value, keep_above in edges:
        if not ring:
            break

        def is_in(p: Point, axis: int = axis, value: float = value, keep_above: bool = keep_above) -> bool:
            return p[axis] >= value if keep_above else p[axis] <= value

        out: Ring = []
        for i, q in enumerate(ring):
            p = ring[i - 1]
            if is_in(q):
                if not is_in(p):
                    out.append(crossing(p, q, axis, value))
                out.append(q)
            elif is_in(p):
                out.append(crossing(p, q, axis, value))
        ring = out
    return ring


def area(ring: Ring) -> float:
    return abs(sum(p[0] * q[1] - q[0] * p[1] for p, q in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def _on_map(points: Iterable[Point]) -> bool:
    return all(WEST_LIMIT <= lon <= EAST_LIMIT and lat >= SOUTH_LIMIT for lon, lat in points)


def _unwrap(lon: float) -> float:
    """The Bering Strait side of Russia (west of -150) belongs east of 180 on this map."""
    return lon + 360.0 if lon < -150.0 else lon


def country_rings(topo: dict[str, Any], tolerance: float = TOLERANCE) -> dict[str, list[Ring]]:
    """Country id -> its rings, projected, simplified and clipped to the viewBox (ids sorted, empty ones left out)."""
    arcs = [[(_unwrap(lon), lat) for lon, lat in arc] for arc in decode_arcs(topo)]
    projected: dict[int, list[Point]] = {}
    out: dict[str, list[Ring]] = {}
    for g in topo["objects"]["countries"]["geometries"]:
        rings = []
        for indexes in ring_arcs(g):
            lonlat = [p for i in indexes for p in arcs[i if i >= 0 else ~i]]
            if not lonlat or not _on_map(lonlat):
                continue
            ring: Ring = []
            for i in indexes:
                k = i if i >= 0 else ~i
                if k not in projected:
                    projected[k] = simplify([geo.project(lon, lat) for lon, lat in arcs[k]], tolerance)
                part = projected[k] if i >= 0 else projected[k][::-1]
                ring += part if not ring else part[1:]
            ring = clip(ring, geo.WIDTH, geo.HEIGHT)
            if len(ring) >= 3 and area(ring) >= MIN_AREA:
                rings.append(ring)
        if rings:
            out.setdefault(str(g.get("id", "")), []).extend(rings)
    return dict(sorted(out.items()))


def _num(v: float) -> str:
    """One decimal at most, no needless zeros: 12.0 -> '12', 0.5 -> '.5', -0.5 -> '-.5'."""
    s = f"{v:.1f}".rstrip("0").rstrip(".")
    if s in ("", "-0", "-"):
        return "0"
    if s.startswith("0."):
        return s[1:]
    return "-" + s[2:] if s.startswith("-0.") else s


def _join(numbers: Iterable[str]) -> str:
    """Numbers separated by a space, or by nothing before a minus sign."""
    out = ""
    for n in numbers:
        out += n if not out or n.startswith("-") else " " + n
    return out


def path_data(rings: list[Ring]) -> str:
    """Per ring an absolute move, then relative lines, one decimal: 'M12.5 3l1.2-.4 .3 .5z'."""
    parts = []
    for ring in rings:
        pts = [(round(x, 1), round(y, 1)) for x, y in ring]
        steps: list[str] = []
        prev = pts[0]
        for p in pts[1:]:
            dx, dy = round(p[0] - prev[0], 1), round(p[1] - prev[1], 1)
            if dx or dy:
                steps += [_num(dx), _num(dy)]
                prev = p
        parts.append(f"M{_join([_num(pts[0][0]), _num(pts[0][1])])}l{_join(steps)}z")
    return "".join(parts)


def render(topo: dict[str, Any], tolerance: float = TOLERANCE) -> str:
    """The whole SVG document."""
    rings = country_rings(topo, tolerance)
    w, h = geo.WIDTH, geo.HEIGHT
    other = "".join(path_data(r) for cid, r in rings.items() if cid not in FOCUS)
    focus = "".join(path_data(r) for cid, r in rings.items() if cid in FOCUS)
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{geo.VIEWBOX}" width="{w:g}" height="{h:g}"'
            ' role="img" aria-labelledby="region-title region-desc">',
            '<title id="region-title">Map of Europe, Russia and East Asia</title>',
            '<desc id="region-desc">Country borders from western Europe to Japan, with Russia, Ukraine and'
            " the two Koreas shaded. Natural Earth data (public domain), azimuthal equidistant projection"
            " centred on 78° E, 50° N.</desc>",
            f'<rect width="{w:g}" height="{h:g}" fill="{COLOURS["sea"]}"/>',
            f'<path fill="{COLOURS["land"]}" stroke="{COLOURS["border"]}" stroke-width=".5"'
            f' stroke-linejoin="round" d="{other}"/>',
            f'<path fill="{COLOURS["focus"]}" stroke="{COLOURS["border"]}" stroke-width=".5"'
            f' stroke-linejoin="round" d="{focus}"/>',
            "</svg>",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("topojson", type=Path, help="world-atlas countries-50m.json")
    ap.add_argument("-o", "--out", type=Path, default=OUT, help=f"where to write (default {OUT.relative_to(ROOT)})")
    args = ap.parse_args(argv)
    svg = render(json.loads(args.topojson.read_text(encoding="utf-8")))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(svg, encoding="utf-8", newline="\n")
    print(f"{args.out}: {len(svg.encode('utf-8'))} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
