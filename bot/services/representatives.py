"""Workshop representatives: granted and removed by coordinators, listed with the staff.

The seeds' workshops each chose a representative ("Teemaverstaan edustajaksi valittiin …");
the bot lets that person run the workshop's meetings and tell its members. What they may do
is decided in `permissions`; here, who they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.members import Person
from bot.services.staff import STAFF, audit, staff_member
from storage.models import Member, Workshop, WorkshopRepresentative


@dataclass(frozen=True)
class StaffEntry:
    """One line of /staff: a coordinator, an administrator or a representative."""

    name: str
    telegram_id: int
    role: str
    # Ids of the workshops they represent.
    workshops: tuple[int, ...]


async def _member(session: AsyncSession, telegram_id: int) -> Member | None:
    return await session.scalar(select(Member).where(Member.telegram_id == telegram_id))


async def _keys(session: AsyncSession, workshop_ids: Sequence[int]) -> str:
    keys = await session.scalars(
        select(Workshop.key).where(Workshop.id.in_(workshop_ids)).order_by(Workshop.key)
    )
    return ",".join(keys)


async def grant(
    session: AsyncSession,
    person: Person,
    telegram_id: int,
    workshop_ids: Sequence[int],
    *,
    now: datetime,
) -> Member | None:
    """/promote USER_ID workshop=KEY: make a member the workshop's representative.

    Coordinators and administrators may; None when nobody has that Telegram id.
    """
    actor = await staff_member(session, person, "promote-representative", target=str(telegram_id))
    member = await _member(session, telegram_id)
    if member is None:
        return None
    held = set(
        await session.scalars(
            select(WorkshopRepresentative.workshop_id).where(
                WorkshopRepresentative.member_id == member.id
            )
        )
    )
    new = [w for w in dict.fromkeys(workshop_ids) if w not in held]
    session.add_all(
        WorkshopRepresentative(
            member_id=member.id, workshop_id=w, granted_by=actor.telegram_id, granted_at=now
        )
        for w in new
    )
    await session.flush()
    await audit(
        session,
        actor,
        "promote-representative",
        target=f"{member.name} ({telegram_id})",
        detail=f"workshops {await _keys(session, workshop_ids)}",
    )
    return member


async def revoke(
    session: AsyncSession,
    person: Person,
    telegram_id: int,
    workshop_ids: Sequence[int] | None,
) -> Member | None:
    """/demote USER_ID workshop=KEY: no longer the workshop's representative.

    `None` for the workshops removes every one of them. Coordinators and administrators may;
    None when nobody has that Telegram id.
    """
    actor = await staff_member(session, person, "demote-representative", target=str(telegram_id))
    member = await _member(session, telegram_id)
    if member is None:
        return None
    removing = delete(WorkshopRepresentative).where(WorkshopRepresentative.member_id == member.id)
    if workshop_ids is not None:
        removing = removing.where(WorkshopRepresentative.workshop_id.in_(workshop_ids))
    await session.execute(removing)
    await audit(
        session,
        actor,
        "demote-representative",
        target=f"{member.name} ({telegram_id})",
        detail="all workshops"
        if workshop_ids is None
        else f"workshops {await _keys(session, workshop_ids)}",
    )
    return member


async def staff_list(session: AsyncSession, person: Person) -> list[StaffEntry]:
    """/staff: administrators, coordinators and representatives (for staff only)."""
    actor = await staff_member(session, person, "staff")
    await audit(session, actor, "staff")
    links: dict[int, list[int]] = {}
    for member_id, workshop_id in await session.execute(
        select(WorkshopRepresentative.member_id, WorkshopRepresentative.workshop_id).order_by(
            WorkshopRepresentative.workshop_id
        )
    ):
        links.setdefault(member_id, []).append(workshop_id)
    people = await session.scalars(
        select(Member)
        .where(Member.role.in_(STAFF) | Member.id.in_(links))
        .order_by(Member.role, Member.name, Member.id)
    )
    return [
        StaffEntry(
            m.name,
            m.telegram_id,
            m.role.value if m.role in STAFF else "representative",
            tuple(links.get(m.id, ())),
        )
        for m in people
    ]
