"""A poll's end: every poll the bot sends carries "🏁 Close the vote"; when it closes (that
button, or any closed-poll update Telegram sends), the chat is told the winner with a "➕ Add
to our list" button (one per title in a tie), unless it is on the list already.

Which titles a poll's options are is kept in the user-data store (``Together.remember_poll``):
a vote may close hours later, after a restart. ``take_poll`` reads it once, so the stopPoll
answer and the update Telegram sends after it announce the winner once.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Message, Poll, ReplyParameters, Update
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler, PollHandler

from bot import callbacks
from bot.state import Context
from bot.text import i18n
from bot.text import votes as words
from core.userdata.together import ListPoll

log = logging.getLogger(__name__)
QUESTION = i18n.N_("What do we watch?")


async def send_vote(update: Update, context: Context, title_ids: list[str], options: list[str]) -> Message:
    """The poll ("What do we watch?", one option per title), with its close button, kept."""
    message = await update.effective_message.reply_poll(
        i18n._(QUESTION),
        options,
        is_anonymous=False,
        do_quote=True,
        reply_markup=words.close_vote_keyboard(),
    )
    kept = ListPoll(message.poll.id, message.chat_id, message.message_id, tuple(title_ids), i18n.language())
    await asyncio.to_thread(context.bot_data.together.remember_poll, kept)
    return message


async def close_vote_button(update: Update, context: Context) -> None:
    """ "🏁 Close the vote": Telegram stops the poll and answers with its final counts."""
    query = update.callback_query
    message = query.message
    await query.answer()
    if message is None:
        return
    try:
        closed = await context.bot.stop_poll(message.chat_id, message.message_id)
    except BadRequest as exc:  # closed already (another tap, or Telegram's own update came first)
        log.info("poll in %s not stopped: %s", message.chat_id, exc)
        return
    await announce(context, closed)


async def poll_update(update: Update, context: Context) -> None:
    """A poll's new state: a closed one is announced (once: ``take_poll``)."""
    if update.poll is not None and update.poll.is_closed:
        await announce(context, update.poll)


def winners(poll: Poll) -> tuple[list[int], int]:
    """The options with the most votes (several in a tie) and that count; none when nobody voted."""
    counts = [option.voter_count for option in poll.options]
    most = max(counts, default=0)
    if most == 0:
        return [], 0
    return [i for i, count in enumerate(counts) if count == most], most


async def announce(context: Context, poll: Poll) -> None:
    kept = await asyncio.to_thread(context.bot_data.together.take_poll, poll.id)
    if kept is None:  # not one of ours, or told already
        return
    with i18n.using(kept.language or i18n.ENGLISH):
        text, keyboard = await result(context, kept, poll)
        await context.bot.send_message(
            kept.chat_id,
            text,
            reply_markup=keyboard,
            reply_parameters=ReplyParameters(kept.message_id, allow_sending_without_reply=True),
        )


async def result(context: Context, kept: ListPoll, poll: Poll):
    chosen, count = winners(poll)
    snap = context.bot_data.store.current
    titles = [snap.title(kept.title_ids[i]) for i in chosen if i < len(kept.title_ids)]
    titles = [t for t in titles if t is not None]
    if not titles:
        return words.nobody_voted(), None
    listed = {e.title_id for e in await asyncio.to_thread(context.bot_data.together.watchlist, kept.chat_id)}
    to_add = [t for t in titles if t["id"] not in listed]
    group = kept.chat_id < 0  # a group's id is negative, a person's positive
    if len(titles) == 1:
        text = words.winner_text(titles[0], count, listed=not to_add)
    else:
        text = words.tie_text(titles, count)
    return text, words.add_winners_keyboard(to_add, group)


HANDLERS = [
    CallbackQueryHandler(close_vote_button, pattern=callbacks.CloseVote.pattern),
    PollHandler(poll_update),
]
