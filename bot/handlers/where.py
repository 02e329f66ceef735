"""/where <title>: which platforms carry it, the question an aggregator exists for."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler, ContextTypes

from bot import render
from bot.handlers.common import find_titles, reply, snapshot, text_of

COMMANDS = [("where", "which platforms carry a title: /where the office")]
MAX_CANDIDATES = 10


def is_edition(title: str, best: str) -> bool:
    """The same name, or it with a qualifier: "The Office (U.K.)" is an edition of "The Office"."""
    title, best = title.lower(), best.lower().split(" (")[0]
    return title == best or title.startswith(best + " (")


async def where(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    text = text_of(context)
    if not text:
        await reply(update, "Which title? e.g. <code>/where the office</code>")
        return
    snap = snapshot(context)
    matches = find_titles(snap, text, limit=MAX_CANDIDATES)
    if not matches:
        await reply(update, render.not_found(text, "where"))
        return
    editions = [m for m in matches if is_edition(m.title, matches[0].title)]
    found = [(snap.title(m.id), list(m.platforms or [m.platform])) for m in editions]
    await reply(update, render.where(found))


HANDLERS = [CommandHandler(["where", "donde"], where)]
