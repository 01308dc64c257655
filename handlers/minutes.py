"""/minutes and /archive, their buttons, and the text or file a coordinator was asked for."""

from __future__ import annotations

import logging
import re

from telegram import Document, InputFile, Update
from telegram.error import BadRequest
from telegram.ext import ApplicationHandlerStop

from bot.replies.buttons import ArchivePage, ShowMinutes, StopMinutes
from bot.replies.minutes import (
    MinutesShown,
    archive_page_reply,
    archive_reply,
    awaited_minutes_reply,
    file_too_large,
    minutes_reply,
    show_minutes_reply,
    stop_request_reply,
)
from bot.replies.refusals import refused_upload
from bot.replies.reply import Reply
from bot.services.directory import load_directory
from bot.services.members import language_of
from bot.services.minutes import (
    MAX_FILE_BYTES,
    MinutesFile,
    awaited_meeting,
    drop_request,
    renew_file_id,
)
from bot.telegram.context import VerstasContext
from handlers.common import (
    arguments,
    drop_buttons,
    in_group,
    outdated,
    participant_asking,
    person_of,
    send,
)

log = logging.getLogger(__name__)

_COMMAND = re.compile(r"^/\S+\s*")


async def minutes(update: Update, context: VerstasContext) -> None:
    """/minutes KEY [TEXT]: attach (coordinators), ask for the minutes, or show them."""
    runtime, message = context.runtime, update.effective_message
    if message is None or message.text is None:
        return
    # The HTML of the message keeps the coordinator's bold, italics and links.
    text = _COMMAND.sub("", message.text_html, count=1)
    async with runtime.sessions.begin() as session:
        shown = await minutes_reply(
            session, runtime.replies, person_of(update, runtime), text, may_ask=not in_group(update)
        )
    await deliver_minutes(update, context, shown)


async def minutes_with_document(update: Update, context: VerstasContext) -> None:
    """A document captioned `/minutes KEY [TEXT]`."""
    runtime, message = context.runtime, update.effective_message
    if message is None or message.document is None or message.caption is None:
        return
    file = await _download(update, context, message.document)
    if file is None:
        return
    text = _COMMAND.sub("", message.caption_html, count=1)
    async with runtime.sessions.begin() as session:
        shown = await minutes_reply(
            session, runtime.replies, person_of(update, runtime), text, file
        )
    await deliver_minutes(update, context, shown)


async def awaited_minutes(update: Update, context: VerstasContext) -> None:
    """Before the other handlers: the text or file of a coordinator who typed `/minutes KEY`
    is the minutes; anyone else's message goes on to the usual handlers."""
    runtime, message, user = context.runtime, update.effective_message, update.effective_user
    if message is None or user is None:
        return
    async with runtime.sessions.begin() as session:
        meeting_id = await awaited_meeting(session, user.id, now=runtime.clock())
    if meeting_id is None:
        return
    file = None
    if message.document is not None:
        file = await _download(update, context, message.document, awaited=True)
        if file is None:
            raise ApplicationHandlerStop
    text: str | None = None
    if message.text is not None:
        text = message.text_html
    elif message.caption:
        text = message.caption_html
    async with runtime.sessions.begin() as session:
        reply = await awaited_minutes_reply(
            session, runtime.replies, person_of(update, runtime), meeting_id, text, file
        )
    await send(update, reply)
    raise ApplicationHandlerStop


async def minutes_button(update: Update, context: VerstasContext) -> None:
    """`min:show:MEETING` (read the minutes) and `min:stop` (stop waiting for them)."""
    runtime, query = context.runtime, update.callback_query
    assert query is not None
    data, person = query.data or "", person_of(update, runtime)
    if StopMinutes.decode(data) is not None:
        async with runtime.sessions.begin() as session:
            reply = await stop_request_reply(session, runtime.replies, person)
        await query.answer()
        await drop_buttons(update)
        await send(update, reply)
        return
    pressed = ShowMinutes.decode(data)
    if pressed is None:
        await outdated(update, runtime)
        return
    async with runtime.sessions.begin() as session:
        shown = await show_minutes_reply(session, runtime.replies, person, pressed.meeting_id)
    if shown is None:
        await outdated(update, runtime)
        return
    await query.answer()
    await deliver_minutes(update, context, shown)


async def archive(update: Update, context: VerstasContext) -> None:
    """/archive [WORKSHOP]."""
    runtime = context.runtime
    async with runtime.sessions.begin() as session:
        asker = await participant_asking(session, update, runtime)
        reply = await archive_reply(session, runtime.replies, asker, arguments(context))
    await send(update, reply)


async def archive_button(update: Update, context: VerstasContext) -> None:
    """The "more" button of the archive (`arc:PAGE:WORKSHOPS`)."""
    runtime, query = context.runtime, update.callback_query
    assert query is not None
    pressed = ArchivePage.decode(query.data or "")
    if pressed is None:
        await outdated(update, runtime)
        return
    async with runtime.sessions.begin() as session:
        language = await language_of(session, person_of(update, runtime))
        directory = await load_directory(session)
        reply = await archive_page_reply(
            session, runtime.replies, directory, language, pressed.scope, pressed.page
        )
    await query.answer()
    await drop_buttons(update)
    await send(update, reply)


async def _download(
    update: Update,
    context: VerstasContext,
    document: Document,
    *,
    awaited: bool = False,
) -> MinutesFile | None:
    """The document with a copy of its bytes; None (and a line) if refused or too large."""
    runtime = context.runtime
    person = person_of(update, runtime)
    # The role, then the size, before downloading; in a transaction of its own, so that no
    # transaction stays open during the download.
    async with runtime.sessions.begin() as session:
        refused: Reply | None = await refused_upload(
            session, runtime.replies, person, "minutes", document.file_name or ""
        )
        if refused is not None and awaited:
            # The role was taken away since `/minutes KEY`: the wait is over, as on refusal.
            await drop_request(session, person.telegram_id)
        language = await language_of(session, person)
    if refused is None and (document.file_size or 0) > MAX_FILE_BYTES:
        refused = file_too_large(runtime.replies, language)
    if refused is not None:
        await send(update, refused)
        return None
    content = bytes(await (await document.get_file()).download_as_bytearray())
    return MinutesFile(document.file_id, document.file_name or "minutes", content)


async def deliver_minutes(update: Update, context: VerstasContext, shown: MinutesShown) -> None:
    """The reply, then the document of the minutes, from the kept copy if need be."""
    await send(update, shown.reply)
    chat, file = update.effective_chat, shown.file
    if chat is None or file is None:
        return
    try:
        await chat.send_document(file.file_id)
        return
    except BadRequest as error:
        # A file id is valid only for the bot that got the file: after a change of token
        # Telegram does not know it, and the kept copy is uploaded instead.
        if file.content is None:
            raise
        log.info("minutes file id refused (%s); uploading the kept copy", error.message)
    sent = await chat.send_document(InputFile(file.content, filename=file.file_name))
    if sent.document is not None and shown.meeting_id is not None:
        async with context.runtime.sessions.begin() as session:
            await renew_file_id(session, shown.meeting_id, sent.document.file_id)
