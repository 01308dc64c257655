"""The schedule file (docs/schedule-format.md): read it whole, then apply it in one transaction."""

from storage.schedule.apply import ImportReport, MeetingChange, apply_schedule
from storage.schedule.errors import ScheduleError, ScheduleInvalid
from storage.schedule.read import read_schedule, read_schedule_bytes
from storage.schedule.specs import CsvMeetings, Schedule

__all__ = [
    "CsvMeetings",
    "ImportReport",
    "MeetingChange",
    "Schedule",
    "ScheduleError",
    "ScheduleInvalid",
    "apply_schedule",
    "read_schedule",
    "read_schedule_bytes",
]
