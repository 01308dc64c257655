"""The guided /addmeeting and /editmeeting: one question at a time, then the same preview.

`/addmeeting` alone asks for the workshop (buttons), the date, the time, the town (buttons of
the workshop's municipalities) and the venue; `/editmeeting MEETING` alone asks for the
date, time, town and venue, each of which can be kept as it is. Optional steps have a Skip
button, every step a Cancel button (a typed /cancel works too). The answers so far are kept
in the database (`meeting_admin.save_dialogue`), so a restart or another instance carries
on; a dialogue left for longer than `ABANDONED_AFTER` is dropped when the person next
writes, and their words are read as usual.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from html import escape
from typing import Any

from pydantic_core import PydanticCustomError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.replies.context import ReplyContext
from bot.replies.meeting_changes import ACTIONS, preview_change
from bot.replies.meeting_lines import split_place
from bot.replies.meeting_refs import meeting_named
from bot.replies.refusals import refused_as_reply
from bot.replies.reply import Button, Reply
from bot.replies.staff_buttons import MeetingStep
from bot.services.directory import Directory, load_directory
from bot.services.meeting_admin import load_dialogue, save_dialogue
from bot.services.members import Person, language_of
from bot.services.permissions import staff_or_representative
from storage.models import Meeting
from storage.schedule.apply import local_instant
from storage.schedule.when import read_day, read_time_range

ABANDONED_AFTER = timedelta(hours=2)
# The steps in order; a new meeting starts with the workshop, a change with the date.
STEPS = ("workshop", "date", "time", "town", "venue")
_REQUIRED = {("add", "date")}


def _state(context: ReplyContext, **fields: Any) -> dict[str, Any]:
    return {"at": context.clock().isoformat(), **fields}


async def _ask(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    state: dict[str, Any],
    note: str | None = None,
) -> Reply:
    """Keep the state and ask its step's question, with the step's buttons."""
    texts, language = context.texts, await language_of(session, person)
    await save_dialogue(session, person.telegram_id, json.dumps(state))
    step, kind = state["step"], state["do"]
    directory = await load_directory(session)
    rows: list[tuple[Button, ...]] = []
    if step == "workshop":
        rows += [
            (Button(w.title(language)[:60], MeetingStep("w", w.id).encode()),)
            for w in directory.workshops
        ]
    if step == "town":
        workshop = directory.workshop_by_id(int(state.get("workshop") or 0))
        towns = [
            m for m in directory.municipalities if workshop and m.id in workshop.municipality_ids
        ]
        rows += [
            tuple(
                Button(m.title(language), MeetingStep("t", m.id).encode()) for m in towns[i : i + 3]
            )
            for i in range(0, len(towns), 3)
        ]
    last: list[Button] = []
    if step != "workshop" and (kind, step) not in _REQUIRED:
        skip = "meeting-step-keep" if kind == "edit" else "meeting-step-skip"
        last.append(Button(texts(language, skip), MeetingStep("s").encode()))
    last.append(Button(texts(language, "broadcast-cancel"), MeetingStep("x").encode()))
    rows.append(tuple(last))
    question = texts(language, f"meeting-step-{step}")
    return Reply("\n".join([note, question] if note else [question]), tuple(rows))


@refused_as_reply
async def start_dialogue_reply(
    session: AsyncSession, context: ReplyContext, person: Person, reference: str | None
) -> Reply:
    """/addmeeting alone (reference None), or /editmeeting MEETING alone."""
    language = await language_of(session, person)
    if reference is None:
        await staff_or_representative(session, person, ACTIONS["add"])
        return await _ask(session, context, person, _state(context, do="add", step="workshop"))
    await staff_or_representative(session, person, ACTIONS["edit"])
    meeting = await meeting_named(
        session, context, person, language, reference, command="editmeeting"
    )
    if isinstance(meeting, Reply):
        return meeting
    state = _state(context, do="edit", step="date", meeting=meeting.id)
    state["workshop"] = meeting.workshop_id
    return await _ask(session, context, person, state)


async def _current(
    session: AsyncSession, context: ReplyContext, person: Person
) -> dict[str, Any] | None:
    """The person's dialogue, unless there is none or it was left too long ago."""
    stored = await load_dialogue(session, person.telegram_id)
    if stored is None:
        return None
    state: dict[str, Any] = json.loads(stored)
    if context.clock() - datetime.fromisoformat(state["at"]) > ABANDONED_AFTER:
        await save_dialogue(session, person.telegram_id, None)
        return None
    return state


