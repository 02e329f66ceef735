"""/stats <platform>: a chart of the catalogue, rendered off the event loop and cached."""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import CommandHandler

from bot.handlers.common import friendly, snapshot, text_of
from bot.state import Context
from bot.text.i18n import N_, _, current, language, ngettext, number
from bot.text.render import esc, genre, movies_count, platform_name, shows_count, titles_count
from core.catalogue import charts
from core.catalogue.title_types import TitleType

COMMANDS = [("stats", N_("a chart of a platform's catalogue: /stats netflix"))]


@friendly(N_("/stats netflix"))
async def stats(update: Update, context: Context) -> None:
    snap = snapshot(context)
    q = snap.understanding.parse_command("count", text_of(context))  # "netflx", "prime video"
    platform = q.platform or q.leftover or None  # an unknown name gets core's friendly error
    summary = await asyncio.to_thread(snap.charts.summary, platform)  # the first ask computes it
    await update.effective_chat.send_action(ChatAction.UPLOAD_PHOTO)
    # Drawing a chart the snapshot has not drawn yet costs tens of milliseconds of matplotlib.
    png = await asyncio.to_thread(snap.charts.png, platform, chart_labels(summary))
    caption = _("<b>{platform}</b>: {titles} ({movies}, {shows}). Top genres: {genres}.").format(
        platform=esc(display_name(summary)),
        titles=titles_count(summary["total"]),
        movies=movies_count(summary["counts"].get("movie", 0)),
        shows=shows_count(summary["counts"].get(TitleType.SHOW, 0)),
        genres=esc(", ".join(genre(g) for g, _n in summary["top_genres"][:3])),
    )
    await update.effective_message.reply_photo(png, caption=caption)


def display_name(summary: dict) -> str:
    return _("All platforms") if summary["platform"] == "all" else platform_name(summary["platform"])


def chart_labels(summary: dict) -> charts.Labels:
    """The chart's words in the language being spoken: core draws them and knows no translations.
    Plain text, not HTML: matplotlib draws it as it is."""
    counts, earlier, shown = summary["counts"], summary["earlier"], len(summary["top_genres"])
    # TRANSLATORS: the chart's heading, on two lines:
    # "Netflix — 8,807 titles" and "(6,131 movies, 2,676 shows)". No HTML.
    heading = _("{platform} — {titles}\n({movies}, {shows})").format(
        platform=display_name(summary),
        titles=titles_count(summary["total"]),
        movies=movies_count(counts["movie"]),
        shows=shows_count(counts[TitleType.SHOW]),
    )
    # TRANSLATORS: a note on the chart's panel of titles per year:
    # the titles released before {year} (such as 1980) are not drawn.
    left_off = ngettext(
        "{n} released before {year} not shown", "{n} released before {year} not shown", earlier
    )
    return charts.Labels(
        language=language(),
        heading=heading,
        # TRANSLATORS: the chart's legend: the two kinds of title.
        movies=_("Movies"),
        shows=_("Shows"),
        per_year=_("Titles per release year"),
        earlier=left_off.format(n=number(earlier), year=summary["first_year"]) if earlier else "",
        # TRANSLATORS: the title of the chart's panel of the most common genres.
        top_genres=ngettext("Top {n} genre", "Top {n} genres", shown).format(n=number(shown)),
        # Bound now, to this update's language: the chart is drawn later, in a worker thread.
        number=current().number,
    )


HANDLERS = [CommandHandler(["stats", "estadisticas"], stats)]
