"""Vectors read a block at a time (nlp/themes/vectors.py): from files of row blocks they give
exactly what the same matrix in memory gives, and the blocked mean is numpy's, bit for bit."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nlp.themes import ProjectTheme, assign, vectors
from nlp.themes.vectors import StoredMatrix, mean_rows, products, top_similarities

pytestmark = pytest.mark.utan_databas


def _stored(matrix: np.ndarray, tmp_path: Path, sizes: list[int]) -> StoredMatrix:
    files, start = [], 0
    for i, n in enumerate(sizes):
        path = tmp_path / f"del-{i}.npy"
        np.save(path, matrix[start : start + n])
        files.append((str(path), n))
        start += n
    assert start == len(matrix)
    return StoredMatrix(files, matrix.shape[1])


@pytest.fixture
def matrix() -> np.ndarray:
    rng = np.random.default_rng(7)
    m = rng.standard_normal((1000, 24)).astype(np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_stored_rows_are_the_matrix_rows_in_any_order(matrix: np.ndarray, tmp_path: Path) -> None:
    stored = _stored(matrix, tmp_path, [70] * 14 + [20])
    rows = np.random.default_rng(1).permutation(1000)[:333]
    np.testing.assert_array_equal(stored[rows], matrix[rows])
    assert stored.shape == matrix.shape and stored[[]].shape == (0, 24)


def test_blocked_steps_equal_in_memory_and_from_files(
    matrix: np.ndarray, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vectors, "BLOCK", 64)  # blocks that span two files
    stored = _stored(matrix, tmp_path, [70] * 14 + [20])
    rows = np.sort(np.random.default_rng(2).choice(1000, 500, replace=False))
    # The mean read in blocks is numpy's mean of the rows held at once, bit for bit.
    whole = matrix[rows].mean(axis=0)
    np.testing.assert_array_equal(mean_rows(stored, rows), whole)
    np.testing.assert_array_equal(mean_rows(matrix, rows), whole)
    centre = whole / np.linalg.norm(whole)
    np.testing.assert_array_equal(products(stored, rows, centre), products(matrix, rows, centre))
    np.testing.assert_allclose(products(stored, rows, centre), matrix[rows] @ centre, atol=1e-6)
    themes = [
        ProjectTheme(f"T{i}", matrix[i], 1, float(t), float(t) - 0.2) for i, t in zip((3, 500, 900), (0.3, 0.2, 0.25))
    ]
    keys = assign(themes, stored, rows=rows)
    assert keys == assign(themes, matrix, rows=rows) and len(set(keys)) == 4  # three themes and none
    # The k largest similarities found block by block are the k largest of the whole row.
    queries = matrix[:10]
    top = np.sort(top_similarities(queries, stored, None, 5, skip=np.arange(10)), axis=1)
    sims = queries @ matrix.T
    sims[np.arange(10), np.arange(10)] = -np.inf
    np.testing.assert_allclose(top, np.sort(sims, axis=1)[:, -5:], atol=1e-6)
