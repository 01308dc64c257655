"""Members: who talks to the bot, in which language, with which role."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.planning.planner import Planner
from storage.models import (
    CHANGED_NAMES,
    SEEN_REVISION,
    Coordinator,
    Member,
    Network,
    Role,
    Subscription,
    SubscriptionSource,
    WorkshopRepresentative,
    revision_column,
)

# Reminders a member may choose before each meeting. Quiet hours fold those that fall at
# night onto one moment, and a chat gets one message a second: a member with dozens would
# flood their own chat and slow the outbox for everyone.
MAX_REMINDERS = 5


@dataclass(frozen=True)
class Person:
    """The person behind an update: who they are on Telegram, once per update.

    `language` is their Telegram app's (a member's own choice is read with `language_of`);
    `administrator` comes from BOT_ADMIN_IDS. Coordinators are read from the database when
    a service greets the member, since an administrator or an invite can make one.
    """

    telegram_id: int
    name: str
    language: str
    administrator: bool = False


async def member_of(session: AsyncSession, person: Person) -> Member:
    """The member behind a person, added at first contact, their role brought up to date;
    a returning member keeps the language they chose."""
    member = await session.scalar(select(Member).where(Member.telegram_id == person.telegram_id))
    if member is None:
        member = Member(telegram_id=person.telegram_id, name=person.name, language=person.language)
        member.role = await _granted_role(session, person.telegram_id)
        session.add(member)
    else:
        member.name = person.name
        member.active = True
    if person.administrator:
        member.role = Role.ADMIN
    elif member.role == Role.ADMIN:
        # Administrators removed from BOT_ADMIN_IDS fall back to coordinator, not further:
        # demoting is an explicit act.
        member.role = Role.COORDINATOR
    await session.flush()
    return member


async def _granted_role(session: AsyncSession, telegram_id: int) -> Role:
    """A newcomer's role: coordinator if an administrator's import named them.

    Only at first contact: after that the role is the member's own, changed by
    administrators (/promote, /demote, an import), never recomputed from the file.
    """
    granted = await session.scalar(
        select(Coordinator.id).where(Coordinator.role_granted_to == telegram_id).limit(1)
    )
    return Role.PARTICIPANT if granted is None else Role.COORDINATOR


async def network_name(session: AsyncSession) -> str | None:
    """The name of the network, or None before any schedule is imported."""
    return await session.scalar(select(Network.name).order_by(Network.id).limit(1))


async def language_of(session: AsyncSession, person: Person) -> str:
    """The language a member chose, or the person's own for someone not yet a member."""
    chosen = await session.scalar(
        select(Member.language).where(Member.telegram_id == person.telegram_id)
    )
    return chosen or person.language


@dataclass(frozen=True)
class Participant:
    """A person as their questions need them: language, municipality, followed workshops,
    and where they ask (a private chat, or a group that may follow one workshop)."""

    telegram_id: int
    language: str
    municipality_id: int | None
    workshop_ids: frozenset[int]
    role: Role
    # None for someone who has never started the bot.
    member_id: int | None = None
    # In a group linked to a workshop, questions are about that workshop.
    group_workshop_id: int | None = None
    in_group: bool = False
    # Represents at least one workshop (read with the member, for the lists' numbers).
    representative: bool = False

    @property
    def registered(self) -> bool:
        """True once they chose a municipality or joined a workshop."""
        return self.municipality_id is not None or bool(self.workshop_ids)

    def scope(self) -> frozenset[int] | None:
        """The workshops the answer is about; None means all."""
        if self.group_workshop_id is not None:
            return frozenset({self.group_workshop_id})
        if self.in_group:
            return None
        # Someone who follows nothing yet hears of every workshop.
        return self.workshop_ids or None

    def nudge(self) -> bool:
        """Whether to suggest choosing a municipality."""
        return not self.in_group and not self.registered


