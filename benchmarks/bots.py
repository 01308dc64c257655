"""The real bot against the local Bot API server, and watching what arrives there."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from bot.app import VerstasApplication, build_application, running
from bot.console.bot_api import FakeUser, LocalBotAPI, SentMessage
from bot.telegram.ratelimit import SendLimits
from config.settings import Settings

COORDINATOR = FakeUser(5001, "Marianna", language_code="fi")
# Looking for a new message this often adds at most this much to a wait, but not to a
# figure: times are taken from the server's receive stamps.
POLL = 0.005


def settings_for(base_url: str, token: str, database_url: str, **overrides: Any) -> Settings:
    """Settings pointing at a local Bot API and the benchmark's database, no `.env`."""
    return Settings(
        _env_file=None,
        bot_token=token,
        bot_api_base_url=base_url,
        database_url=database_url,
        bot_admin_ids=(COORDINATOR.id,),
        **overrides,
    )


@asynccontextmanager
async def bot_serving(
    api: LocalBotAPI | tuple[str, str],
    database_url: str,
    *,
    limits: SendLimits | None = None,
    reconcile: bool = True,
    **overrides: Any,
) -> AsyncIterator[VerstasApplication]:
    """The real Application polling a local Bot API (this process's, or another's base
    URL and token) until the block exits."""
    base_url, token = (api.base_url, api.token) if isinstance(api, LocalBotAPI) else api
    # A drain longer than the dispatcher's interval makes the scheduler say it skipped a
    # run, once a second; that is expected here and would drown the progress lines.
    logging.getLogger("apscheduler").setLevel(logging.ERROR)
    settings = settings_for(base_url, token, database_url, **overrides)
    application = build_application(settings, limits=limits)
    async with running(application, poll_timeout=1, reconcile=reconcile):
        yield application


class Inbox:
    """The messages the server received, by chat, indexed as they come in.

    The server's own look-ups scan every message; at tens of thousands of messages that
    would cost the bot more time than the benchmark measures.
    """

    def __init__(self, api: LocalBotAPI) -> None:
        self.api = api
        self.seen = 0
        self.by_chat: dict[int, list[SentMessage]] = defaultdict(list)

    def refresh(self) -> None:
        """Take in what arrived since the last look."""
        fresh = self.api.sent[self.seen :]
        self.seen += len(fresh)
        for message in fresh:
            self.by_chat[message.chat_id].append(message)

    def to(self, chat_id: int) -> list[SentMessage]:
        """Every message to `chat_id` so far."""
        self.refresh()
        return self.by_chat[chat_id]

    async def wait(self, chat_id: int, count: int, timeout: float = 30.0) -> SentMessage:  # noqa: ASYNC109
        """The `count`th message to `chat_id`, once it is there."""
        async with asyncio.timeout(timeout):
            # Polled: the server's own condition would wake every waiter on every message.
            while len(self.to(chat_id)) < count:  # noqa: ASYNC110
                await asyncio.sleep(POLL)
        return self.by_chat[chat_id][count - 1]

    async def ask(self, user: FakeUser, text: str, timeout: float = 30.0) -> float:  # noqa: ASYNC109
        """Send `text` as `user`; seconds until the server received the bot's reply."""
        before = len(self.to(user.id))
        asked = datetime.now(UTC)
        self.api.send_text(user, text)
        reply = await self.wait(user.id, before + 1, timeout)
        return (reply.received_at - asked).total_seconds()


def most_in_any_second(stamps: list[datetime]) -> int:
    """The largest number of stamps inside any one-second window (sliding)."""
    ordered = sorted(stamps)
    most, first = 0, 0
    for last, stamp in enumerate(ordered):
        while (stamp - ordered[first]).total_seconds() >= 1.0:
            first += 1
        most = max(most, last - first + 1)
    return most
