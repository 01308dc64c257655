"""Planning: the outbox rows a meeting, a change or a member's choice calls for.

Every function makes the pending rows match what should be sent and is safe to call
again: the unique key (kind, chat, subject, offset) turns a repeated plan into a no-op.
A reminder's subject carries the meeting's revision, so a moved meeting gets new rows
and the pending ones of its old time are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NamedTuple, cast
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    and_,
    bindparam,
    case,
    delete,
    literal,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.planning.timing import (
    after_quiet_hours,
    meeting_end,
    meeting_start,
    outside_quiet_hours,
    reminder_due,
)
from config.settings import QuietHours, Settings
from storage.models import (
    GroupChat,
    Meeting,
    MeetingStatus,
    Member,
    Outbox,
    OutboxStatus,
    Subscription,
    Workshop,
)

REMINDER = "reminder"
CHANGE = "change"
CANCELLATION = "cancellation"
ADDED = "added"
ANNOUNCEMENT = "announcement"
MINUTES = "minutes"
SURVEY = "survey"
SURVEY_REMINDER = "survey-reminder"
# One member's question after a meeting; the round is the one row per meeting that, when it
# comes due, becomes those questions (whoever said they would come is known only then).
FEEDBACK = "feedback"
FEEDBACK_ROUND = "feedback-round"


@dataclass(frozen=True)
class ReminderPolicy:
    """What planning needs from the settings."""

    default_offsets: tuple[timedelta, ...]
    quiet: QuietHours | None
    zone: ZoneInfo
    # How long after a meeting ends its feedback question goes out; None: not asked.
    feedback_delay: timedelta | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> ReminderPolicy:
        """The policy of REMINDER_OFFSETS, QUIET_HOURS, BOT_TIMEZONE, FEEDBACK and
        FEEDBACK_DELAY."""
        return cls(
            settings.reminder_offsets,
            settings.quiet_hours,
            settings.bot_timezone,
            settings.feedback_delay if settings.feedback else None,
        )

    def offsets_of(self, member: Member | None) -> tuple[timedelta, ...]:
        """A member's own offsets, or the network's; groups get the network's."""
        return self.offsets_in(member.reminder_offsets if member is not None else None)

    def offsets_in(self, seconds: list[int] | None) -> tuple[timedelta, ...]:
        """Offsets as stored for a member (None: the network's)."""
        if seconds is None:
            return self.default_offsets
        return tuple(timedelta(seconds=s) for s in seconds)


class Recipient(NamedTuple):
    """A private chat of a member, or a group linked to the workshop.

    A tuple rather than a frozen dataclass: a start makes one for every follower of every
    workshop, and a tuple is made several times faster.
    """

    chat_id: int
    member_id: int | None
    offsets: tuple[timedelta, ...]


RowKey = tuple[str, int, str, int]


@dataclass(frozen=True, slots=True)
class PlannedRow:
    """An outbox row as planning wants it."""

    key: RowKey
    member_id: int | None
    meeting_id: int | None
    due_at: datetime
    payload: Mapping[str, Any]
    # Its moment has passed: an existing row stays as it is (it may have come due while
    # the bot was down and is still to be sent), but no new row is made.
    late: bool = False
    announcement_id: int | None = None


def meeting_subject(meeting: Meeting) -> str:
    """The subject of a meeting's rows at its current revision."""
    return f"meeting:{meeting.id}:r{meeting.revision}"


def _member_recipients(workshop_id: int) -> Select[int, int, list[int] | None]:
    return (
        select(Member.id, Member.telegram_id, Member.reminder_offsets)
        .join(Subscription, Subscription.member_id == Member.id)
        .where(Subscription.workshop_id == workshop_id, Member.active)
    )


def _group_recipients(workshop_id: int) -> Select[int]:
    return select(GroupChat.chat_id).where(GroupChat.workshop_id == workshop_id, GroupChat.active)


async def recipients_of(
    session: AsyncSession, workshop_id: int, policy: ReminderPolicy
) -> list[Recipient]:
    """Active members following the workshop, and active groups linked to it."""
    # Columns, not members: a workshop of tens of thousands would otherwise be loaded
    # whole into memory as objects at every start. Read CHUNK rows at a time: the driver's
    # rows of every follower at once, beside their recipients, were the peak of a start's
    # memory (see docs/benchmarks.md).
    recipients: list[Recipient] = []
    members = await session.stream(
        _member_recipients(workshop_id).execution_options(yield_per=CHUNK)
    )
    async for rows in members.partitions():
        recipients += [
            Recipient(telegram_id, member_id, policy.offsets_in(offsets))
            for member_id, telegram_id, offsets in rows
        ]
    groups = await session.scalars(_group_recipients(workshop_id))
    return recipients + [Recipient(chat_id, None, policy.default_offsets) for chat_id in groups]


