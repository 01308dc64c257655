"""A date poll's results by municipality: who can attend which date, who has not answered.

A municipality can attend a date when at least one of its members said yes; "if need be"
is counted apart. The suggestion is the date most municipalities can attend, then the one
with the fewest noes, then the earliest proposed.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from storage.models import DatePoll, Member, PollAnswer, PollCandidate, PollVote
from storage.models.network import workshop_municipality


@dataclass(frozen=True)
class CandidateView:
    """A candidate date as rendered."""

    number: int
    day: date
    starts: time | None
    ends: time | None
    town: str | None


@dataclass(frozen=True)
class CandidateResult:
    """The answers for one candidate: people by answer, municipalities by what they can."""

    candidate: CandidateView
    people: Mapping[PollAnswer, int]
    can: frozenset[int]
    if_need_be: frozenset[int]


@dataclass(frozen=True)
class PollResults:
    """Everything a message about a poll needs, read at once."""

    poll_id: int
    workshop_id: int
    deadline: datetime
    closed_at: datetime | None
    candidates: tuple[CandidateResult, ...]
    municipalities: tuple[int, ...]
    answered: frozenset[int]

    @property
    def silent(self) -> tuple[int, ...]:
        """The municipalities none of whose members has answered anything."""
        return tuple(m for m in self.municipalities if m not in self.answered)

    @property
    def suggested(self) -> CandidateResult | None:
        """Most municipalities with a yes, then fewest noes; None while nobody said yes."""
        ranked = sorted(
            self.candidates,
            key=lambda r: (-len(r.can), r.people[PollAnswer.NO], r.candidate.number),
        )
        return ranked[0] if ranked and ranked[0].can else None


def candidate_view(candidate: PollCandidate) -> CandidateView:
    """A stored candidate as rendered."""
    return CandidateView(
        candidate.number, candidate.day, candidate.starts, candidate.ends, candidate.town
    )


def _result(
    candidate: PollCandidate, votes: Collection[tuple[int, PollAnswer, int | None]]
) -> CandidateResult:
    mine = [(answer, municipality) for cid, answer, municipality in votes if cid == candidate.id]
    people = {answer: sum(1 for a, _ in mine if a == answer) for answer in PollAnswer}
    can = frozenset(m for a, m in mine if a == PollAnswer.YES and m is not None)
    maybe = frozenset(m for a, m in mine if a == PollAnswer.MAYBE and m is not None) - can
    return CandidateResult(candidate_view(candidate), people, can, maybe)


async def poll_results(session: AsyncSession, poll_ids: Collection[int]) -> dict[int, PollResults]:
    """The results of these polls, by poll id (a few queries for all of them)."""
    polls = (
        await session.scalars(
            select(DatePoll)
            .where(DatePoll.id.in_(poll_ids))
            .options(selectinload(DatePoll.candidates))
            .execution_options(populate_existing=True)
        )
    ).all()
    found: dict[int, PollResults] = {}
    for poll in polls:
        municipalities = tuple(
            await session.scalars(
                select(workshop_municipality.c.municipality_id)
                .where(workshop_municipality.c.workshop_id == poll.workshop_id)
                .order_by(workshop_municipality.c.municipality_id)
            )
        )
        votes = (
            await session.execute(
                select(PollVote.candidate_id, PollVote.answer, Member.municipality_id)
                .join(Member, Member.id == PollVote.member_id)
                .where(PollVote.candidate_id.in_([c.id for c in poll.candidates]))
            )
        ).all()
        found[poll.id] = PollResults(
            poll.id,
            poll.workshop_id,
            poll.deadline,
            poll.closed_at,
            tuple(_result(c, votes) for c in poll.candidates),
            municipalities,
            frozenset(m for _, _, m in votes if m is not None),
        )
    return found
