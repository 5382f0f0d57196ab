"""Vectors read a block of rows at a time, held in memory or stored in files of row blocks.

A project's themes compare answers with every answer of the project (assigning them to
themes, centroids and similarities of a theme's members, nearest neighbours). A project of
100 000 answers has 150 MB of vectors (384 float32 each), so the pipeline keeps them in the
run's partition files (`StoredMatrix`) and these steps read BLOCK rows at a time: what they
hold does not grow with the project, beyond one number per answer.

The same helpers read a matrix held in memory in the same blocks. BLAS computes a block's
products in another order than the whole matrix's (the last bits of a similarity differ),
so the same blocks, wherever the vectors are kept, are what makes a run from files give
exactly what a run in memory gives (tests/test_pipeline_analysis.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeAlias

import numpy as np

# Rows read at a time: 2 048 × 384 float32 are 3 MB, and a block's similarities with another
# block 16 MB.
BLOCK = 2048


class StoredMatrix:
    """An N × dim float32 matrix stored as .npy files of consecutive rows (`files`: each
    file's path and number of rows, in order). Indexing with row numbers returns those rows
    in memory; each file is mapped only while its rows are copied out, so nothing stays
    resident between reads."""

    def __init__(self, files: Sequence[tuple[str, int]], dim: int) -> None:
        self._paths = [path for path, _ in files]
        self._starts = np.cumsum([0] + [n for _, n in files])
        self.dim = dim

    def __len__(self) -> int:
        return int(self._starts[-1])

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self), self.dim)

    def __getitem__(self, rows: int | Sequence[int] | np.ndarray) -> np.ndarray:
        """The vectors of these rows (a sequence of row numbers, any order), in memory; one
        row's vector for a row number."""
        if isinstance(rows, (int, np.integer)):
            return self[[int(rows)]][0]
        rows = np.asarray(rows, dtype=np.int64)
        if rows.ndim != 1:
            raise TypeError("StoredMatrix is indexed by row numbers")
        out = np.empty((len(rows), self.dim), dtype=np.float32)
        which = np.searchsorted(self._starts, rows, side="right") - 1
        for k in np.unique(which):
            mine = np.flatnonzero(which == k)
            chunk = np.load(self._paths[k], mmap_mode="r")
            out[mine] = chunk[rows[mine] - self._starts[k]]
            del chunk  # unmapped here: its pages leave this process's memory
        return out


Matrix: TypeAlias = "np.ndarray | StoredMatrix"


def row_blocks(emb: Matrix, rows: Sequence[int] | np.ndarray | None = None) -> Iterator[tuple[int, np.ndarray]]:
    """(position of the block's first row in `rows`, its vectors) for the rows `rows` (every
    row when None), BLOCK at a time, always copied out: the same arrays in memory or stored."""
    n = len(emb) if rows is None else len(rows)
    for start in range(0, n, BLOCK):
        stop = min(start + BLOCK, n)
        pick = np.arange(start, stop) if rows is None else np.asarray(rows[start:stop], dtype=np.int64)
        yield start, emb[pick]


def products(emb: Matrix, rows: Sequence[int] | np.ndarray | None, other: np.ndarray) -> np.ndarray:
    """emb[rows] @ other (`other`: a vector or dim × k), a block of rows at a time."""
    n = len(emb) if rows is None else len(rows)
    if not n:
        return np.zeros((0, *other.shape[1:]), dtype=np.result_type(np.float32, other.dtype))
    return np.concatenate([block @ other for _, block in row_blocks(emb, rows)])


def mean_rows(emb: Matrix, rows: Sequence[int] | np.ndarray) -> np.ndarray:
    """emb[rows].mean(axis=0), bit for bit, a block at a time: numpy sums a matrix's rows in
    their order, so each block's sum continues from the sum so far (not a sum of sums)."""
    if not len(rows):
        raise ValueError("the mean of no rows")
    total: Any = None
    for _, block in row_blocks(emb, rows):
        total = np.add.reduce(block if total is None else np.concatenate([total[None], block]), axis=0)
    return np.true_divide(total, len(rows), out=total, casting="unsafe")


def top_similarities(
    queries: np.ndarray, emb: Matrix, rows: Sequence[int] | np.ndarray | None, k: int, skip: np.ndarray | None = None
) -> np.ndarray:
    """Per query, its k largest similarities to the rows `rows` of emb (every row when None),
    unordered; `skip`: per query the row of emb it may not be compared with (-1: none)."""
    top: np.ndarray | None = None
    for start, block in row_blocks(emb, rows):
        sims = queries @ block.T
        if skip is not None:
            mine = np.flatnonzero((skip >= start) & (skip < start + len(block)))
            sims[mine, skip[mine] - start] = -np.inf
        found = sims if top is None else np.concatenate([top, sims], axis=1)
        kk = min(k, found.shape[1])
        top = -np.partition(-found, kk - 1, axis=1)[:, :kk]
    return top if top is not None else np.zeros((len(queries), 0), dtype=np.float32)
