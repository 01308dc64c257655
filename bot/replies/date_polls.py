"""Date polls in the chat: /datepoll and its preview, Confirm and Cancel, answers (buttons
and /vote), /pollresults and /closepoll."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from html import escape

from sqlalchemy.ext.asyncio import AsyncSession

from bot.foundation.typed import number
from bot.language.dates import format_when
from bot.language.holidays import holiday_name
from bot.language.polls import PollText, answer_word, read_poll
from bot.replies.asking_buttons import PollAction
from bot.replies.context import ReplyContext
from bot.replies.meeting_texts import unknown_workshop
from bot.replies.poll_texts import (
    ANSWER_KEYS,
    candidate_line,
    close_buttons,
    deadline_text,
    poll_message,
    results_message,
    vote_buttons,
)
from bot.replies.refusals import refused_as_reply
from bot.replies.reply import Button, Refusal, Reply
from bot.services import date_polls as polls
from bot.services.directory import Directory, load_directory
from bot.services.members import Person, language_of
from bot.services.permissions import (
    Action,
    permitted,
    staff_or_representative,
)
from bot.services.poll_results import PollResults, candidate_view, poll_results
from storage.models import DatePoll, Member, PollAnswer

# A poll without a deadline is open for a week, until the end of that day.
DEFAULT_OPEN_DAYS = 7
_END_OF_DAY = time(23, 59)


async def _refused(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    make: Callable[[], Awaitable[Reply]],
) -> Reply:
    """The reply of `make`, or the one line of the poll action's refusal."""
    try:
        return await make()
    except polls.PollRefused as refused:
        language = await language_of(session, person)
        return Refusal(context.texts(language, refused.key, **refused.params))


def _deadline(context: ReplyContext, written: PollText) -> datetime:
    zone = context.timezone
    if written.deadline is None:
        day = context.clock().astimezone(zone).date() + timedelta(days=DEFAULT_OPEN_DAYS)
        return datetime.combine(day, _END_OF_DAY, tzinfo=zone)
    day, clock = written.deadline
    return datetime.combine(day, clock or _END_OF_DAY, tzinfo=zone)


@refused_as_reply
async def datepoll_reply(
    session: AsyncSession, context: ReplyContext, person: Person, text: str
) -> Reply:
    """/datepoll WORKSHOP [deadline=D.M.YYYY] and one candidate a line: the preview."""
    texts = context.texts
    language = await language_of(session, person)
    written = read_poll(text)
    if not written.workshop:
        await staff_or_representative(session, person, "datepoll")
        return Reply(texts(language, "poll-usage"))
    directory = await load_directory(session)
    workshop = directory.workshop(written.workshop)
    if workshop is None:
        await staff_or_representative(session, person, "datepoll")
        return unknown_workshop(texts, language, written.workshop, directory)
    if written.problems:
        await staff_or_representative(session, person, "datepoll")
        lines = [
            texts(
                language,
                "poll-line-problem",
                line=p.line,
                problem=texts(language, p.key, **p.params),
            )
            for p in written.problems
        ]
        return Reply("\n".join([*lines, texts(language, "poll-not-saved")]))

    async def make() -> Reply:
        poll = await polls.draft_poll(
            session,
            person,
            workshop_id=workshop.id,
            candidates=written.candidates,
            deadline=_deadline(context, written),
            now=context.clock(),
            zone=context.timezone,
        )
        return await preview(session, context, poll, language, directory)

    return await _refused(session, context, person, make)


async def _results(session: AsyncSession, poll_id: int) -> PollResults:
    return (await poll_results(session, [poll_id]))[poll_id]


