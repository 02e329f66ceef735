"""/foryou (/parati): five titles for this user from their likes and dislikes, optionally on
one platform; /foryou <title>: would this user like it? (``core.personal.taste``). In a group,
/foryou picks for tonight's watchers (``bot.handlers.watching``)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks
from bot.handlers import watching
from bot.handlers.common import button_query, confident_title, reply, snapshot, text_of
from bot.handlers.limits import Redo, in_private, remember, viewer_of, with_note
from bot.state import Context
from bot.text import render
from bot.text.i18n import N_, _
from core.personal import taste
from core.questions.filters import Filters
from core.questions.viewer import Viewer, limited
from core.suggest import for_you, starter_picks
from core.userdata.feedback import DISLIKE, LIKE

COMMANDS = [("foryou", N_("picks for you from what you liked: /foryou netflix"))]
PICKS = 5


def teach() -> str:
    return _(
        "I don't know your taste yet. Tap 👍 under suggestions (try /recommend toy story), or tell me "
        "a title you love with <code>/like the conjuring</code>; then /foryou picks titles for you."
    )


async def ratings_of_user(update: Update, context: Context) -> dict[str, int]:
    return await asyncio.to_thread(context.bot_data.feedback.of_user, update.effective_user.id)


async def foryou(update: Update, context: Context) -> None:
    snap, text = snapshot(context), text_of(context)
    q = snap.understanding.parse_command("recommend", text) if text else None
    if q is not None and q.title:
        best = await confident_title(update, q, "foryou")
        if best is not None:
            await reply(update, verdict_text(snap, await ratings_of_user(update, context), best.id))
        return
    platform = q.platform if q else None
    if update.effective_chat.type != ChatType.PRIVATE:
        await watching.for_the_group(update, context, platform)
        return
    ratings = await ratings_of_user(update, context)
    viewer = await viewer_of(update, context)
    text, keyboard = picks_page(
        snap, context.bot_data.reranker, ratings, platform, viewer, in_private(update),
        lambda redo: remember(context, redo),
    )  # fmt: skip
    await reply(update, text, reply_markup=keyboard)


def picks_page(
    snap,
    model,
    ratings: dict[str, int],
    platform: str | None,
    viewer: Viewer,
    private: bool = True,
    remember: Callable[[Redo], str] | None = None,
):
    """/foryou's picks for these ratings, on ``platform`` if named, else within the chat's
    limits (said in one line; "All platforms" when ``remember`` keeps the answer)."""
    chosen = limited(
        Filters(platforms=frozenset([platform]) if platform else frozenset()), viewer, snap.copies
    )
    picks = for_you(snap, model, ratings, PICKS, filters=chosen.filters)
    token = remember(Redo("foryou", (platform,))) if remember and chosen.note else None
    if not picks and LIKE not in ratings.values():
        # No taste yet: well-known picks to rate, so the next /foryou has something to go on.
        picks = starter_picks(snap, PICKS, filters=chosen.filters)
        if not picks:
            return teach(), None
        titles = [snap.title(p.id) for p in picks]
        keyboard = InlineKeyboardMarkup([render.rating_row([p.id for p in picks], 0, ratings)])
        return with_note(render.starter_text(picks, titles, platform), keyboard, chosen, token, private)
    if not picks:
        return with_note(_("Nothing left to pick there."), None, chosen, token, private)
    titles = [snap.title(p.id) for p in picks]
    liked = {p.because: snap.title(p.because) for p in picks if p.because}
    because = {title_id: title["display_title"] for title_id, title in liked.items() if title}
    keyboard = InlineKeyboardMarkup([render.rating_row([p.id for p in picks], 0, ratings)])
    return with_note(render.picks_text(picks, titles, because, platform), keyboard, chosen, token, private)


def verdict_text(snap, ratings: dict[str, int], title_id: str) -> str:
    """Would this user like the title? From what they said of it, or from their taste."""
    title = snap.title(title_id)
    name = f"<b>{render.esc(title['display_title'])}</b> ({title['release_year']})"
    said = ratings.get(title_id)
    if said == LIKE:
        return _("You told me you like {title}. 👍").format(title=name)
    if said == DISLIKE:
        return _("You told me {title} is not for you. 👎").format(title=name)
    found = taste.verdict(snap.taste, ratings, title_id)
    liked = snap.title(found.because) if found.because else None
    because = render.esc(liked["display_title"]) if liked else ""
    if found.answer == "yes":
        text = (
            _("👍 Yes: you'll likely enjoy {title}, because you liked {because}.")
            if because
            else _("👍 Yes: you'll likely enjoy {title}.")
        )
    elif found.answer == "probably":
        text = (
            _("🤔 Probably: {title} is close to what you like, such as {because}.")
            if because
            else _("🤔 Probably: {title} is close to what you like.")
        )
    elif found.answer == "no" and found.against:
        disliked = f"<b>{render.esc(snap.title(found.against)['display_title'])}</b>"
        text = (
            _("👎 Probably not: you told me {disliked} is not for you, and {title} is the same title.")
            if found.relation == "work"
            else _(
                "👎 Probably not: you told me {disliked} is not for you, and {title} is of the same series."
            )
        )
        return text.format(title=name, disliked=disliked)
    elif found.answer == "no":
        text = _("👎 Probably not: {title} is far from what you liked.")
    else:
        return teach()
    return text.format(title=name, because=because)


async def foryou_button(update: Update, context: Context) -> None:
    """A "did you mean" choice for /foryou <title>."""
    found = await button_query(update, context)
    if found is not None:
        snap, title = found
        ratings = await ratings_of_user(update, context)
        await update.callback_query.edit_message_text(verdict_text(snap, ratings, title["id"]))


HANDLERS = [
    CommandHandler(["foryou", "parati"], foryou),
    CallbackQueryHandler(foryou_button, pattern=callbacks.ForYou.pattern),
]
