"""The catalogue questions: hand-checked answers on the fixture's edge-case rows, and agreement with naive
pandas filters over many random arguments on the full data."""

from __future__ import annotations

import random

import pytest

from core import queries as q
from tests.support import reference_queries as naive

# The fixture source's first rows, written for these rules (ties, 3.5 against 3.5000001, Niger
# against Nigeria, dirty country lists): the answers below are counted by hand over them.
EDGE_CASE_IDS = ["as1", "as2", "as3", "as4", "ds1", "ds2", "hs1", "hs2", "hs3", "ns1", "ns2", "ns3"]


@pytest.fixture(scope="module")
def edge_cases(fixture_catalogue):
    edge_cases = fixture_catalogue[fixture_catalogue["id"].isin(EDGE_CASE_IDS)].reset_index(drop=True)
    edge_cases.attrs = dict(fixture_catalogue.attrs)
    return edge_cases


@pytest.fixture(scope="module")
def catalogue(edge_cases):
    """The edge cases' index, built once, as the bot's snapshot builds its own."""
    return q.CatalogueIndex(edge_cases)


def test_a_frame_an_index_and_a_snapshot_give_the_same_answers(fixture_snapshot):
    frame, index = fixture_snapshot.catalogue, fixture_snapshot.index
    for cat in (frame, index, fixture_snapshot):
        assert q.count_titles(cat, "netflix") == 89
        assert (
            q.top_titles(cat, "hulu", limit=3)["id"].tolist()
            == q.top_titles(index, "hulu", limit=3)["id"].tolist()
        )
    with pytest.raises(TypeError, match="catalogue frame"):
        q.count_titles(["not", "a", "catalogue"])


# --- count_titles ----------------------------------------------------------------------


def test_count_titles_filters_combine(catalogue):
    assert q.count_titles(catalogue) == 12
    assert q.count_titles(catalogue, "amazon", 2019) == 3
    assert q.count_titles(catalogue, "amazon", 2019, "movie") == 2
    assert q.count_titles(catalogue, year=2019, type="series") == 3
    assert q.count_titles(catalogue, "disney", 2000) == 0


@pytest.mark.parametrize("alias", ["Amazon", "prime", "amazon prime", " PRIME VIDEO "])
def test_platform_aliases(catalogue, alias):
    assert q.count_titles(catalogue, alias) == 4


@pytest.mark.parametrize("alias", ["show", "shows", "series", "TV Show", "tv"])
def test_type_aliases(catalogue, alias):
    assert q.count_titles(catalogue, type=alias) == 4


def test_year_may_be_text(catalogue):
    assert q.count_titles(catalogue, "Netflix", "2019") == 1


# --- max_duration ------------------------------------------------------------------------


def test_longest_title_ties_go_to_the_first_title_alphabetically(catalogue):
    # "Beta Long" and "alpha long" both run 150 min; case does not decide the tie.
    assert q.max_duration(catalogue, 2019, "amazon") == {
        "id": "as3",
        "title": "alpha long",
        "display_title": "alpha long",
        "duration_int": 150,
    }


def test_longest_by_seasons_and_without_filters(catalogue):
    assert q.max_duration(catalogue, duration_type="seasons")["id"] == "as4"
    assert q.max_duration(catalogue)["duration_int"] == 150


def test_longest_with_nothing_to_answer_is_none(catalogue):
    assert q.max_duration(catalogue, 1995, "netflix") is None


# --- score_count --------------------------------------------------------------------------


def test_score_count_is_strictly_greater(catalogue):
    assert q.score_count(catalogue, "amazon", 3.5, 2019) == 1  # 3.5 itself does not count
    assert q.score_count(catalogue, "netflix", 3.5, 2019) == 0
    assert q.score_count(catalogue, "netflix", 3.5, 2020) == 1  # 3.5000001 does


def test_score_count_counts_movies_only_and_reads_decimal_commas(catalogue):
    assert q.score_count(catalogue, "amazon", "3,4", 2019) == 2  # as4 (3.45) is a show
    assert q.score_count(catalogue, "hulu", 0, 2021) == 0


# --- top_actor ----------------------------------------------------------------------------


def test_top_actor(catalogue):
    assert q.top_actor(catalogue, "amazon", 2019) == {"actor": "bob actor", "count": 3}


def test_an_actor_counts_once_per_title(edge_cases):
    # as2's cast lists "Ann Actor" twice: she still ties with Bob, and wins alphabetically.
    one_title = edge_cases[edge_cases["id"] == "as2"]
    assert q.top_actor(one_title, "amazon", 2019) == {"actor": "ann actor", "count": 1}


def test_top_actor_ties_go_alphabetically_and_no_cast_is_none(catalogue):
    assert q.top_actor(catalogue, "amazon", 2014) == {"actor": "brendan gleeson", "count": 1}
    assert q.top_actor(catalogue, "hulu", 2019) is None


