"""Punctuality: reminders due one after another across a minute, and how late each arrives.

Members of one workshop each chose their own reminder time (`/reminders`), so that the
reminders of its next meeting come due evenly across 60 seconds. The bot plans them
itself when it starts; lateness is the server's receive time minus the due time.

    python -m benchmarks.punctuality [--reminders 1000] [--across 60]
"""

from __future__ import annotations

import argparse
import asyncio
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from benchmarks.bots import Inbox, bot_serving
from benchmarks.figures import Figure, at_most, figure, log, percentile
from benchmarks.network import (
    HELSINKI,
    connected,
    load_demo,
    member_telegram_id,
    throwaway_database,
)
from bot.console.bot_api import FakeUser, LocalBotAPI
from storage.models import Meeting, Member, Subscription, Workshop

NAME = "punctuality"
# Time for the bot to start and plan before the first reminder comes due.
LEAD = 20.0
WORKSHOP = "ehkaiseva-lastensuojelu"


async def prepare(
    sessions: async_sessionmaker[AsyncSession], reminders: int, first_due: datetime, across: float
) -> dict[int, datetime]:
    """A meeting two hours ahead and `reminders` members each due at their own moment;
    returns the due time of each member's chat."""
    starts = (first_due + timedelta(hours=2)).replace(microsecond=0)
    due: dict[int, datetime] = {}
    members = []
    for n in range(reminders):
        wanted = first_due + timedelta(seconds=across * n / reminders)
        # Offsets are whole seconds; the due time is what the offset makes of it.
        offset = round((starts - wanted).total_seconds())
        due[member_telegram_id(n)] = starts - timedelta(seconds=offset)
        members.append(
            {
                "telegram_id": member_telegram_id(n),
                "name": f"Jäsen {n}",
                "language": "fi",
                "reminder_offsets": [offset],
                "active": True,
            }
        )
    async with sessions.begin() as session:
        workshop = await session.scalar(select(Workshop).where(Workshop.key == WORKSHOP))
        assert workshop is not None
        session.add(
            Meeting(
                workshop_id=workshop.id,
                key="punctuality",
                date=starts.astimezone(HELSINKI).date(),
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                place="Lohja",
                agenda=["Ajankohtaiset asiat"],
            )
        )
        ids = (
            await session.scalars(
                insert(Member).returning(Member.id, sort_by_parameter_order=True), members
            )
        ).all()
        await session.execute(
            insert(Subscription),
            [{"member_id": member_id, "workshop_id": workshop.id} for member_id in ids],
        )
    return due


async def measure(reminders: int, across: float, lead: float = LEAD) -> list[Figure]:
    """Start the bot, wait for every reminder, and report lateness."""
    log(f"{NAME}: {reminders} reminders due across {across:g} s")
    async with throwaway_database("sqlite") as url:
        first_due = datetime.now(UTC) + timedelta(seconds=lead)
        async with connected(url) as (_, sessions):
            await load_demo(sessions)
            due = await prepare(sessions, reminders, first_due, across)
        async with LocalBotAPI() as api:
            for chat_id in due:
                api.add_user(FakeUser(chat_id))
            inbox = Inbox(api)
            # No quiet hours: the benchmark may run at night.
            async with bot_serving(api, url, quiet_hours=None):
                deadline = time.monotonic() + lead + across + 30
                while time.monotonic() < deadline:
                    inbox.refresh()
                    if all(inbox.by_chat.get(chat_id) for chat_id in due):
                        break
                    await asyncio.sleep(0.2)
    lateness = [
        (inbox.by_chat[chat_id][0].received_at - moment).total_seconds()
        for chat_id, moment in due.items()
        if inbox.by_chat.get(chat_id)
    ]
    missing = len(due) - len(lateness)
    note = f"{len(lateness)} of {len(due)} reminders arrived" + (
        f"; {missing} did not" if missing else ""
    )
    early = sum(1 for late in lateness if late < 0)
    if early:
        note += f"; {early} arrived early"
    return [
        figure(
            NAME, "lateness_p50", percentile(lateness, 0.5) if lateness else None, "s", note=note
        ),
        figure(
            NAME,
            "lateness_p99",
            percentile(lateness, 0.99) if lateness else None,
            "s",
            at_most(1.0),
            note=note,
        ),
    ]


def main() -> None:
    """Command line: how many reminders, across how many seconds."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.punctuality", description=__doc__)
    parser.add_argument("--reminders", type=int, default=1000)
    parser.add_argument("--across", type=float, default=60.0)
    parser.add_argument(
        "--lead", type=float, default=LEAD, help="seconds for the bot to start before the first"
    )
    arguments = parser.parse_args()
    asyncio.run(measure(arguments.reminders, arguments.across, arguments.lead))


if __name__ == "__main__":
    main()
