"""Coordinators add, change and cancel meetings from the chat."""

from __future__ import annotations

import shlex
from datetime import time
from html import escape
from typing import Any

from pydantic_core import PydanticCustomError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.foundation.typed import number
from bot.language.dates import format_when
from bot.replies.context import ReplyContext
from bot.replies.meeting_texts import unknown_workshop
from bot.replies.refusals import refused_as_reply
from bot.replies.reply import Reply
from bot.services.directory import load_directory
from bot.services.meeting_admin import MeetingNotFound, add_meeting, change_meeting
from bot.services.members import Person, language_of
from bot.services.permissions import (
    staff_or_representative,
)
from storage.models import Meeting, MeetingStatus
from storage.schedule.apply import local_instant
from storage.schedule.values import parse_date, parse_time


def _problem(context: ReplyContext, language: str, error: PydanticCustomError) -> Reply:
    """A date or time that did not parse, told in the words of the schedule importer."""
    params = {key: str(value) for key, value in (error.context or {}).items()}
    return Reply(context.texts(language, f"import-error-{error.type}", **params))


def _time_range(text: str) -> tuple[time, time | None]:
    start, _, end = text.partition("-")
    return parse_time(start), parse_time(end) if end else None


@refused_as_reply
async def add_meeting_reply(
    session: AsyncSession, context: ReplyContext, person: Person, arguments: str
) -> Reply:
    """/addmeeting WORKSHOP DATE [START-END] [PLACE]."""
    texts, zone = context.texts, context.timezone
    language = await language_of(session, person)
    directory = await load_directory(session)
    words = arguments.split()
    if len(words) < 2:
        await staff_or_representative(session, person, "add-meeting")
        return Reply(texts(language, "addmeeting-usage"))
    workshop = directory.workshop(words[0])
    if workshop is None:
        return unknown_workshop(texts, language, words[0], directory)
    try:
        day = parse_date(words[1])
        start, end = (
            _time_range(words[2]) if len(words) > 2 and words[2][:1].isdigit() else (None, None)
        )
    except PydanticCustomError as error:
        return _problem(context, language, error)
    place_words = words[3:] if start is not None else words[2:]
    place = " ".join(place_words) or None
    if start is not None and end is not None and end <= start:
        return Reply(
            texts(
                language,
                "import-error-end_before_start",
                start=f"{start:%H:%M}",
                end=f"{end:%H:%M}",
            )
        )
    meeting = await add_meeting(
        session,
        person,
        workshop_id=workshop.id,
        workshop_key=workshop.key,
        day=day,
        start=start,
        end=end,
        place=place,
        zone=zone,
        planner=context.planner,
    )
    when = format_when(meeting.date, meeting.starts_at, meeting.ends_at, language, zone)
    return Reply(
        texts(
            language,
            "meeting-added",
            id=meeting.id,
            workshop=escape(workshop.title(language)),
            when=when,
        )
    )


@refused_as_reply
async def edit_meeting_reply(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    arguments: str,
    *,
    cancel: bool = False,
) -> Reply:
    """/editmeeting N [date=…] [time=13:00-15:30] [place=…] [venue="…"]; /cancelmeeting N."""
    texts, zone = context.texts, context.timezone
    language = await language_of(session, person)
    action = "cancel-meeting" if cancel else "edit-meeting"
    try:
        words = shlex.split(arguments)
    except ValueError:
        words = arguments.split()
    meeting_id = number(words[0]) if words else None
    if meeting_id is None:
        await staff_or_representative(session, person, action)
        return Reply(texts(language, "cancelmeeting-usage" if cancel else "editmeeting-usage"))
    current = await session.get(Meeting, meeting_id)
    values: dict[str, Any] = {}
    if cancel:
        values = {"status": MeetingStatus.CANCELLED}
    elif current is not None:
        asked = _asked_changes(context, language, current, words[1:])
        if isinstance(asked, Reply):
            return asked
        values = asked
    try:
        meeting, changes = await change_meeting(
            session, person, meeting_id, values, action=action, planner=context.planner
        )
    except MeetingNotFound:
        return Reply(texts(language, "rsvp-unknown-meeting", key=str(meeting_id)))
    if not changes:
        return Reply(texts(language, "meeting-unchanged"))
    when = format_when(meeting.date, meeting.starts_at, meeting.ends_at, language, zone)
    key = "meeting-cancelled-done" if cancel else "meeting-changed"
    return Reply(texts(language, key, id=meeting.id, when=when))


def _asked_changes(
    context: ReplyContext, language: str, current: Meeting, words: list[str]
) -> dict[str, Any] | Reply:
    """The fields `date=… time=… place=…` ask to change, or the reply saying what is wrong."""
    zone = context.timezone
    values: dict[str, Any] = {}
    day = current.date
    for word in words:
        name, _, value = word.partition("=")
        name = name.lower()
        try:
            if name in {"date", "pvm", "datum"}:
                day = parse_date(value)
                values["date"] = day
            elif name in {"time", "aika", "tid"}:
                values["_time"] = _time_range(value)
            elif name in {"place", "paikka", "plats"}:
                values["place"] = value or None
            elif name in {"venue", "tila", "lokal"}:
                values["venue"] = value or None
            elif name in {"address", "osoite", "adress"}:
                values["address"] = value or None
            else:
                return Reply(context.texts(language, "editmeeting-usage"))
        except PydanticCustomError as error:
            return _problem(context, language, error)
    if "_time" in values:
        start, end = values.pop("_time")
        values["starts_at"] = local_instant(day, start, zone)
        values["ends_at"] = local_instant(day, end, zone) if end else None
    elif "date" in values and current.starts_at is not None:
        # A new day keeps the clock times.
        values["starts_at"] = local_instant(day, current.starts_at.astimezone(zone).time(), zone)
        if current.ends_at is not None:
            values["ends_at"] = local_instant(day, current.ends_at.astimezone(zone).time(), zone)
    return values
