"""Forgiving readers for the arguments people type: platforms, types, years, scores.

Each returns the catalogue's canonical value or raises :class:`ArgumentError` (a
``ValueError``) with a message that says what is valid, ready to show to a user.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from core.catalogue import genres, platforms
from core.catalogue.title_types import TitleType

# Platform facts live in core.catalogue.platforms; these names are kept for the modules that use them.
PLATFORMS = platforms.PLATFORMS
ALL_PLATFORMS = platforms.ALL
PLATFORM_ALIASES = platforms.ALIASES
TYPE_ALIASES = {
    "movie": TitleType.MOVIE,
    "movies": TitleType.MOVIE,
    "film": TitleType.MOVIE,
    "films": TitleType.MOVIE,
    "pelicula": TitleType.MOVIE,
    "película": TitleType.MOVIE,
    "peliculas": TitleType.MOVIE,
    "películas": TitleType.MOVIE,
    "tv show": TitleType.SHOW,
    "tv shows": TitleType.SHOW,
    "show": TitleType.SHOW,
    "shows": TitleType.SHOW,
    "series": TitleType.SHOW,
    "serie": TitleType.SHOW,
    "tv": TitleType.SHOW,
    "tv series": TitleType.SHOW,
    "tvshow": TitleType.SHOW,
}
DURATION_TYPE_ALIASES = {
    "min": "min",
    "mins": "min",
    "minute": "min",
    "minutes": "min",
    "minutos": "min",
    "season": "season",
    "seasons": "season",
    "temporada": "season",
    "temporadas": "season",
}
COUNTRY_ALIASES = {
    "usa": "united states",
    "us": "united states",
    "u.s.": "united states",
    "u.s.a.": "united states",
    "united states of america": "united states",
    "america": "united states",
    "uk": "united kingdom",
    "u.k.": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "england": "united kingdom",
}
SCORE_RANGE = (0.0, 5.0)
POPULAR_GENRES = ("comedy", "drama", "horror", "documentary", "family", "scifi", "romance")


class ArgumentError(ValueError):
    """A user-supplied argument is wrong; the message says what is valid."""


def _key(value) -> str:
    return re.sub(r"\s+", " ", str(value).strip().lower())


def _choices(options) -> str:
    return ", ".join(options)


def platform(value) -> str:
    key = _key(value).replace("_", " ")
    if key in PLATFORM_ALIASES:
        return PLATFORM_ALIASES[key]
    raise ArgumentError(f"unknown platform {str(value).strip()!r}: choose one of {_choices(PLATFORMS)}")


def title_type(value) -> str:
    key = _key(value).replace("_", " ").replace("-", " ")
    if key in TYPE_ALIASES:
        return TYPE_ALIASES[key]
    raise ArgumentError(f"unknown type {str(value).strip()!r}: use movie or show")


def duration_type(value) -> str:
    key = _key(value)
    if key in DURATION_TYPE_ALIASES:
        return DURATION_TYPE_ALIASES[key]
    raise ArgumentError(f"unknown duration type {str(value).strip()!r}: use min or season")


def year(value, years: tuple[int, int]) -> int:
    low, high = years
    text = _key(value)
    if isinstance(value, bool) or not re.fullmatch(r"\d{1,4}(\.0+)?", text):
        raise ArgumentError(f"{str(value).strip()!r} is not a year: use a year from {low} to {high}")
    number = int(float(text))
    if not low <= number <= high:
        raise ArgumentError(f"no titles from {number}: the catalogue covers {low} to {high}")
    return number


def score(value) -> float:
    text = _key(value).replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        number = float("nan")
    low, high = SCORE_RANGE
    if isinstance(value, bool) or not low <= number <= high:
        raise ArgumentError(f"{str(value).strip()!r} is not a score: use a number from 0 to 5, e.g. 3.5")
    return number


def genre(value) -> str:
    """A canonical genre id (``core.catalogue.genres``) from its name or any synonym, in English or
    Spanish, forgiving a typo ("documentry") or a clear beginning ("anim", "docu")."""
    key = genres.fold(value)
    found = genres.SYNONYMS.get(key)
    if found:
        return found
    starting = {g for phrase, g in genres.SYNONYMS.items() if len(key) >= 3 and phrase.startswith(key)}
    if len(starting) == 1:
        return starting.pop()
    best = (
        process.extractOne(key, genres.PHRASES, scorer=fuzz.ratio, score_cutoff=80) if len(key) >= 4 else None
    )
    if best:
        return genres.SYNONYMS[best[0]]
    raise ArgumentError(
        f"unknown genre {str(value).strip()!r}: try {', '.join(genres.name(g).lower() for g in POPULAR_GENRES)}"
    )


def known_value(value, known: frozenset[str], what: str, aliases: dict | None = None) -> str:
    """``value`` if the catalogue knows it, else a ValueError with the closest known one."""
    key = _key(value)
    key = (aliases or {}).get(key, key)
    if key in known:
        return key
    best = process.extractOne(key, known, scorer=fuzz.ratio, score_cutoff=75) if key else None
    if best:
        hint = f"; did you mean {best[0]!r}?"
    elif len(known) <= 30:
        hint = f"; valid: {_choices(sorted(known))}"
    else:
        hint = ""
    raise ArgumentError(f"unknown {what} {str(value).strip()!r}{hint}")


def require(value, what: str):
    """``value``, or an ArgumentError asking for it (``what``: "a platform", "a release year")."""
    if value is None:
        raise ArgumentError(f"please add {what}")
    return value
