"""The words of catalogue answers over any combination of filters (``core.questions``): what a
count or a list is about ("in Horror on Netflix or Hulu from India released 1980–1989"),
ties, people, maturity bands.

The parts of a scope come in one order, joined with spaces. A question with only a genre, a
platform and a year reads exactly as the original questions always did.
"""

from __future__ import annotations

import re

from babel.lists import format_list

from bot.text.i18n import N_, _, current, decimal, ngettext, number
from bot.text.markup import esc
from bot.text.render import genre, platform_name
from core.questions.bands import Band, band_of, shown_label
from core.questions.filters import Filters, Role, Span

BAND_NAMES = {
    Band.ALL: N_("all ages"),
    Band.SEVEN: "7+",
    Band.THIRTEEN: "13+",
    Band.SIXTEEN: "16+",
    Band.EIGHTEEN: "18+",
    Band.UNRATED: N_("unrated"),
}


# The catalogues' countries (English, lowercase) read in Spanish; the rest keep their English name.
SPANISH_COUNTRIES = {
    "united states": "Estados Unidos", "united kingdom": "el Reino Unido", "spain": "España", "mexico": "México",
    "france": "Francia", "germany": "Alemania", "italy": "Italia", "japan": "Japón", "south korea": "Corea del Sur",
    "india": "India", "canada": "Canadá", "brazil": "Brasil", "argentina": "Argentina", "colombia": "Colombia",
    "chile": "Chile", "peru": "Perú", "turkey": "Turquía", "egypt": "Egipto", "nigeria": "Nigeria", "china": "China",
    "australia": "Australia", "belgium": "Bélgica", "taiwan": "Taiwán", "philippines": "Filipinas",
    "thailand": "Tailandia", "indonesia": "Indonesia", "denmark": "Dinamarca", "ireland": "Irlanda",
    "south africa": "Sudáfrica", "sweden": "Suecia", "netherlands": "Países Bajos", "poland": "Polonia",
    "norway": "Noruega", "russia": "Rusia", "new zealand": "Nueva Zelanda", "israel": "Israel",
    "switzerland": "Suiza", "austria": "Austria", "hungary": "Hungría", "greece": "Grecia", "finland": "Finlandia",
    "iceland": "Islandia", "uruguay": "Uruguay", "hong kong": "Hong Kong", "singapore": "Singapur",
    "lebanon": "Líbano", "pakistan": "Pakistán", "romania": "Rumania", "venezuela": "Venezuela",
    "cuba": "Cuba", "portugal": "Portugal", "czech republic": "República Checa",
}  # fmt: skip
ENGLISH_ARTICLE = frozenset(
    ["united states", "united kingdom", "netherlands", "philippines", "czech republic"]
)


# TRANSLATORS: what a list is about, after "movies on Netflix …" ("movies about dogs").
TOPICS = {
    "zombies": N_("about zombies"), "vampires": N_("about vampires"), "werewolves": N_("about werewolves"),
    "ghosts": N_("about ghosts"), "witches": N_("about witches"), "aliens": N_("about aliens"),
    "space": N_("about space"), "robots": N_("about robots"), "dinosaurs": N_("about dinosaurs"),
    "dragons": N_("about dragons"), "superheroes": N_("about superheroes"), "pirates": N_("about pirates"),
    "princesses": N_("about princesses"), "magic": N_("about magic"), "time_travel": N_("about time travel"),
    "apocalypse": N_("about the end of the world"), "christmas": N_("about Christmas"),
    "halloween": N_("about Halloween"), "weddings": N_("about weddings"), "high_school": N_("about high school"),
    "dogs": N_("about dogs"), "cats": N_("about cats"), "horses": N_("about horses"), "sharks": N_("about sharks"),
    "animals": N_("about animals"), "ocean": N_("about the ocean"), "doctors": N_("about doctors"),
    "lawyers": N_("about lawyers"), "police": N_("about cops"), "spies": N_("about spies"),
    "heists": N_("about heists"), "mafia": N_("about the mob"), "drugs": N_("about drugs"),
    "serial_killers": N_("about serial killers"), "cooking": N_("about cooking"), "cars": N_("about racing"),
    "soccer": N_("about soccer"), "basketball": N_("about basketball"), "boxing": N_("about boxing"),
    "martial_arts": N_("about martial arts"), "music_bands": N_("about bands and singers"),
    "war_ww2": N_("about World War II"), "true_story": N_("based on a true story"), "school": N_("about school"),
    "family_road_trip": N_("about road trips"), "prison": N_("about prison"),
}  # fmt: skip


def country(name: str) -> str:
    """A catalogue country as a reader says it: "the United Kingdom", "el Reino Unido"."""
    if current().language == "es":
        return SPANISH_COUNTRIES.get(name, name.title())
    return f"the {name.title()}" if name in ENGLISH_ARTICLE else name.title()


