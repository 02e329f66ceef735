"""Picks for a group watching together: ``group_picks``.

    group_picks(snapshot, model, {1: {"ns1": 1}, 2: {"hu7": 1, "ds3": -1}}, k=5,
                platforms=frozenset({"netflix"}), seen={"ns9"}, safe_band=Band.SEVEN)

Every watcher with a like has a taste (``core.personal.taste``): a log-odds per title that they
like it, pulled by their 👍 and pushed by their 👎. The group's score of a title is, by
default (``RULE``), the log of the chance that EVERY watcher likes it, their chances taken
as independent: the sum of each one's log-sigmoid. Like least misery it sinks a title any one
watcher would mind (a very negative score is nearly its own log-chance), but a title everyone
likes well beats one everyone likes barely. In ``python -m benchmarks.eval_group`` it finds
as many titles every member likes as the plain average does (within the noise) and more
than least misery (the lowest score) alone, while never trading one member's strong dislike
for the others' enthusiasm, as an average may.

Never picked: a title any watcher rated, either way, or has seen, nor a copy or edition of
one (``Recommender.group``); titles off the group's ``platforms`` (empty: all of them); titles
above ``safe_band`` when the group watches with children, or above the children's band every
watcher's likes keep to (as ``taste.picks`` does for one person). Each pick says whose likes
drew it in (``GroupPick.followed``: each watcher's liked title whose neighbours hold it), for
"Ana and Luis liked Coco". Plain data in and out: no Telegram.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from core.personal import taste
from core.personal.reranker import MAX_ANCHORS, Reranker
from core.questions.bands import KIDS, Band
from core.userdata.feedback import LIKE

__all__ = ["MAX_TASTES", "RULE", "RULES", "GroupPick", "group_picks"]

RULES = ("everyone", "least misery", "average")  # how the watchers' scores combine
RULE = "everyone"  # see the module's docstring and benchmarks.eval_group
# Tastes scored per call, the last in ``member_ratings`` (the bot lists the latest speakers
# last): ~1 ms each, so a crowded group stays fast. Every watcher's ratings and seen titles
# still keep their titles out.
MAX_TASTES = 8


@dataclass(frozen=True)
class GroupPick:
    pick: taste.Pick  # ``pick.score`` is the group's score
    followed: tuple[tuple[int, str], ...]  # (watcher, the title they liked that drew it in), in watcher order


def group_picks(
    snapshot,
    model: Reranker,
    member_ratings: dict[int, dict[str, int]],
    k: int = 5,
    *,
    platforms: Iterable[str] = frozenset(),
    seen: Iterable[str] = (),
    safe_band: Band | None = None,
    rule: str = RULE,
) -> list[GroupPick]:
    """Up to ``k`` titles for the watchers rating as ``member_ratings`` (watcher id -> title id
    -> 1 or -1, oldest first), best first; [] when no watcher liked anything (still in the
    catalogue). ``seen``: every title any watcher has seen. ValueError for an unknown platform
    or rule (``RULES``)."""
    space, rec = snapshot.taste, snapshot.recommender
    wanted = frozenset(platforms)
    unknown = wanted - set(space.platform_names)
    if unknown:
        raise ValueError(f"unknown platforms {sorted(unknown)!r}")
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}")
    k = max(0, min(int(k), taste.MAX_K))
    profiles = _tastes(space, member_ratings)
    if not profiles or k == 0:
        return []
    allowed = ~_left_out(space, member_ratings, seen)
    for keep in _keeps(space, wanted, safe_band, profiles.values()):
        allowed &= keep
    # Only the titles that may be picked are scored: a group on one platform costs a quarter.
    rows = np.flatnonzero(allowed)
    scores = np.full(space.rows, -np.inf)
    scores[rows] = _group_scores([p.scores(rows) for p in profiles.values()], rule)
    chosen = model_order(snapshot, model, member_ratings, scores, k)
    followed = _followed(rec, profiles, chosen)
    return [_group_pick(rec, row, float(scores[row]), f) for row, f in zip(chosen, followed, strict=True)]


def _tastes(space, member_ratings: dict[int, dict[str, int]]) -> dict:
    """The latest ``MAX_TASTES`` watchers with a like, each one's taste, in watcher order."""
    found = []
    for member, ratings in reversed(list(member_ratings.items())):
        if len(found) == MAX_TASTES:
            break
        profile = taste._Profile.of(space, ratings)
        if profile is not None:
            found.append((member, profile))
    return dict(reversed(found))


