"""The database going away under a running bot: PostgreSQL restarted in the middle of a
broadcast, SQLite locked by another writer. Nothing is lost and nobody sees a traceback."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import asyncpg
import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import dispatcher_of
from bot.console.bot_api import FakeUser, LocalBotAPI
from tests.conftest import POSTGRES_URL
from tests.helpers.bots import bot_running
from tests.helpers.broadcasts import announcements, ask, broadcast, deliveries, members
from tests.helpers.members import resident
from tests.helpers.schedules import load_demo

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

Sessions = async_sessionmaker[AsyncSession]
COORDINATOR = FakeUser(7201, "Marianna")
ASKER = FakeUser(7202, "Kysyjä")
TEXT = "Muistathan ilmoittautua kevätseminaariin."
# The one line a user gets when something failed (error-generic in bot/language/locales/fi.ftl).
SORRY = "Valitettavasti jokin meni vikaan. Yritä hetken kuluttua uudelleen."


def _dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@asynccontextmanager
async def restarted(database_url: str) -> AsyncIterator[asyncpg.Connection]:
    """What a restart of PostgreSQL does to the bot: every connection to its database is
    cut, as by a fast shutdown (the same "terminating connection due to administrator
    command"), and new ones are refused until the block exits.

    The server itself is not restarted: it is shared with other databases and other test
    runs. Yields the test's own connection to the bot's database, which is spared.
    """
    name = make_url(database_url).database
    server = await asyncpg.connect(_dsn(POSTGRES_URL))
    spared = await asyncpg.connect(_dsn(database_url))
    try:
        await server.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        try:
            await server.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = $1 AND pid <> $2",
                name,
                spared.get_server_pid(),
            )
            yield spared
        finally:
            await server.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    finally:
        await spared.close()
        await server.close()


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_postgresql_restarted_mid_broadcast_the_bot_reconnects_and_goes_on(
    fake_api: LocalBotAPI, database_url: str, sessions: Sessions
) -> None:
    await load_demo(sessions)
    chats = range(120_000, 120_300)
    await members(sessions, fake_api, chats)
    fake_api.add_user(ASKER)
    await resident(sessions, ASKER.id, "Lohja")
    async with bot_running(fake_api, database_url, bot_admin_ids=(COORDINATOR.id,)):
        answer = await ask(fake_api, ASKER, "/next", besides=TEXT)
        status = await broadcast(fake_api, COORDINATOR, TEXT)
        await fake_api.wait_until(
            lambda: len(fake_api.sent) >= 80, timeout=30, what="the broadcast under way"
        )
        async with restarted(database_url) as spared:
            during = await ask(fake_api, ASKER, "/next", besides=TEXT)
            # Claimed and without an outcome when the connections were cut.
            unfinished = {
                row["chat_id"]
                for row in await spared.fetch(
                    "SELECT chat_id FROM outbox WHERE kind = 'announcement'"
                    " AND status = 'pending' AND claimed_by IS NOT NULL"
                )
            }
            # Down for a few seconds, as in a restart; the dispatcher's runs fail meanwhile.
            await asyncio.sleep(3)
        await fake_api.wait_until(
            lambda: "Tiedote lähetetty" in (status.plain_text or ""),
            timeout=60,
            what="the summary in the status line",
        )
        after = await ask(fake_api, ASKER, "/next", besides=TEXT)

    assert during.plain_text in {answer.plain_text, SORRY}
    assert after.plain_text == answer.plain_text
    received = deliveries(fake_api, TEXT)
    assert set(received) == {*chats, COORDINATOR.id, ASKER.id}
    twice = {chat for chat, count in received.items() if count > 1}
    assert twice <= unfinished, "only a message in flight at the cut may come twice"
    assert status.plain_text == (
        "📣 Tiedote lähetetty. 302/302 perillä, 0 epäonnistui, "
        "0 on estänyt botin, 0 ei ole aloittanut bottia."
    )


class OtherWriter:
    """Another program writing to the bot's SQLite file (a backup, an import by hand):
    it holds the write lock for as long as it likes."""

    def __init__(self, path: str) -> None:
        self.connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)

    async def lock(self) -> None:
        """Take the write lock and change something under it."""
        await asyncio.to_thread(self.connection.execute, "BEGIN EXCLUSIVE")
        await asyncio.to_thread(self.connection.execute, "UPDATE workshop SET name = name")

    async def commit(self) -> None:
        """Let go."""
        await asyncio.to_thread(self.connection.execute, "COMMIT")
        await asyncio.to_thread(self.connection.close)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_sqlite_locked_by_another_writer_the_bot_waits_and_nobody_sees_an_error(
    fake_api: LocalBotAPI, database_url: str, sessions: Sessions
) -> None:
    await load_demo(sessions)
    chats = range(130_000, 130_200)
    await members(sessions, fake_api, chats)
    switcher = FakeUser(7203, "Byter")
    for user in (ASKER, switcher):
        fake_api.add_user(user)
        await resident(sessions, user.id, "Lohja")
    writer = OtherWriter(make_url(database_url).database or "")
    async with bot_running(fake_api, database_url, bot_admin_ids=(COORDINATOR.id,)) as application:
        batch = dispatcher_of(application).batch_size
        answer = await ask(fake_api, ASKER, "/next", besides=TEXT)
        status = await broadcast(fake_api, COORDINATOR, TEXT)
        await fake_api.wait_until(
            lambda: len(fake_api.sent) >= 40, timeout=30, what="the broadcast under way"
        )
        await writer.lock()
        try:
            locked = datetime.now(UTC)
            question = asyncio.create_task(ask(fake_api, ASKER, "/next", besides=TEXT))
            switch = asyncio.create_task(ask(fake_api, switcher, "/language sv", besides=TEXT))
            # Held for a few seconds: well within the bot's busy timeout.
            await asyncio.sleep(5)
            released = datetime.now(UTC)
        finally:
            await writer.commit()
        during, switched = await question, await switch
        await fake_api.wait_until(
            lambda: "Tiedote lähetetty" in (status.plain_text or ""),
            timeout=60,
            what="the summary in the status line",
        )

    assert during.plain_text == answer.plain_text
    assert switched.plain_text == "Gärna, nu talar jag svenska."
    received = deliveries(fake_api, TEXT)
    assert set(received) == {*chats, COORDINATOR.id, ASKER.id, switcher.id}
    assert set(received.values()) == {1}
    # The bot waited: while the lock was held no new batch could be claimed, so at most
    # the batch already rendered went out (its outcomes written once the lock was gone).
    held = [m for m in announcements(fake_api, TEXT) if locked < m.received_at < released]
    assert len(held) <= batch
    assert all(m.plain_text != SORRY for m in fake_api.sent)
    assert status.plain_text == (
        "📣 Tiedote lähetetty. 203/203 perillä, 0 epäonnistui, "
        "0 on estänyt botin, 0 ei ole aloittanut bottia."
    )
