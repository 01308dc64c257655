"""Date polls' preview warns of a candidate at the time of another meeting of the same towns."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.date_polls import clashes
from storage.models import DatePoll, PollCandidate, Workshop
from tests.helpers.schedules import HELSINKI, load_demo

Sessions = async_sessionmaker[AsyncSession]


async def test_a_candidate_at_the_time_of_a_meeting_of_the_same_towns_is_flagged(
    sessions: Sessions,
) -> None:
    await load_demo(sessions)
    async with sessions() as session:
        workshops = {w.key: w.id for w in await session.scalars(select(Workshop))}
        poll = DatePoll(workshop_id=workshops["kasvatuskumppanuus"])
        poll.candidates = [
            # 4.3.2009 13.00–15.30: the preventive child-welfare workshop meets then, and
            # shares Kerava, Nurmijärvi and Siuntio with this one.
            PollCandidate(number=1, day=date(2009, 3, 4), starts=time(14), ends=time(16)),
            # The same day in the morning: no clash.
            PollCandidate(number=2, day=date(2009, 3, 4), starts=time(9), ends=time(11)),
            # 25.3.2009 has meetings of three workshops, none with a time: the whole day.
            PollCandidate(number=3, day=date(2009, 3, 25), starts=time(9), ends=time(11)),
            # A free day.
            PollCandidate(number=4, day=date(2009, 3, 26)),
        ]
        found = await clashes(session, poll, HELSINKI)
    assert found.keys() == {1, 3}
    assert found[1] == [workshops["ehkaiseva-lastensuojelu"]]
    assert sorted(found[3]) == sorted(workshops.values())
