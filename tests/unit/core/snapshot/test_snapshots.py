"""Two snapshots in one process: each answers from its own catalogue version, whatever was
built before or after it, because everything derived from a catalogue is the snapshot's."""

from __future__ import annotations

import numpy as np
import pytest

from core import queries
from core.personal import taste
from core.personal.reranker import Reranker
from core.recommender import Recommender
from core.snapshot.store import Snapshot, Store
from core.suggest import for_you, suggest
from core.understanding import CONFIDENT

IDENTITY = Reranker.identity()


@pytest.fixture(scope="module")
def smaller(fixture_catalogue):
    """The next catalogue version: Hulu's titles and Toy Story 2 have left."""
    kept = (fixture_catalogue["platform"] != "hulu") & (fixture_catalogue["display_title"] != "Toy Story 2")
    catalogue = fixture_catalogue[kept].reset_index(drop=True)
    catalogue.attrs = {**fixture_catalogue.attrs, "version": f"{fixture_catalogue.attrs['version']}-smaller"}
    return Snapshot.build(catalogue, Recommender.build(catalogue), {"built_at": "test"})


def answers(snap: Snapshot) -> dict:
    """What a user of ``snap`` would see, as plain data."""
    toy_story = snap.recommender.resolve("toy story")[0].id
    horror = queries.top_titles(snap, genre="horror", type="movie", limit=6)["id"].tolist()
    return {
        "titles": queries.count_titles(snap),
        "hulu": queries.count_titles(snap, "hulu"),
        "search": snap.understanding.parse_command("recommend", "toy story 2").answer(),
        "suggestions": [r.id for r in suggest(snap, IDENTITY, toy_story, 5)],
        "picks": [p.id for p in for_you(snap, IDENTITY, dict.fromkeys(horror, 1), 5)],
        "chart": snap.charts.summary("all"),
    }


def test_each_snapshot_answers_from_its_own_catalogue(fixture_snapshot, smaller):
    full, small = answers(fixture_snapshot), answers(smaller)
    assert full["titles"] == len(fixture_snapshot.catalogue) > small["titles"] == len(smaller.catalogue)
    assert full["hulu"] > 0 and small["hulu"] == 0
    assert full["search"][0] == CONFIDENT and full["search"][1][0].title == "Toy Story 2"
    assert all(match.title != "Toy Story 2" for match in small["search"][1])
    assert "Toy Story 2" in [fixture_snapshot.title(i)["display_title"] for i in full["suggestions"]]
    for snap, found in ((fixture_snapshot, full), (smaller, small)):
        shown = found["suggestions"] + found["picks"]
        assert len(found["suggestions"]) == len(found["picks"]) == 5
        assert all(snap.title(i) is not None for i in shown)  # every id is of this catalogue
        assert found["chart"]["total"] == len(snap.catalogue)
    assert not any(smaller.title(i)["platform"] == "hulu" for i in small["suggestions"] + small["picks"])


def test_each_snapshot_owns_its_derived_data(fixture_snapshot, smaller):
    for snap in (fixture_snapshot, smaller):
        assert snap.index.catalogue is snap.catalogue
        assert snap.pairs.recommender is snap.recommender and snap.taste.rec is snap.recommender
        # The re-ranker's "same type" reads the catalogue's own types, never a side channel.
        shows = (snap.catalogue["type"] == "tv show").to_numpy()
        assert np.array_equal(snap.pairs.types == 1, shows) and 0 < shows.sum() < len(shows)
    assert len(smaller.pairs.types) == len(smaller.catalogue) < len(fixture_snapshot.pairs.types)


def test_building_another_snapshot_changes_nothing_in_the_first(fixture_catalogue, smaller):
    first = Snapshot.build(fixture_catalogue, Recommender.build(fixture_catalogue))
    before = answers(first)
    again = Snapshot.build(fixture_catalogue, first.recommender)  # the same catalogue, built twice
    assert answers(again) == before
    assert (
        again.index is not first.index and again.pairs is not first.pairs and again.taste is not first.taste
    )
    assert again.charts is not first.charts
    answers(smaller)
    assert answers(first) == before


def test_publishing_swaps_every_answer_at_once(fixture_snapshot, smaller):
    store = Store(fixture_snapshot)
    held = store.current  # a reply in flight when the refresh lands
    store.publish(smaller)
    assert answers(store.current) == answers(smaller)
    assert answers(held) == answers(fixture_snapshot)  # the old one keeps answering intact


def test_taste_picks_come_from_the_snapshots_own_space(fixture_snapshot, smaller):
    horror = queries.top_titles(smaller, genre="horror", type="movie", limit=6)["id"].tolist()
    likes = dict.fromkeys(horror, 1)
    on_hulu = taste.picks(fixture_snapshot.taste, likes, k=5, platform="hulu")
    assert on_hulu and {p.platform for p in on_hulu} == {"hulu"}
    with pytest.raises(ValueError, match="unknown platform"):
        taste.picks(smaller.taste, likes, k=5, platform="hulu")  # no Hulu in that version
