"""Inline mode: `@streambot toy story` in any chat lists the title and titles like it,
as cards to drop into the conversation; results page past Telegram's 50 per answer."""

from __future__ import annotations

import re

from telegram import InlineQueryResultsButton, Update
from telegram.constants import InlineQueryLimit
from telegram.ext import InlineQueryHandler

from bot import callbacks
from bot.handlers.common import snapshot
from bot.state import Context
from bot.text import card as card_text
from bot.text import render
from bot.text.i18n import N_, _
from core import queries
from core.personal.reranker import Reranker
from core.recommender import Recommendation
from core.snapshot.store import Snapshot
from core.suggest import POOL, suggest
from core.understanding import ABSENT, AMBIGUOUS, CONFIDENT

PAGE = InlineQueryLimit.RESULTS  # 50
CACHE_SECONDS = 300
HELP = N_("How to use streambot")


def results_for(
    snap: Snapshot, text: str, model: Reranker | None = None
) -> tuple[list[tuple[str, str, tuple, Recommendation | None]], str]:
    """Every result for the query as (result id, title id, platforms, the suggestion it is, if
    one), in order, and the title policy's verdict; ``model`` orders the suggestions (the
    recommender's order without one). Cards are rendered for one page only: building all of
    them would waste most."""
    if not text:
        best = queries.top_titles(snap, limit=PAGE)
        return [
            (callbacks.TopResult(i).encode(), i, tuple(snap.platforms_of(i)), None) for i in best["id"]
        ], CONFIDENT
    kind, shown = snap.understanding.parse_command("recommend", text).answer()
    results = [
        (callbacks.MatchResult(m.id).encode(), m.id, m.platforms or (m.platform,), None) for m in shown
    ]
    if kind != CONFIDENT:
        return results, kind  # the choices, or titles sharing a word: never suggestions from a guess
    seen = {i for m in shown for i in (m.ids or [m.id])}
    # The overall best first, then the best of each platform, so a long list stays varied.
    model = model or Reranker.identity()
    recs = suggest(snap, model, shown[0].id, POOL)
    for platform in render.PLATFORM_NAMES:
        recs += suggest(snap, model, shown[0].id, POOL, platform=platform)
    for rec in recs:
        if rec.id not in seen:
            seen.update(rec.ids or [rec.id])
            results.append(
                (callbacks.SimilarResult(rec.id).encode(), rec.id, rec.platforms or (rec.platform,), rec)
            )
    return results, kind


def offset_of(query) -> int:
    """The page asked for; an offset we never sent (``²``, 5,000 digits) is the first page."""
    offset = query.offset or ""
    return int(offset) if re.fullmatch(r"[0-9]{1,5}", offset) else 0


def header(kind: str, text: str) -> InlineQueryResultsButton | None:
    """A button above the results saying what they are, when they are not the title asked for."""
    if kind == ABSENT:
        label = _("“{text}” is not on these four platforms").format(text=render.excerpt(text, 40))
    elif kind == AMBIGUOUS:
        label = _("Which one do you mean?")
    else:
        return None
    return InlineQueryResultsButton(text=label, start_parameter="help")


async def inline_query(update: Update, context: Context) -> None:
    query = update.inline_query
    text = query.query.strip()[:200]
    offset = offset_of(query)
    snap = snapshot(context)
    results, kind = results_for(snap, text, context.bot_data.reranker)
    more = offset + PAGE < len(results)
    page = [
        card_text.inline_article(result_id, snap.title(title_id), platforms, rec)
        for result_id, title_id, platforms, rec in results[offset : offset + PAGE]
    ]
    await query.answer(
        page,
        cache_time=CACHE_SECONDS,
        is_personal=True,  # cached per user: the cards speak the user's language
        next_offset=str(offset + PAGE) if more else None,
        button=header(kind, text)
        or (InlineQueryResultsButton(text=_(HELP), start_parameter="help") if not results else None),
    )


HANDLERS = [InlineQueryHandler(inline_query)]
