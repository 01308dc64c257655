"""Forgetting a coordinator: their actions stay in the audit log, without who they were."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import VerstasApplication
from bot.console.bot_api import FakeUser, LocalBotAPI
from storage.models import AuditEntry
from tests.helpers.bots import ADMIN
from tests.helpers.chat import say

pytestmark = pytest.mark.e2e

Sessions = async_sessionmaker[AsyncSession]


async def test_a_forgotten_coordinator_is_named_nowhere_in_the_audit_log(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    satu = FakeUser(611, "Satu")
    await say(fake_api, satu, "/start kerava")
    await say(fake_api, satu, "/promote 611")  # refused, and logged with her name
    await say(fake_api, ADMIN, "/promote 611")  # logged as "promote", "Satu (611)"
    await say(fake_api, satu, "/broadcast Hei kaikki!")
    assert "Satu (611)" in ((await say(fake_api, ADMIN, "/audit")).plain_text or "")
    async with sessions() as session:
        entries = await session.scalar(select(func.count()).select_from(AuditEntry))

    assert (await say(fake_api, satu, "/forget kyllä")).plain_text == (
        "Tietosi on poistettu. Jos kirjoitat minulle uudelleen, aloitamme alusta."
    )

    assert (await say(fake_api, satu, "/mydata")).plain_text == "Sinusta ei ole tallennettu mitään."
    log = (await say(fake_api, ADMIN, "/audit")).plain_text or ""
    assert "Satu" not in log
    assert "611" not in log
    assert "(poistettu jäsen) yritti antaa koordinaattorin roolin: (poistettu jäsen)." in log
    assert "Marianna (5001) antoi koordinaattorin roolin: (poistettu jäsen)." in log
    async with sessions() as session:
        # The records stay, every one of them.
        assert await session.scalar(select(func.count()).select_from(AuditEntry)) == entries
        rows = await session.scalars(select(AuditEntry))
        assert all("Satu" not in (e.actor_name + e.target) for e in rows)


async def test_the_privacy_notice_says_the_audit_log_keeps_no_name_of_the_forgotten(
    fake_api: LocalBotAPI, bot: VerstasApplication
) -> None:
    for user_id, language, sentence in (
        (621, "fi", "Kun poistat tietosi, tapahtumalokiin jäävistä merkinnöistä poistetaan nimesi"),
        (
            622,
            "sv",
            "När du raderar dina uppgifter tas ditt namn och numret på ditt Telegram-konto",
        ),
        (623, "en", "When you delete your data, your name and the number of your Telegram account"),
    ):
        user = FakeUser(user_id, language_code=language)
        assert sentence in ((await say(fake_api, user, "/privacy")).plain_text or "")
