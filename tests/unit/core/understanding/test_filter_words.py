"""Filters in people's words (issue 22): runtimes, seasons, years, exclusions and countries said
the way strangers type them (misspelt, no accents, chat shorthand), in English and Spanish, as a
whole question and as a bare fragment the dialogue memory reads with ``filters_of``. On the
real catalogues: which countries exist and which words are titles is theirs. Phrasings written
for these tests."""

from __future__ import annotations

import pytest

from core.catalogue.title_types import TitleType
from core.questions.bands import Band
from core.questions.filters import Span

SHOW = TitleType.SHOW
LAST = 2021  # the four catalogues' last release year: "the last 5 years" counts back from it


@pytest.fixture(scope="module")
def understanding(full_snapshot):
    return full_snapshot.understanding


def stated(filters) -> dict:
    """The filters a user would see applied, by name (empty ones and the order of a list left out)."""
    if not filters:
        return {}
    return {k: v for k, v in vars(filters).items() if v not in (None, frozenset(), "") and k != "ranking"}


# (message, the filters it states): each read alone, as a fragment, and as part of a request.
FRAGMENTS = [
    # runtimes
    ("menos de hora y media", {"minutes": Span(None, 89)}),
    ("tengo hora y media", {"minutes": Span(None, 90)}),  # the time someone has
    ("we only have 2 hours", {"minutes": Span(None, 120)}),
    ("que no tengan mas de 2 temporadas", {"seasons": Span(None, 2), "type": SHOW}),  # not "more than 2"
    ("que sea cortita", {"minutes": Span(None, 89)}),  # short: under 90 minutes
    ("short comedies", {"minutes": Span(None, 89), "genres": frozenset({"comedy"})}),
    ("menos de ora y media", None),  # "ora" is no hour: not read as one, rather than guessed
    ("de menos de 2 horas", {"minutes": Span(None, 119)}),
    ("que no pase de dos horas", {"minutes": Span(None, 120)}),
    ("q no pase de 2 horas", {"minutes": Span(None, 120)}),
    ("que no dure mas de 100 minutos", {"minutes": Span(None, 100)}),
    ("mas de dos horas", {"minutes": Span(121, None)}),
    ("más de 2 horas", {"minutes": Span(121, None)}),
    ("hora y media como mucho", {"minutes": Span(None, 90)}),
    ("90 minutos maximo", {"minutes": Span(None, 90)}),
    ("cortas", {"minutes": Span(None, 89)}),
    ("cortitas", {"minutes": Span(None, 89)}),
    ("under an hour and a half", {"minutes": Span(None, 89)}),
    ("less than 90 mins", {"minutes": Span(None, 89)}),
    ("no more than 100 minutes", {"minutes": Span(None, 100)}),
    ("max 2h", {"minutes": Span(None, 120)}),
    ("2 hours max", {"minutes": Span(None, 120)}),
    ("90 mins tops", {"minutes": Span(None, 90)}),
    ("over 2 hours", {"minutes": Span(121, None)}),
    ("2 hours or more", {"minutes": Span(120, None)}),
    ("short ones", {"minutes": Span(None, 89)}),
    # seasons
    ("de una o dos temporadas como mucho", {"seasons": Span(None, 2), "type": SHOW}),
    ("2 temporadas maximo", {"seasons": Span(None, 2), "type": SHOW}),
    ("dos temporadas max", {"seasons": Span(None, 2), "type": SHOW}),
    ("una o dos temporadas", {"seasons": Span(None, 2), "type": SHOW}),
    ("miniserie", {"seasons": Span(1, 1), "type": SHOW}),
    ("una sola temporada", {"seasons": Span(1, 1), "type": SHOW}),
    ("max 2 seasons", {"seasons": Span(None, 2), "type": SHOW}),
    ("at most 3 seasons", {"seasons": Span(None, 3), "type": SHOW}),
    ("3 seasons or more", {"seasons": Span(3, None), "type": SHOW}),
    ("one season only", {"seasons": Span(1, 1), "type": SHOW}),
    ("miniseries", {"seasons": Span(1, 1), "type": SHOW}),
    # years
    ("antes del 2010", {"years": Span(None, 2009)}),
    ("antes de 2010", {"years": Span(None, 2009)}),
    ("desde 2015", {"years": Span(2015, None)}),
    ("desde el 2015", {"years": Span(2015, None)}),  # an article between: still since
    ("antes del año 1990", {"years": Span(None, 1989)}),
    ("after the year 2015", {"years": Span(2016, None)}),
    ("mas viejas que 2000", {"years": Span(None, 1999)}),
    ("de los 80", {"years": Span(1980, 1989)}),
    ("de los 80s", {"years": Span(1980, 1989)}),
    ("entre 2010 y 2015", {"years": Span(2010, 2015)}),
    ("de los ultimos 5 años", {"years": Span(LAST - 4, LAST)}),
    ("los ultimos diez anos", {"years": Span(LAST - 9, LAST)}),
    ("de la ultima decada", {"years": Span(LAST - 9, LAST)}),
    ("before 2010", {"years": Span(None, 2009)}),
    ("after 2015", {"years": Span(2016, None)}),
    ("from the 90s", {"years": Span(1990, 1999)}),
    ("older than 2000", {"years": Span(None, 1999)}),
    ("newer than 2018", {"years": Span(2019, None)}),
    ("the last 5 years", {"years": Span(LAST - 4, LAST)}),
    ("past 3 years", {"years": Span(LAST - 2, LAST)}),
    ("in the last 10 years", {"years": Span(LAST - 9, LAST)}),
    # exclusions
    ("sin terror", {"not_genres": {"horror"}}),
    ("que no sea de miedo", {"not_genres": {"horror"}}),
    ("excepto comedias", {"not_genres": {"comedy"}}),
    ("nada de terror", {"not_genres": {"horror"}}),
    ("todo menos romance", {"not_genres": {"romance"}}),
    ("cualquier cosa menos terror", {"not_genres": {"horror"}}),
    ("skip the horror", {"not_genres": {"horror"}}),
    ("but no horror", {"not_genres": {"horror"}}),
    ("nothing scary", {"not_genres": {"horror"}}),
    ("anything but romance", {"not_genres": {"romance"}}),
    ("without anime", {"not_genres": {"anime"}}),
    ("except for comedies", {"not_genres": {"comedy"}}),
    # countries: where a title is from
    ("coreanas", {"countries": {"south korea"}}),
    ("japonesas", {"countries": {"japan"}}),
    ("mexicanas", {"countries": {"mexico"}}),
    ("españolas", {"countries": {"spain"}}),
    ("doramas", {"countries": {"south korea"}, "type": SHOW}),
    ("un dorama", {"countries": {"south korea"}, "type": SHOW}),
    ("korean", {"countries": {"south korea"}}),
    ("japanese", {"countries": {"japan"}}),
    ("mexican", {"countries": {"mexico"}}),
    ("spanish", {"countries": {"spain"}}),
    ("bollywood", {"countries": {"india"}}),
    ("k-drama", {"countries": {"south korea"}, "type": SHOW}),
    ("kdramas", {"countries": {"south korea"}, "type": SHOW}),
    ("anime", {"genres": {"anime"}}),  # a genre, not Japan
]


