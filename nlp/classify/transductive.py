"""Zero-shot confidence calibrated on the import's own answers (transductive).

Phrase-calibrated probabilities say how label phrases score, not how answers do: answers are
long and about several things, so their scores sit lower and closer together, and almost
nothing reached 0.5 (issue 11). Without labels, the import itself still shows what an answer
that is about a label looks like: for each label the answers' scores form a mixture of
"about it" and "not about it". So, per label:
1. centre each answer's scores across labels (a long answer is similar to every label; what
   matters is which labels stand out in it) and standardise each label over the import (some
   label texts are closer to everything than others);
2. fit a two-component Gaussian mixture to the label's standardised scores; the posterior of
   the upper component is P(label). A mixture that does not separate (one component holds
   almost everything) gives no evidence, and the answers keep the model's own probabilities;
3. the mixture's components overlap more than Gaussian tails say (answers at P ≈ 0.97 were
   right about 75 % of the time on the issue-11 sets), so P is shrunk by SHRINK toward the
   label's estimated share (the upper component's weight). SHRINK is one constant for all
   labels and taxonomies, read off those two sets' reliability tables (ECE 0.11/0.14 → 0.06/0.11);
   the held-out third set checks it.
Self-training (a balanced logistic regression on the confidently labelled answers' own vectors,
fitted in folds, scored back through steps 1–2) was measured and left out: it lowered macro F1
on both sets (0.60 → 0.55 and 0.58 → 0.51), the errors of the first round reinforcing
themselves. Needs at least MIN_ANSWERS answers; fewer keep the phrase-calibrated probabilities.
Off by default: see TRANSDUCTIVE in nlp/classify/predict.py for what was measured.

Prediction sets from these probabilities are model-based, not split-conformal (there are no
labelled answers to calibrate on), and their coverage is per label: a set holds every label
above one cut, the cut chosen so that the labels left out carry at most 1 − coverage of the
expected number of true labels in the import (Σ p). So "90 %" means about 90 % of the true
labels are inside their answer's set, not that all of an answer's labels are (on answers with
two or three labels each, that stronger promise needs sets of nearly every label: 5.4 of 6 on
the care-review set). The benchmark reports both.
"""

from __future__ import annotations

import numpy as np
from sklearn.mixture import GaussianMixture

__all__ = ["MIN_ANSWERS", "posterior_sets", "standardise", "transductive_probabilities"]

MIN_ANSWERS = 30  # a mixture fitted on fewer answers per label is mostly noise
MIN_WEIGHT = 0.03  # a component with less than this share of answers is no second group
SHRINK = 0.8


def standardise(S: np.ndarray) -> np.ndarray:
    """Scores centred across labels per answer, then standardised per label over the import."""
    C = S - S.mean(1, keepdims=True)
    sd = C.std(0)
    return (C - C.mean(0)) / np.where(sd > 0, sd, 1.0)


def _mixture_posterior(z: np.ndarray) -> np.ndarray | None:
    """Shrunk P(upper component) of a two-Gaussian mixture on z, or None if it does not separate."""
    g = GaussianMixture(2, random_state=0, n_init=3).fit(z[:, None])
    hi = int(np.argmax(g.means_.ravel()))
    if g.weights_.min() < MIN_WEIGHT:
        return None
    return SHRINK * g.predict_proba(z[:, None])[:, hi] + (1 - SHRINK) * float(g.weights_[hi])


def _posteriors(S: np.ndarray, fallback: np.ndarray) -> np.ndarray:
    Z = standardise(S)
    out = fallback.copy()
    for j in range(S.shape[1]):
        p = _mixture_posterior(Z[:, j])
        if p is not None:
            out[:, j] = p
    return out


def transductive_probabilities(S: np.ndarray, fallback: np.ndarray) -> np.ndarray | None:
    """P(label) per answer from the import's score distribution (see the module's docstring).

    S: the model's scores (answers × labels, higher = more likely); fallback: the model's own
    probabilities, kept where a mixture does not separate. None if there are too few answers."""
    if len(S) < MIN_ANSWERS:
        return None
    return _posteriors(np.asarray(S, np.float64), np.asarray(fallback, np.float64))


def posterior_sets(prob: np.ndarray, coverage: float) -> np.ndarray:
    """Boolean sets (answers × labels): every label with p ≥ t, with t the highest cut for
    which the labels left out carry at most 1 − coverage of the import's expected true
    labels (Σ p below t ≤ (1 − coverage) · Σ p)."""
    p = np.sort(np.asarray(prob, np.float64).ravel())
    if p.sum() <= 0:
        return np.ones(prob.shape, dtype=bool)
    share_below = np.cumsum(p) / p.sum()  # share of expected true labels at or below each p
    k = int(np.searchsorted(share_below, 1 - coverage, side="right"))
    cut = p[k] if k < len(p) else p[-1]
    return np.asarray(prob) >= cut
