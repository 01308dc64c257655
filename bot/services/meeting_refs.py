"""Naming a meeting: the one way every command that takes a meeting finds it.

A meeting is named by its number (`23`, also `#23`), its key in the schedule file
(`foorumi-keski-uusimaa`), its date (`4.3.2009`, `2009-03-04`, `ke 4.3.2009`, `4.3.`), or
either after a workshop (`kasvatuskumppanuus/4.3.2009`, `kasvatuskumppanuus/kevat-1`). A
reference that names several meetings raises `MeetingAmbiguous` with them, so that the
asker can choose.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date

from pydantic_core import PydanticCustomError
from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.foundation.typed import number
from bot.services.directory import Directory
from bot.services.members import Participant
from bot.services.staff import STAFF
from storage.models import Meeting
from storage.schedule.values import parse_date

# More candidates than this are no choice to offer as buttons; the asker should narrow.
MAX_CANDIDATES = 10

# A weekday before a date, as in the bot's own texts: `ke 4.3.2009`, `ons. 4.3.2009`.
_WEEKDAY = re.compile(r"^[^\W\d_]{2,3}\.?\s+(?=\d)")
# The reference and the rest, which may run over many lines (the text of minutes): one
# word, or a weekday and a date (`ke 4.3.2009`, `kasvatuskumppanuus/ke 4.3.2009`).
_REFERENCE = re.compile(r"((?:\S*/)?(?:[^\W\d_]{2,3}\.?\s+(?=\d))?\S*)\s*(.*)", re.DOTALL)
# A date without its year, as Finns write it in a hurry: `4.3.`
_NO_YEAR = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?$")


class MeetingAmbiguous(LookupError):
    """The reference names several meetings (several workshops met that day)."""

    def __init__(self, candidates: list[Meeting]) -> None:
        super().__init__(f"{len(candidates)} meetings")
        self.candidates = candidates


async def sees_meeting_numbers(session: AsyncSession, asker: Participant) -> bool:
    """Whether lists of meetings show this reader each meeting's number: the staff and
    workshop representatives use numbers in their commands; participants find their
    meetings by date."""
    return asker.role in STAFF or asker.representative


def split_reference(arguments: str) -> tuple[str, str]:
    """The meeting reference at the start of a command's arguments, and the rest:
    `ke 4.3.2009 time=14-15` → (`ke 4.3.2009`, `time=14-15`)."""
    reference, rest = _REFERENCE.match(arguments.strip()).groups()  # type: ignore[union-attr]
    return reference, rest.strip()


def _days(text: str, today: date) -> list[date] | None:
    """The days a typed date may mean (a date without a year: that day in the years around
    today), or None when the text is not a date."""
    try:
        return [parse_date(text)]
    except PydanticCustomError:
        pass
    match = _NO_YEAR.match(text)
    if match is None:
        return None
    day, month = int(match.group(1)), int(match.group(2))
    days = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            days.append(date(year, month, day))
        except ValueError:
            continue
    return days or None


async def find_meeting(
    session: AsyncSession,
    directory: Directory,
    typed: str,
    *,
    today: date,
    own_workshops: Collection[int] = (),
) -> Meeting | None:
    """The meeting a reference names, or None; raises MeetingAmbiguous when it names several.

    `own_workshops` are the asker's (a participant's): a date that names several meetings
    means the one of their own workshops when exactly that is one."""
    text = typed.strip().removeprefix("#")
    meeting_id = number(text)
    if meeting_id is not None:
        return await session.get(Meeting, meeting_id)
    workshop_word, slash, meeting_word = text.rpartition("/")
    query = select(Meeting)
    if slash:
        workshop = directory.workshop(workshop_word)
        if workshop is None:
            return None
        query = query.where(Meeting.workshop_id == workshop.id)
    meeting_word = _WEEKDAY.sub("", meeting_word.strip())
    if not meeting_word:
        return None
    days = _days(meeting_word, today)
    matches: ColumnElement[bool]
    if days is not None:
        matches = Meeting.date.in_(days)
    else:
        keys = {meeting_word, meeting_word.lower()}
        matches = or_(Meeting.key.in_(keys), Meeting.file_key.in_(keys))
    candidates = list(
        await session.scalars(
            query.where(matches)
            .order_by(Meeting.date, Meeting.starts_at.asc().nulls_last(), Meeting.id)
            .limit(MAX_CANDIDATES + 1)
        )
    )
    if days is not None and len(days) > 1 and candidates:
        # `4.3.` is the 4th of March nearest today.
        nearest = min({m.date for m in candidates}, key=lambda day: abs(day - today))
        candidates = [m for m in candidates if m.date == nearest]
    if len(candidates) > 1 and not slash:
        own = [m for m in candidates if m.workshop_id in own_workshops]
        if own:
            candidates = own
    if len(candidates) > 1:
        raise MeetingAmbiguous(candidates[:MAX_CANDIDATES])
    return candidates[0] if candidates else None
