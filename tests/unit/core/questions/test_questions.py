"""Maturity bands, people and answers of ``core.questions`` on hand-made catalogues."""

from __future__ import annotations

import pandas as pd
import pytest

from core.catalogue.title_types import TitleType
from core.questions import answers
from core.questions.bands import LABELS, Band, band_for_age, band_of, shown_label
from core.questions.filters import Filters, Role, Span
from core.questions.table import TitleTable

# Every maturity label the four platforms write (issue 21's list), lowercased as the ETL does.
PLATFORM_LABELS = (  # noqa: SIM905 - one string reads better than 26 quoted labels
    "g pg pg-13 r nc-17 nr ur unrated not_rate tv-y tv-y7 tv-y7-fv tv-g tv-pg tv-14 tv-ma tv-nr "
    "all all_ages 7+ 13+ 16 16+ 18+ ages_16_ ages_18_"
).split()


def test_every_platform_label_has_a_band_and_unknown_ones_are_unrated():
    assert set(PLATFORM_LABELS) <= set(LABELS)
    assert band_of("TV-MA") is Band.EIGHTEEN and band_of(" tv-y7 ") is Band.SEVEN
    assert band_of("PG-13") is Band.THIRTEEN and band_of("ages_16_") is Band.SIXTEEN
    assert band_of("74 min") is Band.UNRATED and band_of(None) is Band.UNRATED


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (3, Band.SEVEN),
        (7, Band.SEVEN),
        (10, Band.SEVEN),
        (11, Band.SEVEN),
        (12, Band.THIRTEEN),
        (13, Band.THIRTEEN),
        (15, Band.SIXTEEN),
        (16, Band.SIXTEEN),
        (17, Band.EIGHTEEN),
        (30, Band.EIGHTEEN),
    ],
)
def test_a_child_of_an_age_gets_the_bands_up_to_it(age, band):
    assert band_for_age(age) is band


def test_labels_read_as_people_write_them():
    assert [shown_label(x) for x in ("ages_16_", "tv-14", "not_rate", "16")] == ["16+", "TV-14", "NR", "16+"]


def title(
    id_, platform="netflix", type_="movie", year=2020, cast="", director="", rating="tv-14", minutes=90, **kw
):
    seasons = type_ == "tv show"
    return {
        "id": id_, "platform": platform, "type": type_, "title": kw.get("name", id_), "release_year": year,
        "cast": cast or None, "director": director or None, "display_cast": kw.get("display_cast", cast.title() or None),
        "display_director": director.title() or None, "country": kw.get("country"), "rating": rating, "maturity": rating,
        "duration_int": 2 if seasons else minutes, "duration_type": "season" if seasons else "min",
        "genres": kw.get("genres", "drama"), "score": kw.get("score", 3.5),
    }  # fmt: skip


@pytest.fixture(scope="module")
def table():
    rows = [
        title("n1", cast="ana díaz, bo lee", director="cy moss", minutes=130, name="b film", score=3.6),
        title("n2", cast="bo lee, bo lee", minutes=130, name="a film", genres="comedy", score=3.7),
        title(
            "n3", type_="tv show", cast="1, 2, 3", rating="tv-ma", name="show", genres="horror", score=None
        ),
        title("h1", platform="hulu", director="ana díaz", rating="tv-y", minutes=80, country="india, spain"),
        title(
            "d1",
            platform="disney",
            cast="cy moss",
            rating="g",
            year=1985,
            minutes=70,
            genres="animation, family",
        ),
    ]
    frame = pd.DataFrame(rows)
    frame["duration_int"] = frame["duration_int"].astype("Int64")
    frame["score"] = frame["score"].astype("Float64")
    return TitleTable(frame)


def test_filters_combine_and_exclusions_remove(table):
    assert answers.count(table, Filters()).total == 5
    assert answers.count(table, Filters(platforms=frozenset({"netflix", "hulu"}))).total == 4
    assert answers.count(table, Filters(years=Span(1980, 1989))).total == 1
    assert answers.count(table, Filters(type=TitleType.SHOW)) == answers.Count(1, 0, 1)
    assert answers.count(table, Filters(not_genres=frozenset({"horror", "comedy"}))).total == 3
    assert answers.count(table, Filters(countries=frozenset({"spain"}))).total == 1
    assert answers.count(table, Filters(bands=Span(None, Band.SEVEN))).total == 2  # tv-y and g
    assert answers.count(table, Filters(minutes=Span(None, 90))).total == 2
    assert answers.count(table, Filters(score_above=3.6)).total == 1  # strictly above; unscored never


def test_a_person_in_either_role_or_one_of_them(table):
    ana = table.people.find("ana díaz")
    assert answers.count(table, Filters(person=ana)).total == 2
    assert answers.count(table, Filters(person=ana, role=Role.DIRECTOR)).total == 1
    assert table.people.shown(ana) == "Ana Díaz"


def test_placeholder_cast_is_nobody_and_a_name_counts_once_per_title(table):
    assert not {"1", "2", "3"} & set(table.people.names.to_pylist())
    top = answers.top_people(table, Filters(), Role.CAST)
    assert [table.people.key(p) for p in top.persons] == ["bo lee"] and top.titles == 2
    assert answers.top_people(table, Filters(type=TitleType.SHOW), Role.CAST) is None


def test_ties_for_the_longest_are_all_named_a_to_z(table):
    longest = answers.extreme(table, Filters(platforms=frozenset({"netflix"})), "min")
    assert longest.ids == ("n2", "n1") and longest.length == 130  # "a film" before "b film"
    shortest = answers.extreme(table, Filters(), "min", shortest=True)
    assert shortest.ids == ("d1",) and shortest.length == 70
    assert answers.extreme(table, Filters(platforms=frozenset({"amazon"})), "min") is None


def test_pages_are_best_scored_first_and_unscored_last(table):
    first = answers.page(table, Filters(), 0, 2)
    assert first.ids == ("n2", "n1") and first.total == 5 and first.more
    rest = answers.page(table, Filters(), 2, 10)
    assert rest.ids[-1] == "n3" and not rest.more


def test_names_are_found_despite_typos_accents_and_a_surname_alone(table):
    people = table.people
    assert people.search("ana diaz")[0].name == "Ana Díaz"
    assert people.search("ana dias")[0].name == "Ana Díaz"
    assert people.confident(people.search("moss"))
    assert not people.confident(people.search("zzz qqq"))
