"""The replies' context for calling reply functions directly, without Telegram."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.language.catalog import Texts
from bot.replies.context import ReplyContext
from config.settings import Settings
from tests.helpers.bots import fixed_clock


def runtime_at(
    moment: datetime,
    engine: AsyncEngine,
    **settings: object,
) -> ReplyContext:
    """What replies read, on the test database, with the clock stopped at `moment`."""
    configured = Settings(
        _env_file=None,
        database_url=engine.url.render_as_string(False),
        **settings,  # type: ignore[arg-type]
    )
    return ReplyContext.of(configured, texts=Texts.load(), clock=fixed_clock(moment))
