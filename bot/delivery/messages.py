"""Outbox rows as messages, rendered at send time in the recipient's language.

A row that should no longer be sent (the meeting started, was cancelled or moved, the
member left) is not rendered: the reason comes back instead, and the row is skipped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.poll_messages import POLL_KINDS, poll_id_of, render_poll_row
from bot.language.catalog import Texts
from bot.planning.outbox import (
    ADDED,
    ANNOUNCEMENT,
    CANCELLATION,
    CHANGE,
    FEEDBACK,
    MINUTES,
    REMINDER,
    SURVEY,
    SURVEY_REMINDER,
    ReminderPolicy,
    meeting_subject,
)
from bot.planning.timing import meeting_start
from bot.replies.broadcasts import announcement_message
from bot.replies.buttons import RsvpButton, ShowMinutes
from bot.replies.feedback import feedback_question
from bot.replies.meeting_texts import notice_text, render_meeting
from bot.replies.reply import Attachment, Button, Reply
from bot.replies.surveys import survey_message
from bot.services.announcements import Progress
from bot.services.directory import Directory
from bot.services.meetings import meeting_view
from bot.services.poll_results import PollResults, poll_results
from bot.services.signatures import Signer, signers
from bot.services.surveys import load_survey
from storage.models import (
    Announcement,
    AnnouncementState,
    GroupChat,
    Meeting,
    MeetingFeedback,
    MeetingStatus,
    Member,
    Minutes,
    Outbox,
    RsvpAnswer,
    Subscription,
    Survey,
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
            Button(texts(language, key), RsvpButton(meeting_id, answer).encode())
            for answer, key in RSVP_KEYS.items()
        ),
    )


@dataclass(frozen=True)
class Recipients:
    """What rendering a batch of rows needs from the database, read in a few queries.

    Loading it row by row cost several round trips per message, which at a few hundred
    messages a second was most of the dispatcher's time.
    """

    members: Mapping[int, Member]
    group_languages: Mapping[int, str]
    announcements: Mapping[int, Announcement]
    meetings: Mapping[int, Meeting]
    # (member id, workshop id) of the reminders' members and meetings' workshops.
    follows: frozenset[tuple[int, int]]
    # The meetings of minutes notices whose minutes are still there.
    with_minutes: frozenset[int] = frozenset()
    # The date polls of the batch's poll rows, with their answers so far.
    polls: Mapping[int, PollResults] = field(default_factory=dict)
    # The surveys of survey messages and their reminders, with their questions.
    surveys: Mapping[int, Survey] = field(default_factory=dict)
    # Who signs each announcement of the batch.
    signers: Mapping[int, Signer] = field(default_factory=dict)
    # (member id, meeting id) of feedback questions already answered (typed before).
    answered: frozenset[tuple[int, int]] = frozenset()


async def load_recipients(session: AsyncSession, rows: Sequence[Outbox]) -> Recipients:
    """The members, groups, announcements, meetings and subscriptions behind `rows`."""
    member_ids = {row.member_id for row in rows if row.member_id is not None}
    group_chats = {row.chat_id for row in rows if row.member_id is None}
    announcement_ids = {row.announcement_id for row in rows if row.announcement_id is not None}
    meeting_ids = {row.meeting_id for row in rows if row.meeting_id is not None}
    members = await _by_id(session, Member, member_ids)
    announcements = await _by_id(session, Announcement, announcement_ids)
    meetings = await _by_id(session, Meeting, meeting_ids)
    group_languages: dict[int, str] = {}
    for chunk in _chunks(group_chats):
        group_languages.update(
            (chat_id, language)
            for chat_id, language in await session.execute(
                select(GroupChat.chat_id, GroupChat.language).where(GroupChat.chat_id.in_(chunk))
            )
        )
    reminded = {
        (row.member_id, meetings[row.meeting_id].workshop_id)
        for row in rows
        if row.kind == REMINDER
        and row.member_id is not None
        and row.meeting_id is not None
        and row.meeting_id in meetings
    }
    follows: set[tuple[int, int]] = set()
    for chunk in _chunks({member_id for member_id, _ in reminded}):
        follows.update(
            (member_id, workshop_id)
            for member_id, workshop_id in await session.execute(
                select(Subscription.member_id, Subscription.workshop_id).where(
                    Subscription.member_id.in_(chunk)
                )
            )
        )
    with_minutes: set[int] = set()
    for chunk in _chunks(
        {row.meeting_id for row in rows if row.kind == MINUTES and row.meeting_id}
    ):
        with_minutes.update(
            await session.scalars(select(Minutes.meeting_id).where(Minutes.meeting_id.in_(chunk)))
        )
    poll_ids = {poll_id_of(row) for row in rows if row.kind in POLL_KINDS}
    polls = await poll_results(session, {i for i in poll_ids if i is not None})
    surveys: dict[int, Survey] = {}
    for survey_id in {int(row.payload["survey"]) for row in rows if row.kind in _SURVEY_KINDS}:
        survey = await load_survey(session, survey_id)
        if survey is not None:
            surveys[survey_id] = survey
    return Recipients(
        members,
        group_languages,
        announcements,
        meetings,
        frozenset(follows),
        frozenset(with_minutes),
        polls,
        surveys,
        await signers(session, announcements.values()),
        await _answered(session, [row for row in rows if row.kind == FEEDBACK]),
    )


async def _answered(session: AsyncSession, rows: Sequence[Outbox]) -> frozenset[tuple[int, int]]:
    """Which of the feedback questions' members have already given their feedback."""
    found: set[tuple[int, int]] = set()
    for chunk in _chunks({row.meeting_id for row in rows if row.meeting_id is not None}):
        found.update(
            (member_id, meeting_id)
            for member_id, meeting_id in await session.execute(
                select(MeetingFeedback.member_id, MeetingFeedback.meeting_id).where(
                    MeetingFeedback.meeting_id.in_(chunk)
                )
            )
        )
    return frozenset(found)


