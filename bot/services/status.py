"""The outbox at a glance, for administrators (/status)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.planning.outbox import FEEDBACK_ROUND
from storage.models import Meeting, Outbox, OutboxStatus, Workshop

# Messages only: a meeting's feedback round is a row that becomes messages, not one itself.
_MESSAGES = Outbox.kind != FEEDBACK_ROUND


@dataclass(frozen=True)
class OutboxStatusView:
    """Counts by status, the next due reminder and the last message sent."""

    counts: dict[OutboxStatus, int]
    next_due: datetime | None
    next_workshop: str | None
    last_sent: datetime | None


async def outbox_status(session: AsyncSession) -> OutboxStatusView:
    """Read the outbox's state."""
    rows = await session.execute(
        select(Outbox.status, func.count()).where(_MESSAGES).group_by(Outbox.status)
    )
    counts = {status: 0 for status in OutboxStatus}
    counts.update({status: count for status, count in rows})
    next_row = (
        await session.execute(
            select(Outbox.due_at, Workshop.name)
            .join(Meeting, Meeting.id == Outbox.meeting_id)
            .join(Workshop, Workshop.id == Meeting.workshop_id)
            .where(Outbox.status == OutboxStatus.PENDING, Outbox.kind == "reminder")
            .order_by(Outbox.due_at)
            .limit(1)
        )
    ).first()
    last_sent = await session.scalar(select(func.max(Outbox.sent_at)).where(_MESSAGES))
    return OutboxStatusView(
        counts=counts,
        next_due=next_row[0] if next_row else None,
        next_workshop=next_row[1] if next_row else None,
        last_sent=last_sent,
    )


@dataclass(frozen=True)
class OutboxDepth:
    """Rows by status, and how many pending ones are already due."""

    counts: dict[OutboxStatus, int]
    due: int


async def outbox_depth(session: AsyncSession, *, now: datetime) -> OutboxDepth:
    """Count the outbox's messages (for /metrics): every status, zero included."""
    rows = await session.execute(
        select(Outbox.status, func.count()).where(_MESSAGES).group_by(Outbox.status)
    )
    counts = {status: 0 for status in OutboxStatus}
    counts.update({status: count for status, count in rows})
    due = await session.scalar(
        select(func.count())
        .select_from(Outbox)
        .where(_MESSAGES, Outbox.status == OutboxStatus.PENDING, Outbox.due_at <= now)
    )
    return OutboxDepth(counts=counts, due=due or 0)
