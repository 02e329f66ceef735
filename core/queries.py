"""The catalogue questions, as plain functions over the catalogue.

Every answer comes from a :class:`CatalogueIndex`, precomputed answers for every combination
of filters (a few hundred milliseconds to build on the full data: ``python -m
benchmarks.bench_core``), so a call is a dictionary look-up: filtering the frame with pandas
on every call is 5-10x slower than the 1 ms budget allows.

Each function's ``cat`` is the index itself, a snapshot (``core.snapshot.store.Snapshot``,
which builds its index once when it loads), or a catalogue frame, for which an index is
built for that one call: fine for a script or a test, far too slow for the bot.

Optional filters (``None``) mean "any"; every argument is read forgivingly by
:mod:`core.catalogue.arguments` and a wrong one raises ``ValueError`` saying what is valid.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pandas as pd
import pyarrow
import pyarrow.compute as pc

from core.catalogue import arguments
from core.catalogue.title_types import TitleType
from core.questions import answers
from core.questions.filters import Filters, Span

__all__ = [
    "CatalogueIndex",
    "index_of",
    "count_titles",
    "max_duration",
    "score_count",
    "top_actor",
    "count_by_country",
    "count_by_rating",
    "top_titles",
]


LONGEST_FIELDS = ["id", "title", "display_title", "duration_int"]


class CatalogueIndex:
    """Precomputed answers for every combination of filters of one catalogue frame.

    The frame is treated as immutable: build a new one (and its index) rather than editing it."""

    def __init__(self, cat: pd.DataFrame):
        self.catalogue = cat  # top_titles answers with its rows
        self.years = (int(cat["release_year"].min()), int(cat["release_year"].max()))
        self.titles = _counts(cat, ["platform", "release_year", "type"])
        per_genre = _explode(cat, "genres", "genre")
        self.genre_titles = _counts(
            per_genre, ["platform", "release_year", "type", "genre"], always=("genre",)
        )
        self.longest = _longest(cat)
        self.movie_scores = _sorted_scores(
            cat.loc[cat["type"] == "movie", ["platform", "release_year", "score"]]
        )
        self.actors = _top_actors(cat)
        countries = _explode(cat, "country", "country")
        self.countries = _counts(countries, ["type", "country", "release_year"], always=("country",))
        self.known_countries = frozenset(countries["country"])
        self.ratings = {r: int(n) for r, n in cat["rating"].value_counts().items()}
        self.known_ratings = frozenset(self.ratings)

    def year(self, value) -> int | None:
        return None if value is None else arguments.year(value, self.years)


def index_of(cat) -> CatalogueIndex:
    """The index to answer from: ``cat`` itself, a snapshot's, or one built now for a frame."""
    if isinstance(cat, CatalogueIndex):
        return cat
    if isinstance(cat, pd.DataFrame):  # checked first: a frame's ``index`` is its row labels
        return CatalogueIndex(cat)
    index = getattr(cat, "index", None)
    if isinstance(index, CatalogueIndex):
        return index
    raise TypeError(f"expected a catalogue frame, a CatalogueIndex or a snapshot, not {type(cat).__name__}")


def count_titles(cat, platform=None, year=None, type=None, genre=None) -> int:
    """Titles released in ``year`` (all years when None), optionally on one platform, of one
    type and of one canonical genre (any name or synonym ``core.catalogue.arguments.genre`` knows)."""
    index = index_of(cat)
    key = (_platform(platform), index.year(year), _type(type))
    if genre is not None:
        return index.genre_titles.get((*key, arguments.genre(genre)), 0)
    return index.titles.get(key, 0)


def max_duration(cat, year=None, platform=None, duration_type="min") -> dict | None:
    """The longest title (id, title, display_title, duration_int); ties go to the first title A-Z."""
    index = index_of(cat)
    key = (_platform(platform), index.year(year), arguments.duration_type(duration_type))
    found = index.longest.get(key)
    return dict(found) if found else None


def score_count(cat, platform, score, year) -> int:
    """Movies released in ``year`` whose mean score is strictly greater than ``score``."""
    index = index_of(cat)
    threshold = arguments.score(score)
    scores = index.movie_scores.get((_platform(platform), index.year(year)))
    if scores is None:
        return 0
    return int(len(scores) - np.searchsorted(scores, threshold, side="right"))


def top_actor(cat, platform, year) -> dict | None:
    """The actor in most titles (an actor counts once per title); ties go alphabetically."""
    index = index_of(cat)
    found = index.actors.get((_platform(platform), index.year(year)))
    return dict(found) if found else None


def count_by_country(cat, type, country, year) -> int:
    """Titles of ``type`` from ``year`` with ``country`` among their comma-separated countries."""
    index = index_of(cat)
    name = arguments.known_value(country, index.known_countries, "country", arguments.COUNTRY_ALIASES)
    return index.countries.get((_type(type), name, index.year(year)), 0)


def count_by_rating(cat, rating) -> int:
    """Titles with this maturity rating, as the platform wrote it ("13+", "tv-14", "g")."""
    index = index_of(cat)
    return index.ratings[arguments.known_value(rating, index.known_ratings, "rating")]


