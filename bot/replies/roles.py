"""/promote, /demote and /staff: coordinators, administrators and workshop representatives.

`/promote USER_ID` makes a coordinator (administrators only); `/promote USER_ID
workshop=KEY[,KEY]` makes a workshop's representative (coordinators too). `/demote USER_ID
workshop=KEY` removes one representation; `/demote USER_ID` removes the coordinator role, or
for a representative every representation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.foundation.typed import number
from bot.replies.context import ReplyContext
from bot.replies.meeting_texts import unknown_workshop
from bot.replies.refusals import refusal
from bot.replies.reply import Reply
from bot.services.directory import Directory, load_directory
from bot.services.members import Person, language_of
from bot.services.permissions import StaffMenu, menu_of
from bot.services.representatives import grant, revoke, staff_list
from bot.services.staff import NotAllowed, set_role, staff_member
from storage.models import Member, Role

_WORKSHOPS = re.compile(r"^(?:workshop|verstas|verkstad)=(\S+)$", re.I)


@dataclass(frozen=True)
class RoleChanged:
    """The reply, and the menu the changed person's chat should get now (if any)."""

    reply: Reply
    menu: StaffMenu | None = None


def _read(arguments: str, directory: Directory) -> tuple[int | None, list[int] | None, str]:
    """The Telegram id, the workshops' ids (None: none named) and what was not understood:
    `?` for a word that is not `workshop=…` (usage), else a workshop name not found."""
    words = arguments.split()
    user_id = number(words[0]) if words else None
    workshops: list[int] | None = None
    for word in words[1:]:
        match = _WORKSHOPS.match(word)
        if match is None:
            # `/promote 123 ehkaiseva` is not a coordinator by mistake: the usage instead.
            return user_id, workshops, "?"
        workshops = workshops or []
        for value in filter(None, match.group(1).split(",")):
            workshop = directory.workshop(value)
            if workshop is None:
                return user_id, workshops, value
            workshops.append(workshop.id)
    return user_id, workshops, ""


def _titles(directory: Directory, ids: list[int], language: str) -> str:
    return escape(
        ", ".join(w.title(language) for i in ids if (w := directory.workshop_by_id(i)) is not None)
    )


async def _changed(session: AsyncSession, reply: str, member: Member) -> RoleChanged:
    return RoleChanged(Reply(reply), await menu_of(session, member))


async def promote_reply(
    session: AsyncSession, context: ReplyContext, person: Person, arguments: str
) -> RoleChanged:
    """/promote USER_ID [workshop=KEY[,KEY]]."""
    texts, directory = context.texts, await load_directory(session)
    language = await language_of(session, person)
    user_id, workshops, wrong = _read(arguments, directory)
    try:
        if user_id is None or wrong == "?" or (workshops == [] and not wrong):
            await staff_member(session, person, "promote")
            return RoleChanged(Reply(texts(language, "role-usage")))
        if wrong:
            await staff_member(session, person, "promote")
            return RoleChanged(unknown_workshop(texts, language, wrong, directory))
        if workshops is None:
            member = await set_role(session, person, user_id, Role.COORDINATOR)
        else:
            member = await grant(session, person, user_id, workshops, now=context.clock())
    except NotAllowed as refused:
        return RoleChanged(await refusal(session, context, person, refused=refused))
    if member is None:
        return RoleChanged(Reply(texts(language, "role-unknown-user", id=str(user_id))))
    if workshops is None:
        role = texts(language, f"role-{member.role.value}")
        return await _changed(
            session, texts(language, "role-set", name=escape(member.name), role=role), member
        )
    names = _titles(directory, workshops, language)
    text = texts(language, "representative-granted", name=escape(member.name), workshops=names)
    return await _changed(session, text, member)


async def demote_reply(
    session: AsyncSession, context: ReplyContext, person: Person, arguments: str
) -> RoleChanged:
    """/demote USER_ID [workshop=KEY[,KEY]]."""
    texts, directory = context.texts, await load_directory(session)
    language = await language_of(session, person)
    user_id, workshops, wrong = _read(arguments, directory)
    try:
        if user_id is None or wrong == "?" or (workshops == [] and not wrong):
            await staff_member(session, person, "demote")
            return RoleChanged(Reply(texts(language, "role-usage")))
        if wrong:
            await staff_member(session, person, "demote")
            return RoleChanged(unknown_workshop(texts, language, wrong, directory))
        target = await session.scalar(select(Member).where(Member.telegram_id == user_id))
        every_workshop = (
            workshops is None and target is not None and target.role == Role.PARTICIPANT
        )
        if workshops is None and not every_workshop:
            # A coordinator loses the role (administrators decide that).
            member = await set_role(session, person, user_id, Role.PARTICIPANT)
        else:
            member = await revoke(session, person, user_id, workshops)
    except NotAllowed as refused:
        return RoleChanged(await refusal(session, context, person, refused=refused))
    if member is None:
        return RoleChanged(Reply(texts(language, "role-unknown-user", id=str(user_id))))
    if workshops is not None:
        names = _titles(directory, workshops, language)
        text = texts(language, "representative-removed", name=escape(member.name), workshops=names)
    elif every_workshop:
        text = texts(language, "representative-removed-all", name=escape(member.name))
    else:
        role = texts(language, f"role-{member.role.value}")
        text = texts(language, "role-set", name=escape(member.name), role=role)
    return await _changed(session, text, member)


async def staff_reply(session: AsyncSession, context: ReplyContext, person: Person) -> Reply:
    """/staff: who the administrators, coordinators and representatives are."""
    texts, directory = context.texts, await load_directory(session)
    language = await language_of(session, person)
    try:
        people = await staff_list(session, person)
    except NotAllowed as refused:
        return await refusal(session, context, person, refused=refused)
    lines = [texts(language, "staff-title")]
    for entry in people:
        role = texts(language, f"role-{entry.role}")
        if entry.workshops:
            role += ": " + _titles(directory, list(entry.workshops), language)
        lines.append(f"{escape(entry.name)} ({entry.telegram_id}) – {role}")
    if len(lines) == 1:
        lines.append(texts(language, "staff-nobody"))
    return Reply("\n".join(lines), personal=True)
