"""Follow-ups wrapped in words nobody listed: the parts they name are read, the rest let go.

On the fixture catalogue, phrased the way people type (filler, slang, no punctuation)."""

from __future__ import annotations

import time

import pytest

from core.catalogue.title_types import TitleType
from core.dialogue import Frame
from core.dialogue.follow import Kind
from core.questions.filters import Role
from core.understanding import Intent

from .test_follow import after, read


@pytest.fixture(scope="module")
def horror_list(fixture_snapshot, understanding):
    return after(fixture_snapshot, understanding, "best horror movies on netflix")[1]


@pytest.mark.parametrize(
    "text", ["on hulu tho", "hulu ones specifically", "ok and hulu maybe", "y en hulu wey"]
)
def test_a_platform_among_filler_refines_the_list(understanding, horror_list, text):
    q = read(understanding, horror_list, text).question
    assert q.intent == Intent.TOP and q.filters.platforms == {"hulu"}, text
    assert q.filters.genres == {"horror"} and q.filters.type == TitleType.MOVIE, text


@pytest.mark.parametrize(
    "text", ["a couple more", "got any others", "dame unas otras", "y otros pls", "next batch"]
)
def test_more_among_filler_continues_the_list(understanding, horror_list, text):
    reading = read(understanding, horror_list, text)
    assert reading.question.start == horror_list.read, text
    assert reading.question.filters.genres == {"horror"}, text


@pytest.mark.parametrize(
    ("text", "intent", "role"),
    [
        ("the 2nd one, where do i find that", Intent.WHERE, None),
        ("second one, who plays in it??", Intent.CREDITS, Role.CAST),
        ("la segunda quien la dirigio", Intent.CREDITS, Role.DIRECTOR),
        ("top one, whats it like", Intent.TITLE, None),
    ],
)
def test_a_position_with_a_question_asks_it_of_that_title(understanding, horror_list, text, intent, role):
    q = read(understanding, horror_list, text).question
    wanted = 0 if text.startswith("top") else 1
    assert q.intent == intent and q.matches[0].id == horror_list.shown[wanted], text
    if role is not None:
        assert q.role == role, text


def test_words_that_name_a_title_still_ask_about_that_title(fixture_snapshot, understanding, horror_list):
    named = [
        i for i in horror_list.shown if understanding.parse(fixture_snapshot.title(i)["display_title"]).title
    ]
    title_id = named[0]  # a title of the list whose name is no filter ("Scary Movie" is)
    title = fixture_snapshot.title(title_id)["display_title"]
    reading = read(understanding, horror_list, f"ok what about {title} tho")
    assert reading.kind != Kind.LOOSE
    assert reading.question.title and reading.question.matches[0].id == title_id


def test_filler_without_a_conversation_is_not_read_loosely(understanding):
    q = read(understanding, Frame(), "on hulu tho").question
    assert q.intent != Intent.TOP or not q.filters.genres


@pytest.fixture(scope="module")
def card_frame(fixture_snapshot, understanding, horror_list):
    """The card of the list's second title ("the second one"), as the bot keeps it."""
    frame = after(fixture_snapshot, understanding, "the second one", horror_list)[1]
    assert frame.focus == horror_list.shown[1]
    return frame


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("quien actua ahi", Intent.CREDITS),
        ("y el reparto?", Intent.CREDITS),
        ("which platforms carry it", Intent.WHERE),
        ("otras del mismo estilo", Intent.RECOMMEND),
        ("got anything in the same vibe", Intent.RECOMMEND),
    ],
)
def test_a_question_with_no_title_of_its_own_is_about_the_title_in_focus(
    understanding, card_frame, text, intent
):
    q = read(understanding, card_frame, text).question
    assert q.intent == intent and q.matches and q.matches[0].id == card_frame.focus, text


def test_who_appears_most_is_still_its_own_question(understanding, card_frame):
    q = read(understanding, card_frame, "which actor appears the most").question
    assert q.intent == Intent.ACTOR


def test_a_stated_value_wins_over_a_relative_word(understanding, horror_list):
    q = read(understanding, horror_list, "older ones, before 2005").question
    assert q.filters.years.high == 2004 and q.filters.genres == {"horror"}
    q = read(understanding, horror_list, "older ones").question
    assert q.filters.years.high is not None and q.filters.years.high < 2004


def test_spain_spanish_a_few_more_continues_the_list(understanding, horror_list):
    q = read(understanding, horror_list, "venga otras cuantas").question
    assert q.start == horror_list.read and q.intent == Intent.TOP


def test_where_and_which_kind_refine_while_a_new_topic_starts_afresh(understanding, horror_list):
    q = read(understanding, horror_list, "shows on hulu").question
    assert (
        q.filters.genres == {"horror"}
        and q.filters.platforms == {"hulu"}
        and q.filters.type == TitleType.SHOW
    )
    fresh = read(understanding, horror_list, "comedy shows on hulu").question
    assert fresh.filters.genres == {"comedy"}


