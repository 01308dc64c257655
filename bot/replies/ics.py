"""Meetings as an iCalendar file (RFC 5545) that calendar apps import.

Each meeting keeps one UID across exports (its workshop and key), and its revision is the
SEQUENCE, so a calendar app updates a moved or cancelled meeting instead of adding a copy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from bot.planning.timing import ASSUMED_LENGTH, meeting_start, reminder_due
from bot.replies.vtimezone import rule_timezone

UID_DOMAIN = "verstas.invalid"
# A meeting with a start but no end is shown as two hours long.
DEFAULT_LENGTH = ASSUMED_LENGTH


@dataclass(frozen=True)
class CalendarMeeting:
    """What a calendar needs of a meeting, already in the reader's language."""

    workshop_key: str
    key: str
    revision: int
    title: str
    day: date
    starts_at: datetime | None
    ends_at: datetime | None
    location: str
    description: str
    cancelled: bool


def meeting_uid(workshop_key: str, meeting_key: str) -> str:
    """The same UID at every export: the workshop and the meeting's stable key."""
    return f"{workshop_key}.{meeting_key}@{UID_DOMAIN}"


def meetings_calendar(
    meetings: Iterable[CalendarMeeting],
    *,
    name: str,
    zone: ZoneInfo,
    alarms: Iterable[timedelta],
    now: datetime,
) -> bytes:
    """The meetings as an .ics file with the zone's VTIMEZONE and an alarm per offset."""
    calendar = Calendar()
    calendar.add("prodid", "-//Verstas//teemaverstaat//FI")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", zone.key)
    offsets = list(alarms)
    listed = list(meetings)
    timed = [m.day for m in listed if m.starts_at is not None]
    timezone = rule_timezone(zone, [*timed, now.date()]) if timed else None
    if timezone is not None:
        # Apps that know no zone by name read the times with this.
        calendar.add_component(timezone)
    for meeting in listed:
        calendar.add_component(_event(meeting, zone, offsets, now))
    # A zone without a yearly rule: icalendar's VTIMEZONE, every change listed.
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def _event(
    meeting: CalendarMeeting, zone: ZoneInfo, offsets: list[timedelta], now: datetime
) -> Event:
    """One meeting as a VEVENT, with an alarm per offset unless it is cancelled."""
    event = Event()
    event.add("uid", meeting_uid(meeting.workshop_key, meeting.key))
    event.add("sequence", meeting.revision)
    event.add("dtstamp", now)
    event.add("summary", meeting.title)
    if meeting.starts_at is None:
        # The time is not decided: an all-day event on the meeting's day.
        event.add("dtstart", meeting.day)
    else:
        event.add("dtstart", meeting.starts_at.astimezone(zone))
        end = meeting.ends_at or meeting.starts_at + DEFAULT_LENGTH
        event.add("dtend", end.astimezone(zone))
    if meeting.location:
        event.add("location", meeting.location)
    if meeting.description:
        event.add("description", meeting.description)
    event.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
    if meeting.cancelled:
        return event
    for offset in offsets:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", meeting.title)
        if meeting.starts_at is None:
            # Counted back from 9.00 like the bot's own reminders, not from the all-day
            # event's midnight; a moved meeting gets a new SEQUENCE and new alarms.
            start = meeting_start(meeting.day, None, zone)
            alarm.add("trigger", reminder_due(start, offset, zone))
        else:
            # Relative to the start, so that a moved meeting moves its alarms too.
            alarm.add("trigger", -offset)
        event.add_component(alarm)
    return event
