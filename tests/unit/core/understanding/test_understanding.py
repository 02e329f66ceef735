"""The understanding layer: messages and command arguments in English and Spanish -> questions,
and the one title policy (confident / did you mean / absent), on the fixture catalogue; the labelled
set of the benchmark runs on the full data."""

from __future__ import annotations

import pytest

from core.recommender import Match
from core.understanding import INTENTS, Understanding, reading, title_answer

ARGUMENTS = ("platform", "year", "type", "genre", "country", "rating", "score", "duration_type")


@pytest.fixture(scope="module")
def understanding(fixture_snapshot):
    return Understanding.build(fixture_snapshot.catalogue, fixture_snapshot.recommender)


def arguments(question) -> dict:
    return {name: getattr(question, name) for name in ARGUMENTS if getattr(question, name) is not None}


def first_title(question) -> tuple[str, str | None]:
    kind, titles = question.answer()
    return kind, (titles[0].title if titles else None)


# ---- intents and arguments, both languages --------------------------------------------------
@pytest.mark.parametrize(
    "text, intent, expected",
    [
        ("how many movies are on netflix in 2019?", "count", dict(platform="netflix", year=2019, type="movie")),
        ("¿cuántas películas de terror hay en amazon prime?", "count", dict(platform="amazon", type="movie", genre="horror")),
        ("cuantas pelis de ciencia ficcion hay en hulu", "count", dict(platform="hulu", type="movie", genre="scifi")),
        ("mejores series de terror en hulu", "top", dict(platform="hulu", type="tv show", genre="horror")),
        ("best horror movies on netflx", "top", dict(platform="netflix", type="movie", genre="horror")),
        ("recommend me a horror movie", "top", dict(type="movie", genre="horror")),
        ("recomiéndame una película de terror", "top", dict(type="movie", genre="horror")),
        ("top 10 documentries on disney+", "top", dict(platform="disney", genre="documentary")),
        ("longest movie on netflix in 2018", "longest", dict(platform="netflix", year=2018, type="movie", duration_type="min")),
        ("qué serie tiene más temporadas en amazon prime", "longest", dict(platform="amazon", type="tv show", duration_type="season")),
        ("who is the actor with the most titles on netflix in 2020", "actor", dict(platform="netflix", year=2020)),
        ("qué actor aparece más en disney+ en 2019", "actor", dict(platform="disney", year=2019)),
        ("how many movies from india in 2019", "country", dict(year=2019, type="movie", country="india")),
        ("cuántas series coreanas salieron en 2019", "country", dict(year=2019, type="tv show", country="south korea")),
        ("películas del reino unido 2018", "country", dict(year=2018, type="movie", country="united kingdom")),
        ("how many titles are rated TV-14", "rating", dict(rating="tv-14")),
        ("cuántos títulos tienen clasificación R", "rating", dict(rating="r")),
        ("how many movies on netflix scored above 3.5 in 2020", "score", dict(platform="netflix", year=2020, type="movie", score=3.5)),
        ("películas de netflix con puntaje mayor a 3,5 del 2020", "score", dict(platform="netflix", year=2020, type="movie", score=3.5)),
        ("hola", "greeting", {}),
        ("buenas tardes", "greeting", {}),
        ("thanks!", "thanks", {}),
        ("muchas gracias", "thanks", {}),
        ("what can you do?", "help", {}),
        ("¿qué puedes hacer?", "help", {}),
        ("jajaja", "remark", {}),
        ("I'm bored", "remark", {}),  # small talk: the short reply that points the way on
    ],
)  # fmt: skip
def test_intent_and_arguments(understanding, text, intent, expected):
    question = understanding.parse(text)
    assert (question.intent, arguments(question)) == (intent, expected)


@pytest.mark.parametrize(
    "text, intent, title, platform",
    [
        ("where can I watch stranger things?", "where", "Stranger Things", None),
        ("¿dónde puedo ver la casa de papel?", "where", "La casa de papel", None),
        ("en qué plataforma está el chavo", "where", "El Chavo", None),
        ("is ozark on netflix?", "where", "Ozark", "netflix"),
        ("¿está frozen en netflix?", "where", "Frozen", "netflix"),
        ("shows like stranger things on hulu", "recommend", "Stranger Things", "hulu"),
        ("algo parecido a friends", "recommend", "Friends", None),
        ("I loved the conjuring, what else should I watch?", "recommend", "The Conjuring", None),
        ("me gustó elite, ¿qué más veo?", "recommend", "Elite", None),
        ("just finished ozark, any recommendations?", "recommend", "Ozark", None),
        ("stranger things", "title", "Stranger Things", None),
        ("Y tu mamá también", "title", "Y Tu Mamá También", None),
        ("scary movie", "title", "Scary Movie", None),
    ],
)
def test_titles_embedded_in_sentences(understanding, text, intent, title, platform):
    question = understanding.parse(text)
    assert (question.intent, question.platform) == (intent, platform)
    assert first_title(question) == ("confident", title)


