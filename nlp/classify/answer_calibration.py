"""Zero-shot confidence calibrated on a project's first validated answers (issue 11).

The zero-shot model's Platt map is fitted on the taxonomy's own phrases, which are short and
clean: answers score lower and closer together, so phrase-calibrated probabilities on answers
are off (ECE about 0.19 on the three blind issue-11 sets). No estimate from unlabelled answers
held (nlp/classify/transductive.py), but a project soon has labelled answers of its own: the
labels its users approve or reject on the validator page. From the first k of them (k ≥
MIN_ANSWERS, until an analyst activates a trained version) this fits
- the map p = σ(a·logit(raw) + b) of the zero-shot model's raw answer scores (the answer's own
  score combined with its best sentence's, as classify_texts scores it). MAP "shift" keeps the
  phrase map's slope a and fits only the shift b (one number, so ten answers are enough);
  "platt" fits both, shared by all labels;
- per-label shifts of that map's logit when they win in cross-validation on the k answers
  (calibration.choose_label_shifts: labels differ in how often answers are about them);
- the decision threshold (THRESHOLD "f1": the one that maximises macro F1 on the k answers;
  "same": the phrase model's own cut on the raw scores, so the decisions do not change);
- the prediction sets: split-conformal on the k answers' scores, with the promise every
  version makes (model.SET_COVERAGE): at least `coverage` of the true labels of answers
  exchangeable with the validated ones are inside their answer's set. The answer-level
  scores (all of an answer's labels in its set) are kept too.
MAP "shift" and THRESHOLD "f1" were chosen on the three blind issue-11 sets with 10/25/50
answers (nlp/modeller/klassificerare/README.md): ECE 0.14/0.03/0.18 → 0.03–0.07 on all three,
macro F1 +0.03–0.07 on two and −0.01 on one. The validator page's queue puts the most uncertain
answers first, so a project's first validated answers are no random sample: coverage of the
sets can fall short of the stated one (0.79–0.83 on one set measured that way).
No conformal library: MAPIE's multi-label method (CRC/RCPS) bounds the share of true labels
missed, not "all labels in the set", and crepes handles single-label classes (Mondrian per
label would need tens of validated answers per label); the quantile itself is
metrics.conformal_threshold, as for every other version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.special import expit, logit

from nlp.classify.calibration import best_threshold, choose_label_shifts, platt, platt_fit
from nlp.classify.metrics import label_nonconformity, nonconformity
from nlp.classify.model import ClassifierModel
from nlp.classify.predict import answer_scores
from nlp.classify.results import Example
from nlp.classify.training import labels_matrix
from nlp.core import ANALYSIS_KIND, Embedder, Kind

__all__ = ["MIN_ANSWERS", "AnswerCalibration", "fit_answer_calibration"]

MIN_ANSWERS = 10  # validated answers needed before their calibration replaces the phrases'
MAP: Literal["shift", "platt"] = "shift"
THRESHOLD: Literal["f1", "same"] = "f1"
SHIFT_PRIOR_SD = 3.0  # a weak prior on the shift: answers that are all negatives give no infinity


@dataclass(frozen=True)
class AnswerCalibration:
    """A zero-shot model's calibration fitted on validated answers (hashable: a cache key)."""

    n_answers: int
    platt: tuple[float, float]
    threshold: float
    scores: tuple[float, ...]  # the answers' non-conformity scores
    label_scores: tuple[tuple[float, float], ...]  # per gold pair: (label index, 1 − p)
    label_shift: tuple[float, ...] | None  # per-label shift of the map's logit, or none
    digest: str  # changes with the answers and their labels

    def apply(self, model: ClassifierModel) -> ClassifierModel:
        """The zero-shot model with this calibration; its version names it."""
        return replace(
            model,
            version=f"{model.version}-kal{self.n_answers}-{self.digest}",
            platt=self.platt,
            threshold=self.threshold,
            calibration_scores=np.asarray(self.scores, dtype=float),
            label_calibration=np.asarray(self.label_scores, dtype=float).reshape(-1, 2),
            label_shift=None if self.label_shift is None else np.asarray(self.label_shift, dtype=float),
            metrics={**model.metrics, "calibrated_on": f"{self.n_answers} validerade svar"},
        )

    def record(self) -> dict[str, Any]:
        """What a run stores about it (AnalysisRun.settings["kalibrering"])."""
        return {
            "källa": "validerade svar",
            "svar": self.n_answers,
            "platt": [round(v, 4) for v in self.platt],
            "beslutsgräns": round(self.threshold, 4),
            "etikettvis_förskjutning": None if self.label_shift is None else [round(c, 4) for c in self.label_shift],
        }


def _fit_shift(raw: np.ndarray, Y: np.ndarray, ab: tuple[float, float]) -> tuple[float, float]:
    """The phrase map's slope kept, its shift refitted (log loss plus a weak Gaussian prior)."""
    z = (ab[0] * logit(np.clip(raw, 1e-6, 1 - 1e-6)) + ab[1]).ravel()
    y = Y.ravel().astype(float)

    def loss(d: float) -> float:
        p = np.clip(expit(z + d), 1e-9, 1 - 1e-9)
        return float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).sum() + 0.5 * (d / SHIFT_PRIOR_SD) ** 2)

    d = minimize_scalar(loss, bounds=(-10, 10), method="bounded").x
    return float(ab[0]), float(ab[1] + d)


def _fit_map(raw: np.ndarray, Y: np.ndarray, ab: tuple[float, float]) -> tuple[float, float]:
    if MAP == "platt" and 0 < Y.sum() < Y.size:
        return platt_fit(raw, Y)
    return _fit_shift(raw, Y, ab)


def _threshold(model: ClassifierModel, ab: tuple[float, float], prob: np.ndarray, Y: np.ndarray) -> float:
    if THRESHOLD == "f1" and Y.any():
        return best_threshold(prob, Y)
    # The phrase model's cut, moved to the new map: the same raw scores are decided.
    a0, b0 = model.platt
    cut_raw = expit((logit(np.clip(model.threshold, 1e-6, 1 - 1e-6)) - b0) / a0)
    return float(platt(np.array([cut_raw]), *ab)[0])


def fit_answer_calibration(
    model: ClassifierModel,
    examples: Sequence[Example],
    embeddings: np.ndarray,
    *,
    embedder: Embedder | None = None,
    kind: Kind = ANALYSIS_KIND,
) -> AnswerCalibration | None:
    """The calibration of a zero-shot `model` on validated answers (`embeddings`: their `kind`
    vectors), or None for a trained version or fewer than MIN_ANSWERS answers."""
    if model.mode != "zero-shot" or len(examples) < MIN_ANSWERS:
        return None
    texts = [e.text for e in examples]
    Y = labels_matrix([e.labels for e in examples], model.label_ids, "validerade svar")
    raw = answer_scores(model, texts, embeddings, embedder=embedder, kind=kind)
    ab = _fit_map(raw, Y, model.platt)
    shift = choose_label_shifts(raw, Y, ab)
    prob = platt(raw, *ab, shift)
    key = "\n".join(f"{e.id or i}:{','.join(sorted(e.labels))}" for i, e in enumerate(examples))
    return AnswerCalibration(
        n_answers=len(examples),
        platt=ab,
        threshold=_threshold(model, ab, prob, Y),
        scores=tuple(float(s) for s in nonconformity(prob, Y)),
        label_scores=tuple((float(j), float(v)) for j, v in label_nonconformity(prob, Y)),
        label_shift=tuple(float(c) for c in shift) if shift.any() else None,
        digest=hashlib.sha256(key.encode()).hexdigest()[:8],
    )
