"""Coordinators add, change and cancel meetings from the chat, always through a preview.

A command is read into a change (a small JSON object); the change is tried in a savepoint
that is rolled back, so that the preview shows the very notice the members would get (in
the coordinator's language) and how many would get it; the change waits in the database
for Confirm (its button, or a typed /confirm) and is made again, for real, only then.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from html import escape
from typing import Any

from pydantic_core import PydanticCustomError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.language.dates import format_when
from bot.replies.context import ReplyContext
from bot.replies.meeting_lines import (
    MeetingLine,
    Unreadable,
    read_meeting_change,
    read_new_meeting,
    split_workshop,
    words_of,
)
from bot.replies.meeting_refs import meeting_named
from bot.replies.meeting_texts import notice_text, render_meeting, unknown_workshop
from bot.replies.refusals import refused_as_reply
from bot.replies.reply import Button, Reply
from bot.replies.staff_buttons import MeetingChangeAction
from bot.services.directory import Directory, load_directory
from bot.services.meeting_admin import (
    MeetingNotFound,
    add_meeting,
    change_meeting,
    keep_pending_change,
    last_outbox_row,
    notices_planned,
    take_pending_change,
)
from bot.services.meeting_refs import split_reference
from bot.services.meetings import meeting_view
from bot.services.members import Person, language_of
from bot.services.permissions import (
    Action,
    permitted,
    permitted_for_meeting,
    staff_or_representative,
)
from storage.models import Meeting, MeetingStatus
from storage.schedule.apply import local_instant
from storage.schedule.values import parse_date
from storage.schedule.when import read_time_range

# The audit log's action of each kind of change, and the notice a change without
# recipients would have been.
ACTIONS = {"add": "add-meeting", "edit": "edit-meeting", "cancel": "cancel-meeting"}
_NOTICE_KINDS = {"add": "added", "edit": "change", "cancel": "cancellation"}


class _Unchanged(Exception):
    """The meeting is like that already."""


def _problem(context: ReplyContext, language: str, error: PydanticCustomError) -> Reply:
    """A date or time that did not parse, told in the words of the schedule importer."""
    params = {key: str(value) for key, value in (error.context or {}).items()}
    return Reply(context.texts(language, f"import-error-{error.type}", **params))


def _today(context: ReplyContext) -> date:
    return context.clock().astimezone(context.timezone).date()


def _clock(value: time | None) -> str | None:
    return None if value is None else f"{value:%H:%M}"


@refused_as_reply
async def add_meeting_reply(
    session: AsyncSession, context: ReplyContext, person: Person, arguments: str
) -> Reply:
    """/addmeeting WORKSHOP DATE [TIME] [TOWN] [VENUE…]: the preview of the new meeting."""
    texts = context.texts
    language = await language_of(session, person)
    await staff_or_representative(session, person, ACTIONS["add"])
    directory = await load_directory(session)
    workshop_word, rest = split_workshop(arguments)
    if not rest.strip():
        return Reply(texts(language, "addmeeting-usage"))
    workshop = directory.workshop(workshop_word)
    if workshop is None:
        return unknown_workshop(texts, language, workshop_word, directory)
    try:
        line = read_new_meeting(rest, directory, _today(context))
    except PydanticCustomError as error:
        return _problem(context, language, error)
    except Unreadable:
        return Reply(texts(language, "addmeeting-usage"))
    assert line.day is not None
    change = {
        "do": "add",
        "workshop": workshop.id,
        "day": line.day.isoformat(),
        "start": _clock(line.start),
        "end": _clock(line.end),
        "place": line.place.town,
        "venue": line.place.venue,
    }
    return await preview_change(session, context, person, change, wrong_weekday=line.wrong_weekday)


@refused_as_reply
async def edit_meeting_reply(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    arguments: str,
    *,
    cancel: bool = False,
) -> Reply:
    """/editmeeting MEETING field=value… or MEETING [DATE] [TIME] [TOWN] [VENUE…];
    /cancelmeeting MEETING: the preview of the change."""
    texts = context.texts
    language = await language_of(session, person)
    kind = "cancel" if cancel else "edit"
    usage = "cancelmeeting-usage" if cancel else "editmeeting-usage"
    await staff_or_representative(session, person, ACTIONS[kind])
    reference, rest = split_reference(arguments)
    if not reference or (not cancel and not rest.strip()):
        return Reply(texts(language, usage))
    meeting = await meeting_named(
        session,
        context,
        person,
        language,
        reference,
        command="cancelmeeting" if cancel else "editmeeting",
        rest=rest,
    )
    if isinstance(meeting, Reply):
        return meeting
    if cancel:
        if meeting.status == MeetingStatus.CANCELLED:
            return Reply(texts(language, "meeting-unchanged"))
        return await preview_change(session, context, person, {"do": kind, "meeting": meeting.id})
    directory = await load_directory(session)
    try:
        values = _asked_changes(context, directory, meeting, rest)
    except PydanticCustomError as error:
        return _problem(context, language, error)
    except Unreadable:
        return Reply(texts(language, usage))
    change = {"do": kind, "meeting": meeting.id, "values": values}
    return await preview_change(session, context, person, change)


_FIELDS = {
    "date": "date",
    "pvm": "date",
    "paiva": "date",
    "päivä": "date",
    "datum": "date",
    "dag": "date",
    "time": "time",
    "aika": "time",
    "tid": "time",
    "place": "place",
    "paikka": "place",
    "plats": "place",
    "town": "place",
    "kunta": "place",
    "venue": "venue",
    "tila": "venue",
    "lokal": "venue",
    "address": "address",
    "osoite": "address",
    "adress": "address",
}


def _asked_changes(
    context: ReplyContext, directory: Directory, current: Meeting, text: str
) -> dict[str, Any]:
    """The fields `date=… time=… place=…`, or the natural `5.3. klo 14-16 Vihti`, as the
    meeting's new values (JSON: dates and instants as ISO text)."""
    zone, words = context.timezone, words_of(text)
    asked: dict[str, Any] = {}
    if all("=" in word for word in words):
        for word in words:
            name, _, value = word.partition("=")
            field = _FIELDS.get(name.casefold())
            if field is None:
                raise Unreadable(word)
            asked[field] = value.strip() or None
        day = parse_date(asked["date"]) if asked.get("date") else None
        times = read_time_range(asked["time"]) if asked.get("time") else None
        if asked.get("place"):
            asked["place"] = directory.town(asked["place"]) or asked["place"]
    else:
        line: MeetingLine = read_meeting_change(text, directory, _today(context))
        day = line.day
        times = (line.start, line.end) if line.start is not None else None
        if line.place.town is not None:
            asked["place"] = line.place.town
        if line.place.venue is not None:
            asked["venue"] = line.place.venue
    values: dict[str, Any] = {
        name: asked[name] for name in ("place", "venue", "address") if name in asked
    }
    new_day = day or current.date
    if day is not None:
        values["date"] = day.isoformat()
    if times is not None:
        start, end = times
    elif day is not None and current.starts_at is not None:
        # A new day keeps the clock times.
        start = current.starts_at.astimezone(zone).time()
        end = current.ends_at.astimezone(zone).time() if current.ends_at else None
    else:
        return values
    values["starts_at"] = _instant(new_day, start, context)
    values["ends_at"] = _instant(new_day, end, context)
    return values


