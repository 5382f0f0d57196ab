"""The parts of the BERTopic method the theme stage uses, without the bertopic package.

Importing bertopic imports transformers and torch (its text-generation representation and its
save utilities): a theme fit on 1 000 reviews took 11.9 CPU seconds and 806 MB peak with it and
6.4 s and 480 MB without (a fresh process each, import included), for glue around umap-learn
and hdbscan. The theme stage drives those two itself (nlp.themes.fit) and
keeps here, with BERTopic's arithmetic unchanged so the same vectors and seeds give the same
themes, words and distributions:
- `reduce_dimensions`: UMAP's fit_transform with NaN set to 0 (BERTopic._reduce_dimensionality);
- `frequency_order`: clusters renumbered by size as BERTopic numbers them, ties included, so the
  outlier reduction sees its topic embeddings in the same order (same floating-point sums);
- `ClassTfidf`: class-based TF-IDF (bertopic.vectorizers.ClassTfidfTransformer);
- `topic_ctfidf`: each theme's answers joined into one document, counted and weighted
  (BERTopic._c_tf_idf, including its text clean-up);
- `reduce_outliers`: outliers to the theme whose mean embedding is most similar, when at least
  the threshold (BERTopic.reduce_outliers, strategy="embeddings");
- `approximate_distribution`: sliding windows of each answer's tokens scored against the
  themes' c-TF-IDF (BERTopic.approximate_distribution, token-set level).

Ported from BERTopic 0.17.4, https://github.com/MaartenGr/BERTopic, MIT licence,
Copyright (c) 2024 Maarten P. Grootendorst. The theme stage imports nothing from bertopic.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from nlp.core import OTHER_THEME


def reduce_dimensions(umap_model: Any, embeddings: np.ndarray) -> np.ndarray:
    """The UMAP coordinates HDBSCAN clusters, NaN (degenerate points) as 0 like BERTopic."""
    return np.nan_to_num(umap_model.fit_transform(embeddings, y=None))


def frequency_order(labels: np.ndarray) -> np.ndarray:
    """Clusters numbered 0, 1, … by size, as BERTopic's fit_transform numbers them.

    BERTopic sorts a pandas frame of (topic, size) in order of first appearance by size,
    descending, with pandas' default quicksort; ties are broken the way pandas' nargsort does
    (reverse, argsort, reverse), reproduced here with numpy so equal sizes get equal ids."""
    sizes = Counter(labels.tolist())
    topics = np.array(list(sizes.keys()))
    counts = np.array(list(sizes.values()))
    positions = np.arange(len(counts))[::-1]
    order = positions[counts[::-1].argsort(kind="quicksort")][::-1]
    ranked = [int(t) for t in topics[order] if t != OTHER_THEME]
    mapping = {OTHER_THEME: OTHER_THEME, **{t: i for i, t in enumerate(ranked)}}
    return np.array([mapping[t] for t in labels.tolist()], dtype=int)


class ClassTfidf:
    """Class-based TF-IDF: l1-normalised counts per theme × log(1 + mean words per theme / word
    frequency over all themes); `reduce_frequent_words` takes the square root of the normalised
    counts first. BERTopic's ClassTfidfTransformer without seed words or BM25 weighting."""

    def __init__(self, reduce_frequent_words: bool = False) -> None:
        self.reduce_frequent_words = reduce_frequent_words

    def fit(self, counts: Any) -> ClassTfidf:
        import scipy.sparse as sp
        from sklearn.utils import check_array

        counts = check_array(counts, accept_sparse=("csr", "csc"))
        if not sp.issparse(counts):
            counts = sp.csr_matrix(counts)
        n_features = counts.shape[1]
        # ravel, not BERTopic's squeeze: with a one-word vocabulary squeeze gives a 0-d array
        # and scipy's diags fails (TypeError), which crashed the theme stage on such a corpus.
        df = np.asarray(counts.sum(axis=0)).ravel()
        avg_nr_samples = int(counts.sum(axis=1).mean())
        idf = np.log((avg_nr_samples / df) + 1)
        self.idf_diag_ = sp.diags(idf, offsets=0, shape=(n_features, n_features), format="csr", dtype=np.float64)
        return self

    def transform(self, counts: Any) -> Any:
        from sklearn.preprocessing import normalize

        weighted = normalize(counts, axis=1, norm="l1", copy=False)
        if self.reduce_frequent_words:
            weighted.data = np.sqrt(weighted.data)
        return weighted @ self.idf_diag_

    def fit_transform(self, counts: Any) -> Any:
        return self.fit(counts).transform(counts)


