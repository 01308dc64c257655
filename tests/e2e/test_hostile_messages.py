"""Hostile messages to the running bot: one clear reply each, no error, nothing written."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.console.bot_api import FakeUser, LocalBotAPI
from storage.models import Meeting, Member, Outbox, Rsvp
from tests.helpers.bots import bot_running
from tests.helpers.schedules import load_demo

pytestmark = pytest.mark.e2e

GENERIC_ERROR = "Valitettavasti jokin meni vikaan. Yritä hetken kuluttua uudelleen."
HOSTILE = [
    "x" * 4096,
    "\x00\x01\x02\x1b[31m",
    "\u202e\u2066 Lohja \u2069",
    "<b>bold</b> <script>alert(1)</script> &amp; &lt;",
    "*bold* _italic_ `code` [link](http://x)",
    "🎉🤖👩‍👩‍👧‍👦" * 50,
    "/",
    "/next " + "ä" * 5000,
    "/next <i>Lohja</i>",
    "/meetings -1",
    "/meetings 99999999999999999999",
    "/meetings ²",
    "/join ../../etc/passwd",
    "/leave ' OR 1=1 --",
    "/municipality \u202eajhoL",
    "/municipality " + "a" * 10000,
    "/language xx",
    "/reminders 99999999999d",
    "/reminders 1d,,,,2h",
    "/going 99999999999999999999999",
    "/going ٣",
    "/maybe -5",
    "/editmeeting 1 time=25:99",
    "/attendance ';DROP TABLE meeting;--",
    "/broadcast <b>unclosed",
    "/forget maybe",
    "/start " + "z" * 64,
    "/start invite-forged-token",
]


async def counts(sessions: async_sessionmaker[AsyncSession]) -> tuple[int, ...]:
    async with sessions() as session:
        found = []
        for table in (Member, Meeting, Rsvp, Outbox):
            found.append(await session.scalar(select(func.count()).select_from(table)) or 0)
        return tuple(found)


async def test_hostile_messages_get_a_clear_reply_and_change_nothing(
    fake_api: LocalBotAPI, database_url: str, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await load_demo(sessions)
    user = FakeUser(1601, "Hyökkääjä", language_code="fi")
    async with bot_running(fake_api, database_url, flood_limit=1000):
        fake_api.send_text(user, "/start")
        await fake_api.wait_for_message(user.id)
        before = await counts(sessions)
        for text in HOSTILE:
            answered = len(fake_api.messages_to(user.id))
            fake_api.send_text(user, text)
            replies = await fake_api.wait_for_message(user.id, count=answered + 1)
            reply = replies[answered].plain_text or ""
            assert reply, text[:40]
            assert reply != GENERIC_ERROR, text[:40]
            assert "Traceback" not in reply
        # Every reply was accepted by the Bot API: valid HTML, within 4096 characters.
        assert all(call.status == 200 for call in fake_api.calls_to("sendMessage"))
    assert await counts(sessions) == before
