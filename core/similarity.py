"""How alike two titles are: the feature vectors and nearest neighbours behind
``core.recommender``.

Each title is a vector of weighted blocks (series, genres, description, director, cast,
title words, type), built with scikit-learn; cosine similarity picks neighbours, and
only each title's nearest are kept. scikit-learn and scipy are imported inside the
building functions only, so a bot that loads a saved model never pays for them.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from core.titles import normalise

TIE_BONUS = 1e-3  # the mean rating only reorders suggestions whose similarities differ by less
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
    genres = [split_list(v) for v in catalogue["listed_in"]]
    blocks = {
        "series": tfidf([[s] if s else [] for s in series], **lists),
        "genres": tfidf(genres, **lists),
        "genre_words": tfidf([genre_words(g) for g in genres], **lists),
        "type": tfidf([[t] for t in catalogue["type"].fillna("")], **lists),
        "description": tfidf(
            catalogue["description"].fillna("").tolist(),
            stop_words="english",
            sublinear_tf=True,
            min_df=2,
            max_df=0.3,
        ),
        "director": tfidf([split_list(v) for v in catalogue["director"]], min_df=2, **lists),
        "cast": tfidf([split_list(v)[:8] for v in catalogue["cast"]], min_df=2, **lists),  # the leads
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


def genre_words(labels) -> list[str]:
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


def split_list(value) -> tuple[str, ...]:
    # Tuples of strings: the garbage collector stops tracking them, so its full passes over
    # the ~100k per-title lists do not show up as latency spikes.
    return tuple(part for part in value.split(", ") if part) if isinstance(value, str) else ()
