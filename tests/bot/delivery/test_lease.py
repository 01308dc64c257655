"""Two instances on one database: a batch that outlives its lease is not sent twice.

The clock is moved by hand from inside the sender, as the time a slow batch takes (one
message a second per chat, 20 a minute per group, a long pause after a 429).
"""

from __future__ import annotations

from collections import Counter

from bot.delivery.telegram_sender import TelegramSender
from storage.models import OutboxStatus
from tests.helpers.outbox import Meanwhile, World, at

CHATS = range(820_000, 820_006)


def received(world: World) -> Counter[int]:
    """How many messages each chat got."""
    return Counter(m.chat_id for m in world.api.sent if m.chat_id in set(CHATS))


async def test_a_batch_slower_than_its_lease_keeps_its_claim_and_each_member_gets_one(
    world: World,
) -> None:
    await world.followers(CHATS)
    world.clock.set(at("3.3.2009 13:00"))
    other = world.dispatcher_as("test-b")
    taken_over: list[int] = []

    async def slowly(count: int, _: int) -> None:
        # Each message takes 40 s to get its turn: the two-minute lease runs out at the
        # fourth, when the other instance looks for due rows.
        world.clock.advance(seconds=40)
        if count == 4:
            taken_over.append((await other.run_once()).claimed)

    first = world.dispatcher_as(
        "test-a", Meanwhile(TelegramSender(world.bot), slowly), concurrency=1
    )
    stats = await first.run_once()
    assert received(world) == dict.fromkeys(CHATS, 1)
    assert taken_over == [0]
    assert stats.sent == len(CHATS)
    due = [r for r in await world.rows() if r.chat_id in CHATS and r.due_at <= world.clock()]
    assert {r.status for r in due} == {OutboxStatus.SENT}


async def test_a_send_whose_claim_was_taken_over_while_it_waited_is_not_made(
    world: World,
) -> None:
    await world.followers(CHATS)
    world.clock.set(at("3.3.2009 13:00"))
    other = world.dispatcher_as("test-b")
    by_other: list[int] = []

    async def stalled(count: int, _: int) -> None:
        if count == 1:
            # The first message waited three minutes for its slot; meanwhile the lease ran
            # out and the other instance took the whole batch and sent it.
            world.clock.advance(minutes=3)
            by_other.append((await other.run_once()).sent)

    first = world.dispatcher_as(
        "test-a", Meanwhile(TelegramSender(world.bot), stalled), concurrency=1
    )
    stats = await first.run_once()
    assert by_other == [len(CHATS)]
    assert received(world) == dict.fromkeys(CHATS, 1)
    assert (stats.sent, stats.lost) == (0, len(CHATS))
    due = [r for r in await world.rows() if r.chat_id in CHATS and r.due_at <= world.clock()]
    assert {r.status for r in due} == {OutboxStatus.SENT}
