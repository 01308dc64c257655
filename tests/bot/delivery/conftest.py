"""The outbox tests' world: the demo network, a dispatcher and the fake Bot API."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.console.bot_api import LocalBotAPI
from tests.helpers.outbox import Sessions, World, outbox_world


@pytest.fixture
async def world(fake_api: LocalBotAPI, sessions: Sessions) -> AsyncIterator[World]:
    """The demo network at 1.3.2009 12:00, with a dispatcher sending one message at a time."""
    async with outbox_world(fake_api, sessions) as world:
        yield world
