"""The verdict ("would I like this?") weighs a disliked copy or a disliked title of the same
series, on the full data: Frozen disliked, Frozen 2 is no "probably", whatever the likes."""

from __future__ import annotations

import pytest

from core.personal.taste import kin_rating, verdict


@pytest.fixture(scope="module")
def ids(full_snapshot):
    rec = full_snapshot.recommender

    def one(title: str) -> str:
        found = [rec.ids[r] for r, t in enumerate(rec.titles) if t.lower() == title]
        assert len(found) == 1, (title, found)
        return found[0]

    return {t: one(t) for t in ("frozen", "frozen 2", "moana", "tangled", "toy story", "the incredibles")}


@pytest.mark.parametrize("likes", [(), ("moana",), ("moana", "tangled", "toy story")])
def test_frozen_disliked_makes_frozen_2_a_no_whatever_the_likes(full_snapshot, ids, likes):
    # With these three likes the taste alone says "yes" to Frozen 2 (score > 0).
    ratings = {ids[t]: 1 for t in likes} | {ids["frozen"]: -1}
    found = verdict(full_snapshot.taste, ratings, ids["frozen 2"])
    assert found.answer == "no" and found.against == ids["frozen"] and found.relation == "series"


def test_a_title_of_another_series_is_judged_by_the_taste_alone(full_snapshot, ids):
    ratings = {ids["moana"]: 1, ids["tangled"]: 1, ids["toy story"]: 1, ids["frozen"]: -1}
    found = verdict(full_snapshot.taste, ratings, ids["the incredibles"])
    assert found.answer in ("yes", "probably") and found.against is None


def test_the_latest_word_on_the_series_wins(full_snapshot, ids):
    ratings = {ids["moana"]: 1, ids["frozen"]: -1, ids["frozen 2"]: 1}
    assert kin_rating(full_snapshot.recommender, ratings, full_snapshot.recommender.row_of[ids["frozen 2"]])[
        1:
    ] == (1, "work")
    # Frozen 2 liked after Frozen was disliked: the series is no longer held against a third title.
    rec = full_snapshot.recommender
    frozen = rec.row_of[ids["frozen"]]
    assert kin_rating(rec, {ids["frozen 2"]: -1, ids["frozen"]: 1}, frozen) == (ids["frozen"], 1, "work")
    assert kin_rating(rec, {ids["frozen 2"]: -1}, frozen) == (ids["frozen 2"], -1, "series")


def test_a_disliked_copy_on_another_platform_is_a_no(full_snapshot):
    rec = full_snapshot.recommender
    # A work carried by two platforms: disliking one copy answers for the other.
    row = next(r for r in range(len(rec.ids)) if len(rec.group_rows[int(rec.group[r])]) > 1)
    other = next(r for r in rec.group_rows[int(rec.group[row])] if r != row)
    found = verdict(full_snapshot.taste, {rec.ids[row]: -1}, rec.ids[int(other)])
    assert found.answer == "no" and found.against == rec.ids[row] and found.relation == "work"
