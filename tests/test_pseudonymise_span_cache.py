"""The cache of what the pseudonymiser found (nlp/pseudonymise/span_cache.py).

A text found in before is read back, not searched, and gives byte for byte what searching
gives; another key, other rules or other kinds find nothing in it; erasure reaches its rows;
and the file holds no raw text. The texts are the synthetic ones of
benchmarks/data/pii_blind*.jsonl (no real person's words); nothing is mocked: a finder that
refuses to search shows that a hit is not searched.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from nlp.config import PROJECT_ROOT
from nlp.pseudonymise import CATEGORIES, Pseudonymiser, SpanCache, SpanFinder, forget_finds, pseudonymise_stream
from nlp.pseudonymise.span_cache import FILE_NAME, rules_fingerprint
from nlp.pseudonymise.span_cache import _rule_files as rule_files
from tests.pseudonymise_support import KEY, blind_csv, blind_texts

OTHER_KEY = b"another-test-key-0123456789abcdef-01"


@pytest.fixture(scope="module")
def texts() -> list[str]:
    found = blind_texts(400)
    assert sum(1 for t in found if Pseudonymiser(KEY).find(t)) > 100  # most of them hold personal data
    return found + found[:50]  # names seen again later keep their numbers


class _NeverSearches(SpanFinder):
    """The real finder's kinds, but searching fails: only cached finds can be used."""

    def find(self, text: str) -> list:
        raise AssertionError("searched a text the cache holds")


def _run(texts: list[str], cache: SpanCache | None, key: bytes = KEY, finder: SpanFinder | None = None) -> list:
    p = Pseudonymiser(key)
    if finder is not None:
        p.finder = finder
    out = [(r.text, r.spans) for _, r in pseudonymise_stream(p, texts, str, processes=1, cache=cache, chunk=16)]
    if cache is not None:
        cache.close()
        cache.save()
    return out


def _rows(directory: Path) -> int:
    with sqlite3.connect(directory / FILE_NAME) as conn:
        return conn.execute("SELECT count(*) FROM finds").fetchone()[0]


@pytest.mark.utan_databas
def test_a_hit_gives_what_searching_gives_without_searching(texts: list[str], tmp_path: Path) -> None:
    searched = _run(texts, None)
    first = SpanCache(KEY, Pseudonymiser(KEY).finder, tmp_path)
    assert _run(texts, first) == searched
    assert first.hits == 0 and first.misses == len(texts)
    assert _rows(tmp_path) == len(set(texts))  # one row per text and pseudonymised text
    again = SpanCache(KEY, Pseudonymiser(KEY).finder, tmp_path)
    assert _run(texts, again, finder=_NeverSearches(frozenset(CATEGORIES))) == searched
    assert again.hits == len(texts) and again.misses == 0
    # in another order the numbering is that order's: only the finds come from the cache
    backwards = texts[::-1]
    assert _run(backwards, SpanCache(KEY, Pseudonymiser(KEY).finder, tmp_path)) == _run(backwards, None)


@pytest.mark.utan_databas
def test_another_key_other_rules_or_other_kinds_miss(texts: list[str], tmp_path: Path) -> None:
    few = texts[:60]
    _run(few, SpanCache(KEY, Pseudonymiser(KEY).finder, tmp_path))
    fewer_kinds = SpanFinder(frozenset(CATEGORIES) - {"PERSON"})
    other_kinds = SpanCache(KEY, fewer_kinds, tmp_path)
    assert other_kinds.lookup(few) == [None] * len(few)
    other_kinds.close()
    # a file made under other rules is emptied when it is opened
    with sqlite3.connect(tmp_path / FILE_NAME) as conn:
        conn.execute("UPDATE meta SET value = 'andra regler' WHERE name = 'regler'")
    conn.close()
    stale = SpanCache(KEY, Pseudonymiser(KEY).finder, tmp_path)
    assert stale.lookup(few) == [None] * len(few) and _rows(tmp_path) == 0
    stale.close()
    _run(few, SpanCache(KEY, Pseudonymiser(KEY).finder, tmp_path))
    other_key = SpanCache(OTHER_KEY, Pseudonymiser(OTHER_KEY).finder, tmp_path)
    assert other_key.lookup(few) == [None] * len(few)
    assert _rows(tmp_path) == 0  # the other key's rows are gone, not only unreachable
    other_key.close()


