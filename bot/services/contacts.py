"""The coordinators' contacts, as /contact shows them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Coordinator


@dataclass(frozen=True)
class Contact:
    """One contact person."""

    name: str
    title: str | None
    email: str | None
    phone: str | None


async def contacts(session: AsyncSession) -> list[Contact]:
    """Every coordinator, in the order of the schedule file."""
    rows = await session.scalars(select(Coordinator).order_by(Coordinator.position, Coordinator.id))
    return [Contact(c.name, c.title, c.email, c.phone) for c in rows]
