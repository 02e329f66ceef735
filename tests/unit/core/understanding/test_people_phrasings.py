"""People named the way people name them (issue 22), on the full data: a verb before or after
the name, a surname or first name alone, "will" the word as Will the first name, and names
nobody in the catalogues has, which must still be read as a person question (so the bot
answers "No one called ..."), never as a title search. Phrasings of our own, typos included."""

from __future__ import annotations

import pytest

from core.questions.filters import Role
from core.understanding.question import Intent

C, D = Role.CAST, Role.DIRECTOR
ABSENT, AMBIGUOUS = "absent", "ambiguous"

# (message, who is meant, intent, the part the filters ask for)
CASES = [
    ("what has scorsese directed", "Martin Scorsese", Intent.PERSON, D),
    ("what did tarantino direct", "Quentin Tarantino", Intent.PERSON, D),
    ("what else has tom hanks been in", "Tom Hanks", Intent.PERSON, C),
    ("movies with will smith", "Will Smith", Intent.PERSON, None),
    ("what has keanu reeves been in", "Keanu Reeves", Intent.PERSON, C),
    ("what has meryl strep been in", "Meryl Streep", Intent.PERSON, C),
    ("kubrick movies", "Stanley Kubrick", Intent.PERSON, None),
    ("spielberg films", "Steven Spielberg", Intent.PERSON, None),
    ("show me stuff with samuel l jackson", "Samuel L. Jackson", Intent.PERSON, None),
    ("how many movies has samuel l jackson made", "Samuel L. Jackson", Intent.COUNT, None),
    ("how many films has spielberg directed", "Steven Spielberg", Intent.COUNT, D),
    ("what has salma hayek done", "Salma Hayek", Intent.PERSON, None),
    ("what else is keanu reeves in", "Keanu Reeves", Intent.PERSON, C),  # "what else" is no "like"
    ("y en que mas sale salma hayek", "Salma Hayek", Intent.PERSON, C),
    ("what else has spielberg done", "Steven Spielberg", Intent.PERSON, None),
    ("other keanu reeves movies?", "Keanu Reeves", Intent.PERSON, None),  # "other" is no title word
    ("en que ha salido salma hayek", "Salma Hayek", Intent.PERSON, C),  # acting verbs state the cast
    ("cual es la peli mas larga de keanu reeves", "Keanu Reeves", Intent.LONGEST, None),
    ("stuff with adam sandlr", "Adam Sandler", Intent.PERSON, None),
    ("what movies has denzel washington been in", "Denzel Washington", Intent.PERSON, C),
    ("what has nicolas cage done", "Nicolas Cage", Intent.PERSON, None),
    ("anything with shakira", ABSENT, Intent.PERSON, None),
    ("any movies with bad bunny", ABSENT, Intent.PERSON, None),
    ("anything with cantinflas", ABSENT, Intent.PERSON, None),
    ("movies with morgan", AMBIGUOUS, Intent.PERSON, None),
    ("what has will ferrel been in", "Will Ferrell", Intent.PERSON, C),
    ("que dirigio tarantino", "Quentin Tarantino", Intent.PERSON, D),
    ("que peliculas tiene salma hayek", "Salma Hayek", Intent.PERSON, None),
    ("cuantas pelis tiene samuel l jackson", "Samuel L. Jackson", Intent.COUNT, None),
    ("que mas ha hecho winona ryder", "Winona Ryder", Intent.PERSON, None),
    ("ok y pelis de will smith", "Will Smith", Intent.PERSON, None),
    ("pelis donde sale ricardo darin", "Ricardo Darín", Intent.PERSON, C),
    ("muestrame las de morgan", AMBIGUOUS, Intent.PERSON, None),
    ("hay algo con cantinflas?", ABSENT, Intent.PERSON, None),
    ("algo con bad bunny", ABSENT, Intent.PERSON, None),
    ("peliculas con shakira", ABSENT, Intent.PERSON, None),
    ("q pelis dirigio scorsese", "Martin Scorsese", Intent.PERSON, D),
    ("en que sale tom hanks", "Tom Hanks", Intent.PERSON, C),
    ("pelis de kubrick", "Stanley Kubrick", Intent.PERSON, None),
    ("cuantas peliculas dirigio spielberg", "Steven Spielberg", Intent.COUNT, D),
    ("que ha hecho salma hayek", "Salma Hayek", Intent.PERSON, None),
    ("series con ursula corbero", "Úrsula Corberó", Intent.PERSON, None),
    ("peliculas de almodovar", "Pedro Almodovar", Intent.PERSON, None),
    ("pelis con keanu reevs", "Keanu Reeves", Intent.PERSON, None),
    ("que peliculas tiene denzel washington en netflix", "Denzel Washington", Intent.PERSON, None),
    ("cuantas series tiene tom hanks", "Tom Hanks", Intent.COUNT, None),
    ("que ha dirigido guillermo del toro", "Guillermo del Toro", Intent.PERSON, D),
    ("en q peliculas sale penelope cruz", "Penélope Cruz", Intent.PERSON, C),
    # a surname the scanner would respell as a word ("carrey" as "carry") stays a name
    ("any jim carrey comedies on netflix", "Jim Carrey", Intent.PERSON, None),
    # a verb of acting after the name states the cast; a name nobody has is still a person
    ("which shows does zendaya act in", "Zendaya", Intent.PERSON, C),
    ("does tom holland appear in anything on disney", "Tom Holland", Intent.PERSON, C),
    ("did peso pluma act in anything", ABSENT, Intent.PERSON, C),
    # a word that is also somebody's surname ("little", "settle") gives way to a whole name after it
    ("for a little movie night: what has tom hanks starred in", "Tom Hanks", Intent.PERSON, C),
    (
        "settle this for us, movies with denzel washington on netflix",
        "Denzel Washington",
        Intent.PERSON,
        None,
    ),
]


