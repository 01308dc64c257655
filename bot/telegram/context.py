"""What every handler needs, typed: settings, texts, clock, database sessions, the replies' context.

Handlers reach it through `VerstasContext.runtime` instead of untyped `bot_data` keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram.ext import Application, CallbackContext, ExtBot

from bot.foundation.clock import Clock
from bot.foundation.metrics import Metrics
from bot.language.catalog import Texts
from bot.replies.context import ReplyContext
from config.settings import Settings

RUNTIME_KEY = "verstas.runtime"


@dataclass(frozen=True)
class Runtime:
    """The bot's shared, long-lived parts, as the handlers see them."""

    settings: Settings
    texts: Texts
    clock: Clock
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    # What the replies read (texts, clock, time zone, reminder policy, feed addresses).
    replies: ReplyContext
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
