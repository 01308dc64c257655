"""Updates of different chats handled at the same time, those of one chat in order.

Every update is handled inside its log context (update id, chat) and counted for /metrics.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.foundation.logs import log_context
from bot.foundation.metrics import Metrics

# PTB takes its processor's slot before `do_process_update` knows the chat, so with the
# bound there, fifty waiting updates of one chat would hold every slot while they wait
# their turn and nobody else would be answered. PTB's slot is therefore only an admission
# (it starts a task per update anyway); the bound is taken after the chat's turn.
_ADMIT_ALL = 2**31 - 1


def update_type(update: Update) -> str:
    """What kind of update it is: `message`, `callback_query`, `my_chat_member`, …"""
    return next((kind for kind in Update.ALL_TYPES if getattr(update, kind, None)), "other")


def turn_key(update: object) -> int | None:
    """Whose turn the update waits for: its chat, else its user (a poll answer, an inline
    query). A private chat's id is its user's, so a member's updates without a chat line up
    with their private chat. None: nobody's (a poll's new counts), taken at once."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    if update.effective_user is not None:
        return update.effective_user.id
    return None


class ChatTurns:
    """A lock per chat, kept only while an update of that chat is handled or waits.

    `asyncio.Lock` wakes its waiters first come, first served, and a task that finds the
    lock free takes it without yielding, so one chat's updates get their turns in the order
    their tasks started: the order PTB took them off its queue.
    """

    def __init__(self) -> None:
        # key → (lock, how many hold it or wait for it)
        self._turns: dict[int, tuple[asyncio.Lock, int]] = {}

    def __len__(self) -> int:
        return len(self._turns)

    @asynccontextmanager
    async def turn(self, key: int | None) -> AsyncIterator[None]:
        """Wait for the key's earlier updates to finish; None waits for nobody."""
        if key is None:
            yield
            return
        lock, users = self._turns.get(key, (None, 0))
        if lock is None:
            lock = asyncio.Lock()
        self._turns[key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._turns[key]
            if users == 1:
                # Idle: forgotten, so a million chats seen once leave nothing behind.
                del self._turns[key]
            else:
                self._turns[key] = (lock, users - 1)


class ChatOrderedUpdates(BaseUpdateProcessor):
    """At most `max_running` updates at a time, of different chats; one chat's one by one.

    PTB awaits the handlers inside `do_process_update`, so whatever they log, and the
    tasks they start, carry the update's context.
    """

    def __init__(self, metrics: Metrics, max_running: int) -> None:
        super().__init__(max_concurrent_updates=_ADMIT_ALL)
        self.metrics = metrics
        self.max_running = max_running
        self.turns = ChatTurns()
        self._running = asyncio.Semaphore(max_running)

    async def initialize(self) -> None:
        """Nothing to allocate: locks are made as chats come."""

    async def shutdown(self) -> None:
        """Nothing to free: PTB awaits the updates in hand before it shuts down."""

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Handle the update after its chat's earlier ones, inside its log context, timed."""
        async with self.turns.turn(turn_key(update)), self._running:
            if not isinstance(update, Update):
                await coroutine
                return
            chat = update.effective_chat
            with (
                log_context(update_id=update.update_id, chat_id=chat.id if chat else None),
                self.metrics.update_seconds.time(),
            ):
                await coroutine
            self.metrics.updates.labels(update_type(update)).inc()
