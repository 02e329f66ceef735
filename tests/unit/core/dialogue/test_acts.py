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
