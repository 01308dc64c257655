"""Reminders and notices from planning to the Bot API: the dispatcher with a hand-moved clock.

Messages go over real HTTP to the fake Bot API through the real TelegramSender; the
database is SQLite and PostgreSQL in turn.
"""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

from sqlalchemy import delete, select, update

from bot.console.bot_api import FakeChat, FakeUser
from bot.delivery.dispatch import Dispatcher
from bot.delivery.telegram_sender import TelegramSender
from bot.language.catalog import Texts
from bot.planning.notices import notify_minutes
from bot.planning.outbox import plan_workshop
from bot.services import announcements
from bot.services.directory import load_directory
from bot.services.members import Person
from bot.services.minutes import NewMinutes, attach_minutes
from storage.models import (
    GroupChat,
    Meeting,
    Member,
    Minutes,
    Outbox,
    OutboxStatus,
)
from tests.helpers.outbox import Meanwhile, Sessions, World, at
from tests.helpers.schedules import HELSINKI


async def test_joining_plans_reminders_at_the_offsets_before_each_upcoming_meeting(
    world: World,
) -> None:
    await world.register(701, "Lohja")
    planned = [
        (r.due_at.astimezone(HELSINKI).strftime("%d.%m.%Y %H:%M"), r.offset_seconds)
        for r in await world.rows()
    ]
    # 4.3. klo 13: the 7-day reminder would have been due already; 25.3. has no time
    # yet, so its reminders count from 9.00.
    assert planned[:4] == [
        ("03.03.2009 13:00", 86_400),
        ("18.03.2009 09:00", 604_800),
        ("24.03.2009 09:00", 86_400),
        ("29.04.2009 09:00", 604_800),
    ]
    assert len(planned) == 11  # 4.3 (1), 25.3, 6.5, 4.6, 22.9, 24.9 (2 each)


async def test_a_due_reminder_is_sent_once_in_the_members_language_with_rsvp_buttons(
    world: World,
) -> None:
    await world.register(702, "Raseborg", language="sv")
    world.clock.set(at("3.3.2009 13:00"))
    stats = await world.dispatcher.run_once()
    assert (stats.sent, stats.skipped, stats.failed) == (1, 0, 0)
    [reminder] = world.sent_to(702)
    assert reminder.plain_text is not None
    assert reminder.plain_text.startswith("⏰ Påminnelse om ett kommande möte")
    assert "ons 4.3.2009 kl. 13.00–15.30\nKyrkslätt" in reminder.plain_text
    assert "/going" in reminder.plain_text
    assert [label for row in reminder.buttons() for label, _ in row] == [
        "Jag kommer",
        "Jag kan inte",
        "Kanske",
    ]
    assert (await world.dispatcher.run_once()).claimed == 0
    world.clock.advance(minutes=10)
    await world.dispatcher.run_once()
    assert len(world.sent_to(702)) == 1
    [sent] = [r for r in await world.rows() if r.status == OutboxStatus.SENT]
    assert sent.telegram_message_id == reminder.message_id


async def test_after_downtime_a_late_reminder_goes_out_only_if_its_meeting_has_not_started(
    world: World,
) -> None:
    await world.register(703, "Lohja")
    await world.register(704, "Kirkkonummi")
    # The bot was down from before the 1-day reminders (3.3. klo 13) until 4.3. klo 12.59.
    world.clock.set(at("4.3.2009 12:59"))
    assert (await world.dispatcher.run_once()).sent == 2
    # The next ones were due at 24.3. klo 9; the bot comes back only on 25.3. at 10.
    world.clock.set(at("25.3.2009 10:00"))
    stats = await world.dispatcher.run_once()
    assert (stats.sent, stats.skipped) == (0, 4)
    skipped = [r for r in await world.rows() if r.status == OutboxStatus.SKIPPED]
    assert {r.last_error for r in skipped} == {"meeting already started"}
    assert [len(world.sent_to(chat)) for chat in (703, 704)] == [1, 1]


async def test_a_moved_meeting_tells_what_changed_and_reminds_at_the_new_time(
    world: World,
) -> None:
    await world.register(705, "Tuusula")
    await world.reimport(
        'start: "13:00"\n        end: "15:30"\n        place: Kirkkonummi',
        'start: "14:00"\n        end: "15:30"\n        place: Lohja',
    )
    assert (await world.dispatcher.run_once()).sent == 1
    [notice] = world.sent_to(705)
    assert notice.plain_text is not None
    assert notice.plain_text.startswith("📅 Kokous on muuttunut")
    assert "Aika: klo 13.00–15.30 → klo 14.00–15.30" in notice.plain_text
    assert "Paikka: Kirkkonummi → Lohja" in notice.plain_text
    assert "ke 4.3.2009 klo 14.00–15.30\nLohja" in notice.plain_text

    world.clock.set(at("3.3.2009 13:00"))
    assert (await world.dispatcher.run_once()).claimed == 0
    world.clock.set(at("3.3.2009 14:00"))
    assert (await world.dispatcher.run_once()).sent == 1
    reminder = world.sent_to(705)[-1]
    assert reminder.plain_text is not None
    assert "klo 14.00–15.30" in reminder.plain_text


