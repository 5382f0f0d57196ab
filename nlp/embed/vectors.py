"""Small checks every backend and the cache share."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from nlp.core import span_texts, split_rows


def normalised(vectors: np.ndarray) -> np.ndarray:
    """float32 rows of unit length (a zero row stays zero)."""
    v = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    return (v / np.maximum(norms, 1e-12)).astype(np.float32)


def check_kind(kind: str) -> None:
    if kind not in ("passage", "query"):
        raise ValueError(f"okänd texttyp {kind!r}: använd 'passage' eller 'query'")


def separate_spans(
    embed: Callable[[list[str]], np.ndarray], texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]], dim: int
) -> list[np.ndarray]:
    """Each span embedded as a text of its own (a second pass): for backends without token states."""
    flat = span_texts(texts, spans)
    vectors = normalised(embed(flat)) if flat else np.zeros((0, dim), dtype=np.float32)
    return split_rows(vectors, spans)


def fill_unplaced(
    segments: list[np.ndarray],
    texts: Sequence[str],
    spans: Sequence[Sequence[tuple[int, int]]],
    embed: Callable[[list[str]], np.ndarray],
) -> list[np.ndarray]:
    """Span vectors a late pass could not place (NaN rows: no token fell in the span, or it lay
    past the model's length limit) embedded on their own."""
    where = [(i, k) for i, seg in enumerate(segments) for k in np.flatnonzero(np.isnan(seg).any(axis=1))]
    if where:
        vectors = normalised(embed([texts[i][slice(*spans[i][k])] for i, k in where]))
        for (i, k), v in zip(where, vectors):
            segments[i][k] = v
    return segments
