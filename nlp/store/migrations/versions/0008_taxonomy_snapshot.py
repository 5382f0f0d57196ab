"""taxonomy snapshot: every run keeps the taxonomy it used

Revision ID: 0008
Revises: 0007

Runs stored before this have no snapshot; their report reads the taxonomy file as before.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("analysis_runs") as batch:
        batch.add_column(sa.Column("taxonomy_snapshot", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("analysis_runs") as batch:
        batch.drop_column("taxonomy_snapshot")