@pytest.fixture(scope="module")
def understanding(full_snapshot):
    return full_snapshot.understanding


@pytest.mark.parametrize(("text", "meant", "intent", "role"), CASES)
def test_a_person_named_in_people_s_own_words(understanding, full_snapshot, text, meant, intent, role):
    q = understanding.parse(text)
    assert q.intent == intent
    assert q.title is None  # never a title search
    people = full_snapshot.table.people
    if meant == ABSENT:
        # Nobody of that name: the bot says so, offering no one close (score below 75).
        assert q.filters.person is None and q.person is not None
        assert not q.person.matches or q.person.matches[0].score < 75
    elif meant == AMBIGUOUS:
        # Several people have the name and none is far the best known: the user is asked which.
        assert q.filters.person is None and len(q.person.matches) >= 2
        assert q.person.matches[0].score >= 75
    else:
        assert q.filters.person is not None and people.shown(q.filters.person) == meant
        assert q.filters.role == role


def test_a_name_word_alone_names_only_a_far_better_known_owner(full_snapshot):
    people = full_snapshot.table.people
    morgans, clear = people.single_name("morgan")  # Morgan Freeman 25 titles, Tracy Morgan 15
    assert not clear and {"Morgan Freeman", "Tracy Morgan"} <= {m.name for m in morgans}
    found, clear = people.single_name("keanu")
    assert clear and found[0].name == "Keanu Reeves"
    assert not people.single_name("shakira")[1]  # Shakira Barrera, in three titles
    assert not people.single_name("nolan")[1]  # Nolan North's first name, others' surname


@pytest.mark.parametrize(
    ("text", "title"),
    [("where can i watch seinfeld", "seinfeld"), ("is stranger things on netflix", "stranger things"),
     ("la casa de papel", "la casa de papel")],
)  # fmt: skip
def test_a_title_stays_a_title(understanding, text, title):
    q = understanding.parse(text)
    assert q.title == title and q.filters.person is None


@pytest.mark.parametrize(
    ("text", "language"), [("en que mas sale salma hayek", "es"), ("what else is salma hayek in", "en")]
)
def test_the_words_asking_what_else_a_person_is_in_tell_the_language(understanding, text, language):
    said = understanding.language(text)
    assert said.clear and said.language == language, (text, said)


@pytest.mark.parametrize(("text", "known"), [("is tom hanks in anything on hulu", True),
                                             ("is bad bunny in anything", False)])  # fmt: skip
def test_is_someone_in_anything_asks_their_titles(understanding, text, known):
    q = understanding.parse(text)
    assert q.intent == Intent.PERSON and (q.filters.person is not None) == known, (text, q.intent, q.title)


def test_a_part_said_after_the_name_is_their_role(understanding):
    q = understanding.parse("que peliculas tiene clint eastwood como director")
    assert q.intent == Intent.PERSON and q.filters.role == Role.DIRECTOR, (q.intent, q.filters.role)
