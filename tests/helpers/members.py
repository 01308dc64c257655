"""Members for tests, made through the same services as registration."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.foundation.clock import system_clock
from bot.planning.outbox import ReminderPolicy
from bot.planning.planner import Planner
from bot.services.directory import load_directory
from bot.services.members import Person, choose_municipality
from config.settings import Settings

DEFAULT_PLANNER = Planner(ReminderPolicy.from_settings(Settings(_env_file=None)), system_clock)


async def resident(
    sessions: async_sessionmaker[AsyncSession],
    telegram_id: int,
    municipality: str,
    *,
    name: str | None = None,
    language: str = "fi",
    planner: Planner | None = None,
) -> int:
    """A member of `municipality` following its workshops; returns the member id.

    Their reminders are planned as registration plans them: by `planner`, or by the
    network's default offsets at the real time.
    """
    async with sessions.begin() as session:
        directory = await load_directory(session)
        chosen = directory.municipality(municipality)
        assert chosen is not None, municipality
        participant = await choose_municipality(
            session,
            Person(telegram_id, name or f"Jäsen {telegram_id}", language),
            chosen.id,
            [w.id for w in directory.workshops_of(chosen.id)],
            planner=planner or DEFAULT_PLANNER,
        )
        assert participant.member_id is not None
        return participant.member_id
