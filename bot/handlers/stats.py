"""/stats <platform>: a chart of the catalogue, rendered off the event loop and cached."""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import CommandHandler, ContextTypes

from bot.args import parse
from bot.handlers.common import friendly, snapshot
from bot.i18n import N_, _
from bot.render import esc, genre, movies_count, platform_name, shows_count, titles_count
from core import charts

COMMANDS = [("stats", N_("a chart of a platform's catalogue: /stats netflix"))]


@friendly(N_("/stats netflix"))
async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    p = parse(context.args)
    platform = p.platform or (" ".join(p.rest) or None)  # an unknown name gets core's friendly error
    cat = snapshot(context).catalogue
    # Both cost tens of milliseconds of pandas and matplotlib: keep them off the event loop.
    summary = await asyncio.to_thread(charts.platform_stats_summary, cat, platform)
    await update.effective_chat.send_action(ChatAction.UPLOAD_PHOTO)
    png = await asyncio.to_thread(charts.platform_stats_png, cat, platform)
    name = _("All platforms") if summary["platform"] == "all" else platform_name(summary["platform"])
    caption = _("<b>{platform}</b>: {titles} ({movies}, {shows}). Top genres: {genres}.").format(
        platform=esc(name),
        titles=titles_count(summary["total"]),
        movies=movies_count(summary["counts"].get("movie", 0)),
        shows=shows_count(summary["counts"].get("tv show", 0)),
        genres=esc(", ".join(genre(g) for g, _n in summary["top_genres"][:3])),
    )
    await update.effective_message.reply_photo(png, caption=caption)


HANDLERS = [CommandHandler(["stats", "estadisticas"], stats)]
