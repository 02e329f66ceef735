"""core.suggest, the one way to suggest: every list is a slice of one pool ordered by the
serving model; without a model nothing changes; /foryou's picks follow a model too."""

from __future__ import annotations

import numpy as np
import pytest

from core import queries
from core.personal import taste
from core.personal.reranker import FEATURES, MAX_ANCHORS, Reranker
from core.questions.bands import KIDS, band_of
from core.questions.filters import Filters, Span
from core.suggest import POOL, for_you, starter_picks, suggest

IDENTITY = Reranker.identity()


def best_rated_first() -> Reranker:
    weights = np.zeros(len(FEATURES))
    weights[FEATURES.index("candidate_prior")] = 8.0
    return Reranker(weights, 0.0, version="candidate")


@pytest.fixture(scope="module")
def toy_story(fixture_snapshot) -> str:
    return fixture_snapshot.recommender.resolve("toy story")[0].id


def ids(recs) -> list[str]:
    return [r.id for r in recs]


def test_without_a_model_the_recommenders_order_stands(fixture_snapshot, toy_story):
    recommender = fixture_snapshot.recommender
    for k in (3, 4, 5, POOL):
        assert suggest(fixture_snapshot, IDENTITY, toy_story, k) == recommender.recommend(toy_story, k=k)
    on_hulu = suggest(fixture_snapshot, IDENTITY, toy_story, 5, platform="hulu")
    assert on_hulu == recommender.recommend(toy_story, k=5, platform="hulu")


def test_every_list_is_a_slice_of_the_models_order(fixture_snapshot, toy_story):
    model = best_rated_first()
    pool = suggest(fixture_snapshot, model, toy_story, POOL)
    assert len(pool) == POOL and ids(pool) != ids(suggest(fixture_snapshot, IDENTITY, toy_story, POOL))
    assert sorted(ids(pool)) == sorted(ids(fixture_snapshot.recommender.recommend(toy_story, k=POOL)))
    card, poll = (
        suggest(fixture_snapshot, model, toy_story, 3),
        suggest(fixture_snapshot, model, toy_story, 4),
    )
    pages = [suggest(fixture_snapshot, model, toy_story, 5, start=start) for start in range(0, POOL, 5)]
    assert card == pool[:3] and poll == pool[:4] and sum(pages, []) == pool
    assert suggest(fixture_snapshot, model, toy_story, 5, start=POOL) == []


def test_excluded_titles_are_left_out_and_the_order_kept(fixture_snapshot, toy_story):
    model = best_rated_first()
    pool = suggest(fixture_snapshot, model, toy_story, POOL)
    left = suggest(fixture_snapshot, model, toy_story, POOL, exclude=ids(pool[::2]))
    assert left == pool[1::2]


def test_unknown_titles_and_platforms(fixture_snapshot, toy_story):
    assert suggest(fixture_snapshot, best_rated_first(), "no-such-id", 5) == []
    with pytest.raises(ValueError, match="unknown platform"):
        suggest(fixture_snapshot, IDENTITY, toy_story, 5, platform="hbo")


@pytest.fixture(scope="module")
def horror_fan(fixture_snapshot) -> dict[str, int]:
    horror = queries.top_titles(fixture_snapshot, genre="horror", type="movie", limit=6)["id"].tolist()
    return dict.fromkeys(horror, 1)


def test_for_you_without_a_model_is_tastes_own_picks(fixture_snapshot, horror_fan):
    found = for_you(fixture_snapshot, IDENTITY, horror_fan, 5, platform="netflix")
    assert len(found) == 5 and found == taste.picks(
        fixture_snapshot.taste, horror_fan, k=5, platform="netflix"
    )


