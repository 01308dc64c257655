"""Telegram misbehaving under a running bot: answering 429 (with retry_after) to a tenth
of the calls and 5xx to a twentieth, or unreachable for a minute. Everything is
delivered once, retry_after is waited out, and nothing is given up on."""

from __future__ import annotations

import asyncio
from http import HTTPStatus

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.console.bot_api import FakeUser, LocalBotAPI, SentMessage
from storage.models import OutboxStatus
from tests.helpers.bots import bot_running
from tests.helpers.broadcasts import (
    ask,
    broadcast,
    deliveries,
    members,
    outbox_of_announcements,
)
from tests.helpers.members import resident
from tests.helpers.schedules import load_demo

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

Sessions = async_sessionmaker[AsyncSession]
COORDINATOR = FakeUser(7101, "Marianna")
ASKER = FakeUser(7102, "Kysyjä")
TEXT = "Kevään kokousaikataulu on nyt valmis."


@pytest.fixture
def database_url(sqlite_url: str) -> str:
    # Telegram's faults: the database does not matter here.
    return sqlite_url


def summary(status: SentMessage) -> bool:
    return "Tiedote lähetetty" in (status.plain_text or "")


async def test_429s_and_5xxs_delay_a_broadcast_but_everyone_gets_it_once(
    fake_api: LocalBotAPI, database_url: str, sessions: Sessions
) -> None:
    await load_demo(sessions)
    chats = range(110_000, 110_150)
    await members(sessions, fake_api, chats)
    async with bot_running(
        fake_api, database_url, bot_admin_ids=(COORDINATOR.id,), bot_send_rate=100
    ):
        status = await broadcast(fake_api, COORDINATOR, TEXT)
        await fake_api.wait_for_message(
            COORDINATOR.id, predicate=lambda m: m.edits != [], timeout=10
        )
        # From the confirmation on, any call may fail: sends, edits of the status line,
        # getUpdates. retry_after 2 s is longer than the first backoff step (1 s), so a
        # retry too soon cannot pass for a backoff.
        fake_api.fail_randomly(too_many_requests=0.10, server_errors=0.05, retry_after=2, seed=2009)
        await fake_api.wait_until(
            lambda: summary(status), timeout=100, what="the summary in the status line"
        )
        fake_api.fail_randomly()

    sends = fake_api.calls_to("sendMessage")
    assert sum(c.status == HTTPStatus.TOO_MANY_REQUESTS for c in sends) >= 5
    assert sum(c.status >= HTTPStatus.INTERNAL_SERVER_ERROR for c in sends) >= 2
    assert fake_api.early_retries() == []
    received = deliveries(fake_api, TEXT)
    assert set(received) == {*chats, COORDINATOR.id}
    assert set(received.values()) == {1}
    rows = await outbox_of_announcements(sessions)
    assert {row.status for row in rows} == {OutboxStatus.SENT}
    assert status.plain_text == (
        "📣 Tiedote lähetetty. 151/151 perillä, 0 epäonnistui, "
        "0 on estänyt botin, 0 ei ole aloittanut bottia."
    )


@pytest.mark.timeout(300)
async def test_telegram_unreachable_for_a_minute_everything_waits_and_then_arrives(
    fake_api: LocalBotAPI, database_url: str, sessions: Sessions
) -> None:
    await load_demo(sessions)
    chats = range(140_000, 140_150)
    await members(sessions, fake_api, chats)
    fake_api.add_user(ASKER)
    await resident(sessions, ASKER.id, "Lohja")
    async with bot_running(fake_api, database_url, bot_admin_ids=(COORDINATOR.id,)):
        answer = await ask(fake_api, ASKER, "/next", besides=TEXT)
        status = await broadcast(fake_api, COORDINATOR, TEXT)
        await fake_api.wait_until(
            lambda: len(fake_api.sent) >= 30, timeout=30, what="the broadcast under way"
        )
        fake_api.become_unreachable()
        # A question asked meanwhile waits at Telegram, as it would.
        question = asyncio.create_task(ask(fake_api, ASKER, "/next", besides=TEXT, timeout=120))
        # A real minute: the dispatcher's backoff grows with every failed attempt, so how
        # long Telegram is away decides how the bot behaves when it is back.
        await asyncio.sleep(60)
        queued = await outbox_of_announcements(sessions)
        fake_api.become_reachable()
        later = await question
        # Each message is tried again after its backoff, which a minute of failures has
        # grown to about a minute.
        await fake_api.wait_until(
            lambda: summary(status), timeout=90, what="the summary in the status line"
        )

    # The bot kept trying; at the end of the minute the rest was still waiting, none failed.
    assert fake_api.hung_up > 0
    assert {row.status for row in queued} == {OutboxStatus.SENT, OutboxStatus.PENDING}
    assert later.plain_text == answer.plain_text
    received = deliveries(fake_api, TEXT)
    assert set(received) == {*chats, COORDINATOR.id, ASKER.id}
    assert set(received.values()) == {1}
    rows = await outbox_of_announcements(sessions)
    assert {row.status for row in rows} == {OutboxStatus.SENT}
    assert status.plain_text == (
        "📣 Tiedote lähetetty. 152/152 perillä, 0 epäonnistui, "
        "0 on estänyt botin, 0 ei ole aloittanut bottia."
    )
