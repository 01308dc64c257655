"""The world a benchmark runs in: a throwaway database holding a network of a chosen size.

The demo network (config/demo) gives the workshops, municipalities and coordinators;
members and meetings are added in bulk on top, as many as the benchmark asks for.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

import asyncpg
from sqlalchemy import insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import selectinload

from storage.database import create_engine, create_sessions
from storage.migrate import upgrade
from storage.models import Meeting, MeetingStatus, Member, Municipality, Subscription, Workshop
from storage.schedule import apply_schedule, read_schedule_bytes

Database = Literal["sqlite", "postgresql"]

DEMO = Path(__file__).parents[1] / "config" / "demo" / "arvo-2009.yaml"
HELSINKI = ZoneInfo("Europe/Helsinki")
# The server the PostgreSQL runs make their throwaway databases on (as the test suite does).
POSTGRES_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
# Members' Telegram ids start here, clear of the ids the benchmarks' other users have.
FIRST_MEMBER_ID = 10_000_000
LANGUAGES = ("fi", "fi", "fi", "sv", "en")
# Rows per INSERT statement: under PostgreSQL's 32,767 bind parameters per statement.
CHUNK = 2_000


def asyncpg_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def postgres_problem() -> str | None:
    """Why PostgreSQL cannot be used, or None when it can."""
    try:
        connection = await asyncpg.connect(asyncpg_dsn(POSTGRES_URL), timeout=3)
    except (OSError, asyncpg.PostgresError, TimeoutError) as error:
        return f"PostgreSQL not reachable ({type(error).__name__})"
    await connection.close()
    return None


@asynccontextmanager
async def throwaway_database(kind: Database) -> AsyncIterator[str]:
    """The URL of a new, migrated, empty database, removed afterwards."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="verstas-bench-") as folder:
            url = f"sqlite+aiosqlite:///{folder}/verstas.sqlite3"
            await _migrate(url)
            yield url
        return
    name = f"verstas_bench_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(asyncpg_dsn(POSTGRES_URL))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    try:
        await _migrate(url)
        yield url
    finally:
        admin = await asyncpg.connect(asyncpg_dsn(POSTGRES_URL))
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


async def _migrate(url: str) -> None:
    engine = create_engine(url)
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()


async def analyze(url: str) -> None:
    """Table statistics for PostgreSQL's planner, as its autovacuum keeps them in a
    database in use; a database filled a moment ago has none yet."""
    if make_url(url).get_backend_name() != "postgresql":
        return
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.execute(text("ANALYZE"))
    finally:
        await engine.dispose()


@asynccontextmanager
async def connected(
    url: str,
) -> AsyncIterator[tuple[AsyncEngine, async_sessionmaker[AsyncSession]]]:
    """An engine and a session factory on `url`, disposed afterwards."""
    engine = create_engine(url)
    try:
        yield engine, create_sessions(engine)
    finally:
        await engine.dispose()


async def load_demo(sessions: async_sessionmaker[AsyncSession]) -> None:
    """The demo network: its workshops, municipalities, coordinators and 2009 meetings."""
    async with sessions.begin() as session:
        schedule = read_schedule_bytes(DEMO.read_bytes(), "yaml")
        await apply_schedule(session, schedule, default_timezone=HELSINKI)


def member_telegram_id(number: int) -> int:
    """The Telegram id of the `number`th bulk member (from 0)."""
    return FIRST_MEMBER_ID + number


async def add_members(sessions: async_sessionmaker[AsyncSession], count: int) -> None:
    """`count` members spread over the municipalities, each following its municipality's
    workshops, in Finnish, Swedish and English as in a bilingual region."""
    async with sessions.begin() as session:
        municipalities = (
            await session.scalars(select(Municipality).order_by(Municipality.id))
        ).all()
        workshops = (
            await session.scalars(select(Workshop).options(selectinload(Workshop.municipalities)))
        ).all()
        workshops_of = {
            m.id: [w.id for w in workshops if m in w.municipalities] for m in municipalities
        }
    now = datetime.now(UTC)
    for start in range(0, count, CHUNK):
        numbers = range(start, min(start + CHUNK, count))
        async with sessions.begin() as session:
            members = [
                {
                    "telegram_id": member_telegram_id(n),
                    "name": f"Jäsen {n}",
                    "language": LANGUAGES[n % len(LANGUAGES)],
                    "municipality_id": municipalities[n % len(municipalities)].id,
                    "active": True,
                    "created_at": now,
                    "updated_at": now,
                }
                for n in numbers
            ]
            ids = (
                await session.scalars(
                    insert(Member).returning(Member.id, sort_by_parameter_order=True), members
                )
            ).all()
            subscriptions = [
                {"member_id": member_id, "workshop_id": workshop_id, "created_at": now}
                for member_id, n in zip(ids, numbers, strict=True)
                for workshop_id in workshops_of[municipalities[n % len(municipalities)].id]
            ]
            if subscriptions:
                await session.execute(insert(Subscription), subscriptions)


async def add_meetings(
    sessions: async_sessionmaker[AsyncSession], count: int, *, around: datetime, every: timedelta
) -> None:
    """`count` meetings shared by the workshops, one every `every` per workshop, half of
    them before `around` and half after, held in turn in the workshops' towns."""
    async with sessions.begin() as session:
        workshops = (
            await session.scalars(
                select(Workshop)
                .options(selectinload(Workshop.municipalities))
                .order_by(Workshop.id)
            )
        ).all()
    per_workshop = -(-count // len(workshops))
    first_day = around.astimezone(HELSINKI).date() - every * (per_workshop // 2)
    now = datetime.now(UTC)
    rows = []
    for n in range(count):
        workshop = workshops[n % len(workshops)]
        day = first_day + every * (n // len(workshops))
        town = workshop.municipalities[n % len(workshop.municipalities)].name
        rows.append(
            {
                "workshop_id": workshop.id,
                "key": f"bench-{n}",
                "date": day,
                "starts_at": _at(day, time(13, 0)),
                "ends_at": _at(day, time(15, 30)),
                "place": town,
                "venue": f"{town}n kaupungintalo, valtuustosali",
                "address": "Kauppakatu 1",
                "agenda": ["Ajankohtaiset asiat", "Verstaan työsuunnitelma", "Seuraava kokous"],
                "status": MeetingStatus.SCHEDULED,
                "revision": 1,
                "updated_at": now,
            }
        )
    for start in range(0, len(rows), CHUNK):
        async with sessions.begin() as session:
            await session.execute(insert(Meeting), rows[start : start + CHUNK])


def _at(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=HELSINKI).astimezone(UTC)
