"""Meetings, workshops and contacts as HTML text in the reader's language.

Everything that comes from data is escaped here: a venue called "<Sali>" stays text.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from zoneinfo import ZoneInfo

from bot.language.catalog import Texts
from bot.language.dates import format_day, format_when
from bot.replies.reply import Reply
from bot.services.contacts import Contact
from bot.services.directory import Directory, WorkshopInfo
from bot.services.meetings import MeetingView


def render_meeting(
    texts: Texts, language: str, meeting: MeetingView, directory: Directory, zone: ZoneInfo
) -> str:
    """One meeting: workshop, title, weekday-date-time, place, agenda."""
    lines = [f"<b>{escape(meeting.workshop.title(language))}</b>"]
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
) -> str:
    """Several meetings, separated by an empty line."""
    return "\n\n".join(render_meeting(texts, language, m, directory, zone) for m in meetings)


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
