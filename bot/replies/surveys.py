"""Surveys: the draft and its preview, Confirm and Cancel, and answering one question at a
time, by buttons, typed or in words."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from html import escape
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.foundation.typed import number
from bot.language.catalog import Texts
from bot.language.dates import format_day
from bot.language.surveys import SurveyFormatError, read_survey_message, read_survey_yaml
from bot.replies.asking_buttons import SurveyAction, SurveyAnswerButton
from bot.replies.context import ReplyContext
from bot.replies.refusals import refused_as_reply
from bot.replies.reply import Button, Refusal, Reply
from bot.services import surveys
from bot.services.directory import load_directory
from bot.services.members import Person, language_of
from bot.services.permissions import (
    staff_or_representative,
)
from storage.models import (
    Member,
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyState,
)

_KIND_KEYS = {
    QuestionKind.ONE: "survey-kind-one",
    QuestionKind.SEVERAL: "survey-kind-several",
    QuestionKind.SCALE: "survey-kind-scale",
    QuestionKind.TEXT: "survey-kind-text",
}


def respondent_key(context: ReplyContext) -> bytes:
    """The key anonymous responses are kept apart by."""
    return context.survey_key


def refused(
    texts: Texts, language: str, error: SurveyFormatError | surveys.SurveyRefused
) -> Refusal:
    """One clear line saying what was wrong (to a button, an alert)."""
    return Refusal(texts(language, error.key, **error.values))


# --- the draft, its preview, Confirm and Cancel --------------------------------------------


@refused_as_reply
async def survey_reply(
    session: AsyncSession, context: ReplyContext, person: Person, text: str, *, yaml: bool = False
) -> Reply:
    """/survey … or a survey file: a draft and its preview."""
    texts, language = context.texts, await language_of(session, person)
    if not text.strip():
        await staff_or_representative(session, person, "survey")
        return Reply(texts(language, "survey-usage"))
    try:
        spec = read_survey_yaml(text) if yaml else read_survey_message(text)
        await staff_or_representative(session, person, "survey")
        draft = await surveys.draft(
            session, person, spec, await load_directory(session), context.timezone, context.clock()
        )
    except (SurveyFormatError, surveys.SurveyRefused) as error:
        return refused(texts, language, error)
    return await preview(session, context, draft, language)


async def preview(
    session: AsyncSession, context: ReplyContext, draft: Survey, language: str
) -> Reply:
    """The survey as members will see it, its number of recipients, Confirm and Cancel."""
    texts = context.texts
    count = await surveys.recipient_count(session, draft)
    key = "survey-preview" if count else "survey-preview-nobody"
    head = texts(language, key, survey=draft.id, count=count)
    body = "\n\n".join(
        [survey_intro(texts, language, draft, context.timezone)]
        + [question_text(texts, language, q) for q in draft.questions]
    )
    cancel = Button(texts(language, "survey-cancel"), SurveyAction("no", draft.id).encode())
    confirm = Button(texts(language, "survey-confirm"), SurveyAction("ok", draft.id).encode())
    return Reply(f"{head}\n\n{body}", ((confirm, cancel) if count else (cancel,),))


def survey_intro(texts: Texts, language: str, survey: Survey, zone: ZoneInfo) -> str:
    """The survey's number and title, its deadline and whether it is anonymous."""
    lines = [texts(language, "survey-title", survey=survey.id, title=escape(survey.title))]
    if survey.deadline is not None:
        # The deadline is stored as the end of its day: the day shown is the one before.
        last_day = (survey.deadline.astimezone(zone) - timedelta(days=1)).date()
        lines.append(texts(language, "survey-deadline", date=format_day(last_day, language)))
    if survey.anonymous:
        lines.append(texts(language, "survey-anonymous"))
    return "\n".join(lines)


def question_text(
    texts: Texts, language: str, question: SurveyQuestion, answer: SurveyAnswer | None = None
) -> str:
    """`2. Question? (several answers)` and its numbered options, chosen ones marked."""
    chosen = set(answer.options) if answer is not None else set()
    kind = texts(
        language,
        _KIND_KEYS[question.kind],
        low=question.scale_low or 0,
        high=question.scale_high or 0,
    )
    lines = [f"<b>{question.position}. {escape(question.text)}</b> <i>({kind})</i>"]
    lines += [
        f"{'☑' if option.position in chosen else '▫'} {option.position}) {escape(option.text)}"
        for option in question.options
    ]
    return "\n".join(lines)


