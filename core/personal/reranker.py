"""Reorder content-based suggestions by what people liked: the serving side of the learning loop.

    reranker, meta = core.personal.registry.current(data_dir)      # identity until a model is published
    recs = reranker.rerank(snapshot.pairs, title_id, snapshot.recommender.recommend(title_id, k=20))

(the bot goes through ``core.suggest``, which does this for every list of suggestions).

A ``Reranker`` is a logistic model over ``FEATURES``, numbers that describe one pair of
titles (an *anchor* the user liked or asked about, and a *candidate* to suggest). Its
weights are learned from likes and dislikes in a child process (``core.personal.training``, the
only place scikit-learn is imported) and saved as JSON (``save``/``load``, no pickle);
here it is only a dot product, in numpy. The *identity* re-ranker keeps the recommender's
order exactly: it serves until a learned model beats it on held-out feedback.

The features read a few arrays derived from a catalogue and its recommender (series codes,
director and cast ids, title types): a :class:`PairContext`, ``PairContext.build(recommender,
catalogue)``, ~0.2 s on the full catalogue. The snapshot builds it when it loads
(``Snapshot.pairs``) and training builds it the same way, so both compute the same features.
"""

from __future__ import annotations

import array
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from core.catalogue.title_types import TitleType
from core.snapshot.atomic import write_json

__all__ = [
    "FEATURES",
    "IDENTITY_VERSION",
    "MAX_ANCHORS",
    "PairContext",
    "Reranker",
    "pair_features",
    "title_types",
]

FORMAT = 1
IDENTITY_VERSION = "identity"
YEAR_GAP_CAP = 30  # years; a gap beyond says nothing more
MAX_ANCHORS = 10  # a user's most recent likes that stand for their taste, in training and serving
CHUNK_PAIRS = 200_000  # pairs computed at once: ~20 MB of neighbour comparisons
# The identity's scores: a steep logistic of the similarity, so they spread over 0.12-0.88.
IDENTITY_SLOPE, IDENTITY_INTERCEPT = 4.0, -2.0

# Each feature is a number for one (anchor, candidate) pair, most in 0..1.
FEATURES = (
    # the recommender's cosine similarity when the candidate is among the anchor's ~100 kept
    # neighbours (the most similar on each platform), else 0
    "similarity",
    "genre_jaccard",  # shared canonical genres / genres of either (0 when neither has any)
    "same_series",  # 1 when both belong to the same series (core.search.titles.series_keys)
    "director_overlap",  # shared directors / directors of the one with fewer (0 when one has none)
    "cast_overlap",  # shared leads (first 8 names) / leads of the one with fewer (0 when one has none)
    "year_gap",  # |release years apart|, capped at 30, divided by 30: 0 same year, 1 a generation apart
    "same_type",  # 1 both movies or both shows, 0 not
    "same_platform",  # 1 when both are on the same platform
    "candidate_prior",  # the candidate's mean user rating, 0 (lowest in the catalogue) to 1 (highest)
    "family_match",  # 1 when both or neither are family titles: a cartoon and a thriller score 0
)


@dataclass
class Reranker:
    """A logistic score over ``FEATURES``: p = 1 / (1 + exp(-(weights . x + intercept))).

    ``version`` names the published model folder ("identity" for the built-in one);
    ``metrics`` are what it scored on held-out feedback when it was published."""

    weights: np.ndarray
    intercept: float
    version: str = IDENTITY_VERSION
    metrics: dict = field(default_factory=dict)
    features: tuple[str, ...] = FEATURES

    @classmethod
    def identity(cls) -> Reranker:
        """Plain similarity: ``rerank`` keeps the recommender's order exactly, ``score`` grows
        with the (mean) similarity alone."""
        weights = np.zeros(len(FEATURES))
        weights[FEATURES.index("similarity")] = IDENTITY_SLOPE
        return cls(weights, IDENTITY_INTERCEPT)

    @property
    def is_identity(self) -> bool:
        return self.version == IDENTITY_VERSION

    # ---- persistence ----------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "format": FORMAT,
            "version": self.version,
            "features": list(self.features),
            "weights": [float(w) for w in self.weights],
            "intercept": float(self.intercept),
            "metrics": self.metrics,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Reranker:
        """ValueError when the model was made for other features than this code computes."""
        if data.get("format") != FORMAT or tuple(data.get("features", ())) != FEATURES:
            raise ValueError(f"model {data.get('version')!r} is for other features: {data.get('features')}")
        weights = np.asarray(data["weights"], dtype=np.float64)
        if weights.shape != (len(FEATURES),) or not np.all(np.isfinite(weights)):
            raise ValueError(f"model {data.get('version')!r} has unusable weights")
        return cls(weights, float(data["intercept"]), str(data["version"]), dict(data.get("metrics", {})))

    def save(self, path) -> None:
        """JSON, written atomically (temporary file, fsync, rename)."""
        write_json(Path(path), self.to_dict())

    @classmethod
    def load(cls, path) -> Reranker:
        return cls.from_dict(json.loads(Path(path).read_text()))

    # ---- scoring --------------------------------------------------------------------------
    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """The model's like-probability for each row of a feature matrix."""
        logits = np.asarray(features, dtype=np.float64) @ self.weights + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))

    def score(self, pairs: PairContext, anchor_rows, candidate_rows) -> np.ndarray:
        """How likely a user who likes all of ``anchor_rows`` likes each candidate (0..1).

        The features of each candidate are averaged over the anchors (which, the model being
        linear, averages the logits), exactly as ``core.personal.training`` built its training
        examples from a user's recent likes. No anchors: one score for every candidate."""
        candidates = np.asarray(candidate_rows, dtype=np.int64)
        return self.probabilities(mean_features(pairs, anchor_rows, candidates))

    def order(self, pairs: PairContext, anchor_ids, candidate_ids) -> list[int]:
        """Positions of ``candidate_ids``, best first for a user who likes ``anchor_ids``.

        A stable sort: equal scores keep the given order; an id the catalogue does not know
        goes last. The identity, no known anchor or fewer than two candidates: the given order."""
        row_of = pairs.recommender.row_of
        anchors = [row_of[i] for i in anchor_ids if i in row_of]
        positions = list(range(len(candidate_ids)))
        if self.is_identity or not anchors or len(positions) < 2:
            return positions
        rows = [row_of.get(i, -1) for i in candidate_ids]
        known = [i for i, row in enumerate(rows) if row >= 0]
        scores = np.full(len(rows), -1.0)
        scores[known] = self.score(pairs, anchors, [rows[i] for i in known])
        return sorted(positions, key=lambda i: -scores[i])

    def rerank(self, pairs: PairContext, anchor_id: str, recs: list) -> list:
        """``recs`` (Recommendation objects for ``anchor_id``) best first by this model.

        None is dropped or added; the identity or an unknown anchor: ``recs`` unchanged."""
        return [recs[i] for i in self.order(pairs, [anchor_id], [rec.id for rec in recs])]


