"""How updates reach the bot: queued for getUpdates long polls, or a webhook is set instead."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable

from bot.console.bot_api.errors import ApiError, HangUp, bad_request
from bot.console.bot_api.records import JSONDict


class UpdateQueue:
    """Updates waiting for the bot, getUpdates requests waiting for updates, the webhook URL."""

    def __init__(self, changed: asyncio.Condition, reachable: Callable[[], bool]) -> None:
        """An empty queue; polls announce themselves on ``changed``, hang up if not reachable."""
        self.pending: list[JSONDict] = []
        self.webhook_url = ""
        self.waiting_polls = 0  # getUpdates requests currently parked in a long poll
        self.closing = False  # while the server stops, polls answer at once with nothing
        self._ids = itertools.count(1)
        # Updates are injected from synchronous test code, which cannot take the Condition's
        # lock, so long polls wait on an Event that is swapped on every change.
        self._event = asyncio.Event()
        self._changed = changed
        self._reachable = reachable
        self._poll_generation = 0

    def add(self, update: JSONDict) -> int:
        """Queue a raw update (``update_id`` is assigned) and return its update_id."""
        update_id = next(self._ids)
        self.pending.append({"update_id": update_id, **update})
        self.wake_pollers()
        return update_id

    def wake_pollers(self) -> None:
        """Let every parked long poll look at the queue (and the server's state) again."""
        event, self._event = self._event, asyncio.Event()
        event.set()

    async def get_updates(self, params: JSONDict) -> list[JSONDict]:
        """getUpdates: drop what ``offset`` confirms, then answer at once or long-poll."""
        if self.webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = int(params.get("offset") or 0)
        if offset > 0:
            self.pending = [u for u in self.pending if u["update_id"] >= offset]
        elif offset < 0:
            self.pending = self.pending[offset:]
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        timeout = max(float(params.get("timeout") or 0), 0.0)

        # A newer getUpdates terminates an older pending one, as on the real server.
        self._poll_generation += 1
        generation = self._poll_generation
        self.wake_pollers()
        return await self._long_poll(generation, limit, asyncio.get_running_loop().time() + timeout)

    async def _long_poll(self, generation: int, limit: int, deadline: float) -> list[JSONDict]:
        """Answer once there are updates or ``deadline`` (loop time) has come."""
        loop = asyncio.get_running_loop()
        while True:
            if self.closing:
                return []
            if not self._reachable():
                raise HangUp
            if generation != self._poll_generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; "
                    "make sure that only one bot instance is running",
                )
            batch = self.pending[:limit]
            remaining = deadline - loop.time()
            if batch or remaining <= 0:
                return batch
            if not await self._park(remaining):
                return self.pending[:limit]

    async def _park(self, remaining: float) -> bool:
        """Wait for the next change of the queue; False when ``remaining`` seconds pass first."""
        event = self._event
        self.waiting_polls += 1
        try:
            async with self._changed:
                self._changed.notify_all()
            async with asyncio.timeout(remaining):
                await event.wait()
        except TimeoutError:
            return False
        finally:
            self.waiting_polls -= 1
        return True

    async def delete_webhook(self, params: JSONDict) -> bool:
        """deleteWebhook: back to getUpdates, optionally dropping what is queued."""
        self.webhook_url = ""
        if params.get("drop_pending_updates"):
            self.pending.clear()
        return True

    async def set_webhook(self, params: JSONDict) -> bool:
        """setWebhook: recorded only; updates stay queued, and getUpdates is refused."""
        url = str(params.get("url") or "")
        if url and not url.startswith("https://"):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook_url = url
        if params.get("drop_pending_updates"):
            self.pending.clear()
        self.wake_pollers()
        return True

    async def get_webhook_info(self, params: JSONDict) -> JSONDict:
        """getWebhookInfo: the URL set and how many updates wait."""
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self.pending),
        }
