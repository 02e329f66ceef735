"""The retrain's child process keeps the protocol the build's does (``core.snapshot.child``):
killed with the bot, even by kill -9, it stops instead of publishing a model nobody serves."""

from __future__ import annotations

from benchmarks.eval_reranker import synthetic_signals
from core.personal import registry
from tests.support.processes import kill_parent_of
from tests.support.snapshot_helpers import published_copy, with_feedback


def test_a_retrain_dies_with_the_process_that_started_it(tmp_path, fixture_snapshot):
    data = published_copy(fixture_snapshot, tmp_path / "data")
    # Enough feedback for a retrain that publishes (tests/unit/core/personal/test_registry.py).
    with_feedback(data, synthetic_signals(fixture_snapshot.recommender, users=600, per_user=30))
    code = f"from core.personal.training import run_retrain; run_retrain({str(data)!r})"
    kill_parent_of("core.personal.training", data, code)
    # A retrain left running publishes a model within seconds; one that died publishes nothing.
    assert registry.current_version(data) is None
