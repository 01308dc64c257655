"""/workshops with join and leave buttons, /join, /leave and /contact."""

from __future__ import annotations

from telegram import Update

from bot.replies.answers import contact_reply, workshops_reply
from bot.replies.buttons import FollowWorkshop
from bot.replies.registration import follow_reply, follow_workshop
from bot.services.directory import load_directory
from bot.services.members import language_of, participant_of
from bot.telegram.context import VerstasContext
from handlers.common import arguments, outdated, person_of, respond, send, show_in_place


async def workshops(update: Update, context: VerstasContext) -> None:
    """/workshops."""
    runtime = context.runtime
    async with runtime.sessions.begin() as session:
        participant = await participant_of(session, person_of(update, runtime))
        reply = await workshops_reply(session, runtime.replies, participant)
    await send(update, reply)


async def join(update: Update, context: VerstasContext) -> None:
    """/join KEY."""
    await _follow(update, context, join=True)


async def leave(update: Update, context: VerstasContext) -> None:
    """/leave KEY."""
    await _follow(update, context, join=False)


async def _follow(update: Update, context: VerstasContext, *, join: bool) -> None:
    await respond(
        update, context, lambda s, r, v: follow_reply(s, r, v, arguments(context), join=join)
    )


async def follow_button(update: Update, context: VerstasContext) -> None:
    """A join or leave button (`join:ID`, `leave:ID`): answer, then refresh the list."""
    runtime, query = context.runtime, update.callback_query
    assert query is not None
    pressed = FollowWorkshop.decode(query.data or "")
    if pressed is None:
        await outdated(update, runtime)
        return
    person = person_of(update, runtime)
    async with runtime.sessions.begin() as session:
        workshop = (await load_directory(session)).workshop_by_id(pressed.workshop_id)
        if workshop is None:
            reply = None
        else:
            language = await language_of(session, person)
            reply = await follow_workshop(
                session,
                runtime.replies,
                person,
                workshop,
                join=pressed.action == "join",
                language=language,
            )
            refreshed = await workshops_reply(
                session, runtime.replies, await participant_of(session, person)
            )
    if reply is None:
        await outdated(update, runtime)
        return
    await query.answer()
    await show_in_place(update, refreshed)
    await send(update, reply)


async def contact(update: Update, context: VerstasContext) -> None:
    """/contact."""
    runtime = context.runtime
    async with runtime.sessions.begin() as session:
        chosen = await language_of(session, person_of(update, runtime))
        reply = await contact_reply(session, runtime.replies, chosen)
    await send(update, reply)
