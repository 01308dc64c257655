"""Claims on due outbox rows: taking a batch, giving rows back, and pacing the sends.

A claim is a lease: a process killed mid-batch leaves rows whose lease runs out and that
another run (of this or another instance) takes again.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Outbox, OutboxStatus, SendBudget

# Rows claimed at once: at least this many, and at a send rate as many as go out in
# BATCH_SECONDS. Between two batches (marking, the status line, the next claim) no slot
# is used, so short batches waste a share of the rate; a longer one also means fewer
# edits of a broadcast's status line. Claims last two minutes, far longer.
MIN_BATCH = 50
MAX_BATCH = 500
BATCH_SECONDS = 5.0


def batch_for(send_rate: float | None) -> int:
    """The batch size for a send rate (messages a second for all instances)."""
    if not send_rate:
        return MIN_BATCH
    return max(MIN_BATCH, min(MAX_BATCH, round(send_rate * BATCH_SECONDS)))


def instance_name() -> str:
    """A name for this process in claims: host, process id and a random part."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


async def claim_due(
    session: AsyncSession, *, instance: str, now: datetime, lease: timedelta, limit: int
) -> list[int]:
    """Claim up to `limit` due rows nobody holds; their ids, in the order to send them.

    Chats take turns: the earliest row of every chat before the second of any. A chat gets
    one bulk message a second, so a member's dozen reminders folded onto the end of the
    quiet hours, ahead in the queue, would otherwise hold up everyone else's.
    """
    free = (
        Outbox.status == OutboxStatus.PENDING,
        Outbox.due_at <= now,
        or_(Outbox.claimed_until.is_(None), Outbox.claimed_until < now),
    )
    turns = (
        select(
            Outbox.id,
            Outbox.due_at,
            func.row_number()
            .over(partition_by=Outbox.chat_id, order_by=(Outbox.due_at, Outbox.id))
            .label("turn"),
        )
        .where(*free)
        .subquery()
    )
    # The first rows in turn order are picked before they are joined back to be locked
    # (a window cannot be locked). Joined whole, PostgreSQL without fresh statistics on
    # the outbox (a reminder to thousands planned a moment ago, or a big table where they
    # are few) took one row for all, nested the loops and ran the window once per due row:
    # 5 s a claim with 3,000 due, minutes with 10,000. Twice the batch is picked, so that
    # rows another instance is claiming at the same moment (skipped, locked) leave enough.
    picked = (
        select(turns.c.id, turns.c.turn)
        .order_by(turns.c.turn, turns.c.due_at, turns.c.id)
        .limit(2 * limit)
        .subquery()
    )
    due = (
        select(Outbox.id)
        .join(picked, picked.c.id == Outbox.id)
        .where(*free)
        .order_by(picked.c.turn, Outbox.due_at, Outbox.id)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        # Several instances: each takes rows the others have not locked.
        due = due.with_for_update(skip_locked=True, of=Outbox)
    statement = (
        update(Outbox)
        .where(Outbox.id.in_(due.scalar_subquery()))
        .values(
            claimed_by=instance,
            claimed_until=now + lease,
            attempts=Outbox.attempts + 1,
        )
        .returning(Outbox.id, Outbox.chat_id, Outbox.due_at)
        .execution_options(synchronize_session=False)
    )
    rows = (await session.execute(statement)).all()
    return in_turns((row_id, chat_id, due_at) for row_id, chat_id, due_at in rows)


def in_turns(rows: Iterable[tuple[int, int, datetime]]) -> list[int]:
    """Row ids (of rows: id, chat, due) with the chats taking turns, the earliest first."""
    turn: dict[int, int] = {}
    keyed = []
    for row_id, chat_id, due_at in sorted(rows, key=lambda r: (r[2], r[0])):
        turn[chat_id] = turn.get(chat_id, 0) + 1
        keyed.append((turn[chat_id], due_at, row_id))
    return [row_id for _, _, row_id in sorted(keyed)]


async def renew(
    session: AsyncSession, *, instance: str, row_ids: Iterable[int], now: datetime, lease: timedelta
) -> set[int]:
    """Hold the rows still claimed by `instance` for another lease; their ids."""
    result = await session.execute(
        update(Outbox)
        # Nobody else holds a row while claimed_by is ours, even past its claimed_until:
        # a claim by another instance would have put its own name there.
        .where(Outbox.id.in_(sorted(row_ids)), Outbox.claimed_by == instance)
        .values(claimed_until=now + lease)
        .returning(Outbox.id)
        .execution_options(synchronize_session=False)
    )
    return set(result.scalars())


async def next_due(session: AsyncSession, now: datetime) -> datetime | None:
    """When the next row not claimed by anyone comes due; None when nothing is pending."""
    return await session.scalar(
        select(func.min(Outbox.due_at)).where(
            Outbox.status == OutboxStatus.PENDING,
            or_(Outbox.claimed_until.is_(None), Outbox.claimed_until < now),
        )
    )


async def release(
    session: AsyncSession, *, instance: str, row_ids: list[int], until: datetime
) -> None:
    """Give back claimed rows that were never tried, due again no earlier than `until`."""
    if not row_ids:
        return
    await session.execute(
        update(Outbox)
        .where(Outbox.id.in_(row_ids), Outbox.claimed_by == instance)
        .values(
            claimed_by=None,
            claimed_until=None,
            # Not counted as an attempt: this run never tried them.
            attempts=Outbox.attempts - 1,
        )
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        update(Outbox)
        .where(Outbox.id.in_(row_ids), Outbox.due_at < until)
        .values(due_at=until)
        .execution_options(synchronize_session=False)
    )


async def unclaim(session: AsyncSession, *, instance: str, row_ids: Iterable[int]) -> None:
    """Give back claimed rows as they are, for any run to take at once."""
    await session.execute(
        update(Outbox)
        .where(Outbox.id.in_(sorted(row_ids)), Outbox.claimed_by == instance)
        .values(claimed_by=None, claimed_until=None)
        .execution_options(synchronize_session=False)
    )


async def reserve_slots(
    session: AsyncSession, *, count: int, now: datetime, send_rate: float
) -> datetime:
    """Move the budget shared by all instances on by `count` sends; the first slot."""
    budget = await session.get(SendBudget, 1, with_for_update=True, populate_existing=True)
    if budget is None:
        # A database made without the migration's row (should not happen): no pacing.
        return now
    first = max(budget.next_slot_at, now)
    budget.next_slot_at = first + timedelta(seconds=count / send_rate)
    return first