def test_shows_like_keeps_the_type_and_the_platform_as_filters(understanding):
    question = understanding.parse("shows like stranger things on hulu")
    assert (question.title, question.type, question.platform) == ("stranger things", "tv show", "hulu")


def test_a_span_of_arguments_is_not_a_title(understanding):
    assert understanding.parse("where can I watch horror movies").intent == "top"
    assert understanding.parse("horror movies on netflix").intent == "top"


def test_language_is_told_by_the_words_around_the_title(understanding):
    assert understanding.parse("dónde puedo ver breaking bad").language == "es"
    assert understanding.parse("where can I watch la casa de papel").language == "en"
    assert understanding.parse("breaking bad").language is None


# ---- titles inside chat: lead-ins, tails, chat spelling, Spanish names -----------------------
@pytest.mark.parametrize(
    "text, intent, title, platform",
    [
        # lead-in words before the title and tail words or another clause after it go
        ("my brother won't stop talking about ozark, where do i find it", "where", "Ozark", None),
        ("been meaning to watch the crown, which service has it", "where", "The Crown", None),
        ("which platform has stranger things atm", "where", "Stranger Things", None),
        ("mi hermano no para de hablar de ozark, dónde la veo", "where", "Ozark", None),
        ("quiero ver narcos pero no sé en qué plataforma", "where", "Narcos", None),
        ("i binged the witcher last week, anything similar?", "recommend", "The Witcher", None),
        ("y la de toy story dónde está?", "where", "Toy Story", None),
        ("and the office, is that on netflix?", "where", "The Office", "netflix"),
        # chat spelling of the cue words
        ("kiero mirar stranger things", "where", "Stranger Things", None),
        ("wheree can i waatch dexter", "where", "Dexter", None),
        ("en q app está la casa de papel", "where", "La casa de papel", None),
        ("shows lik the office", "recommend", "The Office", None),
        ("recomend somthing similar to friends", "recommend", "Friends", None),
        # a catalogue cue word inside a title asked about with "can i …"
        ("can i stream the longest yard on netflix", "where", "The Longest Yard", "netflix"),
        # a well-known Spanish name of a title the catalogue carries
        ("dónde puedo ver la bella durmiente", "where", "Sleeping Beauty", None),
    ],
)  # fmt: skip
def test_titles_inside_chat(understanding, text, intent, title, platform):
    question = understanding.parse(text)
    assert (question.intent, question.platform) == (intent, platform)
    assert first_title(question) == ("confident", title)


@pytest.mark.parametrize(
    "text",
    ["where can i watch i am legend", "where can i watch in time", "looking for love actually, where is it",
     "what should i watch after finishing out of africa", "tonight we're watching the godfather with the kids",
     "my gf keeps talking about harry potter, where is it", "quiero ver el padrino pero no sé dónde",
     "which app has jurassic park rn", "hey is the dark knight on hulu or what", "i loved the menu, anything similar?",
     "where can i watch dinner with friends", "what about kids in love, is that on hulu"],
)  # fmt: skip
def test_leaving_words_out_never_answers_an_absent_title(understanding, text):
    """Lead-in words go only when clearly no title's: "i am legend" is not "Legend", "in time" not
    "Time", "out of africa" not "Africa", "looking for love actually" not "Looking"; nor do words
    after a title that may be its own: "dinner with friends" is not "Dinner", "kids in love" not "Kids"."""
    assert understanding.parse(text).answer()[0] != "confident"


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        ("heyyy", "greeting", {}),
        ("hello streambot", "greeting", {}),
        ("q onda", "greeting", {}),
        ("thanks a ton", "thanks", {}),
        ("graciasss", "thanks", {}),
        ("what kind of stuff can u do", "help", {}),
        ("para qué sirve esto", "help", {}),
        ("idk", "remark", {}),
        ("are you human?", "remark", {}),
        ("qwrtzp", "unknown", {}),
        ("mejores peliculas de siensia ficcion", "top", dict(type="movie", genre="scifi")),
        ("how many hulu shows from '18", "count", dict(platform="hulu", year=2018, type="tv show")),
        ("how many R rated shows on netflix", "rating", dict(platform="netflix", type="tv show", rating="r")),
    ],
)  # fmt: skip
def test_chatter_and_chat_spelling(understanding, text, intent, expected):
    question = understanding.parse(text)
    assert (question.intent, arguments(question)) == (intent, expected)