async def preview(
    session: AsyncSession,
    context: ReplyContext,
    poll: DatePoll,
    language: str,
    directory: Directory,
) -> Reply:
    """The candidates with their holiday and clash flags, how many are asked, the buttons."""
    texts, zone = context.texts, context.timezone
    results = await _results(session, poll.id)
    count = await polls.asked_count(session, poll.workshop_id)
    workshop = directory.workshop_by_id(poll.workshop_id)
    title = escape(workshop.title(language) if workshop else "")
    key = "poll-preview" if count else "poll-preview-nobody"
    lines = [texts(language, key, poll=poll.id, count=count, workshop=title), ""]
    clashes = await polls.clashes(session, poll, zone)
    for result in results.candidates:
        candidate = result.candidate
        lines.append(candidate_line(texts, language, directory, candidate))
        holiday = holiday_name(candidate.day, language)
        if holiday is not None:
            lines.append("   " + texts(language, "poll-holiday", name=escape(holiday)))
        if candidate.number in clashes:
            names = sorted(
                {
                    w.title(language)
                    for i in clashes[candidate.number]
                    if (w := directory.workshop_by_id(i)) is not None
                }
            )
            lines.append("   " + texts(language, "poll-clash", workshops=escape(", ".join(names))))
    deadline = deadline_text(poll.deadline, language, zone)
    lines += ["", texts(language, "poll-preview-deadline", deadline=deadline)]
    decide = (
        Button(texts(language, "poll-confirm"), PollAction("ok", poll.id).encode()),
        Button(texts(language, "poll-cancel"), PollAction("no", poll.id).encode()),
    )
    return Reply("\n".join(lines), (decide if count else decide[1:],))


@refused_as_reply
async def confirm_poll_reply(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    poll_id: int,
    status: tuple[int, int] | None = None,
) -> Reply:
    """Confirm: the poll goes to every member of the workshop's municipalities; the pressed
    preview (`status`: chat and message) becomes the poll's live results."""
    language = await language_of(session, person)

    async def make() -> Reply:
        count = await polls.confirm_poll(
            session, person, poll_id, planner=context.planner, status=status
        )
        started = context.texts(language, "poll-started", poll=poll_id, count=count)
        if status is None:
            return Reply(started)
        live = await _live_results(session, context, poll_id, language)
        return Reply(started + "\n\n" + live.text, live.buttons)

    return await _refused(session, context, person, make)


@refused_as_reply
async def cancel_poll_reply(
    session: AsyncSession, context: ReplyContext, person: Person, poll_id: int
) -> Reply:
    """Cancel: the draft is dropped."""
    language = await language_of(session, person)

    async def make() -> Reply:
        await polls.cancel_poll(session, person, poll_id)
        return Reply(context.texts(language, "poll-cancelled", poll=poll_id))

    return await _refused(session, context, person, make)


async def vote_reply(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    poll_id: int,
    candidate: int,
    answer: PollAnswer,
    *,
    pressed: bool = False,
) -> Reply:
    """An answer; for a button, the poll again with the member's answers, else one line."""
    texts, zone = context.texts, context.timezone
    language = await language_of(session, person)

    async def make() -> Reply:
        poll, chosen = await polls.vote(
            session, person, poll_id, candidate, answer, now=context.clock()
        )
        directory = await load_directory(session)
        if pressed:
            results = await _results(session, poll.id)
            answers = await polls.answers_of(session, person, poll)
            text = poll_message(texts, language, directory, results, zone, answers)
            return Reply(text, vote_buttons(texts, language, results))
        return Reply(
            texts(
                language,
                "poll-voted",
                poll=poll.id,
                line=candidate_line(texts, language, directory, candidate_view(chosen)),
                answer=texts(language, ANSWER_KEYS[answer]),
            )
        )

    return await _refused(session, context, person, make)


@dataclass(frozen=True)
class PollStatus:
    """The coordinator's poll message as it should read now, and where it is."""

    chat_id: int
    message_id: int
    reply: Reply


async def _live_results(
    session: AsyncSession, context: ReplyContext, poll_id: int, language: str
) -> Reply:
    results = await _results(session, poll_id)
    directory = await load_directory(session)
    text = results_message(
        context.texts, language, directory, results, context.timezone, context.clock()
    )
    return Reply(text, close_buttons(context.texts, language, results))


