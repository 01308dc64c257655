"""Date polls: /datepoll, /vote, /pollresults, /closepoll and their buttons (the services
check who may do what)."""

from __future__ import annotations

import logging
import re

from telegram import Update
from telegram.error import TelegramError

from bot.replies.asking_buttons import ClosePoll, PollAction, PollVoteButton
from bot.replies.date_polls import (
    PollStatus,
    cancel_poll_reply,
    close_reply,
    confirm_poll_reply,
    datepoll_reply,
    poll_status,
    results_reply,
    typed_vote_reply,
    vote_reply,
    voted_poll,
)
from bot.replies.reply import Refusal, Reply
from bot.telegram.context import VerstasContext
from bot.telegram.sending import edit_in_place
from handlers.common import (
    answer_press,
    arguments,
    outdated,
    person_of,
    respond,
    send,
)

log = logging.getLogger(__name__)

_COMMAND = re.compile(r"^/\S+[ \t]*")


async def datepoll(update: Update, context: VerstasContext) -> None:
    """/datepoll WORKSHOP [deadline=D.M.YYYY] and one candidate a line: the preview."""
    runtime, message = context.runtime, update.effective_message
    if message is None or message.text is None:
        return
    text = _COMMAND.sub("", message.text, count=1)
    async with runtime.sessions.begin() as session:
        reply = await datepoll_reply(session, runtime.replies, person_of(update, runtime), text)
    await send(update, reply)


async def vote(update: Update, context: VerstasContext) -> None:
    """/vote POLL CANDIDATE yes|maybe|no."""
    runtime = context.runtime
    status = None
    async with runtime.sessions.begin() as session:
        reply = await typed_vote_reply(
            session, runtime.replies, person_of(update, runtime), arguments(context)
        )
        poll_id = voted_poll(arguments(context))
        if poll_id is not None and not isinstance(reply, Refusal):
            status = await poll_status(session, runtime.replies, poll_id)
    await send(update, reply)
    await _update_status(context, status)


async def poll_results(update: Update, context: VerstasContext) -> None:
    """/pollresults POLL."""
    await respond(update, context, lambda s, r, v: results_reply(s, r, v, arguments(context)))


async def close_poll(update: Update, context: VerstasContext) -> None:
    """/closepoll POLL CANDIDATE[,CANDIDATE…]."""
    await respond(update, context, lambda s, r, v: close_reply(s, r, v, arguments(context)))


async def poll_button(update: Update, context: VerstasContext) -> None:
    """Confirm or Cancel of a preview (`poll:`), an answer (`vote:`), a close (`pclose:`)."""
    runtime, query = context.runtime, update.callback_query
    assert query is not None
    data = query.data or ""
    pressed = PollAction.decode(data) or PollVoteButton.decode(data) or ClosePoll.decode(data)
    if pressed is None or query.message is None:
        await outdated(update, runtime)
        return
    person, replies = person_of(update, runtime), runtime.replies
    in_place = True
    status: PollStatus | None = None
    async with runtime.sessions.begin() as session:
        match pressed:
            case PollAction("ok", poll_id):
                preview = (query.message.chat.id, query.message.message_id)
                reply: Reply = await confirm_poll_reply(session, replies, person, poll_id, preview)
            case PollAction("no", poll_id):
                reply = await cancel_poll_reply(session, replies, person, poll_id)
            case PollVoteButton(poll_id, candidate, answer):
                reply = await vote_reply(
                    session, replies, person, poll_id, candidate, answer, pressed=True
                )
                if not isinstance(reply, Refusal):
                    status = await poll_status(session, replies, poll_id)
            case ClosePoll(poll_id, candidate):
                # The results stay as they are; the meetings made are a message of their own.
                in_place = False
                reply = await close_reply(session, replies, person, f"{poll_id} {candidate}")
    await answer_press(update, reply, in_place=in_place)
    await _update_status(context, status)


async def _update_status(context: VerstasContext, status: PollStatus | None) -> None:
    """The coordinator's poll message shows the answers as they come."""
    if status is None:
        return
    try:
        await edit_in_place(context.bot, status.chat_id, status.message_id, status.reply)
    except TelegramError as error:
        # The message may be gone or too old to edit; /pollresults still tells, and the
        # member's answer is recorded whatever became of the coordinator's message.
        log.info("poll status message not updated: %s", error)
