"""The table of questions as people type them: the share answered with exactly the expected
meetings, through the built-in stemmer and through Voikko where it loads.

On SQLite only: the table measures the reading of questions, which the database does not
change, and the answers' queries run on both databases in test_answers.py.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.language import finnish
from storage.database import create_engine, create_sessions
from tests.bot.replies.question_table import (
    ENGLISH,
    FINNISH,
    NOON_3_MARCH_2027,
    SWEDISH,
    load_network,
    run_table,
)
from tests.helpers.runtime import runtime_at
from tests.helpers.scores import SCORES

# The table must stay above this; it scores 0.97 or more when the reading is as intended.
FLOOR = 0.95


@pytest.fixture
async def sqlite_engine(sqlite_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(sqlite_url)
    yield engine
    await engine.dispose()


@pytest.mark.parametrize("morphology", ["fallback", "voikko"])
async def test_the_table_of_questions_scores_above_the_floor(
    sqlite_engine: AsyncEngine, morphology: str
) -> None:
    finnish.use_voikko(morphology == "voikko")
    try:
        if morphology == "voikko" and not finnish.voikko_in_use():
            pytest.skip("Voikko does not load here; the fallback runs the same table")
        sessions: async_sessionmaker[AsyncSession] = create_sessions(sqlite_engine)
        await load_network(sessions)
        score, misses = await run_table(sessions, runtime_at(NOON_3_MARCH_2027, sqlite_engine))
    finally:
        finnish.use_voikko(True)
    SCORES[f"questions table ({morphology})"] = score
    assert score >= FLOOR, "\n".join(f"{m.question!r}: {m.listed} ≠ {m.expected}" for m in misses)


def test_the_table_has_ninety_finnish_and_thirty_swedish_and_english_questions() -> None:
    assert (len(FINNISH), len(SWEDISH), len(ENGLISH)) >= (90, 30, 30)
