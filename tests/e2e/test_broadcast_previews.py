"""A broadcast's preview says what cannot be sent: too long with its title, or to nobody."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import VerstasApplication
from bot.console.bot_api import FakeUser, LocalBotAPI
from storage.models import Announcement, Outbox
from tests.helpers.bots import ADMIN
from tests.helpers.chat import say
from tests.helpers.members import resident

pytestmark = pytest.mark.e2e

Sessions = async_sessionmaker[AsyncSession]


async def count(sessions: Sessions, table: type[Announcement] | type[Outbox]) -> int:
    async with sessions() as session:
        return await session.scalar(select(func.count()).select_from(table)) or 0


async def test_an_announcement_too_long_with_its_title_is_refused_at_the_preview(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    member = FakeUser(801)
    fake_api.add_user(member)
    await resident(sessions, member.id, "Lohja")
    # 4,084 characters: it fits in the coordinator's message, not with the title and the
    # signature ("– Koordinaattori Marianna") added.
    text = " ".join(["Sana"] * 817)

    refused = await say(fake_api, ADMIN, f"/broadcast {text}")

    assert refused.plain_text == (
        "Tiedote on liian pitkä: otsikon ja allekirjoituksen kanssa siinä olisi 4\u00a0140 "
        "merkkiä, ja Telegram sallii enintään 4\u00a0096. Lyhennä sitä vähintään 44 merkillä ja "
        "lähetä se uudelleen."
    )
    assert refused.buttons() == []
    assert await count(sessions, Announcement) == 0
    # 44 characters shorter, it has a preview (in two messages) with Confirm.
    before = len(fake_api.messages_to(ADMIN.id))
    fake_api.send_text(ADMIN, f"/broadcast {text[:-44]}")
    [head, preview] = (await fake_api.wait_for_message(ADMIN.id, count=before + 2))[before:]
    assert (head.plain_text or "").startswith("📣 Esikatselu – vastaanottajia 2 (kaikki)")
    assert preview.callback_data("✅ Vahvista")


async def test_a_photo_broadcast_longer_than_a_caption_is_refused_in_the_users_language(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    swedish = FakeUser(ADMIN.id, ADMIN.first_name, language_code="sv")
    before = len(fake_api.messages_to(swedish.id))

    fake_api.send_photo(swedish, b"jpeg", caption="/broadcast " + "x" * 1010)
    [refused] = (await fake_api.wait_for_message(swedish.id, count=before + 1))[before:]

    assert refused.plain_text == (
        "Ett meddelande med en bild eller fil får vara högst 1\u00a0024 tecken, och med rubriken "
        "och underskriften skulle det här bli 1\u00a0066. Korta texten med minst 42 tecken och "
        "skicka bilden eller filen igen."
    )
    assert await count(sessions, Announcement) == 0


async def test_an_announcement_to_nobody_offers_no_confirm_and_cannot_be_confirmed(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    preview = await say(fake_api, ADMIN, "/broadcast municipality=Karjalohja Syksyn ohjelma")

    assert (preview.plain_text or "").startswith(
        "📣 Esikatselu – tiedote ei tavoittaisi ketään (kunta Karjalohja). "
        "Valitse muut vastaanottajat tai peru tiedote."
    )
    labels = [label for row in preview.buttons() for label, _ in row]
    assert "✅ Vahvista" not in labels
    assert "Peru" in labels
    refused = await say(fake_api, ADMIN, "/confirm")
    assert refused.plain_text == (
        "Tiedote ei tavoittaisi ketään, joten sitä ei lähetetty. Valitse esikatselun "
        "painikkeilla muut vastaanottajat tai peru tiedote (/cancel)."
    )
    assert await count(sessions, Outbox) == 0
