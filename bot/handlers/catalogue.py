"""The catalogue questions of the original API: /count, /longest, /score, /actor,
/country, /rating and /top, over ``core.queries``."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler, ContextTypes

from bot.args import parse, require
from bot.handlers.common import friendly, reply, snapshot, text_of
from bot.render import esc, platform_name
from core import arguments, genres, queries

COMMANDS = [
    ("count", "how many titles: /count netflix 2019 horror"),
    ("longest", "the longest title: /longest hulu 2018 min"),
    ("score", "movies scored above: /score netflix 3.5 2020"),
    ("actor", "the busiest actor: /actor netflix 2020"),
    ("country", "titles from a country: /country movie india 2019"),
    ("rating", "titles with a maturity rating: /rating tv-14"),
    ("top", "best-scored titles: /top disney 2019 animation"),
]


def _where(platform) -> str:
    return f"on {platform_name(platform)}" if platform else "on all platforms"


def _in(year) -> str:
    return f" released in {year}" if year else ""


@friendly("/count netflix 2019 horror")
async def count(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    p = parse(context.args)
    genre = _genre(p)
    _no_leftovers(p)
    cat = snapshot(context).catalogue
    scope = f"{_of(genre)}{_where(p.platform)}{_in(p.year)}"
    if p.type:
        total = queries.count_titles(cat, p.platform, p.year, p.type, genre)
        noun = "movies" if p.type == "movie" else "shows"
        await reply(update, f"<b>{total:,}</b> {noun} {scope}.")
        return
    movies = queries.count_titles(cat, p.platform, p.year, "movie", genre)
    shows = queries.count_titles(cat, p.platform, p.year, "tv show", genre)
    await reply(update, f"<b>{movies + shows:,}</b> titles {scope}: {movies:,} movies and {shows:,} shows.")


@friendly("/longest hulu 2018 min")
async def longest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    p = parse(context.args)
    _no_leftovers(p)
    unit = p.duration_type or ("season" if p.type == "tv show" else "min")
    found = queries.max_duration(snapshot(context).catalogue, p.year, p.platform, unit)
    if found is None:
        await reply(update, f"No titles with a known length {_where(p.platform)}{_in(p.year)}.")
        return
    length = f"{found['duration_int']} min" if unit == "min" else _seasons(found["duration_int"])
    await reply(
        update,
        f"The longest {'movie' if unit == 'min' else 'show'} {_where(p.platform)}{_in(p.year)} is "
        f"<b>{esc(found['display_title'])}</b>: {length}.",
    )


@friendly("/score netflix 3.5 2020")
async def score(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    p = parse(context.args, with_score=True)
    _no_leftovers(p)
    require(p.platform, "a platform")
    require(p.score, "a score from 0 to 5")
    require(p.year, "a release year")
    total = queries.score_count(snapshot(context).catalogue, p.platform, p.score, p.year)
    await reply(
        update,
        f"<b>{total:,}</b> movies {_where(p.platform)} released in {p.year} "
        f"have a mean score above {esc(p.score.replace(',', '.'))}.",
    )


@friendly("/actor netflix 2020")
async def actor(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    p = parse(context.args)
    _no_leftovers(p)
    require(p.platform, "a platform")
    require(p.year, "a release year")
    found = queries.top_actor(snapshot(context).catalogue, p.platform, p.year)
    if found is None:
        await reply(update, f"No cast listed for titles {_where(p.platform)}{_in(p.year)}.")
        return
    await reply(
        update,
        f"<b>{esc(found['actor'].title())}</b> appears in the most titles {_where(p.platform)}"
        f"{_in(p.year)}: {found['count']}.",
    )


@friendly("/country movie india 2019")
async def country(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    p = parse(context.args)
    require(p.type, "movie or show")
    require(p.year, "a release year")
    name = require(p.rest_text or None, "a country")
    total = queries.count_by_country(snapshot(context).catalogue, p.type, name, p.year)
    noun = "movies" if p.type == "movie" else "shows"
    await reply(update, f"<b>{total:,}</b> {noun} from {esc(name.title())} released in {p.year}.")


@friendly("/rating tv-14")
async def rating(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    label = require(text_of(context) or None, "a maturity rating")
    total = queries.count_by_rating(snapshot(context).catalogue, label)
    await reply(update, f"<b>{total:,}</b> titles are rated {esc(label.upper())}.")


@friendly("/top disney 2019 animation")
async def top(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    p = parse(context.args)
    genre = _genre(p)
    _no_leftovers(p)
    found = queries.top_titles(snapshot(context).catalogue, p.platform, p.year, genre, limit=10)
    scope = f"{_of(genre)}{_where(p.platform)}{_in(p.year)}"
    if found.empty:
        await reply(update, f"No scored titles {scope}. Try a broader genre, e.g. /top netflix comedy")
        return
    lines = [
        f"{i}. <b>{esc(t.display_title)}</b> ({t.release_year}) — {platform_name(t.platform)} · {t.score:.2f}★"
        for i, t in enumerate(found.itertuples(), start=1)
    ]
    await reply(update, f"Best scored titles {scope}:\n" + "\n".join(lines))


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


def _of(genre) -> str:
    return f"in {esc(genres.name(genre))} " if genre else ""


def _no_leftovers(p) -> None:
    if p.rest and p.platform is None and not p.all_platforms:
        arguments.platform(p.rest_text)  # raises the "choose one of ..." message for "hbo"
    if p.rest:
        raise arguments.ArgumentError(f"I don't understand “{' '.join(p.rest)}”")


def _seasons(n: int) -> str:
    return f"{n} season" + ("" if n == 1 else "s")


HANDLERS = [
    CommandHandler(["count", "contar"], count),
    CommandHandler(["longest", "mas_larga", "maslarga"], longest),
    CommandHandler(["score", "puntaje"], score),
    CommandHandler(["actor"], actor),
    CommandHandler(["country", "pais"], country),
    CommandHandler(["rating", "clasificacion"], rating),
    CommandHandler(["top", "mejores"], top),
]
