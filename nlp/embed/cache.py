"""The vector cache: one SQLite file per model id under settings.cache_dir.

It maps (kind, HMAC of the pseudonymised text) to a float32 vector. It never holds text,
and the HMAC key is derived from the pseudonym key (kept outside data/), so a copy of the
cache cannot confirm a guessed text. Erasure removes a respondent's vectors (`forget_texts`).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import re
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from nlp.config import get_settings
from nlp.errors import ConfigError
from nlp.private_files import private_sqlite_file
from nlp.secret_key import derive_key, load_key
from nlp.sqlite_wal import enable_wal

SQL_BATCH = 500  # parameters per SQLite lookup (well under its variable limit)
log = logging.getLogger(__name__)
# v2: keys are HMACs. v1 files (plain SHA-256, so a guessed text could be confirmed) are
# deleted on sight: they cannot be re-keyed without the texts.
_CACHE_PREFIX = "inbaddningar-v2-"


def cache_key() -> bytes | None:
    """The cache's HMAC key, derived from the pseudonym key; None when there is no key
    (then nothing is cached: a key is never created here)."""
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
                for i in range(0, len(digests), SQL_BATCH):
                    part = digests[i : i + SQL_BATCH]
                    marks = ",".join("?" * len(part))
                    n += conn.execute(f"DELETE FROM vectors WHERE text_sha256 IN ({marks})", part).rowcount
                    if _has_table(conn, "segments"):  # files from before segment vectors lack it
                        n += conn.execute(f"DELETE FROM segments WHERE text_sha256 IN ({marks})", part).rowcount
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    return n


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def spans_key(spans: Sequence[tuple[int, int]]) -> str:
    """How a text's spans are stored beside their vectors: a row serves only the same spans."""
    return ",".join(f"{a}-{b}" for a, b in spans)


class EmbeddingCache:
    """Vectors by (kind, text hash) for one model, in one SQLite file. Never holds text.

    SQLite in WAL mode with a busy timeout lets the API worker and a CLI run write at
    once; lookups go in batches, so memory stays bounded however large the cache grows.
    """

    def __init__(self, model_id: str, dim: int, directory: Path | None = None, key: bytes | None = None) -> None:
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
            # A text's span (sentence) vectors from its own pass, keyed by the text's digest like
            # its vector, so erasure reaches both (nlp/modeller/late_chunking.py).
            conn.execute(
                "CREATE TABLE IF NOT EXISTS segments (kind TEXT NOT NULL, text_sha256 BLOB NOT NULL, "
                "spans TEXT NOT NULL, vectors BLOB NOT NULL, PRIMARY KEY (kind, text_sha256)) WITHOUT ROWID"
            )
            conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            conn.execute(
                "INSERT OR IGNORE INTO meta VALUES ('model_id', ?), ('dim', ?)", (self.model_id, str(self.dim))
            )
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
                conn.execute("DELETE FROM segments")
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('key_check', ?)", (mark,))

    def get(self, conn: sqlite3.Connection, kind: str, digests: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        found: dict[bytes, np.ndarray] = {}
        for i in range(0, len(digests), SQL_BATCH):
            part = digests[i : i + SQL_BATCH]
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
        rows = [(kind, d, np.ascontiguousarray(v, dtype=np.float32).tobytes()) for d, v in zip(digests, vectors)]
        with conn:  # one transaction per chunk
            conn.executemany("INSERT OR IGNORE INTO vectors VALUES (?, ?, ?)", rows)

    def get_spans(
        self, conn: sqlite3.Connection, kind: str, digests: Sequence[bytes], spans: Sequence[str]
    ) -> dict[bytes, np.ndarray]:
        """Span vectors by digest, for the rows stored with these spans (`spans_key`) only."""
        want = dict(zip(digests, spans))
        found: dict[bytes, np.ndarray] = {}
        for i in range(0, len(digests), SQL_BATCH):
            part = digests[i : i + SQL_BATCH]
            rows = conn.execute(
                f"SELECT text_sha256, spans, vectors FROM segments WHERE kind = ? AND text_sha256 IN "
                f"({','.join('?' * len(part))})",
                (kind, *part),
            )
            for digest, stored, blob in rows:
                vec = np.frombuffer(blob, dtype=np.float32)
                n = stored.count(",") + 1 if stored else 0
                if want.get(bytes(digest)) == stored and vec.size == n * self.dim:
                    found[bytes(digest)] = vec.reshape(n, self.dim)
        return found

    def put_spans(
        self,
        conn: sqlite3.Connection,
        kind: str,
        digests: Sequence[bytes],
        spans: Sequence[str],
        vectors: Sequence[np.ndarray],
    ) -> None:
        rows = [
            (kind, d, s, np.ascontiguousarray(v, dtype=np.float32).tobytes())
            for d, s, v in zip(digests, spans, vectors)
        ]
        with conn:
            conn.executemany("INSERT OR REPLACE INTO segments VALUES (?, ?, ?, ?)", rows)
