"""Single messages typed the way people chat: company after a title, chat shorthand and typos in
question words, a vocative or "anyway" after thanks, "is it for kids?" after a title. On the
real catalogues. Phrasings written for these tests."""

from __future__ import annotations

import pytest

from core.understanding import CONFIDENT, Intent


@pytest.fixture(scope="module")
def understanding(full_snapshot):
    return full_snapshot.understanding


@pytest.mark.parametrize(
    ("text", "intent", "title"),
    [
        ("donde puedo ver soul con mis hijos", Intent.WHERE, "Soul"),
        ("where can i stream frozen with my niece", Intent.WHERE, "Frozen"),
        ("smth like stranger things pls", Intent.RECOMMEND, "Stranger Things"),
        ("sth like the office", Intent.RECOMMEND, "The Office"),
        ("coco es para niños?", Intent.TITLE, "Coco"),
        ("klaus, is it ok for kids?", Intent.TITLE, "Klaus"),
        ("coco, is it any good?", Intent.TITLE, "Coco"),
        ("is shrek worth watching", Intent.TITLE, "Shrek"),
        ("saw the conjuring and loved it, what now", Intent.RECOMMEND, "The Conjuring"),
        ("donde veo rick y morty", Intent.WHERE, "Rick and Morty"),
        ("buenas! de que va ozark", Intent.TITLE, "Ozark"),  # a greeting before "de qué va"
        ("hey there, what's bridgerton about", Intent.TITLE, "Bridgerton"),
        # a misspelt title ends where "on <platform>" and another clause start
        ("is strangr things on netflix or did it leave", Intent.WHERE, "Stranger Things"),
        ("esta la casa de papl en netflix o ya la quitaron", Intent.WHERE, "La casa de papel"),
    ],
)
def test_the_title_is_found_among_chat(understanding, text, intent, title):
    q = understanding.parse(text)
    kind, titles = q.answer()
    assert q.intent == intent and kind == CONFIDENT and titles[0].title == title, (text, q.title)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("howmany movies on netflix", Intent.COUNT),
        ("how mnay shows on hulu 2019", Intent.COUNT),
        ("la serie mas cortita de disney", Intent.LONGEST),
        ("gracias igual", Intent.THANKS),
        ("mil gracias che", Intent.THANKS),
        ("thanks anyway", Intent.THANKS),
    ],
)
def test_question_words_survive_typos_and_chat(understanding, text, intent):
    q = understanding.parse(text)
    assert q.intent == intent and not q.title, (text, q.title)
    if intent == Intent.LONGEST:
        assert q.shortest


@pytest.mark.parametrize(
    ("text", "kind"),
    [("not shows, movies", "movie"), ("series no pelis", "tv show"), ("no movies pls", "tv show"),
     ("comedias de netflix, pelis no series", "movie")],
)  # fmt: skip
def test_a_type_said_with_a_negation_is_left_out(understanding, text, kind):
    assert str(understanding.parse(text).filters.type) == kind, text


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("pelis de los 2000", (2000, 2009)),
        ("series de los años 2010", (2010, 2019)),
        ("pelis del 2000", (2000, 2000)),
    ],
)
def test_spanish_decades_written_in_full(understanding, text, years):
    span = understanding.parse(text).filters.years
    assert (span.low, span.high) == years, text


def test_a_year_inside_wider_words_is_the_one_asked(understanding):
    span = understanding.parse("que estrenos hay en hulu del 2021").filters.years
    assert (span.low, span.high) == (2021, 2021)
    span = understanding.parse("movies from 2019 2020").filters.years
    assert (span.low, span.high) == (2019, 2020)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("titanic esta en alguna?", None),
        ("coco esta en alguna plataforma?", "Coco"),
        ("tienes la de luca de pixar?", "Luca"),
        ("where can i watch inception by christopher nolan", "Inception"),
    ],
)
def test_a_platform_question_with_words_around_the_title(understanding, text, title):
    q = understanding.parse(text)
    assert q.intent == Intent.WHERE and q.filters.person is None, text
    if title:
        assert q.answer()[0] == CONFIDENT and q.answer()[1][0].title == title, text


