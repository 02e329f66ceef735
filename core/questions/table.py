"""The catalogue as columns of numbers, so any combination of filters is a few array passes.

Built once per catalogue version (the snapshot owns it). A question turns into a boolean mask
over the rows (``mask``); every answer (a count, a page of titles, the longest, the person in
most titles) reads the mask. On the full catalogue a mask costs tens of microseconds
(``python -m benchmarks.bench_questions``), so nothing is precomputed per combination.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from core.catalogue import genres
from core.catalogue.placeholders import placeholder_rows
from core.catalogue.platforms import PLATFORMS
from core.catalogue.title_types import TitleType
from core.catalogue.works import works_and_editions
from core.questions.bands import KIDS, Band, catalogue_bands
from core.questions.filters import Filters, Ranking, Role, Span
from core.questions.people import People
from core.questions.picks import picks_score
from core.questions.topics import TopicIndex
from core.snapshot.later import Later
from core.snapshot.memory import arrow_strings, column_values


class TitleTable:
    def __init__(
        self,
        catalogue: pd.DataFrame,
        row_of: dict[str, int] | None = None,
        works=None,
        series=None,
        *,
        people_later: bool = False,
    ):
        """``works`` (``works_and_editions``' pair) and ``series`` (each row's series key), when
        the caller has them (the recommender does); else made on the first list of picks.
        ``people_later``: the people index is built on first use (``core.snapshot.later``)."""
        self.size = len(catalogue)
        self.catalogue = catalogue  # the frame itself, not a copy: top_titles answers with its rows
        # Ids are read from the frame's Arrow buffers, not kept as 23k (230k at x10) Python strings.
        self.ids = column_values(catalogue["id"])
        self.row_of = row_of if row_of is not None else {i: row for row, i in enumerate(catalogue["id"])}
        code = {p: i for i, p in enumerate(PLATFORMS)}
        self.platform = np.array([code[p] for p in catalogue["platform"]], dtype=np.int8)
        self.year = catalogue["release_year"].to_numpy(dtype=np.int16)
        self.years = (int(self.year.min()), int(self.year.max())) if self.size else (0, 0)
        self.is_show = (catalogue["type"] == TitleType.SHOW).to_numpy()
        self.genre_bits = genres.genre_masks(map(genres.split_genres, catalogue["genres"])).astype(np.int64)
        codes, labels = pd.factorize(catalogue["rating"].fillna(""))
        self.rating_code = codes.astype(np.int16)
        self.ratings: list[str] = [str(label) for label in labels]  # code -> the platform's label
        self.band = catalogue_bands(catalogue)
        duration = catalogue["duration_int"].astype("float64").to_numpy()
        unit = catalogue["duration_type"].to_numpy(dtype=object)
        self.minutes = np.where((unit == "min") & ~self.is_show, duration, np.nan).astype(np.float32)
        self.seasons = np.where(unit == "season", duration, np.nan).astype(np.float32)
        self.score = catalogue["score"].astype("float64").to_numpy()
        # Titles and ids rank as their order in A-Z (Arrow sorts them without Python strings).
        title = _rank(catalogue["title"].fillna(""))
        ids = _rank(catalogue["id"])
        # Best first: score descending (unscored last), then A-Z, then id: one fixed order for lists.
        self.by_score = np.lexsort((ids, title, np.nan_to_num(-self.score, nan=np.inf))).astype(np.int32)
        # Test and teaser rows ("Title before 1C onboarding", Disney+'s one-minute "coming in
        # 2022") are never the longest or shortest title, nor anyone's credit.
        self.placeholder = placeholder_rows(catalogue)
        self.by_length = {
            (unit, shortest): _ordered(lengths, title, ids, shortest, self.placeholder)
            for unit, lengths in (("min", self.minutes), ("season", self.seasons))
            for shortest in (False, True)
        }
        self.countries = _postings(catalogue["country"])
        self._works, self._series = works, series
        people = lambda: People(catalogue, self.placeholder)  # noqa: E731
        self.people = Later(people) if people_later else people()

    def mask(self, f: Filters) -> np.ndarray:
        """True for every title the filters keep."""
        keep = np.ones(self.size, dtype=bool)
        if f.platforms:
            keep &= np.isin(self.platform, [PLATFORMS.index(p) for p in f.platforms])
        if f.years is not None:
            keep &= _within(self.year, f.years)
        if f.type is not None:
            keep &= self.is_show if f.type == TitleType.SHOW else ~self.is_show
        if f.genres:
            wanted = _bits(f.genres)
            keep &= (self.genre_bits & wanted) == wanted
        if f.not_genres:
            keep &= (self.genre_bits & _bits(f.not_genres)) == 0
        if f.countries:
            keep &= self._rows_in(self.countries.get(c) for c in f.countries)
        if f.bands is not None:
            keep &= _within(self.band, f.bands)
        elif "family" in f.genres:  # "kids movies": the platforms file some TV-14 and R titles as family
            keep &= (self.band <= KIDS) | (self.band == Band.UNRATED)
        if f.ratings:
            keep &= np.isin(
                self.rating_code, [c for c, label in enumerate(self.ratings) if label in f.ratings]
            )
        if f.person is not None:
            keep &= self._rows_in([self.people.rows_of(f.person, f.role)])
        if f.minutes is not None:
            keep &= _within(self.minutes, f.minutes)
        if f.seasons is not None:
            keep &= _within(self.seasons, f.seasons)
        if f.score_above is not None:
            keep &= self.score > f.score_above  # NaN compares False: unscored titles never pass
        for topic in f.topics:
            keep &= self.topics.mask(topic)
        if f.exclude:
            keep[[self.row_of[i] for i in f.exclude if i in self.row_of]] = False
        return keep

    @functools.cached_property
    def topics(self) -> TopicIndex:
        """Read on the first question about a topic: most replies never need the descriptions."""
        return TopicIndex(
            arrow_strings(self.catalogue["title"]), arrow_strings(self.catalogue["description"])
        )

    def _rows_in(self, postings) -> np.ndarray:
        found = np.zeros(self.size, dtype=bool)
        for rows in postings:
            if rows is not None:
                found[rows] = True
        return found

    def best_first(self, keep: np.ndarray, ranking: Ranking = Ranking.SCORE) -> np.ndarray:
        """The kept rows, best-scored first; by ``Ranking.PICKS``, best picks first and one row
        per work (its copies and editions are one pick)."""
        if ranking is Ranking.SCORE:
            return self.by_score[keep[self.by_score]]
        rows = self.by_picks[keep[self.by_picks]]
        _, first = np.unique(self.works[rows], return_index=True)
        return rows[np.sort(first)]

    @functools.cached_property
    def _works_and_editions(self) -> tuple[np.ndarray, np.ndarray]:
        return self._works if self._works is not None else works_and_editions(self.catalogue)

    @property
    def works(self) -> np.ndarray:
        """Each row's work (``core.catalogue.works``): its copies and editions share it."""
        return self._works_and_editions[0]

    @functools.cached_property
    def by_picks(self) -> np.ndarray:
        """Rows by picks score (``core.questions.picks``), then as ``by_score`` orders them."""
        score = picks_score(
            self.catalogue, works=self._works_and_editions, series=self._series, placeholder=self.placeholder
        )
        rank = np.empty(self.size, dtype=np.int64)
        rank[self.by_score] = np.arange(self.size)
        return np.lexsort((rank, -score)).astype(np.int32)

    def longest_first(self, keep: np.ndarray, unit: str, shortest: bool = False) -> np.ndarray:
        """The kept rows with a duration in ``unit`` ("min" or "season"), longest first (ties A-Z)."""
        order = self.by_length[unit, shortest]
        return order[keep[order]]

    def person_counts(self, keep: np.ndarray, role: Role) -> np.ndarray:
        """Per person id, in how many kept titles they have ``role``."""
        return self.people.counts(keep, role)


