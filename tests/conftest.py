"""Shared fixtures: a real database (SQLite file or PostgreSQL) and the fake Bot API."""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.console.bot_api import LocalBotAPI
from storage.database import create_engine, create_sessions
from storage.migrate import upgrade
from storage.models import Base

# The PostgreSQL server the suite may create its throwaway databases on.
POSTGRES_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# As `python -m bot` does: PTB's timedelta time periods, so that a 429 does not warn.
os.environ.setdefault("PTB_TIMEDELTA", "true")


def _asyncpg_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def _postgres_reachable() -> str | None:
    try:
        connection = await asyncpg.connect(_asyncpg_dsn(POSTGRES_URL), timeout=3)
    except (OSError, asyncpg.PostgresError, TimeoutError) as error:
        return f"{type(error).__name__}: {error}"
    await connection.close()
    return None


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for this test run, dropped at the end."""
    problem = asyncio.run(_postgres_reachable())
    if problem is not None:
        where = make_url(POSTGRES_URL).render_as_string()
        message = f"PostgreSQL at {where} is not reachable ({problem})"
        if IN_CI:
            pytest.fail(f"{message}; CI needs it")
        pytest.skip(message)
    name = f"verstas_test_{uuid.uuid4().hex[:12]}"

    async def create() -> None:
        admin = await asyncpg.connect(_asyncpg_dsn(POSTGRES_URL))
        await admin.execute(f'CREATE DATABASE "{name}"')
        await admin.close()
        engine = create_engine(url)
        await upgrade(engine)
        await engine.dispose()

    async def drop() -> None:
        admin = await asyncpg.connect(_asyncpg_dsn(POSTGRES_URL))
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()

    url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    asyncio.run(create())
    try:
        yield url
    finally:
        asyncio.run(drop())


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated once; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "verstas.sqlite3"

    async def create() -> None:
        engine = create_engine(f"sqlite+aiosqlite:///{path}")
        await upgrade(engine)
        await engine.dispose()

    asyncio.run(create())
    return path


@pytest.fixture
def own_postgres_database(postgres_database: str) -> Iterator[str]:
    """An empty PostgreSQL database of this test's own, which the test may take away."""
    name = f"verstas_test_{uuid.uuid4().hex[:12]}"

    async def create() -> None:
        admin = await asyncpg.connect(_asyncpg_dsn(POSTGRES_URL))
        await admin.execute(f'CREATE DATABASE "{name}"')
        await admin.close()

    async def drop() -> None:
        admin = await asyncpg.connect(_asyncpg_dsn(POSTGRES_URL))
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()

    asyncio.run(create())
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        asyncio.run(drop())


@pytest.fixture
def postgres_admin_dsn(postgres_database: str) -> str:
    """Where to connect to the PostgreSQL server for its administration (asyncpg's form)."""
    return _asyncpg_dsn(POSTGRES_URL)


async def _empty_postgres(url: str) -> None:
    engine = create_engine(url)
    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    async with engine.begin() as connection:
        await connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    await engine.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path, sqlite_template: Path) -> str:
    """The URL of an empty, migrated SQLite file of this test's own."""
    path = tmp_path / "verstas.sqlite3"
    shutil.copy(sqlite_template, path)
    return f"sqlite+aiosqlite:///{path}"


# The databases a test on `database_url` runs on, one after the other.
DATABASES = ["sqlite", "postgresql"]


def database_of(request: pytest.FixtureRequest) -> str:
    """The URL of an empty, migrated database of the kind `request.param` names."""
    if request.param == "sqlite":
        sqlite: str = request.getfixturevalue("sqlite_url")
        return sqlite
    url: str = request.getfixturevalue("postgres_database")
    asyncio.run(_empty_postgres(url))
    return url


@pytest.fixture(params=DATABASES)
def database_url(request: pytest.FixtureRequest) -> str:
    """The URL of an empty, migrated database; every test using it runs on both databases."""
    return database_of(request)


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on the test's database."""
    engine = create_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
def sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """A session factory on the test's database."""
    return create_sessions(engine)


@pytest.fixture
async def fake_api() -> AsyncIterator[LocalBotAPI]:
    """A running fake Telegram Bot API on 127.0.0.1."""
    async with LocalBotAPI() as api:
        yield api


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Scores the tests measured (the table of questions), in the output CI shows."""
    from tests.helpers.scores import SCORES

    if SCORES:
        terminalreporter.section("scores")
        for name, score in SCORES.items():
            terminalreporter.write_line(f"{name}: {score:.3f}")
