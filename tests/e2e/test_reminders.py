"""Reminders in real time over the fake Bot API: on time, across a SIGKILL, cancellations,
faults; and /reminders, RSVP and /status from the chat."""

from __future__ import annotations

import asyncio
import signal
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import VerstasApplication
from bot.console.bot_api import FakeUser, LocalBotAPI, SentMessage
from bot.planning.notices import notify_change
from bot.planning.outbox import ReminderPolicy
from bot.telegram.context import runtime_of
from storage.models import Meeting, MeetingStatus, Outbox, OutboxStatus, Rsvp, RsvpAnswer
from tests.helpers.bots import BotProcess, bot_running, fixed_clock
from tests.helpers.schedules import HELSINKI, follower, load_demo, meeting_soon

pytestmark = pytest.mark.e2e

Sessions = async_sessionmaker[AsyncSession]
WORKSHOP = "ehkaiseva-lastensuojelu"
# Seconds, so that a test about time takes seconds, not days.
OFFSETS = "30s,10s"


def reminders_to(api: LocalBotAPI, chat_id: int) -> list[SentMessage]:
    return [m for m in api.messages_to(chat_id) if (m.plain_text or "").startswith("⏰")]


async def test_every_member_gets_both_reminders_within_2_seconds_of_their_due_time(
    fake_api: LocalBotAPI, database_url: str, sessions: Sessions
) -> None:
    await load_demo(sessions)
    members = [FakeUser(900 + n, f"Jäsen {n}") for n in range(3)]
    for user in members:
        fake_api.add_user(user)
        await follower(sessions, user.id, WORKSHOP)
    # A meeting a minute ahead: reminders due in 30 s and in 50 s.
    starts = datetime.now(UTC) + timedelta(seconds=60)
    await meeting_soon(sessions, WORKSHOP, starts)
    async with bot_running(fake_api, database_url, reminder_offsets=OFFSETS, quiet_hours=""):
        for user in members:
            await fake_api.wait_for_message(user.id, count=2, timeout=75)
    for user in members:
        first, second = reminders_to(fake_api, user.id)
        for message, offset in ((first, 30), (second, 10)):
            due = starts - timedelta(seconds=offset)
            lateness = (message.received_at - due).total_seconds()
            assert 0 <= lateness <= 2, f"{user.id}: {lateness:.2f} s late"


async def test_the_bot_killed_between_two_reminders_still_sends_the_second_once(
    fake_api: LocalBotAPI, database_url: str, sessions: Sessions, tmp_path: Path
) -> None:
    await load_demo(sessions)
    user = FakeUser(950, "Sitkeä")
    fake_api.add_user(user)
    await follower(sessions, user.id, WORKSHOP)
    # The first reminder falls 15 s after the first process is started: room for a slow
    # start (imports alone take seconds on a busy machine), after which it would be late.
    starts = datetime.now(UTC) + timedelta(seconds=55)
    await meeting_soon(sessions, WORKSHOP, starts)
    env = {
        "BOT_TOKEN": fake_api.token,
        "BOT_API_BASE_URL": fake_api.base_url,
        "DATABASE_URL": database_url,
        "REMINDER_OFFSETS": "40s,10s",
        "QUIET_HOURS": "",
    }
    first_run = BotProcess(env, cwd=tmp_path)
    await first_run.start()
    try:
        await fake_api.wait_for_message(user.id, count=1, timeout=40)
        first_run.process.kill()  # type: ignore[union-attr]  # SIGKILL: no clean-up at all
        await first_run.process.wait()  # type: ignore[union-attr]
    finally:
        await first_run.kill()
    second_run = BotProcess(env, cwd=tmp_path)
    await second_run.start()
    try:
        await fake_api.wait_for_message(user.id, count=2, timeout=40)
        assert await second_run.stop(signal.SIGTERM) == 0
    finally:
        await second_run.kill()
    # Stopped cleanly: nothing more can come. Exactly the two reminders, once each.
    assert len(reminders_to(fake_api, user.id)) == 2
    first, second = reminders_to(fake_api, user.id)
    assert first.received_at < second.received_at
    async with sessions() as session:
        rows = (await session.scalars(select(Outbox).where(Outbox.chat_id == user.id))).all()
    status = {r.offset_seconds: r.status for r in rows if r.kind == "reminder"}
    assert status[10] == OutboxStatus.SENT
    # The first was killed in flight: sent by Telegram, not yet marked. Its claim outlives
    # the meeting's start, so it is never sent again; it is SENT if the mark made it.
    assert status[40] in {OutboxStatus.SENT, OutboxStatus.PENDING}


