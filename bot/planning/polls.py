"""Planning a date poll: the poll to every member asked, the nudge, the result at the deadline.

All of it is planned when the poll is confirmed; whether a nudge or the result still applies
is decided when it is sent (a municipality may have answered, the poll may be closed).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.planning.outbox import PlannedRow, ReminderPolicy, insert_rows
from bot.planning.timing import outside_quiet_hours

POLL = "poll"
POLL_NUDGE = "poll-nudge"
POLL_RESULT = "poll-result"

# How long before the deadline the members of municipalities with no answer are nudged.
NUDGE_BEFORE = timedelta(hours=24)


def poll_subject(poll_id: int) -> str:
    """The subject of a poll's rows."""
    return f"poll:{poll_id}"


async def plan_poll(
    session: AsyncSession,
    poll_id: int,
    members: Iterable[tuple[int, int]],
    author: tuple[int, int] | None,
    *,
    deadline: datetime,
    now: datetime,
    policy: ReminderPolicy,
) -> int:
    """The poll now to each (member id, chat), their nudge, the author's result; returns
    how many members are asked."""
    subject = poll_subject(poll_id)
    payload = {"poll_id": poll_id}
    nudge_at = outside_quiet_hours(deadline - NUDGE_BEFORE, policy.quiet, policy.zone)
    rows: list[PlannedRow] = []
    asked = 0
    for member_id, chat_id in members:
        asked += 1
        rows.append(PlannedRow((POLL, chat_id, subject, 0), member_id, None, now, payload))
        # A nudge that would come with the poll itself, or after the deadline, is no nudge.
        if now < nudge_at < deadline:
            rows.append(
                PlannedRow((POLL_NUDGE, chat_id, subject, 0), member_id, None, nudge_at, payload)
            )
    if author is not None:
        member_id, chat_id = author
        rows.append(
            PlannedRow((POLL_RESULT, chat_id, subject, 0), member_id, None, deadline, payload)
        )
    await insert_rows(session, rows)
    return asked
