"""Coordinators' and administrators' commands and buttons (the checks are in the services)."""

from __future__ import annotations

import re

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InputFile, Update
from telegram.ext import ApplicationHandlerStop

from bot.replies.broadcasts import (
    audience_choices,
    broadcast_reply,
    cancel_reply,
    confirm_reply,
    set_audience,
)
from bot.replies.context import ReplyContext
from bot.replies.meeting_changes import (
    add_meeting_reply,
    confirm_change_reply,
    edit_meeting_reply,
)
from bot.replies.meeting_dialogue import (
    dialogue_button_reply,
    dialogue_text_reply,
    start_dialogue_reply,
    stop_dialogue,
)
from bot.replies.pasted_announcements import pasted_workshop_reply
from bot.replies.refusals import refused_upload
from bot.replies.reply import Attachment, Reply
from bot.replies.roles import demote_reply, promote_reply, staff_reply
from bot.replies.schedule_files import schedule_confirm_reply, schedule_file_reply
from bot.replies.staff import attendance_reply, audit_reply, invite_reply, members_reply
from bot.replies.staff_buttons import (
    AnnouncementAction,
    ChooseAudience,
    MeetingChangeAction,
    MeetingStep,
    PastedWorkshop,
    ScheduleUpload,
)
from bot.services.meeting_admin import change_is_latest
from bot.services.meeting_refs import split_reference
from bot.services.members import Person, language_of
from bot.telegram.context import VerstasContext
from bot.telegram.menu import set_chat_menu
from handlers.common import (
    answer_press,
    arguments,
    on_press,
    outdated,
    person_of,
    respond,
    send,
    send_personal,
)

_COMMAND = re.compile(r"^/\S+\s*")


async def broadcast(update: Update, context: VerstasContext) -> None:
    """/broadcast [workshop=KEY] [municipality=NAME] TEXT: a preview with Confirm / Cancel."""
    runtime, message = context.runtime, update.effective_message
    if message is None or message.text is None:
        return
    # The HTML of the message keeps the coordinator's bold, italics and links.
    text = _COMMAND.sub("", message.text_html, count=1)
    async with runtime.sessions.begin() as session:
        reply = await broadcast_reply(session, runtime.replies, person_of(update, runtime), text)
    await send(update, reply)


async def broadcast_with_attachment(update: Update, context: VerstasContext) -> None:
    """A photo or document whose caption is `/broadcast …`: the file goes with it."""
    runtime, message = context.runtime, update.effective_message
    if message is None or message.caption is None:
        return
    if message.photo:
        attachment = Attachment("photo", message.photo[-1].file_id)
    elif message.document is not None:
        attachment = Attachment("document", message.document.file_id)
    else:
        return
    text = _COMMAND.sub("", message.caption_html, count=1)
    async with runtime.sessions.begin() as session:
        reply = await broadcast_reply(
            session, runtime.replies, person_of(update, runtime), text, attachment
        )
    await send(update, reply)


async def announcement_button(update: Update, context: VerstasContext) -> None:
    """Confirm, Cancel and the audience buttons of a preview (`ann:…`)."""
    runtime, query = context.runtime, update.callback_query
    assert query is not None
    data = query.data or ""
    pressed = AnnouncementAction.decode(data) or ChooseAudience.decode(data)
    if pressed is None or query.message is None:
        await outdated(update, runtime)
        return
    person, replies = person_of(update, runtime), runtime.replies
    async with runtime.sessions.begin() as session:
        match pressed:
            case AnnouncementAction("ok", announcement_id):
                confirmed = await confirm_reply(
                    session,
                    replies,
                    person,
                    announcement_id,
                    status_chat_id=query.message.chat.id,
                    status_message_id=query.message.message_id,
                )
                reply = confirmed.reply
            case AnnouncementAction("no", announcement_id):
                reply = await cancel_reply(session, replies, person, announcement_id)
            case AnnouncementAction("pw", announcement_id):
                reply = await audience_choices(session, replies, person, announcement_id, "w")
            case AnnouncementAction("pm", announcement_id):
                reply = await audience_choices(session, replies, person, announcement_id, "m")
            case ChooseAudience(kind, announcement_id, target_id):
                reply = await set_audience(
                    session, replies, person, announcement_id, kind, target_id
                )
    await answer_press(update, reply)


