"""Dispatching: claim due outbox rows, render each at send time, send, record the outcome.

A claim is a lease: a process killed mid-batch leaves rows whose lease runs out and that
another run (of this or another instance) takes again. Nothing is lost; a duplicate can
only come from a row that was sent but not yet marked when the process died. A database
that goes away mid-batch (a restart) stops the batch; the process releases its claims
as soon as the database is back instead of leaving them to the lease.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import or_, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.i18n import Texts
from bot.logs import log_context
from bot.metrics import Metrics, reason_label
from bot.outbox.messages import render_progress, render_row
from bot.outbox.planning import ReminderPolicy, drop_pending_of_member
from bot.reply import Attachment, Button
from bot.services.announcements import progress
from bot.services.directory import Directory, load_directory
from bot.services.groups import forget_group
from storage.models import Announcement, Member, Outbox, OutboxStatus, SendBudget

log = logging.getLogger(__name__)

# Backoff after a network error or a 5xx: 1, 2, 4 … seconds, at most five minutes.
MAX_BACKOFF = timedelta(minutes=5)

# What the database raises when it goes away under us (a restart cuts every connection
# and refuses new ones for a while): SQLAlchemy's errors, or the socket's when connecting.
DATABASE_ERRORS = (SQLAlchemyError, OSError)


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
        batch_size: int = 50,
        lease: timedelta = timedelta(minutes=2),
        send_rate: float | None = None,
        concurrency: int = 16,
        metrics: Metrics | None = None,
    ) -> None:
        self.sessions = sessions
        self.sender = sender
        self.texts = texts
        self.policy = policy
        self.clock = clock
        self.instance = instance or instance_name()
        self.batch_size = batch_size
        self.lease = lease
        # Messages a second for all instances together; None sends as fast as allowed
        # by the rate limiter alone (tests of the logic use that).
        self.send_rate = send_rate
        # Sends in flight at once: enough to keep the rate while each takes a round trip.
        self.concurrency = concurrency
        self.metrics = metrics or Metrics()
        self.last_run: datetime | None = None
        # Announcements whose status line Telegram did not let us update (429, 5xx): the
        # next run tries again, or the coordinator might never see the summary.
        self.unreported: set[int] = set()
        # Rows this process claimed but could not finish because the database went away:
        # released at the next run instead of waiting out the lease.
        self.stranded: set[int] = set()

    async def run_once(self) -> DispatchStats:
        """Claim one batch of due rows and deliver them, several at a time."""
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
            async with session.begin():
                directory = await load_directory(session)
        untried = set(claimed)
        pause: datetime | None = None
        failure: BaseException | None = None
        gate = asyncio.Semaphore(self.concurrency)

        async def deliver(position: int, row_id: int) -> None:
            nonlocal pause, failure
            async with gate:
                if first_slot is not None and self.send_rate:
                    # Our reserved slot in the budget shared with the other instances.
                    slot = first_slot + timedelta(seconds=position / self.send_rate)
                    await asyncio.sleep(max(0.0, (slot - self.clock()).total_seconds()))
                if pause is not None or failure is not None:
                    return
                untried.discard(row_id)
                try:
                    # A session of its own: sessions must not be shared between tasks.
                    async with self.sessions() as own:
                        with log_context(outbox_id=row_id):
                            wait = await self._deliver(own, row_id, directory, stats)
                except DATABASE_ERRORS as error:
                    # Not raised here, which would cancel the sends in flight; the rest of
                    # the batch is not started.
                    failure = error
                    self.stranded.add(row_id)
                    return
                if wait is not None:
                    pause = max(wait, pause) if pause is not None else wait

        async with asyncio.TaskGroup() as tasks:
            for position, row_id in enumerate(claimed):
                tasks.create_task(deliver(position, row_id))
        if failure is not None:
            self.stranded |= untried
            raise failure
        async with self.sessions() as session:
            if pause is not None and untried:
                # Telegram said "too many requests": the rest of the batch waits too.
                async with session.begin():
                    await self._release(session, sorted(untried), pause)
            await self._report(session, stats.announcements | self.unreported)
        return stats

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
        self, session: AsyncSession, row_id: int, directory: Directory, stats: DispatchStats
    ) -> datetime | None:
        """Send one row; returns an instant to pause until when Telegram asked to wait."""
        now = self.clock()
        async with session.begin():
            row = await session.get(Outbox, row_id, populate_existing=True)
            if row is None or row.claimed_by != self.instance:
                return None
            rendered = await render_row(session, row, directory, self.texts, self.policy, now)
            chat_id, attempts = row.chat_id, row.attempts
            kind, due_at = row.kind, row.due_at
            if row.announcement_id is not None:
                stats.announcements.add(row.announcement_id)
        # Metrics and log lines follow the outcome's record in the database, so that a
        # scrape never counts what the outbox does not show yet.
        metrics, where = self.metrics, {"kind": kind, "chat_id": chat_id}
        if isinstance(rendered, str):
            await self._finish(session, row_id, OutboxStatus.SKIPPED, error=rendered)
            stats.skipped += 1
            metrics.skipped.labels(kind, reason_label(rendered)).inc()
            log.info("%s to chat %s skipped: %s", kind, chat_id, rendered, extra=where)
            return None
        try:
            message_id = await self.sender.send(
                chat_id, rendered.text, rendered.buttons, rendered.attachment
            )
        except RetryLater as error:
            stats.retried += 1
            if error.seconds is not None:
                # Telegram's wait holds for the whole batch: returned as the pause.
                until = self.clock() + timedelta(seconds=error.seconds)
                reason, pause = "rate_limited", until
            else:
                backoff = min(timedelta(seconds=2 ** min(attempts - 1, 12)), MAX_BACKOFF)
                until = self.clock() + backoff
                reason, pause = "unavailable", None
            await self._retry(session, row_id, until, error.reason)
            metrics.retried.labels(kind, reason).inc()
            log.info("%s to chat %s retried: %s", kind, chat_id, error.reason, extra=where)
            return pause
        except RecipientGone as error:
            stats.blocked += 1
            await self._recipient_gone(session, row_id, str(error))
            metrics.failed.labels(kind, "blocked").inc()
            log.info("%s to chat %s failed, blocked: %s", kind, chat_id, error, extra=where)
            return None
        except Undeliverable as error:
            stats.failed += 1
            stats.errors.append(str(error))
            await self._finish(session, row_id, OutboxStatus.FAILED, error=str(error))
            metrics.failed.labels(kind, "refused").inc()
            log.warning("%s to chat %s refused: %s", kind, chat_id, error, extra=where)
            return None
        delivered = self.clock()
        await self._finish(session, row_id, OutboxStatus.SENT, message_id=message_id)
        stats.sent += 1
        metrics.sent.labels(kind).inc()
        metrics.lateness.labels(kind).observe(max(0.0, (delivered - due_at).total_seconds()))
        return None

    async def _finish(
        self,
        session: AsyncSession,
        row_id: int,
        status: OutboxStatus,
        *,
        error: str | None = None,
        message_id: int | None = None,
    ) -> None:
        async with session.begin():
            await session.execute(
                update(Outbox)
                .where(Outbox.id == row_id, Outbox.claimed_by == self.instance)
                .values(
                    status=status,
                    last_error=error,
                    sent_at=self.clock() if status == OutboxStatus.SENT else None,
                    telegram_message_id=message_id,
                    claimed_by=None,
                    claimed_until=None,
                )
                .execution_options(synchronize_session=False)
            )

    async def _retry(
        self, session: AsyncSession, row_id: int, until: datetime, reason: str
    ) -> None:
        async with session.begin():
            await session.execute(
                update(Outbox)
                .where(Outbox.id == row_id, Outbox.claimed_by == self.instance)
                .values(due_at=until, last_error=reason, claimed_by=None, claimed_until=None)
                .execution_options(synchronize_session=False)
            )

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
        async with session.begin():
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
