"""The local Bot API server in a process of its own, so that its work is not the bot's.

    python -m benchmarks.server FIRST_CHAT COUNT

prints one JSON line with its base URL, serves until a line arrives on its standard
input, then prints one JSON line with every message it received — chat id and receive
time — and exits. On two cores the bot and the server then each have one, as with
Telegram's servers elsewhere.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime

from benchmarks.bots import COORDINATOR
from bot.console.bot_api import FakeUser, LocalBotAPI


@dataclass
class Received:
    """What a server in another process received."""

    chat_ids: list[int]
    stamps: list[datetime]


@dataclass
class Server:
    """A running server process."""

    base_url: str
    token: str
    process: asyncio.subprocess.Process

    async def received(self) -> Received:
        """Stop the server; what it received."""
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write(b"report\n")
        await self.process.stdin.drain()
        report = json.loads(await self.process.stdout.readline())
        await self.process.wait()
        return Received(
            [chat for chat, _ in report["received"]],
            [datetime.fromisoformat(stamp) for _, stamp in report["received"]],
        )


@asynccontextmanager
async def server_process(first_chat: int, count: int) -> AsyncIterator[Server]:
    """A server that knows the chats first_chat … first_chat + count − 1."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "benchmarks.server",
        str(first_chat),
        str(count),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        # The report is one line of every message received.
        limit=1 << 28,
    )
    try:
        assert process.stdout is not None
        hello = json.loads(await process.stdout.readline())
        yield Server(hello["base_url"], hello["token"], process)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def serve(first_chat: int, count: int) -> None:
    """Serve until told to report."""
    async with LocalBotAPI() as api:
        api.add_user(COORDINATOR)
        for chat_id in range(first_chat, first_chat + count):
            api.add_user(FakeUser(chat_id))
        print(json.dumps({"base_url": api.base_url, "token": api.token}), flush=True)  # noqa: T201
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        received = [[m.chat_id, m.received_at.isoformat()] for m in api.sent]
        print(json.dumps({"received": received}), flush=True)  # noqa: T201


if __name__ == "__main__":
    asyncio.run(serve(int(sys.argv[1]), int(sys.argv[2])))
