"""Replies for coordinators and administrators: broadcasts, meetings, attendance, roles, audit.

Every function here checks the actor's role through the services (which log refusals);
a participant gets one polite line, never the action.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from datetime import time
from html import escape
from typing import Any

from pydantic_core import PydanticCustomError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.foundation.typed import number
from bot.language.dates import format_day, format_when
from bot.planning.outbox import ReminderPolicy, notify_added, notify_change, plan_after_import
from bot.replies.imports import (
    PASTED_NAME,
    apply_file,
    preview_reply,
    read_and_try,
)
from bot.replies.reminders import RSVP_TEXT
from bot.replies.reply import Attachment, Button, Refusal, Reply
from bot.replies.schedule_texts import describe_error, describe_report
from bot.services import announcements as broadcasts
from bot.services.attendance import attendance, attendance_csv, member_counts, member_list
from bot.services.directory import Directory, load_directory
from bot.services.groups import NotAllowed
from bot.services.meeting_admin import MeetingNotFound, add_meeting, change_meeting
from bot.services.members import Visitor, language_of
from bot.services.staff import audit, create_invite, latest_audit, set_role, staff_member
from bot.telegram.runtime import Runtime
from storage.models import Announcement, Meeting, MeetingStatus, PendingImport, Role
from storage.schedule import ScheduleInvalid, apply_schedule, read_schedule_bytes
from storage.schedule.apply import local_instant
from storage.schedule.read import format_of, read_text
from storage.schedule.values import parse_date, parse_time

# `/broadcast workshop=KEY municipality=NAME TEXT`: the audience words may come in any order.
_AUDIENCE = re.compile(r"^(workshop|verstas|verkstad|municipality|kunta|kommun)=(\S+)\s*", re.I)


def _audience_text(runtime: Runtime, language: str, directory: Directory, a: Announcement) -> str:
    texts = runtime.texts
    workshop = directory.workshop_by_id(a.workshop_id) if a.workshop_id else None
    municipality = directory.municipality_by_id(a.municipality_id)
    parts = []
    if workshop is not None:
        parts.append(texts(language, "audience-workshop", name=escape(workshop.title(language))))
    if municipality is not None:
        parts.append(
            texts(language, "audience-municipality", name=escape(municipality.title(language)))
        )
    return ", ".join(parts) or texts(language, "audience-everyone")


async def _not_allowed(session: AsyncSession, runtime: Runtime, visitor: Visitor) -> Refusal:
    return Refusal(runtime.texts(await language_of(session, visitor), "staff-only"))


# --- broadcasts -------------------------------------------------------------------------


async def broadcast_reply(
    session: AsyncSession,
    runtime: Runtime,
    visitor: Visitor,
    html: str,
    attachment: Attachment | None = None,
) -> Reply:
    """/broadcast [workshop=KEY] [municipality=NAME] TEXT: a draft and its preview."""
    texts, admins = runtime.texts, runtime.settings.bot_admin_ids
    language = await language_of(session, visitor)
    directory = await load_directory(session)
    workshop_id = municipality_id = None
    rest = html.strip()
    while match := _AUDIENCE.match(rest):
        field, value = match.group(1).lower(), match.group(2)
        if field in {"workshop", "verstas", "verkstad"}:
            workshop = directory.workshop(value)
            if workshop is None:
                return Reply(
                    texts(
                        language,
                        "workshop-not-found",
                        word=escape(value[:80]),
                        keys=", ".join(w.key for w in directory.workshops),
                    )
                )
            workshop_id = workshop.id
        else:
            municipality = directory.municipality(value)
            if municipality is None:
                return Reply(
                    texts(language, "municipality-not-found-plain", name=escape(value[:80]))
                )
            municipality_id = municipality.id
        rest = rest[match.end() :]
    try:
        if not rest.strip():
            await staff_member(session, visitor, "broadcast", admin_ids=admins)
            return Reply(texts(language, "broadcast-usage"))
        draft = await broadcasts.draft(
            session,
            visitor,
            rest.strip(),
            workshop_id=workshop_id,
            municipality_id=municipality_id,
            admin_ids=admins,
            attachment=attachment,
        )
    except NotAllowed:
        return await _not_allowed(session, runtime, visitor)
    return await preview(session, runtime, draft, language, directory)


async def preview(
    session: AsyncSession,
    runtime: Runtime,
    draft: Announcement,
    language: str,
    directory: Directory,
) -> Reply:
    """The draft as recipients will see it, its audience and count, and the buttons."""
    texts = runtime.texts
    count = await broadcasts.recipient_count(session, draft)
    head = texts(
        language,
        "broadcast-preview",
        count=count,
        audience=_audience_text(runtime, language, directory, draft),
    )
    buttons = (
        (
            Button(texts(language, "broadcast-confirm"), f"ann:ok:{draft.id}"),
            Button(texts(language, "broadcast-cancel"), f"ann:no:{draft.id}"),
        ),
        (
            Button(texts(language, "broadcast-pick-workshop"), f"ann:pw:{draft.id}"),
            Button(texts(language, "broadcast-pick-municipality"), f"ann:pm:{draft.id}"),
        ),
    )
    if draft.attachment_kind is not None:
        head += "\n" + texts(language, f"broadcast-attachment-{draft.attachment_kind}")
    return Reply(f"{head}\n\n{draft.text}", buttons)


async def _draft(
    session: AsyncSession,
    runtime: Runtime,
    visitor: Visitor,
    announcement_id: int | None,
    action: str,
) -> Announcement | Reply:
    """The visitor's own draft, or the reply that says why not (refused, gone, none)."""
    language = await language_of(session, visitor)
    try:
        return await broadcasts.own_draft(
            session, visitor, announcement_id, action, admin_ids=runtime.settings.bot_admin_ids
        )
    except NotAllowed:
        return await _not_allowed(session, runtime, visitor)
    except broadcasts.NotADraft:
        return Reply(runtime.texts(language, "broadcast-not-a-draft"))
    except broadcasts.NoDraft:
        return Reply(runtime.texts(language, "broadcast-no-draft"))


