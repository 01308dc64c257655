"""A meeting named in a command: found, or one line saying why not, or a choice of buttons.

Every command that takes a meeting (`/attendance`, `/editmeeting`, `/cancelmeeting`,
`/minutes`, `/going`, `/notgoing`, `/maybe`) finds it here, so that a number, a key, a date
and `WORKSHOP/DATE` work the same in each. A reference that names several meetings is
answered with a button per meeting; pressing one carries out the command on it.
"""

from __future__ import annotations

from html import escape

from sqlalchemy.ext.asyncio import AsyncSession

from bot.language.dates import format_when
from bot.replies.buttons import MeetingChoice, MeetingCommand
from bot.replies.context import ReplyContext
from bot.replies.reply import Button, Reply
from bot.services.directory import Directory, load_directory
from bot.services.meeting_refs import MeetingAmbiguous, find_meeting, sees_meeting_numbers
from bot.services.members import Person, participant_of
from storage.models import Meeting

# A button's label is cut here: Telegram shows little more on a phone.
_WORKSHOP_LABEL = 28


def _label(context: ReplyContext, language: str, directory: Directory, meeting: Meeting) -> str:
    """`Ehkäisevä lastensuojelu… · ke 25.3.2009 klo 13.00–15.30 · Lohja`."""
    workshop = directory.workshop_by_id(meeting.workshop_id)
    name = workshop.title(language) if workshop else ""
    if len(name) > _WORKSHOP_LABEL:
        name = name[: _WORKSHOP_LABEL - 1].rstrip() + "…"
    when = format_when(meeting.date, meeting.starts_at, meeting.ends_at, language, context.timezone)
    parts = [name, when]
    if meeting.place:
        parts.append(directory.town_title(meeting.place, language))
    return " · ".join(parts)


async def meeting_named(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    language: str,
    typed: str,
    *,
    command: MeetingCommand,
    rest: str | None = "",
    unknown: str = "meeting-unknown",
) -> Meeting | Reply:
    """The meeting `typed` names; else one line (`unknown` names its text), or, when it
    names several, a line with a button per meeting that carries out `command` (with
    `rest`, the command's other arguments) on the one pressed; with `rest` None (a file
    came with the command) the choice is a list of commands to type."""
    texts = context.texts
    directory = await load_directory(session)
    asker = await participant_of(session, person)
    # A participant's date means their own workshop's meeting; the staff's (and a
    # representative's), any workshop's.
    own = () if await sees_meeting_numbers(session, asker) else asker.workshop_ids
    today = context.clock().astimezone(context.timezone).date()
    shown = escape(typed.strip()[:40])
    try:
        meeting = await find_meeting(session, directory, typed, today=today, own_workshops=own)
    except MeetingAmbiguous as ambiguous:
        choices = [MeetingChoice(command, m.id, rest or "") for m in ambiguous.candidates]
        if rest is not None and all(choice.fits() for choice in choices):
            buttons = tuple(
                (Button(_label(context, language, directory, m), choice.encode()),)
                for m, choice in zip(ambiguous.candidates, choices, strict=True)
            )
            return Reply(texts(language, "meeting-ambiguous", key=shown), buttons)
        # The rest of the command (minutes, a long change) cannot ride on a button.
        lines = [
            f"/{command} {m.id} – {escape(_label(context, language, directory, m))}"
            for m in ambiguous.candidates
        ]
        return Reply(
            texts(language, "meeting-ambiguous-typed", key=shown) + "\n" + "\n".join(lines)
        )
    if meeting is None:
        return Reply(texts(language, unknown, key=shown))
    return meeting
