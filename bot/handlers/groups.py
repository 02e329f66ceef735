"""/poll <title>: a native poll "What do we watch?" with the title and four like it."""

from __future__ import annotations

from telegram import Update
from telegram.constants import PollLimit
from telegram.ext import CommandHandler, ContextTypes

from bot import render
from bot.handlers.common import reply, snapshot, text_of, titles_or_explain

COMMANDS = [("poll", "let a group vote: /poll toy story")]
QUESTION = "What do we watch?"


def option(title: str, year: int, platforms) -> str:
    text = f"{title} ({year}) · {render.platforms_text(platforms)}"
    limit = PollLimit.MAX_OPTION_LENGTH
    return text if len(text) <= limit else text[: limit - 1] + "…"


async def poll(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    snap = snapshot(context)
    matches = await titles_or_explain(update, snap, text_of(context), "poll")
    if not matches:
        return
    best = matches[0]
    if not snap.recommender.is_confident(matches):
        await reply(
            update,
            f"I'm not sure which title you mean. Try the full title, e.g. "
            f"<code>/poll {render.esc(best.title.lower())}</code>",
        )
        return
    options = [option(best.title, best.release_year, best.platforms or [best.platform])]
    for rec in snap.recommender.recommend(best.id, k=4):
        options.append(option(rec.title, rec.release_year, rec.platforms or [rec.platform]))
    if len(options) < 2:  # Telegram refuses a poll with one option
        await reply(update, f"I found nothing to put beside {render.esc(best.title)}. Try another title.")
        return
    await update.effective_message.reply_poll(QUESTION, options, is_anonymous=False, do_quote=True)


HANDLERS = [CommandHandler(["poll", "encuesta"], poll)]