def as_sets(filters: dict) -> dict:
    return {k: set(v) if isinstance(v, frozenset) else v for k, v in filters.items()}


@pytest.mark.parametrize("text, want", FRAGMENTS)
def test_a_fragment_reads_as_its_filters(understanding, text, want):
    got = understanding.filters_of(text)
    assert (as_sets(stated(got)) if got is not None else None) == want


# Whole questions: the filter, and nothing left over that could be a title.
QUESTIONS = [
    # "ninguna de" is an exclusion; a sitcom is a series; "me apetece" asks for titles
    ("thrillers en prime, ninguna de crimen", {"genres": {"thriller"}, "not_genres": {"crime"}}),
    ("a sitcom on hulu", {"genres": {"comedy"}, "type": SHOW}),
    ("me apetece una peli mexicana", {"countries": {"mexico"}, "type": TitleType.MOVIE}),
    ("pelis de menos de hora y media en netflix", {"minutes": Span(None, 89), "type": TitleType.MOVIE}),
    ("recomiendame algo que no pase de dos horas", {"minutes": Span(None, 120)}),
    ("peliculas cortas para hoy", {"minutes": Span(None, 89), "type": TitleType.MOVIE}),
    ("series cortas en hulu", {"seasons": Span(None, 2), "type": SHOW}),
    ("una serie de una o dos temporadas como mucho", {"seasons": Span(None, 2), "type": SHOW}),
    ("series de comedia antes del 2010", {"years": Span(None, 2009), "type": SHOW}),
    ("peliculas de los 80 en prime", {"years": Span(1980, 1989), "type": TitleType.MOVIE}),
    ("pelis de accion sin terror", {"not_genres": {"horror"}, "type": TitleType.MOVIE}),
    ("quiero ver doramas en netflix", {"countries": {"south korea"}, "type": SHOW}),
    ("pelis mexicanas de los ultimos 5 años", {"countries": {"mexico"}, "years": Span(LAST - 4, LAST)}),
    ("movies under an hour and a half on disney", {"minutes": Span(None, 89), "type": TitleType.MOVIE}),
    ("any good shows max 2 seasons", {"seasons": Span(None, 2), "type": SHOW}),
    ("short movies for tonight", {"minutes": Span(None, 89), "type": TitleType.MOVIE}),
    ("comedies from the last 5 years", {"years": Span(LAST - 4, LAST)}),
    ("thrillers but no horror", {"not_genres": {"horror"}}),
    ("korean shows on netflix", {"countries": {"south korea"}, "type": SHOW}),
    ("some bollywood movies", {"countries": {"india"}, "type": TitleType.MOVIE}),
    # "nothing over …" is a limit, not "over …"; a rating said as a limit is an age band
    ("scary stuff on hulu but nothing over 85 minutes", {"minutes": Span(None, 85)}),
    ("series de netflix, nada de mas de 3 temporadas", {"seasons": Span(None, 3), "type": SHOW}),
    ("cartoons for my nephew, nothing above 7+", {"bands": Span(None, Band.SEVEN), "ratings": None}),
    ("comedias en prime, nada de +18", {"bands": Span(None, Band.SIXTEEN), "ratings": None}),
    ("kids shows on disney tv-pg at most", {"bands": Span(None, Band.SEVEN), "ratings": None}),
    ("cartoons on disney ok for 7 and under", {"bands": Span(None, Band.SEVEN)}),  # an age said as a limit
    ("comedias romanticas aptas para 13", {"bands": Span(None, Band.THIRTEEN), "ratings": None}),
    # a platform after a negation is left out: the other three
    ("thrillers from 2020 that are not on hulu", {"platforms": {"amazon", "disney", "netflix"}}),
    ("series de anime que no esten en netflix", {"platforms": {"amazon", "disney", "hulu"}}),
    ("can you show me some animated movies", {"genres": {"animation"}, "type": TitleType.MOVIE}),  # the verb
    # a label that is also a word ("r", "pg") is a rating beside "rated", a limit with "no" or "or less"
    ("stand up on netflix but no r rated stuff", {"bands": Span(None, Band.SIXTEEN), "ratings": None}),
    ("animated movies rated pg or less", {"bands": Span(None, Band.SEVEN), "ratings": None}),
    ("hulu shows tv-14 or lower", {"bands": Span(None, Band.THIRTEEN), "ratings": None}),
    (
        "movie night with friends, something funny on prime",
        {"genres": {"comedy"}, "type": None},
    ),  # an occasion
]