async def test_a_bot_stopped_while_a_reminder_goes_out_stops_and_the_next_start_sends_the_rest(
    fake_api: LocalBotAPI, database_url: str, sessions: Sessions
) -> None:
    # At 10 messages a second, 120 reminders take twelve seconds to go out; the bot is
    # stopped after the first. It must not hold the stop until every one is sent (a
    # reminder to ten thousand members would hold it for minutes): the rest wait in the
    # outbox and the next start sends them, each member getting theirs once.
    await load_demo(sessions)
    members = [FakeUser(2000 + n, f"Jäsen {n}") for n in range(120)]
    for user in members:
        fake_api.add_user(user)
        await follower(sessions, user.id, WORKSHOP)
    await meeting_soon(sessions, WORKSHOP, datetime.now(UTC) + timedelta(seconds=40))
    settings: dict[str, Any] = {"reminder_offsets": "35s", "quiet_hours": "", "bot_send_rate": 10}
    async with bot_running(fake_api, database_url, **settings):
        await fake_api.wait_for_message(members[0].id, count=1, timeout=30)
    got_one = [user for user in members if reminders_to(fake_api, user.id)]
    assert 0 < len(got_one) < len(members)
    async with sessions() as session:
        pending = await session.scalars(
            select(Outbox.chat_id).where(
                Outbox.kind == "reminder", Outbox.status == OutboxStatus.PENDING
            )
        )
        assert set(pending) == {user.id for user in members} - {user.id for user in got_one}
    async with bot_running(fake_api, database_url, **settings):
        for user in members:
            await fake_api.wait_for_message(user.id, count=1, timeout=30)
    assert all(len(reminders_to(fake_api, user.id)) == 1 for user in members)


async def test_a_cancelled_meeting_gives_a_notice_and_no_reminder(
    fake_api: LocalBotAPI, database_url: str, sessions: Sessions
) -> None:
    await load_demo(sessions)
    user = FakeUser(960, "Peruttu")
    fake_api.add_user(user)
    await follower(sessions, user.id, WORKSHOP)
    starts = datetime.now(UTC) + timedelta(seconds=12)
    meeting_id = await meeting_soon(sessions, WORKSHOP, starts)
    async with bot_running(
        fake_api, database_url, reminder_offsets="10s,5s", quiet_hours=""
    ) as application:
        runtime = runtime_of(application)
        async with runtime.sessions.begin() as session:
            meeting = await session.get(Meeting, meeting_id)
            assert meeting is not None
            meeting.status = MeetingStatus.CANCELLED
            meeting.revision += 1
            await notify_change(
                session,
                meeting,
                {"status": (MeetingStatus.SCHEDULED, MeetingStatus.CANCELLED)},
                now=runtime.clock(),
                policy=ReminderPolicy.from_settings(runtime.settings),
            )
        [notice] = await fake_api.wait_for_message(user.id, timeout=10)
        # A test about time: stay past both due times and the start, then look again.
        await asyncio.sleep((starts - datetime.now(UTC)).total_seconds() + 1.5)
    assert (notice.plain_text or "").startswith("❌ Kokous on peruttu")
    assert fake_api.messages_to(user.id) == [notice]


async def test_429_and_5xx_delay_a_reminder_but_lose_nothing(
    fake_api: LocalBotAPI, database_url: str, sessions: Sessions
) -> None:
    await load_demo(sessions)
    users = [FakeUser(970 + n) for n in range(2)]
    for user in users:
        fake_api.add_user(user)
        await follower(sessions, user.id, WORKSHOP)
    starts = datetime.now(UTC) + timedelta(seconds=30)
    await meeting_soon(sessions, WORKSHOP, starts)
    fake_api.fail_next("sendMessage", status=429, retry_after=2)
    fake_api.fail_next("sendMessage", status=503)
    async with bot_running(fake_api, database_url, reminder_offsets="25s", quiet_hours=""):
        for user in users:
            await fake_api.wait_for_message(user.id, timeout=30)
    statuses = [c.status for c in fake_api.calls_to("sendMessage")]
    assert statuses[:2] == [429, 503]
    assert statuses.count(200) == 2
    assert all(len(reminders_to(fake_api, user.id)) == 1 for user in users)


