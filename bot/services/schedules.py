"""Importing a schedule: a YAML or CSV file, or an announcement in the network's own words."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.language.announcements import Reading, read_announcement
from bot.planning.planner import Planner
from bot.services.directory import Directory, load_directory
from storage.models import AuditEntry
from storage.schedule import ImportReport, apply_schedule
from storage.schedule.names import read_checked
from storage.schedule.read import read_text
from storage.schedule.stated import apply_stated


async def import_schedule(
    session: AsyncSession,
    data: bytes,
    file_format: str,
    *,
    default_timezone: ZoneInfo,
    planner: Planner,
    prune: bool = False,
    grant_roles: bool = False,
) -> ImportReport:
    """Import a schedule file (`yaml`, `csv`) or an announcement (`text`) in the caller's
    transaction, with the reminders and notices it calls for; raises `ScheduleInvalid`.

    An announcement changes only what it states, so `prune` has no meaning for it. The
    file's Telegram ids become coordinators only with `grant_roles` (an administrator's).
    Planning in the same transaction means a failed import plans nothing either.
    """
    if file_format != "text":
        schedule = await read_checked(session, data, file_format)
        report = await apply_schedule(
            session,
            schedule,
            default_timezone=default_timezone,
            prune=prune,
            grant_roles=grant_roles,
        )
    else:
        reading, _ = await read_announcement_file(session, data)
        report = await apply_stated(session, reading.meetings)
    await planner.schedule_imported(session, report)
    return report


async def read_announcement_file(session: AsyncSession, data: bytes) -> tuple[Reading, Directory]:
    """What an announcement's bytes state, read against the stored names (and those names,
    for comparing what the text says with them); raises `ScheduleInvalid` for non-text."""
    directory = await load_directory(session)
    return read_announcement(read_text(data), directory.vocabulary), directory


async def audit_role_grants(
    session: AsyncSession, report: ImportReport, *, actor_id: int, actor_name: str, source: str
) -> None:
    """One audit entry for each coordinator role an import gave."""
    session.add_all(
        AuditEntry(
            actor_telegram_id=actor_id,
            actor_name=actor_name,
            action="promote",
            target=f"{grant.name} ({grant.telegram_id})"[:300],
            detail=f"schedule file {source}"[:2000],
        )
        for grant in report.roles_granted
    )
    await session.flush()