def test_runtimes_and_centuries_in_words(understanding):
    assert understanding.filters_of("que dure menos de una hora y cuarto").minutes.high == 74
    assert understanding.filters_of("de este siglo").years.low == 2000


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("jaja lo sabia", Intent.REMARK),
        ("jsjs que bueno", Intent.REMARK),
        ("haha yikes", Intent.REMARK),
        ("👌", Intent.REMARK),
        ("👍👍", Intent.REMARK),
        ("chido, gracias", Intent.THANKS),
        ("ok perfect thx", Intent.THANKS),
        ("ur the best bot", Intent.THANKS),
    ],
)
def test_small_talk_gets_no_title_card(understanding, text, intent):
    q = understanding.parse(text)
    assert q.intent == intent and not q.title, (text, q.title)


def test_laughter_beside_a_title_still_finds_it(understanding):
    q = understanding.parse("jaja ok, shrek")
    assert q.intent == Intent.TITLE and q.answer()[1][0].title == "Shrek"


@pytest.mark.parametrize(
    ("text", "title", "platform"),
    [
        ("moana esta en disney?", "Moana", "disney"),
        ("el rey león está en hulu?", "The Lion King", "hulu"),
        ("shrek is on netflix right", "Shrek", "netflix"),
    ],
)
def test_title_then_is_it_on_a_platform(understanding, text, title, platform):
    q = understanding.parse(text)
    assert q.intent == Intent.WHERE and q.platform == platform, (text, q.title)
    assert q.answer()[0] == CONFIDENT and q.answer()[1][0].title == title, text


@pytest.mark.parametrize("text", ["what has zendaya been in", "en que ha salido zendaya", "zendaya series"])
def test_a_person_known_by_one_name(understanding, text):
    q = understanding.parse(text)
    assert q.intent == Intent.PERSON and q.filters.person is not None, text
    assert understanding.people.shown(q.filters.person) == "Zendaya"


def test_a_year_said_beats_a_vague_newer(understanding):
    span = understanding.parse("pelis mas nuevas, del 2016 en adelante").filters.years
    assert (span.low, span.high) == (2016, None)


def test_a_weak_country_word_right_after_a_type(understanding):
    assert understanding.parse("series chinas de netflix").filters.countries == {"china"}
    assert understanding.parse("# of horror shows on netflix").intent == Intent.COUNT


def test_a_limit_after_with_is_no_person(understanding):
    q = understanding.parse("drama shows on netflix with max 2 seasons")
    assert q.filters.person is None and q.filters.seasons.high == 2


@pytest.mark.parametrize(
    ("text", "years"),
    [("not from before 1990", (1990, None)), ("pelis que no sean de antes del 2005", (2005, None)),
     ("shows not newer than 2010", (None, 2010))],
)  # fmt: skip
def test_a_negated_limit_of_years_is_the_other_side(understanding, text, years):
    span = understanding.parse(text).filters.years
    assert (span.low, span.high) == years, text


@pytest.mark.parametrize(
    ("text", "genre", "audience"),
    [("teen dramas on hulu", True, False), ("series juveniles", True, False),
     ("movies for teens", False, True), ("algo para mi hijo adolescente", False, True)],
)  # fmt: skip
def test_teen_describes_the_titles_or_who_watches(understanding, text, genre, audience):
    f = understanding.parse(text).filters
    assert ("teen" in f.genres) == genre and (f.bands is not None) == audience, text


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("haha ok. now give me a horror movie on hulu", Intent.TOP),  # "Haha" and "OK" are titles too
        ("never heard of any of those 😅", Intent.REMARK),
        ("jaja no me suena ninguna", Intent.REMARK),
    ],
)
def test_reactions_are_no_titles(understanding, text, intent):
    q = understanding.parse(text)
    assert q.intent == intent and q.title is None, (text, q.intent, q.title)


