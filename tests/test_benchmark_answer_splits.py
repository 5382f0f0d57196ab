"""benchmarks/answer_splits.py: the few-shot benchmark's draws and folds, and its sorting of
multi-label errors into label-boundary errors and whole misses."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks.answer_splits import ALL, error_kinds, fold_splits, pool_sizes, random_splits

pytestmark = pytest.mark.utan_databas


def _labels(n: int, rates: list[float], seed: int = 1) -> np.ndarray:
    return (np.random.default_rng(seed).random((n, len(rates))) < rates).astype(int)


def test_folds_test_every_answer_once_and_share_each_label_evenly() -> None:
    Y = _labels(203, [0.6, 0.3, 0.05, 0.02])
    splits = fold_splits(Y, 5)
    tested = np.sort(np.concatenate([te for _, te in splits]))
    assert tested.tolist() == list(range(len(Y)))
    for pool, te in splits:
        assert len(set(pool) & set(te)) == 0 and len(pool) + len(te) == len(Y)
        # every label with at least two answers is in every pool
        assert (Y[pool].sum(0) > 0).all()
    per_fold = np.array([Y[te].sum(0) for _, te in splits])
    assert (per_fold.max(0) - per_fold.min(0) <= 1).all()  # stratified: within one answer per label
    assert max(len(te) for _, te in splits) - min(len(te) for _, te in splits) <= 2
    again = fold_splits(Y, 5)
    assert all((a[0] == b[0]).all() and (a[1] == b[1]).all() for a, b in zip(splits, again))


def test_the_random_draws_are_the_benchmarks_seeded_permutations() -> None:
    (pool, te), _ = random_splits(50, 2, 20)
    perm = np.random.default_rng(0).permutation(50)
    assert pool.tolist() == perm[:20].tolist() and te.tolist() == sorted(perm[20:].tolist())


def test_all_means_the_whole_pool_and_sizes_beyond_it_are_left_out() -> None:
    assert pool_sizes([25, 50, 100, 200, ALL], 196) == [(25, 25), (50, 50), (100, 100), (ALL, 196)]
    assert pool_sizes([25, 200, ALL], 304) == [(25, 25), (200, 200), (ALL, 304)]


def test_errors_split_into_label_boundary_and_whole_answer_misses() -> None:
    Y = np.array([[1, 1, 0], [1, 0, 0], [0, 1, 0], [1, 0, 1]])
    D = np.array([[1, 0, 1], [0, 0, 1], [0, 1, 0], [0, 0, 0]])
    assert error_kinds(Y, D) == {
        "missade, gräns": 1,  # answer 0: label 1 missed, label 0 right
        "missade, hela svaret": 3,  # answer 1's label 0, answer 3's labels 0 and 2
        "extra, gräns": 1,  # answer 0: label 2 added beside a right one
        "extra, hela svaret": 1,  # answer 1: label 2 instead of label 0
    }
    P = np.where(D > 0, 0.6, 0.4)
    P[0, 2], P[0, 1] = 0.9, 0.1  # the model is sure of both boundary errors on answer 0
    sure = error_kinds(Y, D, P)
    assert sure["därav extra, gräns, säker"] == 1 and sure["därav missade, gräns, säker"] == 1
    P[0, 2], P[0, 1] = 0.7, 0.3
    assert error_kinds(Y, D, P)["därav extra, gräns, säker"] == 0
