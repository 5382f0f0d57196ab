"""decided labels and the reason for "osäker"

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("suggestions") as batch:
        batch.add_column(sa.Column("decided", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("classifications") as batch:
        batch.add_column(sa.Column("unsure_reason", sa.String(length=50), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("classifications") as batch:
        batch.drop_column("unsure_reason")
    with op.batch_alter_table("suggestions") as batch:
        batch.drop_column("decided")
