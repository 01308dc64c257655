"""Personal data: what is stored about a member, forgetting them, and retention.

A member can see everything stored about them (/mydata) and have it deleted (/forget);
what is left of them is counts without names. Sent messages and audit entries are kept
for RETENTION_DAYS and then deleted by a daily job.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.services.staff import forget_in_audit
from bot.services.surveys import forget_answers, responses_of_member
from storage.models import (
    Announcement,
    AnnouncementState,
    AuditEntry,
    ForgottenCount,
    Meeting,
    MeetingFeedback,
    Member,
    Minutes,
    MinutesRequest,
    Outbox,
    OutboxStatus,
    PendingImport,
    PollCandidate,
    PollVote,
    Rsvp,
    Subscription,
    Survey,
    SurveyQuestion,
    SurveyResponse,
    Workshop,
    WorkshopRepresentative,
)

# A schedule file or pasted announcement waiting for Confirm (up to 2 MB each) lapses after
# a day; a broadcast draft nobody confirmed after a week.
PENDING_IMPORT_DAYS = 1
DRAFT_DAYS = 7


def _when(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


async def personal_data(
    session: AsyncSession, telegram_id: int, *, survey_key: bytes
) -> dict[str, Any] | None:
    """Everything stored about one member, as plain data for a JSON file; None if nothing.

    `survey_key` finds the member's responses to anonymous surveys, which carry no name.
    """
    member = await session.scalar(
        select(Member)
        .where(Member.telegram_id == telegram_id)
        .options(selectinload(Member.municipality), selectinload(Member.subscriptions))
    )
    audit = list(
        await session.scalars(
            select(AuditEntry)
            .where(AuditEntry.actor_telegram_id == telegram_id)
            .order_by(AuditEntry.at)
        )
    )
    if member is None and not audit:
        return None
    data: dict[str, Any] = {"telegram_id": telegram_id}
    if member is not None:
        data |= await _member_data(session, member)
        data["survey_answers"] = await _survey_answers(session, member, survey_key)
        data["meeting_feedback"] = await _feedback(session, member.id)
    data["audit_log"] = [
        {
            "at": _when(e.at),
            "action": e.action,
            "target": e.target,
            "audience": e.audience,
            "allowed": e.allowed,
        }
        for e in audit
    ]
    return data


async def _member_data(session: AsyncSession, member: Member) -> dict[str, Any]:
    workshops = {w.id: w.key for w in await session.scalars(select(Workshop))}
    return {
        "name": member.name,
        "language": member.language,
        "municipality": member.municipality.name if member.municipality else None,
        "role": member.role.value,
        "represents": [
            workshops.get(workshop_id)
            for workshop_id in await session.scalars(
                select(WorkshopRepresentative.workshop_id).where(
                    WorkshopRepresentative.member_id == member.id
                )
            )
        ],
        "active": member.active,
        "reminder_offsets_seconds": member.reminder_offsets,
        "created_at": _when(member.created_at),
        "workshops": [
            {"workshop": workshops.get(s.workshop_id), "how": s.source.value}
            for s in member.subscriptions
        ],
        "rsvps": await _rsvps(session, member.id),
        "messages": await _messages(session, member.id),
        "announcements_written": [
            {"text": a.text, "created_at": _when(a.created_at), "state": a.state.value}
            for a in await session.scalars(
                select(Announcement).where(Announcement.author_id == member.id)
            )
        ],
        # The minutes themselves are the network's; what is about the member is that they
        # attached them.
        "minutes_attached": await _minutes_attached(session, member.id),
        "date_poll_answers": await _poll_answers(session, member.id),
        "surveys_sent": [
            {"survey": s.id, "title": s.title, "state": s.state.value, "at": _when(s.created_at)}
            for s in await session.scalars(select(Survey).where(Survey.author_id == member.id))
        ],
    }


async def _rsvps(session: AsyncSession, member_id: int) -> list[dict[str, Any]]:
    rows = await session.execute(
        select(Meeting.key, Meeting.date, Workshop.key, Rsvp.answer, Rsvp.answered_at)
        .join(Meeting, Meeting.id == Rsvp.meeting_id)
        .join(Workshop, Workshop.id == Meeting.workshop_id)
        .where(Rsvp.member_id == member_id)
    )
    return [
        {
            "workshop": workshop,
            "meeting": key,
            "date": day.isoformat(),
            "answer": answer.value,
            "answered_at": _when(at),
        }
        for key, day, workshop, answer, at in rows
    ]


async def _messages(session: AsyncSession, member_id: int) -> list[dict[str, Any]]:
    rows = await session.scalars(
        select(Outbox).where(Outbox.member_id == member_id).order_by(Outbox.due_at)
    )
    return [
        {
            "kind": m.kind,
            "due_at": _when(m.due_at),
            "status": m.status.value,
            "sent_at": _when(m.sent_at),
        }
        for m in rows
    ]


async def _minutes_attached(session: AsyncSession, member_id: int) -> list[dict[str, Any]]:
    rows = await session.execute(
        select(Workshop.key, Meeting.key, Meeting.date, Minutes.attached_at)
        .join(Meeting, Meeting.id == Minutes.meeting_id)
        .join(Workshop, Workshop.id == Meeting.workshop_id)
        .where(Minutes.author_id == member_id)
        .order_by(Minutes.attached_at)
    )
    return [
        {"workshop": workshop, "meeting": key, "date": day.isoformat(), "attached_at": _when(at)}
        for workshop, key, day, at in rows
    ]


async def _survey_answers(
    session: AsyncSession, member: Member, key: bytes
) -> list[dict[str, Any]]:
    responses = await responses_of_member(session, member, key)
    surveys = {
        s.id: s
        for s in await session.scalars(
            select(Survey)
            .where(Survey.id.in_({r.survey_id for r in responses}))
            .options(selectinload(Survey.questions).selectinload(SurveyQuestion.options))
        )
    }
    return [_response_data(surveys[r.survey_id], r) for r in responses]


def _response_data(survey: Survey, response: SurveyResponse) -> dict[str, Any]:
    answers = {a.question_id: a for a in response.answers}
    shown = []
    for question in survey.questions:
        answer = answers.get(question.id)
        if answer is None:
            continue
        options = {o.position: o.text for o in question.options}
        shown.append(
            {
                "question": question.position,
                "text": question.text,
                "options": [options.get(n) for n in answer.options],
                "value": answer.value,
                "words": answer.text,
            }
        )
    return {
        "survey": survey.id,
        "title": survey.title,
        "anonymous": survey.anonymous,
        "answered_at": _when(response.updated_at),
        "answers": shown,
    }


async def _feedback(session: AsyncSession, member_id: int) -> list[dict[str, Any]]:
    rows = await session.execute(
        select(Workshop.key, Meeting.key, Meeting.date, MeetingFeedback)
        .join(Meeting, Meeting.id == MeetingFeedback.meeting_id)
        .join(Workshop, Workshop.id == Meeting.workshop_id)
        .where(MeetingFeedback.member_id == member_id)
        .order_by(Meeting.date)
    )
    return [
        {
            "workshop": workshop,
            "meeting": key,
            "date": day.isoformat(),
            "grade": feedback.grade,
            "comment": feedback.comment,
            "given_at": _when(feedback.given_at),
        }
        for workshop, key, day, feedback in rows
    ]


async def _count(session: AsyncSession, what: str, amount: int) -> None:
    if amount <= 0:
        return
    row = await session.get(ForgottenCount, what)
    if row is None:
        session.add(ForgottenCount(what=what, count=amount))
    else:
        row.count += amount


async def forget_member(session: AsyncSession, telegram_id: int, *, survey_key: bytes) -> bool:
    """Delete a member with their subscriptions, RSVPs, survey answers, feedback and
    messages; keep counts only."""
    member = await session.scalar(select(Member).where(Member.telegram_id == telegram_id))
    if member is None:
        return False
    sent = await session.scalar(
        select(func.count())
        .select_from(Outbox)
        .where(Outbox.member_id == member.id, Outbox.status == OutboxStatus.SENT)
    )
    answers = await session.scalar(
        select(func.count()).select_from(Rsvp).where(Rsvp.member_id == member.id)
    )
    await _count(session, "members", 1)
    await _count(session, "messages sent", sent or 0)
    await _count(session, "rsvps", answers or 0)
    await _count(session, "survey responses", await forget_answers(session, member, survey_key))
    feedback = await session.execute(
        delete(MeetingFeedback).where(MeetingFeedback.member_id == member.id)
    )
    await _count(session, "meeting feedback", feedback.rowcount or 0)  # type: ignore[attr-defined]
    # Their rows in the outbox name their chat: all go, pending or not.
    await session.execute(delete(Outbox).where(Outbox.member_id == member.id))
    await session.execute(delete(Rsvp).where(Rsvp.member_id == member.id))
    await session.execute(delete(Subscription).where(Subscription.member_id == member.id))
    # Minutes they attached stay (they are the network's), without their author.
    await session.execute(
        update(Minutes).where(Minutes.author_id == member.id).values(author_id=None)
    )
    await session.execute(delete(MinutesRequest).where(MinutesRequest.telegram_id == telegram_id))
    # Surveys they sent stay the network's, as minutes do.
    await session.execute(
        update(Survey).where(Survey.author_id == member.id).values(author_id=None)
    )
    # Representing a workshop ends; representatives they named keep the role, not their id.
    await session.execute(
        delete(WorkshopRepresentative).where(WorkshopRepresentative.member_id == member.id)
    )
    await session.execute(
        update(WorkshopRepresentative)
        .where(WorkshopRepresentative.granted_by == telegram_id)
        .values(granted_by=None)
    )
    # What a coordinator did stays on record, but no longer says who they were.
    await forget_in_audit(session, telegram_id)
    await session.delete(member)
    await session.flush()
    return True


async def purge_expired(
    session: AsyncSession, *, now: datetime, retention_days: int
) -> tuple[int, int]:
    """Delete finished outbox rows and audit entries older than the retention period, and
    what waited for a Confirm too long; returns the numbers of rows and entries."""
    horizon = now - timedelta(days=retention_days)
    finished = (OutboxStatus.SENT, OutboxStatus.FAILED, OutboxStatus.SKIPPED)
    messages = await session.execute(
        delete(Outbox).where(Outbox.status.in_(finished), Outbox.due_at < horizon)
    )
    audit = await session.execute(delete(AuditEntry).where(AuditEntry.at < horizon))
    # Requests for minutes nobody answered (they lapse after minutes; a day is plenty).
    await session.execute(
        delete(MinutesRequest).where(MinutesRequest.created_at < now - timedelta(days=1))
    )
    # Left unconfirmed, they would pile up for good.
    await session.execute(
        delete(PendingImport).where(
            PendingImport.created_at < now - timedelta(days=PENDING_IMPORT_DAYS)
        )
    )
    await session.execute(
        delete(Announcement).where(
            Announcement.state == AnnouncementState.DRAFT,
            Announcement.created_at < now - timedelta(days=DRAFT_DAYS),
        )
    )
    return messages.rowcount or 0, audit.rowcount or 0  # type: ignore[attr-defined]


async def _poll_answers(session: AsyncSession, member_id: int) -> list[dict[str, Any]]:
    rows = await session.execute(
        select(PollCandidate.poll_id, PollCandidate.number, PollCandidate.day, PollVote.answer)
        .join(PollCandidate, PollCandidate.id == PollVote.candidate_id)
        .where(PollVote.member_id == member_id)
        .order_by(PollCandidate.poll_id, PollCandidate.number)
    )
    return [
        {"poll": poll, "candidate": number, "date": day.isoformat(), "answer": answer.value}
        for poll, number, day, answer in rows
    ]