async def audience_choices(
    session: AsyncSession, runtime: Runtime, visitor: Visitor, announcement_id: int, what: str
) -> Reply:
    """The workshop (`w`) or municipality (`m`) buttons of a draft's audience."""
    texts = runtime.texts
    language = await language_of(session, visitor)
    draft = await _draft(session, runtime, visitor, announcement_id, "broadcast-audience")
    if isinstance(draft, Reply):
        return draft
    directory = await load_directory(session)
    if what == "w":
        options = [(w.title(language), w.id) for w in directory.workshops]
        every = texts(language, "audience-all-workshops")
    else:
        options = [(m.title(language), m.id) for m in directory.municipalities]
        every = texts(language, "audience-all-municipalities")
    buttons = [Button(every, f"ann:{what}:{draft.id}:0")] + [
        Button(name if len(name) <= 40 else name[:39] + "…", f"ann:{what}:{draft.id}:{value}")
        for name, value in options
    ]
    rows = tuple(tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2))
    return Reply(texts(language, "broadcast-choose-audience"), rows)


async def set_audience(
    session: AsyncSession,
    runtime: Runtime,
    visitor: Visitor,
    announcement_id: int,
    what: str,
    value: int,
) -> Reply:
    """An audience button: change the draft, show the preview again."""
    language = await language_of(session, visitor)
    draft = await _draft(session, runtime, visitor, announcement_id, "broadcast-audience")
    if isinstance(draft, Reply):
        return draft
    directory = await load_directory(session)
    if what == "w":
        draft.workshop_id = value if directory.workshop_by_id(value) else None
    else:
        draft.municipality_id = value if directory.municipality_by_id(value) else None
    await session.flush()
    return await preview(session, runtime, draft, language, directory)


@dataclass(frozen=True)
class Confirmed:
    """The outcome of Confirm: the reply, and whether a broadcast was planned."""

    reply: Reply
    planned: bool


async def confirm_reply(
    session: AsyncSession,
    runtime: Runtime,
    visitor: Visitor,
    announcement_id: int | None,
    *,
    status_chat_id: int,
    status_message_id: int | None,
) -> Confirmed:
    """Confirm (button or /confirm): plan the announcement into the outbox."""
    texts, admins = runtime.texts, runtime.settings.bot_admin_ids
    language = await language_of(session, visitor)
    draft = await _draft(session, runtime, visitor, announcement_id, "broadcast-confirm")
    if isinstance(draft, Reply):
        return Confirmed(draft, planned=False)
    directory = await load_directory(session)
    count = await broadcasts.confirm(
        session,
        draft,
        visitor,
        now=runtime.clock(),
        audience=_audience_text(runtime, "fi", directory, draft),
        status_chat_id=status_chat_id,
        status_message_id=status_message_id,
        admin_ids=admins,
    )
    return Confirmed(Reply(texts(language, "broadcast-started", count=count)), planned=True)


