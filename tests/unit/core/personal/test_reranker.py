"""The re-ranker on the fixture catalogue: the identity keeps today's order, a model learned
from genre fans puts their genre first, poisoned labels are refused, and the serving side
never loads scikit-learn."""

from __future__ import annotations

import dataclasses
import json
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.catalogue.genres import GENRE_IDS
from core.personal.reranker import FEATURES, PairContext, Reranker, pair_features
from core.personal.training import (
    holdout_examples,
    judge,
    metrics,
    refusal,
    split_by_time,
    train,
    training_examples,
)
from core.recommender import Recommendation
from core.userdata.feedback import DISLIKE, LIKE, Signal

REPO = Path(__file__).resolve().parents[4]
TASTES = ("horror", "documentary", "animation", "romance", "sports", "western")


@pytest.fixture(scope="module")
def recommender(fixture_snapshot):
    return fixture_snapshot.recommender


@pytest.fixture(scope="module")
def pairs(fixture_snapshot) -> PairContext:
    return fixture_snapshot.pairs


@pytest.fixture(scope="module")
def fans(recommender) -> list[Signal]:
    return genre_fans(recommender)


@pytest.fixture(scope="module")
def learned(pairs, fans) -> Reranker:
    return train(training_examples(pairs, fans))


def rows_of_genre(recommender, genre: str) -> np.ndarray:
    bit = np.int64(1 << GENRE_IDS.index(genre))
    return np.flatnonzero(recommender.genre_mask & bit)


def genre_fans(recommender, users: int = 300, per_user: int = 30, noise: float = 0.1, seed: int = 5):
    """Each user loves one genre of ``TASTES``: shown half titles of it and half others, they
    like those of their genre (a ``noise`` share of answers flipped). Everyone rates one
    title per round, so the newest rounds make the hold-out."""
    rng = random.Random(seed)
    everything = np.arange(len(recommender.ids))
    signals = []
    for user in range(users):
        genre = TASTES[user % len(TASTES)]
        mine = rows_of_genre(recommender, genre)
        others = np.setdiff1d(everything, mine)
        for step in range(per_user):
            of_genre = step % 2 == 0
            row = int(rng.choice(mine if of_genre else others))
            liked = of_genre != (rng.random() < noise)
            at = step * 1000.0 + user
            signals.append(Signal(user, recommender.ids[row], LIKE if liked else DISLIKE, "simulation", at))
    return signals


def fake_recommendation(recommender, row: int) -> Recommendation:
    return Recommendation(
        id=recommender.ids[row], title=recommender.titles[row], platform=recommender.platforms[row],
        release_year=int(recommender.years[row]), score=0.0,
    )  # fmt: skip


# ---- identity and reordering ------------------------------------------------------------------
def test_the_identity_keeps_the_recommenders_order_exactly(pairs, recommender):
    identity = Reranker.identity()
    for title_id in random.Random(3).sample(recommender.ids, 40):
        for platform in (None, "netflix"):
            recs = recommender.recommend(title_id, k=20, platform=platform)
            assert identity.rerank(pairs, title_id, recs) == recs


def test_reranking_only_reorders_and_keeps_ties_in_place(pairs, recommender):
    title_id = recommender.resolve("toy story")[0].id
    recs = recommender.recommend(title_id, k=20)
    flat = Reranker(np.zeros(len(FEATURES)), 0.0, version="flat")  # every score equal
    assert flat.rerank(pairs, title_id, recs) == recs
    shuffled = Reranker(np.random.default_rng(1).normal(size=len(FEATURES)), 0.3, version="noise")
    reordered = shuffled.rerank(pairs, title_id, recs)
    assert sorted(r.id for r in reordered) == sorted(r.id for r in recs) and len(reordered) == len(recs)
    assert shuffled.rerank(pairs, "no-such-id", recs) == recs


# ---- features ---------------------------------------------------------------------------------
def test_pair_features_describe_a_sequel(pairs, recommender):
    toy_story = recommender.row_of[recommender.resolve("toy story")[0].id]
    sequel = recommender.row_of[recommender.resolve("toy story 2")[0].id]
    found = dict(zip(FEATURES, pair_features(pairs, [toy_story], [sequel])[0], strict=True))
    assert found["similarity"] > 0.3 and found["same_series"] == 1
    assert found["genre_jaccard"] > 0.5 and found["same_type"] == 1 and found["family_match"] == 1
    assert found["year_gap"] == pytest.approx(
        abs(recommender.years[toy_story] - recommender.years[sequel]) / 30
    )
    itself = dict(zip(FEATURES, pair_features(pairs, [toy_story], [toy_story])[0], strict=True))
    assert itself["similarity"] == pytest.approx(1, abs=1e-3) and itself["genre_jaccard"] == 1


def test_director_and_cast_overlaps_match_plain_sets(pairs, recommender):
    rng = np.random.default_rng(2)
    anchors = rng.integers(0, len(recommender.ids), 3000)
    candidates = recommender.neighbours[anchors, rng.integers(0, 100, 3000)].astype(np.int64)
    found = pair_features(pairs, anchors, candidates)
    for column, people in (("director_overlap", recommender.directors), ("cast_overlap", recommender.cast)):
        for i, (a, c) in enumerate(zip(anchors, candidates, strict=True)):
            mine, theirs = set(people[a]), set(people[c])
            expected = len(mine & theirs) / min(len(mine), len(theirs)) if mine and theirs else 0.0
            assert found[i, FEATURES.index(column)] == pytest.approx(expected)
    assert found.min() >= 0 and found.max() <= 1 + 1e-6


