"""Each title's nearest titles on every platform, in time that grows about linearly.

A title's similarity to another (``core.similar.similarity.title_features``) is
``(sparse dot + combination table) / (norm x norm)``. Comparing every title with every
other is quadratic: 23k titles took 6.5 s, 92k 85 s, 230k 603 s. Two facts keep the work
per title bounded instead:

- the dense part (genres, type, audience) depends only on the two titles' combinations,
  so the best titles by it alone come from a small table per combination and platform
  (``combination_candidates``); they give each title a score its neighbours must beat;
- a sparse feature shared by few titles (a series, a director, a cast member, a rare word)
  is what lifts another title above that score. Only the rarest features are searched
  (``selective_limit``: as many as fit ``ROW_BUDGET`` products per title, ~400 titles per
  feature at every size); common ones ("love", "family") are added back into the
  similarities of the neighbours found, so stored similarities are exact. A series is
  always searched, however large.

Recall against all pairs, at today's 23k titles with the index search forced
(``python -m benchmarks.eval_neighbours``, 2026-11-27): 95.7% of the exact neighbour sets,
99.7% of each title's first five, and the same ``benchmarks.eval_recommender`` figures; at
x4, where every word is shared by four times as many titles, 97.5% of the first five
similarity values. ``core.similar.similarity`` therefore still compares all pairs below
``EXACT_UP_TO`` titles. Build times by catalogue size: the README's "Scale" table
(``python -m benchmarks.bench_scale``). scipy is imported inside the functions.
"""

from __future__ import annotations

import numpy as np

# A feature weighing more than this (a series: 10) is searched however many titles share it:
# alone it outweighs everything but the combination table.
ALWAYS_SEARCHED = 2.0
ROW_BUDGET = 1500  # sparse products per title, on average: what bounds the work per title
SPARE = 15  # extra combination candidates per platform: covers rating-bonus reordering
ENTRY_BUDGET = 3_000_000  # sparse products per chunk: bounds a chunk's memory (~75 MB; two run at once)
MAX_CHUNK = 2048  # rows per chunk at most: bounds the per-row tables


def indexed_neighbours(features, platforms: np.ndarray, bonus: np.ndarray, per_platform: int):
    """Each row's ``per_platform`` best rows on every platform (itself included), best first.

    "Best" is similarity + rating bonus, as ``recommend`` ranks them. Returns
    (neighbours, similarities), both rows x (sum over platforms of min(per_platform, titles)).
    """
    from concurrent.futures import ThreadPoolExecutor

    sparse, combo_of, combo_table, inverse_norm = features
    search = Search(sparse, combo_of, combo_table, inverse_norm, platforms, bonus, per_platform)
    with ThreadPoolExecutor(max_workers=2) as pool:  # scipy's product and numpy release the GIL
        list(pool.map(search.fill, search.chunks()))
    return search.neighbours, search.similarities