async def poll_status(
    session: AsyncSession, context: ReplyContext, poll_id: int
) -> PollStatus | None:
    """The proposer's live results after an answer, in their language; None without one."""
    poll = await session.get(DatePoll, poll_id)
    if poll is None or poll.status_chat_id is None or poll.status_message_id is None:
        return None
    author = await session.get(Member, poll.author_id) if poll.author_id else None
    language = author.language if author else context.texts.default_language
    started = context.texts(language, "poll-running", poll=poll_id)
    live = await _live_results(session, context, poll_id, language)
    reply = Reply(started + "\n\n" + live.text, live.buttons)
    return PollStatus(poll.status_chat_id, poll.status_message_id, reply)


def voted_poll(arguments: str) -> int | None:
    """The poll a typed /vote names, to update its coordinator's message."""
    words = arguments.split()
    return number(words[0]) if words else None


async def typed_vote_reply(
    session: AsyncSession, context: ReplyContext, person: Person, arguments: str
) -> Reply:
    """/vote POLL CANDIDATE yes|maybe|no (kyllä|ehkä|ei, ja|kanske|nej)."""
    words = arguments.split()
    poll_id = number(words[0]) if words else None
    candidate = number(words[1]) if len(words) > 1 else None
    answer = answer_word(words[2]) if len(words) == 3 else None
    if poll_id is None or candidate is None or answer is None:
        language = await language_of(session, person)
        return Reply(context.texts(language, "poll-vote-usage"))
    return await vote_reply(session, context, person, poll_id, candidate, PollAnswer(answer))


@refused_as_reply
async def results_reply(
    session: AsyncSession, context: ReplyContext, person: Person, arguments: str
) -> Reply:
    """/pollresults POLL: per candidate the answers and municipalities, and the suggestion."""
    texts = context.texts
    language = await language_of(session, person)
    poll_id = number(arguments.split()[0]) if arguments.split() else None
    await staff_or_representative(session, person, "pollresults", target=f"poll {poll_id}")
    if poll_id is None:
        return Reply(texts(language, "poll-results-usage"))

    async def make() -> Reply:
        poll = await polls.open_poll(session, poll_id)
        await permitted(
            session,
            person,
            Action.DATE_POLLS,
            workshop_id=poll.workshop_id,
            name="pollresults",
            target=f"poll {poll_id}",
        )
        results = await _results(session, poll.id)
        directory = await load_directory(session)
        text = results_message(
            texts, language, directory, results, context.timezone, context.clock()
        )
        return Reply(text, close_buttons(texts, language, results))

    return await _refused(session, context, person, make)


@refused_as_reply
async def close_reply(
    session: AsyncSession, context: ReplyContext, person: Person, arguments: str
) -> Reply:
    """/closepoll POLL CANDIDATE[,CANDIDATE…]: the chosen candidates become meetings."""
    texts, zone = context.texts, context.timezone
    language = await language_of(session, person)
    words = arguments.replace(", ", ",").split()
    poll_id = number(words[0]) if words else None
    numbers = [number(w) for w in words[1].split(",")] if len(words) == 2 else []
    await staff_or_representative(session, person, "closepoll", target=f"poll {poll_id}")
    if poll_id is None or not numbers or any(n is None for n in numbers):
        return Reply(texts(language, "poll-close-usage"))
    chosen = [n for n in numbers if n is not None]

    async def make() -> Reply:
        meetings = await polls.close_poll(
            session, person, poll_id, chosen, zone=zone, planner=context.planner
        )
        directory = await load_directory(session)
        workshop = directory.workshop_by_id(meetings[0].workshop_id)
        listed = "\n".join(
            texts(
                language,
                "poll-meeting-line",
                id=m.id,
                when=format_when(m.date, m.starts_at, m.ends_at, language, zone),
            )
            for m in meetings
        )
        title = escape(workshop.title(language) if workshop else "")
        return Reply(
            texts(language, "poll-made-meetings", poll=poll_id, workshop=title) + "\n" + listed
        )

    return await _refused(session, context, person, make)