async def cancel_reply(
    session: AsyncSession, runtime: Runtime, visitor: Visitor, announcement_id: int | None
) -> Reply:
    """Cancel (button or /cancel): drop the draft."""
    texts, admins = runtime.texts, runtime.settings.bot_admin_ids
    language = await language_of(session, visitor)
    draft = await _draft(session, runtime, visitor, announcement_id, "broadcast-cancel")
    if isinstance(draft, Reply):
        return draft
    await broadcasts.cancel(session, draft, visitor, admin_ids=admins)
    return Reply(texts(language, "broadcast-cancelled"))


# --- meetings ---------------------------------------------------------------------------


def _problem(runtime: Runtime, language: str, error: PydanticCustomError) -> Reply:
    """A date or time that did not parse, told in the words of the schedule importer."""
    params = {key: str(value) for key, value in (error.context or {}).items()}
    return Reply(runtime.texts(language, f"import-error-{error.type}", **params))


def _time_range(text: str) -> tuple[time, time | None]:
    start, _, end = text.partition("-")
    return parse_time(start), parse_time(end) if end else None


async def add_meeting_reply(
    session: AsyncSession, runtime: Runtime, visitor: Visitor, arguments: str
) -> Reply:
    """/addmeeting WORKSHOP DATE [START-END] [PLACE]."""
    texts, admins, zone = (
        runtime.texts,
        runtime.settings.bot_admin_ids,
        runtime.settings.bot_timezone,
    )
    language = await language_of(session, visitor)
    directory = await load_directory(session)
    words = arguments.split()
    if len(words) < 2:
        try:
            await staff_member(session, visitor, "add-meeting", admin_ids=admins)
        except NotAllowed:
            return await _not_allowed(session, runtime, visitor)
        return Reply(texts(language, "addmeeting-usage"))
    workshop = directory.workshop(words[0])
    if workshop is None:
        return Reply(
            texts(
                language,
                "workshop-not-found",
                word=escape(words[0][:80]),
                keys=", ".join(w.key for w in directory.workshops),
            )
        )
    try:
        day = parse_date(words[1])
        start, end = (
            _time_range(words[2]) if len(words) > 2 and words[2][:1].isdigit() else (None, None)
        )
    except PydanticCustomError as error:
        return _problem(runtime, language, error)
    place_words = words[3:] if start is not None else words[2:]
    place = " ".join(place_words) or None
    if start is not None and end is not None and end <= start:
        return Reply(
            texts(
                language,
                "import-error-end_before_start",
                start=f"{start:%H:%M}",
                end=f"{end:%H:%M}",
            )
        )
    try:
        meeting = await add_meeting(
            session,
            visitor,
            workshop_id=workshop.id,
            workshop_key=workshop.key,
            day=day,
            start=start,
            end=end,
            place=place,
            zone=zone,
            admin_ids=admins,
        )
    except NotAllowed:
        return await _not_allowed(session, runtime, visitor)
    await notify_added(
        session, meeting, now=runtime.clock(), policy=ReminderPolicy.from_settings(runtime.settings)
    )
    when = format_when(meeting.date, meeting.starts_at, meeting.ends_at, language, zone)
    return Reply(
        texts(
            language,
            "meeting-added",
            id=meeting.id,
            workshop=escape(workshop.title(language)),
            when=when,
        )
    )


