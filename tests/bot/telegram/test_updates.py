"""The update processor: chats side by side, one chat's updates in the order they came,
at most MAX_CONCURRENT_UPDATES at a time, and nothing kept of a chat once it is quiet."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable

from telegram import Update

from bot.foundation.metrics import Metrics
from bot.telegram.updates import ChatOrderedUpdates, turn_key


def message(update_id: int, chat: int, user: int | None = None) -> Update:
    """A text message in `chat` from `user` (in a private chat, the chat's own user)."""
    sender = user if user is not None else chat
    data = {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1_231_400_000,
            "chat": {"id": chat, "type": "private" if chat > 0 else "group", "title": "Verstas"},
            "from": {"id": sender, "is_bot": False, "first_name": "Aino"},
            "text": f"/next {update_id}",
        },
    }
    update = Update.de_json(data, None)
    assert update is not None
    return update


class Handling:
    """Coroutines for the processor that note when they start and end and wait to be let go."""

    def __init__(self) -> None:
        self.log: list[tuple[str, int]] = []
        self.running = 0
        self.most_running = 0
        self.gates: dict[int, asyncio.Event] = {}

    def of(self, update: Update) -> Awaitable[None]:
        gate = self.gates.setdefault(update.update_id, asyncio.Event())

        async def handle() -> None:
            self.log.append(("start", update.update_id))
            self.running += 1
            self.most_running = max(self.most_running, self.running)
            await gate.wait()
            self.running -= 1
            self.log.append(("end", update.update_id))

        return handle()

    def started(self) -> list[int]:
        return [update_id for event, update_id in self.log if event == "start"]


async def settle() -> None:
    # Every task that can run runs until it waits again.
    for _ in range(10):
        await asyncio.sleep(0)


def take(processor: ChatOrderedUpdates, handling: Handling, update: Update) -> asyncio.Task[None]:
    """As PTB does with each update it takes off its queue: a task, at once."""
    return asyncio.create_task(processor.process_update(update, handling.of(update)))


async def test_one_chats_updates_wait_for_each_other_while_another_chat_is_answered() -> None:
    processor, handling = ChatOrderedUpdates(Metrics(), max_running=4), Handling()
    aino = [message(n, chat=1451) for n in (1, 2, 3)]
    tasks = [take(processor, handling, update) for update in [*aino, message(4, chat=1452)]]
    await settle()
    assert handling.started() == [1, 4]
    for update_id in (2, 1, 3, 4):
        handling.gates[update_id].set()
    await asyncio.gather(*tasks)
    assert [u for event, u in handling.log if u in (1, 2, 3)] == [1, 1, 2, 2, 3, 3]
    assert handling.log.index(("end", 1)) < handling.log.index(("start", 2))


async def test_no_more_than_the_bound_run_at_once_and_waiting_chats_hold_no_place() -> None:
    processor, handling = ChatOrderedUpdates(Metrics(), max_running=2), Handling()
    # Ten of one chat first: only one of them may hold a place while the rest wait.
    burst = [message(n, chat=1451) for n in range(1, 11)]
    others = [message(100 + n, chat=2000 + n) for n in range(5)]
    tasks = [take(processor, handling, update) for update in burst + others]
    await settle()
    assert handling.started() == [1, 100]
    for gate in handling.gates.values():
        gate.set()
    await asyncio.gather(*tasks)
    assert handling.most_running == 2
    assert [u for u in handling.started() if u < 100] == list(range(1, 11))


async def test_a_chat_is_forgotten_once_its_updates_are_answered() -> None:
    processor, handling = ChatOrderedUpdates(Metrics(), max_running=8), Handling()
    tasks = [take(processor, handling, message(n, chat=1000 + n % 30)) for n in range(300)]
    await settle()
    assert len(processor.turns) == 30
    for gate in handling.gates.values():
        gate.set()
    await asyncio.gather(*tasks)
    assert len(processor.turns) == 0


async def test_a_failing_update_does_not_hold_up_the_chats_next_one() -> None:
    processor, handling = ChatOrderedUpdates(Metrics(), max_running=4), Handling()

    async def fails() -> None:
        raise RuntimeError("a handler's bug")

    first = asyncio.create_task(processor.process_update(message(1, chat=1451), fails()))
    second = take(processor, handling, message(2, chat=1451))
    handling.gates[2].set()
    await asyncio.gather(first, second, return_exceptions=True)
    assert handling.started() == [2]
    assert len(processor.turns) == 0


def test_updates_without_a_chat_take_their_users_turn_and_one_from_no_one_nobodys() -> None:
    pressed = Update.de_json(
        {
            "update_id": 7,
            "poll_answer": {
                "poll_id": "p1",
                "user": {"id": 1451, "is_bot": False, "first_name": "Aino"},
                "option_ids": [0],
                "option_persistent_ids": ["0"],
            },
        },
        None,
    )
    # Such as a poll's new counts, which come from no one.
    counts = Update(8)
    # A private chat's id is its user's: the answer lines up with Aino's private chat.
    assert turn_key(pressed) == turn_key(message(9, chat=1451)) == 1451
    assert turn_key(message(10, chat=-100, user=1451)) == -100
    assert turn_key(counts) is None
