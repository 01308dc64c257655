"""/reminders, RSVP buttons and /going /notgoing /maybe, and /status."""

from __future__ import annotations

from telegram import Update

from bot.foundation.typed import number
from bot.replies.buttons import RsvpButton
from bot.replies.reminders import reminders_reply, rsvp_reply, status_reply
from bot.replies.reply import Reply
from bot.services.members import language_of
from bot.telegram.context import VerstasContext
from handlers.common import arguments, drop_buttons, outdated, person_of, respond, send
from storage.models import RsvpAnswer


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
    await _typed_rsvp(update, context, RsvpAnswer.GOING, "going")


async def not_going(update: Update, context: VerstasContext) -> None:
    """/notgoing MEETING."""
    await _typed_rsvp(update, context, RsvpAnswer.NOT_GOING, "notgoing")


async def maybe(update: Update, context: VerstasContext) -> None:
    """/maybe MEETING."""
    await _typed_rsvp(update, context, RsvpAnswer.MAYBE, "maybe")


async def _typed_rsvp(
    update: Update, context: VerstasContext, answer: RsvpAnswer, command: str
) -> None:
    runtime = context.runtime
    person = person_of(update, runtime)
    key = arguments(context).strip()
    async with runtime.sessions.begin() as session:
        language = await language_of(session, person)
        texts = runtime.texts
        typed_id = number(key)
        if typed_id is None:
            reply = Reply(texts(language, "rsvp-usage", example=f"/{command} 12"))
        else:
            saved = await rsvp_reply(session, runtime.replies, person, typed_id, answer)
            reply = saved or Reply(texts(language, "rsvp-unknown-meeting", key=key[:20]))
    await send(update, reply)


async def status(update: Update, context: VerstasContext) -> None:
    """/status (administrators)."""
    await respond(update, context, status_reply)
