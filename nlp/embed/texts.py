"""Embedding many pseudonymised texts: through the vector cache, chunk by chunk.

`embed_with_spans` also gives the vectors of character spans of each text (an answer's
sentences). A backend with token states (nlp.core.SpanEmbedder) gives both from one pass per
text ("late chunking"); the cache keeps a text's span vectors beside its vector, under the
same digest (so erasure reaches them), and serves them to later runs without the model. A
backend without token states embeds each span as a text of its own, cached like any text.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Sequence

import numpy as np

from nlp.core import Embedder, Kind, SpanEmbedder
from nlp.embed.cache import EmbeddingCache, spans_key
from nlp.embed.registry import get_embedder
from nlp.embed.vectors import check_kind, fill_unplaced, normalised, separate_spans

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

    def embed_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]], kind: Kind = "passage"
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        return embed_with_spans(texts, spans, embedder=self.inner, kind=kind)


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


Spans = Sequence[Sequence[tuple[int, int]]]


def embed_with_spans(
    texts: Sequence[str],
    spans: Spans,
    *,
    embedder: Embedder | None = None,
    kind: Kind = "passage",
    cache: bool = True,
    progress: Progress | None = None,
) -> tuple[np.ndarray, list[np.ndarray]]:
    """(N × dim unit vectors as embed_texts gives them, per text its spans × dim unit vectors).

    With a backend that has token states, a text missing from the cache (its vector or its
    span vectors) goes through the model once for both; otherwise the spans are embedded on
    their own (embed_texts, cached). A text comes with the same spans wherever it occurs (the
    cache keeps one set of span vectors per text; other spans are computed again).
    `progress(done, total)` counts texts."""
    check_kind(kind)
    inner = embedder or get_embedder()
    if isinstance(inner, CachedEmbedder):
        inner = inner.inner  # the cache is consulted here already
    texts, spans = list(texts), [list(sp) for sp in spans]
    if len(texts) != len(spans):
        raise ValueError("texts and spans differ in length")
    if not any(spans):  # no spans asked for: the texts' vectors alone
        vectors = embed_texts(texts, embedder=inner, kind=kind, cache=cache, progress=progress)
        return vectors, [np.zeros((0, inner.dim), dtype=np.float32) for _ in texts]
    if not isinstance(inner, SpanEmbedder):
        vectors = embed_texts(texts, embedder=inner, kind=kind, cache=cache, progress=progress)
        return vectors, separate_spans(
            lambda flat: embed_texts(flat, embedder=inner, kind=kind, cache=cache), texts, spans, inner.dim
        )
    store = EmbeddingCache(inner.model_id, inner.dim) if cache else None
    if store is not None and store.key is None:
        store = None  # no pseudonym key yet: embed without the cache rather than create one
    with store.connect() if store else contextlib.nullcontext() as conn:
        return _late(inner, texts, spans, kind, store, conn, progress)


def _late(
    inner: SpanEmbedder,
    texts: list[str],
    spans: list[list[tuple[int, int]]],
    kind: Kind,
    store: EmbeddingCache | None,
    conn: object,
    progress: Progress | None,
) -> tuple[np.ndarray, list[np.ndarray]]:
    """embed_with_spans for a backend with token states: cache first, then one pass per text."""
    keys = [spans_key(sp) for sp in spans]
    digests = [store.digest(t) for t in texts] if store else [str(i).encode() for i in range(len(texts))]
    first: dict[tuple[bytes, str], int] = {}
    for i, u in enumerate(zip(digests, keys)):
        first.setdefault(u, i)
    unique = list(first)
    found_v = store.get(conn, kind, [d for d, _ in unique]) if store else {}  # type: ignore[arg-type]
    with_spans = [(d, k) for d, k in unique if k]
    found_s = store.get_spans(conn, kind, *zip(*with_spans)) if store and with_spans else {}  # type: ignore[arg-type]
    out = np.zeros((len(texts), inner.dim), dtype=np.float32)
    segs: dict[tuple[bytes, str], np.ndarray] = {}
    for d, k in unique:
        if d in found_v:
            out[first[(d, k)]] = found_v[d]
        segs[(d, k)] = (
            found_s.get(d, np.zeros((0, inner.dim), np.float32)) if k else np.zeros((0, inner.dim), np.float32)
        )
    missing = [(d, k) for d, k in unique if d not in found_v or (k and d not in found_s)]
    missing.sort(key=lambda u: len(texts[first[u]]))  # similar lengths together: little padding
    count = {u: 0 for u in unique}
    for u in zip(digests, keys):
        count[u] += 1
    done = sum(count[u] for u in unique) - sum(count[u] for u in missing)
    if progress:
        progress(done, len(texts))
    for start in range(0, len(missing), CHUNK):
        part = missing[start : start + CHUNK]
        part_texts, part_spans = [texts[first[u]] for u in part], [spans[first[u]] for u in part]
        vectors, seg = inner.embed_spans(part_texts, part_spans, kind)
        vectors = normalised(vectors)
        seg = fill_unplaced(list(seg), part_texts, part_spans, lambda flat: inner.embed(flat, kind))
        if store is not None:
            store.put(conn, kind, [d for d, _ in part], vectors)  # type: ignore[arg-type]
            stored = [j for j, (_, k) in enumerate(part) if k]
            store.put_spans(
                conn, kind, [part[j][0] for j in stored], [part[j][1] for j in stored], [seg[j] for j in stored]
            )  # type: ignore[arg-type]
        for u, v, s in zip(part, vectors, seg):
            if u[0] not in found_v:
                out[first[u]] = v
            segs[u] = s
        done += sum(count[u] for u in part)
        if progress:
            progress(done, len(texts))
    for i, u in enumerate(zip(digests, keys)):
        if first[u] != i:
            out[i] = out[first[u]]
    return out, [segs[u] for u in zip(digests, keys)]
