"""Applying a checked schedule to the database, updating by stable keys.

The caller owns the transaction: it commits, or rolls back for `--dry-run`. Nothing here
commits, so a file is imported whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, Literal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from storage.models import (
    Coordinator,
    Meeting,
    MeetingStatus,
    Member,
    Municipality,
    Network,
    Role,
    Workshop,
)
from storage.schedule.errors import ScheduleError, ScheduleInvalid
from storage.schedule.specs import CsvMeetings, MeetingSpec, Schedule

ChangeKind = Literal["added", "changed", "cancelled", "missing", "removed"]

# A change of these is news for the members: reminders move and a notice goes out.
NOTICEABLE = frozenset({"date", "starts_at", "ends_at", "place", "status"})


@dataclass(frozen=True)
class MeetingChange:
    """What happened to one meeting; `fields` maps a changed field to (old, new)."""

    kind: ChangeKind
    workshop_key: str
    meeting_key: str
    date: date
    meeting_id: int | None = None
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)


@dataclass
class ImportReport:
    """What an import did, or would do in a dry run."""

    municipalities_added: list[str] = field(default_factory=list)
    workshops_added: list[str] = field(default_factory=list)
    workshops_changed: list[str] = field(default_factory=list)
    coordinators_changed: int = 0
    meetings: list[MeetingChange] = field(default_factory=list)
    meetings_unchanged: int = 0

    def count(self, kind: ChangeKind) -> int:
        """How many meetings had this kind of change."""
        return sum(1 for change in self.meetings if change.kind == kind)

    @property
    def changed_anything(self) -> bool:
        """False when the file matched the database exactly."""
        return bool(
            self.municipalities_added
            or self.workshops_added
            or self.workshops_changed
            or self.coordinators_changed
            or any(change.kind != "missing" for change in self.meetings)
        )


async def apply_schedule(
    session: AsyncSession,
    schedule: Schedule | CsvMeetings,
    *,
    default_timezone: ZoneInfo,
    prune: bool = False,
) -> ImportReport:
    """Write a checked schedule; raises `ScheduleInvalid` when a CSV row names no workshop."""
    report = ImportReport()
    if isinstance(schedule, CsvMeetings):
        await _apply_csv(session, schedule, report)
    else:
        await _apply_yaml(session, schedule, report, default_timezone, prune=prune)
    await session.flush()
    return report


async def _apply_yaml(
    session: AsyncSession,
    schedule: Schedule,
    report: ImportReport,
    default_timezone: ZoneInfo,
    *,
    prune: bool,
) -> None:
    network = await session.scalar(select(Network).where(Network.name == schedule.network.name))
    zone_name = schedule.network.timezone or default_timezone.key
    if network is None:
        network = Network(name=schedule.network.name, timezone=zone_name)
        session.add(network)
        await session.flush()
    else:
        network.timezone = zone_name
    zone = ZoneInfo(zone_name)

    municipalities = await _apply_municipalities(session, network, schedule, report)
    if schedule.coordinators is not None:
        await _apply_coordinators(session, network, schedule, report)

    existing = {
        workshop.key: workshop
        for workshop in await session.scalars(
            select(Workshop).options(
                selectinload(Workshop.municipalities), selectinload(Workshop.meetings)
            )
        )
    }
    for position, spec in enumerate(schedule.workshops):
        workshop = existing.get(spec.key)
        values = {
            "name": spec.name,
            "name_sv": spec.name_sv,
            "name_en": spec.name_en,
            "aliases": list(spec.aliases),
            "description": spec.description,
            "position": position,
        }
        members = [municipalities[name] for name in spec.municipalities]
        if workshop is None:
            workshop = Workshop(
                network=network, key=spec.key, municipalities=members, meetings=[], **values
            )
            session.add(workshop)
            report.workshops_added.append(spec.key)
        else:
            changed = _assign(workshop, values)
            if {m.id for m in workshop.municipalities} != {m.id for m in members}:
                workshop.municipalities = members
                changed = True
            if workshop.network_id != network.id:
                workshop.network = network
                changed = True
            if changed:
                report.workshops_changed.append(spec.key)
        await _apply_meetings(session, workshop, spec.meetings, zone, report, prune=prune)


async def _apply_municipalities(
    session: AsyncSession, network: Network, schedule: Schedule, report: ImportReport
) -> dict[str, Municipality]:
    existing = {
        m.name: m
        for m in await session.scalars(
            select(Municipality).where(Municipality.network_id == network.id)
        )
    }
    for spec in schedule.municipalities:
        municipality = existing.get(spec.name)
        if municipality is None:
            municipality = Municipality(network=network, name=spec.name, name_sv=spec.name_sv)
            session.add(municipality)
            existing[spec.name] = municipality
            report.municipalities_added.append(spec.name)
        elif municipality.name_sv != spec.name_sv:
            municipality.name_sv = spec.name_sv
    await session.flush()
    return existing


async def _apply_coordinators(
    session: AsyncSession, network: Network, schedule: Schedule, report: ImportReport
) -> None:
    assert schedule.coordinators is not None
    existing = {
        c.name: c
        for c in await session.scalars(
            select(Coordinator).where(Coordinator.network_id == network.id)
        )
    }
    listed = set()
    for position, spec in enumerate(schedule.coordinators):
        listed.add(spec.name)
        values = {
            "title": spec.title,
            "email": spec.email,
            "phone": spec.phone,
            "telegram_id": spec.telegram_id,
            "position": position,
        }
        coordinator = existing.get(spec.name)
        if coordinator is None:
            session.add(Coordinator(network=network, name=spec.name, **values))
            report.coordinators_changed += 1
        elif _assign(coordinator, values):
            report.coordinators_changed += 1
        if spec.telegram_id is not None:
            # A coordinator who already talks to the bot gets the role at once; one who
            # registers later gets it at registration.
            member = await session.scalar(
                select(Member).where(Member.telegram_id == spec.telegram_id)
            )
            if member is not None and member.role == Role.PARTICIPANT:
                member.role = Role.COORDINATOR
    # The file's list of contacts is the list: whoever is no longer on it is not shown.
    for name, coordinator in existing.items():
        if name not in listed:
            await session.delete(coordinator)
            report.coordinators_changed += 1


async def _apply_meetings(
    session: AsyncSession,
    workshop: Workshop,
    specs: tuple[MeetingSpec, ...],
    zone: ZoneInfo,
    report: ImportReport,
    *,
    prune: bool,
) -> None:
    existing = {meeting.key: meeting for meeting in workshop.meetings}
    for spec in specs:
        _upsert_meeting(session, workshop, existing.get(spec.key or ""), spec, zone, report)
    listed = {spec.key for spec in specs}
    for key, meeting in existing.items():
        if key in listed:
            continue
        if prune:
            report.meetings.append(
                MeetingChange("removed", workshop.key, key, meeting.date, meeting.id)
            )
            await session.delete(meeting)
        else:
            report.meetings.append(
                MeetingChange("missing", workshop.key, key, meeting.date, meeting.id)
            )


def _upsert_meeting(
    session: AsyncSession,
    workshop: Workshop,
    meeting: Meeting | None,
    spec: MeetingSpec,
    zone: ZoneInfo,
    report: ImportReport,
) -> Meeting:
    values: dict[str, Any] = {
        "date": spec.date,
        "starts_at": local_instant(spec.date, spec.start, zone),
        "ends_at": local_instant(spec.date, spec.end, zone),
        "title": spec.title,
        "place": spec.place,
        "venue": spec.venue,
        "address": spec.address,
        "agenda": list(spec.agenda),
        "status": MeetingStatus(spec.status),
    }
    key = spec.key or spec.default_key
    if meeting is None:
        meeting = Meeting(workshop=workshop, key=key, **values)
        session.add(meeting)
        report.meetings.append(MeetingChange("added", workshop.key, key, spec.date))
        return meeting

    changes = {
        name: (getattr(meeting, name), value)
        for name, value in values.items()
        if getattr(meeting, name) != value
    }
    if not changes:
        report.meetings_unchanged += 1
        return meeting
    _assign(meeting, values)
    if NOTICEABLE & changes.keys():
        meeting.revision += 1
    kind: ChangeKind = (
        "cancelled"
        if changes.get("status", (None, None))[1] == MeetingStatus.CANCELLED
        else "changed"
    )
    report.meetings.append(MeetingChange(kind, workshop.key, key, spec.date, meeting.id, changes))
    return meeting


async def _apply_csv(session: AsyncSession, rows: CsvMeetings, report: ImportReport) -> None:
    workshops = list(
        await session.scalars(
            select(Workshop).options(
                selectinload(Workshop.meetings), selectinload(Workshop.network)
            )
        )
    )
    by_key = {w.key: w for w in workshops}
    by_name = {w.name: w for w in workshops}
    errors = [
        ScheduleError(
            "unknown_workshop",
            line=row.row,
            field="workshop",
            params={"value": row.workshop},
            is_row=True,
        )
        for row in rows.rows
        if row.workshop not in by_key and row.workshop not in by_name
    ]
    if errors:
        raise ScheduleInvalid(errors)
    for row in rows.rows:
        workshop = by_key.get(row.workshop) or by_name[row.workshop]
        existing = {meeting.key: meeting for meeting in workshop.meetings}
        _upsert_meeting(
            session,
            workshop,
            existing.get(row.meeting.key or ""),
            row.meeting,
            ZoneInfo(workshop.network.timezone),
            report,
        )


def local_instant(day: date, clock: time | None, zone: ZoneInfo) -> datetime | None:
    """A day and a clock time in the network's zone as an instant; None when no time."""
    return None if clock is None else datetime.combine(day, clock, tzinfo=zone)


def _assign(target: object, values: dict[str, Any]) -> bool:
    """Set attributes that differ; True when anything changed."""
    changed = False
    for name, value in values.items():
        if getattr(target, name) != value:
            setattr(target, name, value)
            changed = True
    return changed
