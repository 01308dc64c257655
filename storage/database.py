"""Engine and session factory for SQLite (aiosqlite) and PostgreSQL (asyncpg)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

# How long an SQLite writer waits for another one before giving up, in milliseconds.
SQLITE_BUSY_TIMEOUT_MS = 30_000


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """Create the engine; SQLite gets WAL, a busy timeout and enforced foreign keys."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, **kwargs)
        event.listen(engine.sync_engine, "connect", _configure_sqlite)
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


def create_sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """A session factory; objects stay readable after commit for rendering replies."""
    return async_sessionmaker(engine, expire_on_commit=False)
