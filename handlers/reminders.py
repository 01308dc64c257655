"""/reminders, RSVP buttons and /going /notgoing /maybe, and /status."""

from __future__ import annotations

from telegram import Update

from bot.replies.buttons import RsvpButton
from bot.replies.reminders import (
    RsvpCommand,
    reminders_reply,
    rsvp_reply,
    status_reply,
    typed_rsvp_reply,
)
from bot.telegram.context import VerstasContext
from handlers.common import arguments, drop_buttons, outdated, person_of, respond, send


async def reminders(update: Update, context: VerstasContext) -> None:
    """/reminders [1d,2h | off | default]."""
    await respond(update, context, lambda s, r, v: reminders_reply(s, r, v, arguments(context)))


async def rsvp_button(update: Update, context: VerstasContext) -> None:
    """An RSVP button of a reminder (`rsvp:MEETING:going`)."""
    runtime, query = context.runtime, update.callback_query
    assert query is not None
    pressed = RsvpButton.decode(query.data or "")
    if pressed is None:
        await outdated(update, runtime)
        return
    async with runtime.sessions.begin() as session:
        reply = await rsvp_reply(
            session, runtime.replies, person_of(update, runtime), pressed.meeting_id, pressed.answer
        )
    if reply is None:
        await outdated(update, runtime)
        return
    await query.answer()
    await drop_buttons(update)
    await send(update, reply)


async def going(update: Update, context: VerstasContext) -> None:
    """/going MEETING."""
    await typed_rsvp(update, context, "going")


async def not_going(update: Update, context: VerstasContext) -> None:
    """/notgoing MEETING."""
    await typed_rsvp(update, context, "notgoing")


async def maybe(update: Update, context: VerstasContext) -> None:
    """/maybe MEETING."""
    await typed_rsvp(update, context, "maybe")


async def typed_rsvp(update: Update, context: VerstasContext, command: RsvpCommand) -> None:
    """/going, /notgoing or /maybe MEETING."""
    typed = arguments(context)
    await respond(update, context, lambda s, r, v: typed_rsvp_reply(s, r, v, typed, command))


async def status(update: Update, context: VerstasContext) -> None:
    """/status (administrators)."""
    await respond(update, context, status_reply)
