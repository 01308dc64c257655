"""Dates and times written the Finnish way (and the Swedish and English ways).

`ke 4.3.2009 klo 13.00–15.30`, `ons 4.3.2009 kl. 13.00–15.30`, `Wed 4 Mar 2009, 13:00–15:30`;
weekday and month names come from Babel's CLDR data.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from babel.dates import format_date as babel_date
from babel.dates import format_time as babel_time

_DATE = {"fi": "EEE d.M.yyyy", "sv": "EEE d.M.yyyy", "en": "EEE d MMM yyyy"}
_SHORT_DATE = {"fi": "d.M.yyyy", "sv": "d.M.yyyy", "en": "d MMM yyyy"}
_TIME = {"fi": "H.mm", "sv": "H.mm", "en": "HH:mm"}
_AT = {"fi": " klo ", "sv": " kl. ", "en": ", "}


def format_day(day: date, language: str) -> str:
    """`4.3.2009` (fi, sv) or `4 Mar 2009` (en)."""
    return str(babel_date(day, _SHORT_DATE.get(language, _SHORT_DATE["fi"]), locale=language))


def format_when(
    day: date, starts_at: datetime | None, ends_at: datetime | None, language: str, zone: ZoneInfo
) -> str:
    """Weekday, date and time range in the network's time zone; no time when not decided."""
    text = str(babel_date(day, _DATE.get(language, _DATE["fi"]), locale=language))
    if starts_at is None:
        return text
    pattern = _TIME.get(language, _TIME["fi"])
    clock = str(babel_time(starts_at.astimezone(zone), pattern, locale=language))
    if ends_at is not None:
        clock += "–" + str(babel_time(ends_at.astimezone(zone), pattern, locale=language))
    return text + _AT.get(language, _AT["fi"]) + clock


def format_clock(moment: datetime, language: str, zone: ZoneInfo) -> str:
    """`9.30` (fi, sv) or `09:30` (en), in the network's time zone."""
    pattern = _TIME.get(language, _TIME["fi"])
    return str(babel_time(moment.astimezone(zone), pattern, locale=language))


def format_wall(day: date, starts: time | None, ends: time | None, language: str) -> str:
    """`ke 4.3.2009 klo 13.00–15.30` from a wall-clock date and times (no zone involved)."""
    text = str(babel_date(day, _DATE.get(language, _DATE["fi"]), locale=language))
    if starts is None:
        return text
    pattern = _TIME.get(language, _TIME["fi"])
    clock = str(babel_time(starts, pattern, locale=language))
    if ends is not None:
        clock += "–" + str(babel_time(ends, pattern, locale=language))
    return text + _AT.get(language, _AT["fi"]) + clock
