"""Questions about meetings: the next one, the upcoming ones, the last one."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any, TypeAlias, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import BindParameter, ColumnElement, Select, and_, bindparam, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlalchemy.orm.util import AliasedClass

from bot.language.periods import Period
from bot.services.directory import Directory, WorkshopInfo
from storage.models import Meeting, MeetingStatus, Workshop

PAGE_SIZE = 5

# The meeting table, or an alias of it in a subquery.
MeetingTable: TypeAlias = type[Meeting] | AliasedClass[Meeting]
QueryOfMeetings = TypeVar("QueryOfMeetings", bound=Select[Any])


@dataclass(frozen=True)
class MeetingView:
    """A meeting with its workshop, ready to be rendered."""

    id: int
    key: str
    workshop: WorkshopInfo
    date: date
    starts_at: datetime | None
    ends_at: datetime | None
    title: str | None
    place: str | None
    venue: str | None
    address: str | None
    agenda: tuple[str, ...]
    cancelled: bool


@dataclass(frozen=True)
class MeetingFilter:
    """Which meetings a question is about; None means "any"."""

    workshop_ids: frozenset[int] | None = None
    place: str | None = None
    period: Period | None = None


@dataclass(frozen=True)
class MeetingPage:
    """One page of a list of meetings."""

    meetings: tuple[MeetingView, ...]
    page: int
    total: int
    size: int = PAGE_SIZE  # meetings a page

    @property
    def pages(self) -> int:
        """How many pages there are in all."""
        return max(1, -(-self.total // self.size))

    @property
    def first_number(self) -> int:
        """The position of the page's first meeting in the whole list, from 1."""
        return (self.page - 1) * self.size + 1


def _upcoming(
    now: datetime, zone: ZoneInfo, meeting: MeetingTable = Meeting
) -> ColumnElement[bool]:
    # A meeting is upcoming until it starts; one whose time is not decided, until its day ends.
    today = now.astimezone(zone).date()
    return and_(
        # Implied by the rest (a day before, for a schedule in another zone), and lets the
        # database seek the index by date instead of reading every meeting.
        meeting.date >= today - timedelta(days=1),
        or_(
            meeting.starts_at > now,
            and_(meeting.starts_at.is_(None), meeting.date >= today),
        ),
    )


def _past(now: datetime, zone: ZoneInfo) -> ColumnElement[bool]:
    # Not simply ~_upcoming: NOT (NULL > now OR …) is NULL in SQL, which would drop every
    # meeting whose time was never decided.
    today = now.astimezone(zone).date()
    return or_(
        Meeting.starts_at <= now,
        and_(Meeting.starts_at.is_(None), Meeting.date < today),
    )


def _filtered(
    query: QueryOfMeetings, wanted: MeetingFilter, meeting: MeetingTable = Meeting
) -> QueryOfMeetings:
    if wanted.workshop_ids is not None:
        query = query.where(meeting.workshop_id.in_(wanted.workshop_ids))
    if wanted.place is not None:
        query = query.where(meeting.place == wanted.place)
    if wanted.period is not None:
        query = query.where(meeting.date.between(wanted.period.first, wanted.period.last))
    return query


def _chronological(meeting: MeetingTable) -> tuple[Any, ...]:
    return (meeting.date, meeting.starts_at.asc().nulls_last(), meeting.id)


_CHRONOLOGICAL = _chronological(Meeting)


async def next_meetings(
    session: AsyncSession,
    directory: Directory,
    wanted: MeetingFilter,
    *,
    now: datetime,
    zone: ZoneInfo,
) -> list[MeetingView]:
    """The next scheduled meeting of each workshop, nearest first."""
    today = now.astimezone(zone).date()
    values: dict[str, Any] = {"now": now, "today": today, "yesterday": today - timedelta(days=1)}
    if wanted.workshop_ids is not None:
        values["workshop_ids"] = sorted(wanted.workshop_ids)
    if wanted.place is not None:
        values["place"] = wanted.place
    if wanted.period is not None:
        values["first"], values["last"] = wanted.period.first, wanted.period.last
    query = _next_query(
        wanted.workshop_ids is not None, wanted.place is not None, wanted.period is not None
    )
    return [meeting_view(m, directory) for m in await session.scalars(query, values)]


