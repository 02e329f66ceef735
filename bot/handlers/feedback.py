"""What users tell the bot about titles, and what it keeps about them.

- the numbered buttons under every list of suggestions: once 👍, twice 👎, three times
  cleared (``fb:<id>``);
- /like and /dislike (/megusta, /nomegusta) with a title, under the one title policy;
(/mydata and /forget, what is kept and its deletion, are ``bot.handlers.privacy``'s.)

Writes go to SQLite or PostgreSQL (``core.userdata.feedback``) from a worker thread: a commit waits.
"""

from __future__ import annotations

import asyncio

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks
from bot.handlers.common import button_query, command_question, confident_title, reply, snapshot
from bot.state import Context
from bot.text import render
from bot.text.i18n import N_, _
from core.userdata.feedback import DISLIKE, LIKE

COMMANDS = [
    ("like", N_("teach me your taste: /like the conjuring")),
    ("dislike", N_("and what you don't like: /dislike frozen")),
]


def feedback_of(context: Context):
    return context.bot_data.feedback


async def record(context: Context, user_id: int, title_id: str, value: int, source: str) -> None:
    await asyncio.to_thread(feedback_of(context).record, user_id, title_id, value, source)


def noted(value: int, title: dict) -> str:
    """What a rating did, short enough for a button's pop-up (200 characters)."""
    name = render.excerpt(title["display_title"], 60)
    if value == LIKE:
        return _("👍 Noted: you like {title}. /foryou picks titles for you.").format(title=name)
    if value == DISLIKE:
        return _("👎 Noted: {title} is not for you.").format(title=name)
    return _("Your rating of {title} is cleared.").format(title=name)


async def rate_button(update: Update, context: Context) -> None:
    """A numbered button: the next rating in the cycle, shown on the button in a private chat."""
    query = update.callback_query
    snap = snapshot(context)
    pressed = callbacks.Rate.parse(query.data)
    title_id = pressed.title_id
    title = snap.title(title_id)
    if title is None:
        await query.answer(_("That title is no longer in the catalogue."))
        return
    user_id = update.effective_user.id
    # One statement reads and moves the cycle: taps at once (or on two replicas) each take a step.
    value = await asyncio.to_thread(feedback_of(context).cycle, user_id, title_id, "button")
    await query.answer(noted(value, title))
    if update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE and query.message:
        try:
            await query.edit_message_reply_markup(marked(query.message.reply_markup, pressed, value))
        except BadRequest as exc:
            # Taps at once (or on two replicas) can ask for the keyboard already shown: Telegram
            # refuses an identical edit, and the tap was answered already.
            if "not modified" not in str(exc).lower():
                raise


def marked(keyboard: InlineKeyboardMarkup, pressed: callbacks.Rate, value: int) -> InlineKeyboardMarkup:
    """The same keyboard, the pressed rating button showing its new rating. Its number (the
    title's place in the list) is read from its label: the data carries only the title."""
    rows = []
    for row in keyboard.inline_keyboard:
        buttons = []
        for button in row:
            if callbacks.parse_any(button.callback_data) == pressed:
                label = render.rating_label(render.rating_number(button.text), value or None)
                button = InlineKeyboardButton(label, callback_data=button.callback_data)
            buttons.append(button)
        rows.append(buttons)
    return InlineKeyboardMarkup(rows)


async def rate_command(update: Update, context: Context, value: int, action: str) -> None:
    q = await command_question(update, context, "title", action)
    if q is None:
        return
    best = await confident_title(update, q, action)
    if best is not None:
        await record(context, update.effective_user.id, best.id, value, "command")
        await reply(update, render.esc(noted(value, snapshot(context).title(best.id))))


async def like(update: Update, context: Context) -> None:
    await rate_command(update, context, LIKE, "like")


async def dislike(update: Update, context: Context) -> None:
    await rate_command(update, context, DISLIKE, "dislike")


async def rate_choice(update: Update, context: Context, value: int) -> None:
    """A "did you mean" choice for /like or /dislike."""
    found = await button_query(update, context)
    if found is not None:
        _snap, title = found
        await record(context, update.effective_user.id, title["id"], value, "command")
        await update.callback_query.edit_message_text(render.esc(noted(value, title)))


async def like_choice(update: Update, context: Context) -> None:
    await rate_choice(update, context, LIKE)


async def dislike_choice(update: Update, context: Context) -> None:
    await rate_choice(update, context, DISLIKE)


HANDLERS = [
    CommandHandler(["like", "megusta"], like),
    CommandHandler(["dislike", "nomegusta"], dislike),
    CallbackQueryHandler(rate_button, pattern=callbacks.Rate.pattern),
    CallbackQueryHandler(like_choice, pattern=callbacks.Like.pattern),
    CallbackQueryHandler(dislike_choice, pattern=callbacks.Dislike.pattern),
]
