"""The table of questions as people type them (tests/bot/replies/question_table.py): the
share answered with exactly the expected meetings, with Voikko and with the built-in
stemmer, on a throwaway SQLite file; the questions missed are listed.

    python -m benchmarks.questions_table
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from bot.language import finnish
from storage.database import create_engine, create_sessions
from storage.migrate import upgrade
from tests.bot.replies.question_table import NOON_3_MARCH_2027, TABLE, load_network, run_table
from tests.helpers.runtime import runtime_at


def _say(line: str) -> None:
    print(line, flush=True)  # noqa: T201 - the scores and misses are this program's output


async def main() -> None:
    """Score the table through each morphology and print the scores and the misses."""
    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite+aiosqlite:///{Path(folder) / 'table.sqlite3'}")
        await upgrade(engine)
        sessions = create_sessions(engine)
        await load_network(sessions)
        context = runtime_at(NOON_3_MARCH_2027, engine)
        _say(f"{len(TABLE)} questions")
        try:
            for name, voikko in (("voikko", True), ("fallback", False)):
                finnish.use_voikko(voikko)
                if voikko and not finnish.voikko_in_use():
                    _say("voikko: does not load here")
                    continue
                score, misses = await run_table(sessions, context)
                _say(f"{name}: {score:.3f}")
                for miss in misses:
                    _say(f"  {miss.question!r}: listed {miss.listed}, expected {miss.expected}")
        finally:
            finnish.use_voikko(True)
            await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())
