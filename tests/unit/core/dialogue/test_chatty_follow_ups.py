"""Follow-ups wrapped the way people wrap them, on the full catalogues (titles people ask about
are there): a fact of the title in focus in words of its own, a change of type said backwards,
an interjection before the next title, a conversation dropped on purpose. Phrasings written
for these tests."""

from __future__ import annotations

import pytest

from core.catalogue.title_types import TitleType
from core.dialogue import Kind
from core.questions.bands import Band
from core.questions.filters import Role, Span
from core.understanding import Intent

from .test_follow import after, read


@pytest.fixture(scope="module")
def understanding(full_snapshot):
    return full_snapshot.understanding


def focus_title(q) -> str:
    return q.matches[0].title if q.matches else ""


@pytest.mark.parametrize(
    "text", ["cuantas temporadas son", "how long does it last", "y cuanto dura cada capitulo"]
)
def test_a_fact_of_the_title_in_focus_is_asked_of_it(full_snapshot, understanding, text):
    _, frame = after(full_snapshot, understanding, "ozark")
    q = read(understanding, frame, text).question
    assert q.intent == Intent.TITLE and focus_title(q) == "Ozark", (text, q.intent, q.title)


def test_shows_like_it_said_in_spanish_keep_the_type(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "squid game")
    q = read(understanding, frame, "hay otras series asi?").question
    assert q.intent == Intent.RECOMMEND and focus_title(q) == "Squid Game"
    assert q.filters.type == TitleType.SHOW


def test_a_type_said_then_refused_refines_the_list(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "comedias de disney")
    q = read(understanding, frame, "ok pero que sean pelis, series no").question
    assert q.filters.type == TitleType.MOVIE and q.filters.platforms == {"disney"}, q.filters
    assert q.filters.genres == {"comedy"}, q.filters


@pytest.mark.parametrize(
    ("before", "text", "title"),
    [("is moana on disney", "uff. y coco?", "Coco"),  # "Vaya", "LOL" are titles too
     ("bird box", "lol ok so where is it then", "Bird Box")],
)  # fmt: skip
def test_reactions_before_a_question_are_no_title(full_snapshot, understanding, before, text, title):
    _, frame = after(full_snapshot, understanding, before)
    q = read(understanding, frame, text).question
    assert q.intent == Intent.WHERE and focus_title(q) == title, (text, q.intent, q.title)


def test_forget_it_drops_the_filters_of_the_last_list(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "japanese horror on hulu")
    q = read(understanding, frame, "nah forget it, whats the longest movie on netflix").question
    assert q.intent == Intent.LONGEST and q.filters.platforms == {"netflix"}
    assert not q.filters.genres and not q.filters.countries, q.filters


def test_something_else_alone_is_more_of_the_list_and_with_a_question_starts_afresh(
    full_snapshot, understanding
):
    _, frame = after(full_snapshot, understanding, "comedias de hulu")
    reading = read(understanding, frame, "otra cosa")
    assert reading.kind == Kind.MORE and reading.question.filters.platforms == {"hulu"}
    q = read(understanding, frame, "otra cosa, quien dirigio shrek").question
    assert q.intent == Intent.CREDITS and not q.filters.platforms and not q.filters.genres, q.filters


@pytest.mark.parametrize(
    ("text", "title"),
    [("de q trata el mandalorian", "The Mandalorian"), ("quien sale en los simpsons", "The Simpsons")],
)
def test_a_spanish_article_before_an_english_title_is_its_the(understanding, text, title):
    q = understanding.parse(text)
    assert q.answer()[0] == "confident" and q.answer()[1][0].title == title, (text, q.title)


def test_which_director_after_which_actor_asks_the_same_of_directors(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "which actor is in the most indian movies on prime")
    q = read(understanding, frame, "and which director").question
    assert q.intent == Intent.ACTOR and q.role is not None and q.role.value == "director", (q.intent, q.role)
    assert q.filters.countries == {"india"} and q.filters.platforms == {"amazon"}


