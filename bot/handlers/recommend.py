"""/recommend <title>: resolve the title, suggest five like it; buttons page and filter."""

from __future__ import annotations

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler, CommandHandler, ContextTypes

from bot import render
from bot.handlers.common import reply, snapshot, text_of, titles_or_explain
from bot.i18n import N_, _, untagged
from core.store import Snapshot

COMMANDS = [("recommend", N_("titles like one you love: /recommend toy story"))]


def suggestion_page(snap: Snapshot, title_id: str, start: int, platform: str | None):
    """The message text and keyboard for suggestions ``start``..``start+5`` like ``title_id``."""
    source = snap.title(title_id)
    if source is None:
        return _("That title is no longer in the catalogue. Try /recommend again."), None
    recs = snap.recommender.recommend(title_id, k=start + render.PAGE + 1, platform=platform)
    page, more = recs[start : start + render.PAGE], len(recs) > start + render.PAGE
    titles = [snap.title(r.id) for r in page]
    text = render.suggestions(source, snap.platforms_of(title_id), page, titles, start, platform)
    keyboard = render.suggestion_keyboard(title_id, source["display_title"], start, platform, more)
    return text, keyboard


async def recommend_title(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
    snap = snapshot(context)
    matches = await titles_or_explain(update, snap, text, "recommend")
    if not matches:
        return
    if not snap.recommender.is_confident(matches):
        message, keyboard = render.did_you_mean(text, matches)
        await reply(update, message, reply_markup=keyboard)
        return
    message, keyboard = suggestion_page(snap, matches[0].id, 0, None)
    await reply(update, message, reply_markup=keyboard)


async def recommend_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await recommend_title(update, context, text_of(context))


async def pick_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A "did you mean" choice: the question turns into the suggestions."""
    query = update.callback_query
    await query.answer()
    title_id = untagged(query.data).split(":", 1)[1]
    message, keyboard = suggestion_page(snapshot(context), title_id, 0, None)
    await edit(query, message, keyboard)


async def more_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """ "More like this" and "Only on <platform>": data is more:<id>:<start>:<platform or empty>
    (and the language, see ``bot.i18n.callback_data``)."""
    query = update.callback_query
    title_id, start, platform = untagged(query.data).split(":", 3)[1:]
    await query.answer()
    message, keyboard = suggestion_page(snapshot(context), title_id, int(start), platform or None)
    await edit(query, message, keyboard)


async def edit(query, message: str, keyboard) -> None:
    try:
        await query.edit_message_text(message, reply_markup=keyboard)
    except BadRequest as exc:
        # A double tap asks for the page already shown; Telegram refuses an identical edit.
        if "not modified" not in str(exc).lower():
            raise


HANDLERS = [
    CommandHandler(["recommend", "recomendar"], recommend_command),
    CallbackQueryHandler(pick_button, pattern=r"^pick:[a-z]\w{1,40}(:(en|es))?$"),
    CallbackQueryHandler(more_button, pattern=r"^more:[a-z]\w{1,40}:\d{1,3}:[a-z]*(:(en|es))?$"),
]
