"""A Runtime for calling the reply functions directly, without Telegram."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram import Bot

from bot.delivery.dispatch import Dispatcher
from bot.delivery.telegram_sender import TelegramSender
from bot.language.catalog import Texts
from bot.planning.outbox import ReminderPolicy
from bot.telegram.runtime import Runtime
from config.settings import Settings
from tests.helpers.bots import fixed_clock

# Replies never send on their own; a dispatcher that tried would find nothing listening.
NOWHERE = "http://127.0.0.1:9/bot"


def runtime_at(
    moment: datetime,
    engine: AsyncEngine,
    sessions: async_sessionmaker[AsyncSession],
    **settings: object,
) -> Runtime:
    """The bot's runtime on the test database, with the clock stopped at `moment`."""
    configured = Settings(
        _env_file=None,
        database_url=engine.url.render_as_string(False),
        **settings,  # type: ignore[arg-type]
    )
    texts, clock = Texts.load(), fixed_clock(moment)
    dispatcher = Dispatcher(
        sessions=sessions,
        sender=TelegramSender(Bot("1:unused", base_url=NOWHERE)),
        texts=texts,
        policy=ReminderPolicy.from_settings(configured),
        clock=clock,
    )
    return Runtime(
        settings=configured,
        texts=texts,
        clock=clock,
        engine=engine,
        sessions=sessions,
        dispatcher=dispatcher,
    )
