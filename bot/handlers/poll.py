"""/poll <title>: a native poll "What do we watch?" with the title and four like it; /poll
alone: up to ten titles of the chat's list (``bot.handlers.watchlist``), those tonight's
watchers can stream and have not seen, best rated first. Its end: ``bot.handlers.poll_result``."""

from __future__ import annotations

from telegram import Update
from telegram.constants import PollLimit
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks
from bot.handlers import watchlist
from bot.handlers.common import button_query, command_question, confident_title, reply, snapshot, text_of
from bot.handlers.poll_result import send_vote
from bot.state import Context
from bot.text import render, votes
from bot.text.i18n import N_, _
from core.personal.reranker import Reranker
from core.snapshot.store import Snapshot
from core.suggest import suggest

COMMANDS = [("poll", N_("let a group vote: /poll toy story, or /poll alone on our list"))]
OTHERS = 4  # titles beside the one asked for
MOST = PollLimit.MAX_OPTION_NUMBER  # 10 options


def option(title: str, year: int, platforms) -> str:
    """A poll option, escaped: python-telegram-bot sends options with the default HTML parse
    mode, so "Turner & Hooch" must go out as "Turner &amp; Hooch". The limit counts the
    visible text, so it is cut before escaping."""
    text = f"{title} ({year}) · {render.platforms_text(platforms)}"
    limit = PollLimit.MAX_OPTION_LENGTH
    return render.esc(text if len(text) <= limit else text[: limit - 1] + "…")


def title_option(snap: Snapshot, title_id: str) -> str:
    title = snap.title(title_id)
    return option(title["display_title"], title["release_year"], snap.platforms_of(title_id))


def poll_titles(snap: Snapshot, title_id: str, model: Reranker) -> list[tuple[str, str]]:
    """(id, option) of the title and four like it, /recommend's first four."""
    titles = [(title_id, title_option(snap, title_id))]
    for rec in suggest(snap, model, title_id, OTHERS):
        titles.append((rec.id, option(rec.title, rec.release_year, rec.platforms or [rec.platform])))
    return titles


def poll_options(snap: Snapshot, title_id: str, model: Reranker) -> list[str]:
    return [text for _id, text in poll_titles(snap, title_id, model)]


async def send_poll(update: Update, context: Context, snap: Snapshot, title_id: str) -> None:
    """The poll: the title and four like it (a reply saying so when nothing is like it)."""
    best = snap.title(title_id)
    titles = poll_titles(snap, title_id, context.bot_data.reranker)
    if len(titles) < 2:  # Telegram refuses a poll with one option
        preparing = snap.suggestions_in()
        if preparing is not None:  # a first start's model is still being built
            await reply(update, render.suggestions_preparing(preparing))
            return
        text = _("I found nothing to put beside {title}. Try another title.")
        await reply(update, text.format(title=render.esc(best["display_title"])))
        return
    await send_vote(update, context, [i for i, _text in titles], [text for _i, text in titles])


async def poll_list(update: Update, context: Context) -> None:
    """/poll alone: the list's titles tonight's watchers can stream and have not seen, best first."""
    found, _watching, _settings = await watchlist.sorted_list(update, context)
    kept = [c.title_id for c in found.kept[:MOST]]
    if len(kept) < 2:
        await reply(update, votes.too_few_for_a_poll(len(kept)))
        return
    snap = snapshot(context)
    await send_vote(update, context, kept, [title_option(snap, i) for i in kept])


async def poll(update: Update, context: Context) -> None:
    if not text_of(context):
        await poll_list(update, context)
        return
    q = await command_question(update, context, "title", "poll")
    if q is None:
        return
    best = await confident_title(update, q, "poll")
    if best is not None:
        await send_poll(update, context, snapshot(context), best.id)


async def poll_button(update: Update, context: Context) -> None:
    """A "did you mean" choice for /poll: the poll goes out under the question."""
    found = await button_query(update, context)
    if found is not None and update.effective_message is not None:
        snap, title = found
        await send_poll(update, context, snap, title["id"])


HANDLERS = [
    CommandHandler(["poll", "encuesta"], poll),
    CallbackQueryHandler(poll_button, pattern=callbacks.Poll.pattern),
]
