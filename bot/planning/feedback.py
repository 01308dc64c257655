"""Feedback after a meeting: who is asked, decided when its round comes due.

The round (kind `feedback-round`, chat 0) is planned with the meeting's reminders (see
`plan_feedback`). When the dispatcher claims it, it becomes one `feedback` row per member
asked, in the same transaction that marks the round done: so a restart or a second run
asks nobody twice, and the rows' keys (one per member and meeting, whatever the meeting's
revision) keep it so even if a round were opened again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Select, select
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


async def open_rounds(
    session: AsyncSession, rows: Sequence[Outbox], *, now: datetime, policy: ReminderPolicy
) -> list[Outbox]:
    """Turn the claimed rounds among `rows` into questions due now; the other rows back."""
    others = []
    for row in rows:
        if row.kind != FEEDBACK_ROUND:
            others.append(row)
            continue
        meeting = await session.get(Meeting, row.meeting_id) if row.meeting_id else None
        asked, reason = 0, None
        if policy.feedback_delay is None:
            reason = "feedback off"
        elif meeting is None or meeting.status != MeetingStatus.SCHEDULED:
            reason = "meeting cancelled"
        else:
            recipients = await feedback_recipients(session, meeting)
            asked = len(recipients)
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
        # Done here, in the transaction that planned the questions: never opened twice.
        row.status = OutboxStatus.SKIPPED if reason else OutboxStatus.SENT
        row.last_error = reason
        row.sent_at = None if reason else now
        row.payload = {"asked": asked}
        row.claimed_by = row.claimed_until = None
    await session.flush()
    return others
