"""The directory of names is kept in memory, yet a change made by another process is seen at
the next question; and a question reads the member, their workshops and the meetings in at
most two statements."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import event, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.replies.answers import next_reply, question_reply
from bot.replies.context import ReplyContext
from bot.replies.pasted_announcements import pasted_text_reply
from bot.services.members import Person, participant_of
from storage.database import create_engine, create_sessions
from storage.models import Meeting, Workshop
from tests.helpers.members import resident
from tests.helpers.runtime import runtime_at
from tests.helpers.schedules import HELSINKI, load_demo

NOON_1_MARCH_2009 = datetime(2009, 3, 1, 12, 0, tzinfo=HELSINKI)
PREVENTIVE = "ehkaiseva-lastensuojelu"
KERAVA_RESIDENT = Person(1001, "Kerava resident", "fi")

Sessions = async_sessionmaker[AsyncSession]


async def _next(sessions: Sessions, context: ReplyContext, word: str | None = None) -> str:
    async with sessions.begin() as session:
        asker = await participant_of(session, KERAVA_RESIDENT)
        return (await next_reply(session, context, asker, word)).text


async def _in_another_process(url: str, change: str) -> None:
    """A change made as another instance (or the console) would: its own engine."""
    other = create_engine(url)
    try:
        async with create_sessions(other).begin() as session:
            if change == "move all of Raasepori's to Porvoo in one statement":
                await session.execute(
                    update(Meeting).where(Meeting.place == "Raasepori").values(place="Porvoo")
                )
            elif change == "move to Porvoo":
                meeting = await session.scalar(
                    select(Meeting).where(Meeting.place == "Kirkkonummi").limit(1)
                )
                assert meeting is not None
                meeting.place = "Porvoo"
            else:
                workshop = await session.scalar(select(Workshop).where(Workshop.key == PREVENTIVE))
                assert workshop is not None
                workshop.name = "Ennaltaehkäisevä lastensuojelu"
    finally:
        await other.dispose()


async def test_a_town_and_a_name_changed_by_another_process_are_seen_by_the_next_question(
    engine: AsyncEngine, sessions: Sessions
) -> None:
    await load_demo(sessions)
    await resident(sessions, KERAVA_RESIDENT.telegram_id, "Kerava")
    context = runtime_at(NOON_1_MARCH_2009, engine)
    unknown = context.texts("fi", "next-unknown-word", word="Porvoo")
    # The names are now in this process's memory.
    assert await _next(sessions, context, "Porvoo") == unknown
    assert "Ennaltaehkäisevä" not in await _next(sessions, context)

    url = engine.url.render_as_string(hide_password=False)
    await _in_another_process(url, "move to Porvoo")
    in_porvoo = await _next(sessions, context, "Porvoo")
    assert in_porvoo != unknown
    assert "Porvoo" in in_porvoo

    await _in_another_process(url, "rename")
    assert "Ennaltaehkäisevä lastensuojelu" in await _next(sessions, context)


@contextmanager
def counted(engine: AsyncEngine) -> Iterator[list[str]]:
    """The statements sent to the database inside the block."""
    statements: list[str] = []

    def count(*arguments: Any) -> None:
        statements.append(arguments[2])

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)


async def test_next_reads_the_member_their_workshops_and_the_meetings_in_two_statements(
    engine: AsyncEngine, sessions: Sessions
) -> None:
    await load_demo(sessions)
    await resident(sessions, KERAVA_RESIDENT.telegram_id, "Kerava")
    context = runtime_at(NOON_1_MARCH_2009, engine)
    await _next(sessions, context)
    with counted(engine) as statements:
        reply = await _next(sessions, context)
    assert "Kirkkonummi" in reply
    assert len(statements) <= 2, statements


async def test_a_question_in_plain_words_takes_two_statements_too(
    engine: AsyncEngine, sessions: Sessions
) -> None:
    await load_demo(sessions)
    await resident(sessions, KERAVA_RESIDENT.telegram_id, "Kerava")
    context = runtime_at(NOON_1_MARCH_2009, engine)
    await _next(sessions, context)
    text = "milloin on seuraava kokous?"
    with counted(engine) as statements:
        # As the handler asks: the asker first, then whether it is a pasted announcement.
        async with sessions.begin() as session:
            asker = await participant_of(session, KERAVA_RESIDENT)
            pasted = await pasted_text_reply(session, context, KERAVA_RESIDENT, text, asker=asker)
            reply = await question_reply(session, context, asker, text)
    assert pasted is None
    assert "Kirkkonummi" in reply.text
    assert len(statements) <= 2, statements


async def test_a_preview_rolled_back_leaves_the_names_as_they_were(
    engine: AsyncEngine, sessions: Sessions
) -> None:
    await load_demo(sessions)
    await resident(sessions, KERAVA_RESIDENT.telegram_id, "Kerava")
    context = runtime_at(NOON_1_MARCH_2009, engine)
    unknown = context.texts("fi", "next-unknown-word", word="Porvoo")
    async with sessions.begin() as session:
        meeting = await session.scalar(select(Meeting).where(Meeting.place == "Kirkkonummi"))
        assert meeting is not None
        meeting.place = "Porvoo"
        asker = await participant_of(session, KERAVA_RESIDENT)
        assert "Porvoo" in (await next_reply(session, context, asker, "Porvoo")).text
        await session.rollback()
    assert await _next(sessions, context, "Porvoo") == unknown


async def test_a_bulk_statement_of_another_process_is_seen_too(
    engine: AsyncEngine, sessions: Sessions
) -> None:
    await load_demo(sessions)
    await resident(sessions, KERAVA_RESIDENT.telegram_id, "Kerava")
    context = runtime_at(NOON_1_MARCH_2009, engine)
    unknown = context.texts("fi", "next-unknown-word", word="Porvoo")
    assert await _next(sessions, context, "Porvoo") == unknown
    url = engine.url.render_as_string(hide_password=False)
    await _in_another_process(url, "move all of Raasepori's to Porvoo in one statement")
    assert "Porvoo" in await _next(sessions, context, "Porvoo")
