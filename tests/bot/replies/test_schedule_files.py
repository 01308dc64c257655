"""A schedule file or a pasted announcement in the chat: the preview, and what it leaves."""

from __future__ import annotations

import asyncio
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.replies.pasted_announcements import pasted_text_reply
from bot.replies.schedule_files import schedule_file_reply
from bot.services.members import Person, set_language
from storage.models import Meeting, PendingImport
from tests.helpers.runtime import runtime_at
from tests.helpers.schedules import HELSINKI, demo_bytes, load_demo

NOON_1_MARCH_2009 = datetime(2009, 3, 1, 12, 0, tzinfo=HELSINKI)
ADMIN = Person(42, "Marianna Kokko", "en", administrator=True)
# A dry run that waited for a lock would wait the busy timeout (30 s); far less will do.
PROMPTLY = 10


async def _meetings_at_one(sessions: async_sessionmaker[AsyncSession]) -> int:
    async with sessions() as session:
        count = await session.scalar(
            select(func.count()).select_from(Meeting).where(Meeting.place == "Kirkkonummi")
        )
        return int(count or 0)


async def test_a_schedule_file_is_previewed_in_the_update_own_transaction(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await load_demo(sessions)
    context = runtime_at(NOON_1_MARCH_2009, engine)
    before = await _meetings_at_one(sessions)
    moved = demo_bytes().replace(b"place: Kirkkonummi", b"place: Siuntio", 1)
    async with sessions.begin() as session:
        await set_language(session, ADMIN, "en")

    # This update writes nothing before the preview: the savepoint begins its transaction.
    async with sessions.begin() as session:
        reply = await asyncio.wait_for(
            schedule_file_reply(session, context, ADMIN, "arvo.yaml", moved), PROMPTLY
        )

    assert "place Kirkkonummi → Siuntio" in reply.text
    assert reply.buttons
    # The preview changed nothing; the file waits for Confirm.
    assert await _meetings_at_one(sessions) == before
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(PendingImport)) == 1


async def test_a_pasted_announcement_is_previewed_in_the_update_own_transaction(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await load_demo(sessions)
    context = runtime_at(NOON_1_MARCH_2009, engine)
    text = (
        "Avoimen / matalan kynnyksen toimintamallien kehittäminen\n"
        "Sovitut kokouspäivämäärät ovat 4.2.2009 (Lohja) ja 7.10.2009 (Vihti)\n"
    )

    async with sessions.begin() as session:
        # The update has written already (the member's choice of language), so its
        # transaction holds SQLite's write lock when the preview is made.
        await set_language(session, ADMIN, "en")
        reply = await asyncio.wait_for(pasted_text_reply(session, context, ADMIN, text), PROMPTLY)

    assert reply is not None
    assert "+ matalan-kynnyksen-toimintamallit 7 Oct 2009" in reply.text
    async with sessions() as session:
        stored = await session.scalar(
            select(func.count()).select_from(Meeting).where(Meeting.place == "Vihti")
        )
        waiting = await session.scalar(select(func.count()).select_from(PendingImport))
    assert (stored, waiting) == (1, 1)


async def test_the_preview_lists_changes_of_names_as_well_as_of_meetings(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await load_demo(sessions)
    context = runtime_at(NOON_1_MARCH_2009, engine)
    renamed = demo_bytes().replace(
        b"name_sv: F\xc3\xb6rebyggande barnskydd i basservicen", b"name_sv: Barnskydd", 1
    )

    async with sessions.begin() as session:
        reply = await schedule_file_reply(session, context, ADMIN, "arvo.yaml", renamed)

    assert (
        "~ workshop ehkaiseva-lastensuojelu: name_sv Förebyggande barnskydd i basservicen"
        " → Barnskydd"
    ) in reply.text.splitlines()
    assert "No changes" not in reply.text
