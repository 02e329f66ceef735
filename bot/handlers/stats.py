"""/stats <platform>: a chart of the catalogue, rendered off the event loop and cached."""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import CommandHandler, ContextTypes

from bot.args import parse
from bot.handlers.common import friendly, snapshot
from bot.render import esc
from core import charts, genres

COMMANDS = [("stats", "a chart of a platform's catalogue: /stats netflix")]


@friendly("/stats netflix")
async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    p = parse(context.args)
    platform = p.platform or (" ".join(p.rest) or None)  # an unknown name gets core's friendly error
    cat = snapshot(context).catalogue
    # Both cost tens of milliseconds of pandas and matplotlib: keep them off the event loop.
    summary = await asyncio.to_thread(charts.platform_stats_summary, cat, platform)
    await update.effective_chat.send_action(ChatAction.UPLOAD_PHOTO)
    png = await asyncio.to_thread(charts.platform_stats_png, cat, platform)
    top = ", ".join(genres.name(g) for g, _ in summary["top_genres"][:3])
    caption = (
        f"<b>{esc(summary['name'])}</b>: {summary['total']:,} titles "
        f"({summary['counts'].get('movie', 0):,} movies, {summary['counts'].get('tv show', 0):,} shows). "
        f"Top genres: {esc(top)}."
    )
    await update.effective_message.reply_photo(png, caption=caption)


HANDLERS = [CommandHandler(["stats", "estadisticas"], stats)]
