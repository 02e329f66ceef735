"""The chat's shared list: "➕ Our list" ("My list" in a private chat) on cards and list
entries, /watchlist (/lista) with where each title streams, who added it and remove buttons, an
admins-only "Clear the list" in groups, and /pick (/elegir): one title for tonight, and why.

The list is the chat's (``Together.add_to_list``); /pick's choice is ``core.personal.watchlist_pick``.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks, conversation
from bot.handlers.common import edit, reply, snapshot
from bot.state import Context
from bot.text import render
from bot.text import watchlist as words
from bot.text.i18n import N_
from core.personal.watchlist_pick import ListPick, candidates_of, pick_from_list
from core.questions.viewer import seen_with_copies
from core.userdata.together import ChatSettings

log = logging.getLogger(__name__)
COMMANDS = [
    ("watchlist", N_("our list of titles to watch, who added what")),
    ("pick", N_("one title for tonight from our list, and why")),
]
ADMINS = {ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER}


def together_of(context: Context):
    return context.bot_data.together


def in_group(update: Update) -> bool:
    return update.effective_chat is not None and update.effective_chat.type != ChatType.PRIVATE


async def add(update: Update, context: Context, title_id: str) -> str | None:
    """``title_id`` on the chat's list, added by the user: what happened, in words (None when
    the title has left the catalogue)."""
    title = snapshot(context).title(title_id)
    if title is None:
        return None
    chat, user = update.effective_chat, update.effective_user
    together = together_of(context)
    if in_group(update):  # "added by Ana": the name the list shows
        await asyncio.to_thread(together.spoke, chat.id, user.id, user.first_name)
    # One work, one entry: Toy Story on Hulu is on the list when Toy Story on Disney+ is.
    listed = {entry.title_id for entry in await asyncio.to_thread(together.watchlist, chat.id)}
    copies = seen_with_copies([title_id], snapshot(context).copies)
    added = not (copies & listed) and await asyncio.to_thread(
        together.add_to_list, chat.id, title_id, user.id
    )
    return words.added_text(title, added, in_group(update))


async def add_title(update: Update, context: Context, title_id: str) -> None:
    """ "Add it to our list", said in a message: for the understanding layer to call."""
    said = await add(update, context, title_id)
    if said is not None:
        conversation.focused(title_id)  # "where is it?" next is about it
    await reply(update, render.esc(said or words.gone()))


async def remove_title(update: Update, context: Context, title_id: str) -> None:
    """ "Take it off the list", said in a message: for the understanding layer to call."""
    chat_id = update.effective_chat.id
    removed = await asyncio.to_thread(together_of(context).remove_from_list, chat_id, title_id)
    await reply(update, render.esc(words.removed_toast(snapshot(context).title(title_id), removed)))


async def list_add_button(update: Update, context: Context) -> None:
    """ "➕ Our list" under a card, a list, or a closed poll's winner: a pop-up says what it did."""
    query = update.callback_query
    said = await add(update, context, callbacks.ListAdd.parse(query.data).title_id)
    await query.answer(said or words.gone())


async def entries_of(context: Context, chat_id: int):
    """The chat's list, the titles still in the catalogue only: (entry, title) pairs."""
    snap = snapshot(context)
    listed = await asyncio.to_thread(together_of(context).watchlist, chat_id)
    pairs = [(entry, snap.title(entry.title_id)) for entry in listed]
    return [(entry, title) for entry, title in pairs if title is not None]


async def list_page(update: Update, context: Context):
    """/watchlist's text and keyboard (no keyboard for an empty list)."""
    group = in_group(update)
    found = await entries_of(context, update.effective_chat.id)
    if not found:
        return words.empty_list(group), None
    snap = snapshot(context)
    shown = found[: words.SHOWN]
    lines = [
        words.entry_line(i, title, snap.platforms_of(entry.title_id), entry.added_by_name if group else "")
        for i, (entry, title) in enumerate(shown, start=1)
    ]
    text = words.list_text(group, lines, len(found))
    return text, words.list_keyboard([entry.title_id for entry, _title in shown], group)


