"""Personal data asked for in a group is answered in the asker's private chat, never the group."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import VerstasApplication
from bot.console.bot_api import FakeChat, FakeUser, LocalBotAPI
from tests.helpers.bots import ADMIN
from tests.helpers.chat import say

pytestmark = pytest.mark.e2e

Sessions = async_sessionmaker[AsyncSession]
GROUP = FakeChat(-100900, "group", "Keravan verstasryhmä")
SENT_PRIVATELY = "📬 Vastasin sinulle yksityisviestillä, koska vastauksessa on henkilötietoja."


async def test_mydata_and_calendar_in_a_group_go_to_the_private_chat(
    fake_api: LocalBotAPI, bot: VerstasApplication
) -> None:
    aino = FakeUser(951, "Aino Virtanen")
    await say(fake_api, aino, "/start kerava", count=1)
    private_before = len(fake_api.messages_to(aino.id))

    for command in ("/mydata", "/calendar"):
        in_group = await say(fake_api, aino, command, chat=GROUP)
        assert in_group.plain_text == SENT_PRIVATELY

    # The group got the two lines and nothing else: no file, no feed address.
    assert [m.plain_text for m in fake_api.messages_to(GROUP.id)] == [SENT_PRIVATELY] * 2
    private = fake_api.messages_to(aino.id)[private_before:]
    names = [m.document_name for m in private if m.document_name]
    assert names == ["verstas-mydata.json", "verstas.ics"]


async def test_names_in_a_group_go_privately_or_the_group_is_told_to_ask_there(
    fake_api: LocalBotAPI, bot: VerstasApplication
) -> None:
    await say(fake_api, FakeUser(952, "Aino Virtanen"), "/start kerava")
    await say(fake_api, ADMIN, "/start")

    for command in ("/members", "/audit", "/attendance 1"):
        assert (await say(fake_api, ADMIN, command, chat=GROUP)).plain_text == SENT_PRIVATELY
    assert all("Aino" not in (m.plain_text or "") for m in fake_api.messages_to(GROUP.id))
    assert any("Aino Virtanen" in (m.plain_text or "") for m in fake_api.messages_to(ADMIN.id))

    # Telegram refuses a message to someone who has not started the bot: one line instead.
    fake_api.fail_next(
        "sendMessage",
        status=403,
        description="Forbidden: bot can't initiate conversation with a user",
    )
    asked = await say(fake_api, ADMIN, "/members", chat=GROUP)
    assert asked.plain_text == (
        "🔒 Kysy tätä minulta yksityisviestillä (t.me/verstas_test_bot): vastauksessa on "
        "henkilötietoja, joita en lähetä ryhmään."
    )
    assert all("Aino" not in (m.plain_text or "") for m in fake_api.messages_to(GROUP.id))
