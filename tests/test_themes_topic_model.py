"""nlp/themes/topic_model.py: the BERTopic method without the bertopic package.

A theme fit loads neither bertopic nor torch; the ported pieces compute what their formulas
say; and where bertopic is installed (the test extra, for the benchmarks' comparisons) the
theme stage gives exactly what BERTopic's own fit, outlier reduction and approximate
distribution gave on the same vectors.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from nlp.core import OTHER_THEME
from nlp.themes import fit_themes
from nlp.themes.representation import ctfidf_model, make_vectorizer
from nlp.themes.topic_model import (
    ClassTfidf,
    approximate_distribution,
    frequency_order,
    reduce_outliers,
    topic_ctfidf,
)

pytestmark = pytest.mark.utan_databas

ROOT = Path(__file__).resolve().parent.parent

TOPICS = [
    "Långa väntetider på vårdcentralen, fick vänta i telefonkö",
    "Trevligt bemötande av personalen i receptionen",
    "Parkeringen vid sjukhuset är dyr och trång",
    "Maten på avdelningen var kall och smaklös",
]
ENDINGS = ["idag", "igen", "förra veckan", "som vanligt", "i våras", "varje gång"]


def corpus(n_per_topic: int = 30, outliers: int = 12, seed: int = 0) -> tuple[list[str], np.ndarray]:
    """Answers about four topics with vectors clustered by topic, plus scattered outliers."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(len(TOPICS), 48))
    texts, rows = [], []
    for t, sentence in enumerate(TOPICS):
        for i in range(n_per_topic):
            texts.append(f"{sentence} {ENDINGS[i % len(ENDINGS)]}")
            rows.append(centres[t] + 0.35 * rng.normal(size=48))
    for i in range(outliers):
        texts.append(f"{TOPICS[i % len(TOPICS)]} men också {TOPICS[(i + 1) % len(TOPICS)].lower()}")
        # between two topics: the points HDBSCAN leaves as noise
        rows.append((centres[i % len(TOPICS)] + centres[(i + 1) % len(TOPICS)]) / 2 + 0.35 * rng.normal(size=48))
    vectors = np.asarray(rows, dtype=np.float32)
    return texts, vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_a_theme_fit_loads_neither_bertopic_nor_torch() -> None:
    code = (
        "import json, sys\n"
        "from tests.test_themes_topic_model import corpus\n"
        "from nlp.themes import fit_themes\n"
        "texts, vectors = corpus()\n"
        "result = fit_themes(texts, vectors, record_ids=list(range(len(texts))))\n"
        "print(json.dumps({'themes': sum(t.id != -1 for t in result.themes),\n"
        "                  'loaded': [m for m in ('bertopic', 'torch', 'umap', 'hdbscan') if m in sys.modules]}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout.strip().splitlines()[-1])
    assert doc["themes"] >= 2  # a real fit ran (UMAP and HDBSCAN), not the "too few answers" path
    assert doc["loaded"] == ["umap", "hdbscan"]


def test_class_tfidf_is_l1_counts_times_log_of_mean_words_over_frequency() -> None:
    from scipy.sparse import csr_matrix

    counts = np.array([[3, 1, 0], [0, 1, 4]])
    got = ClassTfidf().fit_transform(csr_matrix(counts)).toarray()
    df = counts.sum(axis=0)
    avg = int(counts.sum(axis=1).mean())  # (4 + 5) / 2 → 4, as BERTopic truncates
    tf = counts / counts.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(got, tf * np.log(avg / df + 1))
    damped = ClassTfidf(reduce_frequent_words=True).fit_transform(csr_matrix(counts)).toarray()
    np.testing.assert_allclose(damped, np.sqrt(tf) * np.log(avg / df + 1))


def test_a_one_word_vocabulary_gives_themes_instead_of_a_crash() -> None:
    # BERTopic's squeeze made a 0-d idf here and scipy raised TypeError from the fit.
    from scipy.sparse import csr_matrix

    one_word = ClassTfidf().fit_transform(csr_matrix([[2], [1]])).toarray()
    np.testing.assert_allclose(one_word, [[np.log(1 / 3 + 1)]] * 2)  # int(mean 1.5) / 3
    stop_words_but_one = ["Vet ej", "Inget", "Nej", "Ja", "inget att tillägga", "Nej tack"]
    texts = [stop_words_but_one[i % 6] for i in range(40)]
    _, vectors = corpus(n_per_topic=10, outliers=0)
    result = fit_themes(texts, vectors, record_ids=list(range(40)))
    assert sum(t.size for t in result.themes) == 40


def test_frequency_order_numbers_by_size_and_breaks_ties_as_bertopic() -> None:
    labels = np.array([2, 2, 0, 0, 1, -1, -1, -1])
    # 2 and 0 are both of size 2: the one seen first keeps the lower id (pandas' nargsort).
    assert frequency_order(labels).tolist() == [0, 0, 1, 1, 2, -1, -1, -1]
    assert frequency_order(np.array([1, 0, 0, 1, 1])).tolist() == [0, 1, 1, 0, 0]


def test_outliers_go_to_the_most_similar_theme_above_the_threshold() -> None:
    emb = np.array([[1, 0], [1, 0.1], [0, 1], [0.1, 1], [0.9, 0.2], [-1, -0.2]], dtype=np.float32)
    labels = np.array([0, 0, 1, 1, -1, -1])
    assert reduce_outliers(labels, emb, threshold=0.5).tolist() == [0, 0, 1, 1, 0, -1]
    assert reduce_outliers(labels, emb, threshold=0.999).tolist() == [0, 0, 1, 1, -1, -1]


def test_the_distribution_follows_the_words_of_each_theme() -> None:
    texts, _ = corpus(n_per_topic=5, outliers=0)
    labels = np.repeat(np.arange(len(TOPICS)), 5)
    vectorizer, ctfidf = make_vectorizer(texts), ctfidf_model(len(texts))
    topics = topic_ctfidf(texts, labels, vectorizer, ctfidf)
    probe = ["parkeringen är dyr", "maten var kall och parkeringen trång", "hej"]
    distr = approximate_distribution(probe, vectorizer, ctfidf, topics, window=4, stride=2)
    assert distr.shape == (3, len(TOPICS))
    assert distr[0].argmax() == 2 and distr[0, 2] == pytest.approx(1.0)
    assert distr[1, 2] > 0 and distr[1, 3] > 0 and distr[1].sum() == pytest.approx(1.0)
    assert distr[2].sum() == 0  # no topic word: no share anywhere


def _bertopic_glue(texts: list[str], vectors: np.ndarray, threshold: float) -> dict[str, Any]:
    """The theme stage's former glue around the bertopic package, kept as the reference."""
    bertopic = pytest.importorskip("bertopic")
    from bertopic.vectorizers import ClassTfidfTransformer
    from hdbscan import HDBSCAN
    from umap import UMAP

    model = bertopic.BERTopic(
        language="multilingual",
        umap_model=UMAP(n_neighbors=10, n_components=5, min_dist=0.0, metric="cosine", random_state=42, init="pca"),
        hdbscan_model=HDBSCAN(min_cluster_size=8, min_samples=2, metric="euclidean", prediction_data=False),
        vectorizer_model=make_vectorizer(texts),
        ctfidf_model=ClassTfidfTransformer(),
        calculate_probabilities=False,
    )
    raw, _ = model.fit_transform(texts, embeddings=vectors)
    reduced = model.reduce_outliers(texts, raw, strategy="embeddings", embeddings=vectors, threshold=threshold)
    model.update_topics(
        texts, topics=reduced, vectorizer_model=make_vectorizer(texts), ctfidf_model=ClassTfidfTransformer()
    )
    distr, _ = model.approximate_distribution(texts, window=4, stride=2, batch_size=2000)
    return {"raw": np.asarray(raw), "reduced": np.asarray(reduced), "distr": distr}


def test_the_port_gives_exactly_what_bertopic_gave() -> None:
    from hdbscan import HDBSCAN
    from umap import UMAP

    from nlp.themes.topic_model import reduce_dimensions

    # The first corpus whose clustering leaves noise, so the reduction below has something to
    # do: which seed that is moves with umap-learn/numba/scikit-learn releases (seed 0 did until
    # the packages of 2026-11-29 clustered its in-between answers as two small themes).
    for seed in range(10):
        texts, vectors = corpus(outliers=30, seed=seed)
        umap_model = UMAP(n_neighbors=10, n_components=5, min_dist=0.0, metric="cosine", random_state=42, init="pca")
        hdbscan_model = HDBSCAN(min_cluster_size=8, min_samples=2, metric="euclidean", prediction_data=False)
        raw = frequency_order(hdbscan_model.fit(reduce_dimensions(umap_model, vectors)).labels_)
        if (raw == OTHER_THEME).any():
            break
    else:
        pytest.fail("no corpus seed left outliers to reduce")
    threshold = 0.05
    reference = _bertopic_glue(texts, vectors, threshold)
    np.testing.assert_array_equal(raw, reference["raw"])
    reduced = reduce_outliers(raw, vectors, threshold)
    np.testing.assert_array_equal(reduced, reference["reduced"])
    vectorizer, ctfidf = make_vectorizer(texts), ClassTfidf()
    topics = topic_ctfidf(texts, reduced, vectorizer, ctfidf)
    topics = topics[1:] if OTHER_THEME in reduced else topics
    distr = approximate_distribution(texts, vectorizer, ctfidf, topics, window=4, stride=2, batch_size=2000)
    np.testing.assert_array_equal(distr, reference["distr"])


@pytest.mark.parametrize("n", [0, 3, 120, 2100])
def test_the_vocabulary_is_what_countvectorizer_with_min_df_keeps(n: int) -> None:
    # make_vectorizer counts document frequencies itself; the words kept (and None where the
    # fit found nothing) must be CountVectorizer(min_df).fit's, with its own min_df steps.
    from sklearn.feature_extraction.text import CountVectorizer

    from nlp.themes.representation import make_vectorizer, swedish_tokens

    base = [
        "Lång väntetid på telefon och otrevligt bemötande i receptionen",
        "Bra bemötande, snabb hjälp av [PERSON_1] på vårdcentralen",
        "och det var att",
        "Väntetiden var lång men läkaren var bra",
    ]
    texts = [f"{base[i % 4]} {'extra ord' if i % 7 == 0 else ''} tema{i % 13}" for i in range(n)]
    common = dict(tokenizer=swedish_tokens, lowercase=False, token_pattern=None, ngram_range=(1, 2))
    min_df = 1 if n < 100 else 2 if n < 2000 else 3
    try:
        want = sorted(CountVectorizer(min_df=min_df, **common).fit(texts).vocabulary_)
    except ValueError:
        want = None
    assert make_vectorizer(texts).vocabulary == want
