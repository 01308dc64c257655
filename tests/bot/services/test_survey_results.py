"""A survey's results (SQLite and PostgreSQL): counts and "N of M municipalities", the
municipalities that have not answered, words only from five writers on and never with
names in an anonymous survey, and a CSV no spreadsheet evaluates."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.language.surveys import read_survey_message
from bot.planning.outbox import ReminderPolicy
from bot.services import surveys
from bot.services.directory import Directory, load_directory
from bot.services.members import Person
from bot.services.staff import NotAllowed
from bot.services.survey_results import SurveyResults, results_csv, survey_results
from tests.helpers.members import resident
from tests.helpers.schedules import HELSINKI, load_demo

Sessions = async_sessionmaker[AsyncSession]
ADMIN = Person(9001, "Marianna", "fi", administrator=True)
KEY = b"the deployment's key"
NOW = datetime(2009, 1, 8, 9, 0, tzinfo=HELSINKI)
POLICY = ReminderPolicy((timedelta(days=1),), None, HELSINKI)
# The preventive workshop's eight municipalities; two members from Kerava.
TOWNS = ("Kerava", "Kerava", "Nurmijärvi", "Lohja", "Vihti", "Tuusula")


@pytest.fixture
async def demo(sessions: Sessions) -> Directory:
    await load_demo(sessions)
    async with sessions() as session:
        return await load_directory(session)


async def _results(sessions: Sessions, directory: Directory, *, anonymous: bool) -> SurveyResults:
    """Six members answer; the words are written by as many as `writers`."""
    flag = " anonymous" if anonymous else ""
    spec = read_survey_message(
        f"workshop=ehkaiseva-lastensuojelu{flag}\nKysely\n"
        "1. Mikä sopii? (monta) | Aamu | Ilta\n2. Kuinka hyvä? (1-5)\n3. Mitä toivot? (vapaa)"
    )
    async with sessions.begin() as session:
        survey = await surveys.draft(session, ADMIN, spec, directory, HELSINKI, NOW)
        await surveys.confirm(
            session, survey, ADMIN, now=NOW, remind=timedelta(days=1), policy=POLICY
        )
        survey_id = survey.id
    for n, town in enumerate(TOWNS):
        person = Person(700 + n, f"Jäsen {n}", "fi")
        await resident(sessions, person.telegram_id, town, name=person.name)
        async with sessions.begin() as session:
            survey, member = await surveys.answering(session, person, survey_id, NOW)
            several, scale, words = survey.questions
            await surveys.record(session, survey, member, KEY, several, options=[1, 2][: n % 2 + 1])
            await surveys.record(session, survey, member, KEY, scale, value=n % 5 + 1)
            if n < 5:
                text = '=HYPERLINK("x")' if n == 0 else f"Toive {n}"
                await surveys.record(session, survey, member, KEY, words, text=text)
    async with sessions.begin() as session:
        return await survey_results(session, ADMIN, survey_id, await load_directory(session))


async def test_counts_municipalities_silent_ones_and_words_without_names(
    sessions: Sessions, demo: Directory
) -> None:
    results = await _results(sessions, demo, anonymous=True)
    several, scale, words = results.questions
    assert results.respondents == 6
    assert len(results.municipalities) == 8
    assert sorted(m.name for m in results.silent) == ["Kirkkonummi", "Raasepori", "Siuntio"]
    # Everyone chose Aamu (five municipalities); every other one Ilta too (from Kerava,
    # Lohja and Tuusula).
    assert [(b.label, b.count, b.municipalities) for b in several.bars] == [
        ("Aamu", 6, 5),
        ("Ilta", 3, 3),
    ]
    assert [b.count for b in scale.bars] == [2, 1, 1, 1, 1]
    assert scale.average == pytest.approx(16 / 6)
    assert [(w.text, w.name) for w in words.words] == [
        ('=HYPERLINK("x")', ""),
        ("Toive 1", ""),
        ("Toive 2", ""),
        ("Toive 3", ""),
        ("Toive 4", ""),
    ]

    rows = list(csv.reader(io.StringIO(results_csv(results).decode("utf-8-sig")), delimiter=";"))
    header = ["question", "question_text", "answer", "count", "municipalities", "of", "name"]
    assert rows[0] == header
    assert ["1", "Mikä sopii?", "Aamu", "6", "5", "8", ""] in rows
    assert ["2", "Kuinka hyvä?", "average", "2.67", "", "", ""] in rows
    assert ["3", "Mitä toivot?", '\'=HYPERLINK("x")', "", "", "", ""] in rows
    assert ["", "not answered", "Kirkkonummi", "", "", "", ""] in rows
    assert not any("Jäsen" in cell for row in rows for cell in row)


async def test_words_from_fewer_than_five_are_hidden_and_names_shown_otherwise(
    sessions: Sessions, demo: Directory
) -> None:
    results = await _results(sessions, demo, anonymous=False)
    assert [w.name for w in results.questions[2].words] == [f"Jäsen {n}" for n in range(5)]

    async with sessions.begin() as session:
        survey, member = await surveys.answering(
            session, Person(700, "Jäsen 0", "fi"), results.survey.id, NOW
        )
        # One writer's words gone: four are left, too few to show.
        response = await surveys.response_of(session, survey, member, KEY)
        assert response is not None
        response.answers = [a for a in response.answers if a.text is None]
    async with sessions.begin() as session:
        again = await survey_results(session, ADMIN, survey.id, await load_directory(session))
    assert (again.questions[2].answered, again.questions[2].words) == (4, ())


async def test_only_coordinators_read_results(sessions: Sessions, demo: Directory) -> None:
    results = await _results(sessions, demo, anonymous=True)
    async with sessions.begin() as session:
        with pytest.raises(NotAllowed):
            await survey_results(session, Person(700, "Jäsen 0", "fi"), results.survey.id, demo)
