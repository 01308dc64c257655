"""The command menu (setMyCommands), per language, from the same catalogs as the texts."""

from __future__ import annotations

from telegram import Bot, BotCommand

from bot.i18n import Texts
from config.settings import LANGUAGES

# Commands shown in Telegram's menu and in /help, in this order, with their catalog keys.
MENU: tuple[tuple[str, str], ...] = (
    ("start", "cmd-start"),
    ("help", "cmd-help"),
)


def menu_commands(texts: Texts, language: str) -> list[BotCommand]:
    """The menu in one language."""
    return [BotCommand(command, texts(language, key)) for command, key in MENU]


async def set_command_menus(bot: Bot, texts: Texts) -> None:
    """Publish the menu for every language, and the default language's for the rest."""
    for language in LANGUAGES:
        await bot.set_my_commands(menu_commands(texts, language), language_code=language)
    await bot.set_my_commands(menu_commands(texts, texts.default_language))