class Search:
    """The shared state of one neighbour search; ``fill`` does one chunk of rows."""

    def __init__(self, sparse, combo_of, combo_table, inverse_norm, platforms, bonus, per_platform):
        from scipy.sparse import csr_matrix

        self.n = sparse.shape[0]
        self.combo_of = combo_of.astype(np.int32)
        self.table = np.asarray(combo_table, dtype=np.float32)
        self.scale = inverse_norm.astype(np.float32)
        self.bonus = bonus.astype(np.float32)
        names, self.platform_of = np.unique(platforms, return_inverse=True)
        counts = np.bincount(self.platform_of, minlength=len(names))
        self.keep = np.minimum(per_platform, counts)
        self.width = int(self.keep.sum())
        df = np.bincount(sparse.indices, minlength=sparse.shape[1])
        strong = np.zeros(sparse.shape[1], dtype=bool)
        strong[sparse.indices[sparse.data**2 > ALWAYS_SEARCHED]] = True
        common = (df[sparse.indices] > selective_limit(df[~strong], self.n)) & ~strong[sparse.indices]
        self.selective = _masked(sparse, ~common, csr_matrix)
        self.common = _masked(sparse, common, csr_matrix) if common.any() else None
        self.postings = self.selective.T.tocsr()
        entry_rows = np.repeat(np.arange(self.n), np.diff(sparse.indptr))
        self.row_cost = np.bincount(entry_rows, weights=df[sparse.indices] * ~common, minlength=self.n)
        self.combo_max = self.table.max(axis=1)[self.combo_of]
        self.bonus_max = self.bonus.max()
        self.self_dot = np.asarray(
            self.selective.multiply(self.selective).sum(axis=1), dtype=np.float32
        ).ravel()
        self.candidates = combination_candidates(
            self.combo_of, self.table, self.scale, self.bonus, self.platform_of, len(names),
            per_platform + SPARE,
        )  # fmt: skip
        self.neighbours = np.zeros((self.n, self.width), dtype=np.int32)
        self.similarities = np.zeros((self.n, self.width), dtype=np.float32)

    def chunks(self):
        """Row ranges whose sparse products add up to about ENTRY_BUDGET (at most MAX_CHUNK rows)."""
        cumulative = np.cumsum(self.row_cost + 200)
        cuts = np.searchsorted(cumulative, np.arange(ENTRY_BUDGET, cumulative[-1], ENTRY_BUDGET))
        bounds = np.unique(np.r_[0, cuts, np.arange(0, self.n, MAX_CHUNK), self.n])
        return list(zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True))

    def score(self, rows, columns, dot):
        """similarity + bonus of (row, column) pairs, ``dot`` their sparse dot product."""
        combined = dot + self.table[self.combo_of[rows], self.combo_of[columns]]
        return combined * (self.scale[rows] * self.scale[columns]) + self.bonus[columns]

    def fill(self, bounds) -> None:
        start, stop = bounds
        rows = np.arange(start, stop)
        columns, scores = self.combination_scores(rows)
        # the keep-th best combination-only score: a neighbour scores at least this
        threshold = np.take_along_axis(scores, self.keep[None, :, None] - 1, axis=2)[..., 0]
        found_rows, found_columns, found = self.sparse_matches(start, stop, threshold)
        # a sparse match replaces its own combination-only copy (its score is at least as high)
        slots = columns[found_rows - start, self.platform_of[found_columns]] == found_columns[:, None]
        hit = slots.any(axis=1)
        scores[
            found_rows[hit] - start, self.platform_of[found_columns[hit]], slots[hit].argmax(axis=1)
        ] = -np.inf
        extra_columns, extra_scores = self.best_matches(start, stop, found_rows, found_columns, found)
        columns = np.concatenate([columns, extra_columns], axis=2)
        scores = np.concatenate([scores, extra_scores], axis=2)
        best = np.argsort(-scores, axis=2, kind="stable")
        parts = [np.take_along_axis(a, best, axis=2) for a in (columns, scores)]
        columns, scores = (
            np.hstack([part[:, p, :keep] for p, keep in enumerate(self.keep)]) for part in parts
        )
        self.store(rows, columns, scores)

    def combination_scores(self, rows):
        """rows x platforms x SIZE: each row's candidates by combination alone (not itself),
        best first, and their scores without the sparse dot (-inf pads)."""
        columns = self.candidates[self.combo_of[rows]]
        flat_rows = np.repeat(rows, columns.shape[1] * columns.shape[2]).reshape(columns.shape)
        absent = (columns < 0) | (columns == flat_rows)
        scores = self.score(flat_rows, np.maximum(columns, 0), np.float32(0))
        scores[absent] = -np.inf
        order = np.argsort(-scores, axis=2, kind="stable")
        return np.take_along_axis(columns, order, axis=2), np.take_along_axis(scores, order, axis=2)

    def sparse_matches(self, start, stop, threshold):
        """(row, column, score) of the pairs sharing a selective feature that score at least
        their row's threshold on the column's platform, itself included."""
        product = self.selective[start:stop] @ self.postings
        rows = np.repeat(np.arange(start, stop), np.diff(product.indptr))
        columns, dot = product.indices, product.data
        # a cheap bound first: 1-d lookups only, before the combination table's 2-d one
        bound = (dot + self.combo_max[rows]) * (self.scale[rows] * self.scale[columns]) + self.bonus_max
        near = (bound >= threshold.min(axis=1)[rows - start]) & (columns != rows)
        rows, columns, dot = rows[near], columns[near], dot[near]
        scores = self.score(rows, columns, dot)
        good = scores >= threshold[rows - start, self.platform_of[columns]]
        itself = np.arange(start, stop)
        rows, columns = np.r_[rows[good], itself], np.r_[columns[good], itself]
        return rows, columns, np.r_[scores[good], self.score(itself, itself, self.self_dot[start:stop])]

    def best_matches(self, start, stop, rows, columns, scores):
        """The ``keep`` best sparse matches per row and platform as rows x platforms x keep."""
        platform = self.platform_of[columns]
        order = np.lexsort((-scores, platform, rows))
        rows, columns, scores, platform = rows[order], columns[order], scores[order], platform[order]
        group = (rows - start).astype(np.int64) * len(self.keep) + platform
        rank = np.arange(len(order)) - np.searchsorted(group, group)
        kept = rank < self.keep[platform]
        shape = (stop - start, len(self.keep), int(self.keep.max()))
        best_columns = np.full(shape, -1, dtype=np.int32)
        best_scores = np.full(shape, -np.inf, dtype=np.float32)
        where = (rows[kept] - start, platform[kept], rank[kept])
        best_columns[where], best_scores[where] = columns[kept], scores[kept]
        return best_columns, best_scores

    def store(self, rows, columns, scores) -> None:
        """Adds the common features' share, then writes each row's neighbours best first."""
        if self.common is not None:
            scores = scores + self.common_dot(rows, columns) * (self.scale[rows, None] * self.scale[columns])
        best = np.argsort(-scores, axis=1, kind="stable")
        columns = np.take_along_axis(columns, best, axis=1)
        self.neighbours[rows] = columns
        self.similarities[rows] = np.take_along_axis(scores, best, axis=1) - self.bonus[columns]

    def common_dot(self, rows, columns):
        """rows x width: the dot products over the common features, from the rows' few
        common features as a small dense table (only the features these rows use)."""
        mine = self.common[rows]
        used, local = np.unique(mine.indices, return_inverse=True)
        lookup = np.full(self.common.shape[1], len(used), dtype=np.int32)
        lookup[used] = np.arange(len(used), dtype=np.int32)
        table = np.zeros((len(rows), len(used) + 1), dtype=np.float32)
        table[np.repeat(np.arange(len(rows)), np.diff(mine.indptr)), local] = mine.data
        theirs = self.common[columns.ravel()]
        pair = np.repeat(np.arange(theirs.shape[0]), np.diff(theirs.indptr))
        products = theirs.data * table[pair // columns.shape[1], lookup[theirs.indices]]
        return (
            np.bincount(pair, weights=products, minlength=theirs.shape[0])
            .astype(np.float32)
            .reshape(columns.shape)
        )


def selective_limit(df: np.ndarray, rows: int) -> int:
    """The largest document frequency a feature may have and still be searched: features are
    taken from the rarest up while their products (df squared) fit ``ROW_BUDGET`` per row."""
    ordered = np.sort(df)
    fits = np.cumsum(ordered.astype(np.float64) ** 2) <= ROW_BUDGET * rows
    return int(ordered[fits][-1]) if fits.any() else 1


def combination_candidates(combo_of, table, scale, bonus, platform_of, platforms, size):
    """combination x platform x ``size``: the best rows by combination similarity alone
    (-1 pads a platform with fewer rows), for a title whose norm is typical.

    Within one combination, rows differ only by norm and rating bonus, so only each
    combination's ``size`` best rows per platform can qualify: the table is built from
    those (at most combinations x platforms x size rows, however large the catalogue).
    """
    order = np.lexsort((-bonus, -scale, combo_of, platform_of))
    group = platform_of[order].astype(np.int64) * len(table) + combo_of[order]
    rank = np.arange(len(order)) - np.searchsorted(group, group)
    pool = order[rank < size]
    typical = float(np.median(scale))
    result = np.full((len(table), platforms, size), -1, dtype=np.int32)
    for platform in range(platforms):
        members = pool[platform_of[pool] == platform]
        for first in range(0, len(table), 256):
            combos = slice(first, first + 256)
            scores = table[combos][:, combo_of[members]] * (scale[members] * typical) + bonus[members]
            take = min(size, len(members))
            best = np.argpartition(-scores, take - 1, axis=1)[:, :take]
            ranked = np.take_along_axis(scores, best, axis=1)
            best = np.take_along_axis(best, np.argsort(-ranked, axis=1, kind="stable"), axis=1)
            result[combos, platform, :take] = members[best]
    return result


def _masked(matrix, keep, csr_matrix):
    """``matrix`` with only the stored entries where ``keep`` is True."""
    data = np.where(keep, matrix.data, np.float32(0)).astype(np.float32)
    result = csr_matrix((data, matrix.indices.copy(), matrix.indptr.copy()), shape=matrix.shape)
    result.eliminate_zeros()
    return result
