"""Files sent to the bot are fetched from Telegram only after the sender's role is checked."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import VerstasApplication
from bot.console.bot_api import FakeUser, LocalBotAPI
from storage.models import AuditEntry, Minutes, MinutesRequest
from tests.helpers.bots import ADMIN
from tests.helpers.chat import say

pytestmark = pytest.mark.e2e

Sessions = async_sessionmaker[AsyncSession]
NINETEEN_MB = b"%PDF" + b"0" * (19 * 1024 * 1024)
REFUSED = "Tämä toiminto on vain koordinaattoreille."


async def refusals(sessions: Sessions, telegram_id: int) -> list[str]:
    async with sessions() as session:
        entries = await session.scalars(
            select(AuditEntry.action).where(
                AuditEntry.actor_telegram_id == telegram_id, AuditEntry.allowed.is_(False)
            )
        )
        return list(entries)


async def reply_to_file(
    api: LocalBotAPI, user: FakeUser, name: str, content: bytes, caption: str | None = None
) -> str:
    before = len(api.messages_to(user.id))
    api.send_document(user, name, content, caption=caption)
    return (await api.wait_for_message(user.id, count=before + 1))[before].plain_text or ""


async def test_a_strangers_large_minutes_file_is_refused_without_being_downloaded(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    stranger = FakeUser(901, "Vieras")

    answer = await reply_to_file(fake_api, stranger, "poytakirja.pdf", NINETEEN_MB, "/minutes 1")

    assert answer == REFUSED
    assert fake_api.calls_to("getFile") == []
    assert await refusals(sessions, stranger.id) == ["minutes"]


async def test_a_participants_schedule_file_is_refused_without_being_downloaded(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    participant = FakeUser(902, "Osallistuja")
    await say(fake_api, participant, "/start kerava")

    answer = await reply_to_file(fake_api, participant, "syksy.csv", b"workshop,date\n")

    assert answer == REFUSED
    assert fake_api.calls_to("getFile") == []
    assert await refusals(sessions, participant.id) == ["import"]


async def test_minutes_awaited_from_a_coordinator_demoted_meanwhile_are_not_downloaded(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    satu = FakeUser(903, "Satu")
    await say(fake_api, satu, "/start kerava")
    await say(fake_api, ADMIN, "/promote 903")
    asked = await say(fake_api, satu, "/minutes 4.3.2009")
    assert (asked.plain_text or "").startswith("📝 Lähetä kokouksen")
    await say(fake_api, ADMIN, "/demote 903")

    answer = await reply_to_file(fake_api, satu, "poytakirja.pdf", b"%PDF-1.4")

    assert answer == REFUSED
    assert fake_api.calls_to("getFile") == []
    assert await refusals(sessions, satu.id) == ["minutes"]
    async with sessions() as session:
        assert (await session.scalars(select(Minutes))).all() == []
        # The wait is over: her next message is read as a question again, not as minutes.
        assert (await session.scalars(select(MinutesRequest))).all() == []
