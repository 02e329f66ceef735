"""The one way the bot suggests titles: every list goes through here, ordered by the serving model.

    suggest(snapshot, model, "ds12", 5)                     # /recommend's first page
    suggest(snapshot, model, "ds12", 5, start=5)            # "More like this"
    suggest(snapshot, model, "ds12", 3)                     # a title card's three
    for_you(snapshot, model, {"ns1": 1, "hu7": -1}, 5)      # /foryou's picks

``model`` is the re-ranker in service (``core.personal.reranker.Reranker``, the identity until
a learned model is published). Suggestions like a title are always one fixed ``POOL`` of the
recommender's, ordered by the model, then sliced: a card's three, a poll's four and
/recommend's first page start with the same titles in the same order, and the pages of
"More like this" never repeat or skip one. Plain data in and out, no Telegram.
"""

from __future__ import annotations

from collections.abc import Iterable

from core.personal import taste
from core.personal.reranker import MAX_ANCHORS, Reranker
from core.questions import answers
from core.questions.filters import Filters, Ranking
from core.recommender import MAX_K, Recommendation
from core.userdata.feedback import LIKE

__all__ = ["POOL", "for_you", "starter_picks", "suggest"]

POOL = MAX_K  # suggestions per title (and platform) the model orders; every list is a slice of it


def suggest(
    snapshot,
    model: Reranker,
    title_id: str,
    k: int,
    *,
    platform: str | None = None,
    start: int = 0,
    exclude: Iterable[str] = (),
    filters: Filters | None = None,
) -> list[Recommendation]:
    """Suggestions ``start``..``start+k`` like ``title_id`` (on ``platform`` if given), best first
    by ``model``, without the titles in ``exclude``, only titles ``filters`` keep if given ("like
    coco but funnier": comedies); [] for an unknown title.

    ``snapshot`` is a ``core.snapshot.store.Snapshot``; ValueError for an unknown platform."""
    # Titles left out (a chat's seen ones) need the mask too: ``is_empty`` ignores ``exclude``.
    narrows = filters is not None and (not filters.is_empty() or filters.exclude)
    keep = snapshot.table.mask(filters) if narrows else None
    pool = snapshot.recommender.recommend(title_id, k=POOL, platform=platform, keep=keep)
    # The identity keeps the recommender's order: its pair features need not exist.
    ordered = pool if model.is_identity else model.rerank(snapshot.pairs, title_id, pool)
    left_out = set(exclude)
    if left_out:
        ordered = [rec for rec in ordered if rec.id not in left_out]
    return ordered[start : start + k]


def for_you(
    snapshot,
    model: Reranker,
    ratings: dict[str, int],
    k: int = 5,
    *,
    platform: str | None = None,
    filters: Filters | None = None,
) -> list[taste.Pick]:
    """Up to ``k`` titles for a user with these ratings (title id -> 1 or -1, oldest first),
    only titles ``filters`` keep if given (a chat's platforms, kids mode, seen titles:
    ``core.questions.viewer``).

    ``core.personal.taste`` shortlists the titles for the user's taste; a learned model then
    orders the shortlist as it was trained to, by its pair features averaged over the user's
    ``MAX_ANCHORS`` latest likes. The identity keeps taste's own order."""
    keep = snapshot.table.mask(filters) if filters is not None else None
    if model.is_identity:
        return taste.picks(snapshot.taste, ratings, k=k, platform=platform, keep=keep)
    shortlist = taste.picks(snapshot.taste, ratings, k=taste.MAX_K, platform=platform, keep=keep)
    row_of = snapshot.recommender.row_of
    likes = [title_id for title_id, value in ratings.items() if value == LIKE and title_id in row_of]
    order = model.order(snapshot.pairs, likes[-MAX_ANCHORS:], [pick.id for pick in shortlist])
    return [shortlist[i] for i in order][: max(0, k)]


def starter_picks(
    snapshot, k: int = 5, *, platform: str | None = None, filters: Filters | None = None
) -> list[taste.Pick]:
    """Picks for a user who liked nothing yet: the best picks of the catalogue
    (``core.questions.picks``), one per work, on ``platform`` if given, else as ``filters``
    limit them (a chat's platforms, kids mode, seen titles)."""
    wanted = (filters or Filters()).but(ranking=Ranking.PICKS)
    if platform:
        wanted = wanted.but(platforms=frozenset([platform]))
    page = answers.page(snapshot.table, wanted, 0, max(0, k))
    rec = snapshot.recommender
    return [taste.pick_of(rec, rec.row_of[title_id]) for title_id in page.ids]
