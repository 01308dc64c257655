"""Members: choosing a municipality follows its workshops; joined workshops stay."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.directory import Directory, load_directory
from bot.services.members import (
    Person,
    choose_municipality,
    join_workshop,
    leave_workshop,
    participant_of,
)
from tests.helpers.members import DEFAULT_PLANNER
from tests.helpers.schedules import load_demo

Sessions = async_sessionmaker[AsyncSession]
AINO = Person(telegram_id=501, name="Aino", language="fi")
PLANNER = DEFAULT_PLANNER


async def choose(sessions: Sessions, directory: Directory, name: str) -> frozenset[str]:
    municipality = directory.municipality(name)
    assert municipality is not None
    async with sessions.begin() as session:
        participant = await choose_municipality(
            session,
            AINO,
            municipality.id,
            [w.id for w in directory.workshops_of(municipality.id)],
            planner=PLANNER,
        )
    return frozenset(w.key for w in directory.workshops if w.id in participant.workshop_ids)


async def test_choosing_and_changing_the_municipality(sessions: Sessions) -> None:
    await load_demo(sessions)
    async with sessions() as session:
        directory = await load_directory(session)
    assert await choose(sessions, directory, "Kerava") == {
        "ehkaiseva-lastensuojelu",
        "matalan-kynnyksen-toimintamallit",
        "kasvatuskumppanuus",
    }
    assert await choose(sessions, directory, "Lohja") == {"ehkaiseva-lastensuojelu"}

    partnership = directory.workshop_by_key("kasvatuskumppanuus")
    assert partnership is not None
    async with sessions.begin() as session:
        assert await join_workshop(session, AINO, partnership.id, planner=PLANNER)
        assert not await join_workshop(session, AINO, partnership.id, planner=PLANNER)
    # A workshop joined by hand stays when the municipality changes again.
    assert await choose(sessions, directory, "Raseborg") == {
        "ehkaiseva-lastensuojelu",
        "kasvatuskumppanuus",
    }
    async with sessions.begin() as session:
        assert await leave_workshop(session, AINO, partnership.id, planner=PLANNER)
        participant = await participant_of(session, AINO)
    assert participant.municipality_id == directory.municipality("Raasepori").id  # type: ignore[union-attr]
    assert len(participant.workshop_ids) == 1