def test_the_rules_cover_every_module_a_find_loads() -> None:
    """Every nlp module loaded by finding (and the name lists) is in the fingerprint, so a
    change to any of them misses."""
    code = (
        "import sys\n"
        "from nlp.pseudonymise import Pseudonymiser\n"
        "Pseudonymiser(b'k' * 32).pseudonymise('Ring Anna Svensson på 070-123 45 67, Storgatan 12 i Kalmar.')\n"
        "print('\\n'.join(m.__file__ for n, m in list(sys.modules.items()) if n.startswith('nlp') and getattr(m, '__file__', None)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    loaded = {Path(line).resolve() for line in out.stdout.split()}
    covered = set(rule_files())
    assert len(loaded) > 50 and loaded <= covered, sorted(map(str, loaded - covered))
    assert (PROJECT_ROOT / "nlp" / "resurser" / "fornamn_sv.txt").resolve() in covered
    assert len(rules_fingerprint()) == 64


@pytest.mark.utan_databas
def test_the_file_holds_no_raw_text_and_is_private(texts: list[str], tmp_path: Path) -> None:
    _run(texts, SpanCache(KEY, Pseudonymiser(KEY).finder, tmp_path))
    files = sorted(tmp_path.glob(FILE_NAME + "*"))
    stored = b"".join(f.read_bytes() for f in files)
    assert b"finds" in stored  # the test can fail: it reads the file SQLite wrote
    finder = Pseudonymiser(KEY).finder
    values = {t[s.start : s.end] for t in texts for s in finder.find(t) if s.end - s.start >= 4}
    assert len(values) > 100
    assert [v for v in values if v.encode("utf-8") in stored] == []
    # nor any stretch of the texts themselves
    pieces = {t[i : i + 24] for t in texts for i in range(0, max(len(t) - 24, 1), 24)}
    assert [p for p in pieces if p.encode("utf-8") in stored] == []
    assert {f.stat().st_mode & 0o777 for f in files} == {0o600}
    assert (tmp_path.stat().st_mode & 0o777) == 0o700


@pytest.mark.utan_databas
def test_erasure_removes_the_rows_of_the_stored_texts(texts: list[str], tmp_path: Path) -> None:
    few = texts[:40]
    out = _run(few, SpanCache(KEY, Pseudonymiser(KEY).finder, tmp_path))
    erased = [text for text, _ in out[:10]]  # what the database stores: the pseudonymised texts
    assert forget_finds(erased, tmp_path, key=KEY) == len(set(erased))
    cache = SpanCache(KEY, Pseudonymiser(KEY).finder, tmp_path)
    found = cache.lookup(few)
    cache.close()
    assert all(f is None for f in found[:10]) and all(f is not None for f in found[10:])


def test_an_import_again_reads_the_finds_back(tmp_path: Path) -> None:
    from sqlalchemy import select

    from nlp.pipeline import import_export
    from nlp.store import init_db, session_scope
    from nlp.store.models import RecordRow

    source = blind_csv(tmp_path / "svar.csv", 300)
    engine = init_db()
    stored = []
    for project in ("a", "b"):
        summary = import_export(source, project=project, text_columns=["svar"], engine=engine)
        with session_scope(engine) as session:
            rows = session.execute(
                select(RecordRow.row, RecordRow.text, RecordRow.pii_spans, RecordRow.respondent_key)
                .where(RecordRow.import_id == summary.import_id)
                .order_by(RecordRow.id)
            ).all()
        stored.append(([tuple(r) for r in rows], summary.pii_counts))
        with sqlite3.connect(tmp_path / "data" / "anonymiserad" / "cache" / FILE_NAME) as conn:
            assert conn.execute("SELECT count(*) FROM finds").fetchone()[0] == len(set(blind_texts(300)))
        conn.close()
    assert stored[1] == stored[0] and len(stored[0][0]) == 300


@pytest.mark.utan_databas
def test_an_unreadable_cache_file_means_searching(texts: list[str], tmp_path: Path) -> None:
    few = texts[:30]
    (tmp_path / FILE_NAME).write_bytes(b"inte en databas " * 512)  # damaged: SQLite cannot open it
    cache = SpanCache(KEY, Pseudonymiser(KEY).finder, tmp_path)
    assert _run(few, cache) == _run(few, None)
    assert cache.hits == 0 and cache.misses == len(few)
