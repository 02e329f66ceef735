"""What the bot keeps about a person, and its deletion: /mydata (/misdatos) lists all of it,
/forget (/olvidar) deletes it on a tap of "Delete everything" by the one who asked.

Kept: ratings (``core.userdata.feedback``), this chat's subscriptions and language, the
conversation's memory, and for watching together (``core.userdata.together``) their platforms
and kids mode, the titles they have seen, the titles they put on any chat's list, and the groups
that know them as members (with whether they joined or left tonight's watchers).
"""

from __future__ import annotations

import asyncio
import secrets
from datetime import UTC, datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks, conversation
from bot.handlers.common import edit, reply, snapshot
from bot.state import Context
from bot.text import questions as words
from bot.text import render
from bot.text.i18n import N_, _, language, ngettext, number
from core.userdata.feedback import DISLIKE, LIKE

COMMANDS = [
    ("mydata", N_("what I keep about you")),
    ("forget", N_("delete all I keep about you")),
]
SHOWN = 10  # titles of each kind listed by /mydata
LANGUAGE_NAMES = {"en": N_("English"), "es": N_("Spanish")}


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
    signals = await asyncio.to_thread(context.bot_data.feedback.signals_of, user_id)
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
    record = await asyncio.to_thread(context.bot_data.together.of_person, user_id)
    lines += together_lines(snap, record)
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


def together_lines(snap, record) -> list[str]:
    """Watching together: their platforms and kids mode, seen titles, list entries, groups."""
    lines = []
    if record.platforms:
        names = ", ".join(render.platform_name(p) for p in sorted(record.platforms))
        lines.append(_("Your platforms: {platforms}.").format(platforms=render.esc(names)))
    if record.kids:
        lines.append(_("Kids mode is on in our chat."))
    if record.seen:
        lines.append(
            ngettext("✓ Seen ({n}): {titles}", "✓ Seen ({n}): {titles}", len(record.seen)).format(
                n=number(len(record.seen)), titles=titles_line(snap, record.seen)
            )
        )
    if record.added:
        lines.append(
            ngettext(
                "➕ {n} title you put on a list: {titles}",
                "➕ {n} titles you put on lists: {titles}",
                len(record.added),
            ).format(n=number(len(record.added)), titles=titles_line(snap, [t for _chat, t in record.added]))
        )
    for group in record.memberships:
        name = render.esc(group.chat_name) if group.chat_name else _("a group")
        if group.watching is True:
            text = _(
                "In {group}: your name, when you last spoke to me, and that you joined tonight's watchers."
            )
        elif group.watching is False:
            text = _(
                "In {group}: your name, when you last spoke to me, and that you are not watching tonight."
            )
        else:
            text = _("In {group}: your name and when you last spoke to me (for its watchers).")
        lines.append(text.format(group=name))
    return lines


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
        "Delete everything I keep about you: your ratings, your subscriptions in this chat, our "
        "conversation, your platforms, the titles you have seen, the titles you put on lists and "
        "what groups know of you? /mydata shows it all. Nothing goes until you tap."
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
    ratings = await asyncio.to_thread(context.bot_data.feedback.forget, user_id)
    together = await asyncio.to_thread(context.bot_data.together.forget_person, user_id)
    subscriptions = 0
    if chat.type == ChatType.PRIVATE:  # a group's subscriptions belong to the group
        subscriptions = await asyncio.to_thread(context.bot_data.subscriptions.forget, chat.id)
    parts = [
        ngettext("{n} rating", "{n} ratings", ratings).format(n=number(ratings)),
        ngettext("{n} subscription", "{n} subscriptions", subscriptions).format(n=number(subscriptions)),
        ngettext("{n} seen title", "{n} seen titles", together.seen).format(n=number(together.seen)),
        ngettext("{n} title on lists", "{n} titles on lists", together.added).format(
            n=number(together.added)
        ),
        ngettext("{n} group membership", "{n} group memberships", together.memberships).format(
            n=number(together.memberships)
        ),
    ]
    if together.settings:
        parts.append(_("your platforms"))
    return _("Done: I deleted everything I kept about you ({what}).").format(what=", ".join(parts))


HANDLERS = [
    CommandHandler(["mydata", "misdatos"], mydata),
    CommandHandler(["forget", "olvidar"], forget),
    CallbackQueryHandler(forget_tapped, pattern=callbacks.Forget.pattern),
]