async def edit_meeting_reply(
    session: AsyncSession,
    runtime: Runtime,
    visitor: Visitor,
    arguments: str,
    *,
    cancel: bool = False,
) -> Reply:
    """/editmeeting N [date=…] [time=13:00-15:30] [place=…] [venue="…"]; /cancelmeeting N."""
    texts, admins, zone = (
        runtime.texts,
        runtime.settings.bot_admin_ids,
        runtime.settings.bot_timezone,
    )
    language = await language_of(session, visitor)
    action = "cancel-meeting" if cancel else "edit-meeting"
    try:
        words = shlex.split(arguments)
    except ValueError:
        words = arguments.split()
    meeting_id = number(words[0]) if words else None
    if meeting_id is None:
        try:
            await staff_member(session, visitor, action, admin_ids=admins)
        except NotAllowed:
            return await _not_allowed(session, runtime, visitor)
        return Reply(texts(language, "cancelmeeting-usage" if cancel else "editmeeting-usage"))
    current = await session.get(Meeting, meeting_id)
    values: dict[str, Any] = {}
    if cancel:
        values["status"] = MeetingStatus.CANCELLED
    elif current is not None:
        day = current.date
        for word in words[1:]:
            name, _, value = word.partition("=")
            name = name.lower()
            try:
                if name in {"date", "pvm", "datum"}:
                    day = parse_date(value)
                    values["date"] = day
                elif name in {"time", "aika", "tid"}:
                    start, end = _time_range(value)
                    values["_time"] = (start, end)
                elif name in {"place", "paikka", "plats"}:
                    values["place"] = value or None
                elif name in {"venue", "tila", "lokal"}:
                    values["venue"] = value or None
                elif name in {"address", "osoite", "adress"}:
                    values["address"] = value or None
                else:
                    return Reply(texts(language, "editmeeting-usage"))
            except PydanticCustomError as error:
                return _problem(runtime, language, error)
        if "_time" in values:
            start, end = values.pop("_time")
            values["starts_at"] = local_instant(day, start, zone)
            values["ends_at"] = local_instant(day, end, zone) if end else None
        elif "date" in values and current.starts_at is not None:
            # A new day keeps the clock times.
            values["starts_at"] = local_instant(
                day, current.starts_at.astimezone(zone).time(), zone
            )
            if current.ends_at is not None:
                values["ends_at"] = local_instant(
                    day, current.ends_at.astimezone(zone).time(), zone
                )
    try:
        meeting, changes = await change_meeting(
            session, visitor, meeting_id, values, action=action, admin_ids=admins
        )
    except NotAllowed:
        return await _not_allowed(session, runtime, visitor)
    except MeetingNotFound:
        return Reply(texts(language, "rsvp-unknown-meeting", key=str(meeting_id)))
    if not changes:
        return Reply(texts(language, "meeting-unchanged"))
    await notify_change(
        session,
        meeting,
        changes,
        now=runtime.clock(),
        policy=ReminderPolicy.from_settings(runtime.settings),
    )
    when = format_when(meeting.date, meeting.starts_at, meeting.ends_at, language, zone)
    key = "meeting-cancelled-done" if cancel else "meeting-changed"
    return Reply(texts(language, key, id=meeting.id, when=when))


# --- attendance, members, roles, audit ----------------------------------------------------


@dataclass(frozen=True)
class AttendanceReply:
    """The list as a message and as a CSV file."""

    reply: Reply
    csv: bytes | None = None
    file_name: str = "attendance.csv"


async def attendance_reply(
    session: AsyncSession, runtime: Runtime, visitor: Visitor, arguments: str
) -> AttendanceReply:
    """/attendance N: answers grouped by municipality, with those who have not answered."""
    texts, admins = runtime.texts, runtime.settings.bot_admin_ids
    language = await language_of(session, visitor)
    key = arguments.strip()
    try:
        actor = await staff_member(
            session, visitor, "attendance", admin_ids=admins, target=f"meeting {key}"
        )
    except NotAllowed:
        return AttendanceReply(await _not_allowed(session, runtime, visitor))
    meeting_id = number(key)
    if meeting_id is None:
        return AttendanceReply(Reply(texts(language, "attendance-usage")))
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None:
        return AttendanceReply(Reply(texts(language, "rsvp-unknown-meeting", key=escape(key[:20]))))
    directory = await load_directory(session)
    people = await attendance(session, meeting)
    names = {answer: texts(language, RSVP_TEXT[answer]) for answer in RSVP_TEXT} | {
        None: texts(language, "attendance-no-answer")
    }
    workshop = directory.workshop_by_id(meeting.workshop_id)
    lines = [
        texts(
            language,
            "attendance-title",
            workshop=escape(workshop.title(language) if workshop else ""),
            date=format_day(meeting.date, language),
        )
    ]
    current = None
    for person in people:
        if person.municipality != current:
            current = person.municipality
            lines.append(
                f"\n<b>{escape(directory.town_title(current, language) if current else '–')}</b>"
            )
        lines.append(f"{escape(person.name)}: {names[person.answer]}")
    totals = {answer: sum(1 for p in people if p.answer == answer) for answer in names}
    lines.append("\n" + ", ".join(f"{names[answer]} {count}" for answer, count in totals.items()))
    await audit(session, actor, "attendance", target=f"meeting {meeting.id}")
    return AttendanceReply(
        Reply("\n".join(lines)),
        attendance_csv(people, names),
        f"attendance-{meeting.date.isoformat()}-{meeting.id}.csv",
    )


