"""Themes of a large import: fitted on a stratified sample of bounded size, the rest assigned.

UMAP and HDBSCAN grow worse than linearly in time and memory with the number of answers
(BERTopic's users hit the wall past a few 100 000). Past SAMPLE_MAX answers the themes are
fitted on a sample drawn in proportion from every stratum (import × period), so a small
import or a quiet month is represented as in the whole; every other answer then goes to the
theme whose centroid it is nearest, when it is as similar as the theme's own members are
(nlp.themes.project.assign with the fallback threshold, the same rule that places a new
import's answers in a project's themes). Up to SAMPLE_MAX answers, the fit is on all of them:
exactly today's result.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from datetime import date
from typing import Any

import numpy as np

from nlp.core import OTHER_THEME, period_key
from nlp.themes.fit import fit_themes
from nlp.themes.project import ProjectTheme, describe
from nlp.themes.representation import theme_info
from nlp.themes.result import PlacedRest, ThemeResult
from nlp.themes.trends import refresh_time_series
from nlp.themes.views import recompute_sizes

# The theme fit's bound: ~20 000 × 384 float32 vectors are 30 MB, and UMAP + HDBSCAN on them
# take a few minutes on one core (benchmarks/scale.py).
SAMPLE_MAX = 20_000

AssignRest = Callable[[Sequence[ProjectTheme]], Sequence[str | None]]
PlaceRest = Callable[[Sequence[ProjectTheme]], PlacedRest]


def stratified_sample(strata: Sequence[Hashable], size: int, seed: int = 42) -> np.ndarray:
    """Sorted row numbers of a sample of at most `size` rows, each stratum in proportion to
    its share (largest remainders), every row when there are no more than `size`."""
    index: dict[Hashable, int] = {}
    codes = np.fromiter((index.setdefault(s, len(index)) for s in strata), dtype=np.int32, count=len(strata))
    return coded_sample(codes, list(index), size, seed)


def coded_sample(codes: np.ndarray, keys: Sequence[Hashable], size: int, seed: int = 42) -> np.ndarray:
    """stratified_sample of strata given compactly: row i's stratum is keys[codes[i]]."""
    n = len(codes)
    if n <= size:
        return np.arange(n)
    counts = np.bincount(codes, minlength=len(keys))
    order = sorted((j for j in range(len(keys)) if counts[j]), key=lambda j: repr(keys[j]))  # the same sample every run
    exact = np.array([counts[j] * size / n for j in order])
    quota = np.floor(exact).astype(int)
    largest = sorted(range(len(order)), key=lambda k: (-(exact[k] - quota[k]), k))
    for k in largest[: size - int(quota.sum())]:
        quota[k] += 1
    rng = np.random.default_rng(seed)
    picked = [rng.choice(np.flatnonzero(codes == j), size=q, replace=False) for j, q in zip(order, quota) if q]
    return np.sort(np.concatenate(picked)) if picked else np.zeros(0, dtype=int)


def period_strata(dates: Sequence[date | None] | None, n: int, groups: Sequence[Any] | None = None) -> list[Any]:
    """A stratum per answer: its group (import) and month."""
    months = [period_key(d) if d is not None else None for d in dates] if dates is not None else [None] * n
    return list(zip(groups, months)) if groups is not None else months


def fit_sample(
    texts: Sequence[str],
    record_ids: Sequence[Any],
    rows: np.ndarray,
    sample_vectors: np.ndarray,
    assign_rest: AssignRest,
    *,
    dates: Sequence[date | None] | None = None,
    period: str = "month",
    random_state: int = 42,
    word_labels: bool = True,
) -> ThemeResult:
    """Themes fitted on the sample `rows` (with their vectors), every other answer assigned.

    `assign_rest(themes)` gives every answer's (all rows, in order) nearest theme key, the
    keys being the fitted theme ids as text; it reads the vectors wherever they are kept.
    The sample's answers keep the fit's own assignment (with secondary themes), the others
    get their nearest theme alone, or "övrigt". `word_labels`: as for fit_themes (False when
    the caller names the themes itself)."""
    n = len(texts)
    pick = lambda seq: [seq[i] for i in rows]  # noqa: E731
    if len(rows) == n:
        return fit_themes(
            list(texts),  # a stored sequence (nlp.pipeline.answers.StoredTexts) is read once
            sample_vectors,
            record_ids=record_ids,
            dates=dates,
            period=period,
            random_state=random_state,
            word_labels=word_labels,
        )
    sample_dates = pick(dates) if dates is not None else None
    fit, themes = _fit_on_sample(
        pick(texts), pick(record_ids), sample_dates, sample_vectors, period, random_state, word_labels
    )
    keys = list(assign_rest(themes)) if themes else [None] * n
    assignments: dict[Any, list[tuple[int, float]]] = {}
    for rid, key in zip(record_ids, keys):
        pairs = fit.assignments.get(rid)
        assignments[rid] = pairs if pairs is not None else [(theme_id(key), 1.0)]
    return _sampled_result(fit, assignments, _periods(record_ids, dates, period), None, n, len(rows))