async def confirm(update: Update, context: VerstasContext) -> None:
    """/confirm: confirm one's latest preview, a meeting change or a broadcast draft (the
    dispatcher posts a broadcast's status line here)."""
    runtime, chat = context.runtime, update.effective_chat
    if chat is None:
        return
    person = person_of(update, runtime)
    async with runtime.sessions.begin() as session:
        if await change_is_latest(session, person):
            reply = await confirm_change_reply(session, runtime.replies, person, None, confirm=True)
        else:
            outcome = await confirm_reply(
                session,
                runtime.replies,
                person,
                None,
                status_chat_id=chat.id,
                status_message_id=None,
            )
            reply = outcome.reply
    await send(update, reply)


async def cancel(update: Update, context: VerstasContext) -> None:
    """/cancel: drop one's latest preview, a meeting change or a broadcast draft."""
    runtime = context.runtime
    person = person_of(update, runtime)
    async with runtime.sessions.begin() as session:
        stopped = await stop_dialogue(session, runtime.replies, person)
        if stopped is not None:
            reply = stopped
        elif await change_is_latest(session, person):
            reply = await confirm_change_reply(
                session, runtime.replies, person, None, confirm=False
            )
        else:
            reply = await cancel_reply(session, runtime.replies, person, None)
    await send(update, reply)


async def add_meeting(update: Update, context: VerstasContext) -> None:
    """/addmeeting WORKSHOP DATE [TIME] [TOWN] [VENUE…]: a preview with Confirm / Cancel;
    alone, the guided dialogue."""
    text = arguments(context)
    if not text.strip():
        await respond(update, context, lambda s, r, v: start_dialogue_reply(s, r, v, None))
        return
    await respond(update, context, lambda s, r, v: add_meeting_reply(s, r, v, text))


async def edit_meeting(update: Update, context: VerstasContext) -> None:
    """/editmeeting MEETING field=value… or MEETING [DATE] [TIME] [TOWN] [VENUE…]: a preview;
    MEETING alone, the guided dialogue."""
    reference, rest = split_reference(arguments(context))
    if reference and not rest:
        await respond(update, context, lambda s, r, v: start_dialogue_reply(s, r, v, reference))
        return
    await respond(update, context, lambda s, r, v: edit_meeting_reply(s, r, v, arguments(context)))


async def cancel_meeting(update: Update, context: VerstasContext) -> None:
    """/cancelmeeting MEETING: a preview naming the meeting and how many will be told."""
    await respond(
        update,
        context,
        lambda s, r, v: edit_meeting_reply(s, r, v, arguments(context), cancel=True),
    )


async def meeting_change_button(update: Update, context: VerstasContext) -> None:
    """Confirm or cancel a previewed meeting change (`chg:ok:ID`, `chg:no:ID`)."""

    async def decided(
        session: AsyncSession, replies: ReplyContext, person: Person, pressed: MeetingChangeAction
    ) -> Reply:
        confirm = pressed.action == "ok"
        return await confirm_change_reply(
            session, replies, person, pressed.pending_id, confirm=confirm
        )

    await on_press(update, context, MeetingChangeAction.decode, decided)


async def meeting_step_button(update: Update, context: VerstasContext) -> None:
    """A button of the guided /addmeeting or /editmeeting (`mdl:…`)."""
    runtime, query = context.runtime, update.callback_query
    assert query is not None
    pressed = MeetingStep.decode(query.data or "")
    if pressed is None:
        await outdated(update, runtime)
        return
    async with runtime.sessions.begin() as session:
        reply = await dialogue_button_reply(
            session, runtime.replies, person_of(update, runtime), pressed
        )
    await answer_press(update, reply)


