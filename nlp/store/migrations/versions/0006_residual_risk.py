"""residual risk: kept risky tokens per import, replacements in metadata

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "residual_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=30), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["import_id"], ["imports.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["record_id"], ["records.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_residual_tokens_import_id", "residual_tokens", ["import_id"])
    op.create_index("ix_residual_tokens_record_id", "residual_tokens", ["record_id"])
    with op.batch_alter_table("imports") as batch:
        batch.add_column(sa.Column("metadata_pii_counts", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("imports") as batch:
        batch.drop_column("metadata_pii_counts")
    op.drop_index("ix_residual_tokens_record_id", table_name="residual_tokens")
    op.drop_index("ix_residual_tokens_import_id", table_name="residual_tokens")
    op.drop_table("residual_tokens")
