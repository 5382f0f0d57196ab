"""sessions that end: per-user generation number, token renewal limit, decision visibility

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("session_generation", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("api_tokens") as batch:
        batch.add_column(sa.Column("generation", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("renewable_until", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("projects") as batch:
        batch.add_column(sa.Column("validators_see_all", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("projects") as batch:
        batch.drop_column("validators_see_all")
    with op.batch_alter_table("api_tokens") as batch:
        batch.drop_column("renewable_until")
        batch.drop_column("generation")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("session_generation")
