"""neutral file names for imports and uploads made before 0006

Revision ID: 0007
Revises: 0006

Users' own file names ("Enkät Anna Svensson 19121212-1212.csv") were stored verbatim
until 0006; from then on only neutral names are stored (nlp/safe_store.py). This replaces
the names already stored, and drops them from the import entries of the audit log.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("UPDATE imports SET filename = 'import ' || CAST(id AS VARCHAR)")
    op.execute("UPDATE jobs SET filename = 'uppladdning ' || CAST(id AS VARCHAR) WHERE filename IS NOT NULL")
    bind = op.get_bind()
    # The audit log is append-only by trigger (0002); this one scrub of personal data is the
    # only rewrite, so the update trigger is lifted for it alone and put back at once.
    postgres = bind.dialect.name == "postgresql"
    if postgres:
        op.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    audit = sa.table(
        "audit_log", sa.column("id", sa.Integer), sa.column("action", sa.String), sa.column("details", sa.JSON)
    )
    rows = bind.execute(sa.select(audit.c.id, audit.c.details).where(audit.c.action == "import")).all()
    for row_id, details in rows:
        if isinstance(details, dict) and "fil" in details:
            bind.execute(
                audit.update()
                .where(audit.c.id == row_id)
                .values(details={k: v for k, v in details.items() if k != "fil"})
            )
    if postgres:
        op.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")
    else:
        op.execute(
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
        )


def downgrade() -> None:
    pass  # the users' own file names are gone by design
