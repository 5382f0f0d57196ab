"""Fitting themes: the BERTopic method over cached embeddings, reproducible and robust on small corpora.

UMAP and HDBSCAN are driven directly, and BERTopic's outlier reduction and approximate
distribution come from nlp.themes.topic_model: the bertopic package imports torch (~5 CPU
seconds and ~330 MB more per process) for nothing the stage needs.

- Reproducibility: fixed random state, themes numbered by size with stable tie-breaks.
- Outliers reduced on embeddings, and what remains shown as "övrigt" (id -1).
- Parameters chosen from corpus size; tiny corpora give "övrigt" and a note, no crash.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np

from nlp.core import OTHER_THEME, period_key
from nlp.themes.representation import (
    N_EXAMPLES,
    ctfidf_model,
    make_vectorizer,
    nearest_examples,
    ranked_words,
    theme_info,
    topic_words,
)
from nlp.themes.result import ThemeInfo, ThemeResult
from nlp.themes.topic_model import (
    approximate_distribution,
    frequency_order,
    join_by_topic,
    reduce_dimensions,
    reduce_outliers,
    topic_ctfidf,
)
from nlp.themes.trends import refresh_time_series

log = logging.getLogger(__name__)

MIN_TEXTS = 10  # below this no clustering is meaningful
# Outlier share to aim for after reduction (the issue asks for ≤ 15 %; aim a bit lower).
TARGET_OUTLIER_SHARE = 0.12
# A secondary theme is listed for a text when its blended weight reaches this.
MIN_SECONDARY_WEIGHT = 0.15
# No theme holds more than this share of all answers (unless one theme is asked for): see
# choose_parameters.
MAX_CLUSTER_SHARE = 0.5
PERIODS = ("month", "quarter", "half", "year", "week")


def choose_parameters(n: int, max_share: float = MAX_CLUSTER_SHARE) -> dict[str, Any]:
    """UMAP/HDBSCAN parameters that work from ~10 to ~100 000 texts.

    min_cluster_size grows like √n (≈5 at 100 texts, ≈12 at 600, 50 at 10 000) so a
    demo export still gets a handful of themes and a large corpus no flood of tiny ones.
    No cap on cluster size of the kind chosen on the reviews (a few hundred answers): it split
    real topics and kept answers in "övrigt" (benchmarks/theme_quality.py, 3 818 reviews with 9
    known kinds of business, "query:" vectors: NMI 0.651 → 0.741, ARI 0.436 → 0.740 without
    it). Only a cluster of more than half of all answers is not selectable
    (MAX_CLUSTER_SHARE): HDBSCAN's excess of mass can keep nearly the whole corpus as one
    cluster on the same deterministic vectors (on the reviews, the first quarter of a project:
    2 themes, 90 % of the answers in one; 90 % of them: 4 themes, 88 % in one; all of them: 20
    themes, the largest 18 %), and a theme of most answers is the corpus, not a theme: its
    sub-clusters are selected instead. Where no cluster is that large nothing changes.
    """
    mcs = max(min(5, n // 3), round(math.sqrt(n) / 2))
    return {
        "max_cluster_size": int(n * max_share) if n >= MIN_TEXTS and max_share < 1 else 0,
        "n_neighbors": int(min(max(5, round(math.sqrt(n))), 15, n - 1)),
        "n_components": int(min(5, n - 2)),
        "min_cluster_size": int(max(2, mcs)),
        "min_samples": int(max(2, mcs // 5)),
    }


def fit_themes(
    texts: Sequence[str],
    embeddings: np.ndarray,
    *,
    record_ids: Sequence[Any],
    dates: Sequence[date | None] | None = None,
    period: str = "month",
    random_state: int = 42,
    target_outlier_share: float = TARGET_OUTLIER_SHARE,
    n_examples: int = N_EXAMPLES,
    single_cluster: bool = False,
    max_share: float = MAX_CLUSTER_SHARE,
    word_labels: bool = True,
) -> ThemeResult:
    """Find themes in pseudonymised texts. Same input and settings → same themes.

    `embeddings` are the (cached) vectors of `texts`, row for row. Themes are numbered
    0, 1, … by size; -1 is "övrigt". Nothing is suppressed here: this is the analyst's
    own view; use `shared_view` for anything shown to others. `max_share`: no theme of more
    than this share of the texts (1.0: no bound), see choose_parameters. `word_labels=False`:
    themes get no word-list label (make_label) because the caller names them with phrases
    (nlp.themes.name_result, theme_names), which would overwrite it; their words are kept.
    """
    n = len(texts)
    if len(record_ids) != n or len(embeddings) != n or (dates is not None and len(dates) != n):
        raise ValueError("texts, embeddings, record_ids och dates måste vara lika långa")
    if len(set(record_ids)) != n:
        raise ValueError("record_ids måste vara unika")
    if period not in PERIODS:
        raise ValueError(f"Okänd period {period!r}; välj en av {', '.join(PERIODS)}")
    periods = {
        rid: period_key(d, period) if d is not None else None
        for rid, d in zip(record_ids, dates if dates is not None else [None] * n)
    }
    settings = {"random_state": random_state, "period": period, "target_outlier_share": target_outlier_share}
    emb = np.asarray(embeddings, dtype=np.float32)

    notes: list[str] = []
    labels: np.ndarray | None = None
    if n < MIN_TEXTS:
        notes.append(f"För få svar ({n}) för att hitta teman; minst {MIN_TEXTS} behövs. Alla svar visas som övrigt.")
    else:
        params = {**choose_parameters(n, max_share), "allow_single_cluster": single_cluster}
        settings.update(params)
        # The vocabulary is counted once here (the answers' words in min_df of them) and read
        # by the vocabulary check, the topic words and the distribution alike.
        vectorizer = make_vectorizer(list(texts))
        labels = _cluster(list(texts), emb, params, random_state, vectorizer)
        if labels is None:
            notes.append("Inga tydliga teman hittades; alla svar visas som övrigt.")

    if labels is None:
        return _all_other(texts, record_ids, periods, period, notes, settings, n_examples, emb)

    raw_outliers = float(np.mean(labels == OTHER_THEME))
    labels = _reduce_outliers(labels, emb, target_outlier_share)
    labels = _renumber(labels)
    settings["outlier_share_before_reduction"] = round(raw_outliers, 4)
    settings["outlier_share"] = round(float(np.mean(labels == OTHER_THEME)), 4)

    words, distr = _words_and_distribution(list(texts), labels, vectorizer)
    assignments = _assignments(record_ids, labels, distr)

    themes = _theme_infos(texts, record_ids, labels, words, emb, n_examples, word_labels)
    return _result(themes, assignments, n, notes, settings, periods)


def _theme_infos(
    texts: Sequence[str],
    record_ids: Sequence[Any],
    labels: np.ndarray,
    words: dict[int, list[str]],
    emb: np.ndarray,
    n_examples: int,
    word_labels: bool,
) -> list[ThemeInfo]:
    """Each theme's description (övrigt last), with examples nearest its centre."""
    themes = []
    for tid in sorted(set(labels.tolist())):
        idx = np.flatnonzero(labels == tid)
        ex = [] if tid == OTHER_THEME else nearest_examples(emb, idx, n_examples)
        ids, ex_texts = [record_ids[i] for i in ex], [texts[i] for i in ex]
        themes.append(theme_info(tid, words.get(tid, []), len(idx), len(texts), ids, ex_texts, word_label=word_labels))
    themes.sort(key=lambda t: (t.id == OTHER_THEME, t.id))
    return themes


