"""What every handler needs: the current snapshot, replies, friendly argument errors."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.error import BadRequest

from bot import callbacks, conversation
from bot.runtime.logs import mark_outcome
from bot.state import Context
from bot.text import explain, render
from bot.text.i18n import _
from core.catalogue.arguments import ArgumentError
from core.snapshot.store import Snapshot
from core.understanding import ABSENT, AMBIGUOUS, CONFIDENT, Question

log = logging.getLogger(__name__)
# What a title command shows for one title: (text, keyboard), given the snapshot and its id.
TitlePage = Callable[[Snapshot, str], Awaitable[tuple[str, InlineKeyboardMarkup | None]]]


def snapshot(context: Context) -> Snapshot:
    return context.bot_data.store.current


async def reply(update: Update, text: str, **kwargs):
    """Answer in the chat of the update; in groups, as a reply to the command's message."""
    message = update.effective_message
    in_group = update.effective_chat is not None and update.effective_chat.type != ChatType.PRIVATE
    if update.callback_query is None:
        kwargs.setdefault("do_quote", in_group)
    await conversation.save()  # before the reply: the user may answer it at once
    return await message.reply_text(render.clip(text), **kwargs)


def friendly(example: str):
    """Turn a wrong argument into a one-line answer with an example (marked with ``N_``, shown
    translated). Only ArgumentError is caught: any other exception is a bug for the error
    handler to log."""

    def decorate(handler):
        @functools.wraps(handler)
        async def wrapper(update: Update, context: Context):
            try:
                return await handler(update, context)
            except ArgumentError as exc:
                mark_outcome("bad_input")
                await reply(update, explain.usage_error(exc, example))

        return wrapper

    return decorate


async def command_question(update: Update, context: Context, intent: str, command: str) -> Question | None:
    """A title command's arguments as a question (``/recommend shows like x on hulu``), or
    None after asking which title when there are none."""
    text = text_of(context)
    if not text:
        await reply(update, render.which_title(command))
        return None
    return snapshot(context).understanding.parse_command(intent, text)


async def confident_title(update: Update, q: Question, action: str):
    """The title policy (``Question.answer``): the title when the match is confident; else a
    "did you mean…?" or an honest "not in the four catalogues", whose buttons run ``action``
    ("where", "recommend", "poll", "title") on the title tapped."""
    if not q.title:  # "/where on netflix": no title words at all, so no title to call absent
        await reply(update, render.which_title(action))
        return None
    kind, titles = q.answer()
    if kind == CONFIDENT:
        return titles[0]
    if kind == AMBIGUOUS:
        text, keyboard = render.did_you_mean(q.title, titles, action)
    else:
        text, keyboard = render.absent(q.title, titles, action)
        mark_outcome("not_found")
    await reply(update, text, reply_markup=keyboard)
    return None


async def answer_title(update: Update, context: Context, q: Question, action: str, page: TitlePage) -> None:
    """Reply with ``page`` of the title ``q`` names, once the title policy is confident."""
    if q.answer()[0] == ABSENT:
        conversation.missed(q)
    else:
        conversation.asked(q)
    best = await confident_title(update, q, action)
    if best is not None:
        conversation.focused(best.id)
        text, keyboard = await page(snapshot(context), best.id)
        await reply(update, text, reply_markup=keyboard)


async def answer_title_button(update: Update, context: Context, page: TitlePage) -> None:
    """A "did you mean" choice: the question under the button becomes ``page`` of the title."""
    found = await button_query(update, context)
    if found is not None:
        snap, title = found
        conversation.focused(title["id"])
        text, keyboard = await page(snap, title["id"])
        await edit(update.callback_query, text, keyboard)


async def button_query(update: Update, context: Context) -> tuple[Snapshot, dict] | None:
    """The snapshot and the title a title button (``callbacks.TitleChoice``) is about, the
    query answered; None when that title has left the catalogue since (the user is told)."""
    query = update.callback_query
    choice = callbacks.parse_any(query.data)
    if not isinstance(choice, callbacks.TitleChoice):  # a handler's pattern took other data: a bug
        raise ValueError(f"not a title choice: {query.data!r}")
    snap = snapshot(context)
    title = snap.title(choice.title_id)
    if title is None:
        await query.answer(_("That title is no longer in the catalogue."))
        return None
    await query.answer()
    return snap, title


async def edit(query, message: str, keyboard) -> None:
    """Turn the message under a button into ``message``."""
    await conversation.save()
    try:
        await query.edit_message_text(render.clip(message), reply_markup=keyboard)
    except BadRequest as exc:
        # A double tap asks for the page already shown; Telegram refuses an identical edit.
        if "not modified" not in str(exc).lower():
            raise


async def ratings_of(update: Update, context: Context) -> dict[str, int]:
    """What the user said of titles (title id -> 1/-1), to mark rating buttons; none in a
    group, whose keyboards everyone shares."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None or chat.type != ChatType.PRIVATE:
        return {}
    return await asyncio.to_thread(context.bot_data.feedback.of_user, user.id)


def text_of(context: Context) -> str:
    return " ".join(context.args or []).strip()
