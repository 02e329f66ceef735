"""Title answers that never look broken: a number is a title, a title's own name before a
describing subtitle is answered, a franchise's name is a "which one?", never "not in the
catalogues"; and a year reads as part of a title or as its year, whichever names one.

The first tests use hand-made matches (the policy alone); the ``full_snapshot`` ones run the
real reader and resolver over the full catalogues (marked full_data by tests/conftest.py)."""

from __future__ import annotations

import pytest

from core.recommender import Match
from core.search.titles import normalise
from core.understanding import title_answer
from core.understanding.policy import ABSENT, AMBIGUOUS, CONFIDENT, reading
from core.understanding.title_names import franchise, named_by_head


def match(title: str, score: float, year: int = 2000) -> Match:
    return Match(id=title, title=title, platform="netflix", release_year=year, score=score)


def test_a_subtitle_that_only_describes_the_work_leaves_its_name():
    assert named_by_head("El Camino: A Breaking Bad Movie", ["camino"])
    assert named_by_head("Rogue One: A Star Wars Story", ["rogue", "one"])
    # A subtitle naming another work, or what the work is about, is part of the name.
    assert not named_by_head("Dirty Dancing: Havana Nights", ["dirty", "dancing"])
    assert not named_by_head("Titanic: 20 Years Later With James Cameron", ["titanic"])
    assert not named_by_head("Black Hawk Down: The Untold Story", ["black", "hawk", "down"])
    assert not named_by_head("Ice Age: A Mammoth Christmas", ["ice", "age"])
    assert reading("el camino", "El Camino: A Breaking Bad Movie") == ("part", True)
    assert reading("titanic", "Titanic: 20 Years Later With James Cameron") is None


def test_the_name_is_answered_though_other_titles_score_higher():
    camino = match("El Camino: A Breaking Bad Movie", 91.9, 2019)
    others = [match("Camino", 96), match("Camino a Bali", 94.4), match("El Camino Christmas", 93)]
    assert title_answer([*others, camino], "el camino") == (CONFIDENT, [camino])
    # Too low a score is still a question, never an answer.
    low = match("El Camino: A Breaking Bad Movie", 80, 2019)
    assert title_answer([*others, low], "el camino")[0] == AMBIGUOUS


def test_a_franchise_name_is_a_choice_never_absent():
    titles = [
        match("Pokémon the Series", 94), match("Pokémon 3: The Movie", 93.7),
        match("Pokémon the Movie 2000", 93.1), match("Pokémon: Indigo League", 92.7),
    ]  # fmt: skip
    kind, choices = title_answer(titles, "pokémon")
    assert kind == AMBIGUOUS and choices == titles
    assert title_answer(titles, "pokemon")[0] == AMBIGUOUS
    # Other words after a shared first word make other titles: no franchise, still absent.
    casinos = [match("Casino Royale", 93.7), match("Casino Tycoon", 93.7), match("Casino Tycoon 2", 93.2)]
    assert franchise("casino", casinos) == []
    assert title_answer(casinos, "casino")[0] == ABSENT
    # One sequel is no franchise: "mean girls" is not "Mean Girls 2".
    assert title_answer([match("Mean Girls 2", 96.7)], "mean girls")[0] == ABSENT


def test_a_year_reads_as_part_of_the_title_or_as_its_year():
    louis = match("Louis C.K. 2017", 81.1, 2017)
    others = [match("Louis C.K.: Hilarious", 79.4, 2010), match("Lock", 72.7)]
    kind, choices = title_answer([louis, *others], "louis ck", 2017)
    assert kind != ABSENT and choices[0] == louis
    new, old = match("Aladdin (2019)", 100, 2019), match("Aladdin (1992)", 75.3, 1992)
    assert title_answer([new, old], "aladdin 2019") == (CONFIDENT, [new])


@pytest.fixture(scope="module")
def understanding(full_snapshot):
    return full_snapshot.understanding


@pytest.mark.parametrize(
    ("command", "text", "title", "kind", "first"),
    [
        ("where", "1917", "1917", ABSENT, None),
        ("title", "1917", "1917", ABSENT, None),
        ("where", "300", "300", ABSENT, None),  # only "300 Miles to Heaven" in the 2021 catalogues
        ("title", "21", "21", CONFIDENT, "21"),
        ("where", "el camino", "el camino", CONFIDENT, "El Camino: A Breaking Bad Movie"),
        ("title", "louis c.k. 2017", "louis c.k. 2017", CONFIDENT, "Louis C.K. 2017"),
        ("title", "louis c.k.", "louis c.k.", AMBIGUOUS, None),
        ("where", "pokémon", "pokémon", AMBIGUOUS, None),
        ("where", "titanic", "titanic", ABSENT, None),
    ],
)
def test_title_commands_on_the_real_catalogues(understanding, command, text, title, kind, first):
    q = understanding.parse_command(command, text)
    assert q.title == title and q.year is None
    verdict, titles = q.answer()
    assert verdict == kind
    if first:
        assert titles[0].title == first
    if kind == AMBIGUOUS:
        # the choices are the titles of that name, nothing else
        assert all(normalise(t.title).startswith(normalise(text)) for t in titles)


@pytest.mark.parametrize(
    ("message", "kind", "first"),
    [
        ("where can i watch el camino", CONFIDENT, "El Camino: A Breaking Bad Movie"),
        ("dónde veo el camino", CONFIDENT, "El Camino: A Breaking Bad Movie"),
        ("where can i watch 21", CONFIDENT, "21"),
        ("is 300 on netflix", ABSENT, None),
        ("pokemon", AMBIGUOUS, "Pokémon the Series"),
        ("where can i watch louis c.k. 2017 on netflix", CONFIDENT, "Louis C.K. 2017"),
    ],
)
def test_the_same_titles_in_plain_language(understanding, message, kind, first):
    q = understanding.parse(message)
    assert q.intent in ("where", "title")
    verdict, titles = q.answer()
    assert verdict == kind
    if first:
        assert titles[0].title == first


def test_a_year_after_a_preposition_stays_a_year(understanding):
    q = understanding.parse("movies from 1917")
    assert q.title is None and q.year == 1917
    q = understanding.parse("what can i watch from 2019")
    assert q.title is None and q.year == 2019
