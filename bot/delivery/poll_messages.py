"""Date polls' outbox rows as messages: the poll, the nudge, the result at the deadline.

Whether a row still applies is decided here, at send time: a nudge goes only while the
poll is open and nobody of the member's municipality has answered; the result only if the
coordinator has not closed the poll already.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from bot.language.catalog import Texts
from bot.planning.polls import POLL, POLL_NUDGE, POLL_RESULT
from bot.replies.poll_texts import (
    close_buttons,
    deadline_text,
    poll_message,
    results_message,
    vote_buttons,
)
from bot.replies.reply import Reply
from bot.services.directory import Directory
from bot.services.poll_results import PollResults
from storage.models import Member, Outbox

POLL_KINDS = frozenset({POLL, POLL_NUDGE, POLL_RESULT})


def poll_id_of(row: Outbox) -> int | None:
    """The poll a row is about."""
    value = row.payload.get("poll_id")
    return value if isinstance(value, int) else None


def render_poll_row(
    row: Outbox,
    member: Member | None,
    language: str,
    polls: Mapping[int, PollResults],
    directory: Directory,
    texts: Texts,
    zone: ZoneInfo,
    now: datetime,
) -> Reply | str:
    """The message of a poll's row, or why it is no longer to be sent."""
    poll_id = poll_id_of(row)
    results = polls.get(poll_id) if poll_id is not None else None
    if results is None:
        return "poll removed"
    closed = results.closed_at is not None or now >= results.deadline
    if row.kind == POLL_RESULT:
        if results.closed_at is not None:
            return "poll closed by a coordinator"
        text = texts(language, "poll-result-title", poll=results.poll_id)
        body = results_message(texts, language, directory, results, zone, now)
        return Reply(f"{text}\n\n{body}", close_buttons(texts, language, results))
    if closed:
        return "poll closed"
    body = poll_message(texts, language, directory, results, zone)
    buttons = vote_buttons(texts, language, results)
    if row.kind == POLL:
        return Reply(body, buttons)
    if member is None or member.municipality_id not in results.municipalities:
        return "not asked"
    if member.municipality_id in results.answered:
        return "municipality answered"
    workshop = directory.workshop_by_id(results.workshop_id)
    nudge = texts(
        language,
        "poll-nudge",
        poll=results.poll_id,
        workshop=escape(workshop.title(language) if workshop else ""),
        deadline=deadline_text(results.deadline, language, zone),
    )
    return Reply(f"{nudge}\n\n{body}", buttons)
