"""Dispatching: claim due outbox rows, render them at send time, send, record the outcomes.

A claim is a lease: a process killed mid-batch leaves rows whose lease runs out and that
another run (of this or another instance) takes again. Nothing is lost; a duplicate can
only come from a row that was sent but not yet marked when the process died.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol, cast

from sqlalchemy import Table, bindparam, func, or_, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.delivery.messages import load_recipients, render, render_progress
from bot.foundation.clock import Clock
from bot.foundation.logs import log_context
from bot.foundation.metrics import Metrics, reason_label
from bot.language.catalog import Texts
from bot.planning.outbox import ReminderPolicy, drop_pending_of_member
from bot.replies.reply import Attachment, Button, Reply
from bot.services.announcements import progress
from bot.services.directory import load_directory
from bot.services.groups import forget_group
from storage.models import Announcement, Member, Outbox, OutboxStatus, SendBudget

log = logging.getLogger(__name__)

# Backoff after a network error or a 5xx: 1, 2, 4 … seconds, at most five minutes.
MAX_BACKOFF = timedelta(minutes=5)
# The database went away (a PostgreSQL restart, a dropped connection).
DATABASE_ERRORS = (SQLAlchemyError, OSError)
# How often outcomes are tried again while the database is away.
RECORD_RETRY_SECONDS = 1.0


class RetryLater(Exception):
    """Telegram asked to wait (429) or could not be reached (5xx, network)."""

    def __init__(self, reason: str, seconds: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        # None: the dispatcher's own backoff; a number: Telegram's retry_after.
        self.seconds = seconds


class RecipientGone(Exception):
    """The user blocked the bot, or the bot was removed from the group (403)."""


class Undeliverable(Exception):
    """Telegram refused this message (400); retrying would not help."""


class Sender(Protocol):
    """Sends one message; raises the exceptions above. The Telegram one is in bot.telegram."""

    async def send(
        self,
        chat_id: int,
        text: str,
        buttons: tuple[tuple[Button, ...], ...],
        attachment: Attachment | None = None,
    ) -> int: ...

    async def edit(self, chat_id: int, message_id: int, text: str) -> None: ...


@dataclass
class DispatchStats:
    """What one run did."""

    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    skipped: int = 0
    blocked: int = 0
    errors: list[str] = field(default_factory=list)
    # Announcements whose rows this run handled: their status messages are updated.
    announcements: set[int] = field(default_factory=set)


# Rows claimed at once: at least this many, and at a send rate as many as go out in
# BATCH_SECONDS. Between two batches (marking, the status line, the next claim) no slot
# is used, so short batches waste a share of the rate; a longer one also means fewer
# edits of a broadcast's status line. Claims last two minutes, far longer.
MIN_BATCH = 50
MAX_BATCH = 500
BATCH_SECONDS = 5.0


def batch_for(send_rate: float | None) -> int:
    """The batch size for a send rate (messages a second for all instances)."""
    if not send_rate:
        return MIN_BATCH
    return max(MIN_BATCH, min(MAX_BATCH, round(send_rate * BATCH_SECONDS)))


def instance_name() -> str:
    """A name for this process in claims: host, process id and a random part."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class Dispatcher:
    """Claims and sends due outbox rows; `run_once` is the scheduler's job."""

    def __init__(
        self,
        *,
        sessions: async_sessionmaker[AsyncSession],
        sender: Sender,
        texts: Texts,
        policy: ReminderPolicy,
        clock: Clock,
        instance: str | None = None,
        batch_size: int | None = None,
        lease: timedelta = timedelta(minutes=2),
        send_rate: float | None = None,
        concurrency: int = 8,
        metrics: Metrics | None = None,
    ) -> None:
        self.sessions = sessions
        self.sender = sender
        self.texts = texts
        self.policy = policy
        self.clock = clock
        self.instance = instance or instance_name()
        self.batch_size = batch_size or batch_for(send_rate)
        self.lease = lease
        # Messages a second for all instances together; None sends as fast as allowed
        # by the rate limiter alone (tests of the logic use that).
        self.send_rate = send_rate
        # Sends in flight at once: enough to keep 30 a second while each takes a round trip
        # of up to a quarter of a second; more only cost PTB's HTTP client time per
        # request (it checks every pooled connection each time), see docs/benchmarks.md.
        self.concurrency = concurrency
        self.metrics = metrics or Metrics()
        self.last_run: datetime | None = None
        # Announcements whose status line Telegram did not let us update (429, 5xx): the
        # next run tries again, or the coordinator might never see the summary.
        self.unreported: set[int] = set()
        # Rows this process claimed but could not send because the database went away
        # before they were rendered: released at the next run instead of waiting out the
        # lease.
        self.stranded: set[int] = set()

    async def run_once(self) -> DispatchStats:
        """Claim one batch of due rows, render them together and deliver them, several at
        a time; outcomes are written in groups as they come in."""
        stats = DispatchStats()
        now = self.clock()
        self.last_run = now
        async with self.sessions() as session:
            async with session.begin():
                if self.stranded:
                    await self._unclaim(session, self.stranded)
                claimed = await self._claim(session, now)
                first_slot = (
                    await self._reserve(session, len(claimed), now)
                    if claimed and self.send_rate
                    else None
                )
            self.stranded.clear()
            stats.claimed = len(claimed)
            if not claimed:
                await self._report(session, set(self.unreported))
                return stats
            if first_slot is not None:
                # Rendering waits for our first reserved slot, so that what is sent is fresh.
                await asyncio.sleep(max(0.0, (first_slot - self.clock()).total_seconds()))
            try:
                async with session.begin():
                    letters = await self._render(session, claimed)
            except DATABASE_ERRORS:
                # Nothing was sent: the claims are released as soon as the database is back.
                self.stranded.update(claimed)
                raise
        ledger = Ledger(self)
        untried = {letter.row_id for letter in letters if letter.message is not None}
        pause: datetime | None = None
        gate = asyncio.Semaphore(self.concurrency)

        async def deliver(position: int, letter: Letter) -> None:
            nonlocal pause
            async with gate:
                if first_slot is not None and self.send_rate:
                    # Our slot in the budget shared with the other instances.
                    slot = first_slot + timedelta(seconds=position / self.send_rate)
                    await asyncio.sleep(max(0.0, (slot - self.clock()).total_seconds()))
                if pause is not None:
                    return
                await ledger.room()
                if pause is not None:
                    return
                untried.discard(letter.row_id)
                with log_context(outbox_id=letter.row_id):
                    wait = await self._deliver(letter, ledger, stats)
                if wait is not None:
                    pause = max(wait, pause) if pause is not None else wait

        keeper = asyncio.create_task(ledger.keep())
        try:
            for letter in letters:
                if letter.announcement_id is not None:
                    stats.announcements.add(letter.announcement_id)
                if letter.message is None:
                    stats.skipped += 1
                    ledger.add(Finished(letter, OutboxStatus.SKIPPED, letter.reason))
            to_send = [letter for letter in letters if letter.message is not None]
            async with asyncio.TaskGroup() as sends:
                for position, letter in enumerate(to_send):
                    sends.create_task(deliver(position, letter))
        finally:
            # Whatever happened, what was sent is marked before this run ends.
            ledger.close()
            await keeper
        async with self.sessions() as session:
            if pause is not None and untried:
                # Telegram said "too many requests": the rest of the batch waits too.
                async with session.begin():
                    await self._release(session, sorted(untried), pause)
            await self._report(session, stats.announcements | self.unreported)
        return stats

    async def next_due(self) -> datetime | None:
        """When the next row not claimed by anyone comes due; None when nothing is pending."""
        now = self.clock()
        async with self.sessions() as session:
            return await session.scalar(
                select(func.min(Outbox.due_at)).where(
                    Outbox.status == OutboxStatus.PENDING,
                    or_(Outbox.claimed_until.is_(None), Outbox.claimed_until < now),
                )
            )

    async def _render(self, session: AsyncSession, claimed: list[int]) -> list[Letter]:
        """The claimed rows still ours, each rendered or with why it is not to be sent."""
        rows = {
            row.id: row
            for row in await session.scalars(
                select(Outbox)
                .where(Outbox.id.in_(claimed), Outbox.claimed_by == self.instance)
                .execution_options(populate_existing=True)
            )
        }
        ordered = [rows[row_id] for row_id in claimed if row_id in rows]
        directory = await load_directory(session)
        recipients = await load_recipients(session, ordered)
        now = self.clock()
        letters = []
        for row in ordered:
            rendered = render(row, recipients, directory, self.texts, self.policy, now)
            letters.append(
                Letter(
                    row_id=row.id,
                    chat_id=row.chat_id,
                    kind=row.kind,
                    due_at=row.due_at,
                    attempts=row.attempts,
                    announcement_id=row.announcement_id,
                    message=rendered if isinstance(rendered, Reply) else None,
                    reason=rendered if isinstance(rendered, str) else None,
                )
            )
        return letters

    async def _reserve(self, session: AsyncSession, count: int, now: datetime) -> datetime:
        """Move the shared budget on by `count` sends; returns the first reserved slot."""
        assert self.send_rate
        budget = await session.get(SendBudget, 1, with_for_update=True, populate_existing=True)
        if budget is None:
            # A database made without the migration's row (should not happen): no pacing.
            return now
        first = max(budget.next_slot_at, now)
        budget.next_slot_at = first + timedelta(seconds=count / self.send_rate)
        return first

    async def _report(self, session: AsyncSession, announcement_ids: set[int]) -> None:
        """Edit each announcement's status message with its counts so far."""
        for announcement_id in sorted(announcement_ids):
            self.unreported.discard(announcement_id)
            async with session.begin():
                announcement = await session.get(
                    Announcement, announcement_id, populate_existing=True
                )
                if announcement is None or announcement.status_chat_id is None:
                    continue
                author = (
                    await session.get(Member, announcement.author_id)
                    if announcement.author_id is not None
                    else None
                )
                language = author.language if author else self.texts.default_language
                text = render_progress(
                    self.texts, language, await progress(session, announcement_id)
                )
                chat_id, message_id = announcement.status_chat_id, announcement.status_message_id
            try:
                if message_id is None:
                    # Confirmed by a typed /confirm: the first report posts the status line.
                    posted = await self.sender.send(chat_id, text, ())
                    async with session.begin():
                        await session.execute(
                            update(Announcement)
                            .where(Announcement.id == announcement_id)
                            .values(status_message_id=posted)
                        )
                else:
                    await self.sender.edit(chat_id, message_id, text)
            except RetryLater as error:
                self.unreported.add(announcement_id)
                log.info("status of announcement %s not updated yet: %s", announcement_id, error)
            except (RecipientGone, Undeliverable) as error:
                # A status line is a courtesy; the delivery itself is recorded either way.
                log.info("status of announcement %s not updated: %s", announcement_id, error)

    async def _claim(self, session: AsyncSession, now: datetime) -> list[int]:
        due = (
            select(Outbox.id)
            .where(
                Outbox.status == OutboxStatus.PENDING,
                Outbox.due_at <= now,
                or_(Outbox.claimed_until.is_(None), Outbox.claimed_until < now),
            )
            .order_by(Outbox.due_at, Outbox.id)
            .limit(self.batch_size)
        )
        if session.get_bind().dialect.name == "postgresql":
            # Several instances: each takes rows the others have not locked.
            due = due.with_for_update(skip_locked=True)
        statement = (
            update(Outbox)
            .where(Outbox.id.in_(due.scalar_subquery()))
            .values(
                claimed_by=self.instance,
                claimed_until=now + self.lease,
                attempts=Outbox.attempts + 1,
            )
            .returning(Outbox.id, Outbox.due_at)
            .execution_options(synchronize_session=False)
        )
        rows = (await session.execute(statement)).all()
        return [row_id for row_id, _ in sorted(rows, key=lambda r: (r[1], r[0]))]

    async def _deliver(
        self, letter: Letter, ledger: Ledger, stats: DispatchStats
    ) -> datetime | None:
        """Send one message; returns an instant to pause until when Telegram asked to wait."""
        assert letter.message is not None
        message = letter.message
        try:
            message_id = await self.sender.send(
                letter.chat_id, message.text, message.buttons, message.attachment
            )
        except RetryLater as error:
            stats.retried += 1
            if error.seconds is not None:
                # Telegram's wait holds for the whole batch: returned as the pause.
                until = self.clock() + timedelta(seconds=error.seconds)
                ledger.add(Retry(letter, until, error.reason, "rate_limited"))
                return until
            backoff = min(timedelta(seconds=2 ** min(letter.attempts - 1, 12)), MAX_BACKOFF)
            ledger.add(Retry(letter, self.clock() + backoff, error.reason, "unavailable"))
            return None
        except RecipientGone as error:
            stats.blocked += 1
            ledger.add(Gone(letter, str(error)))
            return None
        except Undeliverable as error:
            stats.failed += 1
            stats.errors.append(str(error))
            ledger.add(Finished(letter, OutboxStatus.FAILED, str(error)))
            return None
        ledger.add(Finished(letter, OutboxStatus.SENT, None, message_id, self.clock()))
        stats.sent += 1
        return None

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

    async def _release(self, session: AsyncSession, row_ids: list[int], until: datetime) -> None:
        if not row_ids:
            return
        await session.execute(
            update(Outbox)
            .where(Outbox.id.in_(row_ids), Outbox.claimed_by == self.instance)
            .values(
                claimed_by=None,
                claimed_until=None,
                # Not counted as an attempt: this run never tried them.
                attempts=Outbox.attempts - 1,
            )
            .execution_options(synchronize_session=False)
        )
        await session.execute(
            update(Outbox)
            .where(Outbox.id.in_(row_ids), Outbox.due_at < until)
            .values(due_at=until)
            .execution_options(synchronize_session=False)
        )

    async def _unclaim(self, session: AsyncSession, row_ids: set[int]) -> None:
        await session.execute(
            update(Outbox)
            .where(Outbox.id.in_(sorted(row_ids)), Outbox.claimed_by == self.instance)
            .values(claimed_by=None, claimed_until=None)
            .execution_options(synchronize_session=False)
        )

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
    label: str  # rate_limited (429) or unavailable (5xx, network), for the metrics


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
        due_at=bindparam("due"), last_error=bindparam("error"), claimed_by=None, claimed_until=None
    )
)


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

    def __init__(self, dispatcher: Dispatcher) -> None:
        self.dispatcher = dispatcher
        self.group = dispatcher.concurrency
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
        dispatcher = self.dispatcher
        give_up = dispatcher.clock() + dispatcher.lease
        while True:
            try:
                await dispatcher.record(outcomes)
                return
            except DATABASE_ERRORS as error:
                if dispatcher.clock() >= give_up:
                    raise
                log.warning("outcomes of %s messages not written yet: %s", len(outcomes), error)
                await asyncio.sleep(RECORD_RETRY_SECONDS)