async def test_a_cancelled_meeting_gives_a_notice_and_no_reminder(world: World) -> None:
    await world.register(706, "Kerava")
    await world.reimport(
        "        place: Kirkkonummi\n", "        place: Kirkkonummi\n        status: cancelled\n"
    )
    assert (await world.dispatcher.run_once()).sent == 1
    [notice] = world.sent_to(706)
    assert notice.plain_text is not None
    assert notice.plain_text.startswith("❌ Kokous on peruttu")
    assert "PERUTTU" in notice.plain_text
    world.clock.set(at("3.3.2009 13:30"))
    await world.dispatcher.run_once()
    assert len(world.sent_to(706)) == 1


async def test_notices_reach_only_the_members_of_the_workshop(world: World) -> None:
    await world.register(707, "Vihti")  # preventive and low-threshold workshops
    await world.register(708, "Karjalohja")  # low-threshold only
    await world.reimport("        place: Kirkkonummi\n", "        place: Siuntio\n")
    await world.dispatcher.run_once()
    assert len(world.sent_to(707)) == 1
    assert world.sent_to(708) == []


async def test_429_and_5xx_answers_delay_but_lose_nothing(world: World) -> None:
    await world.register(709, "Lohja")
    await world.register(710, "Siuntio")
    world.clock.set(at("3.3.2009 13:00"))
    world.api.fail_next("sendMessage", status=429, retry_after=30)
    stats = await world.dispatcher.run_once()
    assert (stats.sent, stats.retried) == (0, 1)
    # Telegram said 30 s: nothing is tried before that, the other member included.
    world.clock.advance(seconds=29)
    assert (await world.dispatcher.run_once()).claimed == 0
    world.clock.advance(seconds=1)
    world.api.fail_next("sendMessage", status=502)
    stats = await world.dispatcher.run_once()
    assert (stats.sent, stats.retried) == (1, 1)
    world.clock.advance(seconds=10)
    assert (await world.dispatcher.run_once()).sent == 1
    assert [len(world.sent_to(chat)) for chat in (709, 710)] == [1, 1]


async def test_a_status_line_telegram_would_not_update_is_updated_at_the_next_run(
    world: World,
) -> None:
    await world.register(714, "Lohja")
    coordinator = Person(715, "Marianna", "fi", administrator=True)
    world.api.add_user(FakeUser(coordinator.telegram_id, coordinator.name))
    line = await world.bot.send_message(coordinator.telegram_id, "📣 Tiedote lähtee…")
    async with world.sessions.begin() as session:
        draft = await announcements.draft(
            session, coordinator, "Hei", workshop_id=None, municipality_id=None
        )
        await announcements.confirm(
            session,
            draft,
            coordinator,
            now=world.clock(),
            audience="kaikki",
            status_chat_id=coordinator.telegram_id,
            status_message_id=line.message_id,
        )
    world.api.fail_next("editMessageText", status=502)
    assert (await world.dispatcher.run_once()).sent == 2
    [status, _] = world.sent_to(coordinator.telegram_id)
    assert status.plain_text == "📣 Tiedote lähtee…"
    # Nothing more to send, but the summary the coordinator is waiting for is still owed.
    await world.dispatcher.run_once()
    assert (status.plain_text or "").startswith("📣 Tiedote lähetetty. 2/2 perillä")


async def test_a_member_who_blocked_the_bot_is_marked_inactive(world: World) -> None:
    member_id = await world.register(711, "Lohja")
    world.api.block_user(711)
    world.clock.set(at("3.3.2009 13:00"))
    stats = await world.dispatcher.run_once()
    assert stats.blocked == 1
    async with world.sessions() as session:
        member = await session.get(Member, member_id)
        assert member is not None
        assert member.active is False
    statuses = {r.status for r in await world.rows()}
    assert OutboxStatus.PENDING not in statuses
    failed = [r for r in await world.rows() if r.status == OutboxStatus.FAILED]
    assert len(failed) == 1
    assert (failed[0].last_error or "").startswith("blocked: ")


async def test_a_refused_message_fails_with_telegrams_reason(world: World) -> None:
    await world.register(712, "Lohja")
    async with world.sessions.begin() as session:
        # A chat Telegram does not know: the Bot API answers 400.
        await session.execute(update(Outbox).values(chat_id=999_999_999))
    world.clock.set(at("3.3.2009 13:00"))
    stats = await world.dispatcher.run_once()
    assert stats.failed == 1
    [failed] = [r for r in await world.rows() if r.status == OutboxStatus.FAILED]
    assert "chat not found" in (failed.last_error or "").lower()


