"""decision batches: the events of one judgement share a batch id

Revision ID: 0011
Revises: 0010

One press of "Stämmer" on the validator page judges every shown label of an answer, and of
every identical or near-identical answer grouped with it: one event per (answer, label), all
with the same batch id. "Mina bedömningar" lists judgements by batch, and "Ångra" withdraws
one's latest batch. Events stored before this have no batch (each is its own judgement).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("validation_events") as batch:
        batch.add_column(sa.Column("batch", sa.String(length=32), nullable=True))
        batch.create_index("ix_validation_events_batch", ["batch"])


def downgrade() -> None:
    with op.batch_alter_table("validation_events") as batch:
        batch.drop_index("ix_validation_events_batch")
        batch.drop_column("batch")
