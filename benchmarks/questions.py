"""Questions: /next on a large network, on SQLite and on PostgreSQL.

Three figures per database: the service call alone (who asks, then the reply, in one
session, as the handler does), the round trip from an update to the reply arriving at
the local Bot API server, and updates answered a second while many users ask at once.

    python -m benchmarks.questions [--members 100000] [--meetings 10000]
        [--databases sqlite,postgresql] [--users 50] [--seconds 20]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from datetime import UTC, datetime, timedelta

from benchmarks.bots import Inbox, bot_serving, settings_for
from benchmarks.figures import Figure, at_most, figure, log, percentile
from benchmarks.network import (
    LANGUAGES,
    Database,
    add_meetings,
    add_members,
    analyze,
    connected,
    load_demo,
    member_telegram_id,
    postgres_problem,
    throwaway_database,
)
from bot.app import build_application
from bot.console.bot_api import FakeUser, LocalBotAPI
from bot.replies.answers import next_reply
from bot.services.members import Person, participant_of
from bot.telegram.context import runtime_of
from bot.telegram.ratelimit import SendLimits

NAME = "questions"
# Telegram's limits would cap the answers at 30 a second: lifted to see the bot's own pace.
NO_LIMITS = SendLimits(per_second=1_000_000, group_per_minute=1_000_000, chat_interval=0.0)
# A workshop meets every few days: 10,000 meetings reach years back and ahead.
EVERY = timedelta(days=2)


def asker(number: int) -> FakeUser:
    """The `number`th member as a Telegram user."""
    return FakeUser(
        member_telegram_id(number), f"Jäsen {number}", language_code=LANGUAGES[number % 5]
    )


async def service_calls(url: str, members: int, calls: int) -> list[float]:
    """Seconds per /next service call, for members picked at random."""
    # Building the application does no I/O: it gives the runtime the handlers use.
    application = build_application(settings_for("http://127.0.0.1:9/bot", "1:unused", url))
    runtime = runtime_of(application)
    picks = random.Random(2).sample(range(members), min(calls, members))
    times = []
    try:
        # The first calls open connections and fill caches; they are not timed.
        for position, number in enumerate([*picks[:10], *picks]):
            user = asker(number)
            person = Person(user.id, user.first_name, user.language_code or "fi")
            started = time.perf_counter()
            async with runtime.sessions.begin() as session:
                participant = await participant_of(session, person)
                reply = await next_reply(session, runtime.replies, participant, None)
            if position >= 10:
                times.append(time.perf_counter() - started)
            assert reply.text
    finally:
        await runtime.engine.dispose()
    return times


async def over_the_api(
    url: str, members: int, round_trips: int, users: int, seconds: float
) -> tuple[list[float], float]:
    """Round trips one at a time, then updates answered a second with `users` asking at once."""
    randomness = random.Random(3)
    async with LocalBotAPI() as api:
        inbox = Inbox(api)
        # Planning reminders for thousands of upcoming meetings is not what this measures.
        async with bot_serving(api, url, limits=NO_LIMITS, reconcile=False, flood_limit=10_000):
            for number in randomness.sample(range(members), min(10, members)):
                await inbox.ask(asker(number), "/next")  # warm up: connections, caches
            trips = [
                await inbox.ask(asker(randomness.randrange(members)), "/next")
                for _ in range(round_trips)
            ]
            answered = 0
            stop = time.monotonic() + seconds

            async def keep_asking(user: FakeUser) -> None:
                nonlocal answered
                while time.monotonic() < stop:
                    await inbox.ask(user, "/next")
                    answered += 1

            started = time.monotonic()
            async with asyncio.TaskGroup() as tasks:
                for number in randomness.sample(range(members), min(users, members)):
                    tasks.create_task(keep_asking(asker(number)))
            rate = answered / (time.monotonic() - started)
    return trips, rate


async def measure_on(
    database: Database, members: int, meetings: int, calls: int, users: int, seconds: float
) -> list[Figure]:
    """Every figure of one database."""
    label = "SQLite" if database == "sqlite" else "PostgreSQL"
    log(f"{NAME}: {label}, {members} members and {meetings} meetings")
    async with throwaway_database(database) as url:
        async with connected(url) as (_, sessions):
            await load_demo(sessions)
            await add_members(sessions, members)
            await add_meetings(sessions, meetings, around=datetime.now(UTC), every=EVERY)
        await analyze(url)
        log(f"{NAME}: {label}: service calls")
        times = await service_calls(url, members, calls)
        log(f"{NAME}: {label}: round trips and {users} users at once")
        trips, rate = await over_the_api(url, members, calls // 3, users, seconds)
    size = f"{members} members, {meetings} meetings"
    return [
        figure(NAME, f"{database}_service_p50", 1000 * percentile(times, 0.5), "ms", note=size),
        figure(
            NAME,
            f"{database}_service_p99",
            1000 * percentile(times, 0.99),
            "ms",
            at_most(5),
            note=f"{len(times)} calls; {size}",
        ),
        figure(NAME, f"{database}_round_trip_p50", 1000 * percentile(trips, 0.5), "ms", note=size),
        figure(
            NAME,
            f"{database}_round_trip_p99",
            1000 * percentile(trips, 0.99),
            "ms",
            at_most(50),
            note=f"{len(trips)} questions one at a time, update to reply at the server",
        ),
        figure(
            NAME,
            f"{database}_answers_per_second",
            rate,
            "updates/s",
            note=f"{users} users asking at once for {seconds:g} s; Telegram's send limits lifted",
        ),
    ]


async def measure(
    databases: list[Database], members: int, meetings: int, calls: int, users: int, seconds: float
) -> list[Figure]:
    """Each database in turn; PostgreSQL's figures say so when it cannot be reached."""
    figures: list[Figure] = []
    for database in databases:
        problem = await postgres_problem() if database == "postgresql" else None
        if problem is not None:
            figures += [
                figure(NAME, f"{database}_{name}", None, unit, note=problem)
                for name, unit in (
                    ("service_p50", "ms"),
                    ("service_p99", "ms"),
                    ("round_trip_p50", "ms"),
                    ("round_trip_p99", "ms"),
                    ("answers_per_second", "updates/s"),
                )
            ]
            continue
        figures += await measure_on(database, members, meetings, calls, users, seconds)
    return figures


def main() -> None:
    """Command line: sizes and databases."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.questions", description=__doc__)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--calls", type=int, default=1000, help="service calls to time")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--databases", default="sqlite,postgresql")
    arguments = parser.parse_args()
    databases: list[Database] = []
    for name in arguments.databases.split(","):
        if name not in ("sqlite", "postgresql"):
            parser.error(f"unknown database {name!r}; sqlite or postgresql")
        databases.append("sqlite" if name == "sqlite" else "postgresql")
    asyncio.run(
        measure(
            databases,
            arguments.members,
            arguments.meetings,
            arguments.calls,
            arguments.users,
            arguments.seconds,
        )
    )


if __name__ == "__main__":
    main()
