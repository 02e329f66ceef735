"""/where <title>: which platforms carry it, the question an aggregator exists for."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import render
from bot.handlers.common import button_query, command_question, confident_title, edit, reply, snapshot
from bot.i18n import N_
from bot.state import Context
from core.store import Snapshot
from core.understanding import Question

COMMANDS = [("where", N_("which platforms carry a title: /where the office"))]


def is_edition(title: str, best: str) -> bool:
    """The same name, or it with a qualifier: "The Office (U.K.)" is an edition of "The Office"."""
    title, best = title.lower(), best.lower().split(" (")[0]
    return title == best or title.startswith(best + " (")


def where_text(snap: Snapshot, best, matches=()) -> str:
    """Where ``best`` streams, with the other editions of the same name among ``matches``."""
    editions = [best] + [m for m in matches if m.id != best.id and is_edition(m.title, best.title)]
    return render.where([(snap.title(m.id), snap.platforms_of(m.id)) for m in editions])


async def answer(update: Update, context: Context, q: Question) -> None:
    best = await confident_title(update, q, "where")
    if best is not None:
        await reply(update, where_text(snapshot(context), best, q.matches))


async def where(update: Update, context: Context) -> None:
    q = await command_question(update, context, "where", "where")
    if q is not None:
        await answer(update, context, q)


async def where_button(update: Update, context: Context) -> None:
    """A "did you mean" choice for /where: the question becomes the answer."""
    found = await button_query(update, context)
    if found is not None:
        snap, title = found
        await edit(update.callback_query, render.where([(title, snap.platforms_of(title["id"]))]), None)


HANDLERS = [
    CommandHandler(["where", "donde"], where),
    CallbackQueryHandler(where_button, pattern=r"where:[a-z]\w{1,40}(:(en|es))?\Z"),
]
