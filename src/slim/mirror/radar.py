"""A radar (spider) chart as server-rendered SVG: no JavaScript, styled by mirror.css.

Radar charts invite conversation but are easy to misread (the axis order changes
the shape, areas grow with the square of the values), so the axes always keep
the knowledge base's fixed order, the scale starts at 0 in the centre, and every
page that shows one also shows a table with the same numbers.
"""

import math
import textwrap
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

SCALE_MAX = 5
RADIUS = 190
LABEL_GAP = 14
LABEL_WIDTH = 26  # characters per label line
LINE_HEIGHT = 14
WIDTH = 800
CENTRE = (WIDTH / 2, 250)
LEGEND_TOP = 512
LEGEND_ROW = 22


@dataclass(frozen=True)
class Series:
    label: str
    css_class: str
    values: list  # one float (or None when there is no value) per axis


def radar_svg(axes, series, title, description, id_prefix="radar"):
    """The chart as an inline <svg> with <title>/<desc>, labelled for screen readers by aria-labelledby."""
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    height = LEGEND_TOP + LEGEND_ROW * len(series)
    parts = [
        f'<svg class="radar" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
        *_grid(len(axes)),
        *_axis_labels(axes),
        *(_series(one, len(axes)) for one in series),
        *_legend(series),
        "</svg>",
    ]
    return mark_safe("".join(parts))


def _point(axis, count, value):
    angle = -math.pi / 2 + 2 * math.pi * axis / count
    distance = RADIUS * value / SCALE_MAX
    return CENTRE[0] + distance * math.cos(angle), CENTRE[1] + distance * math.sin(angle)


def _points(pairs):
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in pairs)


def _grid(count):
    for ring in range(1, SCALE_MAX + 1):
        yield f'<polygon class="radar-ring" points="{_points(_point(axis, count, ring) for axis in range(count))}"/>'
        # Between the first two axes, where the numbers do not collide with the data points.
        x, y = _point(0.5, count, ring)
        yield f'<text class="radar-ring-label" text-anchor="middle" x="{x:.1f}" y="{y + 4:.1f}">{ring}</text>'
    for axis in range(count):
        x, y = _point(axis, count, SCALE_MAX)
        yield f'<line class="radar-axis" x1="{CENTRE[0]:.1f}" y1="{CENTRE[1]:.1f}" x2="{x:.1f}" y2="{y:.1f}"/>'


def _axis_labels(axes):
    count = len(axes)
    for axis, label in enumerate(axes):
        x, y = _point(axis, count, SCALE_MAX * (RADIUS + LABEL_GAP) / RADIUS)
        dx, dy = x - CENTRE[0], y - CENTRE[1]
        anchor = "middle" if abs(dx) < RADIUS * 0.2 else ("start" if dx > 0 else "end")
        lines = textwrap.wrap(label, LABEL_WIDTH) or [""]
        # A label beside its axis end is centred on it; one right above or below the chart moves clear of it.
        half = (len(lines) - 1) * LINE_HEIGHT / 2
        first = y - half + 4
        if anchor == "middle":
            first += (half + LINE_HEIGHT / 2) * (1 if dy > 0 else -1)
        spans = "".join(
            f'<tspan x="{x:.1f}" y="{first + index * LINE_HEIGHT:.1f}">{escape(line)}</tspan>'
            for index, line in enumerate(lines)
        )
        yield f'<text class="radar-label" text-anchor="{anchor}">{spans}</text>'


def _series(one, count):
    # An axis without a value is skipped rather than drawn at zero, which would suggest a score of 0.
    pairs = [_point(axis, count, value) for axis, value in enumerate(one.values) if value is not None]
    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5"/>' for x, y in pairs)
    return f'<g class="radar-series {one.css_class}"><polygon points="{_points(pairs)}"/>{dots}</g>'


def _legend(series):
    for row, one in enumerate(series):
        y = LEGEND_TOP + row * LEGEND_ROW
        yield (
            f'<g class="radar-series {one.css_class}"><line x1="20" y1="{y}" x2="56" y2="{y}"/>'
            f'<circle cx="38" cy="{y}" r="3.5"/></g>'
            f'<text class="radar-legend" x="64" y="{y + 5}">{escape(one.label)}</text>'
        )
