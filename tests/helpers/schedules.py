"""Builders for schedule files in tests."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

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
