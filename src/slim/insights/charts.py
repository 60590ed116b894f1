"""Horizontal bar charts as server-rendered SVG: no JavaScript, no style attributes (the CSP forbids both).

Colours come from insights.css through class names; every bar also carries its
number as text, so the chart does not depend on colour. Suppressed values get
no bar, only the text '<10'. Each chart has a <title> and a <desc> summary, and
the page shows the table with the same numbers next to it as the full text
alternative.
"""

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

from slim.common.suppression import SUPPRESSED

WIDTH = 760
LABEL_WIDTH = 250
BAR_HEIGHT = 16
BAR_GAP = 4
GROUP_GAP = 14
TOP = 12
LEGEND_ROW = 22
VALUE_ROOM = 60


@dataclass(frozen=True)
class Bar:
    series: int  # index into the chart's series labels (decides the CSS class)
    cell: object  # a suppression.Cell holding a percentage


def bar_chart(groups, series, title, description, id_prefix):
    """groups: [(label, [Bar, ...])]; series: legend labels. Values are percentages (0-100)."""
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    scale = (WIDTH - LABEL_WIDTH - VALUE_ROOM) / 100.0
    parts, y = [], TOP
    for label, bars in groups:
        group_height = len(bars) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
        parts.append(
            f'<text class="chart-label" x="{LABEL_WIDTH - 8}" y="{y + group_height / 2 + 4:.1f}" '
            f'text-anchor="end">{escape(label)}</text>'
        )
        for bar in bars:
            value = bar.cell.chart_value
            if value is None:
                text = SUPPRESSED if bar.cell.suppressed else "–"
                parts.append(f'<text class="chart-value" x="{LABEL_WIDTH + 4}" y="{y + BAR_HEIGHT - 4}">{text}</text>')
            else:
                length = max(value, 0) * scale
                parts.append(
                    f'<rect class="chart-bar chart-series-{bar.series}" x="{LABEL_WIDTH}" y="{y}" '
                    f'width="{length:.1f}" height="{BAR_HEIGHT}"/>'
                    f'<text class="chart-value" x="{LABEL_WIDTH + length + 4:.1f}" y="{y + BAR_HEIGHT - 4}">'
                    f"{escape(bar.cell.text())}</text>"
                )
            y += BAR_HEIGHT + BAR_GAP
        y += GROUP_GAP
    parts.append(f'<line class="chart-axis" x1="{LABEL_WIDTH}" y1="{TOP - 4}" x2="{LABEL_WIDTH}" y2="{y - GROUP_GAP}"/>')
    for index, label in enumerate(series):
        row_y = y + index * LEGEND_ROW
        parts.append(
            f'<rect class="chart-bar chart-series-{index}" x="{LABEL_WIDTH}" y="{row_y}" width="24" height="{BAR_HEIGHT}"/>'
            f'<text class="chart-legend" x="{LABEL_WIDTH + 32}" y="{row_y + BAR_HEIGHT - 3}">{escape(label)}</text>'
        )
    height = y + len(series) * LEGEND_ROW + 8
    svg = (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{title_id}">{escape(title)}</title><desc id="{desc_id}">{escape(description)}</desc>'
        f'{"".join(parts)}</svg>'
    )
    return mark_safe(svg)
