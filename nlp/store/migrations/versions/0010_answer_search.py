"""answer search: full-text search over the pseudonymised answers in Swedish

Revision ID: 0010
Revises: 0009

PostgreSQL: a GIN index on to_tsvector('swedish', records.text); the server stems.
SQLite: FTS5 has no Swedish stemmer, so `answer_stems` (FTS5, rowid = records.id) holds the
Snowball stems of each answer, written by nlp.store.search when an import is first searched.
Triggers drop an answer's stems when the answer is deleted (erasure) or its text changes.
Note: a batch ALTER of `records` on SQLite recreates the table and drops these triggers;
such a migration must create them again.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(
            "CREATE INDEX ix_records_text_swedish ON records USING gin (to_tsvector('swedish'::regconfig, text))"
        )
    elif dialect == "sqlite":
        # remove_diacritics 0: å, ä and ö are letters of their own in Swedish ("får" is not "far").
        op.execute("CREATE VIRTUAL TABLE answer_stems USING fts5(stems, tokenize = 'unicode61 remove_diacritics 0')")
        op.execute(
            "CREATE TRIGGER answer_stems_on_delete AFTER DELETE ON records "
            "BEGIN DELETE FROM answer_stems WHERE rowid = old.id; END"
        )
        op.execute(
            "CREATE TRIGGER answer_stems_on_update AFTER UPDATE OF text ON records "
            "BEGIN DELETE FROM answer_stems WHERE rowid = old.id; END"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_records_text_swedish")
    elif dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS answer_stems_on_update")
        op.execute("DROP TRIGGER IF EXISTS answer_stems_on_delete")
        op.execute("DROP TABLE IF EXISTS answer_stems")
