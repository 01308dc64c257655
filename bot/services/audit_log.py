"""The audit log as it is read: its entries with the meetings they name, looked up now.

An entry stores codes and values (`cancel-meeting`, `meeting 23 (2009-05-20)`), never a
sentence, so that each reader reads it in their own language; the meeting is looked up at
reading time so that it is named by its workshop, date and town as they are today.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.services.directory import Directory, load_directory
from bot.services.staff import latest_audit
from storage.models import AuditEntry, Meeting, Workshop

# What an entry's target says of a meeting: `meeting 23 (2009-05-20)`, or for one added,
# `WORKSHOP-KEY MEETING-KEY`.
MEETING_TARGET = re.compile(r"^meeting (\d+)(?: \((.+)\))?$")
ADDED_TARGET = re.compile(r"^([a-z0-9-]+) ([a-z0-9-]+)$")


@dataclass(frozen=True)
class AuditLog:
    """The newest entries, with the meetings they name by id and by (workshop, key)."""

    entries: list[AuditEntry]
    meetings: dict[int, Meeting]
    by_key: dict[tuple[str, str], Meeting]
    workshops: dict[str, Workshop]
    directory: Directory  # for towns in the reader's language


async def read_audit_log(session: AsyncSession, limit: int = 20) -> AuditLog:
    """The newest entries, newest first, and the meetings they name that still exist."""
    entries = await latest_audit(session, limit)
    ids = {
        int(match.group(1))
        for entry in entries
        if (match := MEETING_TARGET.match(entry.target)) is not None
    }
    keys = {
        (match.group(1), match.group(2))
        for entry in entries
        if entry.action == "add-meeting" and (match := ADDED_TARGET.match(entry.target)) is not None
    }
    found = list(
        await session.scalars(
            select(Meeting)
            .join(Workshop)
            .where(
                Meeting.id.in_(ids)
                | Meeting.key.in_({key for _, key in keys}) & Workshop.key.in_({w for w, _ in keys})
            )
            .options(selectinload(Meeting.workshop))
        )
    )
    workshops = {workshop.key: workshop for workshop in await session.scalars(select(Workshop))}
    return AuditLog(
        entries,
        {meeting.id: meeting for meeting in found},
        {(meeting.workshop.key, meeting.key): meeting for meeting in found},
        workshops,
        await load_directory(session),
    )