_SURVEY_KINDS = (SURVEY, SURVEY_REMINDER)


# Ids per IN (…) list: far below every database's limit on bound parameters.
_CHUNK = 500


def _chunks(ids: set[int]) -> list[list[int]]:
    ordered = sorted(ids)
    return [ordered[start : start + _CHUNK] for start in range(0, len(ordered), _CHUNK)]


Loaded = TypeVar("Loaded", Member, Announcement, Meeting)


async def _by_id(session: AsyncSession, model: type[Loaded], ids: set[int]) -> dict[int, Loaded]:
    found: dict[int, Loaded] = {}
    for chunk in _chunks(ids):
        for item in await session.scalars(
            select(model).where(model.id.in_(chunk)).execution_options(populate_existing=True)
        ):
            found[item.id] = item
    return found


def render(
    row: Outbox,
    recipients: Recipients,
    directory: Directory,
    texts: Texts,
    policy: ReminderPolicy,
    now: datetime,
) -> Reply | str:
    """The message of a row, or why it is no longer to be sent."""
    member = recipients.members.get(row.member_id) if row.member_id is not None else None
    if row.member_id is not None and (member is None or not member.active):
        return "recipient inactive"
    if member is not None:
        language = member.language
    else:
        language = recipients.group_languages.get(row.chat_id) or texts.default_language
    if row.kind == ANNOUNCEMENT:
        return _announcement(row, recipients, texts, language)
    if row.kind in POLL_KINDS:
        return render_poll_row(
            row, member, language, recipients.polls, directory, texts, policy.zone, now
        )
    if row.kind in _SURVEY_KINDS:
        survey = recipients.surveys.get(int(row.payload.get("survey", 0)))
        if survey is None:
            return "survey removed"
        return survey_message(texts, language, survey, policy.zone, now, row.kind == SURVEY)
    meeting = recipients.meetings.get(row.meeting_id) if row.meeting_id is not None else None
    if meeting is None:
        return "meeting removed"
    view = meeting_view(meeting, directory)
    body = render_meeting(texts, language, view, directory, policy.zone)

    if row.kind == REMINDER:
        stale = _stale_reminder(row, meeting, member, recipients, policy, now)
        return stale or _reminder(meeting, member, body, texts, language)
    if row.kind in (CHANGE, CANCELLATION, ADDED):
        if row.kind == ADDED and meeting.status == MeetingStatus.CANCELLED:
            return "meeting cancelled"
        changes = row.payload.get("changes", {})
        return Reply(notice_text(row.kind, changes, body, texts, language, directory, policy.zone))
    if row.kind == MINUTES:
        if meeting.id not in recipients.with_minutes:
            return "minutes removed"
        return _minutes_notice(meeting, body, texts, language)
    if row.kind == FEEDBACK:
        if policy.feedback_delay is None:
            return "feedback off"
        if meeting.status == MeetingStatus.CANCELLED:
            return "meeting cancelled"
        if (row.member_id, meeting.id) in recipients.answered:
            return "feedback already given"
        return feedback_question(texts, language, directory, meeting, policy.zone)
    return f"unknown kind {row.kind}"


def _announcement(row: Outbox, recipients: Recipients, texts: Texts, language: str) -> Reply | str:
    """A confirmed announcement with its title and attachment; withdrawn ones are not sent."""
    announcement = (
        recipients.announcements.get(row.announcement_id)
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
        announcement_message(
            texts, language, announcement.text, recipients.signers.get(announcement.id)
        ),
        attachment=attachment,
    )


def _stale_reminder(
    row: Outbox,
    meeting: Meeting,
    member: Member | None,
    recipients: Recipients,
    policy: ReminderPolicy,
    now: datetime,
) -> str | None:
    """Why a reminder planned earlier no longer fits its meeting; None when it still does."""
    if meeting.status == MeetingStatus.CANCELLED:
        return "meeting cancelled"
    if row.subject != meeting_subject(meeting):
        return "meeting changed since planned"
    if meeting_start(meeting.date, meeting.starts_at, policy.zone) <= now:
        return "meeting already started"
    if member is not None and (member.id, meeting.workshop_id) not in recipients.follows:
        return "no longer follows the workshop"
    return None


def _reminder(
    meeting: Meeting, member: Member | None, body: str, texts: Texts, language: str
) -> Reply:
    """A reminder; a member also gets the RSVP buttons (a group chat only the text)."""
    text = "\n\n".join(
        [
            texts(language, "reminder-title"),
            body,
            texts(language, "reminder-rsvp", meeting=meeting.id),
        ]
    )
    buttons = rsvp_buttons(texts, language, meeting.id) if member is not None else ()
    return Reply(text, buttons)


def _minutes_notice(meeting: Meeting, body: str, texts: Texts, language: str) -> Reply:
    """Minutes were added to a meeting: its details and a button to read them."""
    text = "\n\n".join(
        [
            texts(language, "minutes-notice-title"),
            body,
            texts(language, "minutes-notice-read", meeting=meeting.id),
        ]
    )
    button = Button(texts(language, "minutes-read-button"), ShowMinutes(meeting.id).encode())
    return Reply(text, ((button,),))


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
