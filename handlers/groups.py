"""Group chats: the bot added or removed, and /link by a coordinator."""

from __future__ import annotations

from html import escape

from telegram import ChatMemberUpdated, Update
from telegram.constants import ChatMemberStatus

from bot.replies.meeting_texts import unknown_workshop
from bot.replies.reply import Reply
from bot.services.directory import load_directory
from bot.services.groups import forget_group, link_group, remember_group
from bot.services.members import language_of
from bot.services.staff import NotAllowed
from bot.telegram.context import VerstasContext
from handlers.common import arguments, in_group, person_of, send

_PRESENT = {ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR}


async def membership_changed(update: Update, context: VerstasContext) -> None:
    """The bot was added to a group (say hello) or removed from one (forget it)."""
    change: ChatMemberUpdated | None = update.my_chat_member
    runtime = context.runtime
    if change is None or change.chat.type not in {"group", "supergroup"}:
        return
    language = runtime.texts.choose(change.from_user.language_code)
    async with runtime.sessions.begin() as session:
        if change.new_chat_member.status in _PRESENT:
            await remember_group(session, change.chat.id, change.chat.title or "", language)
            added = change.old_chat_member.status not in _PRESENT
        else:
            await forget_group(session, change.chat.id)
            added = False
    if added:
        await context.bot.send_message(change.chat.id, runtime.texts(language, "group-hello"))


async def link(update: Update, context: VerstasContext) -> None:
    """/link KEY: a coordinator links this group to a workshop."""
    runtime = context.runtime
    person = person_of(update, runtime)
    chat = update.effective_chat
    async with runtime.sessions.begin() as session:
        language = await language_of(session, person)
        texts = runtime.texts
        if chat is None or not in_group(update):
            reply = Reply(texts(language, "link-only-in-groups"))
        else:
            directory = await load_directory(session)
            word = arguments(context)
            workshop = directory.workshop(word) if word else None
            if workshop is None:
                reply = unknown_workshop(texts, language, word, directory)
            else:
                try:
                    await link_group(
                        session,
                        person,
                        chat_id=chat.id,
                        title=chat.title or "",
                        workshop_id=workshop.id,
                        planner=runtime.replies.planner,
                    )
                    reply = Reply(
                        texts(language, "group-linked", name=escape(workshop.title(language)))
                    )
                except NotAllowed:
                    reply = Reply(texts(language, "link-not-allowed"))
    await send(update, reply)
