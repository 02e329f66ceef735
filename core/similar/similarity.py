"""How alike two titles are: the feature vectors and nearest neighbours behind
``core.recommender``.

Each title is a vector of weighted blocks (series, platform genre labels, canonical genres
from ``core.catalogue.genres``, audience, type, description, director, cast, title words), built with
scikit-learn; cosine similarity picks neighbours, and
only each title's nearest are kept. Up to ``EXACT_UP_TO`` titles every pair is compared
(``exact_neighbours``, whose cost grows with the square of the catalogue); above, the
index search of ``core.similar.neighbours`` keeps the work per title bounded (the README's "Scale"
table, ``python -m benchmarks.bench_scale``, has the figures). scikit-learn
and scipy are imported inside the building functions only, so a bot that loads a saved
model never pays for them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from core.catalogue.genres import FAMILY_GENRES, split_genres
from core.search.titles import normalise

# All pairs up to this many titles: exact, and at today's 23k titles about as fast as the
# index search, which keeps ~95% of the exact neighbour sets there (benchmarks.eval_neighbours).
EXACT_UP_TO = 40_000
TIE_BONUS = 1e-3  # the mean rating only reorders suggestions whose similarities differ by less
WEIGHTS = {
    # shared by many titles: the dense part
    "series": 10.0, "genres": 2.0, "canonical": 2.0, "audience": 1.2, "type": 0.4,
    # distinctive: the sparse part
    "description": 1.0, "director": 0.8, "cast": 0.6, "title": 0.6,
}  # fmt: skip
DENSE_BLOCKS = ("genres", "canonical", "audience", "type")
# Ratings only children's titles carry; "g" is left out: the ETL fills missing ratings with it.
KIDS_RATINGS = frozenset(["tv-y", "tv-y7", "tv-y7-fv", "tv-g", "all", "all_ages", "7+"])
ADULT_RATINGS = frozenset(["tv-ma", "r", "nc-17", "18+", "ages_18_"])


def title_features(catalogue: pd.DataFrame, series: list[str]):
    """Weighted blocks, each L2-normalised per title, for a cosine similarity over all blocks.

    Genres and type make almost every pair of titles similar a little, so a sparse product
    over them is nearly dense and slow. Titles share only ~2,500 distinct label+type+audience
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
    canonical = [split_genres(v) for v in catalogue["genres"]]
    audience = audiences(catalogue)
    blocks = {
        "series": tfidf([[s] if s else [] for s in series], **lists),
        "genres": tfidf([split_list(v) for v in catalogue["listed_in"]], **lists),
        "canonical": tfidf(canonical, **lists),
        "audience": tfidf(audience, **lists),
        "type": tfidf([[t] for t in catalogue["type"].fillna("")], **lists),
        "description": tfidf(
            catalogue["description"].fillna("").tolist(),
            stop_words="english",
            sublinear_tf=True,
            min_df=2,
            max_df=0.3,
        ),
        "director": tfidf([split_list(v) for v in catalogue["director"]], min_df=2, **lists),
        "cast": tfidf([leads(v) for v in catalogue["cast"]], min_df=2, **lists),
        "title": tfidf(catalogue["display_title"].map(normalise).tolist(), stop_words="english", min_df=2),
    }
    weighted = {
        name: (normalize(blocks[name]) if blocks[name].shape[1] else blocks[name]) * np.float32(np.sqrt(w))
        for name, w in WEIGHTS.items()
    }
    norms = np.sqrt(sum(np.asarray(m.multiply(m).sum(axis=1)).ravel() for m in weighted.values()))
    sparse = hstack([weighted[n] for n in WEIGHTS if n not in DENSE_BLOCKS], format="csr", dtype=np.float32)
    keys = zip(catalogue["listed_in"].fillna(""), catalogue["type"].fillna(""), audience, strict=True)
    combo_of = pd.Series([f"{labels}|{kind}|{','.join(who)}" for labels, kind, who in keys]).factorize()[0]
    firsts = np.unique(combo_of, return_index=True)[1]
    dense = hstack([weighted[n] for n in DENSE_BLOCKS], format="csr")[firsts].toarray()
    return sparse, combo_of, dense @ dense.T, 1 / np.maximum(norms, 1e-9)


def audiences(catalogue: pd.DataFrame) -> list[tuple[str, ...]]:
    """Who a title is for: ("family",) for family and animated titles and children's ratings,
    ("adult",) for adult ratings, () otherwise. Platforms label audiences differently (Disney+
    never says "Family" on *Toy Story*), so this is what keeps a family title's suggestions
    family on every platform."""
    result = []
    # The platform's own label: the "g" the original rules fill in for a missing one says nothing.
    for value, rating in zip(catalogue["genres"], catalogue["maturity"].fillna(""), strict=True):
        if FAMILY_GENRES & set(split_genres(value)) or rating in KIDS_RATINGS:
            result.append(("family",))
        elif rating in ADULT_RATINGS:
            result.append(("adult",))
        else:
            result.append(())
    return result


def rating_bonus(catalogue: pd.DataFrame) -> np.ndarray:
    """0..TIE_BONUS by mean rating: added to similarities, it only reorders near-ties."""
    scores = catalogue["score"].astype("float64").fillna(catalogue["score"].mean()).to_numpy()
    spread = max(float(np.ptp(scores)), 1e-9)
    return (TIE_BONUS * (scores - scores.min()) / spread).astype(np.float32)


def nearest_neighbours(features, platforms: np.ndarray, bonus: np.ndarray, per_platform: int):
    """Each row's ``per_platform`` best rows on every platform (itself included), best first:
    all pairs compared up to ``EXACT_UP_TO`` titles, an index search above (``core.similar.neighbours``)."""
    if features[0].shape[0] <= EXACT_UP_TO:
        return exact_neighbours(features, platforms, bonus, per_platform)
    from core.similar.neighbours import indexed_neighbours

    return indexed_neighbours(features, platforms, bonus, per_platform)


def exact_neighbours(features, platforms: np.ndarray, bonus: np.ndarray, per_platform: int, chunk: int = 256):
    """Each row's ``per_platform`` best rows on every platform (itself included), best first,
    comparing every row with every other: quadratic, 6.5 s at 23k titles but 603 s at 230k.

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


def leads(cast) -> tuple[str, ...]:
    """The first eight names of a cast: the leads, who say what a title is like."""
    return split_list(cast)[:8]