def _reminders(
    meeting: Meeting, recipients: Iterable[Recipient], policy: ReminderPolicy, now: datetime
) -> list[PlannedRow]:
    if meeting.status != MeetingStatus.SCHEDULED:
        return []
    start = meeting_start(meeting.date, meeting.starts_at, policy.zone)
    if start <= now:
        return []
    subject = meeting_subject(meeting)
    # The same for everyone with the same offset: worked out once per offset.
    moments: dict[timedelta, tuple[datetime, bool]] = {}
    rows = []
    for recipient in recipients:
        for offset in recipient.offsets:
            if offset not in moments:
                due = reminder_due(start, offset, policy.zone)
                # A moment already passed is not planned anew (a member joining late sees
                # the meeting in /next; a burst of stale reminders would only annoy).
                late = due <= now
                # Quiet hours may move it before now (planned at 20.59:30): then send it now.
                moments[offset] = (
                    max(outside_quiet_hours(due, policy.quiet, policy.zone), now),
                    late,
                )
            due, late = moments[offset]
            seconds = int(offset.total_seconds())
            rows.append(
                PlannedRow(
                    (REMINDER, recipient.chat_id, subject, seconds),
                    recipient.member_id,
                    meeting.id,
                    due,
                    {},
                    late=late,
                )
            )
    return rows


async def _sync(
    session: AsyncSession, wanted: list[PlannedRow], pending: ColumnElement[bool]
) -> int:
    """Make the pending reminders selected by `pending` exactly `wanted`; returns rows added."""
    wanted_by_key = {row.key: row for row in wanted}
    unwanted: list[int] = []
    moved: list[dict[str, Any]] = []
    existing = await session.execute(
        select(
            Outbox.id,
            Outbox.kind,
            Outbox.chat_id,
            Outbox.subject,
            Outbox.offset_seconds,
            Outbox.due_at,
        ).where(Outbox.kind == REMINDER, Outbox.status == OutboxStatus.PENDING, pending)
    )
    for row_id, kind, chat_id, subject, offset_seconds, due_at in existing:
        planned = wanted_by_key.pop((kind, chat_id, subject, offset_seconds), None)
        if planned is None:
            unwanted.append(row_id)
        elif not planned.late and due_at != planned.due_at:
            moved.append({"row": row_id, "due": planned.due_at})
    for start in range(0, len(unwanted), CHUNK):
        await session.execute(
            delete(Outbox)
            .where(Outbox.id.in_(unwanted[start : start + CHUNK]))
            .execution_options(synchronize_session=False)
        )
    if moved:
        await session.execute(_MOVE, moved)
    return await insert_rows(session, (row for row in wanted_by_key.values() if not row.late))


# Ids per statement, and recipients per comparison: the memory of a start stays small
# however large a workshop is, and IN (…) lists stay far below the databases' limits.
CHUNK = 5_000

_outbox = cast(Table, Outbox.__table__)
_MOVE = update(_outbox).where(_outbox.c.id == bindparam("row")).values(due_at=bindparam("due"))


async def insert_rows(session: AsyncSession, rows: Iterable[PlannedRow]) -> int:
    """Add rows; one whose key exists already (sent, skipped or pending) is left alone."""
    values = [
        {
            "kind": row.key[0],
            "chat_id": row.key[1],
            "subject": row.key[2],
            "offset_seconds": row.key[3],
            "member_id": row.member_id,
            "meeting_id": row.meeting_id,
            "announcement_id": row.announcement_id,
            "due_at": row.due_at,
            "payload": dict(row.payload),
            "status": OutboxStatus.PENDING,
            "attempts": 0,
            "created_at": row.due_at,
        }
        for row in rows
    ]
    if not values:
        return 0
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    # A row already sent or skipped keeps its key: planning it again must not resend it.
    statement = insert(Outbox).on_conflict_do_nothing(
        index_elements=["kind", "chat_id", "subject", "offset_seconds"]
    )
    result = await session.execute(statement.returning(Outbox.id), values)
    return len(result.all())