async def test_rsvp_buttons_typed_answers_and_own_offsets(
    fake_api: LocalBotAPI, database_url: str, sessions: Sessions
) -> None:
    await load_demo(sessions)
    user = FakeUser(980, "Vastaaja", language_code="fi")
    member_id = await follower(sessions, user.id, WORKSHOP)
    fake_api.add_user(user)
    starts = datetime.now(UTC) + timedelta(seconds=8)
    meeting_id = await meeting_soon(sessions, WORKSHOP, starts)
    async with bot_running(fake_api, database_url, reminder_offsets="6s", quiet_hours=""):
        [reminder] = await fake_api.wait_for_message(user.id, timeout=15)
        fake_api.press_button(user, reminder, reminder.callback_data("Tulen"))
        [_, thanks] = await fake_api.wait_for_message(user.id, count=2)
        assert (thanks.plain_text or "").startswith("Kiitos! Vastauksesi kokoukseen")
        assert (thanks.plain_text or "").endswith(": Tulen.")

        fake_api.send_text(user, f"/maybe {meeting_id}")
        [*_, changed] = await fake_api.wait_for_message(user.id, count=3)
        assert (changed.plain_text or "").endswith(": Ehkä.")
        fake_api.send_text(user, "/going 99999")
        [*_, unknown] = await fake_api.wait_for_message(user.id, count=4)
        assert (unknown.plain_text or "").startswith(
            "En löytänyt kokousta ”99999”. Kokouksen voi nimetä numerolla, päivämäärällä"
        )

        replies: list[str | None] = []
        for command in ("/reminders", "/reminders 1d,2h", "/reminders 7x", "/reminders off"):
            fake_api.send_text(user, command)
            answers = await fake_api.wait_for_message(user.id, count=5 + len(replies))
            replies.append(answers[-1].plain_text)
    assert replies == [
        "Muistutukset tulevat 6 sekuntia ennen kokousta. (verkoston oletus)",
        "Selvä! Muistutukset tulevat nyt 1 päivä, 2 tuntia ennen kokousta.",
        "”7x” ei kelpaa. Kirjoita esim. /reminders 1d,2h "
        "(d = päivää, h = tuntia, m = minuuttia) tai /reminders off.",
        "Selvä, en lähetä sinulle muistutuksia.",
    ]
    async with sessions() as session:
        rsvp = await session.get(Rsvp, (member_id, meeting_id))
    assert rsvp is not None
    assert rsvp.answer == RsvpAnswer.MAYBE


async def test_more_than_five_reminder_times_are_refused_in_the_members_language(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    users = {"fi": FakeUser(985, "Maija"), "sv": FakeUser(986, "Maja", language_code="sv")}
    many = ",".join(f"{hours}h" for hours in range(1, 661))
    for user in users.values():
        fake_api.send_text(user, "/start kerava")
        await fake_api.wait_for_message(user.id)
        fake_api.send_text(user, f"/reminders {many}")
    [*_, finnish] = await fake_api.wait_for_message(users["fi"].id, count=2)
    [*_, swedish] = await fake_api.wait_for_message(users["sv"].id, count=2)
    assert finnish.plain_text == (
        "Muistutuksia voi olla enintään 5. Valitse niistä tärkeimmät, esim. /reminders 7d,1d,2h."
    )
    assert swedish.plain_text == (
        "Du kan ha högst 5 påminnelser. Välj de viktigaste, t.ex. /reminders 7d,1d,2h."
    )
    # Nothing changed: the network's reminders still hold.
    fake_api.send_text(users["fi"], "/reminders")
    [*_, current] = await fake_api.wait_for_message(users["fi"].id, count=3)
    assert (current.plain_text or "").endswith("(verkoston oletus)")
    fake_api.send_text(users["fi"], "/reminders 7d,3d,1d,2h,1h")
    [*_, five] = await fake_api.wait_for_message(users["fi"].id, count=4)
    assert five.plain_text == (
        "Selvä! Muistutukset tulevat nyt 7 päivää, 3 päivää, 1 päivä, 2 tuntia, 1 tunti "
        "ennen kokousta."
    )


async def test_status_for_administrators_only(
    fake_api: LocalBotAPI, database_url: str, sessions: Sessions
) -> None:
    await load_demo(sessions)
    admin, participant = FakeUser(990, "Ylläpitäjä"), FakeUser(991, "Osallistuja")
    async with bot_running(
        fake_api,
        database_url,
        clock=fixed_clock(datetime(2009, 3, 1, 12, tzinfo=HELSINKI)),
        bot_admin_ids=(admin.id,),
    ):
        fake_api.send_text(participant, "/start kerava")
        await fake_api.wait_for_message(participant.id)
        fake_api.send_text(participant, "/status")
        fake_api.send_text(admin, "/status")
        [*_, refused] = await fake_api.wait_for_message(participant.id, count=2)
        [report] = await fake_api.wait_for_message(admin.id)
    assert refused.plain_text == "Tila on vain ylläpitäjille."
    assert report.plain_text is not None
    assert report.plain_text.startswith("Lähtevät viestit\nOdottaa: ")
    assert (
        "Seuraava muistutus: ti 3.3.2009 klo 13.00 (Ehkäisevä lastensuojelu peruspalveluissa)"
        in report.plain_text
    )
    assert "Mitään ei ole vielä lähetetty." in report.plain_text
