"""Picks for a group (core.personal.group) on the fixture catalogue: never a title a watcher
disliked or saw (nor a copy), reasons naming every watcher whose likes drew a pick in, the
group's platforms and kids mode, one watcher's misery keeping a title out, and a learned
model ordering the group's shortlist."""

from __future__ import annotations

import numpy as np
import pytest

from core import queries
from core.personal.group import MAX_TASTES, group_picks
from core.personal.reranker import FEATURES, Reranker
from core.questions.bands import KIDS

IDENTITY = Reranker.identity()
ANA, LUIS, SAM = 1, 2, 3


@pytest.fixture(scope="module")
def snap(fixture_snapshot):
    return fixture_snapshot


@pytest.fixture(scope="module")
def cartoons(snap) -> list[str]:
    return queries.top_titles(snap.index, genre="animation", type="movie", limit=8)["id"].tolist()


@pytest.fixture(scope="module")
def horror(snap) -> list[str]:
    return queries.top_titles(snap.index, genre="horror", type="movie", limit=8)["id"].tolist()


def liking(ids, value=1) -> dict[str, int]:
    return {title_id: value for title_id in ids}


def works(snap, ids) -> set[int]:
    rec = snap.recommender
    return {int(rec.group[rec.row_of[i]]) for i in ids}


def picked_works(snap, picks) -> set[int]:
    return works(snap, [p.pick.id for p in picks])


def test_a_title_one_watcher_disliked_or_saw_never_comes_nor_a_copy(snap, cartoons):
    ratings = {ANA: liking(cartoons[:4]), LUIS: liking(cartoons[4:])}
    first = group_picks(snap, IDENTITY, ratings, 5)
    assert len(first) == 5
    top, second = first[0].pick, first[1].pick
    # Luis dislikes a copy of the first pick (when it has one), and has seen the second.
    disliked = top.ids[-1]
    ratings[LUIS] = {**ratings[LUIS], disliked: -1}
    again = group_picks(snap, IDENTITY, ratings, 10, seen={second.ids[-1]})
    assert again, "other cartoons are left"
    assert not picked_works(snap, again) & works(snap, [top.id, second.id])
    rated = [t for r in ratings.values() for t in r]
    assert not picked_works(snap, again) & works(snap, rated)  # never a rated title either


def test_a_pick_followed_from_two_watchers_likes_names_both(snap, cartoons):
    same = liking(cartoons[:5])
    picks = group_picks(snap, IDENTITY, {ANA: same, LUIS: dict(same)}, 5)
    both = [p for p in picks if {m for m, _ in p.followed} == {ANA, LUIS}]
    assert both, [(p.pick.title, p.followed) for p in picks]
    for item in both:
        liked = {t for _, t in item.followed}
        assert liked <= set(cartoons[:5])
        assert item.pick.because in liked


def test_only_the_groups_platforms(snap, cartoons, horror):
    ratings = {ANA: liking(cartoons), LUIS: liking(horror[:3] + cartoons[:3])}
    for platforms in ({"netflix"}, {"hulu", "amazon"}):
        picks = group_picks(snap, IDENTITY, ratings, 5, platforms=frozenset(platforms))
        assert picks
        assert {p.pick.platform for p in picks} <= platforms
    with pytest.raises(ValueError):
        group_picks(snap, IDENTITY, ratings, 5, platforms=frozenset({"hbo"}))


def test_kids_mode_keeps_every_pick_safe_for_children(snap, horror, cartoons):
    rec = snap.recommender
    ratings = {ANA: liking(horror), LUIS: liking(horror[:4] + cartoons[:2])}
    unsafe = group_picks(snap, IDENTITY, ratings, 10)
    safe_mask = rec.safe_for_band(KIDS)
    assert any(not safe_mask[rec.row_of[p.pick.id]] for p in unsafe)  # horror fans, left alone
    kids = group_picks(snap, IDENTITY, ratings, 10, safe_band=KIDS)
    assert kids
    assert all(safe_mask[rec.row_of[p.pick.id]] for p in kids), [p.pick.title for p in kids]