def join_by_topic(texts: Sequence[str], labels: np.ndarray) -> tuple[list[int], list[str]]:
    """(topic ids ascending, -1 first; one document per topic: its texts joined by spaces)."""
    ids = sorted(set(labels.tolist()))
    return ids, [" ".join(texts[i] for i in np.flatnonzero(labels == t)) for t in ids]


def topic_ctfidf(texts: Sequence[str], labels: np.ndarray, vectorizer: Any, ctfidf: ClassTfidf) -> Any:
    """Rows of c-TF-IDF per topic in ascending id (-1 first when present), as BERTopic fits it:
    tabs and newlines as spaces, an empty joined document as the word "emptydoc"."""
    _, joined = join_by_topic(texts, labels)
    cleaned = [doc.replace("\n", " ").replace("\t", " ") or "emptydoc" for doc in joined]
    return ctfidf.fit_transform(vectorizer.fit_transform(cleaned))


def topic_embeddings(embeddings: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Mean embedding per topic in ascending id (-1 first when present)."""
    return np.array([embeddings[labels == t].mean(axis=0) for t in sorted(set(labels.tolist()))])


def reduce_outliers(labels: np.ndarray, embeddings: np.ndarray, threshold: float) -> np.ndarray:
    """Each outlier to the topic with the most similar mean embedding (cosine), if that
    similarity reaches `threshold`; the others stay -1. Topic ids must be 0 … k-1."""
    from sklearn.metrics.pairwise import cosine_similarity

    outliers = np.flatnonzero(labels == OTHER_THEME)
    topics = topic_embeddings(embeddings, labels)[1:]  # without the outliers' own mean
    similarity = cosine_similarity(np.array([embeddings[i] for i in outliers]), topics)
    similarity[similarity < threshold] = 0
    new = labels.copy()
    # Python's sum, as BERTopic: its order of addition decides the sign test on a row.
    new[outliers] = [int(np.argmax(sim)) if sum(sim) > 0 else OTHER_THEME for sim in similarity]
    return new


def approximate_distribution(
    texts: Sequence[str],
    vectorizer: Any,
    ctfidf: ClassTfidf,
    topics: Any,
    *,
    window: int = 4,
    stride: int = 1,
    min_similarity: float = 0.1,
    batch_size: int = 1000,
) -> np.ndarray:
    """Per-text share of each topic (rows sum to 1, or 0 where nothing is similar).

    Each text's tokens (the vectorizer's own tokenizer) are cut into windows of `window`
    tokens every `stride` (a shorter text is one window); each window's c-TF-IDF is compared
    with the topics' rows `topics` (cosine), similarities below `min_similarity` dropped, and
    the rest summed over the text's windows and l1-normalised."""
    from sklearn.metrics.pairwise import cosine_similarity
    from sklearn.preprocessing import normalize

    tokenize = vectorizer.build_tokenizer()
    batches = []
    for start in range(0, len(texts), batch_size):
        sentences: list[str] = []
        bounds = [0]
        for tokens in (tokenize(text) for text in texts[start : start + batch_size]):
            if len(tokens) < window:
                token_sets = [tokens]
            else:
                token_sets = [tokens[i : i + window] for i in range(0, len(tokens), stride)]
                token_sets = [s for s in token_sets if len(s) == window]
            sentences.extend(" ".join(s) for s in token_sets)
            bounds.append(bounds[-1] + len(token_sets))
        similarity = cosine_similarity(ctfidf.transform(vectorizer.transform(sentences)), topics)
        similarity[similarity < min_similarity] = 0
        # A text without windows borrows the next row, as BERTopic does (cannot happen here:
        # every text has at least one window, possibly empty).
        rows = [similarity[a : b if b > a else b + 1].sum(axis=0) for a, b in zip(bounds, bounds[1:])]
        batches.append(normalize(np.array(rows), norm="l1", axis=1))
    return np.vstack(batches)
