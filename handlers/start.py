"""/start, /help and unknown commands."""

from __future__ import annotations

import html

from telegram import Update

from bot.runtime import VerstasContext
from bot.services.members import greet_member, language_of, network_name
from handlers.common import reply, visitor_of
from handlers.menu import MENU


async def start(update: Update, context: VerstasContext) -> None:
    """Greet the user in their language and say which network this is."""
    runtime = context.runtime
    async with runtime.sessions.begin() as session:
        member = await greet_member(
            session, visitor_of(update, runtime), admin_ids=runtime.settings.bot_admin_ids
        )
        network = await network_name(session)
    texts, language = runtime.texts, member.language
    lines = [texts(language, "start-greeting", name=html.escape(member.name))]
    if network is None:
        lines.append(texts(language, "start-no-network"))
    else:
        lines.append(texts(language, "start-network", network=html.escape(network)))
    await reply(update, "\n\n".join(lines))


async def help_command(update: Update, context: VerstasContext) -> None:
    """List the commands with one line each."""
    runtime = context.runtime
    language = await _language(update, context)
    texts = runtime.texts
    lines = [texts(language, "help-title")]
    lines += [f"/{command} – {texts(language, key)}" for command, key in MENU]
    await reply(update, "\n".join(lines))


async def unknown_command(update: Update, context: VerstasContext) -> None:
    """Point to /help instead of staying silent."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    command = message.text.split()[0][:64]
    language = await _language(update, context)
    await reply(
        update, context.runtime.texts(language, "unknown-command", command=html.escape(command))
    )


async def _language(update: Update, context: VerstasContext) -> str:
    """The member's chosen language, or the one Telegram reports for a newcomer."""
    runtime = context.runtime
    visitor = visitor_of(update, runtime)
    async with runtime.sessions.begin() as session:
        return await language_of(session, visitor)
