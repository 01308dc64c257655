"""The sending limits: never more than the rate in any second, people ahead of broadcasts."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from bot.telegram.ratelimit import CalledOff, FairRateLimiter, Fenced, Priority, SendLimits


def busiest_second(moments: list[float]) -> int:
    """The most sends that fall into any one-second window."""
    ordered = sorted(moments)
    best, first = 0, 0
    for last, moment in enumerate(ordered):
        while moment - ordered[first] >= 1.0:
            first += 1
        best = max(best, last - first + 1)
    return best


async def test_a_broadcast_keeps_to_the_rate_and_answers_go_ahead_of_it() -> None:
    limiter = FairRateLimiter(SendLimits(per_second=50))
    sent: list[float] = []
    order: list[int] = []  # the chats in the order their messages went out

    async def send(**_: Any) -> bool:
        sent.append(time.monotonic())
        return True

    async def send_to(chat_id: int) -> bool:
        order.append(chat_id)
        return await send()

    async def bulk(chat_id: int) -> None:
        await limiter.process_request(
            send_to, (chat_id,), {}, "sendMessage", {"chat_id": chat_id}, Priority.BULK
        )

    async def answer(chat_id: int) -> int:
        """How many broadcast messages went out between the question and its answer."""
        asked = len(order)
        await limiter.process_request(
            send_to, (chat_id,), {}, "sendMessage", {"chat_id": chat_id}, None
        )
        return order.index(chat_id) - asked

    started = time.monotonic()
    broadcast = asyncio.gather(*(bulk(1000 + n) for n in range(150)))
    waits = []
    for n in range(10):
        await asyncio.sleep(0.2)  # a person asks now and then while the broadcast runs
        waits.append(await answer(50 + n))
    await broadcast
    took = time.monotonic() - started
    # The hard promise: never more than the rate in any second.
    assert busiest_second(sent) <= 50
    # 160 sends at (a little under) 50 a second cannot take less than about 3.1 s; the
    # exact figure under load is the broadcast benchmark's to measure, not a test's.
    assert took >= 3.0
    # A person's answer goes ahead of the queued broadcast: at most the broadcast message
    # already on its way goes first, however loaded the machine (the wait in seconds is a
    # figure of the broadcast benchmark).
    assert max(waits) <= 1, waits


async def test_a_group_gets_at_most_twenty_messages_a_minute() -> None:
    moments: list[float] = []
    limiter = FairRateLimiter(SendLimits(per_second=1000, group_per_minute=20))

    async def send(**_: Any) -> bool:
        moments.append(time.monotonic())
        return True

    tasks = [
        asyncio.create_task(
            limiter.process_request(send, (), {}, "sendMessage", {"chat_id": -100}, None)
        )
        for _ in range(21)
    ]
    await asyncio.wait(tasks, timeout=0.5)
    assert len(moments) == 20
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def test_requests_that_are_not_messages_are_not_held_back() -> None:
    limiter = FairRateLimiter(SendLimits(per_second=1))
    calls = 0

    async def call(**_: Any) -> bool:
        nonlocal calls
        calls += 1
        return True

    started = time.monotonic()
    for _ in range(5):
        await limiter.process_request(call, (), {}, "getUpdates", {"timeout": 10}, None)
    assert calls == 5
    # Held back at one a second, five calls would take four seconds.
    assert time.monotonic() - started < 1.0


class ManualClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_the_windows_of_idle_chats_are_forgotten() -> None:
    clock = ManualClock()
    limiter = FairRateLimiter(SendLimits(per_second=1000), clock=clock)

    async def send(**_: Any) -> bool:
        return True

    # A thousand groups and private chats, each sent one message.
    for chat in range(1, 1001):
        for chat_id in (chat, -chat):
            await limiter.process_request(send, (), {}, "sendMessage", {"chat_id": chat_id}, None)
        # 200 a second: under the overall limit, so no send waits for the clock.
        clock.now += 0.01
    assert (len(limiter.groups), len(limiter.last_in_chat)) == (1000, 2000)
    # A minute later, one more message: only its chat is remembered.
    clock.now += 61
    await limiter.process_request(send, (), {}, "sendMessage", {"chat_id": -5}, None)
    assert (list(limiter.groups), list(limiter.last_in_chat)) == ([-5], [-5])


async def test_a_fenced_send_whose_fence_fell_while_it_waited_is_called_off() -> None:
    now = [0.0]
    limiter = FairRateLimiter(SendLimits(per_second=30), clock=lambda: now[0])
    made: list[int] = []
    held = [True]

    async def send(chat_id: int) -> bool:
        made.append(chat_id)
        return True

    def request(chat_id: int, args: Priority | Fenced | None) -> Any:
        return limiter.process_request(
            send, (chat_id,), {}, "sendMessage", {"chat_id": chat_id}, args
        )

    await request(7, Priority.BULK)
    # The chat's next bulk message waits a second for its turn.
    waiting = asyncio.create_task(request(7, Fenced(lambda: held[0])))
    await asyncio.sleep(0)
    # Meanwhile the claim behind it runs out; time passes and another message goes.
    held[0] = False
    now[0] = 5.0
    await request(8, None)
    with pytest.raises(CalledOff):
        await waiting
    assert made == [7, 8]
