"""The end-to-end tests' database and the bot most of them talk to."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import VerstasApplication
from bot.console.bot_api import LocalBotAPI
from bot.foundation.clock import Clock
from tests.helpers.bots import ADMIN, bot_running
from tests.helpers.schedules import load_demo


@pytest.fixture
def database_url(sqlite_url: str) -> str:
    """SQLite: these tests are about the Telegram side; the query logic runs on both databases
    elsewhere. A file that runs on both as well says so with its own `database_url`."""
    return sqlite_url


@pytest.fixture
def bot_clock() -> Clock | None:
    """The clock of the `bot` fixture's bot: the real one, unless a file sets its own."""
    return None


@pytest.fixture
async def bot(
    fake_api: LocalBotAPI,
    database_url: str,
    sessions: async_sessionmaker[AsyncSession],
    bot_clock: Clock | None,
) -> AsyncIterator[VerstasApplication]:
    """The real Application on the demo network, polling the fake Bot API, with ADMIN as its
    administrator."""
    await load_demo(sessions)
    async with bot_running(
        fake_api, database_url, clock=bot_clock, bot_admin_ids=(ADMIN.id,)
    ) as application:
        yield application
