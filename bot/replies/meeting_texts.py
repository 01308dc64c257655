"""Meetings, workshops and contacts as HTML text in the reader's language.

Everything that comes from data is escaped here: a venue called "<Sali>" stays text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from bot.language.catalog import Texts
from bot.language.dates import format_clock, format_day, format_when
from bot.replies.reply import Reply
from bot.services.contacts import Contact
from bot.services.directory import Directory, WorkshopInfo
from bot.services.meetings import MeetingView


def render_meeting(
    texts: Texts,
    language: str,
    meeting: MeetingView,
    directory: Directory,
    zone: ZoneInfo,
    *,
    numbered: bool = False,
) -> str:
    """One meeting: workshop (and, `numbered`, the meeting's number), title,
    weekday-date-time, place, agenda."""
    head = f"<b>{escape(meeting.workshop.title(language))}</b>"
    if numbered:
        head += " · " + texts(language, "meeting-number", id=meeting.id)
    lines = [head]
    if meeting.title:
        lines.append(f"<i>{escape(meeting.title)}</i>")
    when = format_when(meeting.date, meeting.starts_at, meeting.ends_at, language, zone)
    if meeting.starts_at is None:
        when += ", " + texts(language, "meeting-time-open")
    if meeting.cancelled:
        when = f"<s>{escape(when)}</s> " + texts(language, "meeting-cancelled")
    else:
        when = escape(when)
    lines.append(when)
    place = [directory.town_title(meeting.place, language)] if meeting.place else []
    place += [part for part in (meeting.venue, meeting.address) if part]
    lines.append(escape(", ".join(place)) if place else texts(language, "meeting-place-open"))
    if meeting.agenda:
        lines.append(texts(language, "meeting-agenda"))
        lines += [f"{number}. {escape(item)}" for number, item in enumerate(meeting.agenda, 1)]
    return "\n".join(lines)


def render_meetings(
    texts: Texts,
    language: str,
    meetings: Iterable[MeetingView],
    directory: Directory,
    zone: ZoneInfo,
    *,
    numbered: bool = False,
) -> str:
    """Several meetings, separated by an empty line; `numbered` for the staff."""
    return "\n\n".join(
        render_meeting(texts, language, m, directory, zone, numbered=numbered) for m in meetings
    )


def render_meeting_line(
    texts: Texts, language: str, meeting: MeetingView, directory: Directory, zone: ZoneInfo
) -> str:
    """One meeting on one line: weekday, date and time, town, workshop."""
    when = escape(format_when(meeting.date, meeting.starts_at, meeting.ends_at, language, zone))
    if meeting.cancelled:
        when = f"<s>{when}</s> " + texts(language, "meeting-cancelled")
    place = directory.town_title(meeting.place, language) if meeting.place else "–"
    return f"{when} · {escape(place)} · {escape(meeting.workshop.title(language))}"


def render_last(texts: Texts, language: str, meeting: MeetingView | None) -> str:
    """ "No upcoming meetings", with when the last one was."""
    if meeting is None:
        return texts(language, "next-none")
    return texts(
        language,
        "next-none-since",
        date=format_day(meeting.date, language),
        workshop=escape(meeting.workshop.title(language)),
    )


def render_workshop(
    texts: Texts, language: str, workshop: WorkshopInfo, directory: Directory, following: bool
) -> str:
    """A workshop with its member municipalities, and whether the reader follows it."""
    names = [
        m.title(language) for m in directory.municipalities if m.id in workshop.municipality_ids
    ]
    lines = [f"<b>{escape(workshop.title(language))}</b> ({escape(workshop.key)})"]
    if names:
        lines.append(texts(language, "workshop-municipalities", list=escape(", ".join(names))))
    if following:
        lines.append(texts(language, "workshop-following"))
    return "\n".join(lines)


def render_contacts(texts: Texts, language: str, contacts: Iterable[Contact]) -> str:
    """Coordinators with title, e-mail and phone."""
    blocks = []
    for contact in contacts:
        lines = [f"<b>{escape(contact.name)}</b>"]
        if contact.title:
            lines.append(escape(contact.title))
        if contact.email:
            lines.append(f"{texts(language, 'contact-email')} {escape(contact.email)}")
        if contact.phone:
            lines.append(f"{texts(language, 'contact-phone')} {escape(contact.phone)}")
        blocks.append("\n".join(lines))
    if not blocks:
        return texts(language, "contact-none")
    return texts(language, "contact-title") + "\n\n" + "\n\n".join(blocks)


def unknown_workshop(texts: Texts, language: str, word: str, directory: Directory) -> Reply:
    """The reply to a workshop name not found, with the keys one can write (all escaped)."""
    keys = ", ".join(w.key for w in directory.workshops)
    return Reply(texts(language, "workshop-not-found", word=escape(word[:80]), keys=escape(keys)))


# The outbox's kinds of notice about one meeting, and the title each begins with.
NOTICE_TITLES = {
    "added": "added-title",
    "change": "change-title",
    "cancellation": "cancellation-title",
}


def notice_text(
    kind: str,
    changes: Mapping[str, list[Any]],
    body: str,
    texts: Texts,
    language: str,
    directory: Directory,
    zone: ZoneInfo,
) -> str:
    """A notice of a new, moved or cancelled meeting as members get it (and as the
    coordinator's preview shows it): the title, what changed, the meeting."""
    parts = [texts(language, NOTICE_TITLES.get(kind, "change-title"))]
    if kind == "change":
        parts.append("\n".join(change_lines(changes, texts, language, directory, zone)))
    return "\n\n".join([*parts, body])


def change_lines(
    changes: Mapping[str, list[Any]],
    texts: Texts,
    language: str,
    directory: Directory,
    zone: ZoneInfo,
) -> list[str]:
    """`Päivä: 4.3.2009 → 5.3.2009`, `Aika: klo 9.30 → klo 10.00`, `Paikka: Tuusula → Lohja`.

    A meeting moved to another day keeps its clock times: then the time line is left out
    rather than claim that 13.00–15.00 became 13.00–15.00."""
    lines = []
    if "date" in changes:
        old, new = (format_day(date.fromisoformat(v), language) for v in changes["date"])
        lines.append(texts(language, "change-date", old=old, new=new))
    if "starts_at" in changes or "ends_at" in changes:
        old, new = (_clock_range(changes, index, texts, language, zone) for index in (0, 1))
        if old != new:
            lines.append(texts(language, "change-time", old=old, new=new))
    if "place" in changes:
        old, new = (
            escape(directory.town_title(v, language)) if v else texts(language, "change-none")
            for v in changes["place"]
        )
        lines.append(texts(language, "change-place", old=old, new=new))
    return lines


def _clock_range(
    changes: Mapping[str, list[Any]], index: int, texts: Texts, language: str, zone: ZoneInfo
) -> str:
    """`klo 9.30–12.00`, or "ei tiedossa" for a time not decided."""
    start = changes.get("starts_at", [None, None])[index]
    end = changes.get("ends_at", [None, None])[index]
    if start is None:
        return texts(language, "change-none")
    text = format_clock(datetime.fromisoformat(start), language, zone)
    if end is not None:
        text += "–" + format_clock(datetime.fromisoformat(end), language, zone)
    return texts(language, "change-clock", time=text)
