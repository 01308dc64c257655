"""Telegram's sending limits, with replies to people ahead of broadcasts.

PTB's `AIORateLimiter` is built on a leaky bucket (aiolimiter): after a quiet moment it
lets a full bucket through at once and then the steady rate, which can put twice the
limit into one second; and it serves requests first come, first served, so a broadcast
queued before a question delays the answer. This limiter keeps a sliding window (never
more than `per_second` messages in any second as Telegram receives them) and lets
interactive requests go before the outbox's bulk ones, which pass
`rate_limit_args=Priority.BULK`, or `Fenced` to be called off if their claim ran out while
they waited.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import time
from collections import deque
from collections.abc import Callable, Coroutine
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

JSONDict = dict[str, Any]


# Telegram's limits count messages a second.
WINDOW = 1.0
# A group's window covers a minute; the windows of chats idle that long are dropped then.
GROUP_PERIOD = 60.0


class Priority(enum.StrEnum):
    """Who is waiting for the message: a person now, or a broadcast that can wait."""

    INTERACTIVE = "interactive"
    BULK = "bulk"


@dataclass(frozen=True)
class Fenced:
    """A bulk send that goes only if `holds()` is still true when its slot comes."""

    # The outbox sends a row only while its claim is its own: a wait here (a group's
    # 20 a minute, a long 429 pause) can outlast the claim, and then another instance
    # may already be sending the same row.
    holds: Callable[[], bool]


class CalledOff(Exception):
    """A fenced send was not made: what it was fenced with no longer held."""


@dataclass(frozen=True)
class SendLimits:
    """Telegram's published limits (Bots FAQ): about 30 messages a second in all,
    20 a minute in one group, and one a second in one chat."""

    per_second: float = 30
    group_per_minute: int = 20
    chat_interval: float = 1.0


class SlidingWindow:
    """At most `limit` events in any `period` seconds."""

    def __init__(self, limit: int, period: float) -> None:
        self.limit = limit
        self.period = period
        self.events: deque[float] = deque()

    def wait(self, now: float) -> float:
        """Seconds until one more event fits; 0 when it fits now."""
        while self.events and self.events[0] <= now - self.period:
            self.events.popleft()
        if len(self.events) < self.limit:
            return 0.0
        return self.events[0] + self.period - now

    def record(self, now: float) -> None:
        """Count one event at `now`."""
        self.events.append(now)

    def idle(self, now: float) -> bool:
        """True when no event is within the window any more."""
        return not self.events or self.events[-1] <= now - self.period


class OnTheWayWindow:
    """At most `limit` messages on their way to Telegram in any `period` seconds.

    A message counts from when it is let go until its answer is back: Telegram received
    it somewhere in between. Counting only the moments they leave, messages sent evenly
    could reach Telegram bunched, by the network or by a busy event loop holding some
    back, and put more than the limit into one of Telegram's seconds. This way they
    cannot; the price is the round trip: the rate achieved is the limit over (1 s + the
    round trip), 97 % of it at 30 ms.
    """

    def __init__(self, limit: int, period: float) -> None:
        self.limit = limit
        self.period = period
        self.on_the_way = 0
        self.answered: deque[float] = deque()

    def wait(self, now: float) -> float | None:
        """Seconds until one more fits; 0 when it fits now; None until an answer comes."""
        while self.answered and self.answered[0] <= now - self.period:
            self.answered.popleft()
        if self.on_the_way + len(self.answered) < self.limit:
            return 0.0
        if self.answered:
            return self.answered[0] + self.period - now
        return None

    def leave(self) -> None:
        """One message is let go."""
        self.on_the_way += 1

    def arrive(self, now: float) -> None:
        """The answer to one message came at `now`."""
        self.on_the_way -= 1
        self.answered.append(now)


class FairRateLimiter(BaseRateLimiter[Priority | Fenced]):
    """A sliding-window limiter with two priorities and a shared pause after a 429."""

    def __init__(
        self, limits: SendLimits | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limits = limits or SendLimits()
        self.clock = clock
        # The limit is a count per second as Telegram sees it: see OnTheWayWindow.
        self.overall = OnTheWayWindow(max(1, round(self.limits.per_second)), WINDOW)
        self.groups: dict[int, SlidingWindow] = {}
        self.last_in_chat: dict[int, float] = {}
        # Bulk sends are spread evenly: a window filled in one burst would make a person
        # asking a question wait for the whole second to pass.
        self.bulk_spacing = WINDOW / self.limits.per_second
        # The ideal moment of the next bulk send; timer overshoot must not add up.
        self.next_bulk = float("-inf")
        self.paused_until = 0.0
        self.interactive_waiting = 0
        self.changed = asyncio.Condition()
        self.next_prune = clock() + GROUP_PERIOD

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: Priority | Fenced | None,
    ) -> bool | JSONDict | list[JSONDict]:
        """Wait for a free slot for anything sent to a chat; other calls go at once."""
        chat_id = _chat_id(data)
        if chat_id is None:
            # getUpdates, answerCallbackQuery, getMe …: not messages to a chat.
            return await callback(*args, **kwargs)
        fence = rate_limit_args.holds if isinstance(rate_limit_args, Fenced) else None
        if isinstance(rate_limit_args, Fenced):
            priority = Priority.BULK
        else:
            priority = rate_limit_args or Priority.INTERACTIVE
        for attempt in range(2):
            await self._acquire(priority, chat_id, fence)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                self.paused_until = max(
                    self.paused_until,
                    self.clock() + error._retry_after.total_seconds(),
                )
                log.warning("Telegram asked to wait %s (%s)", error._retry_after, endpoint)
                # The outbox reschedules its own rows; a person's reply is tried once more.
                if priority is Priority.BULK or attempt == 1:
                    raise
            finally:
                async with self.changed:
                    self.overall.arrive(self.clock())
                    self.changed.notify_all()
        raise AssertionError("unreachable")

    async def _acquire(
        self, priority: Priority, chat_id: int, fence: Callable[[], bool] | None = None
    ) -> None:
        interactive = priority is Priority.INTERACTIVE
        async with self.changed:
            if interactive:
                self.interactive_waiting += 1
            try:
                while True:
                    now = self.clock()
                    overall = self.overall.wait(now)
                    wait = max(self.paused_until - now, overall or 0.0)
                    group = self._group(chat_id)
                    if group is not None:
                        wait = max(wait, group.wait(now))
                    if not interactive:
                        wait = max(wait, self.next_bulk - now)
                        last = self.last_in_chat.get(chat_id)
                        if last is not None:
                            wait = max(wait, last + self.limits.chat_interval - now)
                    blocked = (not interactive and self.interactive_waiting > 0) or overall is None
                    if wait <= 0 and not blocked:
                        if fence is not None and not fence():
                            # Checked at the last moment, and nothing counted: no slot used.
                            raise CalledOff
                        self.overall.leave()
                        if group is not None:
                            group.record(now)
                        self.last_in_chat[chat_id] = now
                        if not interactive:
                            # Keep the cadence when a little late; restart it after a pause.
                            behind = now - self.next_bulk
                            start = now if behind > self.bulk_spacing else self.next_bulk
                            self.next_bulk = start + self.bulk_spacing
                        return
                    # Sleep until a slot frees or someone else moves; woken early on change.
                    timeout = wait if wait > 0 else None
                    with suppress(TimeoutError):
                        await asyncio.wait_for(self.changed.wait(), timeout)
            finally:
                if interactive:
                    self.interactive_waiting -= 1
                self.changed.notify_all()
                now = self.clock()
                if now >= self.next_prune:
                    self.prune(now)

    def prune(self, now: float) -> None:
        """Drop the windows of chats idle longer than they count: every chat ever sent to
        would otherwise stay in memory for good."""
        horizon = now - self.limits.chat_interval
        self.last_in_chat = {c: t for c, t in self.last_in_chat.items() if t > horizon}
        self.groups = {c: w for c, w in self.groups.items() if not w.idle(now)}
        self.next_prune = now + GROUP_PERIOD

    def _group(self, chat_id: int) -> SlidingWindow | None:
        """The window of a group's 20 a minute; None for a private chat."""
        if chat_id >= 0:
            return None
        group = self.groups.get(chat_id)
        if group is None:
            group = self.groups[chat_id] = SlidingWindow(self.limits.group_per_minute, GROUP_PERIOD)
        return group


def _chat_id(data: dict[str, Any]) -> int | None:
    value = data.get("chat_id")
    if value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        # @channelusername: treat it like a group.
        return -1
