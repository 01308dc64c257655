"""Giving feedback and reading it (SQLite and PostgreSQL): the latest grade counts, a typed
grade replaces the comment while a button keeps it, a comment is awaited only for a while,
results are for coordinators only (a refusal is logged) and never name anyone."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services import feedback
from bot.services.members import Person
from bot.services.staff import NotAllowed
from storage.models import AuditEntry, Meeting, MeetingFeedback, Workshop
from tests.helpers.members import resident
from tests.helpers.schedules import HELSINKI, load_demo

Sessions = async_sessionmaker[AsyncSession]
ADMIN = Person(9001, "Marianna", "fi", administrator=True)
AINO = Person(811, "Aino", "fi")
EERO = Person(812, "Eero", "fi")
# The day after the partnership workshop's meeting of 12.1.2009.
NOW = datetime(2009, 1, 13, 12, 0, tzinfo=HELSINKI)


@pytest.fixture
async def meeting_id(sessions: Sessions) -> int:
    await load_demo(sessions)
    await resident(sessions, AINO.telegram_id, "Kerava")
    await resident(sessions, EERO.telegram_id, "Järvenpää")
    async with sessions() as session:
        found = await session.scalar(
            select(Meeting.id)
            .join(Workshop)
            .where(Workshop.key == "kasvatuskumppanuus")
            .order_by(Meeting.date)
        )
        assert found is not None
        return found


async def _give(
    sessions: Sessions,
    person: Person,
    meeting: int,
    grade: int,
    *,
    comment: str | None = None,
    by_button: bool = False,
) -> None:
    async with sessions.begin() as session:
        await feedback.give(
            session, person, meeting, grade, comment, now=NOW, zone=HELSINKI, by_button=by_button
        )


async def _stored(sessions: Sessions) -> list[tuple[int, str | None]]:
    async with sessions() as session:
        rows = await session.scalars(select(MeetingFeedback).order_by(MeetingFeedback.id))
        return [(r.grade, r.comment) for r in rows]


async def test_the_latest_grade_counts_and_a_button_keeps_the_comment(
    sessions: Sessions, meeting_id: int
) -> None:
    await _give(sessions, AINO, meeting_id, 2, comment="Liian pitkä")
    await _give(sessions, AINO, meeting_id, 4, by_button=True)
    assert await _stored(sessions) == [(4, "Liian pitkä")]
    await _give(sessions, AINO, meeting_id, 5)  # typed without words: no comment
    assert await _stored(sessions) == [(5, None)]


async def test_a_comment_is_awaited_after_a_button_for_a_while_only(
    sessions: Sessions, meeting_id: int
) -> None:
    await _give(sessions, AINO, meeting_id, 3, by_button=True)
    async with sessions.begin() as session:
        later = NOW + feedback.COMMENT_WAIT + timedelta(seconds=1)
        assert await feedback.awaited_comment(session, AINO, later) is None
        assert await feedback.awaited_comment(session, EERO, NOW) is None
        awaited = await feedback.awaited_comment(session, AINO, NOW + timedelta(minutes=5))
        assert awaited is not None
        await feedback.add_comment(session, awaited, "  Hyvät alustukset ", NOW)
        assert await feedback.awaited_comment(session, AINO, NOW) is None
    assert await _stored(sessions) == [(3, "Hyvät alustukset")]


async def test_no_comment_ends_the_wait(sessions: Sessions, meeting_id: int) -> None:
    await _give(sessions, EERO, meeting_id, 4, by_button=True)
    async with sessions.begin() as session:
        assert await feedback.stop_waiting(session, EERO, meeting_id)
        assert await feedback.awaited_comment(session, EERO, NOW) is None
        assert not await feedback.stop_waiting(session, EERO, meeting_id)
    assert await _stored(sessions) == [(4, None)]


async def test_results_are_for_coordinators_and_name_nobody(
    sessions: Sessions, meeting_id: int
) -> None:
    await _give(sessions, AINO, meeting_id, 4, comment="Selkeä")
    await _give(sessions, EERO, meeting_id, 5, comment="Aikataulu piti")
    async with sessions.begin() as session:
        meeting = await session.get(Meeting, meeting_id)
        assert meeting is not None
        with pytest.raises(NotAllowed):
            await feedback.results(session, AINO, meeting)
    async with sessions.begin() as session:
        meeting = await session.get(Meeting, meeting_id)
        assert meeting is not None
        result = await feedback.results(session, ADMIN, meeting)
        summary = await feedback.summaries(session, [meeting_id, meeting_id + 1000])
        refused = await session.scalar(
            select(AuditEntry).where(AuditEntry.action == "feedbackresults")
        )
    assert (result.count, result.average) == (2, 4.5)
    assert result.distribution == {1: 0, 2: 0, 3: 0, 4: 1, 5: 1}
    assert result.comments == ("Aikataulu piti", "Selkeä")
    assert summary == {meeting_id: (2, 4.5)}
    assert refused is not None
    assert refused.allowed is False


async def test_a_grade_out_of_range_or_from_outside_the_audience_is_not_stored(
    sessions: Sessions, meeting_id: int
) -> None:
    outsider = Person(813, "Olli", "fi")
    await resident(sessions, outsider.telegram_id, "Lohja")
    for person, grade, key in (
        (AINO, 0, "feedback-bad-grade"),
        (AINO, 6, "feedback-bad-grade"),
        (outsider, 3, "feedback-not-for-you"),
    ):
        with pytest.raises(feedback.FeedbackRefused) as refused:
            await _give(sessions, person, meeting_id, grade)
        assert refused.value.key == key
    assert await _stored(sessions) == []
