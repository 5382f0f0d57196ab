"""Fitting a classifier version: zero-shot from the taxonomy's own phrases, few-shot with
validated examples; calibration and conformal scores come from out-of-fold predictions.

Training rows are the taxonomy's phrases (title, description, example phrases, off-topic
phrases = no label) and, when they exist, validated examples. Few-shot mixes in the
taxonomy-only head with a weight (0 allowed) chosen on the examples' out-of-fold macro F1.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import numpy as np
from sklearn.model_selection import KFold

from nlp.classify.calibration import best_threshold, choose_label_shifts, macro_f1, platt, platt_fit
from nlp.classify.embedding import embed_with, span_vectors_with
from nlp.classify.heads import Heads
from nlp.classify.metrics import evaluate, label_nonconformity, nonconformity
from nlp.classify.model import ClassifierModel, best_segment_scores, combine_segment_scores
from nlp.classify.results import Example
from nlp.classify.segments import scored_spans
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
# Few-shot with sentences (issue 11): validated answers are long and about several labels, each
# said in its own sentence. The sentences of a validated answer become extra training rows, and
# an answer is scored with its best sentence as zero-shot does (combine_segment_scores), with
# Platt map, threshold and conformal scores fitted on that combined score out of fold. A
# sentence row is a weak (multi-instance) label: SEGMENT_LABELS "best" gives each of the
# answer's labels to the one sentence where the taxonomy-only head scores it highest (the
# other sentences get no row), "inherit" gives every sentence all the answer's labels.
# "mi" starts as "best", then, as MI-SVM does, picks each label's sentence again with heads
# fitted on the phrases, the answers and the sentence rows of the round before (MI_ROUNDS times).
SEGMENTS = True  # benchmarks switch it off to measure it
SEGMENT_LABELS: Literal["best", "inherit", "mi"] = "best"
MI_ROUNDS = 1
SEGMENT_WEIGHT = 0.5  # a sentence row's weight relative to its answer's


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


@dataclass
class _Segments:
    """The segments of the validated answers that have more than one: texts, head features,
    and which answer each belongs to."""

    texts: list[str]
    F: np.ndarray
    owner: np.ndarray

    def best(self, own: np.ndarray, seg: np.ndarray) -> np.ndarray:
        """Per answer the highest segment score per column (own score for one-segment answers)."""
        return best_segment_scores(own, [seg[self.owner == i] for i in range(len(own))])


def _example_segments(
    ex_texts: Sequence[str], featurize: Callable[[list[str], list[list[tuple[int, int]]]], np.ndarray], dim: int
) -> _Segments:
    owner, flat, longer, spans = [], [], [], []
    for i, t in enumerate(ex_texts):
        sp = scored_spans(t)
        if sp:
            owner += [i] * len(sp)
            flat += [t[a:b] for a, b in sp]
            longer.append(t)
            spans.append(sp)
    F = np.asarray(featurize(longer, spans), np.float32) if flat else np.zeros((0, dim), np.float32)
    return _Segments(flat, F, np.array(owner, dtype=int))


def _segment_rows(
    seg: _Segments, Y_ex: np.ndarray, w_ex: np.ndarray, zs_heads: Heads
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(segment index, labels, weight) of the sentence rows (see SEGMENT_LABELS)."""
    K = Y_ex.shape[1]
    if len(seg.texts) == 0:
        return np.zeros(0, int), np.zeros((0, K), int), np.zeros(0)
    if SEGMENT_LABELS == "inherit":
        Y = Y_ex[seg.owner]
    else:
        S = zs_heads.predict_raw(seg.texts, seg.F)[:, :K]
        Y = np.zeros((len(seg.texts), K), dtype=int)
        for i in np.unique(seg.owner):
            rows = np.flatnonzero(seg.owner == i)
            for j in np.flatnonzero(Y_ex[i]):
                Y[rows[np.argmax(S[rows, j])], j] = 1
    keep = np.flatnonzero(Y.any(1))
    return keep, Y[keep], SEGMENT_WEIGHT * w_ex[seg.owner[keep]]


