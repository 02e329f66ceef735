"""Requests before titles, and small talk without a title card (issue 22), as a user would
notice them: a message asking for something to watch is answered with a list carrying its
filters; only a message that really asks for a title gets the title answer (or "not there").

Behavioural checks in the Made-With-ML sense: invariance (a paraphrase keeps its meaning),
directional expectations (changing the mood word changes the genre the right way) and minimum
functionality (a real title question still gets its title). Phrasings written for these tests.
"""

from __future__ import annotations

import pytest

from core.understanding import Intent, Understanding

LISTS = (Intent.TOP, Intent.COUNTRY)
CONVERSATION = (Intent.UNKNOWN, Intent.GREETING, Intent.THANKS, Intent.HELP, Intent.REMARK)


@pytest.fixture(scope="module")
def understanding(fixture_snapshot):
    return Understanding.build(fixture_snapshot.catalogue, fixture_snapshot.recommender)


def no_title(q) -> bool:
    return q.title is None and not q.matches


# ---- a mood is a genre, in both languages ----------------------------------------------------
@pytest.mark.parametrize(
    "text, genre",
    [
        ("something scary for tonight", "horror"),
        ("i want a creepy movie", "horror"),
        ("anything terrifying on hulu", "horror"),
        ("algo de miedo para ver hoy", "horror"),
        ("una peli que de miedo", "horror"),
        ("quiero pasar miedo esta noche", "horror"),
        ("something to make me laugh", "comedy"),
        ("a feel good movie please", "comedy"),
        ("recommend me something light", "comedy"),
        ("anything lighthearted tonight?", "comedy"),
        ("algo que me haga reir", "comedy"),
        ("una serie divertida para desconectar", "comedy"),
        ("dame algo ligero", "comedy"),
        ("pelis para reirme un rato", "comedy"),
        ("a sad movie to cry to", "drama"),
        ("something that will make me cry", "drama"),
        ("una pelicula para llorar", "drama"),
        ("algo triste para esta noche", "drama"),
        ("something romantic for date night", "romance"),
        ("una peli romantica para una cita", "romance"),
        ("algo cursi para ver en pareja", "romance"),
        ("a tense thriller for tonight", "thriller"),
        ("something gripping on netflix", "thriller"),
        ("una serie que atrape", "thriller"),
        ("algo intrigante para el finde", "thriller"),
        ("an action packed movie", "action"),
        ("una peli de adrenalina", "action"),
    ],
)
def test_a_mood_is_answered_as_a_list_of_its_genre(understanding, text, genre):
    q = understanding.parse(text)
    assert q.intent in LISTS and no_title(q), (q.intent, q.title)
    assert genre in q.filters.genres


@pytest.mark.parametrize(
    "one, other, genres",
    [
        ("something funny for tonight", "something scary for tonight", ("comedy", "horror")),
        ("algo para reir esta noche", "algo para llorar esta noche", ("comedy", "drama")),
        ("a romantic movie on netflix", "a tense movie on netflix", ("romance", "thriller")),
        ("una serie de miedo en hulu", "una serie romantica en hulu", ("horror", "romance")),
    ],
)
def test_changing_the_mood_word_changes_the_genre(understanding, one, other, genres):
    first, second = understanding.parse(one), understanding.parse(other)
    assert genres[0] in first.filters.genres and genres[1] not in first.filters.genres
    assert genres[1] in second.filters.genres and genres[0] not in second.filters.genres
    assert first.intent == second.intent and first.platform == second.platform


