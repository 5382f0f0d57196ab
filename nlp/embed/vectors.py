"""Small checks every backend and the cache share."""

from __future__ import annotations

import numpy as np


def normalised(vectors: np.ndarray) -> np.ndarray:
    """float32 rows of unit length (a zero row stays zero)."""
    v = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    return (v / np.maximum(norms, 1e-12)).astype(np.float32)


def check_kind(kind: str) -> None:
    if kind not in ("passage", "query"):
        raise ValueError(f"okänd texttyp {kind!r}: använd 'passage' eller 'query'")
