"""What the pseudonymiser found in a text, kept so that a text imported again is not searched again.

Finding (SpanFinder.find) is nearly all of an import's pseudonymisation (~20 CPU seconds for
10 000 real reviews) and depends on nothing but the text, the rules and the chosen kinds; a
file analysed again (a warm run, an export re-read after a change elsewhere) reads its finds
back here. The numbering ([PERSON_1] at a name's first appearance) is never cached: it is the
import's own and is made afresh, in input order, by Pseudonymiser.replace.

What one row holds (SQLite, private, under the data dir's cache folder like the vector cache):
- `raw`: HMAC-SHA256 of the finder's kinds and the RAW text, under a key derived from the pseudonym
  key (which is kept outside data/). No raw text, and no digest anyone could recompute
  from a guessed text without the key;
- `safe`: HMAC of the pseudonymised text an import stored for it (same key), so that erasure,
  which only has the stored text, reaches the row (`forget_finds`);
- `spans`: start, end and kind of each find: what the database already stores with the
  answer (records.pii_spans).
Rows are written only after the import that found them is committed (`save`), so a
rolled-back import leaves none. A row is used only while everything its finds depend on is
unchanged: the file records a fingerprint of the rules (the source of the pseudonymiser and of
every nlp module it imports, the name and place lists, every installed package's version,
Python's version and Unicode tables) and of the key; when either differs, all rows are deleted
on opening. A change of the key also changes every digest, so an old row could not match anyway.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib.metadata
import logging
import re
import sqlite3
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from types import TracebackType

from nlp.config import get_settings
from nlp.core import Span
from nlp.errors import ConfigError
from nlp.private_files import private_sqlite_file
from nlp.pseudonymise.categories import CATEGORIES
from nlp.pseudonymise.pseudonymiser import SpanFinder
from nlp.secret_key import derive_key, key_fingerprint, load_key
from nlp.sqlite_wal import enable_wal

log = logging.getLogger(__name__)
FILE_NAME = "pseudonymisering-v1.sqlite"
_PURPOSE = "pseudonymiseringscache/v1"
_SQL_BATCH = 500  # parameters per lookup, well under SQLite's limit
_PACKAGE = Path(__file__).resolve().parent
_NLP = _PACKAGE.parent
# Data files the recognisers read (recognisers/lists.py); spaCy's and wordfreq's data are
# covered by their packages' versions.
_DATA_DIRS = (_NLP / "resurser",)


def cache_path(directory: Path | None = None) -> Path:
    return (directory or get_settings().cache_dir) / FILE_NAME


# `from nlp.a import b, c` (also in parentheses over lines) and `import nlp.a`, at any indent;
# a regular expression, not ast: parsing the ~100 files took 0.25 CPU s of every import
_FROM_NLP = re.compile(r"^[ \t]*from[ \t]+(nlp(?:\.\w+)*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)", re.M)
_IMPORT_NLP = re.compile(r"^[ \t]*import[ \t]+(nlp(?:\.\w+)*)", re.M)


def _nlp_imports(path: Path) -> set[Path]:
    """The files of the nlp modules `path` imports (the package's own included)."""
    source = path.read_text(encoding="utf-8")
    names = [m.group(1) for m in _IMPORT_NLP.finditer(source)]
    for m in _FROM_NLP.finditer(source):
        imported = re.findall(r"\w+", m.group(2).split("#")[0] if "(" not in m.group(2) else m.group(2))
        names += [m.group(1)] + [f"{m.group(1)}.{name}" for name in imported if name != "as"]
    found: set[Path] = set()
    for name in names:
        parts = name.split(".")
        # "nlp.a.b" runs nlp/__init__.py and nlp/a/__init__.py before nlp/a/b.py
        for i in range(1, len(parts) + 1):
            base = _NLP.parent.joinpath(*parts[:i])
            for candidate in (base.with_suffix(".py"), base / "__init__.py"):
                if candidate.is_file():
                    found.add(candidate.resolve())
    return found


def _rule_files() -> list[Path]:
    """Every source file the finds can depend on: the package, the nlp modules it imports
    (followed to the end), the packages above them (their __init__ runs first), and the data
    directories."""
    todo = sorted(_PACKAGE.rglob("*.py"))
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo.extend(_nlp_imports(path) - seen)
    data = [p for d in _DATA_DIRS for p in d.rglob("*") if p.is_file()]
    return sorted(seen | set(data))


@lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    """A digest of everything a find depends on besides the text and the chosen kinds."""
    digest = hashlib.sha256()
    for path in _rule_files():
        digest.update(str(path.relative_to(_NLP.parent)).encode() + b"\0" + path.read_bytes() + b"\0")
    versions = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    digest.update("\n".join(versions).encode())
    digest.update(f"{sys.version}\0{unicodedata.unidata_version}".encode())
    return digest.hexdigest()


def _finder_tag(finder: SpanFinder) -> bytes:
    return f"{','.join(sorted(finder.categories))}|{','.join(sorted(finder.keep))}\0".encode()


def _encode(spans: Sequence[Span]) -> str:
    return ";".join(f"{s.start}:{s.end}:{s.label}" for s in spans)


def _decode(value: str) -> list[Span] | None:
    """The stored finds, or None when the row cannot be read as finds (then the text is searched)."""
    spans: list[Span] = []
    for part in value.split(";") if value else []:
        start, end, label = part.split(":") if part.count(":") == 2 else ("", "", "")
        if not (start.isdigit() and end.isdigit()) or label not in CATEGORIES:
            return None
        spans.append(Span(int(start), int(end), label))
    return spans


def _connect(path: Path) -> sqlite3.Connection:
    private_sqlite_file(path)  # 0600 file in a 0700 directory
    conn = sqlite3.connect(path, timeout=60)
    enable_wal(conn)
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA secure_delete=ON")  # deleted rows are overwritten, not left in free pages
    conn.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute(
        "CREATE TABLE IF NOT EXISTS finds (raw BLOB NOT NULL, safe BLOB NOT NULL, spans TEXT NOT NULL, "
        "PRIMARY KEY (raw, safe)) WITHOUT ROWID"
    )
    conn.execute("CREATE INDEX IF NOT EXISTS finds_safe ON finds (safe)")
    return conn


class SpanCache:
    """The finds of one import's finder under one key: `lookup` before finding, `remember`
    each pseudonymised text, `save` once the import is committed.

        with SpanCache(key, pseudonymiser.finder) as cache:
            ... pseudonymise_stream(pseudonymiser, items, text_of, cache=cache) ...
        cache.save()  # after the import's commit
    """

    def __init__(self, key: bytes, finder: SpanFinder, directory: Path | None = None) -> None:
        self.path = cache_path(directory)
        self._key = derive_key(key, _PURPOSE)
        self._tag = _finder_tag(finder)
        self._stamp = {"regler": rules_fingerprint(), "nyckel": key_fingerprint(self._key)}
        self._conn: sqlite3.Connection | None = None
        self._broken = False
        self._pending: list[tuple[bytes, bytes, str]] = []
        self.hits = self.misses = 0

    def __repr__(self) -> str:  # never the key
        return f"SpanCache({self.path.name}, {self.hits} träffar, {self.misses} missar)"

    def __enter__(self) -> SpanCache:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _raw_digest(self, text: str) -> bytes:
        return hmac.digest(self._key, self._tag + text.encode("utf-8"), "sha256")

    def _open(self) -> sqlite3.Connection | None:
        """The connection, the file emptied first if it was made under other rules or another key."""
        if self._conn is None and not self._broken:
            try:
                conn = _connect(self.path)
                with conn:
                    stored = dict(conn.execute("SELECT name, value FROM meta").fetchall())
                    if stored != self._stamp:
                        conn.execute("DELETE FROM finds")
                        conn.execute("DELETE FROM meta")
                        conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(self._stamp.items()))
                self._conn = conn
            except (sqlite3.Error, ConfigError) as exc:  # ConfigError: the folder cannot be written
                self._give_up(exc)
        return self._conn

    def _give_up(self, exc: Exception) -> None:
        # A cache only saves time: an unreadable file means searching every text, not failing.
        log.warning("pseudonymisation cache unusable (%s): every text is searched", type(exc).__name__)
        self._broken = True
        self.close()

    def lookup(self, texts: Sequence[str]) -> list[list[Span] | None]:
        """Each text's cached finds, or None where it has to be searched."""
        digests = [self._raw_digest(t) for t in texts]
        known: dict[bytes, list[Span] | None] = {}
        conn = self._open()
        try:
            for i in range(0, len(digests) if conn is not None else 0, _SQL_BATCH):
                part = list(set(digests[i : i + _SQL_BATCH]))
                marks = ",".join("?" * len(part))
                for raw, spans in conn.execute(f"SELECT raw, spans FROM finds WHERE raw IN ({marks})", part):
                    known[raw] = _decode(spans)
        except sqlite3.Error as exc:
            self._give_up(exc)
            known = {}
        found = [known.get(d) for d in digests]
        self.hits += sum(f is not None for f in found)
        self.misses += sum(f is None for f in found)
        return found

    def remember(self, text: str, safe_text: str, spans: Sequence[Span]) -> None:
        """Keep (digests only) the finds of `text` and the pseudonymised text stored for it."""
        safe = hmac.digest(self._key, safe_text.encode("utf-8"), "sha256")
        self._pending.append((self._raw_digest(text), safe, _encode(spans)))

    def save(self) -> int:
        """Write what was remembered (call after the import is committed); returns rows added."""
        pending, self._pending = self._pending, []
        conn = self._open()
        if conn is None or not pending:
            return 0
        try:
            with conn:
                before = conn.total_changes
                conn.executemany("INSERT OR IGNORE INTO finds VALUES (?, ?, ?)", pending)
                return conn.total_changes - before
        except sqlite3.Error as exc:
            self._give_up(exc)
            return 0
        finally:
            self.close()


def forget_finds(safe_texts: Iterable[str], directory: Path | None = None, key: bytes | None = None) -> int:
    """Delete the cached finds of the answers stored with these texts (erasure); returns rows.
    `key`: the pseudonym key (default: the installation's)."""
    key = key if key is not None else load_key()
    path = cache_path(directory)
    if key is None or not path.is_file():
        return 0
    cache_key = derive_key(key, _PURPOSE)
    digests = list({hmac.digest(cache_key, t.encode("utf-8"), "sha256") for t in safe_texts})
    conn = _connect(path)
    n = 0
    try:
        with conn:
            for i in range(0, len(digests), _SQL_BATCH):
                part = digests[i : i + _SQL_BATCH]
                marks = ",".join("?" * len(part))
                n += conn.execute(f"DELETE FROM finds WHERE safe IN ({marks})", part).rowcount
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return n
