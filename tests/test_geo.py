"""The regional map: the projection (geo.py), the locator maps drawn on it, and the map generator.

The generator's real input (world-atlas) lives outside the repository, so it is tested on a small TopoJSON
made here; the committed region.svg is checked for what a reader and the site rely on.
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

from explainer import geo
from explainer.render.locator import Spot, locator

ROOT = Path(__file__).resolve().parent.parent
REGION = ROOT / "docs" / "assets" / "map" / "region.svg"
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "http://www.w3.org/1999/xlink"


def _load_make_map() -> Any:
    spec = importlib.util.spec_from_file_location("make_map", ROOT / "tools" / "make_map.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_map = _load_make_map()


def places() -> list[dict[str, Any]]:
    return yaml.safe_load((ROOT / "data" / "places" / "places.yaml").read_text(encoding="utf-8"))


def spots() -> list[Spot]:
    return [Spot(p["id"], p["name"], p["lat"], p["lon"]) for p in places()]


def viewbox(el: ET.Element) -> tuple[float, ...]:
    return tuple(float(v) for v in el.attrib["viewBox"].split())


# --- the projection ---------------------------------------------------------------------------------------------


def test_viewbox_is_fitted_to_the_extent() -> None:
    assert geo.VIEWBOX.split() == ["0", "0", "1000", f"{geo.HEIGHT:g}"]
    edge = [geo.project(lon, lat) for lon, lat in geo._edge()]
    assert min(x for x, _ in edge) == pytest.approx(0, abs=1e-9)
    assert max(x for x, _ in edge) == pytest.approx(geo.WIDTH)
    assert min(y for _, y in edge) == pytest.approx(0, abs=1e-9)
    assert max(y for _, y in edge) == pytest.approx(geo.HEIGHT, abs=0.05)


def test_central_meridian_is_vertical_and_the_map_symmetric_about_it() -> None:
    x30, _ = geo.project(geo.LON0, 30)
    x60, _ = geo.project(geo.LON0, 60)
    assert x30 == pytest.approx(x60)
    for d in (10, 45, 70):
        east, y_east = geo.project(geo.LON0 + d, 45)
        west, y_west = geo.project(geo.LON0 - d, 45)
        assert east - x30 == pytest.approx(x30 - west)
        assert y_east == pytest.approx(y_west)


def test_distances_from_the_centre_are_true() -> None:
    cx, cy = geo.project(geo.LON0, geo.LAT0)
    # Ten degrees of latitude north of the centre: 1,111.95 km on the sphere of radius 6,371.0088 km.
    x, y = geo.project(geo.LON0, geo.LAT0 + 10)
    assert (x, cy - y) == pytest.approx((cx, math.radians(10) * geo.SCALE))
    assert math.radians(10) * 6371.0088 / geo.KM_PER_UNIT == pytest.approx(cy - y)
    # And in any direction: Pyongyang is about 3,900 km from 78° E, 50° N along the great circle.
    px, py = geo.project(125.7538, 39.0319)
    phi1, phi2, dl = math.radians(geo.LAT0), math.radians(39.0319), math.radians(125.7538 - geo.LON0)
    arc = math.acos(math.sin(phi1) * math.sin(phi2) + math.cos(phi1) * math.cos(phi2) * math.cos(dl))
    assert math.hypot(px - cx, py - cy) * geo.KM_PER_UNIT == pytest.approx(arc * 6371.0088)
    assert 3850 < arc * 6371.0088 < 3950


@pytest.mark.parametrize("lon, lat", [(geo.LON0, geo.LAT0), (4.35, 50.85), (35.27, 51.19), (139.69, 35.68), (0, 31)])
def test_unproject_inverts_project(lon: float, lat: float) -> None:
    assert geo.unproject(*geo.project(lon, lat)) == pytest.approx((lon, lat), abs=1e-9)


def test_north_is_up_and_east_is_right() -> None:
    pyongyang, seoul, vladivostok = geo.project(125.75, 39.03), geo.project(126.98, 37.57), geo.project(131.9, 43.1)
    assert seoul[1] > pyongyang[1] > vladivostok[1]
    kyiv, kursk, moscow = geo.project(30.52, 50.45), geo.project(36.02, 51.75), geo.project(37.62, 55.76)
    assert kyiv[0] < kursk[0] < moscow[0] and moscow[1] < kursk[1]


def test_clamp_puts_places_beyond_the_map_on_its_edge() -> None:
    x, y, moved = geo.clamp(-77.04, 38.9)  # Washington: west, across the Atlantic
    assert moved and x == 0 and 0 <= y <= geo.HEIGHT
    x, y, moved = geo.clamp(-77.04, 38.9, margin=8)
    assert moved and x == 8 and 8 <= y <= geo.HEIGHT - 8
    x, y, moved = geo.clamp(170.0, 60.0)  # east of the map
    assert moved and x == geo.WIDTH
    assert geo.clamp(35.27, 51.19) == (*geo.project(35.27, 51.19), False)


# --- every place of the data ------------------------------------------------------------------------------------


def test_every_place_in_the_data_is_drawn_inside_the_viewbox_at_its_true_position_if_it_can_be() -> None:
    rows = places()
    assert rows, "data/places/places.yaml is empty"
    for p in rows:
        x, y, moved = geo.clamp(p["lon"], p["lat"])
        assert geo.inside(x, y), p["id"]
        within = geo.WEST <= p["lon"] <= geo.EAST and geo.SOUTH <= p["lat"] <= geo.NORTH
        if within:  # anything inside the extent is where it really is, never pushed to the edge
            assert not moved and (x, y) == geo.project(p["lon"], p["lat"]), p["id"]


def test_locator_of_all_places_has_one_marker_each_inside_its_viewbox() -> None:
    svg = ET.fromstring(locator(spots(), "../assets/map/region.svg"))
    x0, y0, w, h = viewbox(svg)
    groups = svg.findall(f".//{SVG}g[@data-place]")
    assert [g.attrib["data-place"] for g in groups] == [p["id"] for p in places()]
    for g in groups:
        shape = g[0]
        if shape.tag == f"{SVG}circle":
            x, y = float(shape.attrib["cx"]), float(shape.attrib["cy"])
        else:  # an arrow: its tip, the first point of the path
            x, y = (float(v) for v in re.match(r"M(-?[\d.]+) (-?[\d.]+)", shape.attrib["d"]).groups())  # type: ignore[union-attr]
        assert x0 <= x <= x0 + w and y0 <= y <= y0 + h, g.attrib["data-place"]


# --- the locator ------------------------------------------------------------------------------------------------


def test_locator_is_accessible_and_names_its_places() -> None:
    out = locator([Spot("sudzha", "Sudzha", 51.1914, 35.2706), Spot("kyiv", "Kyiv", 50.4501, 30.5234)], "m.svg")
    svg = ET.fromstring(out)
    assert svg.attrib["role"] == "img"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert svg.attrib["aria-labelledby"] == f"{title.attrib['id']} {desc.attrib['id']}"
    assert title.text == "Sudzha and Kyiv"
    assert desc.text is not None and "Sudzha (51.191° N, 35.271° E)" in desc.text and "Kyiv" in desc.text
    image = svg.find(f"{SVG}image")
    assert image is not None and image.attrib[f"{{{XLINK}}}href"] == "m.svg" and "href" not in image.attrib
    assert (image.attrib["width"], image.attrib["height"]) == ("1000", f"{geo.HEIGHT:g}")
    assert [t.text for t in svg.iter(f"{SVG}text")][-2:] == ["Sudzha", "Kyiv"]


def test_locator_escapes_text_and_url() -> None:
    evil = Spot("x", '<script>alert("1")</script> & co', 50.0, 40.0)
    out = locator([evil], 'a.svg" onload="alert(1)', title="<b>bold</b>")
    assert "<script" not in out and "<b>" not in out and 'onload="' not in out
    svg = ET.fromstring(out)  # well-formed: nothing broke out of its attribute or element
    assert svg.find(f"{SVG}title").text == "<b>bold</b>"  # type: ignore[union-attr]
    assert [t.text for t in svg.iter(f"{SVG}text")][-1] == evil.name
    assert svg.find(f"{SVG}image").attrib[f"{{{XLINK}}}href"] == 'a.svg" onload="alert(1)'  # type: ignore[union-attr]


def test_locator_marks_places_beyond_the_map_with_an_arrow_on_the_edge() -> None:
    svg = ET.fromstring(locator([Spot("washington", "Washington, D.C.", 38.9, -77.04)], "m.svg"))
    g = svg.find(f".//{SVG}g[@data-place='washington']")
    assert g is not None and g[0].tag == f"{SVG}path" and g[0].attrib["d"].startswith("M0 ")
    assert [t.text for t in g.iter(f"{SVG}text")] == ["Washington, D.C. (off map)"]
    assert "beyond the edge of the map" in (svg.find(f"{SVG}desc").text or "")  # type: ignore[union-attr]


def test_locator_crops_round_its_places_and_keeps_markers_one_size() -> None:
    village = [Spot("sudzha", "Sudzha", 51.1914, 35.2706), Spot("plekhovo", "Plekhovo", 51.1, 35.33)]
    whole, crop = ET.fromstring(locator(village, "m.svg")), ET.fromstring(locator(village, "m.svg", min_width=50))
    x0, y0, w, h = viewbox(crop)
    assert viewbox(whole) == (0, 0, 1000, geo.HEIGHT)
    assert w == 50 and h == pytest.approx(50 * geo.HEIGHT / 1000, abs=0.01)
    for c in crop.iter(f"{SVG}circle"):
        assert x0 < float(c.attrib["cx"]) < x0 + w and y0 < float(c.attrib["cy"]) < y0 + h
    r_whole = float(next(whole.iter(f"{SVG}circle")).attrib["r"])
    r_crop = float(next(crop.iter(f"{SVG}circle")).attrib["r"])
    assert r_crop == pytest.approx(r_whole * 50 / 1000, rel=0.01)


def test_locator_is_deterministic() -> None:
    assert locator(spots(), "m.svg", min_width=200) == locator(spots(), "m.svg", min_width=200)


# --- the generator and the committed map ------------------------------------------------------------------------


def tiny_topology() -> dict[str, Any]:
    """Two countries sharing one arc (the second walks it backwards) and one off the map, quantized."""
    scale = [0.01, 0.01]
    translate = [30.0, 45.0]

    def q(points: list[tuple[float, float]]) -> list[list[int]]:
        out, px, py = [], 0, 0
        for lon, lat in points:
            x, y = round((lon - translate[0]) / scale[0]), round((lat - translate[1]) / scale[1])
            out.append([x - px, y - py])
            px, py = x, y
        return out

    shared = [(35.0, 50.0), (35.0, 52.0)]
    west = [(35.0, 52.0), (33.0, 52.0), (33.0, 50.0), (35.0, 50.0)]
    east = [(35.0, 50.0), (37.0, 50.0), (37.0, 51.0), (37.0, 52.0), (35.0, 52.0)]
    america = [(-80.0, 40.0), (-70.0, 40.0), (-75.0, 45.0), (-80.0, 40.0)]  # off the map
    return {
        "type": "Topology",
        "transform": {"scale": scale, "translate": translate},
        "arcs": [q(shared), q(west), q(east), q(america)],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "id": "804", "arcs": [[0, 1]], "properties": {"name": "West"}},
                    {"type": "MultiPolygon", "id": "643", "arcs": [[[2, ~0]]], "properties": {"name": "East"}},
                    {"type": "Polygon", "id": "840", "arcs": [[3]], "properties": {"name": "Far"}},
                ],
            }
        },
    }


def test_decode_arcs_undoes_quantization_and_deltas() -> None:
    arcs = make_map.decode_arcs(tiny_topology())
    assert arcs[0] == [pytest.approx((35.0, 50.0)), pytest.approx((35.0, 52.0))]
    assert arcs[2][2] == pytest.approx((37.0, 51.0))


def test_countries_are_assembled_projected_and_kept_in_order() -> None:
    rings = make_map.country_rings(tiny_topology(), tolerance=0.0)
    assert list(rings) == ["643", "804"]  # sorted; the American shape lies off the map and is left out
    (west,) = rings["804"]
    assert west[0] == pytest.approx(geo.project(35.0, 50.0))  # the same projection as the markers
    assert west[1] == pytest.approx(geo.project(35.0, 52.0))
    (east,) = rings["643"]
    assert east[-1] == pytest.approx(geo.project(35.0, 50.0))  # the shared arc, walked backwards


def test_simplify_and_clip() -> None:
    line = [(0.0, 0.0), (1.0, 0.01), (2.0, 0.0), (3.0, 5.0), (4.0, 0.0)]
    assert make_map.simplify(line, 0.5) == [(0.0, 0.0), (2.0, 0.0), (3.0, 5.0), (4.0, 0.0)]
    square = [(-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0)]
    clipped = make_map.clip(square, 10.0, 10.0)
    assert make_map.area(clipped) == pytest.approx(25.0)
    assert all(0 <= x <= 10 and 0 <= y <= 10 for x, y in clipped)


def test_make_map_output_is_deterministic_and_self_contained(tmp_path: Path) -> None:
    src = tmp_path / "tiny.json"
    src.write_text(json.dumps(tiny_topology()), encoding="utf-8")
    a, b = tmp_path / "a.svg", tmp_path / "b.svg"
    assert make_map.main([str(src), "-o", str(a)]) == 0
    assert make_map.main([str(src), "-o", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()
    svg = ET.fromstring(a.read_text(encoding="utf-8"))
    assert svg.attrib["viewBox"] == geo.VIEWBOX and svg.attrib["role"] == "img"
    assert len(svg.findall(f"{SVG}path")) == 2


def test_committed_region_svg_matches_the_projection_and_stays_small() -> None:
    text = REGION.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < 60_000
    svg = ET.fromstring(text)
    assert svg.attrib["viewBox"] == geo.VIEWBOX  # redraw with tools/make_map.py after changing geo.py
    assert svg.attrib["role"] == "img"
    assert (svg.find(f"{SVG}title").text or "").strip()  # type: ignore[union-attr]
    assert (svg.find(f"{SVG}desc").text or "").strip()  # type: ignore[union-attr]
    # Nothing fetched from another host: the only address is the SVG namespace itself.
    assert re.findall(r"https?://[^\s\"']+", text) == ["http://www.w3.org/2000/svg"]
    assert not svg.findall(f".//{SVG}image") and not svg.findall(f".//{SVG}script")


def test_every_place_is_where_some_event_happened() -> None:
    named = set()
    for path in sorted((ROOT / "data" / "events").glob("*.yaml")):
        for event in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            named.update(event.get("places") or [])
    rows = places()
    containers = {p["within"] for p in rows if p.get("within")}
    unused = [p["id"] for p in rows if p["id"] not in named and p["id"] not in containers]
    assert not unused, f"places no event names: {unused}"
    assert named <= {p["id"] for p in rows}
