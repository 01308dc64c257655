"""Alembic migrations, run from code: `python -m bot db upgrade` and at every start."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at our migrations, optionally bound to a connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Bring the database schema up to `revision`."""
    await _migrate(engine, _upgrade, revision)


def _upgrade(connection: Connection, revision: str) -> None:
    command.upgrade(alembic_config(connection), revision)


async def downgrade(engine: AsyncEngine, revision: str) -> None:
    """Take the database schema back to `revision` (`base` for none, `-1` for one step)."""
    await _migrate(engine, _downgrade, revision)


async def _migrate(
    engine: AsyncEngine, step: Callable[[Connection, str], None], revision: str
) -> None:
    async with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            await _sqlite_foreign_keys(connection, enforced=False)
        try:
            async with connection.begin():
                await connection.run_sync(step, revision)
        finally:
            if sqlite:
                await _sqlite_foreign_keys(connection, enforced=True)


async def _sqlite_foreign_keys(connection: AsyncConnection, *, enforced: bool) -> None:
    # SQLite alters a table by rebuilding it, and dropping the old one while foreign keys
    # are enforced would delete or empty the rows that refer to it (the outbox rows of an
    # announcement, say). The pragma is ignored inside a transaction, so it goes to the
    # driver's connection before one begins.
    driver = (await connection.get_raw_connection()).driver_connection
    assert driver is not None
    await driver.execute(f"PRAGMA foreign_keys={'ON' if enforced else 'OFF'}")


def _downgrade(connection: Connection, revision: str) -> None:
    command.downgrade(alembic_config(connection), revision)


async def current_revision(engine: AsyncEngine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    async with engine.connect() as connection:
        return await connection.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )


def head_revision() -> str | None:
    """The newest revision among our migrations."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()
