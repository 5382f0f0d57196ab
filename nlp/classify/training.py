"""Fitting a classifier version: zero-shot from the taxonomy's own phrases, few-shot with
validated examples; calibration and conformal scores come from out-of-fold predictions.

Training rows are the taxonomy's phrases (title, description, example phrases, off-topic
phrases = no label) and, when they exist, validated examples. Few-shot mixes in the
taxonomy-only head with a weight (0 allowed) chosen on the examples' out-of-fold macro F1.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, Literal

import numpy as np
from sklearn.model_selection import KFold

from nlp.classify.calibration import best_threshold, macro_f1, platt, platt_fit
from nlp.classify.embedding import embed_with
from nlp.classify.heads import Heads
from nlp.classify.metrics import conformal_threshold, evaluate, nonconformity
from nlp.classify.model import ClassifierModel
from nlp.classify.results import Example
from nlp.core import ANALYSIS_KIND, Embedder
from nlp.errors import InputError
from nlp.taxonomy import Taxonomy

# e5 was trained with "query: " for symmetric tasks (classification, similarity) and
# "passage: " for retrieval targets; here answers and label phrases are compared as peers.
# Measured on the dev set (5-fold CV): +0.02–0.05 macro F1 over "passage:" for every head.
# The one kind of the whole analysis (nlp.core.ANALYSIS_KIND): answers are embedded once.
EMBED_KIND: Literal["passage", "query"] = ANALYSIS_KIND
# Weight of the taxonomy-only (zero-shot) head mixed into the few-shot head; chosen per
# training set by out-of-fold macro F1 on the validated examples (never on test data).
ZS_MIX_GRID = (0.0, 0.2, 0.35, 0.5)
MIN_WEIGHT, MAX_WEIGHT = 0.5, 4.0  # clip of the balanced example weights
BALANCED = True  # class-balanced example weights (benchmarks switch it off to measure it)


def taxonomy_rows(taxonomy: Taxonomy) -> tuple[list[str], list[tuple[str, ...]]]:
    """The taxonomy's own phrases as training rows (off-topic phrases = no label)."""
    texts: list[str] = []
    labels: list[tuple[str, ...]] = []
    for lab in taxonomy.labels:
        for t in [lab.title, lab.description, *lab.examples]:
            texts.append(t)
            labels.append((lab.id,))
    for t in taxonomy.off_topic_examples:
        texts.append(t)
        labels.append(())
    return texts, labels


def labels_matrix(labels: Sequence[Sequence[str]], label_ids: list[str], where: str) -> np.ndarray:
    """0/1 matrix (rows × label_ids); an unknown label is an InputError naming `where`."""
    index = {lab: j for j, lab in enumerate(label_ids)}
    Y = np.zeros((len(labels), len(label_ids)), dtype=int)
    for i, labs in enumerate(labels):
        for lab in labs:
            if lab not in index:
                raise InputError(f"okänd etikett i exempel nr {i + 1} (finns inte i taxonomin)", file=where)
            Y[i, index[lab]] = 1
    return Y


def balanced_weights(Y: np.ndarray) -> np.ndarray:
    """Per validated example: the mean over its labels of n / (K · count(label)), clipped to
    [MIN_WEIGHT, MAX_WEIGHT]; 1 for an example without labels.

    Validations follow what answers are about, so a minority label (18 of 100 answers) is
    outweighed by the frequent ones in the heads' loss and was never decided (issue 11:
    F1 0.00). Balancing gives each label the same total weight; the clip keeps a label with
    one example from dominating the head."""
    n, K = Y.shape
    counts = Y.sum(0)
    per_label = np.where(counts > 0, n / (K * np.maximum(counts, 1)), 1.0)
    w = np.ones(n)
    for i, y in enumerate(Y):
        if y.any():
            w[i] = per_label[y > 0].mean()
    return np.clip(w, MIN_WEIGHT, MAX_WEIGHT)


