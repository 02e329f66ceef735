"""Watching together in a group: who is watching tonight, and picks for all of them.

- ``note_speaker`` (a handler of its own group, before the others, never blocking) notes each
  group member as they speak (``Together.spoke``): who "recently active" watchers are;
- /watching (/vemos) shows tonight's watchers with "I'm watching" / "Not tonight" buttons,
  the message updated in place on each tap;
- /foryou in a group (``for_the_group``, called by bot/handlers/foryou.py) picks for the
  watchers (``core.personal.group``), plus the asker when they rated something and did not
  say "not tonight". A person's ratings and seen titles are read only while they watch.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks
from bot.handlers.common import edit, reply, snapshot
from bot.state import Context
from bot.text import render
from bot.text import watching as texts
from bot.text.i18n import N_, _
from core.personal.group import group_picks
from core.questions.bands import KIDS
from core.userdata.feedback import LIKE
from core.userdata.together import ChatSettings, Member

log = logging.getLogger(__name__)
COMMANDS = [("watching", N_("who is watching tonight, for /foryou in a group"))]
GROUPS = (ChatType.GROUP, ChatType.SUPERGROUP)
PICKS = 5


async def note_speaker(update: Update, context: Context) -> None:
    """Remember that this member spoke in this group (at most once a minute each)."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None or user.is_bot or chat.type not in GROUPS:
        return
    if not context.bot_data.heard.due(chat.id, user.id):
        return
    try:
        await asyncio.to_thread(
            context.bot_data.together.spoke,
            chat.id,
            user.id,
            user.first_name or "",
            chat_name=chat.title or "",
        )
    except Exception:  # noting a speaker must never cost the update its answer
        log.exception("could not note a speaker in chat %s", chat.id)


async def watching(update: Update, context: Context) -> None:
    chat = update.effective_chat
    if chat.type not in GROUPS:
        await reply(update, texts.only_in_groups())
        return
    watchers = await asyncio.to_thread(context.bot_data.together.watchers, chat.id)
    await reply(update, texts.watchers_text(watchers), reply_markup=texts.watch_keyboard())


async def watch_button(update: Update, context: Context) -> None:
    """ "I'm watching" / "Not tonight": the presser joins or leaves; the list is redrawn."""
    query = update.callback_query
    await query.answer()
    chat = update.effective_chat
    if chat is None or chat.type not in GROUPS:
        return
    watchers = await set_watching(update, context, bool(callbacks.Watch.parse(query.data).join))
    await edit(query, texts.watchers_text(watchers), texts.watch_keyboard())


async def set_watching(update: Update, context: Context, join: bool) -> list[Member]:
    """The person joins or leaves the group's watchers tonight: the watchers then."""
    chat, user = update.effective_chat, update.effective_user
    together = context.bot_data.together
    await asyncio.to_thread(together.set_watching, chat.id, user.id, user.first_name or "", join)
    return await asyncio.to_thread(together.watchers, chat.id)


async def joined_in_words(update: Update, context: Context, join: bool) -> None:
    """ "Count me in", "hoy no veo" said to the bot in a group: as the buttons do."""
    watchers = await set_watching(update, context, join)
    await reply(update, texts.watchers_text(watchers), reply_markup=texts.watch_keyboard())


@dataclass(frozen=True)
class Tonight:
    """What the group's picks read: the watchers with ratings, their ratings and seen titles."""

    watchers: list[Member]  # those who rated something: the picks follow them
    unrated: list[Member]  # watching, but nothing to go on yet
    ratings: dict[int, dict[str, int]]
    seen: set[str]
    settings: ChatSettings


def tonight(context: Context, chat_id: int, asker) -> Tonight:
    """One worker-thread trip to the stores; only watchers' data is read."""
    together, feedback = context.bot_data.together, context.bot_data.feedback
    watchers = together.watchers(chat_id)
    asked = asker is not None and all(m.user_id != asker.id for m in watchers)
    if asked and not together.left_tonight(chat_id, asker.id):
        watchers.append(Member(asker.id, asker.first_name or ""))
    ratings = {m.user_id: feedback.of_user(m.user_id) for m in watchers}
    rated = [m for m in watchers if ratings[m.user_id]]
    unrated = [m for m in watchers if not ratings[m.user_id]]
    ratings = {m.user_id: ratings[m.user_id] for m in rated}
    seen = together.seen_by(ratings) if ratings else set()
    return Tonight(rated, unrated, ratings, seen, together.settings_of(chat_id))


async def for_the_group(update: Update, context: Context, platform: str | None) -> None:
    """/foryou in a group: picks every watcher's taste accepts, none of them has seen."""
    snap = snapshot(context)
    found = await asyncio.to_thread(tonight, context, update.effective_chat.id, update.effective_user)
    if not found.ratings:
        await reply(update, texts.nobody_to_pick_for())
        return
    # A platform the group chose that this catalogue no longer has is no reason to fail.
    platforms = (
        frozenset([platform]) if platform else found.settings.platforms & set(snap.taste.platform_names)
    )
    picks = await asyncio.to_thread(
        group_picks, snap, context.bot_data.reranker, found.ratings, PICKS,
        platforms=platforms, seen=found.seen, safe_band=KIDS if found.settings.kids else None,
    )  # fmt: skip
    if not picks:
        if any(LIKE in ratings.values() for ratings in found.ratings.values()):
            await reply(update, _("Nothing left to pick there for everyone watching."))
        else:
            await reply(update, texts.nobody_to_pick_for())
        return
    titles = [snap.title(item.pick.id) for item in picks]
    liked = {t for item in picks for _member, t in item.followed}
    title_of = {t: snap.title(t)["display_title"] for t in liked if snap.title(t)}
    name_of = {m.user_id: texts.shown_name(m) for m in found.watchers}
    keyboard = InlineKeyboardMarkup([render.rating_row([item.pick.id for item in picks], 0)])
    text = texts.group_picks_text(picks, titles, name_of, title_of, platforms, found.unrated)
    await reply(update, text, reply_markup=keyboard)


HANDLERS = [
    CommandHandler(["watching", "vemos"], watching),
    CallbackQueryHandler(watch_button, pattern=callbacks.Watch.pattern),
]
