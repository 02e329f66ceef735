"""The catalogue questions of the original API: /count, /longest, /score, /actor,
/country, /rating and /top, over ``core.queries``."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler, ContextTypes

from bot.args import parse, require
from bot.handlers.common import friendly, reply, snapshot, text_of
from bot.i18n import N_, _, decimal, ngettext, number
from bot.render import esc, movies_count, platform_name, scope, shows_count
from core import arguments, queries

COMMANDS = [
    ("count", N_("how many titles: /count netflix 2019 horror")),
    ("longest", N_("the longest title: /longest hulu 2018 min")),
    ("score", N_("movies scored above: /score netflix 3.5 2020")),
    ("actor", N_("the busiest actor: /actor netflix 2020")),
    ("country", N_("titles from a country: /country movie india 2019")),
    ("rating", N_("titles with a maturity rating: /rating tv-14")),
    ("top", N_("best-scored titles: /top disney 2019 animation")),
]


@friendly(N_("/count netflix 2019 horror"))
async def count(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    p = parse(context.args)
    genre = _genre(p)
    _no_leftovers(p)
    cat = snapshot(context).catalogue
    about = scope(genre, p.platform, p.year)
    if p.type:
        total = queries.count_titles(cat, p.platform, p.year, p.type, genre)
        if p.type == "movie":
            text = ngettext("<b>{n}</b> movie {scope}.", "<b>{n}</b> movies {scope}.", total)
        else:
            text = ngettext("<b>{n}</b> show {scope}.", "<b>{n}</b> shows {scope}.", total)
        await reply(update, text.format(n=number(total), scope=about))
        return
    movies = queries.count_titles(cat, p.platform, p.year, "movie", genre)
    shows = queries.count_titles(cat, p.platform, p.year, "tv show", genre)
    total = movies + shows
    # TRANSLATORS: {scope} is e.g. "on Netflix released in 2019"; {movies} "633 movies", {shows} "1 show".
    text = ngettext(
        "<b>{n}</b> title {scope}: {movies} and {shows}.",
        "<b>{n}</b> titles {scope}: {movies} and {shows}.",
        total,
    )
    await reply(
        update,
        text.format(n=number(total), scope=about, movies=movies_count(movies), shows=shows_count(shows)),
    )


@friendly(N_("/longest hulu 2018 min"))
async def longest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    p = parse(context.args)
    _no_leftovers(p)
    unit = p.duration_type or ("season" if p.type == "tv show" else "min")
    found = queries.max_duration(snapshot(context).catalogue, p.year, p.platform, unit)
    about = scope(None, p.platform, p.year)
    if found is None:
        await reply(update, _("No titles with a known length {scope}.").format(scope=about))
        return
    n = found["duration_int"]
    if unit == "min":
        text, length = _("The longest movie {scope} is <b>{title}</b>: {length}."), _("{n} min")
    else:
        text = _("The longest show {scope} is <b>{title}</b>: {length}.")
        length = ngettext("{n} season", "{n} seasons", n)
    await reply(
        update, text.format(scope=about, title=esc(found["display_title"]), length=length.format(n=number(n)))
    )


@friendly(N_("/score netflix 3.5 2020"))
async def score(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    p = parse(context.args, with_score=True)
    _no_leftovers(p)
    require(p.platform, N_("a platform"))
    require(p.score, N_("a score from 0 to 5"))
    require(p.year, N_("a release year"))
    total = queries.score_count(snapshot(context).catalogue, p.platform, p.score, p.year)
    text = ngettext(
        "<b>{n}</b> movie {scope} has a mean score above {score}.",
        "<b>{n}</b> movies {scope} have a mean score above {score}.",
        total,
    )
    above = number(arguments.score(p.score))
    await reply(update, text.format(n=number(total), scope=scope(None, p.platform, p.year), score=above))


@friendly(N_("/actor netflix 2020"))
async def actor(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    p = parse(context.args)
    _no_leftovers(p)
    require(p.platform, N_("a platform"))
    require(p.year, N_("a release year"))
    found = queries.top_actor(snapshot(context).catalogue, p.platform, p.year)
    about = scope(None, p.platform, p.year)
    if found is None:
        await reply(update, _("No cast listed for titles {scope}.").format(scope=about))
        return
    await reply(
        update,
        _("<b>{actor}</b> appears in the most titles {scope}: {n}.").format(
            actor=esc(found["actor"].title()), scope=about, n=number(found["count"])
        ),
    )


@friendly(N_("/country movie india 2019"))
async def country(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    p = parse(context.args)
    require(p.type, N_("movie or show"))
    require(p.year, N_("a release year"))
    name = require(p.rest_text or None, N_("a country"))
    total = queries.count_by_country(snapshot(context).catalogue, p.type, name, p.year)
    if p.type == "movie":
        text = ngettext(
            "<b>{n}</b> movie from {country} {scope}.", "<b>{n}</b> movies from {country} {scope}.", total
        )
    else:
        text = ngettext(
            "<b>{n}</b> show from {country} {scope}.", "<b>{n}</b> shows from {country} {scope}.", total
        )
    about = scope(None, None, p.year, everywhere=False)
    await reply(update, text.format(n=number(total), country=esc(name.title()), scope=about))


@friendly(N_("/rating tv-14"))
async def rating(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    label = require(text_of(context) or None, N_("a maturity rating"))
    total = queries.count_by_rating(snapshot(context).catalogue, label)
    text = ngettext("<b>{n}</b> title is rated {rating}.", "<b>{n}</b> titles are rated {rating}.", total)
    await reply(update, text.format(n=number(total), rating=esc(label.upper())))


@friendly(N_("/top disney 2019 animation"))
async def top(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    p = parse(context.args)
    genre = _genre(p)
    _no_leftovers(p)
    found = queries.top_titles(snapshot(context).catalogue, p.platform, p.year, genre, limit=10)
    about = scope(genre, p.platform, p.year)
    if found.empty:
        await reply(
            update,
            _("No scored titles {scope}. Try a broader genre, e.g. /top netflix comedy").format(scope=about),
        )
        return
    lines = [
        f"{i}. <b>{esc(t.display_title)}</b> ({t.release_year}) — {platform_name(t.platform)} · "
        f"{decimal(t.score, 2)}★"
        for i, t in enumerate(found.itertuples(), start=1)
    ]
    await reply(update, _("Best scored titles {scope}:").format(scope=about) + "\n" + "\n".join(lines))


def _genre(p) -> str | None:
    """The canonical genre the leftover words name ("sci-fi", "docs", "terror"), taking them."""
    if not p.rest:
        return None
    try:
        genre = arguments.genre(p.rest_text)
    except arguments.ArgumentError:
        if p.platform is None and not p.all_platforms:
            arguments.platform(p.rest_text)  # "/count hbo" is a wrong platform more than a genre
        raise
    p.rest = []
    return genre


def _no_leftovers(p) -> None:
    if p.rest and p.platform is None and not p.all_platforms:
        arguments.platform(p.rest_text)  # raises the "choose one of ..." message for "hbo"
    if p.rest:
        raise arguments.ArgumentError(_("I don't understand “{words}”").format(words=" ".join(p.rest)))


HANDLERS = [
    CommandHandler(["count", "contar"], count),
    CommandHandler(["longest", "mas_larga", "maslarga"], longest),
    CommandHandler(["score", "puntaje"], score),
    CommandHandler(["actor"], actor),
    CommandHandler(["country", "pais"], country),
    CommandHandler(["rating", "clasificacion"], rating),
    CommandHandler(["top", "mejores"], top),
]