def fit_with_oof(
    texts: list[str],
    E: np.ndarray,
    Y: np.ndarray,
    w: np.ndarray,
    oof_idx: np.ndarray,
    n_folds: int,
    seed: int,
) -> tuple[Heads, np.ndarray]:
    """Fit on everything; also out-of-fold raw scores for the rows in oof_idx."""
    K = Y.shape[1]
    oof = np.zeros((len(oof_idx), K + 1))
    rest = np.setdiff1d(np.arange(len(texts)), oof_idx)
    folds = KFold(n_splits=n_folds, shuffle=True, random_state=seed)
    for tr, te in folds.split(oof_idx):
        train = np.concatenate([rest, oof_idx[tr]])
        heads = Heads.fit([texts[i] for i in train], E[train], Y[train], w[train])
        test = oof_idx[te]
        oof[te] = heads.predict_raw([texts[i] for i in test], E[test])
    return Heads.fit(texts, E, Y, w), oof


def _example_vectors(
    examples: Sequence[Example], embeddings: np.ndarray | None, embedder: Embedder | None, dim: int
) -> tuple[np.ndarray, np.ndarray]:
    """The examples' vectors for evidence and for the heads: one EMBED_KIND array (one pass)."""
    if not examples:
        empty = np.zeros((0, dim), np.float32)
        return empty, empty
    texts = [e.text for e in examples]
    F_ex = embeddings if embeddings is not None else embed_with(embedder, texts, EMBED_KIND)
    if len(F_ex) != len(examples):
        raise ValueError("embeddings and examples differ in length")
    return F_ex, F_ex


def _choose_zs_mix(
    raw: np.ndarray, zs_raw: np.ndarray, Y: np.ndarray, start: tuple[tuple[float, float], np.ndarray, float]
) -> tuple[float, tuple[float, float], np.ndarray, float]:
    """(mix, Platt map, probabilities, threshold) with the best out-of-fold macro F1.

    The taxonomy-only head never saw the examples, so its scores on them are out-of-sample
    as they are; mix weight and threshold are chosen together."""
    ab, prob, threshold = start
    zs_mix = 0.0
    best = macro_f1(prob, Y, threshold)
    for a in ZS_MIX_GRID[1:]:
        r = (1 - a) * raw + a * zs_raw
        pl = platt_fit(r, Y)
        pr = platt(r, *pl)
        t = best_threshold(pr, Y)
        f = macro_f1(pr, Y, t)
        if f > best + 1e-9:
            best, zs_mix, ab, prob, threshold = f, a, pl, pr, t
    return zs_mix, ab, prob, threshold


