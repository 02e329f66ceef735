"""A title told inside a story ("my niece kept singing moana all week and now she wants it
again, is it on disney"): the rules tell the question, the title is the one the catalogue carries
in the story, never a name the story only looks like. Audiences said in words: "family movies"
is the Family & Kids genre, a child's age a band. On the real catalogues. Phrasings written for
these tests."""

from __future__ import annotations

import pytest

from core.questions.bands import Band
from core.understanding import CONFIDENT, Intent


@pytest.fixture(scope="module")
def understanding(full_snapshot):
    return full_snapshot.understanding


@pytest.mark.parametrize(
    ("text", "intent", "title"),
    [
        ("my niece kept singing moana all week and now she wants to see it again, is it on disney",
         Intent.WHERE, "Moana"),
        ("en el trabajo todos hablan de ozark y ahora quiero verla, donde la pasan", Intent.WHERE, "Ozark"),
        ("we just finished reading little women and my daughter wants the film, where can we stream it",
         Intent.WHERE, "Little Women"),
    ],
)  # fmt: skip
def test_the_title_inside_a_story_is_asked_about(understanding, text, intent, title):
    q = understanding.parse(text)
    kind, titles = q.answer()
    assert q.intent == intent and kind == CONFIDENT and titles[0].title == title, (text, q.title)


@pytest.mark.parametrize(
    "text",
    ["requiem for a dream", "is pride and prejudice and dragons on netflix"],  # more of a name, not a story
)
def test_a_name_that_contains_a_title_stays_unknown(understanding, text):
    assert understanding.parse(text).answer()[0] != CONFIDENT, text


@pytest.mark.parametrize(
    ("text", "band"),
    [("family movies for my 5 year old", Band.SEVEN), ("something for a 12 year old on netflix", Band.THIRTEEN),
     ("pelis para mi sobrino de 9 años", Band.SEVEN)],
)  # fmt: skip
def test_a_childs_age_is_a_band_and_family_a_genre(understanding, text, band):
    f = understanding.parse(text).filters
    assert f.bands is not None and f.bands.high == band, (text, f.bands)
    if "family" in text:
        assert f.genres == {"family"}


@pytest.mark.parametrize("text", ["family movies on disney", "peliculas para toda la familia en netflix"])
def test_family_is_the_family_genre(understanding, text):
    q = understanding.parse(text)
    assert q.intent == Intent.TOP and q.filters.genres == {"family"} and q.filters.bands is None, q


@pytest.mark.parametrize(
    ("text", "intent", "title"),
    [("quien hace las voces en toy story", Intent.CREDITS, "Toy Story"),  # "Voces" is no name of a work here
     ("quien pone las voces en shrek", Intent.CREDITS, "Shrek")],
)  # fmt: skip
def test_a_chat_word_beside_a_title_is_no_name_of_a_work(understanding, text, intent, title):
    q = understanding.parse(text)
    kind, titles = q.answer()
    assert q.intent == intent and kind == CONFIDENT and titles[0].title == title, (text, q.intent, q.title)


def test_a_word_after_a_possessive_is_no_one_word_title(understanding):
    """ "mi jefe" is the asker's boss, not the film "Jefe"."""
    reading = understanding.act("mi jefe dice que es la mejor serie")
    assert not reading.titles, reading.titles


@pytest.mark.parametrize(
    "text",
    [
        "gimme a movie from 1997 haha thats when my parents met",
        "quiero una serie de 2015 jaja el año que me case",
    ],
)
def test_filters_said_in_chatter_the_act_reader_calls_a_request_list_titles(understanding, text):
    q = understanding.parse(text)
    assert q.intent == Intent.TOP and q.filters.years is not None, (text, q.intent, q.filters.years)


@pytest.mark.parametrize(("text", "title"), [("is grown ups on netflix", "Grown Ups")])
def test_a_title_that_is_also_an_audience_word_is_the_title(understanding, text, title):
    q = understanding.parse(text)
    assert q.answer()[0] == CONFIDENT and q.answer()[1][0].title == title, (text, q.intent, q.title)


def test_grown_ups_said_as_the_audience_is_the_adult_band(understanding):
    assert understanding.parse("movies for grown ups on hulu").filters.bands.low == Band.EIGHTEEN


def test_a_word_after_a_possessive_and_an_adjective_is_no_one_word_title(understanding):
    assert not understanding.act("my little cousins are staying over tonight").titles


@pytest.mark.parametrize(("text", "title"), [("is ozark on any of these apps", "Ozark"),
                                             ("esta coco en alguna de estas?", "Coco")])  # fmt: skip
def test_on_any_of_these_asks_where_the_title_is(understanding, text, title):
    q = understanding.parse(text)
    assert q.intent == Intent.WHERE and q.answer()[0] == CONFIDENT and q.answer()[1][0].title == title, (
        q.title
    )
