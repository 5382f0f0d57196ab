"""New and growing themes over a project's whole timeline: every period of every import.

The latest import is the one a signal is about. A theme is "ny" when the latest import has
answers in it and no earlier import had any. It "ökar" when, in one of the latest import's
periods, its share is above the p-chart's upper control limit (3σ) built from every period
before that import began; for answers without dates the imports themselves are the periods.
Each signal says which import and period it comes from.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from nlp.stats import p_chart_limits

NEW_EARLIER_SHARE = 0.2


def _pct(x: float) -> str:
    return f"{100 * x:.1f} %".replace(".", ",")


def project_signals(
    main: Mapping[Any, str | None],
    period_of: Mapping[Any, str | None],
    import_of: Mapping[Any, Any],
    import_order: Sequence[Any],
    import_names: Mapping[Any, str] | None = None,
    created: Mapping[str, Any] | None = None,
) -> dict[str, dict[str, Any]]:
    """theme key → its signal ("ny" or "ökar") in the latest import, with numbers and a reason.

    `created`: key → the import a theme was made in; a theme made in the latest import is "ny"
    when at most NEW_EARLIER_SHARE of its answers come from earlier imports (earlier answers
    left in "övrigt" that turn out to belong to it)."""
    if not import_order:
        return {}
    latest = import_order[-1]
    name = (import_names or {}).get(latest, str(latest))
    earlier = set(import_order[:-1])
    before: Counter[str] = Counter()
    now: dict[str, Counter[str | None]] = defaultdict(Counter)
    n_now: Counter[str | None] = Counter()
    for rid, key in main.items():
        imp = import_of.get(rid)
        if imp == latest:
            n_now[period_of.get(rid)] += 1
            if key is not None:
                now[key][period_of.get(rid)] += 1
        elif imp in earlier and key is not None:
            before[key] += 1
    flags: dict[str, dict[str, Any]] = {}
    for key, per_period in now.items():
        made_now = (created or {}).get(key) == latest and before[key] <= NEW_EARLIER_SHARE * (
            before[key] + sum(per_period.values())
        )
        if (before[key] == 0 or made_now) and earlier:
            flags[key] = _new_flag(key, per_period, n_now, latest, name, len(earlier))
    series = _period_series(main, period_of, import_of, latest, earlier)
    for key in now:
        if key not in flags and earlier:
            flag = _rise(key, series, latest, name) or _import_rise(key, main, import_of, import_order, name)
            if flag:
                flags[key] = flag
    return flags


def _new_flag(
    key: str, per_period: Counter[str | None], n_now: Counter[str | None], latest: Any, name: str, n_earlier: int
) -> dict[str, Any]:
    c, n = sum(per_period.values()), sum(n_now.values())
    dated = sorted(p for p in per_period if p is not None)
    period = dated[0] if dated else None
    when = f" från {period}" if period else ""
    return {
        "theme_key": key,
        "kind": "ny",
        "import_id": latest,
        "import": name,
        "period": period,
        "share": c / n if n else 0.0,
        "count": c,
        "n": n,
        "centre": 0.0,
        "ucl": None,
        "reason": (
            f"Nytt tema i {name}{when}: {c} av {n} svar ({_pct(c / n if n else 0.0)}), "
            f"inget tema för dem i de {n_earlier} tidigare importerna."
        ),
    }


def _period_series(
    main: Mapping[Any, str | None],
    period_of: Mapping[Any, str | None],
    import_of: Mapping[Any, Any],
    latest: Any,
    earlier: set,
) -> dict[str, Any]:
    """Counts per period: baseline periods (before the latest import began) and its own periods."""
    latest_periods = sorted({p for r, p in period_of.items() if p and import_of.get(r) == latest})
    start = latest_periods[0] if latest_periods else None
    totals: Counter[str] = Counter()
    hits: dict[str, Counter[str]] = defaultdict(Counter)
    for rid, p in period_of.items():
        if p is None or import_of.get(rid) not in earlier | {latest}:
            continue
        totals[p] += 1
        if main.get(rid) is not None:
            hits[main[rid]][p] += 1  # type: ignore[index]
    base = sorted(p for p in totals if start is not None and p < start)
    return {"base": base, "latest": latest_periods, "totals": totals, "hits": hits}


def _rise(key: str, s: Mapping[str, Any], latest: Any, name: str) -> dict[str, Any] | None:
    """The 3σ rule on the p-chart of periods: baseline from the periods before the import."""
    if len(s["base"]) < 2 or not s["latest"]:
        return None
    hits, totals = s["hits"].get(key, Counter()), s["totals"]
    centre, _, _ = p_chart_limits([hits[p] for p in s["base"]], [totals[p] for p in s["base"]])
    if centre <= 0.0:
        return None
    best = None
    for p in s["latest"]:
        n, c = totals[p], hits[p]
        ucl = min(1.0, centre + 3 * math.sqrt(centre * (1 - centre) / n))
        if n and c / n > ucl and (best is None or c / n - ucl > best[0]):
            best = (c / n - ucl, p, c, n, ucl)
    if best is None:
        return None
    _, p, c, n, ucl = best
    return _rise_flag(key, latest, name, p, c, n, centre, ucl, f"{len(s['base'])} tidigare perioder")


def _import_rise(
    key: str, main: Mapping[Any, str | None], import_of: Mapping[Any, Any], order: Sequence[Any], name: str
) -> dict[str, Any] | None:
    """The same rule with the imports as periods (for answers without dates)."""
    if len(order) < 3:
        return None
    totals: Counter[Any] = Counter(import_of[r] for r in main if r in import_of)
    hits: Counter[Any] = Counter(import_of[r] for r, k in main.items() if k == key and r in import_of)
    base = list(order[:-1])
    centre, _, _ = p_chart_limits([hits[i] for i in base], [totals[i] for i in base])
    n, c = totals[order[-1]], hits[order[-1]]
    if centre <= 0.0 or not n:
        return None
    ucl = min(1.0, centre + 3 * math.sqrt(centre * (1 - centre) / n))
    if c / n <= ucl:
        return None
    return _rise_flag(key, order[-1], name, None, c, n, centre, ucl, f"{len(base)} tidigare importer")


def _rise_flag(
    key: str, imp: Any, name: str, period: str | None, c: int, n: int, centre: float, ucl: float, base: str
) -> dict[str, Any]:
    where = f"{name}, {period}" if period else name
    return {
        "theme_key": key,
        "kind": "ökar",
        "rule": "över övre kontrollgränsen",
        "import_id": imp,
        "import": name,
        "period": period,
        "share": c / n,
        "count": c,
        "n": n,
        "centre": centre,
        "ucl": ucl,
        "reason": (
            f"Andelen steg till {_pct(c / n)} ({c} av {n} svar) i {where}, över den övre "
            f"kontrollgränsen {_pct(ucl)} (mittlinje {_pct(centre)} från {base})."
        ),
    }
