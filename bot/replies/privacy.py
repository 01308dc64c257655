"""Replies about personal data: /privacy, /mydata and /forget."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.replies.buttons import ForgetAnswer
from bot.replies.context import ReplyContext
from bot.replies.reply import Button, Reply
from bot.services.members import Person, language_of
from bot.services.privacy import forget_member, personal_data


def privacy_reply(context: ReplyContext, language: str) -> Reply:
    """What is stored, why, for how long, the member's rights, who answers for it, Telegram's
    part and where to complain."""
    texts, facts = context.texts, context.privacy
    unset = texts(language, "privacy-not-configured")

    def shown(fact: str | None) -> str:
        # Settings are plain text written by an administrator; the notice is HTML.
        return html.escape(fact) if fact else unset

    return Reply(
        "\n".join(
            (
                texts(language, "privacy-notice", days=context.retention_days),
                texts(
                    language,
                    "privacy-controller",
                    controller=shown(facts.controller),
                    dpo=shown(facts.dpo_contact),
                    basis=shown(facts.legal_basis),
                ),
                texts(language, "privacy-telegram"),
                texts(language, "privacy-complaint"),
            )
        )
    )


@dataclass(frozen=True)
class MyData:
    """The reply to /mydata and the JSON file that goes with it."""

    reply: Reply
    file: bytes | None = None


async def mydata_reply(session: AsyncSession, context: ReplyContext, person: Person) -> MyData:
    """Everything stored about the asker, as a JSON file."""
    language = await language_of(session, person)
    data = await personal_data(session, person.telegram_id, survey_key=context.survey_key)
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
        forgotten = await forget_member(session, person.telegram_id, survey_key=context.survey_key)
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
