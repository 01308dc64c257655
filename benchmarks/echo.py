"""The yardstick: python-telegram-bot's own echo bot, as its examples write it.

Measured in the same run, against the same local Bot API server and on the same machine as
Verstas, so that what Verstas adds over PTB itself can be read off side by side. PTB's
defaults are kept (updates one at a time): that is "PTB itself".
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters

from bot.console.bot_api import LocalBotAPI

EchoBot = Application[Any, Any, Any, Any, Any, Any]


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None and message.text:
        await context.bot.send_message(message.chat_id, message.text)


@asynccontextmanager
async def echo_serving(
    api: LocalBotAPI,
) -> AsyncIterator[Application[Any, Any, Any, Any, Any, Any]]:
    """The echo bot polling `api` until the block exits, as `bot_serving` polls for Verstas."""
    application = ApplicationBuilder().token(api.token).base_url(api.base_url).build()
    application.add_handler(MessageHandler(filters.TEXT, _echo))
    async with application:
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0, timeout=1)
        await application.start()
        try:
            yield application
        finally:
            await application.updater.stop()
            await application.stop()
