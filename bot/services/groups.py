"""Group chats: the bot remembers the groups it is in and which workshop each follows."""

from __future__ import annotations

from sqlalchemy import exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from bot.planning.planner import Planner
from bot.services.members import Person, member_of
from bot.services.staff import NotAllowed
from storage.models import GroupChat, Outbox, OutboxStatus, Role


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


async def move_group(session: AsyncSession, old_chat_id: int, new_chat_id: int) -> None:
    """The group became a supergroup, with a chat id of its own: its link to a workshop and
    what is planned for it (sent rows too, so that nothing is planned there twice) move."""
    group = await session.scalar(select(GroupChat).where(GroupChat.chat_id == old_chat_id))
    present = await session.scalar(select(GroupChat).where(GroupChat.chat_id == new_chat_id))
    if group is not None and present is None:
        group.chat_id = new_chat_id
    elif group is not None and present is not None:
        # The bot heard from the supergroup before it learned of the move: one group.
        if present.workshop_id is None:
            present.workshop_id, present.linked_by = group.workshop_id, group.linked_by
        await session.delete(group)
    await session.flush()
    same = aliased(Outbox)
    planned_there = exists().where(
        same.chat_id == new_chat_id,
        same.kind == Outbox.kind,
        same.subject == Outbox.subject,
        same.offset_seconds == Outbox.offset_seconds,
    )
    await session.execute(
        update(Outbox)
        .where(Outbox.chat_id == old_chat_id, ~planned_there)
        .values(chat_id=new_chat_id)
        .execution_options(synchronize_session=False)
    )
    # What was planned in both chats goes once, to the supergroup.
    await session.execute(
        update(Outbox)
        .where(
            Outbox.chat_id == old_chat_id,
            Outbox.status == OutboxStatus.PENDING,
            Outbox.claimed_by.is_(None),
        )
        .values(status=OutboxStatus.SKIPPED, last_error="group moved")
        .execution_options(synchronize_session=False)
    )


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
