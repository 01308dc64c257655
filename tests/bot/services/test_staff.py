"""Roles and invitations: an invite link makes one coordinator, however the uses interleave."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.members import Person, member_of
from bot.services.staff import use_invite
from storage.models import AuditEntry, Invite, Member, Role

Sessions = async_sessionmaker[AsyncSession]
NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
AINO = Person(telegram_id=701, name="Aino", language="fi")
OLLI = Person(telegram_id=702, name="Olli", language="fi")


async def an_invite(sessions: Sessions, token: str, *, expires_at: datetime) -> None:
    async with sessions.begin() as session:
        session.add(Invite(token=token, created_by=5001, expires_at=expires_at))
        for person in (AINO, OLLI):
            await member_of(session, person)


async def roles(sessions: Sessions) -> dict[int, Role]:
    async with sessions() as session:
        members = await session.scalars(select(Member))
        return {m.telegram_id: m.role for m in members}


async def test_an_invite_used_in_two_interleaved_transactions_makes_one_coordinator(
    sessions: Sessions,
) -> None:
    await an_invite(sessions, "kutsu", expires_at=NOW + timedelta(days=1))
    async with sessions() as first, sessions() as second:
        # Both have seen the link unused before either has used it.
        for session in (first, second):
            invite = await session.scalar(select(Invite).where(Invite.token == "kutsu"))
            assert invite is not None
            assert invite.used_by is None
        assert await use_invite(first, AINO, "kutsu", now=NOW)
        # The second waits for the first one's lock until the first commits.
        racing = asyncio.create_task(use_invite(second, OLLI, "kutsu", now=NOW))
        await asyncio.sleep(0.3)
        await first.commit()
        accepted = await racing
        await second.commit()

    assert accepted is False
    assert await roles(sessions) == {
        AINO.telegram_id: Role.COORDINATOR,
        OLLI.telegram_id: Role.PARTICIPANT,
    }
    async with sessions() as session:
        invite = await session.scalar(select(Invite).where(Invite.token == "kutsu"))
        assert invite is not None
        assert invite.used_by == AINO.telegram_id
        refused = await session.scalars(
            select(AuditEntry.actor_telegram_id).where(
                AuditEntry.action == "use-invite", AuditEntry.allowed.is_(False)
            )
        )
        assert list(refused) == [OLLI.telegram_id]


async def test_an_expired_invite_makes_nobody_a_coordinator(sessions: Sessions) -> None:
    await an_invite(sessions, "vanha", expires_at=NOW - timedelta(seconds=1))
    async with sessions.begin() as session:
        assert await use_invite(session, AINO, "vanha", now=NOW) is False
    assert await roles(sessions) == {
        AINO.telegram_id: Role.PARTICIPANT,
        OLLI.telegram_id: Role.PARTICIPANT,
    }
