"""A title's card: a message that is just a title, or /title <title>. What it is, who made
it, where it streams since when, what it is about, and a few titles like it."""

from __future__ import annotations

from collections.abc import Callable

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks, conversation
from bot.handlers.common import answer_title, answer_title_button, command_question
from bot.handlers.limits import Redo, remember, viewer_of, with_note
from bot.state import Context
from bot.text import card as card_text
from bot.text.i18n import N_
from core.card import card_of
from core.personal.reranker import Reranker
from core.questions.filters import Filters
from core.questions.viewer import Viewer, limited
from core.snapshot.store import Snapshot
from core.suggest import suggest
from core.understanding import Question

COMMANDS = [("title", N_("a title's card: where it streams, what it is about: /title moana"))]


def card_page(
    snap: Snapshot,
    title_id: str,
    model: Reranker,
    group: bool = False,
    viewer: Viewer | None = None,
    remember: Callable[[Redo], str] | None = None,
):
    """The card's text and keyboard; its suggestions are /recommend's first ones, within the
    chat's limits (``viewer``: said in one line, "All platforms" when ``remember`` keeps the
    card), and its platform line marks the chat's platforms; ``group``: its list button says
    "Our list", not "My list"."""
    title = snap.title(title_id)
    viewer = viewer or Viewer()
    chosen = limited(Filters(), viewer, snap.copies)
    recs = suggest(snap, model, title_id, card_text.CARD_SUGGESTIONS, filters=chosen.filters)
    conversation.showed([r.id for r in recs], beside=True)  # "the second one" after a card: its suggestions
    mine = viewer.platforms if viewer.limits_platforms else frozenset()
    text = card_text.title_card(
        title, snap.platforms_of(title_id), recs, card_of(snap, title_id), mine, snap.suggestions_in()
    )
    keyboard = card_text.card_keyboard(title_id, title["display_title"], group)
    token = remember(Redo("card", (title_id,))) if remember and chosen.note and recs else None
    return with_note(text, keyboard, chosen, token, not group) if recs else (text, keyboard)


def card(context: Context, update: Update | None = None):
    """The card as a title page (``bot.handlers.common.TitlePage``)."""
    chat = update.effective_chat if update is not None else None
    group = chat is not None and chat.type != ChatType.PRIVATE

    async def page(snap: Snapshot, title_id: str):
        viewer = await viewer_of(update, context) if update is not None else None
        return card_page(
            snap, title_id, context.bot_data.reranker, group, viewer, lambda redo: remember(context, redo)
        )

    return page


async def answer(update: Update, context: Context, q: Question) -> None:
    await answer_title(update, context, q, "title", card(context, update))


async def title_command(update: Update, context: Context) -> None:
    q = await command_question(update, context, "title", "title")
    if q is not None:
        await answer(update, context, q)


async def card_button(update: Update, context: Context) -> None:
    """A "did you mean" choice for a title typed alone: the question becomes the card."""
    await answer_title_button(update, context, card(context, update))


HANDLERS = [
    CommandHandler(["title", "titulo"], title_command),
    CallbackQueryHandler(card_button, pattern=callbacks.Card.pattern),
]
