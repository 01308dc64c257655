"""Two `python -m bot run --webhook` processes on one PostgreSQL, behind one port.

The test is Telegram: it posts each chat's updates one after another, the next only once
the previous one is answered, and many chats at once over up to 40 connections (Telegram's
default `max_connections`), each connection to the instance whose turn it is.
"""

from __future__ import annotations

import asyncio
import re
import signal
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.console.bot_api import FakeUser, LocalBotAPI
from storage.database import create_engine, create_sessions
from storage.migrate import upgrade
from tests.helpers.bots import BotProcess, free_port
from tests.helpers.forwarder import RoundRobin
from tests.helpers.schedules import load_demo

pytestmark = pytest.mark.e2e

SECRET = "jaettu-salaisuus-1451"
# Telegram's default number of connections a webhook gets at once.
TELEGRAM_CONNECTIONS = 40
ASKED = 24
ASKING = [FakeUser(1451, "Aino"), FakeUser(1452, "Eero")]
GREETING = [FakeUser(21_000 + n, f"Jäsen{n}") for n in range(40)]
ASKED_ABOUT = re.compile(r"\bzzq[a-z]{2}\b")


def questions(user: FakeUser) -> list[str]:
    """A question that reads the directory, then a command the bot does not know, which
    takes less: answered as they come, the short ones would overtake."""
    words = [f"zzq{chr(97 + user.id % 26)}{chr(97 + n)}" for n in range(ASKED)]
    return [f"/next {word}" if n % 2 == 0 else f"/{word}" for n, word in enumerate(words)]


class Telegram:
    """Posts updates to the webhook address as Telegram does."""

    def __init__(self, api: LocalBotAPI, address: str) -> None:
        self.api = api
        self.address = address
        self.next_id = 1
        self.connections = asyncio.Semaphore(TELEGRAM_CONNECTIONS)
        self.statuses: Counter[int] = Counter()

    def update(self, user: FakeUser, text: str) -> dict[str, Any]:
        self.next_id += 1
        return {"update_id": self.next_id, "message": self.api.text_message(user, text)}

    async def deliver(self, client: httpx.AsyncClient, updates: list[dict[str, Any]]) -> None:
        """One chat's updates, each after the previous one's answer."""
        for update in updates:
            async with self.connections:
                posted = await client.post(
                    self.address,
                    json=update,
                    headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
                    timeout=60,
                )
            self.statuses[posted.status_code] += 1


async def test_two_instances_behind_one_port_answer_every_update_once_and_each_chat_in_order(
    fake_api: LocalBotAPI, own_postgres_database: str, tmp_path: Path
) -> None:
    engine = create_engine(own_postgres_database)
    await upgrade(engine)
    await load_demo(create_sessions(engine))
    await engine.dispose()
    env = {
        "BOT_TOKEN": fake_api.token,
        "BOT_API_BASE_URL": fake_api.base_url,
        "DATABASE_URL": own_postgres_database,
        "WEBHOOK_SECRET": SECRET,
        # Two dozen questions in a minute are a flood to the guard, and the sends are not
        # what is tested.
        "FLOOD_LIMIT": "1000",
        "BOT_SEND_RATE": "1000",
    }
    ports = [free_port(), free_port()]
    bots = [BotProcess(env, cwd=tmp_path), BotProcess(env, cwd=tmp_path)]
    proxy = RoundRobin(ports)
    try:
        for count, (bot, port) in enumerate(zip(bots, ports, strict=True), start=1):
            await bot.start(
                "--webhook", "https://verstas.example.fi/hook", "--listen", f"127.0.0.1:{port}"
            )
            await fake_api.wait_for_call("setWebhook", count=count, timeout=60)
        telegram = Telegram(fake_api, f"http://127.0.0.1:{await proxy.start()}/hook")
        for user in ASKING + GREETING:
            fake_api.add_user(user)
        chats = [[telegram.update(user, text) for text in questions(user)] for user in ASKING]
        chats += [[telegram.update(user, "/start")] for user in GREETING]
        # A new connection for every update, so the instances take turns update by update.
        limits = httpx.Limits(max_keepalive_connections=0)
        async with httpx.AsyncClient(limits=limits) as client:
            await asyncio.gather(*(telegram.deliver(client, updates) for updates in chats))
        assert telegram.statuses == {200: ASKED * len(ASKING) + len(GREETING)}
        assert min(proxy.connections[port] for port in ports) >= 20
        # Every update is answered before its 200, so everything is here now.
        for user in ASKING:
            answered = [
                ASKED_ABOUT.findall(m.plain_text or "") for m in fake_api.messages_to(user.id)
            ]
            assert answered == [[text.split()[-1].lstrip("/")] for text in questions(user)]
        for user in GREETING:
            [greeting] = fake_api.messages_to(user.id)
            assert f"Hei {user.first_name}" in (greeting.plain_text or "")
        assert [await bot.stop(signal.SIGTERM) for bot in bots] == [0, 0]
    finally:
        await proxy.stop()
        for bot in bots:
            await bot.kill()
