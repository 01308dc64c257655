"""/next, /meetings and the "more" button, and questions in plain words."""

from __future__ import annotations

from telegram import Update

from bot.replies.answers import meetings_reply, next_reply, page_reply, question_reply
from bot.replies.buttons import MoreMeetings
from bot.replies.pasted_announcements import pasted_text_reply
from bot.replies.question_answers import list_answer
from bot.services.directory import load_directory
from bot.services.meeting_refs import sees_meeting_numbers
from bot.telegram.context import VerstasContext
from handlers.common import arguments, drop_buttons, outdated, participant_asking, person_of, send


async def next_meeting(update: Update, context: VerstasContext) -> None:
    """/next [WORD]."""
    runtime = context.runtime
    async with runtime.sessions.begin() as session:
        asker = await participant_asking(session, update, runtime)
        reply = await next_reply(session, runtime.replies, asker, arguments(context) or None)
    await send(update, reply)


async def meetings(update: Update, context: VerstasContext) -> None:
    """/meetings [PAGE] [WORKSHOP | TOWN | MONTH]."""
    runtime = context.runtime
    async with runtime.sessions.begin() as session:
        asker = await participant_asking(session, update, runtime)
        reply = await meetings_reply(session, runtime.replies, asker, arguments(context))
    await send(update, reply)


async def more_meetings(update: Update, context: VerstasContext) -> None:
    """The "more" button of a list of meetings (`mtg:PAGE:FILTER`)."""
    runtime, query = context.runtime, update.callback_query
    assert query is not None
    pressed = MoreMeetings.decode(query.data or "")
    if pressed is None:
        await outdated(update, runtime)
        return
    async with runtime.sessions.begin() as session:
        asker = await participant_asking(session, update, runtime)
        directory = await load_directory(session)
        if pressed.compact:
            answer = await list_answer(
                session,
                runtime.replies,
                directory,
                pressed.wanted,
                pressed.page,
                asker.language,
                nudge=asker.nudge(),
            )
            reply = answer.reply
        else:
            reply = await page_reply(
                session,
                runtime.replies,
                directory,
                pressed.wanted,
                pressed.page,
                asker.language,
                asker.nudge(),
                numbered=await sees_meeting_numbers(session, asker),
            )
    await query.answer()
    await drop_buttons(update)
    await send(update, reply)


async def question(update: Update, context: VerstasContext) -> None:
    """A message in plain words: "milloin on seuraava kokous?"."""
    message, runtime = update.effective_message, context.runtime
    if message is None or not message.text:
        return
    async with runtime.sessions.begin() as session:
        asker = await participant_asking(session, update, runtime)
        # A coordinator's pasted announcement is a schedule to import, not a question.
        reply = await pasted_text_reply(
            session, runtime.replies, person_of(update, runtime), message.text, asker=asker
        ) or await question_reply(session, runtime.replies, asker, message.text)
    await send(update, reply)
