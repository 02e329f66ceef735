"""The question model against an independent pandas computation over the full data: a grid of
filter combinations (platform x years x type x genre x country x band x person), counts, the
order of a page, the longest, the person in most titles.

The reference below reads the raw clean columns with plain pandas and its own reading of the
maturity labels (Netflix's published tiers), so a bug in the columns, the masks or the
postings of ``core.questions`` shows here as a different number."""

from __future__ import annotations

import random
import re
import unicodedata

import pandas as pd
import pytest

from core.catalogue.genres import split_genres
from core.catalogue.title_types import TitleType
from core.questions import answers
from core.questions.filters import Filters, Role, Span
from core.questions.table import TitleTable

TIERS = {
    0: "g tv-y tv-g all all_ages",
    7: "pg tv-y7 tv-y7-fv tv-pg 7+",
    13: "pg-13 tv-14 13+",
    16: "16 16+ ages_16_",
    18: "r nc-17 tv-ma 18+ ages_18_",
}
AGE_OF_LABEL = {label: age for age, labels in TIERS.items() for label in labels.split()}


def person_key(name: str) -> str:
    """One person however it is spelt: lowercase, no accents, no dots."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+|_", " ", folded).split())


def people_of(cell) -> set:
    return {person_key(n) for n in cell.split(", ")} if isinstance(cell, str) else set()


@pytest.fixture(scope="module")
def table(full_catalogue):
    return TitleTable(full_catalogue)


@pytest.fixture(scope="module")
def frame(full_catalogue):
    cat = full_catalogue
    return pd.DataFrame(
        {
            "id": cat["id"],
            "platform": cat["platform"],
            "year": cat["release_year"],
            "type": cat["type"],
            "genres": cat["genres"].map(lambda g: set(split_genres(g))),
            "countries": cat["country"].map(lambda c: set(c.split(", ")) if isinstance(c, str) else set()),
            # the platform's own label: a "g" the original rules filled in is unrated
            "age": cat["maturity"].fillna("").map(lambda r: AGE_OF_LABEL.get(r, 99)),
            "cast": cat["cast"].map(people_of),
            "director": cat["director"].map(people_of),
            "score": cat["score"].astype("float64"),
            "title": cat["title"],
            "minutes": cat["duration_int"].where(cat["duration_type"] == "min").astype("float64"),
        }
    )


def reference(frame, platforms, years, type_, genre, country, max_age, person):
    keep = pd.Series(True, index=frame.index)
    if platforms:
        keep &= frame["platform"].isin(platforms)
    if years:
        keep &= frame["year"].between(*years)
    if type_:
        keep &= frame["type"] == type_
    if genre:
        keep &= frame["genres"].map(lambda g: genre in g)
    if country:
        keep &= frame["countries"].map(lambda c: country in c)
    if max_age is not None:
        keep &= frame["age"] <= max_age
    if person:
        keep &= frame["cast"].map(lambda c: person in c) | frame["director"].map(lambda d: person in d)
    return frame[keep]


def filters_of(table, platforms, years, type_, genre, country, max_age, person):
    return Filters(
        platforms=frozenset(platforms),
        years=Span(*years) if years else None,
        type=TitleType(type_) if type_ else None,
        genres=frozenset([genre]) if genre else frozenset(),
        countries=frozenset([country]) if country else frozenset(),
        bands=Span(None, max_age) if max_age is not None else None,
        person=table.people.find(person) if person else None,
    )


GRID = {
    "platforms": [(), ("netflix",), ("amazon", "hulu"), ("disney",)],
    "years": [None, (2019, 2019), (1980, 1989), (2016, 2021)],
    "type_": [None, "movie", "tv show"],
    "genre": [None, "comedy", "horror", "animation"],
    "country": [None, "united states", "india", "united kingdom"],
    "max_age": [None, 0, 7, 13],
    "person": [None, "meryl streep", "steven spielberg", "adam sandler"],
}


def combinations(n=420, seed=11):
    """``n`` distinct combinations; each filter is left out half the time, so that most
    combinations still keep some titles."""
    rng, found = random.Random(seed), {}
    while len(found) < n:
        combo = tuple(rng.choice(values[1:]) if rng.random() < 0.5 else values[0] for values in GRID.values())
        found[combo] = None
    return list(found)


@pytest.mark.full_data
def test_counts_and_pages_agree_with_pandas_over_a_grid_of_combinations(table, frame):
    checked = nonzero = 0
    for combo in combinations():
        expected = reference(frame, *combo)
        f = filters_of(table, *combo)
        got = answers.count(table, f)
        shows = int((expected["type"] == "tv show").sum())
        assert (got.total, got.shows, got.movies) == (len(expected), shows, len(expected) - shows), combo
        best = expected.assign(s=expected["score"].fillna(-1)).sort_values(
            ["s", "title", "id"], ascending=[False, True, True]
        )
        assert answers.page(table, f, 0, 10).ids == tuple(best["id"].head(10)), combo
        checked += 1
        nonzero += bool(len(expected))
    assert checked >= 300 and nonzero >= 150  # the grid really exercises the filters


@pytest.mark.full_data
def test_longest_and_top_person_agree_with_pandas(table, frame, full_catalogue):
    for combo in combinations(120, seed=5):
        expected = reference(frame, *combo)
        f = filters_of(table, *combo)
        timed = expected.dropna(subset=["minutes"])
        longest = answers.extreme(table, f, "min")
        if timed.empty:
            assert longest is None
        else:
            top = timed["minutes"].max()
            assert longest.length == top
            assert longest.ids == tuple(timed[timed["minutes"] == top].sort_values(["title", "id"])["id"])
        counts = expected["cast"].explode().dropna()
        counts = counts[counts.str.contains(r"[^\W\d_]", regex=True)].value_counts()
        people = answers.top_people(table, f, Role.CAST)
        if counts.empty:
            assert people is None
        else:
            best = sorted(counts[counts == counts.max()].index)
            assert (people.titles, [table.people.key(p) for p in people.persons]) == (counts.max(), best)
