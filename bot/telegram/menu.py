"""The command menus (setMyCommands): per language for everyone, per chat for the staff.

Everyone gets a participant's menu in their Telegram app's language (the default scope);
a member whose role is more than that, or who chose a language, gets a menu of their own
chat (`BotCommandScopeChat`) with their rank's commands in their chosen language. Both come
from the table /help is read from.
"""

from __future__ import annotations

from collections.abc import Iterable

from telegram import Bot, BotCommand, BotCommandScopeChat

from bot.language.catalog import Texts
from bot.replies.help import menu_for
from bot.services.permissions import Rank, StaffMenu
from config.settings import LANGUAGES


def menu_commands(texts: Texts, language: str, rank: Rank = Rank.PARTICIPANT) -> list[BotCommand]:
    """The menu of a rank in one language."""
    return [BotCommand(c.name, texts(language, c.key)) for c in menu_for(rank)]


async def set_command_menus(bot: Bot, texts: Texts, staff: Iterable[StaffMenu] = ()) -> None:
    """Publish the menu for every language, the default language's for the rest, and the
    staff's own menus in their private chats."""
    for language in LANGUAGES:
        await bot.set_my_commands(menu_commands(texts, language), language_code=language)
    await bot.set_my_commands(menu_commands(texts, texts.default_language))
    for menu in staff:
        await set_chat_menu(bot, texts, menu)


async def set_chat_menu(bot: Bot, texts: Texts, menu: StaffMenu) -> None:
    """The menu of one person's private chat: their rank's commands in their language."""
    await bot.set_my_commands(
        menu_commands(texts, menu.language, menu.rank), scope=BotCommandScopeChat(menu.chat_id)
    )
