"""What every handler and job needs, typed: settings, texts, clock, database sessions.

Handlers reach it through `VerstasContext.runtime` instead of untyped `bot_data` keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram.ext import Application, CallbackContext, ExtBot

from bot.delivery.dispatch import Dispatcher
from bot.foundation.clock import Clock
from bot.foundation.metrics import Metrics
from bot.language.catalog import Texts
from bot.services.feeds import CalendarFeeds
from config.settings import Settings

RUNTIME_KEY = "verstas.runtime"


@dataclass(frozen=True)
class Runtime:
    """The bot's shared, long-lived parts."""

    settings: Settings
    texts: Texts
    clock: Clock
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    dispatcher: Dispatcher
    # Makes and checks calendar feed addresses; None in runtimes made without a token (tests).
    feeds: CalendarFeeds | None = None
    metrics: Metrics = field(default_factory=Metrics)


class VerstasContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """PTB's callback context with the runtime as a typed property."""

    @property
    def runtime(self) -> Runtime:
        """The runtime stored by `bot.app.build_application`."""
        return runtime_of(self.application)


def runtime_of(application: Application[Any, Any, Any, Any, Any, Any]) -> Runtime:
    """The runtime of an application built by `build_application`."""
    return cast(Runtime, application.bot_data[RUNTIME_KEY])