def _sentence_rows(
    seg: _Segments,
    Y_ex: np.ndarray,
    w_ex: np.ndarray,
    zs_heads: Heads,
    rows: tuple[list[str], np.ndarray, np.ndarray, np.ndarray],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """_segment_rows picked by the taxonomy-only head, then (SEGMENT_LABELS "mi") MI_ROUNDS
    times again by heads fitted on the other training rows (texts, E, Y, w) and those sentence rows."""
    keep, Y_seg, w_seg = _segment_rows(seg, Y_ex, w_ex, zs_heads)
    texts, E, Y, w = rows
    for _ in range(MI_ROUNDS if SEGMENT_LABELS == "mi" else 0):
        witness = Heads.fit(
            texts + [seg.texts[k] for k in keep],
            np.vstack([E, seg.F[keep]]).astype(np.float32),
            np.vstack([Y, Y_seg]),
            np.concatenate([w, w_seg]),
        )
        keep, Y_seg, w_seg = _segment_rows(seg, Y_ex, w_ex, witness)
    return keep, Y_seg, w_seg


def _fit_grouped_oof(
    texts: list[str],
    E: np.ndarray,
    Y: np.ndarray,
    w: np.ndarray,
    group: np.ndarray,
    ex_idx: np.ndarray,
    seg: _Segments,
    n_folds: int,
    seed: int,
) -> tuple[Heads, np.ndarray, np.ndarray]:
    """Fit on everything; also out-of-fold raw scores of the validated answers (rows ex_idx)
    and of all their segments. A row's group is the answer it comes from (-1: a taxonomy
    phrase), so an answer's sentence rows leave the training folds together with it."""
    K = Y.shape[1]
    n_ex = len(ex_idx)
    oof = np.zeros((n_ex, K + 1))
    oof_seg = np.zeros((len(seg.texts), K + 1))
    folds = KFold(n_splits=n_folds, shuffle=True, random_state=seed)
    for _, te in folds.split(ex_idx):
        train = np.flatnonzero(~np.isin(group, te))
        heads = Heads.fit([texts[i] for i in train], E[train], Y[train], w[train])
        test = ex_idx[te]
        oof[te] = heads.predict_raw([texts[i] for i in test], E[test])
        s = np.flatnonzero(np.isin(seg.owner, te))
        if len(s):
            oof_seg[s] = heads.predict_raw([seg.texts[k] for k in s], seg.F[s])
    return Heads.fit(texts, E, Y, w), oof, oof_seg


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
    scored: Callable[[float], np.ndarray], Y: np.ndarray
) -> tuple[float, tuple[float, float], np.ndarray, float]:
    """(mix, Platt map, probabilities, threshold) with the best out-of-fold macro F1, where
    scored(mix) gives the examples' out-of-fold raw scores with that share of the
    taxonomy-only head. That head never saw the examples, so its scores on them are
    out-of-sample as they are; mix weight and threshold are chosen together."""
    best = None
    for a in ZS_MIX_GRID:
        r = scored(a)
        pl = platt_fit(r, Y)
        pr = platt(r, *pl)
        t = best_threshold(pr, Y)
        f = macro_f1(pr, Y, t)
        if best is None or f > best[0] + 1e-9:
            best = (f, a, pl, pr, t)
    assert best is not None
    return best[1], best[2], best[3], best[4]


def train_classifier(
    examples: Sequence[Example],
    taxonomy: Taxonomy,
    *,
    embeddings: np.ndarray | None = None,
    embedder: Embedder | None = None,
    segment_features: Callable[[list[str], list[list[tuple[int, int]]]], np.ndarray] | None = None,
    n_folds: int = 5,
    seed: int = 42,
    version: str | None = None,
) -> tuple[ClassifierModel, dict[str, Any]]:
    """Fit a model version from validated examples (none = zero-shot) and its CV metrics.

    `embedder` (required; a cached one keeps reruns fast) embeds the taxonomy's phrases and
    the EMBED_KIND vectors the heads read. `embeddings` are the examples' EMBED_KIND
    embeddings if the caller has them (else they are computed); heads and evidence read them.
    `segment_features(texts, spans)` gives the head features of the examples' sentences, text by
    text (default: from `embedder` as ClassifierModel.segment_features does at prediction). Metrics are
    out-of-fold, on the examples (every choice below is made on those same out-of-fold
    scores, so an outer cross-validation around this function is a nested one).
    """
    label_ids, (ttexts, tlabels) = taxonomy.label_ids, taxonomy_rows(taxonomy)
    K = len(label_ids)
    E_tax = _taxonomy_embeddings(ttexts, embedder, EMBED_KIND)
    ex_texts = [e.text for e in examples]
    Y_ex = labels_matrix([e.labels for e in examples], label_ids, "exempel")
    E_ex, F_ex = _example_vectors(examples, embeddings, embedder, E_tax.shape[1])
    Y_tax = labels_matrix(tlabels, label_ids, taxonomy.id)
    w_ex = balanced_weights(Y_ex) if BALANCED and len(examples) else np.ones(len(examples))
    texts, E, Y = ttexts + ex_texts, np.vstack([E_tax, F_ex]).astype(np.float32), np.vstack([Y_tax, Y_ex])
    w = np.concatenate([np.ones(len(ttexts)), w_ex])
    group = np.concatenate([np.full(len(ttexts), -1), np.arange(len(examples))])
    zs_heads = _zero_shot_heads(ttexts, E_tax, Y_tax, np.ones(len(ttexts))) if examples else None
    seg = None
    if SEGMENTS and examples and zs_heads is not None:
        featurize = segment_features or (lambda t, sp: np.vstack(span_vectors_with(embedder, t, sp, EMBED_KIND)))
        seg = _example_segments(ex_texts, featurize, E_tax.shape[1])
        keep, Y_seg, w_seg = _sentence_rows(seg, Y_ex, w_ex, zs_heads, (texts, E, Y, w))
        texts += [seg.texts[k] for k in keep]
        E, Y = np.vstack([E, seg.F[keep]]).astype(np.float32), np.vstack([Y, Y_seg])
        w, group = np.concatenate([w, w_seg]), np.concatenate([group, seg.owner[keep]])
    # Calibrate on validated examples when there are enough, else on the taxonomy's
    # phrases (zero-shot: optimistic, since the phrases are clean; the card says so).
    few_shot = len(examples) >= 2 * n_folds
    if few_shot:
        assert zs_heads is not None
        fitted = _fit_few_shot(texts, E, Y, w, group, len(ttexts), F_ex, Y_ex, zs_heads, seg, n_folds, seed)
        heads, zs_mix, ab, prob, threshold, shift, Y_oof = *fitted, Y_ex
    else:
        heads, oof = fit_with_oof(texts, E, Y, w, np.arange(len(ttexts)), n_folds, seed)
        Y_oof = Y[: len(ttexts)]
        zs_mix, shift, (ab, prob, threshold) = 0.0, None, _phrase_calibration(oof[:, :K], Y_oof)
    created = datetime.now(UTC).isoformat(timespec="seconds")
    version = version or _version_name(taxonomy.id, ex_texts, few_shot, created)
    model = ClassifierModel(
        taxonomy.id,
        label_ids,
        version,
        "few-shot" if examples else "zero-shot",
        heads,
        ab,
        threshold,
        nonconformity(prob, Y_oof),
        [e.id or str(i + 1) for i, e in enumerate(examples)],
        ex_texts,
        [list(e.labels) for e in examples],
        E_ex.astype(np.float32),
        {},
        getattr(embedder, "model_id", "okänd"),
        created,
        EMBED_KIND,
        zs_heads if zs_mix > 0 else None,
        zs_mix,
        seg is not None,
        label_nonconformity(prob, Y_oof),
        shift,
    )
    model.metrics = evaluate(prob, prob >= threshold, Y_oof, model.prediction_sets(prob, 0.9))
    model.metrics |= {"calibrated_on": "validerade exempel" if few_shot else "taxonomins fraser", "zs_mix": zs_mix}
    return model, model.metrics


