"""project themes: a project's themes across all its imports, with stable keys

Revision ID: 0009
Revises: 0008

themes.key links a run's theme to its project theme; runs stored before have none.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "project_themes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("project_id", sa.Integer(), sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("key", sa.String(20), nullable=False),
        sa.Column("name", sa.String(300), nullable=True),
        sa.Column("label", sa.String(300), nullable=False),
        sa.Column("centroid", sa.JSON(), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=False),
        sa.Column("floor", sa.Float(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("representative_record_ids", sa.JSON(), nullable=False),
        sa.Column("created_import_id", sa.Integer(), sa.ForeignKey("imports.id", ondelete="SET NULL"), nullable=True),
        sa.Column("parent_key", sa.String(20), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("project_id", "key", name="uq_project_theme_key"),
    )
    op.create_index("ix_project_themes_project_id", "project_themes", ["project_id"])
    with op.batch_alter_table("themes") as batch:
        batch.add_column(sa.Column("key", sa.String(20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("themes") as batch:
        batch.drop_column("key")
    op.drop_index("ix_project_themes_project_id", "project_themes")
    op.drop_table("project_themes")
