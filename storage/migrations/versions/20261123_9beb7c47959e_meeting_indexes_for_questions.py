"""meeting indexes for questions: by workshop and date (/next), by place (the towns)

Revision ID: 9beb7c47959e
Revises: e4bfffcb71fb
Create Date: 2026-11-23 06:53:31.028264
"""

from collections.abc import Sequence

from alembic import op

revision: str = '9beb7c47959e'
down_revision: str | None = 'e4bfffcb71fb'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index('ix_meeting_place', ['place'], unique=False)
        batch_op.create_index('ix_meeting_workshop_id_date', ['workshop_id', 'date'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index('ix_meeting_workshop_id_date')
        batch_op.drop_index('ix_meeting_place')