# ---- features -------------------------------------------------------------------------------
def mean_features(pairs: PairContext, anchor_rows, candidate_rows) -> np.ndarray:
    """Each candidate's pair features averaged over all anchors: (candidates, features)."""
    anchors = np.asarray(anchor_rows, dtype=np.int64)
    candidates = np.asarray(candidate_rows, dtype=np.int64)
    if len(anchors) == 0:
        return np.zeros((len(candidates), len(FEATURES)))
    found = pair_features(pairs, np.repeat(anchors, len(candidates)), np.tile(candidates, len(anchors)))
    return found.reshape(len(anchors), len(candidates), len(FEATURES)).mean(axis=0)


def pair_features(pairs: PairContext, anchor_rows, candidate_rows) -> np.ndarray:
    """``FEATURES`` for each pair (anchor_rows[i], candidate_rows[i]): (pairs, features), float64.

    Vectorised over pairs and computed a chunk at a time, so millions of training pairs
    fit in memory; one pair costs tens of microseconds, a million about a second."""
    anchors = np.asarray(anchor_rows, dtype=np.int64)
    candidates = np.asarray(candidate_rows, dtype=np.int64)
    if anchors.shape != candidates.shape:
        raise ValueError("anchor_rows and candidate_rows pair up: they need the same length")
    out = np.empty((len(anchors), len(FEATURES)))
    for start in range(0, len(anchors), CHUNK_PAIRS):
        part = slice(start, start + CHUNK_PAIRS)
        out[part] = _chunk_features(pairs, anchors[part], candidates[part])
    return out


def _chunk_features(context: PairContext, a: np.ndarray, c: np.ndarray) -> np.ndarray:
    recommender = context.recommender
    years_apart = np.abs(recommender.years[a] - recommender.years[c])
    columns = {
        "similarity": _similarity(recommender, a, c),
        "genre_jaccard": _genre_jaccard(recommender.genre_mask, a, c),
        "same_series": (context.series[a] >= 0) & (context.series[a] == context.series[c]),
        "director_overlap": context.directors.overlap(a, c),
        "cast_overlap": context.cast.overlap(a, c),
        "year_gap": np.minimum(years_apart, YEAR_GAP_CAP) / YEAR_GAP_CAP,
        "same_type": context.types[a] == context.types[c],
        "same_platform": context.platform[a] == context.platform[c],
        "candidate_prior": context.prior[c],
        "family_match": recommender.family[a] == recommender.family[c],
    }
    return np.column_stack([np.asarray(columns[name], dtype=np.float64) for name in FEATURES])


def _similarity(recommender, a: np.ndarray, c: np.ndarray) -> np.ndarray:
    """The stored cosine similarity of c in a's neighbour list; 0 when it is not there (the
    ~100 kept neighbours are the most similar on each platform, so the rest are lower)."""
    hits = recommender.neighbours[a] == c[:, None]
    found = hits.any(axis=1)
    position = hits.argmax(axis=1)
    return np.where(found, recommender.similarities[a, position], 0.0)


