"""The composition root: builds the PTB Application from Settings and runs it.

Nothing here does I/O when imported or built; the database is migrated and the command
menus are published when the bot starts (`running`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ContextTypes, Defaults

from bot.clock import Clock, system_clock
from bot.i18n import Texts
from bot.runtime import RUNTIME_KEY, Runtime, VerstasContext, runtime_of
from config.settings import Settings
from handlers import register_handlers
from handlers.menu import set_command_menus
from storage.database import create_engine, create_sessions
from storage.migrate import upgrade

log = logging.getLogger(__name__)

VerstasApplication = Application[Any, VerstasContext, Any, Any, Any, Any]


def build_application(
    settings: Settings, *, clock: Clock = system_clock, texts: Texts | None = None
) -> VerstasApplication:
    """Assemble the Application: Bot API client, defaults, rate limiter, handlers, runtime."""
    token = settings.token
    if token is None:
        raise ValueError("BOT_TOKEN is not set")
    texts = texts or Texts.load(settings.bot_default_language)
    engine = create_engine(settings.database_url)
    runtime = Runtime(
        settings=settings, texts=texts, clock=clock, engine=engine, sessions=create_sessions(engine)
    )
    application: VerstasApplication = (
        ApplicationBuilder()
        .token(token)
        .base_url(settings.bot_api_base_url)
        .base_file_url(file_url_of(settings.bot_api_base_url))
        .defaults(Defaults(parse_mode=ParseMode.HTML, tzinfo=settings.bot_timezone))
        .rate_limiter(AIORateLimiter())
        .context_types(ContextTypes(context=VerstasContext))
        .build()
    )
    application.bot_data[RUNTIME_KEY] = runtime
    register_handlers(application)
    return application


def file_url_of(base_url: str) -> str:
    """Telegram serves files beside the methods: `…/bot` → `…/file/bot`."""
    head, _, tail = base_url.rstrip("/").rpartition("/")
    return f"{head}/file/{tail}" if head else base_url


@asynccontextmanager
async def running(
    application: VerstasApplication, *, poll_timeout: float = 10
) -> AsyncIterator[VerstasApplication]:
    """Migrate, connect, publish menus and poll for updates until the block exits."""
    runtime = runtime_of(application)
    await upgrade(runtime.engine)
    try:
        await application.initialize()
        try:
            await set_command_menus(application.bot, runtime.texts)
            await application.start()
            assert application.updater is not None
            await application.updater.start_polling(
                poll_interval=0,
                timeout=int(poll_timeout),
                allowed_updates=Update.ALL_TYPES,
                error_callback=_polling_failed,
            )
            log.info("Verstas is running as @%s", application.bot.username)
            try:
                yield application
            finally:
                await application.updater.stop()
                await application.stop()
        finally:
            await application.shutdown()
    finally:
        await runtime.engine.dispose()


def _polling_failed(error: TelegramError) -> None:
    # PTB retries by itself; one line per failure is enough during a Telegram outage.
    log.warning("getting updates failed: %s", error)


async def serve(application: VerstasApplication, stop: asyncio.Event) -> None:
    """Run the bot until `stop` is set (by SIGINT or SIGTERM in `python -m bot run`)."""
    async with running(application):
        await stop.wait()
    log.info("Verstas stopped")
