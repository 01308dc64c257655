"""meetings remember how the schedule file lists them

Revision ID: f79f360832fb
Revises: eedf8b51e41e
Create Date: 2026-11-30 15:02:11.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "f79f360832fb"
down_revision: str | None = "eedf8b51e41e"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("file_key", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("file_values", sa.JSON(), nullable=True))
    # Until now a meeting's key was the key the file listed it under, so the next import
    # finds every meeting where it did before. What the file said at its last import is not
    # known: left empty, the next import's values win, as they always did, and are kept.
    op.execute("UPDATE meeting SET file_key = key")


def downgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_column("file_values")
        batch_op.drop_column("file_key")
