"""Answers to questions about meetings in plain words.

The first line says the question back as it was understood ("Kokoukset 1–2 / 2 Lohjalla
maaliskuussa 2027:"), so that a misreading shows at once. Lists are every matching meeting,
one line each, a page of fifteen at a time; the details are behind a button and /next. A
town, workshop or period without meetings gets exactly that answer, never other meetings.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from html import escape

from sqlalchemy.ext.asyncio import AsyncSession

from bot.language.catalog import Texts
from bot.language.dates import format_day, format_when
from bot.language.periods import Period
from bot.language.places import in_town, town_name
from bot.language.questions import Intent, Question
from bot.replies.buttons import MoreMeetings
from bot.replies.context import ReplyContext
from bot.replies.meeting_texts import render_last, render_meeting_line, render_meetings
from bot.replies.reply import Button, Reply
from bot.services.directory import Directory
from bot.services.meetings import (
    PAGE_SIZE,
    MeetingFilter,
    MeetingPage,
    MeetingView,
    last_meeting,
    meeting_page,
    next_meetings,
)
from bot.services.members import Participant

# Meetings a list shows before its "more" button: a month of a busy network fits on one.
LIST_SIZE = 15


@dataclass(frozen=True)
class Answer:
    """The reply to a question, and the meetings it lists."""

    reply: Reply
    meetings: tuple[MeetingView, ...] = ()


async def meetings_answer(
    session: AsyncSession,
    context: ReplyContext,
    asker: Participant,
    question: Question,
    directory: Directory,
    language: str,
) -> Answer:
    """The next meetings or a list of meetings, as the question narrows them."""
    if question.elsewhere is not None:
        return Answer(Reply(_elsewhere(context.texts, language, question.elsewhere, directory)))
    wanted = MeetingFilter(workshop_ids=asker.scope(), place=question.town, period=question.period)
    if question.workshop is not None and (named := directory.workshop_by_key(question.workshop)):
        wanted = replace(wanted, workshop_ids=frozenset({named.id}))
    # Nothing of one's own workshops in the town or days asked about: any workshop's helps.
    narrowed = question.town is not None or question.period is not None
    wider = None
    if question.workshop is None and wanted.workshop_ids is not None and narrowed:
        wider = replace(wanted, workshop_ids=None)
    if question.intent is Intent.NEXT and question.period is None:
        answer = await _next_answer(session, context, directory, (wanted, wider), language)
        if asker.nudge():
            text = answer.reply.text + "\n\n" + context.texts(language, "next-not-registered")
            return replace(answer, reply=Reply(text))
        return answer
    return await list_answer(
        session, context, directory, wanted, 1, language, nudge=asker.nudge(), wider=wider
    )


async def _next_answer(
    session: AsyncSession,
    context: ReplyContext,
    directory: Directory,
    filters: tuple[MeetingFilter, MeetingFilter | None],
    language: str,
) -> Answer:
    texts, zone, now = context.texts, context.timezone, context.clock()
    wanted, wider = filters
    meetings = await next_meetings(session, directory, wanted, now=now, zone=zone)
    if not meetings and wider is not None:
        wanted = wider
        meetings = await next_meetings(session, directory, wanted, now=now, zone=zone)
    workshop = _named_workshop(wanted, directory, language)
    heading = texts(
        language,
        "heard-next-workshop" if workshop else "heard-next",
        workshop=workshop or "",
        filters=_filters(texts, language, wanted, directory, context),
    )
    if meetings:
        body = "\n\n".join((heading, render_meetings(texts, language, meetings, directory, zone)))
    else:
        last = await last_meeting(session, directory, wanted, now=now, zone=zone)
        body = heading + "\n" + render_last(texts, language, last)
    return Answer(Reply(body), tuple(meetings))


async def list_answer(
    session: AsyncSession,
    context: ReplyContext,
    directory: Directory,
    wanted: MeetingFilter,
    page: int,
    language: str,
    *,
    nudge: bool = False,
    wider: MeetingFilter | None = None,
) -> Answer:
    """A page of meetings one line each, with buttons for the details and the next page."""
    texts, zone, now = context.texts, context.timezone, context.clock()
    page = max(page, 1)
    result = await meeting_page(
        session, directory, wanted, page=page, now=now, zone=zone, size=LIST_SIZE
    )
    if result.total == 0 and wider is not None:
        wanted = wider
        result = await meeting_page(
            session, directory, wanted, page=page, now=now, zone=zone, size=LIST_SIZE
        )
    if result.total and not result.meetings:
        return Answer(Reply(texts(language, "meetings-no-page", page=page, pages=result.pages)))
    workshop = _named_workshop(wanted, directory, language)
    filters = _filters(texts, language, wanted, directory, context)
    key = "heard-meetings" + ("" if result.total else "-none") + ("-workshop" if workshop else "")
    heading = texts(
        language,
        key,
        workshop=workshop or "",
        filters=filters,
        first=result.first_number,
        last=result.first_number + len(result.meetings) - 1,
        total=result.total,
    )
    if result.total:
        lines = [render_meeting_line(texts, language, m, directory, zone) for m in result.meetings]
        text = heading + "\n\n" + "\n".join(lines)
    else:
        text = heading + "\n" + texts(language, "meetings-none")
    if nudge:
        text += "\n\n" + texts(language, "next-not-registered")
    return Answer(Reply(text, _list_buttons(texts, language, wanted, result)), result.meetings)


def _list_buttons(
    texts: Texts, language: str, wanted: MeetingFilter, result: MeetingPage
) -> tuple[tuple[Button, ...], ...]:
    if not result.meetings:
        return ()
    # The details of this page's first meeting are on that page of the full listing.
    details = MoreMeetings((result.first_number - 1) // PAGE_SIZE + 1, wanted)
    row = [Button(texts(language, "meetings-details"), details.encode())]
    if result.page < result.pages:
        more = MoreMeetings(result.page + 1, wanted, compact=True)
        row.append(Button(texts(language, "meetings-more"), more.encode()))
    return (tuple(row),)


def _named_workshop(wanted: MeetingFilter, directory: Directory, language: str) -> str | None:
    """The workshop's name when the answer is about one workshop."""
    ids = wanted.workshop_ids
    if ids is None or len(ids) != 1:
        return None
    workshop = directory.workshop_by_id(next(iter(ids)))
    return escape(workshop.title(language)) if workshop else None


