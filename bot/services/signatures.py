"""Who signs an announcement: the last line of every broadcast names its sender.

The name and title come from the network's own list of coordinators (the schedule file's
`coordinators`, shown by /contact) when it gives the sender's Telegram id: "Projektikoordi-
naattori Marianna Kokko", as the network signs its press releases. Anyone else is signed
with their Telegram name and, as the title, the role word in the recipient's language:
a coordinator's, or a workshop representative's.
Nothing is stored for it: the signature is read when the message is made.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.staff import STAFF
from storage.models import Announcement, Coordinator, Member, WorkshopRepresentative


@dataclass(frozen=True)
class Signer:
    """The sender as the signature names them; no title: the role word is used."""

    name: str
    title: str | None = None
    # Signed as the workshop's representative rather than as a coordinator.
    representative: bool = False


async def _contacts(session: AsyncSession, telegram_ids: set[int]) -> dict[int, Coordinator]:
    """The network's coordinator entries by Telegram id (the first listed, if twice)."""
    if not telegram_ids:
        return {}
    found: dict[int, Coordinator] = {}
    for contact in await session.scalars(
        select(Coordinator)
        .where(Coordinator.telegram_id.in_(telegram_ids))
        .order_by(Coordinator.position, Coordinator.id)
    ):
        assert contact.telegram_id is not None
        found.setdefault(contact.telegram_id, contact)
    return found


async def _representatives(session: AsyncSession, members: Iterable[Member]) -> set[int]:
    """Of these members, those who broadcast as a workshop's representative: not staff, but
    representing a workshop (an administrator by BOT_ADMIN_IDS alone is signed as staff)."""
    candidates = {member.id for member in members if member.role not in STAFF}
    if not candidates:
        return set()
    found = await session.scalars(
        select(WorkshopRepresentative.member_id).where(
            WorkshopRepresentative.member_id.in_(candidates)
        )
    )
    return set(found)


def _signer(name: str, contact: Coordinator | None, representative: bool) -> Signer:
    if contact is None:
        return Signer(name.strip(), representative=representative)
    return Signer(contact.name, (contact.title or "").strip() or None, representative)


async def signer_of(session: AsyncSession, telegram_id: int, name: str) -> Signer:
    """How a broadcast by this Telegram user (with this Telegram name) would be signed."""
    contacts = await _contacts(session, {telegram_id})
    member = await session.scalar(select(Member).where(Member.telegram_id == telegram_id))
    representative = member is not None and bool(await _representatives(session, [member]))
    return _signer(name, contacts.get(telegram_id), representative)


async def signers(
    session: AsyncSession, announcements: Iterable[Announcement]
) -> dict[int, Signer]:
    """The signers of announcements by announcement id; none for an author who is gone."""
    authored = {a.id: a.author_id for a in announcements if a.author_id is not None}
    if not authored:
        return {}
    authors = {
        member.id: member
        for member in await session.scalars(
            select(Member).where(Member.id.in_(set(authored.values())))
        )
    }
    contacts = await _contacts(session, {m.telegram_id for m in authors.values()})
    representatives = await _representatives(session, authors.values())
    return {
        announcement_id: _signer(
            author.name, contacts.get(author.telegram_id), author.id in representatives
        )
        for announcement_id, author_id in authored.items()
        if (author := authors.get(author_id)) is not None
    }
