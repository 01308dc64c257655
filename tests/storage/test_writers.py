"""SQLite's writers take turns in the process, so a burst of updates never meets a locked
database; the same burst left to SQLite alone does."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from storage.database import OneWriterAtATime, create_engine, create_sessions

WRITERS = 40


def no_waiting(dbapi_connection: Any, _record: Any) -> None:
    """SQLite's busy timeout at zero: a writer meeting another one fails at once, so any
    overlap of two writers shows as "database is locked" instead of hiding in a wait."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=0")
    cursor.close()


async def burst(engine: AsyncEngine) -> list[BaseException | None]:
    """WRITERS transactions at once, each reading, then writing twice across awaits, as an
    update that records an answer does; what became of each."""
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE answer (member INTEGER, choice TEXT)"))
    sessions = create_sessions(engine)

    async def answer(member: int) -> None:
        async with sessions.begin() as session:
            await session.execute(text("SELECT count(*) FROM answer"))
            await session.execute(
                text("INSERT INTO answer VALUES (:member, 'yes')"), {"member": member}
            )
            await asyncio.sleep(0)
            await session.execute(
                text("UPDATE answer SET choice = 'no' WHERE member = :member"), {"member": member}
            )

    results = await asyncio.gather(*(answer(n) for n in range(WRITERS)), return_exceptions=True)
    return list(results)


async def test_a_burst_of_writers_is_never_told_the_database_is_locked(sqlite_url: str) -> None:
    engine = create_engine(sqlite_url)
    event.listen(engine.sync_engine, "connect", no_waiting)
    try:
        outcomes = await burst(engine)
        async with engine.connect() as connection:
            rows = (await connection.execute(text("SELECT member, choice FROM answer"))).all()
    finally:
        await engine.dispose()
    assert outcomes == [None] * WRITERS
    assert sorted(rows) == [(member, "no") for member in range(WRITERS)]


async def test_the_same_burst_left_to_sqlite_alone_meets_a_locked_database(
    sqlite_url: str,
) -> None:
    # The control: without the turns the test above would not tell anything.
    engine = create_async_engine(sqlite_url)
    event.listen(engine.sync_engine, "connect", no_waiting)
    try:
        outcomes = await burst(engine)
    finally:
        await engine.dispose()
    locked = [o for o in outcomes if isinstance(o, OperationalError)]
    assert locked
    assert all("database is locked" in str(error) for error in locked)


@pytest.mark.parametrize("statement", ["SELECT 1", "  select 1", "PRAGMA user_version"])
async def test_reads_do_not_wait_for_a_writer(sqlite_url: str, statement: str) -> None:
    engine = create_engine(sqlite_url)
    try:
        async with engine.connect() as writer:
            await writer.execute(text("CREATE TABLE note (body TEXT)"))
            # The writer holds the turn until it returns to the pool.
            async with asyncio.timeout(5), engine.connect() as reader:
                await reader.execute(text(statement))
    finally:
        await engine.dispose()


async def test_a_writer_kept_waiting_past_the_timeout_is_told_the_database_is_locked(
    sqlite_url: str,
) -> None:
    engine = create_async_engine(sqlite_url)
    event.listen(engine.sync_engine, "connect", no_waiting)
    OneWriterAtATime(timeout=0.2).attach(engine)
    try:
        async with engine.connect() as first, engine.connect() as second:
            await first.execute(text("CREATE TABLE note (body TEXT)"))
            # `first` keeps the turn, as a transaction left open would.
            with pytest.raises(OperationalError, match="database is locked"):
                await second.execute(text("INSERT INTO note VALUES ('hei')"))
        # Both back in the pool: the turn is free again.
        async with engine.begin() as third:
            await third.execute(text("INSERT INTO note VALUES ('moi')"))
    finally:
        await engine.dispose()
