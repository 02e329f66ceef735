"""/recommend <title>: resolve the title, suggest five like it; buttons page and filter."""

from __future__ import annotations

from collections.abc import Callable

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks, conversation
from bot.handlers import catalogue
from bot.handlers.common import (
    answer_title,
    answer_title_button,
    command_question,
    edit,
    ratings_of,
    snapshot,
)
from bot.handlers.limits import Redo, in_private, remember, viewer_of, with_note
from bot.state import Context
from bot.text import questions, render
from bot.text.i18n import N_, _
from core.personal.reranker import Reranker
from core.questions.filters import Filters
from core.questions.viewer import Viewer, limited
from core.snapshot.store import Snapshot
from core.suggest import suggest
from core.understanding import Question
from core.understanding.last_resort import picks

COMMANDS = [("recommend", N_("titles like one you love: /recommend toy story"))]


def suggestion_page(
    snap: Snapshot,
    title_id: str,
    start: int,
    platform: str | None,
    ratings: dict | None = None,
    reranker: Reranker | None = None,
    filters: Filters | None = None,
    viewer: Viewer | None = None,
    private: bool = True,
    remember: Callable[[Redo], str] | None = None,
):
    """The message text and keyboard for suggestions ``start``..``start+5`` like ``title_id``;
    ``ratings`` marks the rating buttons with what the user said of each; ``reranker`` orders
    them (the recommender's own order without one); ``filters`` limits them (a typed request's:
    "like coco but funnier", "shows like dark"; the buttons' pages carry none); ``viewer``, the
    chat's limits (its platforms unless ``platform`` is named, kids mode, seen titles), which
    the page then names in one line, with "All platforms" when ``remember`` keeps the page."""
    source = snap.title(title_id)
    if source is None:
        return _("That title is no longer in the catalogue. Try /recommend again."), None
    model = reranker or Reranker.identity()
    asked, viewer = filters or Filters(), viewer or Viewer()
    on = frozenset([platform]) if platform else frozenset()
    chosen = limited(asked.but(platforms=on), viewer, snap.copies)
    # One more than a page: whether there is a next one.
    recs = suggest(
        snap, model, title_id, render.PAGE + 1, platform=platform, start=start, filters=chosen.filters
    )
    scope = unmet = ""
    if not asked.is_empty():
        scope = questions.scope(asked.but(platforms=on), snap.table.people, everywhere=False)
        if not recs and start == 0:  # "more teen shows like it": none is; the closest ones, said so
            recs = _closest(snap, model, title_id, platform, asked, viewer)
            scope, unmet = "", scope
    page, more = recs[: render.PAGE], len(recs) > render.PAGE
    conversation.showed([r.id for r in page], start)  # "the second one", "more" read them next
    titles = [snap.title(r.id) for r in page]
    text = render.suggestions(
        source,
        snap.platforms_of(title_id),
        page,
        titles,
        start,
        platform,
        scope,
        unmet,
        snap.suggestions_in(),
    )
    keyboard = render.suggestion_keyboard(
        title_id, source["display_title"], start, platform, more, rated=[r.id for r in page], ratings=ratings
    )
    token = (
        remember(Redo("recommend", (title_id, start, platform, filters)))
        if remember and chosen.note
        else None
    )
    return with_note(text, keyboard, chosen, token, private)


def _closest(
    snap: Snapshot, model: Reranker, title_id: str, platform: str | None, asked: Filters, viewer: Viewer
) -> list:
    """Suggestions like ``title_id`` with the genres asked for let go, else everything but the
    platform; the chat's limits still hold."""
    on = frozenset([platform]) if platform else frozenset()
    for looser in (asked.but(genres=frozenset(), not_genres=frozenset()), Filters()):
        keep = limited(looser.but(platforms=on), viewer, snap.copies).filters
        recs = suggest(snap, model, title_id, render.PAGE + 1, platform=platform, filters=keep)
        if recs:
            return recs
    return []


def serving(context: Context) -> Reranker:
    return context.bot_data.reranker


def first_page(
    update: Update,
    context: Context,
    platform: str | None = None,
    start: int = 0,
    filters: Filters | None = None,
):
    """Suggestions like a title from ``start`` (0, or further on for "more"), marked with the
    user's ratings, as a title page."""

    async def page(snap: Snapshot, title_id: str):
        ratings = await ratings_of(update, context)
        viewer = await viewer_of(update, context)
        return suggestion_page(
            snap, title_id, start, platform, ratings, serving(context), filters,
            viewer, in_private(update), lambda redo: remember(context, redo),
        )  # fmt: skip

    return page


def asked_filters(q: Question) -> Filters:
    """What a request for titles like one limits them to beside its platform: a type, genres,
    years, lengths, an audience ("movies like coco", "something like it but funnier")."""
    return q.filters.but(platforms=frozenset(), person=None, role=None, score_above=None, exclude=frozenset())


async def answer(update: Update, context: Context, q: Question) -> None:
    """Suggestions like the title ``q`` names, on ``q.platform`` when it names one, limited to
    what else it asks for."""
    page = first_page(update, context, q.platform, q.start, asked_filters(q))
    await answer_title(update, context, q, "recommend", page)


async def recommend_command(update: Update, context: Context) -> None:
    q = await command_question(update, context, "recommend", "recommend")
    if q is not None and not q.title and not q.filters.is_empty():
        # "/recommend horror on netflix": filters and no title are a request for picks.
        await catalogue.answer(update, context, picks(q))
    elif q is not None:
        await answer(update, context, q)


async def pick_button(update: Update, context: Context) -> None:
    """A "did you mean" choice: the question turns into the suggestions."""
    await answer_title_button(update, context, first_page(update, context))


async def more_button(update: Update, context: Context) -> None:
    """ "More like this" and "Only on <platform>" (``callbacks.More``; a forged start or
    platform never gets here: the pattern refuses it)."""
    query = update.callback_query
    asked = callbacks.More.parse(query.data)
    await query.answer()
    ratings = await ratings_of(update, context)
    viewer = await viewer_of(update, context)
    message, keyboard = suggestion_page(
        snapshot(context), asked.title_id, asked.start, asked.platform, ratings, serving(context),
        viewer=viewer, private=in_private(update), remember=lambda redo: remember(context, redo),
    )  # fmt: skip
    await edit(query, message, keyboard)


HANDLERS = [
    CommandHandler(["recommend", "recomendar"], recommend_command),
    CallbackQueryHandler(pick_button, pattern=callbacks.Pick.pattern),
    CallbackQueryHandler(more_button, pattern=callbacks.More.pattern),
]
