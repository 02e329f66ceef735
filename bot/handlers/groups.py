"""/poll <title>: a native poll "What do we watch?" with the title and four like it."""

from __future__ import annotations

from telegram import Update
from telegram.constants import PollLimit
from telegram.ext import CommandHandler, ContextTypes

from bot import render
from bot.handlers.common import reply, snapshot, text_of, titles_or_explain
from bot.i18n import N_, _

COMMANDS = [("poll", N_("let a group vote: /poll toy story"))]
QUESTION = N_("What do we watch?")


def option(title: str, year: int, platforms) -> str:
    """A poll option, escaped: python-telegram-bot sends options with the default HTML parse
    mode, so "Turner & Hooch" must go out as "Turner &amp; Hooch". The limit counts the
    visible text, so it is cut before escaping."""
    text = f"{title} ({year}) · {render.platforms_text(platforms)}"
    limit = PollLimit.MAX_OPTION_LENGTH
    return render.esc(text if len(text) <= limit else text[: limit - 1] + "…")


async def poll(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    snap = snapshot(context)
    matches = await titles_or_explain(update, snap, text_of(context), "poll")
    if not matches:
        return
    best = matches[0]
    if not snap.recommender.is_confident(matches):
        await reply(
            update,
            _(
                "I'm not sure which title you mean. Try the full title, e.g. <code>/poll {title}</code>"
            ).format(title=render.esc(best.title.lower())),
        )
        return
    options = [option(best.title, best.release_year, best.platforms or [best.platform])]
    for rec in snap.recommender.recommend(best.id, k=4):
        options.append(option(rec.title, rec.release_year, rec.platforms or [rec.platform]))
    if len(options) < 2:  # Telegram refuses a poll with one option
        await reply(
            update,
            _("I found nothing to put beside {title}. Try another title.").format(
                title=render.esc(best.title)
            ),
        )
        return
    await update.effective_message.reply_poll(_(QUESTION), options, is_anonymous=False, do_quote=True)


HANDLERS = [CommandHandler(["poll", "encuesta"], poll)]
