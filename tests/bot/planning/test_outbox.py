"""Planning: which reminder rows exist after meetings and members change."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.planning import outbox
from bot.planning.outbox import ReminderPolicy, plan_everything, plan_member
from bot.planning.planner import Planner
from bot.services.members import Person, leave_workshop, set_reminder_offsets
from config.settings import QuietHours, parse_offsets
from storage.models import Outbox, OutboxStatus, Subscription, Workshop
from tests.helpers.schedules import HELSINKI, follower, load_demo, meeting_soon

Sessions = async_sessionmaker[AsyncSession]
WORKSHOP = "ehkaiseva-lastensuojelu"


def helsinki(text: str) -> datetime:
    return datetime.strptime(text, "%d.%m.%Y %H:%M").replace(tzinfo=HELSINKI)


async def planned(sessions: Sessions, member_id: int) -> list[tuple[str, int]]:
    async with sessions() as session:
        rows = await session.scalars(
            select(Outbox)
            .where(Outbox.member_id == member_id, Outbox.status == OutboxStatus.PENDING)
            .order_by(Outbox.due_at)
        )
        return [
            (r.due_at.astimezone(HELSINKI).strftime("%d.%m.%Y %H:%M"), r.offset_seconds)
            for r in rows
        ]


async def test_reminders_across_the_spring_change_and_out_of_quiet_hours(
    sessions: Sessions,
) -> None:
    await load_demo(sessions)
    member_id = await follower(sessions, 601, WORKSHOP)
    # Monday after summer time began (Sunday 29.3.2009 at 3.00), at 8.30.
    await meeting_soon(sessions, WORKSHOP, helsinki("30.3.2009 08:30"))
    policy = ReminderPolicy(parse_offsets("7d,1d,1h"), QuietHours(time(21), time(8)), HELSINKI)
    async with sessions.begin() as session:
        await plan_member(session, member_id, now=helsinki("20.3.2009 12:00"), policy=policy)
    rows = [
        row for row in await planned(sessions, member_id) if row[0].startswith(("23.03", "29.03"))
    ]
    assert rows == [
        ("23.03.2009 08:30", 604_800),  # a week before, EET
        ("29.03.2009 08:30", 86_400),  # the day before, EEST: 23 hours earlier
        ("29.03.2009 20:59", 3_600),  # 7.30 on Monday is in quiet hours: the evening before
    ]


async def test_leaving_or_turning_reminders_off_drops_what_is_pending(sessions: Sessions) -> None:
    await load_demo(sessions)
    member_id = await follower(sessions, 602, WORKSHOP)
    person = Person(602, "Jäsen 602", "fi")
    policy = ReminderPolicy(parse_offsets("7d,1d"), None, HELSINKI)
    now = helsinki("1.3.2009 12:00")
    planner = Planner(policy, lambda: now)
    async with sessions.begin() as session:
        await plan_member(session, member_id, now=now, policy=policy)
    assert len(await planned(sessions, member_id)) == 11

    async with sessions.begin() as session:
        await set_reminder_offsets(session, person, parse_offsets("2h"), planner=planner)
    assert {offset for _, offset in await planned(sessions, member_id)} == {7200}

    async with sessions.begin() as session:
        await set_reminder_offsets(session, person, (), planner=planner)
    assert await planned(sessions, member_id) == []

    async with sessions.begin() as session:
        await set_reminder_offsets(session, person, None, planner=planner)
    assert len(await planned(sessions, member_id)) == 11
    async with sessions.begin() as session:
        workshop = await session.scalar(select(Workshop).where(Workshop.key == WORKSHOP))
        assert workshop is not None
        await leave_workshop(session, person, workshop.id, planner=planner)
    assert await planned(sessions, member_id) == []


async def test_the_start_reconciles_every_follower_chunk_by_chunk(
    sessions: Sessions, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Chunks of two chats: members who left sit at both ends and in the middle of them.
    monkeypatch.setattr(outbox, "CHUNK", 2)
    await load_demo(sessions)
    members = {chat: await follower(sessions, chat, WORKSHOP) for chat in range(701, 708)}
    await meeting_soon(sessions, WORKSHOP, helsinki("30.3.2009 13:00"))
    now = helsinki("1.3.2009 12:00")
    evening = ReminderPolicy(parse_offsets("1d"), None, HELSINKI)
    async with sessions.begin() as session:
        await plan_everything(session, now=now, policy=evening)
    before = {chat: await planned(sessions, member) for chat, member in members.items()}
    assert all(("29.03.2009 13:00", 86_400) in rows for rows in before.values())

    async with sessions.begin() as session:
        await session.execute(
            delete(Subscription).where(
                Subscription.member_id.in_([members[701], members[704], members[707]])
            )
        )
    # Quiet hours from 12 move the day-before reminder to the morning.
    quiet = ReminderPolicy(parse_offsets("1d"), QuietHours(time(12), time(8)), HELSINKI)
    async with sessions.begin() as session:
        assert await plan_everything(session, now=now, policy=quiet) == 0
    after = {chat: await planned(sessions, member) for chat, member in members.items()}
    for chat in (701, 704, 707):
        assert after[chat] == []
    for chat in (702, 703, 705, 706):
        assert ("29.03.2009 11:59", 86_400) in after[chat]
        assert len(after[chat]) == len(before[chat])
