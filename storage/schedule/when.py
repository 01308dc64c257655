"""Dates and times as Finnish and Swedish coordinators write them, read in one place.

The chat (`/addmeeting`, `/editmeeting`, date polls) and the schedule importer read the same
forms, so a time that works in one works in the other:

- times: `13`, `9.30`, `09:30`, `klo 9.30`, `kello 13`, `kl. 13`, `kl 13`, `at 13`;
- time ranges: `klo 9.30–12`, `9.30-12`, `13-15`, `13:00–15:30`, `13 - 15` (hyphen, en or
  em dash);
- dates: `25.3.2009`, `25.3.09` (20xx), ISO `2009-03-25`, and `25.3.` or `25.3` where the
  reader knows today (the next 25 March from today, today included), each perhaps after a
  weekday in Finnish, Swedish or English (`ke`, `keskiviikkona`, `ons`, `onsdag`, `Wed`).

A written weekday that does not match the date is kept (`Written.weekday`) so that the
caller can warn about it; it never changes the date. Errors are `PydanticCustomError`s whose
type names the catalog's `import-error-…` text, as the importer reports them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from pydantic_core import PydanticCustomError

# Monday is 0. Finnish, Swedish and English names and abbreviations; Finnish also in the
# essive ("keskiviikkona") that announcements use. "to" and "ti" mean the same day in
# Finnish and Swedish.
_WEEKDAY_WORDS = (
    "ma maanantai maanantaina må mån måndag mon monday",
    "ti tiistai tiistaina tis tisdag tue tues tuesday",
    "ke keskiviikko keskiviikkona on ons onsdag wed wednesday",
    "to torstai torstaina tor tors torsdag thu thur thurs thursday",
    "pe perjantai perjantaina fr fre fredag fri friday",
    "la lauantai lauantaina lö lör lördag sat saturday",
    "su sunnuntai sunnuntaina sö sön söndag sun sunday",
)
WEEKDAYS: dict[str, int] = {
    word: number for number, words in enumerate(_WEEKDAY_WORDS) for word in words.split()
}

_CLOCK = r"\d{1,2}(?:[.:]\d{2})?"
# "klo", "kello", "kl.", "kl", "at" before a time.
_TIME_WORD = r"(?:klo\.?|kello|kl\.?|at)"
_DASH = r"\s*[-–—]\s*"
_TIME_RANGE = re.compile(
    rf"^(?:{_TIME_WORD}\s*)?(?P<start>{_CLOCK})(?:{_DASH}(?:{_TIME_WORD}\s*)?(?P<end>{_CLOCK}))?$",
    re.I,
)
_ISO = r"\d{4}-\d{1,2}-\d{1,2}"
_DOTTED = r"\d{1,2}\.\d{1,2}(?:\.(?:\d{4}|\d{2})?)?"
_WEEKDAY = r"(?P<weekday>[^\W\d_]{2,14})\.?,?"
_DATE = re.compile(rf"^(?:{_WEEKDAY}\s+)?(?P<date>{_ISO}|{_DOTTED})$", re.I)
# A date, perhaps a time or time range after it, then the rest of the line.
_STATEMENT = re.compile(
    rf"^(?:{_WEEKDAY}\s+)?(?P<date>{_ISO}|{_DOTTED})(?=[\s,]|$)"
    rf"(?:[\s,]+(?P<time>(?:{_TIME_WORD}\s*)?{_CLOCK}(?:{_DASH}(?:{_TIME_WORD}\s*)?{_CLOCK})?)"
    r"(?=[\s,]|$))?"
    r"[\s,]*(?P<rest>.*)$",
    re.I | re.S,
)


@dataclass(frozen=True)
class Written:
    """A date as written: the day, and the weekday written before it (None if none was)."""

    day: date
    weekday: int | None = None

    @property
    def wrong_weekday(self) -> bool:
        """A weekday was written and it is not the date's."""
        return self.weekday is not None and self.weekday != self.day.weekday()


@dataclass(frozen=True)
class Statement:
    """The start of a line such as `ke 14.5.2009 klo 9.30-12 Kirkkonummi, kunnantalo`."""

    written: Written
    start: time | None
    end: time | None
    rest: str


def _error(kind: str, message: str, value: str) -> PydanticCustomError:
    return PydanticCustomError(kind, message, {"value": value})


def _day_of(text: str, today: date | None) -> date:
    """The date of `25.3.2009`, `25.3.09`, `2009-03-25`, `25.3.` (after today)."""
    if "-" in text:
        year, month, day = (int(part) for part in text.split("-"))
    else:
        parts = [part for part in text.split(".") if part]
        day, month = int(parts[0]), int(parts[1])
        if len(parts) == 3:
            year = int(parts[2]) + (2000 if len(parts[2]) == 2 else 0)
        elif today is None:
            raise _error("day_without_year", "a date without a year", text)
        else:
            year = today.year
            try:
                if date(year, month, day) < today:
                    year += 1
            except ValueError:
                pass  # 29.2. of a common year: the error below names it
    try:
        return date(year, month, day)
    except ValueError:
        raise _error("no_such_date", "no such date", text) from None


def _weekday(word: str | None, text: str) -> int | None:
    if word is None:
        return None
    weekday = WEEKDAYS.get(word.casefold())
    if weekday is None:
        raise _error("bad_date", "not a date", text)
    return weekday


def read_day(value: str, today: date | None = None) -> Written:
    """A date with the weekday written before it, if any; `25.3.` only when today is given."""
    text = " ".join(value.split())
    match = _DATE.match(text)
    if match is None:
        raise _error("bad_date", "not a date", text)
    return Written(_day_of(match["date"], today), _weekday(match["weekday"], text))


def read_date(value: object, today: date | None = None) -> date:
    """A date in any of the forms above; a date is taken as it is."""
    if isinstance(value, date):
        return value
    return read_day(str(value), today).day


def _clock(text: str, whole: str) -> time:
    hour, _, minute = text.replace(":", ".").partition(".")
    hours, minutes = int(hour), int(minute or 0)
    if hours > 23 or minutes > 59:
        raise _error("bad_time", "not a time", whole)
    return time(hours, minutes)


def read_time_range(value: str) -> tuple[time, time | None]:
    """A start and perhaps an end: `klo 9.30–12` is 9.30 to 12.00."""
    text = " ".join(value.split())
    match = _TIME_RANGE.match(text)
    if match is None:
        raise _error("bad_time", "not a time", text)
    start = _clock(match["start"], text)
    end = _clock(match["end"], text) if match["end"] else None
    return start, end


def read_time(value: object) -> time:
    """One time of day: `13`, `9.30`, `09:30`, `klo 9.30`, `kl. 13`."""
    if isinstance(value, time):
        return value
    text = " ".join(str(value).split())
    start, end = read_time_range(text)
    if end is not None:
        raise _error("bad_time", "not a time", text)
    return start


def read_statement(value: str, today: date | None = None) -> Statement | None:
    """A date (perhaps after a weekday), perhaps a time or range, and the rest of the line;
    None when the line does not begin with a date."""
    text = value.strip()
    match = _STATEMENT.match(text)
    if match is None or (match["weekday"] and match["weekday"].casefold() not in WEEKDAYS):
        return None
    written = Written(_day_of(match["date"], today), _weekday(match["weekday"], text))
    start, end = read_time_range(match["time"]) if match["time"] else (None, None)
    return Statement(written, start, end, match["rest"].strip())