@pytest.mark.parametrize("text, want", QUESTIONS)
def test_a_question_carries_its_filters_and_no_title(understanding, text, want):
    q = understanding.parse(text)
    got = as_sets(stated(q.filters))
    assert {k: got.get(k) for k in want} == want
    assert q.title is None and q.leftover == ""


@pytest.mark.parametrize(
    "text",
    ["the big short", "short circuit", "where can i watch the last kingdom", "is skip on netflix"],
)
def test_a_title_with_a_filter_word_stays_a_title(understanding, text):
    # "short", "last", "skip" are filter words only beside what makes them one.
    q = understanding.parse(text)
    assert q.title is not None and q.filters.minutes is None and q.filters.years is None


@pytest.mark.parametrize("text", ["movies in spanish", "pelis en español", "peliculas en espanol"])
def test_the_language_of_a_title_is_no_country(understanding, text):
    # The catalogues record where a title is from, not its audio: "in spanish" is no Spain.
    q = understanding.parse(text)
    assert not q.filters.countries and q.type == TitleType.MOVIE


def test_nothing_but_is_no_exclusion(understanding):
    # "nothing but comedies" is only comedies: never "no comedies".
    assert "comedy" not in understanding.parse("nothing but comedies").filters.not_genres


def test_a_negated_platform_of_one_title_is_still_the_platform_asked(understanding):
    q = understanding.parse("my friend says ozark isnt on netflix anymore, true?")
    assert q.filters.platforms == {"netflix"} and q.answer()[1][0].title == "Ozark"


@pytest.mark.parametrize(
    "text", ["quiero algo de miedo pero no muy de miedo", "something creepy but not too creepy"]
)
def test_a_degree_is_no_exclusion(understanding, text):
    f = understanding.parse(text).filters
    assert f.genres == {"horror"} and not f.not_genres, (text, f)


@pytest.mark.parametrize(
    ("text", "seasons"),
    [("anime thats not super long, like 1 or 2 seasons", Span(None, 2)),  # every show has a season
     ("series cortas, 3 temporadas max", Span(None, 3)), ("series de 2 o 3 temporadas", Span(2, 3))],
)  # fmt: skip
def test_short_is_seasons_when_seasons_are_counted(understanding, text, seasons):
    f = understanding.parse(text).filters
    assert f.seasons == seasons and f.minutes is None, (text, f)
