"""Personal data over HTTP: the notice, everything stored as a file, and forgetting."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.console.bot_api import FakeUser, LocalBotAPI
from bot.services.privacy import purge_expired
from storage.database import create_engine, create_sessions
from storage.models import (
    AuditEntry,
    ForgottenCount,
    Member,
    Outbox,
    OutboxStatus,
    Rsvp,
    Subscription,
)
from tests.conftest import DATABASES, database_of
from tests.helpers.bots import bot_running
from tests.helpers.schedules import load_demo

Sessions = async_sessionmaker[AsyncSession]


@pytest.fixture(params=DATABASES)
def database_url(request: pytest.FixtureRequest) -> str:
    """Both databases in turn, as in the rest of the suite (the end-to-end default is SQLite)."""
    return database_of(request)


@pytest.mark.e2e
async def test_a_member_sees_everything_stored_and_can_have_it_deleted(
    fake_api: LocalBotAPI, sqlite_url: str
) -> None:
    engine = create_engine(sqlite_url)
    sessions = create_sessions(engine)
    await load_demo(sessions)
    aino = FakeUser(1201, "Aino", language_code="fi")
    async with bot_running(fake_api, sqlite_url, reminder_offsets="1d"):
        fake_api.send_text(aino, "/start kerava")
        [welcome] = await fake_api.wait_for_message(aino.id)
        assert "Tietosuoja: /privacy" in (welcome.plain_text or "")
        fake_api.send_text(aino, "/privacy")
        [_, notice] = await fake_api.wait_for_message(aino.id, count=2)
        assert "poistetaan 365 päivän jälkeen" in (notice.plain_text or "")

        fake_api.send_text(aino, "/mydata")
        [*_, file] = await fake_api.wait_for_message(aino.id, count=4)
        data = json.loads(file.document_bytes or b"{}")
        assert file.document_name == "verstas-mydata.json"
        assert (data["telegram_id"], data["name"], data["municipality"]) == (1201, "Aino", "Kerava")
        assert {w["workshop"] for w in data["workshops"]} == {
            "ehkaiseva-lastensuojelu",
            "matalan-kynnyksen-toimintamallit",
            "kasvatuskumppanuus",
        }

        fake_api.send_text(aino, "/forget")
        [*_, question] = await fake_api.wait_for_message(aino.id, count=5)
        assert (question.plain_text or "").startswith("Poistetaanko kaikki tietosi")
        fake_api.press_button(aino, question, question.callback_data("Poista tietoni"))
        [*_, done] = await fake_api.wait_for_message(aino.id, count=6)
        assert (
            done.plain_text
            == "Tietosi on poistettu. Jos kirjoitat minulle uudelleen, aloitamme alusta."
        )

        async with sessions() as session:
            assert await session.scalar(select(Member).where(Member.telegram_id == aino.id)) is None
            for table in (Subscription, Rsvp, Outbox):
                assert await session.scalar(select(func.count()).select_from(table)) == 0
            forgotten = await session.get(ForgottenCount, "members")
            assert forgotten is not None
            assert forgotten.count == 1
        fake_api.send_text(aino, "/mydata")
        [*_, nothing] = await fake_api.wait_for_message(aino.id, count=7)
        assert nothing.plain_text == "Sinusta ei ole tallennettu mitään."
    await engine.dispose()


async def test_sent_messages_and_audit_entries_are_kept_for_the_retention_period(
    sessions: Sessions,
) -> None:
    now = datetime(2026, 11, 23, 12, tzinfo=UTC)
    old, recent = now - timedelta(days=366), now - timedelta(days=10)
    async with sessions.begin() as session:
        for n, (due, status) in enumerate(
            [
                (old, OutboxStatus.SENT),
                (old, OutboxStatus.FAILED),
                (old, OutboxStatus.PENDING),  # never finished: not the purge's to delete
                (recent, OutboxStatus.SENT),
            ]
        ):
            session.add(Outbox(kind="reminder", chat_id=n, subject="s", due_at=due, status=status))
        session.add(AuditEntry(actor_telegram_id=1, action="broadcast", at=old))
        session.add(AuditEntry(actor_telegram_id=1, action="broadcast", at=recent))
    async with sessions.begin() as session:
        assert await purge_expired(session, now=now, retention_days=365) == (2, 1)
    async with sessions() as session:
        left = (
            (await session.execute(select(Outbox.chat_id).order_by(Outbox.chat_id))).scalars().all()
        )
        assert left == [2, 3]
        assert await session.scalar(select(func.count()).select_from(AuditEntry)) == 1