# --- count_by_country ---------------------------------------------------------------------


def test_country_matches_whole_names_not_substrings(catalogue):
    assert q.count_by_country(catalogue, "show", "nigeria", 2019) == 2
    assert q.count_by_country(catalogue, "show", "niger", 2019) == 0
    assert q.count_by_country(catalogue, "movie", "Niger", 2019) == 1
    assert q.count_by_country(catalogue, "movie", "india", 2019) == 2


def test_country_aliases(catalogue):
    assert q.count_by_country(catalogue, "movie", "USA", 2019) == 1
    assert q.count_by_country(catalogue, "series", "united states", 2019) == 1


# --- count_by_rating -----------------------------------------------------------------------


def test_count_by_rating(catalogue):
    assert q.count_by_rating(catalogue, "G") == 4
    assert q.count_by_rating(catalogue, "tv-ma") == 2
    assert q.count_by_rating(catalogue, " 13+ ") == 1


# --- bad arguments ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: q.count_titles(c, "hbo"), "choose one of amazon, disney, hulu, netflix"),
        (lambda c: q.count_titles(c, year=1800), "covers 1995 to 2021"),
        (lambda c: q.count_titles(c, year="last year"), "not a year"),
        (lambda c: q.count_titles(c, year=True), "not a year"),
        (lambda c: q.count_titles(c, type="cartoon"), "use movie or show"),
        (lambda c: q.max_duration(c, duration_type="hours"), "use min or season"),
        (lambda c: q.score_count(c, "netflix", "great", 2019), "number from 0 to 5"),
        (lambda c: q.score_count(c, "netflix", 7, 2019), "number from 0 to 5"),
        (lambda c: q.count_by_country(c, "movie", "nigerua", 2019), "did you mean 'nigeria'"),
        (lambda c: q.count_by_rating(c, "xyz"), "valid: 13+, 16+, all, g, pg-13"),
    ],
)
def test_wrong_arguments_say_what_is_valid(catalogue, call, message):
    with pytest.raises(ValueError, match=message.replace("+", r"\+")):
        call(catalogue)


# --- the full data -------------------------------------------------------------------------


@pytest.mark.full_data
def test_known_answers_on_the_full_data(full_snapshot):
    full_catalogue = full_snapshot.catalogue
    assert q.count_titles(full_snapshot, "netflix", 2019) == 1030
    assert q.count_titles(full_snapshot) == 22_998
    assert q.count_by_rating(full_snapshot, "13+") == 2117
    assert q.score_count(full_snapshot, "netflix", 3.5, 2020) == naive.score_count(
        full_catalogue, "netflix", 3.5, 2020
    )


@pytest.mark.full_data
def test_index_agrees_with_naive_filters_on_random_arguments(full_catalogue):
    rng = random.Random(7)
    cat, index = full_catalogue, q.CatalogueIndex(full_catalogue)
    platforms = ["amazon", "disney", "hulu", "netflix"]
    years = list(range(1990, 2022))
    countries = ["united states", "india", "united kingdom", "canada", "japan", "france", "spain", "nigeria"]
    ratings = sorted(set(cat["rating"]))
    for _ in range(150):
        p, y = rng.choice(platforms), rng.choice(years)
        kind = rng.choice(["movie", "tv show"])
        assert q.count_titles(index, p, y, kind) == naive.count_titles(cat, p, y, kind)
        for duration_type in ("min", "season"):
            got = q.max_duration(index, y, p, duration_type)
            want = naive.max_duration(cat, y, p, duration_type)
            assert (got and {k: got[k] for k in ("id", "title", "duration_int")}) == want
        threshold = rng.choice([3.4, 3.5, 3.55, 3.6])
        assert q.score_count(index, p, threshold, y) == naive.score_count(cat, p, threshold, y)
        assert q.top_actor(index, p, y) == naive.top_actor(cat, p, y)
        country = rng.choice(countries)
        assert q.count_by_country(index, kind, country, y) == naive.count_by_country(cat, kind, country, y)
    for rating in ratings:
        assert q.count_by_rating(index, rating) == naive.count_by_rating(cat, rating)


def test_top_titles_by_platform_year_genre_and_type(fixture_snapshot):
    from core.catalogue.genres import split_genres

    found = q.top_titles(fixture_snapshot, "hulu", None, "terror", limit=4, type="show")
    assert len(found) == 4  # of the fixture's five horror shows on Hulu
    assert set(found["platform"]) == {"hulu"} and set(found["type"]) == {"tv show"}
    assert all("horror" in split_genres(g) for g in found["genres"])
    scores = found["score"].tolist()
    assert scores == sorted(scores, reverse=True)
    movies = q.top_titles(fixture_snapshot, None, 2019, None, limit=5, type="movie")
    assert set(movies["type"]) == {"movie"} and set(movies["release_year"]) == {2019}
