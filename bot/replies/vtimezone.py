"""A zone's VTIMEZONE the way calendar apps expect it: one yearly RRULE per observance.

icalendar writes a zone as every past and future change on one comma-joined RDATE line:
valid, but Mozilla's ical.js (Thunderbird, Nextcloud) and vobject read only the first
date of such a line and put summer meetings an hour late. The zone's present rule, e.g.
"last Sunday of March at 03.00", is read from its changes in the years the calendar
covers and written as an RRULE, as tzurl.org and the apps' own zone files do. A zone
whose changes follow no such rule keeps icalendar's VTIMEZONE.
"""

from __future__ import annotations

import calendar as weekdays
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

# Observances start in 1970, as in tzurl.org's files: before any meeting of the calendar.
EPOCH_YEAR = 1970
# Zones change on a quarter hour at the finest (Lord Howe: half an hour).
STEP = timedelta(minutes=15)
DAY_NAMES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Change:
    """One yearly change: the n-th (or, -1, last) weekday of a month at a local time."""

    month: int
    week: int
    weekday: int
    local_time: timedelta
    offset_from: timedelta
    offset_to: timedelta
    name: str
    daylight: bool

    def local_start(self, year: int) -> datetime:
        """The local wall time (before the change) when it happens in `year`."""
        days = [
            day
            for day in weekdays.Calendar().itermonthdates(year, self.month)
            if day.month == self.month and day.weekday() == self.weekday
        ]
        return (
            datetime.combine(
                days[self.week if self.week < 0 else self.week - 1], datetime.min.time()
            )
            + self.local_time
        )


def _offset(zone: ZoneInfo, moment: datetime) -> timedelta:
    offset = moment.astimezone(zone).utcoffset()
    assert offset is not None
    return offset


@lru_cache(maxsize=64)
def _changes_in(zone: ZoneInfo, year: int) -> tuple[Change, ...]:
    """The zone's changes in `year`, found by stepping through it in UTC."""
    moment = datetime(year, 1, 1, tzinfo=UTC) - timedelta(hours=14)
    end = datetime(year + 1, 1, 1, tzinfo=UTC) - timedelta(hours=14)
    before = _offset(zone, moment)
    changes = []
    while moment < end:
        moment += STEP
        after = _offset(zone, moment)
        if after != before:
            local = (moment + before).replace(tzinfo=None)
            last_week = local.day + 7 > weekdays.monthrange(local.year, local.month)[1]
            changes.append(
                Change(
                    month=local.month,
                    week=-1 if last_week else (local.day - 1) // 7 + 1,
                    weekday=local.weekday(),
                    local_time=local - datetime.combine(local.date(), datetime.min.time()),
                    offset_from=before,
                    offset_to=after,
                    name=moment.astimezone(zone).tzname() or "",
                    daylight=bool(moment.astimezone(zone).dst()),
                )
            )
        before = after
    return tuple(changes)


def _holds(zone: ZoneInfo, change: Change, year: int) -> bool:
    """True if the change happens in `year` as the rule says."""
    start = change.local_start(year) - change.offset_from
    instant = start.replace(tzinfo=UTC)
    return (
        _offset(zone, instant - STEP) == change.offset_from
        and _offset(zone, instant) == change.offset_to
    )


def yearly_changes(zone: ZoneInfo, first: int, last: int) -> tuple[Change, ...] | None:
    """The zone's yearly rule if it held every year from `first` to `last`; None if not."""
    changes = _changes_in(zone, last)
    if len(changes) != 2 or changes != _changes_in(zone, first):
        return None
    if all(_holds(zone, c, year) for c in changes for year in range(first, last + 1)):
        return changes
    return None


def _fixed_offset(zone: ZoneInfo, first: int, last: int) -> timedelta | None:
    """The zone's one offset if it had no changes from `first` to `last`."""
    if _changes_in(zone, first) or _changes_in(zone, last):
        return None
    offsets = {
        _offset(zone, datetime(year, month, 1, tzinfo=UTC))
        for year in range(first, last + 1)
        for month in (1, 7)
    }
    return offsets.pop() if len(offsets) == 1 else None


def _observance(change: Change) -> TimezoneDaylight | TimezoneStandard:
    observance = TimezoneDaylight() if change.daylight else TimezoneStandard()
    observance.add("dtstart", change.local_start(EPOCH_YEAR))
    observance.add("tzoffsetfrom", change.offset_from)
    observance.add("tzoffsetto", change.offset_to)
    observance.add("tzname", change.name)
    byday = f"{change.week}{DAY_NAMES[change.weekday]}"
    observance.add("rrule", {"freq": "yearly", "bymonth": change.month, "byday": byday})
    return observance


def rule_timezone(zone: ZoneInfo, days: list[date]) -> Timezone | None:
    """A VTIMEZONE with a yearly RRULE per observance, right for every day of `days`; a
    single observance for a zone without changes; None when neither is true."""
    first, last = min(days).year, max(days).year
    timezone = Timezone()
    timezone.add("tzid", zone.key)
    offset = _fixed_offset(zone, first, last)
    if offset is not None:
        standard = TimezoneStandard()
        standard.add("dtstart", datetime.combine(date(EPOCH_YEAR, 1, 1), datetime.min.time()))
        standard.add("tzoffsetfrom", offset)
        standard.add("tzoffsetto", offset)
        standard.add("tzname", datetime(last, 1, 1, tzinfo=zone).tzname() or zone.key)
        timezone.add_component(standard)
        return timezone
    changes = yearly_changes(zone, first, last)
    if changes is None:
        return None
    for change in changes:
        timezone.add_component(_observance(change))
    return timezone
