"""Claiming due rows: chats take turns, so one chat's queue holds up no other chat."""

from __future__ import annotations

from sqlalchemy import select

from bot.planning.outbox import CHANGE
from storage.models import Meeting, Member, Outbox
from tests.helpers.outbox import World


async def test_a_member_with_many_messages_due_does_not_hold_up_another_members(
    world: World,
) -> None:
    busy = await world.register(721, "Lohja")
    await world.register(722, "Siuntio")
    async with world.sessions.begin() as session:
        meeting = await session.scalar(select(Meeting).order_by(Meeting.date.desc()).limit(1))
        assert meeting is not None
        member = await session.get(Member, busy)
        assert member is not None
        # A dozen notices to one member, due together and queued first.
        session.add_all(
            Outbox(
                kind=CHANGE,
                chat_id=721,
                member_id=busy,
                meeting_id=meeting.id,
                subject=f"test:{n}",
                payload={"changes": {}},
                due_at=world.clock(),
            )
            for n in range(12)
        )
        await session.flush()
        other = await session.scalar(select(Member.id).where(Member.telegram_id == 722))
        session.add(
            Outbox(
                kind=CHANGE,
                chat_id=722,
                member_id=other,
                meeting_id=meeting.id,
                subject="test:other",
                payload={"changes": {}},
                due_at=world.clock(),
            )
        )
    dispatcher = world.dispatcher_as("test-b", batch_size=4, concurrency=1)
    await dispatcher.run_once()
    # The other member's notice is in the first batch, right after the busy member's first.
    order = [m.chat_id for m in world.api.sent]
    assert order == [721, 722, 721, 721]
    [notice] = world.sent_to(722)
    assert (notice.plain_text or "").startswith("📅 Kokous on muuttunut")