# ---- the title policy ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "text", ["stranger thigns", "frozne 2", "breakin bad", "ratatoullie", "101 dalmations"]
)
def test_real_typos_of_real_titles_resolve(understanding, text):
    expected = {"stranger thigns": "Stranger Things", "frozne 2": "Frozen 2", "breakin bad": "Breaking Bad",
                "ratatoullie": "Ratatouille", "101 dalmations": "101 Dalmatians"}[text]  # fmt: skip
    kind, first = first_title(understanding.parse(text))
    assert kind in ("confident", "ambiguous") and first == expected


@pytest.mark.parametrize(
    "command, text, stranger",
    [
        ("where", "harry potter", "Charlotte"),
        ("where", "the godfather", None),
        ("where", "the dark knight", "Dark Light"),
        ("where", "ted lasso", "The Last Song"),
        ("recommend", "jurassic park", None),
    ],
)
def test_absent_titles_are_said_absent_never_a_stranger(understanding, command, text, stranger):
    question = understanding.parse_command(command, text)
    kind, titles = question.answer()
    assert kind == "absent"
    assert stranger not in [m.title for m in titles]


@pytest.mark.parametrize(
    "text",
    ["the godfather", "gladiator", "the notebook", "dune", "casablanca", "mean girls", "the maze runner",
     "titanic", "wednesday", "toy story 5", "el padrino", "dónde puedo ver harry potter", "movies like forrest gump",
     "is the wire on amazon prime", "the simpsons 2", "peppa pig the movie", "the white lotus"],
)  # fmt: skip
def test_an_absent_title_never_gets_a_confident_answer(understanding, text):
    assert understanding.parse(text).answer()[0] != "confident"


def test_a_franchise_name_asks_which_one(understanding):
    kind, titles = understanding.parse("star wars").answer()
    assert kind == "ambiguous" and len(titles) > 1 and all(t.title.startswith("Star Wars") for t in titles)


def match(title: str, score: float, year: int = 2000) -> Match:
    return Match(id=title, title=title, platform="netflix", release_year=year, score=score)


def test_title_answer_without_the_catalogue():
    assert title_answer([], "anything") == ("absent", [])
    best = match("The Lion King", 96)
    assert title_answer([best], "lion king") == ("confident", [best])
    # A clear winner on score is not enough: "Our Godfather" does not read as "the godfather".
    godfather = [match("Our Godfather", 93), match("The Black Godfather", 87)]
    kind, suggestions = title_answer(godfather, "the godfather")
    assert kind == "absent" and [m.title for m in suggestions] == ["Our Godfather", "The Black Godfather"]
    # Same-named remakes: ask, unless the year tells them apart.
    remakes = [match("The Lion King", 100, year=2019), match("The Lion King", 100, year=1994)]
    assert title_answer(remakes, "the lion king")[0] == "ambiguous"
    assert title_answer(remakes, "the lion king", year=1994) == ("confident", [remakes[1]])
    # Without the typed text only an exact, sure match is answered.
    assert title_answer([match("Frozen", 100)])[0] == "confident"
    assert title_answer([match("Frozen 2", 90)])[0] == "absent"
    # Scores close together are no clear winner, however well the text reads.
    assert title_answer([match("Frozen", 95), match("Frozen II", 93)], "frozen")[0] == "ambiguous"


@pytest.mark.parametrize(
    "text, title, expected",
    [
        ("lion king", "The Lion King", ("exact", True)),
        ("los simpsons", "The Simpsons", ("exact", True)),
        ("walle", "WALL-E", ("exact", True)),
        ("aladdin", "Aladdin (2019)", ("exact", True)),
        ("the grinch", "Dr. Seuss' The Grinch", ("exact", True)),
        ("stranger thigns", "Stranger Things", ("typo", True)),
        ("parks and rec", "Parks and Recreation", ("typo", True)),
        ("empire strikes back", "Star Wars: The Empire Strikes Back (Episode V)", ("part", True)),
        ("home alone 2", "Home Alone 2: Lost in New York", ("part", True)),
        ("raiders of the lost ark", "Indiana Jones and the Raiders of the Lost Ark", ("part", False)),
        ("the conjuring movie", "The Conjuring", ("exact", False)),
        ("the godfather", "Our Godfather", None),
        ("the notebook", "Notebook", None),
        ("dune", "The Dunes", None),
        ("titanic", "Titanic: 20 Years Later With James Cameron", None),
        ("mean girls", "Mean Girls 2", None),
        ("wednesday", "A Wednesday", None),
        ("harry potter", "Charlotte", None),
        # slips: a possessive's "'s", a doubled letter, a Spanish plural article, one short word
        ("schindler list", "Schindler's List", ("typo", True)),
        ("toy storry", "Toy Story", ("typo", True)),
        ("los increible", "The Incredibles", ("typo", True)),
        ("mad mex", "Mad Max", ("typo", False)),
        ("mean girl", "Mean Girls", None),
    ],
)
def test_how_a_text_reads_as_a_title(text, title, expected):
    assert reading(text, title) == expected


