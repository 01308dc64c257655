"""A meeting chosen among those a typed reference named: the command carried out on it."""

from __future__ import annotations

from telegram import Update

from bot.replies.buttons import MeetingChoice
from bot.telegram.context import VerstasContext
from handlers.common import drop_buttons, outdated
from handlers.coordination import attendance_of, change_meeting
from handlers.minutes import minutes_of_meeting
from handlers.reminders import typed_rsvp


async def meeting_choice(update: Update, context: VerstasContext) -> None:
    """`ref:CODE:MEETING[:REST]`: the command as if typed with the meeting's number, so that
    it goes through the same checks, previews and confirmations as a typed one."""
    query = update.callback_query
    assert query is not None
    pressed = MeetingChoice.decode(query.data or "")
    if pressed is None:
        await outdated(update, context.runtime)
        return
    await query.answer()
    await drop_buttons(update)
    typed = f"{pressed.meeting_id} {pressed.rest}".strip()
    match pressed.command:
        case "attendance":
            await attendance_of(update, context, typed)
        case "editmeeting" | "cancelmeeting":
            await change_meeting(update, context, typed, cancel=pressed.command == "cancelmeeting")
        case "minutes":
            await minutes_of_meeting(update, context, typed)
        case "going" | "notgoing" | "maybe":
            await typed_rsvp(update, context, pressed.command, typed)