def test_several_anchors_average_their_features(pairs, learned):
    anchors, candidates = [10, 100, 200], np.array([5, 6, 7, 8])
    per_anchor = [pair_features(pairs, [a] * len(candidates), candidates) for a in anchors]
    expected = learned.probabilities(np.mean(per_anchor, axis=0))
    assert learned.score(pairs, anchors, candidates) == pytest.approx(expected)


# ---- learning -------------------------------------------------------------------------------
def test_a_model_learned_from_genre_fans_ranks_their_genre_first(pairs, recommender, learned):
    rng = np.random.default_rng(4)
    horror = rows_of_genre(recommender, "horror")
    others = np.setdiff1d(np.arange(len(recommender.ids)), horror)
    anchors = rng.choice(horror, 5, replace=False)
    fresh_horror = rng.choice(np.setdiff1d(horror, anchors), 10, replace=False)
    unrelated = rng.choice(others, 10, replace=False)
    # The suggestions arrive with every off-genre title first: the model must turn that round.
    recs = [fake_recommendation(recommender, int(row)) for row in [*unrelated, *fresh_horror]]
    reranked = learned.rerank(pairs, recommender.ids[anchors[0]], recs)
    top = {recommender.row_of[rec.id] for rec in reranked[:10]}
    assert len(top & set(fresh_horror.tolist())) >= 9
    scores = learned.score(pairs, anchors, np.r_[fresh_horror, unrelated])
    assert scores[:10].mean() > scores[10:].mean() + 0.2


@pytest.mark.full_data
def test_the_learned_model_beats_plain_similarity_on_newer_feedback(full_snapshot):
    """An evaluation, on the full data: on the small fixture catalogue plain similarity
    already keeps genres together, leaving a learned model little to win."""
    recommender, pairs = full_snapshot.recommender, full_snapshot.pairs
    history, holdout = split_by_time(genre_fans(recommender))
    model = train(training_examples(pairs, history))
    judged_on = holdout_examples(pairs, history, holdout)
    found, plain = metrics(model, judged_on), metrics(Reranker.identity(), judged_on)
    assert found["examples"] == plain["examples"] > 1000
    assert found["auc"] > plain["auc"] + 0.1 and found["ndcg@5"] > plain["ndcg@5"]
    assert refusal({**found, **model.metrics}, plain) == ""


def test_the_gate_refuses_a_model_trained_on_random_labels(pairs, fans):
    history, holdout = split_by_time(fans)
    coin = random.Random(9)
    poisoned = [dataclasses.replace(s, value=coin.choice([LIKE, DISLIKE])) for s in history]
    candidate, outcome = judge(pairs, poisoned + holdout, Reranker.identity())
    assert candidate is None and outcome["outcome"] == "refused", outcome
    assert refusal(outcome["metrics"], outcome["serving_metrics"]) == outcome["detail"] != ""


def test_clean_feedback_passes_the_same_gate(pairs, fans):
    candidate, outcome = judge(pairs, fans, Reranker.identity())
    assert candidate is not None and outcome["outcome"] == "passed", outcome
    assert candidate.metrics["auc"] == outcome["metrics"]["auc"]


def test_the_gate_wants_at_least_the_serving_models_figures():
    serving = {"auc": 0.70, "auc_low": 0.68, "ndcg@5": 0.60}
    assert refusal(dict(serving), serving) == ""
    assert refusal({**serving, "auc": 0.69}, serving).startswith("AUC 0.6900 < serving 0.7000")
    assert refusal({**serving, "ndcg@5": 0.55}, serving).startswith("NDCG@5 0.5500 < serving 0.6000")
    assert refusal({**serving, "auc_low": 0.49}, serving).startswith("no better than chance")
    assert refusal({"auc": None, "auc_low": None, "ndcg@5": None}, serving).startswith(
        "the hold-out cannot rank"
    )


def test_too_little_feedback_trains_nothing(pairs, fans):
    candidate, outcome = judge(pairs, fans[:150], Reranker.identity())
    assert candidate is None and outcome["outcome"] == "skipped"
    assert outcome["version"] == "identity" and "200 needed" in outcome["detail"]


# ---- persistence and the serving process ------------------------------------------------------
def test_a_model_saves_as_json_and_loads_back(tmp_path, learned):
    learned.save(tmp_path / "reranker.json")
    data = json.loads((tmp_path / "reranker.json").read_text())
    assert data["features"] == list(FEATURES) and len(data["weights"]) == len(FEATURES)
    loaded = Reranker.load(tmp_path / "reranker.json")
    assert np.allclose(loaded.weights, learned.weights) and loaded.intercept == learned.intercept
    data["features"] = data["features"][:-1]
    (tmp_path / "other.json").write_text(json.dumps(data))
    with pytest.raises(ValueError, match="other features"):
        Reranker.load(tmp_path / "other.json")


def test_serving_never_imports_scikit_learn():
    code = (
        "import sys, core.personal.reranker, core.personal.registry, core.personal.training; "
        "assert not [m for m in sys.modules if m.startswith('sklearn')], 'sklearn loaded'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
