"""Suggestions from likes and dislikes (core.personal.taste) on the fixture catalogue: on-taste picks,
never a rated title or a copy of one, dislikes that push, the platform filter, verdicts,
and plain-data behaviour (unknown ids ignored, no state between users)."""

from __future__ import annotations

import pytest

from core import queries
from core.personal.taste import MAX_K, RECENT, Pick, Verdict, picks, verdict


@pytest.fixture(scope="module")
def model(fixture_snapshot):
    return fixture_snapshot.recommender


@pytest.fixture(scope="module")
def space(fixture_snapshot):
    return fixture_snapshot.taste


@pytest.fixture(scope="module")
def catalogue(fixture_snapshot):
    return fixture_snapshot.index


def best_horror_films(catalogue) -> list[str]:
    return queries.top_titles(catalogue, genre="horror", type="movie", limit=10)["id"].tolist()


@pytest.fixture(scope="module")
def horror_films(catalogue) -> list[str]:
    """Ten well-rated horror films, across platforms."""
    return best_horror_films(catalogue)


@pytest.fixture(scope="module")
def cartoons(catalogue) -> list[str]:
    """Twelve well-rated animated films: far from horror."""
    return queries.top_titles(catalogue, genre="animation", type="movie", limit=12)["id"].tolist()


def liking(ids, value=1) -> dict[str, int]:
    return {title_id: value for title_id in ids}


def genres_of(model, pick: Pick) -> set[str]:
    return set(model.genres[model.row_of[pick.id]])


def works_of(model, ids) -> set[int]:
    return {int(model.group[model.row_of[i]]) for i in ids}


def test_a_horror_fan_gets_horror_and_thrillers(space, model, horror_films):
    found = picks(space, liking(horror_films), k=10)
    assert len(found) == 10
    scary = [p for p in found if genres_of(model, p) & {"horror", "thriller"}]
    assert len(scary) >= 9, [(p.title, genres_of(model, p)) for p in found]
    assert [p.score for p in found] == sorted((p.score for p in found), reverse=True)
    assert all(p.because in horror_films or p.because is None for p in found)
    assert any(p.because is not None for p in found)  # "because you liked ..." has something to say


def test_never_a_rated_title_a_copy_of_one_or_one_work_twice(space, model):
    # Titles carried by several platforms: liking one copy must keep every copy out.
    copied = [rows[0] for rows in model.group_rows if len(rows) >= 2][:40]
    ratings = {model.ids[int(row)]: 1 for row in copied}
    found = picks(space, ratings, k=MAX_K)
    picked_works = [int(model.group[model.row_of[p.id]]) for p in found]
    assert not works_of(model, ratings) & set(picked_works)
    assert len(picked_works) == len(set(picked_works))
    assert found and all(pick.id in pick.ids for pick in found)


def test_copies_of_the_picked_work_are_listed(space, model, horror_films):
    for pick in picks(space, liking(horror_films), k=MAX_K):
        rows = model.group_rows[int(model.group[model.row_of[pick.id]])]
        assert pick.ids == tuple(model.ids[r] for r in rows)
        assert pick.platforms == tuple(model.platforms[r] for r in rows)


def test_a_dislike_pushes_its_neighbours_away(space, model, horror_films):
    likes = liking(horror_films)
    disliked = picks(space, likes, k=1)[0]
    neighbour = model.recommend(disliked.id, k=1)[0]
    before = verdict(space, likes, neighbour.id).score
    after = verdict(space, {**likes, disliked.id: -1}, neighbour.id).score
    assert after < before


def test_dislikes_on_one_platform_move_picks_off_it(space, model, horror_films):
    likes = liking(horror_films)
    first = picks(space, likes, k=10)
    crowded = max({p.platform for p in first}, key=lambda name: sum(p.platform == name for p in first))
    dislikes = liking([p.id for p in first if p.platform == crowded], value=-1)
    then = picks(space, {**likes, **dislikes}, k=10)
    assert sum(p.platform == crowded for p in then) < sum(p.platform == crowded for p in first)
    assert not {p.id for p in then} & set(dislikes)


