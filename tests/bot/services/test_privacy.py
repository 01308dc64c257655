"""The daily retention job also clears what waited for a Confirm too long."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.privacy import purge_expired
from storage.models import Announcement, AnnouncementState, PendingImport

Sessions = async_sessionmaker[AsyncSession]
NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


async def test_pending_imports_after_a_day_and_drafts_after_a_week_are_purged(
    sessions: Sessions,
) -> None:
    async with sessions.begin() as session:
        for name, age in (("old.yaml", timedelta(hours=25)), ("new.yaml", timedelta(hours=23))):
            session.add(
                PendingImport(
                    telegram_id=1, file_name=name, content=b"x" * 1000, created_at=NOW - age
                )
            )
        for text, state, age in (
            ("old draft", AnnouncementState.DRAFT, timedelta(days=8)),
            ("new draft", AnnouncementState.DRAFT, timedelta(days=6)),
            ("old and sent", AnnouncementState.CONFIRMED, timedelta(days=30)),
        ):
            session.add(Announcement(text=text, state=state, created_at=NOW - age))
    async with sessions.begin() as session:
        await purge_expired(session, now=NOW, retention_days=365)
    async with sessions() as session:
        files = (await session.scalars(select(PendingImport.file_name))).all()
        texts = (await session.scalars(select(Announcement.text).order_by(Announcement.id))).all()
    assert files == ["new.yaml"]
    assert texts == ["new draft", "old and sent"]
