"""How the few-shot benchmark (benchmarks/classify_own_taxonomy.py) splits a labelled set into
training pools and test answers, and how it sorts the errors of a multi-label decision.

A split is (pool, test): the validated answers are the first n of the ordered pool, so every
size of a learning curve on one split shares its test answers and each larger training set
holds the smaller ones."""

from __future__ import annotations

import numpy as np

ALL = 0  # a learning-curve size meaning "every answer of the pool"
CONFIDENT = 0.8  # a boundary error the model is this sure of: a candidate for a label facit lacks


def random_splits(n_answers: int, repeats: int, largest: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """The learning curve's draws: seed r permutes the answers, the first `largest` are the
    pool, the rest the test answers (as the benchmark has drawn them since issue 11)."""
    out = []
    for r in range(repeats):
        perm = np.random.default_rng(r).permutation(n_answers)
        out.append((perm[:largest], np.sort(perm[largest:])))
    return out


def fold_splits(Y: np.ndarray, folds: int, seed: int = 0) -> list[tuple[np.ndarray, np.ndarray]]:
    """K-fold cross-validation for the ceiling: each fold is tested once, the pool is every
    other answer in random order. Folds are dealt label by label, rarest label first (a
    simple iterative stratification), so each fold holds about 1/K of every label's answers
    and every pool holds every label that has at least two answers."""
    n, k = Y.shape
    rng = np.random.default_rng(seed)
    fold = np.full(n, -1)
    size = np.zeros(folds, dtype=int)
    per_label = np.zeros((folds, k), dtype=int)
    for j in np.argsort(Y.sum(0), kind="stable"):
        for i in rng.permutation(np.flatnonzero((Y[:, j] > 0) & (fold < 0))):
            # the fold with fewest of this label, ties to the smallest fold, then at random
            order = np.lexsort((rng.random(folds), size, per_label[:, j]))
            fold[i] = order[0]
            size[fold[i]] += 1
            per_label[fold[i]] += Y[i] > 0
    for i in rng.permutation(np.flatnonzero(fold < 0)):  # answers without a label
        fold[i] = int(np.argmin(size))
        size[fold[i]] += 1
    out = []
    for f in range(folds):
        test = np.flatnonzero(fold == f)
        pool = rng.permutation(np.flatnonzero(fold != f))
        out.append((pool, test))
    return out


def pool_sizes(sizes: list[int], pool: int) -> list[tuple[int, int]]:
    """(size as asked, answers trained on) for the sizes a pool of `pool` answers allows:
    ALL becomes the whole pool, a size beyond the pool is left out."""
    return [(s, pool if s == ALL else s) for s in sizes if s == ALL or s <= pool]


def error_kinds(Y: np.ndarray, D: np.ndarray, P: np.ndarray | None = None) -> dict[str, int]:
    """The wrong (answer, label) decisions, sorted by whether the answer was otherwise read
    right: a missed label or an extra label on an answer where at least one true label was
    decided is a label-boundary error (the second label of the same answer); one on an answer
    where no true label was decided is a miss of the whole answer. With the probabilities P,
    also how many boundary errors the model is sure of (an extra label with p >= CONFIDENT, a
    missed one with p <= 1 - CONFIDENT): where a second annotator would be asked first."""
    Y, D = Y > 0, D > 0
    some_right = (Y & D).any(1)[:, None]
    fn, fp = Y & ~D, D & ~Y
    out = {
        "missade, gräns": int((fn & some_right).sum()),
        "missade, hela svaret": int((fn & ~some_right).sum()),
        "extra, gräns": int((fp & some_right).sum()),
        "extra, hela svaret": int((fp & ~some_right).sum()),
    }
    if P is not None:
        out["därav extra, gräns, säker"] = int((fp & some_right & (P >= CONFIDENT)).sum())
        out["därav missade, gräns, säker"] = int((fn & some_right & (P <= 1 - CONFIDENT)).sum())
    return out