def _instant(day: date, clock: time | None, context: ReplyContext) -> str | None:
    moment = local_instant(day, clock, context.timezone)
    return None if moment is None else moment.isoformat()


def _values(change: dict[str, Any]) -> dict[str, Any]:
    """The stored values of an edit as the meeting's columns."""
    values: dict[str, Any] = {}
    for name, value in change.get("values", {}).items():
        if name == "date":
            values[name] = date.fromisoformat(value)
        elif name in {"starts_at", "ends_at"}:
            values[name] = None if value is None else datetime.fromisoformat(value)
        else:
            values[name] = value
    return values


async def _apply(
    session: AsyncSession, context: ReplyContext, person: Person, change: dict[str, Any]
) -> Meeting:
    """Make the change (in a dry run, or for real on Confirm); its notices are planned."""
    kind = change["do"]
    if kind == "add":
        directory = await load_directory(session)
        workshop = directory.workshop_by_id(int(change["workshop"]))
        if workshop is None:
            raise MeetingNotFound(change["workshop"])
        start, end = (
            time.fromisoformat(v) if v else None for v in (change["start"], change["end"])
        )
        return await add_meeting(
            session,
            person,
            workshop_id=workshop.id,
            workshop_key=workshop.key,
            day=date.fromisoformat(change["day"]),
            start=start,
            end=end,
            place=change["place"],
            venue=change["venue"],
            zone=context.timezone,
            planner=context.planner,
        )
    values = {"status": MeetingStatus.CANCELLED} if kind == "cancel" else _values(change)
    meeting, changes = await change_meeting(
        session,
        person,
        int(change["meeting"]),
        values,
        action=ACTIONS[kind],
        planner=context.planner,
    )
    if not changes:
        raise _Unchanged
    return meeting