async def awaited_meeting_step(update: Update, context: VerstasContext) -> None:
    """Before the other handlers: a coordinator's typed answer in the guided dialogue;
    anyone else's words go on."""
    runtime, message = context.runtime, update.effective_message
    if message is None or message.text is None:
        return
    async with runtime.sessions.begin() as session:
        reply = await dialogue_text_reply(
            session, runtime.replies, person_of(update, runtime), message.text
        )
    if reply is None:
        return
    await send(update, reply)
    raise ApplicationHandlerStop


async def attendance(update: Update, context: VerstasContext) -> None:
    """/attendance N: the list as a message and as a CSV file."""
    runtime = context.runtime
    async with runtime.sessions.begin() as session:
        result = await attendance_reply(
            session, runtime.replies, person_of(update, runtime), arguments(context)
        )
    csv = result.csv
    document = None if csv is None else InputFile(csv, filename=result.file_name)
    await send_personal(update, runtime, result.reply, document)


async def members(update: Update, context: VerstasContext) -> None:
    """/members."""
    await respond(update, context, members_reply)


async def promote(update: Update, context: VerstasContext) -> None:
    """/promote USER_ID [workshop=KEY[,KEY]]."""
    await _role(update, context, promote=True)


async def demote(update: Update, context: VerstasContext) -> None:
    """/demote USER_ID [workshop=KEY[,KEY]]."""
    await _role(update, context, promote=False)


async def _role(update: Update, context: VerstasContext, *, promote: bool) -> None:
    runtime = context.runtime
    make = promote_reply if promote else demote_reply
    async with runtime.sessions.begin() as session:
        changed = await make(
            session, runtime.replies, person_of(update, runtime), arguments(context)
        )
    if changed.menu is not None:
        # Their own chat's menu shows what they may do now (before the reply says so).
        await set_chat_menu(context.bot, runtime.texts, changed.menu)
    await send_personal(update, runtime, changed.reply)


async def staff(update: Update, context: VerstasContext) -> None:
    """/staff: administrators, coordinators and representatives."""
    await respond(update, context, staff_reply)


async def invite(update: Update, context: VerstasContext) -> None:
    """/invite: a one-time coordinator link."""
    await respond(update, context, lambda s, r, v: invite_reply(s, r, v, context.bot.username))


async def audit_log(update: Update, context: VerstasContext) -> None:
    """/audit."""
    await respond(update, context, audit_reply)


# Schedules are small; refuse a big file before downloading it.
MAX_SCHEDULE_BYTES = 2_000_000


async def schedule_file(update: Update, context: VerstasContext) -> None:
    """A document sent in a private chat: a schedule file from a coordinator."""
    runtime, message = context.runtime, update.effective_message
    if message is None or message.document is None:
        return
    document, person = message.document, person_of(update, runtime)
    # The role, then the size, before downloading; in a transaction of its own, so that no
    # transaction stays open during the download.
    async with runtime.sessions.begin() as session:
        refused: Reply | None = await refused_upload(
            session, runtime.replies, person, "import", document.file_name or ""
        )
        language = await language_of(session, person)
    if refused is None and (document.file_size or 0) > MAX_SCHEDULE_BYTES:
        refused = Reply(runtime.texts(language, "import-error-too_large", limit="2 MB"))
    if refused is not None:
        await send(update, refused)
        return
    content = bytes(await (await document.get_file()).download_as_bytearray())
    async with runtime.sessions.begin() as session:
        reply = await schedule_file_reply(
            session, runtime.replies, person, document.file_name or "schedule", content
        )
    await send(update, reply)


async def schedule_button(update: Update, context: VerstasContext) -> None:
    """Confirm or cancel a checked schedule file (`imp:ok:ID`, `imp:no:ID`)."""

    async def decided(
        session: AsyncSession, replies: ReplyContext, person: Person, pressed: ScheduleUpload
    ) -> Reply:
        confirm = pressed.action == "ok"
        return await schedule_confirm_reply(
            session, replies, person, pressed.upload_id, confirm=confirm
        )

    await on_press(update, context, ScheduleUpload.decode, decided)


async def pasted_workshop_button(update: Update, context: VerstasContext) -> None:
    """The workshop of a pasted announcement that named none (`imw:PENDING:WORKSHOP`)."""
    await on_press(update, context, PastedWorkshop.decode, pasted_workshop_reply)