async def plan_meeting(
    session: AsyncSession,
    meeting: Meeting,
    *,
    now: datetime,
    policy: ReminderPolicy,
    recipients: list[Recipient] | None = None,
) -> int:
    """Every recipient's reminders of one meeting, at its current time and revision
    (`recipients`: the workshop's, when the caller has read them already)."""
    if recipients is None:
        recipients = await recipients_of(session, meeting.workshop_id, policy)
    ordered = sorted(recipients, key=lambda r: r.chat_id)
    subject, moments = meeting_subject(meeting), _moments(meeting, ordered, policy, now)
    added, after = 0, None
    # Chunks of recipients by chat: together their ranges cover every chat, so the pending
    # reminders of chats no longer recipients (left, blocked, unlinked) are found too.
    for start in range(0, max(len(ordered), 1), CHUNK):
        chunk = ordered[start : start + CHUNK]
        last = chunk[-1].chat_id if start + CHUNK < len(ordered) else None
        chats = [Outbox.meeting_id == meeting.id]
        chats += [] if after is None else [Outbox.chat_id > after]
        chats += [] if last is None else [Outbox.chat_id <= last]
        added += await _sync_chats(session, meeting, subject, chunk, moments, and_(*chats))
        after = last
    return added + await plan_feedback(session, meeting, now=now, policy=policy)


def feedback_moment(meeting: Meeting, policy: ReminderPolicy) -> datetime | None:
    """When the meeting's feedback is asked: FEEDBACK_DELAY after it ends, moved later to
    the end of quiet hours; None when it is not asked (off, or the meeting cancelled)."""
    if policy.feedback_delay is None or meeting.status != MeetingStatus.SCHEDULED:
        return None
    end = meeting_end(meeting.date, meeting.starts_at, meeting.ends_at, policy.zone)
    return after_quiet_hours(end + policy.feedback_delay, policy.quiet, policy.zone)


async def plan_feedback(
    session: AsyncSession, meeting: Meeting, *, now: datetime, policy: ReminderPolicy
) -> int:
    """The meeting's feedback round (one row, chat 0) at its current time and revision.

    A moved meeting's pending round goes and a new one comes; a cancelled meeting's goes.
    A moment already passed is not planned anew (an old meeting imported today is not
    asked about), but a pending round that came due while the bot was down stays.
    """
    subject = meeting_subject(meeting)
    pending = and_(
        Outbox.kind == FEEDBACK_ROUND,
        Outbox.status == OutboxStatus.PENDING,
        Outbox.meeting_id == meeting.id,
    )
    await session.execute(
        delete(Outbox)
        .where(pending, Outbox.subject != subject)
        .execution_options(synchronize_session=False)
    )
    due = feedback_moment(meeting, policy)
    if due is None:
        await session.execute(
            delete(Outbox).where(pending).execution_options(synchronize_session=False)
        )
        return 0
    if due <= now:
        return 0
    # FEEDBACK_DELAY or QUIET_HOURS changed since it was planned.
    await session.execute(
        update(Outbox)
        .where(pending, Outbox.subject == subject)
        .values(due_at=due)
        .execution_options(synchronize_session=False)
    )
    row = PlannedRow((FEEDBACK_ROUND, 0, subject, 0), None, meeting.id, due, {})
    return await insert_rows(session, [row])


def _moments(
    meeting: Meeting, recipients: Iterable[Recipient], policy: ReminderPolicy, now: datetime
) -> dict[int, tuple[datetime, bool]]:
    """Each offset's moment (by its seconds) and whether it has passed: the same for every
    recipient, so worked out once a meeting, not once a member."""
    offsets = {offset for recipient in recipients for offset in recipient.offsets}
    planned = _reminders(meeting, [Recipient(0, None, tuple(offsets))], policy, now)
    return {row.key[3]: (row.due_at, row.late) for row in planned}


