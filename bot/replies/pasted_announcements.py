"""A coordinator pastes or forwards an announcement: what it states, what it would change.

The preview lists the meetings read from the text, what importing them would add or
change (a dry run, rolled back), and what the reader could not place. Confirm and Cancel
are the schedule file's buttons: the text waits in `pending_import` as a `.txt` upload,
and on Confirm it is read again against the database as it is then.

A text that states meetings but no workshop ("Seuraava kokous to 14.5.2009 klo 9.30–12
Kirkkonummen kunnantalo") is not taken for a question: the bot says what it read and asks
which workshop's it is. The answer is written into the waiting text as the heading it
lacked, so that the preview and the Confirm read the same text.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from html import escape
from zoneinfo import ZoneInfo

from babel.dates import format_date
from sqlalchemy.ext.asyncio import AsyncSession

from bot.language.announcements import Reading, read_announcement
from bot.language.catalog import Texts
from bot.language.dates import format_day, format_when
from bot.replies.context import ReplyContext
from bot.replies.refusals import refusal, refused_as_reply
from bot.replies.reply import Button, Reply
from bot.replies.schedule_texts import describe_report
from bot.replies.staff_buttons import PastedWorkshop, ScheduleUpload
from bot.services.directory import Directory, load_directory
from bot.services.members import Participant, Person, language_of
from bot.services.staff import STAFF, audit, is_staff, staff_member
from storage.models import PendingImport
from storage.schedule import ImportReport
from storage.schedule.apply import local_instant
from storage.schedule.read import format_of, read_text
from storage.schedule.stated import StatedMeeting, apply_stated

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
    # "Onko kokous 4.3.2009 klo 13?" names no workshop either, but asks rather than tells.
    if not reading.meetings and (not reading.unplaced_meetings or text.rstrip().endswith("?")):
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
    directory = await load_directory(session)
    if not reading.meetings and not reading.unplaced_meetings:
        lines = [texts(language, "pasted-nothing-found")]
        return Reply(_with_notes(lines, context, language, reading, directory))
    pending = PendingImport(
        telegram_id=person.telegram_id, file_name=name, content=text.encode("utf-8")
    )
    session.add(pending)
    await session.flush()
    cancel = Button(texts(language, "broadcast-cancel"), ScheduleUpload("no", pending.id).encode())
    if not reading.meetings:
        return _which_workshop(context, language, reading, directory, pending.id, cancel)
    lines = [texts(language, "pasted-preview-title", count=len(reading.meetings))]
    lines += _stated_lines(texts, language, zone, directory, reading)
    lines.append("")
    lines += [
        escape(line)
        for line in describe_report(texts, language, report, zone, done=False, directory=directory)
    ]
    confirm = Button(texts(language, "import-confirm"), ScheduleUpload("ok", pending.id).encode())
    return Reply(_with_notes(lines, context, language, reading, directory), ((confirm, cancel),))


def _which_workshop(
    context: ReplyContext,
    language: str,
    reading: Reading,
    directory: Directory,
    pending_id: int,
    cancel: Button,
) -> Reply:
    """What the text states, and a button for each workshop it could be of."""
    texts, count = context.texts, len(reading.unplaced_meetings)
    lines = [texts(language, "pasted-which-workshop", count=count)]
    lines += [
        escape(_meeting_line(meeting, language, context.timezone))
        for meeting in reading.unplaced_meetings
    ]
    lines += ["", texts(language, "pasted-choose-workshop", count=count)]
    buttons = tuple(
        (Button(_short(w.title(language)), PastedWorkshop(pending_id, w.id).encode()),)
        for w in directory.workshops
    )
    # The meetings are asked about here: the notes need not say they are not imported.
    asked = replace(reading, unplaced_meetings=())
    return Reply(_with_notes(lines, context, language, asked, directory), (*buttons, (cancel,)))


def _short(name: str) -> str:
    # One button a row: a whole name fits, only a very long one is cut.
    return name if len(name) <= 64 else name[:63] + "…"


@refused_as_reply
async def pasted_workshop_reply(
    session: AsyncSession, context: ReplyContext, person: Person, pressed: PastedWorkshop
) -> Reply:
    """The workshop chosen for a pasted text that named none: the usual preview."""
    texts = context.texts
    language = await language_of(session, person)
    target = f"upload {pressed.pending_id}"
    actor = await staff_member(session, person, "import", target=target)
    pending = await session.get(PendingImport, pressed.pending_id)
    if pending is None:
        return Reply(texts(language, "import-expired"))
    if pending.telegram_id != person.telegram_id:
        await audit(
            session, actor, "import", target=target, allowed=False, detail="not the sender's text"
        )
        return await refusal(session, context, person)
    workshop = (await load_directory(session)).workshop_by_id(pressed.workshop_id)
    # Only a text is asked about; a schedule file's upload never had these buttons.
    if workshop is None or format_of(pending.file_name) != "text":
        return Reply(texts(language, "button-outdated"))
    # The heading the text lacked: read now and again on Confirm, it names the workshop.
    text = f"{workshop.name}\n{read_text(pending.content)}"
    name = pending.file_name
    await session.delete(pending)
    reading, report = await read_and_try(session, context, text)
    return await preview_reply(session, context, person, name, text, reading, report)


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
        lines.append(escape(_meeting_line(meeting, language, zone)))
    return lines


def _meeting_line(meeting: StatedMeeting, language: str, zone: ZoneInfo) -> str:
    """`ke 4.3.2009 klo 13.00–15.30, Kirkkonummi, kunnantalo, Osoite 1` (plain text)."""
    when = format_when(
        meeting.day,
        local_instant(meeting.day, meeting.start, zone),
        local_instant(meeting.day, meeting.end, zone),
        language,
        zone,
    )
    where = ", ".join(part for part in (meeting.place, meeting.venue, meeting.address) if part)
    return f"{when}, {where}" if where else when


def _with_notes(
    lines: list[str],
    context: ReplyContext,
    language: str,
    reading: Reading,
    directory: Directory,
) -> str:
    """The reply's lines, then the notes (escaped) after an empty line."""
    notes = reading_notes(context.texts, language, context.timezone, reading, directory)
    escaped = [escape(note) for note in notes]
    return "\n".join([*lines, *([""] if notes else []), *escaped])


def reading_notes(
    texts: Texts, language: str, zone: ZoneInfo, reading: Reading, directory: Directory | None
) -> list[str]:
    """What the reader noticed and left for the coordinator, as plain lines (the chat and the
    command line both show them): meetings not imported and why, weekdays that do not fit
    their dates, member municipalities that differ from the stored ones."""
    notes = [
        texts(language, "pasted-not-imported", meeting=_meeting_line(meeting, language, zone))
        for meeting in reading.unplaced_meetings
    ]
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
                        workshop=workshop.title(language),
                        stated=", ".join(towns),
                        stored=", ".join(sorted(stored)) or "–",
                    )
                )
    return notes


def _weekday(number: int, language: str) -> str:
    # 5 January 2009 was a Monday: any date of that week names the weekday.
    return str(format_date(date(2009, 1, 5 + number), "EEEE", locale=language))
