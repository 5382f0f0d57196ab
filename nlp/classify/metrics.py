"""Metrics for the classifier: F1, conformal coverage, expected calibration error.

Kept in one module so the benchmark, the retraining report and the tests
compute the same numbers the same way.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from sklearn.metrics import f1_score


def conformal_threshold(scores: np.ndarray, coverage: float) -> float:
    """Split-conformal quantile of non-conformity scores (finite-sample corrected).

    With n calibration scores the ceil((n+1)·coverage)/n empirical quantile gives
    P(new score ≤ q) ≥ coverage when the new answer is exchangeable with them.
    """
    s = np.sort(np.asarray(scores, dtype=float))
    n = len(s)
    if n == 0:
        return 1.0  # no calibration data: every label is possible
    k = math.ceil((n + 1) * coverage)
    if k > n:
        return 1.0
    return float(s[k - 1])


def nonconformity(prob: np.ndarray, gold: np.ndarray) -> np.ndarray:
    """Per answer with at least one gold label: 1 − the lowest probability among its gold labels.

    A set {labels with 1 − p ≤ q} then contains *all* gold labels exactly when the
    score is ≤ q, so coverage means "every true label is in the set".
    """
    has = gold.sum(1) > 0
    masked = np.where(gold[has] > 0, prob[has], np.inf)
    return 1.0 - masked.min(1)


def label_nonconformity(prob: np.ndarray, gold: np.ndarray) -> np.ndarray:
    """Per gold (answer, label) pair: [label index, 1 − p] (rows × 2), the per-label scores."""
    i, j = np.nonzero(np.asarray(gold) > 0)
    return np.column_stack([j, 1.0 - np.asarray(prob, dtype=float)[i, j]]).reshape(-1, 2)


def label_threshold(pairs: np.ndarray, coverage: float) -> float:
    """Split-conformal quantile of the gold (answer, label) pairs' scores (label_nonconformity),
    all labels pooled: the set {labels with 1 − p ≤ q} holds a true label of a new answer with
    probability ≥ `coverage` (a true label drawn at random, not each label on its own).
    Per-label (Mondrian) quantiles were measured and left out: with the 10–100 validated
    answers a project has, a label has 3–80 true answers, and the finite-sample quantile of so
    few is the largest score or near it, so the label sits in almost every set (on the shipped
    dev set the zero-shot sets grew from 2.6 to 4.8 labels of 7)."""
    return conformal_threshold(np.asarray(pairs, dtype=float).reshape(-1, 2)[:, 1], coverage)


def expected_calibration_error(prob: np.ndarray, gold: np.ndarray, n_bins: int = 10) -> float:
    """ECE over all (answer, label) pairs, equal-width bins."""
    p = np.asarray(prob, dtype=float).ravel()
    y = np.asarray(gold, dtype=float).ravel()
    bins = np.minimum((p * n_bins).astype(int), n_bins - 1)
    ece = 0.0
    for b in range(n_bins):
        m = bins == b
        if m.any():
            ece += m.mean() * abs(p[m].mean() - y[m].mean())
    return float(ece)


def reliability_curve(prob: np.ndarray, gold: np.ndarray, n_bins: int = 10) -> list[dict[str, float]]:
    p = np.asarray(prob, dtype=float).ravel()
    y = np.asarray(gold, dtype=float).ravel()
    bins = np.minimum((p * n_bins).astype(int), n_bins - 1)
    out = []
    for b in range(n_bins):
        m = bins == b
        if m.any():
            out.append(
                {"bin": b / n_bins, "n": int(m.sum()), "mean_p": float(p[m].mean()), "share_true": float(y[m].mean())}
            )
    return out


def evaluate(prob: np.ndarray, decided: np.ndarray, gold: np.ndarray, sets: np.ndarray) -> dict[str, Any]:
    """All headline metrics for out-of-sample predictions (arrays: answers × labels)."""
    gold = np.asarray(gold, dtype=int)
    decided = np.asarray(decided, dtype=int)
    sets = np.asarray(sets, dtype=bool)
    labelled = gold.sum(1) > 0
    none = ~labelled
    covered = np.all(~(gold > 0) | sets, axis=1)
    per_label = [sets[gold[:, j] > 0, j].mean() for j in range(gold.shape[1]) if (gold[:, j] > 0).any()]
    return {
        "n": len(gold),
        "micro_f1": float(f1_score(gold, decided, average="micro", zero_division=0)),
        "macro_f1": float(f1_score(gold, decided, average="macro", zero_division=0)),
        "coverage": float(covered[labelled].mean()) if labelled.any() else float("nan"),
        # per label: the share of answers about a label that have it in their set
        "label_coverage": float(sets[gold > 0].mean()) if labelled.any() else float("nan"),
        "min_label_coverage": float(min(per_label)) if per_label else float("nan"),
        "mean_set_size": float(sets.sum(1).mean()),
        "ece": expected_calibration_error(prob, gold),
        "no_label_correct": float((decided[none].sum(1) == 0).mean()) if none.any() else float("nan"),
        "n_no_label": int(none.sum()),
    }
