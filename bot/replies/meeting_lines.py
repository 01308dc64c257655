"""The one-line forms of /addmeeting and /editmeeting, read against the network's names.

`/addmeeting ehkäisevä 14.5.2009 klo 9.30-12 Kirkkonummen kunnantalo, valtuustosali`:
the workshop (its key, name or a distinctive word of it), the date (perhaps after a
weekday), perhaps a time or time range, then the place. How the place is split:

- its first word names a town of the network (or where meetings are held) in the base form
  (`Kirkkonummi kunnantalo`, `Kyrkslätt, fullmäktigesalen`): that is the town, the rest
  the venue;
- in an inflected form (`Kirkkonummen kunnantalo`, `Lohjan pääkirjasto`): the town is the
  one named, and the words, inflected word included, are the venue's name as written;
- no town recognised: everything is the venue, and the town stays open.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from datetime import date, time

from pydantic_core import PydanticCustomError

from bot.services.directory import Directory, slug
from storage.schedule.when import (
    WEEKDAYS,
    Statement,
    read_day,
    read_statement,
    read_time_range,
)

# A time or time range at the start of a line, and the rest: `klo 14-16 Vihti`.
_LEADING_TIME = re.compile(
    r"^(?P<time>(?:(?:klo\.?|kello|kl\.?|at)\s*)?\d{1,2}(?:[.:]\d{2})?"
    r"(?:\s*[-–—]\s*(?:(?:klo\.?|kello|kl\.?|at)\s*)?\d{1,2}(?:[.:]\d{2})?)?)"
    r"(?=[\s,]|$)[\s,]*(?P<rest>.*)$",
    re.I | re.S,
)


@dataclass(frozen=True)
class Place:
    """A town (canonical Finnish name) and a venue, each perhaps open."""

    town: str | None
    venue: str | None


@dataclass(frozen=True)
class MeetingLine:
    """What a one-line /addmeeting or natural /editmeeting states; None is "not said"."""

    day: date | None
    wrong_weekday: bool
    start: time | None
    end: time | None
    place: Place


class Unreadable(ValueError):
    """The line does not have the command's shape: the usage is the answer."""


def split_place(text: str, directory: Directory) -> Place:
    """The town and the venue of the words after the date and time (see the module)."""
    rest = text.strip(" ,")
    if not rest:
        return Place(None, None)
    first, _, after = rest.partition(" ")
    word = first.rstrip(",")
    town = directory.town(word)
    if town is None:
        return Place(None, rest)
    municipality = directory.municipality_named(town)
    base_forms = {slug(town), slug(municipality.name_sv or "")} if municipality else {slug(town)}
    if slug(word) in base_forms:
        return Place(town, after.strip(" ,") or None)
    return Place(town, rest)


def _checked(start: time | None, end: time | None) -> None:
    if start is not None and end is not None and end <= start:
        raise PydanticCustomError(
            "end_before_start",
            "end before start",
            {"start": f"{start:%H:%M}", "end": f"{end:%H:%M}"},
        )


def _statement(text: str, today: date) -> Statement:
    """The date, time and rest; a first word that tries to be a date gets its own error."""
    statement = read_statement(text, today)
    if statement is not None:
        return statement
    first = text.split(maxsplit=1)[0] if text.split() else ""
    if any(character.isdigit() for character in first):
        read_day(first, today)  # raises the error that names the date
    raise Unreadable(text)


def read_new_meeting(text: str, directory: Directory, today: date) -> MeetingLine:
    """`DATE [TIME] [TOWN] [VENUE…]` after the workshop; errors as `PydanticCustomError`
    (a date or time that is wrong) or `Unreadable`."""
    statement = _statement(text, today)
    _checked(statement.start, statement.end)
    return MeetingLine(
        statement.written.day,
        statement.written.wrong_weekday,
        statement.start,
        statement.end,
        split_place(statement.rest, directory),
    )


def read_meeting_change(text: str, directory: Directory, today: date) -> MeetingLine:
    """`[DATE] [TIME] [TOWN] [VENUE…]`: what a natural /editmeeting states, each part
    optional but not all."""
    if not text.strip():
        raise Unreadable(text)
    statement = read_statement(text, today)
    if statement is not None:
        day, wrong, start, end, rest = (
            statement.written.day,
            statement.written.wrong_weekday,
            statement.start,
            statement.end,
            statement.rest,
        )
    elif match := _LEADING_TIME.match(text.strip()):
        day, wrong, rest = None, False, match["rest"]
        start, end = read_time_range(match["time"])
    else:
        day, wrong, start, end, rest = None, False, None, None, text
    _checked(start, end)
    return MeetingLine(day, wrong, start, end, split_place(rest, directory))


def split_workshop(text: str) -> tuple[str, str]:
    """The workshop's words and the rest: the workshop ends where the date (or a weekday
    before it) begins, so `Ehkäisevä lastensuojelu ke 14.5.2009 …` names it in full."""
    words = text.split()
    for index in range(1, len(words)):
        word = words[index]
        starts = any(c.isdigit() for c in word) or (
            word.rstrip(".,").casefold() in WEEKDAYS
            and index + 1 < len(words)
            and any(c.isdigit() for c in words[index + 1])
        )
        if starts:
            return " ".join(words[:index]), " ".join(words[index:])
    return (words[0], " ".join(words[1:])) if words else ("", "")


def words_of(text: str) -> list[str]:
    """Words as a shell splits them (`venue="Iso sali"`), or by blanks if quotes are odd."""
    try:
        return shlex.split(text)
    except ValueError:
        return text.split()
