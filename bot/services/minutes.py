"""Minutes of past meetings: coordinators attach them, everyone reads them, the archive.

The role check is here, like every coordinator's action: a member who tries to attach
minutes, by command, caption or a forged button, is refused and the refusal is logged.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.meeting_admin import MeetingNotFound
from bot.services.members import Person
from bot.services.permissions import (
    Action,
    permitted_for_meeting,
)
from bot.services.staff import audit
from storage.models import Meeting, MeetingStatus, Member, Minutes, MinutesRequest

# How long `/minutes KEY` waits for the coordinator's text or file: long enough to find
# the file, short enough that a question asked tomorrow is not taken for minutes.
MINUTES_WAIT = timedelta(minutes=15)
# The Bot API lets a bot download files up to 20 MB; a copy is kept of every file.
MAX_FILE_BYTES = 20 * 1024 * 1024
ARCHIVE_PAGE_SIZE = 10


class MeetingNotStarted(Exception):
    """Minutes belong to a meeting that has been held; this one is still ahead."""


class MeetingCancelled(Exception):
    """A cancelled meeting has no minutes."""


@dataclass(frozen=True)
class MinutesFile:
    """A document of the minutes: Telegram's file id, its name and a copy of its bytes."""

    file_id: str
    file_name: str
    content: bytes | None = None


@dataclass(frozen=True)
class NewMinutes:
    """What a coordinator sent: text (Telegram HTML), a document, or both."""

    text: str | None = None
    file: MinutesFile | None = None


def has_started(meeting: Meeting, now: datetime, zone: ZoneInfo) -> bool:
    """Started: its start has passed; with no time decided, its day is over (as /meetings)."""
    if meeting.starts_at is not None:
        return meeting.starts_at <= now
    return meeting.date < now.astimezone(zone).date()


def _past(now: datetime, zone: ZoneInfo) -> ColumnElement[bool]:
    today = now.astimezone(zone).date()
    return or_(Meeting.starts_at <= now, and_(Meeting.starts_at.is_(None), Meeting.date < today))


async def minutes_of(session: AsyncSession, meeting_id: int) -> Minutes | None:
    """The minutes of a meeting, if any."""
    return await session.scalar(select(Minutes).where(Minutes.meeting_id == meeting_id))


async def _attachable(
    session: AsyncSession, meeting_id: int, *, now: datetime, zone: ZoneInfo
) -> Meeting:
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None:
        raise MeetingNotFound(meeting_id)
    if meeting.status == MeetingStatus.CANCELLED:
        raise MeetingCancelled(meeting_id)
    if not has_started(meeting, now, zone):
        raise MeetingNotStarted(meeting_id)
    return meeting


async def attach_minutes(
    session: AsyncSession,
    person: Person,
    meeting_id: int,
    new: NewMinutes,
    *,
    now: datetime,
    zone: ZoneInfo,
) -> tuple[Meeting, Minutes, bool]:
    """Attach or replace minutes; returns the meeting, the minutes and whether they replaced
    earlier ones. New text replaces the text, a new file the file; the other part stays."""
    actor = await permitted_for_meeting(session, person, Action.MINUTES, meeting_id)
    meeting = await _attachable(session, meeting_id, now=now, zone=zone)
    minutes = await minutes_of(session, meeting.id)
    replaced = minutes is not None
    if minutes is None:
        minutes = Minutes(meeting_id=meeting.id, version=1)
        session.add(minutes)
    else:
        minutes.version += 1
    if new.text:
        minutes.text = new.text
    if new.file is not None:
        minutes.file_id = new.file.file_id
        minutes.file_name = new.file.file_name[:300]
        minutes.file_content = new.file.content
    minutes.author_id = actor.id
    minutes.attached_at = now
    await session.execute(
        delete(MinutesRequest).where(MinutesRequest.telegram_id == actor.telegram_id)
    )
    await session.flush()
    parts = (["text"] if new.text else []) + ([f"file {new.file.file_name}"] if new.file else [])
    await audit(
        session,
        actor,
        "minutes-replace" if replaced else "minutes",
        target=f"meeting {meeting.id} ({meeting.key})",
        detail=f"version {minutes.version}: {', '.join(parts)}",
    )
    return meeting, minutes, replaced