@pytest.mark.parametrize("text", ["pasame mas", "only shows tho"])
def test_more_and_a_change_with_filler_words_follow_the_list(full_snapshot, understanding, text):
    _, frame = after(full_snapshot, understanding, "dramas on hulu")
    q = read(understanding, frame, text).question
    assert q.filters.platforms == {"hulu"} and q.filters.genres == {"drama"}, (text, q.filters)


def test_more_after_a_list_that_came_out_empty_asks_that_list_again(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "westerns on netflix")
    assert not frame.shown
    reading = read(understanding, frame, "more pls")
    assert reading.kind == Kind.MORE and reading.question.filters.genres == {"western"}


@pytest.mark.parametrize(
    "text",
    ["who has directed the most horror movies on prime", "quien ha dirigido mas pelis de terror en prime"],
)
def test_who_has_directed_the_most_asks_for_a_director(understanding, text):
    q = understanding.parse(text)
    assert q.intent == Intent.ACTOR and q.role is not None and q.role.value == "director", (text, q.intent)
    assert q.filters.genres == {"horror"} and q.filters.platforms == {"amazon"}


def test_after_a_count_of_a_persons_titles_which_ones_they_act_in_lists_them(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "cuantas pelis ha dirigido guillermo del toro")
    q = read(understanding, frame, "y en cuales actua").question
    assert q.intent == Intent.PERSON and q.role is not None and q.role.value == "cast", (q.intent, q.role)
    assert q.filters.person == frame.asked.filters.person


def test_saca_la_lista_after_a_count_lists_what_was_counted(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "cuantas pelis de guerra hay en prime")
    q = read(understanding, frame, "saca la lista").question
    assert q.intent == Intent.TOP and q.filters.genres == {"war"} and q.filters.platforms == {"amazon"}


@pytest.mark.parametrize(
    ("first", "text", "key", "want"),
    [
        ("how many korean shows on netflix", "ok now count hulu too", "platforms", {"netflix", "hulu"}),
        ("cuantas pelis de terror hay en disney", "y si sumas prime?", "platforms", {"disney", "amazon"}),
        (
            "romantic comedies on prime",
            "pero que tambien sean dramas",
            "genres",
            {"romance", "comedy", "drama"},
        ),
    ],
)
def test_a_filter_said_with_too_joins_the_old_ones(full_snapshot, understanding, first, text, key, want):
    _, frame = after(full_snapshot, understanding, first)
    q = read(understanding, frame, text).question
    assert getattr(q.filters, key) == want, (text, q.filters)


def test_a_platform_said_alone_still_replaces_the_old_one(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "how many korean shows on netflix")
    assert read(understanding, frame, "and on hulu?").question.filters.platforms == {"hulu"}


def test_the_director_after_who_acts_most_asks_who_directed_most(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "quien actua en mas comedias de netflix")
    q = read(understanding, frame, "¿y el director?").question
    assert q.intent == Intent.ACTOR and q.role == Role.DIRECTOR and q.filters.platforms == {"netflix"}


@pytest.mark.parametrize(
    ("text", "key", "want"),
    [
        ("and take out the animated ones", "not_genres", {"animation"}),
        ("que sean de pocas temporadas, 2 o 3", "seasons", Span(None, 3)),
        ("has to fit in a 45 min slot", "minutes", Span(None, 45)),
        ("dramas about sports specifically", "genres", {"drama", "sports"}),
        ("en hulu mejor, que netflix lo cancelé", "platforms", {"hulu"}),  # the reason is no filter
    ],
)
def test_a_change_said_in_passing_refines_the_list(full_snapshot, understanding, text, key, want):
    _, frame = after(full_snapshot, understanding, "shows on disney+")
    reading = read(understanding, frame, text)
    assert reading.kind == Kind.REFINED and getattr(reading.question.filters, key) == want, (text, reading)


