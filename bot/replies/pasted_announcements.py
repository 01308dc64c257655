"""A coordinator pastes or forwards an announcement: what it states, what it would change.

The preview lists the meetings read from the text, what importing them would add or
change (a dry run, rolled back), and what the reader could not place. Confirm and Cancel
are the schedule file's buttons: the text waits in `pending_import` as a `.txt` upload,
and on Confirm it is read again against the database as it is then.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from html import escape
from zoneinfo import ZoneInfo

from babel.dates import format_date
from sqlalchemy.ext.asyncio import AsyncSession

from bot.language.announcements import Reading, read_announcement
from bot.language.catalog import Texts
from bot.language.dates import format_day, format_when
from bot.replies.buttons import ScheduleUpload
from bot.replies.context import ReplyContext
from bot.replies.reply import Button, Reply
from bot.replies.schedule_texts import describe_report
from bot.services.directory import Directory, load_directory
from bot.services.members import Participant, Person, language_of
from bot.services.staff import STAFF, is_staff
from storage.models import PendingImport
from storage.schedule import ImportReport
from storage.schedule.apply import local_instant
from storage.schedule.stated import apply_stated

# The name a pasted message is kept under until Confirm.
PASTED_NAME = "pasted.txt"


async def read_and_try(
    session: AsyncSession, context: ReplyContext, text: str
) -> tuple[Reading, ImportReport]:
    """Read the text against the directory and apply it in a savepoint rolled back."""
    directory = await load_directory(session)
    reading = read_announcement(text, directory.vocabulary)
    # In this update's own transaction: a second one would wait for its lock on SQLite.
    async with session.begin_nested() as dry_run:
        report = await apply_stated(session, reading.meetings)
        await dry_run.rollback()
    return reading, report


async def pasted_text_reply(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    text: str,
    *,
    asker: Participant | None = None,
) -> Reply | None:
    """A coordinator's message that states meetings gets the import preview.

    None for everyone else, and for a coordinator's message that states none: then it is
    a question like anyone's, and is answered as one. With the asker already read, their
    role is taken from it instead of from a statement of its own.
    """
    staff = (
        await is_staff(session, person)
        if asker is None
        else person.administrator or asker.role in STAFF
    )
    if not staff:
        return None
    reading, report = await read_and_try(session, context, text)
    if not reading.meetings:
        return None
    return await preview_reply(session, context, person, PASTED_NAME, text, reading, report)


async def preview_reply(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    name: str,
    text: str,
    reading: Reading,
    report: ImportReport,
) -> Reply:
    """What the text states and would change, with Confirm and Cancel; the text waits."""
    texts, zone = context.texts, context.timezone
    language = await language_of(session, person)
    if not reading.meetings:
        return Reply(_notes(texts, language, reading, [texts(language, "pasted-nothing-found")]))
    directory = await load_directory(session)
    lines = [texts(language, "pasted-preview-title", count=len(reading.meetings))]
    lines += _stated_lines(texts, language, zone, directory, reading)
    lines.append("")
    lines += [escape(line) for line in describe_report(texts, language, report, zone)]
    pending = PendingImport(
        telegram_id=person.telegram_id, file_name=name, content=text.encode("utf-8")
    )
    session.add(pending)
    await session.flush()
    buttons = (
        (
            Button(texts(language, "import-confirm"), ScheduleUpload("ok", pending.id).encode()),
            Button(texts(language, "broadcast-cancel"), ScheduleUpload("no", pending.id).encode()),
        ),
    )
    return Reply(_notes(texts, language, reading, lines, directory), buttons)


def _stated_lines(
    texts: Texts, language: str, zone: ZoneInfo, directory: Directory, reading: Reading
) -> list[str]:
    """Meetings by workshop: `<b>Workshop</b>` then `ke 4.3.2009 klo 13.00–15.30, Kirkkonummi`."""
    lines: list[str] = []
    shown: str | None = None
    for meeting in sorted(reading.meetings, key=lambda m: (m.workshop, m.day)):
        if meeting.workshop != shown:
            workshop = directory.workshop_by_key(meeting.workshop)
            title = workshop.title(language) if workshop else meeting.workshop
            lines.append(f"<b>{escape(title)}</b>")
            shown = meeting.workshop
        when = format_when(
            meeting.day,
            local_instant(meeting.day, meeting.start, zone),
            local_instant(meeting.day, meeting.end, zone),
            language,
            zone,
        )
        where = ", ".join(part for part in (meeting.place, meeting.venue, meeting.address) if part)
        lines.append(escape(f"{when}, {where}" if where else when))
    return lines


def _notes(
    texts: Texts,
    language: str,
    reading: Reading,
    lines: list[str],
    directory: Directory | None = None,
) -> str:
    """What the reader noticed and left for the coordinator: nothing here is imported."""
    notes: list[str] = []
    if reading.unplaced:
        notes.append(
            texts(language, "pasted-unplaced", dates=_days(reading.unplaced_days, language))
        )
    for wrong in reading.wrong_weekdays:
        notes.append(
            texts(
                language,
                "pasted-wrong-weekday",
                date=format_day(wrong.day, language),
                written=_weekday(wrong.written, language),
                actual=_weekday(wrong.day.weekday(), language),
            )
        )
    if directory is not None:
        for key, towns in reading.municipalities.items():
            workshop = directory.workshop_by_key(key)
            if workshop is None:
                continue
            stored = {m.name for m in directory.municipalities if m.id in workshop.municipality_ids}
            if set(towns) != stored:
                notes.append(
                    texts(
                        language,
                        "pasted-members-differ",
                        workshop=escape(workshop.title(language)),
                        stated=escape(", ".join(towns)),
                        stored=escape(", ".join(sorted(stored))) or "–",
                    )
                )
    return "\n".join([*lines, *([""] if notes else []), *notes])


def _days(days: Iterable[date], language: str) -> str:
    return ", ".join(format_day(day, language) for day in days)


def _weekday(number: int, language: str) -> str:
    # 5 January 2009 was a Monday: any date of that week names the weekday.
    return str(format_date(date(2009, 1, 5 + number), "EEEE", locale=language))
