"""Builders for schedule files in tests."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from textwrap import dedent
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import Meeting, Member, Subscription, Workshop
from storage.schedule import apply_schedule, read_schedule_bytes

DEMO = Path(__file__).parents[2] / "config" / "demo" / "arvo-2009.yaml"
HELSINKI = ZoneInfo("Europe/Helsinki")


def demo_bytes() -> bytes:
    """The demo network as the importer reads it."""
    return DEMO.read_bytes()


def yaml_bytes(text: str) -> bytes:
    """An inline YAML document, dedented, as file bytes."""
    return dedent(text).lstrip("\n").encode()


async def load_demo(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Import the demo network into the test database."""
    async with sessions.begin() as session:
        await apply_schedule(
            session, read_schedule_bytes(demo_bytes(), "yaml"), default_timezone=HELSINKI
        )


async def meeting_soon(
    sessions: async_sessionmaker[AsyncSession], workshop_key: str, starts_at: datetime
) -> int:
    """A meeting of a demo workshop at an exact instant (files give only minutes)."""
    async with sessions.begin() as session:
        workshop = await session.scalar(select(Workshop).where(Workshop.key == workshop_key))
        assert workshop is not None
        meeting = Meeting(
            workshop_id=workshop.id,
            key=f"soon-{starts_at:%H%M%S}",
            date=starts_at.astimezone(HELSINKI).date(),
            starts_at=starts_at,
            place="Lohja",
            agenda=[],
        )
        session.add(meeting)
        await session.flush()
        return meeting.id


async def follower(
    sessions: async_sessionmaker[AsyncSession],
    telegram_id: int,
    workshop_key: str,
    language: str = "fi",
) -> int:
    """A member following one workshop; returns the member id."""
    async with sessions.begin() as session:
        workshop = await session.scalar(select(Workshop).where(Workshop.key == workshop_key))
        assert workshop is not None
        member = Member(telegram_id=telegram_id, name=f"Jäsen {telegram_id}", language=language)
        session.add(member)
        await session.flush()
        session.add(Subscription(member_id=member.id, workshop_id=workshop.id))
        return member.id
