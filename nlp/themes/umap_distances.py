"""UMAP's exact distance matrix for fewer than 4 096 answers, computed in compiled code.

Below 4 096 points UMAP (umap-learn 0.5) computes all pairwise distances with scikit-learn's
`pairwise_distances` and its own numba `cosine` as a Python callable: one Python call per
pair, ~4.5 million for 3 000 answers, most of the theme stage's CPU time on an import of that
size. `exact_pairwise` runs the same loop (the same `cosine`, upper triangle, mirrored, then
the diagonal, stored as float32) inside numba, so the matrix is the same bit for bit and UMAP's
result is unchanged; any other metric or input goes to scikit-learn as before.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import numba
import numpy as np
import umap.distances
import umap.umap_


@numba.njit(cache=True)
def _upper_cosine(X: np.ndarray, out: np.ndarray) -> None:  # pragma: no cover - compiled
    n = X.shape[0]
    for i in range(n):
        for j in range(i + 1, n):
            out[i, j] = umap.distances.cosine(X[i], X[j])


@numba.njit(cache=True)
def _diagonal_cosine(X: np.ndarray, out: np.ndarray) -> None:  # pragma: no cover - compiled
    for i in range(X.shape[0]):
        out[i, i] = umap.distances.cosine(X[i], X[i])


def exact_pairwise(original: Callable[..., Any]) -> Callable[..., Any]:
    """`pairwise_distances` with scikit-learn's callable-metric loop for UMAP's cosine in numba."""

    def pairwise(X: Any, Y: Any = None, metric: Any = "euclidean", **kwds: Any) -> Any:
        if (
            metric is umap.distances.cosine
            and Y is None
            and not kwds
            and isinstance(X, np.ndarray)
            and X.ndim == 2
            and X.dtype in (np.float32, np.float64)
            and np.isfinite(X).all()  # scikit-learn refuses NaN and infinity: let it say so
        ):
            X = np.ascontiguousarray(X)
            out = np.zeros((X.shape[0], X.shape[0]), dtype=X.dtype)
            _upper_cosine(X, out)
            out = out + out.T  # as scikit-learn mirrors the upper triangle
            _diagonal_cosine(X, out)
            return out
        return original(X, Y, metric=metric, **kwds)

    return pairwise


@contextlib.contextmanager
def fast_small_data() -> Iterator[None]:
    """UMAP's small-data distance matrix from exact_pairwise while the block runs."""
    original = umap.umap_.pairwise_distances
    umap.umap_.pairwise_distances = exact_pairwise(original)
    try:
        yield
    finally:
        umap.umap_.pairwise_distances = original
