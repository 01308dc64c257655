"""A meeting chosen among those a typed reference named: the command carried out on it."""

from __future__ import annotations

from telegram import InputFile, Update

from bot.replies.buttons import MeetingChoice
from bot.replies.meeting_changes import edit_meeting_reply
from bot.replies.meeting_dialogue import start_dialogue_reply
from bot.replies.minutes import MinutesShown, minutes_reply
from bot.replies.reminders import typed_rsvp_reply
from bot.replies.reply import Refusal, Reply
from bot.replies.staff import attendance_reply
from bot.telegram.context import VerstasContext
from handlers.common import (
    answer_press,
    drop_buttons,
    in_group,
    outdated,
    person_of,
    send_personal,
)
from handlers.minutes import deliver_minutes


async def meeting_choice(update: Update, context: VerstasContext) -> None:
    """`ref:CODE:MEETING[:REST]`: the command as if typed with the meeting's number, so that
    it goes through the same checks, previews and confirmations as a typed one (a change
    or a cancellation is previewed, never made at once)."""
    runtime, query = context.runtime, update.callback_query
    assert query is not None
    pressed = MeetingChoice.decode(query.data or "")
    if pressed is None:
        await outdated(update, runtime)
        return
    person, replies = person_of(update, runtime), runtime.replies
    typed = f"{pressed.meeting_id} {pressed.rest}".strip()
    shown: MinutesShown | None = None
    document: InputFile | None = None
    async with runtime.sessions.begin() as session:
        match pressed.command:
            case "attendance":
                listed = await attendance_reply(session, replies, person, typed)
                reply: Reply = listed.reply
                if listed.csv is not None:
                    document = InputFile(listed.csv, filename=listed.file_name)
            case "editmeeting" if not pressed.rest:
                # `/editmeeting MEETING` alone: the guided dialogue, as when typed.
                reply = await start_dialogue_reply(session, replies, person, typed)
            case "editmeeting" | "cancelmeeting":
                cancel = pressed.command == "cancelmeeting"
                reply = await edit_meeting_reply(session, replies, person, typed, cancel=cancel)
            case "minutes":
                shown = await minutes_reply(
                    session, replies, person, typed, may_ask=not in_group(update)
                )
                reply = shown.reply
            case "going" | "notgoing" | "maybe":
                reply = await typed_rsvp_reply(session, replies, person, typed, pressed.command)
    if isinstance(reply, Refusal):
        # An alert to the presser, as for every refused button.
        await answer_press(update, reply)
        return
    await query.answer()
    await drop_buttons(update)
    if shown is not None:
        await deliver_minutes(update, context, shown)
    else:
        await send_personal(update, runtime, reply, document)