async def test_a_linked_group_gets_each_reminder_once(world: World) -> None:
    group = FakeChat(-1001, "supergroup", "Verstasryhmä")
    world.api.add_chat(group)
    async with world.sessions.begin() as session:
        directory = await load_directory(session)
        workshop = directory.workshop_by_key("ehkaiseva-lastensuojelu")
        assert workshop is not None
        session.add(
            GroupChat(
                chat_id=group.id, title="Verstasryhmä", workshop_id=workshop.id, language="fi"
            )
        )
        await session.flush()
        await plan_workshop(session, workshop.id, now=world.clock(), policy=world.policy)
        await plan_workshop(session, workshop.id, now=world.clock(), policy=world.policy)
    world.clock.set(at("3.3.2009 13:00"))
    await world.dispatcher.run_once()
    await world.dispatcher.run_once()
    [reminder] = world.sent_to(group.id)
    assert reminder.buttons() == []
    assert (reminder.plain_text or "").startswith("⏰ Muistutus tulevasta kokouksesta")


async def test_a_claim_left_by_a_killed_process_expires_and_is_taken_over(world: World) -> None:
    await world.register(713, "Lohja")
    world.clock.set(at("3.3.2009 13:00"))
    async with world.sessions.begin() as session:
        # What a process killed right after claiming leaves behind.
        await session.execute(
            update(Outbox).values(
                claimed_by="killed", claimed_until=world.clock() + timedelta(minutes=2)
            )
        )
    assert (await world.dispatcher.run_once()).claimed == 0
    world.clock.advance(minutes=2, seconds=1)
    assert (await world.dispatcher.run_once()).sent == 1
    assert len(world.sent_to(713)) == 1


async def test_two_dispatchers_send_every_one_of_2000_reminders_exactly_once(
    world: World, sessions: Sessions
) -> None:
    chats = range(800_000, 802_000)
    await world.followers(chats)
    # The 1-day reminders of 4.3. are due: one per member.
    world.clock.set(at("3.3.2009 13:00"))
    first, second = (
        Dispatcher(
            sessions=sessions,
            sender=TelegramSender(world.bot),
            texts=Texts.load(),
            policy=world.policy,
            clock=world.clock,
            instance=name,
        )
        for name in ("test-a", "test-b")
    )

    async def drain(dispatcher: Dispatcher) -> int:
        sent = 0
        while (stats := await dispatcher.run_once()).claimed:
            sent += stats.sent
        return sent

    sent_by_first, sent_by_second = await asyncio.gather(drain(first), drain(second))
    assert sent_by_first + sent_by_second == 2000
    assert sent_by_first > 0
    assert sent_by_second > 0
    received = [m.chat_id for m in world.api.sent if m.method == "sendMessage"]
    assert len(received) == 2000
    assert set(received) == set(chats)
    due = [r for r in await world.rows() if r.due_at <= world.clock()]
    assert {r.status for r in due} == {OutboxStatus.SENT}


async def test_two_instances_share_one_sending_budget(world: World, sessions: Sessions) -> None:
    chats = range(810_000, 810_200)
    await world.followers(chats)
    world.clock.set(at("3.3.2009 13:00"))
    instances = [
        Dispatcher(
            sessions=sessions,
            sender=TelegramSender(world.bot),
            texts=Texts.load(),
            policy=world.policy,
            clock=world.clock,
            instance=name,
            send_rate=100,
        )
        for name in ("one", "two")
    ]

    async def drain(dispatcher: Dispatcher) -> None:
        while (await dispatcher.run_once()).claimed:
            pass

    await asyncio.gather(*(drain(d) for d in instances))
    moments = sorted(m.received_at for m in world.api.sent if m.chat_id in set(chats))
    assert len(moments) == 200
    # 200 messages at 100 a second between them: two seconds, not one.
    assert (moments[-1] - moments[0]).total_seconds() >= 1.9
    first = 0
    for last, moment in enumerate(moments):
        while (moment - moments[first]).total_seconds() >= 1.0:
            first += 1
        # Slots are 10 ms apart; one of timer jitter at a window's edge. The hard cap
        # per second is each instance's rate limiter (tests/bot/telegram/test_ratelimit.py).
        assert last - first + 1 <= 101


