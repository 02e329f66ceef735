"""Seen titles: "✓ Seen" on cards and list entries (tapped again: un-marked), /seen <title>
(/vista), and the "✓ ➕" button that swaps a list's rating row for its seen and list rows.

A seen title is the person's, in every chat (``Together.mark_seen``); what suggestions do with
it is theirs to decide (``core.suggest``). Writes go to SQLite from a worker thread.
"""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks, conversation
from bot.handlers.common import button_query, command_question, confident_title, ratings_of, reply, snapshot
from bot.state import Context
from bot.text import entries, render
from bot.text import watchlist as words
from bot.text.i18n import N_

COMMANDS = [("seen", N_("a title you've seen, never suggested again: /seen coco"))]


def together_of(context: Context):
    return context.bot_data.together


async def has_seen(context: Context, user_id: int, title_id: str) -> bool:
    return title_id in await asyncio.to_thread(together_of(context).seen_by, [user_id])


async def mark(context: Context, user_id: int, title_id: str, seen: bool = True) -> None:
    await asyncio.to_thread(together_of(context).mark_seen, user_id, title_id, seen)


async def mark_title_seen(update: Update, context: Context, title_id: str) -> None:
    """The user has seen ``title_id``, said in a reply ("I've seen it", /seen): for the
    understanding layer to call on a plain message."""
    title = snapshot(context).title(title_id)
    if title is None:
        return
    await mark(context, update.effective_user.id, title_id)
    conversation.focused(title_id)
    await reply(update, render.esc(words.seen_toast(title, True)))


async def seen_command(update: Update, context: Context) -> None:
    q = await command_question(update, context, "title", "seen")
    if q is None:
        return
    best = await confident_title(update, q, "seen")
    if best is not None:
        await mark_title_seen(update, context, best.id)


async def seen_choice(update: Update, context: Context) -> None:
    """A "did you mean" choice for /seen: marked, and the question says so."""
    found = await button_query(update, context)
    if found is not None:
        _snap, title = found
        await mark(context, update.effective_user.id, title["id"])
        await update.callback_query.edit_message_text(render.esc(words.seen_toast(title, True)))


async def seen_button(update: Update, context: Context) -> None:
    """ "✓ Seen" on a card or a list: toggles, for whoever taps, and says so in a pop-up."""
    query = update.callback_query
    title_id = callbacks.Seen.parse(query.data).title_id
    title = snapshot(context).title(title_id)
    if title is None:
        await query.answer(words.gone())
        return
    user_id = update.effective_user.id
    seen = await asyncio.to_thread(together_of(context).toggle_seen, user_id, title_id)  # one statement
    await query.answer(words.seen_toast(title, seen))
    private = update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE
    if private and query.message is not None and query.message.reply_markup is not None:
        shown = entries.seen_marked(query.message.reply_markup, title_id, seen)
        if shown != query.message.reply_markup:
            await query.edit_message_reply_markup(shown)


async def entry_actions_button(update: Update, context: Context) -> None:
    """ "✓ ➕" and "↩ 👍": a list's rating row swapped for its seen and list rows, and back."""
    query = update.callback_query
    wanted = callbacks.EntryActions.parse(query.data)
    if query.message is None or query.message.reply_markup is None:
        await query.answer()
        return
    await query.answer(entries.seen_and_list_hint() if wanted.seen_and_list else None)
    keyboard = query.message.reply_markup
    if wanted.seen_and_list:
        swapped = entries.with_actions(keyboard)
    else:
        swapped = entries.with_ratings(keyboard, await ratings_of(update, context))
    if swapped != keyboard:  # a second tap on an old copy of the keyboard changes nothing
        await query.edit_message_reply_markup(swapped)


HANDLERS = [
    CommandHandler(["seen", "vista"], seen_command),
    CallbackQueryHandler(seen_button, pattern=callbacks.Seen.pattern),
    CallbackQueryHandler(seen_choice, pattern=callbacks.SeenChoice.pattern),
    CallbackQueryHandler(entry_actions_button, pattern=callbacks.EntryActions.pattern),
]
