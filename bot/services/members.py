"""Members: who talks to the bot, in which language, with which role."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Coordinator, Member, Network, Role


@dataclass(frozen=True)
class Visitor:
    """The Telegram user behind an update, as the services need to know them."""

    telegram_id: int
    name: str
    language: str


async def greet_member(
    session: AsyncSession, visitor: Visitor, *, admin_ids: tuple[int, ...]
) -> Member:
    """Find or create the member; a returning member keeps the language they chose."""
    member = await session.scalar(select(Member).where(Member.telegram_id == visitor.telegram_id))
    if member is None:
        member = Member(
            telegram_id=visitor.telegram_id, name=visitor.name, language=visitor.language
        )
        session.add(member)
    else:
        member.name = visitor.name
        member.active = True
    member.role = await _role_of(session, member, admin_ids)
    await session.flush()
    return member


async def _role_of(session: AsyncSession, member: Member, admin_ids: tuple[int, ...]) -> Role:
    if member.telegram_id in admin_ids:
        return Role.ADMIN
    if member.role != Role.PARTICIPANT:
        # Administrators removed from BOT_ADMIN_IDS fall back to coordinator, not further:
        # demoting is an explicit act.
        return Role.COORDINATOR
    listed = await session.scalar(
        select(Coordinator.id).where(Coordinator.telegram_id == member.telegram_id).limit(1)
    )
    return Role.COORDINATOR if listed is not None else Role.PARTICIPANT


async def network_name(session: AsyncSession) -> str | None:
    """The name of the network, or None before any schedule is imported."""
    return await session.scalar(select(Network.name).order_by(Network.id).limit(1))


async def language_of(session: AsyncSession, visitor: Visitor) -> str:
    """The language a member chose, or the visitor's own for someone not yet a member."""
    chosen = await session.scalar(
        select(Member.language).where(Member.telegram_id == visitor.telegram_id)
    )
    return chosen or visitor.language