def test_a_question_then_a_remark_is_the_question(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "the irishman")
    reading = read(understanding, frame, "how many minutes is it? my dad says like 3 hours")
    assert reading.kind == Kind.FOCUSED and reading.question.intent == Intent.TITLE


def test_more_like_it_with_filters_said_before_asi_keeps_them(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "elite")
    for text in ("hay mas series españolas asi?", "any other spanish shows like that"):
        q = read(understanding, frame, text).question
        assert q.intent == Intent.RECOMMEND and q.filters.countries == {"spain"}, (text, q)
        assert q.filters.type == TitleType.SHOW


def test_an_age_said_after_for_changes_the_band(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "cuantas series animadas hay en disney para niños de 7")
    q = read(understanding, frame, "and for 10?").question
    assert q.filters.bands == Span(None, Band.SEVEN)  # a 10-year-old: the 7+ band at most
    q = read(understanding, frame, "and for 12?").question
    assert q.filters.bands == Span(None, Band.THIRTEEN)  # a year short of 13+ counts
    assert q.filters.platforms == {"disney"}


def test_more_then_a_remark_after_the_comma_is_more(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "thrillers on prime")
    reading = read(understanding, frame, "a few more, sorry im picky lol")
    assert reading.kind == Kind.MORE and reading.question.filters.platforms == {"amazon"}


def test_which_comedian_after_a_stand_up_list_asks_who_appears_most(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "stand up comedy on hulu")
    q = read(understanding, frame, "ok which comedian has the most?").question
    assert q.intent == Intent.ACTOR and q.filters.genres == {"standup"} and q.filters.platforms == {"hulu"}


def test_asking_to_play_the_title_is_no_question_about_it(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "moana")
    q = read(understanding, frame, "ok now play it on my tv pls").question
    assert q.intent not in (Intent.CREDITS, Intent.WHERE, Intent.TITLE), q


@pytest.mark.parametrize(
    "text", ["nah, movies. scary movies", "no espera, mejor pelis de terror", "wait no, horror movies"]
)
def test_a_correction_opening_a_follow_up_changes_the_last_question(full_snapshot, understanding, text):
    _, frame = after(full_snapshot, understanding, "comedy shows on hulu")
    q = read(understanding, frame, text).question
    assert q.filters.platforms == {"hulu"} and q.filters.type == TitleType.MOVIE, (text, q.filters)
    assert q.filters.genres == {"horror"} and not q.filters.not_genres, (text, q.filters)


def test_not_too_long_asks_for_shorter_titles(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "peliculas de accion en prime")
    q = read(understanding, frame, "alguna que no sea muy larga?").question
    assert q.filters.minutes == Span(None, 90) and q.filters.platforms == {"amazon"}, q.filters
    assert understanding.parse("any shows that are not too long on hulu").filters.seasons == Span(None, 2)


def test_a_topic_as_a_follow_up_narrows_the_list(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "peliculas de terror en hulu")
    q = read(understanding, frame, "¿y de vampiros?").question
    assert (
        q.filters.topics == {"vampires"}
        and q.filters.genres == {"horror"}
        and q.filters.platforms == {"hulu"}
    )


@pytest.mark.parametrize(("first", "text"), [("dramas on hulu", "jk. who directed the second one"),
                                             ("ozark", "similiar shows?")])  # fmt: skip
def test_a_joke_before_or_a_slip_inside_a_follow_up(full_snapshot, understanding, first, text):
    _, frame = after(full_snapshot, understanding, first)
    reading = read(understanding, frame, text)
    assert reading.kind in (Kind.POINTED, Kind.FOCUSED), (text, reading)


@pytest.mark.parametrize(
    ("first", "text"),
    [("comedias en netflix", "jajaja que antiguas"), ("series de anime en netflix", "jaja q cortas")],  # no "older ones"
)  # fmt: skip
def test_laughter_and_a_remark_after_a_list_is_small_talk(full_snapshot, understanding, first, text):
    _, frame = after(full_snapshot, understanding, first)
    assert read(understanding, frame, text).question.intent == Intent.REMARK, text


