"""A retrain in a child process, as the bot runs it: it publishes a model into the data folder,
and a child that fails or overruns is reported. (Publishing, rollback and the rest of the
registry are in tests/unit/core/personal/test_registry.py.)"""

from __future__ import annotations

import pytest

from benchmarks.eval_reranker import synthetic_signals
from core.personal import registry, training
from tests.support.snapshot_helpers import published_copy, with_feedback


@pytest.fixture(scope="module")
def data_dir_with_feedback(tmp_path_factory, fixture_snapshot):
    """A data folder holding the fixture catalogue's snapshot and simulated users' feedback."""
    data_dir = published_copy(fixture_snapshot, tmp_path_factory.mktemp("data"))
    return with_feedback(data_dir, synthetic_signals(fixture_snapshot.recommender, users=600, per_user=30))


def test_a_retrain_in_a_child_process_publishes_a_model(data_dir_with_feedback):
    outcome = training.run_retrain(data_dir_with_feedback)
    assert outcome["outcome"] == "published", outcome
    reranker, meta = registry.current(data_dir_with_feedback)
    assert reranker.version == outcome["version"] == meta["version"]
    assert meta["training_examples"] == outcome["training_examples"] >= training.MIN_EXAMPLES
    assert meta["metrics"]["auc"] > meta["serving_metrics"]["auc"]
    assert meta["replaced"] == "identity" and meta["serving_metrics"] == outcome["serving_metrics"]


def test_a_child_that_fails_or_overruns_is_reported(tmp_path, data_dir_with_feedback):
    failed = training.run_retrain(tmp_path)  # no snapshot there
    assert failed["outcome"] == "failed" and "SnapshotError" in failed["detail"]
    slow = training.run_retrain(data_dir_with_feedback, timeout=0.05)
    assert slow["outcome"] == "failed" and "took over" in slow["detail"]