async def request_minutes(
    session: AsyncSession,
    person: Person,
    meeting_id: int,
    *,
    now: datetime,
    zone: ZoneInfo,
) -> Meeting:
    """`/minutes KEY` alone from a coordinator: their next text or file is the minutes."""
    actor = await permitted_for_meeting(session, person, Action.MINUTES, meeting_id)
    meeting = await _attachable(session, meeting_id, now=now, zone=zone)
    await session.execute(
        delete(MinutesRequest).where(MinutesRequest.telegram_id == actor.telegram_id)
    )
    session.add(
        MinutesRequest(telegram_id=actor.telegram_id, meeting_id=meeting.id, created_at=now)
    )
    await session.flush()
    return meeting


async def awaited_meeting(session: AsyncSession, telegram_id: int, *, now: datetime) -> int | None:
    """The meeting whose minutes this user was asked to send now, if any."""
    request = await session.scalar(
        select(MinutesRequest).where(MinutesRequest.telegram_id == telegram_id)
    )
    if request is None:
        return None
    if request.created_at <= now - MINUTES_WAIT:
        await session.delete(request)
        return None
    return request.meeting_id


async def drop_request(session: AsyncSession, telegram_id: int) -> bool:
    """Stop waiting for minutes from this user; False if nothing was waited for."""
    result = await session.execute(
        delete(MinutesRequest).where(MinutesRequest.telegram_id == telegram_id)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def renew_file_id(session: AsyncSession, meeting_id: int, file_id: str) -> None:
    """Remember the file id Telegram gave an uploaded copy (after a change of bot token)."""
    minutes = await minutes_of(session, meeting_id)
    if minutes is not None:
        minutes.file_id = file_id
        await session.flush()


async def author_name(session: AsyncSession, minutes: Minutes) -> str | None:
    """The name of whoever attached the minutes; None once they have been forgotten."""
    if minutes.author_id is None:
        return None
    return await session.scalar(select(Member.name).where(Member.id == minutes.author_id))


@dataclass(frozen=True)
class ArchiveEntry:
    """A past meeting in the archive, and what its minutes hold."""

    meeting: Meeting
    has_text: bool
    has_file: bool

    @property
    def has_minutes(self) -> bool:
        """Whether anything was attached."""
        return self.has_text or self.has_file


@dataclass(frozen=True)
class ArchivePage:
    """One page of the archive, newest first."""

    entries: tuple[ArchiveEntry, ...]
    page: int
    total: int

    @property
    def pages(self) -> int:
        """How many pages there are in all."""
        return max(1, -(-self.total // ARCHIVE_PAGE_SIZE))

    @property
    def first_number(self) -> int:
        """The position of the page's first meeting in the whole list, from 1."""
        return (self.page - 1) * ARCHIVE_PAGE_SIZE + 1


async def archive_page(
    session: AsyncSession,
    workshop_ids: Collection[int] | None,
    *,
    page: int,
    now: datetime,
    zone: ZoneInfo,
) -> ArchivePage:
    """Past meetings that took place (not cancelled), newest first, with their minutes."""
    query = select(Meeting).where(Meeting.status == MeetingStatus.SCHEDULED, _past(now, zone))
    if workshop_ids is not None:
        query = query.where(Meeting.workshop_id.in_(list(workshop_ids)))
    total = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = await session.execute(
        query.add_columns(Minutes.text.is_not(None), Minutes.file_id.is_not(None))
        .outerjoin(Minutes, Minutes.meeting_id == Meeting.id)
        .order_by(Meeting.date.desc(), Meeting.starts_at.desc().nulls_last(), Meeting.id.desc())
        .offset((page - 1) * ARCHIVE_PAGE_SIZE)
        .limit(ARCHIVE_PAGE_SIZE)
    )
    entries = tuple(
        ArchiveEntry(meeting, bool(has_text), bool(has_file))
        for meeting, has_text, has_file in rows
    )
    return ArchivePage(entries, page, total)