def tidy(text: str) -> str:
    """A sentence whose scope came out empty, mended: "movies from India ." -> "movies from India."."""
    return re.sub(r" +([.:,])", r"\1", re.sub(r" {2,}", " ", text))


def listed(names: list[str], style: str = "standard") -> str:
    """ "Horror and Comedy", "Netflix or Hulu" in the current language."""
    return format_list(names, style=style, locale=current().locale)


def scope(f: Filters, people=None, *, everywhere: bool = True) -> str:
    """What a count or a list is about. Without a platform it says "on all platforms" unless
    ``everywhere`` is False."""
    parts = []
    if f.genres:
        # TRANSLATORS: one part of a scope; the parts are joined with spaces, in this order:
        # "in Horror on Netflix released in 2019". {genre} is a genre's name.
        parts.append(_("in {genre}").format(genre=esc(listed([genre(g) for g in sorted(f.genres)]))))
    if f.not_genres:
        # TRANSLATORS: a part of a scope: "in Comedy, not Stand-up, on Netflix".
        parts.append(
            _("not {genres}").format(genres=esc(listed([genre(g) for g in sorted(f.not_genres)], "or")))
        )
    if f.platforms:
        names = [platform_name(p) for p in sorted(f.platforms)]
        parts.append(_("on {platform}").format(platform=esc(listed(names, "or"))))
    elif everywhere:
        parts.append(_("on all platforms"))
    parts.extend(_more_parts(f, people))
    if f.years is not None:
        parts.append(years(f.years))
    if f.score_above is not None:
        parts.append(_("scored above {score}").format(score=number(f.score_above)))
    return " ".join(parts)


def _more_parts(f: Filters, people) -> list[str]:
    parts = [_(TOPICS[topic]) for topic in sorted(f.topics)]  # every topic has one (a test says so)
    if f.countries:
        parts.append(
            _("from {country}").format(country=esc(listed([country(c) for c in sorted(f.countries)], "or")))
        )
    if f.person is not None and people is not None:
        name = esc(people.shown(f.person))
        parts.append(
            _("directed by {name}").format(name=name)
            if f.role == Role.DIRECTOR
            else _("with {name}").format(name=name)
        )
    if f.bands is not None:
        parts.append(bands(f.bands))
    if f.ratings:
        parts.append(
            _("rated {rating}").format(rating=esc(listed([shown_label(r) for r in sorted(f.ratings)], "or")))
        )
    if f.minutes is not None:
        parts.append(minutes(f.minutes))
    if f.seasons is not None:
        parts.append(seasons(f.seasons))
    return parts


def years(span: Span) -> str:
    low, high = span.low, span.high
    if low is not None and low == high:
        # TRANSLATORS: the last part of a scope, after a count of titles, movies or shows.
        return _("released in {year}").format(year=int(low))
    if low is not None and high is not None:
        return _("released {low}–{high}").format(low=int(low), high=int(high))
    if low is not None:
        return _("released in {year} or later").format(year=int(low))
    return _("released in {year} or earlier").format(year=int(high))


def bands(span: Span) -> str:
    if span.low is not None and span.low >= Band.EIGHTEEN:
        return _("for adults")
    if span.high is not None and span.high <= Band.ALL:
        return _("for all ages")
    if span.high is not None:
        return _("suitable for age {age}").format(age=int(span.high))
    return _("rated {band} or above").format(band=band_name(Band(int(span.low))))


def band_name(band: Band) -> str:
    return _(BAND_NAMES[band]) if band in (Band.ALL, Band.UNRATED) else BAND_NAMES[band]


def minutes(span: Span) -> str:
    # A limit is kept inclusive ("under 90" is up to 89), so it is said back the way it was
    # probably asked: round limits as "under 90 min", others as "up to 100 min".
    low, high = span.low, span.high
    if low is None:
        if (int(high) + 1) % 5 == 0:
            return _("under {n} min").format(n=number(int(high) + 1))
        return _("up to {n} min").format(n=number(int(high)))
    if high is None:
        if (int(low) - 1) % 5 == 0:
            return _("over {n} min").format(n=number(int(low) - 1))
        return _("{n} min or more").format(n=number(int(low)))
    return _("{low}–{high} min").format(low=number(int(low)), high=number(int(high)))


def seasons(span: Span) -> str:
    if span.low == span.high == 1:
        return _("with one season")
    if span.high is None:
        return ngettext("with {n} season or more", "with {n} seasons or more", int(span.low)).format(
            n=number(int(span.low))
        )
    return ngettext("with up to {n} season", "with up to {n} seasons", int(span.high)).format(
        n=number(int(span.high))
    )


def maturity(label: str) -> str:
    """A title's label as people read it, with its band: "TV-14 (13+)"."""
    band = band_of(label)
    return (
        f"{esc(shown_label(label))} ({band_name(band)})"
        if band is not Band.UNRATED
        else esc(shown_label(label))
    )


def score(value: float) -> str:
    return f"{decimal(value, 2)}★"
