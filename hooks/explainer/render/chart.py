"""Estimates over time, by claimant, drawn at build time as an accessible SVG.

No chart library is fetched by the reader's browser: the chart is plain SVG in the page,
with a title and a description for screen readers, and the table of values beside it
holds every number the chart shows. Text from YAML is escaped (this is raw HTML).
"""

from __future__ import annotations

import datetime as dt
import html
import math

from ..kinds.figures import Figure, value_text
from .context import Ctx

W, H = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 40
# Colour-blind-safe (Okabe-Ito), legible on the light and the dark scheme; each series
# also has its own marker shape, so colour is never the only cue.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#999999", "#F0E442")
SHAPES = ("circle", "square", "diamond", "triangle")


def _low_high(f: Figure) -> tuple[int, int]:
    """The range an estimate spans (a single value spans itself; 'at least' its lower bound)."""
    if f.value is not None:
        return f.value, f.value
    low = f.low or 0
    return low, low if f.high is None else f.high


def _day(f: Figure) -> int:
    y, m, d = f.as_of.first_day()
    return dt.date(y, m, d).toordinal()


def _nice_max(v: int) -> int:
    if v <= 0:
        return 10
    exp = 10 ** math.floor(math.log10(v))
    for step in (1, 2, 2.5, 5, 10):
        if v <= step * exp:
            return int(step * exp)
    return int(10 * exp)  # pragma: no cover


def _marker(shape: str, x: float, y: float, colour: str, label: str) -> str:
    t = f"<title>{html.escape(label)}</title>"
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}">{t}</circle>'
    if shape == "square":
        return f'<rect x="{x - 4.5:.1f}" y="{y - 4.5:.1f}" width="9" height="9" fill="{colour}">{t}</rect>'
    if shape == "diamond":
        d = f"M{x:.1f} {y - 6:.1f}L{x + 6:.1f} {y:.1f}L{x:.1f} {y + 6:.1f}L{x - 6:.1f} {y:.1f}Z"
        return f'<path d="{d}" fill="{colour}">{t}</path>'
    return f'<path d="M{x:.1f} {y - 6:.1f}L{x + 6:.1f} {y + 5:.1f}L{x - 6:.1f} {y + 5:.1f}Z" fill="{colour}">{t}</path>'


def chart(measure_label: str, figures: list[Figure], ctx: Ctx, chart_id: str) -> str:
    """One measure's estimates as an SVG line-and-point chart; '' when there are fewer than two."""
    if len(figures) < 2:
        return ""
    days = [_day(f) for f in figures]
    d0, d1 = min(days), max(days)
    if d0 == d1:
        d0, d1 = d0 - 15, d1 + 15
    top = _nice_max(max(_low_high(f)[1] for f in figures))

    def x(day: int) -> float:
        return LEFT + (day - d0) / (d1 - d0) * (W - LEFT - RIGHT)

    def y(v: int) -> float:
        return TOP + (1 - v / top) * (H - TOP - BOTTOM)

    tr = ctx.tr
    claimants = list(dict.fromkeys(f.claimant for f in sorted(figures, key=lambda f: (f.as_of, f.id))))
    parts: list[str] = []
    # Grid and axes: five horizontal lines with their values; years on the time axis.
    for i in range(5):
        v = top * i // 4
        parts.append(
            f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{y(v):.1f}" y2="{y(v):.1f}" class="ex-grid"/>'
            f'<text x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{tr.number(v)}</text>'
        )
    first_year, last_year = dt.date.fromordinal(d0).year, dt.date.fromordinal(d1).year
    for year in range(first_year, last_year + 2):
        for month in (1, 7) if last_year - first_year < 3 else (1,):
            day = dt.date(year, month, 1).toordinal()
            if d0 <= day <= d1:
                label = str(year) if month == 1 else tr.short_month(year, month)
                parts.append(
                    f'<line x1="{x(day):.1f}" x2="{x(day):.1f}" y1="{TOP}" y2="{H - BOTTOM}" class="ex-grid"/>'
                    f'<text x="{x(day):.1f}" y="{H - BOTTOM + 16}" text-anchor="middle">{label}</text>'
                )
    legend: list[str] = []
    for n, claimant in enumerate(claimants):
        # Past eight series the colours repeat, but never with the same marker.
        colour, shape = COLOURS[n % len(COLOURS)], SHAPES[(n + n // len(COLOURS)) % len(SHAPES)]
        name = ctx.dataset.get("actors", claimant).name
        series = sorted((f for f in figures if f.claimant == claimant), key=lambda f: (f.as_of, f.id))
        points = []
        for f in series:
            low, high = _low_high(f)
            points.append((x(_day(f)), y((low + high) // 2)))
        if len(points) > 1:
            d = " ".join(f"{'M' if i == 0 else 'L'}{px:.1f} {py:.1f}" for i, (px, py) in enumerate(points))
            parts.append(f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for f, (px, py) in zip(series, points, strict=True):
            low, high = _low_high(f)
            if low != high:
                parts.append(
                    f'<line x1="{px:.1f}" x2="{px:.1f}" y1="{y(low):.1f}" y2="{y(high):.1f}" '
                    f'stroke="{colour}" stroke-width="3"/>'
                )
            parts.append(_marker(shape, px, py, colour, f"{name}, {tr.date(f.as_of)}: {value_text(f, ctx)}"))
        legend.append(
            f'<li><svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">'
            f"{_marker(shape, 7, 7, colour, name)}</svg> {html.escape(name)}</li>"
        )
    first, last = tr.date(min(figures, key=_day).as_of), tr.date(max(figures, key=_day).as_of)
    estimates = tr.n_("{n} estimate", "{n} estimates", len(figures))
    by = tr.n_("{n} claimant", "{n} claimants", len(claimants))
    desc = tr._(
        "{estimates} by {claimants} between {first} and {last}, highest {top} on the scale. "
        "Ranges are drawn as vertical bars. The table below lists every value with its source.",
        estimates=estimates,
        claimants=by,
        first=first,
        last=last,
        top=tr.number(top),
    )
    title = tr._("{measure}: estimates over time, by claimant", measure=measure_label)
    return (
        f'<figure class="ex-chart">'
        f'<svg viewBox="0 0 {W} {H}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        'class="ex-chart__svg">'
        f'<title id="{chart_id}-title">{html.escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{html.escape(desc)}</desc>'
        + "".join(parts)
        + "</svg>"
        + f'<figcaption><ul class="ex-legend">{"".join(legend)}</ul></figcaption></figure>'
    )
