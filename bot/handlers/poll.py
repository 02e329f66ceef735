"""/poll <title>: a native poll "What do we watch?" with the title and four like it."""

from __future__ import annotations

from telegram import Update
from telegram.constants import PollLimit
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks
from bot.handlers.common import button_query, command_question, confident_title, reply, snapshot
from bot.state import Context
from bot.text import render
from bot.text.i18n import N_, _
from core.personal.reranker import Reranker
from core.snapshot.store import Snapshot
from core.suggest import suggest

COMMANDS = [("poll", N_("let a group vote: /poll toy story"))]
QUESTION = N_("What do we watch?")
OTHERS = 4  # titles beside the one asked for


def option(title: str, year: int, platforms) -> str:
    """A poll option, escaped: python-telegram-bot sends options with the default HTML parse
    mode, so "Turner & Hooch" must go out as "Turner &amp; Hooch". The limit counts the
    visible text, so it is cut before escaping."""
    text = f"{title} ({year}) · {render.platforms_text(platforms)}"
    limit = PollLimit.MAX_OPTION_LENGTH
    return render.esc(text if len(text) <= limit else text[: limit - 1] + "…")


def poll_options(snap: Snapshot, title_id: str, model: Reranker) -> list[str]:
    """The title and four like it, /recommend's first four."""
    best = snap.title(title_id)
    options = [option(best["display_title"], best["release_year"], snap.platforms_of(title_id))]
    for rec in suggest(snap, model, title_id, OTHERS):
        options.append(option(rec.title, rec.release_year, rec.platforms or [rec.platform]))
    return options


async def send_poll(update: Update, snap: Snapshot, title_id: str, model: Reranker) -> None:
    """The poll: the title and four like it (a reply saying so when nothing is like it)."""
    best = snap.title(title_id)
    options = poll_options(snap, title_id, model)
    if len(options) < 2:  # Telegram refuses a poll with one option
        text = _("I found nothing to put beside {title}. Try another title.")
        await reply(update, text.format(title=render.esc(best["display_title"])))
        return
    await update.effective_message.reply_poll(_(QUESTION), options, is_anonymous=False, do_quote=True)


async def poll(update: Update, context: Context) -> None:
    q = await command_question(update, context, "title", "poll")
    if q is None:
        return
    best = await confident_title(update, q, "poll")
    if best is not None:
        await send_poll(update, snapshot(context), best.id, context.bot_data.reranker)


async def poll_button(update: Update, context: Context) -> None:
    """A "did you mean" choice for /poll: the poll goes out under the question."""
    found = await button_query(update, context)
    if found is not None and update.effective_message is not None:
        snap, title = found
        await send_poll(update, snap, title["id"], context.bot_data.reranker)


HANDLERS = [
    CommandHandler(["poll", "encuesta"], poll),
    CallbackQueryHandler(poll_button, pattern=callbacks.Poll.pattern),
]
