"""Meetings stated in an announcement, applied so that only what the text says changes.

A schedule file states every field of a meeting, so a blank there clears it. A pasted
announcement is different: the press release of December gives 4.3.2009 (Kirkkonummi)
without a time, and pasting it again after the minutes gave "klo 13 – 15.30" must not
take the time away. So a field the announcement does not mention keeps its value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from storage.models import Meeting, Workshop
from storage.schedule.apply import (
    NOTICEABLE,
    ImportReport,
    MeetingChange,
    local_instant,
)
from storage.schedule.errors import ScheduleError, ScheduleInvalid
from storage.schedule.matching import free_key


@dataclass(frozen=True)
class StatedMeeting:
    """A meeting as a text states it; None is "not said", never "none"."""

    workshop: str  # workshop key
    day: date
    start: time | None = None
    end: time | None = None
    place: str | None = None
    venue: str | None = None
    address: str | None = None
    line: int = 0  # where it is stated, 1-based, for messages


async def apply_stated(session: AsyncSession, meetings: Sequence[StatedMeeting]) -> ImportReport:
    """Add the stated meetings that are new and update what is said of the others.

    The caller owns the transaction, as with `apply_schedule`; raises `ScheduleInvalid`
    when a workshop is gone (removed between the preview and the Confirm).
    """
    keys = {meeting.workshop for meeting in meetings}
    workshops = {
        workshop.key: workshop
        for workshop in await session.scalars(
            select(Workshop)
            .where(Workshop.key.in_(keys))
            .options(selectinload(Workshop.meetings), selectinload(Workshop.network))
        )
    }
    errors = [
        ScheduleError("unknown_workshop", line=m.line, params={"value": m.workshop})
        for m in meetings
        if m.workshop not in workshops
    ]
    if errors:
        raise ScheduleInvalid(errors)
    report = ImportReport()
    taken: set[int] = set()  # meetings matched already, by object identity
    # Meetings stated at a time they already have are matched first, so that a text with
    # two meetings on one day never takes the same stored one for both.
    ordered = sorted(
        meetings,
        key=lambda stated: _exact(workshops[stated.workshop], stated) is None,
    )
    for stated in ordered:
        workshop = workshops[stated.workshop]
        zone = ZoneInfo(workshop.network.timezone)
        existing = _same_meeting(workshop, stated, zone, taken)
        if existing is None:
            _add(session, workshop, stated, zone, report)
        else:
            taken.add(id(existing))
            _update(workshop, existing, stated, zone, report)
    await session.flush()
    return report


def _exact(workshop: Workshop, stated: StatedMeeting) -> Meeting | None:
    zone = ZoneInfo(workshop.network.timezone)
    return next(
        (
            meeting
            for meeting in workshop.meetings
            if meeting.date == stated.day
            and stated.start is not None
            and _local_start(meeting, zone) == stated.start
        ),
        None,
    )


def _local_start(meeting: Meeting, zone: ZoneInfo) -> time | None:
    return None if meeting.starts_at is None else meeting.starts_at.astimezone(zone).time()


def _same_meeting(
    workshop: Workshop, stated: StatedMeeting, zone: ZoneInfo, taken: set[int]
) -> Meeting | None:
    """The workshop's meeting that day; with two that day, the one at the stated time."""
    that_day = sorted(
        (
            meeting
            for meeting in workshop.meetings
            if meeting.date == stated.day and id(meeting) not in taken
        ),
        key=lambda meeting: meeting.starts_at or datetime.min.replace(tzinfo=zone),
    )
    if stated.start is not None:
        at_time = [m for m in that_day if _local_start(m, zone) == stated.start]
        if at_time:
            return at_time[0]
        # One meeting that day, its time not decided or now told: that is the one.
        untimed = [m for m in that_day if m.starts_at is None]
        if len(that_day) == 1 or untimed:
            return (untimed or that_day)[0]
        return None
    if stated.place is not None:
        at_place = [m for m in that_day if m.place == stated.place]
        if at_place:
            return at_place[0]
    return that_day[0] if that_day else None


def _stated_values(
    stated: StatedMeeting, zone: ZoneInfo, meeting: Meeting | None
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if stated.start is not None:
        values["starts_at"] = local_instant(stated.day, stated.start, zone)
        if stated.end is not None:
            values["ends_at"] = local_instant(stated.day, stated.end, zone)
        elif (
            meeting is not None
            and meeting.ends_at is not None
            and meeting.ends_at <= values["starts_at"]
        ):
            # A new start after the old end leaves no sensible end: it is no longer known.
            values["ends_at"] = None
    for name in ("place", "venue", "address"):
        if (value := getattr(stated, name)) is not None:
            values[name] = value
    return values


def _add(
    session: AsyncSession,
    workshop: Workshop,
    stated: StatedMeeting,
    zone: ZoneInfo,
    report: ImportReport,
) -> None:
    taken = {meeting.key for meeting in workshop.meetings}
    key = stated.day.isoformat()
    if key in taken:
        # A second meeting the same day: told apart by its time, as schedule files do.
        # Keys never change, so the day's key may be held by a meeting moved in the chat.
        key = free_key(f"{key}-{stated.start:%H%M}" if stated.start else key, taken)
    values = _stated_values(stated, zone, None)
    meeting = Meeting(workshop=workshop, key=key, date=stated.day, **values)
    session.add(meeting)
    report.meetings.append(MeetingChange("added", workshop.key, key, stated.day, values=values))


def _update(
    workshop: Workshop,
    meeting: Meeting,
    stated: StatedMeeting,
    zone: ZoneInfo,
    report: ImportReport,
) -> None:
    changes = {
        name: (getattr(meeting, name), value)
        for name, value in _stated_values(stated, zone, meeting).items()
        if getattr(meeting, name) != value
    }
    if not changes:
        report.meetings_unchanged += 1
        return
    for name, (_, value) in changes.items():
        setattr(meeting, name, value)
    if NOTICEABLE & changes.keys():
        meeting.revision += 1
    report.meetings.append(
        MeetingChange("changed", workshop.key, meeting.key, meeting.date, meeting.id, changes)
    )
