"""Classifying answers: calibrated probabilities, decided labels, a conformal prediction set,
"osäker" with its reason, valence and evidence."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nlp.classify.calibration import platt
from nlp.classify.evidence import evidence
from nlp.classify.model import ClassifierModel
from nlp.classify.results import ClassificationResult, Example, Suggestion, Valence
from nlp.classify.training import train_classifier, zero_shot_model
from nlp.classify.valence import predict_valence
from nlp.core import ANALYSIS_KIND, Embedder, Kind
from nlp.errors import ConfigError
from nlp.taxonomy import Taxonomy

MAX_SET_SIZE = 3  # a set larger than this tells a human little ...
# ... unless the best label is still more likely right than wrong: then the large set only
# reflects that the calibration phrases are cleaner than answers, and the answer is not
# flagged (dev set, zero-shot: "osäker" 66 % → 47 %, and the best label is right for 82 %
# of the answers left unflagged vs 56 % of the flagged ones).
UNSURE_TOP_P = 0.5


def _unsure_reason(decided: list[str], pset: list[str], top_p: float) -> str | None:
    if not decided:
        return "utanför ämnet"  # no label is likely enough: no forced label
    if not pset:
        return "tom mängd"
    if len(pset) > MAX_SET_SIZE and top_p < UNSURE_TOP_P:
        return "för stor mängd"
    return None


def classify_texts(
    texts: Sequence[str],
    embeddings: np.ndarray,
    taxonomy: Taxonomy,
    *,
    examples: Sequence[Example] | None = None,
    embedder: Embedder | None = None,
    coverage: float = 0.9,
    model: ClassifierModel | None = None,
    valence: bool = True,
    kind: Kind = ANALYSIS_KIND,
) -> list[ClassificationResult]:
    """Classify pseudonymised texts (with their `kind` embeddings) against a taxonomy.

    Uses `model` if given; else fits a few-shot model from `examples`, or the zero-shot
    model when there are none. `embedder` (a cached one keeps reruns fast) embeds the
    taxonomy's phrases, and the answers again only for a model or valence head saved with
    the other kind of vector.
    """
    if not 0 < coverage < 1:
        raise ConfigError("Täckningsgraden måste ligga mellan 0 och 1 (till exempel 0,9).")
    if len(texts) != len(embeddings):
        raise ValueError("texts and embeddings differ in length")
    if model is None:
        model = (
            train_classifier(examples, taxonomy, embedder=embedder)[0]
            if examples
            else zero_shot_model(taxonomy, embedder)
        )
    if model.label_ids != taxonomy.label_ids:
        raise ConfigError(f"Klassificeraren {model.version!r} hör inte till taxonomin {taxonomy.id!r}.")
    if len(texts) == 0:
        return []
    E = np.asarray(embeddings, dtype=np.float32)
    # The model's own kind of vector (the very same array in a one-pass run): heads and evidence.
    F = model.features(texts, E, embedder, kind)
    prob = platt(model.raw_scores(texts, F), *model.platt)
    q = model.qhat(coverage)
    vals: list[Valence | None] = [None] * len(texts)
    if valence:
        vals = list(predict_valence(texts, E, embedder=embedder, kind=kind))
    results = []
    for i, text in enumerate(texts):
        p = prob[i]
        decided = [model.label_ids[j] for j in np.argsort(-p) if p[j] >= model.threshold]
        pset = [model.label_ids[j] for j in np.argsort(-p) if 1 - p[j] <= q]
        reason = _unsure_reason(decided, pset, p.max())
        shown = list(dict.fromkeys(decided + pset))
        sugg = [Suggestion(lab, float(p[model.label_ids.index(lab)]), lab in decided) for lab in shown]
        results.append(
            ClassificationResult(
                suggestions=sugg,
                prediction_set=pset,
                unsure=reason is not None,
                valence=vals[i],
                evidence=evidence(model, text, F[i], decided),
                model_version=model.version,
                unsure_reason=reason,
                probabilities={lab: round(float(p[j]), 4) for j, lab in enumerate(model.label_ids)},
            )
        )
    return results
