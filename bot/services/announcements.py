"""Announcements: a coordinator's message to everyone, a workshop, a municipality or both.

A draft holds the text and the audience while the coordinator looks at the preview;
Confirm turns it into one outbox row per recipient. Sending is the dispatcher's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.planning.outbox import ANNOUNCEMENT, PlannedRow, insert_rows
from bot.services.attachments import Attachment
from bot.services.members import Person
from bot.services.permissions import Action, permitted, staff_or_representative
from bot.services.staff import NotAllowed, audit
from storage.models import (
    Announcement,
    AnnouncementState,
    GroupChat,
    Member,
    Outbox,
    OutboxStatus,
    Subscription,
)


class NotADraft(Exception):
    """The announcement was already confirmed or cancelled (a second press, an old button)."""


class NoDraft(LookupError):
    """A typed /confirm or /cancel, but the coordinator has no draft waiting."""


def _members(announcement: Announcement) -> Select[int, int]:
    query = select(Member.id, Member.telegram_id).where(Member.active)
    if announcement.workshop_id is not None:
        query = query.join(Subscription, Subscription.member_id == Member.id).where(
            Subscription.workshop_id == announcement.workshop_id
        )
    if announcement.municipality_id is not None:
        query = query.where(Member.municipality_id == announcement.municipality_id)
    return query


def _groups(announcement: Announcement) -> Select[int] | None:
    # Groups follow a workshop, not a municipality: an announcement to a municipality
    # is for its people only.
    if announcement.municipality_id is not None:
        return None
    query = select(GroupChat.chat_id).where(GroupChat.active, GroupChat.workshop_id.is_not(None))
    if announcement.workshop_id is not None:
        query = query.where(GroupChat.workshop_id == announcement.workshop_id)
    return query


async def recipient_count(session: AsyncSession, announcement: Announcement) -> int:
    """How many chats the announcement would reach now."""
    count = await session.scalar(
        select(func.count()).select_from(_members(announcement).subquery())
    )
    groups = _groups(announcement)
    if groups is not None:
        count = (count or 0) + (
            await session.scalar(select(func.count()).select_from(groups.subquery())) or 0
        )
    return count or 0


async def draft(
    session: AsyncSession,
    person: Person,
    text: str,
    *,
    workshop_id: int | None,
    municipality_id: int | None,
    attachment: Attachment | None = None,
) -> Announcement:
    """A draft for the preview: staff to anyone, a representative to their workshop only."""
    author = await permitted(session, person, Action.BROADCAST, workshop_id=workshop_id)
    announcement = Announcement(
        author_id=author.id,
        text=text,
        workshop_id=workshop_id,
        municipality_id=municipality_id,
        state=AnnouncementState.DRAFT,
        attachment_kind=attachment.kind if attachment else None,
        attachment_file_id=attachment.file_id if attachment else None,
    )
    session.add(announcement)
    await session.flush()
    return announcement


async def own_draft(
    session: AsyncSession,
    person: Person,
    announcement_id: int | None,
    action: str,
) -> Announcement:
    """The actor's draft (the given one, or their latest); refusals are logged."""
    actor = await staff_or_representative(
        session, person, action, target=f"announcement {announcement_id}"
    )
    query = select(Announcement).where(Announcement.author_id == actor.id)
    if announcement_id is None:
        query = query.where(Announcement.state == AnnouncementState.DRAFT).order_by(
            Announcement.id.desc()
        )
    else:
        query = query.where(Announcement.id == announcement_id)
    announcement = await session.scalar(query.limit(1))
    if announcement is None and announcement_id is None:
        raise NoDraft(action)
    if announcement is None:
        # A button of someone else's announcement: forged, or passed on. Either way, no.
        await audit(
            session,
            actor,
            action,
            target=f"announcement {announcement_id}",
            allowed=False,
            detail="not the author's draft",
        )
        raise NotAllowed(action)
    if announcement.state != AnnouncementState.DRAFT:
        raise NotADraft(action)
    return announcement