async def participant_of(session: AsyncSession, person: Person) -> Participant:
    """The participant behind a person; someone who never started gets an empty one.

    One statement: the member, a row per followed workshop, whether they represent one, and
    the directory's revision, which `load_directory` then needs not read again in this
    transaction.
    """
    represents = exists().where(WorkshopRepresentative.member_id == Member.id)
    rows = (
        await session.execute(
            select(Member, Subscription.workshop_id, revision_column(), represents)
            .outerjoin(Subscription, Subscription.member_id == Member.id)
            .where(Member.telegram_id == person.telegram_id)
        )
    ).all()
    # An administrator of BOT_ADMIN_IDS is one from their first message on.
    administrator = Role.ADMIN if person.administrator else None
    if not rows:
        return Participant(
            person.telegram_id,
            person.language,
            None,
            frozenset(),
            administrator or Role.PARTICIPANT,
        )
    member, _, revision, representative = rows[0]
    if not session.info.get(CHANGED_NAMES):
        session.info[SEEN_REVISION] = revision
    return Participant(
        telegram_id=member.telegram_id,
        language=member.language,
        municipality_id=member.municipality_id,
        workshop_ids=frozenset(row[1] for row in rows if row[1] is not None),
        role=administrator or member.role,
        member_id=member.id,
        representative=bool(representative),
    )


def _participant(member: Member) -> Participant:
    return Participant(
        telegram_id=member.telegram_id,
        language=member.language,
        municipality_id=member.municipality_id,
        workshop_ids=frozenset(s.workshop_id for s in member.subscriptions),
        role=member.role,
        member_id=member.id,
    )


async def _member(session: AsyncSession, person: Person) -> Member:
    member = await member_of(session, person)
    await session.refresh(member, ["subscriptions"])
    return member


async def choose_municipality(
    session: AsyncSession,
    person: Person,
    municipality_id: int,
    workshop_ids: Collection[int],
    *,
    planner: Planner,
) -> Participant:
    """Set the member's municipality and follow its workshops (`workshop_ids`).

    Workshops followed because of the former municipality are left; ones the member
    joined by hand stay.
    """
    member = await _member(session, person)
    member.municipality_id = municipality_id
    wanted = set(workshop_ids)
    for subscription in list(member.subscriptions):
        if subscription.workshop_id in wanted:
            wanted.discard(subscription.workshop_id)
        elif subscription.source == SubscriptionSource.MUNICIPALITY:
            member.subscriptions.remove(subscription)
    for workshop_id in sorted(wanted):
        member.subscriptions.append(
            Subscription(workshop_id=workshop_id, source=SubscriptionSource.MUNICIPALITY)
        )
    await session.flush()
    await planner.member_changed(session, member.id)
    return _participant(member)


async def join_workshop(
    session: AsyncSession, person: Person, workshop_id: int, *, planner: Planner
) -> bool:
    """Follow a workshop; False if the member already did."""
    member = await _member(session, person)
    if any(s.workshop_id == workshop_id for s in member.subscriptions):
        return False
    member.subscriptions.append(
        Subscription(workshop_id=workshop_id, source=SubscriptionSource.JOINED)
    )
    await session.flush()
    await planner.member_changed(session, member.id)
    return True


async def leave_workshop(
    session: AsyncSession, person: Person, workshop_id: int, *, planner: Planner
) -> bool:
    """Stop following a workshop; False if the member did not follow it."""
    member = await _member(session, person)
    for subscription in member.subscriptions:
        if subscription.workshop_id == workshop_id:
            member.subscriptions.remove(subscription)
            await session.flush()
            await planner.member_changed(session, member.id)
            return True
    return False


async def set_language(session: AsyncSession, person: Person, language: str) -> None:
    """Remember the language the member chose."""
    member = await member_of(session, person)
    member.language = language
    await session.flush()


async def set_reminder_offsets(
    session: AsyncSession,
    person: Person,
    offsets: tuple[timedelta, ...] | None,
    *,
    planner: Planner,
) -> Member:
    """A member's own offsets; None returns to the network's, () turns reminders off."""
    if offsets is not None and len(offsets) > MAX_REMINDERS:
        raise ValueError(f"at most {MAX_REMINDERS} reminders before a meeting")
    member = await member_of(session, person)
    member.reminder_offsets = (
        None if offsets is None else [int(offset.total_seconds()) for offset in offsets]
    )
    await session.flush()
    await planner.member_changed(session, member.id)
    return member
