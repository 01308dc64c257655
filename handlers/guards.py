"""Guards that run before every handler (group -2): ignore bots, slow down floods."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.telegram.context import VerstasContext


class FloodGuard:
    """A user sending more than `limit` updates in `period` seconds is ignored for a while,
    with one notice; others are not affected. Per process, in memory: a flood is a burst."""

    def __init__(
        self, limit: int = 20, period: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.period = period
        self.clock = clock
        self.recent: dict[int, deque[float]] = {}
        self.warned: set[int] = set()
        self.next_prune = clock() + period

    def prune(self, now: float) -> None:
        """Forget users idle for a whole period: their counts no longer matter."""
        horizon = now - self.period
        idle = [user for user, recent in self.recent.items() if not recent or recent[-1] <= horizon]
        for user in idle:
            del self.recent[user]
            self.warned.discard(user)
        self.next_prune = now + self.period

    async def __call__(self, update: Update, context: VerstasContext) -> None:
        user = update.effective_user
        if user is None:
            return
        if user.is_bot:
            # Other bots in a group are not our users.
            raise ApplicationHandlerStop
        now = self.clock()
        if now >= self.next_prune:
            # Once a period, so that every user who ever wrote is not kept for good.
            self.prune(now)
        recent = self.recent.setdefault(user.id, deque())
        while recent and recent[0] <= now - self.period:
            recent.popleft()
        if len(recent) < self.limit:
            recent.append(now)
            if len(recent) < self.limit // 2:
                self.warned.discard(user.id)
            return
        if user.id not in self.warned and update.effective_chat is not None:
            self.warned.add(user.id)
            runtime = context.runtime
            language = runtime.texts.choose(user.language_code)
            await context.bot.send_message(
                update.effective_chat.id, runtime.texts(language, "flood-notice")
            )
        raise ApplicationHandlerStop
