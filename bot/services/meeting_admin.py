"""Meetings from the chat: a coordinator adds, moves or cancels one.

The same rules as the schedule file: checked values, a new revision on every change of
time, place or status, and the members told through the outbox.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.planning.outbox import ADDED, CANCELLATION, CHANGE
from bot.planning.planner import Planner
from bot.services.members import Person
from bot.services.permissions import Action, permitted, permitted_for_meeting
from bot.services.staff import audit
from storage.models import (
    Announcement,
    AnnouncementState,
    Meeting,
    MeetingStatus,
    Member,
    Outbox,
    PendingImport,
)
from storage.schedule.apply import NOTICEABLE, local_instant


class MeetingNotFound(LookupError):
    """No meeting with that number."""


# A change waiting for Confirm is kept as a pending upload under this name: it lives in the
# database like a schedule file's preview (any instance can take the Confirm) and is purged
# with them after a day.
PENDING_CHANGE = "meeting-change.json"


async def last_outbox_row(session: AsyncSession) -> int:
    """The newest row of the outbox (0 for none): a dry run's rows are those after it."""
    return int(await session.scalar(select(func.max(Outbox.id))) or 0)


async def notices_planned(
    session: AsyncSession, meeting_id: int, after_row: int
) -> tuple[int, str | None, dict[str, Any]]:
    """How many notices about the meeting were planned after `after_row`, their kind and
    payload; read inside a dry run, this is exactly what Confirm would send."""
    notice = (
        (Outbox.id > after_row)
        & (Outbox.meeting_id == meeting_id)
        & Outbox.kind.in_([ADDED, CHANGE, CANCELLATION])
    )
    count = await session.scalar(select(func.count()).select_from(Outbox).where(notice))
    first = await session.scalar(select(Outbox).where(notice).order_by(Outbox.id).limit(1))
    if first is None:
        return 0, None, {}
    return int(count or 0), first.kind, dict(first.payload or {})


async def keep_pending_change(session: AsyncSession, person: Person, change: str) -> int:
    """Keep a previewed change (as JSON) until its author confirms or cancels it."""
    pending = PendingImport(
        telegram_id=person.telegram_id, file_name=PENDING_CHANGE, content=change.encode()
    )
    session.add(pending)
    await session.flush()
    return pending.id


async def take_pending_change(
    session: AsyncSession, person: Person, pending_id: int | None
) -> str | None:
    """The author's pending change (the given one, or their latest), taken away: a change
    is confirmed or cancelled once. None when there is none (or it is someone else's)."""
    query = select(PendingImport).where(
        PendingImport.file_name == PENDING_CHANGE,
        PendingImport.telegram_id == person.telegram_id,
    )
    if pending_id is not None:
        query = query.where(PendingImport.id == pending_id)
    pending = await session.scalar(query.order_by(PendingImport.id.desc()).limit(1))
    if pending is None:
        return None
    await session.delete(pending)
    return pending.content.decode()


async def change_is_latest(session: AsyncSession, person: Person) -> bool:
    """Whether the person's latest preview is a meeting change rather than a broadcast
    draft: a typed /confirm or /cancel is about the latest."""
    # Latest by time of creation (no max(): SQLite would hand the time back as text).
    change_at = await session.scalar(
        select(PendingImport.created_at)
        .where(
            PendingImport.file_name == PENDING_CHANGE,
            PendingImport.telegram_id == person.telegram_id,
        )
        .order_by(PendingImport.created_at.desc())
        .limit(1)
    )
    if change_at is None:
        return False
    draft_at = await session.scalar(
        select(Announcement.created_at)
        .join(Member, Member.id == Announcement.author_id)
        .where(
            Announcement.state == AnnouncementState.DRAFT,
            Member.telegram_id == person.telegram_id,
        )
        .order_by(Announcement.created_at.desc())
        .limit(1)
    )
    return draft_at is None or change_at >= draft_at


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
    venue: str | None = None,
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
        venue=venue,
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


# The guided /addmeeting or /editmeeting dialogue's answers so far, one per person, kept
# like a pending change: in the database, so that a restart or another instance carries on.
DIALOGUE = "meeting-dialogue.json"


async def load_dialogue(session: AsyncSession, telegram_id: int) -> str | None:
    """The person's dialogue state (JSON), or None when they are in no dialogue."""
    found = await session.scalar(
        select(PendingImport.content)
        .where(PendingImport.file_name == DIALOGUE, PendingImport.telegram_id == telegram_id)
        .order_by(PendingImport.id.desc())
        .limit(1)
    )
    return None if found is None else found.decode()


async def save_dialogue(session: AsyncSession, telegram_id: int, state: str | None) -> None:
    """Replace the person's dialogue state; None ends the dialogue."""
    await session.execute(
        delete(PendingImport).where(
            PendingImport.file_name == DIALOGUE, PendingImport.telegram_id == telegram_id
        )
    )
    if state is not None:
        session.add(
            PendingImport(telegram_id=telegram_id, file_name=DIALOGUE, content=state.encode())
        )
        await session.flush()
