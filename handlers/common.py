"""Small pieces every handler uses: who is asking, in which language, and replying."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import replace
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InputFile, Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest, Forbidden

from bot.replies.context import ReplyContext
from bot.replies.reply import Refusal, Reply
from bot.services.groups import group_workshop
from bot.services.members import Participant, Person, participant_of
from bot.telegram.context import Runtime, VerstasContext
from bot.telegram.sending import edit_in_place, send_reply

log = logging.getLogger(__name__)


def person_of(update: Update, runtime: Runtime) -> Person:
    """The user behind the update, with the language Telegram reports for them."""
    user = update.effective_user
    if user is None:
        raise ValueError("an update without a user reached a user handler")
    return Person(
        telegram_id=user.id,
        name=user.full_name,
        language=runtime.texts.choose(user.language_code),
        administrator=user.id in runtime.settings.bot_admin_ids,
    )


def in_group(update: Update) -> bool:
    """True in group and supergroup chats."""
    chat = update.effective_chat
    return chat is not None and chat.type in {ChatType.GROUP, ChatType.SUPERGROUP}


async def participant_asking(
    session: AsyncSession, update: Update, runtime: Runtime
) -> Participant:
    """The participant asking, and in a group, the workshop the group follows."""
    participant = await participant_of(session, person_of(update, runtime))
    if in_group(update) and update.effective_chat is not None:
        workshop_id = await group_workshop(session, update.effective_chat.id)
        return replace(participant, group_workshop_id=workshop_id, in_group=True)
    return participant


def arguments(context: VerstasContext) -> str:
    """The words after the command, as one string."""
    return " ".join(context.args or [])


ReplyMaker = Callable[[AsyncSession, ReplyContext, Person], Awaitable[Reply]]


async def respond(update: Update, context: VerstasContext, make: ReplyMaker) -> None:
    """The usual handler: one session for the update, the reply made in it, then sent."""
    runtime = context.runtime
    async with runtime.sessions.begin() as session:
        reply = await make(session, runtime.replies, person_of(update, runtime))
    await send_personal(update, runtime, reply)


async def send_personal(
    update: Update,
    runtime: Runtime,
    reply: Reply,
    document: InputFile | None = None,
    photo: InputFile | None = None,
) -> None:
    """The reply, its file and its picture; in a group, a personal reply goes to the asker's
    private chat."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None:
        return
    bot = chat.get_bot()
    if not (reply.personal and in_group(update)) or user is None:
        await send_reply(bot, chat.id, reply)
        if document is not None:
            await chat.send_document(document)
        if photo is not None:
            await chat.send_photo(photo)
        return
    try:
        await send_reply(bot, user.id, reply)
        if document is not None:
            await bot.send_document(user.id, document)
        if photo is not None:
            await bot.send_photo(user.id, photo)
        key = "personal-sent-privately"
    except Forbidden:
        # Telegram lets a bot write only to someone who has started it and not blocked it.
        key = "personal-ask-privately"
    language = runtime.texts.choose(user.language_code)
    await send_reply(bot, chat.id, Reply(runtime.texts(language, key, bot=bot.username)))


async def send(update: Update, reply: Reply) -> Message | None:
    """Send a reply in the update's chat; the buttons go with the last part, which is returned."""
    chat = update.effective_chat
    if chat is None:
        return None
    return await send_reply(chat.get_bot(), chat.id, reply)


async def show_in_place(update: Update, reply: Reply) -> None:
    """Replace the message whose button was pressed with the reply (text and buttons)."""
    query = update.callback_query
    if query is None or query.message is None:
        return
    # An old message may no longer be editable; the press was answered, and the reply is
    # not worth an error message of its own.
    with suppress(BadRequest):
        await edit_in_place(query.get_bot(), query.message.chat.id, query.message.message_id, reply)


async def answer_press(update: Update, reply: Reply, *, in_place: bool = True) -> None:
    """A refusal is an alert to the presser, never an edit of the message (which may be
    someone else's, when the data was forged); anything else replaces the pressed message,
    or with `in_place=False` comes as a message of its own."""
    query = update.callback_query
    if query is None:
        return
    if isinstance(reply, Refusal):
        await query.answer(reply.text, show_alert=True)
        return
    await query.answer()
    if in_place:
        await show_in_place(update, reply)
    else:
        await send(update, reply)


Pressed = TypeVar("Pressed")


async def on_press(
    update: Update,
    context: VerstasContext,
    decode: Callable[[str], Pressed | None],
    make: Callable[[AsyncSession, ReplyContext, Person, Pressed], Awaitable[Reply]],
) -> None:
    """The usual button: its data decoded (else "outdated"), the reply made in one session,
    then answered as `answer_press` does."""
    runtime, query = context.runtime, update.callback_query
    if query is None:
        return
    pressed = decode(query.data or "")
    if pressed is None:
        await outdated(update, runtime)
        return
    async with runtime.sessions.begin() as session:
        reply = await make(session, runtime.replies, person_of(update, runtime), pressed)
    await answer_press(update, reply)


async def drop_buttons(update: Update) -> None:
    """Remove the keyboard of the message whose button was pressed, so it is not pressed twice."""
    query = update.callback_query
    if query is None or query.message is None:
        return
    try:
        await query.edit_message_reply_markup(None)
    except BadRequest as error:
        # Already without buttons (pressed twice quickly): nothing to do.
        log.debug("could not remove buttons: %s", error)


async def outdated(update: Update, runtime: Runtime) -> None:
    """Answer a button press whose data is not (or no longer) valid."""
    query = update.callback_query
    if query is None:
        return
    language = runtime.texts.choose(query.from_user.language_code if query.from_user else None)
    await query.answer(runtime.texts(language, "button-outdated"), show_alert=True)
