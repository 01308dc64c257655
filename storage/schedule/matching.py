"""Which stored meeting a schedule file's entry is, and what of it the file has changed.

A meeting's `key` is given once and never changes. A coordinator may move a meeting in the
chat, and the file, edited by hand elsewhere, may still say what it said before, or may
catch up with the move. So each meeting remembers the key the file listed it under
(`file_key`) and what the file said of it (`file_values`) at the last import: a field the
file still states as it did then is not news, and the chat's value stands.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from storage.models import Meeting, MeetingStatus
from storage.schedule.specs import MeetingSpec

# What a file states of a meeting, in the file's terms: a day and clock times, not instants,
# so that a new day from the chat and a new time from the file can be put together.
FILE_FIELDS = ("date", "start", "end", "title", "place", "venue", "address", "agenda", "status")


def free_key(wanted: str, taken: Collection[str]) -> str:
    """`wanted`, or with the first free number (`-2`, `-3` …) after it if it is taken."""
    if wanted not in taken:
        return wanted
    # Keys are at most 64 characters; the number must fit after a long one.
    stem = wanted[:60]
    return next(f"{stem}-{n}" for n in range(2, len(taken) + 3) if f"{stem}-{n}" not in taken)


def file_values(spec: MeetingSpec) -> dict[str, Any]:
    """What the file states of a meeting, as `Meeting.file_values` keeps it."""
    return {
        "date": spec.date.isoformat(),
        "start": _clock(spec.start),
        "end": _clock(spec.end),
        "title": spec.title,
        "place": spec.place,
        "venue": spec.venue,
        "address": spec.address,
        "agenda": list(spec.agenda),
        "status": str(spec.status),
    }


def merged_values(meeting: Meeting, spec: MeetingSpec, zone: ZoneInfo) -> dict[str, Any]:
    """The meeting's values after the import, as stored: the file's for the fields it has
    changed since its last import (every field, when that is not known), its own for the rest.
    """
    stated = file_values(spec)
    before = meeting.file_values
    changed = {
        name for name, value in stated.items() if before is None or before.get(name) != value
    }
    # A start and an end are one time: half of each would not make sense together.
    if changed & {"start", "end"}:
        changed |= {"start", "end"}
    own = _own_values(meeting, zone)
    merged = {name: stated[name] if name in changed else own[name] for name in stated}
    return stored_values(merged, zone)


def stored_values(values: dict[str, Any], zone: ZoneInfo) -> dict[str, Any]:
    """Values in the file's terms as the meeting's columns."""
    day = date.fromisoformat(values["date"])
    return {
        "date": day,
        "starts_at": _instant(day, values["start"], zone),
        "ends_at": _instant(day, values["end"], zone),
        "title": values["title"],
        "place": values["place"],
        "venue": values["venue"],
        "address": values["address"],
        "agenda": list(values["agenda"]),
        "status": MeetingStatus(values["status"]),
    }


def match_meetings(
    meetings: Sequence[Meeting], specs: Sequence[MeetingSpec], zone: ZoneInfo
) -> list[Meeting | None]:
    """The stored meeting each entry of a workshop's list is, or None for a new one.

    By the key the file listed it under before; else, for a meeting the file has never
    listed (added in the chat or by an announcement), by its key; else by its day among the
    meetings the file no longer lists under their old key: one moved in the chat, whose new
    day the file now gives under a new date-based key.
    """
    by_file_key = {m.file_key: m for m in meetings if m.file_key is not None}
    found: list[Meeting | None] = [by_file_key.get(spec.key or "") for spec in specs]
    _follow_moves(found, specs)
    never_listed = {m.key: m for m in meetings if m.file_key is None}
    for index, spec in enumerate(specs):
        if found[index] is None and (meeting := never_listed.get(spec.key or "")) is not None:
            found[index] = meeting
    listed = {spec.key for spec in specs}
    taken = {id(meeting) for meeting in found if meeting is not None}
    unlisted = [m for m in meetings if id(m) not in taken and m.file_key not in listed]
    for index, spec in enumerate(specs):
        if found[index] is None and (meeting := _same_day(unlisted, spec, zone)) is not None:
            found[index] = meeting
            unlisted.remove(meeting)
    return found


def _follow_moves(found: list[Meeting | None], specs: Sequence[MeetingSpec]) -> None:
    """Give a meeting moved in the chat to the entry that now states its new day.

    The file may keep the old day's entry under the old key and add the new day under its
    date: the new day is the moved meeting, and the old day's entry a new meeting.
    """
    for index, meeting in enumerate(found):
        day = specs[index].date
        # Moved in the chat: the file still gives the day it gave, and the meeting has another.
        if meeting is None or meeting.date == day or _file_day(meeting) != day:
            continue
        for other, spec in enumerate(specs):
            if found[other] is None and spec.date == meeting.date:
                found[other], found[index] = meeting, None
                break


def _file_day(meeting: Meeting) -> date | None:
    given = None if meeting.file_values is None else meeting.file_values.get("date")
    return None if given is None else date.fromisoformat(given)


def _same_day(meetings: list[Meeting], spec: MeetingSpec, zone: ZoneInfo) -> Meeting | None:
    """The meeting on the entry's day at its start; or the only one that day, whatever
    its time (the chat may have moved the time as well as the day)."""
    that_day = [m for m in meetings if m.date == spec.date]
    at_start = [m for m in that_day if _local_clock(m.starts_at, zone) == spec.start]
    if at_start:
        return at_start[0]
    return that_day[0] if len(that_day) == 1 else None


def _own_values(meeting: Meeting, zone: ZoneInfo) -> dict[str, Any]:
    """The meeting as it is now, in the file's terms."""
    return {
        "date": meeting.date.isoformat(),
        "start": _clock(_local_clock(meeting.starts_at, zone)),
        "end": _clock(_local_clock(meeting.ends_at, zone)),
        "title": meeting.title,
        "place": meeting.place,
        "venue": meeting.venue,
        "address": meeting.address,
        "agenda": list(meeting.agenda),
        "status": str(meeting.status),
    }


def _local_clock(instant: datetime | None, zone: ZoneInfo) -> time | None:
    return None if instant is None else instant.astimezone(zone).time()


def _clock(value: time | None) -> str | None:
    return None if value is None else value.strftime("%H:%M")


def _instant(day: date, clock: str | None, zone: ZoneInfo) -> datetime | None:
    if clock is None:
        return None
    return datetime.combine(day, time.fromisoformat(clock), tzinfo=zone)
