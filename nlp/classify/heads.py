"""The three linear heads (sentence embeddings, character n-grams, word uni- and bigrams),
averaged into per-label scores. Each has one class per label plus a "no label" class."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import scipy.sparse as sp
from scipy.special import softmax
from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer
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


def char_transform(vec: TfidfVectorizer, texts: Sequence[str]) -> sp.csr_matrix:
    """`vec.transform(texts)` for a fitted char_tfidf() vectorizer, the same matrix bit for bit.

    scikit-learn cuts every word of every text into its n-grams and looks each one up in
    the vocabulary, in Python: most of the classification stage's CPU time once the vectors
    are cached. A "char_wb" n-gram never crosses a word (the text lower-cased and split on
    white space, as scikit-learn does), so a text's counts are the sum of its words'; each
    distinct word is cut and looked up once here. The counts go through the vectorizer's own
    tf-idf weighting and normalisation (a TfidfTransformer with its settings and idf)."""
    vocabulary = vec.vocabulary_
    min_n, max_n = vec.ngram_range

    def features(word: str) -> list[int]:
        # scikit-learn's _char_wb_ngrams for one word (every n-gram of the padded word for n
        # up to its length; a word shorter than min_n is its one n-gram), kept to the vocabulary
        w = " " + word + " "
        size = len(w)
        grams = [w[i : i + n] for n in range(min_n, min(max_n, size) + 1) for i in range(size - n + 1)] or [w]
        return [j for j in map(vocabulary.get, grams) if j is not None]

    # texts × distinct words (counts) times distinct words × n-grams (counts): integer
    # products, so exactly the counts of cutting every text whole
    ids: dict[str, int] = {}
    word_ids: list[int] = []
    indptr = [0]
    for text in texts:
        word_ids.extend(ids.setdefault(w, len(ids)) for w in text.lower().split())
        indptr.append(len(word_ids))
    D = sp.csr_matrix(
        (
            np.ones(len(word_ids), dtype=np.int64),
            np.asarray(word_ids, dtype=np.int64),
            np.asarray(indptr, dtype=np.int64),
        ),
        shape=(len(indptr) - 1, len(ids)),
    )
    D.sum_duplicates()
    grams = [features(w) for w in ids]
    W = sp.csr_matrix(
        (
            np.ones(sum(map(len, grams)), dtype=np.int64),
            np.fromiter(chain.from_iterable(grams), dtype=np.int64),
            np.concatenate([[0], np.cumsum([len(g) for g in grams], dtype=np.int64)]),
        ),
        shape=(len(ids), len(vocabulary)),
    )
    W.sum_duplicates()
    counts = (D @ W).tocsr()
    X = sp.csr_matrix(
        (
            counts.data.astype(np.intc),
            counts.indices.astype(np.int32),
            counts.indptr.astype(np.int32),
        ),
        shape=(len(indptr) - 1, len(vocabulary)),
        dtype=vec.dtype,
    )
    X.sort_indices()
    tfidf = TfidfTransformer(
        norm=vec.norm, use_idf=vec.use_idf, smooth_idf=vec.smooth_idf, sublinear_tf=vec.sublinear_tf
    )
    tfidf.idf_ = vec.idf_
    return tfidf.transform(X, copy=False)


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

    def char_features(self, texts: Sequence[str]) -> sp.csr_matrix:
        """self.vectorizer().transform(texts), each distinct word's n-grams looked up once."""
        return char_transform(self.vectorizer(), texts)

    def _full(self, logits: np.ndarray) -> np.ndarray:
        """Class probabilities over all K+1 classes (a class absent in training gets 0)."""
        p = softmax(logits, axis=1)
        out = np.zeros((len(p), self.n_labels + 1))
        out[:, self.classes] = p
        return out

    def predict_raw(self, texts: Sequence[str], E: np.ndarray) -> np.ndarray:
        """Averaged class probabilities, shape (n, K+1); the last column is 'no label'."""
        a = self._full(E @ self.emb_coef.T * EMB_SCALE + self.emb_intercept)
        X = self.char_features(texts)
        b = self._full(np.asarray(X @ self.tfidf_coef.T) + self.tfidf_intercept)
        if self.word_coef is None:
            return (a + b) / 2
        wvec = word_tfidf()
        wvec.vocabulary_ = self.word_vocab
        wvec.idf_ = self.word_idf
        c = self._full(np.asarray(wvec.transform(list(texts)) @ self.word_coef.T) + self.word_intercept)
        return (a + b + c) / 3
