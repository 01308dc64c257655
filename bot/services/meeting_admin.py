"""Meetings from the chat: a coordinator adds, moves or cancels one.

The same rules as the schedule file: checked values, a new revision on every change of
time, place or status, and the members told through the outbox.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.planning.planner import Planner
from bot.services.members import Person
from bot.services.permissions import (
    Action,
    permitted,
    permitted_for_meeting,
)
from bot.services.staff import audit
from storage.models import Meeting, MeetingStatus
from storage.schedule.apply import NOTICEABLE, local_instant


class MeetingNotFound(LookupError):
    """No meeting with that number."""


async def _free_key(session: AsyncSession, workshop_id: int, day: date, start: time | None) -> str:
    """The date as in schedule files; with the start time, or a number, if it is taken."""
    candidates = [day.isoformat()]
    if start is not None:
        candidates.append(f"{day.isoformat()}-{start:%H%M}")
    candidates += [f"{day.isoformat()}-{n}" for n in range(2, 100)]
    taken = set(
        await session.scalars(
            select(Meeting.key).where(
                Meeting.workshop_id == workshop_id, Meeting.key.in_(candidates)
            )
        )
    )
    return next(key for key in candidates if key not in taken)


async def add_meeting(
    session: AsyncSession,
    person: Person,
    *,
    workshop_id: int,
    workshop_key: str,
    day: date,
    start: time | None,
    end: time | None,
    place: str | None,
    zone: ZoneInfo,
    planner: Planner,
) -> Meeting:
    """A new meeting, its notice and its reminders; its key is the date, plus the start
    time if the day is taken."""
    actor = await permitted(
        session, person, Action.MEETINGS, workshop_id=workshop_id, name="add-meeting"
    )
    key = await _free_key(session, workshop_id, day, start)
    meeting = Meeting(
        workshop_id=workshop_id,
        key=key,
        date=day,
        starts_at=local_instant(day, start, zone),
        ends_at=local_instant(day, end, zone),
        place=place,
        agenda=[],
        status=MeetingStatus.SCHEDULED,
        revision=1,
    )
    session.add(meeting)
    await session.flush()
    await audit(
        session, actor, "add-meeting", target=f"{workshop_key} {key}", audience=workshop_key
    )
    await planner.meeting_added(session, meeting)
    return meeting


async def change_meeting(
    session: AsyncSession,
    person: Person,
    meeting_id: int,
    values: dict[str, Any],
    *,
    action: str,
    planner: Planner,
) -> tuple[Meeting, dict[str, tuple[Any, Any]]]:
    """Change fields of a meeting, with the notice and reminders that calls for; returns
    it with the changes (field: (old, new))."""
    actor = await permitted_for_meeting(session, person, Action.MEETINGS, meeting_id, name=action)
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None:
        raise MeetingNotFound(meeting_id)
    changes = {
        name: (getattr(meeting, name), value)
        for name, value in values.items()
        if getattr(meeting, name) != value
    }
    for name, (_, value) in changes.items():
        setattr(meeting, name, value)
    if NOTICEABLE & changes.keys():
        meeting.revision += 1
    await session.flush()
    await audit(
        session,
        actor,
        action,
        target=f"meeting {meeting.id} ({meeting.key})",
        detail=", ".join(sorted(changes)) or "no change",
    )
    if changes:
        await planner.meeting_changed(session, meeting, changes)
    return meeting, changes
