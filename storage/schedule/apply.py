"""Applying a checked schedule to the database, updating by stable keys.

The caller owns the transaction: it commits, or rolls back for `--dry-run`. Nothing here
commits, so a file is imported whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel
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
from storage.schedule.errors import NamedRow, ScheduleError, ScheduleInvalid
from storage.schedule.matching import (
    file_values,
    free_key,
    match_meetings,
    merged_values,
    stored_values,
)
from storage.schedule.names import NetworkNames, load_names, row_problems
from storage.schedule.specs import CsvMeetings, MeetingSpec, Schedule, WorkshopSpec

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
    # An added meeting's stored values (starts_at, place, venue …), for the preview to show.
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FieldsChange:
    """What an import changed of a municipality, workshop or contact, by its name or key;
    `fields` maps a changed field to (old, new), empty for one added or removed."""

    name: str
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class RoleGrant:
    """A contact's Telegram id named by the file: given the coordinator role, or not."""

    name: str
    telegram_id: int


@dataclass
class ImportReport:
    """What an import did, or would do in a dry run."""

    municipalities_added: list[str] = field(default_factory=list)
    workshops_added: list[str] = field(default_factory=list)
    municipalities_changed: list[FieldsChange] = field(default_factory=list)
    workshops_changed: list[FieldsChange] = field(default_factory=list)
    coordinators_added: list[str] = field(default_factory=list)
    coordinators_changed: list[FieldsChange] = field(default_factory=list)
    coordinators_removed: list[str] = field(default_factory=list)
    # Ids the import makes coordinators, and ids it names but may not (not an administrator's).
    roles_granted: list[RoleGrant] = field(default_factory=list)
    roles_withheld: list[RoleGrant] = field(default_factory=list)
    meetings: list[MeetingChange] = field(default_factory=list)
    meetings_unchanged: int = 0
    # What is worth a look but imported all the same (a town outside the network).
    warnings: list[ScheduleError] = field(default_factory=list)

    def count(self, kind: ChangeKind) -> int:
        """How many meetings had this kind of change."""
        return sum(1 for change in self.meetings if change.kind == kind)

    @property
    def changed_anything(self) -> bool:
        """False when the file matched the database exactly."""
        return bool(
            self.municipalities_added
            or self.workshops_added
            or self.municipalities_changed
            or self.workshops_changed
            or self.coordinators_added
            or self.coordinators_changed
            or self.coordinators_removed
            or self.roles_granted
            or any(change.kind != "missing" for change in self.meetings)
        )


async def apply_schedule(
    session: AsyncSession,
    schedule: Schedule | CsvMeetings,
    *,
    default_timezone: ZoneInfo,
    prune: bool = False,
    grant_roles: bool = False,
) -> ImportReport:
    """Write a checked schedule; raises `ScheduleInvalid` when a CSV row names no workshop.

    The coordinators' Telegram ids become roles only with `grant_roles` (an administrator's
    import); otherwise they are stored as contact details and reported as withheld.
    """
    report = ImportReport()
    if isinstance(schedule, CsvMeetings):
        await _apply_csv(session, schedule, report)
    else:
        await _apply_yaml(
            session, schedule, report, default_timezone, prune=prune, grant_roles=grant_roles
        )
    await session.flush()
    return report