async def _sync_chats(
    session: AsyncSession,
    meeting: Meeting,
    subject: str,
    recipients: list[Recipient],
    moments: dict[int, tuple[datetime, bool]],
    chats: ColumnElement[bool],
) -> int:
    """`_sync` for the reminders of one meeting in a range of chats, without an object a
    reminder: at a start with 100,000 members nearly every one is already right."""
    # A cancelled or past meeting has no moments: its pending reminders all go.
    wanted = {
        (r.chat_id, int(o.total_seconds())): r.member_id
        for r in (recipients if moments else [])
        for o in r.offsets
    }
    pending = (Outbox.kind == REMINDER, Outbox.status == OutboxStatus.PENDING, chats)
    existing = await session.execute(
        select(Outbox.id, Outbox.chat_id, Outbox.subject, Outbox.offset_seconds).where(*pending)
    )
    unwanted, kept = [], set()
    for row_id, chat_id, row_subject, seconds in existing:
        if row_subject == subject and (chat_id, seconds) in wanted:
            kept.add((chat_id, seconds))
        else:
            unwanted.append(row_id)
    for start in range(0, len(unwanted), CHUNK):
        await session.execute(
            delete(Outbox)
            .where(Outbox.id.in_(unwanted[start : start + CHUNK]))
            .execution_options(synchronize_session=False)
        )
    timely = {s: literal(due, Outbox.due_at.type) for s, (due, late) in moments.items() if not late}
    if timely and kept:
        # Moved moments (other quiet hours, another time zone) in one statement.
        due = case(timely, value=Outbox.offset_seconds)
        await session.execute(
            update(Outbox)
            .where(*pending, Outbox.subject == subject, Outbox.offset_seconds.in_(timely))
            .where(Outbox.due_at != due)
            .values(due_at=due)
            .execution_options(synchronize_session=False)
        )
    rows = [
        PlannedRow(
            (REMINDER, chat, subject, seconds), member_id, meeting.id, moments[seconds][0], {}
        )
        for (chat, seconds), member_id in wanted.items()
        if (chat, seconds) not in kept and not moments[seconds][1]
    ]
    return await insert_rows(session, rows)


async def plan_member(
    session: AsyncSession, member_id: int, *, now: datetime, policy: ReminderPolicy
) -> int:
    """One member's reminders, after they joined, left, moved or changed their offsets."""
    member = await session.get(
        Member, member_id, options=[selectinload(Member.subscriptions)], populate_existing=True
    )
    if member is None:
        return 0
    wanted: list[PlannedRow] = []
    if member.active:
        recipient = Recipient(member.telegram_id, member.id, policy.offsets_of(member))
        workshop_ids = [s.workshop_id for s in member.subscriptions]
        for meeting in await _upcoming_meetings(session, workshop_ids, now, policy.zone):
            wanted += _reminders(meeting, [recipient], policy, now)
    return await _sync(session, wanted, Outbox.member_id == member.id)


async def _upcoming_meetings(
    session: AsyncSession, workshop_ids: Iterable[int], now: datetime, zone: ZoneInfo
) -> list[Meeting]:
    today = now.astimezone(zone).date()
    ids = list(workshop_ids)
    if not ids:
        return []
    meetings = await session.scalars(
        select(Meeting).where(
            Meeting.workshop_id.in_(ids),
            Meeting.status == MeetingStatus.SCHEDULED,
            Meeting.date >= today - timedelta(days=1),
        )
    )
    return list(meetings)


async def plan_workshop(
    session: AsyncSession, workshop_id: int, *, now: datetime, policy: ReminderPolicy
) -> int:
    """Every upcoming meeting of one workshop (a group was linked to it)."""
    added = 0
    for meeting in await _upcoming_meetings(session, [workshop_id], now, policy.zone):
        added += await plan_meeting(session, meeting, now=now, policy=policy)
    return added


async def plan_everything(session: AsyncSession, *, now: datetime, policy: ReminderPolicy) -> int:
    """Reconcile every upcoming meeting: at start, and after REMINDER_OFFSETS changed."""
    added = 0
    recipients: list[Recipient] = []
    for workshop_id in (await session.scalars(select(Workshop.id))).all():
        meetings = await _upcoming_meetings(session, [workshop_id], now, policy.zone)
        # A workshop's followers are read once for all of its meetings; the previous
        # workshop's are let go first, not kept beside them while they are read.
        recipients.clear()
        recipients = await recipients_of(session, workshop_id, policy) if meetings else []
        for meeting in meetings:
            added += await plan_meeting(
                session, meeting, now=now, policy=policy, recipients=recipients
            )
    return added


async def drop_pending_of_member(session: AsyncSession, member_id: int) -> None:
    """A member blocked the bot: nothing pending is sent to them."""
    await session.execute(
        update(Outbox)
        .where(Outbox.member_id == member_id, Outbox.status == OutboxStatus.PENDING)
        .values(status=OutboxStatus.SKIPPED, last_error="recipient inactive")
    )
