"""What became of each claimed row, and marking it in the outbox.

Outcomes are written in groups by one task (`Ledger`), each group in a few statements
(`Marker`); metrics and log lines follow once a group is in the database.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.foundation.clock import Clock
from bot.foundation.metrics import Metrics, reason_label
from bot.planning.outbox import drop_pending_of_member
from bot.replies.reply import Reply
from bot.services.groups import forget_group
from storage.models import Member, Outbox, OutboxStatus

log = logging.getLogger(__name__)

# The database went away (a PostgreSQL restart, a dropped connection).
DATABASE_ERRORS = (SQLAlchemyError, OSError)
# How often outcomes are tried again while the database is away.
RECORD_RETRY_SECONDS = 1.0
# The payload's note of how many parts of a long message went before a retry.
PARTS_SENT = "parts_sent"


@dataclass(frozen=True)
class Letter:
    """A claimed row, rendered: its message, or why it is not to be sent."""

    row_id: int
    chat_id: int
    kind: str
    due_at: datetime
    attempts: int
    announcement_id: int | None
    message: Reply | None
    reason: str | None
    payload: Mapping[str, Any] = field(default_factory=dict)
    broken: bool = False  # rendering it failed: it fails rather than being skipped

    @property
    def parts_sent(self) -> int:
        """Parts of a long message an earlier attempt delivered (see `Retry.delivered`)."""
        return int(self.payload.get(PARTS_SENT, 0))


@dataclass(frozen=True)
class Finished:
    """Sent, failed for good, or skipped."""

    letter: Letter
    status: OutboxStatus
    error: str | None
    message_id: int | None = None
    sent_at: datetime | None = None


@dataclass(frozen=True)
class Retry:
    """To be tried again from `until`."""

    letter: Letter
    until: datetime
    reason: str
    label: str  # rate_limited (429), unavailable (5xx, network) or lease, for the metrics
    # Parts of a long message that went (all attempts): the next attempt sends the rest.
    delivered: int = 0

    def payload(self) -> dict[str, Any]:
        """The row's payload, with how many parts went."""
        if not self.delivered:
            return dict(self.letter.payload)
        return {**self.letter.payload, PARTS_SENT: self.delivered}


@dataclass(frozen=True)
class Gone:
    """The recipient blocked the bot or removed it from the group."""

    letter: Letter
    reason: str


Outcome = Finished | Retry | Gone

# The table, not the mapped class: a list of parameters then runs as one executemany.
_outbox = cast(Table, Outbox.__table__)
# Only while the claim is still ours: a row whose lease ran out belongs to another run.
_FINISH = (
    update(_outbox)
    .where(_outbox.c.id == bindparam("row"), _outbox.c.claimed_by == bindparam("instance"))
    .values(
        status=bindparam("new_status"),
        last_error=bindparam("error"),
        sent_at=bindparam("sent"),
        telegram_message_id=bindparam("message"),
        claimed_by=None,
        claimed_until=None,
    )
)
_RETRY = (
    update(_outbox)
    .where(_outbox.c.id == bindparam("row"), _outbox.c.claimed_by == bindparam("instance"))
    .values(
        due_at=bindparam("due"),
        last_error=bindparam("error"),
        payload=bindparam("payload"),
        claimed_by=None,
        claimed_until=None,
    )
)


