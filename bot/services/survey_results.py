"""A survey's results as the network reads them: answers per option and "N of M
municipalities" (the seeds' "N (max. 13)"), a scale's average and distribution, who has
not answered, and free-text answers once enough people have written them."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.services.attendance import spreadsheet_text
from bot.services.directory import Directory, MunicipalityInfo
from bot.services.members import Person
from bot.services.permissions import (
    Action,
    permitted_for_all,
    staff_or_representative,
)
from bot.services.staff import audit
from bot.services.surveys import SurveyRefused, load_survey
from storage.models import Member, QuestionKind, Survey, SurveyQuestion, SurveyResponse, SurveyState

# Fewer written answers than this could be told apart by who wrote them: they are not shown.
MIN_WORDS = 5


@dataclass(frozen=True)
class Bar:
    """One option (or point of a scale): how many chose it, from how many municipalities."""

    label: str
    count: int
    municipalities: int


@dataclass(frozen=True)
class Words:
    """A free-text answer; the writer's name ("" in an anonymous survey)."""

    text: str
    name: str


@dataclass(frozen=True)
class QuestionResult:
    """One question's results; `words` is empty while fewer than MIN_WORDS have written."""

    question: SurveyQuestion
    answered: int
    bars: tuple[Bar, ...] = ()
    average: float | None = None
    words: tuple[Words, ...] = ()


@dataclass(frozen=True)
class SurveyResults:
    """The whole survey's results; municipalities are the ones it was addressed to."""

    survey: Survey
    respondents: int
    municipalities: tuple[MunicipalityInfo, ...]
    silent: tuple[MunicipalityInfo, ...]
    questions: tuple[QuestionResult, ...]


@dataclass(frozen=True)
class _Given:
    """One finished answer, with its response and the respondent's municipality and name."""

    response_id: int
    options: tuple[int, ...]
    value: int | None
    text: str | None
    municipality_id: int | None
    name: str | None


async def survey_results(
    session: AsyncSession, person: Person, survey_id: int, directory: Directory
) -> SurveyResults:
    """The results of a sent survey; coordinators and administrators may read them."""
    target = f"survey {survey_id}"
    await staff_or_representative(session, person, "surveyresults", target=target)
    survey = await load_survey(session, survey_id)
    if survey is None or survey.state != SurveyState.SENT:
        raise SurveyRefused("unknown", survey=survey_id)
    actor = await permitted_for_all(
        session, person, Action.SURVEYS, survey.workshop_ids, name="surveyresults", target=target
    )
    given = await _answers(session, survey)
    everything = [answer for answers in given.values() for answer in answers]
    answered = {a.municipality_id for a in everything if a.municipality_id is not None}
    addressed = _addressed(survey, directory, answered)
    await audit(session, actor, "surveyresults", target=f"survey {survey.id}")
    return SurveyResults(
        survey=survey,
        respondents=len({a.response_id for a in everything}),
        municipalities=addressed,
        silent=tuple(m for m in addressed if m.id not in answered),
        questions=tuple(_result(q, given.get(q.id, [])) for q in survey.questions),
    )


async def _answers(session: AsyncSession, survey: Survey) -> dict[int, list[_Given]]:
    """The finished answers, by question."""
    responses = await session.scalars(
        select(SurveyResponse)
        .where(SurveyResponse.survey_id == survey.id)
        .options(selectinload(SurveyResponse.answers))
        .order_by(SurveyResponse.id)
    )
    names: dict[int, str] = {}
    if not survey.anonymous:
        members = select(SurveyResponse.member_id).where(SurveyResponse.survey_id == survey.id)
        rows = await session.execute(select(Member.id, Member.name).where(Member.id.in_(members)))
        names = {member_id: name for member_id, name in rows}
    given: dict[int, list[_Given]] = {}
    for response in responses:
        name = names.get(response.member_id) if response.member_id is not None else None
        for answer in response.answers:
            if not answer.done:
                continue  # several options toggled, Done not pressed yet
            given.setdefault(answer.question_id, []).append(
                _Given(
                    response.id,
                    tuple(answer.options),
                    answer.value,
                    answer.text,
                    response.municipality_id,
                    name,
                )
            )
    return given


def _addressed(
    survey: Survey, directory: Directory, answered: set[int]
) -> tuple[MunicipalityInfo, ...]:
    """The municipalities the survey was for: those of its workshops (all, with none),
    narrowed to its municipalities; and any a respondent came from after all."""
    workshops = [w for w in directory.workshops if w.id in survey.workshop_ids]
    return tuple(
        m
        for m in directory.municipalities
        if m.id in answered
        or (
            (not survey.workshop_ids or any(m.id in w.municipality_ids for w in workshops))
            and (not survey.municipality_ids or m.id in survey.municipality_ids)
        )
    )


def _result(question: SurveyQuestion, answers: list[_Given]) -> QuestionResult:
    """Counts per option or point, the average of a scale, or the words."""
    match question.kind:
        case QuestionKind.ONE | QuestionKind.SEVERAL:
            labels = [(o.position, o.text) for o in question.options]
            return QuestionResult(question, len(answers), _bars(labels, answers, "options"))
        case QuestionKind.SCALE:
            low, high = question.scale_low or 0, question.scale_high or 0
            labels = [(point, str(point)) for point in range(low, high + 1)]
            values = [a.value for a in answers if a.value is not None]
            average = sum(values) / len(values) if values else None
            return QuestionResult(question, len(answers), _bars(labels, answers, "value"), average)
        case QuestionKind.TEXT:
            written = [a for a in answers if a.text]
            shown = (
                ()
                if len(written) < MIN_WORDS
                # Sorted, not in the order given: the order would tell who answered when.
                else tuple(
                    Words(text, name)
                    for text, name in sorted((a.text or "", a.name or "") for a in written)
                )
            )
            return QuestionResult(question, len(written), words=shown)


def _bars(labels: list[tuple[int, str]], answers: list[_Given], field: str) -> tuple[Bar, ...]:
    """For each option or point: the answers choosing it, and from how many municipalities."""
    chosen: Counter[int] = Counter()
    towns: dict[int, set[int]] = {}
    for answer in answers:
        picks = answer.options if field == "options" else [answer.value or 0]
        for pick in set(picks):
            chosen[pick] += 1
            if answer.municipality_id is not None:
                towns.setdefault(pick, set()).add(answer.municipality_id)
    return tuple(Bar(label, chosen[n], len(towns.get(n, ()))) for n, label in labels)


def results_csv(results: SurveyResults) -> bytes:
    """The results for a spreadsheet (UTF-8 with BOM, `;`): a row per option or point, the
    averages, the words shown, and the municipalities that have not answered."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")

    def row(*cells: str | int) -> None:
        # Words, names and titles are people's: none may become a formula.
        writer.writerow([spreadsheet_text(str(cell)) for cell in cells])

    row("question", "question_text", "answer", "count", "municipalities", "of", "name")
    total = len(results.municipalities)
    for result in results.questions:
        head = (result.question.position, result.question.text)
        for bar in result.bars:
            row(*head, bar.label, bar.count, bar.municipalities, total, "")
        if result.average is not None:
            row(*head, "average", f"{result.average:.2f}", "", "", "")
        for words in result.words:
            row(*head, words.text, "", "", "", words.name)
    for municipality in results.silent:
        row("", "not answered", municipality.name, "", "", "", "")
    # The BOM makes spreadsheet programs read the ä and ö right.
    return buffer.getvalue().encode("utf-8-sig")