def _genre_jaccard(masks: np.ndarray, a: np.ndarray, c: np.ndarray) -> np.ndarray:
    shared = np.bitwise_count(masks[a] & masks[c]).astype(np.float64)
    either = np.bitwise_count(masks[a] | masks[c]).astype(np.float64)
    return np.divide(shared, either, out=np.zeros_like(shared), where=either > 0)


# ---- per-catalogue arrays -------------------------------------------------------------------
class TokenSets:
    """Each row's set of tokens (director or actor ids) as one flat array, for overlaps of
    many pairs at once without a Python set per pair."""

    def __init__(self, per_row):
        vocabulary: dict[str, int] = {}
        # An array, not a list: a list's int objects outlived it as ~1 MiB of the serving
        # process's memory (built whenever a snapshot loads).
        tokens, lengths = array.array("i"), np.zeros(len(per_row), dtype=np.int64)
        for row, items in enumerate(per_row):
            ids = {vocabulary.setdefault(item, len(vocabulary)) for item in items}
            tokens.extend(ids)
            lengths[row] = len(ids)
        self.tokens = np.frombuffer(tokens, dtype=np.int32).copy()
        self.lengths = lengths
        self.starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        self.size = max(len(vocabulary), 1)

    def overlap(self, a: np.ndarray, c: np.ndarray) -> np.ndarray:
        """Shared tokens / tokens of the smaller set, per pair; 0 when either set is empty."""
        pair = np.arange(len(a), dtype=np.int64)
        # Key = pair * vocabulary + token: a token both rows hold appears twice once sorted.
        keys = np.sort(np.concatenate([self._keys(pair, a), self._keys(pair, c)]))
        twice = keys[1:][keys[1:] == keys[:-1]]
        shared = np.bincount(twice // self.size, minlength=len(a)).astype(np.float64)
        smaller = np.minimum(self.lengths[a], self.lengths[c]).astype(np.float64)
        return np.divide(shared, smaller, out=np.zeros_like(shared), where=smaller > 0)

    def _keys(self, pair: np.ndarray, rows: np.ndarray) -> np.ndarray:
        lengths = self.lengths[rows]
        total = int(lengths.sum())
        # Positions of every token of every row, as one concatenated run of ranges.
        run_starts = np.repeat(self.starts[rows] - (np.cumsum(lengths) - lengths), lengths)
        positions = run_starts + np.arange(total, dtype=np.int64)
        return np.repeat(pair, lengths) * self.size + self.tokens[positions]


@dataclass(frozen=True, eq=False)
class PairContext:
    """What the pair features read of one catalogue and its recommender, derived once."""

    recommender: object  # core.recommender.Recommender: neighbours, genres, years, rows
    series: np.ndarray  # series code per row, -1 for none
    platform: np.ndarray  # platform code per row
    prior: np.ndarray  # the rating bonus rescaled to 0..1
    directors: TokenSets
    cast: TokenSets
    types: np.ndarray  # 1 show, 0 movie (the recommender keeps no title type)

    @classmethod
    def build(cls, recommender, catalogue) -> PairContext:
        """~0.2 s on the full catalogue; ``catalogue`` is the one ``recommender`` was built from."""
        types = title_types(catalogue)
        if len(types) != len(recommender.ids):
            raise ValueError("the catalogue and the recommender have different rows")
        return cls(
            recommender=recommender,
            series=_codes(recommender.series, missing=""),
            platform=_codes(recommender.platforms),
            prior=_rescaled(recommender.rating_bonus),
            directors=TokenSets(recommender.directors),
            cast=TokenSets(recommender.cast),
            types=types,
        )


class PairFeatures:
    """A snapshot's pair features, built the first time a learned model orders a list.

    Only a learned model reads them (the identity keeps the recommender's order), and at ten
    times the catalogue they cost ~16 MB of a serving process close to its 1 GB target: a bot
    whose model is the identity never builds them. The snapshot owns this holder, so a new
    snapshot starts without them and two snapshots never share them."""

    def __init__(self, recommender, catalogue):
        self._sources = (recommender, catalogue)
        self._context: PairContext | None = None
        self._lock = threading.Lock()  # replies run in worker threads: build once

    def get(self) -> PairContext:
        with self._lock:
            if self._context is None:
                self._context = PairContext.build(*self._sources)
            return self._context


def title_types(catalogue) -> np.ndarray:
    """1 for a show, 0 for a movie, per catalogue row."""
    return (catalogue["type"].to_numpy() == TitleType.SHOW).astype(np.int8)


def _codes(values, missing=None) -> np.ndarray:
    """An integer per distinct value (-1 for ``missing``), so pairs compare as numbers."""
    index: dict = {}
    codes = [-1 if value == missing else index.setdefault(value, len(index)) for value in values]
    return np.asarray(codes, dtype=np.int32)


def _rescaled(values: np.ndarray) -> np.ndarray:
    values = np.asarray(values, dtype=np.float64)
    spread = float(values.max() - values.min()) if len(values) else 0.0
    return (values - values.min()) / spread if spread > 0 else np.zeros_like(values)