class Marker:
    """Marks the outcomes of one instance's claims in the outbox, and counts them."""

    def __init__(
        self,
        *,
        sessions: async_sessionmaker[AsyncSession],
        instance: str,
        clock: Clock,
        metrics: Metrics,
    ) -> None:
        self.sessions = sessions
        self.instance = instance
        self.clock = clock
        self.metrics = metrics

    async def record(self, outcomes: list[Outcome]) -> None:
        """Write what became of rows, many in one statement (executemany)."""
        finished = [o for o in outcomes if isinstance(o, Finished)]
        retries = [o for o in outcomes if isinstance(o, Retry)]
        gone = [o for o in outcomes if isinstance(o, Gone)]
        async with self.sessions() as session, session.begin():
            if finished:
                await session.execute(
                    _FINISH,
                    [
                        {
                            "row": o.letter.row_id,
                            "instance": self.instance,
                            "new_status": o.status,
                            "error": o.error,
                            "sent": o.sent_at,
                            "message": o.message_id,
                        }
                        for o in finished
                    ],
                )
            if retries:
                await session.execute(
                    _RETRY,
                    [
                        {
                            "row": o.letter.row_id,
                            "instance": self.instance,
                            "due": o.until,
                            "error": o.reason,
                            "payload": o.payload(),
                        }
                        for o in retries
                    ],
                )
            for outcome in gone:
                await self._recipient_gone(session, outcome.letter.row_id, outcome.reason)
        self._count(outcomes)

    def _count(self, outcomes: list[Outcome]) -> None:
        """Metrics and log lines, once the outcomes are in the database: a scrape never
        counts what the outbox does not show yet."""
        metrics = self.metrics
        for outcome in outcomes:
            letter = outcome.letter
            kind, chat_id = letter.kind, letter.chat_id
            where = {"kind": kind, "chat_id": chat_id, "outbox_id": letter.row_id}
            if isinstance(outcome, Retry):
                metrics.retried.labels(kind, outcome.label).inc()
                log.info("%s to chat %s retried: %s", kind, chat_id, outcome.reason, extra=where)
            elif isinstance(outcome, Gone):
                metrics.failed.labels(kind, "blocked").inc()
                log.info(
                    "%s to chat %s failed, blocked: %s", kind, chat_id, outcome.reason, extra=where
                )
            elif outcome.status == OutboxStatus.SKIPPED:
                reason = outcome.error or "unknown"
                metrics.skipped.labels(kind, reason_label(reason)).inc()
                log.info("%s to chat %s skipped: %s", kind, chat_id, reason, extra=where)
            elif outcome.status == OutboxStatus.FAILED:
                metrics.failed.labels(kind, "refused").inc()
                log.warning("%s to chat %s refused: %s", kind, chat_id, outcome.error, extra=where)
            else:
                metrics.sent.labels(kind).inc()
                delivered = outcome.sent_at or self.clock()
                lateness = max(0.0, (delivered - letter.due_at).total_seconds())
                metrics.lateness.labels(kind).observe(lateness)

    async def _recipient_gone(self, session: AsyncSession, row_id: int, reason: str) -> None:
        row = await session.get(Outbox, row_id, populate_existing=True)
        if row is None:
            return
        row.status = OutboxStatus.FAILED
        row.last_error = f"blocked: {reason}"
        row.claimed_by = row.claimed_until = None
        if row.member_id is not None:
            member = await session.get(Member, row.member_id)
            if member is not None:
                member.active = False
            await drop_pending_of_member(session, row.member_id)
        else:
            await forget_group(session, row.chat_id)
        await session.flush()


class Ledger:
    """Outcomes on their way to the database, written in groups by one task.

    A group is written once it is as large as the sends in flight, or LINGER after its
    first outcome, or when the batch ends. Sending waits while two groups are waiting or
    being written (`room`), so what was sent but not yet marked when a process dies, and
    so may be sent again, is at most those two groups and the sends in flight — also when
    the database is slow or away, which then holds the sending up rather than piling up
    messages whose outcomes cannot be written.
    """

    # How long an outcome may wait for others to be written with.
    LINGER = 0.5

    def __init__(self, marker: Marker, *, group: int, lease: timedelta) -> None:
        self.marker = marker
        self.group = group
        # How long a group is tried again: past the lease another run may own the rows.
        self.lease = lease
        self.waiting: list[Outcome] = []
        self.writing = 0  # outcomes of the group being written
        self.wake = asyncio.Event()
        self.written = asyncio.Event()
        self.closed = False
        self.broken: BaseException | None = None  # the writing gave up: send no more

    @property
    def unmarked(self) -> int:
        """Outcomes not yet in the database."""
        return len(self.waiting) + self.writing

    async def room(self) -> None:
        """Wait until fewer than two groups of outcomes are unwritten."""
        while self.unmarked >= 2 * self.group:
            if self.broken is not None:
                raise self.broken
            self.written.clear()
            await self.written.wait()

    def add(self, outcome: Outcome) -> None:
        """One more outcome to write."""
        self.waiting.append(outcome)
        if len(self.waiting) >= self.group:
            self.wake.set()

    def close(self) -> None:
        """No more outcomes: write the last ones and stop."""
        self.closed = True
        self.wake.set()

    async def keep(self) -> None:
        """Write outcomes in groups until closed and everything is written."""
        while not (self.closed and not self.waiting):
            with suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), self.LINGER)
            self.wake.clear()
            outcomes, self.waiting = self.waiting, []
            if outcomes:
                self.writing = len(outcomes)
                try:
                    await self._write(outcomes)
                except BaseException as error:
                    self.broken = error
                    raise
                finally:
                    self.writing = 0
                    self.written.set()

    async def _write(self, outcomes: list[Outcome]) -> None:
        """Write a group; while the database is away, keep it and try again.

        The messages are already with Telegram: forgetting their outcomes would send them
        again when the claims run out. Past the lease another run may have taken the rows,
        and the claim check in the statements then leaves them to it.
        """
        clock = self.marker.clock
        give_up = clock() + self.lease
        while True:
            try:
                await self.marker.record(outcomes)
                return
            except DATABASE_ERRORS as error:
                if clock() >= give_up:
                    raise
                log.warning("outcomes of %s messages not written yet: %s", len(outcomes), error)
                await asyncio.sleep(RECORD_RETRY_SECONDS)
