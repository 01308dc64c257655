"""Broadcast: an announcement to every member, from the coordinator's Confirm to the last
delivery, through the real dispatcher and PTB to the local Bot API server on loopback.

(a) With Telegram's limits (BOT_SEND_RATE 30): the share of the limit achieved, the most
    messages in any one second, and how long /next takes meanwhile for other users.
(b) With the limits lifted: what the pipeline itself delivers a second, beside a plain
    sequential `await bot.send_message` loop against the same server.

    python -m benchmarks.broadcast [--recipients 10000] [--askers 10]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot
from telegram.constants import ParseMode

from benchmarks.bots import COORDINATOR, Inbox, bot_serving, most_in_any_second
from benchmarks.figures import Figure, at_least, at_most, figure, log, percentile
from benchmarks.network import (
    FIRST_MEMBER_ID,
    add_members,
    connected,
    load_demo,
    member_telegram_id,
    throwaway_database,
)
from benchmarks.server import server_process
from bot.console.bot_api import FakeUser, LocalBotAPI
from bot.services import announcements
from bot.services.members import Person
from bot.telegram.ratelimit import SendLimits
from storage.models import Outbox, OutboxStatus

NAME = "broadcast"
TELEGRAM_RATE = 30.0
# Lifted limits: far above anything the pipeline reaches, so that they never bind.
NO_LIMITS = SendLimits(per_second=1_000_000, group_per_minute=1_000_000, chat_interval=0.0)
TEXT = (
    "Syysseminaari pidetään <b>12.10.</b> Lohjan kaupungintalolla. Ilmoittautumiset "
    'koordinaattorille, ohjelma: <a href="https://example.fi/ohjelma">example.fi</a>'
)
CONFIRM = "✅ Vahvista"
# Users who are not recipients and ask /next during the broadcast: a pause of 3–6 s
# between questions keeps each under the flood guard's 20 a minute.
ASKER_IDS = 3001
ASK_PAUSE = (3.0, 6.0)


@dataclass
class Delivery:
    """What the server saw of one broadcast."""

    stamps: list[datetime]
    all_stamps: list[datetime]
    answers: list[float] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Deliveries a second from the first to the last."""
        if len(self.stamps) < 2:
            return 0.0
        span = (max(self.stamps) - min(self.stamps)).total_seconds()
        return (len(self.stamps) - 1) / span if span > 0 else float("inf")

    def all_rate(self) -> float:
        """Every message a second (answers and status lines too) over the broadcast's span."""
        first, last = min(self.stamps), max(self.stamps)
        inside = [s for s in self.all_stamps if first <= s <= last]
        span = (last - first).total_seconds()
        return (len(inside) - 1) / span if span > 0 else float("inf")


async def deliver(
    recipients: int, *, limits: SendLimits | None, askers: int, seed: int = 1
) -> Delivery:
    """Broadcast to `recipients` members with `askers` other users asking /next meanwhile."""
    async with throwaway_database("sqlite") as url:
        async with connected(url) as (_, sessions):
            await load_demo(sessions)
            await add_members(sessions, recipients)
        async with LocalBotAPI() as api:
            for number in range(recipients):
                api.add_user(FakeUser(member_telegram_id(number)))
            inbox = Inbox(api)
            async with bot_serving(api, url, limits=limits):
                api.send_text(COORDINATOR, f"/broadcast {TEXT}")
                preview = await inbox.wait(COORDINATOR.id, 1)
                started = time.monotonic()
                api.press_button(COORDINATOR, preview, preview.callback_data(CONFIRM))
                done = asyncio.Event()
                answers: list[float] = []
                randomness = random.Random(seed)

                async def ask_meanwhile(user: FakeUser) -> None:
                    await asyncio.sleep(randomness.uniform(*ASK_PAUSE))
                    while not done.is_set():
                        answers.append(await inbox.ask(user, "/next"))
                        await asyncio.sleep(randomness.uniform(*ASK_PAUSE))

                users = [FakeUser(ASKER_IDS + n, f"Kysyjä {n}") for n in range(askers)]
                async with asyncio.TaskGroup() as tasks:
                    for user in users:
                        tasks.create_task(ask_meanwhile(user))
                    reached = await _wait_for_all(api, recipients, limits)
                    done.set()
                seconds = time.monotonic() - started
    log(f"{NAME}: {reached} of {recipients} delivered in {seconds:.1f} s")
    return Delivery(
        stamps=[m.received_at for m in api.sent if m.chat_id >= FIRST_MEMBER_ID],
        all_stamps=[m.received_at for m in api.sent],
        answers=answers,
        seconds=seconds,
    )


async def _wait_for_all(api: LocalBotAPI, recipients: int, limits: SendLimits | None) -> int:
    rate = limits.per_second if limits else TELEGRAM_RATE
    deadline = time.monotonic() + 60 + 3 * recipients / min(rate, 1000)
    seen = reached = 0
    while reached < recipients and time.monotonic() < deadline:
        fresh = api.sent[seen:]
        seen += len(fresh)
        reached += sum(1 for m in fresh if m.chat_id >= FIRST_MEMBER_ID)
        await asyncio.sleep(0.05)
    return reached


async def announce(sessions: async_sessionmaker[AsyncSession]) -> None:
    """The coordinator's announcement to everyone, confirmed, as the Confirm button does."""
    coordinator = Person(COORDINATOR.id, COORDINATOR.first_name, "fi", administrator=True)
    async with sessions.begin() as session:
        draft = await announcements.draft(
            session, coordinator, TEXT, workshop_id=None, municipality_id=None
        )
        await announcements.confirm(
            session,
            draft,
            coordinator,
            now=datetime.now(UTC),
            audience="all",
            status_chat_id=COORDINATOR.id,
            status_message_id=None,
        )