def test_for_you_orders_tastes_shortlist_by_the_model(fixture_snapshot, horror_fan):
    model = best_rated_first()
    shortlist = taste.picks(fixture_snapshot.taste, horror_fan, k=taste.MAX_K)
    found = for_you(fixture_snapshot, model, horror_fan, 5)
    assert len(found) == 5 and ids(found) != ids(shortlist[:5])
    likes = list(horror_fan)[-MAX_ANCHORS:]
    order = model.order(fixture_snapshot.pairs, likes, ids(shortlist))
    assert found == [shortlist[i] for i in order][:5]
    assert not set(ids(found)) & set(horror_fan)  # never a title the user rated


def test_filters_keep_only_the_titles_they_ask_for(full_snapshot):
    """ "like coco but funnier", "shows like stranger things": the pool among the titles the
    filters keep, never a title they leave out, still in the recommender's order."""
    from core.catalogue.title_types import TitleType
    from core.questions.filters import Filters, Span

    coco = full_snapshot.recommender.resolve("coco")[0].id
    table = full_snapshot.table
    funnier = suggest(full_snapshot, IDENTITY, coco, 5, filters=Filters(genres=frozenset({"comedy"})))
    assert len(funnier) == 5
    assert all(table.mask(Filters(genres=frozenset({"comedy"})))[table.row_of[r.id]] for r in funnier)
    everything = ids(suggest(full_snapshot, IDENTITY, coco, POOL))
    assert [i for i in everything if i in ids(funnier)] == [i for i in ids(funnier) if i in everything]
    shorter = suggest(full_snapshot, IDENTITY, coco, 5, filters=Filters(minutes=Span(None, 90)))
    assert shorter and all(table.minutes[table.row_of[r.id]] <= 90 for r in shorter)
    stranger = full_snapshot.recommender.resolve("stranger things")[0].id
    shows = suggest(
        full_snapshot, IDENTITY, stranger, 5, platform="hulu", filters=Filters(type=TitleType.SHOW)
    )
    assert shows and all(table.is_show[table.row_of[r.id]] for r in shows)


def test_filters_few_neighbours_pass_are_filled_with_kept_titles_sharing_genres(full_snapshot):
    """ "more korean shows like squid game": few of its nearest titles are Korean, so the kept
    titles sharing its genres fill the list after them, one per work, never the title itself."""
    from core.questions.filters import Filters

    squid = full_snapshot.recommender.resolve("squid game")[0].id
    table, korean = full_snapshot.table, Filters(countries=frozenset({"south korea"}))
    found = suggest(full_snapshot, IDENTITY, squid, 5, filters=korean)
    assert len(found) == 5 and squid not in ids(found)
    assert all(table.mask(korean)[table.row_of[r.id]] for r in found)
    assert all(r.shared_genres for r in found), [r.title for r in found]


def test_filters_that_only_leave_titles_out_are_honoured(fixture_snapshot, toy_story):
    """A chat's seen titles come as ``Filters.exclude`` alone, which ``is_empty`` ignores."""
    pool = suggest(fixture_snapshot, IDENTITY, toy_story, 5)
    seen = frozenset(ids(pool[:2]))
    left = suggest(fixture_snapshot, IDENTITY, toy_story, 5, filters=Filters(exclude=seen))
    assert left and not seen & set(ids(left)) and ids(left)[:3] == ids(pool[2:5])


def test_for_you_keeps_to_a_set_of_platforms_and_kids_bands(fixture_snapshot, horror_fan):
    two = frozenset({"netflix", "hulu"})
    found = for_you(fixture_snapshot, IDENTITY, horror_fan, 5, filters=Filters(platforms=two))
    assert found and all(fixture_snapshot.title(p.id)["platform"] in two for p in found)
    kids = for_you(fixture_snapshot, IDENTITY, horror_fan, 5, filters=Filters(bands=Span(None, KIDS)))
    assert kids and all(band_of(fixture_snapshot.title(p.id)["maturity"]) <= KIDS for p in kids)
    starters = starter_picks(fixture_snapshot, 5, filters=Filters(platforms=frozenset({"disney"})))
    assert starters and all(fixture_snapshot.title(p.id)["platform"] == "disney" for p in starters)