# ---- paraphrases keep their meaning ----------------------------------------------------------
@pytest.mark.parametrize(
    "texts, genre, platform",
    [
        (("scary movies on netflix", "something scary to watch on netflix", "got anything creepy on netflix?",
          "hey bro i wanna see something scary tonight, what do you recommend on netflix"), "horror", "netflix"),
        (("peliculas de terror en netflix", "algo de miedo en netflix", "oye quiero ver algo de miedo con mi "
          "novio esta noche, que me recomiendas en netflix", "q me recomiendas de miedo en netflix"), "horror", "netflix"),
        (("comedies on hulu", "something funny on hulu", "anything to make me laugh on hulu tonight"), "comedy", "hulu"),
        (("comedias en hulu", "algo divertido en hulu", "busco algo que me haga reir en hulu"), "comedy", "hulu"),
    ],
)  # fmt: skip
def test_a_paraphrase_keeps_genre_and_platform(understanding, texts, genre, platform):
    for text in texts:
        q = understanding.parse(text)
        assert q.intent in LISTS and no_title(q), (text, q.intent, q.title)
        assert genre in q.filters.genres and q.platform == platform, text


# ---- audiences and company make a request, never a title -------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "a comedy series to watch with my kids",
        "movies for my kids on disney",
        "what can we watch with the kids tonight",
        "algo para mi hija de 6 años",
        "una peli para ver con los niños",
        "pelis para niños en disney",
    ],
)
def test_an_audience_of_children_is_an_age_band(understanding, text):
    q = understanding.parse(text)
    assert q.intent in LISTS and no_title(q), (q.intent, q.title)
    assert q.filters.bands is not None and q.filters.bands.high is not None and q.filters.bands.high <= 7


@pytest.mark.parametrize(
    "text",
    [
        "something to watch with my gf tonight",
        "a horror movie to watch with my boyfriend",
        "anything good with my friends on prime",
        "algo para ver con mi novia esta noche",
        "una peli de accion con mis amigos",
        "que vemos con mi pareja en disney",
        "algo romantico con mi esposa",
        "busco una serie de comedia para ver con mis hijos",
        "peliculas para ver con mis hijos",
        "una peli para ver con mi sobrino",
        "something for my daughter",
    ],
)
def test_company_makes_a_request_not_a_title(understanding, text):
    q = understanding.parse(text)
    assert q.intent in LISTS and no_title(q), (q.intent, q.title)


def test_a_son_or_daughter_of_no_stated_age_sets_no_age_band(understanding):
    # A son may be 4 or 17: only "kids", "niños" or an age say which ratings fit.
    q = understanding.parse("how many titles are rated pg for my son")
    assert q.intent == Intent.RATING and q.rating == "pg" and q.filters.bands is None
    assert understanding.parse("something for my daughter").filters.bands is None


@pytest.mark.parametrize(
    "text, platform",
    [
        ("something scary on hulu tonight", "hulu"),
        ("a feel good movie on disney+", "disney"),
        ("algo para llorar en amazon prime", "amazon"),
        ("una serie divertida en netflix para ver con mi novia", "netflix"),
        ("date night movie on prime video", "amazon"),
        ("dame algo de miedo en hulu", "hulu"),
    ],
)
def test_a_request_with_a_platform_keeps_it(understanding, text, platform):
    q = understanding.parse(text)
    assert q.intent in LISTS and no_title(q) and q.platform == platform, (q.intent, q.title, q.platform)


@pytest.mark.parametrize(
    "text, genre",
    [
        ("great horror movies", "horror"),
        ("nice comedies", "comedy"),
        ("amazing thrillers on hulu", "thriller"),
        ("cool action movies", "action"),
        ("buenas series de drama", "drama"),
        ("buenas pelis de terror", "horror"),
    ],
)
def test_a_praise_word_beside_a_genre_asks_for_a_list(understanding, text, genre):
    # "great", "nice", "buenas" also mean a reaction or a greeting: both meanings are kept.
    q = understanding.parse(text)
    assert q.intent == Intent.TOP and genre in q.filters.genres and no_title(q)


