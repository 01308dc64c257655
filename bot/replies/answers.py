"""Replies to participants' questions, shared by commands, buttons and plain words.

A reply is text plus buttons described as plain data; the handlers turn them into
Telegram's keyboards. Nothing here knows Telegram types.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.foundation.typed import number
from bot.language.periods import parse_period
from bot.language.questions import Intent, understand
from bot.replies.buttons import FollowWorkshop, MoreMeetings
from bot.replies.context import ReplyContext
from bot.replies.help import command_list, help_reply
from bot.replies.meeting_texts import (
    render_contacts,
    render_last,
    render_meetings,
    render_workshop,
)
from bot.replies.question_answers import Answer, meetings_answer
from bot.replies.reply import Button, Reply
from bot.services.contacts import contacts
from bot.services.directory import Directory, load_directory
from bot.services.meeting_refs import sees_meeting_numbers
from bot.services.meetings import (
    MeetingFilter,
    last_meeting,
    meeting_page,
    next_meetings,
)
from bot.services.members import Participant

# --- meetings -------------------------------------------------------------------------


async def next_reply(
    session: AsyncSession,
    context: ReplyContext,
    asker: Participant,
    word: str | None,
    *,
    language: str | None = None,
) -> Reply:
    """/next [WORD]: the next meeting of each workshop, narrowed by workshop or town."""
    directory = await load_directory(session)
    language = language or asker.language
    texts = context.texts
    wanted = MeetingFilter(workshop_ids=asker.scope())
    if word:
        workshop = directory.workshop(word)
        town = None if workshop else directory.town(word)
        if workshop is None and town is None:
            return Reply(texts(language, "next-unknown-word", word=escape(word[:80])))
        if workshop is not None:
            wanted = MeetingFilter(workshop_ids=frozenset({workshop.id}))
        else:
            wanted = replace(wanted, place=town)
    return await _next(session, context, asker, directory, wanted, language)


async def _next(
    session: AsyncSession,
    context: ReplyContext,
    asker: Participant,
    directory: Directory,
    wanted: MeetingFilter,
    language: str,
) -> Reply:
    texts, zone, now = context.texts, context.timezone, context.clock()
    meetings = await next_meetings(session, directory, wanted, now=now, zone=zone)
    if not meetings and wanted.place is not None and wanted.workshop_ids is not None:
        # Nothing of one's own workshops in that town: any workshop's meeting there helps.
        wanted = replace(wanted, workshop_ids=None)
        meetings = await next_meetings(session, directory, wanted, now=now, zone=zone)
    if meetings:
        body = (
            texts(language, "next-title")
            + "\n\n"
            + render_meetings(
                texts,
                language,
                meetings,
                directory,
                zone,
                numbered=await sees_meeting_numbers(session, asker),
            )
        )
    else:
        last = await last_meeting(session, directory, wanted, now=now, zone=zone)
        body = render_last(texts, language, last)
    if asker.nudge():
        body += "\n\n" + texts(language, "next-not-registered")
    return Reply(body)


async def meetings_reply(
    session: AsyncSession,
    context: ReplyContext,
    asker: Participant,
    arguments: str,
    *,
    language: str | None = None,
) -> Reply:
    """/meetings [PAGE] [WORKSHOP | TOWN | MONTH]: a page of meetings."""
    directory = await load_directory(session)
    language = language or asker.language
    words = arguments.split()
    page = 1
    if words and (typed := number(words[-1])) is not None and typed < 10_000:
        page = typed
        words.pop()
    rest = " ".join(words)
    wanted = MeetingFilter(workshop_ids=asker.scope())
    if rest:
        today = context.clock().astimezone(context.timezone).date()
        period = parse_period(rest, today)
        workshop = None if period else directory.workshop(rest)
        town = None if period or workshop else directory.town(rest)
        if period is not None:
            wanted = replace(wanted, period=period)
        elif workshop is not None:
            wanted = MeetingFilter(workshop_ids=frozenset({workshop.id}))
        elif town is not None:
            wanted = replace(wanted, place=town)
        else:
            return Reply(context.texts(language, "next-unknown-word", word=escape(rest[:80])))
    return await page_reply(
        session,
        context,
        directory,
        wanted,
        page,
        language,
        asker.nudge(),
        numbered=await sees_meeting_numbers(session, asker),
    )


async def page_reply(
    session: AsyncSession,
    context: ReplyContext,
    directory: Directory,
    wanted: MeetingFilter,
    page: int,
    language: str,
    nudge: bool = False,
    *,
    numbered: bool = False,
) -> Reply:
    """A page of meetings with a "more" button when there are more; `numbered` shows each
    meeting's number (for the staff)."""
    texts, zone = context.texts, context.timezone
    result = await meeting_page(
        session, directory, wanted, page=max(page, 1), now=context.clock(), zone=zone
    )
    if result.total == 0:
        text = texts(language, "meetings-none")
    elif not result.meetings:
        return Reply(texts(language, "meetings-no-page", page=page, pages=result.pages))
    else:
        title = texts(
            language,
            "meetings-title",
            first=result.first_number,
            last=result.first_number + len(result.meetings) - 1,
            total=result.total,
        )
        text = (
            title
            + "\n\n"
            + render_meetings(texts, language, result.meetings, directory, zone, numbered=numbered)
        )
    if nudge:
        text += "\n\n" + texts(language, "next-not-registered")
    buttons: tuple[tuple[Button, ...], ...] = ()
    if result.page < result.pages:
        data = MoreMeetings(result.page + 1, wanted).encode()
        buttons = ((Button(texts(language, "meetings-more"), data),),)
    return Reply(text, buttons)


