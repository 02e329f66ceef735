"""Inline mode: `@streambot toy story` in any chat lists the title and titles like it,
as cards to drop into the conversation; results page past Telegram's 50 per answer."""

from __future__ import annotations

from telegram import InlineQueryResultsButton, Update
from telegram.constants import InlineQueryLimit
from telegram.ext import ContextTypes, InlineQueryHandler

from bot import render
from bot.handlers.common import find_titles, snapshot
from bot.i18n import N_, _
from core import queries
from core.store import Snapshot

PAGE = InlineQueryLimit.RESULTS  # 50
CACHE_SECONDS = 300
HELP = N_("How to use streambot")


def results_for(snap: Snapshot, text: str) -> list[tuple[str, str, tuple, tuple | None]]:
    """Every result for the query as (result id, title id, platforms, traits), in order.
    Cards are rendered for one page only: building all of them would waste most."""
    if not text:
        best = queries.top_titles(snap.catalogue, limit=PAGE)
        return [(f"t:{i}", i, tuple(snap.platforms_of(i)), None) for i in best["id"]]
    matches = find_titles(snap, text, limit=5)
    if not matches:
        return []
    shown = matches[:1] if snap.recommender.is_confident(matches) else matches
    results = [(f"m:{m.id}", m.id, m.platforms or (m.platform,), None) for m in shown]
    seen = {i for m in shown for i in (m.ids or [m.id])}
    # The overall best first, then the best of each platform, so a long list stays varied.
    recs = snap.recommender.recommend(shown[0].id, k=20)
    for platform in render.PLATFORM_NAMES:
        recs += snap.recommender.recommend(shown[0].id, k=20, platform=platform)
    for rec in recs:
        if rec.id not in seen:
            seen.update(rec.ids or [rec.id])
            results.append((f"r:{rec.id}", rec.id, rec.platforms or (rec.platform,), rec.traits))
    return results


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.inline_query
    text = query.query.strip()[:200]
    offset = int(query.offset) if query.offset.isdigit() else 0
    snap = snapshot(context)
    results = results_for(snap, text)
    more = offset + PAGE < len(results)
    page = [
        render.inline_article(result_id, snap.title(title_id), platforms, traits)
        for result_id, title_id, platforms, traits in results[offset : offset + PAGE]
    ]
    await query.answer(
        page,
        cache_time=CACHE_SECONDS,
        is_personal=True,  # cached per user: the cards speak the user's language
        next_offset=str(offset + PAGE) if more else None,
        button=InlineQueryResultsButton(text=_(HELP), start_parameter="help") if not results else None,
    )


HANDLERS = [InlineQueryHandler(inline_query)]
