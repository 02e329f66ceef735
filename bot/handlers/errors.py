"""The error handler: log the failure with its update, tell the user politely, carry on."""

from __future__ import annotations

import contextlib
import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError, TimedOut

from bot.runtime.logs import mark_outcome
from bot.state import Context
from bot.text.i18n import N_, _

log = logging.getLogger("bot.errors")
SORRY = N_("Sorry, something went wrong on my side. Please try again in a moment.")


async def on_error(update: object, context: Context) -> None:
    error = context.error
    mark_outcome("error")
    if isinstance(error, Forbidden):
        log.info("blocked by a user or removed from a chat: %s", error)
        return
    if isinstance(error, NetworkError) and not isinstance(update, Update):
        log.warning("network trouble while polling: %s", error)  # the updater retries by itself
        return
    if isinstance(error, TimedOut):
        # Telegram may well have delivered what timed out: an apology would follow the answer.
        log.warning("a request timed out while handling an update: %s", error)
        return
    summary = update.to_dict() if isinstance(update, Update) else repr(update)
    log.error("update failed: %s", summary, exc_info=error)
    if isinstance(update, Update):
        sorry = _(SORRY)  # in the update's language: the handler at group -2 ran before the failure
        if update.callback_query is not None:
            # The query may already be answered; the message below still goes.
            with contextlib.suppress(Exception):
                await update.callback_query.answer(sorry[:200], show_alert=False)
        if update.effective_chat is not None:
            try:
                await context.bot.send_message(update.effective_chat.id, sorry)
            except Exception as exc:  # never let the error handler raise
                log.warning("could not tell the user about the failure: %s", exc)
