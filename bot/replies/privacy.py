"""Replies about personal data: /privacy, /mydata and /forget."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.replies.buttons import ForgetAnswer
from bot.replies.context import ReplyContext
from bot.replies.reply import Button, Reply
from bot.services.members import Person, language_of
from bot.services.privacy import forget_member, personal_data


def privacy_reply(context: ReplyContext, language: str) -> Reply:
    """What is stored, why, for how long, and the member's rights."""
    return Reply(context.texts(language, "privacy-notice", days=context.retention_days))


@dataclass(frozen=True)
class MyData:
    """The reply to /mydata and the JSON file that goes with it."""

    reply: Reply
    file: bytes | None = None


async def mydata_reply(session: AsyncSession, context: ReplyContext, person: Person) -> MyData:
    """Everything stored about the asker, as a JSON file."""
    language = await language_of(session, person)
    data = await personal_data(session, person.telegram_id)
    if data is None:
        return MyData(Reply(context.texts(language, "mydata-none")))
    content = json.dumps(data, ensure_ascii=False, indent=2).encode()
    return MyData(Reply(context.texts(language, "mydata-sent"), personal=True), content)


async def forget_reply(
    session: AsyncSession, context: ReplyContext, person: Person, answer: str
) -> Reply:
    """/forget asks first; /forget yes (or the button) deletes, /forget no keeps."""
    texts = context.texts
    language = await language_of(session, person)
    wanted = answer.strip().lower()
    if wanted in {"yes", "kyllä", "kylla", "ja"}:
        forgotten = await forget_member(session, person.telegram_id)
        return Reply(texts(language, "forget-done" if forgotten else "forget-nothing"))
    if wanted in {"no", "ei", "nej"}:
        return Reply(texts(language, "forget-kept"))
    buttons = (
        (
            Button(texts(language, "forget-yes-button"), ForgetAnswer("yes").encode()),
            Button(texts(language, "forget-no-button"), ForgetAnswer("no").encode()),
        ),
    )
    return Reply(texts(language, "forget-ask"), buttons)
