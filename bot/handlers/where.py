"""/where <title>: which platforms carry it, the question an aggregator exists for."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler, ContextTypes

from bot import render
from bot.handlers.common import reply, snapshot, text_of, titles_or_explain
from bot.i18n import N_

COMMANDS = [("where", N_("which platforms carry a title: /where the office"))]
MAX_CANDIDATES = 10


def is_edition(title: str, best: str) -> bool:
    """The same name, or it with a qualifier: "The Office (U.K.)" is an edition of "The Office"."""
    title, best = title.lower(), best.lower().split(" (")[0]
    return title == best or title.startswith(best + " (")


async def where(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    snap = snapshot(context)
    matches = await titles_or_explain(update, snap, text_of(context), "where", limit=MAX_CANDIDATES)
    if not matches:
        return
    editions = [m for m in matches if is_edition(m.title, matches[0].title)]
    found = [(snap.title(m.id), list(m.platforms or [m.platform])) for m in editions]
    await reply(update, render.where(found))


HANDLERS = [CommandHandler(["where", "donde"], where)]