def _cluster(
    texts: list[str], emb: np.ndarray, params: dict[str, Any], random_state: int, vectorizer: Any
) -> np.ndarray | None:
    """UMAP then HDBSCAN on precomputed embeddings; labels numbered by size as BERTopic does,
    or None if no themes."""
    # Heavy (numba compiles on import): loaded only when themes are really fitted.
    from hdbscan import HDBSCAN
    from umap import UMAP

    from nlp.themes.jit_cache import cache_umap_functions
    from nlp.themes.umap_distances import fast_small_data

    cache_umap_functions()

    n = len(texts)
    umap_model = UMAP(
        n_neighbors=params["n_neighbors"],
        n_components=params["n_components"],
        min_dist=0.0,
        metric="cosine",
        random_state=random_state,
        # Not "spectral": identical answers ("Inget", "Vet ej") form cliques whose degenerate
        # Laplacian makes ARPACK restart from an unseeded vector, so the same vectors gave
        # different themes run to run (ARI 0.69-0.77 between three fits of the demo export).
        init="pca" if n >= 50 else "random",
        n_epochs=200 if n > 2000 else None,
        precomputed_knn=exact_knn(emb, params["n_neighbors"]) if n > 4096 else (None, None, None),
    )
    hdbscan_model = HDBSCAN(
        min_cluster_size=params["min_cluster_size"],
        min_samples=params["min_samples"],
        max_cluster_size=params["max_cluster_size"],
        allow_single_cluster=params.get("allow_single_cluster", False),
        metric="euclidean",
        cluster_selection_method="eom",
        prediction_data=False,
    )
    try:
        with fast_small_data():  # the same distances below 4 096 answers, in compiled code
            reduced = reduce_dimensions(umap_model, emb)
        labels = np.asarray(hdbscan_model.fit(reduced).labels_, dtype=int)
        _check_vocabulary(texts, labels, vectorizer)
    except ValueError as exc:
        # Empty vocabulary (all stop words) or too few points for UMAP: no themes, not a crash.
        log.info("no themes found (%s)", type(exc).__name__)
        return None
    if not (labels != OTHER_THEME).any():
        return None
    return frequency_order(labels)


