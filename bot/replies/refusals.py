"""One polite line for an action the person's role does not allow.

The services check every role and log each refusal in the audit log before they raise
`NotAllowed`; a reply function marked `@refused_as_reply` turns that into the refusal in
the person's language, so no reply repeats the check or the catch.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import update_wrapper
from html import escape
from typing import Concatenate, ParamSpec

from sqlalchemy.ext.asyncio import AsyncSession

from bot.replies.context import ReplyContext
from bot.replies.reply import Refusal, Reply
from bot.services.directory import load_directory
from bot.services.members import Person, language_of
from bot.services.permissions import (
    Action,
    staff_or_representative,
)
from bot.services.staff import NotAllowed, staff_member

P = ParamSpec("P")
ReplyFunction = Callable[Concatenate[AsyncSession, ReplyContext, Person, P], Awaitable[Reply]]


async def refusal(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    *,
    admin_only: bool = False,
    refused: NotAllowed | None = None,
) -> Refusal:
    """ "Coordinators only" (or "administrators only") in the person's language.

    A representative refused for another workshop or the whole network is told which
    workshops they may act for instead.
    """
    language = await language_of(session, person)
    if refused is not None and refused.representative_of:
        directory = await load_directory(session)
        names = [
            workshop.title(language)
            for workshop_id in refused.representative_of
            if (workshop := directory.workshop_by_id(workshop_id)) is not None
        ]
        return Refusal(
            context.texts(language, "representative-only", workshops=escape(", ".join(names)))
        )
    if refused is not None:
        admin_only = refused.admin_only
    return Refusal(context.texts(language, "admin-only" if admin_only else "staff-only"))


async def refused_upload(
    session: AsyncSession, context: ReplyContext, person: Person, action: str, file_name: str
) -> Refusal | None:
    """The refusal of a file sent for `action` by someone who may not do it; None if they may."""
    # Asked before the file is downloaded, so that a stranger's file is never fetched. The
    # workshop is checked once the file is read; here, whether the role may send it at all.
    try:
        if action in set(Action):
            await staff_or_representative(session, person, action, target=f"file {file_name}")
        else:
            await staff_member(session, person, action, target=f"file {file_name}")
    except NotAllowed as refused:
        return await refusal(session, context, person, refused=refused)
    return None


def refused_as_reply(make: ReplyFunction[P]) -> ReplyFunction[P]:
    """The reply of `make`, or the refusal when a service it calls says `NotAllowed`."""

    async def reply(
        session: AsyncSession,
        context: ReplyContext,
        person: Person,
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> Reply:
        try:
            return await make(session, context, person, *args, **kwargs)
        except NotAllowed as refused:
            return await refusal(session, context, person, refused=refused)

    update_wrapper(reply, make)
    return reply
