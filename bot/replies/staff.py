"""Attendance lists, the members, roles, invitations and the audit log, for coordinators."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from sqlalchemy.ext.asyncio import AsyncSession

from bot.language.dates import format_day
from bot.replies.audit_texts import audit_sentences
from bot.replies.context import ReplyContext
from bot.replies.meeting_refs import meeting_named
from bot.replies.refusals import refusal, refused_as_reply
from bot.replies.reminders import RSVP_TEXT
from bot.replies.reply import Reply
from bot.services.attendance import attendance, attendance_csv, member_counts, member_list
from bot.services.audit_log import read_audit_log
from bot.services.directory import load_directory
from bot.services.meeting_refs import split_reference
from bot.services.members import Person, language_of
from bot.services.permissions import Action, permitted_for_meeting, staff_or_representative
from bot.services.staff import (
    NotAllowed,
    audit,
    create_invite,
    staff_member,
)

# --- attendance, members, roles, audit ----------------------------------------------------


@dataclass(frozen=True)
class AttendanceReply:
    """The list as a message and as a CSV file."""

    reply: Reply
    csv: bytes | None = None
    file_name: str = "attendance.csv"


async def attendance_reply(
    session: AsyncSession, context: ReplyContext, person: Person, arguments: str
) -> AttendanceReply:
    """/attendance N: answers grouped by municipality, with those who have not answered."""
    texts = context.texts
    language = await language_of(session, person)
    key = arguments.strip()
    try:
        await staff_or_representative(session, person, "attendance", target=f"meeting {key}")
    except NotAllowed as refused:
        return AttendanceReply(await refusal(session, context, person, refused=refused))
    if not key:
        return AttendanceReply(Reply(texts(language, "attendance-usage")))
    reference, _ = split_reference(key)
    meeting = await meeting_named(
        session, context, person, language, reference, command="attendance"
    )
    if isinstance(meeting, Reply):
        return AttendanceReply(meeting)
    try:
        # A representative sees the attendance of their own workshop's meetings only.
        actor = await permitted_for_meeting(session, person, Action.ATTENDANCE, meeting.id)
    except NotAllowed as refused:
        return AttendanceReply(await refusal(session, context, person, refused=refused))
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
    for attendee in people:
        if attendee.municipality != current:
            current = attendee.municipality
            lines.append(
                f"\n<b>{escape(directory.town_title(current, language) if current else '–')}</b>"
            )
        lines.append(f"{escape(attendee.name)}: {names[attendee.answer]}")
    totals = {answer: sum(1 for p in people if p.answer == answer) for answer in names}
    lines.append("\n" + ", ".join(f"{names[answer]} {count}" for answer, count in totals.items()))
    await audit(session, actor, "attendance", target=f"meeting {meeting.id}")
    return AttendanceReply(
        Reply("\n".join(lines), personal=True),
        attendance_csv(people, names),
        f"attendance-{meeting.date.isoformat()}-{meeting.id}.csv",
    )


async def members_reply(session: AsyncSession, context: ReplyContext, person: Person) -> Reply:
    """/members: counts for everyone; the list itself for coordinators."""
    texts = context.texts
    language = await language_of(session, person)
    counts = await member_counts(session)
    lines = [texts(language, "members-title", total=counts.total), ""]
    lines += [
        f"{escape(directory_name or '–')}: {count}"
        for directory_name, count in counts.by_municipality
    ]
    lines.append("")
    lines += [f"{escape(name)}: {count}" for name, count in counts.by_workshop]
    try:
        actor = await staff_member(session, person, "members")
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
    return Reply("\n".join(lines), personal=True)


@refused_as_reply
async def invite_reply(
    session: AsyncSession, context: ReplyContext, person: Person, bot_username: str
) -> Reply:
    """/invite: a one-time link that makes its opener a coordinator."""
    texts = context.texts
    language = await language_of(session, person)
    token = await create_invite(session, person, now=context.clock())
    return Reply(
        texts(language, "invite-link", link=f"https://t.me/{bot_username}?start=invite-{token}")
    )


@refused_as_reply
async def audit_reply(session: AsyncSession, context: ReplyContext, person: Person) -> Reply:
    """/audit: the latest entries of the audit log as sentences (coordinators and
    administrators)."""
    texts, zone = context.texts, context.timezone
    language = await language_of(session, person)
    await staff_member(session, person, "audit")
    log = await read_audit_log(session)
    lines = [texts(language, "audit-title")]
    lines += [escape(line) for line in audit_sentences(texts, language, log, zone)]
    return Reply("\n".join(lines), personal=True)
