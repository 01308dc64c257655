"""Feedback after a meeting: who is asked, decided when its round comes due.

The round (kind `feedback-round`, chat 0) is planned with the meeting's reminders (see
`plan_feedback`). When the dispatcher claims it, it becomes one `feedback` row per member
asked, in the same transaction that marks the round done: so a restart or a second run
asks nobody twice, and the rows' keys (one per member and meeting, whatever the meeting's
revision) keep it so even if a round were opened again.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.planning.outbox import (
    FEEDBACK,
    FEEDBACK_ROUND,
    PlannedRow,
    ReminderPolicy,
    insert_rows,
)
from storage.models import (
    Meeting,
    MeetingStatus,
    Member,
    Outbox,
    OutboxStatus,
    Rsvp,
    RsvpAnswer,
    workshop_municipality,
)

log = logging.getLogger(__name__)


def feedback_subject(meeting_id: int) -> str:
    """The subject of a meeting's feedback questions: one per member, whatever its revision."""
    return f"feedback:{meeting_id}"


def said_going(meeting_id: int) -> Select[int, int]:
    """Active members who said they would come: (member id, Telegram id)."""
    return (
        select(Member.id, Member.telegram_id)
        .join(Rsvp, Rsvp.member_id == Member.id)
        .where(Rsvp.meeting_id == meeting_id, Rsvp.answer == RsvpAnswer.GOING, Member.active)
    )


def of_its_municipalities(workshop_id: int) -> Select[int, int]:
    """Active members of the workshop's municipalities: (member id, Telegram id)."""
    towns = select(workshop_municipality.c.municipality_id).where(
        workshop_municipality.c.workshop_id == workshop_id
    )
    return select(Member.id, Member.telegram_id).where(
        Member.active, Member.municipality_id.in_(towns)
    )


async def feedback_recipients(session: AsyncSession, meeting: Meeting) -> list[tuple[int, int]]:
    """Those who said they would come; if nobody did, every member of its municipalities."""
    going = [(m, chat) for m, chat in await session.execute(said_going(meeting.id))]
    if going:
        return going
    towns = of_its_municipalities(meeting.workshop_id)
    return [(m, chat) for m, chat in await session.execute(towns)]


async def _open(
    session: AsyncSession, row: Outbox, *, now: datetime, policy: ReminderPolicy
) -> tuple[int, str | None]:
    """Plan one round's questions; how many were asked, or why none."""
    meeting = await session.get(Meeting, row.meeting_id) if row.meeting_id else None
    if policy.feedback_delay is None:
        return 0, "feedback off"
    if meeting is None or meeting.status != MeetingStatus.SCHEDULED:
        return 0, "meeting cancelled"
    recipients = await feedback_recipients(session, meeting)
    await insert_rows(
        session,
        [
            PlannedRow(
                (FEEDBACK, chat_id, feedback_subject(meeting.id), 0),
                member_id,
                meeting.id,
                now,
                {},
            )
            for member_id, chat_id in recipients
        ],
    )
    return len(recipients), None


async def open_rounds(
    session: AsyncSession, rows: Sequence[Outbox], *, now: datetime, policy: ReminderPolicy
) -> list[Outbox]:
    """Turn the claimed rounds among `rows` into questions due now; the other rows back."""
    others = []
    for row in rows:
        if row.kind != FEEDBACK_ROUND:
            others.append(row)
            continue
        try:
            async with session.begin_nested():
                asked, reason = await _open(session, row, now=now, policy=policy)
            status = OutboxStatus.SKIPPED if reason else OutboxStatus.SENT
        except (SQLAlchemyError, OSError):
            raise  # the database went away: the whole batch is tried again
        except Exception as error:
            # A bug fails this round alone, not every batch it would be claimed in.
            log.exception("feedback round %s could not be opened", row.id)
            asked, status = 0, OutboxStatus.FAILED
            reason = f"unexpected: {type(error).__name__}: {error}"
        # Done here, in the transaction that planned the questions: never opened twice.
        row.status = status
        row.last_error = reason
        row.sent_at = None if reason else now
        row.payload = {"asked": asked}
        row.claimed_by = row.claimed_until = None
    await session.flush()
    return others
