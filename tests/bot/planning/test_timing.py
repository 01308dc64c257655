"""Reminder instants around the daylight-saving changes of Helsinki, and quiet hours."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.planning.timing import meeting_start, outside_quiet_hours, reminder_due
from config.settings import QuietHours, parse_offsets

HELSINKI = ZoneInfo("Europe/Helsinki")
QUIET = QuietHours(time(21), time(8))


def utc(text: str) -> datetime:
    return datetime.strptime(text, "%d.%m.%Y %H:%M").replace(tzinfo=UTC)


def local(text: str) -> datetime:
    return datetime.strptime(text, "%d.%m.%Y %H:%M").replace(tzinfo=HELSINKI)


@pytest.mark.parametrize(
    ("meeting", "offset", "due_utc"),
    [
        # Spring: summer time begins on Sunday 29.3.2009 at 3.00 (EET +2 → EEST +3).
        ("30.3.2009 09:00", "1d", "29.3.2009 06:00"),  # Sunday 9.00 EEST: 23 h before
        ("30.3.2009 09:00", "7d", "23.3.2009 07:00"),  # Monday 9.00 EET
        ("30.3.2009 09:00", "2h", "30.3.2009 04:00"),  # Monday 7.00 EEST
        ("29.3.2009 12:00", "12h", "28.3.2009 21:00"),  # 12 elapsed hours: 23.00 EET
        # Autumn: summer time ends on Sunday 25.10.2009 at 4.00 (EEST +3 → EET +2).
        ("26.10.2009 09:00", "1d", "25.10.2009 07:00"),  # Sunday 9.00 EET: 25 h before
        ("26.10.2009 09:00", "7d", "19.10.2009 06:00"),  # Monday 9.00 EEST
        ("25.10.2009 12:00", "12h", "24.10.2009 22:00"),  # 12 elapsed hours: 1.00 EEST
        # Days and hours together: the days in the calendar, the rest in elapsed time.
        ("30.3.2009 09:00", "25h", "29.3.2009 05:00"),
    ],
)
def test_reminders_are_due_at_the_right_instants_across_daylight_saving_changes(
    meeting: str, offset: str, due_utc: str
) -> None:
    [parsed] = parse_offsets(offset)
    assert reminder_due(local(meeting), parsed, HELSINKI) == utc(due_utc)


def test_a_meeting_without_a_time_is_reminded_of_from_nine_in_the_morning() -> None:
    start = meeting_start(date(2009, 3, 25), None, HELSINKI)
    assert start == local("25.3.2009 09:00")


@pytest.mark.parametrize(
    ("due", "sent"),
    [
        ("3.3.2009 20:00", "3.3.2009 20:00"),  # before quiet hours: unchanged
        ("3.3.2009 21:30", "3.3.2009 20:59"),  # in the evening: just before 21.00
        ("4.3.2009 07:30", "3.3.2009 20:59"),  # early morning: the evening before
        ("4.3.2009 08:00", "4.3.2009 08:00"),  # quiet hours are over
        ("29.3.2009 02:30", "28.3.2009 20:59"),  # the night summer time begins
    ],
)
def test_quiet_hours_move_a_reminder_to_just_before_they_begin(due: str, sent: str) -> None:
    assert outside_quiet_hours(local(due), QUIET, HELSINKI) == local(sent).astimezone(UTC)
    assert outside_quiet_hours(local(due), None, HELSINKI) == local(due)


def test_quiet_hours_within_one_day() -> None:
    lunch = QuietHours(time(12), time(13))
    assert outside_quiet_hours(local("4.3.2009 12:30"), lunch, HELSINKI) == (
        local("4.3.2009 11:59").astimezone(UTC)
    )
    assert outside_quiet_hours(local("4.3.2009 13:00"), lunch, HELSINKI) == local("4.3.2009 13:00")


def test_offsets_are_whole_seconds() -> None:
    assert parse_offsets("30s,10s") == (timedelta(seconds=30), timedelta(seconds=10))
