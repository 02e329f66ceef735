"""Reading a message against the conversation so far: behaviour a user notices.

On the fixture catalogue. Each test plays a short conversation: the frame is what the bot
would have kept after answering (the list it showed, the title it answered about)."""

from __future__ import annotations

import time
from dataclasses import replace

from core.catalogue.title_types import TitleType
from core.dialogue import EXPIRES_AFTER, Frame, follow
from core.dialogue.follow import Kind
from core.questions import answers
from core.understanding import Intent


def read(understanding, frame, text):
    return follow(frame, understanding.parse(text), text, understanding, now=time.time())


def after(snapshot, understanding, text, frame=None):
    """The frame the bot keeps after answering ``text`` (a list shows its first page)."""
    reading = read(understanding, frame or Frame(), text)
    q = reading.question
    frame = replace(frame or Frame(), asked=q, at=time.time())
    if q.intent in (Intent.TOP, Intent.COUNT, Intent.PERSON):
        f = q.filters.but(score_above=-1.0) if q.intent == Intent.TOP else q.filters
        frame = frame.showing(answers.page(snapshot.table, f, q.start, 10).ids, q.start)
    elif q.matches and q.answer()[0] == "confident":
        frame = replace(frame, focus=q.answer()[1][0].id)
    return reading, frame


def test_a_changed_platform_refines_the_last_question(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "how many horror movies are on netflix")
    for text in ("and on hulu?", "¿y en hulu?", "what about hulu", "pero en hulu"):
        reading = read(understanding, frame, text)
        assert reading.kind == Kind.REFINED, text
        q = reading.question
        assert q.intent == Intent.COUNT and q.filters.platforms == {"hulu"}, text
        assert q.filters.genres == {"horror"} and q.filters.type == TitleType.MOVIE, text


def test_a_type_genre_or_year_change_keeps_the_rest(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "best horror movies on netflix")
    shows = read(understanding, frame, "what about series?").question
    assert shows.filters.type == TitleType.SHOW and shows.filters.platforms == {"netflix"}
    assert shows.filters.genres == {"horror"}
    comedies = read(understanding, frame, "and comedies?").question
    assert comedies.filters.genres == {"comedy"} and comedies.filters.type == TitleType.MOVIE
    y2020 = read(understanding, frame, "y en 2020?").question
    assert y2020.filters.year == 2020 and y2020.filters.genres == {"horror"}


def test_an_exclusion_is_added_and_a_genre_stops_being_required(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "best movies on netflix")
    q = read(understanding, frame, "not horror").question
    assert (
        q.intent == Intent.TOP and q.filters.not_genres == {"horror"} and q.filters.platforms == {"netflix"}
    )


def test_shorter_ones_narrow_the_runtime(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "best horror movies")
    q = read(understanding, frame, "shorter ones").question
    assert q.filters.minutes is not None and q.filters.minutes.high <= 90
    assert q.filters.genres == {"horror"}


def test_more_continues_the_list_after_what_was_shown(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "best horror titles")
    assert frame.shown
    for text in ("more", "más", "otra", "next", "more please", "dame más"):
        reading = read(understanding, frame, text)
        assert reading.kind == Kind.MORE, text
        assert reading.question.start == len(frame.shown) and reading.question.filters.genres == {"horror"}


def test_more_with_nothing_shown_is_not_a_continuation(understanding):
    assert read(understanding, Frame(), "more").kind == Kind.NEW


def test_an_ordinal_points_into_the_last_list(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "best horror titles")
    second = frame.shown[1]
    for text in ("the second one", "el segundo", "#2", "number 2"):
        reading = read(understanding, frame, text)
        assert reading.kind == Kind.POINTED, text
        assert reading.question.intent == Intent.TITLE and reading.question.matches[0].id == second, text
    where = read(understanding, frame, "where can I watch the second one?").question
    assert where.intent == Intent.WHERE and where.matches[0].id == second
    cast = read(understanding, frame, "el segundo quien actua").question
    assert cast.intent == Intent.CREDITS and cast.matches[0].id == second


