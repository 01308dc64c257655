"""A coordinator's one-line announcement that names no workshop: the bot says what it read,
asks which workshop's meeting it is, and then previews the import as for any pasted text."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import VerstasApplication
from bot.console.bot_api import FakeUser, LocalBotAPI, SentMessage
from bot.replies.staff_buttons import PastedWorkshop
from storage.models import Meeting, Outbox, PendingImport
from tests.helpers.bots import ADMIN
from tests.helpers.chat import say
from tests.helpers.members import resident

pytestmark = pytest.mark.e2e

Sessions = async_sessionmaker[AsyncSession]


async def meetings_on(sessions: Sessions, day: date) -> list[Meeting]:
    async with sessions() as session:
        return list(await session.scalars(select(Meeting).where(Meeting.date == day)))


async def outbox_rows(sessions: Sessions) -> int:
    async with sessions() as session:
        return len(list(await session.scalars(select(Outbox))))


async def press(api: LocalBotAPI, user: FakeUser, message: SentMessage, label: str) -> SentMessage:
    """Press a button; the bot answers by editing the message: return it as edited."""
    edits = len(api.calls_to("editMessageText"))
    api.press_button(user, message, message.callback_data(label))
    await api.wait_for_call("editMessageText", count=edits + 1)
    [edited] = [m for m in api.messages_to(user.id) if m.message_id == message.message_id]
    return edited


async def test_a_one_line_announcement_without_a_workshop_asks_which_and_keeps_the_venue(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    member = FakeUser(801)
    fake_api.add_user(member)
    await resident(sessions, member.id, "Kirkkonummi")

    asked = await say(
        fake_api,
        ADMIN,
        "Kokous keskiviikkona 14.10.2027 klo 9.30-12 Kirkkonummen kunnantalo, valtuustosali",
    )

    assert (asked.plain_text or "").split("\n") == [
        "📋 Luin tekstistä kokouksen, mutta en sitä, minkä teemaverstaan:",
        "to 14.10.2027 klo 9.30–12.00, Kirkkonummi, Kirkkonummen kunnantalo, valtuustosali",
        "",
        "Minkä verstaan kokous se on? Valitse verstas, niin näet esikatselun. Mitään ei "
        "tallenneta ennen kuin vahvistat.",
        "",
        "⚠️ 14.10.2027 on torstaina, mutta tekstissä lukee keskiviikkona. Tarkista päivämäärä.",
    ]
    assert [label for row in asked.buttons() for label, _ in row] == [
        "Ehkäisevä lastensuojelu peruspalveluissa",
        "Avoimen / matalan kynnyksen toimintamallien kehittäminen",
        "Moniammatillisen kasvatuskumppanuusajattelun vahvistaminen",
        "Peru",
    ]
    assert await meetings_on(sessions, date(2027, 10, 14)) == []
    old_button = asked.callback_data("Ehkäisevä lastensuojelu peruspalveluissa")

    preview = await press(fake_api, ADMIN, asked, "Ehkäisevä lastensuojelu peruspalveluissa")
    assert (preview.plain_text or "").split("\n")[:5] == [
        "📋 Luin tekstistä yhden kokouksen. Tarkista, ennen kuin tuot:",
        "Ehkäisevä lastensuojelu peruspalveluissa",
        "to 14.10.2027 klo 9.30–12.00, Kirkkonummi, Kirkkonummen kunnantalo, valtuustosali",
        "",
        "+ Ehkäisevä lastensuojelu peruspalveluissa: to 14.10.2027 klo 9.30–12.00, Kirkkonummi, "
        "Kirkkonummen kunnantalo, valtuustosali",
    ]
    # Nothing is stored or sent before Confirm.
    assert await meetings_on(sessions, date(2027, 10, 14)) == []
    assert await outbox_rows(sessions) == 0
    assert fake_api.messages_to(member.id) == []

    done = await press(fake_api, ADMIN, preview, "✅ Tuo")
    assert (done.plain_text or "").startswith("📋 Tekstin kokoukset tuotu.")
    [stored] = await meetings_on(sessions, date(2027, 10, 14))
    assert (stored.place, stored.venue) == ("Kirkkonummi", "Kirkkonummen kunnantalo, valtuustosali")
    notices = await fake_api.wait_for_message(member.id, timeout=10)
    assert "Kirkkonummen kunnantalo, valtuustosali" in (notices[0].plain_text or "")

    # The question's buttons again (an old keyboard): its text is gone, in one line.
    fake_api.press_button(ADMIN, asked, old_button, check=False)
    await fake_api.wait_for_call("editMessageText", count=3)
    [again] = [m for m in fake_api.messages_to(ADMIN.id) if m.message_id == asked.message_id]
    assert again.plain_text == "Tätä tuontia ei enää ole; lähetä tiedosto uudelleen."
    assert len(await meetings_on(sessions, date(2027, 10, 14))) == 1

    # A coordinator's question with a date is still a question.
    answer = await say(fake_api, ADMIN, "Onko kokous 14.10.2027 klo 9.30 Kirkkonummella?")
    assert not (answer.plain_text or "").startswith("📋")


async def test_in_swedish_the_workshop_is_asked_and_a_forged_button_is_one_line(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    swedish = FakeUser(ADMIN.id, ADMIN.first_name, language_code="sv")

    asked = await say(
        fake_api, swedish, "Nästa möte 14.10.2027 kl. 13–15.30 i Kyrkslätt, kommunhuset"
    )

    assert (asked.plain_text or "").split("\n") == [
        "📋 Jag läste ett möte i texten, men inte vilken temaverkstads:",
        "tors 14.10.2027 kl. 13.00–15.30, Kirkkonummi, kommunhuset",
        "",
        "Vilken verkstads möte är det? Välj verkstaden, så får du se en förhandsvisning. "
        "Ingenting sparas förrän du bekräftar.",
    ]
    # Someone else's pending text, or one that never was: refused or gone, in one line.
    fake_api.press_button(swedish, asked, PastedWorkshop(999, 1).encode(), check=False)
    await fake_api.wait_for_call("editMessageText")
    [gone] = [m for m in fake_api.messages_to(ADMIN.id) if m.message_id == asked.message_id]
    assert gone.plain_text == "Den här importen finns inte längre; skicka filen igen."
    async with sessions() as session:
        assert list(await session.scalars(select(PendingImport))) != []

    asked = await say(fake_api, swedish, "Nästa möte 14.10.2027 kl. 13–15.30 i Kyrkslätt")
    preview = await press(fake_api, swedish, asked, "Förebyggande barnskydd i basservicen")
    assert (preview.plain_text or "").split("\n")[:3] == [
        "📋 Jag läste ett möte i texten. Kontrollera innan du importerar:",
        "Förebyggande barnskydd i basservicen",
        "tors 14.10.2027 kl. 13.00–15.30, Kirkkonummi",
    ]
    cancelled = await press(fake_api, swedish, preview, "Avbryt")
    assert cancelled.plain_text == "Importen avbröts; ingenting sparades."
    assert await meetings_on(sessions, date(2027, 10, 14)) == []