async def survey_action_reply(
    session: AsyncSession, context: ReplyContext, person: Person, pressed: SurveyAction
) -> Reply:
    """Confirm or Cancel of a draft."""
    return await _survey_action(session, context, person, pressed)


@refused_as_reply
async def _survey_action(
    session: AsyncSession, context: ReplyContext, person: Person, pressed: SurveyAction
) -> Reply:
    texts, language = context.texts, await language_of(session, person)
    action = "survey-confirm" if pressed.action == "ok" else "survey-cancel"
    try:
        draft = await surveys.own_draft(session, person, pressed.survey_id, action)
    except surveys.SurveyRefused as error:
        return refused(texts, language, error)
    if pressed.action == "no":
        await surveys.cancel(session, draft, person)
        return Reply(texts(language, "survey-cancelled", survey=draft.id))
    if await surveys.recipient_count(session, draft) == 0:
        return Reply(texts(language, "survey-nobody"))
    count = await surveys.confirm(
        session,
        draft,
        person,
        now=context.clock(),
        remind=context.survey_reminder,
        policy=context.policy,
    )
    return Reply(texts(language, "survey-sent", survey=draft.id, count=count))


# --- answering ----------------------------------------------------------------------------


def question_reply(
    texts: Texts,
    language: str,
    survey: Survey,
    question: SurveyQuestion,
    answer: SurveyAnswer | None = None,
    *,
    intro: ZoneInfo | None = None,
) -> Reply:
    """One question with its buttons (a free-text question asks for a message); with the
    survey's introduction when `intro` is its time zone."""
    head = (
        survey_intro(texts, language, survey, intro)
        if intro is not None
        else texts(language, "survey-title", survey=survey.id, title=escape(survey.title))
    )
    count = texts(
        language, "survey-question-of", number=question.position, total=len(survey.questions)
    )
    parts = [head, count, question_text(texts, language, question, answer)]
    if question.kind == QuestionKind.TEXT:
        parts.append(texts(language, "survey-write-answer"))
    return Reply("\n\n".join(parts), _answer_buttons(texts, language, survey, question))


def _answer_buttons(
    texts: Texts, language: str, survey: Survey, question: SurveyQuestion
) -> tuple[tuple[Button, ...], ...]:
    def button(label: str, choice: int | Literal["d", "s"]) -> Button:
        data = SurveyAnswerButton(survey.id, question.position, choice)
        return Button(label, data.encode())

    match question.kind:
        case QuestionKind.ONE | QuestionKind.SEVERAL:
            options = [button(f"{o.position}) {o.text[:30]}", o.position) for o in question.options]
            rows = [tuple(options[i : i + 2]) for i in range(0, len(options), 2)]
            if question.kind == QuestionKind.SEVERAL:
                rows.append((button(texts(language, "survey-done"), "d"),))
            return tuple(rows)
        case QuestionKind.SCALE:
            low, high = question.scale_low or 0, question.scale_high or 0
            points = [button(str(value), value) for value in range(low, high + 1)]
            return tuple(tuple(points[i : i + 6]) for i in range(0, len(points), 6))
        case QuestionKind.TEXT:
            return ((button(texts(language, "survey-skip"), "s"),),)


def survey_message(
    texts: Texts, language: str, survey: Survey, zone: ZoneInfo, now: datetime, first: bool
) -> Reply | str:
    """The survey as the outbox sends it (or its reminder): its first question; or why not."""
    if survey.state != SurveyState.SENT:
        return "survey withdrawn"
    if survey.deadline is not None and survey.deadline <= now:
        return "survey closed"
    reply = question_reply(texts, language, survey, survey.questions[0], intro=zone)
    if first:
        return reply
    return Reply(texts(language, "survey-reminder") + "\n\n" + reply.text, reply.buttons)


def finished_reply(texts: Texts, language: str, survey: Survey) -> Reply:
    """Thanks, and how to change the answers."""
    return Reply(texts(language, "survey-thanks", survey=survey.id))


async def next_after(
    session: AsyncSession,
    context: ReplyContext,
    language: str,
    survey: Survey,
    member: Member,
    position: int,
) -> Reply:
    """The question after the one answered, or the thanks."""
    following = [q for q in survey.questions if q.position > position]
    if not following:
        return finished_reply(context.texts, language, survey)
    return await ask(session, context, language, survey, member, following[0])


