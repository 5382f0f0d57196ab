"""Sentences and checks the embedding tests share."""

from __future__ import annotations

import numpy as np

SIMILAR = (
    "Jag fick vänta väldigt länge på att få en tid hos läkaren.",
    "Väntetiden för att komma till doktorn var alldeles för lång.",
)
UNRELATED = "Maten på avdelningen var kall och smakade ingenting."


def assert_unit_rows(v: np.ndarray, n: int, dim: int) -> None:
    assert v.dtype == np.float32 and v.shape == (n, dim)
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
