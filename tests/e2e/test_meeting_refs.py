"""Naming a meeting over HTTP, in Finnish and Swedish: /attendance, /editmeeting and
/minutes find it by number, key, date and workshop/date; a date of several meetings is
answered with a button per meeting, and pressing one carries out the command; the staff
see each meeting's number in /meetings and /next, participants do not."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import VerstasApplication
from bot.console.bot_api import FakeUser, LocalBotAPI, SentMessage
from bot.foundation.clock import Clock
from storage.models import Meeting, Member, Minutes, Role, Rsvp, RsvpAnswer, Workshop
from tests.helpers.bots import ADMIN, fixed_clock
from tests.helpers.chat import say
from tests.helpers.members import resident
from tests.helpers.schedules import HELSINKI

pytestmark = pytest.mark.e2e

Sessions = async_sessionmaker[AsyncSession]
PREVENTIVE = "ehkaiseva-lastensuojelu"
PARTNERSHIP = "kasvatuskumppanuus"
LOW_THRESHOLD = "matalan-kynnyksen-toimintamallit"
PREVENTIVE_FI = "Ehkäisevä lastensuojelu peruspalveluissa"
PREVENTIVE_SV = "Förebyggande barnskydd i basservicen"
PARTNERSHIP_SV = "Att stärka det multiprofessionella fostringspartnerskapet"
OUTDATED = "Tämä painike on vanhentunut. Kokeile komentoa uudelleen."


@pytest.fixture
def bot_clock() -> Clock:
    """Autumn 2009, after the demo season's last meeting: every meeting has been held."""
    return fixed_clock(datetime(2009, 10, 1, 12, 0, tzinfo=HELSINKI))


async def meeting_id(sessions: Sessions, workshop_key: str, day: date) -> int:
    async with sessions() as session:
        found = await session.scalar(
            select(Meeting.id)
            .join(Workshop)
            .where(Workshop.key == workshop_key, Meeting.date == day)
        )
    assert found is not None
    return found


async def meeting(sessions: Sessions, meeting_id: int) -> Meeting:
    async with sessions() as session:
        found = await session.get(Meeting, meeting_id)
    assert found is not None
    return found


async def press(
    api: LocalBotAPI, user: FakeUser, message: SentMessage, label: str, *, count: int = 1
) -> SentMessage:
    """Press the button labelled `label`; the first of the bot's next `count` messages."""
    before = len(api.messages_to(user.id))
    api.press_button(user, message, message.callback_data(label))
    return (await api.wait_for_message(user.id, count=before + count))[before]


async def confirmed(api: LocalBotAPI, user: FakeUser, command: str, confirm: str) -> SentMessage:
    """A change typed: its preview, then the confirmation typed; the bot's answer to that."""
    preview = await say(api, user, command)
    assert len(preview.buttons()) == 1, preview.plain_text  # Confirm and Cancel
    return await say(api, user, confirm)


def label_of(message: SentMessage, start: str) -> str:
    """The label of the button that starts with `start`."""
    [label] = [text for row in message.buttons() for text, _ in row if text.startswith(start)]
    return label


async def coordinator(sessions: Sessions, api: LocalBotAPI, user: FakeUser, town: str) -> None:
    api.add_user(user)
    await resident(sessions, user.id, town, language=user.language_code or "fi")
    async with sessions.begin() as session:
        await session.execute(
            update(Member).where(Member.telegram_id == user.id).values(role=Role.COORDINATOR)
        )


