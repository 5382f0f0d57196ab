"""UMAP's small-data distance matrix in compiled code (nlp/themes/umap_distances.py) is
scikit-learn's callable-metric matrix bit for bit, and UMAP fits exactly as without it."""

from __future__ import annotations

import numpy as np
import pytest
import umap.distances
from sklearn.metrics import pairwise_distances

from nlp.themes.umap_distances import exact_pairwise, fast_small_data

pytestmark = pytest.mark.utan_databas


def _points() -> np.ndarray:
    rng = np.random.default_rng(3)
    X = rng.normal(size=(60, 24)).astype(np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    X[10] = X[3]  # a duplicate answer: distance 0 up to rounding
    X[20] = 0.0  # a degenerate vector: UMAP's cosine has its own cases for zero norms
    X[30] = 5 * X[4]  # not of unit length
    return X


def test_the_matrix_is_scikit_learns() -> None:
    X = _points()
    want = pairwise_distances(X, metric=umap.distances.cosine)

    def not_called(*args: object, **kwargs: object) -> None:
        raise AssertionError("UMAP's cosine went to scikit-learn's Python loop")

    got = exact_pairwise(not_called)(X, metric=umap.distances.cosine)
    assert got.dtype == want.dtype and np.array_equal(got, want)


def test_other_metrics_go_to_scikit_learn() -> None:
    X = _points()
    assert np.array_equal(exact_pairwise(pairwise_distances)(X, metric="euclidean"), pairwise_distances(X))


def test_umap_fits_the_same_layout() -> None:
    from umap import UMAP

    X = _points()

    def fit() -> np.ndarray:
        return UMAP(n_neighbors=8, n_components=3, metric="cosine", random_state=42, n_epochs=50).fit_transform(X)

    plain = fit()
    with fast_small_data():
        fast = fit()
    assert np.array_equal(plain, fast)