# ---- real title questions still get their title ----------------------------------------------
@pytest.mark.parametrize(
    "text, title",
    [
        ("where can i watch frozen", "Frozen"),
        ("wher cn i wach frozen", "Frozen"),
        ("where can i wacth the office", "The Office"),
        ("is coco on disney?", "Coco"),
        ("is stranger things on any of these", "Stranger Things"),
        ("¿tienen coco?", "Coco"),
        ("¿hay frozen en disney?", "Frozen"),
        ("dónde puedo ver breaking bad", "Breaking Bad"),
        ("donde veo la casa de papel", "La casa de papel"),
        ("está ozark en alguna de estas", "Ozark"),
        ("frozen", "Frozen"),
        ("moana", "Moana"),
        ("/where klaus", "Klaus"),
        ("/donde klaus", "Klaus"),
        ("/title paddington", "Paddington"),
        ("/titulo ratatouille", "Ratatouille"),
        ("crazy rich asians", "Crazy Rich Asians"),  # a remark word inside a title
    ],
)
def test_a_real_title_question_still_gets_the_title(understanding, text, title):
    q = understanding.parse(text)
    kind, titles = q.answer()
    assert kind == "confident" and titles[0].title == title, (q.intent, q.title, kind)


@pytest.mark.parametrize(
    "text",
    ["is the godfather on any of these", "where can i watch harry potter", "¿tienen el padrino?"],
)
def test_an_absent_title_is_said_absent_without_the_platform_words(understanding, text):
    q = understanding.parse(text)
    assert q.intent == Intent.WHERE and q.answer()[0] != "confident"
    assert "any" not in q.title and "alguna" not in q.title


# ---- small talk gets no title card -----------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "lol",
        "jaja ok",
        "you suck",
        "eres un inútil",
        "que aburrido",
        "nice",
        "cool thanks",
        "stupid bot",
        "this bot is useless",
        "you're so dumb lol",
        "that's crazy",
        "ugh",
        "shut up",
        "well done",
        "haha good one",
        "what a weird answer",
        "bot tonto",
        "no sirves para nada",
        "te odio",
        "jajaja no manches",
        "qué pesado eres",
        "no entiendes nada",
        "eres malísimo",
        "que feo",
        "jaja que gracioso",
        "vaya respuesta mas rara",
    ],
)
def test_small_talk_is_answered_as_conversation(understanding, text):
    q = understanding.parse(text)
    assert q.intent in CONVERSATION and no_title(q), (q.intent, q.title)


def test_a_greeting_word_stays_a_greeting(understanding):
    assert understanding.parse("buenas").intent == Intent.GREETING
    assert understanding.parse("buenas, dónde veo coco").intent == Intent.WHERE


@pytest.mark.parametrize(
    "text, title",
    [
        ("great, is frozen on disney?", "Frozen"),
        ("cool, do you have moana on disney", "Moana"),
        ("lol. is coco on disney", "Coco"),
        ("genial, ¿está coco en disney?", "Coco"),
        ("vale, ¿tienen frozen?", "Frozen"),
    ],
)
def test_a_reaction_before_a_question_leaves_the_question(understanding, text, title):
    # "great" also means "good" (a list cue), but only right before an argument.
    q = understanding.parse(text)
    kind, titles = q.answer()
    assert q.intent == Intent.WHERE and kind == "confident" and titles[0].title == title


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("which director has the most movies on netflix", "director"),
        ("que director tiene mas pelis en amazon", "director"),
        ("quien ha dirigido mas pelis de terror", "director"),
        ("which actor has the most shows on hulu", None),
        ("who has the most titles on disney", None),
    ],
)
def test_who_has_the_most_asks_for_the_busiest_person(understanding, text, role):
    q = understanding.parse(text)
    assert q.intent == Intent.ACTOR and (q.role or None) == role, (q.intent, q.role)


def test_which_title_has_the_most_seasons_is_still_the_longest(understanding):
    assert understanding.parse("which show has the most seasons").intent == Intent.LONGEST


@pytest.mark.parametrize(
    ("text", "title", "language"),
    [
        ("tell me about moana", "Moana", "en"),
        ("de qué va coco", "Coco", "es"),
        ("stranger things de qué trata", "Stranger Things", "es"),
        ("what's frozen about", "Frozen", "en"),
    ],
)
def test_asking_what_a_title_is_about_gets_its_card_in_the_askers_language(
    understanding, text, title, language
):
    q = understanding.parse(text)
    assert q.intent == Intent.TITLE and q.answer()[1][0].title == title and q.language == language, q
