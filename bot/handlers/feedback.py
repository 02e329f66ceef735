"""What users tell the bot about titles, and what it keeps about them.

- the numbered buttons under every list of suggestions: once 👍, twice 👎, three times
  cleared (``fb:<id>``);
- /like and /dislike (/megusta, /nomegusta) with a title, under the one title policy;
- /mydata shows everything kept about the user; /forget (/olvidar) deletes it on a tap of its
  "Delete everything" button.

Writes go to SQLite (``core.userdata.feedback``) from a worker thread: a commit waits for the disk.
"""

from __future__ import annotations

import asyncio
import secrets
from datetime import UTC, datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks, conversation
from bot.handlers.common import button_query, command_question, confident_title, edit, reply, snapshot
from bot.state import Context
from bot.text import questions as words
from bot.text import render
from bot.text.i18n import N_, _, language, ngettext, number
from core.userdata.feedback import DISLIKE, LIKE

COMMANDS = [
    ("like", N_("teach me your taste: /like the conjuring")),
    ("dislike", N_("and what you don't like: /dislike frozen")),
    ("mydata", N_("what I keep about you")),
    ("forget", N_("delete all I keep about you")),
]
NEXT = {None: LIKE, LIKE: DISLIKE, DISLIKE: 0}  # a rating button cycles 👍 -> 👎 -> nothing
SHOWN = 10  # liked and disliked titles listed by /mydata
LANGUAGE_NAMES = {"en": N_("English"), "es": N_("Spanish")}


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
    current = await asyncio.to_thread(feedback_of(context).value_of, user_id, title_id)
    value = NEXT[current]
    await record(context, user_id, title_id, value, "button")
    await query.answer(noted(value, title))
    if update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE and query.message:
        await query.edit_message_reply_markup(marked(query.message.reply_markup, pressed, value))


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


def day(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).strftime("%Y-%m-%d")


def titles_line(snap, ids) -> str:
    names = []
    for title_id in ids[-SHOWN:]:
        title = snap.title(title_id)
        names.append(render.excerpt(title["display_title"], 60) if title else _("a title no longer listed"))
    return render.esc(", ".join(names))


async def mydata(update: Update, context: Context) -> None:
    user_id, chat = update.effective_user.id, update.effective_chat
    signals = await asyncio.to_thread(feedback_of(context).signals_of, user_id)
    snap = snapshot(context)
    liked = [s.title_id for s in signals if s.value == LIKE]
    disliked = [s.title_id for s in signals if s.value == DISLIKE]
    lines = [_("<b>What I keep about you</b>")]
    if signals:
        lines.append(
            ngettext(
                "{n} rating, from {first} to {last}.", "{n} ratings, from {first} to {last}.", len(signals)
            ).format(n=number(len(signals)), first=day(signals[0].at), last=day(signals[-1].at))
        )
        if liked:
            lines.append(_("👍 {titles}").format(titles=titles_line(snap, liked)))
        if disliked:
            lines.append(_("👎 {titles}").format(titles=titles_line(snap, disliked)))
    else:
        lines.append(_("No ratings."))
    if chat.type == ChatType.PRIVATE:
        subscriptions = context.bot_data.subscriptions
        platforms = await asyncio.to_thread(subscriptions.of_chat, chat.id)
        if platforms:
            names = ", ".join(render.platform_name(p) for p in platforms)
            lines.append(_("This chat's subscriptions: {platforms}.").format(platforms=render.esc(names)))
        # The language this very answer is in: the one kept for the chat (bot/handlers/language.py).
        name = _(LANGUAGE_NAMES.get(language(), language()))
        lines.append(_("The language I write to you in: {language}.").format(language=name))
    lines += memory_lines(snap, conversation.frame())
    lines += [
        "",
        _(
            "Each rating is kept with its time and where it came from (a button or a command) until "
            "you /forget, also for titles that leave the catalogue. Everyone's ratings, without names, "
            "train the model that orders suggestions."
        ),
    ]
    await reply(update, "\n".join(lines))


def memory_lines(snap, frame) -> list[str]:
    """What the conversation remembers: the last question and the title in focus."""
    if frame.asked is None and frame.focus is None:
        return []
    lines = [_("Our conversation, forgotten after 30 minutes of silence, after /start or /forget:")]
    if frame.asked is not None:
        scope = words.scope(frame.asked.filters, snap.table.people)
        lines.append(
            _("• your last question: titles {scope}").format(scope=scope)
            if scope
            else _("• your last question: all titles")
        )
    title = snap.title(frame.focus) if frame.focus else None
    if title is not None:
        lines.append(
            _("• the title we talked about: <b>{title}</b>").format(title=render.esc(title["display_title"]))
        )
    return lines


async def forget(update: Update, context: Context) -> None:
    """Asks first: everything goes only on a tap of "Delete everything" by the one who asked."""
    user_id = update.effective_user.id
    # Random, not counted: after a restart an old button must not match a new request's token.
    token = secrets.token_hex(4)
    context.bot_data.forget_asked[user_id] = token
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    _("Delete everything"), callback_data=callbacks.Forget(token, 1).encode()
                ),
                InlineKeyboardButton(_("Keep it"), callback_data=callbacks.Forget(token, 0).encode()),
            ]
        ]
    )
    text = _(
        "Delete everything I keep about you: your ratings, your subscriptions in this chat and our "
        "conversation? /mydata shows it all. Nothing goes until you tap."
    )
    await reply(update, text, reply_markup=keyboard)


async def forget_tapped(update: Update, context: Context) -> None:
    query = update.callback_query
    tapped = callbacks.Forget.parse(query.data)
    user_id = update.effective_user.id
    if context.bot_data.forget_asked.get(user_id) != tapped.token:
        # Tapped twice, by someone else, or after a restart: nothing to do, and said kindly.
        await query.answer(
            _("This question is answered already, or was for someone else. Send /forget to start again.")
        )
        return
    await query.answer()
    del context.bot_data.forget_asked[user_id]
    if not tapped.delete:
        await edit(query, _("Kept: nothing was deleted."), None)
        return
    await edit(query, await erase(update, context, user_id), None)


async def erase(update: Update, context: Context, user_id: int) -> str:
    """Everything kept about the user deleted; what was deleted, said."""
    chat = update.effective_chat
    await conversation.erase_user(context, user_id)
    ratings = await asyncio.to_thread(feedback_of(context).forget, user_id)
    subscriptions = 0
    if chat.type == ChatType.PRIVATE:  # a group's subscriptions belong to the group
        subscriptions = await asyncio.to_thread(context.bot_data.subscriptions.forget, chat.id)
    text = _("Done: I deleted everything I kept about you ({ratings}, {subscriptions}).").format(
        ratings=ngettext("{n} rating", "{n} ratings", ratings).format(n=number(ratings)),
        subscriptions=ngettext("{n} subscription", "{n} subscriptions", subscriptions).format(
            n=number(subscriptions)
        ),
    )
    return text


HANDLERS = [
    CommandHandler(["like", "megusta"], like),
    CommandHandler(["dislike", "nomegusta"], dislike),
    CommandHandler(["mydata", "misdatos"], mydata),
    CommandHandler(["forget", "olvidar"], forget),
    CallbackQueryHandler(rate_button, pattern=callbacks.Rate.pattern),
    CallbackQueryHandler(like_choice, pattern=callbacks.Like.pattern),
    CallbackQueryHandler(dislike_choice, pattern=callbacks.Dislike.pattern),
    CallbackQueryHandler(forget_tapped, pattern=callbacks.Forget.pattern),
]