def _version_name(taxonomy_id: str, ex_texts: Sequence[str], few_shot: bool, created: str) -> str:
    """A version id that says what the model is and changes with its examples."""
    digest = hashlib.sha256("\n".join(ex_texts).encode()).hexdigest()[:8]
    return f"{taxonomy_id}-{'fs' if few_shot else 'zs'}-{created[:10]}-{digest}"


def _fit_few_shot(
    texts: list[str],
    E: np.ndarray,
    Y: np.ndarray,
    w: np.ndarray,
    group: np.ndarray,
    n_tax: int,
    F_ex: np.ndarray,
    Y_ex: np.ndarray,
    zs_heads: Heads,
    seg: _Segments | None,
    n_folds: int,
    seed: int,
) -> tuple[Heads, float, tuple[float, float], np.ndarray, float, np.ndarray | None]:
    """Heads fitted on phrases, examples (and their sentences, if `seg`), and the calibration
    chosen on the examples' out-of-fold scores (mixed with the taxonomy-only heads, combined
    with the best sentence's score when there are sentences; per-label shifts if they win
    in cross-validation on those scores)."""
    K = Y_ex.shape[1]
    ex_rows = np.arange(n_tax, n_tax + len(Y_ex))  # the examples' rows follow the phrases'
    ex_texts = [texts[i] for i in ex_rows]
    zs_own = zs_heads.predict_raw(ex_texts, np.asarray(F_ex, np.float32))[:, :K]
    if seg is not None:
        heads, oof, oof_seg = _fit_grouped_oof(texts, E, Y, w, group, ex_rows, seg, n_folds, seed)
        zs_seg = zs_heads.predict_raw(seg.texts, seg.F)[:, :K] if len(seg.texts) else np.zeros((0, K))

        def scored(a: float) -> np.ndarray:
            own = (1 - a) * oof[:, :K] + a * zs_own
            return combine_segment_scores(own, seg.best(own, (1 - a) * oof_seg[:, :K] + a * zs_seg))

    else:
        heads, oof = fit_with_oof(texts, E, Y, w, ex_rows, n_folds, seed)

        def scored(a: float) -> np.ndarray:
            return (1 - a) * oof[:, :K] + a * zs_own

    zs_mix, ab, prob, threshold = _choose_zs_mix(scored, Y_ex)
    shift = choose_label_shifts(scored(zs_mix), Y_ex, ab, seed)
    if shift.any():
        prob = platt(scored(zs_mix), *ab, shift)
        threshold = best_threshold(prob, Y_ex)
    return heads, zs_mix, ab, prob, threshold, (shift if shift.any() else None)


def _phrase_calibration(raw: np.ndarray, Y: np.ndarray) -> tuple[tuple[float, float], np.ndarray, float]:
    """Platt map, probabilities and threshold fitted on the phrases' out-of-fold scores."""
    ab = platt_fit(raw, Y)
    prob = platt(raw, *ab)
    return ab, prob, best_threshold(prob, Y)


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
