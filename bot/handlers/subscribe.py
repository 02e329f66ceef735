"""/subscribe <platform> and /unsubscribe: a chat hears about new titles after a refresh."""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.ext import CommandHandler

from bot.handlers.common import friendly, reply, text_of
from bot.state import Context
from bot.text.i18n import N_, _, language
from bot.text.render import PLATFORM_NAMES, esc, platform_name
from core.catalogue import arguments
from core.catalogue.arguments import ALL_PLATFORMS

COMMANDS = [
    ("subscribe", N_("hear about new titles: /subscribe netflix")),
    ("unsubscribe", N_("stop hearing about new titles: /unsubscribe netflix")),
]


def _platforms(text: str) -> list[str]:
    if text.lower() in ALL_PLATFORMS:
        return list(PLATFORM_NAMES)
    return [arguments.platform(text)]


def _names(platforms) -> str:
    return ", ".join(platform_name(p) for p in platforms) or _("nothing yet")


@friendly(N_("/subscribe netflix"))
async def subscribe(update: Update, context: Context) -> None:
    subscriptions = context.bot_data.subscriptions
    chat_id = update.effective_chat.id
    text = text_of(context)
    if not text:
        await reply(
            update,
            _(
                "This chat follows: {platforms}.\n"
                "Add a platform with <code>/subscribe netflix</code> (or <code>all</code>); "
                "I write here when a catalogue refresh brings new titles."
            ).format(platforms=esc(_names(subscriptions.of_chat(chat_id)))),
        )
        return
    for platform in _platforms(text):
        # A committed SQLite write waits for the disk: never on the event loop. The chat's
        # language is kept for the news, which is written outside any update.
        await asyncio.to_thread(subscriptions.add, chat_id, platform, language())
    await reply(
        update,
        _(
            "Subscribed. This chat follows: {platforms}. "
            "New titles are announced after each catalogue refresh; <code>/unsubscribe</code> stops it."
        ).format(platforms=esc(_names(subscriptions.of_chat(chat_id)))),
    )


@friendly(N_("/unsubscribe netflix"))
async def unsubscribe(update: Update, context: Context) -> None:
    subscriptions = context.bot_data.subscriptions
    chat_id = update.effective_chat.id
    text = text_of(context)
    platforms = [None] if not text or text.lower() in ALL_PLATFORMS else _platforms(text)
    ended = sum([await asyncio.to_thread(subscriptions.remove, chat_id, p, language()) for p in platforms])
    left = subscriptions.of_chat(chat_id)
    if not ended:
        await reply(
            update, _("Nothing to stop: this chat follows {platforms}.").format(platforms=esc(_names(left)))
        )
        return
    await reply(update, _("Done. This chat follows: {platforms}.").format(platforms=esc(_names(left))))


HANDLERS = [
    CommandHandler(["subscribe", "suscribir"], subscribe),
    CommandHandler(["unsubscribe", "desuscribir"], unsubscribe),
]
