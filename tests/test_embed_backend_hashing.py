"""The hashing backend ("hash", "hash:N"): no model, deterministic, lexical similarity."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nlp import embed as E
from nlp.embed.backends.hashing import HashingEmbedder
from nlp.errors import ConfigError
from nlp.secret_key import load_or_create_key
from tests.embed_support import assert_unit_rows

pytestmark = pytest.mark.utan_databas

TEXTS = [
    "Jag väntade i telefonkön i över en timme.",
    "Telefonkön var lång och ingen svarade på en timme.",
    "Maten på avdelningen var kall och smakade ingenting.",
]


def test_names_choose_the_dimension_and_the_model_id() -> None:
    default, small = E.get_embedder("hash"), E.get_embedder("hash:256")
    assert isinstance(default, HashingEmbedder) and (default.dim, small.dim) == (1024, 256)
    assert default.model_id != small.model_id and "256" in small.model_id
    assert E.get_embedder("hash") is default  # loaded once per process, like every backend
    for bad in ("hash:", "hash:12", "hash:tusen", "hash:100000"):
        with pytest.raises(ConfigError, match="hash:N"):
            HashingEmbedder(bad)


def test_vectors_are_unit_length_deterministic_and_lexically_similar() -> None:
    emb = HashingEmbedder("hash:512")
    v = emb.embed(TEXTS)
    assert_unit_rows(v, 3, 512)
    np.testing.assert_array_equal(v, HashingEmbedder("hash:512").embed(TEXTS))  # no randomness
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.1
    np.testing.assert_array_equal(emb.embed(TEXTS, "query"), v)  # no prefixes
    assert emb.embed([]).shape == (0, 512)
    with pytest.raises(ValueError):
        emb.embed(TEXTS, "dokument")  # type: ignore[arg-type]


def test_it_works_through_the_cache_like_any_backend(isolated_settings: Path) -> None:
    load_or_create_key()  # the cache's HMAC key is derived from the pseudonym key
    emb = E.get_embedder("hash:128")
    first = E.embed_texts(TEXTS, embedder=emb)
    np.testing.assert_array_equal(E.CachedEmbedder(emb).embed(TEXTS), first)
    assert list((isolated_settings / "cache").glob("inbaddningar-v2-hash-char3-5-128-*.sqlite"))
