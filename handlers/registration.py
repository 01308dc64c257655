"""/start, /municipality, /language, /help and unknown commands."""

from __future__ import annotations

import html

from telegram import BotCommandScopeChat, Update

from bot.replies.buttons import ChooseLanguage, ChooseMunicipality
from bot.replies.help import role_help_reply
from bot.replies.registration import (
    language_reply,
    municipality_chosen,
    municipality_reply,
    start_reply,
)
from bot.services.members import language_of
from bot.services.permissions import rank_of, staff_menu_of
from bot.telegram.context import VerstasContext
from bot.telegram.menu import menu_commands, set_chat_menu
from handlers.common import arguments, drop_buttons, outdated, person_of, respond, send


async def start(update: Update, context: VerstasContext) -> None:
    """Greet; with a deep-link payload, choose the municipality or workshop at once."""
    runtime = context.runtime
    payload = context.args[0] if context.args else None
    async with runtime.sessions.begin() as session:
        reply = await start_reply(session, runtime.replies, person_of(update, runtime), payload)
        # An invite link may just have made a coordinator; an administrator's first start.
        menu = await staff_menu_of(session, person_of(update, runtime))
    chat = update.effective_chat
    # In their private chat only: a group's menu is the group's.
    if menu is not None and chat is not None and chat.id == menu.chat_id:
        await set_chat_menu(context.bot, runtime.texts, menu)
    await send(update, reply)


async def municipality(update: Update, context: VerstasContext) -> None:
    """/municipality [NAME]."""
    await respond(update, context, lambda s, r, v: municipality_reply(s, r, v, arguments(context)))


async def municipality_button(update: Update, context: VerstasContext) -> None:
    """A municipality button (`mun:ID`)."""
    runtime, query = context.runtime, update.callback_query
    assert query is not None
    pressed = ChooseMunicipality.decode(query.data or "")
    if pressed is None:
        await outdated(update, runtime)
        return
    async with runtime.sessions.begin() as session:
        reply = await municipality_chosen(
            session, runtime.replies, person_of(update, runtime), pressed.municipality_id
        )
    if reply is None:
        await outdated(update, runtime)
        return
    await query.answer()
    await drop_buttons(update)
    await send(update, reply)


async def language(update: Update, context: VerstasContext) -> None:
    """/language [fi|sv|en]."""
    await _set_language(update, context, arguments(context))


async def language_button(update: Update, context: VerstasContext) -> None:
    """A language button (`lang:sv`)."""
    query = update.callback_query
    assert query is not None
    pressed = ChooseLanguage.decode(query.data or "")
    if pressed is None:
        await outdated(update, context.runtime)
        return
    await query.answer()
    await drop_buttons(update)
    await _set_language(update, context, pressed.code)


async def _set_language(update: Update, context: VerstasContext, code: str) -> None:
    runtime = context.runtime
    async with runtime.sessions.begin() as session:
        reply = await language_reply(session, runtime.replies, person_of(update, runtime), code)
        chosen = await language_of(session, person_of(update, runtime))
        rank = await rank_of(session, person_of(update, runtime))
    await send(update, reply)
    if update.effective_chat is not None and code.strip().lower() == chosen:
        # The menu follows the chosen language in this chat, not Telegram's app language,
        # and shows what the person's role allows.
        await context.bot.set_my_commands(
            menu_commands(runtime.texts, chosen, rank),
            scope=BotCommandScopeChat(update.effective_chat.id),
        )


async def help_command(update: Update, context: VerstasContext) -> None:
    """/help: what the asker may do, by their role."""
    runtime = context.runtime
    async with runtime.sessions.begin() as session:
        reply = await role_help_reply(session, runtime.replies, person_of(update, runtime))
    await send(update, reply)


async def unknown_command(update: Update, context: VerstasContext) -> None:
    """Point to /help instead of staying silent."""
    message, runtime = update.effective_message, context.runtime
    if message is None or message.text is None:
        return
    command = message.text.split()[0][:64]
    async with runtime.sessions.begin() as session:
        chosen = await language_of(session, person_of(update, runtime))
    text = runtime.texts(chosen, "unknown-command", command=html.escape(command))
    await message.reply_text(text)


async def any_other_button(update: Update, context: VerstasContext) -> None:
    """A button whose data no handler knows: an old keyboard, or forged data."""
    await outdated(update, context.runtime)
