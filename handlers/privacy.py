"""/privacy, /mydata and /forget."""

from __future__ import annotations

from telegram import InputFile, Update

from bot.replies.buttons import ForgetAnswer
from bot.replies.calendar import calendar_reply
from bot.replies.privacy import forget_reply, mydata_reply, privacy_reply
from bot.services.members import language_of
from bot.telegram.context import VerstasContext
from handlers.common import (
    arguments,
    drop_buttons,
    outdated,
    person_of,
    respond,
    send,
    send_personal,
)


async def privacy(update: Update, context: VerstasContext) -> None:
    """/privacy."""
    runtime = context.runtime
    async with runtime.sessions.begin() as session:
        language = await language_of(session, person_of(update, runtime))
    await send(update, privacy_reply(runtime.replies, language))


async def mydata(update: Update, context: VerstasContext) -> None:
    """/mydata: the member's data as a JSON file."""
    runtime = context.runtime
    async with runtime.sessions.begin() as session:
        result = await mydata_reply(session, runtime.replies, person_of(update, runtime))
    file = result.file
    document = None if file is None else InputFile(file, filename="verstas-mydata.json")
    await send_personal(update, runtime, result.reply, document)


async def forget(update: Update, context: VerstasContext) -> None:
    """/forget [yes|no]."""
    await respond(update, context, lambda s, r, v: forget_reply(s, r, v, arguments(context)))


async def forget_button(update: Update, context: VerstasContext) -> None:
    """The buttons of /forget (`forget:yes`, `forget:no`)."""
    runtime, query = context.runtime, update.callback_query
    assert query is not None
    pressed = ForgetAnswer.decode(query.data or "")
    if pressed is None:
        await outdated(update, runtime)
        return
    async with runtime.sessions.begin() as session:
        reply = await forget_reply(
            session, runtime.replies, person_of(update, runtime), pressed.answer
        )
    await query.answer()
    await drop_buttons(update)
    await send(update, reply)


async def calendar(update: Update, context: VerstasContext) -> None:
    """/calendar [WORKSHOP]: the meetings of one's workshops (or of one) as an .ics file."""
    runtime = context.runtime
    async with runtime.sessions.begin() as session:
        result = await calendar_reply(
            session, runtime.replies, person_of(update, runtime), arguments(context)
        )
    content = result.content
    document = None if content is None else InputFile(content, filename=result.file_name)
    await send_personal(update, runtime, result.reply, document)
