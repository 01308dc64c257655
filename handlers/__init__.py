"""Telegram glue: every handler of the bot, registered in one place and in order."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CommandHandler, MessageHandler, filters

from handlers import errors, start


def register_handlers(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Add every handler to the application; the order below is the order PTB tries them."""
    application.add_handler(CommandHandler("start", start.start))
    application.add_handler(CommandHandler("help", start.help_command))
    # Last: any other command gets a pointer to /help instead of silence.
    application.add_handler(MessageHandler(filters.COMMAND, start.unknown_command))
    application.add_error_handler(errors.on_error)
