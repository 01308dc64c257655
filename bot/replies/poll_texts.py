"""How a date poll reads: its candidates, the members' buttons, its results by municipality.

Used by the replies and by the outbox's rendering alike, so that the poll a member gets
and the one the coordinator sees in the preview are the same text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from bot.language.catalog import Texts
from bot.language.dates import format_wall, format_when
from bot.replies.asking_buttons import ClosePoll, PollVoteButton
from bot.replies.reply import Button
from bot.services.directory import Directory
from bot.services.poll_results import CandidateView, PollResults
from storage.models import PollAnswer

ANSWER_KEYS = {
    PollAnswer.YES: "poll-answer-yes",
    PollAnswer.MAYBE: "poll-answer-maybe",
    PollAnswer.NO: "poll-answer-no",
}
# More close buttons than this under the results would bury the text.
_CLOSE_BUTTONS = 10


def candidate_line(texts: Texts, language: str, directory: Directory, c: CandidateView) -> str:
    """`2. ke 10.3.2027 klo 13.00–15.30, Lohja`."""
    when = format_wall(c.day, c.starts, c.ends, language)
    if c.town is None:
        return texts(language, "poll-candidate", number=c.number, when=when)
    town = escape(directory.town_title(c.town, language))
    return texts(language, "poll-candidate-town", number=c.number, when=when, town=town)


def deadline_text(deadline: datetime, language: str, zone: ZoneInfo) -> str:
    """`ma 1.3.2027 klo 16.00`."""
    local = deadline.astimezone(zone)
    return format_when(local.date(), deadline, None, language, zone)


def poll_message(
    texts: Texts,
    language: str,
    directory: Directory,
    results: PollResults,
    zone: ZoneInfo,
    answers: Mapping[int, PollAnswer] | None = None,
) -> str:
    """The poll as a member gets it; with `answers`, each candidate shows the member's own."""
    workshop = directory.workshop_by_id(results.workshop_id)
    lines = [
        texts(
            language,
            "poll-title",
            poll=results.poll_id,
            workshop=escape(workshop.title(language) if workshop else ""),
        ),
        "",
    ]
    for result in results.candidates:
        line = candidate_line(texts, language, directory, result.candidate)
        answer = (answers or {}).get(result.candidate.number)
        if answer is not None:
            line += " " + texts(
                language, "poll-your-answer", answer=texts(language, ANSWER_KEYS[answer])
            )
        lines.append(line)
    deadline = deadline_text(results.deadline, language, zone)
    lines += ["", texts(language, "poll-intro", poll=results.poll_id, deadline=deadline)]
    return "\n".join(lines)


def vote_buttons(
    texts: Texts, language: str, results: PollResults
) -> tuple[tuple[Button, ...], ...]:
    """One row a candidate: yes, if need be, no."""
    return tuple(
        tuple(
            Button(
                texts(language, f"poll-button-{answer.value}", number=r.candidate.number),
                PollVoteButton(results.poll_id, r.candidate.number, answer).encode(),
            )
            for answer in PollAnswer
        )
        for r in results.candidates
    )


def _names(directory: Directory, language: str, ids: Iterable[int]) -> str:
    municipalities = (directory.municipality_by_id(i) for i in ids)
    return ", ".join(escape(m.title(language)) for m in municipalities if m is not None)


def _answer_lines(
    texts: Texts, language: str, directory: Directory, results: PollResults
) -> list[str]:
    """Each candidate and, under it, its answers and the municipalities that can come."""
    lines = []
    total = len(results.municipalities)
    for r in results.candidates:
        lines.append(candidate_line(texts, language, directory, r.candidate))
        counts = texts(
            language,
            "poll-results-line",
            yes=r.people[PollAnswer.YES],
            maybe=r.people[PollAnswer.MAYBE],
            no=r.people[PollAnswer.NO],
            can=len(r.can),
            total=total,
        )
        if r.if_need_be:
            counts += " " + texts(
                language,
                "poll-results-maybe",
                names=_names(directory, language, sorted(r.if_need_be)),
            )
        lines.append("   " + counts)
    return lines


def results_message(
    texts: Texts,
    language: str,
    directory: Directory,
    results: PollResults,
    zone: ZoneInfo,
    now: datetime,
) -> str:
    """Per candidate the answers and "X/Y municipalities can", the silent ones, the suggestion."""
    workshop = directory.workshop_by_id(results.workshop_id)
    title = escape(workshop.title(language) if workshop else "")
    deadline = deadline_text(results.deadline, language, zone)
    ended = results.closed_at is not None or now >= results.deadline
    lines = [
        texts(language, "poll-results-title", poll=results.poll_id, workshop=title),
        texts(language, "poll-results-ended" if ended else "poll-results-open", deadline=deadline),
        "",
    ]
    lines += _answer_lines(texts, language, directory, results)
    lines.append("")
    silent = results.silent
    if silent:
        lines.append(
            texts(language, "poll-results-silent", names=_names(directory, language, silent))
        )
    else:
        lines.append(texts(language, "poll-results-all-answered"))
    suggested = results.suggested
    if suggested is None:
        lines.append(texts(language, "poll-results-no-suggestion"))
        return "\n".join(lines)
    lines.append(
        texts(
            language,
            "poll-results-suggestion",
            line=candidate_line(texts, language, directory, suggested.candidate),
        )
    )
    if results.closed_at is None:
        lines.append(
            texts(
                language,
                "poll-results-close-hint",
                poll=results.poll_id,
                number=suggested.candidate.number,
            )
        )
    return "\n".join(lines)


def close_buttons(
    texts: Texts, language: str, results: PollResults
) -> tuple[tuple[Button, ...], ...]:
    """ "Make it the meeting" for each candidate, the suggested first; none once closed."""
    if results.closed_at is not None:
        return ()
    suggested = results.suggested
    ordered = sorted(results.candidates, key=lambda r: (r is not suggested, r.candidate.number))[
        :_CLOSE_BUTTONS
    ]
    buttons = [
        Button(
            texts(language, "poll-close-button", number=r.candidate.number),
            ClosePoll(results.poll_id, r.candidate.number).encode(),
        )
        for r in ordered
    ]
    return tuple(tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2))