@pytest.mark.parametrize(("first", "text"), [("comedias en netflix", "jaja ok pero en hulu"),
                                             ("horror movies on hulu", "lol and on netflix?")])  # fmt: skip
def test_laughter_before_a_change_still_changes_the_list(full_snapshot, understanding, first, text):
    _, frame = after(full_snapshot, understanding, first)
    q = read(understanding, frame, text).question
    assert q.intent == Intent.TOP and len(q.filters.platforms) == 1 and q.filters.genres, (text, q.filters)


@pytest.mark.parametrize(
    ("first", "text", "kept"),
    [("recomienda una serie de fantasia", "en netflix y q tenga pocas temporadas, 2 como mucho", {"fantasy"}),
     ("musicals on disney", "my aunt is 80 and hates anything new, like before 1975 pls", {"music"})],
)  # fmt: skip
def test_filters_wrapped_in_words_refine_the_list(full_snapshot, understanding, first, text, kept):
    _, frame = after(full_snapshot, understanding, first)
    q = read(understanding, frame, text).question
    assert q.intent == Intent.TOP and q.filters.genres == kept, (text, q.filters)


def test_anything_with_a_person_after_a_list_lists_their_titles(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "comedias en netflix")
    q = read(understanding, frame, "algo con adam sandler?").question
    assert q.intent == Intent.PERSON and q.filters.genres == {"comedy"} and q.filters.platforms == {"netflix"}


def test_a_person_said_alone_after_a_count_counts_theirs(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "how many movies does tom hanks have")
    assert read(understanding, frame, "and meryl streep?").question.intent == Intent.COUNT


def test_asking_for_titles_after_a_count_lists_them(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "how many horror movies are on hulu")
    q = read(understanding, frame, "recomiendame unas del 2019").question
    assert q.intent == Intent.TOP and q.filters.genres == {"horror"} and q.filters.years == Span(2019, 2019)


@pytest.mark.parametrize(("first", "text", "platform"),
                         [("anime on hulu", "is naruto on there?", "hulu"),
                          ("how many shows are on hulu", "versus netflix", "netflix")])  # fmt: skip
def test_there_and_versus_name_a_platform(full_snapshot, understanding, first, text, platform):
    _, frame = after(full_snapshot, understanding, first)
    q = read(understanding, frame, text).question
    assert q.filters.platforms == {platform}, (text, q.intent, q.filters.platforms)


def test_a_platform_left_out_then_the_ones_someone_has(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "comedias de los 90")
    q = read(understanding, frame, "not netflix, i only have prime and disney").question
    assert q.filters.platforms == {"amazon", "disney"} and q.filters.genres == {"comedy"}, q.filters


def test_show_me_the_best_after_a_count_lists_them(full_snapshot, understanding):
    _, frame = after(full_snapshot, understanding, "cuantas pelis de terror hay en hulu")
    q = read(understanding, frame, "va, enséñame las mejores").question
    assert q.intent == Intent.TOP and q.filters.genres == {"horror"} and q.filters.platforms == {"hulu"}


@pytest.mark.parametrize("text", ["ok and how many seasons are there", "y cuantas temporadas hay"])
def test_how_many_seasons_after_a_card_asks_the_title(full_snapshot, understanding, text):
    _, frame = after(full_snapshot, understanding, "ozark")
    q = read(understanding, frame, text).question
    assert q.intent == Intent.TITLE and focus_title(q) == "Ozark", (text, q.intent)


@pytest.mark.parametrize(("text", "intent"), [("ok we're all set then. thanks!!", (Intent.THANKS, Intent.REMARK)),
                                              ("lmao none of us have watched those", (Intent.REMARK,))])  # fmt: skip
def test_thanks_last_or_laughter_then_a_sentence_is_no_title(full_snapshot, understanding, text, intent):
    _, frame = after(full_snapshot, understanding, "comedias en netflix")
    assert read(understanding, frame, text).question.intent in intent, text
