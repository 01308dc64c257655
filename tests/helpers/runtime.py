"""A Runtime for calling the reply functions directly, without Telegram."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.i18n import Texts
from bot.runtime import Runtime
from config.settings import Settings
from tests.helpers.bots import fixed_clock


def runtime_at(
    moment: datetime, engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> Runtime:
    """The bot's runtime on the test database, with the clock stopped at `moment`."""
    settings = Settings(_env_file=None, database_url=engine.url.render_as_string(False))
    return Runtime(
        settings=settings,
        texts=Texts.load(),
        clock=fixed_clock(moment),
        engine=engine,
        sessions=sessions,
    )
