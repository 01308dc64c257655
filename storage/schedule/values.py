"""The values of a schedule file as coordinators write them: dates and times in the forms
of the chat (`storage/schedule/when.py`), texts with blanks for "nothing"."""

from __future__ import annotations

from datetime import date, time
from typing import Annotated

from pydantic import BeforeValidator, StringConstraints

from storage.schedule.when import read_date, read_time


def parse_date(value: object) -> date:
    """A date of a schedule file: `15.1.2009`, `15.1.09`, `2009-01-15`, perhaps after a
    weekday (`ke 25.3.2009`); a date without its year needs the chat's today."""
    return read_date(value)


def parse_time(value: object) -> time:
    """A time of day: `09:30`, `9.30`, `13`, `klo 13`, `kl. 13`."""
    return read_time(value)


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
