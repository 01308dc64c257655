"""Planning the notices about meetings: one added, changed, cancelled or given its minutes,
and all of them after a schedule import. Each goes to the meeting's recipients now, in
the same transaction as the change, and replans the meeting's reminders where its time
moved (see `outbox` for the rows and their keys).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.planning.outbox import (
    ADDED,
    CANCELLATION,
    CHANGE,
    MINUTES,
    PlannedRow,
    Recipient,
    ReminderPolicy,
    insert_rows,
    meeting_subject,
    plan_meeting,
    recipients_of,
)
from bot.planning.timing import meeting_start
from storage.models import Meeting, MeetingStatus, Member, Rsvp, RsvpAnswer, Workshop
from storage.schedule import ImportReport
from storage.schedule.apply import NOTICEABLE


async def notify_change(
    session: AsyncSession,
    meeting: Meeting,
    changes: Mapping[str, tuple[Any, Any]],
    *,
    now: datetime,
    policy: ReminderPolicy,
) -> int:
    """Tell the members of a moved or cancelled meeting, and re-plan its reminders."""
    noticeable = {name: change for name, change in changes.items() if name in NOTICEABLE}
    if "starts_at" in noticeable or "ends_at" in noticeable:
        # A notice shows the whole time range before and after, even if one end moved.
        noticeable.setdefault("starts_at", (meeting.starts_at, meeting.starts_at))
        noticeable.setdefault("ends_at", (meeting.ends_at, meeting.ends_at))
    start = meeting_start(meeting.date, meeting.starts_at, policy.zone)
    old_start = _old_start(meeting, noticeable, policy.zone)
    added = 0
    # Only news about a meeting still ahead (before or after the change) is worth sending.
    if noticeable and max(start, old_start) > now:
        kind = CANCELLATION if meeting.status == MeetingStatus.CANCELLED else CHANGE
        payload = {
            "changes": {name: [_plain(old), _plain(new)] for name, (old, new) in noticeable.items()}
        }
        recipients = await recipients_of(session, meeting.workshop_id, policy)
        added = await insert_rows(
            session,
            [
                PlannedRow(
                    (kind, r.chat_id, meeting_subject(meeting), 0),
                    r.member_id,
                    meeting.id,
                    now,
                    payload,
                )
                for r in recipients
            ],
        )
    await plan_meeting(session, meeting, now=now, policy=policy)
    return added


async def notify_added(
    session: AsyncSession, meeting: Meeting, *, now: datetime, policy: ReminderPolicy
) -> int:
    """Tell the members of a workshop about a new meeting ahead, and plan its reminders."""
    added = 0
    start = meeting_start(meeting.date, meeting.starts_at, policy.zone)
    if start > now and meeting.status == MeetingStatus.SCHEDULED:
        recipients = await recipients_of(session, meeting.workshop_id, policy)
        added = await insert_rows(
            session,
            [
                PlannedRow(
                    (ADDED, r.chat_id, meeting_subject(meeting), 0),
                    r.member_id,
                    meeting.id,
                    now,
                    {},
                )
                for r in recipients
            ],
        )
    return added + await plan_meeting(session, meeting, now=now, policy=policy)


async def notify_minutes(
    session: AsyncSession, meeting: Meeting, *, now: datetime, policy: ReminderPolicy
) -> int:
    """Tell those concerned that a meeting's minutes are there: the workshop's members and
    linked groups, and whoever said they were coming or might. Once per meeting: a
    replacement is not announced again, since the notice's button shows the latest."""
    recipients = await recipients_of(session, meeting.workshop_id, policy)
    answered = await session.scalars(
        select(Member)
        .join(Rsvp, Rsvp.member_id == Member.id)
        .where(
            Rsvp.meeting_id == meeting.id,
            Rsvp.answer.in_([RsvpAnswer.GOING, RsvpAnswer.MAYBE]),
            Member.active,
        )
    )
    chats = {r.chat_id for r in recipients}
    recipients += [
        Recipient(m.telegram_id, m.id, ()) for m in answered if m.telegram_id not in chats
    ]
    return await insert_rows(
        session,
        [
            PlannedRow(
                (MINUTES, r.chat_id, f"minutes:{meeting.id}", 0), r.member_id, meeting.id, now, {}
            )
            for r in recipients
        ],
    )


def _old_start(
    meeting: Meeting, changes: Mapping[str, tuple[Any, Any]], zone: ZoneInfo
) -> datetime:
    day = changes["date"][0] if "date" in changes else meeting.date
    starts_at = changes["starts_at"][0] if "starts_at" in changes else meeting.starts_at
    return meeting_start(day, starts_at, zone)


def _plain(value: Any) -> Any:
    """A value as JSON keeps it: instants and days as ISO text, choices as their value."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


async def plan_after_import(
    session: AsyncSession, report: ImportReport, *, now: datetime, policy: ReminderPolicy
) -> int:
    """Reminders for new meetings; notices and new reminders for moved or cancelled ones."""
    added = 0
    for change in report.meetings:
        if change.kind not in {"added", "changed", "cancelled"}:
            continue
        meeting = await session.scalar(
            select(Meeting)
            .join(Workshop)
            .where(Workshop.key == change.workshop_key, Meeting.key == change.meeting_key)
        )
        if meeting is None:
            continue
        if change.kind == "added":
            added += await notify_added(session, meeting, now=now, policy=policy)
        else:
            added += await notify_change(session, meeting, change.fields, now=now, policy=policy)
    return added
