"""Engine and session factory for SQLite (aiosqlite) and PostgreSQL (asyncpg)."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.util import await_only

# How long an SQLite writer waits for another one before giving up, in milliseconds.
SQLITE_BUSY_TIMEOUT_MS = 30_000


# Connections beyond one per update in hand: the outbox dispatcher, health checks,
# metrics and calendar feeds.
SPARE_CONNECTIONS = 10


def create_engine(url: str, *, connections: int | None = None, **kwargs: Any) -> AsyncEngine:
    """Create the engine; SQLite gets WAL, a busy timeout and enforced foreign keys.

    `connections`: updates handled at the same time, each with its session; the pool keeps
    that many connections open and lends a few more.
    """
    parsed = make_url(url)
    in_memory = parsed.database in {None, "", ":memory:"}
    if connections is not None and not (parsed.get_backend_name() == "sqlite" and in_memory):
        kwargs = {"pool_size": connections, "max_overflow": SPARE_CONNECTIONS, **kwargs}
    if parsed.get_backend_name() == "sqlite":
        if not in_memory:
            Path(str(parsed.database)).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, **kwargs)
        event.listen(engine.sync_engine, "connect", _configure_sqlite)
        OneWriterAtATime(SQLITE_BUSY_TIMEOUT_MS / 1000).attach(engine)
        return engine
    return create_async_engine(url, pool_pre_ping=True, **kwargs)


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers go on while the dispatcher writes; the busy timeout makes a second
    # writer wait instead of failing with "database is locked".
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    # SQLAlchemy's recipe for SAVEPOINTs on pysqlite (the driver emitting no BEGIN, we
    # emitting our own) is not applied: since Python 3.6 the driver no longer commits before
    # a SAVEPOINT, and a savepoint that is rolled back (the imports' previews) works whether
    # or not the transaction has written yet. The recipe would make every transaction hold
    # its snapshot from its first read, and a later write would then fail at once
    # (SQLITE_BUSY_SNAPSHOT) whenever the dispatcher had committed in between, instead of
    # waiting. Savepoints that are released, not rolled back, would need the recipe.


class OneWriterAtATime:
    """SQLite's writers of this process take turns on an asyncio lock, first come first served.

    SQLite lets one transaction write at a time; the others poll in its busy handler, in
    sleeps of up to 100 ms, and under a burst of concurrent updates the unlucky ones can
    poll until the busy timeout and fail with "database is locked". Here a connection takes
    the lock before its transaction's first write (or SAVEPOINT) and gives it back when it
    returns to the pool, after its COMMIT or ROLLBACK; so SQLite sees one writer of ours at a
    time, and reads (WAL) go on beside it. The busy timeout still covers other processes
    (`python -m bot import`, a backup).
    """

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self._lock = asyncio.Lock()
        # The `info` of the pool entry (the connection) that holds the lock.
        self._holder: dict[Any, Any] | None = None

    def attach(self, engine: AsyncEngine) -> None:
        """Listen to the engine's statements and to its pool's returned connections."""
        event.listen(engine.sync_engine, "before_cursor_execute", self._before_statement)
        event.listen(engine.sync_engine.pool, "checkin", self._returned)

    def _before_statement(
        self, connection: Connection, _cursor: Any, statement: str, parameters: Any, *_: Any
    ) -> None:
        if _reads_only(statement) or self._holder is connection.info:
            return
        # Runs inside SQLAlchemy's greenlet of an awaited call: the event loop goes on.
        if not await_only(self._acquire()):
            # As SQLite's own busy timeout ends, so callers handle both alike.
            locked = sqlite3.OperationalError("database is locked")
            raise OperationalError(statement, parameters, locked)
        self._holder = connection.info

    async def _acquire(self) -> bool:
        try:
            async with asyncio.timeout(self.timeout):
                await self._lock.acquire()
        except TimeoutError:
            return False
        return True

    def _returned(self, _dbapi_connection: Any, entry: ConnectionPoolEntry) -> None:
        # Also for a connection invalidated on an error: the lock never stays behind.
        if self._holder is entry.info:
            self._holder = None
            self._lock.release()


def _reads_only(statement: str) -> bool:
    # What does not begin a write transaction; anything else (INSERT, UPDATE, DELETE, DDL,
    # SAVEPOINT, WITH … that might write) takes the writers' turn.
    return statement.lstrip()[:6].upper() in {"SELECT", "PRAGMA"}


def create_sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """A session factory; objects stay readable after commit for rendering replies."""
    return async_sessionmaker(engine, expire_on_commit=False)
