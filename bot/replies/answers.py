"""Replies to participants' questions, shared by commands, buttons and plain words.

A reply is text plus buttons described as plain data; the handlers turn them into
Telegram's keyboards. Nothing here knows Telegram types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from html import escape

from sqlalchemy.ext.asyncio import AsyncSession

from bot.foundation.typed import number
from bot.language.catalog import Texts
from bot.language.periods import Period, parse_period
from bot.language.questions import Intent, Question, understand
from bot.replies.meeting_texts import (
    render_contacts,
    render_last,
    render_meetings,
    render_workshop,
)
from bot.replies.reply import Button, Reply
from bot.services.contacts import contacts
from bot.services.directory import Directory, load_directory
from bot.services.meetings import (
    MeetingFilter,
    followed,
    last_meeting,
    meeting_page,
    next_meetings,
)
from bot.services.members import Participant
from bot.telegram.runtime import Runtime

# Commands listed in /help and in the "didn't understand" reply, with their catalog keys.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("next", "cmd-next"),
    ("meetings", "cmd-meetings"),
    ("workshops", "cmd-workshops"),
    ("municipality", "cmd-municipality"),
    ("language", "cmd-language"),
    ("contact", "cmd-contact"),
    ("reminders", "cmd-reminders"),
    ("calendar", "cmd-calendar"),
    ("archive", "cmd-archive"),
    ("minutes", "cmd-minutes"),
    ("privacy", "cmd-privacy"),
    ("start", "cmd-start"),
    ("help", "cmd-help"),
)


def command_list(texts: Texts, language: str) -> str:
    """One line per command: `/next – Next meeting`."""
    return "\n".join(f"/{command} – {texts(language, key)}" for command, key in COMMANDS)


def help_reply(texts: Texts, language: str) -> Reply:
    """/help."""
    return Reply(texts(language, "help-title") + "\n" + command_list(texts, language))


# --- meetings -------------------------------------------------------------------------


@dataclass(frozen=True)
class Asker:
    """Who asks and where: a participant in a private chat, or anyone in a group."""

    participant: Participant
    # In a group linked to a workshop, questions are about that workshop.
    group_workshop_id: int | None = None
    in_group: bool = False

    def scope(self) -> frozenset[int] | None:
        """The workshops the answer is about; None means all."""
        if self.group_workshop_id is not None:
            return frozenset({self.group_workshop_id})
        if self.in_group:
            return None
        return followed(self.participant.workshop_ids)

    def nudge(self) -> bool:
        """Whether to suggest choosing a municipality."""
        return not self.in_group and not self.participant.registered


async def next_reply(
    session: AsyncSession,
    runtime: Runtime,
    asker: Asker,
    word: str | None,
    *,
    language: str | None = None,
) -> Reply:
    """/next [WORD]: the next meeting of each workshop, narrowed by workshop or town."""
    directory = await load_directory(session)
    language = language or asker.participant.language
    texts = runtime.texts
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
    return await _next(session, runtime, asker, directory, wanted, language)


async def _next(
    session: AsyncSession,
    runtime: Runtime,
    asker: Asker,
    directory: Directory,
    wanted: MeetingFilter,
    language: str,
) -> Reply:
    texts, zone, now = runtime.texts, runtime.settings.bot_timezone, runtime.clock()
    meetings = await next_meetings(session, directory, wanted, now=now, zone=zone)
    if not meetings and wanted.place is not None and wanted.workshop_ids is not None:
        # Nothing of one's own workshops in that town: any workshop's meeting there helps.
        wanted = replace(wanted, workshop_ids=None)
        meetings = await next_meetings(session, directory, wanted, now=now, zone=zone)
    if meetings:
        body = (
            texts(language, "next-title")
            + "\n\n"
            + render_meetings(texts, language, meetings, directory, zone)
        )
    else:
        last = await last_meeting(session, directory, wanted, now=now, zone=zone)
        body = render_last(texts, language, last)
    if asker.nudge():
        body += "\n\n" + texts(language, "next-not-registered")
    return Reply(body)


async def meetings_reply(
    session: AsyncSession,
    runtime: Runtime,
    asker: Asker,
    arguments: str,
    *,
    language: str | None = None,
) -> Reply:
    """/meetings [PAGE] [WORKSHOP | TOWN | MONTH]: a page of meetings."""
    directory = await load_directory(session)
    language = language or asker.participant.language
    words = arguments.split()
    page = 1
    if words and (typed := number(words[-1])) is not None and typed < 10_000:
        page = typed
        words.pop()
    rest = " ".join(words)
    wanted = MeetingFilter(workshop_ids=asker.scope())
    if rest:
        today = runtime.clock().astimezone(runtime.settings.bot_timezone).date()
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
            return Reply(runtime.texts(language, "next-unknown-word", word=escape(rest[:80])))
    return await page_reply(session, runtime, directory, wanted, page, language, asker.nudge())


async def page_reply(
    session: AsyncSession,
    runtime: Runtime,
    directory: Directory,
    wanted: MeetingFilter,
    page: int,
    language: str,
    nudge: bool = False,
) -> Reply:
    """A page of meetings with a "more" button when there are more."""
    texts, zone = runtime.texts, runtime.settings.bot_timezone
    result = await meeting_page(
        session, directory, wanted, page=max(page, 1), now=runtime.clock(), zone=zone
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
        text = title + "\n\n" + render_meetings(texts, language, result.meetings, directory, zone)
    if nudge:
        text += "\n\n" + texts(language, "next-not-registered")
    buttons: tuple[tuple[Button, ...], ...] = ()
    if result.page < result.pages:
        data = encode_page(result.page + 1, wanted)
        buttons = ((Button(texts(language, "meetings-more"), data),),)
    return Reply(text, buttons)


# Callback data of the "more" button: `mtg:PAGE:FILTER`, at most 64 bytes (Telegram's limit).
def encode_page(page: int, wanted: MeetingFilter) -> str:
    """The callback data that brings page `page` of the same list."""
    parts = []
    if wanted.workshop_ids is not None:
        parts.append("w" + ".".join(str(i) for i in sorted(wanted.workshop_ids)))
    if wanted.place is not None:
        parts.append("t" + wanted.place)
    if wanted.period is not None:
        parts.append(f"p{wanted.period.first:%Y%m%d}{wanted.period.last:%Y%m%d}")
    data = f"mtg:{page}:" + ",".join(parts)
    return data if len(data.encode()) <= 64 else f"mtg:{page}:"


_PERIOD = re.compile(r"^p(\d{8})(\d{8})$")


def decode_page(data: str) -> tuple[int, MeetingFilter] | None:
    """The page and filter of a "more" button; None for data that is not ours (forged)."""
    try:
        prefix, page_text, filters = data.split(":", 2)
        page = number(page_text)
        if prefix != "mtg" or page is None or not 0 < page < 10_000:
            return None
        wanted = MeetingFilter()
        for part in filter(None, filters.split(",")):
            if part.startswith("w"):
                ids = [number(i) for i in part[1:].split(".")]
                if None in ids:
                    return None
                wanted = replace(wanted, workshop_ids=frozenset(i for i in ids if i is not None))
            elif part.startswith("t") and len(part) > 1:
                wanted = replace(wanted, place=part[1:])
            elif match := _PERIOD.match(part):
                first, last = (date(int(d[:4]), int(d[4:6]), int(d[6:])) for d in match.groups())
                wanted = replace(wanted, period=Period(first, last))
            else:
                return None
        return page, wanted
    except ValueError:
        return None


# --- workshops and contacts ----------------------------------------------------------------


async def workshops_reply(
    session: AsyncSession,
    runtime: Runtime,
    participant: Participant,
    *,
    language: str | None = None,
) -> Reply:
    """/workshops: every workshop with its municipalities and a join or leave button."""
    directory = await load_directory(session)
    language = language or participant.language
    texts = runtime.texts
    blocks = [texts(language, "workshops-title")]
    buttons = []
    for workshop in directory.workshops:
        following = workshop.id in participant.workshop_ids
        blocks.append(render_workshop(texts, language, workshop, directory, following))
        name = workshop.title(language)
        short = name if len(name) <= 40 else name[:39] + "…"
        if following:
            buttons.append(
                (Button(texts(language, "workshop-leave", name=short), f"leave:{workshop.id}"),)
            )
        else:
            buttons.append(
                (Button(texts(language, "workshop-join", name=short), f"join:{workshop.id}"),)
            )
    return Reply("\n\n".join(blocks), tuple(buttons))


async def contact_reply(session: AsyncSession, runtime: Runtime, language: str) -> Reply:
    """/contact."""
    return Reply(render_contacts(runtime.texts, language, await contacts(session)))


# --- plain words ------------------------------------------------------------------------


async def question_reply(session: AsyncSession, runtime: Runtime, asker: Asker, text: str) -> Reply:
    """A question in plain words gets the same answer as the matching command."""
    directory = await load_directory(session)
    today = runtime.clock().astimezone(runtime.settings.bot_timezone).date()
    question = understand(text, directory.vocabulary, today)
    language = question.language or asker.participant.language
    texts = runtime.texts
    if question.intent is Intent.HELP:
        return help_reply(texts, language)
    if question.intent is Intent.CONTACT:
        return await contact_reply(session, runtime, language)
    if question.intent is Intent.WORKSHOPS:
        return await workshops_reply(session, runtime, asker.participant, language=language)
    if question.intent in {Intent.NEXT, Intent.MEETINGS}:
        wanted = _question_filter(question, directory, asker)
        if question.intent is Intent.NEXT and question.period is None:
            return await _next(session, runtime, asker, directory, wanted, language)
        return await page_reply(session, runtime, directory, wanted, 1, language, asker.nudge())
    return Reply(texts(language, "question-not-understood") + "\n" + command_list(texts, language))


def _question_filter(question: Question, directory: Directory, asker: Asker) -> MeetingFilter:
    wanted = MeetingFilter(workshop_ids=asker.scope(), place=question.town, period=question.period)
    if question.workshop is not None:
        workshop = directory.workshop_by_key(question.workshop)
        if workshop is not None:
            wanted = replace(wanted, workshop_ids=frozenset({workshop.id}))
    return wanted
