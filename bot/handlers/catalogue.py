"""The catalogue questions of the original API: /count, /longest, /score, /actor, /country,
/rating and /top, over ``core.queries``.

A command's arguments are read by the same parser as plain messages
(``Understanding.parse_command``), so "/count movies on netflix in 2019" and "/count netflx
2019" work; each answer is a function of a ``Question``, shared with plain questions
("how many movies did netflix release in 2019?", see ``bot.handlers.chat``).
"""

from __future__ import annotations

from dataclasses import replace

from telegram import Update
from telegram.ext import CommandHandler

from bot.handlers.common import friendly, reply, snapshot, text_of
from bot.state import Context
from bot.text.i18n import N_, _, decimal, ngettext, number
from bot.text.render import esc, movies_count, platform_name, scope, shows_count
from core import queries
from core.catalogue import arguments
from core.catalogue.arguments import ArgumentError, require
from core.catalogue.title_types import TitleType
from core.understanding import Question

COMMANDS = [
    ("count", N_("how many titles: /count netflix 2019 horror")),
    ("longest", N_("the longest title: /longest hulu 2018 min")),
    ("score", N_("movies scored above: /score netflix 3.5 2020")),
    ("actor", N_("the busiest actor: /actor netflix 2020")),
    ("country", N_("titles from a country: /country movie india 2019")),
    ("rating", N_("titles with a maturity rating: /rating tv-14")),
    ("top", N_("best-scored titles: /top disney 2019 animation")),
]
PLATFORM_QUESTIONS = frozenset(["count", "longest", "score", "actor", "top"])
# A working example for each question, shown when its arguments are wrong or missing.
EXAMPLES = {
    "count": N_("/count netflix 2019 horror"),
    "longest": N_("/longest hulu 2018 min"),
    "score": N_("/score netflix 3.5 2020"),
    "actor": N_("/actor netflix 2020"),
    "country": N_("/country movie india 2019"),
    "rating": N_("/rating tv-14"),
    "top": N_("/top disney 2019 animation"),
}


def count_text(cat, q: Question) -> str:
    about = scope(q.genre, q.platform, q.year)
    if q.type:
        total = queries.count_titles(cat, q.platform, q.year, q.type, q.genre)
        if q.type == "movie":
            text = ngettext("<b>{n}</b> movie {scope}.", "<b>{n}</b> movies {scope}.", total)
        else:
            text = ngettext("<b>{n}</b> show {scope}.", "<b>{n}</b> shows {scope}.", total)
        return text.format(n=number(total), scope=about)
    movies = queries.count_titles(cat, q.platform, q.year, "movie", q.genre)
    shows = queries.count_titles(cat, q.platform, q.year, TitleType.SHOW, q.genre)
    total = movies + shows
    # TRANSLATORS: {scope} is e.g. "on Netflix released in 2019"; {movies} "633 movies", {shows} "1 show".
    text = ngettext(
        "<b>{n}</b> title {scope}: {movies} and {shows}.",
        "<b>{n}</b> titles {scope}: {movies} and {shows}.",
        total,
    )
    return text.format(n=number(total), scope=about, movies=movies_count(movies), shows=shows_count(shows))


def longest_text(cat, q: Question) -> str:
    unit = q.duration_type or ("season" if q.type == TitleType.SHOW else "min")
    found = queries.max_duration(cat, q.year, q.platform, unit)
    about = scope(None, q.platform, q.year)
    if found is None:
        return _("No titles with a known length {scope}.").format(scope=about)
    n = found["duration_int"]
    if unit == "min":
        text, length = _("The longest movie {scope} is <b>{title}</b>: {length}."), _("{n} min")
    else:
        text = _("The longest show {scope} is <b>{title}</b>: {length}.")
        length = ngettext("{n} season", "{n} seasons", n)
    return text.format(scope=about, title=esc(found["display_title"]), length=length.format(n=number(n)))


def score_text(cat, q: Question) -> str:
    require(q.platform, N_("a platform"))
    require(q.score, N_("a score from 0 to 5"))
    require(q.year, N_("a release year"))
    total = queries.score_count(cat, q.platform, q.score, q.year)
    text = ngettext(
        "<b>{n}</b> movie {scope} has a mean score above {score}.",
        "<b>{n}</b> movies {scope} have a mean score above {score}.",
        total,
    )
    above = number(arguments.score(q.score))
    return text.format(n=number(total), scope=scope(None, q.platform, q.year), score=above)


def actor_text(cat, q: Question) -> str:
    require(q.platform, N_("a platform"))
    require(q.year, N_("a release year"))
    found = queries.top_actor(cat, q.platform, q.year)
    about = scope(None, q.platform, q.year)
    if found is None:
        return _("No cast listed for titles {scope}.").format(scope=about)
    return _("<b>{actor}</b> appears in the most titles {scope}: {n}.").format(
        actor=esc(found["actor"].title()), scope=about, n=number(found["count"])
    )