def _group_scores(each: list[np.ndarray], rule: str) -> np.ndarray:
    """The watchers' scores (log-odds) combined by ``rule``, one score per title."""
    if len(each) == 1:
        return each[0]
    stacked = np.vstack(each)
    if rule == "least misery":
        return stacked.min(axis=0)
    if rule == "average":
        return stacked.mean(axis=0)
    # The log of the chance that all like it: -log(1 + e^-s) each (np.logaddexp is 4x slower).
    return -np.log1p(np.exp(-np.clip(stacked, -50.0, 50.0))).sum(axis=0)


def _left_out(space, member_ratings: dict[int, dict[str, int]], seen: Iterable[str]) -> np.ndarray:
    """A bool per row: a work some watcher rated or has seen (any copy or edition of it)."""
    rec = space.rec
    row_of = rec.row_of
    rows = [row_of[t] for ratings in member_ratings.values() for t in ratings if t in row_of]
    rows += [row_of[t] for t in seen if t in row_of]
    works = np.zeros(space.works, dtype=bool)
    works[rec.group[np.array(rows, dtype=np.int64)]] = True
    return works[rec.group]


def _keeps(space, platforms: frozenset[str], safe_band: Band | None, profiles) -> list[np.ndarray]:
    """The masks a pick must pass: the group's platforms, its kids mode, its children's likes."""
    keeps = []
    if platforms and len(platforms) < len(space.platform_names):
        allowed = np.array([p in platforms for p in space.platform_names])
        keeps.append(allowed[space.platform_of])
    rec = space.rec
    liked = np.concatenate([p.liked for p in profiles])
    # Only children's titles liked, by everyone: nothing above the highest band among them.
    bands = [safe_band] if safe_band is not None else []
    if len(liked) and rec.audience[liked].max() <= KIDS:
        bands.append(Band(int(rec.audience[liked].max())))
    for band in bands:
        safe = rec.safe_for_band(band)
        if safe is not None:
            keeps.append(safe)
    return keeps


def model_order(snapshot, model: Reranker, member_ratings, scores: np.ndarray, k: int) -> list[int]:
    """The ``k`` best rows, one per work; a learned model orders the group's shortlist by its
    pair features averaged over the watchers' latest likes, as ``core.suggest.for_you`` does."""
    rec = snapshot.recommender
    if model.is_identity:
        return taste._best_distinct(rec.group, scores, k)
    shortlist = taste._best_distinct(rec.group, scores, taste.MAX_K)
    likes = [
        t for ratings in member_ratings.values() for t, v in ratings.items() if v == LIKE and t in rec.row_of
    ]
    order = model.order(snapshot.pairs, likes[-MAX_ANCHORS:], [rec.ids[row] for row in shortlist])
    return [shortlist[i] for i in order][:k]


def _group_pick(rec, row: int, score: float, followed: tuple[tuple[int, str], ...]) -> GroupPick:
    first = followed[0][1] if followed else None
    return GroupPick(taste.pick_of(rec, row, score, first), followed)


def _followed(rec, profiles: dict, rows: list[int]) -> list[tuple[tuple[int, str], ...]]:
    """Per pick, each watcher's liked title whose neighbour list holds the pick's work most
    similar (``taste._Profile.because``, for all picks at once: one pass per watcher)."""
    found: list[list[tuple[int, str]]] = [[] for _ in rows]
    works = rec.group[np.asarray(rows, dtype=np.int64)]
    for member, profile in profiles.items():
        liked = profile.liked
        neighbours = rec.group[rec.neighbours[liked]].reshape(-1)  # (likes x kept neighbours)
        similarity = np.asarray(rec.similarities[liked], dtype=np.float64).reshape(-1)
        held = np.where(neighbours[:, None] == works[None, :], similarity[:, None], -1.0)
        best = held.argmax(axis=0)
        for i, at in enumerate(best.tolist()):
            if held[at, i] > 0:
                found[i].append((member, rec.ids[int(liked[at // rec.neighbours.shape[1]])]))
    return [tuple(f) for f in found]
