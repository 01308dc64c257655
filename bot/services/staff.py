"""Coordinators and administrators: who may act, and the audit log of what they did.

Every check happens here, in the service layer, whether the action came as a command or
as a button press (callback data can be forged); a refusal is logged like an action.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.members import Person, member_of
from storage.models import AuditEntry, Invite, Member, Role

STAFF = frozenset({Role.COORDINATOR, Role.ADMIN})


class NotAllowed(Exception):
    """The member's role does not allow this action (logged in the audit log first)."""

    def __init__(
        self,
        action: str,
        *,
        admin_only: bool = False,
        representative_of: tuple[int, ...] = (),
    ) -> None:
        super().__init__(action)
        # Administrators only: the refusal says so, rather than "coordinators only".
        self.admin_only = admin_only
        # A representative asking for another workshop or the whole network: the refusal
        # names the workshops (their ids) they may act for.
        self.representative_of = representative_of


INVITE_VALIDITY = timedelta(days=7)

# Who an audit entry names once its actor has asked to be forgotten: the entry stays as a
# record of what was done, without the person.
FORGOTTEN_ID = 0
FORGOTTEN_NAME = "forgotten member"


async def audit(
    session: AsyncSession,
    actor: Member,
    action: str,
    *,
    target: str = "",
    audience: str = "",
    allowed: bool = True,
    detail: str = "",
) -> None:
    """Write one entry of the audit log."""
    session.add(
        AuditEntry(
            actor_telegram_id=actor.telegram_id,
            actor_name=actor.name,
            action=action,
            target=target[:300],
            audience=audience[:300],
            allowed=allowed,
            detail=detail[:2000],
        )
    )
    await session.flush()


async def staff_member(
    session: AsyncSession,
    person: Person,
    action: str,
    *,
    admin_only: bool = False,
    target: str = "",
) -> Member:
    """The acting member if they may do `action`; else the refusal is logged and raised."""
    member = await member_of(session, person)
    allowed = member.role == Role.ADMIN if admin_only else member.role in STAFF
    if not allowed:
        await audit(session, member, action, target=target, allowed=False, detail="refused: role")
        raise NotAllowed(action, admin_only=admin_only)
    return member


async def is_staff(session: AsyncSession, person: Person) -> bool:
    """Whether the person is a coordinator or an administrator; nothing is logged.

    For deciding how to read a message (a coordinator's pasted announcement, or anyone's
    question), not for allowing an action: actions go through `staff_member`.
    """
    if person.administrator:
        return True
    role = await session.scalar(select(Member.role).where(Member.telegram_id == person.telegram_id))
    return role in STAFF


async def set_role(
    session: AsyncSession,
    person: Person,
    telegram_id: int,
    role: Role,
) -> Member | None:
    """/promote and /demote: an administrator sets someone's role; None if unknown."""
    action = "promote" if role == Role.COORDINATOR else "demote"
    admin = await staff_member(session, person, action, admin_only=True, target=str(telegram_id))
    member = await session.scalar(select(Member).where(Member.telegram_id == telegram_id))
    if member is None:
        return None
    if member.role == Role.ADMIN:
        # Only BOT_ADMIN_IDS make administrators (greeting a member sets it from there): they
        # are administrators by configuration, and a command does not change that.
        member.role = Role.ADMIN
    else:
        member.role = role
    await audit(session, admin, action, target=f"{member.name} ({telegram_id})")
    return member


async def create_invite(session: AsyncSession, person: Person, *, now: datetime) -> str:
    """A one-time token for a coordinator invite link."""
    admin = await staff_member(session, person, "invite", admin_only=True)
    token = secrets.token_urlsafe(16)
    session.add(Invite(token=token, created_by=admin.telegram_id, expires_at=now + INVITE_VALIDITY))
    await audit(session, admin, "invite", detail="link created")
    return token


async def use_invite(
    session: AsyncSession,
    person: Person,
    token: str,
    *,
    now: datetime,
) -> bool:
    """Open an invite link: the first one to use a valid token becomes a coordinator."""
    member = await member_of(session, person)
    # One conditional update claims the link: two people opening it at once (or one twice)
    # cannot both read it unused and both become coordinators; the second one's update
    # waits for the first and then matches no row.
    claimed = await session.execute(
        update(Invite)
        .where(Invite.token == token, Invite.used_by.is_(None), Invite.expires_at > now)
        .values(used_by=member.telegram_id, used_at=now)
        .returning(Invite.created_by)
        .execution_options(synchronize_session=False)
    )
    created_by = claimed.scalar_one_or_none()
    if created_by is None:
        await audit(session, member, "use-invite", allowed=False, detail="invalid or used link")
        return False
    if member.role == Role.PARTICIPANT:
        member.role = Role.COORDINATOR
    await audit(session, member, "use-invite", target=f"invite by {created_by}")
    return True


async def forget_in_audit(session: AsyncSession, telegram_id: int) -> None:
    """Remove a person's name and Telegram id from the audit log and the invitations."""
    await session.execute(
        update(AuditEntry)
        .where(AuditEntry.actor_telegram_id == telegram_id)
        .values(actor_telegram_id=FORGOTTEN_ID, actor_name=FORGOTTEN_NAME)
    )
    # Entries about them: a role set ("Name (id)"), a refused role change (the id typed),
    # an invite they had created ("invite by id").
    await session.execute(
        update(AuditEntry)
        .where(
            or_(
                AuditEntry.target.like(f"% ({telegram_id})"),
                AuditEntry.target.in_([str(telegram_id), f"invite by {telegram_id}"]),
            )
        )
        .values(target=FORGOTTEN_NAME)
    )
    await session.execute(
        update(Invite).where(Invite.used_by == telegram_id).values(used_by=FORGOTTEN_ID)
    )
    await session.execute(
        update(Invite).where(Invite.created_by == telegram_id).values(created_by=FORGOTTEN_ID)
    )


async def latest_audit(session: AsyncSession, limit: int = 20) -> list[AuditEntry]:
    """The newest audit entries, newest first."""
    return list(
        await session.scalars(
            select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
        )
    )
