"""Who may do what, and for which workshop: the one check of every staff tool.

Coordinators and administrators may use every tool for the whole network. A workshop's
representative may use some of them, and only for the workshops they represent: tell its
members, run its meetings, minutes, date polls and surveys, see who is coming. Anything
else (imports, roles, the audit log, the whole network) stays with coordinators. A refusal
is written to the audit log before it is raised, like every other.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.members import Person, member_of
from bot.services.staff import STAFF, NotAllowed, audit
from storage.models import Meeting, Member, Role, WorkshopRepresentative


class Action(enum.StrEnum):
    """What a representative may do for their own workshop (and staff for any)."""

    BROADCAST = "broadcast"
    MEETINGS = "meetings"
    MINUTES = "minutes"
    DATE_POLLS = "datepoll"
    SURVEYS = "survey"
    ATTENDANCE = "attendance"
    FEEDBACK = "feedbackresults"


class Rank(enum.IntEnum):
    """What a person may do, each rank everything of the ones below it."""

    PARTICIPANT = 0
    REPRESENTATIVE = 1
    COORDINATOR = 2
    ADMINISTRATOR = 3


async def represented(session: AsyncSession, member_id: int) -> list[int]:
    """The ids of the workshops the member represents."""
    return list(
        await session.scalars(
            select(WorkshopRepresentative.workshop_id)
            .where(WorkshopRepresentative.member_id == member_id)
            .order_by(WorkshopRepresentative.workshop_id)
        )
    )


async def rank_of(session: AsyncSession, person: Person) -> Rank:
    """The person's rank, for what /help and the command menu show; nothing is logged."""
    if person.administrator:
        return Rank.ADMINISTRATOR
    member = await session.scalar(select(Member).where(Member.telegram_id == person.telegram_id))
    return Rank.PARTICIPANT if member is None else await member_rank(session, member)


async def member_rank(session: AsyncSession, member: Member) -> Rank:
    """A stored member's rank."""
    if member.role == Role.ADMIN:
        return Rank.ADMINISTRATOR
    if member.role == Role.COORDINATOR:
        return Rank.COORDINATOR
    return Rank.REPRESENTATIVE if await represented(session, member.id) else Rank.PARTICIPANT


async def permitted(
    session: AsyncSession,
    person: Person,
    action: Action,
    *,
    workshop_id: int | None,
    name: str | None = None,
    target: str = "",
) -> Member:
    """The acting member if they may do `action` for the workshop (None: the whole network).

    `name` is the action as the audit log names it (`add-meeting`, `broadcast-confirm`),
    `action` by default. Refused: logged, and `NotAllowed` raised with the workshops the
    person represents, so that the refusal can name them.
    """
    member = await member_of(session, person)
    if member.role in STAFF:
        return member
    workshops = await represented(session, member.id)
    if workshop_id is not None and workshop_id in workshops:
        return member
    await audit(
        session,
        member,
        name or action.value,
        target=target,
        allowed=False,
        detail="refused: another workshop" if workshops else "refused: role",
    )
    raise NotAllowed(name or action.value, representative_of=tuple(workshops))


async def permitted_for_meeting(
    session: AsyncSession,
    person: Person,
    action: Action,
    meeting_id: int,
    *,
    name: str | None = None,
) -> Member:
    """`permitted` for the workshop of a meeting (an unknown meeting: the whole network)."""
    workshop_id = await session.scalar(select(Meeting.workshop_id).where(Meeting.id == meeting_id))
    return await permitted(
        session, person, action, workshop_id=workshop_id, name=name, target=f"meeting {meeting_id}"
    )


async def staff_or_representative(
    session: AsyncSession, person: Person, name: str, *, target: str = ""
) -> Member:
    """The acting member if they are staff or represent any workshop.

    For the steps where the workshop is checked later (one's own draft, a usage line).
    """
    member = await member_of(session, person)
    if member.role in STAFF or await represented(session, member.id):
        return member
    await audit(session, member, name, target=target, allowed=False, detail="refused: role")
    raise NotAllowed(name)


async def represented_by(session: AsyncSession, person: Person) -> set[int] | None:
    """The workshops a person may act for: None for staff (all of them); nothing is logged."""
    member = await session.scalar(select(Member).where(Member.telegram_id == person.telegram_id))
    if person.administrator or (member is not None and member.role in STAFF):
        return None
    return set() if member is None else set(await represented(session, member.id))


@dataclass(frozen=True)
class StaffMenu:
    """Whose private chat gets which menu: set at start and when a role changes."""

    chat_id: int
    language: str
    rank: Rank


async def menu_of(session: AsyncSession, member: Member) -> StaffMenu:
    """The menu a member's private chat should have now."""
    return StaffMenu(member.telegram_id, member.language, await member_rank(session, member))


async def staff_menus(session: AsyncSession) -> list[StaffMenu]:
    """The menus of everyone whose rank is above a participant's, for the start."""
    people = await session.scalars(
        select(Member).where(
            Member.active,
            Member.role.in_(STAFF) | Member.id.in_(select(WorkshopRepresentative.member_id)),
        )
    )
    return [await menu_of(session, member) for member in people]


async def permitted_for_all(
    session: AsyncSession,
    person: Person,
    action: Action,
    workshop_ids: Sequence[int],
    *,
    name: str | None = None,
    target: str = "",
) -> Member:
    """`permitted` for every one of the workshops (none named: the whole network)."""
    member = None
    every: list[int | None] = [*workshop_ids] or [None]
    for workshop_id in every:
        member = await permitted(
            session, person, action, workshop_id=workshop_id, name=name, target=target
        )
    assert member is not None
    return member


async def staff_menu_of(session: AsyncSession, person: Person) -> StaffMenu | None:
    """The menu of a person's own chat when their rank is above a participant's."""
    member = await session.scalar(select(Member).where(Member.telegram_id == person.telegram_id))
    if member is None:
        return None
    menu = await menu_of(session, member)
    return menu if menu.rank > Rank.PARTICIPANT else None
