"""Memory and start: `python -m bot run` as an operator starts it, on a network of
100,000 members whose next meetings' reminders are already planned.

Start to first answer is from starting the process (its bytecode already written, as at
any start after the first) to the server receiving the reply to
a /next that was waiting for it; peak memory is the process's high-water mark of
resident memory (VmHWM) after the start, a round of questions from many users, and the
reconciling of every upcoming meeting's reminders that a start does; the full reconcile is
how long that planning took, as the bot logs it.

    python -m benchmarks.memory [--members 100000] [--users 50]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import signal
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from benchmarks.bots import COORDINATOR, Inbox
from benchmarks.figures import Figure, at_most, figure, log
from benchmarks.network import (
    add_meetings,
    add_members,
    connected,
    load_demo,
    throwaway_database,
)
from benchmarks.questions import asker
from bot.console.bot_api import LocalBotAPI
from bot.planning.outbox import ReminderPolicy, plan_everything
from config.settings import Settings
from storage.models import Outbox

NAME = "memory"
ROOT = Path(__file__).parents[1]
# Each workshop's next meeting, far enough ahead that its 7-day reminder is still to come.
AHEAD = timedelta(days=10)
# The bot's own log line once the start's planning is done.
# Not passed on to the bot: the settings are the benchmark's own, and a start without
# written bytecode measures compiling the libraries (see `_bytecode_written`).
BOT_SETTINGS = ("BOT_", "DATABASE_", "PYTHONDONTWRITEBYTECODE")
RECONCILED = re.compile(r"upcoming meetings reconciled in ([0-9.]+) s")


def peak_resident_mb(pid: int) -> float:
    """The process's peak resident memory (VmHWM), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM: peak memory is read from /proc on Linux")


async def prepare(url: str, members: int) -> int:
    """The network, its members and the next meeting of each workshop with its reminders
    planned, as after an import; returns the number of reminders."""
    async with connected(url) as (_, sessions):
        await load_demo(sessions)
        await add_members(sessions, members)
        await add_meetings(sessions, 3, around=datetime.now(UTC) + AHEAD, every=timedelta(days=1))
        policy = ReminderPolicy.from_settings(Settings(_env_file=None, quiet_hours=None))
        async with sessions.begin() as session:
            await plan_everything(session, now=datetime.now(UTC), policy=policy)
        async with sessions() as session:
            return await session.scalar(select(func.count()).select_from(Outbox)) or 0


async def measure(members: int, users: int) -> list[Figure]:
    """Start the bot process, ask, and read its memory."""
    log(f"{NAME}: {members} members")
    async with throwaway_database("sqlite") as url:
        reminders = await prepare(url, members)
        log(f"{NAME}: {reminders} reminders planned; starting the bot")
        async with LocalBotAPI() as api:
            inbox = Inbox(api)
            first = asker(0)
            env = {
                **{k: v for k, v in os.environ.items() if not k.startswith(BOT_SETTINGS)},
                "BOT_TOKEN": api.token,
                "BOT_API_BASE_URL": api.base_url,
                "DATABASE_URL": url,
                "BOT_ADMIN_IDS": str(COORDINATOR.id),
                "FLOOD_LIMIT": "10000",
            }
            await _bytecode_written(env)
            started = datetime.now(UTC)
            clock = time.monotonic()
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "run",
                cwd=ROOT,
                env=env,
                stderr=asyncio.subprocess.PIPE,
            )
            reconciled = asyncio.Event()
            took: list[float] = []
            watching = asyncio.create_task(_watch(process, reconciled, took))
            try:
                api.send_text(first, "/next")
                reply = await inbox.wait(first.id, 1, timeout=300)
                to_first_answer = (reply.received_at - started).total_seconds()
                log(f"{NAME}: first answer after {time.monotonic() - clock:.1f} s")
                async with asyncio.TaskGroup() as tasks:
                    for number in range(1, users + 1):
                        tasks.create_task(_ask_a_few(inbox, number))
                # The peak comes with reconciling the reminders, done after the start.
                await asyncio.wait_for(reconciled.wait(), timeout=600)
                log(f"{NAME}: reconciled after {time.monotonic() - clock:.1f} s")
                peak = peak_resident_mb(process.pid)
            finally:
                if process.returncode is None:
                    process.send_signal(signal.SIGTERM)
                    await process.wait()
                await watching
    size = f"{members} members, {reminders} reminders planned"
    return [
        figure(NAME, "start_to_first_answer", to_first_answer, "s", at_most(2.0), note=size),
        figure(
            NAME,
            "full_reconcile",
            took[0] if took else None,
            "s",
            at_most(10.0),
            note=f"{size}; every upcoming meeting planned again at the start, as the bot logs it",
        ),
        figure(
            NAME,
            "peak_resident_memory",
            peak,
            "MiB",
            at_most(150),
            note=f"{size}; after the start and {users} users asking /next",
        ),
    ]


async def _watch(
    process: asyncio.subprocess.Process, reconciled: asyncio.Event, took: list[float]
) -> None:
    """Pass the bot's log on, noticing when (and in how long) it reconciled the upcoming
    meetings."""
    assert process.stderr is not None
    async for line in process.stderr:
        text = line.decode(errors="replace")
        sys.stderr.write(text)
        if found := RECONCILED.search(text):
            took.append(float(found[1]))
        if "upcoming meetings reconciled" in text or "planning the upcoming" in text:
            reconciled.set()


async def _bytecode_written(env: dict[str, str]) -> None:
    """Import what the bot imports once, so that the start measured is an operator's second
    and later one: Python writes the bytecode of every module at the first start, and
    compiling them all again takes seconds (with PYTHONDONTWRITEBYTECODE set, at every
    start)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "import bot.cli, bot.app", cwd=ROOT, env=env
    )
    await process.wait()


async def _ask_a_few(inbox: Inbox, number: int) -> None:
    for _ in range(3):
        await inbox.ask(asker(number), "/next")


def main() -> None:
    """Command line: sizes."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.memory", description=__doc__)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=50)
    arguments = parser.parse_args()
    asyncio.run(measure(arguments.members, arguments.users))


if __name__ == "__main__":
    main()
