"""The one object services plan with: which change happened, planned at the clock's now."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.foundation.clock import Clock
from bot.planning.notices import notify_added, notify_change, plan_after_import
from bot.planning.outbox import ReminderPolicy, plan_member, plan_workshop
from bot.planning.polls import plan_poll
from storage.models import Meeting
from storage.schedule import ImportReport


@dataclass(frozen=True)
class Planner:
    """What a service needs to plan the outbox in the transaction that changes something.

    The services that add, change or cancel meetings, import schedules, change a member's
    workshops or offsets and link groups call it themselves, so that no caller can forget.
    """

    policy: ReminderPolicy
    clock: Clock

    async def member_changed(self, session: AsyncSession, member_id: int | None) -> None:
        """A member joined, left, moved or changed their offsets."""
        if member_id is not None:
            await plan_member(session, member_id, now=self.clock(), policy=self.policy)

    async def workshop_changed(self, session: AsyncSession, workshop_id: int) -> None:
        """A workshop's recipients changed (a group was linked)."""
        await plan_workshop(session, workshop_id, now=self.clock(), policy=self.policy)

    async def meeting_added(self, session: AsyncSession, meeting: Meeting) -> None:
        """A new meeting: its notice and its reminders."""
        await notify_added(session, meeting, now=self.clock(), policy=self.policy)

    async def meeting_changed(
        self, session: AsyncSession, meeting: Meeting, changes: Mapping[str, tuple[Any, Any]]
    ) -> None:
        """A moved or cancelled meeting: its notice, and its reminders planned again."""
        await notify_change(session, meeting, changes, now=self.clock(), policy=self.policy)

    async def schedule_imported(self, session: AsyncSession, report: ImportReport) -> None:
        """Every meeting an import added, changed or cancelled."""
        await plan_after_import(session, report, now=self.clock(), policy=self.policy)

    async def poll_confirmed(
        self,
        session: AsyncSession,
        poll_id: int,
        members: Iterable[tuple[int, int]],
        author: tuple[int, int] | None,
        deadline: datetime,
    ) -> int:
        """A confirmed date poll: to every member asked, their nudge, the author's result."""
        return await plan_poll(
            session,
            poll_id,
            members,
            author,
            deadline=deadline,
            now=self.clock(),
            policy=self.policy,
        )