def country_text(cat, q: Question) -> str:
    require(q.type, N_("movie or show"))
    require(q.year, N_("a release year"))
    name = require(q.country or q.leftover or None, N_("a country"))
    total = queries.count_by_country(cat, q.type, name, q.year)  # an unknown country explains itself
    if q.type == "movie":
        text = ngettext(
            "<b>{n}</b> movie from {country} {scope}.", "<b>{n}</b> movies from {country} {scope}.", total
        )
    else:
        text = ngettext(
            "<b>{n}</b> show from {country} {scope}.", "<b>{n}</b> shows from {country} {scope}.", total
        )
    about = scope(None, None, q.year, everywhere=False)
    return text.format(n=number(total), country=esc(name.title()), scope=about)


def rating_text(cat, q: Question) -> str:
    label = require(q.rating or q.leftover or None, N_("a maturity rating"))
    total = queries.count_by_rating(cat, label)  # an unknown rating explains itself
    text = ngettext("<b>{n}</b> title is rated {rating}.", "<b>{n}</b> titles are rated {rating}.", total)
    return text.format(n=number(total), rating=esc(label.upper()))


def top_text(cat, q: Question) -> str:
    found = queries.top_titles(cat, q.platform, q.year, q.genre, limit=10, type=q.type)
    about = scope(q.genre, q.platform, q.year)
    if found.empty:
        return _("No scored titles {scope}. Try a broader genre, e.g. /top netflix comedy").format(
            scope=about
        )
    lines = [
        f"{i}. <b>{esc(t.display_title)}</b> ({t.release_year}) — {platform_name(t.platform)} · "
        f"{decimal(t.score, 2)}★"
        for i, t in enumerate(found.itertuples(), start=1)
    ]
    if q.type == "movie":
        heading = _("Best scored movies {scope}:")
    elif q.type == TitleType.SHOW:
        heading = _("Best scored shows {scope}:")
    else:
        heading = _("Best scored titles {scope}:")
    return heading.format(scope=about) + "\n" + "\n".join(lines)


TEXTS = {
    "count": count_text,
    "longest": longest_text,
    "score": score_text,
    "actor": actor_text,
    "country": country_text,
    "rating": rating_text,
    "top": top_text,
}


async def answer(update: Update, context: Context, q: Question) -> None:
    """The answer to a catalogue question (``q.intent`` in ``TEXTS``)."""
    await reply(update, TEXTS[q.intent](snapshot(context).index, q))


def checked(cat, q: Question) -> Question:
    """``q`` when all of a command's words were understood; a genre the leftover words name
    after all ("anim") is taken; otherwise an ArgumentError says what is wrong: a year the
    catalogue does not have, a score out of range, an unknown platform or genre."""
    if (
        not q.leftover
        or q.intent == "country"
        and q.country is None
        or q.intent == "rating"
        and q.rating is None
    ):
        return q  # the leftover words are the country or the rating, which the answer checks
    words = q.leftover.split()
    for word in words:
        if word.isdigit() and len(word) in (3, 4):
            queries.index_of(cat).year(word)  # "no titles from 1850: the catalogue covers …"
    if q.intent == "score" and q.score is None:
        arguments.score(words[0])  # "7 is not a score"
    if q.platform is None and q.intent in PLATFORM_QUESTIONS:
        arguments.platform(q.leftover)  # "/count hbo": "unknown platform 'hbo': choose one of …"
    if q.intent in ("count", "top") and q.genre is None:
        return replace(q, genre=arguments.genre(q.leftover), leftover="")  # or "unknown genre 'qwzx'"
    raise ArgumentError(_("I don't understand “{words}”").format(words=q.leftover))


def command(intent: str):
    """The handler of /``intent``: its arguments read as a question, then answered."""

    @friendly(EXAMPLES[intent])
    async def handler(update: Update, context: Context) -> None:
        snap = snapshot(context)
        q = snap.understanding.parse_command(intent, text_of(context))
        await answer(update, context, checked(snap.index, q))

    handler.__name__ = handler.__qualname__ = intent
    return handler


# Each question's command names: the English one (the menu's) first, then its aliases.
NAMES = {
    "count": ("count", "contar"),
    "longest": ("longest", "mas_larga", "maslarga"),
    "score": ("score", "puntaje"),
    "actor": ("actor",),
    "country": ("country", "pais"),
    "rating": ("rating", "clasificacion"),
    "top": ("top", "mejores"),
}
HANDLER_OF = {intent: command(intent) for intent in NAMES}  # /start's examples run them too

HANDLERS = [CommandHandler(list(names), HANDLER_OF[intent]) for intent, names in NAMES.items()]
