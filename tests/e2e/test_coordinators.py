"""Coordinators over HTTP: broadcasts with delivery reports, refusals that are logged,
meetings from the chat reaching members as notices, attendance, roles and the audit log."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import VerstasApplication
from bot.console.bot_api import FakeUser, LocalBotAPI
from storage.models import AuditEntry, Member, Outbox
from tests.helpers.bots import ADMIN, bot_running
from tests.helpers.chat import say
from tests.helpers.members import resident
from tests.helpers.schedules import load_demo

pytestmark = pytest.mark.e2e

Sessions = async_sessionmaker[AsyncSession]


async def audit_entries(sessions: Sessions) -> list[tuple[int, str, bool]]:
    async with sessions() as session:
        entries = await session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        return [(e.actor_telegram_id, e.action, e.allowed) for e in entries]


async def test_a_broadcast_to_one_municipality_reaches_exactly_its_members_once(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    lohja = [FakeUser(101 + n) for n in range(3)]
    kerava = [FakeUser(201 + n) for n in range(2)]
    for user in (*lohja, *kerava):
        fake_api.add_user(user)
        await resident(sessions, user.id, "Lohja" if user in lohja else "Kerava")
    fake_api.block_user(lohja[2].id)

    text = "/broadcast municipality=Lohja Tärkeää: kokous siirtyy, ks. https://example.fi"
    offset = text.index("Tärkeää")
    fake_api.send_text(ADMIN, text, entities=[{"type": "bold", "offset": offset, "length": 7}])
    [preview] = await fake_api.wait_for_message(ADMIN.id)
    assert (preview.plain_text or "").startswith(
        "📣 Esikatselu – vastaanottajia 3 (kunta Lohja). Vahvista, niin tiedote lähtee."
    )
    assert "<b>Tärkeää</b>" in (preview.text or "")

    fake_api.press_button(ADMIN, preview, preview.callback_data("✅ Vahvista"))
    for user in lohja[:2]:
        [announcement] = await fake_api.wait_for_message(user.id)
        assert (announcement.plain_text or "").startswith("📣 Tiedote\n\nTärkeää: kokous siirtyy")
        assert any(e["type"] == "bold" for e in announcement.entities)
    # The preview became the status line; its last edit is the summary.
    await fake_api.wait_for_call("editMessageText", count=2, timeout=10)
    status = fake_api.messages_to(ADMIN.id)[0]
    assert status.plain_text == (
        "📣 Tiedote lähetetty. 2/3 perillä, 0 epäonnistui, 1 on estänyt botin, "
        "0 ei ole aloittanut bottia."
    )
    assert all(fake_api.messages_to(user.id) == [] for user in kerava)
    assert [len(fake_api.messages_to(user.id)) for user in lohja] == [1, 1, 0]
    async with sessions() as session:
        blocked = await session.scalar(select(Member).where(Member.telegram_id == lohja[2].id))
        assert blocked is not None
        assert blocked.active is False
    assert (ADMIN.id, "broadcast", True) in await audit_entries(sessions)


async def test_a_participants_broadcast_and_a_forged_confirm_are_refused_and_logged(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    participant = FakeUser(301, "Osallistuja")
    fake_api.add_user(participant)
    await resident(sessions, participant.id, "Kerava")
    refused = await say(fake_api, participant, "/broadcast Hei kaikki")
    assert refused.plain_text == "Tämä toiminto on vain koordinaattoreille."

    preview = await say(fake_api, ADMIN, "/broadcast Vain koordinaattori voi vahvistaa tämän")
    confirm = preview.callback_data("✅ Vahvista")
    # The participant presses a Confirm button they never had: the data is forged.
    fake_api.press_button(participant, preview, confirm, check=False)
    call = await fake_api.wait_for_call("answerCallbackQuery")
    assert call.params["text"] == "Tämä toiminto on vain koordinaattoreille."
    assert fake_api.messages_to(ADMIN.id)[0].edits == []
    async with sessions() as session:
        assert (await session.scalars(select(Outbox))).all() == []
    entries = await audit_entries(sessions)
    assert (participant.id, "broadcast", False) in entries
    assert (participant.id, "broadcast-confirm", False) in entries

    cancelled = await say(fake_api, ADMIN, "/cancel")
    assert cancelled.plain_text == "Tiedote peruttu; mitään ei lähetetty."
    assert (await say(fake_api, ADMIN, "/confirm")).plain_text == (
        "Sinulla ei ole vahvistamatonta tiedotetta. Kirjoita ensin /broadcast ja tiedote."
    )
    # A second press of the old preview's Confirm: the draft is no longer one.
    fake_api.press_button(ADMIN, preview, confirm, check=False)
    answered = len(fake_api.calls_to("answerCallbackQuery"))
    await fake_api.wait_for_call("answerCallbackQuery", count=answered)
    async with sessions() as session:
        assert (await session.scalars(select(Outbox))).all() == []


async def test_a_typed_confirm_broadcasts_to_a_workshop_and_posts_its_status(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    followers = [FakeUser(311), FakeUser(312)]
    other = FakeUser(313)
    for user, town in ((followers[0], "Kerava"), (followers[1], "Siuntio"), (other, "Lohja")):
        fake_api.add_user(user)
        await resident(sessions, user.id, town)
    preview = await say(fake_api, ADMIN, "/broadcast workshop=kasvatuskumppanuus Syksyn ohjelma")
    assert "vastaanottajia 2 (verstas Moniammatillisen" in (preview.plain_text or "")
    started = await say(fake_api, ADMIN, "/confirm")
    assert started.plain_text == (
        "📣 Tiedote lähtee 2 vastaanottajalle. Päivitän tähän, miten lähetys etenee."
    )
    for user in followers:
        await fake_api.wait_for_message(user.id)
    [*_, status] = await fake_api.wait_for_message(ADMIN.id, count=3)
    assert (status.plain_text or "").startswith("📣 Tiedote lähetetty. 2/2 perillä")
    assert fake_api.messages_to(other.id) == []


async def test_meetings_added_moved_and_cancelled_from_the_chat_reach_members_as_notices(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    lohja, kerava, karjalohja = FakeUser(401), FakeUser(402), FakeUser(403)
    for user, town in ((lohja, "Lohja"), (kerava, "Kerava"), (karjalohja, "Karjalohja")):
        fake_api.add_user(user)
        await resident(sessions, user.id, town)

    await say(fake_api, ADMIN, "/addmeeting ehkaiseva-lastensuojelu 4.3.2027 13:00-15:30 Lohja")
    added = await say(fake_api, ADMIN, "/confirm")
    match = re.match(
        r"Kokous (\d+) lisätty: Ehkäisevä lastensuojelu peruspalveluissa, "
        r"to 4\.3\.2027 klo 13\.00–15\.30\.",
        added.plain_text or "",
    )
    assert match is not None, added.plain_text
    meeting = match.group(1)
    for user in (lohja, kerava):
        [notice] = await fake_api.wait_for_message(user.id)
        assert (notice.plain_text or "").startswith("🆕 Uusi kokous")
        assert "to 4.3.2027 klo 13.00–15.30\nLohja" in (notice.plain_text or "")

    await say(fake_api, ADMIN, f"/editmeeting {meeting} time=14:00-15:30 place=Vihti")
    moved = await say(fake_api, ADMIN, "/confirm")
    assert (moved.plain_text or "").startswith(
        f"Kokous {meeting} muutettu: to 4.3.2027 klo 14.00–15.30."
    )
    for user in (lohja, kerava):
        [_, notice] = await fake_api.wait_for_message(user.id, count=2)
        assert "Aika: klo 13.00–15.30 → klo 14.00–15.30" in (notice.plain_text or "")
        assert "Paikka: Lohja → Vihti" in (notice.plain_text or "")

    await say(fake_api, ADMIN, f"/cancelmeeting {meeting}")
    cancelled = await say(fake_api, ADMIN, "/confirm")
    assert (cancelled.plain_text or "").startswith(
        f"Kokous {meeting} (to 4.3.2027 klo 14.00–15.30) peruttu."
    )
    for user in (lohja, kerava):
        [*_, notice] = await fake_api.wait_for_message(user.id, count=3)
        assert (notice.plain_text or "").startswith("❌ Kokous on peruttu")
    # Karjalohja takes part only in the low-threshold workshop: not concerned.
    assert fake_api.messages_to(karjalohja.id) == []
    actions = [
        action for actor, action, allowed in await audit_entries(sessions) if actor == ADMIN.id
    ]
    assert actions == ["add-meeting", "edit-meeting", "cancel-meeting"]

    bad = await say(fake_api, ADMIN, "/addmeeting ehkaiseva-lastensuojelu 31.2.2027 13:00 Lohja")
    assert bad.plain_text == "päivää 31.2.2027 ei ole kalenterissa"
    participant_try = await say(fake_api, lohja, f"/cancelmeeting {meeting}")
    assert participant_try.plain_text == "Tämä toiminto on vain koordinaattoreille."


async def test_attendance_matches_the_answers_given(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    people = {
        "Aino": (FakeUser(501, "Aino"), "Kerava", "/going"),
        "Björn": (FakeUser(502, "Björn"), "Raasepori", "/notgoing"),
        "Cecilia": (FakeUser(503, "Cecilia"), "Lohja", "/maybe"),
        "Eeva": (FakeUser(504, "Eeva"), "Lohja", None),
    }
    for name, (user, town, _) in people.items():
        fake_api.add_user(user)
        await resident(sessions, user.id, town, name=name)
    await say(fake_api, ADMIN, "/addmeeting ehkaiseva-lastensuojelu 3.6.2027 9:30-12 Tuusula")
    added = await say(fake_api, ADMIN, "/confirm")
    meeting = re.findall(r"\d+", added.plain_text or "")[0]
    for user, _, command in people.values():
        await fake_api.wait_for_message(user.id)  # the notice of the new meeting
        if command:
            thanks = await say(fake_api, user, f"{command} {meeting}")
            assert (thanks.plain_text or "").startswith("Kiitos!")

    report = await say(fake_api, ADMIN, f"/attendance {meeting}")
    assert report.plain_text == (
        "Osallistujat: Ehkäisevä lastensuojelu peruspalveluissa, 3.6.2027\n"
        "\nKerava\nAino: Tulen\n"
        "\nLohja\nCecilia: Ehkä\nEeva: ei vastannut\n"
        "\nRaasepori\nBjörn: En pääse\n"
        "\nTulen 1, En pääse 1, Ehkä 1, ei vastannut 1"
    )
    [*_, document] = await fake_api.wait_for_message(ADMIN.id, count=4)
    assert document.document_name == f"attendance-2027-06-03-{meeting}.csv"
    rows = list(
        csv.reader(io.StringIO((document.document_bytes or b"").decode("utf-8-sig")), delimiter=";")
    )
    assert rows == [
        ["municipality", "name", "answer"],
        ["Kerava", "Aino", "Tulen"],
        ["Lohja", "Cecilia", "Ehkä"],
        ["Lohja", "Eeva", "ei vastannut"],
        ["Raasepori", "Björn", "En pääse"],
    ]


async def test_roles_invites_members_and_the_audit_log(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    satu, ville, outsider = FakeUser(601, "Satu"), FakeUser(602, "Ville"), FakeUser(603, "Olli")
    await say(fake_api, satu, "/start kerava")
    assert (
        await say(fake_api, satu, "/promote 601")
    ).plain_text == "Tämä toiminto on vain ylläpitäjille."
    assert (await say(fake_api, ADMIN, "/promote 601")).plain_text == "Satu: koordinaattori."
    preview = await say(fake_api, satu, "/broadcast Hei!")
    assert (preview.plain_text or "").startswith("📣 Esikatselu")
    assert (await say(fake_api, ADMIN, "/demote 601")).plain_text == "Satu: osallistuja."
    assert (await say(fake_api, satu, "/broadcast Hei!")).plain_text == (
        "Tämä toiminto on vain koordinaattoreille."
    )
    assert (await say(fake_api, ADMIN, "/promote 999")).plain_text == (
        "Käyttäjää 999 ei löydy; hänen pitää ensin aloittaa botti (/start)."
    )

    invitation = await say(fake_api, ADMIN, "/invite")
    link = (invitation.plain_text or "").split(": ", 1)[1]
    payload = link.split("?start=", 1)[1]
    assert link.startswith("https://t.me/verstas_test_bot?start=invite-")
    welcome = await say(fake_api, ville, f"/start {payload}")
    assert "Tervetuloa koordinaattoriksi!" in (welcome.plain_text or "")
    again = await say(fake_api, outsider, f"/start {payload}")
    assert "Kutsulinkki ei ole voimassa (käytetty tai vanhentunut)." in (again.plain_text or "")
    assert (await say(fake_api, ville, "/broadcast Hei!")).plain_text is not None

    counts = await say(fake_api, outsider, "/members")
    # Satu, Ville, Olli and the administrator.
    assert (counts.plain_text or "").startswith("Jäseniä 4")
    assert "Jäsenet" not in (counts.plain_text or "")
    full = await say(fake_api, ADMIN, "/members")
    assert "Satu – Kerava" in (full.plain_text or "")

    log = await say(fake_api, ADMIN, "/audit")
    text = log.plain_text or ""
    assert text.startswith("Tapahtumaloki")
    assert "Satu (601) yritti antaa koordinaattorin roolin: 601." in text
    assert "Marianna (5001) antoi koordinaattorin roolin: Satu (601)." in text
    assert "Olli (603) yritti liittyä kutsulinkillä — linkki ei kelpaa tai on jo käytetty." in text
    assert (
        await say(fake_api, outsider, "/audit")
    ).plain_text == "Tämä toiminto on vain koordinaattoreille."


async def test_a_schedule_file_sent_in_the_chat_is_checked_previewed_and_imported_on_confirm(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    member = FakeUser(701)
    fake_api.add_user(member)
    await resident(sessions, member.id, "Kerava")
    broken = (
        b"workshop,date,start,place\nkasvatuskumppanuus,31.2.2027,13:00,Kerava\nnone,1.3.2027,,\n"
    )
    fake_api.send_document(ADMIN, "syksy.csv", broken)
    [problems] = await fake_api.wait_for_message(ADMIN.id)
    # The unknown workshop is told in the same round as the impossible date.
    assert problems.plain_text == (
        "rivi 2, päivämäärä: päivää 31.2.2027 ei ole kalenterissa\n"
        "rivi 3, verstas: verstasta none ei löydy; käytä verstaan tunnusta tai tarkkaa nimeä\n"
        "Tiedostossa on 2 virhettä; mitään ei tallennettu."
    )

    good = b"workshop,date,start,end,place\nkasvatuskumppanuus,7.10.2027,13:00,15:00,Kerava\n"
    fake_api.send_document(ADMIN, "syksy.csv", good)
    [_, preview] = await fake_api.wait_for_message(ADMIN.id, count=2)
    assert (preview.plain_text or "").startswith(
        "📄 syksy.csv on kunnossa. Näin tietoihin tulisi:\n"
        "+ Moniammatillisen kasvatuskumppanuusajattelun vahvistaminen:"
        " to 7.10.2027 klo 13.00–15.00, Kerava\n"
        "Tuodaan: 1 uutta, 0 muuttuvaa, 0 peruttavaa ja 0 ennallaan pysyvää kokousta."
    )
    # Nothing is saved before Confirm, and nobody is told.
    assert fake_api.messages_to(member.id) == []

    outsider = FakeUser(702)
    fake_api.press_button(outsider, preview, preview.callback_data("✅ Tuo"), check=False)
    refusal = await fake_api.wait_for_call("answerCallbackQuery")
    assert refusal.params["text"] == "Tämä toiminto on vain koordinaattoreille."

    fake_api.press_button(ADMIN, preview, preview.callback_data("✅ Tuo"))
    [notice] = await fake_api.wait_for_message(member.id, timeout=10)
    assert (notice.plain_text or "").startswith("🆕 Uusi kokous")
    assert "to 7.10.2027 klo 13.00–15.00\nKerava" in (notice.plain_text or "")
    imported = fake_api.messages_to(ADMIN.id)[1]
    assert (imported.plain_text or "").startswith("📄 syksy.csv tuotu.")
    assert (ADMIN.id, "import", True) in await audit_entries(sessions)

    fake_api.send_document(member, "oma.yaml", b"network: {name: X}\n")
    [_, refused] = await fake_api.wait_for_message(member.id, count=2)
    assert refused.plain_text == "Tämä toiminto on vain koordinaattoreille."


async def test_a_broadcast_keeps_to_the_send_rate_and_questions_are_answered_meanwhile(
    fake_api: LocalBotAPI, database_url: str, sessions: Sessions
) -> None:
    await load_demo(sessions)
    members = [FakeUser(10_000 + n) for n in range(120)]
    for user in members:
        fake_api.add_user(user)
        await resident(sessions, user.id, "Kerava")
    asker = FakeUser(20_000, "Kysyjä")
    async with bot_running(fake_api, database_url, bot_admin_ids=(ADMIN.id,), bot_send_rate=40):
        preview = await say(fake_api, ADMIN, "/broadcast Syysseminaari 12.10.")
        fake_api.press_button(ADMIN, preview, preview.callback_data("✅ Vahvista"))
        await fake_api.wait_for_message(members[0].id, timeout=10)
        asked = datetime.now(UTC)
        fake_api.send_text(asker, "/next")
        [answer] = await fake_api.wait_for_message(asker.id, timeout=5)
        for user in members:
            await fake_api.wait_for_message(user.id, timeout=20)
    deliveries = sorted(
        m.received_at for m in fake_api.sent if m.chat_id in {u.id for u in members}
    )
    assert len(deliveries) == 120
    # The question did not wait for the broadcast: it was answered while it went on. (How
    # fast, and how near the limit the broadcast runs, are figures of the benchmarks.)
    assert asked < answer.received_at < deliveries[-1]
    spread = (deliveries[-1] - deliveries[0]).total_seconds()
    # 120 messages at 40 a second take at least three seconds, never 41 in one.
    assert spread >= 119 / 40
    outgoing = sorted(m.received_at for m in fake_api.sent)
    first = 0
    for last, moment in enumerate(outgoing):
        while (moment - outgoing[first]).total_seconds() >= 1.0:
            first += 1
        assert last - first + 1 <= 40


async def test_a_photo_goes_with_an_announcement(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    member = FakeUser(801)
    fake_api.add_user(member)
    await resident(sessions, member.id, "Kerava")
    photo = b"\xff\xd8\xff\xe0 kuva seminaarista"
    fake_api.send_photo(ADMIN, photo, caption="/broadcast municipality=Kerava Kuva seminaarista")
    [preview] = await fake_api.wait_for_message(ADMIN.id)
    assert "📎 Mukana kuva." in (preview.plain_text or "")
    fake_api.press_button(ADMIN, preview, preview.callback_data("✅ Vahvista"))
    [received] = await fake_api.wait_for_message(member.id)
    assert received.method == "sendPhoto"
    assert received.document_bytes == photo
    assert received.plain_text == "📣 Tiedote\n\nKuva seminaarista\n\n– Koordinaattori Marianna"


PASTED = """Ehkäisevä lastensuojelu peruspalveluissa – teemaverstas

