"""What a schedule file states: the network, its coordinators, municipalities and
workshops, and their meetings; each checked on its own as it is read."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from storage.schedule.values import Day, LongText, OptionalText, Text, TimeOfDay, blank_to_none
from storage.schedule.when import read_time_range

_KEY = re.compile(r"^[a-z0-9-]+$")


def _agenda_items(value: object) -> object:
    # A single agenda item may be written as plain text instead of a list of one.
    if isinstance(value, str):
        return [item.strip() for item in value.split("|") if item.strip()]
    return value


# A spreadsheet's status column in the coordinator's own language.
_STATUS_WORDS = {
    "peruttu": "cancelled",
    "peruutettu": "cancelled",
    "inställd": "cancelled",
    "inställt": "cancelled",
    "sovittu": "scheduled",
    "planerad": "scheduled",
    "planerat": "scheduled",
}


def _status(value: object) -> object:
    value = blank_to_none(value) or "scheduled"
    if isinstance(value, str):
        return _STATUS_WORDS.get(value.strip().casefold(), value.strip())
    return value


class _Model(BaseModel):
    # Unknown fields are errors: in a hand-written file they are nearly always typos.
    model_config = ConfigDict(extra="forbid", frozen=True)


class MeetingSpec(_Model):
    """One meeting as the file states it."""

    date: Day
    start: TimeOfDay = None
    end: TimeOfDay = None
    title: OptionalText = None
    place: OptionalText = None
    venue: OptionalText = None
    address: OptionalText = None
    agenda: Annotated[tuple[LongText, ...], BeforeValidator(_agenda_items)] = ()
    key: OptionalText = None
    status: Annotated[Literal["scheduled", "cancelled"], BeforeValidator(_status)] = "scheduled"

    @field_validator("key")
    @classmethod
    def _key_shape(cls, value: str | None) -> str | None:
        if value is not None and not _KEY.match(value):
            raise PydanticCustomError("bad_key", "bad key", {"value": value})
        return value

    @model_validator(mode="before")
    @classmethod
    def _range_in_start(cls, data: object) -> object:
        # `start: klo 13-15` (or a CSV cell "13-15") with no end is the start and the end,
        # as in the chat; with an end given as well, the range is an error of the start.
        if not isinstance(data, dict):
            return data
        start, end = data.get("start"), data.get("end")
        if isinstance(start, str) and blank_to_none(end) is None:
            try:
                first, last = read_time_range(start)
            except PydanticCustomError:
                return data  # the field's own validator names the problem
            if last is not None:
                return {**data, "start": first, "end": last}
        return data

    @model_validator(mode="after")
    def _end_after_start(self) -> MeetingSpec:
        if self.end is not None and self.start is None:
            raise PydanticCustomError("end_without_start", "end without start", {"field": "end"})
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise PydanticCustomError(
                "end_before_start",
                "end before start",
                {
                    "field": "end",
                    "start": self.start.strftime("%H:%M"),
                    "end": self.end.strftime("%H:%M"),
                },
            )
        return self

    @property
    def default_key(self) -> str:
        """The key used when the file gives none: the date."""
        return self.date.isoformat()


class WorkshopSpec(_Model):
    """A theme workshop with its municipalities and meetings."""

    key: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
    name: Text
    name_sv: OptionalText = None
    name_en: OptionalText = None
    aliases: tuple[Text, ...] = ()
    description: Annotated[LongText | None, BeforeValidator(blank_to_none)] = None
    municipalities: tuple[Text, ...] = ()
    meetings: tuple[MeetingSpec, ...] = ()

    @field_validator("key")
    @classmethod
    def _key_shape(cls, value: str) -> str:
        if not _KEY.match(value):
            raise PydanticCustomError("bad_key", "bad key", {"value": value})
        return value


def name_only(value: object) -> object:
    """`- Kerava` is short for `- {name: Kerava}`."""
    return {"name": value} if isinstance(value, str) else value


class MunicipalitySpec(_Model):
    """A member town with its Swedish name where it has one."""

    name: Text
    name_sv: OptionalText = None


class CoordinatorSpec(_Model):
    """A contact person."""

    name: Text
    title: OptionalText = None
    email: OptionalText = None
    phone: OptionalText = None
    telegram_id: Annotated[int | None, BeforeValidator(blank_to_none)] = None


class NetworkSpec(_Model):
    """The network itself."""

    name: Text
    timezone: OptionalText = None

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError):
                raise PydanticCustomError(
                    "bad_timezone", "bad time zone", {"value": value}
                ) from None
        return value


class Schedule(_Model):
    """A whole YAML schedule file."""

    network: NetworkSpec
    coordinators: tuple[CoordinatorSpec, ...] | None = None
    municipalities: tuple[Annotated[MunicipalitySpec, BeforeValidator(name_only)], ...] = ()
    workshops: tuple[WorkshopSpec, ...] = ()


@dataclass(frozen=True)
class CsvMeeting:
    """One CSV row: a meeting and the workshop it belongs to (key or exact name)."""

    workshop: str
    meeting: MeetingSpec
    row: int


@dataclass(frozen=True)
class CsvMeetings:
    """A CSV file: meetings to add or update, nothing else."""

    rows: tuple[CsvMeeting, ...]


_Meeting = TypeVar("_Meeting", MeetingSpec, MeetingSpec | None)


def with_keys(meetings: Sequence[_Meeting]) -> tuple[_Meeting, ...]:
    """Give every meeting its key: the date, plus the start time where two share a date."""
    per_day = Counter(m.date for m in meetings if m is not None and m.key is None)
    keyed: list[_Meeting] = []
    for meeting in meetings:
        if meeting is not None and meeting.key is None:
            key = meeting.default_key
            if per_day[meeting.date] > 1 and meeting.start is not None:
                key += f"-{meeting.start:%H%M}"
            meeting = meeting.model_copy(update={"key": key})
        keyed.append(meeting)
    return tuple(keyed)