@dataclass
class Throughput:
    """Messages a second, and the bot process's processor time for each."""

    rate: float
    cpu_ms: float
    delivered: int


async def pipeline(recipients: int) -> Throughput:
    """An announcement to `recipients` members through the dispatcher with the limits
    lifted, to a server in its own process."""
    async with throwaway_database("sqlite") as url, connected(url) as (_, sessions):
        await load_demo(sessions)
        await add_members(sessions, recipients)
        await announce(sessions)
        async with server_process(FIRST_MEMBER_ID, recipients) as server:
            cpu = time.process_time()
            async with bot_serving((server.base_url, server.token), url, limits=NO_LIMITS):
                await _wait_until_sent(sessions, time.monotonic() + 60 + recipients / 50)
            cpu = time.process_time() - cpu
            received = await server.received()
    stamps = [
        s for c, s in zip(received.chat_ids, received.stamps, strict=True) if c >= FIRST_MEMBER_ID
    ]
    delivery = Delivery(stamps=stamps, all_stamps=received.stamps)
    return Throughput(delivery.rate, 1000 * cpu / max(1, len(stamps)), len(stamps))


async def _wait_until_sent(sessions: async_sessionmaker[AsyncSession], deadline: float) -> None:
    while time.monotonic() < deadline:
        async with sessions() as session:
            pending = await session.scalar(
                select(func.count()).where(Outbox.status == OutboxStatus.PENDING)
            )
        if not pending:
            return
        await asyncio.sleep(0.2)
    raise TimeoutError("the announcement was not delivered in time")


async def sequential(recipients: int) -> Throughput:
    """A plain loop of `await bot.send_message`, one after another, to the same kind of
    server."""
    async with server_process(FIRST_MEMBER_ID, recipients) as server:
        async with Bot(server.token, base_url=server.base_url) as bot:
            started, cpu = time.monotonic(), time.process_time()
            for number in range(recipients):
                await bot.send_message(member_telegram_id(number), TEXT, parse_mode=ParseMode.HTML)
            seconds, cpu = time.monotonic() - started, time.process_time() - cpu
        await server.received()
    return Throughput(recipients / seconds, 1000 * cpu / recipients, recipients)


async def measure(recipients: int, askers: int, parts: str) -> list[Figure]:
    """Run the parts asked for ("limited", "unlimited" or both) and report their figures."""
    figures = []
    if parts in {"both", "limited"}:
        figures += await _at_telegram_limits(recipients, askers)
    if parts in {"both", "unlimited"}:
        figures += await _with_limits_lifted(recipients)
    return figures


async def _at_telegram_limits(recipients: int, askers: int) -> list[Figure]:
    """(a): the share of Telegram's limit reached, the busiest second, /next meanwhile."""
    log(f"{NAME}: {recipients} recipients at Telegram's limits, {askers} asking /next")
    limited = await deliver(recipients, limits=None, askers=askers)
    return [
        figure(
            NAME,
            "limited_share_of_limit",
            limited.all_rate() / TELEGRAM_RATE,
            "ratio",
            at_least(0.95),
            note=f"{len(limited.stamps)} deliveries in {limited.seconds:.0f} s; "
            "every message counted, answers and status lines too",
        ),
        figure(
            NAME,
            "limited_most_in_any_second",
            most_in_any_second(limited.all_stamps),
            "messages",
            at_most(TELEGRAM_RATE),
            note="sliding one-second window over the server's receive times",
        ),
        figure(
            NAME,
            "limited_next_answer_p95",
            percentile(limited.answers, 0.95) if limited.answers else None,
            "s",
            at_most(1.0),
            note=f"{len(limited.answers)} questions from {askers} users during the broadcast",
        ),
    ]


async def _with_limits_lifted(recipients: int) -> list[Figure]:
    """(b): the pipeline's own rate and processor time, beside a plain sequential loop."""
    log(f"{NAME}: {recipients} recipients with the limits lifted")
    lifted = await pipeline(recipients)
    log(f"{NAME}: {recipients} messages in a plain sequential loop")
    loop = await sequential(recipients)
    return [
        figure(
            NAME,
            "unlimited_pipeline_rate",
            lifted.rate,
            "messages/s",
            at_least(1000),
            note=f"{lifted.delivered} deliveries; first to last as the server received them",
        ),
        figure(
            NAME,
            "unlimited_pipeline_cpu_per_message",
            lifted.cpu_ms,
            "ms",
            note="the bot process's processor time (all of it: dispatcher, PTB, database)",
        ),
        figure(
            NAME,
            "sequential_send_message_rate",
            loop.rate,
            "messages/s",
            note="for comparison: one `await bot.send_message` after another",
        ),
        figure(
            NAME,
            "sequential_send_message_cpu_per_message",
            loop.cpu_ms,
            "ms",
            note="the loop's processor time: PTB and its HTTP client alone",
        ),
    ]


def main() -> None:
    """Command line: sizes and which parts to run."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.broadcast", description=__doc__)
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--askers", type=int, default=10)
    parser.add_argument("--parts", choices=["both", "limited", "unlimited"], default="both")
    arguments = parser.parse_args()
    asyncio.run(measure(arguments.recipients, arguments.askers, arguments.parts))


if __name__ == "__main__":
    main()