def test_it_and_that_one_are_the_title_in_focus(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "toy story")
    toy_story = frame.focus
    expected = {
        "where can I watch it?": Intent.WHERE,
        "who's in it?": Intent.CREDITS,
        "who directed it": Intent.CREDITS,
        "¿de qué trata?": Intent.TITLE,
        "anything like that?": Intent.RECOMMEND,
        "algo parecido?": Intent.RECOMMEND,
        "is it on disney+?": Intent.WHERE,
        "donde la puedo ver": Intent.WHERE,
    }
    for text, intent in expected.items():
        q = read(understanding, frame, text).question
        assert q.intent == intent and q.matches and q.matches[0].id == toy_story, text
    directed = read(understanding, frame, "who directed it").question
    assert directed.role == "director"
    on_disney = read(understanding, frame, "is it on disney+?").question
    assert on_disney.platform == "disney"


def test_a_question_naming_its_own_title_starts_afresh(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "toy story")
    q = read(understanding, frame, "where can I watch moana?").question
    assert q.intent == Intent.WHERE and q.matches[0].title == "Moana"
    alone = understanding.parse("where can I watch moana?")
    assert q == alone


def test_a_complete_new_question_is_not_merged(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "best comedies on hulu from 2019")
    q = read(understanding, frame, "horror movies on netflix").question
    assert q.filters.years is None and q.filters.platforms == {"netflix"} and q.filters.genres == {"horror"}


def test_an_expired_conversation_is_read_alone(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "how many horror movies are on netflix")
    old = replace(frame, at=time.time() - EXPIRES_AFTER - 1)
    text = "and on hulu?"
    q = follow(old, understanding.parse(text), text, understanding, now=time.time()).question
    assert q.intent == Intent.TOP and q.filters.genres == frozenset()


def test_show_me_them_after_a_count_lists_the_titles_counted(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "how many horror movies are on netflix")
    for text in ("show me them", "cuáles son?", "muéstramelas"):
        q = read(understanding, frame, text).question
        assert (
            q.intent == Intent.TOP and q.filters.genres == {"horror"} and q.filters.platforms == {"netflix"}
        ), text


def test_a_frame_survives_its_json_form(fixture_snapshot, understanding):
    people = fixture_snapshot.table.people
    _, frame = after(fixture_snapshot, understanding, "best horror movies on netflix from 2010 to 2019")
    again = Frame.from_json(frame.to_json(people), people)
    assert again.asked.filters == frame.asked.filters and again.asked.intent == frame.asked.intent
    assert again.shown == frame.shown and again.read == frame.read
    assert Frame.from_json("{not json", people) == Frame()


def test_his_other_movies_are_the_directors_titles(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "the conjuring")
    director = fixture_snapshot.title(frame.focus)["director"].split(", ")[0]
    for text in ("his other movies", "¿qué más dirigió?", "more by that director"):
        q = read(understanding, frame, text).question
        assert q.intent == Intent.PERSON and q.filters.role == "director", text
        assert fixture_snapshot.table.people.shown(q.filters.person).lower() == director.lower(), text


def test_elsewhere_drops_the_platform(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "best horror movies on netflix")
    q = read(understanding, frame, "and elsewhere?").question
    assert q.filters.platforms == frozenset() and q.filters.genres == {"horror"}


def test_a_spanish_open_range_refines_the_years(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "mejores pelis de terror en netflix")
    q = read(understanding, frame, "de 2010 pa delante").question
    assert q.filters.years.low == 2010 and q.filters.years.high is None and q.filters.genres == {"horror"}


def test_a_new_question_with_a_filter_of_its_own_is_not_merged(fixture_snapshot, understanding):
    _, frame = after(fixture_snapshot, understanding, "longest movie on hulu in 2018")
    q = read(understanding, frame, "how many titles are rated tv-14?").question
    assert q.intent == Intent.RATING and q.filters.platforms == frozenset() and q.filters.years is None
    of_those = read(understanding, frame, "how many of those are rated tv-14?").question
    assert of_those.filters.platforms == {"hulu"} and of_those.filters.year == 2018
