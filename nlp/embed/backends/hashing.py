"""Character n-grams hashed into a fixed number of dimensions: no neural model, no files.

For machines too small for a language model, and a fast, deterministic real component in
tests. "hash" gives 1024 dimensions, "hash:N" N dimensions (64 to 65536). It sees shared
word parts, not meaning, and has no query/passage prefixes (both kinds give one vector).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nlp.core import Kind
from nlp.embed.registry import register
from nlp.embed.vectors import check_kind, normalised
from nlp.errors import ConfigError

DEFAULT_DIM = 1024
VERSION = 1  # part of the model id: change it when the features change, so caches part ways


def _dimension(name: str) -> int:
    if name == "hash":
        return DEFAULT_DIM
    text = name.removeprefix("hash:")
    if not text.isdigit() or not 64 <= int(text) <= 65536:
        raise ConfigError(f"Ange inbäddningsmodellen som hash eller hash:N med N mellan 64 och 65536, inte {name!r}.")
    return int(text)


@register("hash", "hashade teckenn-gram i 1024 dimensioner, utan språkmodell (för små maskiner)")
@register("hash:", "hash:N: hashade teckenn-gram i N dimensioner, utan språkmodell")
class HashingEmbedder:
    """Signed hashing of lower-cased character 3–5-grams (within word bounds), L2-normalised."""

    def __init__(self, name: str = "hash") -> None:
        # scikit-learn's text module costs an import only when this backend is chosen.
        from sklearn.feature_extraction.text import HashingVectorizer

        self.dim = _dimension(name)
        self.model_id = f"hash-char3-5-{self.dim}-v{VERSION}"
        self._vectorizer = HashingVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), n_features=self.dim, lowercase=True, norm=None, dtype=np.float32
        )

    def embed(self, texts: Sequence[str], kind: Kind = "passage") -> np.ndarray:
        check_kind(kind)
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # Sublinear counts, as in the classifier's n-gram head: a repeated word does not dominate.
        X = self._vectorizer.transform(texts)
        X.data = np.sign(X.data) * np.log1p(np.abs(X.data))
        return normalised(X.toarray())
