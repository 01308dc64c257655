"""Replies about minutes: attaching them (coordinators), reading them, and /archive.

`/minutes KEY TEXT`, a file captioned `/minutes KEY`, or `/minutes KEY` and then the text
or file: coordinators attach. `/minutes KEY` from anyone else shows the minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape, unescape

from sqlalchemy.ext.asyncio import AsyncSession

from bot.language.dates import format_day, format_when
from bot.planning.notices import notify_minutes
from bot.replies.buttons import ArchivePage, ShowMinutes, StopMinutes
from bot.replies.context import ReplyContext
from bot.replies.feedback import decimal
from bot.replies.meeting_refs import meeting_named
from bot.replies.meeting_texts import unknown_workshop
from bot.replies.refusals import refused_as_reply
from bot.replies.reply import Button, Reply
from bot.services.directory import Directory, load_directory
from bot.services.feedback import summaries
from bot.services.meeting_admin import MeetingNotFound
from bot.services.meeting_refs import split_reference
from bot.services.members import Participant, Person, language_of, member_of
from bot.services.minutes import (
    MeetingCancelled,
    MeetingNotStarted,
    MinutesFile,
    NewMinutes,
    archive_page,
    attach_minutes,
    drop_request,
    minutes_of,
    request_minutes,
)
from bot.services.permissions import represented_by
from storage.models import Meeting


@dataclass(frozen=True)
class MinutesShown:
    """A reply, and the document of the minutes to send after it, if there is one."""

    reply: Reply
    file: MinutesFile | None = None
    meeting_id: int | None = None


def _meeting_title(
    context: ReplyContext, language: str, directory: Directory, meeting: Meeting
) -> str:
    """`Workshop, ke 4.3.2009 klo 13.00–15.30`, escaped."""
    workshop = directory.workshop_by_id(meeting.workshop_id)
    when = format_when(meeting.date, meeting.starts_at, meeting.ends_at, language, context.timezone)
    return escape(f"{workshop.title(language) if workshop else ''}, {when}")


async def minutes_reply(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    arguments: str,
    file: MinutesFile | None = None,
    *,
    may_ask: bool = True,
) -> MinutesShown:
    """/minutes KEY [TEXT], perhaps with a file: attach (coordinators), ask for the minutes
    (a coordinator's KEY alone in a private chat), or show them (everyone else)."""
    texts = context.texts
    language = await language_of(session, person)
    key, text = split_reference(arguments)
    if not key:
        return MinutesShown(Reply(texts(language, "minutes-usage")))
    directory = await load_directory(session)
    found = await meeting_named(
        session,
        context,
        person,
        language,
        unescape(key),
        command="minutes",
        # A file cannot ride on a button: the choice is then typed.
        rest=text if file is None else None,
        unknown="minutes-unknown-meeting",
    )
    if isinstance(found, Reply):
        return MinutesShown(found)
    if text or file is not None:
        return MinutesShown(
            await _attach(
                session, context, person, language, directory, found.id, NewMinutes(text, file)
            )
        )
    await member_of(session, person)
    # Staff, and the representatives of the meeting's workshop, are asked for the minutes;
    # in a group the answer would come in the private chat, unseen: there it only shows.
    own = await represented_by(session, person)
    if may_ask and (own is None or found.workshop_id in own):
        return MinutesShown(await _ask(session, context, person, language, directory, found))
    return await _show(session, context, language, directory, found)


@refused_as_reply
async def _attach(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    language: str,
    directory: Directory,
    meeting_id: int,
    new: NewMinutes,
) -> Reply:
    texts, zone = context.texts, context.timezone
    try:
        meeting, _, replaced = await attach_minutes(
            session,
            person,
            meeting_id,
            new,
            now=context.clock(),
            zone=zone,
        )
    except (MeetingNotStarted, MeetingCancelled, MeetingNotFound) as problem:
        return await _not_attachable(session, context, language, directory, meeting_id, problem)
    title = _meeting_title(context, language, directory, meeting)
    if replaced:
        return Reply(texts(language, "minutes-replaced", meeting=title))
    count = await notify_minutes(
        session,
        meeting,
        now=context.clock(),
        policy=context.policy,
    )
    return Reply(texts(language, "minutes-saved", meeting=title, count=count))


async def _not_attachable(
    session: AsyncSession,
    context: ReplyContext,
    language: str,
    directory: Directory,
    meeting_id: int,
    problem: Exception,
) -> Reply:
    texts = context.texts
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None or isinstance(problem, MeetingNotFound):
        return Reply(texts(language, "minutes-unknown-meeting", key=str(meeting_id)))
    title = _meeting_title(context, language, directory, meeting)
    key = (
        "minutes-meeting-cancelled" if isinstance(problem, MeetingCancelled) else "minutes-not-yet"
    )
    return Reply(texts(language, key, meeting=title))


@refused_as_reply
async def _ask(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    language: str,
    directory: Directory,
    meeting: Meeting,
) -> Reply:
    """A coordinator's `/minutes KEY` alone: wait for their next text or file."""
    texts = context.texts
    try:
        await request_minutes(
            session,
            person,
            meeting.id,
            now=context.clock(),
            zone=context.timezone,
        )
    except (MeetingNotStarted, MeetingCancelled, MeetingNotFound) as problem:
        return await _not_attachable(session, context, language, directory, meeting.id, problem)
    lines = [
        texts(
            language,
            "minutes-send-now",
            meeting=_meeting_title(context, language, directory, meeting),
        )
    ]
    buttons = [Button(texts(language, "minutes-stop-button"), StopMinutes().encode())]
    current = await minutes_of(session, meeting.id)
    if current is not None:
        lines.append(
            texts(
                language,
                "minutes-send-replaces",
                date=format_day(current.attached_at.astimezone(context.timezone).date(), language),
            )
        )
        buttons.insert(
            0, Button(texts(language, "minutes-current-button"), ShowMinutes(meeting.id).encode())
        )
    return Reply("\n".join(lines), (tuple(buttons),))


async def _show(
    session: AsyncSession,
    context: ReplyContext,
    language: str,
    directory: Directory,
    meeting: Meeting,
) -> MinutesShown:
    texts = context.texts
    title = _meeting_title(context, language, directory, meeting)
    minutes = await minutes_of(session, meeting.id)
    if minutes is None:
        return MinutesShown(Reply(texts(language, "minutes-none", meeting=title)))
    lines = [texts(language, "minutes-title", meeting=title)]
    if minutes.text:
        lines += ["", minutes.text]
    file = None
    if minutes.file_id and minutes.file_name:
        file = MinutesFile(minutes.file_id, minutes.file_name, minutes.file_content)
        lines += ["", texts(language, "minutes-file", name=escape(minutes.file_name))]
    return MinutesShown(Reply("\n".join(lines)), file, meeting.id)


async def show_minutes_reply(
    session: AsyncSession, context: ReplyContext, person: Person, meeting_id: int
) -> MinutesShown | None:
    """The "read the minutes" button: the minutes of a meeting; None if there is no meeting."""
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None:
        return None
    language = await language_of(session, person)
    return await _show(session, context, language, await load_directory(session), meeting)


async def awaited_minutes_reply(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    meeting_id: int,
    text: str | None,
    file: MinutesFile | None,
) -> Reply:
    """The text or file a coordinator sent after `/minutes KEY`: the minutes."""
    language = await language_of(session, person)
    directory = await load_directory(session)
    reply = await _attach(
        session,
        context,
        person,
        language,
        directory,
        meeting_id,
        NewMinutes(text or None, file),
    )
    # Whatever the outcome, the wait is over: a refusal (the role was taken away meanwhile)
    # or a meeting cancelled since must not turn every later message into that line.
    await drop_request(session, person.telegram_id)
    return reply


async def stop_request_reply(session: AsyncSession, context: ReplyContext, person: Person) -> Reply:
    """The Cancel button of the prompt: stop waiting for minutes."""
    language = await language_of(session, person)
    stopped = await drop_request(session, person.telegram_id)
    return Reply(context.texts(language, "minutes-stopped" if stopped else "minutes-not-waiting"))


def file_too_large(context: ReplyContext, language: str) -> Reply:
    """A file the bot cannot download (and so cannot keep a copy of)."""
    return Reply(context.texts(language, "minutes-file-too-large", limit="20 MB"))


# --- the archive ----------------------------------------------------------------------------


async def archive_reply(
    session: AsyncSession, context: ReplyContext, asker: Participant, arguments: str
) -> Reply:
    """/archive [WORKSHOP]: past meetings newest first, and whether each has minutes."""
    texts, language = context.texts, asker.language
    directory = await load_directory(session)
    word = arguments.strip()
    if word:
        workshop = directory.workshop(word)
        if workshop is None:
            return unknown_workshop(texts, language, word, directory)
        scope: frozenset[int] | None = frozenset({workshop.id})
    else:
        scope = asker.scope()
    return await archive_page_reply(session, context, directory, language, scope, 1)


async def archive_page_reply(
    session: AsyncSession,
    context: ReplyContext,
    directory: Directory,
    language: str,
    scope: frozenset[int] | None,
    page: int,
) -> Reply:
    """One page of the archive with a button per minutes and a "more" button."""
    texts, zone = context.texts, context.timezone
    result = await archive_page(session, scope, page=max(page, 1), now=context.clock(), zone=zone)
    if result.total == 0:
        return Reply(texts(language, "archive-none"))
    if not result.entries:
        return Reply(texts(language, "meetings-no-page", page=page, pages=result.pages))
    lines = [
        texts(language, "archive-title", scope=_scope_title(context, language, directory, scope)),
        texts(
            language,
            "archive-range",
            first=result.first_number,
            last=result.first_number + len(result.entries) - 1,
            total=result.total,
        ),
    ]
    several = scope is None or len(scope) > 1
    buttons: list[Button] = []
    graded = await summaries(session, [entry.meeting.id for entry in result.entries])
    for entry in result.entries:
        lines.append("")
        lines += _archive_lines(context, language, directory, entry.meeting, several)
        if entry.meeting.id in graded:
            count, average = graded[entry.meeting.id]
            lines.append(
                texts(language, "archive-feedback", average=decimal(average, language), count=count)
            )
        if entry.has_minutes:
            lines.append(texts(language, "archive-minutes", id=entry.meeting.id))
            label = "📝 " + format_day(entry.meeting.date, language)
            buttons.append(Button(label, ShowMinutes(entry.meeting.id).encode()))
        else:
            lines.append(texts(language, "archive-no-minutes", id=entry.meeting.id))
    rows = [tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]
    if result.page < result.pages:
        rows.append(
            (Button(texts(language, "meetings-more"), ArchivePage(page + 1, scope).encode()),)
        )
    return Reply("\n".join(lines), tuple(rows))


def _archive_lines(
    context: ReplyContext, language: str, directory: Directory, meeting: Meeting, several: bool
) -> list[str]:
    when = format_when(meeting.date, meeting.starts_at, meeting.ends_at, language, context.timezone)
    place = directory.town_title(meeting.place, language) if meeting.place else None
    head = f"<b>{escape(when)}</b>" + (f" · {escape(place)}" if place else "")
    lines = [head]
    if several:
        workshop = directory.workshop_by_id(meeting.workshop_id)
        if workshop is not None:
            lines.append(f"<i>{escape(workshop.title(language))}</i>")
    return lines


def _scope_title(
    context: ReplyContext, language: str, directory: Directory, scope: frozenset[int] | None
) -> str:
    if scope is None:
        return context.texts(language, "archive-scope-all")
    if len(scope) == 1:
        workshop = directory.workshop_by_id(next(iter(scope)))
        if workshop is not None:
            return escape(workshop.title(language))
    return context.texts(language, "archive-scope-own")
