"""The three linear heads (sentence embeddings, character n-grams, word uni- and bigrams),
averaged into per-label scores. Each has one class per label plus a "no label" class."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.special import softmax
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits

EMB_SCALE = 10.0  # embeddings are unit-length; scale so one C suits both heads
EMB_C = 3.0
TFIDF_C = 10.0
# Third head on word uni- and bigrams. With the richer taxonomy phrases (15 per label) it
# added +0.02 macro F1 on the dev set (repeated 5-fold CV, 0.756 -> 0.777; before those
# phrases it added only +0.003): the phrases give it the vocabulary answers use.
WORD_C = 3.0


def char_tfidf() -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, lowercase=True, min_df=1, dtype=np.float32
    )


def word_tfidf() -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="word",
        ngram_range=(1, 2),
        sublinear_tf=True,
        lowercase=True,
        min_df=1,
        token_pattern=r"(?u)\b\w\w+\b",
        dtype=np.float32,
    )


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


def _per_class(lr: LogisticRegression) -> tuple[np.ndarray, np.ndarray]:
    """One coefficient row per class, as the softmax in `_full` expects. With two classes (e.g.
    a two-label taxonomy without off-topic phrases) scikit-learn keeps a single row for the
    second class: its logit against a zero row gives the same probabilities."""
    if len(lr.classes_) != 2:
        return lr.coef_, lr.intercept_
    return np.vstack([np.zeros_like(lr.coef_), lr.coef_]), np.concatenate([[0.0], lr.intercept_])


@dataclass
class Heads:
    """The fitted linear heads; raw per-label scores via predict_raw."""

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
    def fit(cls, texts: Sequence[str], E: np.ndarray, Y: np.ndarray, weights: np.ndarray) -> Heads:
        K = Y.shape[1]
        rows, cl, w = _expand(Y, weights)
        # one BLAS thread: small problems on a shared machine run ~20x slower oversubscribed
        with threadpool_limits(limits=1):
            return cls._fit(texts, E, rows, cl, w, K)

    @classmethod
    def _fit(
        cls, texts: Sequence[str], E: np.ndarray, rows: np.ndarray, cl: np.ndarray, w: np.ndarray, K: int
    ) -> Heads:
        emb = LogisticRegression(C=EMB_C, max_iter=5000).fit(E[rows] * EMB_SCALE, cl, sample_weight=w)
        vec = char_tfidf()
        X = vec.fit_transform(list(texts))
        tf = LogisticRegression(C=TFIDF_C, max_iter=5000).fit(X[rows], cl, sample_weight=w)
        wvec = word_tfidf()
        Xw = wvec.fit_transform(list(texts))
        wd = LogisticRegression(C=WORD_C, max_iter=5000).fit(Xw[rows], cl, sample_weight=w)
        return cls(
            *_per_class(emb),
            {k: int(v) for k, v in vec.vocabulary_.items()},
            vec.idf_.astype(np.float32),
            *_per_class(tf),
            emb.classes_,
            K,
            {k: int(v) for k, v in wvec.vocabulary_.items()},
            wvec.idf_.astype(np.float32),
            *_per_class(wd),
        )

    def vectorizer(self) -> TfidfVectorizer:
        vec = char_tfidf()
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
        wvec = word_tfidf()
        wvec.vocabulary_ = self.word_vocab
        wvec.idf_ = self.word_idf
        c = self._full(np.asarray(wvec.transform(list(texts)) @ self.word_coef.T) + self.word_intercept)
        return (a + b + c) / 3