def _filters(
    texts: Texts, language: str, wanted: MeetingFilter, directory: Directory, context: ReplyContext
) -> str:
    """The town and the days asked about, each after a space: " Lohjalla maaliskuussa 2027"."""
    parts = []
    if wanted.place is not None:
        town = (
            in_town(wanted.place)
            if language == "fi"
            else directory.town_title(wanted.place, language)
        )
        parts.append(texts(language, "heard-in-town", town=escape(town)))
    if wanted.period is not None:
        today = context.clock().astimezone(context.timezone).date()
        parts.append(_period_words(texts, language, wanted.period, today, context))
    return "".join(" " + part for part in parts)


def _period_words(
    texts: Texts, language: str, period: Period, today: date, context: ReplyContext
) -> str:
    """The days in words: "tänään", "ensi viikolla", "maaliskuussa 2027", "1.3.–7.3.2027"."""
    first, last = period.first, period.last
    monday = today - timedelta(days=today.weekday())
    if first == last:
        if first - today in (timedelta(0), timedelta(1)):
            return texts(language, "heard-today" if first == today else "heard-tomorrow")
        when = format_when(first, None, None, language, context.timezone)
        return texts(language, "heard-day", date=when)
    for weeks, key in ((0, "heard-this-week"), (1, "heard-next-week")):
        start = monday + timedelta(weeks=weeks)
        if (first, last) == (start, start + timedelta(days=6)):
            return texts(language, key)
    month_days = calendar.monthrange(first.year, first.month)[1]
    if first.day == 1 and last == first.replace(day=month_days):
        # The year as text: Fluent would group a number's digits ("2 027").
        return texts(language, "heard-month", month=first.month, year=str(first.year))
    return texts(
        language, "heard-days", first=format_day(first, language), last=format_day(last, language)
    )


def _elsewhere(texts: Texts, language: str, town: str, directory: Directory) -> str:
    """A town outside the network: no meetings there, and which towns are in it."""
    names = [m.title(language) for m in directory.municipalities]
    members = ", ".join(names[:-1]) + f" {texts(language, 'heard-and')} " + names[-1]
    members = members.strip() if len(names) > 1 else "".join(names)
    named = town_name(town, language)
    return texts(
        language,
        "heard-elsewhere",
        town=escape(named),
        town_in=escape(in_town(town) if language == "fi" else named),
        members=escape(members),
    )
