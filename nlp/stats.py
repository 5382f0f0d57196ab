"""Small statistics shared by the report, themes and the API."""

from __future__ import annotations

import math


def wilson_interval(successes: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """95 % Wilson score interval for a proportion; (0, 0) when n is 0.

    Wilson rather than the normal approximation: it stays inside [0, 1] and behaves
    for the small groups typical of a single unit or month.
    """
    if n <= 0:
        return (0.0, 0.0)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def p_chart_limits(successes: list[int], totals: list[int]) -> tuple[float, list[float], list[float]]:
    """Centre line and 3-sigma control limits per period for a p-chart (SPC).

    Limits vary with each period's n, as in the run charts of "Leda för resultat".
    """
    n_all = sum(totals)
    p_bar = sum(successes) / n_all if n_all else 0.0
    upper, lower = [], []
    for n in totals:
        sigma = math.sqrt(p_bar * (1 - p_bar) / n) if n else 0.0
        upper.append(min(1.0, p_bar + 3 * sigma))
        lower.append(max(0.0, p_bar - 3 * sigma))
    return p_bar, upper, lower