async def _may_change(session: AsyncSession, person: Person, change: dict[str, Any]) -> None:
    """Refuse (and log) a change of a workshop the person may not manage."""
    name = ACTIONS[change["do"]]
    if change["do"] == "add":
        await permitted(session, person, Action.MEETINGS, workshop_id=change["workshop"], name=name)
    else:
        await permitted_for_meeting(session, person, Action.MEETINGS, change["meeting"], name=name)


async def preview_change(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    change: dict[str, Any],
    *,
    wrong_weekday: bool = False,
) -> Reply:
    """The notice the members would get and how many would get it, with Confirm / Cancel;
    nothing is kept but the change itself, waiting for Confirm."""
    texts, zone = context.texts, context.timezone
    language = await language_of(session, person)
    # Before the dry run: its rollback would take a refusal's audit entry with it.
    await _may_change(session, person, change)
    directory = await load_directory(session)
    after_row = await last_outbox_row(session)
    # In this update's own transaction: a second one would wait for its lock on SQLite.
    async with session.begin_nested() as dry_run:
        try:
            meeting = await _apply(session, context, person, change)
        except _Unchanged:
            await dry_run.rollback()
            return Reply(texts(language, "meeting-unchanged"))
        count, kind, payload = await notices_planned(session, meeting.id, after_row)
        body = render_meeting(texts, language, meeting_view(meeting, directory), directory, zone)
        notice = notice_text(
            kind or _NOTICE_KINDS[change["do"]],
            payload.get("changes", {}),
            body,
            texts,
            language,
            directory,
            zone,
        )
        await dry_run.rollback()
    pending_id = await keep_pending_change(session, person, json.dumps(change))
    lines = [texts(language, f"meeting-preview-{change['do']}"), "", notice, ""]
    if wrong_weekday:
        lines.append(texts(language, "meeting-preview-weekday"))
    lines.append(texts(language, "meeting-preview-count", count=count))
    buttons = (
        (
            Button(
                texts(language, "broadcast-confirm"), MeetingChangeAction("ok", pending_id).encode()
            ),
            Button(
                texts(language, "broadcast-cancel"), MeetingChangeAction("no", pending_id).encode()
            ),
        ),
    )
    return Reply("\n".join(lines), buttons)


@refused_as_reply
async def confirm_change_reply(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    pending_id: int | None,
    *,
    confirm: bool,
) -> Reply:
    """Confirm (button or typed /confirm) or cancel one's previewed change."""
    texts, zone = context.texts, context.timezone
    language = await language_of(session, person)
    stored = await take_pending_change(session, person, pending_id)
    if stored is None:
        return Reply(texts(language, "meeting-change-expired"))
    change = json.loads(stored)
    await staff_or_representative(session, person, ACTIONS[change["do"]])
    if not confirm:
        return Reply(texts(language, "meeting-change-cancelled"))
    try:
        meeting = await _apply(session, context, person, change)
    except _Unchanged:
        return Reply(texts(language, "meeting-unchanged"))
    except MeetingNotFound:
        return Reply(texts(language, "meeting-change-expired"))
    directory = await load_directory(session)
    when = format_when(meeting.date, meeting.starts_at, meeting.ends_at, language, zone)
    if change["do"] == "add":
        workshop = directory.workshop_by_id(meeting.workshop_id)
        title = workshop.title(language) if workshop else ""
        return Reply(
            texts(language, "meeting-added", id=meeting.id, workshop=escape(title), when=when)
        )
    key = "meeting-cancelled-done" if change["do"] == "cancel" else "meeting-changed"
    return Reply(texts(language, key, id=meeting.id, when=when))
