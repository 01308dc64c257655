"""Who may do what for which workshop: one check, on SQLite and PostgreSQL.

A representative of "Ehkäisevä lastensuojelu" may tell its members, run its meetings,
minutes, date polls and surveys and see who is coming; not for another workshop, not for
the whole network, and nothing of the coordinators' own. Every refusal is in the audit log.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.members import Person, member_of
from bot.services.permissions import (
    Action,
    Rank,
    permitted,
    permitted_for_all,
    permitted_for_meeting,
    rank_of,
    represented_by,
)
from bot.services.privacy import forget_member, personal_data
from bot.services.representatives import grant, revoke, staff_list
from bot.services.staff import NotAllowed, staff_member
from storage.models import AuditEntry, Meeting, Member, Role, Workshop, WorkshopRepresentative
from tests.helpers.schedules import load_demo

Sessions = async_sessionmaker[AsyncSession]
NOW = datetime(2009, 1, 20, 10, tzinfo=UTC)
COORDINATOR = Person(telegram_id=801, name="Marianna Kokko", language="fi")
IRIS = Person(telegram_id=802, name="Iris Heikkilä", language="fi")
PARTICIPANT = Person(telegram_id=803, name="Pekka", language="fi")
ADMIN = Person(telegram_id=804, name="Ylläpitäjä", language="fi", administrator=True)


async def _workshop(session: AsyncSession, key: str) -> int:
    workshop_id = await session.scalar(select(Workshop.id).where(Workshop.key == key))
    assert workshop_id is not None
    return workshop_id


@pytest.fixture
async def workshops(sessions: Sessions) -> tuple[int, int]:
    """The demo network; Iris represents the first workshop (A), not the second (B)."""
    await load_demo(sessions)
    async with sessions.begin() as session:
        for person in (COORDINATOR, IRIS, PARTICIPANT):
            await member_of(session, person)
        coordinator = await member_of(session, COORDINATOR)
        coordinator.role = Role.COORDINATOR
        a = await _workshop(session, "ehkaiseva-lastensuojelu")
        b = await _workshop(session, "matalan-kynnyksen-toimintamallit")
        assert await grant(session, COORDINATOR, IRIS.telegram_id, [a], now=NOW) is not None
    return a, b


async def refusals(sessions: Sessions) -> list[tuple[int, str, str]]:
    async with sessions() as session:
        entries = await session.scalars(
            select(AuditEntry).where(AuditEntry.allowed.is_(False)).order_by(AuditEntry.id)
        )
        return [(e.actor_telegram_id, e.action, e.detail) for e in entries]


@pytest.mark.parametrize("action", list(Action))
async def test_a_representative_may_act_for_their_workshop_only(
    sessions: Sessions, workshops: tuple[int, int], action: Action
) -> None:
    a, b = workshops
    async with sessions.begin() as session:
        member = await permitted(session, IRIS, action, workshop_id=a)
        assert member.telegram_id == IRIS.telegram_id
    for other in (b, None):
        async with sessions.begin() as session:
            with pytest.raises(NotAllowed) as refused:
                await permitted(session, IRIS, action, workshop_id=other)
        # The refusal names the workshop they may act for.
        assert refused.value.representative_of == (a,)
    assert (
        await refusals(sessions)
        == [(IRIS.telegram_id, action.value, "refused: another workshop")] * 2
    )


async def test_staff_may_act_for_any_workshop_and_the_network_a_participant_for_none(
    sessions: Sessions, workshops: tuple[int, int]
) -> None:
    a, b = workshops
    for person in (COORDINATOR, ADMIN):
        async with sessions.begin() as session:
            for workshop_id in (a, b, None):
                await permitted(session, person, Action.BROADCAST, workshop_id=workshop_id)
    async with sessions.begin() as session:
        with pytest.raises(NotAllowed) as refused:
            await permitted(
                session, PARTICIPANT, Action.MEETINGS, workshop_id=a, name="add-meeting"
            )
    assert refused.value.representative_of == ()
    assert await refusals(sessions) == [(PARTICIPANT.telegram_id, "add-meeting", "refused: role")]


async def test_a_meeting_is_checked_by_its_workshop_and_a_survey_by_all_of_its(
    sessions: Sessions, workshops: tuple[int, int]
) -> None:
    a, b = workshops
    async with sessions.begin() as session:
        own = await session.scalar(select(Meeting.id).where(Meeting.workshop_id == a).limit(1))
        other = await session.scalar(select(Meeting.id).where(Meeting.workshop_id == b).limit(1))
        assert own is not None
        assert other is not None
        await permitted_for_meeting(session, IRIS, Action.ATTENDANCE, own)
        await permitted_for_all(session, IRIS, Action.SURVEYS, [a])
    for meeting_id in (other, 999_999):
        async with sessions.begin() as session:
            with pytest.raises(NotAllowed):
                await permitted_for_meeting(session, IRIS, Action.MINUTES, meeting_id)
    for workshop_ids in ([a, b], []):
        async with sessions.begin() as session:
            with pytest.raises(NotAllowed):
                await permitted_for_all(session, IRIS, Action.SURVEYS, workshop_ids)


async def test_a_representative_has_none_of_the_coordinators_tools(
    sessions: Sessions, workshops: tuple[int, int]
) -> None:
    a, _ = workshops
    for action in ("import", "audit", "staff", "members"):
        async with sessions.begin() as session:
            with pytest.raises(NotAllowed):
                await staff_member(session, IRIS, action)
    async with sessions.begin() as session:
        with pytest.raises(NotAllowed):
            await grant(session, IRIS, PARTICIPANT.telegram_id, [a], now=NOW)
    assert [action for _, action, _ in await refusals(sessions)] == [
        "import",
        "audit",
        "staff",
        "members",
        "promote-representative",
    ]


async def test_granting_and_removing_change_the_rank_and_are_in_the_audit_log(
    sessions: Sessions, workshops: tuple[int, int]
) -> None:
    a, b = workshops
    async with sessions.begin() as session:
        assert await rank_of(session, IRIS) is Rank.REPRESENTATIVE
        assert await rank_of(session, PARTICIPANT) is Rank.PARTICIPANT
        assert await rank_of(session, COORDINATOR) is Rank.COORDINATOR
        assert await rank_of(session, ADMIN) is Rank.ADMINISTRATOR
        await grant(session, COORDINATOR, IRIS.telegram_id, [a, b], now=NOW)
        assert await represented_by(session, IRIS) == {a, b}
        assert await represented_by(session, COORDINATOR) is None
        listed = {
            e.telegram_id: (e.role, set(e.workshops)) for e in await staff_list(session, ADMIN)
        }
        assert listed[IRIS.telegram_id] == ("representative", {a, b})
        assert listed[COORDINATOR.telegram_id] == ("coordinator", set())
        assert PARTICIPANT.telegram_id not in listed
        await revoke(session, COORDINATOR, IRIS.telegram_id, [a])
        assert await represented_by(session, IRIS) == {b}
        await revoke(session, COORDINATOR, IRIS.telegram_id, None)
        assert await rank_of(session, IRIS) is Rank.PARTICIPANT
        iris = await session.scalar(select(Member).where(Member.telegram_id == IRIS.telegram_id))
        assert iris is not None
        assert iris.role == Role.PARTICIPANT
    async with sessions() as session:
        entries = await session.scalars(
            select(AuditEntry)
            .where(AuditEntry.action.like("%representative"))
            .order_by(AuditEntry.id)
        )
        assert [(e.actor_telegram_id, e.action, e.target, e.detail) for e in entries] == [
            (
                801,
                "promote-representative",
                "Iris Heikkilä (802)",
                "workshops ehkaiseva-lastensuojelu",
            ),
            (
                801,
                "promote-representative",
                "Iris Heikkilä (802)",
                "workshops ehkaiseva-lastensuojelu,matalan-kynnyksen-toimintamallit",
            ),
            (
                801,
                "demote-representative",
                "Iris Heikkilä (802)",
                "workshops ehkaiseva-lastensuojelu",
            ),
            (801, "demote-representative", "Iris Heikkilä (802)", "all workshops"),
        ]


async def test_forgetting_ends_a_representation_and_its_granters_id(
    sessions: Sessions, workshops: tuple[int, int]
) -> None:
    a, _ = workshops
    async with sessions.begin() as session:
        data = await personal_data(session, IRIS.telegram_id, survey_key=b"k")
        assert data is not None
        assert data["represents"] == ["ehkaiseva-lastensuojelu"]
        await grant(session, COORDINATOR, PARTICIPANT.telegram_id, [a], now=NOW)
        assert await forget_member(session, COORDINATOR.telegram_id, survey_key=b"k")
        assert await forget_member(session, IRIS.telegram_id, survey_key=b"k")
    async with sessions() as session:
        rows = (await session.execute(select(WorkshopRepresentative))).scalars().all()
        assert [(r.workshop_id, r.granted_by) for r in rows] == [(a, None)]
        assert await rank_of(session, IRIS) is Rank.PARTICIPANT
