"""The classifier embeds label phrases, prototypes and (only for a version saved with the other
kind of vector) answers with the Embedder its caller hands it (nlp.core's protocol); it never
picks one itself."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nlp.config import get_settings
from nlp.core import ANALYSIS_KIND, Embedder, Kind, SpanEmbedder, span_texts, split_rows
from nlp.errors import ConfigError

UNKNOWN_MODEL = "okänd"  # recorded by versions saved without knowing their embedder
# An answer's sentence vectors from the answer's own pass (late chunking) when the embedder
# has token states and the setting BRUKARROST_LATE_CHUNKING is on, instead of a second pass
# over the sentences. Off by default: measured 2026-11-29
# (zero-shot macro F1 / ECE, separate sentence pass -> late chunking; benchmarks/classify.py
# and classify_own_taxonomy.py --antal 0) it helps the short dev answers (0.704/0.013 ->
# 0.721/0.008) but costs the long real answers of the blind sets (care reviews 0.631/0.145 ->
# 0.587/0.168, forum 0.616/0.033 -> 0.561/0.051): a sentence's tokens carry the whole
# answer's context, so its vector drifts towards the answer's and a topic named in one
# sentence of a long answer scores lower (lokaler-miljo 0.51 -> 0.39). What it would save:
# the classification stage's second transformer pass (model README, issue 18).
# A linear map from late-chunked to standalone sentence vectors does not close the gap
# (benchmarks/late_chunking_adapter.py, 2026-11-29: ridge fitted on 3276 sentences of forum
# paragraphs outside the forum set; cosine to the standalone vector on held-out reviews
# 0.909 -> 0.932). Zero-shot macro F1, separate pass / late / late + map (one run whose
# settings were not kept: the benchmark's separate pass gives care 0.631 at that commit and
# 0.634 today, model README): care 0.600 / 0.533 /
# 0.543, forum 0.566 / 0.523 / 0.512, services 0.576 / 0.493 / 0.484 (dev answers 0.744 /
# 0.760 / 0.748). A late sentence vector lies at cosine 0.987 from its answer's vector:
# what the sentence adds is too small a part of it for a linear map to bring back.


def late_segments() -> bool:
    """True when sentence vectors come from the answer's own pass (setting `late_chunking`)."""
    return get_settings().late_chunking


def model_id_of(embedder: Embedder | None) -> str:
    """The embedder's model id, as recorded in models fitted on its vectors."""
    return str(getattr(embedder, "model_id", UNKNOWN_MODEL))


def embed_with(embedder: Embedder | None, texts: Sequence[str], kind: Kind = ANALYSIS_KIND) -> np.ndarray:
    """float32 vectors of `texts` from the caller's embedder (a cached one keeps reruns fast)."""
    if embedder is None:
        raise ValueError("the classifier needs an Embedder here: pass embedder=, e.g. nlp.embed.cached_embedder()")
    return np.asarray(embedder.embed(list(texts), kind), dtype=np.float32)


def check_embed_model(fitted_on: str, given: str, what: str) -> None:
    """Refuse vectors from another embedding model than the one `what` was fitted on.

    Two models can share a dimension (e5-small and MiniLM both give 384) while their spaces
    have nothing in common: a head would read noise without noticing."""
    if UNKNOWN_MODEL in (fitted_on, given) or fitted_on == given:
        return
    raise ConfigError(
        f"{what} tränades på vektorer från inbäddningsmodellen {fitted_on!r}, men svaren är inbäddade med "
        f"{given!r}. Vektorer från olika modeller går inte att jämföra: träna om med den nya modellen "
        f"eller byt tillbaka inbäddningsmodell (BRUKARROST_EMBED_MODEL)."
    )


def span_vectors_with(
    embedder: Embedder | None, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]], kind: Kind
) -> list[np.ndarray]:
    """Per text, float32 vectors of its spans (an answer's sentences): from the text's own pass
    when the embedder can (nlp.core.SpanEmbedder, late_segments()), else each span embedded alone."""
    if late_segments() and isinstance(embedder, SpanEmbedder):
        return [np.asarray(v, dtype=np.float32) for v in embedder.embed_spans(list(texts), spans, kind)[1]]
    flat = span_texts(texts, spans)
    E = embed_with(embedder, flat, kind) if flat else np.zeros((0, 0), dtype=np.float32)
    return split_rows(E, spans)
