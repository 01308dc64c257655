"""/surveyresults: a survey's results as a message, as a CSV file and as a chart."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from html import escape

from sqlalchemy.ext.asyncio import AsyncSession

from bot.foundation.typed import number
from bot.language.catalog import Texts
from bot.replies.charts import Panel, bar_chart
from bot.replies.context import ReplyContext
from bot.replies.refusals import refusal
from bot.replies.reply import Refusal, Reply
from bot.services.directory import load_directory
from bot.services.members import Person, language_of
from bot.services.staff import NotAllowed
from bot.services.survey_results import (
    MIN_WORDS,
    QuestionResult,
    SurveyResults,
    results_csv,
    survey_results,
)
from bot.services.surveys import SurveyRefused
from storage.models import QuestionKind


@dataclass(frozen=True)
class SurveyResultsReply:
    """The results as a message, with the CSV file and the chart when there are results."""

    reply: Reply
    csv: bytes | None = None
    chart: bytes | None = None
    file_name: str = "survey.csv"


async def survey_results_reply(
    session: AsyncSession, context: ReplyContext, person: Person, arguments: str
) -> SurveyResultsReply:
    """/surveyresults SURVEY, for coordinators and administrators."""
    texts, language = context.texts, await language_of(session, person)
    survey_id = number(arguments.strip())
    if survey_id is None:
        return SurveyResultsReply(Reply(texts(language, "survey-results-usage")))
    try:
        results = await survey_results(session, person, survey_id, await load_directory(session))
    except NotAllowed:
        return SurveyResultsReply(await refusal(session, context, person))
    except SurveyRefused as error:
        return SurveyResultsReply(Refusal(texts(language, error.key, **error.values)))
    panels = _panels(texts, language, results)
    # Drawing takes a moment of the processor; the bot goes on answering others meanwhile.
    chart = await asyncio.to_thread(bar_chart, panels) if panels else None
    return SurveyResultsReply(
        Reply(results_text(texts, language, results), personal=True),
        results_csv(results),
        chart,
        f"survey-{results.survey.id}.csv",
    )


def results_text(texts: Texts, language: str, results: SurveyResults) -> str:
    """The results as a message: the respondents, each question, who has not answered."""
    survey, total = results.survey, len(results.municipalities)
    lines = [
        texts(language, "survey-results-title", survey=survey.id, title=escape(survey.title)),
        texts(
            language,
            "survey-results-respondents",
            count=results.respondents,
            towns=total - len(results.silent),
            total=total,
        ),
    ]
    for result in results.questions:
        lines += ["", _question_text(texts, language, result, total)]
    names = ", ".join(escape(m.title(language)) for m in results.silent)
    lines.append("")
    lines.append(
        texts(language, "survey-results-silent", municipalities=names)
        if names
        else texts(language, "survey-results-all-answered")
    )
    return "\n".join(lines)


def _question_text(texts: Texts, language: str, result: QuestionResult, total: int) -> str:
    """One question: its options with counts and municipalities, a scale's average, or words."""
    question = result.question
    lines = [f"<b>{question.position}. {escape(question.text)}</b>"]
    match question.kind:
        case QuestionKind.SCALE if result.answered:
            lines.append(_average(texts, language, result))
            lines.append(" · ".join(f"{bar.label}: {bar.count}" for bar in result.bars))
        case QuestionKind.ONE | QuestionKind.SEVERAL:
            lines += [
                texts(
                    language,
                    "survey-results-option",
                    option=escape(bar.label),
                    count=bar.count,
                    towns=bar.municipalities,
                    total=total,
                )
                for bar in result.bars
            ]
        case QuestionKind.TEXT if result.words:
            lines += [
                f"• {escape(words.text)}" + (f" – {escape(words.name)}" if words.name else "")
                for words in result.words
            ]
        case QuestionKind.TEXT:
            lines.append(
                texts(
                    language, "survey-results-words-hidden", count=result.answered, least=MIN_WORDS
                )
            )
        case _:
            lines.append(texts(language, "survey-results-no-answers"))
    return "\n".join(lines)


def _average(texts: Texts, language: str, result: QuestionResult) -> str:
    """`Average 3.6 (7 answers)`, with the decimal comma in Finnish and Swedish."""
    value = f"{result.average or 0:.1f}"
    if language in {"fi", "sv"}:
        value = value.replace(".", ",")
    return texts(language, "survey-results-average", average=value, count=result.answered)


def _panels(texts: Texts, language: str, results: SurveyResults) -> list[Panel]:
    """A chart panel for each question answered by choosing; none for words."""
    total = len(results.municipalities)
    panels = []
    for result in results.questions:
        if not result.bars:
            continue
        title = f"{result.question.position}. {result.question.text}"
        if result.question.kind == QuestionKind.SCALE:
            if result.answered:
                title += " – " + _average(texts, language, result)
            notes = tuple(str(bar.count) for bar in result.bars)
        else:
            notes = tuple(f"{bar.count} ({bar.municipalities}/{total})" for bar in result.bars)
        panels.append(
            Panel(
                title,
                tuple(bar.label for bar in result.bars),
                tuple(bar.count for bar in result.bars),
                notes,
            )
        )
    return panels
