"""What a chat may be suggested, read once per answer: its platforms and kids mode (/platforms)
and the titles its watchers have seen (``core.questions.viewer`` decides what that does to a
list). An answer the chat's platforms limited says so in one line, with an "All platforms"
button that gives it again without them (``bot.handlers.platforms``)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType

from bot import callbacks
from bot.state import Context
from bot.text.i18n import _
from bot.text.render import esc, platform_name
from core.catalogue.platforms import PLATFORMS
from core.questions.viewer import Limited, Viewer


@dataclass(frozen=True)
class Redo:
    """An answer to give again without the chat's platforms: ``kind`` names its page
    (``bot.handlers.platforms.REDO``), ``args`` what it needs (a question, a title id)."""

    kind: str
    args: tuple


def in_private(update: Update) -> bool:
    chat = update.effective_chat
    return chat is None or chat.type == ChatType.PRIVATE


async def viewer_of(update: Update, context: Context) -> Viewer:
    """The chat's limits: in a private chat, the person's platforms and what they have seen; in
    a group, the group's platforms and what tonight's watchers and the asker have seen."""
    chat, user = update.effective_chat, update.effective_user
    together = context.bot_data.together
    if chat is None or together is None:
        return Viewer()
    return await asyncio.to_thread(
        _read_viewer, together, chat.id, user.id if user else None, in_private(update)
    )


def _read_viewer(together, chat_id: int, user_id: int | None, private: bool) -> Viewer:
    settings = together.settings_of(chat_id)
    people = [] if private else [member.user_id for member in together.watchers(chat_id)]
    if user_id is not None:
        people.append(user_id)
    return Viewer(settings.platforms, settings.kids, frozenset(together.seen_by(people)))


async def platforms_of_chat(update: Update, context: Context) -> frozenset[str]:
    """The chat's platforms, to mark them in where-to-watch answers (empty: none set)."""
    chat, together = update.effective_chat, context.bot_data.together
    if chat is None or together is None:
        return frozenset()
    settings = await asyncio.to_thread(together.settings_of, chat.id)
    return settings.platforms if set(settings.platforms) != set(PLATFORMS) else frozenset()


def names(platforms) -> str:
    return ", ".join(platform_name(p) for p in PLATFORMS if p in platforms)


def note_line(found: Limited, private: bool) -> str:
    """ "On your platforms: Netflix, Disney+." and/or "Kids mode: titles for children only.";
    "" when nothing limited the list."""
    parts = []
    if found.note:
        template = (
            _("On your platforms: {platforms}.") if private else _("On this group's platforms: {platforms}.")
        )
        parts.append(template.format(platforms=esc(names(found.note))))
    if found.kids:
        parts.append(_("Kids mode: titles for children only."))
    return " ".join(parts)


def with_note(
    text: str, keyboard: InlineKeyboardMarkup | None, found: Limited, token: str | None, private: bool
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The answer with its one-line note, and "All platforms" (``token``: its ``Redo``) when the
    chat's platforms limited it."""
    if not found.noted:
        return text, keyboard
    text = f"{text}\n\n<i>{note_line(found, private)}</i>"
    if not found.note or token is None:
        return text, keyboard
    button = InlineKeyboardButton(_("All platforms"), callback_data=callbacks.AllPlatforms(token).encode())
    rows = list(keyboard.inline_keyboard) if keyboard is not None else []
    return text, InlineKeyboardMarkup([*rows, [button]])


def remember(context: Context, redo: Redo) -> str:
    """The token an "All platforms" button carries for ``redo``."""
    return context.bot_data.listings.remember(redo)