@cache
def _next_query(by_workshop: bool, by_place: bool, by_period: bool) -> Select[Meeting]:
    """The statement of `next_meetings` for one shape of question, built once: the most
    asked question would otherwise spend more time building its statement than the
    database spends answering it. The values come as parameters."""
    # For each workshop its first upcoming meeting, found with the index by workshop and
    # date; ranking every upcoming meeting instead took tens of milliseconds with years
    # of meetings ahead.
    candidate = aliased(Meeting)
    workshop_ids: BindParameter[list[int]] = bindparam("workshop_ids", expanding=True)
    today = bindparam("today", type_=Meeting.date.type)
    first = select(candidate.id).where(
        candidate.workshop_id == Workshop.id,
        candidate.status == MeetingStatus.SCHEDULED,
        # As `_upcoming`, with the moments as parameters.
        candidate.date >= bindparam("yesterday", type_=Meeting.date.type),
        or_(
            candidate.starts_at > bindparam("now", type_=Meeting.starts_at.type),
            and_(candidate.starts_at.is_(None), candidate.date >= today),
        ),
    )
    if by_workshop:
        first = first.where(candidate.workshop_id.in_(workshop_ids))
    if by_place:
        first = first.where(candidate.place == bindparam("place", type_=Meeting.place.type))
    if by_period:
        first = first.where(
            candidate.date.between(
                bindparam("first", type_=Meeting.date.type),
                bindparam("last", type_=Meeting.date.type),
            )
        )
    chosen = (
        first.order_by(*_chronological(candidate)).limit(1).correlate(Workshop).scalar_subquery()
    )
    firsts = select(chosen).select_from(Workshop)
    if by_workshop:
        firsts = firsts.where(Workshop.id.in_(workshop_ids))
    return select(Meeting).where(Meeting.id.in_(firsts)).order_by(*_CHRONOLOGICAL)


async def meeting_page(
    session: AsyncSession,
    directory: Directory,
    wanted: MeetingFilter,
    *,
    page: int,
    now: datetime,
    zone: ZoneInfo,
    size: int = PAGE_SIZE,
) -> MeetingPage:
    """A page of meetings: upcoming ones, or every one of the asked period (past included)."""
    query = _filtered(select(Meeting), wanted)
    if wanted.period is None:
        query = query.where(_upcoming(now, zone))
    total = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    meetings = await session.scalars(
        query.order_by(*_CHRONOLOGICAL).offset((page - 1) * size).limit(size)
    )
    return MeetingPage(tuple(meeting_view(m, directory) for m in meetings), page, total, size)


async def last_meeting(
    session: AsyncSession,
    directory: Directory,
    wanted: MeetingFilter,
    *,
    now: datetime,
    zone: ZoneInfo,
) -> MeetingView | None:
    """The most recent scheduled meeting that is no longer upcoming."""
    query = (
        _filtered(select(Meeting), wanted)
        .where(Meeting.status == MeetingStatus.SCHEDULED, _past(now, zone))
        .order_by(Meeting.date.desc(), Meeting.starts_at.desc().nulls_last(), Meeting.id.desc())
        .limit(1)
    )
    meeting = await session.scalar(query)
    return None if meeting is None else meeting_view(meeting, directory)


def meeting_view(meeting: Meeting, directory: Directory) -> MeetingView:
    """A meeting as the renderers need it, with its workshop from the directory."""
    workshop = directory.workshop_by_id(meeting.workshop_id)
    if workshop is None:
        raise LookupError(f"meeting {meeting.id} has no workshop in the directory")
    return MeetingView(
        id=meeting.id,
        key=meeting.key,
        workshop=workshop,
        date=meeting.date,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        title=meeting.title,
        place=meeting.place,
        venue=meeting.venue,
        address=meeting.address,
        agenda=tuple(meeting.agenda),
        cancelled=meeting.status == MeetingStatus.CANCELLED,
    )


def followed(workshop_ids: Collection[int]) -> frozenset[int] | None:
    """The filter for a member's workshops; None (all workshops) when they follow none."""
    return frozenset(workshop_ids) or None
