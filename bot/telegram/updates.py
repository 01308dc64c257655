"""Every update is handled with its log context (update id, chat) and counted for /metrics."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import SimpleUpdateProcessor

from bot.foundation.logs import log_context
from bot.foundation.metrics import Metrics


def update_type(update: Update) -> str:
    """What kind of update it is: `message`, `callback_query`, `my_chat_member`, …"""
    return next((kind for kind in Update.ALL_TYPES if getattr(update, kind, None)), "other")


class ObservedUpdates(SimpleUpdateProcessor):
    """One update at a time, as PTB does by default, observed.

    PTB awaits the handlers inside `do_process_update`, so whatever they log, and the
    tasks they start, carry the update's context.
    """

    def __init__(self, metrics: Metrics) -> None:
        super().__init__(max_concurrent_updates=1)
        self.metrics = metrics

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Handle the update inside its log context and time it."""
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