async def confirm(
    session: AsyncSession,
    announcement: Announcement,
    actor: Person,
    *,
    now: datetime,
    audience: str,
    status_chat_id: int,
    status_message_id: int | None,
) -> int:
    """Plan one outbox row per recipient; returns how many."""
    # The audience may have changed since the draft: checked again for the one that goes.
    author = await permitted(
        session,
        actor,
        Action.BROADCAST,
        workshop_id=announcement.workshop_id,
        name="broadcast-confirm",
        target=f"announcement {announcement.id}",
    )
    announcement.state = AnnouncementState.CONFIRMED
    announcement.confirmed_at = now
    announcement.status_chat_id = status_chat_id
    announcement.status_message_id = status_message_id
    subject = f"announcement:{announcement.id}"
    rows = [
        PlannedRow(
            (ANNOUNCEMENT, chat_id, subject, 0),
            member_id,
            None,
            now,
            {},
            announcement_id=announcement.id,
        )
        for member_id, chat_id in (await session.execute(_members(announcement))).all()
    ]
    groups = _groups(announcement)
    if groups is not None:
        rows += [
            PlannedRow(
                (ANNOUNCEMENT, chat_id, subject, 0),
                None,
                None,
                now,
                {},
                announcement_id=announcement.id,
            )
            for chat_id in await session.scalars(groups)
        ]
    planned = await insert_rows(session, rows)
    await audit(
        session,
        author,
        "broadcast",
        target=f"announcement {announcement.id}",
        audience=audience,
        detail=f"{planned} recipients",
    )
    return planned


async def cancel(session: AsyncSession, announcement: Announcement, actor: Person) -> None:
    """Drop a draft."""
    author = await staff_or_representative(session, actor, "broadcast-cancel")
    announcement.state = AnnouncementState.CANCELLED
    await audit(session, author, "broadcast-cancel", target=f"announcement {announcement.id}")


async def change_audience(
    session: AsyncSession,
    announcement: Announcement,
    actor: Person,
    *,
    workshop_id: int | None,
    municipality_id: int | None,
) -> None:
    """An audience button: a representative may choose only among their own workshops."""
    await permitted(
        session,
        actor,
        Action.BROADCAST,
        workshop_id=workshop_id,
        name="broadcast-audience",
        target=f"announcement {announcement.id}",
    )
    announcement.workshop_id = workshop_id
    announcement.municipality_id = municipality_id
    await session.flush()


@dataclass(frozen=True)
class Progress:
    """Where an announcement's delivery is."""

    total: int
    sent: int
    failed: int
    blocked: int
    not_started: int

    @property
    def pending(self) -> int:
        """Not yet delivered nor given up."""
        return self.total - self.sent - self.failed - self.blocked - self.not_started

    @property
    def done(self) -> bool:
        """Every recipient has an outcome."""
        return self.pending == 0


async def progress(session: AsyncSession, announcement_id: int) -> Progress:
    """Counts of the announcement's outbox rows by outcome."""
    # Counted in the database: the status line is updated after every batch, and reading
    # every row each time made a large broadcast slower the further it got.
    groups = (
        await session.execute(
            select(Outbox.status, Outbox.last_error, func.count())
            .where(Outbox.announcement_id == announcement_id)
            .group_by(Outbox.status, Outbox.last_error)
        )
    ).all()
    total = sent = failed = blocked = not_started = 0
    for status, error, count in groups:
        total += count
        if status == OutboxStatus.SENT:
            sent += count
        elif status in {OutboxStatus.FAILED, OutboxStatus.SKIPPED}:
            reason = (error or "").lower()
            if "initiate conversation" in reason or "not started" in reason:
                not_started += count
            elif reason.startswith("blocked") or "inactive" in reason:
                blocked += count
            else:
                failed += count
    return Progress(total, sent, failed, blocked, not_started)