async def members_reply(session: AsyncSession, runtime: Runtime, visitor: Visitor) -> Reply:
    """/members: counts for everyone; the list itself for coordinators."""
    texts, admins = runtime.texts, runtime.settings.bot_admin_ids
    language = await language_of(session, visitor)
    counts = await member_counts(session)
    lines = [texts(language, "members-title", total=counts.total), ""]
    lines += [
        f"{escape(directory_name or '–')}: {count}"
        for directory_name, count in counts.by_municipality
    ]
    lines.append("")
    lines += [f"{escape(name)}: {count}" for name, count in counts.by_workshop]
    try:
        actor = await staff_member(session, visitor, "members", admin_ids=admins)
    except NotAllowed:
        # Counts are for everyone; the refusal above concerns the list only.
        return Reply("\n".join(lines))
    await audit(session, actor, "members")
    lines += ["", texts(language, "members-list")]
    lines += [
        f"{escape(name)} – {escape(municipality or '–')}"
        + ("" if active else " " + texts(language, "members-inactive"))
        for name, municipality, active in await member_list(session)
    ]
    return Reply("\n".join(lines))


async def role_reply(
    session: AsyncSession, runtime: Runtime, visitor: Visitor, arguments: str, role: Role
) -> Reply:
    """/promote USER_ID and /demote USER_ID (administrators)."""
    texts, admins = runtime.texts, runtime.settings.bot_admin_ids
    language = await language_of(session, visitor)
    target = arguments.strip()
    user_id = number(target)
    if user_id is None:
        try:
            await staff_member(session, visitor, "promote", admin_ids=admins, admin_only=True)
        except NotAllowed:
            return Refusal(texts(language, "admin-only"))
        return Reply(texts(language, "role-usage"))
    try:
        member = await set_role(session, visitor, user_id, role, admin_ids=admins)
    except NotAllowed:
        return Refusal(texts(language, "admin-only"))
    if member is None:
        return Reply(texts(language, "role-unknown-user", id=target))
    return Reply(
        texts(
            language,
            "role-set",
            name=escape(member.name),
            role=texts(language, f"role-{member.role.value}"),
        )
    )


async def invite_reply(
    session: AsyncSession, runtime: Runtime, visitor: Visitor, bot_username: str
) -> Reply:
    """/invite: a one-time link that makes its opener a coordinator."""
    texts, admins = runtime.texts, runtime.settings.bot_admin_ids
    language = await language_of(session, visitor)
    try:
        token = await create_invite(session, visitor, now=runtime.clock(), admin_ids=admins)
    except NotAllowed:
        return Refusal(texts(language, "admin-only"))
    return Reply(
        texts(language, "invite-link", link=f"https://t.me/{bot_username}?start=invite-{token}")
    )


async def audit_reply(session: AsyncSession, runtime: Runtime, visitor: Visitor) -> Reply:
    """/audit: the latest entries of the audit log (coordinators and administrators)."""
    texts, admins, zone = (
        runtime.texts,
        runtime.settings.bot_admin_ids,
        runtime.settings.bot_timezone,
    )
    language = await language_of(session, visitor)
    try:
        await staff_member(session, visitor, "audit", admin_ids=admins)
    except NotAllowed:
        return await _not_allowed(session, runtime, visitor)
    lines = [texts(language, "audit-title")]
    for entry in await latest_audit(session):
        when = format_when(entry.at.astimezone(zone).date(), entry.at, None, language, zone)
        mark = "" if entry.allowed else " ✗ " + texts(language, "audit-refused")
        parts = [p for p in (entry.target, entry.audience, entry.detail) if p]
        who = f"{escape(entry.actor_name)} ({entry.actor_telegram_id})"
        about = f" – {escape('; '.join(parts))}" if parts else ""
        lines.append(f"{when} {who}: {escape(entry.action)}{mark}{about}")
    return Reply("\n".join(lines))


