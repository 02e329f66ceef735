"""Suggestions for one user from what they liked and disliked: ``picks`` and ``verdict``.

    space = TasteSpace(recommender)           # once per catalogue: ``Snapshot.taste``
    picks(space, {"ns1": 1, "hu7": -1}, k=5, platform="netflix")   # -> [Pick, ...]
    verdict(space, {"ns1": 1}, "am42")                              # -> Verdict("yes", ...)

Every title of the catalogue gets a score, a log-odds that the user likes it
(``_Profile.scores``), the sum of:

- a profile: a logistic regression fitted to the user's own ratings at each call
  (``fit_profile``, ~0.5 ms) on a title's canonical genres (``core.catalogue.genres``), platform,
  release years ("in or after 2010", ...) and audience (family or not), with a Gaussian
  prior on the weights and the catalogue's average title counted as ``BACKGROUND``
  dislikes. Fitted jointly rather than counted per genre, it blames a dislike on what sets
  it apart from the likes ("horror, but on the wrong platform"); and it scores the whole
  catalogue, so a user with two likes already gets on-taste titles beyond their neighbours;
- neighbours, in the recommender's own space: each liked title adds its similarity to each
  of its ~100 kept neighbours (``Recommender.neighbours``; divided by the square root of the
  number of likes, so many likes do not drown the profile), and each disliked title takes
  its own away, in proportion to how much the profile expected the user to like it: a dislike
  the profile already explains (wrong platform, wrong years) says nothing about the story;
- a small quality prior: the recommender's ``rating_bonus``, scaled to 0..``QUALITY``.

Titles the user rated and their copies (``Recommender.group``) are never picked, and only
the best-scored copy of a work is. ``because`` is the liked title whose neighbour list gave
the pick the most; None when the pick is not a neighbour of any like (the profile alone).
The profile learns from the latest ``RECENT`` ratings only (every rating still keeps its
title out of the picks), so a call stays ~1-3 ms on the full catalogue whatever the history;
``python -m benchmarks.eval_feedback`` measures that, and the precision the weights and the
verdict thresholds were chosen on, with simulated users. Plain data in and out: no Telegram,
no scikit-learn; the per-catalogue arrays (``TasteSpace``, ~10 ms) are built once per
snapshot when it loads.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.catalogue.genres import GENRE_IDS
from core.questions.bands import KIDS, Band

__all__ = ["Pick", "TasteSpace", "Verdict", "picks", "verdict", "kin_rating", "MAX_K"]

MAX_K = 20
RECENT = 300  # latest ratings the profile learns from: tastes drift, and the cost stays bounded
BLOCKS = ("genre", "platform", "year", "audience")  # the profile's features, see TasteSpace.tables
PRIORS = {"bias": 0.1, "genre": 1.0, "platform": 1.0, "year": 1.0, "audience": 1.0}  # 1 / prior variance
BACKGROUND = 10.0  # the average title counts as this many dislikes (see fit_profile)
YEAR_STEPS = (1960, 1980, 1990, 2000, 2005, 2010, 2013, 2016, 2018, 2020)
NEWTON_STEPS = 12
NEIGHBOUR_PULL = 0.5  # per unit of similarity to the likes (divided by sqrt(#likes))
DISLIKE_PUSH = 1.0  # per unit of similarity to a dislike the profile did not expect
QUALITY = 0.1  # the best-rated title's edge over the worst, everything else equal
# Verdict thresholds on the score (a log-odds), from the simulation in benchmarks.eval_feedback:
# above 0, 85-100% of titles were to the hidden taste; from -1.5 to 0, about 65%.
YES_AT = 0.0
PROBABLY_AT = -1.5


@dataclass(frozen=True)
class Pick:
    id: str  # the copy that fits the user best (or the one on ``platform``)
    title: str
    platform: str
    release_year: int
    ids: tuple[str, ...]  # every copy of the work, as in Recommendation
    platforms: tuple[str, ...]
    score: float  # higher is more to the user's taste; comparable with Verdict.score
    because: str | None  # the liked title that drew it in most; None: from the profile alone


@dataclass(frozen=True)
class Verdict:
    answer: str  # "yes", "probably", "no" or "unknown" (no likes yet, or no such title)
    because: str | None  # as in Pick; the rated copy itself when the user rated this work
    score: float
    # The disliked title that decided a "no": a copy of this work, or a title of its series
    # (``relation`` "work" or "series"); None when the taste alone decided.
    against: str | None = None
    relation: str | None = None


def picks(
    space: TasteSpace,
    ratings: dict[str, int],
    k: int = 5,
    platform: str | None = None,
    keep: np.ndarray | None = None,
) -> list[Pick]:
    """Up to ``k`` (max 20) titles for a user with these ratings (title id -> 1 or -1,
    oldest first), best first, on ``platform`` if given, among the rows ``keep`` marks if
    given (a chat's limits); [] without a single known like."""
    recommender = space.rec
    if platform is not None and platform not in recommender.platform_names:
        raise ValueError(f"unknown platform {platform!r}")
    profile = _Profile.of(space, ratings)
    k = max(0, min(int(k), MAX_K))
    if profile is None or k == 0:
        return []
    scores = profile.scores()
    scores[profile.rated_works()] = -np.inf
    safe = _safe_for_likes(recommender, profile.liked)
    if safe is not None:
        scores[~safe] = -np.inf
    if platform is not None:
        scores[~profile.space.on_platform(platform)] = -np.inf
    if keep is not None:
        scores[~keep] = -np.inf
    return [profile.pick(row, float(scores[row])) for row in _best_distinct(recommender.group, scores, k)]


def pick_of(rec, row: int, score: float = 0.0, because: str | None = None) -> Pick:
    """Row ``row`` of the recommender ``rec`` as a ``Pick``, with every copy of its work."""
    copies = rec.group_rows[int(rec.group[row])]
    return Pick(
        id=rec.ids[row], title=rec.titles[row], platform=rec.platforms[row],
        release_year=int(rec.years[row]), ids=tuple(rec.ids[r] for r in copies),
        platforms=tuple(rec.platforms[r] for r in copies), score=score, because=because,
    )  # fmt: skip


def _safe_for_likes(rec, liked: np.ndarray) -> np.ndarray | None:
    """A user who liked only children's titles (a child, or a parent choosing for one) is picked
    nothing above the highest band among them (``Recommender.safe_for``); None: any title."""
    if not len(liked) or rec.audience[liked].max() > KIDS:
        return None
    return rec.safe_for_band(Band(int(rec.audience[liked].max())))


def verdict(space: TasteSpace, ratings: dict[str, int], title_id: str) -> Verdict:
    """Would this user like ``title_id``? Their own word when they rated the work (any copy);
    "no" when the latest word on its series was a dislike (*Frozen* disliked: not *Frozen 2*,
    however close the profile finds it to the likes), even before any like."""
    row = space.rec.row_of.get(title_id)
    if row is None:
        return Verdict("unknown", None, 0.0)
    profile = _Profile.of(space, ratings)
    kin = kin_rating(space.rec, ratings, row)
    score = float(profile.scores(np.array([row]))[0]) if profile is not None else 0.0
    if kin is not None and kin[1] < 0:
        rated_id, _value, relation = kin
        return Verdict("no", rated_id if relation == "work" else None, score, rated_id, relation)
    if profile is None:
        return Verdict("unknown", None, 0.0)
    said = profile.said_about(row)
    if said is not None:
        rated_id, value = said
        return Verdict("yes" if value > 0 else "no", rated_id, score)
    answer = "yes" if score >= YES_AT else "probably" if score >= PROBABLY_AT else "no"
    return Verdict(answer, profile.because(row), score)


def kin_rating(rec, ratings: dict[str, int], row: int) -> tuple[str, int, str] | None:
    """(rated id, value, "work" or "series") of the user's latest rating of this work (any
    copy) or, failing that, of a title of its series (``Recommender.series``: "frozen" for
    *Frozen* and *Frozen 2*); None when they rated neither."""
    group, series = rec.group, rec.series
    work, key = int(group[row]), series[row]
    latest_series = None
    for title_id, value in reversed(list(ratings.items())):
        other = rec.row_of.get(title_id)
        if other is None or value not in (1, -1):
            continue
        if int(group[other]) == work:
            return title_id, int(value), "work"
        if key and latest_series is None and series[other] == key:
            latest_series = (title_id, int(value), "series")
    return latest_series


# ---- per-catalogue arrays ----------------------------------------------------------------
class TasteSpace:
    """What the scoring reads per title, as small arrays built once per catalogue (~10 ms).

    The profile's features come in blocks (genres, platform, years, audience), each read
    through a small table: titles share ~2k genre combinations, 4 platforms and ~100 years,
    so a profile scores the whole catalogue with a few gathers instead of a titles x
    features product (and without a 23k x 50 matrix in memory)."""

    def __init__(self, rec):
        self.rec = rec  # core.recommender.Recommender: neighbours, works, ids
        self.rows = len(rec.ids)
        combos, self.combo_of = np.unique(np.asarray(rec.genre_mask, dtype=np.int64), return_inverse=True)
        genres = genre_features(combos)
        self.platform_names = sorted(rec.platform_names)
        code = {name: i for i, name in enumerate(self.platform_names)}
        self.platform_of = np.array([code[p] for p in rec.platforms], dtype=np.int8)
        years = np.asarray(rec.years, dtype=np.int64)
        self.first_year = int(years.min())
        self.year_of = (years - self.first_year).astype(np.int16)
        eras = year_features(np.arange(self.first_year, int(years.max()) + 1))
        self.audience_of = np.asarray(rec.family, dtype=np.int8)
        # One table per block of ``BLOCKS``: the features of each value a title can have.
        self.tables = (genres, np.eye(len(self.platform_names)), eras, np.array([[0.0], [1.0]]))
        bonus = np.asarray(rec.rating_bonus, dtype=np.float64)
        self.quality = QUALITY * bonus / max(float(bonus.max()), 1e-12)
        self.works = int(np.max(rec.group)) + 1
        self.prior_precision = np.concatenate(
            [
                [PRIORS["bias"]],
                *(np.full(t.shape[1], PRIORS[b]) for b, t in zip(BLOCKS, self.tables, strict=True)),
            ]
        )
        self.background = self.features(np.arange(self.rows)).mean(axis=0)

    def indices(self, rows) -> tuple[np.ndarray, ...]:
        """Per block of ``BLOCKS``, each of ``rows``' line in that block's table."""
        return self.combo_of[rows], self.platform_of[rows], self.year_of[rows], self.audience_of[rows]

    def features(self, rows: np.ndarray) -> np.ndarray:
        """The feature matrix of ``rows``, the bias column first."""
        columns = [table[index] for table, index in zip(self.tables, self.indices(rows), strict=True)]
        return np.hstack([np.ones((len(rows), 1)), *columns])

    def on_platform(self, platform: str) -> np.ndarray:
        return self.platform_of == self.platform_names.index(platform)


def genre_features(masks: np.ndarray) -> np.ndarray:
    """Per genre bit mask (``core.catalogue.genres.genre_masks``): one column per canonical genre, and
    one more for "no genre at all" (so such titles are not read as average ones)."""
    bits = (np.asarray(masks, dtype=np.int64)[:, None] >> np.arange(len(GENRE_IDS))) & 1
    return np.hstack([bits, (bits.sum(axis=1, keepdims=True) == 0)]).astype(np.float64)


def year_features(years: np.ndarray) -> np.ndarray:
    """Released in or after t, for each t in ``YEAR_STEPS``: a taste for recent (or old)
    titles is one weight, not one per year, so a few ratings are enough to learn it."""
    return (years[:, None] >= np.array(YEAR_STEPS)[None, :]).astype(np.float64)


# ---- one user's taste ----------------------------------------------------------------------
class _Profile:
    """One user's ratings turned into per-title scores."""

    def __init__(self, space: TasteSpace, rows: np.ndarray, values: np.ndarray):
        self.rec, self.space = space.rec, space
        self.rated, self.values = rows, values  # every rating: none of these is ever picked
        recent, liking = rows[-RECENT:], values[-RECENT:] > 0
        self.liked, self.disliked = recent[liking], recent[~liking]
        self.weights = fit_profile(space.features(recent), liking, space)
        self.block_scores = self._block_scores()
        self.pull = self._neighbour_sums(self.liked) / np.sqrt(len(self.liked))
        # A dislike the profile already explains (wrong platform, wrong years) says nothing
        # about its neighbours; one it did not see coming says "not this kind of story".
        surprise = _sigmoid(self._profile_logits(self.disliked))
        self.push = self._neighbour_sums(self.disliked, surprise)

    @classmethod
    def of(cls, space: TasteSpace, ratings: dict[str, int]) -> _Profile | None:
        """None without a like (of a title still in the catalogue) among the latest ``RECENT``."""
        rec = space.rec
        known = [(rec.row_of[t], v) for t, v in ratings.items() if t in rec.row_of and v in (1, -1)]
        if not any(v > 0 for _, v in known[-RECENT:]):
            return None
        rows, values = zip(*known, strict=True)
        return cls(space, np.array(rows, dtype=np.int64), np.array(values, dtype=np.int8))

    def scores(self, rows: np.ndarray | None = None) -> np.ndarray:
        """Every title's score (or only ``rows``'): a log-odds that the user likes it."""
        take = slice(None) if rows is None else rows
        score = self._profile_logits(take)
        score += NEIGHBOUR_PULL * self.pull[take] - DISLIKE_PUSH * self.push[take]
        return score + self.space.quality[take]

    def rated_works(self) -> np.ndarray:
        """A bool per title: the user rated it or a copy of it."""
        flags = np.zeros(self.space.works, dtype=bool)
        flags[self.rec.group[self.rated]] = True
        return flags[self.rec.group]

    def said_about(self, row: int) -> tuple[str, int] | None:
        """(rated id, value) when the user rated this title or a copy; the latest word wins."""
        same = np.flatnonzero(self.rec.group[self.rated] == self.rec.group[row])
        if not len(same):
            return None
        latest = same[-1]
        return self.rec.ids[int(self.rated[latest])], int(self.values[latest])

    def because(self, row: int) -> str | None:
        """The liked title whose neighbour list holds this work (any copy) most similar."""
        group = self.rec.group
        neighbours = self.rec.neighbours[self.liked]
        similarity = np.where(group[neighbours] == group[row], self.rec.similarities[self.liked], -1.0)
        best = np.unravel_index(int(np.argmax(similarity)), similarity.shape)
        return self.rec.ids[int(self.liked[best[0]])] if similarity[best] > 0 else None

    def pick(self, row: int, score: float) -> Pick:
        return pick_of(self.rec, row, score, self.because(row))

    def _block_scores(self) -> list[np.ndarray]:
        """Each block's table times its weights: the score of each line of the table."""
        scores, start = [], 1  # weights[0] is the bias
        for table in self.space.tables:
            scores.append(table @ self.weights[start : start + table.shape[1]])
            start += table.shape[1]
        return scores

    def _profile_logits(self, rows) -> np.ndarray:
        """The profile's log-odds for ``rows`` (an index array or a slice)."""
        parts = zip(self.block_scores, self.space.indices(rows), strict=True)
        return self.weights[0] + sum(scores[index] for scores, index in parts)

    def _neighbour_sums(self, rows: np.ndarray, strength: np.ndarray | None = None) -> np.ndarray:
        """Per title, the similarity from ``rows`` whose neighbour lists hold it (x ``strength``)."""
        if not len(rows):
            return np.zeros(self.space.rows)
        weights = self.rec.similarities[rows].astype(np.float64)
        if strength is not None:
            weights *= strength[:, None]
        return np.bincount(
            self.rec.neighbours[rows].ravel(), weights=weights.ravel(), minlength=self.space.rows
        )


def fit_profile(features: np.ndarray, liked: np.ndarray, space: TasteSpace) -> np.ndarray:
    """Logistic regression of liked on the features, with a Gaussian prior on the weights
    (maximum a posteriori, by Newton's method: ~50 features, at most ``RECENT`` rows).

    Unlike counting likes per genre, platform and year separately, it explains a dislike
    by what sets it apart from the likes: ten dislikes of horror films on the wrong platform
    teach "not that platform", not "not horror". The catalogue's average title joins the
    ratings as ``BACKGROUND`` dislikes: most titles are not to any one person's taste, and a
    feature the likes share more often than the catalogue does (eight likes, all on Netflix)
    is learnt even before a dislike contrasts it."""
    features = np.vstack([features, space.background])
    target = np.append(liked.astype(np.float64), 0.0)
    counts = np.append(np.ones(len(liked)), BACKGROUND)
    precision = space.prior_precision
    weights = np.zeros(features.shape[1])
    for _ in range(NEWTON_STEPS):
        p = _sigmoid(features @ weights)
        gradient = features.T @ (counts * (p - target)) + precision * weights
        hessian = (features.T * (counts * p * (1 - p))) @ features + np.diag(precision)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-4:
            break
    return weights


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -50.0, 50.0)))


def _best_distinct(group: np.ndarray, scores: np.ndarray, k: int) -> list[int]:
    """The ``k`` best-scored rows (finite scores only), one per work."""
    shortlist = min(len(scores), 8 * k + 32)
    while True:
        top = np.argpartition(-scores, shortlist - 1)[:shortlist] if shortlist < len(scores) else None
        order = top[np.argsort(-scores[top], kind="stable")] if top is not None else np.argsort(-scores)
        chosen, seen = [], set()
        for row in order.tolist():
            if not np.isfinite(scores[row]) or len(chosen) == k:
                break
            work = int(group[row])
            if work not in seen:
                seen.add(work)
                chosen.append(row)
        # Many copies of one work in the shortlist may leave it short: look further.
        if len(chosen) == k or top is None or not np.isfinite(scores[order[-1]]):
            return chosen
        shortlist = min(len(scores), shortlist * 4)
