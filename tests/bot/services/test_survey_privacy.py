"""Survey answers and meeting feedback in /mydata and /forget (SQLite and PostgreSQL):
one's own answers are shown, named and anonymous; forgetting deletes them, and an
anonymous response keeps only its choices, with nothing derived from the member."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import selectinload

from bot.language.surveys import read_survey_message
from bot.planning.outbox import ReminderPolicy
from bot.services import surveys
from bot.services.directory import Directory, load_directory
from bot.services.members import Person
from bot.services.privacy import forget_member, personal_data
from storage.models import (
    ForgottenCount,
    Meeting,
    MeetingFeedback,
    Survey,
    SurveyResponse,
)
from tests.helpers.members import resident
from tests.helpers.schedules import HELSINKI, load_demo

Sessions = async_sessionmaker[AsyncSession]
ADMIN = Person(9001, "Marianna", "fi", administrator=True)
AINO = Person(801, "Aino", "fi")
KEY = b"the deployment's key"
NOW = datetime(2009, 1, 8, 9, 0, tzinfo=HELSINKI)
POLICY = ReminderPolicy((timedelta(days=1),), None, HELSINKI)


@pytest.fixture
async def demo(sessions: Sessions) -> Directory:
    await load_demo(sessions)
    async with sessions() as session:
        return await load_directory(session)


async def _answered(sessions: Sessions, directory: Directory, *, anonymous: bool) -> int:
    """A survey to the preventive workshop, answered by Aino: option 2 and words."""
    flag = " anonymous" if anonymous else ""
    spec = read_survey_message(
        f"workshop=ehkaiseva-lastensuojelu deadline=1.1.2099{flag}\nKysely\n"
        "1. Sopiiko aika? | Kyllä | Ei\n2. Mitä toivot? (vapaa)"
    )
    async with sessions.begin() as session:
        survey = await surveys.draft(session, ADMIN, spec, directory, HELSINKI, NOW)
        await surveys.confirm(
            session, survey, ADMIN, now=NOW, remind=timedelta(days=1), policy=POLICY
        )
        survey_id = survey.id
    async with sessions.begin() as session:
        survey, member = await surveys.answering(session, AINO, survey_id, NOW)
        first, second = survey.questions
        await surveys.record(session, survey, member, KEY, first, options=[2])
        await surveys.record(session, survey, member, KEY, second, text="Kahvia")
    return survey_id


async def test_mydata_shows_ones_answers_and_feedback_and_forget_removes_them(
    sessions: Sessions, demo: Directory
) -> None:
    member_id = await resident(sessions, AINO.telegram_id, "Kerava")
    named = await _answered(sessions, demo, anonymous=False)
    anonymous = await _answered(sessions, demo, anonymous=True)
    async with sessions.begin() as session:
        meeting = await session.scalar(select(Meeting).order_by(Meeting.date).limit(1))
        assert meeting is not None
        session.add(MeetingFeedback(meeting_id=meeting.id, member_id=member_id, grade=4))

    async with sessions() as session:
        data = await personal_data(session, AINO.telegram_id, survey_key=KEY)
        stored = await session.scalar(
            select(SurveyResponse).where(SurveyResponse.survey_id == anonymous)
        )
    assert data is not None
    assert [(r["survey"], r["anonymous"]) for r in data["survey_answers"]] == [
        (named, False),
        (anonymous, True),
    ]
    assert data["survey_answers"][1]["answers"] == [
        {"question": 1, "text": "Sopiiko aika?", "options": ["Ei"], "value": None, "words": None},
        {"question": 2, "text": "Mitä toivot?", "options": [], "value": None, "words": "Kahvia"},
    ]
    assert [f["grade"] for f in data["meeting_feedback"]] == [4]
    # The anonymous response names nobody: no member, and a mark only the key makes.
    assert stored is not None
    assert stored.member_id is None
    assert str(AINO.telegram_id) not in stored.respondent
    assert str(member_id) not in stored.respondent

    async with sessions.begin() as session:
        assert await forget_member(session, AINO.telegram_id, survey_key=KEY)
    async with sessions() as session:
        left = (
            await session.scalars(
                select(SurveyResponse).options(selectinload(SurveyResponse.answers))
            )
        ).all()
        counts = {c.what: c.count for c in await session.scalars(select(ForgottenCount))}
        feedback = (await session.scalars(select(MeetingFeedback))).all()
        authors = set((await session.scalars(select(Survey.author_id))).all())
    # The named response is gone; the anonymous one keeps its choice, not its words.
    [kept] = left
    assert kept.survey_id == anonymous
    assert kept.respondent.startswith("forgotten:")
    assert [(a.options, a.text) for a in kept.answers] == [([2], None)]
    assert feedback == []
    assert counts["survey responses"] == 2
    assert counts["meeting feedback"] == 1
    assert authors != {None}  # the administrator sent them and is not forgotten

    # Back as a new member: nothing of the forgotten answers is theirs again.
    await resident(sessions, AINO.telegram_id, "Kerava")
    async with sessions() as session:
        again = await personal_data(session, AINO.telegram_id, survey_key=KEY)
    assert again is not None
    assert again["survey_answers"] == []