def _rank(column: pd.Series) -> np.ndarray:
    """Each value's place in the column sorted A-Z (equal values, equal places)."""
    values = arrow_strings(column)
    return pc.rank(values, sort_keys="ascending", tiebreaker="min").to_numpy()


def _ordered(
    lengths: np.ndarray, title: np.ndarray, ids: np.ndarray, shortest: bool, placeholder: np.ndarray
) -> np.ndarray:
    """Rows with a length, longest (or shortest) first, ties A-Z by title then id. A length of 0
    is none (Prime Video's "Molly and Me", 0 min), and placeholder rows have none."""
    rows = np.flatnonzero((np.nan_to_num(lengths) > 0) & ~placeholder)
    order = np.lexsort((ids[rows], title[rows], lengths[rows] if shortest else -lengths[rows]))
    return rows[order].astype(np.int32)


def _within(values: np.ndarray, span: Span) -> np.ndarray:
    keep = np.ones(len(values), dtype=bool)
    if span.low is not None:
        keep &= values >= span.low
    if span.high is not None:
        keep &= values <= span.high
    return keep


def _bits(genre_ids) -> int:
    return int(genres.genre_masks([sorted(genre_ids)])[0])


def _postings(column: pd.Series) -> dict[str, np.ndarray]:
    """Each comma-separated value of ``column`` -> the rows carrying it (once per row)."""
    values = arrow_strings(column)
    lists = pc.split_pattern(values, ", ")
    rows = pc.list_parent_indices(lists).to_numpy()
    items = pc.list_flatten(lists).to_numpy(zero_copy_only=False)
    frame = pd.DataFrame({"item": items, "row": rows}).drop_duplicates()
    frame = frame[frame["item"].str.strip() != ""]
    return {item: group.to_numpy(dtype=np.int32) for item, group in frame.groupby("item")["row"]}
