"""organisations as managed entities: a table of names, filled from the accounts' free text

Revision ID: 0012
Revises: 0011

Accounts keep the organisation's name (users.organisation), as validation events do; the
table is the one list that names may be chosen from, so a typo cannot create a second
organisation. Existing values are taken over once, spaces trimmed; values that differ only
in case become one organisation (the most used spelling, then the first alphabetically) and
the accounts are set to it.
"""

from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        "organisations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("name", name="uq_organisation_name"),
    )
    bind = op.get_bind()
    users = sa.table("users", sa.column("id", sa.Integer), sa.column("organisation", sa.String))
    rows = bind.execute(sa.select(users.c.id, users.c.organisation).where(users.c.organisation.is_not(None))).all()
    spellings: dict[str, Counter[str]] = {}
    for _, org in rows:
        if org.strip():
            name = " ".join(org.split())
            spellings.setdefault(name.casefold(), Counter())[name] += 1
    chosen = {key: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for key, c in spellings.items()}
    now = datetime.now(UTC)
    if chosen:
        op.bulk_insert(table, [{"name": name, "created_at": now} for name in sorted(chosen.values())])
    for uid, org in rows:
        name = chosen.get(" ".join(org.split()).casefold()) if org.strip() else None
        if name != org:
            bind.execute(sa.update(users).where(users.c.id == uid).values(organisation=name))


def downgrade() -> None:
    op.drop_table("organisations")
