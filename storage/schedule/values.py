"""The values of a schedule file as coordinators write them: dates the ISO or the Finnish
way, times with a colon or a dot, texts with blanks for "nothing"."""

from __future__ import annotations

import re
from datetime import date, time
from typing import Annotated

from pydantic import BeforeValidator, StringConstraints
from pydantic_core import PydanticCustomError

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_FINNISH_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?$")


def parse_date(value: object) -> date:
    """A date written as ISO `2009-01-15` or the Finnish way `15.1.2009`."""
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if match := _ISO_DATE.match(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _FINNISH_DATE.match(text):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise PydanticCustomError("bad_date", "not a date", {"value": text})
    try:
        return date(year, month, day)
    except ValueError:
        raise PydanticCustomError("no_such_date", "no such date", {"value": text}) from None


def parse_time(value: object) -> time:
    """A time of day: `09:30`, `9.30` or just `13`."""
    if isinstance(value, time):
        return value
    text = str(value).strip()
    match = _TIME.match(text)
    if match is None:
        raise PydanticCustomError("bad_time", "not a time", {"value": text})
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise PydanticCustomError("bad_time", "not a time", {"value": text})
    return time(hour, minute)


def blank_to_none(value: object) -> object:
    """A blank cell or field is no value at all."""
    return None if isinstance(value, str) and not value.strip() else value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
OptionalText = Annotated[Text | None, BeforeValidator(blank_to_none)]
Day = Annotated[date, BeforeValidator(parse_date)]
TimeOfDay = Annotated[
    time | None, BeforeValidator(lambda v: None if blank_to_none(v) is None else parse_time(v))
]