def test_platform_filter(space, model, horror_films):
    for platform in sorted(model.platform_names):
        found = picks(space, liking(horror_films), k=5, platform=platform)
        assert len(found) == 5
        assert all(p.platform == platform and model.platforms[model.row_of[p.id]] == platform for p in found)
        assert sum(bool(genres_of(model, p) & {"horror", "thriller"}) for p in found) >= 4
    with pytest.raises(ValueError):
        picks(space, liking(horror_films), platform="betamax")


@pytest.mark.parametrize(
    "ratings",
    [{}, {"as1": -1, "ns2": -1}, {"no-such-title": 1}, {"as1": 0}],
    ids=["nothing", "only dislikes", "only unknown ids", "not a rating"],
)
def test_no_likes_no_picks(space, ratings):
    assert picks(space, ratings) == []
    # No taste to judge by; only the user's own "no" to this very title counts.
    assert verdict(space, ratings, "as1").answer == ("no" if ratings.get("as1") == -1 else "unknown")


def test_k_is_bounded(space, model, horror_films):
    assert picks(space, liking(horror_films), k=0) == []
    assert len(picks(space, liking(horror_films), k=500)) == MAX_K


def test_verdict_yes_for_a_close_neighbour_of_the_likes(space, model, horror_films):
    likes = liking(horror_films)
    best = picks(space, likes, k=1)[0]
    answer = verdict(space, likes, best.id)
    assert isinstance(answer, Verdict)
    assert answer.answer == "yes" and answer.because in horror_films
    assert answer.score == pytest.approx(best.score)


def test_verdict_no_for_what_looks_like_the_dislikes(space, model, horror_films, cartoons):
    ratings = {**liking(horror_films), **liking(cartoons[:10], value=-1)}
    for title_id in cartoons[10:]:
        assert verdict(space, ratings, title_id).answer == "no"


def test_verdict_repeats_what_the_user_said_about_the_work(space, model):
    rows = next(rows for rows in model.group_rows if len(rows) >= 2)
    liked, copy = model.ids[int(rows[0])], model.ids[int(rows[1])]
    assert verdict(space, {liked: 1}, copy) == Verdict("yes", liked, verdict(space, {liked: 1}, copy).score)
    assert verdict(space, {liked: 1, "as1": 1}, liked).answer == "yes"
    assert verdict(space, {liked: -1, "as1": 1}, copy).answer == "no"
    assert verdict(space, {"as1": 1}, "no-such-title").answer == "unknown"


def test_unknown_ids_are_ignored(space, model, horror_films):
    likes = liking(horror_films)
    with_gone = {"gone1": 1, **likes, "gone2": -1, "gone3": 1}
    assert picks(space, with_gone) == picks(space, likes)
    assert verdict(space, with_gone, horror_films[0]) == verdict(space, likes, horror_films[0])


def test_users_do_not_share_state(space, model, horror_films, cartoons):
    fan, kid = liking(horror_films), liking(cartoons)
    fan_copy, kid_copy = dict(fan), dict(kid)
    first = picks(space, fan)
    kids_picks = picks(space, kid)
    assert picks(space, fan) == first  # the other user's call left nothing behind
    assert fan == fan_copy and kid == kid_copy  # the ratings are read, never changed
    assert not {p.id for p in first} & {p.id for p in kids_picks}
    assert first and kids_picks and all(genres_of(model, p) & {"animation", "family"} for p in kids_picks)


@pytest.mark.full_data
def test_a_long_history_still_keeps_every_rated_title_out(full_snapshot):
    # Only the latest ratings shape the profile; every rating keeps its title out of the picks.
    # More ratings than the profile learns from takes more titles than the fixture has.
    model, space = full_snapshot.recommender, full_snapshot.taste
    horror_films = best_horror_films(full_snapshot)
    old_likes = liking(p.id for p in picks(space, liking(horror_films), k=MAX_K))
    recent = {model.ids[row]: -1 for row in range(0, 2 * RECENT, 2)}
    ratings = {**old_likes, **recent, **liking(horror_films)}
    found = picks(space, ratings, k=MAX_K)
    assert len(found) == MAX_K and not works_of(model, ratings) & works_of(model, [p.id for p in found])
