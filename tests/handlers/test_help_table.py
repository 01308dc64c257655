"""/help and the menus are read from one table; it must name what the handlers register."""

from __future__ import annotations

from telegram.ext import ApplicationBuilder, CommandHandler

from bot.replies.help import COMMANDS
from handlers import register_handlers


def registered() -> dict[str, frozenset[str]]:
    """Every command the bot answers, by its English name: all of its names."""
    application = ApplicationBuilder().token("1:test").build()
    register_handlers(application)
    names = [
        frozenset(handler.commands)
        for handler in application.handlers[0]
        if isinstance(handler, CommandHandler)
    ]
    return {name: group for group in names for name in group}


def test_every_command_in_help_is_answered_under_each_of_its_names() -> None:
    commands = registered()
    for command in COMMANDS:
        written = {command.name, command.fi, command.sv} - {None}
        assert command.name in commands, command.name
        assert written <= commands[command.name], command.name


def test_every_command_the_bot_answers_is_in_help() -> None:
    in_help = {command.name for command in COMMANDS}
    # Each handler appears in /help under its English name.
    missing = [sorted(group) for group in set(registered().values()) if not group & in_help]
    assert missing == []
