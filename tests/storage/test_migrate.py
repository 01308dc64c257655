"""The migrations build exactly the schema the models describe, on both databases, and
every one of them goes down and up again without losing what is stored."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from storage.database import create_engine, create_sessions
from storage.migrate import alembic_config, current_revision, downgrade, head_revision, upgrade
from storage.models import (
    Announcement,
    AnnouncementState,
    AuditEntry,
    Base,
    DatePoll,
    ForgottenCount,
    GroupChat,
    Invite,
    Meeting,
    MeetingFeedback,
    Minutes,
    MinutesRequest,
    Outbox,
    PendingImport,
    PollAnswer,
    PollCandidate,
    PollState,
    PollVote,
    QuestionKind,
    Rsvp,
    RsvpAnswer,
    Survey,
    SurveyAnswer,
    SurveyOption,
    SurveyQuestion,
    SurveyResponse,
    WorkshopRepresentative,
)
from tests.conftest import DATABASES
from tests.helpers.members import resident
from tests.helpers.schedules import load_demo


async def test_database_is_at_the_newest_migration(engine: AsyncEngine) -> None:
    assert await current_revision(engine) == head_revision()


async def test_migrated_schema_matches_the_models(engine: AsyncEngine) -> None:
    def differences(connection: Connection) -> list[object]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))

    async with engine.connect() as connection:
        assert await connection.run_sync(differences) == []


async def test_upgrading_again_is_harmless(engine: AsyncEngine) -> None:
    await upgrade(engine)
    assert await current_revision(engine) == head_revision()


@pytest.fixture(params=DATABASES)
def own_database_url(request: pytest.FixtureRequest) -> str:
    """A database of this test's own, which it may take down and up."""
    fixture = "sqlite_url" if request.param == "sqlite" else "own_postgres_database"
    url: str = request.getfixturevalue(fixture)
    return url


@pytest.fixture
async def own_engine(own_database_url: str) -> AsyncIterator[AsyncEngine]:
    """A migrated engine on the test's own database."""
    engine = create_engine(own_database_url)
    await upgrade(engine)
    yield engine
    await engine.dispose()


async def _fill(engine: AsyncEngine) -> None:
    """A row in every table: the demo network, a member with an answer, their messages."""
    sessions = create_sessions(engine)
    await load_demo(sessions)
    member_id = await resident(sessions, 1001, "Kerava")
    now = datetime(2009, 1, 1, tzinfo=UTC)
    async with sessions.begin() as session:
        meeting = await session.scalar(select(Meeting).limit(1))
        assert meeting is not None
        announcement = Announcement(
            text="Tervetuloa", author_id=member_id, state=AnnouncementState.CONFIRMED
        )
        session.add_all(
            [
                announcement,
                Rsvp(member_id=member_id, meeting_id=meeting.id, answer=RsvpAnswer.GOING),
                Minutes(meeting_id=meeting.id, text="Pöytäkirja", author_id=member_id),
                MinutesRequest(telegram_id=1001, meeting_id=meeting.id),
                GroupChat(chat_id=-100, title="Verstas"),
                AuditEntry(actor_telegram_id=1001, action="import"),
                Invite(token="t", created_by=1001, expires_at=now + timedelta(days=7)),
                PendingImport(telegram_id=1001, file_name="a.yaml", content=b"x"),
                ForgottenCount(what="member", count=1),
                WorkshopRepresentative(
                    member_id=member_id, workshop_id=meeting.workshop_id, granted_by=1
                ),
            ]
        )
        await session.flush()
        poll = DatePoll(
            workshop_id=meeting.workshop_id,
            author_id=member_id,
            state=PollState.OPEN,
            deadline=now + timedelta(days=7),
        )
        poll.candidates = [
            PollCandidate(number=1, day=date(2009, 3, 4), starts=time(13), ends=time(15, 30))
        ]
        session.add(poll)
        await session.flush()
        session.add(
            PollVote(member_id=member_id, candidate_id=poll.candidates[0].id, answer=PollAnswer.YES)
        )
        await _fill_survey(session, member_id, meeting.id)
        for subject, values in (
            ("meeting", {"meeting_id": meeting.id}),
            ("announcement", {"announcement_id": announcement.id}),
        ):
            session.add(
                Outbox(
                    kind=subject,
                    chat_id=1001,
                    member_id=member_id,
                    subject=subject,
                    due_at=now,
                    **values,
                )
            )


async def _fill_survey(session: AsyncSession, member_id: int, meeting_id: int) -> None:
    """A survey answered by the member, and their feedback on a meeting."""
    question = SurveyQuestion(position=1, text="Mitä?", kind=QuestionKind.ONE)
    question.options = [SurveyOption(position=1, text="Tätä")]
    survey = Survey(title="Kysely", author_id=member_id, questions=[question])
    feedback = MeetingFeedback(
        meeting_id=meeting_id,
        member_id=member_id,
        grade=4,
        comment_wanted_until=datetime(2009, 1, 1, 12, tzinfo=UTC),
    )
    session.add_all([survey, feedback])
    await session.flush()
    response = SurveyResponse(survey_id=survey.id, respondent=f"member:{member_id}")
    response.answers = [SurveyAnswer(question_id=question.id, options=[1])]
    session.add(response)


async def _row_counts(engine: AsyncEngine) -> dict[str, int]:
    async with engine.connect() as connection:
        tables = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
        return {
            table: int(await connection.scalar(text(f'SELECT count(*) FROM "{table}"')) or 0)
            for table in sorted(tables)
            if table != "alembic_version"
        }


async def test_every_migration_goes_down_and_up_again_keeping_the_data(
    own_engine: AsyncEngine,
) -> None:
    await _fill(own_engine)
    stored = await _row_counts(own_engine)
    assert all(stored.values()), stored
    script = ScriptDirectory.from_config(alembic_config())
    for revision in script.walk_revisions():
        await downgrade(own_engine, "-1")
        assert await current_revision(own_engine) == revision.down_revision
        # The tables older than this migration keep every row, down and up again.
        below = await _row_counts(own_engine)
        assert below == {table: stored[table] for table in below}, revision.revision
        await upgrade(own_engine, revision.revision)
        again = await _row_counts(own_engine)
        assert again.keys() == stored.keys()
        assert {table: again[table] for table in below} == below, revision.revision
        await downgrade(own_engine, "-1")
        stored = below
    assert await _row_counts(own_engine) == {}
    await upgrade(own_engine)
    assert await current_revision(own_engine) == head_revision()
