"""The classifier embeds label phrases, prototypes and "query:" vectors with the Embedder its
caller hands it (nlp.core's protocol); it never picks one itself."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nlp.core import Embedder, Kind


def embed_with(embedder: Embedder | None, texts: Sequence[str], kind: Kind = "passage") -> np.ndarray:
    """float32 vectors of `texts` from the caller's embedder (a cached one keeps reruns fast)."""
    if embedder is None:
        raise ValueError("the classifier needs an Embedder here: pass embedder=, e.g. nlp.embed.cached_embedder()")
    return np.asarray(embedder.embed(list(texts), kind), dtype=np.float32)
