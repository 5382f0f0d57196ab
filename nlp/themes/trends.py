"""Themes over time: counts and shares per period, and emerging themes from a p-chart."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from nlp.core import OTHER_THEME
from nlp.stats import p_chart_limits
from nlp.themes.result import ThemeResult


def over_time(result: ThemeResult) -> dict[str, Any]:
    """Counts and shares of each theme's main-theme texts per period (dated texts only)."""
    main = result.main_theme()
    totals: Counter[str] = Counter()
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    undated = 0
    for rid, tid in main.items():
        p = result.periods.get(rid)
        if p is None:
            undated += 1
            continue
        totals[p] += 1
        counts[tid][p] += 1
    for (tid, p), c in (result.rest.counts if result.rest is not None else {}).items():
        if p is None:
            undated += c
            continue
        totals[p] += c
        counts[tid][p] += c
    keys = sorted(totals)
    return {
        "period": result.settings.get("period", "month"),
        "periods": keys,
        "n": [totals[k] for k in keys],
        "undated": undated,
        "themes": {
            str(t.id): {
                "counts": [counts[t.id][k] for k in keys],
                "shares": [counts[t.id][k] / totals[k] for k in keys],
            }
            for t in result.themes
        },
    }


def _pct(x: float) -> str:
    return f"{100 * x:.1f} %".replace(".", ",")


def detect_emerging(ot: dict[str, Any], theme_ids: Iterable[int]) -> list[dict[str, Any]]:
    """Flag themes in the latest period: share above the p-chart's upper control limit
    built from the earlier periods ("styrgränser", SPC as in Leda för resultat), or new
    (members now, none before). Each flag carries its numbers and a Swedish sentence."""
    keys, ns = ot.get("periods", []), ot.get("n", [])
    if len(keys) < 2:
        return []
    latest, n_latest = keys[-1], ns[-1]
    flags = []
    for tid in theme_ids:
        if tid == OTHER_THEME:
            continue
        counts = ot["themes"][str(tid)]["counts"]
        c, earlier, earlier_n = counts[-1], counts[:-1], ns[:-1]
        if c == 0 or n_latest == 0:
            continue
        share = c / n_latest
        if sum(earlier) == 0:
            flags.append(
                {
                    "theme_id": tid,
                    "kind": "ny",
                    "period": latest,
                    "share": share,
                    "count": c,
                    "n": n_latest,
                    "centre": 0.0,
                    "ucl": None,
                    "earlier_periods": len(earlier),
                    "reason": (
                        f"Nytt tema: {c} av {n_latest} svar ({_pct(share)}) i {latest}, "
                        f"inga svar i de {len(earlier)} tidigare perioderna."
                    ),
                }
            )
            continue
        centre, _, _ = p_chart_limits(earlier, earlier_n)
        ucl = min(1.0, centre + 3 * math.sqrt(centre * (1 - centre) / n_latest))
        if share > ucl:
            flags.append(
                {
                    "theme_id": tid,
                    "kind": "ökar",
                    "rule": "över övre kontrollgränsen",
                    "period": latest,
                    "share": share,
                    "count": c,
                    "n": n_latest,
                    "centre": centre,
                    "ucl": ucl,
                    "earlier_periods": len(earlier),
                    "reason": (
                        f"Andelen steg till {_pct(share)} ({c} av {n_latest} svar) i {latest}, "
                        f"över den övre kontrollgränsen {_pct(ucl)} (mittlinje {_pct(centre)} "
                        f"från {len(earlier)} tidigare perioder, n = {n_latest})."
                    ),
                }
            )
            continue
        sustained = _sustained_rise(counts, ns, keys)
        if sustained is not None:
            flags.append(
                {
                    "theme_id": tid,
                    "kind": "ökar",
                    "period": latest,
                    "share": share,
                    "count": c,
                    "n": n_latest,
                    **sustained,
                }
            )
    return flags


RISE_WINDOW = 3  # the latest periods looked at by the "two of three" rule


def _sustained_rise(counts: list[int], ns: list[int], keys: list[str]) -> dict[str, Any] | None:
    """Western Electric rule 2 on the p-chart: two of the last three periods, the latest
    among them, above the 2σ warning limit of a centre line built from the periods
    before them. Catches a rise spread over a few months that no single small month
    shows beyond 3σ (a monthly survey often has only some 30–60 answers a month)."""
    if len(keys) < RISE_WINDOW + 3:
        return None
    base_c, base_n = counts[:-RISE_WINDOW], ns[:-RISE_WINDOW]
    centre, _, _ = p_chart_limits(base_c, base_n)
    if centre <= 0.0:
        return None

    def limit(n: int, k: float) -> float:
        return min(1.0, centre + k * math.sqrt(centre * (1 - centre) / n))

    recent = list(zip(keys[-RISE_WINDOW:], counts[-RISE_WINDOW:], ns[-RISE_WINDOW:]))
    above = [(k, c / n) for k, c, n in recent if n and c / n > limit(n, 2)]
    latest_key, c, n = recent[-1]
    if len(above) < 2 or not n or above[-1][0] != latest_key:
        return None
    warning = limit(n, 2)
    months = ", ".join(f"{k}: {_pct(v)}" for k, v in above)
    return {
        "rule": "två av tre senaste perioderna över varningsgränsen",
        "centre": centre,
        "ucl": limit(n, 3),
        "warning_limit": warning,
        "earlier_periods": len(base_c),
        "reason": (
            f"Andelen har legat över varningsgränsen (2σ) i {len(above)} av de "
            f"{RISE_WINDOW} senaste perioderna ({months}); senast {_pct(c / n)} "
            f"({c} av {n} svar) i {latest_key} mot varningsgränsen {_pct(warning)} och "
            f"mittlinjen {_pct(centre)} från {len(base_c)} perioder dessförinnan."
        ),
    }


def refresh_time_series(result: ThemeResult) -> ThemeResult:
    """Recompute over_time and emerging from assignments and periods (after any edit)."""
    ot = over_time(result)
    result.over_time = ot
    result.emerging = detect_emerging(ot, [t.id for t in result.themes])
    return result
