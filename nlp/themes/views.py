"""The shared view of a theme result (small groups hidden); fit_themes gives the analyst's own."""

from __future__ import annotations

from copy import deepcopy

from nlp.config import get_settings
from nlp.core import OTHER_THEME
from nlp.stats import wilson_interval
from nlp.themes.representation import theme_info
from nlp.themes.result import ThemeResult
from nlp.themes.trends import refresh_time_series


def recompute_sizes(result: ThemeResult) -> ThemeResult:
    """Sizes, shares and intervals from the main-theme assignment."""
    sizes = result.main_counts()
    n = result.n_texts
    for t in result.themes:
        t.size = sizes.get(t.id, 0)
        t.share = t.size / n if n else 0.0
        t.ci = wilson_interval(t.size, n)
    return result


def shared_view(result: ThemeResult, threshold: int | None = None) -> ThemeResult:
    """What may be shown outside the analyst's own view: themes with fewer than `threshold`
    texts (settings.suppression_threshold, default 5) merged into "övrigt", and counts
    per period below the threshold hidden (None)."""
    k = get_settings().suppression_threshold if threshold is None else threshold
    if result.rest is not None:
        raise ValueError("shared_view needs every answer's assignment in memory (rest is placed elsewhere)")
    res = deepcopy(result)
    small = {t.id for t in res.themes if t.id != OTHER_THEME and t.size < k}
    if small:
        res.assignments = {rid: merge_pairs(pairs, small, OTHER_THEME) for rid, pairs in res.assignments.items()}
        kept = [t for t in res.themes if t.id not in small]
        if res.theme(OTHER_THEME) is None:
            kept.append(theme_info(OTHER_THEME, [], 0, res.n_texts, [], []))
        res.themes = kept
        res.notes.append(f"{len(small)} teman med färre än {k} svar ingår i övrigt.")
    res = recompute_sizes(res)
    res.themes = [t for t in res.themes if not (t.id == OTHER_THEME and t.size == 0)]
    res = refresh_time_series(res)
    for series in res.over_time.get("themes", {}).values():
        series["counts"] = [c if c == 0 or c >= k else None for c in series["counts"]]
        series["shares"] = [s if c is not None else None for s, c in zip(series["shares"], series["counts"])]
    res.over_time["n"] = [m if m == 0 or m >= k else None for m in res.over_time.get("n", [])]
    res.emerging = [f for f in res.emerging if f["count"] >= k]
    res.view = "delad"
    return res


def merge_pairs(pairs: list[tuple[int, float]], sources: set[int], target: int) -> list[tuple[int, float]]:
    """Remap theme ids in one text's assignment, summing weights; main theme stays first."""
    merged: dict[int, float] = {}
    for tid, w in pairs:
        t = target if tid in sources else tid
        merged[t] = merged.get(t, 0.0) + w
    main = target if pairs[0][0] in sources else pairs[0][0]
    return sorted(((t, round(w, 4)) for t, w in merged.items()), key=lambda kv: (kv[0] != main, -kv[1], kv[0]))
