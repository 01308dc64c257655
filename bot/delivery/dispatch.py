"""Dispatching: claim due outbox rows, render them at send time, send, record the outcomes.

A claim is a lease: a process killed mid-batch leaves rows whose lease runs out and that
another run (of this or another instance) takes again. Nothing is lost; a duplicate can
only come from a row that was sent but not yet marked when the process died.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.delivery import claims
from bot.delivery.lease import Hold
from bot.delivery.messages import load_recipients, render, render_progress
from bot.delivery.outcomes import DATABASE_ERRORS, Finished, Gone, Ledger, Letter, Marker, Retry
from bot.delivery.sender import (
    ChatMoved,
    ClaimLost,
    NotSent,
    RecipientGone,
    RetryLater,
    Sender,
    Undeliverable,
)
from bot.foundation.clock import Clock
from bot.foundation.logs import log_context
from bot.foundation.metrics import Metrics
from bot.language.catalog import Texts
from bot.planning.feedback import open_rounds
from bot.planning.outbox import ReminderPolicy
from bot.replies.reply import Reply
from bot.services.announcements import progress
from bot.services.directory import load_directory
from bot.services.groups import move_group
from storage.models import Announcement, Member, Outbox, OutboxStatus

log = logging.getLogger(__name__)

# Backoff after a network error or a 5xx: 1, 2, 4 … seconds, at most five minutes.
MAX_BACKOFF = timedelta(minutes=5)


@dataclass
class DispatchStats:
    """What one run did."""

    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    skipped: int = 0
    blocked: int = 0
    # Not sent because the claim ran out first: another run sends them.
    lost: int = 0
    errors: list[str] = field(default_factory=list)
    # Announcements whose rows this run handled: their status messages are updated.
    announcements: set[int] = field(default_factory=set)


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
        self.instance = instance or claims.instance_name()
        self.batch_size = batch_size or claims.batch_for(send_rate)
        self.lease = lease
        # Messages a second for all instances together; None sends as fast as allowed
        # by the rate limiter alone (tests of the logic use that).
        self.send_rate = send_rate
        # Sends in flight at once: enough to keep 30 a second while each takes a round trip
        # of up to a quarter of a second; more only cost PTB's HTTP client time per
        # request (it checks every pooled connection each time), see docs/benchmarks.md.
        self.concurrency = concurrency
        self.metrics = metrics or Metrics()
        self.marker = Marker(
            sessions=sessions, instance=self.instance, clock=clock, metrics=self.metrics
        )
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
            claimed, first_slot = await self._claim(session, now)
            stats.claimed = len(claimed)
            if not claimed:
                await self._report(session, set(self.unreported))
                return stats
            if first_slot is not None:
                # Rendering waits for our first reserved slot, so that what is sent is fresh.
                await asyncio.sleep(max(0.0, (first_slot - self.clock()).total_seconds()))
            letters = await self._render(session, claimed)
        hold = Hold(
            self.sessions,
            instance=self.instance,
            clock=self.clock,
            lease=self.lease,
            rows=claimed,
            until=now + self.lease,
        )
        pause, untried = await self._send(letters, first_slot, hold, stats)
        async with self.sessions() as session:
            if pause is not None and untried:
                # Telegram said "too many requests": the rest of the batch waits too.
                async with session.begin():
                    await claims.release(
                        session, instance=self.instance, row_ids=sorted(untried), until=pause
                    )
            await self._report(session, stats.announcements | self.unreported)
        return stats

    async def next_due(self) -> datetime | None:
        """When the next row not claimed by anyone comes due; None when nothing is pending."""
        now = self.clock()
        async with self.sessions() as session:
            return await claims.next_due(session, now)

    async def _claim(
        self, session: AsyncSession, now: datetime
    ) -> tuple[list[int], datetime | None]:
        """Claim a batch; with a send rate, also its first slot in the shared budget."""
        async with session.begin():
            if self.stranded:
                await claims.unclaim(session, instance=self.instance, row_ids=self.stranded)
            claimed = await claims.claim_due(
                session, instance=self.instance, now=now, lease=self.lease, limit=self.batch_size
            )
            first_slot = (
                await claims.reserve_slots(
                    session, count=len(claimed), now=now, send_rate=self.send_rate
                )
                if claimed and self.send_rate
                else None
            )
        self.stranded.clear()
        return claimed, first_slot

    async def _render(self, session: AsyncSession, claimed: list[int]) -> list[Letter]:
        """The claimed rows still ours, each rendered or with why it is not to be sent."""
        try:
            async with session.begin():
                return await self._letters(session, claimed)
        except DATABASE_ERRORS:
            # Nothing was sent: the claims are released as soon as the database is back.
            self.stranded.update(claimed)
            raise

    async def _letters(self, session: AsyncSession, claimed: list[int]) -> list[Letter]:
        """Render the claimed rows still ours, in the order they were claimed."""
        rows = {
            row.id: row
            for row in await session.scalars(
                select(Outbox)
                .where(Outbox.id.in_(claimed), Outbox.claimed_by == self.instance)
                .execution_options(populate_existing=True)
            )
        }
        now = self.clock()
        # A meeting's feedback round is no message: it becomes its questions, due now.
        ours = [rows[row_id] for row_id in claimed if row_id in rows]
        ordered = await open_rounds(session, ours, now=now, policy=self.policy)
        directory = await load_directory(session)
        recipients = await load_recipients(session, ordered)
        letters = []
        for row in ordered:
            try:
                rendered: Reply | str = render(
                    row, recipients, directory, self.texts, self.policy, now
                )
            except Exception as error:
                # One row that cannot be rendered fails alone, not the batch.
                log.exception("outbox row %s could not be rendered", row.id)
                rendered = f"unexpected: {type(error).__name__}: {error}"
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
                    payload=dict(row.payload),
                    broken=isinstance(rendered, str) and rendered.startswith("unexpected: "),
                )
            )
        return letters

    async def _send(
        self, letters: list[Letter], first_slot: datetime | None, hold: Hold, stats: DispatchStats
    ) -> tuple[datetime | None, set[int]]:
        """Deliver the letters several at a time, each in its slot; the instant Telegram
        asked to pause until (None if it did not) and the rows that were not tried."""
        ledger = Ledger(self.marker, group=self.concurrency, lease=self.lease)
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
                    wait = await self._deliver(letter, ledger, hold, stats)
                if wait is not None:
                    pause = max(wait, pause) if pause is not None else wait

        keeper = asyncio.create_task(ledger.keep())
        try:
            for letter in letters:
                if letter.announcement_id is not None:
                    stats.announcements.add(letter.announcement_id)
                if letter.message is None and letter.broken:
                    stats.failed += 1
                    ledger.add(Finished(letter, OutboxStatus.FAILED, letter.reason))
                elif letter.message is None:
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
        return pause, untried

    async def _deliver(
        self, letter: Letter, ledger: Ledger, hold: Hold, stats: DispatchStats
    ) -> datetime | None:
        """Send one message; returns an instant to pause until when Telegram asked to wait."""
        try:
            await hold.renew()
            message_id = await self._attempt(letter, hold)
        except NotSent as error:
            return self._not_sent(letter, error, ledger, hold, stats)
        except Exception as error:
            # A surprise (a bug, an error the sender does not know): this row fails, and
            # the rest of the batch goes on and is recorded.
            log.exception("%s to chat %s failed unexpectedly", letter.kind, letter.chat_id)
            reason = f"unexpected: {type(error).__name__}: {error}"
            stats.failed += 1
            stats.errors.append(reason)
            ledger.add(Finished(letter, OutboxStatus.FAILED, reason))
            return None
        ledger.add(Finished(letter, OutboxStatus.SENT, None, message_id, self.clock()))
        stats.sent += 1
        return None

    async def _attempt(self, letter: Letter, hold: Hold) -> int:
        """Send the letter while its claim holds; to a group's supergroup if it moved."""
        assert letter.message is not None
        message = letter.message

        async def to(chat_id: int) -> int:
            return await self.sender.send(
                chat_id,
                message.text,
                message.buttons,
                message.attachment,
                holds=lambda: hold.holds(letter.row_id),
                skip=letter.parts_sent,
            )

        try:
            return await to(letter.chat_id)
        except ChatMoved as moved:
            try:
                async with self.sessions.begin() as session:
                    await move_group(session, letter.chat_id, moved.new_chat_id)
            except DATABASE_ERRORS as error:
                # Nothing went: tried again later, to the old chat and so moved then.
                raise RetryLater(f"database: {error}") from error
            log.info("group %s moved to %s", letter.chat_id, moved.new_chat_id)
            # Once: a supergroup that moves on again is refused like any other chat.
            return await to(moved.new_chat_id)

    def _not_sent(
        self, letter: Letter, error: NotSent, ledger: Ledger, hold: Hold, stats: DispatchStats
    ) -> datetime | None:
        """Record why a message did not go; an instant to pause until after a 429."""
        if isinstance(error, ClaimLost):
            stats.lost += 1
            if letter.row_id in hold.rows:
                # Its time ran out, but nobody took it yet: give it back at once (the write
                # checks the claim, so a run that took it meanwhile keeps it).
                ledger.add(Retry(letter, self.clock(), str(error), "lease", error.delivered))
            return None
        if isinstance(error, RetryLater):
            stats.retried += 1
            if error.seconds is not None:
                # Telegram's wait holds for the whole batch: returned as the pause.
                until = self.clock() + timedelta(seconds=error.seconds)
                ledger.add(Retry(letter, until, error.reason, "rate_limited", error.delivered))
                return until
            backoff = min(timedelta(seconds=2 ** min(letter.attempts - 1, 12)), MAX_BACKOFF)
            when = self.clock() + backoff
            ledger.add(Retry(letter, when, error.reason, "unavailable", error.delivered))
            return None
        if isinstance(error, RecipientGone):
            stats.blocked += 1
            ledger.add(Gone(letter, str(error)))
            return None
        stats.failed += 1
        stats.errors.append(str(error))
        ledger.add(Finished(letter, OutboxStatus.FAILED, str(error)))
        return None

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
