"""Feedback after meetings: /feedback, its grade buttons and /feedbackresults (the awaited
comment is read with a survey's awaited words, in `handlers.surveys.awaited_words`)."""

from __future__ import annotations

from telegram import Update

from bot.replies.asking_buttons import FeedbackButton
from bot.replies.feedback import (
    feedback_button_reply,
    feedback_reply,
    feedback_results_reply,
)
from bot.telegram.context import VerstasContext
from handlers.common import arguments, on_press, person_of, send


async def feedback(update: Update, context: VerstasContext) -> None:
    """/feedback MEETING GRADE [COMMENT]."""
    runtime = context.runtime
    async with runtime.sessions.begin() as session:
        reply = await feedback_reply(
            session, runtime.replies, person_of(update, runtime), arguments(context)
        )
    await send(update, reply)


async def feedback_button(update: Update, context: VerstasContext) -> None:
    """A grade under a feedback question (`fbk:…`): the thanks in its place."""
    await on_press(update, context, FeedbackButton.decode, feedback_button_reply)


async def feedback_results(update: Update, context: VerstasContext) -> None:
    """/feedbackresults MEETING."""
    runtime = context.runtime
    async with runtime.sessions.begin() as session:
        reply = await feedback_results_reply(
            session, runtime.replies, person_of(update, runtime), arguments(context)
        )
    await send(update, reply)