async def test_a_minutes_notice_is_rendered_in_each_recipients_language_when_sent(
    world: World,
) -> None:
    await world.register(901, "Raseborg", language="sv")
    await world.register(902, "Lohja", language="en")
    world.clock.set(at("5.3.2009 12:00"))
    admin = Person(9001, "Marianna", "fi", administrator=True)
    async with world.sessions.begin() as session:
        meetings = {
            m.date.day: m
            for m in await session.scalars(
                select(Meeting).where(Meeting.date.in_([date(2009, 3, 4), date(2009, 1, 15)]))
            )
        }
        for meeting in meetings.values():
            await attach_minutes(
                session,
                admin,
                meeting.id,
                NewMinutes("Protokoll"),
                now=world.clock(),
                zone=HELSINKI,
            )
            await notify_minutes(session, meeting, now=world.clock(), policy=world.policy)
        # Minutes taken away before the notice went out: the notice is not sent.
        await session.execute(delete(Minutes).where(Minutes.meeting_id == meetings[15].id))
    await world.dispatcher.run_once()
    [swedish] = [m for m in world.sent_to(901) if (m.plain_text or "").startswith("📝")]
    assert (swedish.plain_text or "").startswith(
        "📝 Mötets protokoll finns att läsa\n\nFörebyggande barnskydd"
    )
    assert "ons 4.3.2009 kl. 13.00–15.30\nKyrkslätt" in (swedish.plain_text or "")
    assert swedish.buttons() == [[("📝 Läs protokollet", f"min:show:{meetings[4].id}")]]
    [english] = [m for m in world.sent_to(902) if (m.plain_text or "").startswith("📝")]
    assert (english.plain_text or "").endswith(
        f"Read them with the button or write /minutes {meetings[4].id}"
    )
    skipped = [
        r for r in await world.rows() if r.kind == "minutes" and r.meeting_id == meetings[15].id
    ]
    assert {(r.status, r.last_error) for r in skipped} == {
        (OutboxStatus.SKIPPED, "minutes removed")
    }


async def link_group(world: World, group: FakeChat) -> None:
    """The group follows the preventive workshop, its reminders planned."""
    world.api.add_chat(group)
    async with world.sessions.begin() as session:
        directory = await load_directory(session)
        workshop = directory.workshop_by_key("ehkaiseva-lastensuojelu")
        assert workshop is not None
        session.add(GroupChat(chat_id=group.id, title=group.title or "", workshop_id=workshop.id))
        await session.flush()
        await plan_workshop(session, workshop.id, now=world.clock(), policy=world.policy)


async def test_a_group_that_became_a_supergroup_gets_its_reminders_there_once(
    world: World,
) -> None:
    group = FakeChat(-2001, "group", "Verstasryhmä")
    await link_group(world, group)
    await world.register(716, "Lohja")
    supergroup = FakeChat(-1002001, "supergroup", "Verstasryhmä")
    world.api.upgrade_group(group.id, supergroup)
    world.clock.set(at("3.3.2009 13:00"))
    stats = await world.dispatcher.run_once()
    assert (stats.sent, stats.failed) == (2, 0)
    [reminder] = world.sent_to(supergroup.id)
    assert (reminder.plain_text or "").startswith("⏰ Muistutus tulevasta kokouksesta")
    assert len(world.sent_to(716)) == 1
    # Recorded, so no run sends it again; the next reminder goes straight to the supergroup.
    world.clock.advance(minutes=5)
    assert (await world.dispatcher.run_once()).claimed == 0
    world.clock.set(at("18.3.2009 09:00"))
    assert (await world.dispatcher.run_once()).sent == 2
    assert len(world.sent_to(supergroup.id)) == 2
    asked_old = [c for c in world.api.calls_to("sendMessage") if c.params["chat_id"] == group.id]
    assert len(asked_old) == 1
    async with world.sessions() as session:
        assert list(await session.scalars(select(GroupChat.chat_id))) == [supergroup.id]


async def test_an_unexpected_error_fails_only_its_own_row(world: World) -> None:
    await world.register(717, "Lohja")
    await world.register(718, "Siuntio")

    async def trouble(_: int, chat_id: int) -> None:
        if chat_id == 717:
            raise RuntimeError("something nobody expected")

    dispatcher = world.dispatcher_as(
        "test-b", Meanwhile(TelegramSender(world.bot), trouble), concurrency=1
    )
    world.clock.set(at("3.3.2009 13:00"))
    stats = await dispatcher.run_once()
    assert (stats.sent, stats.failed) == (1, 1)
    assert len(world.sent_to(718)) == 1
    due = {r.chat_id: r for r in await world.rows() if r.due_at <= world.clock()}
    assert due[718].status == OutboxStatus.SENT
    assert due[717].status == OutboxStatus.FAILED
    assert "something nobody expected" in (due[717].last_error or "")
    # Failed for good: it is not claimed again and again.
    world.clock.advance(minutes=5)
    assert (await dispatcher.run_once()).claimed == 0
