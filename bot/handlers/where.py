"""/where <title>: which platforms carry it, the question an aggregator exists for."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks
from bot.handlers.common import answer_title, answer_title_button, command_question
from bot.handlers.limits import platforms_of_chat
from bot.state import Context
from bot.text import render
from bot.text.i18n import N_
from core.snapshot.store import Snapshot
from core.understanding import Question

COMMANDS = [("where", N_("which platforms carry a title: /where the office"))]


def is_edition(title: str, best: str) -> bool:
    """The same name, or it with a qualifier: "The Office (U.K.)" is an edition of "The Office"."""
    title, best = title.lower(), best.lower().split(" (")[0]
    return title == best or title.startswith(best + " (")


def where_text(snap: Snapshot, title_id: str, matches=(), mine=frozenset()) -> str:
    """Where the title streams, with the other editions of the same name among ``matches``;
    never limited to the chat's platforms (a fact about the catalogues), but ``mine`` marked."""
    best = snap.title(title_id)
    editions = [title_id] + [
        m.id for m in matches if m.id != title_id and is_edition(m.title, best["display_title"])
    ]
    return render.where([(snap.title(i), snap.platforms_of(i)) for i in editions], mine)


async def answer(update: Update, context: Context, q: Question) -> None:
    async def page(snap: Snapshot, title_id: str):
        return where_text(snap, title_id, q.matches, await platforms_of_chat(update, context)), None

    await answer_title(update, context, q, "where", page)


async def where(update: Update, context: Context) -> None:
    q = await command_question(update, context, "where", "where")
    if q is not None:
        await answer(update, context, q)


async def where_button(update: Update, context: Context) -> None:
    """A "did you mean" choice for /where: the question becomes the answer."""

    async def page(snap: Snapshot, title_id: str):
        return where_text(snap, title_id, mine=await platforms_of_chat(update, context)), None

    await answer_title_button(update, context, page)


HANDLERS = [
    CommandHandler(["where", "donde"], where),
    CallbackQueryHandler(where_button, pattern=callbacks.Where.pattern),
]
