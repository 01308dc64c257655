"""Surveys: a coordinator's questions to the members of workshops or municipalities.

A draft holds the survey while its author looks at the preview; Confirm plans one outbox
row per recipient, and one reminder for each a set time before the deadline. Members
answer one question at a time; their response can be changed until the deadline.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Select, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.language.surveys import SurveySpec
from bot.planning.outbox import SURVEY, SURVEY_REMINDER, PlannedRow, ReminderPolicy, insert_rows
from bot.planning.timing import outside_quiet_hours
from bot.services.directory import Directory
from bot.services.members import Person, member_of
from bot.services.permissions import (
    Action,
    permitted_for_all,
    staff_or_representative,
)
from bot.services.staff import NotAllowed, audit
from storage.models import (
    Member,
    Outbox,
    OutboxStatus,
    QuestionKind,
    Subscription,
    Survey,
    SurveyAnswer,
    SurveyOption,
    SurveyQuestion,
    SurveyResponse,
    SurveyState,
)


class SurveyRefused(Exception):
    """Why an answer or a survey is not taken: a message key (`survey-…`) and its values."""

    def __init__(self, key: str, **values: str | int) -> None:
        super().__init__(key)
        self.key = f"survey-{key}"
        self.values = values


def survey_subject(survey_id: int) -> str:
    """The outbox subject of a survey's messages."""
    return f"survey:{survey_id}"


def respondent_of(survey: Survey, member: Member, key: bytes) -> str:
    """Who a response is by: the member, or in an anonymous survey a keyed hash of them."""
    if not survey.anonymous:
        return f"member:{member.id}"
    subject = f"survey:{survey.id}:{member.telegram_id}".encode()
    return "anon:" + hmac.new(key, subject, hashlib.sha256).hexdigest()[:40]


def deadline_moment(day: date, zone: ZoneInfo) -> datetime:
    """Answers are taken until the end of the deadline's day, local time."""
    return datetime.combine(day + timedelta(days=1), time(0), zone)


async def load_survey(session: AsyncSession, survey_id: int) -> Survey | None:
    """The survey with its questions and their options."""
    return await session.scalar(
        select(Survey)
        .where(Survey.id == survey_id)
        .options(selectinload(Survey.questions).selectinload(SurveyQuestion.options))
    )


def audience(survey: Survey) -> Select[int, int]:
    """The active members the survey is for: (member id, Telegram id)."""
    query = select(Member.id, Member.telegram_id).where(Member.active)
    if survey.workshop_ids:
        follows = select(Subscription.member_id).where(
            Subscription.workshop_id.in_(survey.workshop_ids)
        )
        query = query.where(Member.id.in_(follows))
    if survey.municipality_ids:
        query = query.where(Member.municipality_id.in_(survey.municipality_ids))
    elif not survey.workshop_ids:
        # A survey to everyone is for the members of the network's municipalities.
        query = query.where(Member.municipality_id.is_not(None))
    return query


async def recipient_count(session: AsyncSession, survey: Survey) -> int:
    """How many members the survey would reach now."""
    count = await session.scalar(select(func.count()).select_from(audience(survey).subquery()))
    return count or 0


async def draft(
    session: AsyncSession,
    person: Person,
    spec: SurveySpec,
    directory: Directory,
    zone: ZoneInfo,
    now: datetime,
) -> Survey:
    """A draft for the preview: staff to anyone, a representative to their workshop."""
    workshop_ids, municipality_ids = [], []
    for name in spec.workshops:
        workshop = directory.workshop(name)
        if workshop is None:
            raise SurveyRefused("no-workshop", name=name[:80])
        workshop_ids.append(workshop.id)
    for name in spec.municipalities:
        municipality = directory.municipality(name)
        if municipality is None:
            raise SurveyRefused("no-municipality", name=name[:80])
        municipality_ids.append(municipality.id)
    author = await permitted_for_all(session, person, Action.SURVEYS, workshop_ids, name="survey")
    deadline = deadline_moment(spec.deadline, zone) if spec.deadline else None
    if deadline is not None and deadline <= now:
        raise SurveyRefused("deadline-passed-already")
    survey = Survey(
        author_id=author.id,
        title=spec.title,
        anonymous=spec.anonymous,
        deadline=deadline,
        workshop_ids=workshop_ids,
        municipality_ids=municipality_ids,
        questions=[
            SurveyQuestion(
                position=number,
                text=question.text,
                kind=question.kind,
                scale_low=question.low,
                scale_high=question.high,
                options=[
                    SurveyOption(position=place, text=option)
                    for place, option in enumerate(question.options, 1)
                ],
            )
            for number, question in enumerate(spec.questions, 1)
        ],
    )
    session.add(survey)
    await session.flush()
    return survey