def top_titles(cat, platform=None, year=None, genre=None, limit=10, type=None) -> pd.DataFrame:
    """Best-scored titles (ties A-Z), optionally of one platform, year, canonical genre (any
    name or synonym: "sci-fi", "docs", "terror") and type ("movie", "show"). ``cat``: a
    snapshot or its ``core.questions`` table (fast), or a catalogue frame (a table is built)."""
    table = table_of(cat)
    platform, year, type = (
        _platform(platform),
        arguments.year(year, table.years) if year is not None else None,
        _type(type),
    )
    f = Filters(
        platforms=frozenset([platform] if platform else []),
        years=Span.exactly(year) if year is not None else None,
        type=TitleType(type) if type else None,
        genres=frozenset([arguments.genre(genre)] if genre else []),
        score_above=-1.0,  # scored titles only: a best-scored list ranks nothing else
    )
    page = answers.page(table, f, 0, max(0, int(limit)))
    return table.catalogue.iloc[[table.row_of[i] for i in page.ids]]


def table_of(cat):
    """The ``core.questions`` table to answer from: a snapshot's, ``cat`` itself, or one built now."""
    from core.questions.table import TitleTable

    if isinstance(cat, TitleTable):
        return cat
    if isinstance(cat, pd.DataFrame):
        return TitleTable(cat)
    table = getattr(cat, "table", None)
    if isinstance(table, TitleTable):
        return table
    if isinstance(cat, CatalogueIndex):
        return TitleTable(cat.catalogue)
    raise TypeError(f"expected a catalogue frame, a TitleTable or a snapshot, not {type(cat).__name__}")


def _platform(value):
    return None if value is None else arguments.platform(value)


def _type(value):
    return None if value is None else arguments.title_type(value)


def _subsets(keys, always=()):
    optional = [k for k in keys if k not in always]
    for size in range(len(optional) + 1):
        for chosen in combinations(optional, size):
            yield [k for k in keys if k in chosen or k in always]


def _keyed(grouped: pd.Series, keys, chosen) -> dict:
    """Turn a groupby result into {full key tuple with None for unused filters: value}."""
    result = {}
    for values, value in grouped.items():
        values = values if isinstance(values, tuple) else (values,)
        lookup = dict(zip(chosen, values, strict=True))
        key = tuple(_plain(lookup[k]) if k in lookup else None for k in keys)
        result[key] = value
    return result


def _plain(value):
    return int(value) if isinstance(value, (np.integer,)) else value


def _counts(frame, keys, always=()) -> dict:
    result = {}
    for chosen in _subsets(keys, always):
        if chosen:
            result.update(_keyed(frame.groupby(chosen).size().astype(int), keys, chosen))
        else:
            result[(None,) * len(keys)] = len(frame)
    return result


def _longest(cat) -> dict:
    keys = ["platform", "release_year", "duration_type"]
    timed = cat.loc[cat["duration_int"].notna(), keys + LONGEST_FIELDS]
    ordered = timed.sort_values(["duration_int", "title", "id"], ascending=[False, True, True])
    result = {}
    for chosen in _subsets(keys, always=("duration_type",)):
        best = ordered.drop_duplicates(chosen)
        for row in best[chosen + LONGEST_FIELDS].to_dict("records"):
            key = tuple(_plain(row[k]) if k in chosen else None for k in keys)
            result[key] = {field: _plain(row[field]) for field in LONGEST_FIELDS}
    return result


def _sorted_scores(movies) -> dict:
    result = {}
    scored = movies[movies["score"].notna()]
    keys = ["platform", "release_year"]
    for chosen in _subsets(keys):
        if not chosen:
            result[(None, None)] = np.sort(scored["score"].to_numpy(dtype=float))
            continue
        grouped = scored.groupby(chosen)["score"].apply(lambda s: np.sort(s.to_numpy(dtype=float)))
        result.update(_keyed(grouped, keys, chosen))
    return result


def _explode(cat, column, name) -> pd.DataFrame:
    """One row per (title, list item), each item once per title."""
    items = cat[["id", "platform", "release_year", "type", column]].dropna(subset=[column])
    # Split in Arrow and without the whole text repeated on each item's row: pandas'
    # str.split + explode made a Python list per title and briefly cost ~75 MiB for cast.
    lists = pc.split_pattern(pyarrow.array(items[column], type=pyarrow.large_string()), ", ")
    items = items.drop(columns=column).iloc[pc.list_parent_indices(lists).to_numpy()]
    items[name] = pd.array(pc.list_flatten(lists), dtype=cat[column].dtype)
    return items.drop_duplicates(["id", name])


def _top_actors(cat) -> dict:
    cast = _explode(cat, "cast", "actor")
    # Sorted integer codes make the groupby fast and keep alphabetical tie-breaking.
    codes, names = pd.factorize(cast["actor"], sort=True)
    cast = cast.assign(actor=codes)
    result = {}
    keys = ["platform", "release_year"]
    for chosen in _subsets(keys):
        counts = cast.groupby(chosen + ["actor"]).size().rename("count").reset_index()
        counts = counts.sort_values(
            chosen + ["count", "actor"], ascending=[True] * len(chosen) + [False, True]
        )
        best = counts.drop_duplicates(chosen) if chosen else counts.head(1)
        for row in best.itertuples(index=False):
            key = tuple(_plain(getattr(row, k)) if k in chosen else None for k in keys)
            result[key] = {"actor": names[row.actor], "count": int(row.count)}
    return result
