"""A title's card: a message that is just a title, or /title <title>. Where it streams,
what it is about, and a few titles like it."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks
from bot.handlers.common import answer_title, answer_title_button, command_question
from bot.state import Context
from bot.text import render
from bot.text.i18n import N_
from core.snapshot.store import Snapshot
from core.understanding import Question

COMMANDS = [("title", N_("a title's card: where it streams, what it is about: /title moana"))]


async def card(snap: Snapshot, title_id: str):
    """The card's text and keyboard."""
    title = snap.title(title_id)
    recs = snap.recommender.recommend(title_id, k=render.CARD_SUGGESTIONS)
    text = render.title_card(title, snap.platforms_of(title_id), recs)
    return text, render.card_keyboard(title_id, title["display_title"])


async def answer(update: Update, context: Context, q: Question) -> None:
    await answer_title(update, context, q, "title", card)


async def title_command(update: Update, context: Context) -> None:
    q = await command_question(update, context, "title", "title")
    if q is not None:
        await answer(update, context, q)


async def card_button(update: Update, context: Context) -> None:
    """A "did you mean" choice for a title typed alone: the question becomes the card."""
    await answer_title_button(update, context, card)


HANDLERS = [
    CommandHandler(["title", "titulo"], title_command),
    CallbackQueryHandler(card_button, pattern=callbacks.Card.pattern),
]