async def own_draft(session: AsyncSession, person: Person, survey_id: int, action: str) -> Survey:
    """The actor's own draft; someone else's (a forged button) is refused and logged."""
    actor = await staff_or_representative(session, person, action, target=f"survey {survey_id}")
    survey = await load_survey(session, survey_id)
    if survey is None or survey.author_id != actor.id:
        await audit(session, actor, action, target=f"survey {survey_id}", allowed=False)
        raise NotAllowed(action)
    if survey.state != SurveyState.DRAFT:
        raise SurveyRefused("not-a-draft", survey=survey_id)
    return survey


async def confirm(
    session: AsyncSession,
    survey: Survey,
    person: Person,
    *,
    now: datetime,
    remind: timedelta,
    policy: ReminderPolicy,
) -> int:
    """Plan the survey to every recipient, and its reminder outside quiet hours; returns
    how many."""
    author = await permitted_for_all(
        session, person, Action.SURVEYS, survey.workshop_ids, name="survey-confirm"
    )
    survey.state = SurveyState.SENT
    survey.sent_at = now
    subject = survey_subject(survey.id)
    recipients = (await session.execute(audience(survey))).all()
    rows = [
        PlannedRow((SURVEY, chat_id, subject, 0), member_id, None, now, {"survey": survey.id})
        for member_id, chat_id in recipients
    ]
    reminded = (
        None
        if survey.deadline is None
        # Moved earlier, never later: it must come before the deadline.
        else outside_quiet_hours(survey.deadline - remind, policy.quiet, policy.zone)
    )
    if reminded is not None and reminded > now:
        # One reminder each; answering drops one's own (so nothing links a member to an
        # anonymous response).
        rows += [
            PlannedRow(
                (SURVEY_REMINDER, chat_id, subject, int(remind.total_seconds())),
                member_id,
                None,
                reminded,
                {"survey": survey.id},
            )
            for member_id, chat_id in recipients
        ]
    await insert_rows(session, rows)
    await audit(
        session, author, "survey", target=f"survey {survey.id}", detail=f"{len(recipients)}"
    )
    return len(recipients)


async def cancel(session: AsyncSession, survey: Survey, person: Person) -> None:
    """Drop a draft."""
    author = await staff_or_representative(session, person, "survey-cancel")
    survey.state = SurveyState.CANCELLED
    await audit(session, author, "survey-cancel", target=f"survey {survey.id}")


# --- answering ---------------------------------------------------------------------------


async def answering(
    session: AsyncSession, person: Person, survey_id: int, now: datetime
) -> tuple[Survey, Member]:
    """The open survey and the member answering it; refused past the deadline or outside
    the audience."""
    survey = await load_survey(session, survey_id)
    if survey is None or survey.state != SurveyState.SENT:
        raise SurveyRefused("unknown", survey=survey_id)
    if survey.deadline is not None and survey.deadline <= now:
        raise SurveyRefused("closed", survey=survey_id)
    member = await member_of(session, person)
    within = await session.scalar(audience(survey).where(Member.id == member.id))
    if within is None:
        raise SurveyRefused("not-for-you", survey=survey_id)
    return survey, member


def question_at(survey: Survey, position: int) -> SurveyQuestion:
    """The survey's question of that number."""
    for question in survey.questions:
        if question.position == position:
            return question
    raise SurveyRefused("no-such-question", survey=survey.id, question=position)


async def response_of(
    session: AsyncSession, survey: Survey, member: Member, key: bytes
) -> SurveyResponse | None:
    """The member's response, with its answers."""
    return await session.scalar(
        select(SurveyResponse)
        .where(
            SurveyResponse.survey_id == survey.id,
            SurveyResponse.respondent == respondent_of(survey, member, key),
        )
        .options(selectinload(SurveyResponse.answers))
    )


async def _response(
    session: AsyncSession, survey: Survey, member: Member, key: bytes
) -> SurveyResponse:
    """The member's response, begun at the first answer."""
    response = await response_of(session, survey, member, key)
    if response is None:
        response = SurveyResponse(
            survey_id=survey.id,
            respondent=respondent_of(survey, member, key),
            member_id=None if survey.anonymous else member.id,
            municipality_id=member.municipality_id,
            answers=[],
        )
        session.add(response)
        # Answered: the reminder is no longer for them.
        await session.execute(
            delete(Outbox).where(
                Outbox.kind == SURVEY_REMINDER,
                Outbox.chat_id == member.telegram_id,
                Outbox.subject == survey_subject(survey.id),
                Outbox.status == OutboxStatus.PENDING,
            )
        )
    return response