def test_the_least_happy_watcher_keeps_the_other_tastes_out(snap, horror, cartoons):
    """Ana loves horror; Luis likes cartoons and dislikes horror: fewer horror picks than Ana
    gets alone, and none first."""
    rec = snap.recommender

    def scary(picks) -> list[str]:
        return [p.pick.title for p in picks if "horror" in rec.genres[rec.row_of[p.pick.id]]]

    alone = group_picks(snap, IDENTITY, {ANA: liking(horror)}, 5)
    more_horror = queries.top_titles(snap.index, genre="horror", limit=20)["id"].tolist()[8:14]
    ratings = {ANA: liking(horror), LUIS: {**liking(cartoons), **liking(more_horror, -1)}}
    together = group_picks(snap, IDENTITY, ratings, 5)
    assert len(together) == 5
    assert len(scary(together)) < len(scary(alone))
    assert not scary(together[:1])


def test_nobody_with_a_like_gets_nothing(snap, horror):
    assert group_picks(snap, IDENTITY, {}, 5) == []
    assert group_picks(snap, IDENTITY, {ANA: liking(horror, -1), LUIS: {}}, 5) == []
    # A watcher with only dislikes still keeps their titles out of the others' picks.
    picks = group_picks(snap, IDENTITY, {ANA: liking(horror[:5]), LUIS: liking(horror[5:], -1)}, 10)
    assert not picked_works(snap, picks) & works(snap, horror)


def test_a_learned_model_orders_the_groups_shortlist_and_keeps_the_rules(snap, cartoons):
    weights = np.zeros(len(FEATURES))
    weights[FEATURES.index("candidate_prior")] = 8.0
    model = Reranker(weights, 0.0, version="candidate")
    ratings = {ANA: liking(cartoons[:4]), LUIS: liking(cartoons[4:])}
    plain = group_picks(snap, IDENTITY, ratings, 20, platforms=frozenset({"disney"}))
    ordered = group_picks(snap, model, ratings, 5, platforms=frozenset({"disney"}))
    assert len(ordered) == 5
    assert [p.pick.id for p in ordered] != [p.pick.id for p in plain[:5]]
    assert {p.pick.id for p in ordered} <= {p.pick.id for p in plain}  # the same shortlist
    assert all(p.pick.platform == "disney" for p in ordered)


def test_a_crowded_group_scores_its_latest_tastes_and_keeps_out_everyones_titles(snap, cartoons, horror):
    crowd = {100 + i: liking(horror[:3]) for i in range(MAX_TASTES)}
    early = {1: {**liking(cartoons[:3]), horror[3]: -1}}  # the first to speak, out of the scored tastes
    picks = group_picks(snap, IDENTITY, {**early, **crowd}, 10)
    assert picks
    assert all(1 not in {m for m, _ in p.followed} for p in picks)
    assert not picked_works(snap, picks) & works(snap, [*cartoons[:3], horror[3]])


@pytest.mark.full_data
def test_on_the_full_catalogue_a_copy_seen_elsewhere_keeps_the_work_out(full_snapshot):
    """Yu-Gi-Oh! fans' picks on the full catalogue hold a Yu-Gi-Oh! series streaming on
    several platforms: seen on one, it is out on all; a group on Hulu in kids mode gets only that."""
    snap, rec = full_snapshot, full_snapshot.recommender
    liked = [
        rec.resolve(name)[0].id for name in ("yu-gi-oh! gx", "yu-gi-oh! 5d's", "yu-gi-oh! zexal", "sonic x")
    ]
    ratings = {ANA: liking(liked[:3]), LUIS: liking(liked[1:])}
    first = group_picks(snap, IDENTITY, ratings, 10)
    series = next(p for p in first if len(set(p.pick.platforms)) > 1 and "yu-gi-oh" in p.pick.title.lower())
    assert {m for m, _ in series.followed} == {ANA, LUIS}
    elsewhere = next(i for i in series.pick.ids if i != series.pick.id)
    again = group_picks(snap, IDENTITY, ratings, 10, seen={elsewhere})
    assert len(again) == 10 and not works(snap, [series.pick.id]) & picked_works(snap, again)
    on_hulu = group_picks(snap, IDENTITY, ratings, 10, platforms=frozenset({"hulu"}), safe_band=KIDS)
    assert len(on_hulu) == 10 and all(p.pick.platform == "hulu" for p in on_hulu)
    assert all(rec.safe_for_band(KIDS)[rec.row_of[p.pick.id]] for p in on_hulu)
