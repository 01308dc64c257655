"""`python -m bot run` killed with SIGKILL in the middle of a 2,000-recipient broadcast
and started again: every recipient gets the announcement, and only a message that was
in flight at the kill can arrive twice."""

from __future__ import annotations

import inspect
import signal
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.console.bot_api import FakeUser, LocalBotAPI
from bot.delivery.claims import batch_for
from bot.delivery.dispatch import Dispatcher
from storage.models import Outbox, OutboxStatus
from tests.helpers.bots import BotProcess
from tests.helpers.broadcasts import (
    broadcast,
    deliveries,
    in_flight,
    members,
    outbox_of_announcements,
)
from tests.helpers.schedules import load_demo

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

Sessions = async_sessionmaker[AsyncSession]
COORDINATOR = FakeUser(7001, "Marianna")
TEXT = "Syysseminaari pidetään Lohjalla 12.10. klo 9.00."
# The bot's send rate in this test: faster than Telegram allows, so that it takes seconds.
SEND_RATE = 400
# A dispatcher claims a batch of rows at a time (what goes out in a few seconds at the
# send rate) and sends up to `concurrency` of them at once.
BATCH = batch_for(SEND_RATE)
CONCURRENCY: int = inspect.signature(Dispatcher).parameters["concurrency"].default
# Outcomes are written in groups of `concurrency`, and sending waits while two groups are
# unwritten (Ledger): sent but not yet marked at a kill are at most those and the sends in
# flight.
UNMARKED = 3 * CONCURRENCY


@pytest.mark.timeout(300)
async def test_a_broadcast_killed_halfway_reaches_everyone_after_a_restart(
    fake_api: LocalBotAPI, database_url: str, sessions: Sessions, tmp_path: Path
) -> None:
    await load_demo(sessions)
    chats = range(100_000, 102_000)
    await members(sessions, fake_api, chats)
    env = {
        "BOT_TOKEN": fake_api.token,
        "BOT_API_BASE_URL": fake_api.base_url,
        "DATABASE_URL": database_url,
        "BOT_ADMIN_IDS": str(COORDINATOR.id),
        # Faster than Telegram allows, so that the test takes seconds: a kill does the
        # same at any rate.
        "BOT_SEND_RATE": str(SEND_RATE),
    }
    first_run = BotProcess(env, cwd=tmp_path)
    await first_run.start()
    try:
        status = await broadcast(fake_api, COORDINATOR, TEXT)
        # The preview and the status line are sent first; then 600 announcements.
        await fake_api.wait_until(
            lambda: len(fake_api.sent) >= 601, timeout=60, what="600 deliveries"
        )
        first_run.process.kill()  # type: ignore[union-attr]  # SIGKILL: no clean-up at all
        await first_run.process.wait()  # type: ignore[union-attr]
    finally:
        await first_run.kill()
    before_restart = deliveries(fake_api, TEXT)
    unfinished = await in_flight(sessions)
    assert 600 <= len(before_restart) < len(chats)
    assert len(unfinished) <= BATCH
    # Its claims would expire two minutes after they were made (a lease, see
    # tests/bot/delivery/test_dispatch.py); here they are aged by those two minutes instead of
    # waiting for them.
    async with sessions.begin() as session:
        await session.execute(
            update(Outbox)
            .where(Outbox.claimed_by.is_not(None))
            .values(claimed_until=datetime.now(UTC) - timedelta(seconds=1))
        )

    second_run = BotProcess(env, cwd=tmp_path)
    await second_run.start()
    try:
        await fake_api.wait_until(
            lambda: "Tiedote lähetetty" in (status.plain_text or ""),
            timeout=60,
            what="the summary in the status line",
        )
        assert await second_run.stop(signal.SIGTERM) == 0
    finally:
        await second_run.kill()

    received = deliveries(fake_api, TEXT)
    assert set(received) == {*chats, COORDINATOR.id}
    twice = {chat for chat, count in received.items() if count > 1}
    assert twice <= unfinished, "only a message in flight at the kill may come twice"
    assert len(twice) <= UNMARKED
    assert max(received.values()) <= 2
    rows = await outbox_of_announcements(sessions)
    assert len(rows) == len(chats) + 1
    assert {row.status for row in rows} == {OutboxStatus.SENT}
    # Finnish style: a no-break space between thousands.
    assert status.plain_text == (
        "📣 Tiedote lähetetty. 2\u00a0001/2\u00a0001 perillä, 0 epäonnistui, "
        "0 on estänyt botin, 0 ei ole aloittanut bottia."
    )