def answer_to(response: SurveyResponse | None, question: SurveyQuestion) -> SurveyAnswer | None:
    """The response's answer to the question, if any."""
    if response is None:
        return None
    return next((a for a in response.answers if a.question_id == question.id), None)


async def record(
    session: AsyncSession,
    survey: Survey,
    member: Member,
    key: bytes,
    question: SurveyQuestion,
    *,
    options: list[int] | None = None,
    value: int | None = None,
    text: str | None = None,
    done: bool = True,
) -> SurveyAnswer:
    """Record (or change) an answer; the value must fit the question."""
    _check(question, options, value, text)
    response = await _response(session, survey, member, key)
    answer = answer_to(response, question)
    if answer is None:
        answer = SurveyAnswer(question_id=question.id)
        response.answers.append(answer)
    answer.options = sorted(set(options or []))
    answer.value, answer.text, answer.done = value, text, done
    response.awaiting_question_id = None
    await session.flush()
    return answer


def _check(
    question: SurveyQuestion, options: list[int] | None, value: int | None, text: str | None
) -> None:
    """Refuse a value that does not fit the question (typed or forged)."""
    numbers = {option.position for option in question.options}
    fits = {
        QuestionKind.ONE: options is not None and len(options) == 1,
        QuestionKind.SEVERAL: options is not None,
        QuestionKind.SCALE: value is not None
        and question.scale_low is not None
        and question.scale_high is not None
        and question.scale_low <= value <= question.scale_high,
        QuestionKind.TEXT: bool(text and text.strip()),
    }[question.kind]
    if not fits or not set(options or []) <= numbers:
        raise SurveyRefused("bad-value", question=question.position)


async def await_text(
    session: AsyncSession, survey: Survey, member: Member, key: bytes, question: SurveyQuestion
) -> None:
    """The member's next message is their answer to this free-text question."""
    response = await _response(session, survey, member, key)
    response.awaiting_question_id = question.id
    await session.flush()


async def awaited(
    session: AsyncSession, member: Member, key: bytes, now: datetime
) -> tuple[Survey, SurveyQuestion] | None:
    """The open survey and free-text question the member's next message answers, if any."""
    rows = await session.execute(
        select(SurveyResponse, Survey)
        .join(Survey, Survey.id == SurveyResponse.survey_id)
        .where(
            SurveyResponse.awaiting_question_id.is_not(None),
            Survey.state == SurveyState.SENT,
            or_(Survey.deadline.is_(None), Survey.deadline > now),
        )
    )
    for response, survey in rows.all():
        if response.respondent == respondent_of(survey, member, key):
            loaded = await load_survey(session, survey.id)
            assert loaded is not None
            for question in loaded.questions:
                if question.id == response.awaiting_question_id:
                    return loaded, question
    return None


async def member_if_known(session: AsyncSession, person: Person) -> Member | None:
    """The member behind the person, without adding one (a stranger's words are no answer)."""
    return await session.scalar(select(Member).where(Member.telegram_id == person.telegram_id))


# --- what is stored about a member ----------------------------------------------------------


async def responses_of_member(
    session: AsyncSession, member: Member, key: bytes
) -> list[SurveyResponse]:
    """The member's responses, named and anonymous, with their answers."""
    anonymous = await session.scalars(select(Survey).where(Survey.anonymous))
    marks = [respondent_of(survey, member, key) for survey in anonymous]
    mine = SurveyResponse.member_id == member.id
    query = select(SurveyResponse).where(
        or_(mine, SurveyResponse.respondent.in_(marks)) if marks else mine
    )
    found = await session.scalars(
        query.options(selectinload(SurveyResponse.answers)).order_by(SurveyResponse.id)
    )
    return list(found)


async def forget_answers(session: AsyncSession, member: Member, key: bytes) -> int:
    """Delete the member's responses; returns how many.

    An anonymous response's choices stay in its survey's totals, but nothing derived from
    the member is left on it, and its words (which could tell who wrote them) go.
    """
    responses = await responses_of_member(session, member, key)
    for response in responses:
        if response.member_id is not None:
            await session.delete(response)
            continue
        response.respondent = "forgotten:" + secrets.token_hex(16)
        response.awaiting_question_id = None
        for answer in [a for a in response.answers if a.text is not None]:
            response.answers.remove(answer)
    await session.flush()
    return len(responses)
