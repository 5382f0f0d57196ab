"""pseudonym key fingerprints: per import, and the accepted key generations

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing imports keep NULL: their key cannot be known here (the migration never
    # reads the key). The first import or erasure with a key adopts them (see nlp/keys.py).
    with op.batch_alter_table("imports") as batch:
        batch.add_column(sa.Column("key_fingerprint", sa.String(length=64), nullable=True))
        batch.create_index("ix_imports_key_fingerprint", ["key_fingerprint"])
    op.create_table(
        "key_generations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("fingerprint"),
    )


def downgrade() -> None:
    op.drop_table("key_generations")
    with op.batch_alter_table("imports") as batch:
        batch.drop_index("ix_imports_key_fingerprint")
        batch.drop_column("key_fingerprint")
