"""An announcement ends with who sent it: the preview shows the line, and each recipient
gets it in their own language."""

from __future__ import annotations

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import VerstasApplication
from bot.console.bot_api import FakeUser, LocalBotAPI, SentMessage
from storage.models import Coordinator
from tests.helpers.bots import ADMIN
from tests.helpers.chat import say
from tests.helpers.members import resident

pytestmark = pytest.mark.e2e

Sessions = async_sessionmaker[AsyncSession]


async def confirmed(api: LocalBotAPI, sender: FakeUser, text: str, label: str) -> SentMessage:
    """Broadcast `text`, check the preview's last line is returned, press Confirm."""
    preview = await say(api, sender, f"/broadcast {text}")
    api.press_button(sender, preview, preview.callback_data(label))
    return preview


async def test_a_coordinator_without_a_contact_entry_signs_with_name_and_role_word(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    finnish, swedish = FakeUser(801, language_code="fi"), FakeUser(802, language_code="sv")
    for member in (finnish, swedish):
        fake_api.add_user(member)
    await resident(sessions, finnish.id, "Lohja")
    await resident(sessions, swedish.id, "Raasepori", language="sv")

    preview = await confirmed(fake_api, ADMIN, "Syksyn ohjelma on valmis.", "✅ Vahvista")

    assert (preview.plain_text or "").endswith(
        "\n\nSyksyn ohjelma on valmis.\n\n– Koordinaattori Marianna"
    )
    assert any(e["type"] == "italic" for e in preview.entities)
    [to_finnish] = await fake_api.wait_for_message(finnish.id)
    assert to_finnish.plain_text == (
        "📣 Tiedote\n\nSyksyn ohjelma on valmis.\n\n– Koordinaattori Marianna"
    )
    [to_swedish] = await fake_api.wait_for_message(swedish.id)
    assert to_swedish.plain_text == (
        "📣 Meddelande\n\nSyksyn ohjelma on valmis.\n\n– Marianna, koordinator"
    )


async def test_the_networks_coordinator_list_gives_the_name_and_title_in_swedish_too(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    # The schedule file's coordinator entry names the sender's Telegram id.
    async with sessions.begin() as session:
        await session.execute(
            update(Coordinator)
            .where(Coordinator.name == "Marianna Kokko")
            .values(telegram_id=ADMIN.id)
        )
    member = FakeUser(801, language_code="fi")
    fake_api.add_user(member)
    await resident(sessions, member.id, "Lohja")
    swedish_sender = FakeUser(ADMIN.id, ADMIN.first_name, language_code="sv")

    preview = await confirmed(fake_api, swedish_sender, "Höstens program.", "✅ Bekräfta")

    assert (preview.plain_text or "").endswith(
        "\n\nHöstens program.\n\n– Marianna Kokko, Projektikoordinaattori"
    )
    [received] = await fake_api.wait_for_message(member.id)
    assert received.plain_text == (
        "📣 Tiedote\n\nHöstens program.\n\n– Projektikoordinaattori Marianna Kokko"
    )
