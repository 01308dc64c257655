"""The web server under load and behind a proxy: half-sent requests are closed, feeds are
built once per version and answered 304 when the app has it, /metrics can be kept apart."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

import bot.replies.calendar
import bot.web
from bot.console.bot_api import LocalBotAPI
from bot.replies.ics import meetings_calendar
from storage.models import Meeting, Workshop
from tests.helpers.bots import bot_serving, fixed_clock, free_port
from tests.helpers.schedules import HELSINKI, load_demo

pytestmark = pytest.mark.e2e

Sessions = async_sessionmaker[AsyncSession]
WORKSHOP = "kasvatuskumppanuus"


async def test_connections_that_never_finish_their_request_are_closed(
    fake_api: LocalBotAPI, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.web, "HEADER_TIMEOUT", 0.5, raising=False)
    async with bot_serving(fake_api, sqlite_url) as (_, address):
        port = int(address.rpartition(":")[2])
        connections = [await asyncio.open_connection("127.0.0.1", port) for _ in range(50)]
        for _, writer in connections:
            # The request line and one header, and never the blank line that ends them.
            writer.write(b"GET /healthz HTTP/1.1\r\nHost: verstas\r\n")
            await writer.drain()
        # Each is closed by the server: reading ends (EOF) instead of waiting for good.
        ends = [asyncio.wait_for(reader.read(), timeout=10) for reader, _ in connections]
        assert await asyncio.gather(*ends) == [b""] * 50
        for _, writer in connections:
            writer.close()
        async with httpx.AsyncClient() as client:
            assert (await client.get(f"{address}/healthz")).status_code == 200


async def test_a_feed_is_built_once_per_version_and_answered_304_when_unchanged(
    fake_api: LocalBotAPI, database_url: str, sessions: Sessions, monkeypatch: pytest.MonkeyPatch
) -> None:
    await load_demo(sessions)
    built: list[int] = []

    def counted(*args: object, **kwargs: object) -> bytes:
        built.append(1)
        return meetings_calendar(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(bot.replies.calendar, "meetings_calendar", counted)
    clock = fixed_clock(datetime(2009, 3, 1, 12, tzinfo=HELSINKI))
    async with (
        bot_serving(fake_api, database_url, clock=clock) as (application, address),
        httpx.AsyncClient() as client,
    ):
        feeds = application.bot_data["verstas.runtime"].replies.feeds
        url = f"{address}{feeds.workshop_url(WORKSHOP, 'fi').removeprefix(address)}"
        first = await client.get(url)
        assert first.status_code == 200
        etag = first.headers["etag"]
        assert first.headers["last-modified"]
        again = await client.get(url, headers={"If-None-Match": etag})
        assert (again.status_code, again.content) == (304, b"")
        assert again.headers["etag"] == etag
        # Another reader without the ETag: the same file, not built again.
        other = await client.get(url)
        assert (other.content, built) == (first.content, [1])
        # A meeting moves: a new version, built once.
        async with sessions.begin() as session:
            meeting = await session.scalar(
                select(Meeting)
                .join(Workshop)
                .where(Workshop.key == WORKSHOP, Meeting.key == "2009-03-25")
            )
            assert meeting is not None
            meeting.date += timedelta(days=1)
            meeting.revision += 1
        changed = await client.get(url, headers={"If-None-Match": etag})
        assert changed.status_code == 200
        assert changed.headers["etag"] != etag
        assert changed.content != first.content
        assert built == [1, 1]


async def test_metrics_listen_serves_metrics_apart_from_the_public_listener(
    fake_api: LocalBotAPI, sqlite_url: str
) -> None:
    port = free_port()
    async with (
        bot_serving(fake_api, sqlite_url, metrics_listen=f"127.0.0.1:{port}") as (_, address),
        httpx.AsyncClient() as client,
    ):
        public = await client.get(f"{address}/metrics")
        private = await client.get(f"http://127.0.0.1:{port}/metrics")
        health = await client.get(f"{address}/healthz")
    assert (public.status_code, private.status_code, health.status_code) == (404, 200, 200)
    assert "verstas_database_up" in private.text
