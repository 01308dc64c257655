"""The command menu (setMyCommands), per language, from the same catalogs as the texts."""

from __future__ import annotations

from telegram import Bot, BotCommand

from bot.language.catalog import Texts
from bot.replies.answers import COMMANDS
from config.settings import LANGUAGES


def menu_commands(texts: Texts, language: str) -> list[BotCommand]:
    """The menu in one language."""
    return [BotCommand(command, texts(language, key)) for command, key in COMMANDS]


async def set_command_menus(bot: Bot, texts: Texts) -> None:
    """Publish the menu for every language, and the default language's for the rest."""
    for language in LANGUAGES:
        await bot.set_my_commands(menu_commands(texts, language), language_code=language)
    await bot.set_my_commands(menu_commands(texts, texts.default_language))
