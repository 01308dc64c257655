"""Bursts: updates answered a second when many different users write at once, and the
round trip of one question, for Verstas's /next beside PTB's echo bot in the same run.

The echo bot and Verstas answer the same users on the same local Bot API server, with
Telegram's send limits lifted (the echo bot has none). Verstas takes updates as the
application is configured to (its update processor and MAX_CONCURRENT_UPDATES where
set); the echo bot as PTB does by default.

    python -m benchmarks.bursts [--members 100000] [--meetings 10000] [--burst 1000]
        [--trips 200] [--databases sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
from datetime import UTC, datetime

from benchmarks.bots import Inbox, bot_serving
from benchmarks.echo import echo_serving
from benchmarks.figures import Figure, at_least, at_most, figure, log
from benchmarks.network import (
    Database,
    add_meetings,
    add_members,
    analyze,
    connected,
    load_demo,
    postgres_problem,
    throwaway_database,
)
from benchmarks.questions import EVERY, NO_LIMITS, asker
from bot.console.bot_api import FakeUser, LocalBotAPI

NAME = "bursts"
# What each user writes: the question for Verstas; the echo bot answers any text alike.
QUESTION = "/next"
# How often the wait for a burst's last answer looks again.
LOOK = 0.01


async def burst(api: LocalBotAPI, inbox: Inbox, users: list[FakeUser]) -> float:
    """Every user writes once, all at the same moment; answers a second, from the moment
    the updates were queued to the last answer's arrival at the server."""
    wanted = {user.id: len(inbox.to(user.id)) + 1 for user in users}
    queued = datetime.now(UTC)
    for user in users:
        api.send_text(user, QUESTION)
    async with asyncio.timeout(300):
        while wanted:
            await asyncio.sleep(LOOK)
            inbox.refresh()
            wanted = {chat: n for chat, n in wanted.items() if len(inbox.by_chat[chat]) < n}
    last = max(inbox.by_chat[user.id][-1].received_at for user in users)
    return len(users) / (last - queued).total_seconds()


async def round_trips(inbox: Inbox, users: list[FakeUser]) -> list[float]:
    """One question at a time, each from the next user: seconds to the answer's arrival."""
    return [await inbox.ask(user, QUESTION) for user in users]


async def both_bots(
    url: str, members: int, burst_size: int, trips: int
) -> dict[str, tuple[float, list[float]]]:
    """The echo bot's and Verstas's burst rate and round trips, on one server."""
    randomness = random.Random(5)
    crowd = [asker(n) for n in randomness.sample(range(members), min(burst_size, members))]
    askers = [asker(randomness.randrange(members)) for _ in range(trips + 10)]
    results: dict[str, tuple[float, list[float]]] = {}
    async with LocalBotAPI() as api:
        inbox = Inbox(api)
        async with echo_serving(api):
            await round_trips(inbox, askers[:10])  # warm up: connections
            trips_echo = await round_trips(inbox, askers[10:])
            results["echo"] = (await burst(api, inbox, crowd), trips_echo)
        async with bot_serving(api, url, limits=NO_LIMITS, reconcile=False, flood_limit=10_000):
            await round_trips(inbox, askers[:10])  # warm up: connections, names
            trips_verstas = await round_trips(inbox, askers[10:])
            results["verstas"] = (await burst(api, inbox, crowd), trips_verstas)
    return results


async def measure_on(
    database: Database, members: int, meetings: int, burst_size: int, trips: int
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
        log(f"{NAME}: {label}: the echo bot, then Verstas")
        results = await both_bots(url, members, burst_size, trips)
    echo_rate, echo_trips = results["echo"]
    rate, trips_ = results["verstas"]
    echo_median = statistics.median(echo_trips)
    median = statistics.median(trips_)
    one_at_a_time = f"{trips} questions one at a time, update to reply at the server"
    size = f"{min(burst_size, members)} users at once; {members} members, {meetings} meetings"
    return [
        figure(NAME, f"{database}_echo_burst_rate", echo_rate, "updates/s", note=size),
        figure(NAME, f"{database}_burst_rate", rate, "updates/s", at_least(300), note=size),
        figure(
            NAME,
            f"{database}_burst_share_of_echo",
            rate / echo_rate,
            "ratio",
            at_least(0.85),
            note="Verstas's /next burst rate over the echo bot's, same users, same run",
        ),
        figure(
            NAME,
            f"{database}_echo_round_trip_p50",
            1000 * echo_median,
            "ms",
            note=one_at_a_time,
        ),
        figure(
            NAME,
            f"{database}_round_trip_p50",
            1000 * median,
            "ms",
            note=one_at_a_time,
        ),
        figure(
            NAME,
            f"{database}_round_trip_over_echo",
            median / echo_median,
            "ratio",
            at_most(1.5),
            note="median /next round trip over the echo bot's, update to reply at the server",
        ),
    ]


FIGURES = (
    ("echo_burst_rate", "updates/s"),
    ("burst_rate", "updates/s"),
    ("burst_share_of_echo", "ratio"),
    ("echo_round_trip_p50", "ms"),
    ("round_trip_p50", "ms"),
    ("round_trip_over_echo", "ratio"),
)


async def measure(
    databases: list[Database], members: int, meetings: int, burst_size: int, trips: int
) -> list[Figure]:
    """Each database in turn; PostgreSQL's figures say so when it cannot be reached."""
    figures: list[Figure] = []
    for database in databases:
        problem = await postgres_problem() if database == "postgresql" else None
        if problem is not None:
            figures += [
                figure(NAME, f"{database}_{name}", None, unit, note=problem)
                for name, unit in FIGURES
            ]
            continue
        figures += await measure_on(database, members, meetings, burst_size, trips)
    return figures


def main() -> None:
    """Command line: sizes and databases."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bursts", description=__doc__)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--burst", type=int, default=1000, help="different users at once")
    parser.add_argument("--trips", type=int, default=200, help="round trips one at a time")
    parser.add_argument("--databases", default="sqlite,postgresql")
    arguments = parser.parse_args()
    databases: list[Database] = []
    for name in arguments.databases.split(","):
        if name not in ("sqlite", "postgresql"):
            parser.error(f"unknown database {name!r}; sqlite or postgresql")
        databases.append("sqlite" if name == "sqlite" else "postgresql")
    asyncio.run(
        measure(databases, arguments.members, arguments.meetings, arguments.burst, arguments.trips)
    )


if __name__ == "__main__":
    main()