# ---- the command path ----------------------------------------------------------------------
def test_command_arguments_use_the_same_parser(understanding):
    question = understanding.parse_command("count", "movies on netflix in 2019")
    assert (question.intent, arguments(question), question.leftover) == (
        "count", dict(platform="netflix", year=2019, type="movie"), ""
    )  # fmt: skip
    assert understanding.parse("/count movies on netflix in 2019") == question
    assert understanding.parse("/contar películas en netflix 2019").intent == "count"


@pytest.mark.parametrize(
    "intent, text, expected, leftover",
    [
        ("count", "2019 shows netflix", dict(platform="netflix", year=2019, type="tv show"), ""),
        ("count", "netflix 2019 horror", dict(platform="netflix", year=2019, genre="horror"), ""),
        ("count", "hbo 2019", dict(year=2019), "hbo"),
        ("top", "netflx documentry", dict(platform="netflix", genre="documentary"), ""),
        ("longest", "netflix seasons", dict(platform="netflix", duration_type="season"), ""),
        ("score", "netflix 3,5 2020", dict(platform="netflix", year=2020, score=3.5), ""),
        ("country", "movie india 2019", dict(year=2019, type="movie", country="india"), ""),
        ("rating", "R", dict(rating="r"), ""),
        ("rating", "TV 14", dict(rating="tv-14"), ""),
    ],
)
def test_commands_report_what_they_did_not_understand(understanding, intent, text, expected, leftover):
    question = understanding.parse_command(intent, text)
    assert (question.intent, arguments(question), question.leftover) == (intent, expected, leftover)


def test_title_commands_take_the_whole_text_as_the_title(understanding):
    question = understanding.parse_command("recommend", "shows like the crown on netflix")
    assert (question.title, question.platform, question.type) == ("the crown", "netflix", "tv show")
    assert first_title(question) == ("confident", "The Crown")
    assert understanding.parse_command("where", "harry potter").answer()[0] == "absent"


# ---- robustness and speed --------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    ["", "   ", "?", "😀🍿🎬", "'; DROP TABLE titles; --", "<script>alert(1)</script>", "a" * 2000,
     "/count", "/unknowncmd foo", "@streambot where can i watch the office", "13+", "3.5", "+", "¿?"],
)  # fmt: skip
def test_any_text_gets_a_question(understanding, text):
    question = understanding.parse(text)
    assert question.intent in INTENTS
    if question.title is not None:
        question.answer()


@pytest.mark.full_data
def test_the_labelled_set_meets_the_targets(full_snapshot):
    """The benchmark's labelled messages name titles of the real catalogues."""
    from benchmarks import eval_understanding

    understanding = Understanding.build(full_snapshot.catalogue, full_snapshot.recommender)
    cases = eval_understanding.load_cases()
    eval_understanding.check_cases(cases, full_snapshot.catalogue)
    assert len(cases) >= 300 and {c.lang for c in cases} >= {"en", "es"}
    results = eval_understanding.run(understanding, cases, repeat=1)
    summary = eval_understanding.summary(results)
    assert summary["absent confident"] == 0
    assert summary["end-to-end"] >= 0.95
    # Generous for a shared CI machine; the benchmark reports the real p99 (target < 5 ms).
    assert eval_understanding.percentile([r.seconds for r in results], 0.5) < 0.020


def test_a_command_never_drops_a_word_it_does_not_know(understanding):
    """A keyboard mash is no chat spelling of "q" (que): /count must report it, not count all."""
    for text in ("netflix qqq", "qqq", "netflix zzzz 2019"):
        assert understanding.parse_command("count", text).leftover.split()[-1] in ("qqq", "zzzz"), text
