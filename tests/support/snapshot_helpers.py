"""Test set-up shared by the refresh and learning tests: data folders holding snapshots."""

from __future__ import annotations

from pathlib import Path

from core.snapshot.build import build_snapshot
from core.snapshot.files import CURRENT_FILE, publish, staging, write_snapshot
from core.snapshot.store import Snapshot, load_snapshot
from core.userdata.feedback import Feedback


def built_snapshot(data_dir, source) -> Snapshot:
    """The first snapshot of ``data_dir``, built in this process. ``open_snapshot`` builds
    it in a child process, as the bot does; in a test that costs ~1.5 s of imports, and
    only the first-start tests need that."""
    build_snapshot(data_dir, source, force=True, max_drop=1.0)
    return load_snapshot(data_dir)


def served_snapshot(data_dir, source) -> Snapshot:
    """What a (re)start serves: the snapshot on disk, or a first one built in this process."""
    if (Path(data_dir) / CURRENT_FILE).exists():
        return load_snapshot(data_dir)
    return built_snapshot(data_dir, source)


def published_copy(snapshot: Snapshot, data_dir) -> Path:
    """``data_dir`` serving ``snapshot`` from disk (catalogue and model), as a build leaves
    it: for code that reads the data folder itself, such as a retraining child."""
    staged = staging(data_dir)
    write_snapshot(snapshot.catalogue, {"titles": len(snapshot.catalogue)}, staged)
    snapshot.recommender.save(staged)
    publish(data_dir, staged, snapshot.catalogue.attrs["version"])
    return Path(data_dir)


def with_feedback(data_dir, signals) -> Path:
    feedback = Feedback(data_dir)
    feedback.record_many(list(signals))
    feedback.close()
    return Path(data_dir)
