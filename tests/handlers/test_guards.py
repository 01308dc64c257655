"""The flood guard forgets users who have gone quiet, so its memory stays bounded."""

from __future__ import annotations

from typing import cast

import pytest
from telegram import Chat, Message, Update, User
from telegram.ext import ApplicationHandlerStop

from bot.telegram.context import VerstasContext
from handlers.guards import FloodGuard


class ManualClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def update_from(user_id: int) -> Update:
    """A text message from `user_id` in their private chat."""
    user = User(user_id, f"User {user_id}", is_bot=False)
    chat = Chat(user_id, Chat.PRIVATE)
    return Update(user_id, message=Message(user_id, None, chat, from_user=user, text="/help"))  # type: ignore[arg-type]


# Updates under the limit never reach the context: the guard only lets them through.
NO_CONTEXT = cast(VerstasContext, None)


async def test_users_idle_for_a_whole_period_are_forgotten() -> None:
    clock = ManualClock()
    guard = FloodGuard(limit=3, period=60.0, clock=clock)
    for user_id in range(1, 1001):
        await guard(update_from(user_id), NO_CONTEXT)
    assert len(guard.recent) == 1000
    clock.now += 30
    await guard(update_from(5000), NO_CONTEXT)
    # Half a minute on, the others still count.
    assert len(guard.recent) == 1001
    clock.now += 31
    await guard(update_from(5001), NO_CONTEXT)
    # A minute after their last message, the thousand are gone.
    assert sorted(guard.recent) == [5000, 5001]


async def test_a_flooding_user_is_still_held_back_until_they_go_quiet() -> None:
    clock = ManualClock()
    guard = FloodGuard(limit=3, period=60.0, clock=clock)
    guard.warned.add(7)
    for _ in range(3):
        await guard(update_from(7), NO_CONTEXT)
        clock.now += 1
    with pytest.raises(ApplicationHandlerStop):
        await guard(update_from(7), NO_CONTEXT)
    clock.now += 61
    await guard(update_from(8), NO_CONTEXT)
    assert 7 not in guard.recent
    assert 7 not in guard.warned