def test_a_title_named_after_like_is_the_one_suggestions_follow(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "algo parecido a toy story")
    q = read(understanding, frame, "no, mejor como moana").question
    assert q.intent == Intent.RECOMMEND and q.matches[0].title == "Moana"
    q = read(understanding, frame, "y a moana?").question
    assert q.intent == Intent.RECOMMEND and q.matches[0].title == "Moana"


def test_a_message_that_opens_as_a_request_of_its_own_starts_afresh(understanding, horror_list):
    q = read(understanding, horror_list, "something for my 6 year old on hulu").question
    assert not q.filters.genres and q.filters.platforms == {"hulu"} and q.filters.bands is not None


def test_a_follow_up_after_a_title_in_no_catalogue_is_about_that_title(understanding):
    missed = understanding.parse("where can i stream zorblax the movie")
    assert missed.answer()[0] == "absent"
    frame = Frame(missed=missed, at=time.time())
    q = read(understanding, frame, "damn, got anything similar").question
    assert q.intent == Intent.RECOMMEND and q.title == missed.title


def test_words_around_a_position_ask_of_it_whatever_they_say(understanding, horror_list):
    q = read(understanding, horror_list, "the first one, where's that").question
    assert q.intent == Intent.WHERE and q.matches[0].id == horror_list.shown[0]
    q = read(understanding, horror_list, "and the third, is it on hulu as well").question
    assert q.intent == Intent.WHERE and q.platform == "hulu" and q.matches[0].id == horror_list.shown[2]


def test_a_whole_new_request_after_ok_is_not_merged(understanding, horror_list):
    q = read(understanding, horror_list, "ok ahora dame las mejores comedias de 2019 en hulu").question
    assert q.filters.genres == {"comedy"} and q.filters.platforms == {"hulu"} and q.filters.type is None
    merged = read(understanding, horror_list, "and comedies from 2019?").question
    assert merged.filters.type == TitleType.MOVIE and merged.filters.platforms == {"netflix"}


def test_a_genre_instead_of_another_replaces_it(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "how many comedies on netflix")
    for text in ("documentaries instead of comedies", "y documentales en lugar de comedias"):
        q = read(understanding, frame, text).question
        assert q.intent == Intent.COUNT and q.filters.genres == {"documentary"}, text
        assert q.filters.platforms == {"netflix"}, text


def test_a_year_or_newer_is_an_open_range(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "horror movies on netflix")
    for text, years in (("2015 or newer", (2015, None)), ("ok but 2010 or older", (None, 2010))):
        span = read(understanding, frame, text).question.filters.years
        assert (span.low, span.high) == years, text


def test_the_role_of_the_person_asked_about(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "movies with james wan")
    for text, role in (("just the ones he directed", Role.DIRECTOR), ("solo en las que actua", Role.CAST)):
        q = read(understanding, frame, text).question
        assert q.intent == Intent.PERSON and q.role == role and q.filters.person is not None, text


def test_suggestions_like_the_title_in_focus_keep_the_filters_said(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "where can i watch the conjuring")
    q = read(understanding, frame, "smth like it but on hulu, movies only").question
    assert q.intent == Intent.RECOMMEND and q.matches[0].title == "The Conjuring"
    assert q.filters.platforms == {"hulu"} and q.filters.type == TitleType.MOVIE
    q = read(understanding, frame, "algo asi en disney").question
    assert q.intent == Intent.RECOMMEND and q.filters.platforms == {"disney"}


def test_movies_like_a_title_keeps_the_type(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "where is stranger things")
    q = read(understanding, frame, "ok and movies like the conjuring").question
    assert q.intent == Intent.RECOMMEND and q.filters.type == TitleType.MOVIE


def test_a_spanish_decade_after_y_refines_the_years(fixture_snapshot, understanding, horror_list):
    q = read(understanding, horror_list, "y de los 90").question
    assert (q.filters.years.low, q.filters.years.high) == (1990, 1999) and q.filters.genres == {"horror"}


def test_the_last_few_years_is_no_pointer(fixture_snapshot, understanding, horror_list):
    for text in ("only the last 3 years", "just the last two years"):
        q = read(understanding, horror_list, text).question
        assert q.intent == Intent.TOP and q.filters.years is not None and q.filters.genres == {"horror"}, text
    q = read(understanding, horror_list, "the last one").question
    assert q.matches[0].id == horror_list.shown[-1]


def test_a_title_after_ok_and_is_asked_like_the_last(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "where can i watch stranger things")
    q = read(understanding, frame, "ok and breaking bad").question
    assert q.intent == Intent.WHERE and q.matches[0].title == "Breaking Bad"


def test_swap_one_genre_for_another(fixture_snapshot, understanding, horror_list):
    for text in ("swap horror for comedy", "cambia el terror por comedia"):
        q = read(understanding, horror_list, text).question
        assert q.filters.genres == {"comedy"} and q.filters.platforms == {"netflix"}, text


def test_a_title_in_no_catalogue_and_no_question_before_it(understanding):
    """The conversation so far is only a title found nowhere: a message read loosely after it
    has no last question to refine, and must not break."""
    frame = Frame(missed=understanding.parse("whos the villain"), at=time.time())
    q = read(understanding, frame, "cachai si esta shrek en hulu?").question
    assert q is not None
