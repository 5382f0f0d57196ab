"""The classifier embeds label phrases, prototypes and (only for a version saved with the other
kind of vector) answers with the Embedder its caller hands it (nlp.core's protocol); it never
picks one itself."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nlp.core import ANALYSIS_KIND, Embedder, Kind


def embed_with(embedder: Embedder | None, texts: Sequence[str], kind: Kind = ANALYSIS_KIND) -> np.ndarray:
    """float32 vectors of `texts` from the caller's embedder (a cached one keeps reruns fast)."""
    if embedder is None:
        raise ValueError("the classifier needs an Embedder here: pass embedder=, e.g. nlp.embed.cached_embedder()")
    return np.asarray(embedder.embed(list(texts), kind), dtype=np.float32)