Aika: Torstai 7.10.2027 klo 13 – 15.30
Paikka: Keravan kaupungintalo, Kauppakaari 11

Seuraava kokoontuminen keskiviikkona 3.11.2027 klo 9.30 – 12 Lohjalla."""


async def test_a_pasted_announcement_is_read_previewed_and_imported_on_confirm(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    member = FakeUser(801)
    fake_api.add_user(member)
    await resident(sessions, member.id, "Kerava")

    # From a participant the same words are a question, never an import.
    answer = await say(fake_api, member, PASTED)
    assert not (answer.plain_text or "").startswith("📋")
    assert answer.buttons() == []

    preview = await say(fake_api, ADMIN, PASTED)
    assert (preview.plain_text or "").split("\n") == [
        "📋 Luin tekstistä 2 kokousta. Tarkista, ennen kuin tuot:",
        "Ehkäisevä lastensuojelu peruspalveluissa",
        "to 7.10.2027 klo 13.00–15.30, Kerava, Keravan kaupungintalo, Kauppakaari 11",
        "ke 3.11.2027 klo 9.30–12.00, Lohja",
        "",
        "+ Ehkäisevä lastensuojelu peruspalveluissa: to 7.10.2027 klo 13.00–15.30, Kerava,"
        " Keravan kaupungintalo, Kauppakaari 11",
        "+ Ehkäisevä lastensuojelu peruspalveluissa: ke 3.11.2027 klo 9.30–12.00, Lohja",
        "Tuodaan: 2 uutta, 0 muuttuvaa, 0 peruttavaa ja 0 ennallaan pysyvää kokousta.",
    ]
    # Nothing is saved before Confirm, and nobody is told.
    assert len(fake_api.messages_to(member.id)) == 1

    fake_api.press_button(ADMIN, preview, preview.callback_data("✅ Tuo"))
    notices = await fake_api.wait_for_message(member.id, count=3, timeout=10)
    texts = "\n\n".join(n.plain_text or "" for n in notices[1:])
    assert "to 7.10.2027 klo 13.00–15.30\nKerava" in texts, texts
    assert "ke 3.11.2027 klo 9.30–12.00\nLohja" in texts, texts
    done = fake_api.messages_to(ADMIN.id)[-1]
    assert (done.plain_text or "").startswith("📋 Tekstin kokoukset tuotu.")

    # The same announcement as a text file: read again, and now nothing would change.
    fake_api.send_document(ADMIN, "tiedote.txt", PASTED.encode())
    [*_, again] = await fake_api.wait_for_message(ADMIN.id, count=2)
    assert "Ei muutoksia: tiedosto vastaa jo tallennettuja tietoja." in (again.plain_text or "")


async def test_an_announcement_file_without_meetings_says_what_is_needed(
    fake_api: LocalBotAPI, bot: VerstasApplication
) -> None:
    fake_api.send_document(ADMIN, "muistio.txt", b"Kiitos kaikille osallistujille!")

    [reply] = await fake_api.wait_for_message(ADMIN.id)
    assert reply.plain_text == (
        "En löytänyt tekstistä kokouksia. Kirjoita päivämäärä kokonaan (4.3.2009) ja sen "
        "viereen kellonaika (klo 13–15.30) tai paikkakunta."
    )
    assert reply.buttons() == []
