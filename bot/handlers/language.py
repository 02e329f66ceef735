"""The language each update is answered in, decided once before any handler runs (group -2).

The decision is ``core.understanding.language``'s (the snapshot's ``Understanding.language``
reads the message without the title it names); this module only gathers what it weighs:

- a button speaks the language of the message under it (``callbacks.language_of``); an old
  button without one is read like a message that tells nothing;
- a message or a command: its own language when clear; else, in a private chat, the language
  the bot last answered in there (kept with the chat's subscriptions, served from memory:
  ``bot.languages``); else the user's app (``language_code``); else what it leans
  to ("gracias"); else English. A group's members speak their own languages, so there the
  chat's last language is not the asker's: in a group it is the language the bot last
  answered that member in, within their conversation (``bot.conversation``);
- an inline query: the query, then the user's app (it belongs to no chat).

What the bot answers in, it remembers for the chat, when the update is one it answers: anything
in a private chat, a command or a button anywhere, a group message that mentions the bot or
replies to it (a group's news then speak the language it was last answered in). ``/forget``
erases it with the chat's other data.
"""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.constants import ChatType

from bot import callbacks, conversation
from bot.handlers.common import snapshot
from bot.languages import UNKNOWN
from bot.state import Context
from bot.text import i18n
from core.understanding.language import NOTHING, Said, choose


async def decide(update: Update, context: Context) -> None:
    """Group -2 handler: speak the update's language for the rest of its handling."""
    i18n.set_language(await reply_language(update, context))


async def reply_language(update: Update, context: Context) -> str:
    user = update.effective_user
    app_code = user.language_code if user is not None else None
    query = update.callback_query
    button = callbacks.language_of(query.data) if query is not None else None
    if update.inline_query is not None:
        return choose(_said(context, update.inline_query.query), None, app_code)
    chat = update.effective_chat
    if chat is None:  # a poll answer: no chat, no words
        return choose(NOTHING, None, app_code)
    remembered = context.bot_data.subscriptions  # a bot.languages.Languages
    spoken = remembered.known(chat.id)  # from memory
    if spoken is UNKNOWN:  # not in memory (PostgreSQL: every update): one read, off the event loop
        spoken = await asyncio.to_thread(remembered.language_of, chat.id)
    if button is not None:
        decided = button
    else:
        message = update.effective_message
        text = (message.text or message.caption or "") if query is None and message is not None else ""
        private = chat.type == ChatType.PRIVATE
        # In a group, the member's own conversation (bot/conversation.py) says what they speak.
        earlier = spoken if private else conversation.frame().language
        decided = choose(_said(context, text), earlier, app_code)
    if decided != spoken and _answered(update, context):
        remembered.remember_language(chat.id, decided)  # in memory now, in the file soon
    return decided


def _said(context: Context, text: str) -> Said:
    text = (text or "").strip()
    return snapshot(context).understanding.language(text) if text else NOTHING


def _answered(update: Update, context: Context) -> bool:
    """Whether the bot answers this update, so that its language becomes the chat's: a group's
    chatter among its members does not."""
    if update.callback_query is not None or update.effective_chat.type == ChatType.PRIVATE:
        return True
    message = update.effective_message
    if message is None:
        return False
    text = message.text or message.caption or ""
    if text.startswith("/"):
        return True
    # In a group the bot speaks when spoken to (bot/handlers/chat.py): a mention or a reply.
    username = (context.bot.username or "").lower()
    replied = message.reply_to_message
    return bool(username and f"@{username}" in text.lower()) or (
        replied is not None and replied.from_user is not None and replied.from_user.id == context.bot.id
    )