def _check_vocabulary(texts: list[str], labels: np.ndarray, vectorizer: Any) -> None:
    """Raise ValueError where BERTopic's fit found no topic words at all (every word a stop
    word): with a vocabulary fixed from the answers (`vectorizer`, make_vectorizer's) nothing
    can fail; without one (no word in min_df answers) the themes' joined answers are counted
    as BERTopic counted them."""
    if vectorizer.vocabulary is None:
        _, joined = join_by_topic(texts, labels)
        vectorizer.fit([doc.replace("\n", " ").replace("\t", " ") or "emptydoc" for doc in joined])


def exact_knn(emb: np.ndarray, k: int, block_bytes: int = 16_000_000) -> tuple[Any, Any, None]:
    """Exact cosine nearest neighbours (self first) for UMAP's precomputed_knn.

    On unit vectors one blocked matrix product beats UMAP's approximate NN-descent by
    ~5x at 10 000 texts (seconds instead of a minute) and has no randomness of its own.
    Memory stays near one block however large the corpus: the similarities (block_bytes),
    their negation and argpartition's int64 indices (twice block_bytes) live at once, so a
    200 MB block peaked at ~1.2 GB on 14 000 vectors (tracemalloc) and was the theme stage's,
    and the whole analysis's, peak at 10 000 answers; 16 MB blocks peak at ~0.1 GB with
    identical neighbours and distances, and no slower (5.4 against 7.4 CPU seconds).
    """
    n = len(emb)
    block = max(64, min(n, block_bytes // (4 * n)))
    idx = np.empty((n, k), dtype=np.int64)
    dist = np.empty((n, k), dtype=np.float32)
    for start in range(0, n, block):
        sims = emb[start : start + block] @ emb.T
        rows = np.arange(sims.shape[0])
        sims[rows, start + rows] = np.inf  # self first, as UMAP expects
        part = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        top = np.take_along_axis(sims, part, axis=1)
        order = np.lexsort((part, -top), axis=1)  # by similarity, ties by index: stable
        idx[start : start + block] = np.take_along_axis(part, order, axis=1)
        top = np.take_along_axis(top, order, axis=1)
        top[:, 0] = 1.0
        dist[start : start + block] = np.clip(1.0 - top, 0.0, 2.0)
    return idx, dist, None


def _reduce_outliers(labels: np.ndarray, emb: np.ndarray, target: float) -> np.ndarray:
    """Move outliers to their nearest theme (cosine to the theme's mean embedding).

    BERTopic's reduce_outliers(strategy="embeddings") (nlp.themes.topic_model) does the moving;
    we only pick its similarity threshold: as high as possible while leaving at most `target`
    of all texts in "övrigt", so texts far from every theme stay there instead of being forced in.
    """
    n = len(labels)
    outliers = np.flatnonzero(labels == OTHER_THEME)
    allowed = int(math.floor(target * n))
    if len(outliers) <= allowed:
        return labels
    centroids = _centroids(emb, labels)
    best = (emb[outliers] @ centroids.T).max(axis=1)
    # Reassign the (len - allowed) most similar outliers: threshold = that similarity.
    k = len(outliers) - allowed
    threshold = float(np.sort(best)[::-1][k - 1])
    return reduce_outliers(labels, emb, threshold)


def _centroids(emb: np.ndarray, labels: np.ndarray) -> np.ndarray:
    ids = sorted(t for t in set(labels.tolist()) if t != OTHER_THEME)
    cents = np.vstack([emb[labels == t].mean(axis=0) for t in ids])
    return cents / np.maximum(np.linalg.norm(cents, axis=1, keepdims=True), 1e-12)


def _renumber(labels: np.ndarray) -> np.ndarray:
    """Themes 0, 1, … by size (largest first); ties by first member, so ids are stable."""
    sizes = Counter(labels.tolist())
    first = {t: int(np.flatnonzero(labels == t)[0]) for t in sizes}
    order = sorted((t for t in sizes if t != OTHER_THEME), key=lambda t: (-sizes[t], first[t]))
    mapping = {old: new for new, old in enumerate(order)}
    mapping[OTHER_THEME] = OTHER_THEME
    return np.array([mapping[t] for t in labels.tolist()], dtype=int)


def _words_and_distribution(
    texts: list[str], labels: np.ndarray, vectorizer: Any
) -> tuple[dict[int, list[str]], np.ndarray | None]:
    """topic_words and _distribution from one c-TF-IDF of the themes' joined answers.

    Both count the same joined answers with the same fixed vocabulary and weigh them with the
    same c-TF-IDF; the distribution's clean-up (tabs and newlines as spaces, which the
    tokenizer splits on anyway) changes no count. Only an empty joined document ("emptydoc"
    there, nothing in topic_words) or no fixed vocabulary (each fits its own) could count
    differently: those take the two separate paths."""
    ids, joined = join_by_topic(texts, labels)
    if vectorizer.vocabulary is None or not all(joined):
        return topic_words(texts, labels, len(texts)), _distribution(texts, labels)
    ctfidf = ctfidf_model(len(texts))
    try:
        rows = topic_ctfidf(texts, labels, vectorizer, ctfidf)
    except ValueError:  # as topic_words and _distribution: no words, no distribution
        return {t: [] for t in ids}, None
    words = ranked_words(ids, rows, vectorizer.get_feature_names_out())
    topics = rows[1:] if OTHER_THEME in labels else rows  # the outliers' row comes first
    try:
        distr = approximate_distribution(texts, vectorizer, ctfidf, topics, window=4, stride=2, batch_size=2000)
    except ValueError:
        return words, None
    return words, np.asarray(distr, dtype=np.float32)


def _distribution(texts: list[str], labels: np.ndarray) -> np.ndarray | None:
    """Per-text topic distribution (BERTopic's approximate_distribution over the c-TF-IDF of
    the final themes), columns = our ids; None where no words could be counted."""
    vectorizer, ctfidf = make_vectorizer(texts), ctfidf_model(len(texts))
    try:
        topics = topic_ctfidf(texts, labels, vectorizer, ctfidf)
        if OTHER_THEME in labels:
            topics = topics[1:]  # the outliers' row comes first
        distr = approximate_distribution(texts, vectorizer, ctfidf, topics, window=4, stride=2, batch_size=2000)
    except ValueError:
        return None
    return np.asarray(distr, dtype=np.float32)


def _assignments(
    record_ids: Sequence[Any], labels: np.ndarray, distr: np.ndarray | None
) -> dict[Any, list[tuple[int, float]]]:
    """Main theme first; a second theme only when the text's distribution says so.

    weight = ½ · (1 for the main theme) + ½ · share in the approximate distribution,
    renormalised over the themes kept; so the main theme always weighs most.
    """
    topic_ids = sorted(t for t in set(labels.tolist()) if t != OTHER_THEME)
    out: dict[Any, list[tuple[int, float]]] = {}
    for i, rid in enumerate(record_ids):
        main = int(labels[i])
        if main == OTHER_THEME or distr is None or distr.shape[1] != len(topic_ids):
            out[rid] = [(main, 1.0)]
            continue
        row = distr[i]
        w = {t: 0.5 * float(row[j]) for j, t in enumerate(topic_ids)}
        w[main] += 0.5
        kept = {t: v for t, v in w.items() if t == main or v >= MIN_SECONDARY_WEIGHT}
        total = sum(kept.values())
        pairs = sorted(kept.items(), key=lambda kv: (kv[0] != main, -kv[1], kv[0]))
        out[rid] = [(t, round(v / total, 4)) for t, v in pairs]
    return out


def _all_other(
    texts: Sequence[str],
    record_ids: Sequence[Any],
    periods: dict[Any, str | None],
    period: str,
    notes: list[str],
    settings: dict[str, Any],
    n_examples: int,
    emb: np.ndarray,
) -> ThemeResult:
    n = len(texts)
    themes = [] if n == 0 else [theme_info(OTHER_THEME, [], n, n, [], [])]
    return _result(themes, {rid: [(OTHER_THEME, 1.0)] for rid in record_ids}, n, notes, settings, periods)


def _result(
    themes: list[ThemeInfo],
    assignments: dict[Any, list[tuple[int, float]]],
    n: int,
    notes: list[str],
    settings: dict[str, Any],
    periods: dict[Any, str | None],
) -> ThemeResult:
    """A ThemeResult with its series over time and its emerging themes computed."""
    result = ThemeResult(
        themes=themes,
        assignments=assignments,
        over_time={},
        emerging=[],
        n_texts=n,
        notes=notes,
        settings=settings,
        periods=periods,
    )
    return refresh_time_series(result)