# --- workshops and contacts ----------------------------------------------------------------


async def workshops_reply(
    session: AsyncSession,
    context: ReplyContext,
    participant: Participant,
    *,
    language: str | None = None,
) -> Reply:
    """/workshops: every workshop with its municipalities and a join or leave button."""
    directory = await load_directory(session)
    language = language or participant.language
    texts = context.texts
    blocks = [texts(language, "workshops-title")]
    buttons = []
    for workshop in directory.workshops:
        following = workshop.id in participant.workshop_ids
        blocks.append(render_workshop(texts, language, workshop, directory, following))
        name = workshop.title(language)
        short = name if len(name) <= 40 else name[:39] + "…"
        action: Literal["join", "leave"] = "leave" if following else "join"
        label = texts(language, f"workshop-{action}", name=short)
        buttons.append((Button(label, FollowWorkshop(action, workshop.id).encode()),))
    return Reply("\n\n".join(blocks), tuple(buttons))


async def contact_reply(session: AsyncSession, context: ReplyContext, language: str) -> Reply:
    """/contact."""
    return Reply(render_contacts(context.texts, language, await contacts(session)))


# --- plain words ------------------------------------------------------------------------


async def question_reply(
    session: AsyncSession, context: ReplyContext, asker: Participant, text: str
) -> Reply:
    """A question in plain words gets the same answer as the matching command."""
    return (await answer_question(session, context, asker, text)).reply


async def answer_question(
    session: AsyncSession, context: ReplyContext, asker: Participant, text: str
) -> Answer:
    """The reply to a question in plain words, with the meetings it lists."""
    directory = await load_directory(session)
    today = context.clock().astimezone(context.timezone).date()
    question = understand(text, directory.vocabulary, today)
    language = question.language or asker.language
    texts = context.texts
    if question.intent is Intent.HELP:
        return Answer(help_reply(texts, language))
    if question.intent is Intent.CONTACT:
        return Answer(await contact_reply(session, context, language))
    if question.intent is Intent.WORKSHOPS:
        return Answer(await workshops_reply(session, context, asker, language=language))
    if question.intent in {Intent.NEXT, Intent.MEETINGS}:
        return await meetings_answer(session, context, asker, question, directory, language)
    not_understood = (
        texts(language, "question-not-understood") + "\n" + command_list(texts, language)
    )
    return Answer(Reply(not_understood))
