"""/calendar: the meetings of one's workshops as an .ics file."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.calendar import CalendarMeeting, meetings_calendar
from bot.outbox.planning import ReminderPolicy
from bot.reply import Reply
from bot.runtime import Runtime
from bot.services.directory import load_directory
from bot.services.members import Visitor, greet_member, participant_of
from storage.models import Meeting


@dataclass(frozen=True)
class CalendarFile:
    """The reply and the file."""

    reply: Reply
    content: bytes
    file_name: str = "verstas.ics"


async def calendar_reply(session: AsyncSession, runtime: Runtime, visitor: Visitor) -> CalendarFile:
    """Every meeting of the workshops one follows (all workshops before registering)."""
    texts, zone = runtime.texts, runtime.settings.bot_timezone
    participant = await participant_of(session, visitor)
    language = participant.language
    directory = await load_directory(session)
    workshop_ids = participant.workshop_ids or {w.id for w in directory.workshops}
    meetings = await session.scalars(
        select(Meeting).where(Meeting.workshop_id.in_(workshop_ids)).order_by(Meeting.date)
    )
    entries = []
    for meeting in meetings:
        workshop = directory.workshop_by_id(meeting.workshop_id)
        if workshop is None:
            continue
        name = workshop.title(language)
        place = [directory.town_title(meeting.place, language)] if meeting.place else []
        entries.append(
            CalendarMeeting(
                workshop_key=workshop.key,
                key=meeting.key,
                revision=meeting.revision,
                title=f"{name}: {meeting.title}" if meeting.title else name,
                day=meeting.date,
                starts_at=meeting.starts_at,
                ends_at=meeting.ends_at,
                location=", ".join([*place, *(p for p in (meeting.venue, meeting.address) if p)]),
                description="\n".join(meeting.agenda),
                cancelled=meeting.status.value == "cancelled",
            )
        )
    member = await greet_member(session, visitor, admin_ids=runtime.settings.bot_admin_ids)
    content = meetings_calendar(
        entries,
        name=texts(language, "calendar-name"),
        zone=zone,
        alarms=ReminderPolicy.from_settings(runtime.settings).offsets_of(member),
        now=runtime.clock(),
    )
    return CalendarFile(Reply(texts(language, "calendar-sent", count=len(entries))), content)
