"""Calibration of raw scores: one Platt map pooled over labels, and the decision threshold."""

from __future__ import annotations

import numpy as np
from scipy.special import expit, logit
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score


def platt_fit(raw: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """One Platt map pooled over labels: p = σ(a·logit(raw) + b)."""
    z = logit(np.clip(raw, 1e-6, 1 - 1e-6)).reshape(-1, 1)
    lr = LogisticRegression(C=100.0, max_iter=2000).fit(z, y.ravel())
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def platt(raw: np.ndarray, a: float, b: float) -> np.ndarray:
    return expit(a * logit(np.clip(raw, 1e-6, 1 - 1e-6)) + b)


def macro_f1(prob: np.ndarray, Y: np.ndarray, threshold: float) -> float:
    return float(f1_score(Y, (prob >= threshold).astype(int), average="macro", zero_division=0))


def best_threshold(prob: np.ndarray, Y: np.ndarray) -> float:
    """The decision threshold that maximises macro F1 (first of equals)."""
    best, best_t = -1.0, 0.5
    for t in np.arange(0.1, 0.61, 0.025):
        f = macro_f1(prob, Y, t)
        if f > best + 1e-9:
            best, best_t = f, float(t)
    return best_t