async def test_a_meeting_is_found_by_number_key_date_and_workshop_in_finnish(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    kirkkonummi = await meeting_id(sessions, PREVENTIVE, date(2009, 3, 4))
    member = FakeUser(301, "Liisa", language_code="fi")
    fake_api.add_user(member)
    await resident(sessions, member.id, "Lohja")

    title = f"Osallistujat: {PREVENTIVE_FI}, 4.3.2009"
    for typed in (
        f"/attendance {kirkkonummi}",
        "/attendance 4.3.2009",
        "/osallistujat ke 4.3.2009",
        "/osallistujat 4.3.",
        f"/attendance {PREVENTIVE}/4.3.2009",
        "/attendance ehkäisevä/ke 4.3.2009",
    ):
        listed = await say(fake_api, ADMIN, typed, count=2)
        assert (listed.plain_text or "").startswith(title), typed
    forum = await say(fake_api, ADMIN, "/attendance foorumi-keski-uusimaa", count=2)
    assert (forum.plain_text or "").startswith(f"Osallistujat: {PREVENTIVE_FI}, 22.9.2009")

    changed = await confirmed(
        fake_api, ADMIN, '/editmeeting 4.3.2009 venue="Valtuustosali"', "/vahvista"
    )
    assert (changed.plain_text or "").startswith(
        f"Kokous {kirkkonummi} muutettu: ke 4.3.2009 klo 13.00–15.30."
    )
    await confirmed(
        fake_api, ADMIN, f'/muutakokous {PREVENTIVE}/4.3.2009 address="Kirkkotori 1"', "/confirm"
    )
    await confirmed(fake_api, ADMIN, f"/editmeeting {kirkkonummi} time=13-16", "/confirm")
    forum_changed = await confirmed(
        fake_api, ADMIN, "/editmeeting foorumi-lansi-uusimaa place=Lohja", "/confirm"
    )
    assert (forum_changed.plain_text or "").startswith("Kokous ")
    stored = await meeting(sessions, kirkkonummi)
    assert (stored.venue, stored.address) == ("Valtuustosali", "Kirkkotori 1")
    assert stored.ends_at is not None
    assert stored.ends_at.astimezone(HELSINKI).time() == time(16, 0)

    saved = await say(fake_api, ADMIN, "/minutes ke 4.3.2009 Päätökset: syksyn teemaksi perhetyö.")
    assert (saved.plain_text or "").startswith(f"📝 Pöytäkirja tallennettu: {PREVENTIVE_FI}")
    await fake_api.wait_for_message(member.id)  # the notice of the minutes
    minutes_title = f"📝 Pöytäkirja: {PREVENTIVE_FI}, ke 4.3.2009 klo 13.00–16.00"
    for typed in (
        f"/minutes {kirkkonummi}",
        "/poytakirja 4.3.2009",
        f"/minutes {PREVENTIVE}/4.3.2009",
    ):
        shown = await say(fake_api, member, typed)
        assert shown.plain_text == (f"{minutes_title}\n\nPäätökset: syksyn teemaksi perhetyö."), (
            typed
        )
    none = await say(fake_api, member, "/minutes foorumi-keski-uusimaa")
    assert none.plain_text == (
        f"Kokouksella {PREVENTIVE_FI}, ti 22.9.2009 ei ole vielä pöytäkirjaa."
    )

    unknown = await say(fake_api, ADMIN, "/attendance 31.12.2008")
    assert unknown.plain_text == (
        "En löytänyt kokousta ”31.12.2008”. Kokouksen voi nimetä numerolla, päivämäärällä "
        "(4.3.2009), avaimella tai verstaalla ja päivämäärällä (kasvatuskumppanuus/4.3.2009)."
    )
    nothing = await say(fake_api, ADMIN, f"/editmeeting {PARTNERSHIP}/4.3.2009 place=Lohja")
    assert (nothing.plain_text or "").startswith(
        "En löytänyt kokousta ”kasvatuskumppanuus/4.3.2009”."
    )


async def test_a_date_of_several_meetings_offers_buttons_and_a_press_carries_out_the_command(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    partnership = await meeting_id(sessions, PARTNERSHIP, date(2009, 3, 25))
    preventive = await meeting_id(sessions, PREVENTIVE, date(2009, 3, 25))
    low_threshold = await meeting_id(sessions, LOW_THRESHOLD, date(2009, 3, 25))

    asked = first = await say(fake_api, ADMIN, "/attendance 25.3.2009")
    assert asked.plain_text == "”25.3.2009” sopii usealle kokoukselle. Valitse kokous:"
    labels = [row[0][0] for row in asked.buttons()]
    assert labels == [
        "Ehkäisevä lastensuojelu per… · ke 25.3.2009 · Järvenpää",
        "Avoimen / matalan kynnyksen… · ke 25.3.2009 · Järvenpää",
        "Moniammatillisen kasvatusku… · ke 25.3.2009 · Järvenpää",
    ]
    listed = await press(fake_api, ADMIN, asked, labels[2], count=2)
    assert (listed.plain_text or "").startswith(
        "Osallistujat: Moniammatillisen kasvatuskumppanuusajattelun vahvistaminen, 25.3.2009"
    )

    # /editmeeting's changes ride on the button, and the press leads to the preview:
    # nothing changes before Confirm.
    asked = await say(fake_api, ADMIN, "/editmeeting 25.3.2009 time=13-15")
    assert asked.plain_text == "”25.3.2009” sopii usealle kokoukselle. Valitse kokous:"
    preview = await press(fake_api, ADMIN, asked, labels[2])
    assert (preview.plain_text or "").startswith(
        "Esikatselu: kokouksen muutos. Jäsenet saavat tämän ilmoituksen:"
    )
    assert (await meeting(sessions, partnership)).starts_at is None
    changed = await say(fake_api, ADMIN, "/vahvista")
    assert (changed.plain_text or "").startswith(
        f"Kokous {partnership} muutettu: ke 25.3.2009 klo 13.00–15.00."
    )
    starts_at = (await meeting(sessions, partnership)).starts_at
    assert starts_at is not None
    assert starts_at.astimezone(HELSINKI).time() == time(13, 0)

    # Minutes typed with an ambiguous date: the press attaches them to the one chosen.
    asked = await say(fake_api, ADMIN, "/minutes 25.3.2009 Läsnä 9.")
    # The buttons say what changed: the meeting now has a time.
    chosen = label_of(asked, "Moniammatillisen")
    assert chosen == "Moniammatillisen kasvatusku… · ke 25.3.2009 klo 13.00–15.00 · Järvenpää"
    saved = await press(fake_api, ADMIN, asked, chosen)
    assert (saved.plain_text or "").startswith(
        "📝 Pöytäkirja tallennettu: Moniammatillisen kasvatuskumppanuusajattelun vahvistaminen, "
        "ke 25.3.2009"
    )

    # A file cannot ride on a button: the numbers to type instead, and nothing is stored.
    before = len(fake_api.messages_to(ADMIN.id))
    fake_api.send_document(ADMIN, "poytakirja.pdf", b"%PDF-1.4", caption="/minutes 25.3.2009")
    [typed] = (await fake_api.wait_for_message(ADMIN.id, count=before + 1))[before:]
    assert (typed.plain_text or "").splitlines() == [
        "”25.3.2009” sopii usealle kokoukselle. Kirjoita komento uudelleen kokouksen numerolla:",
        # A meeting with a time first, as in every list of the day.
        f"/minutes {partnership} – {chosen}",
        f"/minutes {preventive} – Ehkäisevä lastensuojelu per… · ke 25.3.2009 · Järvenpää",
        f"/minutes {low_threshold} – Avoimen / matalan kynnyksen… · ke 25.3.2009 · Järvenpää",
    ]
    assert typed.buttons() == []
    async with sessions() as session:
        files = await session.scalars(select(Minutes.file_name))
        assert [name for name in files if name] == []

    # A participant's date means their own workshop's meeting (Karjalohja: low threshold);
    # one who follows all three workshops (Kerava) chooses.
    karjalohja, kerava = FakeUser(311, "Kari"), FakeUser(312, "Kerttu")
    for user, town in ((karjalohja, "Karjalohja"), (kerava, "Kerava")):
        fake_api.add_user(user)
        await resident(sessions, user.id, town)
    own = await say(fake_api, karjalohja, "/tulen 25.3.2009")
    assert own.plain_text == (
        "Kiitos! Vastauksesi kokoukseen 25.3.2009 (Avoimen / matalan kynnyksen "
        "toimintamallien kehittäminen): Tulen."
    )
    asked = await say(fake_api, kerava, "/maybe 25.3.2009")
    assert len(asked.buttons()) == 3
    answered = await press(fake_api, kerava, asked, label_of(asked, "Moniammatillisen"))
    assert (answered.plain_text or "").endswith(": Ehkä.")
    async with sessions() as session:
        answers = (await session.scalars(select(Rsvp).where(Rsvp.meeting_id == partnership))).all()
    assert [a.answer for a in answers] == [RsvpAnswer.MAYBE]

    # Forged or outdated data gets one line and changes nothing.
    for data in ("ref:edit:x", "ref:zap:1", "ref:att"):
        calls = len(fake_api.calls_to("answerCallbackQuery"))
        fake_api.press_button(ADMIN, first, data, check=False)
        call = await fake_api.wait_for_call("answerCallbackQuery", count=calls + 1)
        assert call.params["text"] == OUTDATED
    before = len(fake_api.messages_to(ADMIN.id))
    fake_api.press_button(ADMIN, first, "ref:cancel:999999", check=False)
    [gone] = (await fake_api.wait_for_message(ADMIN.id, count=before + 1))[before:]
    assert (gone.plain_text or "").startswith("En löytänyt kokousta ”999999”.")


async def test_numbers_appear_in_meetings_and_next_for_the_staff_and_not_for_participants(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    forum = await meeting_id(sessions, PREVENTIVE, date(2009, 9, 22))
    added = await confirmed(
        fake_api, ADMIN, f"/addmeeting {PREVENTIVE} 14.10.2009 13-15 Lohja", "/confirm"
    )
    new = int((added.plain_text or "").split()[1])
    member = FakeUser(321, "Liisa")
    fake_api.add_user(member)
    await resident(sessions, member.id, "Lohja")

    staff = await say(fake_api, ADMIN, "/meetings 9/2009")
    assert f"{PREVENTIVE_FI} · nro {forum}\nSeudullisen" in (staff.plain_text or "")
    next_for_staff = await say(fake_api, ADMIN, "/next")
    assert f"{PREVENTIVE_FI} · nro {new}\n" in (next_for_staff.plain_text or "")
    participant = await say(fake_api, member, "/kokoukset 9/2009")
    assert f"{PREVENTIVE_FI}\nSeudullisen" in (participant.plain_text or "")
    assert "nro" not in (participant.plain_text or "")
    assert "nro" not in ((await say(fake_api, member, "/next")).plain_text or "")


async def test_swedish_a_meeting_is_named_chosen_and_numbered(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    kirkkonummi = await meeting_id(sessions, PREVENTIVE, date(2009, 3, 4))
    partnership = await meeting_id(sessions, PARTNERSHIP, date(2009, 3, 25))
    forum = await meeting_id(sessions, PREVENTIVE, date(2009, 9, 22))
    forum_west = await meeting_id(sessions, PREVENTIVE, date(2009, 9, 24))
    staff, member = (
        FakeUser(331, "Stina", language_code="sv"),
        FakeUser(332, "Sven", language_code="sv"),
    )
    await coordinator(sessions, fake_api, staff, "Raasepori")
    fake_api.add_user(member)
    await resident(sessions, member.id, "Raasepori", language="sv")

    for typed in (
        f"/deltagare {kirkkonummi}",
        "/deltagare ons 4.3.2009",
        f"/attendance {PREVENTIVE}/2009-03-04",
    ):
        listed = await say(fake_api, staff, typed, count=2)
        assert (listed.plain_text or "").startswith(f"Deltagare: {PREVENTIVE_SV}, 4.3.2009"), typed
    by_key = await say(fake_api, staff, "/deltagare foorumi-keski-uusimaa", count=2)
    assert (by_key.plain_text or "").startswith(f"Deltagare: {PREVENTIVE_SV}, 22.9.2009")

    changed = await confirmed(
        fake_api, staff, '/andramote 4.3.2009 venue="Fullmäktigesalen"', "/bekrafta"
    )
    assert (changed.plain_text or "").startswith(
        f"Möte {kirkkonummi} ändrat: ons 4.3.2009 kl. 13.00–15.30."
    )
    await confirmed(
        fake_api, staff, "/andramote foorumi-lansi-uusimaa place=Raasepori", "/bekrafta"
    )
    await confirmed(
        fake_api,
        staff,
        f'/andramote {PREVENTIVE}/ons 4.3.2009 address="Kyrkslätt torg 1"',
        "/bekrafta",
    )
    moved = await confirmed(
        fake_api, staff, f"/editmeeting {kirkkonummi} time=12-14.30", "/bekrafta"
    )
    assert (moved.plain_text or "").startswith(
        f"Möte {kirkkonummi} ändrat: ons 4.3.2009 kl. 12.00–14.30."
    )
    stored = await meeting(sessions, kirkkonummi)
    assert (stored.venue, stored.address) == ("Fullmäktigesalen", "Kyrkslätt torg 1")
    assert (await meeting(sessions, forum_west)).place == "Raasepori"

    asked = await say(fake_api, staff, "/protokoll 25.3.2009 Närvarande 9.")
    assert asked.plain_text == "”25.3.2009” passar flera möten. Välj mötet:"
    labels = [row[0][0] for row in asked.buttons()]
    assert labels[0] == "Förebyggande barnskydd i ba… · ons 25.3.2009 · Träskända"
    saved = await press(fake_api, staff, asked, label_of(asked, "Att stärka"))
    assert (saved.plain_text or "").startswith(f"📝 Protokollet sparat: {PARTNERSHIP_SV}")
    for typed in (f"/protokoll {partnership}", f"/minutes {PARTNERSHIP}/25.3.2009"):
        shown = await say(fake_api, member, typed)
        assert shown.plain_text == (
            f"📝 Protokoll: {PARTNERSHIP_SV}, ons 25.3.2009\n\nNärvarande 9."
        ), typed

    none = await say(fake_api, member, "/protokoll foorumi-keski-uusimaa")
    assert none.plain_text == f"Mötet {PREVENTIVE_SV}, tis 22.9.2009 har inget protokoll än."

    listed = await say(fake_api, staff, "/moten 9/2009")
    assert f"{PREVENTIVE_SV} · nr {forum}\n" in (listed.plain_text or "")
    participant = await say(fake_api, member, "/moten 9/2009")
    assert f"{PREVENTIVE_SV}\n" in (participant.plain_text or "")
    assert " · nr " not in (participant.plain_text or "")
