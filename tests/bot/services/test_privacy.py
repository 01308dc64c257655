"""The daily retention job also clears what waited for a Confirm too long."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.privacy import forget_member, personal_data, purge_expired
from storage.models import (
    Announcement,
    AnnouncementState,
    DatePoll,
    Member,
    PendingImport,
    PollAnswer,
    PollCandidate,
    PollState,
    PollVote,
    Workshop,
)
from tests.helpers.schedules import load_demo

WORKSHOP = "kasvatuskumppanuus"

Sessions = async_sessionmaker[AsyncSession]
NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


async def test_pending_imports_after_a_day_and_drafts_after_a_week_are_purged(
    sessions: Sessions,
) -> None:
    async with sessions.begin() as session:
        for name, age in (("old.yaml", timedelta(hours=25)), ("new.yaml", timedelta(hours=23))):
            session.add(
                PendingImport(
                    telegram_id=1, file_name=name, content=b"x" * 1000, created_at=NOW - age
                )
            )
        for text, state, age in (
            ("old draft", AnnouncementState.DRAFT, timedelta(days=8)),
            ("new draft", AnnouncementState.DRAFT, timedelta(days=6)),
            ("old and sent", AnnouncementState.CONFIRMED, timedelta(days=30)),
        ):
            session.add(Announcement(text=text, state=state, created_at=NOW - age))
    async with sessions.begin() as session:
        await purge_expired(session, now=NOW, retention_days=365)
    async with sessions() as session:
        files = (await session.scalars(select(PendingImport.file_name))).all()
        texts = (await session.scalars(select(Announcement.text).order_by(Announcement.id))).all()
    assert files == ["new.yaml"]
    assert texts == ["new draft", "old and sent"]


async def test_a_members_date_poll_answers_are_in_their_data_and_go_with_them(
    sessions: Sessions,
) -> None:
    await load_demo(sessions)
    async with sessions.begin() as session:
        workshop = await session.scalar(select(Workshop).where(Workshop.key == WORKSHOP))
        assert workshop is not None
        member = Member(telegram_id=4321, name="Aino", language="fi")
        poll = DatePoll(
            workshop_id=workshop.id, state=PollState.OPEN, deadline=NOW + timedelta(days=7)
        )
        poll.candidates = [
            PollCandidate(number=1, day=date(2027, 5, 4)),
            PollCandidate(number=2, day=date(2027, 5, 11)),
        ]
        session.add_all([member, poll])
        await session.flush()
        session.add_all(
            [
                PollVote(
                    member_id=member.id, candidate_id=poll.candidates[0].id, answer=PollAnswer.YES
                ),
                PollVote(
                    member_id=member.id, candidate_id=poll.candidates[1].id, answer=PollAnswer.NO
                ),
            ]
        )
    async with sessions() as session:
        data = await personal_data(session, 4321, survey_key=b"k")
    assert data is not None
    assert data["date_poll_answers"] == [
        {"poll": poll.id, "candidate": 1, "date": "2027-05-04", "answer": "yes"},
        {"poll": poll.id, "candidate": 2, "date": "2027-05-11", "answer": "no"},
    ]
    async with sessions.begin() as session:
        await forget_member(session, 4321, survey_key=b"k")
    async with sessions() as session:
        assert (await session.scalars(select(PollVote))).all() == []
