"""What every handler needs: the current snapshot, replies, friendly argument errors."""

from __future__ import annotations

import functools
import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot import render
from bot.logs import mark_outcome
from core.arguments import ArgumentError
from core.store import Snapshot

log = logging.getLogger(__name__)


def snapshot(context: ContextTypes.DEFAULT_TYPE) -> Snapshot:
    return context.bot_data["store"].current


async def reply(update: Update, text: str, **kwargs):
    """Answer in the chat of the update; in groups, as a reply to the command's message."""
    message = update.effective_message
    in_group = update.effective_chat is not None and update.effective_chat.type != ChatType.PRIVATE
    if update.callback_query is None:
        kwargs.setdefault("do_quote", in_group)
    return await message.reply_text(render.clip(text), **kwargs)


def friendly(example: str):
    """Turn a wrong argument into a one-line answer with an example (marked with ``N_``, shown
    translated). Only ArgumentError is caught: any other exception is a bug for the error
    handler to log."""

    def decorate(handler):
        @functools.wraps(handler)
        async def wrapper(update: Update, context: ContextTypes.DEFAULT_TYPE):
            try:
                return await handler(update, context)
            except ArgumentError as exc:
                mark_outcome("bad_input")
                await reply(update, render.usage_error(exc, example))

        return wrapper

    return decorate


# Below this a match shares a few letters with the text and nothing more: "not found"
# reads better than a "did you mean" list of strangers.
PLAUSIBLE_SCORE = 60


def find_titles(snap: Snapshot, text: str, limit: int = 5) -> list:
    return [m for m in snap.recommender.resolve(text, limit=limit) if m.score >= PLAUSIBLE_SCORE]


async def titles_or_explain(update: Update, snap: Snapshot, text: str, command: str, limit: int = 5):
    """The titles ``text`` may name; when there are none, the user is told how to ask."""
    if not text:
        await reply(update, render.which_title(command))
        return []
    matches = find_titles(snap, text, limit=limit)
    if not matches:
        await reply(update, render.not_found(text, command))
    return matches


def text_of(context: ContextTypes.DEFAULT_TYPE) -> str:
    return " ".join(context.args or []).strip()
