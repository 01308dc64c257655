"""Group chats: the bot remembers the groups it is in and which workshop each follows."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.planning.planner import Planner
from bot.services.members import Person, member_of
from bot.services.staff import NotAllowed
from storage.models import GroupChat, Role


async def remember_group(session: AsyncSession, chat_id: int, title: str, language: str) -> None:
    """Note that the bot is in a group (added, or first spoken to there)."""
    group = await session.scalar(select(GroupChat).where(GroupChat.chat_id == chat_id))
    if group is None:
        session.add(GroupChat(chat_id=chat_id, title=title, language=language))
    else:
        group.title = title
        group.active = True
    await session.flush()


async def forget_group(session: AsyncSession, chat_id: int) -> None:
    """The bot was removed from a group: send nothing there any more."""
    group = await session.scalar(select(GroupChat).where(GroupChat.chat_id == chat_id))
    if group is not None:
        group.active = False
        await session.flush()


async def group_workshop(session: AsyncSession, chat_id: int) -> int | None:
    """The workshop a group is linked to, if any."""
    return await session.scalar(
        select(GroupChat.workshop_id).where(GroupChat.chat_id == chat_id, GroupChat.active)
    )


async def link_group(
    session: AsyncSession,
    person: Person,
    *,
    chat_id: int,
    title: str,
    workshop_id: int,
    planner: Planner,
) -> None:
    """Link a group to a workshop, which then gets its reminders; only coordinators and
    administrators may."""
    member = await member_of(session, person)
    if member.role not in {Role.COORDINATOR, Role.ADMIN}:
        raise NotAllowed("linking a group needs the coordinator role")
    group = await session.scalar(select(GroupChat).where(GroupChat.chat_id == chat_id))
    if group is None:
        group = GroupChat(chat_id=chat_id, title=title, language=member.language)
        session.add(group)
    group.workshop_id = workshop_id
    group.linked_by = member.telegram_id
    group.active = True
    await session.flush()
    await planner.workshop_changed(session, workshop_id)
    await planner.workshop_changed(session, workshop_id)
