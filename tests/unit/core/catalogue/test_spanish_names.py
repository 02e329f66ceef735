"""The Spanish names of works: the file's format, its rows against the real catalogues, the
names shown to a reader, and title search finding works by them (misspelt too)."""

from __future__ import annotations

import pandas as pd
import pytest

from core.catalogue import spanish_names
from core.catalogue.spanish_names import ENTRIES, spanish_name, titles_named
from core.search.titles import normalise
from core.understanding.policy import CONFIDENT, sure_match, title_answer


def test_the_file_holds_500_works_each_with_a_real_spanish_name():
    assert len({(e.title, e.year) for e in ENTRIES}) == len(ENTRIES) >= 500
    for entry in ENTRIES:
        assert entry.names(), entry
        assert any(normalise(n) != normalise(entry.title) for n in entry.names()), entry


def test_every_row_is_a_catalogue_title(datasets_dir):
    frames = [
        pd.read_csv(f, usecols=["title", "release_year"]) for f in (datasets_dir / "titles").glob("*.csv")
    ]
    catalogue = pd.concat(frames)
    years = catalogue.groupby("title")["release_year"].apply(set).to_dict()
    wrong = [
        (e.title, e.year)
        for e in ENTRIES
        if e.title not in years or (e.year and e.year not in years[e.title])
    ]
    assert wrong == []


def test_names_read_any_way_they_are_typed():
    assert titles_named("Buscando a Nemo") == ("Finding Nemo",)
    assert titles_named("LOS INCREIBLES") == ("The Incredibles",)
    assert titles_named("Finding Nemo") == ()  # the English title is no Spanish name


def test_the_name_shown_follows_the_region_and_the_year():
    assert spanish_name("Inside Out", 2015, "es") == "Del revés"
    assert spanish_name("Inside Out", 2015) == "Intensa-Mente"  # Latin America first
    assert spanish_name("Inside Out", 2005) is None  # another film of that title
    assert spanish_name("Big Hero 6", 2014, "es") is None  # Spain kept the English title
    assert spanish_name("Big Hero 6", 2014, "es_419") == "Grandes héroes"
    assert spanish_name("Toy Story", 1995) is None


def test_absent_works_are_not_in_the_file():
    named = set(spanish_names.aliases()) - set(spanish_names.ABSENT_WORKS)
    assert not named & set(spanish_names.ABSENT_WORKS)


@pytest.mark.parametrize(
    "text, title",
    [("buscando a nemo", "Finding Nemo"), ("buscando a nmeo", "Finding Nemo"), ("los increibles", "The Incredibles"),
     ("intensamente", "Inside Out"), ("la sirenita", "The Little Mermaid"), ("el rey leon", "The Lion King"),
     ("mi pobre angelito 2", "Home Alone 2: Lost in New York"), ("el imperio contrataca", "Star Wars: The Empire Strikes Back (Episode V)")],
)  # fmt: skip
def test_spanish_names_find_their_work(full_snapshot, text, title):
    found = full_snapshot.recommender.resolve(text)
    assert found[0].title == title and sure_match(found, text)


def test_an_exact_catalogue_title_wins_over_a_spanish_name(full_snapshot):
    # Spain's name of That's So Raven is "Raven", a film of its own in the catalogue.
    assert full_snapshot.recommender.resolve("raven")[0].title == "Raven"
    assert full_snapshot.recommender.resolve("black panther")[0].title == "Black Panther"


def test_a_name_of_one_remake_finds_that_one(full_snapshot):
    found = full_snapshot.recommender.resolve("la bella y la bestia")
    assert (found[0].title, found[0].release_year) == ("Beauty and the Beast", 2017)
    assert sure_match(found, "la bella y la bestia")


def test_a_spanish_name_of_an_absent_work_is_not_answered(full_snapshot):
    found = full_snapshot.recommender.resolve("el padrino")
    assert title_answer(found, "el padrino")[0] != CONFIDENT


@pytest.mark.parametrize(
    "command, text, title",
    [("where", "buscando a nemo", "Finding Nemo"), ("title", "los increíbles", "The Incredibles"),
     ("where", "la dama y el vagabundo", "Lady and the Tramp")],
)  # fmt: skip
def test_commands_and_messages_find_works_by_spanish_name(full_snapshot, command, text, title):
    kind, titles = full_snapshot.understanding.parse_command(command, text).answer()
    assert (kind, titles[0].title) == ("confident", title)


def test_free_text_finds_the_work_a_spanish_name_names(full_snapshot):
    for text, title, year in [
        ("dónde veo la sirenita", "The Little Mermaid", 1989),
        ("/recommend intensamente", "Inside Out", 2015),
    ]:
        kind, titles = full_snapshot.understanding.parse(text).answer()
        assert (kind, titles[0].title, titles[0].release_year) == ("confident", title, year)
