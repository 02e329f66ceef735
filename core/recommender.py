"""Find the title a user meant, then suggest titles like it: ``Recommender``.

    rec = Recommender.load(snapshot_folder, catalogue)   # core.snapshot.files.current_dir
    matches = rec.resolve("frozne 2")            # best first, scored; core.understanding.policy decides
    rec.recommend(matches[0].id, k=5, platform="disney")

Resolution lives in ``core.search.titles``. Recommendations are content-based: the feature
vectors and the neighbour search live in ``core.similar.similarity`` (all pairs up to 40k titles)
and ``core.similar.neighbours`` (an index search above, about linear in the catalogue: see the
README's "Scale" table). Only each title's
nearest neighbours are kept (the best ``PER_PLATFORM`` on every platform, so a platform
filter still finds enough), never the dense n x n matrix.

Persisted (``core.similar.model_files``) beside the catalogue snapshot as ``recommender.npz`` (arrays, no pickle),
``recommender.json`` (format, catalogue version, weights) and the neighbour table in two
``.npy`` files. Those are memory-mapped, not read: a reply touches a few rows, so a large
catalogue's table (~180 MB at 230k titles) stays on disk, and snapshot files are never
changed in place. ``load`` raises
``StaleModelError`` when the files belong to another catalogue version or row order: a
serving process never builds a model (that is the build's job, in a child process).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from core.catalogue.genres import FAMILY_GENRES, filed_as_family, genre_masks, split_genres
from core.catalogue.spanish_names import YEAR_SLACK
from core.catalogue.works import works_and_editions
from core.questions.bands import Band, audience_bands, catalogue_bands, safe_beside
from core.search.names import NameIndex
from core.search.titles import TitleResolver, normalise, series_keys, with_english_article
from core.similar.children import with_childrens_neighbours
from core.similar.model_files import (
    META_FILE,
    MODEL_FILE,
    StaleModelError,
    read_model,
    row_dtype,
    write_model,
)
from core.similar.row_groups import RowGroups
from core.similar.similarity import leads, nearest_neighbours, rating_bonus, split_list, title_features
from core.snapshot.memory import DerivedColumn, column_values, release_freed_memory, shared_strings

__all__ = [
    "Match", "Recommendation", "Recommender", "StaleModelError", "MODEL_FILE", "META_FILE",
    "SAME_SERIES", "SAME_DIRECTOR", "SHARED_CAST", "SHARED_GENRES",
]  # fmt: skip

PER_PLATFORM = 25  # neighbours kept per title and platform
MAX_K = 20
FILL_SCORE = 0.1  # a title found by its genres alone ranks below every true neighbour
GENRE_PULL = 0.2  # on one platform: added to the similarity x the canonical genres' Jaccard overlap
AUDIENCE_PULL = 0.2  # on one platform: subtracted from titles for another audience than a family title's
OFF_GENRE = -5.0  # on one platform: a candidate sharing no genre scores below this
FAMILY_BITS = genre_masks([FAMILY_GENRES])[0]


# Why a suggestion is like the title (``Recommendation.reasons``), strongest first; the bot words them.
SAME_SERIES = "same_series"
SAME_DIRECTOR = "same_director"
SHARED_CAST = "shared_cast"  # a lead actor in both: ``Recommendation.shared_actor``
SHARED_GENRES = "shared_genres"  # canonical genres in common: ``Recommendation.shared_genres``


@dataclass(frozen=True)
class Match:
    id: str  # the first copy; ``ids``/``platforms`` list every platform carrying this title+year
    title: str
    platform: str
    release_year: int
    score: float  # 0-100
    ids: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()
    # What the text was read as: the title's own key, or a Spanish name of it
    # ("buscando a nemo"), which the title policy compares the text with.
    read_as: str = ""


@dataclass(frozen=True)
class Recommendation:
    id: str
    title: str
    platform: str
    release_year: int
    score: float  # cosine similarity 0-1
    ids: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()
    # Why it is like the title: one or two of the codes above, strongest first; none when only the
    # story is alike. With SHARED_CAST the actor, as the catalogue writes the name; with
    # SHARED_GENRES up to three canonical genre ids, in the title's order.
    reasons: tuple[str, ...] = ()
    shared_actor: str = ""
    shared_genres: tuple[str, ...] = ()


class Recommender:
    def __init__(self, catalogue: pd.DataFrame, keys: list[str], row_key, series, neighbours, similarities):
        self.version = catalogue.attrs.get("version", "")
        self.ids = catalogue["id"].tolist()
        # Per-title text is read from the catalogue's buffers when a reply needs it: kept as
        # Python lists, titles, genres, directors and cast held ~22 MiB of the bot's memory.
        self.titles = column_values(catalogue["display_title"])
        self.platforms = shared_strings(catalogue["platform"])
        self.platform_names = frozenset(self.platforms)
        self.years = catalogue["release_year"].to_numpy(dtype=np.int64)
        self.genres = DerivedColumn(column_values(catalogue["genres"]), split_genres)
        self.genre_mask = genre_masks(self.genres)
        self.family = (self.genre_mask & FAMILY_BITS) != 0
        self.family_filed = filed_as_family(self.genre_mask)
        self.band = catalogue_bands(catalogue)
        self.audience = audience_bands(self.band, self.family_filed)  # the band its suggestions keep to
        self._safe: dict[int, np.ndarray | None] = {}
        self.directors = DerivedColumn(column_values(catalogue["director"]), split_list)
        self.cast = DerivedColumn(column_values(catalogue["cast"]), leads)
        self.display_cast = DerivedColumn(column_values(catalogue["display_cast"]), leads)
        self.rating_bonus = rating_bonus(catalogue)
        self.series = series
        # A number per series ("" -> -1), to compare a title's with its neighbours' at once.
        _, codes = np.unique(np.asarray(series, dtype=object), return_inverse=True)
        self.series_code = np.where(np.asarray(series, dtype=object) == "", -1, codes).astype(np.int32)
        self.row_key = np.asarray(row_key, dtype=np.int32)
        self.neighbours = np.asarray(neighbours, dtype=row_dtype(len(self.ids)))
        self.similarities = similarities
        self.row_of = {id_: row for row, id_ in enumerate(self.ids)}
        self.resolver = TitleResolver(keys)
        self.names: NameIndex | None = None  # other names of the titles: ``use_names``
        # One group per work: a title's copies on other platforms and its editions ("Coco (in
        # Spanish)") share it (core.catalogue.works); the original comes first in its group, so a
        # match or a suggestion is named by it.
        self.group, self.edition = works_and_editions(catalogue)
        self.group_rows = RowGroups(np.lexsort((self.platforms, self.edition, self.group)), self.group)
        self.key_rows = RowGroups(np.argsort(self.row_key, kind="stable"), self.row_key)

    # ---- building and persistence -------------------------------------------------------
    @classmethod
    def build(cls, catalogue: pd.DataFrame) -> Recommender:
        keys, row_key, series = _title_keys(catalogue)
        neighbours, similarities = cls._neighbours(catalogue, series)
        return cls(catalogue, keys, row_key, series, neighbours, similarities)

    @staticmethod
    def save_title_search(catalogue: pd.DataFrame, directory) -> None:
        """The model files of ``catalogue`` without its neighbour table, which takes most of a
        build's seconds: a first start serves the catalogue with its title search while the
        whole model is built. Loaded, it ``suggests`` nothing."""
        keys, row_key, series = _title_keys(catalogue)
        rows = len(catalogue)
        write_model(
            Path(directory), catalogue.attrs.get("version", ""), PER_PLATFORM, ids=catalogue["id"].tolist(),
            keys=keys, series=series, row_key=row_key,
            neighbours=np.zeros((rows, 0), dtype=row_dtype(rows)), similarities=np.zeros((rows, 0), np.float32),
        )  # fmt: skip

    @property
    def suggests(self) -> bool:
        """False for a model saved without its neighbour table (``save_title_search``)."""
        return self.neighbours.shape[1] > 0 or not len(self.ids)

    @staticmethod
    def _neighbours(catalogue: pd.DataFrame, series: list[str]):
        """The neighbour table. Freed memory is returned after each step, so the build's
        peak is one step's, not their sum (scikit-learn keeps ~250 MB at 230k titles)."""
        features = title_features(catalogue, series)
        release_freed_memory()
        platforms, bonus = catalogue["platform"].to_numpy(), rating_bonus(catalogue)
        table = nearest_neighbours(features, platforms, bonus, PER_PLATFORM)
        family_filed = filed_as_family(genre_masks(map(split_genres, catalogue["genres"])))
        table = with_childrens_neighbours(
            table, features, platforms, bonus, catalogue_bands(catalogue), family_filed, PER_PLATFORM
        )
        del features
        release_freed_memory()
        return table

    def save(self, directory) -> None:
        write_model(
            Path(directory), self.version, PER_PLATFORM, ids=self.ids, keys=self.resolver.keys,
            series=self.series, row_key=self.row_key, neighbours=self.neighbours, similarities=self.similarities,
        )  # fmt: skip

    @classmethod
    def load(cls, directory, catalogue: pd.DataFrame) -> Recommender:
        """The saved model for this catalogue; StaleModelError if it is missing, damaged or
        was built from another one."""
        return cls(catalogue, *read_model(Path(directory), catalogue, PER_PLATFORM))

    # ---- resolution -----------------------------------------------------------------------
    def use_names(self, names: NameIndex) -> None:
        """Let ``resolve`` also read the titles' Spanish names (the snapshot builds them for
        this catalogue: ``core.snapshot.store.Snapshot.build``)."""
        self.names = names

    def resolve(self, text, limit: int = 5) -> list[Match]:
        """Titles the text may name, best first; copies across platforms come as one Match.

        A text that is not exactly a catalogue title may be a Spanish name of one
        (``core.search.names``): both readings are scored alike, the English one first on a tie."""
        limit = max(1, min(int(limit), 50))
        query = with_english_article(normalise(text), self.resolver.exact)
        # (title key, score, year of the work a name names or None, the text the query was read as)
        found = [
            (key, score, None, self.resolver.keys[key]) for key, score in self.resolver.search(query, limit)
        ]
        if self.names is not None and query not in self.resolver.exact:
            named = [(hit.key, hit.score, hit.year, hit.name) for hit in self.names.search(query, limit)]
            found = sorted(found + named, key=lambda hit: -hit[1])  # stable: English first on ties
        matches, seen = [], set()
        # Python ints from here on (one ``tolist`` per array, not a numpy scalar per row): the
        # sets below are built from the same values in the same order, so they iterate alike.
        starts, group_rows = self.group_rows.starts, self.group_rows.rows
        for key, score, year, reading in found:
            if len(matches) >= limit:
                break  # the rest would only come after the ``limit`` returned
            groups = set(self.group[self.key_rows[key]].tolist()) - seen
            first = {g: int(group_rows[starts[g]]) for g in groups}  # each group's first row
            if year is not None:  # a name of one of several same-titled works: its year, else one off
                off = {g: abs(int(self.years[first[g]]) - year) for g in groups}
                groups = {g for g in groups if off[g] == 0} or {g for g in groups if off[g] <= YEAR_SLACK}
            # Same title, several years (remakes): the most widely carried, then the newest.
            for group in sorted(
                groups, key=lambda g: (starts[g] - starts[g + 1], -int(self.years[first[g]]))
            ):
                matches.append(
                    self._match(
                        group_rows[starts[group] : starts[group + 1]].tolist(), round(score, 1), reading
                    )
                )
            seen |= groups
        # Only scores: whether the top one is sure is the title policy's decision
        # (core.understanding.policy.title_answer), so no layer undoes another's.
        return matches[:limit]

    def match_of(self, title_id: str) -> Match | None:
        """The title as an exact, confident match: a title already settled (a button, the
        title a conversation is about) asked about again. None once it left the catalogue."""
        row = self.row_of.get(title_id)
        if row is None:
            return None
        rows = [row] + [r for r in self.group_rows[int(self.group[row])] if r != row]
        return self._match(rows, 100.0)

    def key_of(self, title_id: str) -> str:
        """The title's normalised key, as the resolver knows it."""
        return self.resolver.keys[self.row_key[self.row_of[title_id]]]

    def _match(self, rows, score: float, read_as: str = "") -> Match:
        first = rows[0]
        return Match(
            id=self.ids[first], title=self.titles[first], platform=self.platforms[first],
            release_year=int(self.years[first]), score=score,
            ids=tuple(self.ids[r] for r in rows), platforms=tuple(self.platforms[r] for r in rows),
            read_as=read_as,
        )  # fmt: skip

    # ---- recommendations ------------------------------------------------------------------
    def recommend(
        self, title_id: str, k: int = 5, platform: str | None = None, keep: np.ndarray | None = None
    ) -> list[Recommendation]:
        """Up to ``k`` (max 20) titles like ``title_id``, most similar first, on ``platform`` if given,
        among the rows ``keep`` marks True if given (a mask over the catalogue's rows: "like coco
        but funnier" keeps comedies).

        Never the title itself or its copies, never one title twice; [] for an unknown id, and
        from a model without suggestions (``save_title_search``). Next to a children's or
        all-ages title, never a title above its band (``safe_for``).
        """
        if platform is not None and platform not in self.platform_names:
            raise ValueError(f"unknown platform {platform!r}")
        row = self.row_of.get(title_id)
        if row is None or not self.suggests:
            return []
        k = max(0, min(int(k), MAX_K))
        safe = self._safe_near(row)
        if safe is not None:
            keep = safe if keep is None else keep & safe
        found = self._nearest(row, k, platform, keep, pulled=bool(platform) or safe is not None)
        if keep is not None and len(found) < k:
            # Few of the nearest titles pass the filters ("more korean shows like squid game") or
            # suit a child: the kept titles sharing most genres with it fill the list, after the nearest.
            seen = {int(self.group[row])} | {int(self.group[other]) for other, _ in found}
            filled = self._kept_by_genre(row, keep, seen, platform, k - len(found))
            found += [(other, overlap * FILL_SCORE) for other, overlap in filled]
        return [self._recommendation(row, other, score) for other, score in found]

    def _safe_near(self, row: int) -> np.ndarray | None:
        """``safe_for(row)``; for a children's cartoon, only family titles or its own series
        (not a G-rated documentary)."""
        safe = self.safe_for(row)
        if safe is None or not self.family[row]:
            return safe
        own_series = self.series_code == self.series_code[row] if self.series_code[row] >= 0 else False
        return safe & (self.family | own_series)

    def _nearest(self, row: int, k: int, platform, keep, pulled: bool) -> list[tuple[int, float]]:
        """Up to ``k`` (row, similarity) of the title's nearest neighbours that pass, one per work;
        ``pulled``: ranked with ``_genre_pull``, and nothing sharing no genre."""
        candidates = self.neighbours[row]
        adjusted = self.similarities[row] + self.rating_bonus[candidates]
        if pulled:
            adjusted = adjusted + self._genre_pull(row, candidates)
        seen = {int(self.group[row])}
        found = []
        for position in np.argsort(-adjusted, kind="stable"):
            other = int(candidates[position])
            group = int(self.group[other])
            if len(found) >= k:
                break
            if group in seen or (platform and self.platforms[other] != platform):
                continue
            if keep is not None and not keep[other]:
                continue
            if pulled and adjusted[position] < OFF_GENRE:
                break  # what is left shares no genre with the title: better none than off-genre
            seen.add(group)
            found.append((other, float(self.similarities[row, position])))
        return found

    def safe_for(self, row: int) -> np.ndarray | None:
        """The titles that may be suggested next to ``row`` (``core.questions.bands.safe_beside``),
        or None when any may."""
        return self.safe_for_band(Band(int(self.audience[row])))

    def safe_for_band(self, band: Band) -> np.ndarray | None:
        """``safe_for`` a title whose suggestions keep to ``band``; one mask per band, made on first use."""
        if band not in self._safe:
            self._safe[band] = safe_beside(band, self.band, self.family_filed)
        return self._safe[band]

    def _recommendation(self, row: int, other: int, score: float) -> Recommendation:
        rows = self.group_rows[int(self.group[other])]
        return Recommendation(
            id=self.ids[other], title=self.titles[other], platform=self.platforms[other],
            release_year=int(self.years[other]), score=score,
            ids=tuple(self.ids[r] for r in rows), platforms=tuple(self.platforms[r] for r in rows),
            **self.reasons(row, other),
        )  # fmt: skip

    def _kept_by_genre(self, row: int, keep: np.ndarray, seen: set, platform: str | None, k: int):
        """Up to ``k`` (row, genre overlap) among the rows ``keep`` marks, sharing at least one
        genre with ``row``, most shared genres first, then best rated; one per work."""
        mine = int(self._audience_genres(row))
        if not mine or k <= 0:
            return []
        wanted = keep & ((self.genre_mask & mine) != 0)
        if self.family[row]:
            wanted &= self.family  # a family audience is kept, as ``_genre_pull`` keeps it
        rows = np.flatnonzero(wanted)
        shared = np.bitwise_count(self.genre_mask[rows] & mine)
        union = np.bitwise_count(self.genre_mask[rows] | mine)
        overlap = shared / np.maximum(union, 1)
        found = []
        for at in np.lexsort((-self.rating_bonus[rows], -overlap)):
            other, group = int(rows[at]), int(self.group[rows[at]])
            if group in seen or platform and self.platforms[other] != platform:
                continue
            seen.add(group)
            found.append((other, float(overlap[at])))
            if len(found) >= k:
                break
        return found

    def _genre_pull(self, row: int, candidates: np.ndarray) -> np.ndarray:
        """On one platform, the strongest ties (series, cast, director) are mostly missing and
        the text alone drifts off genre, so shared canonical genres count for more there, and
        a title sharing none of them sinks below ``OFF_GENRE`` and is never suggested."""
        pull = np.zeros(len(candidates), dtype=np.float32)
        if self.family[row]:  # a family audience is kept on every platform: no thrillers for a cartoon
            pull[~self.family[candidates]] -= AUDIENCE_PULL
        mine = self._audience_genres(row)
        if mine:
            theirs = self.genre_mask[candidates]
            shared = np.bitwise_count(mine & theirs)
            jaccard = shared / np.bitwise_count(mine | theirs)
            pull += np.where(shared > 0, GENRE_PULL * jaccard, OFF_GENRE - 10).astype(np.float32)
        if self.series_code[row] >= 0:  # its own series is the strongest tie: pulled as much as a genre twin
            same = self.series_code[candidates] == self.series_code[row]
            pull[same] = np.maximum(pull[same], GENRE_PULL)
        return pull

    def _audience_genres(self, row: int):
        """The genre bits a title shares with others: a family or animated title's include
        both audiences' genres, so a cartoon on Netflix shares something with "Kids' TV"."""
        mine = self.genre_mask[row]
        return mine | FAMILY_BITS if self.family[row] else mine

    def reasons(self, row: int, other: int) -> dict:
        """The one or two strongest ties between two titles, as ``Recommendation`` fields:
        ``reasons`` (codes, strongest first), with the ``shared_actor`` and ``shared_genres``
        that SHARED_CAST and SHARED_GENRES stand for."""
        reasons: list[str] = []
        named: dict = {}
        if self.series[row] and self.series[row] == self.series[other]:
            reasons.append(SAME_SERIES)
        if set(self.directors[row]) & set(self.directors[other]):
            reasons.append(SAME_DIRECTOR)
        # Each read below splits the catalogue's text again (core.snapshot.memory): read once, not per item.
        their_cast, their_genres = self.cast[other], self.genres[other]
        shared = [i for i, actor in enumerate(self.cast[row]) if actor in their_cast]
        if shared and len(reasons) < 2:
            reasons.append(SHARED_CAST)
            named["shared_actor"] = self.display_cast[row][shared[0]]
        genres = [g for g in self.genres[row] if g in their_genres]
        if genres and len(reasons) < 2:
            reasons.append(SHARED_GENRES)
            named["shared_genres"] = tuple(genres[:3])
        return {"reasons": tuple(reasons), **named}


def _title_keys(catalogue: pd.DataFrame) -> tuple[list[str], np.ndarray, list[str]]:
    """Each distinct normalised title (the resolver's keys), each row's key, each row's series."""
    keys_per_row = [normalise(t) for t in catalogue["display_title"]]
    keys, row_key = np.unique(np.array(keys_per_row, dtype=object), return_inverse=True)
    return keys.tolist(), row_key, series_keys(catalogue["display_title"].tolist(), keys_per_row)
