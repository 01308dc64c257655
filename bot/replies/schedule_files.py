"""A schedule file sent to the bot: checked, previewed, imported on Confirm."""

from __future__ import annotations

from html import escape

from sqlalchemy.ext.asyncio import AsyncSession

from bot.language.catalog import Texts
from bot.replies.context import ReplyContext
from bot.replies.pasted_announcements import (
    PASTED_NAME,
    preview_reply,
    read_and_try,
)
from bot.replies.refusals import refusal, refused_as_reply
from bot.replies.reply import Button, Reply
from bot.replies.schedule_texts import describe_error, describe_report
from bot.replies.staff_buttons import ScheduleUpload
from bot.services.directory import load_directory
from bot.services.meeting_admin import DIALOGUE, PENDING_CHANGE
from bot.services.members import Person, language_of
from bot.services.schedules import audit_role_grants, import_schedule
from bot.services.staff import audit, staff_member
from storage.models import PendingImport, Role
from storage.schedule import ScheduleInvalid, apply_schedule
from storage.schedule.names import read_checked
from storage.schedule.read import format_of, read_text


@refused_as_reply
async def schedule_file_reply(
    session: AsyncSession, context: ReplyContext, person: Person, file_name: str, content: bytes
) -> Reply:
    """A schedule file in the chat: check it, show what it would change, ask to confirm."""
    texts = context.texts
    language = await language_of(session, person)
    actor = await staff_member(session, person, "import", target=file_name)
    try:
        file_format = format_of(file_name)
    except ValueError:
        return Reply(texts(language, "import-file-type"))
    if file_format == "text":
        try:
            text = read_text(content)
        except ScheduleInvalid as invalid:
            return Reply(
                "\n".join(escape(describe_error(texts, language, e)) for e in invalid.errors)
            )
        reading, stated = await read_and_try(session, context, text)
        return await preview_reply(session, context, person, file_name, text, reading, stated)
    try:
        schedule = await read_checked(session, content, file_format)
        # The preview is a dry run in a savepoint of this update's transaction, always
        # rolled back: a transaction of its own would wait for this one's lock on SQLite.
        async with session.begin_nested() as dry_run:
            report = await apply_schedule(
                session,
                schedule,
                default_timezone=context.timezone,
                grant_roles=actor.role == Role.ADMIN,
            )
            await dry_run.rollback()
    except ScheduleInvalid as invalid:
        return Reply(invalid_text(texts, language, invalid))
    pending = PendingImport(telegram_id=person.telegram_id, file_name=file_name, content=content)
    session.add(pending)
    await session.flush()
    lines = [texts(language, "import-preview-title", file=escape(file_name))]
    directory = await load_directory(session)
    lines += [
        escape(line)
        for line in describe_report(
            texts, language, report, context.timezone, done=False, directory=directory
        )
    ]
    buttons = (
        (
            Button(texts(language, "import-confirm"), ScheduleUpload("ok", pending.id).encode()),
            Button(texts(language, "broadcast-cancel"), ScheduleUpload("no", pending.id).encode()),
        ),
    )
    return Reply("\n".join(lines), buttons)


@refused_as_reply
async def schedule_confirm_reply(
    session: AsyncSession, context: ReplyContext, person: Person, pending_id: int, *, confirm: bool
) -> Reply:
    """Confirm or cancel a checked schedule file; only its sender may."""
    texts = context.texts
    language = await language_of(session, person)
    actor = await staff_member(session, person, "import", target=f"upload {pending_id}")
    pending = await session.get(PendingImport, pending_id)
    if pending is None or pending.file_name in {PENDING_CHANGE, DIALOGUE}:
        # A meeting change or dialogue waits in the same table; they have buttons of their own.
        return Reply(texts(language, "import-expired"))
    if pending.telegram_id != person.telegram_id:
        await audit(
            session,
            actor,
            "import",
            target=f"upload {pending_id}",
            allowed=False,
            detail="not the sender's file",
        )
        return await refusal(session, context, person)
    file_name, content = pending.file_name, pending.content
    await session.delete(pending)
    if not confirm:
        return Reply(texts(language, "import-cancelled"))
    try:
        report = await import_schedule(
            session,
            content,
            format_of(file_name),
            default_timezone=context.timezone,
            planner=context.planner,
            # Only administrators give roles; a coordinator's file names ids, nothing more.
            grant_roles=actor.role == Role.ADMIN,
        )
    except ScheduleInvalid as invalid:
        # The database changed between the check and the Confirm (a workshop removed).
        return Reply(invalid_text(texts, language, invalid))
    await audit(
        session,
        actor,
        "import",
        target=file_name,
        detail=", ".join(
            f"{kind} {report.count(kind)}" for kind in ("added", "changed", "cancelled")
        ),
    )
    await audit_role_grants(
        session, report, actor_id=actor.telegram_id, actor_name=actor.name, source=file_name
    )
    lines = [
        texts(language, "pasted-done")
        if file_name == PASTED_NAME
        else texts(language, "import-done-chat", file=escape(file_name))
    ]
    directory = await load_directory(session)
    lines += [
        escape(line)
        for line in describe_report(texts, language, report, context.timezone, directory=directory)
    ]
    return Reply("\n".join(lines))


def invalid_text(texts: Texts, language: str, invalid: ScheduleInvalid) -> str:
    """Every problem of the file (the first 30), warnings among them, and their count."""
    lines = [escape(describe_error(texts, language, e)) for e in invalid.errors[:30]]
    lines.append(texts(language, "import-invalid", count=invalid.error_count))
    return "\n".join(lines)
