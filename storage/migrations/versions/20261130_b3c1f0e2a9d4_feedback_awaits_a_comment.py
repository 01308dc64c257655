"""feedback awaits a comment after a grade by button

Revision ID: b3c1f0e2a9d4
Revises: 5e2c8d1b7a90
Create Date: 2026-11-30 15:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b3c1f0e2a9d4"
down_revision: str | None = "5e2c8d1b7a90"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("meeting_feedback") as batch:
        batch.add_column(sa.Column("comment_wanted_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meeting_feedback") as batch:
        batch.drop_column("comment_wanted_until")
