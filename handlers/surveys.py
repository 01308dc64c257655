"""Surveys: /survey and its buttons, answering by buttons, /answer and in words."""

from __future__ import annotations

import re

from telegram import InputFile, Update
from telegram.ext import ApplicationHandlerStop

from bot.replies.asking_buttons import SurveyAction, SurveyAnswerButton
from bot.replies.feedback import comment_reply
from bot.replies.refusals import refused_upload
from bot.replies.reply import Refusal
from bot.replies.survey_results import survey_results_reply
from bot.replies.surveys import (
    answer_button_reply,
    answer_reply,
    survey_action_reply,
    survey_reply,
    text_answer_reply,
)
from bot.telegram.context import VerstasContext
from handlers import coordination, minutes
from handlers.common import (
    arguments,
    on_press,
    person_of,
    send,
    send_personal,
)

_COMMAND = re.compile(r"^/\S+[ \t]*")
# A survey file is a few kilobytes; far more is not one.
MAX_SURVEY_BYTES = 100_000


async def survey(update: Update, context: VerstasContext) -> None:
    """/survey [workshop=KEY] … + title + numbered questions: a preview with Confirm."""
    runtime, message = context.runtime, update.effective_message
    if message is None or message.text is None:
        return
    text = _COMMAND.sub("", message.text, count=1)
    async with runtime.sessions.begin() as session:
        reply = await survey_reply(session, runtime.replies, person_of(update, runtime), text)
    await send(update, reply)


async def survey_file(update: Update, context: VerstasContext) -> None:
    """A YAML file captioned /survey: the same survey as a file."""
    runtime, message = context.runtime, update.effective_message
    if message is None or message.document is None:
        return
    person, document = person_of(update, runtime), message.document
    async with runtime.sessions.begin() as session:
        refused = await refused_upload(
            session, runtime.replies, person, "survey", document.file_name or ""
        )
    if refused is not None or (document.file_size or 0) > MAX_SURVEY_BYTES:
        await send(
            update, refused or Refusal(runtime.texts(person.language, "survey-file-too-large"))
        )
        return
    content = bytes(await (await document.get_file()).download_as_bytearray())
    async with runtime.sessions.begin() as session:
        reply = await survey_reply(
            session, runtime.replies, person, content.decode("utf-8", "replace"), yaml=True
        )
    await send(update, reply)


async def survey_button(update: Update, context: VerstasContext) -> None:
    """Confirm or Cancel of a survey's preview (`svy:…`)."""
    await on_press(update, context, SurveyAction.decode, survey_action_reply)


async def answer_button(update: Update, context: VerstasContext) -> None:
    """A button under a survey's question (`sva:…`): the next question in its place."""
    await on_press(update, context, SurveyAnswerButton.decode, answer_button_reply)


async def answer(update: Update, context: VerstasContext) -> None:
    """/answer SURVEY QUESTION VALUE."""
    runtime = context.runtime
    async with runtime.sessions.begin() as session:
        reply = await answer_reply(
            session, runtime.replies, person_of(update, runtime), arguments(context)
        )
    await send(update, reply)


async def awaited_words(update: Update, context: VerstasContext) -> None:
    """Before the other handlers: awaited minutes, a step of the guided /addmeeting, then a
    survey's awaited answer in words, then a meeting's awaited comment; anything else goes on
    to the usual handlers."""
    await minutes.awaited_minutes(update, context)
    await coordination.awaited_meeting_step(update, context)
    runtime, message = context.runtime, update.effective_message
    if message is None or message.text is None:
        return
    person = person_of(update, runtime)
    async with runtime.sessions.begin() as session:
        reply = await text_answer_reply(
            session, runtime.replies, person, message.text
        ) or await comment_reply(session, runtime.replies, person, message.text)
    if reply is None:
        return
    await send(update, reply)
    raise ApplicationHandlerStop


async def survey_results(update: Update, context: VerstasContext) -> None:
    """/surveyresults SURVEY: the results as a message, a CSV file and a chart."""
    runtime = context.runtime
    async with runtime.sessions.begin() as session:
        result = await survey_results_reply(
            session, runtime.replies, person_of(update, runtime), arguments(context)
        )
    document = None if result.csv is None else InputFile(result.csv, filename=result.file_name)
    chart = result.chart
    photo = None if chart is None else InputFile(chart, filename=f"{result.file_name[:-4]}.png")
    await send_personal(update, runtime, result.reply, document, photo)
