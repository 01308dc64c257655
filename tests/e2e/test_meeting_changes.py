"""Meetings added, moved and cancelled from the chat over the local Bot API, in Finnish and
Swedish: the one-line forms coordinators write, a preview of the very notice members get and
how many get it, and nothing stored or sent before Confirm (the button or a typed /confirm)."""

from __future__ import annotations

import re
from datetime import time

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import VerstasApplication
from bot.console.bot_api import FakeUser, LocalBotAPI
from storage.models import Meeting, MeetingStatus, Outbox
from tests.helpers.bots import ADMIN
from tests.helpers.chat import say
from tests.helpers.members import resident
from tests.helpers.schedules import HELSINKI

pytestmark = pytest.mark.e2e

Sessions = async_sessionmaker[AsyncSession]


async def meetings_in_2027(sessions: Sessions) -> list[Meeting]:
    async with sessions() as session:
        found = await session.scalars(
            select(Meeting).where(Meeting.key.like("2027-%")).order_by(Meeting.id)
        )
        return list(found)


async def outbox_rows(sessions: Sessions) -> int:
    async with sessions() as session:
        return await session.scalar(select(func.count()).select_from(Outbox)) or 0


async def members(
    api: LocalBotAPI, sessions: Sessions, *towns: tuple[int, str, str]
) -> list[FakeUser]:
    users = []
    for user_id, town, language in towns:
        user = FakeUser(user_id, language_code=language)
        api.add_user(user)
        await resident(sessions, user_id, town, language=language)
        users.append(user)
    return users


