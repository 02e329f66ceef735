"""Find the title a user meant, then suggest titles like it: ``Recommender``.

    rec = Recommender.load_or_build("data/processed", catalogue)
    matches = rec.resolve("frozne 2")            # best first; Match.confident on a sure top match
    rec.recommend(matches[0].id, k=5, platform="disney")

Resolution lives in ``core.titles``. Recommendations are content-based: each title is a
sparse vector of weighted blocks (series, genres, description, director, cast, title
words, type), built with scikit-learn; cosine similarity picks neighbours. Only each
title's nearest neighbours are kept (the best ``PER_PLATFORM`` on every platform, so a
platform filter still finds enough), never the dense 23k x 23k matrix.

Persisted beside the catalogue snapshot as ``recommender.npz`` (arrays, no pickle) and
``recommender.json`` (format, catalogue version, weights). ``load`` raises
``StaleModelError`` when the files belong to another catalogue version or row order;
``load_or_build`` rebuilds and saves instead.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from core.snapshot import write_atomically
from core.titles import CONFIDENT_MARGIN, CONFIDENT_SCORE, EXACT_SCORE, TitleResolver, normalise, series_keys

__all__ = ["Match", "Recommendation", "Recommender", "StaleModelError", "MODEL_FILE", "META_FILE"]

MODEL_FILE = "recommender.npz"
META_FILE = "recommender.json"
FORMAT = 1
PER_PLATFORM = 25  # neighbours kept per title and platform
MAX_K = 20
TIE_BONUS = 1e-3  # the mean rating only reorders suggestions whose similarities differ by less
SEP = "\x1f"  # joins string arrays into one byte array in the npz


class StaleModelError(Exception):
    """The saved model does not belong to this catalogue (other version or rows)."""


@dataclass(frozen=True)
class Match:
    id: str  # the first copy; ``ids``/``platforms`` list every platform carrying this title+year
    title: str
    platform: str
    release_year: int
    score: float  # 0-100
    ids: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()
    confident: bool = False  # only ever True on the first match, see Recommender.is_confident


@dataclass(frozen=True)
class Recommendation:
    id: str
    title: str
    platform: str
    release_year: int
    score: float  # cosine similarity 0-1
    reason: str
    ids: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()


class Recommender:
    def __init__(self, catalogue: pd.DataFrame, keys: list[str], row_key, series, neighbours, similarities):
        self.version = catalogue.attrs.get("version", "")
        self.ids = catalogue["id"].tolist()
        self.titles = catalogue["display_title"].tolist()
        self.platforms = catalogue["platform"].tolist()
        self.platform_names = frozenset(self.platforms)
        self.years = catalogue["release_year"].to_numpy(dtype=np.int64)
        self.genres = [_split(v) for v in catalogue["listed_in"]]
        words_of = {labels: _genre_words(labels) for labels in set(map(tuple, self.genres))}
        self.genre_words = [words_of[tuple(g)] for g in self.genres]  # reasons compare these per pair
        self.directors = [_split(v) for v in catalogue["director"]]
        self.cast = [_split(v)[:8] for v in catalogue["cast"]]
        self.rating_bonus = rating_bonus(catalogue)
        self.series = series
        self.row_key = np.asarray(row_key, dtype=np.int32)
        self.neighbours, self.similarities = neighbours, similarities
        self.row_of = {id_: row for row, id_ in enumerate(self.ids)}
        self.resolver = TitleResolver(keys)
        # A title = normalised title + year; its copies on other platforms share the group.
        self.group = (
            pd.Series(list(zip(self.row_key, self.years, strict=True))).factorize()[0].astype(np.int32)
        )
        order = np.lexsort((self.platforms, self.group))
        self.group_rows = np.split(order, np.flatnonzero(np.diff(self.group[order])) + 1)
        key_order = np.argsort(self.row_key, kind="stable")
        self.key_rows = np.split(key_order, np.flatnonzero(np.diff(self.row_key[key_order])) + 1)

    # ---- building and persistence -------------------------------------------------------
    @classmethod
    def build(cls, catalogue: pd.DataFrame) -> Recommender:
        keys_per_row = [normalise(t) for t in catalogue["display_title"]]
        keys, row_key = np.unique(np.array(keys_per_row, dtype=object), return_inverse=True)
        series = series_keys(catalogue["display_title"].tolist())
        features = title_features(catalogue, series)
        platforms = catalogue["platform"].to_numpy()
        neighbours, similarities = nearest_neighbours(
            features, platforms, rating_bonus(catalogue), PER_PLATFORM
        )
        return cls(catalogue, keys.tolist(), row_key, series, neighbours, similarities)

    def save(self, directory) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        arrays = {
            "ids": _pack(self.ids),
            "keys": _pack(self.resolver.keys),
            "series": _pack(self.series),
            "row_key": self.row_key,
            "neighbours": self.neighbours,
            "similarities": self.similarities,
        }
        meta = {
            "format": FORMAT,
            "version": self.version,
            "rows": len(self.ids),
            "per_platform": PER_PLATFORM,
        }

        def write_npz(path):
            with open(path, "wb") as handle:  # a file object: np.savez would append ".npz" to a name
                np.savez(handle, **arrays)

        write_atomically(directory / MODEL_FILE, write_npz)
        write_atomically(directory / META_FILE, lambda path: Path(path).write_text(json.dumps(meta) + "\n"))

    @classmethod
    def load(cls, directory, catalogue: pd.DataFrame) -> Recommender:
        """The saved model for this catalogue; StaleModelError if it was built from another one."""
        directory = Path(directory)
        meta = json.loads((directory / META_FILE).read_text())
        version = catalogue.attrs.get("version", "")
        if meta.get("format") != FORMAT or meta.get("version") != version:
            raise StaleModelError(
                f"{directory}: model is for catalogue {meta.get('version')!r}, not {version!r}"
            )
        with np.load(directory / MODEL_FILE, allow_pickle=False) as data:
            if _unpack(data["ids"]) != catalogue["id"].tolist():
                raise StaleModelError(f"{directory}: model rows differ from the catalogue's")
            return cls(
                catalogue, _unpack(data["keys"]), data["row_key"], _unpack(data["series"]),
                data["neighbours"], data["similarities"],
            )  # fmt: skip

    @classmethod
    def load_or_build(cls, directory, catalogue: pd.DataFrame) -> Recommender:
        """Load the saved model, or build and save one when it is missing, damaged or stale."""
        try:
            return cls.load(directory, catalogue)
        except (OSError, ValueError, KeyError, StaleModelError):
            model = cls.build(catalogue)
            model.save(directory)
            return model

    # ---- resolution -----------------------------------------------------------------------
    def resolve(self, text, limit: int = 5) -> list[Match]:
        """Titles the text may name, best first; copies across platforms come as one Match."""
        limit = max(1, min(int(limit), 50))
        found = self.resolver.search(normalise(text), limit)
        matches = []
        for key, score in found:
            groups = {int(self.group[row]) for row in self.key_rows[key]}
            # Same title, several years (remakes): the most widely carried, then the newest.
            for group in sorted(
                groups, key=lambda g: (-len(self.group_rows[g]), -self.years[self.group_rows[g][0]])
            ):
                matches.append(self._match(self.group_rows[group], round(score, 1)))
        matches = matches[:limit]
        if self.is_confident(matches):
            matches[0] = Match(**{**matches[0].__dict__, "confident": True})
        return matches

    @staticmethod
    def is_confident(matches: list[Match]) -> bool:
        """Sure enough to act without asking: the top score is at least CONFIDENT_SCORE (88)
        and the runner-up (if any) trails it by at least CONFIDENT_MARGIN (4) points, or the
        text names the top title exactly (score 100) and no other title does.
        Otherwise the bot should offer the matches as "did you mean ...?"."""
        if not matches or matches[0].score < CONFIDENT_SCORE:
            return False
        if len(matches) == 1 or matches[0].score - matches[1].score >= CONFIDENT_MARGIN:
            return True
        # Typed exactly: "toy story" means Toy Story, even with Toy Story 2 a few points behind.
        return matches[0].score >= EXACT_SCORE > matches[1].score

    def _match(self, rows, score: float) -> Match:
        first = rows[0]
        return Match(
            id=self.ids[first], title=self.titles[first], platform=self.platforms[first],
            release_year=int(self.years[first]), score=score,
            ids=tuple(self.ids[r] for r in rows), platforms=tuple(self.platforms[r] for r in rows),
        )  # fmt: skip

    # ---- recommendations ------------------------------------------------------------------
    def recommend(self, title_id: str, k: int = 5, platform: str | None = None) -> list[Recommendation]:
        """Up to ``k`` (max 20) titles like ``title_id``, most similar first, on ``platform`` if given.

        Never the title itself or its copies, never one title twice; [] for an unknown id.
        """
        if platform is not None and platform not in self.platform_names:
            raise ValueError(f"unknown platform {platform!r}")
        row = self.row_of.get(title_id)
        if row is None:
            return []
        k = max(0, min(int(k), MAX_K))
        candidates = self.neighbours[row]
        adjusted = self.similarities[row] + self.rating_bonus[candidates]
        seen = {int(self.group[row])}
        result = []
        for position in np.argsort(-adjusted, kind="stable"):
            other = int(candidates[position])
            group = int(self.group[other])
            if len(result) >= k or group in seen or (platform and self.platforms[other] != platform):
                continue
            seen.add(group)
            rows = self.group_rows[group]
            result.append(
                Recommendation(
                    id=self.ids[other], title=self.titles[other], platform=self.platforms[other],
                    release_year=int(self.years[other]), score=float(self.similarities[row, position]),
                    reason=self.reason(row, other),
                    ids=tuple(self.ids[r] for r in rows), platforms=tuple(self.platforms[r] for r in rows),
                )
            )  # fmt: skip
        return result

    def reason(self, row: int, other: int) -> str:
        """The one or two strongest shared traits, in words."""
        parts = []
        if self.series[row] and self.series[row] == self.series[other]:
            parts.append("same series")
        if set(self.directors[row]) & set(self.directors[other]):
            parts.append("same director")
        actors = [a for a in self.cast[row] if a in self.cast[other]]
        if actors and len(parts) < 2:
            parts.append(f"with {actors[0].title()}")
        genres = [g for g in self.genres[row] if g in self.genres[other]]
        if not genres:  # platforms name genres differently: "Dramas" on one is "Drama" on another
            genres = [g for g in self.genre_words[row] if g in self.genre_words[other]]
        if genres and len(parts) < 2:
            parts.append("shares: " + ", ".join(genres[:3]))
        return "; ".join(parts) or "similar story"


# ---- model building (scikit-learn is imported here only, so a loaded bot never pays for it) ----
WEIGHTS = {
    "series": 5.0, "genres": 1.5, "genre_words": 1.0, "type": 0.4,  # shared by many titles: the dense part
    "description": 1.0, "director": 0.8, "cast": 0.6, "title": 0.6,  # distinctive: the sparse part
}  # fmt: skip
DENSE_BLOCKS = ("genres", "genre_words", "type")
GENRE_NOISE = frozenset(["tv", "movies", "movie", "shows", "show", "series", "and", "international"])


def title_features(catalogue: pd.DataFrame, series: list[str]):
    """Weighted blocks, each L2-normalised per title, for a cosine similarity over all blocks.

    Genres and type make almost every pair of titles similar a little, so a sparse product
    over them is nearly dense and slow. Titles share only ~2,000 distinct genre+type
    combinations, so that part is a small combination x combination table instead.
    Returns (sparse distinctive blocks, combination id per title, combination table,
    1 / norm of each title's full vector).
    """
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    def tfidf(docs, **options):
        try:
            return TfidfVectorizer(dtype=np.float32, **options).fit_transform(docs)
        except ValueError:  # empty vocabulary (e.g. a small catalogue without cast)
            return csr_matrix((len(docs), 0), dtype=np.float32)

    lists = {"analyzer": lambda items: items}
    genres = [_split(v) for v in catalogue["listed_in"]]
    blocks = {
        "series": tfidf([[s] if s else [] for s in series], **lists),
        "genres": tfidf(genres, **lists),
        "genre_words": tfidf([_genre_words(g) for g in genres], **lists),
        "type": tfidf([[t] for t in catalogue["type"].fillna("")], **lists),
        "description": tfidf(
            catalogue["description"].fillna("").tolist(),
            stop_words="english",
            sublinear_tf=True,
            min_df=2,
            max_df=0.3,
        ),
        "director": tfidf([_split(v) for v in catalogue["director"]], min_df=2, **lists),
        "cast": tfidf([_split(v)[:8] for v in catalogue["cast"]], min_df=2, **lists),  # the leads
        "title": tfidf(catalogue["display_title"].map(normalise).tolist(), stop_words="english", min_df=2),
    }
    weighted = {
        name: (normalize(blocks[name]) if blocks[name].shape[1] else blocks[name]) * np.float32(np.sqrt(w))
        for name, w in WEIGHTS.items()
    }
    norms = np.sqrt(sum(np.asarray(m.multiply(m).sum(axis=1)).ravel() for m in weighted.values()))
    sparse = hstack([weighted[n] for n in WEIGHTS if n not in DENSE_BLOCKS], format="csr", dtype=np.float32)
    combo_of = (catalogue["listed_in"].fillna("") + "|" + catalogue["type"].fillna("")).factorize()[0]
    firsts = np.unique(combo_of, return_index=True)[1]
    dense = hstack([weighted[n] for n in DENSE_BLOCKS], format="csr")[firsts].toarray()
    return sparse, combo_of, dense @ dense.T, 1 / np.maximum(norms, 1e-9)


def _genre_words(labels) -> list[str]:
    """Platform-neutral genre words: "Dramas", "TV Dramas" and "Drama" all become "drama"."""
    words = set()
    for label in labels:
        for word in re.findall(r"[a-z]+", label):
            if word not in GENRE_NOISE:
                words.add(
                    word[:-3] + "y" if word.endswith("ies") else word.rstrip("s") if len(word) > 4 else word
                )
    return sorted(words)


def rating_bonus(catalogue: pd.DataFrame) -> np.ndarray:
    """0..TIE_BONUS by mean rating: added to similarities, it only reorders near-ties."""
    scores = catalogue["score"].astype("float64").fillna(catalogue["score"].mean()).to_numpy()
    spread = max(float(np.ptp(scores)), 1e-9)
    return (TIE_BONUS * (scores - scores.min()) / spread).astype(np.float32)


def nearest_neighbours(
    features, platforms: np.ndarray, bonus: np.ndarray, per_platform: int, chunk: int = 256
):
    """Each row's ``per_platform`` best rows on every platform (itself included), best first.

    "Best" is similarity + rating bonus, as ``recommend`` ranks them; the bonus also breaks
    the many exact ties that make ``argpartition`` slow. Rows are compared a chunk at a time
    (a dense chunk x n block, never n x n) on two threads: scipy's sparse product and numpy
    release the GIL. Columns are sorted by platform, then genre+type combination, so the
    combination part of each chunk is a fast ``np.repeat`` rather than a gather.
    """
    from concurrent.futures import ThreadPoolExecutor

    sparse, combo_of, combo_table, inverse_norm = features
    order = np.lexsort((combo_of, platforms))
    bounds = np.flatnonzero(np.r_[True, platforms[order][1:] != platforms[order][:-1], True])
    slices = [(a, b, min(per_platform, b - a)) for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
    width = sum(keep for _, _, keep in slices)
    run_starts = np.flatnonzero(np.r_[True, (combo_of[order][1:] != combo_of[order][:-1]) | np.isin(
        np.arange(1, len(order)), bounds)])  # fmt: skip
    run_combos, run_lengths = combo_of[order][run_starts], np.diff(np.r_[run_starts, len(order)])
    others, other_scale, other_bonus = sparse[order].T.tocsr(), inverse_norm[order], bonus[order]
    neighbours = np.zeros((sparse.shape[0], width), dtype=np.int32)
    similarities = np.zeros((sparse.shape[0], width), dtype=np.float32)

    def fill(start: int) -> None:
        rows = slice(start, start + chunk)
        dense = (sparse[rows] @ others).toarray()
        dense += np.repeat(combo_table[combo_of[rows]][:, run_combos], run_lengths, axis=1)
        dense *= inverse_norm[rows, None] * other_scale[None, :]
        dense += other_bonus[None, :]
        picked = [a + np.argpartition(dense[:, a:b], -keep, axis=1)[:, -keep:] for a, b, keep in slices]
        columns = np.hstack(picked)
        ranked = np.take_along_axis(dense, columns, axis=1)
        best = np.argsort(-ranked, axis=1, kind="stable")
        columns = np.take_along_axis(columns, best, axis=1)
        neighbours[rows] = order[columns]
        similarities[rows] = np.take_along_axis(ranked, best, axis=1) - other_bonus[columns]

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(fill, range(0, sparse.shape[0], chunk)))
    return neighbours, similarities


def _split(value) -> tuple[str, ...]:
    # Tuples of strings: the garbage collector stops tracking them, so its full passes over
    # the ~100k per-title lists do not show up as latency spikes.
    return tuple(part for part in value.split(", ") if part) if isinstance(value, str) else ()


def _pack(strings) -> np.ndarray:
    return np.frombuffer(SEP.join(strings).encode("utf-8"), dtype=np.uint8)


def _unpack(array: np.ndarray) -> list[str]:
    return array.tobytes().decode("utf-8").split(SEP)
