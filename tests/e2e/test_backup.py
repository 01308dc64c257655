"""A backup taken while the bot sends a broadcast restores to a database the bot can run on."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.console.bot_api import FakeUser, LocalBotAPI
from storage.backup import backup_database
from storage.database import create_engine, create_sessions
from storage.migrate import upgrade
from storage.models import Announcement, Outbox, OutboxStatus
from tests.helpers.bots import bot_running
from tests.helpers.broadcasts import broadcast, deliveries, members
from tests.helpers.schedules import load_demo

COORDINATOR = FakeUser(7101, "Marianna")
TEXT = "Kevään verstaspäivä siirtyy viikolla eteenpäin."
RECIPIENTS = range(20_000, 20_300)


async def test_a_backup_taken_while_a_broadcast_goes_out_restores_whole(
    fake_api: LocalBotAPI,
    database_url: str,
    sessions: async_sessionmaker[AsyncSession],
    tmp_path: Path,
) -> None:
    await load_demo(sessions)
    await members(sessions, fake_api, RECIPIENTS)
    fake_api.add_user(COORDINATOR)
    copy = tmp_path / "backups" / "verstas.sqlite3"
    # A slow send rate keeps the broadcast going out while the copy is taken.
    async with bot_running(
        fake_api, database_url, bot_admin_ids=(COORDINATOR.id,), bot_send_rate=60
    ):
        await broadcast(fake_api, COORDINATOR, TEXT)
        await fake_api.wait_until(
            lambda: len(deliveries(fake_api, TEXT)) >= 50, timeout=30, what="50 deliveries"
        )
        await asyncio.to_thread(backup_database, database_url, copy)
        delivered_after_copy = len(deliveries(fake_api, TEXT))
    assert delivered_after_copy < len(RECIPIENTS), "the copy was taken after the broadcast"

    # Restored: a database of its own, migrated as at every start.
    restored_url = f"sqlite+aiosqlite:///{copy}"
    engine = create_engine(restored_url)
    try:
        await upgrade(engine)
        async with create_sessions(engine)() as session:
            announcement = await session.scalar(select(Announcement))
            rows = list(await session.scalars(select(Outbox).where(Outbox.kind == "announcement")))
    finally:
        await engine.dispose()
    assert announcement is not None
    assert announcement.text.endswith(TEXT)
    # Every recipient's row is there (the coordinator, a member too, gets it as well), as of
    # one moment: each either sent or still to send.
    assert sorted(row.chat_id for row in rows) == sorted([COORDINATOR.id, *RECIPIENTS])
    assert {row.status for row in rows} <= {OutboxStatus.SENT, OutboxStatus.PENDING}
    # What the copy says was sent really reached those members, and no more than went out
    # while the copy was taken.
    sent = {row.chat_id for row in rows if row.status == OutboxStatus.SENT}
    assert sent <= set(deliveries(fake_api, TEXT))
    assert len(sent) <= delivered_after_copy
    assert Path(str(make_url(database_url).database)) != copy
