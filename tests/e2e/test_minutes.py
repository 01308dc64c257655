"""Minutes over HTTP: a coordinator attaches text or a file, the workshop's members get a
notice with a button, /archive lists them; members are refused attaching, future meetings
and unknown keys get one clear line, forged buttons change nothing."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import VerstasApplication
from bot.console.bot_api import FakeChat, FakeUser, LocalBotAPI, SentMessage
from storage.models import AuditEntry, Meeting, Minutes, Workshop
from tests.helpers.bots import ADMIN
from tests.helpers.chat import say
from tests.helpers.members import resident

pytestmark = pytest.mark.e2e

Sessions = async_sessionmaker[AsyncSession]
PREVENTIVE = "ehkaiseva-lastensuojelu"
KIRKKONUMMI = "Ehkäisevä lastensuojelu peruspalveluissa, ke 4.3.2009 klo 13.00–15.30"
STAFF_ONLY = "Tämä toiminto on vain koordinaattoreille."


async def send_file(
    api: LocalBotAPI, user: FakeUser, name: str, content: bytes, caption: str | None = None
) -> SentMessage:
    """Send a document; return the bot's next message to that user."""
    before = len(api.messages_to(user.id))
    api.send_document(user, name, content, caption=caption)
    return (await api.wait_for_message(user.id, count=before + 1))[before]


async def meeting_id(sessions: Sessions, workshop_key: str, day: date) -> int:
    async with sessions() as session:
        found = await session.scalar(
            select(Meeting.id)
            .join(Workshop)
            .where(Workshop.key == workshop_key, Meeting.date == day)
        )
    assert found is not None
    return found


