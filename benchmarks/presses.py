"""Presses: answer buttons pressed in the first minute after a reminder to many members.

Every member follows one workshop whose meeting's reminder comes due for all of them at
the same moment, soon after the bot starts; it goes out at Telegram's pace (BOT_SEND_RATE)
while members who got it press "going" or "not going" a few seconds after it arrived. A
press is answered when the server receives the bot's `answerCallbackQuery`: until then
Telegram shows the member a spinner. A press not answered at all counts as never.

    python -m benchmarks.presses [--members 10000] [--share 0.5] [--window 60]
        [--databases sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import asyncio
import heapq
import math
import random
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from benchmarks.bots import bot_serving
from benchmarks.figures import Figure, at_most, figure, log, percentile
from benchmarks.network import (
    Database,
    connected,
    load_demo,
    member_telegram_id,
    postgres_problem,
    throwaway_database,
)
from benchmarks.punctuality import prepare
from bot.console.bot_api import ApiCall, FakeUser, LocalBotAPI, SentMessage

NAME = "presses"
# Time for the bot to start and plan before the reminder comes due.
LEAD = 15.0
# A member presses this many seconds after the reminder reached them.
THINKING = (0.5, 5.0)
LOOK = 0.02


@dataclass(order=True)
class Press:
    """A member's press, due at `at` (monotonic seconds)."""

    at: float
    user: FakeUser = field(compare=False)
    message: SentMessage = field(compare=False)
    data: str = field(compare=False)


@dataclass
class Presses:
    """The presses made, the answers seen, and what is still to be pressed."""

    share: float
    randomness: random.Random = field(default_factory=lambda: random.Random(7))
    waiting: list[Press] = field(default_factory=list)
    # Seconds from the end of the pressing to the bot having stopped.
    stopping: float = math.nan
    pressed: dict[str, float] = field(default_factory=dict)
    answered: dict[str, float] = field(default_factory=dict)
    seen: int = 0

    def hear(self, call: ApiCall) -> None:
        """The server's listener: the moment each press was answered."""
        if call.method.lower() == "answercallbackquery":
            self.answered.setdefault(str(call.params.get("callback_query_id")), call.at)

    def take_in(self, api: LocalBotAPI, now: float) -> int:
        """Reminders that arrived since the last look; some members will press. Returns how
        many reminders arrived."""
        fresh = api.sent[self.seen :]
        self.seen += len(fresh)
        arrived = 0
        for message in fresh:
            buttons = [
                button["callback_data"]
                for row in (message.reply_markup or {}).get("inline_keyboard", [])
                for button in row
                if str(button.get("callback_data", "")).startswith("rsvp:")
            ]
            if not buttons:
                continue
            arrived += 1
            if self.randomness.random() < self.share:
                delay = self.randomness.uniform(*THINKING)
                user = FakeUser(message.chat_id)
                choice = self.randomness.choice(buttons)
                heapq.heappush(self.waiting, Press(now + delay, user, message, choice))
        return arrived

    def press_due(self, api: LocalBotAPI, now: float) -> None:
        """Press every button whose moment has come."""
        while self.waiting and self.waiting[0].at <= now:
            press = heapq.heappop(self.waiting)
            update_id = api.press_button(press.user, press.message, press.data)
            [update] = [u for u in api.pending_updates[-5:] if u["update_id"] == update_id]
            self.pressed[str(update["callback_query"]["id"])] = time.monotonic()

    def waits(self) -> list[float]:
        """Seconds from each press to its answer; never answered is infinite."""
        return [self.answered.get(query, math.inf) - at for query, at in self.pressed.items()]


async def one_minute(url: str, members: int, share: float, window: float, lead: float) -> Presses:
    """Start the bot, let the reminder go out, and press for `window` seconds from its first
    arrival; then wait for the last answers."""
    presses = Presses(share)
    async with LocalBotAPI() as api:
        for n in range(members):
            api.add_user(FakeUser(member_telegram_id(n)))
        api.add_listener(presses.hear)
        async with bot_serving(api, url, quiet_hours=None):
            async with asyncio.timeout(lead + 300):
                while not presses.take_in(api, time.monotonic()):  # noqa: ASYNC110
                    await asyncio.sleep(LOOK)
            log(f"{NAME}: the first reminders arrived; pressing for {window:g} s")
            stop = time.monotonic() + window
            while (now := time.monotonic()) < stop:
                presses.take_in(api, now)
                presses.press_due(api, now)
                await asyncio.sleep(LOOK)
            presses.waiting.clear()
            deadline = time.monotonic() + 30
            while len(presses.answered) < len(presses.pressed) and time.monotonic() < deadline:  # noqa: ASYNC110
                await asyncio.sleep(0.1)
            stopping = time.monotonic()
        presses.stopping = time.monotonic() - stopping
    log(f"{NAME}: the bot stopped in {presses.stopping:.1f} s")
    return presses


async def measure_on(
    database: Database, members: int, share: float, window: float, lead: float
) -> list[Figure]:
    """The figures of one database."""
    label = "SQLite" if database == "sqlite" else "PostgreSQL"
    log(f"{NAME}: {label}, a reminder to {members} members")
    async with throwaway_database(database) as url:
        due = datetime.now(UTC) + timedelta(seconds=lead)
        async with connected(url) as (_, sessions):
            await load_demo(sessions)
            # Everyone's reminder due at the same moment (spread over a few milliseconds).
            await prepare(sessions, members, due, across=1.0)
        presses = await one_minute(url, members, share, window, lead)
    waits = presses.waits()
    unanswered = sum(1 for wait in waits if math.isinf(wait))
    note = f"{len(waits)} presses in {window:g} s after a reminder to {members} members" + (
        f"; {unanswered} never answered" if unanswered else ""
    )
    p50 = percentile(waits, 0.5) if waits else None
    p95 = percentile(waits, 0.95) if waits else None
    return [
        figure(NAME, f"{database}_press_answer_p50", p50, "s", note=note),
        figure(NAME, f"{database}_press_answer_p95", p95, "s", at_most(1.0), note=note),
        figure(
            NAME,
            f"{database}_stop",
            presses.stopping,
            "s",
            note="from asking the bot to stop to its having stopped, the reminder's rest still due",
        ),
    ]


async def measure(
    databases: list[Database], members: int, share: float, window: float, lead: float
) -> list[Figure]:
    """Each database in turn; PostgreSQL's figures say so when it cannot be reached."""
    figures: list[Figure] = []
    for database in databases:
        problem = await postgres_problem() if database == "postgresql" else None
        if problem is not None:
            figures += [
                figure(NAME, f"{database}_{name}", None, "s", note=problem)
                for name in ("press_answer_p50", "press_answer_p95", "stop")
            ]
            continue
        figures += await measure_on(database, members, share, window, lead)
    return figures


def main() -> None:
    """Command line: sizes and databases."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.presses", description=__doc__)
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--share", type=float, default=0.5, help="members who press")
    parser.add_argument("--window", type=float, default=60.0, help="seconds of pressing")
    parser.add_argument("--lead", type=float, default=LEAD, help="seconds to start the bot")
    parser.add_argument("--databases", default="sqlite,postgresql")
    arguments = parser.parse_args()
    databases: list[Database] = []
    for name in arguments.databases.split(","):
        if name not in ("sqlite", "postgresql"):
            parser.error(f"unknown database {name!r}; sqlite or postgresql")
        databases.append("sqlite" if name == "sqlite" else "postgresql")
    asyncio.run(
        measure(databases, arguments.members, arguments.share, arguments.window, arguments.lead)
    )


if __name__ == "__main__":
    main()
