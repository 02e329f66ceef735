"""Neighbour search on the fixture catalogue: the index search (core.similar.neighbours) against all pairs."""

from __future__ import annotations

import numpy as np
import pytest

from core.recommender import PER_PLATFORM
from core.search.titles import series_keys
from core.similar import neighbours, similarity
from core.similar.similarity import exact_neighbours, rating_bonus, title_features


@pytest.fixture(scope="module")
def inputs(fixture_catalogue):
    series = series_keys(fixture_catalogue["display_title"].tolist())
    features = title_features(fixture_catalogue, series)
    return features, fixture_catalogue["platform"].to_numpy(), rating_bonus(fixture_catalogue), series


@pytest.fixture(scope="module")
def exact(inputs):
    features, platforms, bonus, _ = inputs
    return exact_neighbours(features, platforms, bonus, PER_PLATFORM)


def similarity_of(features, row, others):
    """Cosine similarity straight from the feature blocks, for checking stored values."""
    sparse, combo_of, table, inverse_norm = features
    dot = (sparse[others] @ sparse[row].T).toarray().ravel()
    return (dot + table[combo_of[row], combo_of[others]]) * inverse_norm[row] * inverse_norm[others]


def test_index_search_finds_the_exact_neighbours(inputs, exact):
    features, platforms, bonus, _ = inputs
    found, sims = neighbours.indexed_neighbours(features, platforms, bonus, PER_PLATFORM)
    assert found.shape == exact[0].shape
    ours, theirs = sims + bonus[found], exact[1] + bonus[exact[0]]
    np.testing.assert_allclose(np.sort(ours, axis=1), np.sort(theirs, axis=1), atol=1e-5)
    for row in range(len(found)):
        # a neighbour the exact search did not keep ties with the last one it kept there
        for position in np.flatnonzero(~np.isin(found[row], exact[0][row])):
            on_platform = platforms[exact[0][row]] == platforms[found[row, position]]
            assert ours[row, position] == pytest.approx(theirs[row][on_platform].min(), abs=1e-6)


def test_each_title_is_its_own_first_neighbour(inputs):
    features, platforms, bonus, _ = inputs
    found, sims = neighbours.indexed_neighbours(features, platforms, bonus, PER_PLATFORM)
    assert (found[:, 0] == np.arange(len(found))).all()
    np.testing.assert_allclose(sims[:, 0], 1.0, atol=1e-5)


def test_with_common_features_left_out_stored_similarities_stay_exact(inputs, monkeypatch):
    # A tiny budget leaves most features out of the search: they must still count in the
    # similarities stored for the neighbours found.
    monkeypatch.setattr(neighbours, "ROW_BUDGET", 2)
    features, platforms, bonus, _ = inputs
    found, sims = neighbours.indexed_neighbours(features, platforms, bonus, PER_PLATFORM)
    for row in range(0, len(found), 7):
        np.testing.assert_allclose(sims[row], similarity_of(features, row, found[row]), atol=1e-5)
    assert (np.diff(sims + bonus[found], axis=1) <= 1e-6).all()  # best first


def test_series_titles_are_each_others_neighbours(inputs, monkeypatch):
    monkeypatch.setattr(neighbours, "ROW_BUDGET", 2)  # even with most features left out
    features, platforms, bonus, series = inputs
    found, _ = neighbours.indexed_neighbours(features, platforms, bonus, PER_PLATFORM)
    members = {}
    for row, key in enumerate(series):
        if key:
            members.setdefault(key, []).append(row)
    checked = 0
    for rows in members.values():
        for row in rows:
            same_platform = [r for r in rows if platforms[r] == platforms[row]]
            if len(same_platform) <= PER_PLATFORM:
                assert set(same_platform) <= set(found[row].tolist()), (row, same_platform)
                checked += 1
    assert checked > 10


def test_large_catalogues_use_the_index_search(inputs, monkeypatch):
    monkeypatch.setattr(similarity, "EXACT_UP_TO", 10)
    features, platforms, bonus, _ = inputs
    monkeypatch.setattr(neighbours, "indexed_neighbours", lambda *args: "index search")
    assert similarity.nearest_neighbours(features, platforms, bonus, PER_PLATFORM) == "index search"


def test_selective_limit_keeps_the_rarest_features_within_budget():
    df = np.array([1, 2, 2, 3, 50, 400])
    assert neighbours.selective_limit(df, rows=1) == 3  # 1 + 4 + 4 + 9 fit 1500; 50 squared does not
    assert neighbours.selective_limit(df, rows=100) == 50
    assert neighbours.selective_limit(df, rows=200) == 400
    assert neighbours.selective_limit(np.array([5000]), rows=1) == 1
