"""Multi-label classification of answers against a taxonomy, with honest confidence.

Model (chosen by measurement on the dev set, see nlp/modeller/klassificerare/README.md):
- three linear heads, averaged (heads.py): a multinomial logistic regression on the
  sentence embeddings, one on character n-grams and one on word uni- and bigrams (TF-IDF),
  each with one class per label plus a "no label" class. Training rows (training.py) are
  the taxonomy's own phrases and, when they exist, validated examples: zero-shot without
  examples, few-shot with them. SetFit-style tuning was not possible: the bundled model is
  a 4-bit C engine without trainable weights.
- the heads read e5 "query:" vectors, from the Embedder the caller hands in (the pipeline
  passes a cached one); the caller's passage vectors serve valence and evidence.
- probabilities are calibrated with one Platt map pooled over labels, fitted on
  out-of-fold scores; decisions use the threshold that maximised out-of-fold macro F1
  (calibration.py).
- prediction sets are split-conformal on the out-of-fold scores (metrics.py), so "90 %"
  means all true labels are inside the set for about 90 % of answers like the
  calibration data.
- zero-shot on a project's validated answers (answer_calibration.py): until a trained version
  is activated, the zero-shot model's Platt shift, threshold and conformal scores are fitted
  on the project's validated answers (at least MIN_ANSWERS) instead of the taxonomy's phrases.
- long answers: an answer is scored with its best sentence too (segments.py; zero-shot, and
  few-shot versions fitted with their validated answers' sentences as weak rows, whose
  calibration is fitted on that combined score: training.py SEGMENTS).
- valence (valence.py), evidence (evidence.py), persistence (model.py).
"""

from nlp.classify.evidence import evidence
from nlp.classify.examples import parse_examples
from nlp.classify.heads import Heads
from nlp.classify.metrics import (
    conformal_threshold,
    evaluate,
    expected_calibration_error,
    nonconformity,
    reliability_curve,
)
from nlp.classify.model import ClassifierModel
from nlp.classify.predict import MAX_OPEN, OPEN_P, UNSURE_TOP_P, classify_texts
from nlp.classify.results import ClassificationResult, Example, Suggestion, Valence
from nlp.classify.training import (
    EMBED_KIND,
    ZS_MIX_GRID,
    labels_matrix,
    taxonomy_rows,
    train_classifier,
    zero_shot_model,
)
from nlp.classify.valence import (
    SHIPPED_MODEL_DIR,
    VALENCE_DIR,
    ValenceHead,
    fit_valence_head,
    load_valence_head,
    model_card,
    predict_valence,
    prototype_head,
    valence_from_p,
)
from nlp.core import Embedder
from nlp.modeller import classifier_dir

__all__ = [
    "EMBED_KIND",
    "MAX_OPEN",
    "OPEN_P",
    "SHIPPED_MODEL_DIR",
    "UNSURE_TOP_P",
    "VALENCE_DIR",
    "ZS_MIX_GRID",
    "ClassificationResult",
    "ClassifierModel",
    "Embedder",
    "Example",
    "Heads",
    "Suggestion",
    "Valence",
    "ValenceHead",
    "classifier_dir",
    "classify_texts",
    "conformal_threshold",
    "evaluate",
    "evidence",
    "expected_calibration_error",
    "fit_valence_head",
    "labels_matrix",
    "load_valence_head",
    "model_card",
    "nonconformity",
    "parse_examples",
    "predict_valence",
    "prototype_head",
    "reliability_curve",
    "taxonomy_rows",
    "train_classifier",
    "valence_from_p",
    "zero_shot_model",
]
