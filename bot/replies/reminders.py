"""Replies about reminders: /reminders, RSVP answers (buttons and /going …) and /status."""

from __future__ import annotations

from datetime import timedelta
from html import escape
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.language.dates import format_day, format_when
from bot.replies.context import ReplyContext
from bot.replies.meeting_refs import meeting_named
from bot.replies.reply import Reply
from bot.services.directory import load_directory
from bot.services.meeting_refs import split_reference
from bot.services.members import (
    MAX_REMINDERS,
    Person,
    member_of,
    participant_of,
    set_reminder_offsets,
)
from bot.services.rsvp import answer_meeting
from bot.services.status import outbox_status
from config.settings import parse_offsets
from storage.models import OutboxStatus, Role, RsvpAnswer

RSVP_TEXT = {
    RsvpAnswer.GOING: "rsvp-going",
    RsvpAnswer.NOT_GOING: "rsvp-not-going",
    RsvpAnswer.MAYBE: "rsvp-maybe",
}
_UNITS = (("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1))


def describe_offsets(context: ReplyContext, language: str, offsets: tuple[timedelta, ...]) -> str:
    """`7 päivää, 1 päivä` in the reader's language."""
    parts = []
    for offset in offsets:
        seconds = int(offset.total_seconds())
        unit, size = next((u, n) for u, n in _UNITS if seconds % n == 0)
        parts.append(context.texts(language, f"offset-{unit}", n=seconds // size))
    return ", ".join(parts)


async def reminders_reply(
    session: AsyncSession, context: ReplyContext, person: Person, argument: str
) -> Reply:
    """/reminders [1d,2h | off | default]: show or set when one's reminders come."""
    texts = context.texts
    policy = context.policy
    wanted = argument.strip().lower()
    language = (await participant_of(session, person)).language
    if not wanted:
        member = await member_of(session, person)
        offsets = policy.offsets_of(member)
        if not offsets:
            return Reply(texts(language, "reminders-off"))
        text = texts(
            language, "reminders-current", offsets=describe_offsets(context, language, offsets)
        )
        if member.reminder_offsets is None:
            text += " " + texts(language, "reminders-default")
        return Reply(text)
    if wanted in {"off", "pois", "av", "none"}:
        offsets_to_set: tuple[timedelta, ...] | None = ()
    elif wanted in {"default", "oletus", "standard"}:
        offsets_to_set = None
    else:
        try:
            offsets_to_set = parse_offsets(wanted)
        except ValueError:
            return Reply(texts(language, "reminders-bad", value=escape(argument.strip()[:40])))
        if not offsets_to_set:
            return Reply(texts(language, "reminders-bad", value=escape(argument.strip()[:40])))
        if len(offsets_to_set) > MAX_REMINDERS:
            return Reply(texts(language, "reminders-too-many", limit=MAX_REMINDERS))
    member = await set_reminder_offsets(session, person, offsets_to_set, planner=context.planner)
    offsets = policy.offsets_of(member)
    if not offsets:
        return Reply(texts(language, "reminders-turned-off"))
    return Reply(
        texts(language, "reminders-set", offsets=describe_offsets(context, language, offsets))
    )


async def rsvp_reply(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    meeting_id: int,
    answer: RsvpAnswer,
) -> Reply | None:
    """Store an RSVP and thank for it; None when the meeting does not exist."""
    meeting = await answer_meeting(session, person, meeting_id, answer)
    if meeting is None:
        return None
    language = (await participant_of(session, person)).language
    directory = await load_directory(session)
    workshop = directory.workshop_by_id(meeting.workshop_id)
    return Reply(
        context.texts(
            language,
            "rsvp-saved",
            date=format_day(meeting.date, language),
            workshop=escape(workshop.title(language) if workshop else ""),
            answer=context.texts(language, RSVP_TEXT[answer]),
        )
    )


# The typed answers and what each stores.
RsvpCommand = Literal["going", "notgoing", "maybe"]
RSVP_COMMANDS: dict[RsvpCommand, RsvpAnswer] = {
    "going": RsvpAnswer.GOING,
    "notgoing": RsvpAnswer.NOT_GOING,
    "maybe": RsvpAnswer.MAYBE,
}


async def typed_rsvp_reply(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    arguments: str,
    command: RsvpCommand,
) -> Reply:
    """/going MEETING, /notgoing MEETING, /maybe MEETING: the meeting by any of its names."""
    language = (await participant_of(session, person)).language
    reference, _ = split_reference(arguments)
    if not reference:
        return Reply(context.texts(language, "rsvp-usage", example=f"/{command} 12"))
    meeting = await meeting_named(session, context, person, language, reference, command=command)
    if isinstance(meeting, Reply):
        return meeting
    saved = await rsvp_reply(session, context, person, meeting.id, RSVP_COMMANDS[command])
    return saved or Reply(context.texts(language, "meeting-unknown", key=escape(reference[:40])))


async def status_reply(session: AsyncSession, context: ReplyContext, person: Person) -> Reply:
    """/status for administrators: the outbox's counts, next reminder, last message."""
    texts = context.texts
    member = await member_of(session, person)
    language = member.language
    if member.role != Role.ADMIN:
        return Reply(texts(language, "status-not-allowed"))
    status = await outbox_status(session)
    zone = context.timezone
    lines = [
        texts(
            language,
            "status-report",
            pending=status.counts[OutboxStatus.PENDING],
            sent=status.counts[OutboxStatus.SENT],
            failed=status.counts[OutboxStatus.FAILED],
            skipped=status.counts[OutboxStatus.SKIPPED],
        )
    ]
    if status.next_due is not None:
        when = format_when(
            status.next_due.astimezone(zone).date(), status.next_due, None, language, zone
        )
        lines.append(
            texts(language, "status-next", when=when, workshop=escape(status.next_workshop or ""))
        )
    else:
        lines.append(texts(language, "status-no-next"))
    if status.last_sent is not None:
        when = format_when(
            status.last_sent.astimezone(zone).date(), status.last_sent, None, language, zone
        )
        lines.append(texts(language, "status-last", when=when))
    else:
        lines.append(texts(language, "status-never"))
    return Reply("\n".join(lines))
