"""directory revision: a number moved by every change of a name; outbox by meeting and chat

Revision ID: b3c1d2e4f5a6
Revises: b3c1f0e2a9d4
Create Date: 2026-11-30 16:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b3c1d2e4f5a6"
down_revision: str | None = "b3c1f0e2a9d4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        "directory_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directory_revision")),
    )
    # The one row every process compares its copy of the names with.
    op.bulk_insert(table, [{"id": 1, "number": 1}])
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_meeting_id_chat_id", ["meeting_id", "chat_id"])


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_meeting_id_chat_id")
    op.drop_table("directory_revision")
