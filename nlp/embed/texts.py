"""Embedding many pseudonymised texts: through the vector cache, chunk by chunk."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Sequence

import numpy as np

from nlp.core import Embedder, Kind
from nlp.embed.cache import EmbeddingCache
from nlp.embed.registry import get_embedder
from nlp.embed.vectors import check_kind, normalised

Progress = Callable[[int, int], None]
# Texts embedded per step: progress granularity, and what is lost at most if a run stops.
CHUNK = 256


class CachedEmbedder:
    """An Embedder whose embed() goes through the vector cache: what the pipeline hands to
    stages that embed on their own (the classifier's "query:" vectors, taxonomy phrases)."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dim = inner.dim

    def embed(self, texts: Sequence[str], kind: Kind = "passage") -> np.ndarray:
        return embed_texts(texts, embedder=self.inner, kind=kind)


def cached_embedder(name: str | None = None) -> CachedEmbedder:
    """get_embedder(name), embedding through the cache."""
    return CachedEmbedder(get_embedder(name))


def embed_texts(
    texts: Sequence[str],
    *,
    embedder: Embedder | None = None,
    kind: Kind = "passage",
    cache: bool = True,
    progress: Progress | None = None,
) -> np.ndarray:
    """float32, L2-normalised (N, dim) embeddings of pseudonymised texts.

    With `cache`, vectors are looked up by (model id, kind, HMAC(text)) first and only
    the missing distinct texts are embedded, chunk by chunk, each chunk stored as soon
    as it is done. `progress(done, total)` counts texts.
    """
    check_kind(kind)
    embedder = embedder or get_embedder()
    if isinstance(embedder, CachedEmbedder):
        embedder = embedder.inner  # the cache is consulted here already
    texts = list(texts)
    total = len(texts)
    out = np.zeros((total, embedder.dim), dtype=np.float32)
    if total == 0:
        return out
    store = EmbeddingCache(embedder.model_id, embedder.dim) if cache else None
    if store is not None and store.key is None:
        store = None  # no pseudonym key yet: embed without the cache rather than create one
    digests = [store.digest(t) for t in texts] if store else [hashlib.sha256(t.encode("utf-8")).digest() for t in texts]
    positions: dict[bytes, list[int]] = {}
    for i, d in enumerate(digests):
        positions.setdefault(d, []).append(i)
    unique = list(positions)

    with store.connect() if store else contextlib.nullcontext() as conn:
        found = store.get(conn, kind, unique) if store else {}
        done = 0
        for d, vec in found.items():
            out[positions[d]] = vec
            done += len(positions[d])
        if progress:
            progress(done, total)
        # Similar lengths together keep padding small inside each chunk.
        missing = sorted((d for d in unique if d not in found), key=lambda d: len(texts[positions[d][0]]))
        for start in range(0, len(missing), CHUNK):
            part = missing[start : start + CHUNK]
            vectors = normalised(embedder.embed([texts[positions[d][0]] for d in part], kind))
            if vectors.shape != (len(part), embedder.dim):
                raise RuntimeError("inbäddningsmodellen gav fel antal eller storlek på vektorer")
            if store:
                store.put(conn, kind, part, vectors)
            for d, vec in zip(part, vectors):
                out[positions[d]] = vec
                done += len(positions[d])
            if progress:
                progress(done, total)
    return out
