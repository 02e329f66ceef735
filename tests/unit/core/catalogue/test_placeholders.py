"""Test, onboarding and teaser rows, and credits naming nobody, on the real catalogues: out of
the people answers and the longest/shortest, counted by the quality report."""

from __future__ import annotations

import pyarrow
import pytest

from core.catalogue.placeholders import credited, is_junk_credit, junk_credits, placeholder_rows
from core.ingest import quality
from core.questions import answers
from core.questions.filters import Filters, Role, Span

PRIME_2021 = Filters(platforms=frozenset({"amazon"}), years=Span(2021, 2021))


@pytest.fixture(scope="module")
def placeholder_ids(full_catalogue):
    return set(full_catalogue.loc[placeholder_rows(full_catalogue), "id"])


def test_the_platforms_test_and_onboarding_rows_are_placeholders(placeholder_ids):
    # "Title before 1C onboarding - 5" (cast 1, 2, 3), "Act 2 - TITLE 9" (cast and director 1),
    # "Asin_tombstone_test_target" (Test Actor 1, 0 min), Disney+'s "Baymax!" teaser (1 min).
    assert {"as6417", "as8756", "as4705", "as6220", "as2123", "ds16", "ds28"} <= placeholder_ids
    assert 50 <= len(placeholder_ids) <= 80


def test_real_titles_with_odd_data_are_not_placeholders(placeholder_ids):
    # PBS's "Trail of Tears" (cast "various"), "Molly and Me" (0 min), the film "Test" (2013),
    # "Johnny Test", Disney+'s two-minute Pixar shorts.
    assert not {"as273", "as8835", "as3992", "ns443", "ds1028", "ds652"} & placeholder_ids


def test_junk_credits_name_nobody_and_names_are_kept():
    values = ["1", "2", "-", "", "unknown", "not available", "various", "test actor1 us", "tester"]
    real = ["om nom", "t.i.", "e-40", "9m88", "jr", "m・a・o", "test dept", "b1a4"]
    flags = junk_credits(pyarrow.array(values + real)).to_pylist()
    assert flags == [True] * len(values) + [False] * len(real)
    assert [is_junk_credit(v) for v in values + real] == flags  # one rule in Arrow and in Python
    assert credited("Michael Jordan, Not Available, 1") == ["Michael Jordan"]
    assert credited(None) == [] and credited("1, 2, 3") == []


def test_who_acts_most_on_prime_in_2021_is_a_name_from_real_titles(full_snapshot):
    table = full_snapshot.table
    top = answers.top_people(table, PRIME_2021, Role.CAST)
    names = [table.people.key(p) for p in top.persons]
    assert not {"1", "2", "3", "test actor 1"} & set(names)
    assert top.titles < 35  # the 35 placeholder rows' "1" no longer wins
    for person in top.persons:
        assert not table.placeholder[table.people.rows_of(person)].any()


def test_nobody_is_credited_on_a_placeholder_row(full_snapshot):
    people = full_snapshot.table.people
    assert people.find("test actor 1") is None and people.find("1") is None
    assert people.find("not available") is None


def test_the_shortest_movie_is_a_real_one_with_a_length(full_snapshot):
    table = full_snapshot.table
    for platform in ("amazon", "disney"):
        found = answers.extreme(table, Filters(platforms=frozenset({platform})), "min", shortest=True)
        rows = [table.row_of[i] for i in found.ids]
        assert found.length > 0 and not table.placeholder[rows].any()
    prime = answers.extreme(table, Filters(platforms=frozenset({"amazon"})), "min", shortest=True)
    assert "as4705" not in prime.ids and "as8835" not in prime.ids  # test row; "Molly and Me", 0 min


def test_the_quality_report_counts_placeholders_and_junk_credits(full_catalogue):
    section = quality.report(full_catalogue, {}, [], _NoRatings(), version="v", source="s")["placeholders"]
    assert section["placeholder_rows"] == sum(section["placeholder_rows_per_platform"].values())
    assert section["placeholder_rows_per_platform"]["amazon"] > 40
    assert {"id": "as6417", "title": "Title before 1C onboarding - 5"} in section["placeholders"]
    assert section["junk_credits"]["cast: 1"] == 35
    assert section["junk_credits"]["director: not available"] == 3


class _NoRatings:
    form, files, rows_read, rows_rejected = "none", [], 0, 0

    @property
    def means(self):
        import pandas as pd

        return pd.Series(dtype=float)