def fit_sample_placed(
    texts: Sequence[str],
    record_ids: Sequence[Any],
    sample_vectors: np.ndarray,
    n: int,
    place_rest: PlaceRest,
    *,
    dates: Sequence[date | None] | None = None,
    period: str = "month",
    random_state: int = 42,
    word_labels: bool = True,
) -> ThemeResult:
    """fit_sample for an import too large to hold: `texts`, `record_ids`, `dates` and the
    vectors are the sample's alone (of `n` answers), and `place_rest(themes)` places every
    other answer where its vector is kept (by partition, on the cluster's workers), keeps the
    placements there and gives back only their counts per theme and period. The result equals
    fit_sample's; it holds the sample's assignments and counts the rest (ThemeResult.rest)."""
    fit, themes = _fit_on_sample(texts, record_ids, dates, sample_vectors, period, random_state, word_labels)
    rest = place_rest(themes)
    return _sampled_result(fit, fit.assignments, _periods(record_ids, dates, period), rest, n, len(record_ids))


def _periods(record_ids: Sequence[Any], dates: Sequence[date | None] | None, period: str) -> dict[Any, str | None]:
    """Each answer's period (None without a date)."""
    if dates is None:
        return dict.fromkeys(record_ids)
    return {rid: period_key(d, period) if d is not None else None for rid, d in zip(record_ids, dates)}


def theme_id(key: str | None) -> int:
    """The theme id of a placed answer's theme key (None: övrigt)."""
    return int(key) if key is not None else OTHER_THEME


def _fit_on_sample(
    texts: Sequence[str],
    record_ids: Sequence[Any],
    dates: Sequence[date | None] | None,
    vectors: np.ndarray,
    period: str,
    random_state: int,
    word_labels: bool,
) -> tuple[ThemeResult, list[ProjectTheme]]:
    """The fit on the sample, and its themes as centroids for placing the rest."""
    fit = fit_themes(
        texts,
        vectors,
        record_ids=record_ids,
        dates=dates,
        period=period,
        random_state=random_state,
        word_labels=word_labels,
    )
    labels = np.array([fit.assignments[r][0][0] for r in record_ids], dtype=int)
    themes = [
        describe(str(t), vectors, np.flatnonzero(labels == t), record_ids)
        for t in sorted(set(labels.tolist()) - {OTHER_THEME})
    ]
    return fit, themes


def _sampled_result(
    fit: ThemeResult,
    assignments: dict[Any, list[tuple[int, float]]],
    periods: dict[Any, str | None],
    rest: PlacedRest | None,
    n: int,
    n_sample: int,
) -> ThemeResult:
    result = ThemeResult(
        themes=list(fit.themes),
        assignments=assignments,
        over_time={},
        emerging=[],
        n_texts=n,
        notes=[
            *fit.notes,
            f"Teman hittades i ett stratifierat urval av {n_sample} av {n} svar (per import och månad); "
            "övriga svar placerades i det närmaste temat eller i övrigt.",
        ],
        settings={**fit.settings, "urval": n_sample, "urval_av": n},
        periods=periods,
        rest=rest,
    )
    if result.theme(OTHER_THEME) is None and result.main_counts()[OTHER_THEME]:
        result.themes.append(theme_info(OTHER_THEME, [], 0, n, [], []))
    return refresh_time_series(recompute_sizes(result))