@pytest.mark.parametrize(
    ("text", "years"),
    [("pelis de terror de antes del 80", (None, 1979)), ("series desde el 98 en hulu", (1998, None))],
)
def test_a_year_with_two_digits_after_an_article(understanding, text, years):
    span = understanding.parse(text).filters.years
    assert (span.low, span.high) == years


def test_a_country_after_from_is_the_country_not_a_surname(understanding):
    q = understanding.parse("netflix movies frm canada")  # Ron Canada is in the catalogues
    assert q.filters.countries == {"canada"} and q.filters.person is None


@pytest.mark.parametrize(
    ("text", "intent", "title"),
    [
        ("quien hace de eleven en stranger things", Intent.CREDITS, "Stranger Things"),  # a character
        ("who plays dwight in the office", Intent.CREDITS, "The Office"),
        ("algo tipo the office pero mas reciente", Intent.RECOMMEND, "The Office"),  # a comparison after
        ("shows like ozark but a bit newer", Intent.RECOMMEND, "Ozark"),
    ],
)
def test_a_title_beside_a_character_or_a_comparison(understanding, text, intent, title):
    q = understanding.parse(text)
    kind, titles = q.answer()
    assert q.intent == intent and kind == CONFIDENT and titles[0].title == title, (text, q.title)


def test_a_request_to_binge_is_a_list_request(understanding):
    q = understanding.parse("recomiendame una serie cortita para maratonear")
    assert q.intent == Intent.TOP and q.title is None and q.filters.seasons is not None


@pytest.mark.parametrize(
    "text",
    [
        "something relaxing to fall asleep to",
        "algo que me haga reir un rato, en netflix",
        "an old black and white movie",
    ],
)
def test_a_request_in_no_catalogue_words_is_a_list_not_an_absent_title(understanding, text):
    q = understanding.parse(text)
    assert q.intent == Intent.TOP and q.title is None, (text, q.intent, q.title)


@pytest.mark.parametrize(
    "text", ["surprise me", "sorpréndeme con algo de hulu", "anything good for a rainy day"]
)
def test_an_occasion_or_surprise_me_asks_for_a_list(understanding, text):
    q = understanding.parse(text)
    assert q.intent == Intent.TOP and q.title is None, (text, q.intent, q.title)


@pytest.mark.parametrize(
    "text", ["thx!! wish me luck tonight", "ty u saved my movie night", "gracias eres un crack"]
)
def test_thanks_then_words_the_bot_cannot_answer_are_thanks(understanding, text):
    assert understanding.parse(text).intent in (Intent.THANKS, Intent.REMARK), text  # chat, never a title


@pytest.mark.parametrize(
    ("text", "intent"),
    [("ando aburrida, qué pelis de terror hay en hulu", Intent.TOP),  # a remark, then the question
     ("long week lol, where can i watch ozark", Intent.WHERE)],
)  # fmt: skip
def test_a_remark_before_the_comma_leaves_the_question(understanding, text, intent):
    q = understanding.parse(text)
    assert q.intent == intent and (q.title is None or q.answer()[0] == CONFIDENT), (text, q.title)


def test_a_second_question_after_and_ends_the_title(understanding):
    q = understanding.parse("who directed moana and who's in it")
    assert q.intent == Intent.CREDITS and q.answer()[1][0].title == "Moana"


def test_a_longer_title_in_no_catalogue_is_not_the_shorter_one_inside_it(understanding):
    q = understanding.parse("where can i watch the land before time")  # "The Land" is another film
    assert q.answer()[0] != CONFIDENT, q.title


def test_thanks_at_the_end_of_chatter_are_thanks(understanding):
    assert understanding.parse("bless you, thanks").intent == Intent.THANKS