async def ask(
    session: AsyncSession,
    context: ReplyContext,
    language: str,
    survey: Survey,
    member: Member,
    question: SurveyQuestion,
) -> Reply:
    """The question, with the member's answer so far; a free-text one awaits their message."""
    key = respondent_key(context)
    if question.kind == QuestionKind.TEXT:
        await surveys.await_text(session, survey, member, key, question)
    response = await surveys.response_of(session, survey, member, key)
    return question_reply(
        context.texts, language, survey, question, surveys.answer_to(response, question)
    )


async def answer_button_reply(
    session: AsyncSession, context: ReplyContext, person: Person, pressed: SurveyAnswerButton
) -> Reply:
    """A button under a question: record it, then the next question (or the same one, for
    a several-answers option toggled)."""
    texts, language = context.texts, await language_of(session, person)
    key = respondent_key(context)
    try:
        survey, member = await surveys.answering(
            session, person, pressed.survey_id, context.clock()
        )
        question = surveys.question_at(survey, pressed.question)
        response = await surveys.response_of(session, survey, member, key)
        answer = surveys.answer_to(response, question)
        if pressed.choice == "s":
            if question.kind != QuestionKind.TEXT:
                raise surveys.SurveyRefused("bad-value", question=question.position)
        elif question.kind == QuestionKind.SEVERAL:
            chosen = set(answer.options) if answer is not None else set()
            if pressed.choice != "d":
                chosen ^= {pressed.choice}
                answer = await surveys.record(
                    session, survey, member, key, question, options=sorted(chosen), done=False
                )
                return question_reply(texts, language, survey, question, answer)
            await surveys.record(session, survey, member, key, question, options=sorted(chosen))
        elif pressed.choice == "d":
            raise surveys.SurveyRefused("bad-value", question=question.position)
        elif question.kind == QuestionKind.ONE:
            await surveys.record(session, survey, member, key, question, options=[pressed.choice])
        else:
            await surveys.record(session, survey, member, key, question, value=pressed.choice)
    except surveys.SurveyRefused as error:
        return refused(texts, language, error)
    return await next_after(session, context, language, survey, member, question.position)


async def answer_reply(
    session: AsyncSession, context: ReplyContext, person: Person, arguments: str
) -> Reply:
    """/answer SURVEY [QUESTION VALUE]: record a typed answer; without one, the first
    question with its buttons."""
    texts, language = context.texts, await language_of(session, person)
    parts = arguments.split(maxsplit=2)
    survey_id = number(parts[0]) if parts else None
    position = number(parts[1]) if len(parts) > 1 else None
    if survey_id is None or (len(parts) > 1 and (position is None or len(parts) < 3)):
        return Reply(texts(language, "survey-answer-usage"))
    try:
        survey, member = await surveys.answering(session, person, survey_id, context.clock())
        if position is None:
            return await ask(session, context, language, survey, member, survey.questions[0])
        question = surveys.question_at(survey, position)
        await _typed(session, context, survey, member, question, parts[2].strip())
    except surveys.SurveyRefused as error:
        return refused(texts, language, error)
    return await next_after(session, context, language, survey, member, question.position)


async def _typed(
    session: AsyncSession,
    context: ReplyContext,
    survey: Survey,
    member: Member,
    question: SurveyQuestion,
    value: str,
) -> None:
    """`2`, `1,3`, or words, as the question wants it."""
    key = respondent_key(context)
    if question.kind == QuestionKind.TEXT:
        await surveys.record(session, survey, member, key, question, text=value[:2000])
        return
    numbers = [number(part.strip()) for part in re.split(r"[,\s]+", value) if part.strip()]
    if not numbers or any(n is None for n in numbers):
        raise surveys.SurveyRefused("bad-value", question=question.position)
    chosen = [n for n in numbers if n is not None]
    if question.kind == QuestionKind.SCALE:
        if len(chosen) != 1:
            raise surveys.SurveyRefused("bad-value", question=question.position)
        await surveys.record(session, survey, member, key, question, value=chosen[0])
    else:
        await surveys.record(session, survey, member, key, question, options=chosen)


async def text_answer_reply(
    session: AsyncSession, context: ReplyContext, person: Person, text: str
) -> Reply | None:
    """A message in a private chat that answers the free-text question the member is on;
    None when they are on none."""
    member = await surveys.member_if_known(session, person)
    if member is None:
        return None
    found = await surveys.awaited(session, member, respondent_key(context), context.clock())
    if found is None:
        return None
    survey, question = found
    language = await language_of(session, person)
    await surveys.record(
        session, survey, member, respondent_key(context), question, text=text.strip()[:2000]
    )
    return await next_after(session, context, language, survey, member, question.position)