async def _apply_yaml(
    session: AsyncSession,
    schedule: Schedule,
    report: ImportReport,
    default_timezone: ZoneInfo,
    *,
    prune: bool,
    grant_roles: bool,
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
        await _apply_coordinators(session, network, schedule, report, grant_roles=grant_roles)

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
        members = [municipalities[name] for name in spec.municipalities]
        if workshop is None:
            workshop = Workshop(
                network=network,
                key=spec.key,
                municipalities=members,
                meetings=[],
                position=position,
                **_stated(spec, WORKSHOP_FIELDS, given_only=False),
            )
            session.add(workshop)
            report.workshops_added.append(spec.key)
        else:
            workshop.position = position
            _update_workshop(workshop, spec, network, members, report)
        await _apply_meetings(session, workshop, spec.meetings, zone, report, prune=prune)


# What a file may leave out of a workshop or a contact; left out, the stored value stays.
WORKSHOP_FIELDS = ("name", "name_sv", "name_en", "aliases", "description")
COORDINATOR_FIELDS = ("title", "email", "phone", "telegram_id")


def _stated(spec: BaseModel, names: tuple[str, ...], *, given_only: bool) -> dict[str, Any]:
    """The fields of `names` as stored values; with `given_only`, those the file gives.

    A field left out keeps what is stored (a file exported with fewer columns must not
    erase the rest), while an explicit empty value clears it.
    """
    return {
        name: list(value) if isinstance(value, tuple) else value
        for name in names
        if not given_only or name in spec.model_fields_set
        for value in [getattr(spec, name)]
    }


def _update_workshop(
    workshop: Workshop,
    spec: WorkshopSpec,
    network: Network,
    members: list[Municipality],
    report: ImportReport,
) -> None:
    changes = _assign(workshop, _stated(spec, WORKSHOP_FIELDS, given_only=True))
    if "municipalities" in spec.model_fields_set and {m.id for m in workshop.municipalities} != {
        m.id for m in members
    }:
        changes["municipalities"] = (
            sorted(m.name for m in workshop.municipalities),
            sorted(m.name for m in members),
        )
        workshop.municipalities = members
    if workshop.network_id != network.id:
        workshop.network = network
        changes["network"] = (None, network.name)
    if changes:
        report.workshops_changed.append(FieldsChange(spec.key, changes))


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
        elif changes := _assign(municipality, _stated(spec, ("name_sv",), given_only=True)):
            report.municipalities_changed.append(FieldsChange(spec.name, changes))
    await session.flush()
    return existing


async def _apply_coordinators(
    session: AsyncSession,
    network: Network,
    schedule: Schedule,
    report: ImportReport,
    *,
    grant_roles: bool,
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
        values = _stated(spec, COORDINATOR_FIELDS, given_only=True)
        coordinator = existing.get(spec.name)
        if coordinator is None:
            coordinator = Coordinator(network=network, name=spec.name, position=position, **values)
            session.add(coordinator)
            report.coordinators_added.append(spec.name)
        else:
            coordinator.position = position
            if changes := _assign(coordinator, values):
                report.coordinators_changed.append(FieldsChange(spec.name, changes))
        if coordinator.telegram_id is not None:
            await _grant_role(session, coordinator, report, grant_roles=grant_roles)
    # The file's list of contacts is the list: whoever is no longer on it is not shown.
    for name, coordinator in existing.items():
        if name not in listed:
            await session.delete(coordinator)
            report.coordinators_removed.append(name)


async def _grant_role(
    session: AsyncSession, coordinator: Coordinator, report: ImportReport, *, grant_roles: bool
) -> None:
    telegram_id = coordinator.telegram_id
    assert telegram_id is not None
    # Granted once per id: an unchanged file does not undo an administrator's /demote.
    if coordinator.role_granted_to == telegram_id:
        return
    grant = RoleGrant(coordinator.name, telegram_id)
    if not grant_roles:
        report.roles_withheld.append(grant)
        return
    coordinator.role_granted_to = telegram_id
    report.roles_granted.append(grant)
    # Someone who already talks to the bot gets the role now; someone who registers later
    # gets it at registration.
    member = await session.scalar(select(Member).where(Member.telegram_id == telegram_id))
    if member is not None and member.role == Role.PARTICIPANT:
        member.role = Role.COORDINATOR


async def _apply_meetings(
    session: AsyncSession,
    workshop: Workshop,
    specs: tuple[MeetingSpec, ...],
    zone: ZoneInfo,
    report: ImportReport,
    *,
    prune: bool,
) -> None:
    stored = list(workshop.meetings)
    found = match_meetings(stored, specs, zone)
    keys = {meeting.key for meeting in stored}
    for spec, meeting in zip(specs, found, strict=True):
        _upsert_meeting(session, workshop, meeting, spec, zone, report, keys)
    matched = {id(meeting) for meeting in found if meeting is not None}
    # Only a meeting that no entry of the file is, under any key or day, is missing.
    for meeting in stored:
        if id(meeting) in matched:
            continue
        kind: ChangeKind = "removed" if prune else "missing"
        report.meetings.append(
            MeetingChange(kind, workshop.key, meeting.key, meeting.date, meeting.id)
        )
        if prune:
            await session.delete(meeting)


def _upsert_meeting(
    session: AsyncSession,
    workshop: Workshop,
    meeting: Meeting | None,
    spec: MeetingSpec,
    zone: ZoneInfo,
    report: ImportReport,
    keys: set[str],
) -> Meeting:
    """Add the entry as a meeting, or update its meeting with what the file has changed.

    `keys` are the workshop's keys in use; a new meeting takes a free one.
    """
    file_key = spec.key or spec.default_key
    stated = file_values(spec)
    if meeting is None:
        # The file's key may belong to a meeting moved away in the chat, keys never change.
        key = free_key(file_key, keys)
        keys.add(key)
        values = stored_values(stated, zone)
        meeting = Meeting(
            workshop=workshop, key=key, file_key=file_key, file_values=stated, **values
        )
        session.add(meeting)
        report.meetings.append(MeetingChange("added", workshop.key, key, spec.date, values=values))
        return meeting

    values = merged_values(meeting, spec, zone)
    _assign(meeting, {"file_key": file_key, "file_values": stated})
    changes = _assign(meeting, values)
    if not changes:
        report.meetings_unchanged += 1
        return meeting
    if NOTICEABLE & changes.keys():
        meeting.revision += 1
    kind: ChangeKind = (
        "cancelled"
        if changes.get("status", (None, None))[1] == MeetingStatus.CANCELLED
        else "changed"
    )
    report.meetings.append(
        MeetingChange(kind, workshop.key, meeting.key, meeting.date, meeting.id, changes)
    )
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
    names = await load_names(session)
    problems = row_problems(
        names, [NamedRow(row.row, row.workshop, row.meeting.place) for row in rows.rows]
    )
    if any(not problem.warning for problem in problems):
        raise ScheduleInvalid(problems)
    report.warnings += problems
    # Matched a workshop at a time, so that one meeting is never taken for two rows.
    per_workshop: dict[str, list[MeetingSpec]] = {}
    for row in rows.rows:
        key = names.workshop(row.workshop)
        assert key is not None
        per_workshop.setdefault(key, []).append(_own_town(row.meeting, names))
    for workshop_key, specs in per_workshop.items():
        workshop = by_key[workshop_key]
        zone = ZoneInfo(workshop.network.timezone)
        stored = list(workshop.meetings)
        keys = {meeting.key for meeting in stored}
        for spec, meeting in zip(specs, match_meetings(stored, specs, zone), strict=True):
            _upsert_meeting(session, workshop, meeting, spec, zone, report, keys)


def _own_town(spec: MeetingSpec, names: NetworkNames) -> MeetingSpec:
    """The meeting with its town by the Finnish name it is stored under: "Kyrkslätt" and
    "kirkkonummi" are Kirkkonummi, not a change of place."""
    town = None if spec.place is None else names.town(spec.place)
    return spec if town is None else spec.model_copy(update={"place": town})


def local_instant(day: date, clock: time | None, zone: ZoneInfo) -> datetime | None:
    """A day and a clock time in the network's zone as an instant; None when no time."""
    return None if clock is None else datetime.combine(day, clock, tzinfo=zone)


def _assign(target: object, values: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Set attributes that differ; returns what changed as field: (old, new)."""
    changes = {
        name: (getattr(target, name), value)
        for name, value in values.items()
        if getattr(target, name) != value
    }
    for name, (_, value) in changes.items():
        setattr(target, name, value)
    return changes
