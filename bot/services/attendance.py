"""Attendance: the RSVPs of one meeting by municipality, with those who have not answered."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Meeting, Member, Municipality, Rsvp, RsvpAnswer, Subscription, Workshop


@dataclass(frozen=True)
class Attendee:
    """One member concerned by a meeting and their answer (None: not answered)."""

    municipality: str
    name: str
    answer: RsvpAnswer | None


async def attendance(session: AsyncSession, meeting: Meeting) -> list[Attendee]:
    """Members following the meeting's workshop, and anyone else who answered."""
    answered = select(Rsvp.member_id).where(Rsvp.meeting_id == meeting.id)
    following = select(Subscription.member_id).where(
        Subscription.workshop_id == meeting.workshop_id
    )
    rows = await session.execute(
        select(Member.name, Municipality.name, Rsvp.answer)
        .outerjoin(Municipality, Municipality.id == Member.municipality_id)
        .outerjoin(Rsvp, (Rsvp.member_id == Member.id) & (Rsvp.meeting_id == meeting.id))
        .where(or_(Member.id.in_(answered), Member.id.in_(following)))
        .order_by(Municipality.name, Member.name)
    )
    return [Attendee(municipality or "", name, answer) for name, municipality, answer in rows]


# A cell starting with one of these is a formula to Excel and LibreOffice (a name such as
# `=HYPERLINK(...)` would become a live link); OWASP's advice is a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value: str) -> str:
    """The value as a cell a spreadsheet shows as text, never evaluates."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def attendance_csv(attendees: list[Attendee], answer_names: dict[RsvpAnswer | None, str]) -> bytes:
    """The list as CSV for a spreadsheet: municipality, name, answer (UTF-8 with BOM)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["municipality", "name", "answer"])
    for attendee in attendees:
        cells = (attendee.municipality, attendee.name, answer_names[attendee.answer])
        writer.writerow([spreadsheet_text(cell) for cell in cells])
    # The BOM makes spreadsheet programs read the ä and ö right.
    return buffer.getvalue().encode("utf-8-sig")


@dataclass(frozen=True)
class MemberCounts:
    """Active members per municipality and per workshop."""

    by_municipality: list[tuple[str, int]]
    by_workshop: list[tuple[str, int]]
    total: int


async def member_counts(session: AsyncSession) -> MemberCounts:
    """Count active members."""
    by_municipality = await session.execute(
        select(func.coalesce(Municipality.name, ""), func.count(Member.id))
        .select_from(Member)
        .outerjoin(Municipality, Municipality.id == Member.municipality_id)
        .where(Member.active)
        .group_by(Municipality.name)
        .order_by(Municipality.name)
    )
    by_workshop = await session.execute(
        select(Workshop.name, func.count(Member.id))
        .select_from(Workshop)
        .outerjoin(Subscription, Subscription.workshop_id == Workshop.id)
        .outerjoin(Member, (Member.id == Subscription.member_id) & Member.active)
        .group_by(Workshop.name, Workshop.position)
        .order_by(Workshop.position)
    )
    total = await session.scalar(select(func.count(Member.id)).where(Member.active)) or 0
    return MemberCounts(
        [(name, count) for name, count in by_municipality],
        [(name, count) for name, count in by_workshop],
        total,
    )


async def member_list(session: AsyncSession) -> list[tuple[str, str, bool]]:
    """Every member: name, municipality, active."""
    rows = await session.execute(
        select(Member.name, func.coalesce(Municipality.name, ""), Member.active)
        .outerjoin(Municipality, Municipality.id == Member.municipality_id)
        .order_by(Municipality.name, Member.name)
    )
    return [(name, municipality, active) for name, municipality, active in rows]