async def show_list(update: Update, context: Context) -> None:
    """/watchlist, and "what's on our list?" said in a message."""
    text, keyboard = await list_page(update, context)
    await reply(update, text, reply_markup=keyboard)


async def list_remove_button(update: Update, context: Context) -> None:
    """ "✖ 3" under /watchlist: the title leaves the list, and the list is shown again."""
    query = update.callback_query
    title_id = callbacks.ListRemove.parse(query.data).title_id
    removed = await asyncio.to_thread(
        together_of(context).remove_from_list, update.effective_chat.id, title_id
    )
    title = snapshot(context).title(title_id)
    await query.answer(words.removed_toast(title, removed))
    text, keyboard = await list_page(update, context)
    await edit(query, text, keyboard)


async def is_group_admin(update: Update, context: Context) -> bool:
    chat, user = update.effective_chat, update.effective_user
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except TelegramError as exc:  # cannot tell: no clearing
        log.warning("could not check whether %s administers %s: %s", user.id, chat.id, exc)
        return False
    return member.status in ADMINS


async def list_clear_button(update: Update, context: Context) -> None:
    """ "🗑 Clear the list": a group admin is asked once more, then the list is emptied (the
    group's platforms stay); anyone else is told only admins may."""
    query = update.callback_query
    step = callbacks.ListClear.parse(query.data).step
    if not in_group(update) or not await is_group_admin(update, context):
        await query.answer(words.admins_only(), show_alert=True)
        return
    await query.answer()
    chat_id = update.effective_chat.id
    if step == 0:
        listed = await asyncio.to_thread(together_of(context).watchlist, chat_id)
        text, keyboard = words.clear_question(len(listed))
        await edit(query, text, keyboard)
    elif step == 1:
        count = await asyncio.to_thread(together_of(context).clear_list, chat_id)
        await edit(query, words.cleared(count), None)
    else:
        text, keyboard = await list_page(update, context)
        await edit(query, text, keyboard)


async def sorted_list(update: Update, context: Context) -> tuple[ListPick, int, ChatSettings]:
    """The chat's list sorted out for tonight (``pick_from_list``): the chat's platforms, what
    tonight's watchers and the asker have seen, kids mode; with how many watch, and the
    chat's settings."""
    chat, user = update.effective_chat, update.effective_user
    together = together_of(context)
    snap = snapshot(context)
    settings = await asyncio.to_thread(together.settings_of, chat.id)
    watching = {user.id}
    if in_group(update):
        watching |= {m.user_id for m in await asyncio.to_thread(together.watchers, chat.id)}
    seen = seen_with_copies(await asyncio.to_thread(together.seen_by, watching), snap.copies)
    listed = await asyncio.to_thread(together.watchlist, chat.id)
    candidates = candidates_of(snap, listed)
    found = pick_from_list(candidates, settings.platforms, seen, settings.kids)
    return found, len(watching), settings


async def pick(update: Update, context: Context) -> None:
    """/pick: one title for tonight from the chat's list, and why; a friendly way on when the
    list is empty or nothing on it is left."""
    group = in_group(update)
    found, watching, settings = await sorted_list(update, context)
    if found.total == 0:
        await reply(update, words.empty_list(group))
        return
    if found.chosen is None:
        await reply(update, words.nothing_left(found))
        return
    snap = snapshot(context)
    title = snap.title(found.chosen.title_id)
    why = words.pick_reasons(found, group, watching, bool(settings.platforms), settings.kids)
    conversation.focused(found.chosen.title_id)
    text = words.pick_text(found, title, snap.platforms_of(found.chosen.title_id), why)
    await reply(update, text, reply_markup=words.pick_keyboard(found.chosen.title_id))


HANDLERS = [
    CommandHandler(["watchlist", "lista"], show_list),
    CommandHandler(["pick", "elegir"], pick),
    CallbackQueryHandler(list_add_button, pattern=callbacks.ListAdd.pattern),
    CallbackQueryHandler(list_remove_button, pattern=callbacks.ListRemove.pattern),
    CallbackQueryHandler(list_clear_button, pattern=callbacks.ListClear.pattern),
]