def train_classifier(
    examples: Sequence[Example],
    taxonomy: Taxonomy,
    *,
    embeddings: np.ndarray | None = None,
    embedder: Embedder | None = None,
    n_folds: int = 5,
    seed: int = 42,
    version: str | None = None,
) -> tuple[ClassifierModel, dict[str, Any]]:
    """Fit a model version from validated examples (none = zero-shot) and its CV metrics.

    `embedder` (required; a cached one keeps reruns fast) embeds the taxonomy's phrases and
    the EMBED_KIND vectors the heads read. `embeddings` are the examples' EMBED_KIND
    embeddings if the caller has them (else they are computed); heads and evidence read them. Metrics are
    out-of-fold, on the examples (every choice below is made on those same out-of-fold
    scores, so an outer cross-validation around this function is a nested one).
    """
    label_ids = taxonomy.label_ids
    ttexts, tlabels = taxonomy_rows(taxonomy)
    E_tax = _taxonomy_embeddings(ttexts, embedder, EMBED_KIND)
    ex_texts = [e.text for e in examples]
    Y_ex = labels_matrix([e.labels for e in examples], label_ids, "exempel")
    E_ex, F_ex = _example_vectors(examples, embeddings, embedder, E_tax.shape[1])
    texts = ttexts + ex_texts
    E = np.vstack([E_tax, F_ex]).astype(np.float32)
    Y = np.vstack([labels_matrix(tlabels, label_ids, taxonomy.id), Y_ex])
    w = np.ones(len(texts))
    if BALANCED and len(examples):
        w[len(ttexts) :] = balanced_weights(Y_ex)
    # Calibrate on validated examples when there are enough, else on the taxonomy's
    # phrases (zero-shot: optimistic, since the phrases are clean; the card says so).
    few_shot = len(examples) >= 2 * n_folds
    oof_idx = np.arange(len(ttexts), len(texts)) if few_shot else np.arange(len(ttexts))
    heads, oof_raw = fit_with_oof(texts, E, Y, w, oof_idx, n_folds, seed)
    Y_oof = Y[oof_idx]
    raw = oof_raw[:, : len(label_ids)]
    zs_heads, zs_mix = None, 0.0
    ab = platt_fit(raw, Y_oof)
    prob = platt(raw, *ab)
    threshold = best_threshold(prob, Y_oof)
    if few_shot:
        zs_heads = _zero_shot_heads(ttexts, E_tax, Y[: len(ttexts)], w[: len(ttexts)])
        zs_raw = zs_heads.predict_raw(ex_texts, np.asarray(F_ex, np.float32))[:, : len(label_ids)]
        zs_mix, ab, prob, threshold = _choose_zs_mix(raw, zs_raw, Y_oof, (ab, prob, threshold))
    scores = nonconformity(prob, Y_oof)
    metrics = evaluate(prob, prob >= threshold, Y_oof, prob >= 1 - conformal_threshold(scores, 0.9))
    metrics["calibrated_on"] = "validerade exempel" if few_shot else "taxonomins fraser"
    metrics["zs_mix"] = zs_mix
    created = datetime.now(UTC).isoformat(timespec="seconds")
    if version is None:
        digest = hashlib.sha256("\n".join(ex_texts).encode()).hexdigest()[:8]
        version = f"{taxonomy.id}-{'fs' if few_shot else 'zs'}-{created[:10]}-{digest}"
    model = ClassifierModel(
        taxonomy.id,
        label_ids,
        version,
        "few-shot" if examples else "zero-shot",
        heads,
        ab,
        threshold,
        scores,
        [e.id or str(i + 1) for i, e in enumerate(examples)],
        ex_texts,
        [list(e.labels) for e in examples],
        E_ex.astype(np.float32),
        metrics,
        getattr(embedder, "model_id", "okänd"),
        created,
        EMBED_KIND,
        zs_heads if zs_mix > 0 else None,
        zs_mix,
    )
    return model, metrics


_ZS_HEADS_CACHE: dict[str, Heads] = {}
_PHRASE_CACHE: dict[tuple[str, str], np.ndarray] = {}
_ZERO_SHOT_CACHE: dict[tuple[str, str], ClassifierModel] = {}


def _zero_shot_heads(texts: list[str], E: np.ndarray, Y: np.ndarray, w: np.ndarray) -> Heads:
    """Heads fitted on the taxonomy's phrases alone (cached: the same for every retrain)."""
    key = hashlib.sha256(("\n".join(texts)).encode() + E.tobytes()).hexdigest()
    if key not in _ZS_HEADS_CACHE:
        _ZS_HEADS_CACHE[key] = Heads.fit(texts, E, Y, w)
    return _ZS_HEADS_CACHE[key]


def _taxonomy_embeddings(
    texts: list[str], embedder: Embedder | None, kind: Literal["passage", "query"] = "passage"
) -> np.ndarray:
    """Taxonomy phrases (no personal data) are embedded once per process."""
    key = (f"{getattr(embedder, 'model_id', 'standard')}|{kind}", hashlib.sha256("\n".join(texts).encode()).hexdigest())
    if key not in _PHRASE_CACHE:
        _PHRASE_CACHE[key] = embed_with(embedder, texts, kind)
    return _PHRASE_CACHE[key]


def zero_shot_model(taxonomy: Taxonomy, embedder: Embedder | None = None) -> ClassifierModel:
    """The taxonomy-only model, fitted once per process for each taxonomy and embedding model."""
    key = (hashlib.sha256(taxonomy.model_dump_json().encode()).hexdigest(), getattr(embedder, "model_id", "standard"))
    if key not in _ZERO_SHOT_CACHE:
        _ZERO_SHOT_CACHE[key] = train_classifier([], taxonomy, embedder=embedder)[0]
    return _ZERO_SHOT_CACHE[key]
