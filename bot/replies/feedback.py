"""Feedback after a meeting: the question with its grade buttons, the typed `/feedback`,
the awaited comment, and `/feedbackresults` for coordinators."""

from __future__ import annotations

from html import escape, unescape
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.foundation.typed import number
from bot.language.catalog import Texts
from bot.language.dates import format_when
from bot.replies.asking_buttons import FeedbackButton
from bot.replies.context import ReplyContext
from bot.replies.refusals import refused_as_reply
from bot.replies.reply import Button, Refusal, Reply
from bot.services import feedback
from bot.services.directory import Directory, load_directory
from bot.services.meeting_refs import MeetingAmbiguous, find_meeting
from bot.services.members import Person, language_of
from storage.models import Meeting


def meeting_title(language: str, directory: Directory, meeting: Meeting, zone: ZoneInfo) -> str:
    """`Workshop, ke 4.3.2009 klo 13.00–15.30`, escaped."""
    workshop = directory.workshop_by_id(meeting.workshop_id)
    when = format_when(meeting.date, meeting.starts_at, meeting.ends_at, language, zone)
    return escape(f"{workshop.title(language) if workshop else ''}, {when}")


def decimal(value: float, language: str) -> str:
    """One decimal, with the decimal comma in Finnish and Swedish."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if language in {"fi", "sv"} else text


def _grade_buttons(meeting_id: int) -> tuple[tuple[Button, ...], ...]:
    return (tuple(Button(str(g), FeedbackButton(meeting_id, g).encode()) for g in feedback.GRADES),)


def feedback_question(
    texts: Texts, language: str, directory: Directory, meeting: Meeting, zone: ZoneInfo
) -> Reply:
    """The question the outbox sends after a meeting: grade buttons 1–5."""
    text = texts(
        language,
        "feedback-question",
        meeting=meeting_title(language, directory, meeting, zone),
        id=meeting.id,
    )
    return Reply(text, _grade_buttons(meeting.id))


def _refused(texts: Texts, language: str, error: feedback.FeedbackRefused) -> Refusal:
    return Refusal(texts(language, error.key, **error.values))


async def feedback_button_reply(
    session: AsyncSession, context: ReplyContext, person: Person, pressed: FeedbackButton
) -> Reply:
    """A grade under the question (the question becomes the thanks, its buttons stay for a
    change of mind), or "no comment"."""
    texts, language = context.texts, await language_of(session, person)
    if pressed.grade == 0:
        stopped = await feedback.stop_waiting(session, person, pressed.meeting_id)
        return Reply(texts(language, "feedback-no-comment" if stopped else "feedback-not-waiting"))
    try:
        meeting, given = await feedback.give(
            session,
            person,
            pressed.meeting_id,
            pressed.grade,
            now=context.clock(),
            zone=context.timezone,
            by_button=True,
        )
    except feedback.FeedbackRefused as error:
        return _refused(texts, language, error)
    title = meeting_title(language, await load_directory(session), meeting, context.timezone)
    text = texts(language, "feedback-thanks-ask-comment", meeting=title, grade=given.grade)
    skip = Button(texts(language, "feedback-skip-comment"), FeedbackButton(meeting.id, 0).encode())
    return Reply(text, (*_grade_buttons(meeting.id), (skip,)))


async def _meeting(
    session: AsyncSession,
    context: ReplyContext,
    language: str,
    directory: Directory,
    key: str,
    command: str,
) -> Meeting | Reply:
    """The meeting a typed key names (as every command names one), or the line that says
    why not."""
    texts, typed = context.texts, unescape(key)
    today = context.clock().astimezone(context.timezone).date()
    try:
        meeting = await find_meeting(session, directory, typed, today=today)
    except MeetingAmbiguous as ambiguous:
        choices = ", ".join(f"/{command} {m.id}" for m in ambiguous.candidates)
        return Reply(texts(language, "feedback-ambiguous", key=escape(typed[:40]), choices=choices))
    if meeting is None:
        return Reply(texts(language, "feedback-unknown", meeting=escape(typed[:40])))
    return meeting


async def feedback_reply(
    session: AsyncSession, context: ReplyContext, person: Person, arguments: str
) -> Reply:
    """/feedback MEETING GRADE [COMMENT]."""
    texts, language = context.texts, await language_of(session, person)
    parts = arguments.split(maxsplit=2)
    if len(parts) < 2:
        return Reply(texts(language, "feedback-usage"))
    grade = number(parts[1])
    if grade is None or grade not in feedback.GRADES:
        return Reply(texts(language, "feedback-bad-grade"))
    directory = await load_directory(session)
    found = await _meeting(session, context, language, directory, parts[0], "feedback")
    if isinstance(found, Reply):
        return found
    comment = parts[2] if len(parts) > 2 else None
    try:
        meeting, given = await feedback.give(
            session, person, found.id, grade, comment, now=context.clock(), zone=context.timezone
        )
    except feedback.FeedbackRefused as error:
        return Reply(texts(language, error.key, **error.values))
    title = meeting_title(language, directory, meeting, context.timezone)
    key = "feedback-thanks-comment" if given.comment else "feedback-thanks"
    return Reply(texts(language, key, meeting=title, grade=given.grade, id=meeting.id))


async def comment_reply(
    session: AsyncSession, context: ReplyContext, person: Person, text: str
) -> Reply | None:
    """A private message that is the comment awaited after a grade; None when none is."""
    now = context.clock()
    awaited = await feedback.awaited_comment(session, person, now)
    if awaited is None:
        return None
    await feedback.add_comment(session, awaited, text, now)
    language = await language_of(session, person)
    return Reply(context.texts(language, "feedback-comment-saved"))


@refused_as_reply
async def feedback_results_reply(
    session: AsyncSession, context: ReplyContext, person: Person, arguments: str
) -> Reply:
    """/feedbackresults MEETING: answers, average, 1–5 distribution and comments, no names."""
    texts, language = context.texts, await language_of(session, person)
    key = arguments.strip()
    if not key:
        return Reply(texts(language, "feedback-results-usage"))
    directory = await load_directory(session)
    found = await _meeting(session, context, language, directory, key, "feedbackresults")
    if isinstance(found, Reply):
        return found
    result = await feedback.results(session, person, found)
    title = meeting_title(language, directory, found, context.timezone)
    lines = [texts(language, "feedback-results-title", meeting=title)]
    if result.average is None:
        lines.append(texts(language, "feedback-results-none"))
        return Reply("\n".join(lines))
    lines.append(
        texts(
            language,
            "feedback-results-summary",
            count=result.count,
            average=decimal(result.average, language),
        )
    )
    lines.append(" · ".join(f"{g}: {result.distribution[g]}" for g in feedback.GRADES))
    if result.comments:
        lines += ["", texts(language, "feedback-results-comments")]
        lines += [f"– {escape(comment)}" for comment in result.comments]
    return Reply("\n".join(lines))
