"""A dot plot with interval whiskers, rendered server-side as inline SVG: one small panel per
area of a breakdown (small multiples), one row per group, the share as a dot and its 95 %
interval as a whisker. Drawn by hand for the reason nlp/report/charts.py gives; every panel
has a title and a description with its numbers, and the page shows the same numbers as a table.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from markupsafe import Markup, escape

from nlp.report.charts import pct
from nlp.report.model import Breakdown, Cell

__all__ = ["axis_top", "breakdown_panel", "breakdown_top", "dot_plot_svg"]

_W = 280
_LABEL = 116  # room for the group names on the left
_R = 14
_ROW = 22
_T, _B = 8, 26  # room above the first row, and for the axis labels below the last
_NAME_CHARS = 16


def axis_top(cells: Sequence[Cell]) -> float:
    """A round top for the share axis that holds every shown interval: the panels of one
    breakdown share it, so their dots can be compared."""
    peak = max([c.ci[1] for c in cells if c.ci] + [0.05])
    step = next(st for st in (0.05, 0.1, 0.2, 0.25) if math.ceil(peak / st - 1e-9) <= 5)
    return min(1.0, step * math.ceil(peak / step - 1e-9))


def dot_plot_svg(title: str, rows: Sequence[tuple[str, Cell]], chart_id: str, top: float = 1.0) -> Markup:
    """One panel: `rows` are (group title, cell of the area in that group), drawn top down."""
    height = _T + _ROW * len(rows) + _B
    title_id, desc_id = f"{chart_id}-titel", f"{chart_id}-beskrivning"
    desc = "; ".join(f"{name}: {_cell_text(c)}" for name, c in rows) or "Inga grupper att visa."
    parts = [
        # A fixed width (shrinking only on narrow screens) keeps the text at its real size.
        f'<svg class="dotplot" width="{_W}" height="{height}" viewBox="0 0 {_W} {height}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}">'
        f'<title id="{title_id}">{escape(title)}</title><desc id="{desc_id}">{escape(desc)}</desc>',
        *_grid(top, height),
        *(_row(i, name, cell, top) for i, (name, cell) in enumerate(rows)),
        "</svg>",
    ]
    return Markup("".join(parts))


def _cell_text(c: Cell) -> str:
    if c.hidden or c.ci is None or c.share is None:
        return f"{c.text} svar, visas inte"
    return f"{pct(c.share)} (95 % intervall {pct(c.ci[0])}–{pct(c.ci[1])}), {c.k} av {c.n} svar"


def _x(v: float, top: float) -> float:
    return _LABEL + (_W - _LABEL - _R) * min(v, top) / top


def _grid(top: float, height: int) -> list[str]:
    parts = []
    for k in range(5):
        v = top * k / 4
        x = _x(v, top)
        parts.append(f'<line class="grid" x1="{x:.1f}" x2="{x:.1f}" y1="{_T - 4}" y2="{height - _B + 4}"/>')
        if k % 2 == 0:  # three labels: no overlap on a phone
            parts.append(
                f'<text class="axis" x="{x:.1f}" y="{height - 8}" text-anchor="middle">{escape(pct(v))}</text>'
            )
    return parts


def _row(i: int, name: str, c: Cell, top: float) -> str:
    y = _T + _ROW * i + _ROW / 2
    short = name if len(name) <= _NAME_CHARS else name[: _NAME_CHARS - 1] + "…"
    label = f'<text class="group" x="{_LABEL - 8}" y="{y + 4:.1f}" text-anchor="end">{escape(short)}</text>'
    if c.hidden or c.ci is None or c.share is None:
        return label + f'<text class="hidden-cell" x="{_LABEL + 4}" y="{y + 4:.1f}">{escape(c.text)}</text>'
    lo, hi, x = _x(c.ci[0], top), _x(c.ci[1], top), _x(c.share, top)
    return (
        f"<g><title>{escape(name)}: {escape(_cell_text(c))}</title>{label}"
        f'<line class="whisker" x1="{lo:.1f}" x2="{hi:.1f}" y1="{y:.1f}" y2="{y:.1f}"/>'
        f'<line class="whisker" x1="{lo:.1f}" x2="{lo:.1f}" y1="{y - 4:.1f}" y2="{y + 4:.1f}"/>'
        f'<line class="whisker" x1="{hi:.1f}" x2="{hi:.1f}" y1="{y - 4:.1f}" y2="{y + 4:.1f}"/>'
        f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="4.5"/></g>'
    )


def breakdown_top(b: Breakdown) -> float:
    """The share axis the panels of one breakdown share."""
    return axis_top([c for g in b.groups for c in g.cells.values()])


def breakdown_panel(b: Breakdown, label_id: str, title: str, top: float) -> Markup:
    """The panel of one area in a breakdown: its share in every shown group; a line of text
    instead when every group's count is hidden."""
    if all(g.cells[label_id].hidden for g in b.groups):
        return Markup(
            f'<p class="muted small">Färre än {b.groups[0].cells[label_id].threshold} svar i varje grupp.</p>'
        )
    return dot_plot_svg(
        f"{title}: andel per {b.title.lower()}",
        [(g.title, g.cells[label_id]) for g in b.groups],
        f"uppdelning-{b.dimension}-{label_id}",
        top,
    )
