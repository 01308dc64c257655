"""A schedule file sent to the bot: checked, previewed, imported on Confirm."""

from __future__ import annotations

from html import escape

from sqlalchemy.ext.asyncio import AsyncSession

from bot.planning.outbox import ReminderPolicy, plan_after_import
from bot.replies.pasted_announcements import (
    PASTED_NAME,
    apply_file,
    preview_reply,
    read_and_try,
)
from bot.replies.reply import Button, Refusal, Reply
from bot.replies.schedule_texts import describe_error, describe_report
from bot.services.groups import NotAllowed
from bot.services.members import Visitor, language_of
from bot.services.staff import audit, staff_member
from bot.telegram.runtime import Runtime
from storage.models import PendingImport
from storage.schedule import ScheduleInvalid, apply_schedule, read_schedule_bytes
from storage.schedule.read import format_of, read_text


async def _not_allowed(session: AsyncSession, runtime: Runtime, visitor: Visitor) -> Refusal:
    return Refusal(runtime.texts(await language_of(session, visitor), "staff-only"))


async def schedule_file_reply(
    session: AsyncSession, runtime: Runtime, visitor: Visitor, file_name: str, content: bytes
) -> Reply:
    """A schedule file in the chat: check it, show what it would change, ask to confirm."""
    texts, admins = runtime.texts, runtime.settings.bot_admin_ids
    language = await language_of(session, visitor)
    try:
        await staff_member(session, visitor, "import", admin_ids=admins, target=file_name)
    except NotAllowed:
        return await _not_allowed(session, runtime, visitor)
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
        reading, stated = await read_and_try(session, runtime, text)
        return await preview_reply(session, runtime, visitor, file_name, text, reading, stated)
    try:
        schedule = read_schedule_bytes(content, file_format)
        # A dry run in a transaction of its own, always rolled back: the preview.
        async with runtime.sessions() as dry_run:
            report = await apply_schedule(
                dry_run, schedule, default_timezone=runtime.settings.bot_timezone
            )
            await dry_run.rollback()
    except ScheduleInvalid as invalid:
        lines = [escape(describe_error(texts, language, e)) for e in invalid.errors[:30]]
        lines.append(texts(language, "import-invalid", count=len(invalid.errors)))
        return Reply("\n".join(lines))
    pending = PendingImport(telegram_id=visitor.telegram_id, file_name=file_name, content=content)
    session.add(pending)
    await session.flush()
    lines = [texts(language, "import-preview-title", file=escape(file_name))]
    lines += [
        escape(line)
        for line in describe_report(texts, language, report, runtime.settings.bot_timezone)
    ]
    buttons = (
        (
            Button(texts(language, "import-confirm"), f"imp:ok:{pending.id}"),
            Button(texts(language, "broadcast-cancel"), f"imp:no:{pending.id}"),
        ),
    )
    return Reply("\n".join(lines), buttons)


async def schedule_confirm_reply(
    session: AsyncSession, runtime: Runtime, visitor: Visitor, pending_id: int, *, confirm: bool
) -> Reply:
    """Confirm or cancel a checked schedule file; only its sender may."""
    texts, admins = runtime.texts, runtime.settings.bot_admin_ids
    language = await language_of(session, visitor)
    try:
        actor = await staff_member(
            session, visitor, "import", admin_ids=admins, target=f"upload {pending_id}"
        )
    except NotAllowed:
        return await _not_allowed(session, runtime, visitor)
    pending = await session.get(PendingImport, pending_id)
    if pending is None:
        return Reply(texts(language, "import-expired"))
    if pending.telegram_id != visitor.telegram_id:
        await audit(
            session,
            actor,
            "import",
            target=f"upload {pending_id}",
            allowed=False,
            detail="not the sender's file",
        )
        return await _not_allowed(session, runtime, visitor)
    file_name, content = pending.file_name, pending.content
    await session.delete(pending)
    if not confirm:
        return Reply(texts(language, "import-cancelled"))
    try:
        report = await apply_file(
            session, content, format_of(file_name), default_timezone=runtime.settings.bot_timezone
        )
    except ScheduleInvalid as invalid:
        # The database changed between the check and the Confirm (a workshop removed).
        lines = [escape(describe_error(texts, language, e)) for e in invalid.errors[:30]]
        return Reply(
            "\n".join([*lines, texts(language, "import-invalid", count=len(invalid.errors))])
        )
    await plan_after_import(
        session, report, now=runtime.clock(), policy=ReminderPolicy.from_settings(runtime.settings)
    )
    await audit(
        session,
        actor,
        "import",
        target=file_name,
        detail=", ".join(
            f"{kind} {report.count(kind)}" for kind in ("added", "changed", "cancelled")
        ),
    )
    lines = [
        texts(language, "pasted-done")
        if file_name == PASTED_NAME
        else texts(language, "import-done-chat", file=escape(file_name))
    ]
    lines += [
        escape(line)
        for line in describe_report(texts, language, report, runtime.settings.bot_timezone)
    ]
    return Reply("\n".join(lines))
