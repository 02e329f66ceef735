"""The serving process's compact columns give exactly what Python lists gave, and stay small."""

from __future__ import annotations

import math
import tracemalloc

import numpy as np
import pandas as pd
import pytest

from core.catalogue.genres import split_genres
from core.recommender import Recommender
from core.similar.similarity import leads, split_list
from core.snapshot.files import load_catalogue, write_snapshot
from core.snapshot.memory import DerivedColumn, TextColumn, column_values, shared_strings
from core.snapshot.store import Snapshot

MiB = 2**20


def same(a, b) -> bool:
    """Equal values of the same type; NaN equals NaN, pd.NA only itself."""
    if a is pd.NA or b is pd.NA:
        return a is b
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


@pytest.fixture(scope="module")
def snapshot_from_disk(fixture_snapshot, tmp_path_factory):
    """What the bot serves: the catalogue read back from its parquet file."""
    folder = tmp_path_factory.mktemp("snapshot")
    write_snapshot(fixture_snapshot.catalogue, {}, folder)
    return Snapshot.build(load_catalogue(folder), fixture_snapshot.recommender)


@pytest.mark.parametrize(
    "series",
    [
        pd.Series(["a", None, "ü", "", "tv show"], dtype="str"),
        pd.Series(["abc", "de", None, "f"], dtype="str").iloc[1:],  # a slice: offsets start mid-buffer
        pd.concat([pd.Series(["x", None], dtype="str"), pd.Series(["", "y"], dtype="str")]),  # two chunks
        pd.Series(["a", None], dtype="string[pyarrow]"),  # pd.NA for missing
        pd.Series(["a", None], dtype="string[python]"),
        pd.Series([None, None], dtype="str"),
        pd.Series([], dtype="str"),
    ],
    ids=["plain", "slice", "chunks", "pd.NA", "python storage", "all missing", "empty"],
)
def test_a_text_column_reads_what_tolist_gives(series):
    column = TextColumn(series)
    expected = series.tolist()
    assert len(column) == len(expected)
    assert all(same(column[row], value) for row, value in enumerate(expected))
    assert all(same(a, b) for a, b in zip(column, expected, strict=True))
    if expected:
        assert same(column[-1], expected[-1])
    with pytest.raises(IndexError):
        column[len(expected)]


def test_other_columns_stay_lists_and_shared_strings_are_one_object_per_value():
    assert column_values(pd.Series([1990, 2021])) == [1990, 2021]
    platforms = shared_strings(pd.Series(["hulu", "amazon", "hulu"], dtype="str"))
    assert platforms == ["hulu", "amazon", "hulu"] and platforms[0] is platforms[2]
    assert list(DerivedColumn(["b, a", "c"], split_list)) == [("b", "a"), ("c",)]


@pytest.mark.parametrize("which", ["built", "from disk"])
def test_every_title_is_its_row_as_the_lists_gave_it(fixture_snapshot, snapshot_from_disk, which):
    snapshot = fixture_snapshot if which == "built" else snapshot_from_disk
    catalogue = snapshot.catalogue
    columns = {column: catalogue[column].tolist() for column in catalogue.columns}
    for row, title_id in enumerate(catalogue["id"]):
        found = snapshot.title(title_id)
        assert list(found) == list(columns)
        assert all(same(found[c], values[row]) for c, values in columns.items()), title_id
    assert snapshot.title("no such id") is None


def test_platforms_of_lists_every_copy_the_titles_own_first(fixture_snapshot):
    catalogue, model = fixture_snapshot.catalogue, fixture_snapshot.recommender
    platforms = catalogue["platform"].tolist()
    for rows in model.group_rows:
        for row in rows:
            others = [platforms[r] for r in rows if r != row]
            assert fixture_snapshot.platforms_of(model.ids[row]) == [platforms[row], *others]


def test_the_recommenders_per_title_values_are_the_eager_ones(fixture_snapshot):
    catalogue, model = fixture_snapshot.catalogue, fixture_snapshot.recommender
    assert list(model.titles) == catalogue["display_title"].tolist()
    assert list(model.genres) == [split_genres(v) for v in catalogue["genres"]]
    assert list(model.directors) == [split_list(v) for v in catalogue["director"]]
    assert list(model.cast) == [leads(v) for v in catalogue["cast"]]
    assert list(model.display_cast) == [leads(v) for v in catalogue["display_cast"]]
    assert (model.neighbours < len(model.ids)).all()
    order = np.lexsort((model.platforms, model.group))
    groups = np.split(order, np.flatnonzero(np.diff(model.group[order])) + 1)
    assert len(model.group_rows) == len(groups)
    assert all(np.array_equal(a, b) for a, b in zip(model.group_rows, groups, strict=True))


# Memory held only means something at the real catalogues' size: these two need the full data.
@pytest.mark.full_data
def test_the_snapshots_title_columns_hold_no_python_string_per_title(full_snapshot):
    # As lists of Python objects the columns took 41 MiB (``benchmarks.bench_memory``).
    snapshot = Snapshot.build(full_snapshot.catalogue, full_snapshot.recommender)
    held = traced(lambda: snapshot.title(snapshot.recommender.ids[0]))
    assert held < 8 * MiB


@pytest.mark.full_data
def test_a_loaded_model_holds_no_python_lists_of_cast_or_genres(full_snapshot, tmp_path):
    # 27 MiB on the full data, most of it the neighbour arrays (13 MiB) and the title
    # resolver (core.search.titles, 8 MiB); with per-title lists of cast and genres it was ~60.
    full_snapshot.recommender.save(tmp_path)
    held = traced(lambda: Recommender.load(tmp_path, full_snapshot.catalogue))
    assert held < 40 * MiB


def traced(build) -> int:
    """Bytes of Python allocations still held by what ``build()`` returns."""
    tracemalloc.start()
    try:
        kept = build()
        held = tracemalloc.get_traced_memory()[0]
        del kept
        return held
    finally:
        tracemalloc.stop()
