"""The last line of defence: log with context, tell the user one polite line, never raise."""

from __future__ import annotations

import logging

from telegram import Update

from bot.telegram.context import VerstasContext

log = logging.getLogger(__name__)


async def on_error(update: object, context: VerstasContext) -> None:
    """Log the error with the update's id; apologise in the user's language."""
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("handling update %s failed", update_id, exc_info=context.error)
    context.runtime.metrics.update_errors.inc()
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    runtime = context.runtime
    user = update.effective_user
    language = runtime.texts.choose(user.language_code if user else None)
    try:
        await context.bot.send_message(
            update.effective_chat.id, runtime.texts(language, "error-generic")
        )
    except Exception:
        log.warning("could not tell chat %s about the error", update.effective_chat.id)
