"""Follow-ups wrapped in words nobody listed: the parts they name are read, the rest let go.

On the fixture catalogue, phrased the way people type (filler, slang, no punctuation)."""

from __future__ import annotations

import pytest

from core.catalogue.title_types import TitleType
from core.dialogue import Frame
from core.dialogue.follow import Kind
from core.questions.filters import Role
from core.understanding import Intent

from .test_follow import after, read


@pytest.fixture(scope="module")
def understanding(fixture_snapshot):
    return fixture_snapshot.understanding


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
