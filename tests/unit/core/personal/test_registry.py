"""Published re-ranker models: versions, the CURRENT pointer, rollback, pruning, and retraining
from a data folder. The retrain in a child process is in tests/e2e/test_registry.py."""

from __future__ import annotations

import re
import threading

import numpy as np
import pytest

from core.personal import registry, training
from core.personal.reranker import FEATURES, Reranker
from core.snapshot.build import build_snapshot
from core.userdata.feedback import LIKE, Feedback, Signal
from tests.conftest import FIXTURE_SOURCE

VERSION_LINE = re.compile(r"model-\d{8}T\d{12}Z\+*\n")


def a_model(seed: int = 0) -> Reranker:
    return Reranker(np.random.default_rng(seed).normal(size=len(FEATURES)), 0.1, version="candidate")


def publish_one(data_dir, seed: int = 0) -> str:
    return registry.publish(
        data_dir, a_model(seed), {"training_examples": 100 + seed, "metrics": {"auc": 0.7}}
    )


# ---- publish, current, rollback -------------------------------------------------------------
def test_nothing_published_serves_the_identity(tmp_path):
    reranker, meta = registry.current(tmp_path)
    assert reranker.is_identity and meta is None
    assert registry.versions(tmp_path) == [] and registry.rollback(tmp_path) is None


def test_publish_current_and_rollback_round_trip(tmp_path):
    first, second, third = (publish_one(tmp_path, seed) for seed in range(3))
    assert registry.versions(tmp_path) == [first, second, third]
    reranker, meta = registry.current(tmp_path)
    assert reranker.version == meta["version"] == third and meta["training_examples"] == 102
    assert np.allclose(reranker.weights, a_model(2).weights) and "published_at" in meta

    assert registry.rollback(tmp_path) == second
    assert registry.current(tmp_path)[0].version == second
    assert registry.rollback(tmp_path) == first
    assert registry.rollback(tmp_path) is None  # nothing older: stays on the first
    assert registry.current(tmp_path)[0].version == first
    assert registry.versions(tmp_path) == [first, second, third]  # a rollback deletes nothing

    fourth = publish_one(tmp_path, 3)
    assert registry.current(tmp_path)[0].version == fourth and fourth > third


def test_the_last_five_are_kept_and_rollback_reaches_the_oldest(tmp_path):
    published = [publish_one(tmp_path, seed) for seed in range(7)]
    assert registry.versions(tmp_path) == published[-5:]
    rolled = [registry.rollback(tmp_path) for _ in range(5)]
    assert rolled == [*reversed(published[2:6]), None]
    assert registry.current(tmp_path)[0].version == published[2]
    newest = publish_one(tmp_path, 7)
    assert registry.versions(tmp_path) == [*published[3:], newest]


def test_current_is_never_half_written_while_models_are_published(tmp_path):
    publish_one(tmp_path)
    done = threading.Event()

    def keep_publishing():
        for seed in range(40):
            publish_one(tmp_path, seed)
        done.set()

    writer = threading.Thread(target=keep_publishing)
    writer.start()
    reads = 0
    while not done.is_set() or reads < 50:
        assert VERSION_LINE.fullmatch((tmp_path / "models" / "CURRENT").read_text())
        assert not registry.current(tmp_path)[0].is_identity
        reads += 1
    writer.join()


def test_a_publication_that_dies_leaves_the_previous_model_current(tmp_path, monkeypatch):
    before = publish_one(tmp_path)

    def die_halfway(target, write):
        def half(path):
            with open(path, "w") as handle:
                handle.write("model-2026")
            raise OSError("disk full")

        return original(target, half)

    original = registry.write_atomically
    monkeypatch.setattr(registry, "write_atomically", die_halfway)
    with pytest.raises(OSError, match="disk full"):
        publish_one(tmp_path, 1)
    assert (tmp_path / "models" / "CURRENT").read_text() == before + "\n"
    assert registry.current(tmp_path)[0].version == before

    monkeypatch.setattr(registry, "write_json", lambda *_: (_ for _ in ()).throw(OSError("killed")))
    with pytest.raises(OSError, match="killed"):
        publish_one(tmp_path, 2)
    assert registry.current(tmp_path)[0].version == before
    assert not list((tmp_path / "models").glob(".staging-*"))  # the half-written folder is gone


def test_an_unreadable_model_falls_back_to_the_identity(tmp_path):
    version = publish_one(tmp_path)
    (tmp_path / "models" / version / "reranker.json").write_text("{not json")
    reranker, meta = registry.current(tmp_path)
    assert reranker.is_identity and meta is None


# ---- retraining from a data folder ----------------------------------------------------------
@pytest.fixture
def small_data_dir(tmp_path):
    build_snapshot(tmp_path, FIXTURE_SOURCE, force=True, max_drop=1.0)
    return tmp_path


def test_a_retrain_with_too_little_feedback_is_skipped(small_data_dir):
    feedback = Feedback(small_data_dir)
    feedback.record_many([Signal(1, "ns1", LIKE, "button", 1.0), Signal(1, "ns2", LIKE, "button", 2.0)])
    feedback.close()
    outcome = training.retrain(small_data_dir)
    assert outcome["outcome"] == "skipped" and outcome["version"] == "identity", outcome
    assert registry.current_version(small_data_dir) is None


def test_a_second_retrain_meanwhile_is_busy(tmp_path):
    with training._running:  # busy before it looks at the data folder or starts a child
        assert training.run_retrain(tmp_path)["outcome"] == "busy"