async def test_a_meeting_written_the_finnish_way_is_previewed_and_stored_only_on_confirm(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    lohja, kerava, karjalohja = await members(
        fake_api, sessions, (401, "Lohja", "fi"), (402, "Kerava", "fi"), (403, "Karjalohja", "fi")
    )
    preview = await say(
        fake_api,
        ADMIN,
        "/addmeeting ehkäisevä 14.5.2027 klo 9.30–12 Kirkkonummen kunnantalo, valtuustosali",
    )
    text = preview.plain_text or ""
    assert text.startswith(
        "Esikatselu: uusi kokous. Jäsenet saavat tämän ilmoituksen:\n\n🆕 Uusi kokous\n\n"
        "Ehkäisevä lastensuojelu peruspalveluissa\npe 14.5.2027 klo 9.30–12.00\n"
        "Kirkkonummi, Kirkkonummen kunnantalo, valtuustosali\n\n"
        "Ilmoitus lähtee 2 vastaanottajalle."
    ), text
    # Nothing stored, nothing planned, nobody told.
    assert await meetings_in_2027(sessions) == []
    assert await outbox_rows(sessions) == 0
    assert [b for row in preview.buttons() for b, _ in row] == ["✅ Vahvista", "Peru"]

    fake_api.press_button(ADMIN, preview, preview.callback_data("✅ Vahvista"))
    for user in (lohja, kerava):
        [notice] = await fake_api.wait_for_message(user.id)
        assert (notice.plain_text or "").startswith("🆕 Uusi kokous")
        assert "pe 14.5.2027 klo 9.30–12.00\nKirkkonummi, Kirkkonummen kunnantalo" in (
            notice.plain_text or ""
        )
    [meeting] = await meetings_in_2027(sessions)
    assert meeting.starts_at is not None
    assert meeting.ends_at is not None
    local = (
        meeting.starts_at.astimezone(HELSINKI).time(),
        meeting.ends_at.astimezone(HELSINKI).time(),
    )
    assert local == (time(9, 30), time(12))
    assert (meeting.place, meeting.venue) == (
        "Kirkkonummi",
        "Kirkkonummen kunnantalo, valtuustosali",
    )
    assert fake_api.messages_to(karjalohja.id) == []

    # Moved to the next day only: the notice says so and does not claim the time changed.
    moved = await say(fake_api, ADMIN, f"/editmeeting {meeting.id} la 15.5.2027")
    assert "Päivä: 14.5.2027 → 15.5.2027" in (moved.plain_text or "")
    assert "Aika:" not in (moved.plain_text or "")
    assert len(fake_api.messages_to(lohja.id)) == 1
    done = await say(fake_api, ADMIN, "/vahvista")
    assert (done.plain_text or "").startswith(
        f"Kokous {meeting.id} muutettu: la 15.5.2027 klo 9.30–12.00."
    )
    for user in (lohja, kerava):
        [_, notice] = await fake_api.wait_for_message(user.id, count=2)
        assert (notice.plain_text or "").startswith(
            "📅 Kokous on muuttunut\n\nPäivä: 14.5.2027 → 15.5.2027\n\n"
        ), notice.plain_text
        assert "Aika:" not in (notice.plain_text or "")


async def test_a_cancellation_names_the_meeting_and_its_audience_before_anything_happens(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    [lohja] = await members(fake_api, sessions, (411, "Lohja", "fi"))
    # 3.6.2027 is a Thursday: the weekday written is flagged, the date is kept.
    checked = await say(
        fake_api, ADMIN, "/addmeeting ehkaiseva-lastensuojelu ke 3.6.2027 13-15 Lohja"
    )
    assert "to 3.6.2027 klo 13.00–15.00\nLohja" in (checked.plain_text or "")
    assert (
        "⚠️ Päivämäärän edessä kirjoitettu viikonpäivä ei täsmää päivämäärään; tarkista päivä."
        in (checked.plain_text or "")
    )
    added = await say(fake_api, ADMIN, "/confirm")
    number = re.findall(r"\d+", added.plain_text or "")[0]
    await fake_api.wait_for_message(lohja.id)

    preview = await say(fake_api, ADMIN, f"/cancelmeeting {number}")
    assert (preview.plain_text or "").startswith(
        "Esikatselu: kokouksen peruminen. Tämä kokous perutaan, ja jäsenet saavat tämän "
        "ilmoituksen:\n\n❌ Kokous on peruttu\n\n"
        "Ehkäisevä lastensuojelu peruspalveluissa\nto 3.6.2027 klo 13.00–15.00 PERUTTU\nLohja\n\n"
        "Ilmoitus lähtee 1 vastaanottajalle."
    ), preview.plain_text
    fake_api.press_button(ADMIN, preview, preview.callback_data("Peru"))
    answer = await fake_api.wait_for_message(
        ADMIN.id, predicate=lambda m: (m.plain_text or "").startswith("Muutos peruttu")
    )
    assert answer
    [meeting] = await meetings_in_2027(sessions)
    assert meeting.status == MeetingStatus.SCHEDULED
    assert len(fake_api.messages_to(lohja.id)) == 1

    unknown = await say(fake_api, ADMIN, "/cancelmeeting 9999")
    assert (unknown.plain_text or "").startswith(
        "En löytänyt kokousta ”9999”. Kokouksen voi nimetä numerolla"
    )
    # The Cancel was final: a typed /confirm afterwards has nothing of it to confirm.
    late = await say(fake_api, ADMIN, "/vahvista")
    assert (late.plain_text or "").startswith("Sinulla ei ole vahvistamatonta")
    [meeting] = await meetings_in_2027(sessions)
    assert meeting.status == MeetingStatus.SCHEDULED


async def test_swedish_a_coordinator_adds_and_cancels_with_kl_and_bekrafta(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    raasepori, kerava = await members(
        fake_api, sessions, (421, "Raasepori", "sv"), (422, "Kerava", "fi")
    )
    await say(fake_api, ADMIN, "/sprak sv")
    preview = await say(
        fake_api, ADMIN, "/nyttmote Förebyggande barnskydd tors 3.6.2027 kl. 13 Lojo, biblioteket"
    )
    assert (preview.plain_text or "").startswith(
        "Förhandsvisning: nytt möte. Medlemmarna får det här meddelandet:\n\n🆕 Nytt möte\n\n"
    ), preview.plain_text
    assert "tors 3.6.2027 kl. 13.00\nLojo, biblioteket" in (preview.plain_text or "")
    assert "Meddelandet skickas till 2 mottagare." in (preview.plain_text or "")
    assert await meetings_in_2027(sessions) == []
    assert fake_api.messages_to(raasepori.id) == []

    added = await say(fake_api, ADMIN, "/bekrafta")
    assert (added.plain_text or "").startswith("Möte ")
    [notice] = await fake_api.wait_for_message(raasepori.id)
    assert (notice.plain_text or "").startswith("🆕 Nytt möte")
    [finnish] = await fake_api.wait_for_message(kerava.id)
    assert (finnish.plain_text or "").startswith("🆕 Uusi kokous")
    [meeting] = await meetings_in_2027(sessions)

    cancel = await say(fake_api, ADMIN, f"/installmote {meeting.id}")
    assert "Förhandsvisning: inställt möte." in (cancel.plain_text or "")
    assert "tors 3.6.2027 kl. 13.00 INSTÄLLT\nLojo, biblioteket" in (cancel.plain_text or "")
    assert len(fake_api.messages_to(raasepori.id)) == 1
    done = await say(fake_api, ADMIN, "/bekrafta")
    assert (done.plain_text or "").startswith(
        f"Möte {meeting.id} (tors 3.6.2027 kl. 13.00) inställt."
    )
    [_, cancelled] = await fake_api.wait_for_message(raasepori.id, count=2)
    assert (cancelled.plain_text or "").startswith("❌ ")


async def test_the_guided_dialogue_asks_step_by_step_and_ends_in_the_same_preview(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    [lohja] = await members(fake_api, sessions, (431, "Lohja", "fi"))
    question = await say(fake_api, ADMIN, "/uusikokous")
    assert question.plain_text == "Uusi kokous. Minkä verstaan kokous?"
    labels = [label for row in question.buttons() for label, _ in row]
    assert "Ehkäisevä lastensuojelu peruspalveluissa" in labels
    assert labels[-1] == "Peru"

    fake_api.press_button(
        ADMIN, question, question.callback_data("Ehkäisevä lastensuojelu peruspalveluissa")
    )
    await fake_api.wait_for_call("editMessageText")
    asked = fake_api.messages_to(ADMIN.id)[-1]
    assert (asked.plain_text or "").startswith("Minä päivänä?")

    wrong = await say(fake_api, ADMIN, "31.2.2027")
    assert (wrong.plain_text or "").startswith(
        "päivää 31.2.2027 ei ole kalenterissa\nMinä päivänä?"
    )
    when = await say(fake_api, ADMIN, "ke 2.6.2027")
    assert (when.plain_text or "").startswith("Mihin aikaan?")
    assert [label for row in when.buttons() for label, _ in row] == ["Ohita", "Peru"]
    town = await say(fake_api, ADMIN, "klo 9.30-12")
    assert town.plain_text == "Missä kunnassa? Valitse tai kirjoita nimi."
    towns = [label for row in town.buttons() for label, _ in row]
    assert {"Lohja", "Kerava", "Raasepori"} <= set(towns)
    assert "Karjalohja" not in towns

    fake_api.press_button(ADMIN, town, town.callback_data("Lohja"))
    await fake_api.wait_for_call("editMessageText", count=2)
    venue = fake_api.messages_to(ADMIN.id)[-1]
    assert (venue.plain_text or "").startswith("Missä tilassa?")
    fake_api.press_button(ADMIN, venue, venue.callback_data("Ohita"))
    await fake_api.wait_for_call("editMessageText", count=3)
    preview = fake_api.messages_to(ADMIN.id)[-1]
    assert (preview.plain_text or "").startswith(
        "Esikatselu: uusi kokous. Jäsenet saavat tämän ilmoituksen:\n\n🆕 Uusi kokous\n\n"
        "Ehkäisevä lastensuojelu peruspalveluissa\nke 2.6.2027 klo 9.30–12.00\nLohja\n\n"
        "Ilmoitus lähtee 1 vastaanottajalle."
    ), preview.plain_text
    assert await meetings_in_2027(sessions) == []
    assert fake_api.messages_to(lohja.id) == []

    done = await say(fake_api, ADMIN, "/confirm")
    assert (done.plain_text or "").startswith("Kokous ")
    [notice] = await fake_api.wait_for_message(lohja.id)
    assert "ke 2.6.2027 klo 9.30–12.00\nLohja" in (notice.plain_text or "")
    # The dialogue is over: the coordinator's next words are a question again.
    answer = await say(fake_api, ADMIN, "milloin on seuraava kokous?")
    assert not (answer.plain_text or "").startswith("Minä päivänä")


async def test_editmeeting_alone_asks_what_to_change_and_keeps_the_rest(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    [kerava] = await members(fake_api, sessions, (441, "Kerava", "fi"))
    await say(fake_api, ADMIN, "/addmeeting ehkaiseva-lastensuojelu 10.6.2027 13-15 Kerava")
    await say(fake_api, ADMIN, "/confirm")
    await fake_api.wait_for_message(kerava.id)
    [meeting] = await meetings_in_2027(sessions)

    day = await say(fake_api, ADMIN, f"/muutakokous {meeting.id}")
    assert (day.plain_text or "").startswith("Minä päivänä?")
    assert [label for row in day.buttons() for label, _ in row] == ["Pidä ennallaan", "Peru"]
    fake_api.press_button(ADMIN, day, day.callback_data("Pidä ennallaan"))
    await fake_api.wait_for_call("editMessageText")
    asked = fake_api.messages_to(ADMIN.id)[-1]
    assert (asked.plain_text or "").startswith("Mihin aikaan?")
    town = await say(fake_api, ADMIN, "klo 14–16")
    fake_api.press_button(ADMIN, town, town.callback_data("Pidä ennallaan"))
    await fake_api.wait_for_call("editMessageText", count=2)
    venue = fake_api.messages_to(ADMIN.id)[-1]
    fake_api.press_button(ADMIN, venue, venue.callback_data("Pidä ennallaan"))
    await fake_api.wait_for_call("editMessageText", count=3)
    preview = fake_api.messages_to(ADMIN.id)[-1].plain_text or ""
    assert preview.startswith(
        "Esikatselu: kokouksen muutos. Jäsenet saavat tämän ilmoituksen:\n\n"
        "📅 Kokous on muuttunut\n\nAika: klo 13.00–15.00 → klo 14.00–16.00\n\n"
    ), preview
    assert "Päivä:" not in preview
    assert "Paikka:" not in preview
    assert len(fake_api.messages_to(kerava.id)) == 1
    await say(fake_api, ADMIN, "/peru")
    [unchanged] = await meetings_in_2027(sessions)
    assert unchanged.starts_at == meeting.starts_at
