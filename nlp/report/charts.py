"""Run charts with control limits (p-charts), rendered server-side as inline SVG.

Why by hand: no maintained Python library draws a small, accessible SVG p-chart without
pulling in a plotting stack (matplotlib is not installed, and its SVG output is large and
slow to render per request). The chart is ~40 lines of SVG, and every chart is also given
as a data table, so nothing depends on seeing the picture.

The statistics follow seed 001 ("tidslinjediagram försedda med styrgränser"): the centre
line is the overall share p̄ and each month gets limits p̄ ± 3·√(p̄(1−p̄)/nᵢ), so a point
outside the limits is more than natural variation.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from nlp.stats import p_chart_limits


@dataclass(frozen=True)
class ChartPoint:
    period: str  # "2025-03"
    n: int  # answers that month
    x: int  # answers in the group that month
    share: float
    lcl: float
    ucl: float
    signal: str | None  # "över" | "under" | None


@dataclass(frozen=True)
class RunChart:
    title: str
    centre: float
    points: list[ChartPoint]

    @property
    def signals(self) -> list[ChartPoint]:
        return [p for p in self.points if p.signal]


def p_chart(title: str, periods: Sequence[str], totals: Sequence[int], hits: Sequence[int]) -> RunChart:
    """A p-chart over periods; months without answers are skipped (no share to show)."""
    rows = [(p, n, x) for p, n, x in zip(periods, totals, hits) if n > 0]
    centre, upper, lower = p_chart_limits([x for _, _, x in rows], [n for _, n, _ in rows])
    points = []
    for (period, n, x), ucl, lcl in zip(rows, upper, lower):
        share = x / n
        signal = "över" if share > ucl else "under" if share < lcl else None
        points.append(ChartPoint(period, n, x, share, lcl, ucl, signal))
    return RunChart(title=title, centre=centre, points=points)


def pct(value: float, decimals: int = 0) -> str:
    """Swedish percent: decimal comma and a non-breaking space before %."""
    text = f"{value * 100:.{decimals}f}".replace(".", ",")
    return f"{text}\u00a0%"


_W, _H = 640, 240
_L, _R, _T, _B = 52, 16, 14, 44  # margins: room for axis labels


def chart_svg(chart: RunChart, chart_id: str) -> Markup:
    """Inline SVG for a run chart. Signals are drawn as larger diamonds, not by colour alone."""
    pts = chart.points
    if not pts:
        return Markup('<p class="muted">För få svar med datum för att rita ett diagram.</p>')
    frame = _Frame.fit(pts)
    title_id, desc_id = f"{chart_id}-titel", f"{chart_id}-beskrivning"
    n_signals = len(chart.signals)
    desc = f"Andel per månad från {pts[0].period} till {pts[-1].period}. Medellinje {pct(chart.centre, 1)}. " + (
        f"{n_signals} månad(er) utanför styrgränserna." if n_signals else "Alla månader inom styrgränserna."
    )
    parts = [
        (
            f'<svg class="runchart" viewBox="0 0 {_W} {_H}" role="img" '
            # inline SVG in HTML needs no xmlns, and the self-contained report names no URL at all
            f'aria-labelledby="{title_id} {desc_id}">'
            f'<title id="{title_id}">{escape(chart.title)}</title><desc id="{desc_id}">{escape(desc)}</desc>'
        ),
        *_axes(frame, pts),
        *_limits_and_series(frame, chart),
        *_points(frame, pts),
        _legend(),
        "</svg>",
    ]
    return Markup("".join(parts))


@dataclass(frozen=True)
class _Frame:
    """The plot area: how many points, the y-axis top and its number of steps."""

    n: int
    top: float
    steps: int

    @classmethod
    def fit(cls, pts: Sequence[ChartPoint]) -> _Frame:
        peak = max([p.ucl for p in pts] + [p.share for p in pts] + [0.02])
        # A round step so the axis reads 0, 10, 20 % … rather than 17,5 %.
        step = next(st for st in (0.01, 0.02, 0.05, 0.1, 0.2, 0.25) if math.ceil(peak / st - 1e-9) <= 5)
        steps = max(1, math.ceil(peak / step - 1e-9))
        return cls(len(pts), min(1.0, step * steps), steps)

    @property
    def width(self) -> float:
        return _W - _L - _R

    def x(self, i: int) -> float:
        return _L + (self.width * (i + 0.5) / self.n)

    def y(self, v: float) -> float:
        return _T + (_H - _T - _B) * (1 - v / self.top)


def _axes(frame: _Frame, pts: Sequence[ChartPoint]) -> list[str]:
    parts = []
    for k in range(frame.steps + 1):
        v = frame.top * k / frame.steps
        y = frame.y(v)
        parts.append(f'<line class="grid" x1="{_L}" x2="{_W - _R}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text class="axis" x="{_L - 6}" y="{y + 4:.1f}" text-anchor="end">{escape(pct(v))}</text>')
    # X labels: every month if few, else every other (labels never overlap); counted from
    # the latest month so the newest period is always labelled.
    every = 1 if len(pts) <= 12 else 2 if len(pts) <= 24 else 3
    for i, p in enumerate(pts):
        if (len(pts) - 1 - i) % every == 0:
            parts.append(
                f'<text class="axis" x="{frame.x(i):.1f}" y="{_H - _B + 16}" text-anchor="middle">'
                f"{escape(p.period[2:])}</text>"
            )
    return parts


def _limits_and_series(frame: _Frame, chart: RunChart) -> list[str]:
    pts = chart.points

    # Control limits as step lines (they vary with n per month)
    def step_path(values: list[float]) -> str:
        half = frame.width / len(pts) / 2
        d = []
        for i, v in enumerate(values):
            y = frame.y(v)
            d.append(f"{'M' if i == 0 else 'L'}{frame.x(i) - half:.1f},{y:.1f} L{frame.x(i) + half:.1f},{y:.1f}")
        return " ".join(d)

    yc = frame.y(chart.centre)
    line = " ".join(f"{frame.x(i):.1f},{frame.y(p.share):.1f}" for i, p in enumerate(pts))
    return [
        f'<path class="limit" d="{step_path([p.ucl for p in pts])}"/>',
        f'<path class="limit" d="{step_path([p.lcl for p in pts])}"/>',
        f'<line class="centre" x1="{_L}" x2="{_W - _R}" y1="{yc:.1f}" y2="{yc:.1f}"/>',
        f'<polyline class="series" points="{line}"/>',
    ]


def _points(frame: _Frame, pts: Sequence[ChartPoint]) -> list[str]:
    parts = []
    for i, p in enumerate(pts):
        cx, cy = frame.x(i), frame.y(p.share)
        label = escape(f"{p.period}: {pct(p.share, 1)} ({p.x} av {p.n})")
        if p.signal:
            parts.append(
                f'<path class="signal" d="M{cx:.1f},{cy - 7:.1f} L{cx + 7:.1f},{cy:.1f} '
                f'L{cx:.1f},{cy + 7:.1f} L{cx - 7:.1f},{cy:.1f} Z"><title>{label} – utanför styrgränserna</title></path>'
            )
        else:
            parts.append(f'<circle class="point" cx="{cx:.1f}" cy="{cy:.1f}" r="3.5"><title>{label}</title></circle>')
    return parts


def _legend() -> str:
    ly = _H - 10
    return (
        f'<line class="series" x1="{_L}" x2="{_L + 22}" y1="{ly - 4}" y2="{ly - 4}"/>'
        f'<text class="axis" x="{_L + 27}" y="{ly}">andel</text>'
        f'<line class="centre" x1="{_L + 80}" x2="{_L + 102}" y1="{ly - 4}" y2="{ly - 4}"/>'
        f'<text class="axis" x="{_L + 107}" y="{ly}">medel</text>'
        f'<line class="limit" x1="{_L + 162}" x2="{_L + 184}" y1="{ly - 4}" y2="{ly - 4}"/>'
        f'<text class="axis" x="{_L + 189}" y="{ly}">styrgränser</text>'
        f'<path class="signal" d="M{_L + 290},{ly - 10} L{_L + 296},{ly - 4} L{_L + 290},{ly + 2} L{_L + 284},{ly - 4} Z"/>'
        f'<text class="axis" x="{_L + 302}" y="{ly}">utanför gränserna</text>'
    )
