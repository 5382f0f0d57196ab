"""Full-text search in Swedish over the pseudonymised answers, with the database's own engine.

PostgreSQL: `to_tsvector('swedish', records.text) @@ plainto_tsquery('swedish', query)`, served
by the GIN index of migration 0010; the server stems with its Swedish Snowball dictionary.

SQLite: FTS5 has no Swedish stemmer, so the answers' Snowball stems (PyStemmer: the same
Swedish Snowball algorithm PostgreSQL uses) are indexed in the FTS5 table `answer_stems`
(rowid = records.id) and the query is stemmed the same way. An import's answers are stemmed
the first time it is searched (`index_import`); triggers drop the stems of a deleted answer.

Either way "väntetid" finds "väntetiderna", and every word of the query must occur (AND).
Only the pseudonymised answer text is searched, and the query itself is never logged.
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer
from sqlalchemy import Float, Integer, Subquery, func, literal_column, select, text
from sqlalchemy.orm import Session

from nlp.store.models import RecordRow

__all__ = ["SEARCH_INDEX_TABLE", "highlight", "index_import", "outside_search_index", "search_hits", "stems"]

SEARCH_INDEX_TABLE = "answer_stems"  # SQLite only (migration 0010)
_PG_INDEX = "ix_records_text_swedish"  # PostgreSQL only (migration 0010)
_WORD = re.compile(r"\w+")
_SWEDISH = literal_column("'swedish'::regconfig")  # written as in the index, so the index is used
_BATCH = 500


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("swedish")


def stems(value: str) -> list[str]:
    """The Swedish Snowball stems of the words of `value`, lower case, in order."""
    return _stemmer().stemWords(_WORD.findall(value.lower()))


def outside_search_index(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's include_name hook: the FTS5 table with its shadow tables, and PostgreSQL's
    expression index, are made by migration 0010 alone and have no model, so comparing the
    models with the database skips them."""
    if type_ == "table":
        return not (name or "").startswith(SEARCH_INDEX_TABLE)
    return not (type_ == "index" and name == _PG_INDEX)


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def index_import(session: Session, import_id: int) -> int:
    """SQLite: stem and index the import's answers that are not indexed yet (new, or changed
    since); returns how many. PostgreSQL indexes by itself: 0."""
    if not _is_sqlite(session):
        return 0
    missing = session.execute(
        select(RecordRow.id, RecordRow.text).where(
            RecordRow.import_id == import_id,
            RecordRow.id.not_in(select(literal_column("rowid")).select_from(text(SEARCH_INDEX_TABLE))),
        )
    ).all()
    # OR REPLACE: another process may index the same answers at the same time (same stems).
    insert = text(f"INSERT OR REPLACE INTO {SEARCH_INDEX_TABLE} (rowid, stems) VALUES (:rid, :stems)")
    for i in range(0, len(missing), _BATCH):
        session.execute(insert, [{"rid": rid, "stems": " ".join(stems(t))} for rid, t in missing[i : i + _BATCH]])
    return len(missing)


def search_hits(session: Session, query: str) -> Subquery | None:
    """The answers matching every word of `query`, as a subquery (record_id, score; higher
    is a better match), or None when the query has no word to search for."""
    words = stems(query)
    if not words:
        return None
    if _is_sqlite(session):
        # Each stem quoted: FTS5 reads AND, OR, NOT, NEAR and * as operators otherwise.
        # LIMIT -1 keeps SQLite from flattening the subquery into a join that runs the MATCH
        # once per answer of the import (200 ms instead of 2 ms on 3 000 answers).
        # Scores: bm25 here, and below ts_rank divided by the log of the length (normalisation
        # 1): both favour short answers full of the words.
        match = " ".join(f'"{w}"' for w in dict.fromkeys(words))
        return (
            text(
                f"SELECT rowid AS record_id, -bm25({SEARCH_INDEX_TABLE}) AS score FROM {SEARCH_INDEX_TABLE} WHERE {SEARCH_INDEX_TABLE} MATCH :match LIMIT -1"
            )
            .bindparams(match=match)
            .columns(record_id=Integer, score=Float)
            .subquery("treffar")
        )
    vector = func.to_tsvector(_SWEDISH, RecordRow.text)
    tsquery = func.plainto_tsquery(_SWEDISH, query)
    return (
        select(RecordRow.id.label("record_id"), func.ts_rank(vector, tsquery, 1).label("score"))
        .where(vector.op("@@")(tsquery))
        .subquery("treffar")
    )


def highlight(value: str, query: str) -> list[tuple[str, bool]]:
    """`value` cut into pieces, each marked True when it is a word the query found (same stem)."""
    wanted = set(stems(query))
    if not wanted:
        return [(value, False)]
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _WORD.finditer(value):
        if _stemmer().stemWord(m.group().lower()) in wanted:
            if m.start() > pos:
                out.append((value[pos : m.start()], False))
            out.append((m.group(), True))
            pos = m.end()
    if pos < len(value):
        out.append((value[pos:], False))
    return out