async def dialogue_text_reply(
    session: AsyncSession, context: ReplyContext, person: Person, text: str
) -> Reply | None:
    """A typed answer to the dialogue's question; None when the person is in no dialogue."""
    state = await _current(session, context, person)
    if state is None:
        return None
    language = await language_of(session, person)
    directory = await load_directory(session)
    step = state["step"]
    try:
        if step == "date":
            state["date"] = read_day(text, _today(context)).day.isoformat()
        elif step == "time":
            start, end = read_time_range(text)
            if end is not None and end <= start:
                raise PydanticCustomError(
                    "end_before_start", "", {"start": f"{start:%H:%M}", "end": f"{end:%H:%M}"}
                )
            state["time"] = [f"{start:%H:%M}", f"{end:%H:%M}" if end else None]
        elif step == "town":
            place = split_place(text, directory)
            state["town"] = place.town or text.strip()[:300]
        elif step == "venue":
            state["venue"] = text.strip()[:300]
        else:
            workshop = directory.workshop(text)
            if workshop is None:
                return await _ask(session, context, person, state)
            state["workshop"] = workshop.id
    except PydanticCustomError as error:
        params = {key: str(value) for key, value in (error.context or {}).items()}
        note = context.texts(language, f"import-error-{error.type}", **params)
        return await _ask(session, context, person, state, escape(note))
    return await _next(session, context, person, state, directory)


@refused_as_reply
async def dialogue_button_reply(
    session: AsyncSession, context: ReplyContext, person: Person, pressed: MeetingStep
) -> Reply:
    """A workshop or town chosen, a step skipped, or the dialogue stopped."""
    texts = context.texts
    language = await language_of(session, person)
    state = await _current(session, context, person)
    if state is None:
        return Reply(texts(language, "meeting-change-expired"))
    await staff_or_representative(session, person, ACTIONS[state["do"]])
    if pressed.kind == "x":
        await save_dialogue(session, person.telegram_id, None)
        return Reply(texts(language, "meeting-change-cancelled"))
    directory = await load_directory(session)
    step = state["step"]
    if pressed.kind == "w" and step == "workshop" and directory.workshop_by_id(pressed.value):
        state["workshop"] = pressed.value
    elif pressed.kind == "t" and step == "town":
        municipality = directory.municipality_by_id(pressed.value)
        if municipality is None:
            return await _ask(session, context, person, state)
        state["town"] = municipality.name
    elif pressed.kind != "s" or step == "workshop" or (state["do"], step) in _REQUIRED:
        return await _ask(session, context, person, state)
    return await _next(session, context, person, state, directory)


async def stop_dialogue(
    session: AsyncSession, context: ReplyContext, person: Person
) -> Reply | None:
    """A typed /cancel during the dialogue stops it; None when there is none."""
    if await _current(session, context, person) is None:
        return None
    await save_dialogue(session, person.telegram_id, None)
    return Reply(context.texts(await language_of(session, person), "meeting-change-cancelled"))


async def _next(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    state: dict[str, Any],
    directory: Directory,
) -> Reply:
    """The next question, or at the end the preview of the change."""
    index = STEPS.index(state["step"]) + 1
    if index < len(STEPS):
        state["step"] = STEPS[index]
        state["at"] = context.clock().isoformat()
        return await _ask(session, context, person, state)
    await save_dialogue(session, person.telegram_id, None)
    start, end = state.get("time") or (None, None)
    if state["do"] == "add":
        change = {
            "do": "add",
            "workshop": state["workshop"],
            "day": state["date"],
            "start": start,
            "end": end,
            "place": state.get("town"),
            "venue": state.get("venue"),
        }
        return await preview_change(session, context, person, change)
    return await _edit_preview(session, context, person, state, (start, end))


async def _edit_preview(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    state: dict[str, Any],
    clocks: tuple[str | None, str | None],
) -> Reply:
    """An /editmeeting dialogue's answers as the meeting's new values, previewed."""
    meeting = await session.get(Meeting, int(state["meeting"]))
    if meeting is None:
        language = await language_of(session, person)
        return Reply(context.texts(language, "meeting-change-expired"))
    zone = context.timezone
    values: dict[str, Any] = {}
    day = date.fromisoformat(state["date"]) if state.get("date") else meeting.date
    if state.get("date"):
        values["date"] = day.isoformat()
    start, end = (time.fromisoformat(c) if c else None for c in clocks)
    if start is None and state.get("date") and meeting.starts_at is not None:
        start = meeting.starts_at.astimezone(zone).time()
        end = meeting.ends_at.astimezone(zone).time() if meeting.ends_at else None
    if start is not None:
        values["starts_at"] = _iso(local_instant(day, start, zone))
        values["ends_at"] = _iso(local_instant(day, end, zone))
    for field, name in (("town", "place"), ("venue", "venue")):
        if state.get(field):
            values[name] = state[field]
    change = {"do": "edit", "meeting": meeting.id, "values": values}
    return await preview_change(session, context, person, change)


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _today(context: ReplyContext) -> date:
    return context.clock().astimezone(context.timezone).date()
