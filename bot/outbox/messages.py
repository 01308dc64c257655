"""Outbox rows as messages, rendered at send time in the recipient's language.

A row that should no longer be sent (the meeting started, was cancelled or moved, the
member left) is not rendered: the reason comes back instead, and the row is skipped.
"""

from __future__ import annotations

from datetime import date, datetime
from html import escape
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting import format_clock, format_day
from bot.i18n import Texts
from bot.meeting_texts import render_meeting
from bot.outbox.planning import (
    ADDED,
    ANNOUNCEMENT,
    CANCELLATION,
    CHANGE,
    MINUTES,
    REMINDER,
    ReminderPolicy,
    meeting_subject,
)
from bot.outbox.timing import meeting_start
from bot.reply import Attachment, Button, Reply
from bot.services.announcements import Progress
from bot.services.directory import Directory
from bot.services.meetings import meeting_view
from storage.models import (
    Announcement,
    AnnouncementState,
    GroupChat,
    Meeting,
    MeetingStatus,
    Member,
    Minutes,
    Outbox,
    RsvpAnswer,
    Subscription,
)

RSVP_KEYS = {
    RsvpAnswer.GOING: "rsvp-going",
    RsvpAnswer.NOT_GOING: "rsvp-not-going",
    RsvpAnswer.MAYBE: "rsvp-maybe",
}


def rsvp_buttons(texts: Texts, language: str, meeting_id: int) -> tuple[tuple[Button, ...], ...]:
    """Tulen / En pääse / Ehkä, as one row."""
    return (
        tuple(
            Button(texts(language, key), f"rsvp:{meeting_id}:{answer.value}")
            for answer, key in RSVP_KEYS.items()
        ),
    )


async def render_row(
    session: AsyncSession,
    row: Outbox,
    directory: Directory,
    texts: Texts,
    policy: ReminderPolicy,
    now: datetime,
) -> Reply | str:
    """The message of a row, or why it is no longer to be sent."""
    member = await session.get(Member, row.member_id) if row.member_id is not None else None
    if row.member_id is not None and (member is None or not member.active):
        return "recipient inactive"
    if member is not None:
        language = member.language
    else:
        language = (
            await session.scalar(select(GroupChat.language).where(GroupChat.chat_id == row.chat_id))
            or texts.default_language
        )
    if row.kind == ANNOUNCEMENT:
        announcement = (
            await session.get(Announcement, row.announcement_id)
            if row.announcement_id is not None
            else None
        )
        if announcement is None or announcement.state != AnnouncementState.CONFIRMED:
            return "announcement withdrawn"
        attachment = (
            Attachment(announcement.attachment_kind, announcement.attachment_file_id)
            if announcement.attachment_kind and announcement.attachment_file_id
            else None
        )
        return Reply(
            texts(language, "announcement-title") + "\n\n" + announcement.text,
            attachment=attachment,
        )
    meeting = await session.get(Meeting, row.meeting_id) if row.meeting_id is not None else None
    if meeting is None:
        return "meeting removed"
    view = meeting_view(meeting, directory)
    body = render_meeting(texts, language, view, directory, policy.zone)

    if row.kind == REMINDER:
        if meeting.status == MeetingStatus.CANCELLED:
            return "meeting cancelled"
        if row.subject != meeting_subject(meeting):
            return "meeting changed since planned"
        if meeting_start(meeting.date, meeting.starts_at, policy.zone) <= now:
            return "meeting already started"
        if member is not None and not await _follows(session, member.id, meeting.workshop_id):
            return "no longer follows the workshop"
        text = "\n\n".join(
            [
                texts(language, "reminder-title"),
                body,
                texts(language, "reminder-rsvp", meeting=meeting.id),
            ]
        )
        buttons = rsvp_buttons(texts, language, meeting.id) if member is not None else ()
        return Reply(text, buttons)
    if row.kind == CHANGE:
        lines = _change_lines(row.payload.get("changes", {}), texts, language, directory, policy)
        return Reply("\n\n".join([texts(language, "change-title"), "\n".join(lines), body]))
    if row.kind == CANCELLATION:
        return Reply("\n\n".join([texts(language, "cancellation-title"), body]))
    if row.kind == ADDED:
        if meeting.status == MeetingStatus.CANCELLED:
            return "meeting cancelled"
        return Reply("\n\n".join([texts(language, "added-title"), body]))
    if row.kind == MINUTES:
        found = await session.scalar(select(Minutes.id).where(Minutes.meeting_id == meeting.id))
        if found is None:
            return "minutes removed"
        text = "\n\n".join(
            [
                texts(language, "minutes-notice-title"),
                body,
                texts(language, "minutes-notice-read", meeting=meeting.id),
            ]
        )
        button = Button(texts(language, "minutes-read-button"), f"min:show:{meeting.id}")
        return Reply(text, ((button,),))
    return f"unknown kind {row.kind}"


async def _follows(session: AsyncSession, member_id: int, workshop_id: int) -> bool:
    found = await session.scalar(
        select(Subscription.member_id).where(
            Subscription.member_id == member_id, Subscription.workshop_id == workshop_id
        )
    )
    return found is not None


def _change_lines(
    changes: dict[str, list[Any]],
    texts: Texts,
    language: str,
    directory: Directory,
    policy: ReminderPolicy,
) -> list[str]:
    """`Aika: klo 9.30 → 10.00`, `Paikka: Tuusula → Lohja`, `Päivä: 4.3.2009 → 5.3.2009`."""
    lines = []
    if "date" in changes:
        old, new = (format_day(date.fromisoformat(v), language) for v in changes["date"])
        lines.append(texts(language, "change-date", old=old, new=new))
    if "starts_at" in changes or "ends_at" in changes:
        old, new = (_time_range(changes, index, texts, language, policy) for index in (0, 1))
        lines.append(texts(language, "change-time", old=old, new=new))
    if "place" in changes:
        old, new = (
            escape(directory.town_title(v, language)) if v else texts(language, "change-none")
            for v in changes["place"]
        )
        lines.append(texts(language, "change-place", old=old, new=new))
    return lines


def _time_range(
    changes: dict[str, list[Any]], index: int, texts: Texts, language: str, policy: ReminderPolicy
) -> str:
    start = changes.get("starts_at", [None, None])[index]
    end = changes.get("ends_at", [None, None])[index]
    if start is None:
        return texts(language, "change-none")
    text = format_clock(datetime.fromisoformat(start), language, policy.zone)
    if end is not None:
        text += "–" + format_clock(datetime.fromisoformat(end), language, policy.zone)
    return text


def render_progress(texts: Texts, language: str, progress: Progress) -> str:
    """The coordinator's status message: counts as it goes, a summary at the end."""
    key = "broadcast-done" if progress.done else "broadcast-progress"
    return texts(
        language,
        key,
        total=progress.total,
        sent=progress.sent,
        failed=progress.failed,
        blocked=progress.blocked,
        not_started=progress.not_started,
        pending=progress.pending,
    )
