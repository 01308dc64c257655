"""A run's hold on the rows it claimed: renewed while they are in flight, and the fence
every send passes, so that a row goes only while its claim is still this run's.

A batch can outlive its lease (one message a second per chat, 20 a minute per group, a
long 429 pause, a database that is away): another instance then claims the rows again,
and without the fence both would send them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.delivery import claims
from bot.delivery.outcomes import DATABASE_ERRORS
from bot.foundation.clock import Clock

log = logging.getLogger(__name__)


class Hold:
    """The rows of one batch still claimed by this run, and until when for certain."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        instance: str,
        clock: Clock,
        lease: timedelta,
        rows: Iterable[int],
        until: datetime,
    ) -> None:
        self.sessions = sessions
        self.instance = instance
        self.clock = clock
        self.lease = lease
        self.rows = set(rows)
        self.until = until
        # A send cleared by the fence reaches Telegram within this; past it, the row may
        # already be another instance's (and clocks of two hosts may differ a little).
        self.margin = lease / 10
        self.renewing = asyncio.Lock()

    def holds(self, row_id: int) -> bool:
        """Whether the row is certainly still ours for as long as one send takes."""
        return row_id in self.rows and self.clock() + self.margin < self.until

    async def renew(self) -> None:
        """Renew the claim on the batch once half the lease has gone by: one statement for
        all its rows. If the database is away, the claim simply runs out and the fence
        stops the sends."""
        async with self.renewing:
            now = self.clock()
            if self.until - now > self.lease / 2:
                return
            try:
                async with self.sessions.begin() as session:
                    kept = await claims.renew(
                        session,
                        instance=self.instance,
                        row_ids=self.rows,
                        now=now,
                        lease=self.lease,
                    )
            except DATABASE_ERRORS as error:
                log.warning("claim on %s rows not renewed: %s", len(self.rows), error)
                return
            # Rows whose outcome is written are no longer claimed; the others are ours.
            self.rows = kept
            self.until = now + self.lease
