"""When a reminder is due: offsets before a meeting, in local time, outside quiet hours."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from config.settings import QuietHours

# A meeting whose time is not decided is reminded of as if it began at this local time.
UNDECIDED_TIME_ANCHOR = time(9, 0)
# A meeting with a start but no end is taken to last this long (as the calendar shows it).
ASSUMED_LENGTH = timedelta(hours=2)
# A meeting whose time is not decided is taken to be over by this local time of its day.
UNDECIDED_END = time(16, 0)


def meeting_start(day: date, starts_at: datetime | None, zone: ZoneInfo) -> datetime:
    """The instant reminders count back from."""
    if starts_at is not None:
        return starts_at
    return datetime.combine(day, UNDECIDED_TIME_ANCHOR, tzinfo=zone)


def meeting_end(
    day: date, starts_at: datetime | None, ends_at: datetime | None, zone: ZoneInfo
) -> datetime:
    """The instant a meeting is over: its end, its start plus two hours, or 16.00 on its day."""
    if ends_at is not None:
        return ends_at
    if starts_at is not None:
        return starts_at + ASSUMED_LENGTH
    return datetime.combine(day, UNDECIDED_END, tzinfo=zone)


def reminder_due(start: datetime, offset: timedelta, zone: ZoneInfo) -> datetime:
    """`start` minus `offset`: whole days in local calendar days, the rest in elapsed time.

    "One day before" a meeting at 9.00 on the Monday after the spring change to summer
    time is 9.00 on the Sunday, which is 23 hours earlier, not 24.
    """
    local = start.astimezone(zone)
    days = timedelta(days=offset.days)
    wall = (local.replace(tzinfo=None) - days).replace(tzinfo=zone)
    return (wall.astimezone(UTC) - (offset - days)).astimezone(UTC)


def quiet_period(
    due: datetime, quiet: QuietHours | None, zone: ZoneInfo
) -> tuple[datetime, datetime] | None:
    """The quiet hours `due` falls in, as their local beginning and end; None outside them."""
    if quiet is None:
        return None
    local = due.astimezone(zone)
    clock = local.time()
    begins, ends = quiet.begins, quiet.ends
    if begins < ends:
        inside = begins <= clock < ends
        began_on = local.date()
    else:
        # Across midnight (21-08): after 21.00 they began today, before 8.00 yesterday.
        inside = clock >= begins or clock < ends
        began_on = local.date() if clock >= begins else local.date() - timedelta(days=1)
    if not inside:
        return None
    ends_on = began_on if begins < ends else began_on + timedelta(days=1)
    return (
        datetime.combine(began_on, begins, tzinfo=zone),
        datetime.combine(ends_on, ends, tzinfo=zone),
    )


def outside_quiet_hours(due: datetime, quiet: QuietHours | None, zone: ZoneInfo) -> datetime:
    """A due time inside quiet hours moves to one minute before they began."""
    period = quiet_period(due, quiet, zone)
    if period is None:
        return due
    return (period[0] - timedelta(minutes=1)).astimezone(UTC)


def after_quiet_hours(due: datetime, quiet: QuietHours | None, zone: ZoneInfo) -> datetime:
    """A due time inside quiet hours moves to the moment they end (a question after a
    meeting can wait for the morning; a reminder cannot)."""
    period = quiet_period(due, quiet, zone)
    if period is None:
        return due
    return period[1].astimezone(UTC)
