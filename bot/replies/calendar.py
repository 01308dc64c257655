"""/calendar: the meetings of one's workshops (or of one workshop) as an .ics file, with
the address of a feed that calendar apps subscribe to; and the feeds' content."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from html import escape

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.replies.context import ReplyContext
from bot.replies.ics import CalendarMeeting, meetings_calendar
from bot.replies.meeting_texts import unknown_workshop
from bot.replies.reply import Reply
from bot.services.directory import load_directory
from bot.services.members import Person, member_of, participant_of
from storage.models import Meeting, MeetingStatus, Member, Workshop


@dataclass(frozen=True)
class CalendarFile:
    """The reply and the file (none when the reply says what was wrong)."""

    reply: Reply
    content: bytes | None
    file_name: str = "verstas.ics"


async def calendar_file(
    session: AsyncSession,
    context: ReplyContext,
    *,
    workshop_ids: Collection[int],
    language: str,
    offsets: Iterable[timedelta],
) -> tuple[bytes, int]:
    """Every meeting of these workshops (all workshops if none) as an .ics file, with
    alarms at `offsets`; returns the file and the number of meetings."""
    directory = await load_directory(session)
    wanted = set(workshop_ids) or {w.id for w in directory.workshops}
    meetings = await session.scalars(
        select(Meeting).where(Meeting.workshop_id.in_(wanted)).order_by(Meeting.date)
    )
    entries = []
    for meeting in meetings:
        workshop = directory.workshop_by_id(meeting.workshop_id)
        if workshop is None:
            continue
        name = workshop.title(language)
        place = [directory.town_title(meeting.place, language)] if meeting.place else []
        entries.append(
            CalendarMeeting(
                workshop_key=workshop.key,
                key=meeting.key,
                revision=meeting.revision,
                title=f"{name}: {meeting.title}" if meeting.title else name,
                day=meeting.date,
                starts_at=meeting.starts_at,
                ends_at=meeting.ends_at,
                location=", ".join([*place, *(p for p in (meeting.venue, meeting.address) if p)]),
                description="\n".join(meeting.agenda),
                cancelled=meeting.status == MeetingStatus.CANCELLED,
            )
        )
    content = meetings_calendar(
        entries,
        name=context.texts(language, "calendar-name"),
        zone=context.timezone,
        alarms=offsets,
        now=context.clock(),
    )
    return content, len(entries)


async def calendar_reply(
    session: AsyncSession, context: ReplyContext, person: Person, word: str = ""
) -> CalendarFile:
    """/calendar: every meeting of the workshops one follows (all before registering);
    /calendar WORKSHOP: that workshop's meetings."""
    texts = context.texts
    participant = await participant_of(session, person)
    language = participant.language
    member = await member_of(session, person)
    offsets = context.policy.offsets_of(member)
    directory = await load_directory(session)
    feeds = context.feeds
    if word.strip():
        workshop = directory.workshop(word)
        if workshop is None:
            return CalendarFile(unknown_workshop(texts, language, word, directory), None)
        content, count = await calendar_file(
            session, context, workshop_ids={workshop.id}, language=language, offsets=offsets
        )
        lines = [
            texts(
                language,
                "calendar-workshop-sent",
                count=count,
                name=escape(workshop.title(language)),
            )
        ]
        url = feeds.workshop_url(workshop.key, language) if feeds else None
        if url is not None:
            lines.append(texts(language, "calendar-workshop-feed", url=escape(url)))
        return CalendarFile(Reply("\n\n".join(lines)), content, f"{workshop.key}.ics")

    content, count = await calendar_file(
        session, context, workshop_ids=participant.workshop_ids, language=language, offsets=offsets
    )
    lines = [texts(language, "calendar-sent", count=count)]
    url = feeds.member_url(member.id, member.telegram_id) if feeds else None
    if url is not None:
        lines.append(texts(language, "calendar-feed", url=escape(url)))
    if directory.workshops:
        example = f"/calendar {directory.workshops[0].key}"
        lines.append(texts(language, "calendar-workshop-hint", example=escape(example)))
    # The member's own feed address and workshops.
    return CalendarFile(Reply("\n\n".join(lines), personal=True), content)


@dataclass(frozen=True)
class Feed:
    """What a feed address shows: these workshops' meetings, in a language, with alarms."""

    workshop_ids: frozenset[int]
    language: str
    offsets: tuple[timedelta, ...]


@dataclass(frozen=True)
class FeedVersion:
    """The feed's ETag (its content and what it is made of) and its newest change."""

    etag: str
    last_modified: datetime | None


async def member_feed(session: AsyncSession, context: ReplyContext, token: str) -> Feed | None:
    """A member's feed: what /calendar sends them; None for a token that is not valid."""
    feeds = context.feeds
    member_id = feeds.member_of(token) if feeds else None
    if feeds is None or member_id is None:
        return None
    member = await session.scalar(
        select(Member).where(Member.id == member_id).options(selectinload(Member.subscriptions))
    )
    if member is None or not feeds.is_member_token(token, member.id, member.telegram_id):
        return None
    return Feed(
        frozenset(s.workshop_id for s in member.subscriptions),
        member.language,
        tuple(context.policy.offsets_of(member)),
    )


async def workshop_feed(
    session: AsyncSession, context: ReplyContext, token: str, language: str | None
) -> Feed | None:
    """A workshop's feed; None for a token that is not valid."""
    feeds = context.feeds
    key = feeds.workshop_of(token) if feeds else None
    if key is None:
        return None
    workshop_id = await session.scalar(select(Workshop.id).where(Workshop.key == key))
    if workshop_id is None:
        return None
    # Shared by many: the network's reminder times, not anyone's own.
    offsets = tuple(context.policy.default_offsets)
    return Feed(frozenset({workshop_id}), context.texts.choose(language), offsets)


async def feed_version(session: AsyncSession, feed: Feed) -> FeedVersion:
    """One cheap query: a meeting added, changed or removed changes the ETag."""
    query = select(
        func.count(Meeting.id),
        func.max(Meeting.updated_at),
        func.sum(Meeting.revision),
        func.max(Meeting.id),
    )
    if feed.workshop_ids:
        # None followed: every workshop's meetings, as /calendar before registering.
        query = query.where(Meeting.workshop_id.in_(feed.workshop_ids))
    count, changed, revisions, last_id = (await session.execute(query)).one()
    made_of = (sorted(feed.workshop_ids), feed.language, feed.offsets)
    stated = repr((made_of, count, changed, revisions, last_id))
    return FeedVersion(hashlib.sha256(stated.encode()).hexdigest()[:32], changed)


async def feed_content(session: AsyncSession, context: ReplyContext, feed: Feed) -> bytes:
    """The feed's .ics file (as /calendar makes it)."""
    content, _ = await calendar_file(
        session,
        context,
        workshop_ids=feed.workshop_ids,
        language=feed.language,
        offsets=feed.offsets,
    )
    return content
