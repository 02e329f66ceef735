"""Published re-ranker models on disk: versioned folders and a ``CURRENT`` pointer.

    data/processed/models/CURRENT                          -> "model-20261127T120000123456Z"
    data/processed/models/model-20261127T120000123456Z/reranker.json   weights (core.personal.reranker)
    data/processed/models/model-20261127T120000123456Z/metrics.json    training size, time, metrics

The same method as catalogue snapshots (``core.snapshot.files``, written with ``core.snapshot.atomic``): a model is written into a
hidden staging folder, renamed into place, then ``CURRENT`` is replaced (temporary file,
fsync, rename), so a process killed at any moment leaves ``CURRENT`` naming a complete
model. The newest ``KEEP_MODELS`` are kept, and the current one always, whatever its age,
so ``rollback`` has somewhere to go. Nothing published yet: the identity re-ranker serves.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from core.personal.reranker import Reranker
from core.snapshot.atomic import write_atomically, write_json

log = logging.getLogger(__name__)

MODELS_DIR = "models"
CURRENT_FILE = "CURRENT"
RERANKER_FILE = "reranker.json"
METRICS_FILE = "metrics.json"
VERSION_PREFIX = "model-"
STAGING_PREFIX = ".staging-"
KEEP_MODELS = 5
ABANDONED_AFTER_SECONDS = 3600


def models_dir(data_dir) -> Path:
    return Path(data_dir) / MODELS_DIR


def versions(data_dir) -> list[str]:
    """Every published model version still on disk, oldest first."""
    folder = models_dir(data_dir)
    if not folder.is_dir():
        return []
    found = [p.name for p in folder.iterdir() if p.name.startswith(VERSION_PREFIX) and p.is_dir()]
    return sorted(found)  # the names are UTC time stamps: sorted by name is sorted by age


def current_version(data_dir) -> str | None:
    """The version ``CURRENT`` names; None when nothing was published (or it names nothing valid)."""
    try:
        name = (models_dir(data_dir) / CURRENT_FILE).read_text().strip()
    except FileNotFoundError:
        return None
    if not name.startswith(VERSION_PREFIX) or "/" in name:
        log.warning("%s names %r, not a model", models_dir(data_dir) / CURRENT_FILE, name)
        return None
    return name


def current(data_dir) -> tuple[Reranker, dict | None]:
    """The re-ranker to serve and its metrics.json; (identity, None) when nothing is
    published or the published model cannot be read (logged: the bot keeps answering)."""
    version = current_version(data_dir)
    if version is None:
        return Reranker.identity(), None
    return load(data_dir, version)


def load(data_dir, version: str) -> tuple[Reranker, dict | None]:
    """Published model ``version`` and its metrics.json ((identity, None) when unusable, logged):
    what a replica that did not train it swaps in (``bot.jobs.retrain.follow``)."""
    folder = models_dir(data_dir) / version
    try:
        reranker = Reranker.load(folder / RERANKER_FILE)
        meta = json.loads((folder / METRICS_FILE).read_text())
    except (OSError, ValueError, KeyError) as exc:
        log.warning("model %s is unusable, serving the identity: %s", version, exc)
        return Reranker.identity(), None
    return reranker, meta


def publish(data_dir, reranker: Reranker, meta: dict) -> str:
    """Write ``reranker`` and ``meta`` as a new version, make it current, prune; its version.

    ``meta`` (training size, time, metrics...) goes into metrics.json with the version and
    the publication time added."""
    folder = models_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    version = _new_version(folder)
    reranker.version = version
    staged = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
    try:
        reranker.save(staged / RERANKER_FILE)
        published_at = datetime.now(UTC).isoformat(timespec="seconds")
        write_json(staged / METRICS_FILE, {**meta, "version": version, "published_at": published_at})
        os.replace(staged, folder / version)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    _point_at(data_dir, version)
    prune(data_dir)
    return version


def rollback(data_dir) -> str | None:
    """Serve the version published before the current one; its name, or None when there is
    none older. Deletes nothing: the newer version stays on disk until pruned."""
    current_name = current_version(data_dir)
    older = [v for v in versions(data_dir) if current_name is None or v < current_name]
    if current_name is None or not older:
        return None
    _point_at(data_dir, older[-1])
    return older[-1]


def prune(data_dir) -> None:
    """Remove abandoned staging folders and versions beyond the newest ``KEEP_MODELS``,
    never the current one."""
    folder = models_dir(data_dir)
    for staged in folder.glob(f"{STAGING_PREFIX}*"):
        # Left by a killed retrain; a recent one may belong to a retrain still writing.
        if time.time() - staged.stat().st_mtime > ABANDONED_AFTER_SECONDS:
            shutil.rmtree(staged, ignore_errors=True)
    keep = set(versions(data_dir)[-KEEP_MODELS:]) | {current_version(data_dir)}
    for version in versions(data_dir):
        if version not in keep:
            shutil.rmtree(folder / version, ignore_errors=True)


def _point_at(data_dir, version: str) -> None:
    write_atomically(models_dir(data_dir) / CURRENT_FILE, lambda path: Path(path).write_text(version + "\n"))


def _new_version(folder: Path) -> str:
    """A UTC time stamp that sorts after every existing version, even if the clock went back."""
    version = VERSION_PREFIX + datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    existing = versions(folder.parent)
    if existing and version <= existing[-1]:
        version = existing[-1] + "+"  # a longer name with the same start sorts after it
    return version
