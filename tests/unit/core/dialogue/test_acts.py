"""Follow-ups no phrase table lists, read by the act classifier (``core.understanding.acts``):
a question about the title in focus, "more" in words of its own, the titles behind a count.

On the fixture catalogue; phrasings written for these tests."""

from __future__ import annotations

import pytest

from core.understanding import Intent

from .test_follow import after, read


@pytest.fixture(scope="module")
def toy_story(fixture_snapshot, understanding):
    return after(fixture_snapshot, understanding, "toy story")[1]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("wait what year is that from", Intent.TITLE),
        ("y esa de q año es", Intent.TITLE),
    ],
)
def test_a_question_about_the_title_in_focus_in_words_of_its_own(understanding, toy_story, text, intent):
    q = read(understanding, toy_story, text).question
    assert q.intent == intent and q.matches and q.matches[0].id == toy_story.focus, (text, q.intent, q.title)


@pytest.fixture(scope="module")
def comedy_list(fixture_snapshot, understanding):
    return after(fixture_snapshot, understanding, "comedies on netflix")[1]


@pytest.mark.parametrize("text", ["a handful more maybe", "pasame unas cuantas mas"])
def test_more_in_words_of_its_own_continues_the_list(understanding, comedy_list, text):
    q = read(understanding, comedy_list, text).question
    assert q.start == comedy_list.read and q.filters.genres == {"comedy"}, (text, q.intent, q.start)


def test_asking_to_see_what_was_counted_lists_those_titles(fixture_snapshot, understanding):
    _, counted = after(fixture_snapshot, understanding, "how many horror movies are on hulu")
    q = read(understanding, counted, "ok lemme see a few of em").question
    assert q.intent == Intent.TOP and q.filters.genres == {"horror"} and q.filters.platforms == {"hulu"}


@pytest.fixture(scope="module")
def romcoms(fixture_snapshot, understanding):
    return after(fixture_snapshot, understanding, "romantic comedies on netflix")[1]


@pytest.mark.parametrize(
    "text", ["ugh actually no romance i cant deal rn. just comedy", "mmm mejor sin romance, solo comedia"]
)
def test_a_change_said_with_chatter_around_it_refines_the_last_list(understanding, romcoms, text):
    """Two kinds of filter (a genre kept, one dropped) would start a question of its own; the
    act reader hears a change, and the platform asked before stays."""
    q = read(understanding, romcoms, text).question
    assert q.filters.platforms == {"netflix"}, (text, q.filters)
    assert q.filters.genres == {"comedy"} and q.filters.not_genres == {"romance"}, (text, q.filters)


def test_a_whole_new_question_after_a_list_still_starts_afresh(fixture_snapshot, understanding):
    """Three kinds of filter make a question of its own: the movies asked before are not kept."""
    _, movies = after(fixture_snapshot, understanding, "romantic comedy movies on netflix")
    assert movies.asked.filters.type is not None
    q = read(understanding, movies, "ok ahora dame los mejores documentales de 2019 en hulu").question
    assert q.filters.platforms == {"hulu"} and q.filters.genres == {"documentary"}, q.filters
    assert q.filters.type is None, q.filters


@pytest.mark.parametrize(("text", "high"), [("older than 1995", 1994), ("mas viejas que 2000", 1999)])
def test_a_comparison_with_a_year_is_that_year_not_older_ones(understanding, romcoms, text, high):
    q = read(understanding, romcoms, text).question
    assert q.filters.years is not None and q.filters.years.high == high, (text, q.filters.years)
    assert q.filters.platforms == {"netflix"} and "comedy" in q.filters.genres, (text, q.filters)


@pytest.mark.parametrize("text", ["list the comedy ones", "muestrame las de comedia"])
def test_asking_to_see_a_part_of_what_was_counted_lists_that_part(fixture_snapshot, understanding, text):
    _, counted = after(fixture_snapshot, understanding, "how many movies are on netflix")
    q = read(understanding, counted, text).question
    assert q.intent == Intent.TOP and q.filters.genres == {"comedy"} and q.filters.platforms == {"netflix"}, (
        text, q.intent, q.filters)  # fmt: skip