async def test_text_minutes_reach_the_workshops_members_and_the_archive_lists_them(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    lohja, karjalohja = FakeUser(101), FakeUser(102)
    for user, town in ((lohja, "Lohja"), (karjalohja, "Karjalohja")):
        fake_api.add_user(user)
        await resident(sessions, user.id, town)
    meeting = await meeting_id(sessions, PREVENTIVE, date(2009, 3, 4))

    text = "/minutes 4.3.2009 Päätökset: 1. Syksyn teemaksi perhetyö."
    offset = text.index("Päätökset")
    fake_api.send_text(ADMIN, text, entities=[{"type": "bold", "offset": offset, "length": 9}])
    [saved] = await fake_api.wait_for_message(ADMIN.id)
    assert saved.plain_text == (
        f"📝 Pöytäkirja tallennettu: {KIRKKONUMMI}. Ilmoitus lähtee 1 vastaanottajalle."
    )

    [notice] = await fake_api.wait_for_message(lohja.id)
    assert (notice.plain_text or "").startswith(
        "📝 Kokouksen pöytäkirja on luettavissa\n\nEhkäisevä lastensuojelu peruspalveluissa\n"
        "ke 4.3.2009 klo 13.00–15.30"
    )
    assert (notice.plain_text or "").endswith(
        f"Lue se painikkeella tai kirjoita /minutes {meeting}"
    )
    fake_api.press_button(lohja, notice, notice.callback_data("📝 Lue pöytäkirja"))
    [_, shown] = await fake_api.wait_for_message(lohja.id, count=2)
    assert shown.plain_text == (
        f"📝 Pöytäkirja: {KIRKKONUMMI}\n\nPäätökset: 1. Syksyn teemaksi perhetyö."
    )
    assert "<b>Päätökset</b>" in (shown.text or "")
    # Karjalohja takes part in another workshop only: not concerned.
    assert fake_api.messages_to(karjalohja.id) == []

    archive = await say(fake_api, lohja, "/archive ehkäisevä")
    assert (archive.plain_text or "").startswith(
        "🗂 Arkisto: Ehkäisevä lastensuojelu peruspalveluissa\n"
        "Kokoukset 1–7 / 7, uusin ensin.\n\n"
        "to 24.9.2009\nEi pöytäkirjaa (kokous"
    )
    assert f"ke 4.3.2009 klo 13.00–15.30 · Kirkkonummi\n📝 Pöytäkirja: /minutes {meeting}" in (
        archive.plain_text or ""
    )
    assert "to 15.1.2009 klo 9.30–12.00 · Tuusula\nEi pöytäkirjaa (kokous" in (
        archive.plain_text or ""
    )
    assert archive.buttons() == [[("📝 4.3.2009", f"min:show:{meeting}")]]
    typed = await say(fake_api, lohja, f"/poytakirja {meeting}")
    assert typed.plain_text == shown.plain_text
    # In a group a coordinator's `/minutes KEY` shows them too (no private dialogue).
    group = FakeChat(-100500, "group", "Verstasryhmä")
    fake_api.add_bot_to_group(ADMIN, group)
    await fake_api.wait_for_message(group.id)
    fake_api.send_text(ADMIN, f"/minutes {meeting}", chat=group)
    [_, in_group] = await fake_api.wait_for_message(group.id, count=2)
    assert in_group.plain_text == shown.plain_text
    assert (ADMIN.id, "minutes", True) in await audit_entries(sessions)


async def test_a_file_with_a_caption_and_text_after_minutes_key_are_minutes_too(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    member = FakeUser(201)
    fake_api.add_user(member)
    await resident(sessions, member.id, "Lohja")
    kirkkonummi = await meeting_id(sessions, PREVENTIVE, date(2009, 3, 4))
    tuusula = await meeting_id(sessions, PREVENTIVE, date(2009, 1, 15))
    pdf = b"%PDF-1.4 poytakirja 4.3.2009"

    saved = await send_file(
        fake_api, ADMIN, "poytakirja-4-3-2009.pdf", pdf, caption=f"/minutes {kirkkonummi}"
    )
    assert (saved.plain_text or "").startswith("📝 Pöytäkirja tallennettu")
    await fake_api.wait_for_message(member.id)  # the notice
    reply = await say(fake_api, member, f"/minutes {kirkkonummi}", count=2)
    assert (
        reply.plain_text == f"📝 Pöytäkirja: {KIRKKONUMMI}\n\n📎 Tiedosto: poytakirja-4-3-2009.pdf"
    )
    document = fake_api.messages_to(member.id)[-1]
    assert (document.method, document.document_bytes) == ("sendDocument", pdf)

    # `/minutes KEY` alone: the bot asks, and the coordinator's next message is the minutes.
    prompt = await say(fake_api, ADMIN, f"/minutes {tuusula}")
    assert (prompt.plain_text or "").startswith("📝 Lähetä kokouksen Ehkäisevä")
    assert prompt.buttons() == [[("Peru", "min:stop")]]
    saved = await say(fake_api, ADMIN, "Läsnä 12 henkilöä. Päätettiin kokoontua maaliskuussa.")
    assert (saved.plain_text or "").startswith(
        "📝 Pöytäkirja tallennettu: Ehkäisevä lastensuojelu peruspalveluissa, to 15.1.2009"
    )
    # Waiting is over: the next message is a question again.
    answer = await say(fake_api, ADMIN, "milloin on seuraava kokous?")
    assert not (answer.plain_text or "").startswith("📝")

    # Asking again for minutes that exist offers them, and a file now replaces only the file.
    again = await say(fake_api, ADMIN, f"/minutes {kirkkonummi}")
    assert "(pöytäkirja lisätty" in (again.plain_text or "")
    assert again.buttons()[0][0] == ("📝 Nykyinen pöytäkirja", f"min:show:{kirkkonummi}")
    replaced = await send_file(fake_api, ADMIN, "korjattu.pdf", b"%PDF-1.4 korjattu")
    assert replaced.plain_text == (
        f"📝 Pöytäkirja päivitetty: {KIRKKONUMMI}. Uutta ilmoitusta ei lähetetä; "
        "ilmoituksen painike näyttää aina uusimman version."
    )
    actions = [a for actor, a, allowed in await audit_entries(sessions) if actor == ADMIN.id]
    assert actions == ["minutes", "minutes", "minutes-replace"]

    # A new token is a new bot, which Telegram's file ids do not carry over to: the kept
    # copy is uploaded instead, and its new file id remembered.
    async with sessions.begin() as session:
        await session.execute(
            update(Minutes).where(Minutes.meeting_id == kirkkonummi).values(file_id="other-bot")
        )
    await say(fake_api, member, f"/minutes {kirkkonummi}", count=2)
    document = fake_api.messages_to(member.id)[-1]
    assert (document.document_name, document.document_bytes) == (
        "korjattu.pdf",
        b"%PDF-1.4 korjattu",
    )
    # The next time, the new file id is used, with no upload.
    await say(fake_api, member, f"/minutes {kirkkonummi}", count=2)
    assert fake_api.calls_to("sendDocument")[-1].params["document"] == document.file_id


async def test_members_future_meetings_unknown_keys_and_forged_buttons_are_refused(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    member = FakeUser(301, "Osallistuja")
    fake_api.add_user(member)
    await resident(sessions, member.id, "Lohja")
    kirkkonummi = await meeting_id(sessions, PREVENTIVE, date(2009, 3, 4))

    assert (await say(fake_api, member, f"/minutes {kirkkonummi} Väärä")).plain_text == STAFF_ONLY
    refused = await send_file(
        fake_api, member, "vaara.pdf", b"%PDF", caption=f"/minutes {kirkkonummi}"
    )
    assert refused.plain_text == STAFF_ONLY
    shown = await say(fake_api, member, f"/minutes {kirkkonummi}")
    assert shown.plain_text == f"Kokouksella {KIRKKONUMMI} ei ole vielä pöytäkirjaa."
    async with sessions() as session:
        assert (await session.scalars(select(Minutes))).all() == []
    refusals = [a for actor, a, allowed in await audit_entries(sessions) if not allowed]
    assert refusals == ["minutes", "minutes"]

    await say(fake_api, ADMIN, "/addmeeting ehkaiseva-lastensuojelu 3.6.2027 9:30-12 Lohja")
    added = await say(fake_api, ADMIN, "/confirm")
    future = (added.plain_text or "").split()[1]
    assert (await say(fake_api, ADMIN, f"/minutes {future} Etukäteen")).plain_text == (
        "Kokous Ehkäisevä lastensuojelu peruspalveluissa, to 3.6.2027 klo 9.30–12.00 ei ole "
        "vielä alkanut. Pöytäkirjan voi liittää vasta pidettyyn kokoukseen."
    )
    assert (await say(fake_api, ADMIN, "/minutes 31.12.2008 Teksti")).plain_text == (
        "En löytänyt kokousta ”31.12.2008”. Katso kokousten numerot: /archive"
    )
    ambiguous = await say(fake_api, ADMIN, "/minutes 25.3.2009 Teksti")
    assert ambiguous.plain_text == "”25.3.2009” sopii usealle kokoukselle. Valitse kokous:"
    assert len(ambiguous.buttons()) == 3
    assert (await say(fake_api, member, "/minutes")).plain_text is not None

    for data in ("min:show:999999", "min:show:x", "min:delete:1", "arc:0:", "arc:1:x"):
        calls = len(fake_api.calls_to("answerCallbackQuery"))
        fake_api.press_button(member, shown, data, check=False)
        call = await fake_api.wait_for_call("answerCallbackQuery", count=calls + 1)
        assert call.params["text"] == "Tämä painike on vanhentunut. Kokeile komentoa uudelleen."
    # Someone else's Cancel stops nothing of the coordinator's.
    await say(fake_api, ADMIN, f"/minutes {kirkkonummi}")
    before = len(fake_api.messages_to(member.id))
    fake_api.press_button(member, shown, "min:stop", check=False)
    answer = (await fake_api.wait_for_message(member.id, count=before + 1))[before]
    assert answer.plain_text == "En odottanut sinulta pöytäkirjaa."
    saved = await say(fake_api, ADMIN, "Pöytäkirja kuitenkin")
    assert (saved.plain_text or "").startswith("📝 Pöytäkirja tallennettu")


async def test_the_archive_pages_through_every_workshop_for_someone_without_workshops(
    fake_api: LocalBotAPI, bot: VerstasApplication
) -> None:
    person = FakeUser(401, language_code="en")
    first = await say(fake_api, person, "/archive")
    assert (first.plain_text or "").startswith(
        "🗂 Archive: all workshops\nMeetings 1–10 of 19, newest first."
    )
    fake_api.press_button(person, first, first.callback_data("More ›"))
    [_, second] = await fake_api.wait_for_message(person.id, count=2)
    assert (second.plain_text or "").startswith(
        "🗂 Archive: all workshops\nMeetings 11–19 of 19, newest first."
    )
    assert "No minutes (meeting" in (second.plain_text or "")
    assert second.buttons() == []


async def audit_entries(sessions: Sessions) -> list[tuple[int, str, bool]]:
    async with sessions() as session:
        entries = await session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        return [(e.actor_telegram_id, e.action, e.allowed) for e in entries]


async def test_minutes_longer_than_a_message_arrive_whole_with_italics_across_the_split(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    meeting = await meeting_id(sessions, PREVENTIVE, date(2009, 3, 4))
    body = " ".join(f"Kohta {n} hyväksyttiin sellaisenaan." for n in range(160))
    text = f"/minutes 4.3.2009 {body}"
    # Italics from the middle of the text to its end: across wherever it is cut.
    start = text.index("Kohta 40 ")
    italic = {"type": "italic", "offset": start, "length": len(text) - start}
    fake_api.send_text(ADMIN, text, entities=[italic])
    [saved] = await fake_api.wait_for_message(ADMIN.id)
    assert (saved.plain_text or "").startswith("📝 Pöytäkirja tallennettu")
    reader = FakeUser(103)
    fake_api.add_user(reader)
    await resident(sessions, reader.id, "Lohja")
    fake_api.send_text(reader, f"/minutes {meeting}")
    parts = await fake_api.wait_for_message(reader.id, count=3)
    shown = "".join(part.plain_text or "" for part in parts)
    assert shown.startswith(f"📝 Pöytäkirja: {KIRKKONUMMI}")
    assert shown.endswith("Kohta 159 hyväksyttiin sellaisenaan.")
    assert all(f"Kohta {n} hyväksyttiin" in shown for n in range(160))
    # The italics go on in the part after the cut.
    assert [entity["type"] for entity in parts[-1].entities] == ["italic"]
