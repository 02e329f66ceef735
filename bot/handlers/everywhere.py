"""The "All platforms" button under a list the chat's platforms limited (``bot.handlers.limits``):
the same answer again without them, edited in place; kids mode and seen titles still hold, and
its "More" pages on without the chat's platforms too."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler

from bot import callbacks
from bot.handlers import card, catalogue, catalogue_answers, foryou, recommend
from bot.handlers.common import edit, ratings_of, snapshot
from bot.handlers.limits import Redo, in_private, remember, viewer_of
from bot.state import Context
from bot.text import render
from bot.text.i18n import _


async def all_platforms_button(update: Update, context: Context) -> None:
    """ "All platforms" under a limited list: the same answer without the chat's platforms."""
    query = update.callback_query
    redo = context.bot_data.listings.recall(callbacks.AllPlatforms.parse(query.data).token)
    if not isinstance(redo, Redo) or redo.kind not in REDO:
        await query.answer(_("This button has expired."))
        return
    await query.answer()
    viewer = (await viewer_of(update, context)).everywhere()
    text, keyboard = await REDO[redo.kind](update, context, viewer, *redo.args)
    await edit(query, text, keyboard)


async def _suggestions(update, context, viewer, title_id, start, platform, filters):
    ratings = await ratings_of(update, context)
    text, keyboard = recommend.suggestion_page(
        snapshot(context), title_id, start, platform, ratings, recommend.serving(context), filters,
        viewer, in_private(update),
    )  # fmt: skip
    following = Redo("recommend", (title_id, start + render.PAGE, platform, filters))
    return text, _more_everywhere(keyboard, context, following)


def _more_everywhere(keyboard: InlineKeyboardMarkup | None, context, following: Redo | None):
    """The page's "More like this", "Show them" or "More" turned into the next page without
    the chat's platforms too."""
    labels = {_("More like this"), _("Show them"), _("More")}
    buttons = [b for row in keyboard.inline_keyboard for b in row] if keyboard is not None else []
    if following is None or not any(b.text in labels and b.callback_data for b in buttons):
        return keyboard
    data = callbacks.AllPlatforms(remember(context, following)).encode()
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(b.text, callback_data=data)
                if b.text in labels and b.callback_data
                else b
                for b in row
            ]
            for row in keyboard.inline_keyboard
        ]
    )


async def _question(update, context, viewer, q):
    return _listed(update, context, catalogue_answers.question_reply(snapshot(context), q, viewer))


async def _listing(update, context, viewer, f, start):
    return _listed(update, context, catalogue_answers.continued(snapshot(context), f, start, viewer))


def _listed(update, context, found):
    """A list given without the chat's platforms, its "Show them"/"More" paging on without them."""
    text, keyboard = catalogue.noted(context, found, None, in_private(update))
    following = Redo("listing", (found.listing, found.shown)) if found.listing is not None else None
    return text, _more_everywhere(keyboard, context, following)


async def _card(update, context, viewer, title_id):
    snap = snapshot(context)
    if snap.title(title_id) is None:
        return _("That title is no longer in the catalogue."), None
    return card.card_page(snap, title_id, context.bot_data.reranker, not in_private(update), viewer)


async def _foryou(update, context, viewer, platform):
    ratings = await foryou.ratings_of_user(update, context)
    return foryou.picks_page(
        snapshot(context), context.bot_data.reranker, ratings, platform, viewer, in_private(update)
    )


# Each answer "All platforms" gives again: (update, context, viewer, *Redo.args) -> (text, keyboard).
REDO = {
    "recommend": _suggestions, "question": _question, "listing": _listing, "card": _card, "foryou": _foryou,
}  # fmt: skip

HANDLERS = [CallbackQueryHandler(all_platforms_button, pattern=callbacks.AllPlatforms.pattern)]