# --- schedule files sent to the bot --------------------------------------------------------


async def schedule_file_reply(
    session: AsyncSession, runtime: Runtime, visitor: Visitor, file_name: str, content: bytes
) -> Reply:
    """A schedule file in the chat: check it, show what it would change, ask to confirm."""
    texts, admins = runtime.texts, runtime.settings.bot_admin_ids
    language = await language_of(session, visitor)
    try:
        await staff_member(session, visitor, "import", admin_ids=admins, target=file_name)
    except NotAllowed:
        return await _not_allowed(session, runtime, visitor)
    try:
        file_format = format_of(file_name)
    except ValueError:
        return Reply(texts(language, "import-file-type"))
    if file_format == "text":
        try:
            text = read_text(content)
        except ScheduleInvalid as invalid:
            return Reply(
                "\n".join(escape(describe_error(texts, language, e)) for e in invalid.errors)
            )
        reading, stated = await read_and_try(session, runtime, text)
        return await preview_reply(session, runtime, visitor, file_name, text, reading, stated)
    try:
        schedule = read_schedule_bytes(content, file_format)
        # A dry run in a transaction of its own, always rolled back: the preview.
        async with runtime.sessions() as dry_run:
            report = await apply_schedule(
                dry_run, schedule, default_timezone=runtime.settings.bot_timezone
            )
            await dry_run.rollback()
    except ScheduleInvalid as invalid:
        lines = [escape(describe_error(texts, language, e)) for e in invalid.errors[:30]]
        lines.append(texts(language, "import-invalid", count=len(invalid.errors)))
        return Reply("\n".join(lines))
    pending = PendingImport(telegram_id=visitor.telegram_id, file_name=file_name, content=content)
    session.add(pending)
    await session.flush()
    lines = [texts(language, "import-preview-title", file=escape(file_name))]
    lines += [
        escape(line)
        for line in describe_report(texts, language, report, runtime.settings.bot_timezone)
    ]
    buttons = (
        (
            Button(texts(language, "import-confirm"), f"imp:ok:{pending.id}"),
            Button(texts(language, "broadcast-cancel"), f"imp:no:{pending.id}"),
        ),
    )
    return Reply("\n".join(lines), buttons)


async def schedule_confirm_reply(
    session: AsyncSession, runtime: Runtime, visitor: Visitor, pending_id: int, *, confirm: bool
) -> Reply:
    """Confirm or cancel a checked schedule file; only its sender may."""
    texts, admins = runtime.texts, runtime.settings.bot_admin_ids
    language = await language_of(session, visitor)
    try:
        actor = await staff_member(
            session, visitor, "import", admin_ids=admins, target=f"upload {pending_id}"
        )
    except NotAllowed:
        return await _not_allowed(session, runtime, visitor)
    pending = await session.get(PendingImport, pending_id)
    if pending is None:
        return Reply(texts(language, "import-expired"))
    if pending.telegram_id != visitor.telegram_id:
        await audit(
            session,
            actor,
            "import",
            target=f"upload {pending_id}",
            allowed=False,
            detail="not the sender's file",
        )
        return await _not_allowed(session, runtime, visitor)
    file_name, content = pending.file_name, pending.content
    await session.delete(pending)
    if not confirm:
        return Reply(texts(language, "import-cancelled"))
    try:
        report = await apply_file(
            session, content, format_of(file_name), default_timezone=runtime.settings.bot_timezone
        )
    except ScheduleInvalid as invalid:
        # The database changed between the check and the Confirm (a workshop removed).
        lines = [escape(describe_error(texts, language, e)) for e in invalid.errors[:30]]
        return Reply(
            "\n".join([*lines, texts(language, "import-invalid", count=len(invalid.errors))])
        )
    await plan_after_import(
        session, report, now=runtime.clock(), policy=ReminderPolicy.from_settings(runtime.settings)
    )
    await audit(
        session,
        actor,
        "import",
        target=file_name,
        detail=", ".join(
            f"{kind} {report.count(kind)}" for kind in ("added", "changed", "cancelled")
        ),
    )
    lines = [
        texts(language, "pasted-done")
        if file_name == PASTED_NAME
        else texts(language, "import-done-chat", file=escape(file_name))
    ]
    lines += [
        escape(line)
        for line in describe_report(texts, language, report, runtime.settings.bot_timezone)
    ]
    return Reply("\n".join(lines))
